// What is asked, what is used, and whether it is valid: the rules over an AnswerSet.
#include "answerset.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace opsflow {

QString modeId(Mode mode)
{
    return mode == Mode::Interactive ? QStringLiteral("interactive") : QStringLiteral("smart");
}

std::optional<Mode> modeFromId(const QString &id)
{
    if (id == QLatin1String("interactive"))
        return Mode::Interactive;
    if (id == QLatin1String("smart"))
        return Mode::SmartAutoSuggest;
    return std::nullopt;
}

QVariant AnswerSet::stored(const QString &questionId, const QString &fieldId) const
{
    const auto it = answers.constFind(questionId);
    return it == answers.cend() ? QVariant() : it->value(fieldId);
}

const Finding *AnswerSet::detectedAnswer(const QString &questionId, const QString &fieldId) const
{
    const auto it = detectedAnswers.constFind(answerKey(questionId, fieldId));
    return it == detectedAnswers.cend() || isEmptyValue(it->value) ? nullptr : &*it;
}

QString preflightActionId(PreflightAction action)
{
    switch (action) {
    case PreflightAction::UseExisting: return QStringLiteral("use-existing");
    case PreflightAction::AnswerMissing: return QStringLiteral("answer-missing");
    case PreflightAction::AnswerAll: return QStringLiteral("answer-all");
    case PreflightAction::Skip: return QStringLiteral("skip");
    }
    return {};
}

QStringList preflightActionIds()
{
    return {preflightActionId(PreflightAction::UseExisting), preflightActionId(PreflightAction::AnswerMissing),
            preflightActionId(PreflightAction::AnswerAll), preflightActionId(PreflightAction::Skip)};
}

std::optional<PreflightAction> preflightActionFromId(const QString &id)
{
    for (PreflightAction action : {PreflightAction::UseExisting, PreflightAction::AnswerMissing,
                                   PreflightAction::AnswerAll, PreflightAction::Skip}) {
        if (preflightActionId(action) == id)
            return action;
    }
    return std::nullopt;
}

bool AnswerSet::operator==(const AnswerSet &other) const
{
    return scope == other.scope && scopeChosen == other.scopeChosen && mode == other.mode && answers == other.answers
        && context == other.context && onlyQuestions == other.onlyQuestions && preflight == other.preflight
        && templates == other.templates && imported == other.imported;
}

QString templateChoiceId(TemplateChoice choice)
{
    return choice == TemplateChoice::AiFlow ? QStringLiteral("ai-flow") : QStringLiteral("opsflow");
}

std::optional<TemplateChoice> templateChoiceFromId(const QString &id)
{
    for (const TemplateChoice choice : {TemplateChoice::OpsFlow, TemplateChoice::AiFlow}) {
        if (id == templateChoiceId(choice))
            return choice;
    }
    return std::nullopt;
}

bool isEmptyValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString: return value.toString().trimmed().isEmpty();
    case QMetaType::QVariantList: return value.toList().isEmpty();
    case QMetaType::QStringList: return value.toStringList().isEmpty();
    default: return false;
    }
}

Resolver::Resolver(const Questionnaire &questionnaire, const AnswerSet &answers) : m_q(questionnaire), m_a(answers) { }

QList<const Question *> Resolver::askedQuestions() const
{
    QList<const Question *> out;
    for (const Question &q : m_q.questions()) {
        if (isAsked(q.id))
            out.append(&q);
    }
    return out;
}

Asked Resolver::askedAs(const Question &question) const
{
    const Asked byScope = question.asked(m_a.scope);
    if (byScope == Asked::Skip && m_a.onlyQuestions.contains(question.id))
        return Asked::Full;
    return byScope;
}

QStringList Resolver::askedDespiteScope() const
{
    QStringList out;
    for (const Question &q : m_q.questions()) {
        if (q.asked(m_a.scope) == Asked::Skip && askedAs(q) != Asked::Skip)
            out.append(q.id);
    }
    return out;
}

