// Notices when the three generated documents are edited outside OpsFlow, so the plan, the
// completion page and the preview can re-read them.
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

class QFileSystemWatcher;

namespace opsflow {

class GeneratedFilesWatcher : public QObject
{
    Q_OBJECT
public:
    explicit GeneratedFilesWatcher(QObject *parent = nullptr);

    // The files watched: docs/operations.md, specs/configuration.md, .env.example.
    static QStringList watchedPaths();

    // Starts over for a project (empty: watch nothing). What is there now counts as known.
    void setProjectFolder(const QString &folder);
    // OpsFlow wrote the files itself: what is there now is known, no notice.
    void acknowledge();

Q_SIGNALS:
    // Relative paths whose content differs from what OpsFlow last saw.
    void changedOnDisk(const QStringList &paths);

private:
    void rewatch();
    void check();
    QByteArray read(const QString &path) const;

    QFileSystemWatcher *m_watcher = nullptr;
    QString m_folder;
    QHash<QString, QByteArray> m_known; // relative path → content (empty: absent)
    // Editors save in bursts (write, rename, chmod): one look after they settle.
    QTimer m_settle;
};

} // namespace opsflow
