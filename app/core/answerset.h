// A value snapshot of everything the user answered: scope, mode, context and answers.
// Copyable and thread-safe to read, so the preview worker and the CLI can take one.
#pragma once

#include "projectcontext.h"
#include "questionnaire.h"

#include <QHash>
#include <QVariantMap>

namespace opsflow {

enum class Mode { Interactive, SmartAutoSuggest };
QString modeId(Mode mode); // "interactive", "smart"
std::optional<Mode> modeFromId(const QString &id);

// Which templates write the documents: OpsFlow's own (with any project overrides), or the
// project's own ai-flow templates under .ai-flow/templates/ (see TemplateSet).
enum class TemplateChoice { OpsFlow, AiFlow };
QString templateChoiceId(TemplateChoice choice); // "opsflow", "ai-flow"
std::optional<TemplateChoice> templateChoiceFromId(const QString &id);

// What the user chose on the pre-flight page for a project with operations documents.
enum class PreflightAction { UseExisting, AnswerMissing, AnswerAll, Skip };
QString preflightActionId(PreflightAction action); // "use-existing", "answer-missing", …
std::optional<PreflightAction> preflightActionFromId(const QString &id);
QStringList preflightActionIds();

// "7.7.1/tool": how a question's field is named in one key.
inline QString answerKey(const QString &questionId, const QString &fieldId)
{
    return questionId + QLatin1Char('/') + fieldId;
}

struct AnswerSet {
    Scope scope = Scope::Production;
    // Whether the user chose the scope (or a file or --scope named it). Until then the
    // documents say the scope shown is the recommended one, not the user's answer.
    bool scopeChosen = false;
    Mode mode = Mode::SmartAutoSuggest;
    TemplateChoice templates = TemplateChoice::OpsFlow;
    QHash<QString, QVariantMap> answers; // question id → field id → value
    QVariantMap context;                 // context field id → value
    // Questions the user chose to answer only (pre-flight scenario B); empty = all asked.
    QStringList onlyQuestions;
    // The pre-flight choice, saved so that a restart, `opsflow summary` and `opsflow generate`
    // see it; none until the user made one.
    std::optional<PreflightAction> preflight;
    // Answers taken from the project's existing operations documents on pre-flight's hybrid
    // path (docs/deployment.md), each with the value taken and the line it came from. Saved
    // with the answers; an answer changed since is the user's own again (the value differs).
    QList<Finding> imported;
    // Project facts the project's own files show (context field id → finding with its
    // evidence): used where the user gave no answer, before the questionnaire's default.
    // Read from the project each time, never saved with the answers.
    QHash<QString, Finding> detectedContext;
    // The same for the questions' fields, keyed answerKey("7.7.1", "tool"): in Smart
    // Auto-Suggest they take the place of the questionnaire's default (never of an answer).
    QHash<QString, Finding> detectedAnswers;
    const Finding *detectedAnswer(const QString &questionId, const QString &fieldId) const;

    QVariant stored(const QString &questionId, const QString &fieldId) const;
    // The same answers, as the answers file holds them: the detected facts are the folder's.
    bool operator==(const AnswerSet &other) const;
    bool operator!=(const AnswerSet &other) const { return !(*this == other); }
};

// Whether a value counts as "not answered" (null, empty string, empty list).
bool isEmptyValue(const QVariant &value);

// The rules that turn stored answers into what is asked and what is used.
// - A question skipped by the scope is not asked; its fields are unused ("TBD").
// - In a simplified question only headline fields are asked; the others keep any answer the
//   file holds (an answer is never replaced) and otherwise take their default.
// - A field whose `when` is false is not asked and never used.
// - Otherwise the stored value, else the default in Smart mode (and for checklists and
//   tables in both modes: their defaults are the seed's ✅ items and example rows).
class Resolver
{
public:
    Resolver(const Questionnaire &questionnaire, const AnswerSet &answers);

    const Questionnaire &questionnaire() const { return m_q; }
    const AnswerSet &answers() const { return m_a; }

    QList<const Question *> askedQuestions() const;
    // How the wizard asks a question: as the scope says, except that a question pre-flight's
    // hybrid path asks because the documents miss it is asked in full even where the scope
    // skips it (MVP skips most of what phase 0 reports missing).
    Asked askedAs(const Question &question) const;
    // The questions the scope skips that the hybrid path asks anyway.
    QStringList askedDespiteScope() const;
    bool isAsked(const QString &questionId) const;   // shown as a wizard page
    bool isSkipped(const QString &questionId) const; // TBD in the documents
    bool isFieldAsked(const QString &questionId, const QString &fieldId) const;
    bool isFieldUsed(const QString &questionId, const QString &fieldId) const;
    // A detail of a simplified question that the wizard does not ask but an answer gave.
    bool isKeptDetail(const QString &questionId, const QString &fieldId) const;

    // What the wizard shows for an asked field (stored or pre-fill).
    QVariant shownValue(const QString &questionId, const QString &fieldId) const;
    // What the documents use: null when unused or unanswered.
    QVariant value(const QString &questionId, const QString &fieldId) const;

    QVariant contextValue(const QString &fieldId) const;

private:
    QVariant prefill(const QString &questionId, const Field &field) const;
    // What a field no answer gave falls back to: the project's files, else the default.
    QVariant fallback(const QString &questionId, const Field &field) const;
    bool conditionHolds(const Question &question, const Field &field) const;

    const Questionnaire &m_q;
    const AnswerSet &m_a;
};

struct Issue {
    QString questionId;
    QString fieldId; // may be empty for question-level checks
    QString message;
    bool warning = false;
};

// Field rules (required, range, integer, table cells) and the question's checks.
QList<Issue> validateQuestion(const Resolver &resolver, const QString &questionId);
// The questionnaire's checks (phase7.json "checks") that fail over the questions asked, each
// where at least one of its fields is answered: what the headless commands report beside the
// consistency rules, since no page showed them.
QList<Issue> failedAnsweredChecks(const Resolver &resolver);
bool isQuestionComplete(const Resolver &resolver, const QString &questionId);

// The answers a document may state: a stored number out of its range or not a number, or a
// choice that is not an option, is left out (the field then reads as unanswered: its
// default, marked as such, or TBD). The live preview renders these, so it never states a
// value the page is showing as an error; the headless commands refuse a file holding such
// answers. `dropped` gets one issue (question, field, why) for each.
AnswerSet usableAnswers(const Questionnaire &questionnaire, const AnswerSet &answers, QList<Issue> *dropped = nullptr);

} // namespace opsflow
