// Loading resources/knowledge/monitoring.json: why each metric is tracked, what each alert
// channel carries, the alert each condition raises, and what the monitoring diagram draws for each APM choice (see
// monitoringdiagram.cpp). The schema checks the shape; this checks the keys against the
// questionnaire's choices, and that every edge joins nodes of its own stack, so a typo fails
// the load instead of drawing a stray node.
#include "knowledge.h"

#include "knowledgefile.h"
#include "questionnaire.h"

#include <QJsonArray>
#include <QSet>

namespace opsflow {

namespace {

const QString alerting = QStringLiteral("AlertManager");

bool edgesFrom(const QJsonValue &value, const QSet<QString> &ids, const QString &at, QList<DiagramEdgeKnowledge> *out,
               QString *error)
{
    const QJsonArray edges = value.toArray();
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QJsonObject o = edges.at(i).toObject();
        const DiagramEdgeKnowledge edge{o.value(QLatin1String("from")).toString(),
                                        o.value(QLatin1String("to")).toString(),
                                        o.value(QLatin1String("label")).toString()};
        for (const QString &end : {edge.from, edge.to}) {
            if (!ids.contains(end)) {
                *error = QStringLiteral("%1[%2]: \"%3\" is not a node of this stack").arg(at).arg(i).arg(end);
                return false;
            }
        }
        out->append(edge);
    }
    return true;
}

} // namespace

namespace {

// Every choice of `field` has a key in `object`, and no other key is there.
bool keysAreChoices(const QJsonObject &object, const Field *field, const QString &at, QString *error)
{
    if (!field) {
        *error = QStringLiteral("%1: the questionnaire has no such field").arg(at);
        return false;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!field->choice(it.key())) {
            *error = QStringLiteral("%1.%2: not a choice of %3").arg(at, it.key(), field->label);
            return false;
        }
    }
    for (const Choice &choice : field->choices) {
        if (!object.contains(choice.value)) {
            *error = QStringLiteral("%1: the choice %2 (%3) has no entry").arg(at, choice.value, choice.label);
            return false;
        }
    }
    return true;
}

} // namespace

