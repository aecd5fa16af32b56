// Facts of the existing operations documents turned into answers, with their evidence.
#include "documentimport.h"

#include "evidencescan.h"
#include "preflight.h"
#include "questionnaire.h"
#include "sectionmerge.h"

namespace opsflow {

bool preflightReadTeamDocuments(const QString &projectDir, const PreflightResult &preflight)
{
    return preflight.docsExist && !preflight.targetFile.isEmpty()
        && !hasGeneratedSections(readProjectFile(projectDir, preflight.targetFile).content);
}

QList<Finding> teamDocumentFacts(const QString &projectDir, const PreflightResult &preflight)
{
    if (!preflightReadTeamDocuments(projectDir, preflight))
        return {};
    QList<Finding> stated;
    for (const Finding &finding : importFromDocs(projectDir).findings) {
        if (finding.evidence.startsWith(preflight.targetFile + u':'))
            stated.append(finding);
    }
    return stated;
}

QList<Finding> importDocumentAnswers(AnswerSet *answers, const QList<Finding> &documentFindings,
                                     const Questionnaire &questionnaire)
{
    QList<Finding> taken;
    for (const Finding &finding : documentFindings) {
        // Context facts and .env names are read from the project each time; only questions.
        if (!questionnaire.field(finding.questionId, finding.fieldId) || isEmptyValue(finding.value))
            continue;
        if (!isEmptyValue(answers->stored(finding.questionId, finding.fieldId)))
            continue;
        answers->answers[finding.questionId].insert(finding.fieldId, finding.value);
        answers->imported.removeIf(
            [&](const Finding &old) { return old.questionId == finding.questionId && old.fieldId == finding.fieldId; });
        // The note is the scan's wording for the screen; the answers file keeps value and line.
        const Finding entry{finding.questionId, finding.fieldId, finding.value, finding.evidence, {}};
        answers->imported.append(entry);
        taken.append(entry);
    }
    return taken;
}

} // namespace opsflow
