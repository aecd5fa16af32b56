// Loading resources/knowledge/services.json: the secrets stores and feature flag services a
// user can name, and the variables each one's client reads.
#include "knowledge.h"

#include "knowledgefile.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace opsflow {

namespace {

bool readVariables(const QJsonValue &value, QList<ServiceVariable> *out, const QString &where, QString *error)
{
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        ServiceVariable v;
        v.name = o.value(QLatin1String("name")).toString();
        v.type = o.value(QLatin1String("type")).toString();
        v.example = o.value(QLatin1String("example")).toString();
        v.about = o.value(QLatin1String("about")).toString();
        v.secret = o.value(QLatin1String("secret")).toBool();
        v.required = o.value(QLatin1String("required")).toBool(true);
        // A secret's example is always the same fake value; anything else needs a real one.
        if (v.secret == !v.example.isEmpty()) {
            *error = QStringLiteral("%1[%2].example: %3")
                         .arg(where)
                         .arg(i)
                         .arg(v.secret ? QStringLiteral("a secret has no example (it is change-me)")
                                       : QStringLiteral("a setting that is not a secret needs its example"));
            return false;
        }
        out->append(v);
    }
    return true;
}

} // namespace

bool Knowledge::loadServices(const QString &root, QString *error)
{
    const QString name = knowledgeName(root, root + QStringLiteral("/services.json"));
    const auto schema = readKnowledgeSchema(root + QStringLiteral("/services.schema.json"),
                                            knowledgeName(root, root + QStringLiteral("/services.schema.json")), error);
    if (!schema)
        return false;
    const auto object = readValidKnowledge(root + QStringLiteral("/services.json"), name, *schema, error);
    if (!object)
        return false;
    const auto read = [&](const char *key, QList<ServiceKnowledge> *into) {
        const QJsonArray list = object->value(QLatin1String(key)).toArray();
        QSet<QString> ids;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject o = list.at(i).toObject();
            const QString where = QStringLiteral("%1: %2[%3]").arg(name, QLatin1String(key)).arg(i);
            ServiceKnowledge s;
            s.id = o.value(QLatin1String("id")).toString();
            s.name = o.value(QLatin1String("name")).toString();
            s.defaultForClouds = jsonStrings(o.value(QLatin1String("default_for_clouds")));
            s.defaultWithoutCloud = o.value(QLatin1String("default_without_cloud")).toBool();
            if (ids.contains(s.id)) {
                *error = QStringLiteral("%1.id: \"%2\" appears twice").arg(where, s.id);
                return false;
            }
            ids.insert(s.id);
            if (!compilePatterns(o.value(QLatin1String("match")), &s.match, where + QStringLiteral(".match"), error)
                || !readVariables(o.value(QLatin1String("variables")), &s.variables,
                                  where + QStringLiteral(".variables"), error))
                return false;
            into->append(s);
        }
        return true;
    };
    if (!read("secrets_stores", &m_secretsStores) || !read("flag_services", &m_flagServices))
        return false;
    const QJsonObject unnamed = object->value(QLatin1String("flag_service_unnamed")).toObject();
    m_unnamedFlagService.name = unnamed.value(QLatin1String("name")).toString();
    if (!readVariables(unnamed.value(QLatin1String("variables")), &m_unnamedFlagService.variables,
                       name + QStringLiteral(": flag_service_unnamed.variables"), error))
        return false;

    // With nothing named, exactly one store is assumed per cloud and one off the clouds, or
    // the answer would depend on the order of the file.
    for (const QString &cloud : {QStringLiteral("aws"), QStringLiteral("gcp"), QStringLiteral("azure"), QString()}) {
        const auto count =
            std::count_if(m_secretsStores.cbegin(), m_secretsStores.cend(), [&](const ServiceKnowledge &s) {
                return cloud.isEmpty() ? s.defaultWithoutCloud : s.defaultForClouds.contains(cloud);
            });
        if (count != 1) {
            *error = QStringLiteral("%1: secrets_stores: %2 needs exactly one store assumed, not %3")
                         .arg(name, cloud.isEmpty() ? QStringLiteral("a platform off the public clouds") : cloud)
                         .arg(count);
            return false;
        }
    }
    return true;
}

const ServiceKnowledge *Knowledge::secretsStore(const QString &typed, const QString &cloud) const
{
    const QString name = typed.simplified();
    for (const ServiceKnowledge &s : m_secretsStores) {
        if (name.isEmpty() ? (cloud.isEmpty() ? s.defaultWithoutCloud : s.defaultForClouds.contains(cloud))
                           : anyPatternMatches(s.match, name))
            return &s;
    }
    return nullptr;
}

const ServiceKnowledge *Knowledge::flagService(const QString &typed) const
{
    const QString name = typed.simplified();
    if (name.isEmpty())
        return &m_unnamedFlagService;
    const auto it = std::find_if(m_flagServices.cbegin(), m_flagServices.cend(),
                                 [&](const ServiceKnowledge &s) { return anyPatternMatches(s.match, name); });
    return it == m_flagServices.cend() ? nullptr : &*it;
}

} // namespace opsflow
