// The live answers of the running wizard: an AnswerSet with change signals.
#pragma once

#include "answerset.h"

#include <QObject>

namespace opsflow {

class AnswersModel : public QObject
{
    Q_OBJECT
public:
    explicit AnswersModel(const Questionnaire &questionnaire, QObject *parent = nullptr);

    const Questionnaire &questionnaire() const { return m_questionnaire; }
    const AnswerSet &snapshot() const { return m_answers; }
    void reset(const AnswerSet &answers);

    Scope scope() const { return m_answers.scope; }
    void setScope(Scope scope);
    Mode mode() const { return m_answers.mode; }
    void setMode(Mode mode);
    TemplateChoice templates() const { return m_answers.templates; }
    void setTemplates(TemplateChoice choice);
    // The project facts and answers the open folder's files show (see
    // AnswerSet::detectedContext and detectedAnswers).
    void setDetectedFacts(const QHash<QString, Finding> &facts, const QHash<QString, Finding> &answers);
    // The pre-flight choice and, for "answer only the missing questions", those questions.
    void setPreflightChoice(std::optional<PreflightAction> action, const QStringList &onlyQuestions);
    // Pre-flight's hybrid path: what the team's documents state becomes the answer of each
    // field none is given for (importDocumentAnswers). Returns the answers set.
    QList<Finding> importDocumentFacts(const QList<Finding> &documentFacts);

    QVariant stored(const QString &questionId, const QString &fieldId) const;
    void setValue(const QString &questionId, const QString &fieldId, const QVariant &value);
    void setContextValue(const QString &fieldId, const QVariant &value);

    Resolver resolver() const { return Resolver(m_questionnaire, m_answers); }

Q_SIGNALS:
    void valueChanged(const QString &questionId, const QString &fieldId);
    void contextChanged(const QString &fieldId);
    void scopeChanged(opsflow::Scope scope);
    void modeChanged(opsflow::Mode mode);
    void askedQuestionsChanged();
    void resetDone();
    // Any change at all: what autosave and the preview listen to.
    void changed();

private:
    const Questionnaire &m_questionnaire;
    AnswerSet m_answers;
};

} // namespace opsflow
