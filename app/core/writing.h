// Writing generated documents into a project: a plan first (new / unchanged / changed, with
// a diff), then backups and atomic writes. Nothing is written outside the project folder.
#pragma once

#include "generatedfile.h"

#include <QDateTime>
#include <QStringList>

namespace opsflow {

struct PlannedFile {
    enum class Status { New, Unchanged, Changed, Blocked };
    QString path;   // relative, as generated
    QString target; // absolute path that will be written (symlinks inside the project resolved)
    Status status = Status::New;
    QByteArray oldContent;
    QByteArray newContent;
    QString diff;    // unified diff for Changed
    QString problem; // why Blocked, one sentence
};
QString statusText(PlannedFile::Status status); // "new", "unchanged", "changed", "blocked"

struct WritePlan {
    QString projectDir; // canonical
    QList<PlannedFile> files;
    bool hasBlocked() const;
    bool hasChanges() const;
};

// Reads what is there now and compares. Never writes.
WritePlan planWrite(const QString &projectDir, const QList<GeneratedFile> &files);

struct WriteResult {
    bool ok = true;
    QStringList written; // relative paths
    QStringList backups; // absolute paths of the copies made
    QString error;       // one sentence naming the file
};

// Backs up each file that will be replaced to <project>/.ai-flow/backups/phase7/<stamp>/<path>,
// then writes every New/Changed file with QSaveFile. Blocked files are never written. When a
// backup fails nothing is written; when one write fails the files not yet written stay as
// they were (each write is atomic: a file is old or new, never partial).
WriteResult executePlan(const WritePlan &plan, const QDateTime &when = QDateTime::currentDateTimeUtc());

} // namespace opsflow