bool Knowledge::loadMonitoring(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    QString name;
    const auto object = readKnowledgeWithSchema(root, QStringLiteral("monitoring"), &name, error);
    if (!object)
        return false;
    const QJsonObject reasons = object->value(QLatin1String("metric_reasons")).toObject();
    if (!keysAreChoices(reasons, questionnaire.field(QStringLiteral("7.5"), QStringLiteral("metrics")),
                        name + QStringLiteral(": metric_reasons"), error))
        return false;
    m_metricReasons = jsonStringMap(reasons);
    const QJsonObject channels = object->value(QLatin1String("alert_channels")).toObject();
    if (!keysAreChoices(channels, questionnaire.field(QStringLiteral("7.6"), QStringLiteral("channels")),
                        name + QStringLiteral(": alert_channels"), error))
        return false;
    m_alertChannels.clear();
    for (auto it = channels.begin(); it != channels.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_alertChannels.insert(it.key(),
                               {o.value(QLatin1String("name")).toString(), o.value(QLatin1String("use")).toString(),
                                o.value(QLatin1String("incident_channel")).toString()});
    }
    const QJsonObject conditions = object->value(QLatin1String("alert_conditions")).toObject();
    if (!keysAreChoices(conditions, questionnaire.field(QStringLiteral("7.6"), QStringLiteral("conditions")),
                        name + QStringLiteral(": alert_conditions"), error))
        return false;
    QHash<QString, AlertConditionKnowledge> alerts;
    for (auto it = conditions.begin(); it != conditions.end(); ++it) {
        const QString at = QStringLiteral("%1: alert_conditions.%2").arg(name, it.key());
        const QJsonObject o = it.value().toObject();
        AlertConditionKnowledge alert;
        alert.name = o.value(QLatin1String("name")).toString();
        alert.critical = o.value(QLatin1String("severity")).toString() == QLatin1String("critical");
        alert.thresholdField = o.value(QLatin1String("threshold")).toString();
        alert.condition = o.value(QLatin1String("condition")).toString();
        alert.undecided = o.value(QLatin1String("undecided")).toString();
        alert.needsDatabase = o.value(QLatin1String("needs_database")).toBool();
        const bool usesThreshold = alert.condition.contains(QLatin1String("{threshold}"));
        if (alert.thresholdField.isEmpty()) {
            if (usesThreshold || !alert.undecided.isEmpty()) {
                *error = QStringLiteral("%1: {threshold} or undecided without a threshold field").arg(at);
                return false;
            }
        } else {
            const Field *number = questionnaire.field(QStringLiteral("7.6"), alert.thresholdField);
            if (!number || number->type != Field::Type::Number) {
                *error =
                    QStringLiteral("%1.threshold: \"%2\" is not a number field of 7.6").arg(at, alert.thresholdField);
                return false;
            }
            if (!usesThreshold || alert.undecided.isEmpty()) {
                *error = QStringLiteral("%1: a threshold needs {threshold} in condition, and undecided").arg(at);
                return false;
            }
        }
        alerts.insert(it.key(), alert);
    }
    m_alertConditions = alerts;
    QHash<QString, ApmStackKnowledge> stacks;
    const QJsonObject apm = object->value(QLatin1String("apm_stacks")).toObject();
    for (auto it = apm.begin(); it != apm.end(); ++it) {
        const QString at = QStringLiteral("%1: apm_stacks.%2").arg(name, it.key());
        const QJsonObject o = it.value().toObject();
        ApmStackKnowledge stack;
        stack.group = o.value(QLatin1String("group")).toString();
        QSet<QString> ids;
        const QJsonArray nodes = o.value(QLatin1String("nodes")).toArray();
        for (const QJsonValue &node : nodes) {
            const QString id = node.toObject().value(QLatin1String("id")).toString();
            if (ids.contains(id)) {
                *error = QStringLiteral("%1.nodes: \"%2\" is there twice").arg(at, id);
                return false;
            }
            ids.insert(id);
            stack.nodes.append({id, node.toObject().value(QLatin1String("label")).toString()});
        }
        if (!ids.contains(alerting)) {
            *error = QStringLiteral("%1.nodes: no %2 node, where the alerts come from").arg(at, alerting);
            return false;
        }
        stack.metrics = o.value(QLatin1String("metrics")).toString();
        stack.metricsEdge = o.value(QLatin1String("metrics_edge")).toString();
        stack.traces = o.value(QLatin1String("traces")).toString();
        stack.logAgent = o.value(QLatin1String("log_agent")).toString();
        for (const auto &[key, id] : {std::pair{"metrics", stack.metrics}, std::pair{"traces", stack.traces},
                                      std::pair{"log_agent", stack.logAgent}}) {
            if (!id.isEmpty() && !ids.contains(id)) {
                *error = QStringLiteral("%1.%2: \"%3\" is not a node of this stack").arg(at, QLatin1String(key), id);
                return false;
            }
        }
        if (!edgesFrom(o.value(QLatin1String("alert_edges")), ids, at + QStringLiteral(".alert_edges"),
                       &stack.alertEdges, error)
            || !edgesFrom(o.value(QLatin1String("trace_edges")), ids, at + QStringLiteral(".trace_edges"),
                          &stack.traceEdges, error))
            return false;
        stacks.insert(it.key(), stack);
    }
    m_apmStacks = stacks;
    return true;
}

const AlertChannelKnowledge *Knowledge::alertChannel(const QString &letter) const
{
    const auto it = m_alertChannels.constFind(letter);
    return it == m_alertChannels.cend() ? nullptr : &*it;
}

const AlertConditionKnowledge *Knowledge::alertCondition(const QString &letter) const
{
    const auto it = m_alertConditions.constFind(letter);
    return it == m_alertConditions.cend() ? nullptr : &*it;
}

const ApmStackKnowledge &Knowledge::apmStack(const QString &id) const
{
    static const ApmStackKnowledge none;
    const auto it = m_apmStacks.constFind(id);
    return it == m_apmStacks.cend() ? none : *it;
}

} // namespace opsflow
