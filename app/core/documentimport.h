// Pre-flight's hybrid path without the wizard: what the project's existing operations
// documents state becomes the answer wherever the answers give none.
#pragma once

#include "answerset.h"

namespace opsflow {

struct PreflightResult;

// Whether the documents pre-flight read are the team's own: they exist and OpsFlow did not
// write them (no generated sections). Only then do its scenarios decide what generate does.
bool preflightReadTeamDocuments(const QString &projectDir, const PreflightResult &preflight);

// What the team's own document that pre-flight read (docs/deployment.md) states, from its
// lines only (importFromDocs); nothing when OpsFlow wrote that document (it holds generated
// sections) or none exists: OpsFlow's own output is never read back as the team's answers.
QList<Finding> teamDocumentFacts(const QString &projectDir, const PreflightResult &preflight);

// Sets each finding (importFromDocs: "7.1"/"platform" = "C", "docs/deployment.md:3") as the
// answer of a field the answers leave empty, and records it in `answers->imported` with its
// evidence. An answer the user gave is never replaced. Returns the answers it set, in order.
QList<Finding> importDocumentAnswers(AnswerSet *answers, const QList<Finding> &documentFindings,
                                     const Questionnaire &questionnaire);

} // namespace opsflow
