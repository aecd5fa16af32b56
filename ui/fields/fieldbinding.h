// Where a field widget reads and writes: one field of a question, or one context field.
#pragma once

#include "answersmodel.h"

namespace opsflow {

class FieldBinding
{
public:
    FieldBinding(AnswersModel *model, const QString &questionId, const Field &field);
    // Context fields (project name, database, …) are stored beside the answers, not in them.
    static FieldBinding forContext(AnswersModel *model, const Field &field);

    AnswersModel *model() const { return m_model; }
    QString questionId() const { return m_questionId; }
    const Field &field() const { return *m_field; }
    bool isContext() const { return m_questionId.isEmpty(); }

    // "7.4.1/strategy" or "context/project_name": how tests and accessibility tools find it.
    QString objectName() const;
    // What the widget shows: the stored answer or the pre-fill (Resolver::shownValue).
    QVariant shownValue() const;
    void write(const QVariant &value) const;

private:
    AnswersModel *m_model;
    QString m_questionId;
    const Field *m_field;
};

} // namespace opsflow
