// Reading one knowledge file: size-capped, parsed, and validated against its JSON Schema, with
// errors that name the file (and the line of a JSON syntax error). Shared by every loader of
// resources/knowledge/.
#pragma once

#include "jsonschema.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace opsflow {

// The JSON object in `path`; `name` is how errors call the file ("knowledge/rules.json").
std::optional<QJsonObject> readKnowledgeJson(const QString &path, const QString &name, QString *error);
// A JSON Schema file.
std::optional<JsonSchema> readKnowledgeSchema(const QString &path, const QString &name, QString *error);
// The JSON object in `path`, valid against `schema`.
std::optional<QJsonObject> readValidKnowledge(const QString &path, const QString &name, const JsonSchema &schema,
                                              QString *error);

// <root>/<stem>.json, valid against <root>/<stem>.schema.json beside it; *name is set to how
// errors call the file ("knowledge/audit.json").
std::optional<QJsonObject> readKnowledgeWithSchema(const QString &root, const QString &stem, QString *name,
                                                   QString *error);

// How errors name a file: "knowledge/<path below the root>", whether it was read from the
// qrc or from a folder.
QString knowledgeName(const QString &root, const QString &path);

// A JSON array of strings, and an object of strings, as the schema has already checked them.
QStringList jsonStrings(const QJsonValue &value);
QHash<QString, QString> jsonStringMap(const QJsonValue &value);

// Compiles a JSON array of case-insensitive patterns; an invalid one is an error naming
// `where`[index].
bool compilePatterns(const QJsonValue &patterns, QList<QRegularExpression> *out, const QString &where, QString *error);
bool anyPatternMatches(const QList<QRegularExpression> &patterns, const QString &text);

} // namespace opsflow
