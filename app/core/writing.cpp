// Planned, backed-up, atomic writing of generated documents.
#include "writing.h"

#include "durablefile.h"
#include "textdiff.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>

#include <algorithm>
#include <vector>

namespace opsflow {

namespace {

constexpr qint64 maxExistingSize = qint64(16) * 1024 * 1024;

bool isInside(const QString &canonicalDir, const QString &canonicalPath)
{
    return canonicalPath == canonicalDir || canonicalPath.startsWith(canonicalDir + QLatin1Char('/'));
}

// The file standing where a folder of `target` would have to be made (inside the project),
// or empty when every folder on the way is one or can be made.
QString fileInTheWay(const QString &canonicalDir, const QString &target)
{
    for (QString folder = QFileInfo(target).absolutePath(); folder.size() > canonicalDir.size();
         folder = QFileInfo(folder).absolutePath()) {
        const QFileInfo info(folder);
        if (info.exists())
            return info.isDir() ? QString() : folder;
    }
    return {};
}

// The real path a write to `absolute` lands on: symlinks of existing parts resolved, the
// missing tail appended. Empty when a component cannot be resolved (a dangling link).
QString landingPath(const QString &absolute)
{
    QFileInfo info(absolute);
    if (info.isSymLink()) {
        // A dangling link is refused rather than followed: writing through it would create
        // whatever it names, which is rarely what its author meant.
        const QString target = info.symLinkTarget();
        if (target.isEmpty() || !QFileInfo::exists(target))
            return {};
        return landingPath(QFileInfo(target).absoluteFilePath());
    }
    if (info.exists())
        return info.canonicalFilePath();
    // Walk up to the first existing folder; what is missing below it is created plainly.
    // (By path text: QDir::cdUp() refuses to leave a folder that does not exist.)
    QString missing = info.fileName();
    QString parent = info.absolutePath();
    while (!QFileInfo(parent).isSymLink() && !QFileInfo::exists(parent)) {
        const qsizetype slash = parent.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return {};
        missing = parent.mid(slash + 1) + QLatin1Char('/') + missing;
        parent.truncate(slash);
    }
    // A linked folder must lead somewhere real: a dangling link or a loop (docs → docs) is
    // refused here, before anything tries to create folders through it.
    const QFileInfo parentInfo(parent);
    if (parentInfo.isSymLink()) {
        const QString target = parentInfo.symLinkTarget();
        if (target.isEmpty() || !QFileInfo::exists(target) || !QFileInfo(target).isDir())
            return {};
    }
    const QString canonicalParent = parentInfo.canonicalFilePath();
    return canonicalParent.isEmpty() ? QString() : canonicalParent + QLatin1Char('/') + missing;
}

QString asText(const QByteArray &bytes, bool *ok)
{
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    *ok = !decoder.hasError();
    return text;
}

// Two files of one plan that land on the same file (specs/configuration.md linked to
// docs/operations.md) would each replace the other's text. The one standing at its own path
// is written, or else the first; the others are refused and say which link to remove.
void blockSharedTargets(WritePlan &plan)
{
    QHash<QString, qsizetype> writer;
    auto claim = [&](bool atOwnPath) {
        for (qsizetype i = 0; i < plan.files.size(); ++i) {
            const PlannedFile &file = plan.files.at(i);
            const bool own = file.target == QDir(plan.projectDir).filePath(file.path);
            if (file.status != PlannedFile::Status::Blocked && own == atOwnPath && !writer.contains(file.target))
                writer.insert(file.target, i);
        }
    };
    claim(true);
    claim(false);
    for (qsizetype i = 0; i < plan.files.size(); ++i) {
        PlannedFile &file = plan.files[i];
        if (file.status == PlannedFile::Status::Blocked || writer.value(file.target, i) == i)
            continue;
        file.status = PlannedFile::Status::Blocked;
        file.problem = QStringLiteral("%1 leads through a link to %2, which OpsFlow writes as %3; remove the "
                                      "link and try again.")
                           .arg(file.path, QDir(plan.projectDir).relativeFilePath(file.target),
                                plan.files.at(writer.value(file.target)).path);
        file.oldContent.clear();
    }
}

} // namespace

QString PlannedFile::diff() const
{
    if (status != Status::Changed)
        return {};
    bool oldOk = false;
    bool newOk = false;
    const QString oldText = asText(oldContent, &oldOk);
    const QString newText = asText(newContent, &newOk);
    if (!oldOk || !newOk)
        return QStringLiteral("Binary or non-UTF-8 content in %1: no text diff (a backup is kept).\n").arg(path);
    return unifiedDiff(oldText, newText, QStringLiteral("a/") + path, QStringLiteral("b/") + path);
}

QString statusText(PlannedFile::Status status)
{
    switch (status) {
    case PlannedFile::Status::New: return QStringLiteral("new");
    case PlannedFile::Status::Unchanged: return QStringLiteral("unchanged");
    case PlannedFile::Status::Changed: return QStringLiteral("changed");
    case PlannedFile::Status::Blocked: return QStringLiteral("blocked");
    }
    return {};
}

bool WritePlan::hasBlocked() const
{
    return std::any_of(files.begin(), files.end(),
                       [](const PlannedFile &f) { return f.status == PlannedFile::Status::Blocked; });
}

bool WritePlan::hasChanges() const
{
    return std::any_of(files.begin(), files.end(), [](const PlannedFile &f) {
        return f.status == PlannedFile::Status::New || f.status == PlannedFile::Status::Changed;
    });
}

WritePlan planWrite(const QString &projectDir, const QList<GeneratedFile> &files)
{
    WritePlan plan;
    plan.projectDir = QFileInfo(projectDir).canonicalFilePath();
    for (const GeneratedFile &generated : files) {
        PlannedFile file;
        file.path = generated.path;
        file.newContent = generated.content;
        if (plan.projectDir.isEmpty()) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("The project folder %1 does not exist.").arg(projectDir);
            plan.files.append(file);
            continue;
        }
        const QString absolute = QDir(plan.projectDir).filePath(generated.path);
        file.target = landingPath(absolute);
        if (generated.path.startsWith(QLatin1Char('/')) || generated.path.contains(QLatin1String(".."))) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 is not a path inside the project folder.").arg(generated.path);
        } else if (file.target.isEmpty()) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 is a broken symbolic link (or goes through one, or a link loop); remove "
                                          "it or point it inside the project.")
                               .arg(generated.path);
        } else if (!isInside(plan.projectDir, file.target)) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 leads to %2, outside the project folder; OpsFlow never writes there.")
                               .arg(generated.path, file.target);
        } else if (generated.ownPathOnly && file.target != absolute) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 leads through a link to %2; OpsFlow writes its own files only at their "
                                          "own path. Remove the link and try again.")
                               .arg(generated.path, QDir(plan.projectDir).relativeFilePath(file.target));
        } else if (QFileInfo(file.target).isDir()) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 is a folder, not a file.").arg(generated.path);
        } else if (const QString blocker = fileInTheWay(plan.projectDir, file.target); !blocker.isEmpty()) {
            // Said now, not found out halfway through writing the set.
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 cannot be created: %2 is a file, not a folder.")
                               .arg(generated.path, QDir(plan.projectDir).relativeFilePath(blocker));
        } else if (QFileInfo::exists(file.target) && !QFileInfo(file.target).isFile()) {
            // Opening a pipe would block; a device is nobody's document.
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 is not a regular file (a pipe, socket or device).").arg(generated.path);
        } else if (QFileInfo::exists(file.target)) {
            QFile existing(file.target);
            if (existing.size() > maxExistingSize) {
                file.status = PlannedFile::Status::Blocked;
                file.problem =
                    QStringLiteral("%1 is larger than 16 MiB; OpsFlow will not replace it.").arg(generated.path);
            } else if (!existing.open(QIODevice::ReadOnly)) {
                file.status = PlannedFile::Status::Blocked;
                file.problem = QStringLiteral("Cannot read %1: %2").arg(generated.path, existing.errorString());
            } else {
                file.oldContent = existing.readAll();
                file.status =
                    file.oldContent == file.newContent ? PlannedFile::Status::Unchanged : PlannedFile::Status::Changed;
            }
        } else {
            file.status = PlannedFile::Status::New;
        }
        plan.files.append(file);
    }
    blockSharedTargets(plan);
    return plan;
}

