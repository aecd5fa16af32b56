// Notices when the three generated documents are edited outside OpsFlow, so the plan, the
// completion page and the preview can re-read them.
#include "generatedfileswatcher.h"

#include "projectcontext.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>

namespace opsflow {

GeneratedFilesWatcher::GeneratedFilesWatcher(QObject *parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(150);
    connect(&m_settle, &QTimer::timeout, this, &GeneratedFilesWatcher::check);
}

QStringList GeneratedFilesWatcher::watchedPaths()
{
    return {QStringLiteral("docs/operations.md"), QStringLiteral("specs/configuration.md"),
            QStringLiteral(".env.example")};
}

void GeneratedFilesWatcher::setProjectFolder(const QString &folder)
{
    delete m_watcher;
    m_watcher = nullptr;
    m_settle.stop();
    m_known.clear();
    m_folder = folder;
    if (folder.isEmpty())
        return;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
    for (const QString &path : watchedPaths())
        m_known.insert(path, read(path));
    rewatch();
}

void GeneratedFilesWatcher::acknowledge()
{
    for (const QString &path : watchedPaths())
        m_known.insert(path, read(path));
    rewatch();
}

void GeneratedFilesWatcher::rewatch()
{
    if (!m_watcher)
        return;
    // A file replaced by an atomic save is a new file: watch it again. A file not there
    // yet shows up as a change of its folder.
    const QDir project(m_folder);
    QStringList wanted;
    for (const QString &path : watchedPaths()) {
        const QString absolute = project.filePath(path);
        if (QFileInfo(absolute).isFile())
            wanted.append(absolute);
        const QString dir = QFileInfo(absolute).absolutePath();
        if (QFileInfo(dir).isDir() && !wanted.contains(dir))
            wanted.append(dir);
    }
    QStringList missing;
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    for (const QString &path : std::as_const(wanted)) {
        if (!watched.contains(path))
            missing.append(path);
    }
    if (!missing.isEmpty())
        m_watcher->addPaths(missing);
}

void GeneratedFilesWatcher::check()
{
    QStringList changed;
    for (const QString &path : watchedPaths()) {
        const QByteArray now = read(path);
        if (now != m_known.value(path)) {
            m_known.insert(path, now);
            changed.append(path);
        }
    }
    rewatch();
    if (!changed.isEmpty())
        Q_EMIT changedOnDisk(changed);
}

QByteArray GeneratedFilesWatcher::read(const QString &path) const
{
    // The same careful reading as everywhere (no links out of the project, no huge files);
    // a marker tells "absent" from "empty".
    const ProjectFile file = readProjectFile(m_folder, path, qint64(16) * 1024 * 1024);
    if (!file.exists)
        return {};
    return file.read ? QByteArray("+") + file.content : QByteArray("?") + file.note.toUtf8();
}

} // namespace opsflow
