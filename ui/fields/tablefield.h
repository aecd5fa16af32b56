// A `table` field: editable rows (retry policies, log levels, masking rules, …).
#pragma once

#include "fieldwidget.h"

class QPushButton;
class QTableWidget;

namespace opsflow {

class TableField : public FieldWidget
{
    Q_OBJECT
public:
    explicit TableField(const FieldBinding &binding, QWidget *parent = nullptr);

protected:
    void showValue(const QVariant &value) override;

private:
    QVariantList rowsFromWidget() const;
    void writeFromWidget();
    void addRow();
    void removeRow();
    void moveRow(int delta);
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_add;
    QString m_addHint; // "Add Row (Ins)", the tool tip while the table has room
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
};

} // namespace opsflow
