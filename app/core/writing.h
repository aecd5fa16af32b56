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
    QString problem; // why Blocked, one sentence

    // The unified diff of a Changed file (empty otherwise), made when asked: a plan is cheap
    // to make even for a file of many megabytes that nobody wants to see the diff of.
    QString diff() const;
};
QString statusText(PlannedFile::Status status); // "new", "unchanged", "changed", "blocked"

struct WritePlan {
    QString projectDir; // canonical
    QList<PlannedFile> files;
    // OpsFlow's own bookkeeping written in the same transaction (the record of what was
    // generated, see regeneration.h): never backed up, never listed as documents.
    QList<PlannedFile> records;
    bool hasBlocked() const;
    bool hasChanges() const;
};

// Reads what is there now and compares. Never writes.
WritePlan planWrite(const QString &projectDir, const QList<GeneratedFile> &files);

// What happened to one planned file when the plan was carried out.
struct FileOutcome {
    enum class Kind {
        Written,   // the new bytes are on disk
        Unchanged, // nothing to write
        Blocked,   // refused by the plan (see PlannedFile::problem); never touched
        Failed,    // this file's write failed; it is as it was
        NotWritten // another file of the set failed, so this one was left as it was
    };
    QString path;
    Kind kind = Kind::Unchanged;
    QString reason; // for Blocked, Failed and NotWritten: one sentence
};
QString outcomeText(FileOutcome::Kind kind); // "written", "unchanged", "blocked", "failed", "not written"

struct WriteResult {
    bool ok = true;
    QStringList written;         // relative paths
    QStringList backups;         // absolute paths of the copies made
    QStringList cleaned;         // temporary files of a killed run that were removed (relative)
    QList<FileOutcome> outcomes; // one per planned file, in plan order
    QString error;               // one sentence naming the file and the system's reason
};

// Carries out a plan as one transaction:
// 1. every file that will be replaced is copied to
//    <project>/.ai-flow/backups/phase7/<stamp>/<path>, synced, read back and compared (size
//    and SHA-256); any failure stops here;
// 2. every New/Changed file is written and synced to a temporary file beside its target;
//    any failure (a full disk, a read-only folder) removes them all and stops here;
// 3. the temporary files are renamed over their targets. Should a rename fail, the files
//    already replaced are put back (from the verified backups' bytes) or removed if new.
// So either every file of the set is new, or every file is as it was; each file is old or new,
// never partial, even when the process is killed. Blocked files are never touched.
// Temporary files a killed run left beside the targets are removed first (only OpsFlow's
// names, only when the run that made them is gone).
WriteResult executePlan(const WritePlan &plan, const QDateTime &when = QDateTime::currentDateTimeUtc());

} // namespace opsflow
