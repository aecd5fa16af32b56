// A `multi` field: any of several options as checkboxes, plus free additions when allowed.
#include "multifield.h"

#include "optiontext.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

namespace opsflow {

MultiField::MultiField(const FieldBinding &binding, QWidget *parent) : FieldWidget(binding, parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);

    // Long checklists (pipeline stages, metrics) take two columns so a page stays readable
    // at 1280×800 without scrolling past a tall list.
    const QList<Choice> &choices = field().choices;
    // Two columns only for short plain options: a checkbox cannot wrap, so a long label in
    // half the width would be cut off on a small screen.
    bool plain = choices.size() > 5;
    for (const Choice &choice : choices)
        plain = plain && choice.items.isEmpty() && choice.description.isEmpty() && choice.label.size() <= 28;
    const int columns = plain ? 2 : 1;
    const int rows = int((choices.size() + columns - 1) / columns);
    const int indent =
        style()->pixelMetric(QStyle::PM_IndicatorWidth) + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing);

    int row = 0;
    for (int i = 0; i < choices.size(); ++i) {
        const Choice &choice = choices.at(i);
        auto *box = new QCheckBox(optionButtonText(choice), this);
        box->setObjectName(childName(choice.value));
        connect(box, &QCheckBox::clicked, this, &MultiField::writeFromWidgets);
        m_boxes.append(box);
        // Column-major, so the seed's order reads down the first column, then the second.
        const int column = columns == 1 ? 0 : i / rows;
        const int gridRow = columns == 1 ? row : i % rows;
        layout->addWidget(box, gridRow, column);
        if (columns == 1)
            ++row;
        if (QLabel *details = optionDetails(choice, indent, this)) {
            box->setAccessibleDescription(details->text());
            layout->addWidget(details, row++, 0);
        }
    }
    if (columns == 2)
        row = rows;

    if (field().other) {
        m_other = new QLineEdit(this);
        m_other->setMaxLength(field().maxLength);
        m_other->setObjectName(childName(QStringLiteral("other")));
        m_other->setPlaceholderText(tr("Your additions, separated by commas"));
        m_other->setAccessibleName(tr("%1: your additions").arg(field().label));
        m_other->setClearButtonEnabled(true);
        connect(m_other, &QLineEdit::textEdited, this, &MultiField::writeFromWidgets);
        layout->addWidget(m_other, row, 0, 1, columns);
    }
    // One column takes the width (item lists must not wrap); several keep to the left.
    layout->setColumnStretch(columns > 1 ? columns : 0, 1);
    if (!m_boxes.isEmpty())
        setFocusProxy(m_boxes.constFirst());
}

QStringList MultiField::additions() const
{
    QStringList out;
    if (!m_other)
        return out;
    for (const QString &part : m_other->text().split(QLatin1Char(','))) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty() && !out.contains(trimmed))
            out.append(trimmed);
    }
    return out;
}

void MultiField::writeFromWidgets()
{
    QStringList values;
    for (int i = 0; i < m_boxes.size(); ++i) {
        if (m_boxes.at(i)->isChecked())
            values.append(field().choices.at(i).value);
    }
    // Without an additions box, values from a hand-edited file are still kept, not dropped.
    QStringList extras = additions();
    if (!m_other) {
        for (const QString &v : binding().shownValue().toStringList()) {
            if (!field().choice(v))
                extras.append(v);
        }
    }
    for (const QString &extra : std::as_const(extras)) {
        if (!values.contains(extra))
            values.append(extra);
    }
    write(values);
}

void MultiField::showValue(const QVariant &value)
{
    const QStringList values = value.toStringList();
    QStringList extras;
    for (const QString &v : values) {
        if (!field().choice(v))
            extras.append(v);
    }
    for (int i = 0; i < m_boxes.size(); ++i) {
        const QSignalBlocker blocker(m_boxes.at(i));
        m_boxes.at(i)->setChecked(values.contains(field().choices.at(i).value));
    }
    // Rewriting the text only when it means something else keeps the user's spacing.
    if (m_other && additions() != extras) {
        const QSignalBlocker blocker(m_other);
        m_other->setText(extras.join(QStringLiteral(", ")));
    }
}

} // namespace opsflow
