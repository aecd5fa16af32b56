// Where a field widget reads and writes: one field of a question, or one context field.
#include "fieldbinding.h"

namespace opsflow {

FieldBinding::FieldBinding(AnswersModel *model, const QString &questionId, const Field &field)
    : m_model(model), m_questionId(questionId), m_field(&field)
{ }

FieldBinding FieldBinding::forContext(AnswersModel *model, const Field &field)
{
    return FieldBinding(model, QString(), field);
}

QString FieldBinding::objectName() const
{
    return (isContext() ? QStringLiteral("context") : m_questionId) + QLatin1Char('/') + m_field->id;
}

QVariant FieldBinding::shownValue() const
{
    const Resolver resolver = m_model->resolver();
    return isContext() ? resolver.contextValue(m_field->id) : resolver.shownValue(m_questionId, m_field->id);
}

void FieldBinding::write(const QVariant &value) const
{
    if (isContext())
        m_model->setContextValue(m_field->id, value);
    else
        m_model->setValue(m_questionId, m_field->id, value);
}

} // namespace opsflow
