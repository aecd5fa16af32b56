// Cell editors of a table field: a combo box for choice columns, a number edit for numbers.
#pragma once

#include "questionnaire.h"

#include <QStyledItemDelegate>

namespace opsflow {

class TableCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TableCellDelegate(const QList<Column> &columns, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    QList<Column> m_columns;
};

} // namespace opsflow
