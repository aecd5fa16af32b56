// Markdown cut into sections that parse on their own, so a re-render can parse only those
// an edit changed.
#pragma once

#include <QStringList>

namespace opsflow {

namespace MarkdownChunks {

// The text cut before each ATX heading ("## Alerts") that starts a line after a blank line,
// or before a one-line HTML comment there right above such a heading, outside code fences
// and HTML comments or raw blocks: there no list, table, quote or HTML block of the text
// above can go on. Joined, the chunks are the text again; every chunk but the first starts
// with its heading line, or that comment line and then its heading line. Empty when the text cannot be cut safely (a
// link reference definition reaches across sections): the caller renders it whole.
QStringList split(const QString &markdown);

// How many chunks at the start and at the end of two splits are equal, the end ones not
// overlapping the start ones.
struct Change {
    int first = 0;      // chunks [0, first) are equal
    int commonTail = 0; // the last commonTail chunks of each side are equal
};
// The lines of a chunk up to its heading line, with its line end.
QString lead(const QString &chunk);

Change compare(const QStringList &before, const QStringList &after);

} // namespace MarkdownChunks

} // namespace opsflow