QString outcomeText(FileOutcome::Kind kind)
{
    switch (kind) {
    case FileOutcome::Kind::Written: return QStringLiteral("written");
    case FileOutcome::Kind::Unchanged: return QStringLiteral("unchanged");
    case FileOutcome::Kind::Blocked: return QStringLiteral("blocked");
    case FileOutcome::Kind::Failed: return QStringLiteral("failed");
    case FileOutcome::Kind::NotWritten: return QStringLiteral("not written");
    }
    return {};
}

namespace {

bool willWrite(const PlannedFile &file)
{
    return file.status == PlannedFile::Status::New || file.status == PlannedFile::Status::Changed;
}

// Outcomes before anything is tried: blocked and unchanged files are final already; the
// others are "not written" until they are.
QList<FileOutcome> initialOutcomes(const WritePlan &plan)
{
    QList<FileOutcome> outcomes;
    for (const PlannedFile &file : plan.files) {
        FileOutcome outcome{file.path, FileOutcome::Kind::Unchanged, {}};
        if (file.status == PlannedFile::Status::Blocked) {
            outcome.kind = FileOutcome::Kind::Blocked;
            outcome.reason = file.problem;
        } else if (willWrite(file)) {
            outcome.kind = FileOutcome::Kind::NotWritten;
        }
        outcomes.append(outcome);
    }
    return outcomes;
}

// Stops the transaction: the failing file is Failed, the rest of the set stays NotWritten.
WriteResult stopped(WriteResult result, const QString &failedPath, const QString &error)
{
    result.ok = false;
    result.error = error;
    result.written.clear();
    for (FileOutcome &outcome : result.outcomes) {
        if (outcome.kind == FileOutcome::Kind::Written)
            outcome.kind = FileOutcome::Kind::NotWritten;
        if (outcome.kind != FileOutcome::Kind::NotWritten)
            continue;
        if (outcome.path == failedPath) {
            outcome.kind = FileOutcome::Kind::Failed;
            outcome.reason = error;
        } else if (failedPath.isEmpty()) {
            outcome.reason = error;
        } else {
            outcome.reason = QStringLiteral("Not written, because %1 could not be; it is as it was.").arg(failedPath);
        }
    }
    return result;
}

// Whether a planned file's target still holds what the plan compared against (or, for a new
// file, is still absent).
bool asPlanned(const PlannedFile &file)
{
    if (file.status == PlannedFile::Status::New)
        return !QFileInfo::exists(file.target) && !QFileInfo(file.target).isSymLink();
    QByteArray now;
    QString readError;
    return readWholeFile(file.target, &now, &readError, maxExistingSize) && now == file.oldContent;
}

WriteResult changedOnDisk(const WriteResult &result, const PlannedFile &file)
{
    return stopped(result, file.path,
                   QStringLiteral("%1 changed on disk after OpsFlow compared it; nothing was written. "
                                  "Run generate again to see the new differences.")
                       .arg(file.path));
}

// A backup is only a backup once it has been read back whole.
bool backUp(const PlannedFile &file, const QString &backup, QString *error)
{
    QString reason;
    if (!makeFolders(QFileInfo(backup).absolutePath(), &reason)) {
        *error = QStringLiteral("Cannot back up %1 to %2: %3; nothing was written.").arg(file.path, backup, reason);
        return false;
    }
    // With the file's own permissions: a .env.example kept private (0600) must not become
    // readable by everyone in its backup.
    if (!writeFileDurably(backup, file.oldContent, backup, &reason, file.target)) {
        *error = QStringLiteral("Cannot back up %1 (%2); nothing was written.").arg(file.path, reason);
        return false;
    }
    QByteArray copy;
    if (!readWholeFile(backup, &copy, &reason, file.oldContent.size())) {
        *error = QStringLiteral("Cannot read back the backup of %1 (%2: %3); nothing was written.")
                     .arg(file.path, backup, reason);
        return false;
    }
    if (copy.size() != file.oldContent.size()
        || QCryptographicHash::hash(copy, QCryptographicHash::Sha256)
            != QCryptographicHash::hash(file.oldContent, QCryptographicHash::Sha256)) {
        *error = QStringLiteral("The backup of %1 (%2) does not read back as the file (%3 of %4 bytes); "
                                "nothing was written.")
                     .arg(file.path, backup)
                     .arg(copy.size())
                     .arg(file.oldContent.size());
        return false;
    }
    return true;
}

} // namespace

