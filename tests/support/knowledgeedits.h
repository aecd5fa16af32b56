// A copy of the built-in knowledge with one entry changed, loaded: for the suites that try
// each kind of defect a knowledge file can have.
#pragma once

#include "knowledge.h"
#include "questionnaire.h"
#include "testfiles.h"

#include <QJsonArray>
#include <QTemporaryDir>

namespace opsflow::testing {

// Edits `file` (relative to resources/knowledge/) of a copy of the built-in knowledge with
// `edit` and loads the result; returns the load error, empty when it loaded.
template<typename Edit>
QString loadErrorWithEdit(const QString &file, Edit edit)
{
    QTemporaryDir dir;
    if (!copyKnowledge(dir.path()))
        return QStringLiteral("the knowledge could not be copied");
    const QString path = dir.filePath(file);
    QJsonObject o = readJson(path);
    edit(o);
    if (!writeJson(path, o))
        return QStringLiteral("the edited copy could not be written");
    QString error;
    return Knowledge::load(dir.path(), Questionnaire::builtIn(), &error) ? QString() : error;
}

// Sets `key` to `value` in the first entry of the array `list` of `file` and loads the result.
inline QString loadErrorWithFirstEntry(const QString &file, const QString &list, const QString &key,
                                       const QJsonValue &value)
{
    return loadErrorWithEdit(file, [&](QJsonObject &o) {
        QJsonArray entries = o.value(list).toArray();
        QJsonObject first = entries.at(0).toObject();
        first.insert(key, value);
        entries.replace(0, first);
        o.insert(list, entries);
    });
}

} // namespace opsflow::testing
