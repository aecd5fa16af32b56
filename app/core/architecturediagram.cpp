// The system architecture diagram: clients, load balancer, instances, stores, queue, externals.
#include "diagramparts.h"

namespace opsflow {

using namespace diagramparts;

namespace {

QString architectureBalancerLabel(const Facts &f)
{
    if (!f.platformDecided)
        return QStringLiteral("Load Balancer");
    QString kind;
    // A cluster on a cloud (EKS, ARO) takes traffic on its Ingress controller behind the cloud's
    // load balancer, as the documents say, not on the cloud's application load balancer.
    switch (namesManagedKubernetes(f) ? Facts::Platform::Kubernetes : f.platform) {
    case Facts::Platform::Aws: kind = QStringLiteral("AWS Application Load Balancer"); break;
    case Facts::Platform::Gcp: kind = QStringLiteral("Cloud Load Balancing"); break;
    case Facts::Platform::Azure: kind = QStringLiteral("Azure Application Gateway"); break;
    case Facts::Platform::Paas: kind = QStringLiteral("Platform Router"); break;
    case Facts::Platform::Kubernetes: kind = QStringLiteral("Ingress Controller"); break;
    case Facts::Platform::DockerSwarm: kind = QStringLiteral("Swarm Routing Mesh"); break;
    case Facts::Platform::Nomad: kind = QStringLiteral("Traefik"); break;
    case Facts::Platform::OnPremises: kind = QStringLiteral("HAProxy or Nginx"); break;
    }
    // A platform whose own balancer is not its family's (Lambda's API Gateway, App Service's
    // front ends) names it in its knowledge file, as the documents' prose does.
    return platformLabel(f, "balancer", lines({QStringLiteral("Load Balancer"), kind}));
}

} // namespace

QString systemArchitectureDiagram(const DeploymentFacts &f)
{
    MermaidWriter w(QStringLiteral("graph TD"));
    const QList<int> instances = shownInstances(f, 3);
    const QStringList apps = appIds(instances);
    const bool worker = f.queue != Facts::Queue::None;
    const QList<ExternalNode> externals = externalNodes(f);

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet<br/>Clients"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(QStringLiteral("Production Environment - ") + project(f));
    if (hasLoadBalancer(f)) {
        w.beginGroup(QStringLiteral("Load Balancer Layer"));
        w.node(QStringLiteral("LB"), architectureBalancerLabel(f));
        w.style(QStringLiteral("LB"), Infrastructure);
        w.endGroup();
        w.blankLine();
    }
    w.beginGroup(QStringLiteral("Application Layer - ") + scalingNote(f));
    for (int n : instances) {
        const QString name =
            instanceCount(f) == 1 ? QStringLiteral("API Server") : QStringLiteral("API Server %1").arg(n);
        w.node(QStringLiteral("App%1").arg(n), lines({name, spec(f)}));
    }
    if (worker)
        w.node(QStringLiteral("Worker"), QStringLiteral("Background Worker<br/>Queue Consumer"));
    w.endGroup();

    DatabaseNodes db;
    if (hasDatabase(f) || f.cache != Facts::Cache::None) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Data Layer"));
        const QString engine = databaseName(f.database);
        db = writeDatabaseNodes(w, f,
                                f.database == Facts::Database::Sqlite
                                    ? sqliteFileLabel(f, QStringLiteral("SQLite<br/>Database File on Volume"))
                                    : QStringLiteral("Primary DB<br/>") + engine,
                                replicaWord(f) + QStringLiteral(" %1<br/>") + engine,
                                engine + QStringLiteral(" Shard %1"));
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"), cacheName(f.cache) + QStringLiteral(" Cache"), Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        w.endGroup();
    }
    if (f.queue != Facts::Queue::None) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Message Queue"));
        w.node(QStringLiteral("Queue"), queueName(f.queue));
        w.style(QStringLiteral("Queue"), Queueing);
        w.endGroup();
    }
    w.endGroup();
    writeExternalGroup(w, externals);

    w.blankLine();
    if (hasLoadBalancer(f)) {
        w.edge(QStringLiteral("Internet"), QStringLiteral("LB"), QStringLiteral("HTTPS"));
        for (const QString &app : apps)
            w.edge(QStringLiteral("LB"), app, QStringLiteral("HTTP %1").arg(f.port));
    } else {
        for (const QString &app : apps)
            w.edge(QStringLiteral("Internet"), app, QStringLiteral("HTTPS"));
    }
    w.blankLine();
    writeDatabaseEdges(w, f, apps, db);
    if (f.cache != Facts::Cache::None) {
        w.blankLine();
        for (const QString &app : apps)
            w.edge(app, QStringLiteral("Cache"), QStringLiteral("Cache, ") + cacheProtocol(f.cache));
    }
    if (worker) {
        writeQueueEdges(w, apps, QStringLiteral("Async Jobs"));
        if (!db.writers.isEmpty())
            w.edge(QStringLiteral("Worker"), db.writers.constFirst(), QStringLiteral("Write"));
    }
    writeExternalEdges(w, externals, apps, worker);
    writeReplicationAndBackups(w, db, {}, {});
    return w.text();
}

} // namespace opsflow
