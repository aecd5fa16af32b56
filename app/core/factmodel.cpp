// Answers, defaults and evidence turned into facts with their provenance.
#include "factmodel.h"

#include "answerset.h"

namespace opsflow {

QString provenanceId(Provenance provenance)
{
    switch (provenance) {
    case Provenance::Answered: return QStringLiteral("answered");
    case Provenance::AcceptedSuggestion: return QStringLiteral("accepted-suggestion");
    case Provenance::Detected: return QStringLiteral("detected");
    case Provenance::QuestionnaireDefault: return QStringLiteral("questionnaire-default");
    case Provenance::PlatformDefault: return QStringLiteral("platform-default");
    case Provenance::NotAsked: return QStringLiteral("not-asked");
    case Provenance::Undecided: break;
    }
    return QStringLiteral("tbd");
}

FactModel::FactModel(const Resolver &resolver, QList<Finding> findings)
    : m_resolver(resolver), m_findings(std::move(findings))
{ }

const Finding *FactModel::finding(const QString &questionId, const QString &fieldId) const
{
    for (const Finding &f : m_findings) {
        if (f.questionId == questionId && f.fieldId == fieldId)
            return &f;
    }
    return nullptr;
}

Fact FactModel::answered(const QString &questionId, const QString &fieldId, const QVariant &value) const
{
    // Taken from the project's existing documents (pre-flight's hybrid path), unchanged since.
    for (const Finding &f : m_resolver.answers().imported) {
        if (f.questionId == questionId && f.fieldId == fieldId && f.value == value)
            return {value, Provenance::AcceptedSuggestion, f.evidence};
    }
    // Accepted: the project's files show exactly this value.
    for (const Finding &f : m_findings) {
        if (f.questionId == questionId && f.fieldId == fieldId && f.value == value)
            return {value, Provenance::AcceptedSuggestion, f.evidence};
    }
    if (questionId == QLatin1String("context")) {
        const auto detected = m_resolver.answers().detectedContext.constFind(fieldId);
        if (detected != m_resolver.answers().detectedContext.cend() && detected->value == value)
            return {value, Provenance::AcceptedSuggestion, detected->evidence};
    }
    return {value, Provenance::Answered, {}};
}

Fact FactModel::field(const QString &questionId, const QString &fieldId) const
{
    if (!m_resolver.isFieldUsed(questionId, fieldId))
        return {{}, Provenance::NotAsked, {}};
    const QVariant value = m_resolver.value(questionId, fieldId);
    const QVariant stored = m_resolver.answers().stored(questionId, fieldId);
    if (!isEmptyValue(stored) && value == stored)
        return answered(questionId, fieldId, value);
    const Finding *detected = m_resolver.answers().detectedAnswer(questionId, fieldId);
    if (detected && !isEmptyValue(value) && value == detected->value)
        return {value, Provenance::Detected, detected->evidence};
    if (!isEmptyValue(value))
        return {value, Provenance::QuestionnaireDefault, {}};
    if (const Finding *f = finding(questionId, fieldId))
        return {f->value, Provenance::Detected, f->evidence};
    return {{}, Provenance::Undecided, {}};
}

Fact FactModel::context(const QString &fieldId) const
{
    const QVariant stored = m_resolver.answers().context.value(fieldId);
    if (!isEmptyValue(stored))
        return answered(QStringLiteral("context"), fieldId, stored);
    if (const Finding *f = finding(QStringLiteral("context"), fieldId))
        return {f->value, Provenance::Detected, f->evidence};
    const auto detected = m_resolver.answers().detectedContext.constFind(fieldId);
    if (detected != m_resolver.answers().detectedContext.cend() && !isEmptyValue(detected->value))
        return {detected->value, Provenance::Detected, detected->evidence};
    const QVariant fallback = m_resolver.contextValue(fieldId);
    if (!isEmptyValue(fallback))
        return {fallback, Provenance::QuestionnaireDefault, {}};
    return {{}, Provenance::Undecided, {}};
}

} // namespace opsflow
