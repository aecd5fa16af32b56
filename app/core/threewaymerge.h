// Line-wise three-way merge, as `diff3 -m` / `git merge-file` do it: the changes from a base
// to "mine" and from the base to "theirs" are combined; only where both changed the same
// lines differently is there a conflict. Used for the generated sections of a document
// the team edited (Copier-style: the base is what OpsFlow generated last time).
#pragma once

#include <QByteArray>
#include <QList>

namespace opsflow {

struct LineMergeResult {
    bool clean = true;        // no overlapping changes
    QByteArray merged;        // when clean: the combined text
    int conflictingHunks = 0; // places where both sides changed the same lines differently
    QList<int> conflictLines; // for each such place, its first line in "mine" (1-based)
};

// Lines are compared whole, line ending included (callers pass LF text).
LineMergeResult mergeLines(const QByteArray &base, const QByteArray &mine, const QByteArray &theirs);

} // namespace opsflow
