// Validation of knowledge files against their JSON Schema: the subset of keywords they use.
#include "jsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace opsflow {

namespace {

const QSet<QString> &knownKeywords()
{
    static const QSet<QString> keywords = {
        QStringLiteral("$schema"),
        QStringLiteral("$id"),
        QStringLiteral("$comment"),
        QStringLiteral("$defs"),
        QStringLiteral("$ref"),
        QStringLiteral("title"),
        QStringLiteral("description"),
        QStringLiteral("type"),
        QStringLiteral("properties"),
        QStringLiteral("required"),
        QStringLiteral("additionalProperties"),
        QStringLiteral("items"),
        QStringLiteral("enum"),
        QStringLiteral("pattern"),
        QStringLiteral("minimum"),
        QStringLiteral("maximum"),
        QStringLiteral("minItems"),
        QStringLiteral("uniqueItems"),
        QStringLiteral("minLength"),
    };
    return keywords;
}

// Every sub-schema (properties, items, $defs, additionalProperties) uses known keywords only.
bool checkKeywords(const QJsonObject &schema, const QString &where, QString *error)
{
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!knownKeywords().contains(it.key())) {
            *error = QStringLiteral("%1 uses the keyword \"%2\", which OpsFlow's validator does not check")
                         .arg(where.isEmpty() ? QStringLiteral("the schema") : where, it.key());
            return false;
        }
    }
    const auto children = [&](const char *key) {
        const QJsonObject map = schema.value(QLatin1String(key)).toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!checkKeywords(it.value().toObject(), where + QLatin1Char('/') + QLatin1String(key) + u'/' + it.key(),
                               error))
                return false;
        }
        return true;
    };
    if (!children("properties") || !children("$defs"))
        return false;
    for (const char *key : {"items", "additionalProperties"}) {
        const QJsonValue sub = schema.value(QLatin1String(key));
        if (sub.isObject() && !checkKeywords(sub.toObject(), where + u'/' + QLatin1String(key), error))
            return false;
    }
    return true;
}

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("integer"))
        return value.isDouble() && std::floor(value.toDouble()) == value.toDouble() && std::isfinite(value.toDouble());
    return typeOf(value) == type;
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString at(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("the file") : path;
}

} // namespace

namespace {

void collectPatterns(const QJsonValue &node, QHash<QString, QRegularExpression> &patterns)
{
    if (node.isArray()) {
        for (const QJsonValue &item : node.toArray())
            collectPatterns(item, patterns);
        return;
    }
    if (!node.isObject())
        return;
    const QJsonObject object = node.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("pattern") && it.value().isString()) {
            const QString pattern = it.value().toString();
            if (!patterns.contains(pattern)) {
                patterns.insert(pattern, QRegularExpression(pattern));
            }
        } else {
            collectPatterns(it.value(), patterns);
        }
    }
}

} // namespace

JsonSchema::JsonSchema(const QJsonObject &root) : m_root(root)
{
    collectPatterns(m_root, m_patterns);
}

std::optional<JsonSchema> JsonSchema::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the schema is not a JSON object (%1)").arg(parse.errorString());
        return std::nullopt;
    }
    if (!checkKeywords(doc.object(), QString(), error))
        return std::nullopt;
    return JsonSchema(doc.object());
}

QStringList JsonSchema::validate(const QJsonValue &value) const
{
    QStringList errors;
    check(value, m_root, QString(), errors);
    return errors;
}

QJsonObject JsonSchema::resolve(const QJsonObject &schema) const
{
    const QString ref = schema.value(QLatin1String("$ref")).toString();
    if (!ref.startsWith(QLatin1String("#/$defs/")))
        return schema;
    return m_root.value(QLatin1String("$defs")).toObject().value(ref.mid(8)).toObject();
}

void JsonSchema::check(const QJsonValue &value, const QJsonObject &rawSchema, const QString &path,
                       QStringList &errors) const
{
    const QJsonObject schema = resolve(rawSchema);
    const QJsonValue type = schema.value(QLatin1String("type"));
    if (!type.isUndefined()) {
        QStringList types;
        if (type.isArray()) {
            for (const QJsonValue &t : type.toArray())
                types << t.toString();
        } else {
            types << type.toString();
        }
        const bool ok = std::any_of(types.begin(), types.end(), [&](const QString &t) { return hasType(value, t); });
        if (!ok) {
            errors << QStringLiteral("%1: must be %2, not %3")
                          .arg(at(path), types.join(QStringLiteral(" or ")), typeOf(value));
            return;
        }
    }
    if (schema.contains(QLatin1String("enum")) && !schema.value(QLatin1String("enum")).toArray().contains(value)) {
        QStringList allowed;
        for (const QJsonValue &v : schema.value(QLatin1String("enum")).toArray())
            allowed << QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        errors << QStringLiteral("%1: must be one of %2").arg(at(path), allowed.join(QStringLiteral(", ")));
        return;
    }
    if (value.isString()) {
        const QString s = value.toString();
        if (schema.contains(QLatin1String("minLength")) && s.size() < schema.value(QLatin1String("minLength")).toInt())
            errors << QStringLiteral("%1: must not be empty").arg(at(path));
        const QString pattern = schema.value(QLatin1String("pattern")).toString();
        if (!pattern.isEmpty() && !m_patterns.value(pattern).match(s).hasMatch())
            errors << QStringLiteral("%1: \"%2\" does not match %3").arg(at(path), s, pattern);
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(QLatin1String("minimum")) && d < schema.value(QLatin1String("minimum")).toDouble())
            errors << QStringLiteral("%1: must be at least %2")
                          .arg(at(path))
                          .arg(schema.value(QLatin1String("minimum")).toDouble());
        if (schema.contains(QLatin1String("maximum")) && d > schema.value(QLatin1String("maximum")).toDouble())
            errors << QStringLiteral("%1: must be at most %2")
                          .arg(at(path))
                          .arg(schema.value(QLatin1String("maximum")).toDouble());
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QLatin1String("minItems"))
            && array.size() < schema.value(QLatin1String("minItems")).toInt())
            errors << (schema.value(QLatin1String("minItems")).toInt() == 1
                           ? QStringLiteral("%1: needs at least 1 item").arg(at(path))
                           : QStringLiteral("%1: needs at least %2 items")
                                 .arg(at(path))
                                 .arg(schema.value(QLatin1String("minItems")).toInt()));
        if (schema.value(QLatin1String("uniqueItems")).toBool()) {
            for (qsizetype i = 1; i < array.size(); ++i) {
                for (qsizetype j = 0; j < i; ++j) {
                    if (array.at(j) == array.at(i)) {
                        errors << QStringLiteral("%1[%2]: repeats an earlier item").arg(path).arg(i);
                        break;
                    }
                }
            }
        }
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        if (!items.isEmpty()) {
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), items, QStringLiteral("%1[%2]").arg(path).arg(i), errors);
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue &required : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(required.toString()))
                errors << QStringLiteral("%1: the key \"%2\" is missing").arg(at(path), required.toString());
        }
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString where = join(path, it.key());
            if (properties.contains(it.key()))
                check(it.value(), properties.value(it.key()).toObject(), where, errors);
            else if (additional.isObject())
                check(it.value(), additional.toObject(), where, errors);
            else if (additional.isBool() && !additional.toBool())
                errors << QStringLiteral("%1: unknown key").arg(where);
        }
    }
}

} // namespace opsflow
