// Files and fixture projects, for the suites that read or write project folders.
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace opsflow::testing {

// A fixture project under tests/fixtures/ (read-only: copy it with copyTree to change it).
inline QString fixture(const char *name)
{
    return QStringLiteral(OPSFLOW_SOURCE_DIR "/tests/fixtures/") + QLatin1String(name);
}

// Writes a file, creating its folders; fails the running test when it cannot.
inline void put(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QVERIFY2(f.write(content) == content.size(), qPrintable(path));
}

// A file's bytes; empty when it cannot be read.
inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every file below `dir` (hidden ones, links and sockets included), relative to it, sorted.
inline QStringList filesUnder(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(QDir(dir).relativeFilePath(it.next()));
    found.sort();
    return found;
}

// A writable copy of a folder (hidden files included), so a test can add links, edits or
// saved answers to a fixture without touching the original.
inline bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

// A writable copy of the built-in knowledge (the qrc's resources/knowledge), so a test can
// break one file at a time.
inline bool copyKnowledge(const QString &to)
{
    const QString root = QStringLiteral(":/resources/knowledge");
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString target = to + from.mid(root.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(from, target) || !QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner))
            return false;
    }
    return true;
}

// A JSON file's top-level object; empty when it cannot be read or is not an object.
inline QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Writes a JSON object over a file; false when it cannot.
inline bool writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(QJsonDocument(o).toJson()) > 0;
}

} // namespace opsflow::testing
