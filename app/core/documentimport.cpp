// Facts of the existing operations documents turned into answers, with their evidence.
#include "documentimport.h"

#include "questionnaire.h"

namespace opsflow {

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
