// Cell editors of a table field: a combo box for choice columns, a number edit for numbers.
#include "tablecelldelegate.h"

#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace opsflow {

TableCellDelegate::TableCellDelegate(const QList<Column> &columns, QObject *parent)
    : QStyledItemDelegate(parent), m_columns(columns)
{ }

QWidget *TableCellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    const Column column = m_columns.value(index.column());
    if (column.type == QLatin1String("choice")) {
        auto *combo = new QComboBox(parent);
        combo->addItems(column.choices);
        return combo;
    }
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && column.maxLength > 0)
        edit->setMaxLength(column.maxLength); // what the answers file may hold
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && column.type == QLatin1String("number")) {
        edit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]*([.][0-9]*)?")), edit));
        edit->setAlignment(Qt::AlignRight);
    }
    return editor;
}

void TableCellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int at = combo->findText(index.data(Qt::EditRole).toString());
        combo->setCurrentIndex(qMax(0, at));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void TableCellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace opsflow
