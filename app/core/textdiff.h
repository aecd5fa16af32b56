// Line diffs for the generate step: what changes in a file before it is replaced.
#pragma once

#include <QString>

namespace opsflow {

// A unified diff (like `diff -u`) of two texts, with `context` lines around each change.
// Empty when the texts are equal.
QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName, const QString &newName,
                    int context = 3);

} // namespace opsflow
