// Base of the editors the field widget factory makes: a view of one field of the model.
#include "fieldwidget.h"

namespace opsflow {

FieldWidget::FieldWidget(const FieldBinding &binding, QWidget *parent) : QWidget(parent), m_binding(binding)
{
    setObjectName(binding.objectName());
    setAccessibleName(binding.field().label);
    if (!binding.field().help.isEmpty())
        setToolTip(binding.field().help);
}

void FieldWidget::refresh()
{
    if (!m_writing)
        showValue(m_binding.shownValue());
}

void FieldWidget::write(const QVariant &value)
{
    m_writing = true;
    m_binding.write(value);
    m_writing = false;
}

QString FieldWidget::childName(const QString &part) const
{
    return objectName() + QLatin1Char('/') + part;
}

} // namespace opsflow
