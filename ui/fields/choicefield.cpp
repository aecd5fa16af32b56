// A `choice` field: one of several options, as radio buttons with the seed's markers.
#include "choicefield.h"

#include "optiontext.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>
#include <QStyle>

namespace opsflow {

ChoiceField::ChoiceField(const FieldBinding &binding, QWidget *parent)
    : FieldWidget(binding, parent), m_group(new QButtonGroup(this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->setHorizontalSpacing(style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) * 4);

    // Short plain options (DevOps / Tech Lead / Any developer, the runtimes) sit side by
    // side, up to four a row; options with descriptions or item lists get a line each.
    m_maxColumns = gridColumns();
    const int columns = m_maxColumns;
    m_columns = columns;
    // Descriptions and item lists line up with the option's text, not with its indicator.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    const QList<Choice> &choices = field().choices;
    int row = 0;
    for (int i = 0; i < choices.size(); ++i) {
        const Choice &choice = choices.at(i);
        auto *button = new QRadioButton(optionButtonText(choice), this);
        button->setObjectName(childName(choice.value));
        m_group->addButton(button, i);
        if (columns > 1) {
            layout->addWidget(button, i / columns, i % columns);
            continue;
        }
        layout->addWidget(button, row++, 0);
        if (QLabel *details = optionDetails(choice, indent, this)) {
            button->setAccessibleDescription(details->text());
            layout->addWidget(details, row++, 0);
        }
    }
    // One column takes the width (item lists must not wrap); several keep to the left.
    layout->setColumnStretch(columns > 1 ? columns : 0, 1);
    if (!m_group->buttons().isEmpty())
        setFocusProxy(m_group->buttons().constFirst());

    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) { write(field().choices.at(id).value); });
}

QSize ChoiceField::minimumSizeHint() const
{
    QSize size = FieldWidget::minimumSizeHint();
    if (m_maxColumns > 1) {
        int widest = 0;
        for (const QAbstractButton *button : m_group->buttons())
            widest = qMax(widest, button->sizeHint().width());
        size.setWidth(widest);
    }
    return size;
}

int ChoiceField::columnsThatFit(int width) const
{
    const QList<QAbstractButton *> buttons = m_group->buttons();
    const int spacing = static_cast<QGridLayout *>(layout())->horizontalSpacing();
    for (int columns = m_maxColumns; columns > 1; --columns) {
        int total = spacing * (columns - 1);
        for (int column = 0; column < columns; ++column) {
            int widest = 0;
            for (int i = column; i < buttons.size(); i += columns)
                widest = qMax(widest, buttons.at(i)->sizeHint().width());
            total += widest;
        }
        if (total <= width)
            return columns;
    }
    return 1;
}

void ChoiceField::placeOptions(int columns)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    const QList<QAbstractButton *> buttons = m_group->buttons();
    for (QAbstractButton *button : buttons)
        grid->removeWidget(button);
    for (int column = 0; column <= m_maxColumns; ++column)
        grid->setColumnStretch(column, 0);
    for (int i = 0; i < buttons.size(); ++i)
        grid->addWidget(buttons.at(i), i / columns, i % columns);
    grid->setColumnStretch(columns, 1);
    m_columns = columns;
    updateGeometry();
}

void ChoiceField::resizeEvent(QResizeEvent *event)
{
    FieldWidget::resizeEvent(event);
    if (m_maxColumns < 2)
        return;
    const int columns = columnsThatFit(width());
    if (columns != m_columns)
        placeOptions(columns);
}

int ChoiceField::gridColumns() const
{
    const QList<Choice> &choices = field().choices;
    for (const Choice &choice : choices) {
        if (!choice.items.isEmpty() || !choice.description.isEmpty() || choice.label.size() > 28)
            return 1;
    }
    // Five or six options balance better as 3 + 3 (or 3 + 2) than as 4 + 2.
    return choices.size() <= 4 ? int(qMax(qsizetype(1), choices.size())) : 3;
}

void ChoiceField::showValue(const QVariant &value)
{
    const QString current = value.toString();
    int index = -1;
    for (int i = 0; i < field().choices.size(); ++i) {
        if (field().choices.at(i).value == current)
            index = i;
    }
    const QSignalBlocker blocker(m_group);
    if (index >= 0) {
        m_group->button(index)->setChecked(true);
        return;
    }
    // Unanswered (Interactive mode): an exclusive group cannot show "none" without help.
    m_group->setExclusive(false);
    for (QAbstractButton *button : m_group->buttons())
        button->setChecked(false);
    m_group->setExclusive(true);
}

} // namespace opsflow
