// The generate step's plan: answers → documents, merged into what the project already has
// (hand-written text kept, edited sections offered as conflicts), then new / unchanged /
// changed / blocked per file. Never writes.
#pragma once

#include "generation.h"
#include "sectionmerge.h"
#include "writing.h"

#include <QCoreApplication>
#include <QHash>

namespace opsflow {

class Resolver;

struct DocumentPlan {
    QString path;                     // "docs/operations.md"
    bool generated = true;            // false: its template has errors; nothing is written
    PlannedFile file;                 // status, target, old/new content, diff, problem
    QList<SectionConflict> conflicts; // each resolved by the choices given (default keep mine)
    QStringList notes;                // sections added or removed, .env.example variables kept
};

struct GenerationPlan {
    QString projectDir;            // empty: no folder yet, every file would be new
    QList<DocumentPlan> documents; // operations, configuration, .env.example
    QList<TemplateError> errors;
    // The record of what was generated (regeneration.h), written with the documents.
    QList<PlannedFile> records;
    QStringList warnings; // from generating: one sentence each, what was written other than given
    // Where the merged specs/configuration.md and .env.example disagree, one sentence each.
    QStringList mismatches;

    const DocumentPlan *document(const QString &path) const;
    // The files executePlan() may write (the generated ones, with their merged content).
    WritePlan writePlan() const;
};

// path → section id (or "*whole-file*") → choice; a conflict not named keeps the user's text.
using ConflictChoices = QHash<QString, QHash<QString, ConflictChoice>>;

class GenerationPlanner
{
    Q_DECLARE_TR_FUNCTIONS(opsflow::GenerationPlanner)
public:
    // `alsoWrite`: files written in the same transaction as the documents (the answers
    // `opsflow generate` used); planned after them, never for a plan without a folder.
    static GenerationPlan plan(const Resolver &resolver, const QString &projectDir, const ConflictChoices &choices = {},
                               const QList<GeneratedFile> &alsoWrite = {});
    // Markdown documents carry section markers; .env.example is merged by variable.
    static bool isMarkdown(const QString &path);
};

} // namespace opsflow
