// A `number` field: a line edit that may stay empty (unanswered), with its unit and range.
#pragma once

#include "fieldwidget.h"

class QLineEdit;

namespace opsflow {

// Not a spin box: a spin box always holds a number, and "not answered yet" must be
// expressible. Range and whole-number rules are reported by validation, in words, rather
// than silently refused while typing.
class NumberField : public FieldWidget
{
    Q_OBJECT
public:
    explicit NumberField(const FieldBinding &binding, QWidget *parent = nullptr);

    // The number a text means: null when empty or not (yet) a number, such as "-".
    static QVariant parse(const QString &text);
    static QString format(const QVariant &value);

protected:
    void showValue(const QVariant &value) override;

private:
    QLineEdit *m_edit;
};

} // namespace opsflow
