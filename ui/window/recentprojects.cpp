// The recently opened project folders (QSettings "recentProjects"), newest first.
#include "recentprojects.h"

#include <QFileInfo>
#include <QSettings>

namespace opsflow {

namespace {

const QString settingsKey = QStringLiteral("recentProjects");

} // namespace

RecentProjects::RecentProjects(QObject *parent) : QObject(parent) { }

QStringList RecentProjects::folders()
{
    const QStringList stored = QSettings().value(settingsKey).toStringList();
    QStringList existing;
    for (const QString &folder : stored) {
        if (QFileInfo(folder).isDir() && !existing.contains(folder))
            existing.append(folder);
    }
    if (existing.size() > MaxEntries)
        existing = existing.mid(0, MaxEntries);
    if (existing != stored)
        store(existing);
    return existing;
}

void RecentProjects::add(const QString &folder)
{
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if (canonical.isEmpty())
        return;
    QStringList list = QSettings().value(settingsKey).toStringList();
    list.removeAll(canonical);
    list.prepend(canonical);
    store(list.mid(0, MaxEntries));
}

void RecentProjects::clear()
{
    store({});
}

void RecentProjects::store(const QStringList &folders)
{
    QSettings settings;
    if (settings.value(settingsKey).toStringList() == folders)
        return;
    if (folders.isEmpty())
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, folders);
    Q_EMIT changed();
}

} // namespace opsflow
