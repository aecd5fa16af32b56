// Regenerating .env.example over the team's edits: a three-way merge of dotenv entries. The
// base is what OpsFlow generated last time (kept in the project), so OpsFlow knows which
// lines were its own: those follow the new generation; every other line stays where the team
// put it; a value the team set for a generated variable is kept and reported.
#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace opsflow {

struct EnvMergeReport {
    QStringList keptValues;            // generated variables whose value the team set: kept
    QStringList keptVariables;         // the team's own variables, kept where they were
    QStringList removedVariables;      // generated earlier, no longer generated, unedited: removed
    QStringList keptNoLongerGenerated; // generated earlier, no longer generated, but edited: kept
    int keptLines = 0;                 // the team's other lines (comments, blank, odd lines) kept
    bool withoutBase = false;          // no record of the last generation: its own lines were guessed

    // One sentence per fact, for the CLI and the generate page alike.
    QStringList notes() const;
};

// - `existing`: the file in the project; `generated`: the new generation; `base`: the last
//   generation OpsFlow recorded (none for files written before it kept records).
// - Entries (a line, or the lines of one multi-line value) identical to the base's are
//   OpsFlow's: they follow the new generation (removed when no longer generated).
// - A generated variable with another value in the file keeps the file's line in place of
//   the generated one (reported); so does a variable of the team's that OpsFlow now
//   generates too.
// - Everything else the team wrote stays, after the nearest line of OpsFlow's it followed.
// Without a base, OpsFlow's lines are those identical to the new generation, and, in a file
// with the older "Kept from your .env.example" layout, every line above that heading.
// The result is the team's bytes plus the generation's; merging it again with the same
// generation and base gives the same bytes.
QByteArray mergeEnvExample(const QByteArray &existing, const QByteArray &generated,
                           const std::optional<QByteArray> &base, EnvMergeReport *report = nullptr);

} // namespace opsflow