bool Resolver::isSkipped(const QString &questionId) const
{
    const Question *q = m_q.question(questionId);
    return !q || askedAs(*q) == Asked::Skip;
}

bool Resolver::isAsked(const QString &questionId) const
{
    if (isSkipped(questionId))
        return false;
    // Pre-flight scenario B: only the questions the existing docs miss are asked; the
    // others keep their answers (or defaults) and still feed the documents.
    return m_a.onlyQuestions.isEmpty() || m_a.onlyQuestions.contains(questionId);
}

bool Resolver::conditionHolds(const Question &question, const Field &field) const
{
    if (field.condition.isNull())
        return true;
    return field.condition.test(
        question.id,
        [this](const QString &qid, const QString &fid) {
            if (qid == QLatin1String("context"))
                return contextValue(fid);
            // "answers:scope": fields only one scope's documents use are asked only there.
            if (qid == QLatin1String("answers"))
                return QVariant(scopeId(m_a.scope));
            return value(qid, fid);
        },
        false);
}

bool Resolver::isFieldAsked(const QString &questionId, const QString &fieldId) const
{
    const Question *q = m_q.question(questionId);
    const Field *f = q ? q->field(fieldId) : nullptr;
    if (!f || !isAsked(questionId))
        return false;
    if (askedAs(*q) == Asked::Simplified && !f->headline)
        return false;
    return conditionHolds(*q, *f);
}

bool Resolver::isKeptDetail(const QString &questionId, const QString &fieldId) const
{
    const Question *q = m_q.question(questionId);
    const Field *f = q ? q->field(fieldId) : nullptr;
    return f && !f->headline && askedAs(*q) == Asked::Simplified && isFieldUsed(questionId, fieldId)
        && !isEmptyValue(m_a.stored(questionId, fieldId));
}

bool Resolver::isFieldUsed(const QString &questionId, const QString &fieldId) const
{
    const Question *q = m_q.question(questionId);
    const Field *f = q ? q->field(fieldId) : nullptr;
    if (!f || isSkipped(questionId))
        return false;
    return conditionHolds(*q, *f);
}

QVariant Resolver::fallback(const QString &questionId, const Field &field) const
{
    const Finding *detected = m_a.detectedAnswer(questionId, field.id);
    return detected ? detected->value : field.defaultValue;
}

QVariant Resolver::prefill(const QString &questionId, const Field &field) const
{
    // Smart Auto-Suggest fills everything: with what the project's files show, else the
    // recommended answer. Checklists (✅ items) and tables (the seed's example rows) start
    // filled in Interactive mode too, with the seed's own.
    if (m_a.mode == Mode::SmartAutoSuggest)
        return fallback(questionId, field);
    if (field.type == Field::Type::Multi || field.type == Field::Type::Table)
        return field.defaultValue;
    return {};
}

QVariant Resolver::shownValue(const QString &questionId, const QString &fieldId) const
{
    const Field *f = m_q.field(questionId, fieldId);
    if (!f)
        return {};
    const QVariant v = m_a.stored(questionId, fieldId);
    return v.isValid() ? v : prefill(questionId, *f);
}

QVariant Resolver::value(const QString &questionId, const QString &fieldId) const
{
    const Question *q = m_q.question(questionId);
    const Field *f = q ? q->field(fieldId) : nullptr;
    if (!f || !isFieldUsed(questionId, fieldId))
        return {};
    if (askedAs(*q) == Asked::Simplified && !f->headline) {
        // Simplified: the wizard asks only the headline, but an answer the file holds is
        // never replaced; a detail nobody answered takes its default (marked as one).
        const QVariant v = m_a.stored(questionId, fieldId);
        return isEmptyValue(v) ? fallback(questionId, *f) : v;
    }
    if (!m_a.onlyQuestions.isEmpty() && !m_a.onlyQuestions.contains(questionId)) {
        const QVariant v = m_a.stored(questionId, fieldId);
        return v.isValid() ? v : fallback(questionId, *f);
    }
    const QVariant v = shownValue(questionId, fieldId);
    return isEmptyValue(v) ? QVariant() : v;
}

