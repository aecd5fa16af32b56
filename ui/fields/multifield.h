// A `multi` field: any of several options as checkboxes, plus free additions when allowed.
#pragma once

#include "fieldwidget.h"

class QCheckBox;
class QLineEdit;

namespace opsflow {

class MultiField : public FieldWidget
{
    Q_OBJECT
public:
    explicit MultiField(const FieldBinding &binding, QWidget *parent = nullptr);

protected:
    void showValue(const QVariant &value) override;

private:
    void writeFromWidgets();
    // Free additions typed by the user, comma-separated, in the order typed.
    QStringList additions() const;

    QList<QCheckBox *> m_boxes;
    QLineEdit *m_other = nullptr;
};

} // namespace opsflow
