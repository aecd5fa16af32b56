// Planned, backed-up, atomic writing of generated documents.
#include "writing.h"

#include "textdiff.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

#include <algorithm>

namespace opsflow {

namespace {

constexpr qint64 maxExistingSize = qint64(16) * 1024 * 1024;

bool isInside(const QString &canonicalDir, const QString &canonicalPath)
{
    return canonicalPath == canonicalDir || canonicalPath.startsWith(canonicalDir + QLatin1Char('/'));
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
    const QString canonicalParent = QFileInfo(parent).canonicalFilePath();
    return canonicalParent.isEmpty() ? QString() : canonicalParent + QLatin1Char('/') + missing;
}

QString asText(const QByteArray &bytes, bool *ok)
{
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    *ok = !decoder.hasError();
    return text;
}

} // namespace

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
            file.problem = QStringLiteral("%1 is a broken symbolic link; remove it or point it inside the project.")
                               .arg(generated.path);
        } else if (!isInside(plan.projectDir, file.target)) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 leads to %2, outside the project folder; OpsFlow never writes there.")
                               .arg(generated.path, file.target);
        } else if (QFileInfo(file.target).isDir()) {
            file.status = PlannedFile::Status::Blocked;
            file.problem = QStringLiteral("%1 is a folder, not a file.").arg(generated.path);
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
                if (file.oldContent == file.newContent) {
                    file.status = PlannedFile::Status::Unchanged;
                } else {
                    file.status = PlannedFile::Status::Changed;
                    bool oldOk = false;
                    bool newOk = false;
                    const QString oldText = asText(file.oldContent, &oldOk);
                    const QString newText = asText(file.newContent, &newOk);
                    file.diff = oldOk && newOk
                        ? unifiedDiff(oldText, newText, QStringLiteral("a/") + generated.path,
                                      QStringLiteral("b/") + generated.path)
                        : QStringLiteral("Binary or non-UTF-8 content in %1: no text diff (a backup is kept).\n")
                              .arg(generated.path);
                }
            }
        } else {
            file.status = PlannedFile::Status::New;
        }
        plan.files.append(file);
    }
    return plan;
}

WriteResult executePlan(const WritePlan &plan, const QDateTime &when)
{
    WriteResult result;
    const QString stamp = when.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString backupRoot = QDir(plan.projectDir).filePath(QStringLiteral(".ai-flow/backups/phase7/") + stamp);
    for (int n = 2; QFileInfo::exists(backupRoot); ++n)
        backupRoot = QDir(plan.projectDir).filePath(QStringLiteral(".ai-flow/backups/phase7/%1-%2").arg(stamp).arg(n));

    // Backups stay inside the project like everything else OpsFlow writes: a linked
    // .ai-flow or .ai-flow/backups leading elsewhere stops the write before anything changes.
    const bool needsBackup = std::any_of(plan.files.cbegin(), plan.files.cend(), [](const PlannedFile &file) {
        return file.status == PlannedFile::Status::Changed;
    });
    const QString backupLanding = landingPath(backupRoot);
    if (needsBackup && (backupLanding.isEmpty() || !isInside(plan.projectDir, backupLanding))) {
        result.ok = false;
        result.error = QStringLiteral("Cannot back up to .ai-flow/backups: it leads to %1, outside the project "
                                      "folder; nothing was written.")
                           .arg(backupLanding.isEmpty() ? QStringLiteral("a broken link") : backupLanding);
        return result;
    }

    // Backups first: if any copy fails, nothing is replaced.
    for (const PlannedFile &file : plan.files) {
        if (file.status != PlannedFile::Status::Changed)
            continue;
        const QString backup = backupRoot + QLatin1Char('/') + file.path;
        QSaveFile copy(backup);
        if (!QDir().mkpath(QFileInfo(backup).absolutePath()) || !copy.open(QIODevice::WriteOnly)
            || copy.write(file.oldContent) != file.oldContent.size() || !copy.commit()) {
            result.ok = false;
            result.error = QStringLiteral("Cannot back up %1 to %2 (%3); nothing was written.")
                               .arg(file.path, backup, copy.errorString());
            return result;
        }
        result.backups.append(backup);
    }
    for (const PlannedFile &file : plan.files) {
        if (file.status != PlannedFile::Status::New && file.status != PlannedFile::Status::Changed)
            continue;
        if (!QDir().mkpath(QFileInfo(file.target).absolutePath())) {
            result.ok = false;
            result.error = QStringLiteral("Cannot create the folder for %1 (%2).")
                               .arg(file.path, QFileInfo(file.target).absolutePath());
            return result;
        }
        QSaveFile out(file.target);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.newContent) != file.newContent.size() || !out.commit()) {
            result.ok = false;
            result.error = QStringLiteral("Cannot write %1: %2").arg(file.path, out.errorString());
            return result;
        }
        result.written.append(file.path);
    }
    return result;
}

} // namespace opsflow
