// The project facts found in the project (see projectfacts.h).
#include "projectfacts.h"

#include "evidencescan.h"
#include "questionnaire.h"
#include "reportedvalue.h"

namespace opsflow {

QHash<QString, Finding> agreedContextFacts(const QList<Finding> &findings)
{
    QHash<QString, Finding> facts;
    QStringList disputed;
    for (const Finding &finding : findings) {
        if (finding.questionId != QLatin1String("context") || disputed.contains(finding.fieldId))
            continue;
        const auto known = facts.constFind(finding.fieldId);
        if (known == facts.cend())
            facts.insert(finding.fieldId, finding);
        else if (known->value != finding.value) {
            facts.remove(finding.fieldId);
            disputed.append(finding.fieldId);
        }
    }
    return facts;
}

ProjectReading readProjectFacts(const QString &projectDir)
{
    const ProjectContext context = readProjectContext(projectDir);
    return {agreedContextFacts(context.suggestions + scanProject(projectDir).findings), context.warning};
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

} // namespace opsflow
