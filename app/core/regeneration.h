// Regenerating into a project that already has the documents: the generated files are
// stamped and merged with what is on disk, so hand-written text survives, and the result is
// planned like any write. Shared by the wizard's generate step and `opsflow generate`.
#pragma once

#include "envmerge.h"
#include "sectionmerge.h"
#include "writing.h"

#include <QHash>

namespace opsflow {

struct FileMerge {
    QString path;                     // "docs/operations.md"
    QList<SectionConflict> conflicts; // generated sections the user edited, or a hand-written file
    QStringList notes;                // e.g. sections the user deleted (kept deleted)
    EnvMergeReport env;               // .env.example: variables kept, values not carried over
};

struct RegenerationPlan {
    WritePlan plan;          // merged contents and statuses; plan.records: what was generated
    QList<FileMerge> merges; // one per file that existed
    // What the merged files say against each other, one sentence each: a variable in
    // specs/configuration.md's table but not in .env.example, or the other way round.
    QStringList warnings;
    bool hasConflicts() const;
};

// Where OpsFlow records what it generated for a document the last time it wrote it (the
// base of the next merge): <project>/.ai-flow/opsflow/last-generated/<path>. Commit it with
// the documents, so a teammate's regeneration merges the same way.
QString lastGeneratedPath(const QString &documentPath);

// `choices` maps a file path to its conflict choices (section id → keep mine / take new).
// Conflicts without a choice keep the user's text.
RegenerationPlan planRegeneration(const QString &projectDir, const QList<GeneratedFile> &generated,
                                  const QHash<QString, QHash<QString, ConflictChoice>> &choices = {});

} // namespace opsflow
