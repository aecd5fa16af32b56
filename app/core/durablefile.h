// Writing a file so that it is either its old bytes or its whole new bytes, and so that a
// write that did not reach the disk is never reported as done: every write, flush, fsync,
// close and rename is checked and its failure carries the system's reason ("No space left on
// device", "Read-only file system").
//
// Why not QSaveFile: on Qt 6.4 QSaveFile::commit() returned true for data still in its 16 KiB
// buffer when the final flush failed with "no space left", leaving a 0-byte file behind a
// success. Here nothing is buffered by us: each write goes straight to the kernel.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace opsflow {

// One file staged beside its target: written and synced to a temporary file in the same
// folder first, then renamed over the target by commit(). A set of files is replaced
// together by staging all of them before committing any (see executePlan).
//
// The temporary file is named ".<name>.opsflow-<pid>-<random>.tmp", so a run killed between
// the two steps leaves a file that removeStaleTemporaries() recognises as ours and as dead.
class StagedFile
{
public:
    StagedFile() = default;
    StagedFile(const StagedFile &) = delete;
    StagedFile &operator=(const StagedFile &) = delete;
    StagedFile(StagedFile &&other) noexcept;
    StagedFile &operator=(StagedFile &&other) noexcept;
    ~StagedFile(); // discards a file that was staged but not committed

    // Writes `content` to a new temporary file beside `target`, with the permissions the
    // target has (or `permissionsOf` has, when given; 0666 minus the umask for a new file),
    // then fsyncs and closes it. On failure nothing is left behind and *error says why,
    // naming `displayName`.
    bool stage(const QString &target, const QByteArray &content, const QString &displayName, QString *error,
               const QString &permissionsOf = {});

    // Renames the temporary file over the target and syncs the folder. On failure the target
    // is untouched and the temporary file is removed. With OnlyIfAbsent a file that appeared
    // at the target since it was planned as new is never replaced (the rename fails).
    enum class Replace { Any, OnlyIfAbsent };
    bool commit(QString *error, Replace replace = Replace::Any);

    // Removes the temporary file, if any.
    void discard();

    bool isStaged() const { return !m_temporary.isEmpty(); }
    const QString &target() const { return m_target; }

private:
    QString m_target;
    QString m_temporary;
    QString m_displayName;
};

// stage() + commit() for one file.
bool writeFileDurably(const QString &target, const QByteArray &content, const QString &displayName, QString *error,
                      const QString &permissionsOf = {});

// Reads a whole regular file (no more than `limit` bytes; over it fails). *error says why.
bool readWholeFile(const QString &path, QByteArray *content, QString *error, qint64 limit);

// Removes the temporary files a killed run left beside `target` in its folder: only names
// StagedFile makes for that target, and only when the process that made them is gone.
// Returns the names removed.
QStringList removeStaleTemporaries(const QString &target);

// Creates a folder and its missing parents (like mkdir -p). On failure *reason is the
// system's message for the part that could not be made ("Read-only file system").
bool makeFolders(const QString &path, QString *reason);

// The system's message for an errno value ("No space left on device").
QString systemReason(int errorNumber);

} // namespace opsflow
