// Reading one knowledge file: size-capped, parsed, and validated against its JSON Schema, with
// errors that name the file (and the line of a JSON syntax error). Shared by every loader of
// resources/knowledge/.
#pragma once

#include "jsonschema.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace opsflow {

// The JSON object in `path`; `name` is how errors call the file ("knowledge/rules.json").
std::optional<QJsonObject> readKnowledgeJson(const QString &path, const QString &name, QString *error);
// A JSON Schema file.
std::optional<JsonSchema> readKnowledgeSchema(const QString &path, const QString &name, QString *error);
// The JSON object in `path`, valid against `schema`.
std::optional<QJsonObject> readValidKnowledge(const QString &path, const QString &name, const JsonSchema &schema,
                                              QString *error);

} // namespace opsflow
