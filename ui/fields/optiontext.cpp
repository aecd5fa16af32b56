// How a choice's option reads on a radio button or checkbox.
#include "optiontext.h"

#include "questionnaire.h"
#include "textstyles.h"

#include <QLabel>

namespace opsflow {

QString optionButtonText(const Choice &choice)
{
    QString text = choice.marker.isEmpty() ? choice.label : choice.marker + QLatin1Char(' ') + choice.label;
    // Named values (runtimes, stores) have no letter.
    if (choice.value.size() == 1 && choice.value.at(0).isUpper())
        text = choice.value + QStringLiteral(") ") + text;
    return TextStyles::escapeMnemonic(text);
}

QLabel *optionDetails(const Choice &choice, int indent, QWidget *parent)
{
    QStringList lines;
    if (!choice.description.isEmpty())
        lines << choice.description;
    for (const QString &item : choice.items)
        lines << QStringLiteral("• ") + item;
    if (lines.isEmpty())
        return nullptr;
    auto *details = new QLabel(lines.join(QLatin1Char('\n')), parent);
    details->setTextFormat(Qt::PlainText);
    TextStyles::makeSmallPrint(details);
    details->setContentsMargins(indent, 0, 0, 4);
    return details;
}

} // namespace opsflow
