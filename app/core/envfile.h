// A .env file as the dotenv readers see it, kept byte for byte: each entry is one or more
// whole lines of the file (a quoted value may span lines), so a file split into entries and
// joined again is the same bytes, and a merge can move entries without ever cutting one.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace opsflow {

struct EnvEntry {
    enum class Kind {
        Blank,      // only whitespace
        Comment,    // "# …"
        Assignment, // [export ]KEY=VALUE, KEY of [A-Za-z_][A-Za-z0-9_.-]* (dotenv readers take dots and dashes)
        Other,      // anything else the file holds ("KEY: v", a bare word, an unclosed quote): kept as is
    };
    Kind kind = Kind::Other;
    QByteArray raw; // the exact lines, each with its line ending
    QString key;    // Assignment
    QString value;  // Assignment: the value as dotenv reads it (quotes removed, escapes read)

    // The text without its line endings' differences: what two entries are compared by.
    QByteArray normalized() const;
};

// Splits any bytes into entries; never fails (what it cannot read is Other). A value opened
// by a quote that closes on a later line is one entry across those lines; one that never
// closes leaves its first line as Other.
QList<EnvEntry> parseEnvFile(const QByteArray &text);

// The entries joined: the bytes they were read from.
QByteArray joinEnvEntries(const QList<EnvEntry> &entries);

} // namespace opsflow
