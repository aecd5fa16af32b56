// Durable, atomic file writes with POSIX calls, so every failure is seen with its reason.
#include "durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace opsflow {

namespace {

QString temporaryName(const QString &target)
{
    const QFileInfo info(target);
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString random;
    for (int i = 0; i < 8; ++i)
        random += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]);
    return info.absolutePath()
        + QStringLiteral("/.%1.opsflow-%2-%3.tmp").arg(info.fileName()).arg(getpid()).arg(random);
}

// write() until everything is written; EINTR is retried, anything else is an error.
bool writeAll(int fd, const QByteArray &content, int *errorNumber)
{
    const char *data = content.constData();
    qint64 left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(std::min<qint64>(left, qint64(1) << 30)));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *errorNumber = errno;
            return false;
        }
        if (n == 0) {
            *errorNumber = EIO;
            return false;
        }
        data += n;
        left -= n;
    }
    return true;
}

// fsync a folder so a rename in it survives a crash. Filesystems that cannot sync a folder
// (EINVAL) are not an error: the rename itself is still atomic there.
bool syncFolder(const QString &folder, int *errorNumber)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *errorNumber = errno;
        return false;
    }
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL || errno == EROFS;
    const int syncError = errno;
    ::close(fd);
    if (!ok)
        *errorNumber = syncError;
    return ok;
}

} // namespace

QString systemReason(int errorNumber)
{
    return QString::fromLocal8Bit(std::strerror(errorNumber));
}

StagedFile::StagedFile(StagedFile &&other) noexcept
    : m_target(std::move(other.m_target)), m_temporary(std::move(other.m_temporary)),
      m_displayName(std::move(other.m_displayName))
{
    other.m_temporary.clear();
}

StagedFile &StagedFile::operator=(StagedFile &&other) noexcept
{
    if (this != &other) {
        discard();
        m_target = std::move(other.m_target);
        m_temporary = std::move(other.m_temporary);
        m_displayName = std::move(other.m_displayName);
        other.m_temporary.clear();
    }
    return *this;
}

StagedFile::~StagedFile()
{
    discard();
}

bool StagedFile::stage(const QString &target, const QByteArray &content, const QString &displayName, QString *error,
                       const QString &permissionsOf)
{
    discard();
    m_target = target;
    m_displayName = displayName;
    // A replaced file keeps its permissions; a new one gets the usual 0666 minus the umask.
    mode_t mode = 0666;
    struct stat existing { };
    if (::stat(QFile::encodeName(permissionsOf.isEmpty() ? target : permissionsOf).constData(), &existing) == 0)
        mode = existing.st_mode & 07777;

    QString temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temporary = temporaryName(target);
        fd = ::open(QFile::encodeName(temporary).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    mode);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        *error = QStringLiteral("Cannot write %1: %2").arg(displayName, systemReason(errno));
        return false;
    }
    int errorNumber = 0;
    bool ok = writeAll(fd, content, &errorNumber);
    // The data must be on the disk before the rename can make it the file: a full disk or a
    // failing device shows here (or at close) on filesystems that delay allocation.
    if (ok && ::fsync(fd) != 0 && errno != EINVAL) {
        errorNumber = errno;
        ok = false;
    }
    if (ok && existing.st_mode != 0)
        ::fchmod(fd, mode); // open()'s mode was narrowed by the umask; restore the original
    if (::close(fd) != 0 && ok) {
        errorNumber = errno;
        ok = false;
    }
    if (!ok) {
        ::unlink(QFile::encodeName(temporary).constData());
        *error = QStringLiteral("Cannot write %1: %2").arg(displayName, systemReason(errorNumber));
        return false;
    }
    m_temporary = temporary;
    return true;
}

namespace {

// rename(2) that fails with EEXIST instead of replacing a file that is there. A filesystem
// without RENAME_NOREPLACE gets a check just before a plain rename: a smaller window, not none.
int renameNoReplace(const QByteArray &from, const QByteArray &to)
{
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    struct stat there { };
    if (::lstat(to.constData(), &there) == 0) {
        errno = EEXIST;
        return -1;
    }
    return ::rename(from.constData(), to.constData());
}

} // namespace

