// The recently opened project folders (QSettings "recentProjects"), newest first.
#pragma once

#include <QObject>
#include <QStringList>

namespace opsflow {

class RecentProjects : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxEntries = 8;

    explicit RecentProjects(QObject *parent = nullptr);

    // The stored folders that still exist; folders that vanished are dropped from the
    // settings as they are noticed.
    QStringList folders();
    // Moves (or adds) a folder to the front.
    void add(const QString &folder);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store(const QStringList &folders);
};

} // namespace opsflow
