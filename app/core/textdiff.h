// Line diffs for the generate step: what changes in a file before it is replaced.
#pragma once

#include <QString>

#include <vector>

namespace opsflow {

// A unified diff (like `diff -u`) of two texts, with `context` lines around each change.
// Empty when the texts are equal.
QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName, const QString &newName,
                    int context = 3);

// Aligns two sequences of numbers (equal numbers, equal elements) by a shortest edit
// script: for each element of `a`, the index of the element of `b` it is kept as, or -1 when
// the script deletes it. Linear space, like unifiedDiff().
std::vector<int> matchSequences(const std::vector<int> &a, const std::vector<int> &b);

} // namespace opsflow
