// The data flow diagram: one request's numbered steps through the system.
#include "diagramparts.h"

namespace opsflow {

using namespace diagramparts;

QString dataFlowDiagram(const DeploymentFacts &f)
{
    MermaidWriter w(QStringLiteral("flowchart LR"));
    const bool worker = f.queue != Facts::Queue::None;
    const bool cache = f.cache != Facts::Cache::None;
    const QList<ExternalNode> externals = externalNodes(f);
    const QString engine = databaseName(f.database);
    const QString writeTo = isSharded(f) ? QStringLiteral("Shard1") : QStringLiteral("Primary");

    w.node(QStringLiteral("Client"), QStringLiteral("User Request<br/>Browser or App"));
    w.style(QStringLiteral("Client"), Infrastructure);
    if (hasLoadBalancer(f)) {
        // The platform's own balancer where it is not a load balancer as such (API Gateway).
        w.node(QStringLiteral("LB"), platformLabel(f, "balancer", QStringLiteral("Load Balancer")));
        w.style(QStringLiteral("LB"), Infrastructure);
    }
    w.node(QStringLiteral("API"), lines({QStringLiteral("API Server"), QStringLiteral("port %1").arg(f.port)}));
    if (cache) {
        w.node(QStringLiteral("Cache"), cacheName(f.cache) + QStringLiteral(" Cache"), Shape::Store);
        w.style(QStringLiteral("Cache"), Monitoring);
    }
    if (hasDatabase(f)) {
        const QString label = isSharded(f) ? engine + QStringLiteral("<br/>Shard for the key") : engine;
        w.node(writeTo, label, Shape::Store);
        w.style(writeTo, Data);
        if (hasReplicas(f)) {
            w.node(QStringLiteral("Replica"), engine + QStringLiteral("<br/>") + replicaWord(f), Shape::Store);
            w.style(QStringLiteral("Replica"), Data);
        }
    }
    if (worker) {
        w.node(QStringLiteral("Queue"), queueName(f.queue));
        w.style(QStringLiteral("Queue"), Queueing);
        w.node(QStringLiteral("Worker"), QStringLiteral("Background Worker"));
    }
    for (const ExternalNode &e : externals) {
        w.node(e.id, e.label);
        w.style(e.id, External);
    }
    w.blankLine();

    int step = 0;
    const auto numbered = [&step](const QString &text) { return QStringLiteral("%1. %2").arg(++step).arg(text); };
    if (hasLoadBalancer(f)) {
        w.edge(QStringLiteral("Client"), QStringLiteral("LB"), numbered(QStringLiteral("HTTPS Request")));
        w.edge(QStringLiteral("LB"), QStringLiteral("API"), numbered(QStringLiteral("Route to Instance")));
    } else {
        w.edge(QStringLiteral("Client"), QStringLiteral("API"), numbered(QStringLiteral("HTTPS Request")));
    }
    if (cache) {
        w.blankLine();
        w.edge(QStringLiteral("API"), QStringLiteral("Cache"), numbered(QStringLiteral("Check Cache")));
        w.edge(QStringLiteral("Cache"), QStringLiteral("API"), numbered(QStringLiteral("Cache Miss")));
    }
    if (hasDatabase(f)) {
        w.blankLine();
        const QString readFrom = hasReplicas(f) ? QStringLiteral("Replica") : writeTo;
        w.edge(QStringLiteral("API"), readFrom, numbered(QStringLiteral("Query")));
        w.edge(readFrom, QStringLiteral("API"), numbered(QStringLiteral("Data")));
        if (cache)
            w.edge(QStringLiteral("API"), QStringLiteral("Cache"), numbered(QStringLiteral("Store in Cache")));
        if (hasReplicas(f)) {
            w.edge(QStringLiteral("API"), writeTo, numbered(QStringLiteral("Write")));
            w.edge(writeTo, QStringLiteral("Replica"), QStringLiteral("Replication"), Line::Dashed);
        }
    }
    w.blankLine();
    if (worker) {
        // The client gets its answer once the job is queued; the worker does the rest.
        w.edge(QStringLiteral("API"), QStringLiteral("Queue"), numbered(QStringLiteral("Enqueue Job")), Line::Dashed);
        w.edge(QStringLiteral("API"), QStringLiteral("Client"), numbered(QStringLiteral("JSON Response")));
        w.edge(QStringLiteral("Queue"), QStringLiteral("Worker"), numbered(QStringLiteral("Process")), Line::Dashed);
        for (const ExternalNode &e : externals)
            w.edge(QStringLiteral("Worker"), e.id, numbered(QStringLiteral("Call over HTTPS")));
        if (hasDatabase(f))
            w.edge(QStringLiteral("Worker"), writeTo, numbered(QStringLiteral("Store Result")));
    } else {
        for (const ExternalNode &e : externals)
            w.edge(QStringLiteral("API"), e.id, numbered(QStringLiteral("Call over HTTPS")));
        w.edge(QStringLiteral("API"), QStringLiteral("Client"), numbered(QStringLiteral("JSON Response")));
    }
    return w.text();
}

} // namespace opsflow
