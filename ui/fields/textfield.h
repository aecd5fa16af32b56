// A `text` field: one line of free text.
#pragma once

#include "fieldwidget.h"

class QLineEdit;

namespace opsflow {

class TextField : public FieldWidget
{
    Q_OBJECT
public:
    explicit TextField(const FieldBinding &binding, QWidget *parent = nullptr);

protected:
    void showValue(const QVariant &value) override;

private:
    QLineEdit *m_edit;
};

} // namespace opsflow
