// Loading resources/knowledge/monitoring.json: what the monitoring diagram draws for each
// APM choice (see monitoringdiagram.cpp). The schema checks the shape; this checks that every
// edge joins nodes of its own stack, so a typo fails the load instead of drawing a stray node.
#include "knowledge.h"

#include "knowledgefile.h"

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

bool Knowledge::loadMonitoring(const QString &root, QString *error)
{
    QString name;
    const auto object = readKnowledgeWithSchema(root, QStringLiteral("monitoring"), &name, error);
    if (!object)
        return false;
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

const ApmStackKnowledge &Knowledge::apmStack(const QString &id) const
{
    static const ApmStackKnowledge none;
    const auto it = m_apmStacks.constFind(id);
    return it == m_apmStacks.cend() ? none : *it;
}

} // namespace opsflow
