// One field on a page: its label, help, editor and validation messages.
#include "fieldrow.h"

#include "fieldwidget.h"
#include "fieldwidgetfactory.h"
#include "issuelabel.h"
#include "textstyles.h"

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
        label->setFixedWidth(label->fontMetrics().averageCharWidth() * 30);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // Line the label's first line up with the editor's text.
        label->setContentsMargins(0, 4, 0, 0);
        layout->addWidget(label);
        layout->addLayout(column, 1);
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
}

void FieldRow::refresh()
{
    if (m_editor)
        m_editor->refresh();
}

void FieldRow::setIssues(const QList<Issue> &issues)
{
    m_issues->setIssues(issues);
}

} // namespace opsflow