QVariant Resolver::contextValue(const QString &fieldId) const
{
    QVariant v = m_a.context.value(fieldId);
    if (!isEmptyValue(v))
        return v;
    const auto detected = m_a.detectedContext.constFind(fieldId);
    if (detected != m_a.detectedContext.cend() && !isEmptyValue(detected->value))
        return detected->value;
    const Field *f = m_q.contextField(fieldId);
    return f ? f->defaultValue : QVariant();
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("opsflow::Validation", text);
}

QString formatNumber(double v)
{
    return QLocale::c().toString(v, 'g', 15);
}

std::optional<double> toNumber(const QVariant &v)
{
    bool ok = false;
    const double d = v.typeId() == QMetaType::QString ? v.toString().trimmed().toDouble(&ok) : v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

// Range and whole-number rules of a number (a field or a number column).
QString numberProblem(const QVariant &value, const std::optional<double> &min, const std::optional<double> &max,
                      bool integer, const QString &unit)
{
    const auto n = toNumber(value);
    if (!n)
        return tr("Enter a number.");
    if (integer && std::floor(*n) != *n)
        return tr("Enter a whole number.");
    const QString suffix = unit.isEmpty() ? QString() : QLatin1Char(' ') + unit;
    if (min && max && (*n < *min || *n > *max))
        return tr("Must be between %1 and %2%3.").arg(formatNumber(*min), formatNumber(*max), suffix);
    if (min && *n < *min)
        return tr("Must be at least %1%2.").arg(formatNumber(*min), suffix);
    if (max && *n > *max)
        return tr("Must be at most %1%2.").arg(formatNumber(*max), suffix);
    return {};
}

} // namespace

namespace {

// The question's checks that fail, as issues. With `answeredOnly`, only checks that speak
// about at least one field the answers hold: defaults alone never fail one (the questionnaire
// keeps its own defaults consistent).
void appendCheckIssues(const Resolver &resolver, const Question &question, bool answeredOnly, QList<Issue> &issues)
{
    const QVariantMap answered = resolver.answers().answers.value(question.id);
    for (const Check &check : question.checks) {
        // A check speaks only about answers: fields that are asked, or details the scope does
        // not ask but an answer kept. Details that are hidden or defaulted are not the user's
        // to fix on this page.
        bool allAnswerable = true;
        bool anyKept = false;
        for (const QString &fid : check.fields) {
            const bool kept = resolver.isKeptDetail(question.id, fid);
            anyKept = anyKept || kept;
            allAnswerable = allAnswerable && (kept || resolver.isFieldAsked(question.id, fid));
        }
        if (!allAnswerable)
            continue;
        if (answeredOnly && std::none_of(check.fields.begin(), check.fields.end(), [&answered](const QString &fid) {
                return answered.contains(fid);
            }))
            continue;
        const bool holds = check.expression.test(
            question.id,
            [&](const QString &qid, const QString &fid) {
                if (qid == QLatin1String("context"))
                    return resolver.contextValue(fid);
                QVariant shown = qid == question.id ? resolver.shownValue(qid, fid) : resolver.value(qid, fid);
                if (const Field *field = resolver.questionnaire().field(qid, fid);
                    field && field->type == Field::Type::Number && !isEmptyValue(shown)) {
                    const auto n = toNumber(shown);
                    return n ? QVariant(*n) : QVariant();
                }
                return shown;
            },
            true);
        if (!holds && anyKept)
            issues.append(
                {question.id, QString(), tr("Answers this scope does not ask: %1").arg(check.message), check.warning});
        else if (!holds)
            issues.append({question.id, check.fields.value(0), check.message, check.warning});
    }
}

} // namespace

QList<Issue> failedAnsweredChecks(const Resolver &resolver)
{
    QList<Issue> issues;
    for (const Question &question : resolver.questionnaire().questions()) {
        if (resolver.isAsked(question.id))
            appendCheckIssues(resolver, question, true, issues);
    }
    return issues;
}

