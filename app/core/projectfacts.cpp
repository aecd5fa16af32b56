// The project facts found in the project (see projectfacts.h).
#include "projectfacts.h"

#include "answerset.h"
#include "evidencescan.h"
#include "questionnaire.h"
#include "reportedvalue.h"

namespace opsflow {

namespace {

// The findings `keyOf` keys (empty: not taken) that agree, each with its first evidence.
template<typename KeyOf>
QHash<QString, Finding> agreed(const QList<Finding> &findings, KeyOf keyOf)
{
    QHash<QString, Finding> facts;
    QStringList disputed;
    for (const Finding &finding : findings) {
        const QString key = keyOf(finding);
        if (key.isEmpty() || disputed.contains(key))
            continue;
        const auto known = facts.constFind(key);
        if (known == facts.cend())
            facts.insert(key, finding);
        else if (known->value != finding.value) {
            facts.remove(key);
            disputed.append(key);
        }
    }
    return facts;
}

} // namespace

QHash<QString, Finding> agreedContextFacts(const QList<Finding> &findings)
{
    return agreed(findings,
                  [](const Finding &f) { return f.questionId == QLatin1String("context") ? f.fieldId : QString(); });
}

QHash<QString, Finding> agreedAnswerFacts(const QList<Finding> &findings, const Questionnaire &questionnaire)
{
    return agreed(findings, [&questionnaire](const Finding &f) {
        return questionnaire.field(f.questionId, f.fieldId) ? answerKey(f.questionId, f.fieldId) : QString();
    });
}

ProjectReading readProjectFacts(const QString &projectDir)
{
    const ProjectContext context = readProjectContext(projectDir);
    const QList<Finding> findings = context.suggestions + scanProject(projectDir).findings;
    return {agreedContextFacts(findings), agreedAnswerFacts(findings, Questionnaire::builtIn()), context.warning};
}

QStringList projectFactLines(const QHash<QString, Finding> &facts, const QList<Field> &contextFields)
{
    QStringList lines;
    for (const Field &field : contextFields) {
        const auto fact = facts.constFind(field.id);
        if (fact == facts.cend())
            continue;
        lines.append(QStringLiteral("%1 (%2)").arg(labelledValue(reportLabel(field), describeValue(field, fact->value)),
                                                   fact->evidence));
    }
    return lines;
}

QStringList projectAnswerLines(const QHash<QString, Finding> &answers, const Questionnaire &questionnaire)
{
    QStringList lines;
    for (const Question &question : questionnaire.questions()) {
        for (const Field &field : question.fields) {
            const auto fact = answers.constFind(answerKey(question.id, field.id));
            if (fact == answers.cend())
                continue;
            lines.append(QStringLiteral("%1 (%2)").arg(
                labelledValue(QStringLiteral("%1 (%2)").arg(reportLabel(field), question.id),
                              describeValue(field, fact->value)),
                fact->evidence));
        }
    }
    return lines;
}

} // namespace opsflow
