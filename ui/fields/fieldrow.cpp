// One field on a page: its label, help, editor and validation messages.
#include "fieldrow.h"

#include "fieldwidget.h"
#include "fieldwidgetfactory.h"
#include "issuelabel.h"
#include "textstyles.h"

#include <QAbstractButton>
#include <QBoxLayout>
#include <QLabel>

namespace opsflow {

namespace {

// Short answers sit beside their label (a form); choices, lists and tables get the width.
bool isCompact(Field::Type type)
{
    return type == Field::Type::Text || type == Field::Type::Number || type == Field::Type::Bool;
}

} // namespace

FieldRow::FieldRow(const FieldBinding &binding, QWidget *parent)
    : QWidget(parent), m_fieldId(binding.field().id), m_issues(new IssueLabel(this))
{
    const Field &field = binding.field();
    setObjectName(binding.objectName() + QStringLiteral("/row"));
    m_editor = FieldWidgetFactory::standard().create(binding, this);

    auto *label = new QLabel(field.label, this);
    m_label = label;
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setBuddy(m_editor);
    if (!field.help.isEmpty())
        label->setToolTip(field.help);
    m_issues->setObjectName(binding.objectName() + QStringLiteral("/issues"));

    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(3);
    if (m_editor)
        column->addWidget(m_editor);
    if (!field.help.isEmpty()) {
        auto *help = new QLabel(field.help, this);
        help->setTextFormat(Qt::PlainText);
        TextStyles::makeSmallPrint(help);
        column->addWidget(help);
    }
    column->addWidget(m_issues);

    if (isCompact(field.type)) {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        // Labels take two fifths of the row, up to 30 characters: every row of a page is as
        // wide, so the editors line up, and on a narrow window the label wraps instead of
        // pushing the editor out of sight.
        const int charWidth = label->fontMetrics().averageCharWidth();
        label->setMinimumWidth(charWidth * 10);
        label->setMaximumWidth(charWidth * 30);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // Line the label's first line up with the editor's text.
        label->setContentsMargins(0, 4, 0, 0);
        layout->addWidget(label, 2);
        layout->addLayout(column, 3);
    } else {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        layout->addWidget(label);
        layout->addLayout(column);
    }
    describeControls(field);
}

void FieldRow::describeControls(const Field &field)
{
    if (!m_editor)
        return;
    const QString help = field.help.isEmpty() ? field.label : field.help;
    for (QWidget *control : m_editor->findChildren<QWidget *>()) {
        if ((control->focusPolicy() & Qt::ClickFocus) == 0)
            continue;
        QString words = help;
        // Options are named "<question>/<field>/<value>": the value finds the option.
        const QString value = control->objectName().section(QLatin1Char('/'), -1);
        if (const Choice *choice = field.choice(value); choice && qobject_cast<QAbstractButton *>(control)) {
            const QString about = !choice->description.isEmpty() ? choice->description
                : !choice->items.isEmpty()                       ? choice->items.join(QStringLiteral(", "))
                                                                 : QString();
            words = about.isEmpty() ? tr("An option of “%1”.").arg(field.label)
                                    : tr("An option of “%1”: %2").arg(field.label, about);
        } else if (auto *button = qobject_cast<QAbstractButton *>(control); button && !button->toolTip().isEmpty()) {
            words = button->toolTip();
        }
        m_descriptions.append({control, words});
    }
    updateDescriptions(QString());
}

void FieldRow::updateDescriptions(const QString &messages)
{
    for (const auto &[control, words] : std::as_const(m_descriptions)) {
        if (control)
            control->setAccessibleDescription(messages.isEmpty() ? words : words + QLatin1Char(' ') + messages);
    }
}

void FieldRow::setLabelShown(bool shown)
{
    m_label->setVisible(shown);
}

void FieldRow::refresh()
{
    if (m_editor)
        m_editor->refresh();
}

void FieldRow::setIssues(const QList<Issue> &issues)
{
    m_issues->setIssues(issues);
    QStringList messages;
    for (const Issue &issue : issues)
        messages << (issue.warning ? tr("Warning: %1") : tr("Error: %1")).arg(issue.message);
    updateDescriptions(messages.join(QLatin1Char(' ')));
}

} // namespace opsflow
