// The live answers of the running wizard.
#include "answersmodel.h"

#include "documentimport.h"

namespace opsflow {

AnswersModel::AnswersModel(const Questionnaire &questionnaire, QObject *parent)
    : QObject(parent), m_questionnaire(questionnaire)
{ }

void AnswersModel::reset(const AnswerSet &answers)
{
    // The project facts belong to the folder, not to the answers file: they stay.
    const QHash<QString, Finding> detected = m_answers.detectedContext;
    const QHash<QString, Finding> detectedAnswers = m_answers.detectedAnswers;
    m_answers = answers;
    m_answers.detectedContext = detected;
    m_answers.detectedAnswers = detectedAnswers;
    Q_EMIT resetDone();
    Q_EMIT askedQuestionsChanged();
    Q_EMIT changed();
}

void AnswersModel::setScope(Scope scope)
{
    if (m_answers.scope == scope && m_answers.scopeChosen)
        return;
    m_answers.scope = scope; // hidden answers are kept: only their use depends on scope
    m_answers.scopeChosen = true;
    Q_EMIT scopeChanged(scope);
    Q_EMIT askedQuestionsChanged();
    Q_EMIT changed();
}

void AnswersModel::setMode(Mode mode)
{
    if (m_answers.mode == mode)
        return;
    m_answers.mode = mode;
    Q_EMIT modeChanged(mode);
    Q_EMIT changed();
}

void AnswersModel::setTemplates(TemplateChoice choice)
{
    if (m_answers.templates == choice)
        return;
    m_answers.templates = choice;
    Q_EMIT changed(); // the preview and autosave follow
}

void AnswersModel::setDetectedFacts(const QHash<QString, Finding> &facts, const QHash<QString, Finding> &answers)
{
    if (m_answers.detectedContext == facts && m_answers.detectedAnswers == answers)
        return;
    m_answers.detectedContext = facts;
    m_answers.detectedAnswers = answers;
    // A condition may read a project fact (pooling only with a database).
    Q_EMIT askedQuestionsChanged();
    Q_EMIT changed();
}

void AnswersModel::setPreflightChoice(std::optional<PreflightAction> action, const QStringList &onlyQuestions)
{
    if (m_answers.preflight == action && m_answers.onlyQuestions == onlyQuestions)
        return;
    const bool askedChanged = m_answers.onlyQuestions != onlyQuestions;
    m_answers.preflight = action;
    m_answers.onlyQuestions = onlyQuestions;
    if (askedChanged)
        Q_EMIT askedQuestionsChanged();
    Q_EMIT changed();
}

QList<Finding> AnswersModel::importDocumentFacts(const QList<Finding> &documentFacts)
{
    QList<Finding> taken = importDocumentAnswers(&m_answers, documentFacts, m_questionnaire);
    for (const Finding &finding : taken)
        Q_EMIT valueChanged(finding.questionId, finding.fieldId);
    if (!taken.isEmpty()) {
        // A condition may read an imported answer (7.1's platform decides 7.1's fields).
        Q_EMIT askedQuestionsChanged();
        Q_EMIT changed();
    }
    return taken;
}

QVariant AnswersModel::stored(const QString &questionId, const QString &fieldId) const
{
    return m_answers.stored(questionId, fieldId);
}

void AnswersModel::setValue(const QString &questionId, const QString &fieldId, const QVariant &given)
{
    const Field *field = m_questionnaire.field(questionId, fieldId);
    const QVariant value = field ? withinLimits(*field, given) : given;
    QVariantMap &fields = m_answers.answers[questionId];
    const auto it = fields.constFind(fieldId);
    if (it != fields.cend() && *it == value && it->typeId() == value.typeId())
        return;
    if (value.isValid())
        fields.insert(fieldId, value);
    else
        fields.remove(fieldId);
    Q_EMIT valueChanged(questionId, fieldId);
    Q_EMIT changed();
}

void AnswersModel::setContextValue(const QString &fieldId, const QVariant &given)
{
    const Field *field = m_questionnaire.contextField(fieldId);
    const QVariant value = field ? withinLimits(*field, given) : given;
    if (m_answers.context.value(fieldId) == value && m_answers.context.contains(fieldId) == value.isValid())
        return;
    if (value.isValid())
        m_answers.context.insert(fieldId, value);
    else
        m_answers.context.remove(fieldId);
    Q_EMIT contextChanged(fieldId);
    Q_EMIT changed();
}

} // namespace opsflow
