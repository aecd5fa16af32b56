// A `multiline` field: a few lines of free text.
#pragma once

#include "fieldwidget.h"

class QPlainTextEdit;

namespace opsflow {

class MultiLineField : public FieldWidget
{
    Q_OBJECT
public:
    explicit MultiLineField(const FieldBinding &binding, QWidget *parent = nullptr);

protected:
    void showValue(const QVariant &value) override;

private:
    QPlainTextEdit *m_edit;
};

} // namespace opsflow