bool StagedFile::commit(QString *error, Replace replace)
{
    if (m_temporary.isEmpty()) {
        *error = QStringLiteral("Cannot write %1: nothing was staged").arg(m_displayName);
        return false;
    }
    const QByteArray from = QFile::encodeName(m_temporary);
    const QByteArray to = QFile::encodeName(m_target);
    if ((replace == Replace::OnlyIfAbsent ? renameNoReplace(from, to) : ::rename(from.constData(), to.constData()))
        != 0) {
        const int errorNumber = errno;
        discard();
        *error = errorNumber == EEXIST && replace == Replace::OnlyIfAbsent
            ? QStringLiteral("%1 appeared on disk after OpsFlow compared it, and was not replaced").arg(m_displayName)
            : QStringLiteral("Cannot replace %1: %2").arg(m_displayName, systemReason(errorNumber));
        return false;
    }
    m_temporary.clear();
    int errorNumber = 0;
    if (!syncFolder(QFileInfo(m_target).absolutePath(), &errorNumber)) {
        *error =
            QStringLiteral("Wrote %1, but could not sync its folder: %2").arg(m_displayName, systemReason(errorNumber));
        return false;
    }
    return true;
}

void StagedFile::discard()
{
    if (!m_temporary.isEmpty()) {
        ::unlink(QFile::encodeName(m_temporary).constData());
        m_temporary.clear();
    }
}

bool makeFolders(const QString &path, QString *reason)
{
    struct stat st { };
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        *reason = systemReason(ENOTDIR);
        return false;
    }
    if (errno != ENOENT) {
        *reason = systemReason(errno);
        return false;
    }
    const QString parent = QFileInfo(path).absolutePath();
    if (parent != path && !makeFolders(parent, reason))
        return false;
    if (::mkdir(native.constData(), 0777) != 0 && errno != EEXIST) {
        *reason = systemReason(errno);
        return false;
    }
    return true;
}

bool writeFileDurably(const QString &target, const QByteArray &content, const QString &displayName, QString *error,
                      const QString &permissionsOf)
{
    StagedFile file;
    return file.stage(target, content, displayName, error, permissionsOf) && file.commit(error);
}

bool readWholeFile(const QString &path, QByteArray *content, QString *error, qint64 limit)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *error = systemReason(errno);
        return false;
    }
    struct stat info { };
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        *error = QStringLiteral("not a regular file");
        return false;
    }
    QByteArray bytes;
    bytes.reserve(qsizetype(std::min<qint64>(info.st_size, limit) + 1));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = systemReason(errno);
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        bytes.append(buffer, n);
        if (bytes.size() > limit) {
            ::close(fd);
            *error = QStringLiteral("larger than %1 bytes").arg(limit);
            return false;
        }
    }
    ::close(fd);
    *content = bytes;
    return true;
}

QStringList removeStaleTemporaries(const QString &target)
{
    const QFileInfo info(target);
    const QRegularExpression ours(QStringLiteral("^\\.%1\\.opsflow-(\\d+)-[A-Za-z0-9]{8}\\.tmp$")
                                      .arg(QRegularExpression::escape(info.fileName())));
    QStringList removed;
    const QDir folder(info.absolutePath());
    const QStringList candidates = folder.entryList({QStringLiteral(".%1.opsflow-*.tmp").arg(info.fileName())},
                                                    QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : candidates) {
        const auto m = ours.match(name);
        if (!m.hasMatch())
            continue;
        const qint64 pid = m.captured(1).toLongLong();
        // A live process (ours or another run's) may still be about to rename it.
        const bool alive =
            pid > 0 && pid <= std::numeric_limits<pid_t>::max() && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
        if (alive)
            continue;
        const QString path = folder.filePath(name);
        struct stat st { };
        // Only plain files: a link of that name is not ours to follow or remove.
        if (::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode)
            && ::unlink(QFile::encodeName(path).constData()) == 0)
            removed.append(name);
    }
    return removed;
}

} // namespace opsflow