QList<Issue> validateQuestion(const Resolver &resolver, const QString &questionId)
{
    QList<Issue> issues;
    const Question *q = resolver.questionnaire().question(questionId);
    if (!q)
        return issues;
    for (const Field &f : q->fields) {
        // An answer kept for a detail the scope does not ask is used, so it is checked too.
        const bool asked = resolver.isFieldAsked(questionId, f.id);
        if (!asked && !resolver.isKeptDetail(questionId, f.id))
            continue;
        const qsizetype before = issues.size();
        const QVariant v = resolver.shownValue(questionId, f.id);
        if (isEmptyValue(v)) {
            if (f.required)
                issues.append({questionId, f.id, tr("An answer is required."), false});
            continue;
        }
        switch (f.type) {
        case Field::Type::Number:
            if (const QString p = numberProblem(v, f.min, f.max, f.integer, f.unit); !p.isEmpty())
                issues.append({questionId, f.id, p, false});
            break;
        case Field::Type::Choice:
            if (!f.choice(v.toString()))
                issues.append({questionId, f.id, tr("\"%1\" is not one of the options.").arg(v.toString()), false});
            break;
        case Field::Type::Table: {
            const QVariantList rows = v.toList();
            for (int r = 0; r < rows.size(); ++r) {
                const QVariantMap row = rows.at(r).toMap();
                for (const Column &c : f.columns) {
                    const QVariant cell = row.value(c.id);
                    if (c.type != QLatin1String("number") || isEmptyValue(cell))
                        continue;
                    const QString p = numberProblem(cell, 0.0, std::nullopt, true, c.unit);
                    if (!p.isEmpty())
                        issues.append({questionId, f.id, tr("Row %1, %2: %3").arg(r + 1).arg(c.label, p), false});
                }
            }
            break;
        }
        default: break;
        }
        if (!asked) {
            // No row on the page shows this detail: the message names it.
            for (qsizetype i = before; i < issues.size(); ++i) {
                issues[i].message = tr("%1 (an answer this scope does not ask): %2").arg(f.label, issues[i].message);
                issues[i].fieldId.clear();
            }
        }
    }
    appendCheckIssues(resolver, *q, false, issues);
    return issues;
}

AnswerSet usableAnswers(const Questionnaire &questionnaire, const AnswerSet &answers, QList<Issue> *dropped)
{
    AnswerSet usable = answers;
    for (auto question = usable.answers.begin(); question != usable.answers.end(); ++question) {
        for (auto value = question->begin(); value != question->end();) {
            const Field *f = questionnaire.field(question.key(), value.key());
            QString problem;
            if (f && !isEmptyValue(*value) && f->type == Field::Type::Number)
                problem = numberProblem(*value, f->min, f->max, f->integer, f->unit);
            else if (f && !isEmptyValue(*value) && f->type == Field::Type::Choice && !f->choice(value->toString()))
                problem = tr("\"%1\" is not one of the options.").arg(value->toString());
            if (problem.isEmpty()) {
                ++value;
                continue;
            }
            if (dropped)
                dropped->append({question.key(), value.key(), problem, false});
            value = question->erase(value);
        }
    }
    // The project's facts likewise: a port of 70000 in a hand-edited file would otherwise give
    // way to the default in the documents, which would then state a port nobody chose.
    for (auto value = usable.context.begin(); value != usable.context.end();) {
        const Field *f = questionnaire.contextField(value.key());
        const QString problem = f && !isEmptyValue(*value) && f->type == Field::Type::Number
            ? numberProblem(*value, f->min, f->max, f->integer, f->unit)
            : QString();
        if (problem.isEmpty()) {
            ++value;
            continue;
        }
        if (dropped)
            dropped->append({QStringLiteral("context"), value.key(), problem, false});
        value = usable.context.erase(value);
    }
    return usable;
}

bool isQuestionComplete(const Resolver &resolver, const QString &questionId)
{
    const QList<Issue> issues = validateQuestion(resolver, questionId);
    return std::none_of(issues.begin(), issues.end(), [](const Issue &i) { return !i.warning; });
}

} // namespace opsflow
