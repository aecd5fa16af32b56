// Regenerating into a document the team has edited: our marked sections are updated, their
// text is kept byte for byte, and an edit inside a marked section is a conflict, never lost.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace opsflow {

// The conflict id for a file OpsFlow cannot merge section by section: hand-written (no
// markers) or with broken markers. The caller offers keep mine / take new / diff.
inline constexpr char wholeFileConflictId[] = "*whole-file*";

enum class ConflictChoice { KeepMine, TakeNew };

struct SectionConflict {
    QString id;        // the section id, or "*whole-file*"
    QByteArray mine;   // the existing body (or whole file)
    QByteArray theirs; // the newly generated body (or whole file)
    QString reason;    // one sentence
    QString title;     // what a person calls it: its heading ("Deployment Strategy"); empty for the whole file
};

struct MergeResult {
    QByteArray content; // what to write (with each conflict resolved by `choices`)
    QList<SectionConflict> conflicts;
    QStringList notes; // sections removed, kept deleted, added
    bool wholeFile() const
    {
        return conflicts.size() == 1 && conflicts.first().id == QLatin1String(wholeFileConflictId);
    }
};

// Generated sections sit between "<!-- opsflow:begin ID -->" and "<!-- opsflow:end ID -->"
// lines. Stamping writes a short hash of each body into its begin marker
// ("<!-- opsflow:begin ci-cd sha256:0123456789abcdef -->") and appends one index line
// ("<!-- opsflow:sections overview ci-cd … -->") naming every section written, so a later
// merge can tell an edited section from ours and a deleted section from a new one.
// Stamping stamped text gives the same bytes. Text with broken markers is returned as is.
QByteArray stampSections(const QByteArray &generated);

// Whether OpsFlow wrote (part of) this document: it holds at least one well-formed
// generated section. Pre-flight's answers are about the team's own documents, not these.
bool hasGeneratedSections(const QByteArray &text);

// Why the OpsFlow markers in this text cannot be read ("section \"x\" has no end marker"),
// or empty when they can (or there are none): such a document was written by OpsFlow and
// then broken by an edit, so it is neither the team's own documentation nor mergeable.
QString brokenMarkers(const QByteArray &text);

// The team's own text of a document OpsFlow wrote into: each generated section (markers and
// body) and the index line become empty lines, so what is left keeps its line numbers.
// Text with broken markers is returned as is.
QByteArray withoutGeneratedSections(const QByteArray &text);

// Merges a newly generated, stamped document into the existing one:
// - text outside our markers is kept exactly, including the team's own sections and the
//   marker lines in its code fences (a fence closed in the team's text: an example);
// - a section whose body still matches its stamp takes the new body;
// - a section edited since it was written is a conflict and keeps the edit, unless
//   choices[id] is TakeNew;
// - a section new in the generated document goes after the section before it (or before
//   the one after it, or at the end); one the team deleted stays deleted;
// - a file with no markers, or broken ones, is one "*whole-file*" conflict: kept whole
//   unless choices["*whole-file*"] is TakeNew. Nothing is ever appended to it silently.
// Line endings: a file edited into CRLF is compared as LF and written back in CRLF.
//
// With `lastGenerated` (the stamped document OpsFlow generated last time, its record), an
// edited section is merged three ways, line by line: the team's edits and the generator's
// changes are combined (a row the team added to a table survives), and only lines both
// changed differently make a conflict. The merged section is stamped with the new
// generation's hash, so the team's lines still read as edits next time.
MergeResult mergeDocument(const QByteArray &existing, const QByteArray &stampedGenerated,
                          const QHash<QString, ConflictChoice> &choices = {}, const QByteArray &lastGenerated = {});

// The stamped generated document with the sections `ids` as they are in `previous` (a
// section missing there stays as generated). The record of a generation keeps, for each
// section whose conflict kept the team's text, the generation that text was based on: the
// team never took the new one, so the next merge must compare against the old.
QByteArray withSectionsFrom(const QByteArray &stampedGenerated, const QByteArray &previous, const QStringList &ids);

} // namespace opsflow
