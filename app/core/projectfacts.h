// The project facts OpsFlow takes from the project itself where the user gave no answer:
// the wizard and every headless command read them the same way.
#pragma once

#include "projectcontext.h"

#include <QHash>

namespace opsflow {

struct Field;
class Questionnaire;

// The context facts (name, runtime, database, cache, queue, port) the findings agree on,
// each with the first evidence found. A fact two files disagree on is left out: the wizard
// offers both as suggestions and the user chooses.
QHash<QString, Finding> agreedContextFacts(const QList<Finding> &findings);

// The answers the findings agree on, keyed "7.7.1/tool": what the project's files show for a
// question's field (a tool in ai-instructions.md, a circuit-breaker library, a Dockerfile).
// Only fields the questionnaire has; a field two files disagree on is left out.
QHash<QString, Finding> agreedAnswerFacts(const QList<Finding> &findings, const Questionnaire &questionnaire);

// One reading of a project for the headless commands: ai-flow's files read once and the
// project's own manifests, compose, CI and infrastructure files scanned once, as the wizard
// reads them. Not OpsFlow's documents: a fact is never "found" in a line OpsFlow wrote.
struct ProjectReading {
    QHash<QString, Finding> facts;   // agreedContextFacts() of what was found
    QHash<QString, Finding> answers; // agreedAnswerFacts() of what was found
    QString notice;                  // ProjectContext::warning: a project ai-flow calls no backend
};
ProjectReading readProjectFacts(const QString &projectDir);

// "Project name: Parcel Tracking Service (README.md:1)", one per line, in the questionnaire's
// order of context fields; empty when none was found.
QStringList projectFactLines(const QHash<QString, Finding> &facts, const QList<Field> &contextFields);

// "Migration tool (7.7.1): Prisma Migrate (ai-instructions.md:13)", one per agreed answer
// fact, in the questionnaire's order; empty when none was found.
QStringList projectAnswerLines(const QHash<QString, Finding> &answers, const Questionnaire &questionnaire);

} // namespace opsflow
