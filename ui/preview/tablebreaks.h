// Break opportunities inside the long words of a rendered table, so it fits a narrow pane.
#pragma once

#include <QChar>

class QTextTable;

namespace opsflow::TableBreaks {

// The invisible mark inserted: a zero-width space. Text copied from the view leaves it out.
inline constexpr QChar mark = QChar(0x200B);

// A table holds identifiers, URLs and example values ("DB_POOL_ACQUIRE_TIMEOUT_MS",
// "postgresql://user:pass@db:5432/app") that have no space to break at, so six columns of
// them are wider than the preview beside the wizard and the last column (the description)
// went behind a sideways scroll. After each separator (_ / . : @ = , -) of a word longer
// than a short one, a zero-width space lets the line break there; the text reads the same.
void allowBreaksInLongWords(QTextTable *table);

} // namespace opsflow::TableBreaks
