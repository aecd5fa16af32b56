// One knowledge file, read and validated (see knowledgefile.h).
#include "knowledgefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace opsflow {

namespace {

// Knowledge files are a few KiB; anything this large is not one.
constexpr qint64 maxKnowledgeFileSize = qint64(1024) * 1024;

} // namespace

std::optional<QJsonObject> readKnowledgeJson(const QString &path, const QString &name, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 cannot be read: %2").arg(name, file.errorString());
        return std::nullopt;
    }
    if (file.size() > maxKnowledgeFileSize) {
        *error = QStringLiteral("%1 is larger than 1 MiB; it is not a knowledge file").arg(name);
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(parse.offset);
        *error = QStringLiteral("%1 is not valid JSON (%2 at line %3)")
                     .arg(name, parse.errorString())
                     .arg(before.count('\n') + 1);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 must hold a JSON object").arg(name);
        return std::nullopt;
    }
    return doc.object();
}

// Reads a file and validates it against the schema beside the folders.
std::optional<QJsonObject> readValidKnowledge(const QString &path, const QString &name, const JsonSchema &schema,
                                              QString *error)
{
    auto object = readKnowledgeJson(path, name, error);
    if (!object)
        return std::nullopt;
    const QStringList problems = schema.validate(*object);
    if (!problems.isEmpty()) {
        *error = name + QStringLiteral(": ") + problems.constFirst();
        return std::nullopt;
    }
    return object;
}

std::optional<JsonSchema> readKnowledgeSchema(const QString &path, const QString &name, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 cannot be read: %2").arg(name, file.errorString());
        return std::nullopt;
    }
    QString why;
    auto schema = JsonSchema::fromJson(file.readAll(), &why);
    if (!schema)
        *error = name + QStringLiteral(": ") + why;
    return schema;
}

} // namespace opsflow
