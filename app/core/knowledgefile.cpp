// One knowledge file, read and validated (see knowledgefile.h).
#include "knowledgefile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

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
std::optional<QJsonObject> readKnowledgeWithSchema(const QString &root, const QString &stem, QString *name,
                                                   QString *error)
{
    const QString path = root + u'/' + stem + QStringLiteral(".json");
    const QString schemaPath = root + u'/' + stem + QStringLiteral(".schema.json");
    *name = knowledgeName(root, path);
    const auto schema = readKnowledgeSchema(schemaPath, knowledgeName(root, schemaPath), error);
    if (!schema)
        return std::nullopt;
    return readValidKnowledge(path, *name, *schema, error);
}

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

QString knowledgeName(const QString &root, const QString &path)
{
    return QStringLiteral("knowledge/") + QDir(root).relativeFilePath(path);
}

QStringList jsonStrings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

QHash<QString, QString> jsonStringMap(const QJsonValue &value)
{
    QHash<QString, QString> out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

bool compilePatterns(const QJsonValue &patterns, QList<QRegularExpression> *out, const QString &where, QString *error)
{
    const QJsonArray list = patterns.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QRegularExpression re(list.at(i).toString(), QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid()) {
            *error =
                QStringLiteral("%1[%2]: not a valid regular expression (%3)").arg(where).arg(i).arg(re.errorString());
            return false;
        }
        out->append(re);
    }
    return true;
}

bool anyPatternMatches(const QList<QRegularExpression> &patterns, const QString &text)
{
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const QRegularExpression &re) { return re.match(text).hasMatch(); });
}

} // namespace opsflow
