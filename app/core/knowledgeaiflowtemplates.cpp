// Loading resources/knowledge/aiflow-templates.json: ai-flow's own templates in a project and
// the OpsFlow template values that fill their names.
#include "knowledge.h"

#include "knowledgefile.h"

#include <QJsonArray>

namespace opsflow {

namespace {

bool isTemplateName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

// A JSON object of names → names, each side checked (the schema cannot name its keys).
bool readNames(const QJsonObject &object, const QString &at, QHash<QString, QString> *out, QString *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isTemplateName(it.key())) {
            *error = QStringLiteral("%1: \"%2\" is not a template name ([A-Z][A-Z0-9_]*)").arg(at, it.key());
            return false;
        }
        out->insert(it.key(), it.value().toString());
    }
    return true;
}

} // namespace

bool Knowledge::loadAiFlowTemplates(const QString &root, QString *error)
{
    QString name;
    const auto object = readKnowledgeWithSchema(root, QStringLiteral("aiflow-templates"), &name, error);
    if (!object)
        return false;

    QList<AiFlowTemplateKnowledge> templates;
    const QJsonArray items = object->value(QLatin1String("templates")).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const QString at = QStringLiteral("%1: templates[%2]").arg(name).arg(i);
        AiFlowTemplateKnowledge entry;
        entry.source = o.value(QLatin1String("source")).toString();
        entry.replaces = o.value(QLatin1String("replaces")).toString();
        for (const AiFlowTemplateKnowledge &other : std::as_const(templates)) {
            if (other.replaces == entry.replaces) {
                *error = QStringLiteral("%1.replaces: %2 is replaced twice").arg(at, entry.replaces);
                return false;
            }
        }
        if (!readNames(o.value(QLatin1String("variables")).toObject(), at + QStringLiteral(".variables"),
                       &entry.variables, error))
            return false;
        const QJsonObject lists = o.value(QLatin1String("lists")).toObject();
        for (auto it = lists.begin(); it != lists.end(); ++it) {
            const QString listAt = QStringLiteral("%1.lists.%2").arg(at, it.key());
            if (!isTemplateName(it.key())) {
                *error = QStringLiteral("%1: \"%2\" is not a template name ([A-Z][A-Z0-9_]*)")
                             .arg(at + QStringLiteral(".lists"), it.key());
                return false;
            }
            if (entry.variables.contains(it.key())) {
                *error = QStringLiteral("%1: also a variable of the same template").arg(listAt);
                return false;
            }
            AiFlowListAlias alias;
            alias.from = it.value().toObject().value(QLatin1String("from")).toString();
            if (!readNames(it.value().toObject().value(QLatin1String("fields")).toObject(),
                           listAt + QStringLiteral(".fields"), &alias.fields, error))
                return false;
            entry.lists.insert(it.key(), alias);
        }
        templates.append(entry);
    }
    m_aiFlowTemplates = templates;
    return true;
}

} // namespace opsflow
