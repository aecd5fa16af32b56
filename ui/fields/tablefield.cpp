// A `table` field: editable rows (retry policies, log levels, masking rules, …).
#include "tablefield.h"

#include "numberfield.h"
#include "tablecelldelegate.h"

#include <QAction>
#include <QBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>

namespace opsflow {

TableField::TableField(const FieldBinding &binding, QWidget *parent)
    : FieldWidget(binding, parent), m_table(new QTableWidget(this)), m_add(new QPushButton(tr("Add Row"), this)),
      m_remove(new QPushButton(tr("Remove Row"), this)), m_up(new QPushButton(tr("Move Up"), this)),
      m_down(new QPushButton(tr("Move Down"), this))
{
    const QList<Column> &columns = field().columns;
    m_table->setObjectName(childName(QStringLiteral("table")));
    m_table->setAccessibleName(field().label);
    m_table->setColumnCount(int(columns.size()));
    QStringList headers;
    for (const Column &column : columns)
        headers.append(column.unit.isEmpty() ? column.label : tr("%1 (%2)").arg(column.label, column.unit));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setItemDelegate(new TableCellDelegate(columns, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    // Arrow keys browse; typing, F2 or a double click edits, as in a spreadsheet.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                             | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The page scrolls, not the table: show every row.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusProxy(m_table);

    m_add->setObjectName(childName(QStringLiteral("add")));
    m_remove->setObjectName(childName(QStringLiteral("remove")));
    m_up->setObjectName(childName(QStringLiteral("up")));
    m_down->setObjectName(childName(QStringLiteral("down")));
    // Keys instead of Alt+letters: a page can hold several tables (7.9.4 has two), and the
    // keys act on the table that has the focus. The tool tips name them.
    const QList<std::pair<QPushButton *, QKeySequence>> keys = {
        {m_add, QKeySequence(Qt::Key_Insert)},
        {m_remove, QKeySequence(Qt::CTRL | Qt::Key_Delete)},
        {m_up, QKeySequence(Qt::ALT | Qt::Key_Up)},
        {m_down, QKeySequence(Qt::ALT | Qt::Key_Down)},
    };
    auto *buttons = new QHBoxLayout;
    for (const auto &[button, key] : keys) {
        button->setAutoDefault(false); // Enter still means "Next" in the wizard
        button->setToolTip(tr("%1 (%2)").arg(button->text(), key.toString(QKeySequence::NativeText)));
        if (button == m_add)
            m_addHint = button->toolTip(); // updateButtons() swaps it for "full" and back
        auto *action = new QAction(button->text(), m_table);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, button, &QPushButton::click);
        m_table->addAction(action);
        buttons->addWidget(button);
    }
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, &TableField::writeFromWidget);
    connect(m_table, &QTableWidget::currentCellChanged, this, &TableField::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &TableField::addRow);
    connect(m_remove, &QPushButton::clicked, this, &TableField::removeRow);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRow(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRow(+1); });
    updateButtons();
}

QVariantList TableField::rowsFromWidget() const
{
    const QList<Column> &columns = field().columns;
    QVariantList rows;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QVariantMap row;
        for (int c = 0; c < columns.size(); ++c) {
            const QTableWidgetItem *item = m_table->item(r, c);
            const QString text = item ? item->text().trimmed() : QString();
            if (text.isEmpty())
                continue;
            // A number column keeps text it cannot read, so validation can name the cell.
            const QVariant number =
                columns.at(c).type == QLatin1String("number") ? NumberField::parse(text) : QVariant();
            row.insert(columns.at(c).id, number.isValid() ? number : QVariant(text));
        }
        rows.append(row);
    }
    return rows;
}

void TableField::writeFromWidget()
{
    write(rowsFromWidget());
}

void TableField::showValue(const QVariant &value)
{
    const QVariantList rows = value.toList();
    if (rows == rowsFromWidget())
        return;
    const QList<Column> &columns = field().columns;
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const QVariantMap row = rows.at(r).toMap();
        for (int c = 0; c < columns.size(); ++c) {
            const QVariant cell = row.value(columns.at(c).id);
            const bool numeric = columns.at(c).type == QLatin1String("number");
            const QString text =
                numeric && cell.typeId() != QMetaType::QString ? NumberField::format(cell) : cell.toString();
            auto *item = new QTableWidgetItem(text);
            if (numeric)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void TableField::addRow()
{
    const int row = m_table->rowCount();
    if (field().maxRows > 0 && row >= field().maxRows)
        return;
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
    }
    writeFromWidget();
    m_table->setCurrentCell(row, 0);
    m_table->setFocus();
    m_table->edit(m_table->model()->index(row, 0));
}

void TableField::removeRow()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    {
        const QSignalBlocker blocker(m_table);
        m_table->removeRow(row);
    }
    writeFromWidget();
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(qMin(row, m_table->rowCount() - 1), 0);
    updateButtons();
}

void TableField::moveRow(int delta)
{
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    {
        const QSignalBlocker blocker(m_table);
        for (int c = 0; c < m_table->columnCount(); ++c) {
            QTableWidgetItem *a = m_table->takeItem(row, c);
            QTableWidgetItem *b = m_table->takeItem(target, c);
            m_table->setItem(row, c, b);
            m_table->setItem(target, c, a);
        }
    }
    writeFromWidget();
    m_table->setCurrentCell(target, qMax(0, m_table->currentColumn()));
}

void TableField::updateButtons()
{
    const int row = m_table->currentRow();
    const bool selected = row >= 0;
    m_remove->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row < m_table->rowCount() - 1);
    // A full table takes no more rows: the answers file holds at most maxRows.
    const bool full = field().maxRows > 0 && m_table->rowCount() >= field().maxRows;
    m_add->setEnabled(!full);
    m_add->setToolTip(full ? tr("A table holds at most %n rows.", nullptr, field().maxRows) : m_addHint);
}

} // namespace opsflow
