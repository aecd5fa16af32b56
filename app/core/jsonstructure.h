// What QJsonDocument lets pass but a strict reader must not: a key given twice in one object
// (QJsonDocument keeps the last one silently, so a reviewer could read one value while
// OpsFlow uses another) and raw control characters inside strings (JSON requires them to be
// escaped; a raw NUL can hide the rest of a value from an editor).
#pragma once

#include <QByteArray>
#include <QString>

namespace opsflow {

// Empty when the document has neither; else one sentence such as
// `has the key "scope" twice (line 4, column 3)` or
// `has a raw control character (U+0000) inside a string at line 2, column 17`.
// Meant for text that QJsonDocument has already parsed; on anything else it stops quietly.
QString jsonStructureProblem(const QByteArray &json);

} // namespace opsflow
