// A JSON Schema (draft 2020-12 subset) that OpsFlow's knowledge files are checked against.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace opsflow {

// The schema is the format's one description: the loaders validate every file against it,
// so a key the schema does not know is an error, never silently ignored. Supported keywords:
// type, properties, required, additionalProperties, items, enum, pattern, minimum, maximum,
// minItems, uniqueItems, minLength, $ref ("#/$defs/…"), $defs; $schema, $id, title,
// description and $comment are documentation. A schema using any other keyword is refused,
// so the schema cannot promise a check the validator does not make.
class JsonSchema
{
public:
    static std::optional<JsonSchema> fromJson(const QByteArray &json, QString *error);

    // "commands.rollbak: unknown key", "priority: must be an integer", … in document order;
    // empty when the value conforms.
    QStringList validate(const QJsonValue &value) const;

private:
    explicit JsonSchema(const QJsonObject &root);
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &path, QStringList &errors) const;
    QJsonObject resolve(const QJsonObject &schema) const;

    QJsonObject m_root;
    // Every "pattern" of the schema, compiled once: compiling one for each string checked
    // was most of the cost of loading the knowledge files.
    QHash<QString, QRegularExpression> m_patterns;
};

} // namespace opsflow