WriteResult executePlan(const WritePlan &plan, const QDateTime &when)
{
    WriteResult result;
    result.outcomes = initialOutcomes(plan);
    const QDir project(plan.projectDir);

    // Leftovers of a run that was killed between writing and renaming, beside the targets
    // and in the backup folders (a backup copy interrupted the same way).
    auto clean = [&](const QString &target) {
        for (const QString &name : removeStaleTemporaries(target))
            result.cleaned.append(project.relativeFilePath(QFileInfo(target).absolutePath() + u'/' + name));
    };
    const QString backupsLanding = landingPath(project.filePath(QStringLiteral(".ai-flow/backups/phase7")));
    const bool backupsInside = !backupsLanding.isEmpty() && isInside(plan.projectDir, backupsLanding);
    const QStringList stamps = backupsInside
        ? QDir(backupsLanding).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks)
        : QStringList();
    for (const PlannedFile &file : plan.files) {
        if (file.status == PlannedFile::Status::Blocked || file.target.isEmpty())
            continue;
        clean(file.target);
        for (const QString &stamp : stamps)
            clean(project.filePath(QStringLiteral(".ai-flow/backups/phase7/%1/%2").arg(stamp, file.path)));
    }
    if (!plan.hasChanges() && plan.records.isEmpty())
        return result;

    const QString stamp = when.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString backupRoot = project.filePath(QStringLiteral(".ai-flow/backups/phase7/") + stamp);
    for (int n = 2; QFileInfo::exists(backupRoot); ++n)
        backupRoot = project.filePath(QStringLiteral(".ai-flow/backups/phase7/%1-%2").arg(stamp).arg(n));

    // Backups stay inside the project like everything else OpsFlow writes: a linked
    // .ai-flow or .ai-flow/backups leading elsewhere stops the write before anything changes.
    const bool needsBackup = std::any_of(plan.files.cbegin(), plan.files.cend(), [](const PlannedFile &file) {
        return file.status == PlannedFile::Status::Changed;
    });
    const QString backupLanding = landingPath(backupRoot);
    if (needsBackup && (backupLanding.isEmpty() || !isInside(plan.projectDir, backupLanding))) {
        return stopped(result, {},
                       QStringLiteral("Cannot back up to .ai-flow/backups: it leads to %1, outside the project "
                                      "folder; nothing was written.")
                           .arg(backupLanding.isEmpty() ? QStringLiteral("a broken link") : backupLanding));
    }

    // 1. Backups, each verified: if any fails, nothing is replaced.
    for (const PlannedFile &file : plan.files) {
        if (file.status != PlannedFile::Status::Changed)
            continue;
        const QString backup = backupRoot + QLatin1Char('/') + file.path;
        QString error;
        if (!backUp(file, backup, &error))
            return stopped(result, file.path, error);
        result.backups.append(backup);
    }

    // 2. Every new text staged beside its target, synced: a full disk stops the set here.
    // The records go last, so they are renamed only after every document.
    std::vector<StagedFile> staged;
    std::vector<const PlannedFile *> stagedFiles;
    std::vector<const PlannedFile *> toStage;
    for (const PlannedFile &file : plan.files) {
        if (willWrite(file))
            toStage.push_back(&file);
    }
    const size_t documents = toStage.size(); // the ones after are records
    for (const PlannedFile &record : plan.records) {
        if (willWrite(record) && !record.target.isEmpty() && isInside(plan.projectDir, record.target))
            toStage.push_back(&record);
    }
    for (const PlannedFile *planned : toStage) {
        const PlannedFile &file = *planned;
        QString reason;
        if (!makeFolders(QFileInfo(file.target).absolutePath(), &reason))
            return stopped(
                result, file.path,
                QStringLiteral("Cannot create the folder for %1 (%2): %3.")
                    .arg(file.path, project.relativeFilePath(QFileInfo(file.target).absolutePath()), reason));
        // The plan compared against what was there when it was made; a file edited since
        // (in an editor, while the generate page was open) is not replaced unseen.
        if (!asPlanned(file))
            return changedOnDisk(result, file);
        StagedFile next;
        QString error;
        if (!next.stage(file.target, file.newContent, file.path, &error))
            return stopped(result, file.path, error + QStringLiteral("; nothing was replaced."));
        staged.push_back(std::move(next));
        stagedFiles.push_back(&file);
    }

    // Staging synced every file to the disk, which takes a while: compared once more just
    // before the renames, so an edit saved meanwhile is not replaced either.
    for (const PlannedFile *file : stagedFiles) {
        if (!asPlanned(*file))
            return changedOnDisk(result, *file); // the staged files are discarded
    }

    // 3. The renames. Each is atomic; should one fail, the ones before it are undone. A new
    // file never replaces one that appeared after the comparison above.
    for (size_t i = 0; i < staged.size(); ++i) {
        QString error;
        const auto replace = stagedFiles[i]->status == PlannedFile::Status::New ? StagedFile::Replace::OnlyIfAbsent
                                                                                : StagedFile::Replace::Any;
        if (staged[i].commit(&error, replace)) {
            if (i < documents)
                result.written.append(stagedFiles[i]->path);
            continue;
        }
        QStringList notRestored;
        for (size_t j = 0; j < i; ++j) {
            const PlannedFile &done = *stagedFiles[j];
            QString ignored;
            const bool restored = done.status == PlannedFile::Status::New
                ? QFile::remove(done.target)
                : writeFileDurably(done.target, done.oldContent, done.path, &ignored);
            if (!restored)
                notRestored.append(done.path);
        }
        const QString message = notRestored.isEmpty()
            ? error + QStringLiteral("; the files written before it were put back as they were.")
            : error
                + QStringLiteral("; %1 could not be put back (the backups hold the old text).")
                      .arg(notRestored.join(QStringLiteral(", ")));
        return stopped(result, stagedFiles[i]->path, message);
    }
    for (FileOutcome &outcome : result.outcomes) {
        if (outcome.kind == FileOutcome::Kind::NotWritten)
            outcome.kind = FileOutcome::Kind::Written;
    }
    return result;
}

} // namespace opsflow
