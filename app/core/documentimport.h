// Pre-flight's hybrid path without the wizard: what the project's existing operations
// documents state becomes the answer wherever the answers give none.
#pragma once

#include "answerset.h"

namespace opsflow {

// Sets each finding (importFromDocs: "7.1"/"platform" = "C", "docs/deployment.md:3") as the
// answer of a field the answers leave empty, and records it in `answers->imported` with its
// evidence. An answer the user gave is never replaced. Returns the answers it set, in order.
QList<Finding> importDocumentAnswers(AnswerSet *answers, const QList<Finding> &documentFindings,
                                     const Questionnaire &questionnaire);

} // namespace opsflow
