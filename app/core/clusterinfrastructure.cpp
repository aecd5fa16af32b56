// The infrastructure diagram of a Docker Swarm or Nomad cluster.
#include "diagramparts.h"

namespace opsflow::diagramparts {

ClusterProfile swarmProfile(const Facts &f)
{
    ClusterProfile p;
    const QString name = project(f);
    p.title = QStringLiteral("Docker Swarm Cluster") + regionSuffix(f);
    p.controlLabel = QStringLiteral("Swarm Managers<br/>3 Nodes, Raft");
    p.nodesTitle = QStringLiteral("Worker Nodes");
    p.balancerLabel = QStringLiteral("Load Balancer<br/>Traefik on the Routing Mesh");
    p.ingressLabel = QStringLiteral("Ingress Routing Mesh<br/>Published Port 443");
    p.groupTitle = QStringLiteral("Service: ") + name + QStringLiteral(" - ") + scalingNote(f);
    p.appLabel = lines({name + QStringLiteral(".%1 Task"), spec(f)});
    p.workerLabel = QStringLiteral("Service: worker<br/>Queue Consumer");
    p.dataTitle = QStringLiteral("Overlay Network: backend");
    p.storeSuffix = QStringLiteral("<br/>Named Volume");
    p.secretsLabel = f.secretsService && !f.secretsStore.trimmed().isEmpty()
        ? lines({user(f.secretsStore), QStringLiteral("Secrets")})
        : QStringLiteral("Docker Secrets");
    p.configLabel = QStringLiteral("Docker Configs");
    return p;
}

ClusterProfile nomadProfile(const Facts &f)
{
    ClusterProfile p;
    const QString name = project(f);
    p.title = QStringLiteral("Nomad Cluster") + regionSuffix(f);
    p.controlLabel = QStringLiteral("Nomad Servers<br/>3 Nodes, Raft");
    p.discoveryLabel = QStringLiteral("Consul<br/>Service Discovery");
    p.nodesTitle = QStringLiteral("Nomad Clients");
    p.balancerLabel = QStringLiteral("Load Balancer<br/>Traefik, Consul Catalog");
    p.ingressLabel = QStringLiteral("Traefik<br/>TLS termination");
    p.groupTitle = QStringLiteral("Job: ") + name + QStringLiteral(" - ") + scalingNote(f);
    p.appLabel = lines({QStringLiteral("Allocation %1<br/>")
                            + (f.containerized ? QStringLiteral("docker driver") : QStringLiteral("exec driver")),
                        spec(f)});
    p.workerLabel = QStringLiteral("Job: worker<br/>Queue Consumer");
    p.dataTitle = QStringLiteral("Stateful Jobs");
    p.storeSuffix = QStringLiteral("<br/>Host Volume");
    p.secretsLabel = !f.secretsService       ? QStringLiteral("Nomad Variables")
        : f.secretsStore.trimmed().isEmpty() ? QStringLiteral("HashiCorp Vault<br/>Secrets")
                                             : lines({user(f.secretsStore), QStringLiteral("Secrets")});
    return p;
}

QString clusterInfrastructure(const Facts &f, const ClusterProfile &p)
{
    MermaidWriter w(QStringLiteral("graph TB"));
    const bool worker = f.queue != Facts::Queue::None;
    const bool ownQueue = worker && !isCloudQueue(f.queue);
    const bool backups = f.backups && hasDatabase(f);
    const QList<int> instances = shownInstances(f, 3);
    const QStringList apps = appIds(instances);
    const QString entry = hasLoadBalancer(f) ? QStringLiteral("LB") : QStringLiteral("Ingress");
    const QString engine = databaseName(f.database);

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet Users"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(p.title);
    w.beginGroup(QStringLiteral("Control Plane"));
    w.node(QStringLiteral("Control"), p.controlLabel);
    if (!p.discoveryLabel.isEmpty())
        w.node(QStringLiteral("Discovery"), p.discoveryLabel);
    w.endGroup();
    w.blankLine();
    w.beginGroup(p.nodesTitle);
    w.node(entry, hasLoadBalancer(f) ? p.balancerLabel : p.ingressLabel);
    w.style(entry, Infrastructure);
    w.beginGroup(p.groupTitle);
    for (int n : instances)
        w.node(QStringLiteral("App%1").arg(n), p.appLabel.arg(n));
    w.endGroup();
    if (worker)
        w.node(QStringLiteral("Worker"), p.workerLabel);
    DatabaseNodes db;
    if (hasDatabase(f) || f.cache != Facts::Cache::None || ownQueue) {
        w.beginGroup(p.dataTitle);
        db = writeDatabaseNodes(w, f, engine + QStringLiteral(" Primary") + p.storeSuffix,
                                engine + QStringLiteral(" ") + replicaWord(f) + QStringLiteral(" %1") + p.storeSuffix,
                                engine + QStringLiteral(" Shard %1") + p.storeSuffix);
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"), cacheName(f.cache), Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (ownQueue) {
            w.node(QStringLiteral("Queue"), queueName(f.queue) + p.storeSuffix);
            w.style(QStringLiteral("Queue"), Queueing);
        }
        w.endGroup();
    }
    w.endGroup();
    w.blankLine();
    w.beginGroup(QStringLiteral("Cluster Services"));
    w.node(QStringLiteral("Secrets"), p.secretsLabel);
    if (!p.configLabel.isEmpty())
        w.node(QStringLiteral("Configs"), p.configLabel);
    if (f.containerized)
        w.node(QStringLiteral("Registry"), QStringLiteral("Private Registry<br/>Container Images"));
    if (backups) {
        w.node(QStringLiteral("Backups"),
               f.manualBackups ? manualBackupLabel(f) : automatedBackupLabel(f, QStringLiteral("Automated Backups")),
               Shape::Store);
        w.style(QStringLiteral("Backups"), Data);
    }
    w.endGroup();
    w.endGroup();
    QList<ExternalNode> extra = foreignQueue(f, Facts::Queue::None);
    if (f.objectStorage)
        extra.append({QStringLiteral("Storage"), QStringLiteral("Object Storage<br/>S3 compatible")});
    const QList<ExternalNode> externals = externalNodes(f);
    writeExternalGroup(w, externals, extra);

    w.blankLine();
    w.edge(QStringLiteral("Internet"), entry, QStringLiteral("HTTPS 443"));
    for (const QString &app : apps)
        w.edge(entry, app, QStringLiteral("HTTP %1").arg(f.port));
    w.edge(QStringLiteral("Control"), apps.constFirst(), QStringLiteral("Schedules"), Line::Dashed);
    if (!p.discoveryLabel.isEmpty())
        w.edge(QStringLiteral("Discovery"), entry, QStringLiteral("Service Catalog"), Line::Dashed);
    w.blankLine();
    const QStringList dataUsers = writeDataEdges(w, f, apps, worker, db, QStringLiteral("HTTPS"));
    w.blankLine();
    for (const QString &app : dataUsers) {
        w.edge(QStringLiteral("Secrets"), app, QStringLiteral("Mounted Secrets"), Line::Dashed);
        if (!p.configLabel.isEmpty())
            w.edge(QStringLiteral("Configs"), app, QStringLiteral("Config Files"), Line::Dashed);
    }
    if (f.containerized) {
        for (const QString &app : apps)
            w.edge(QStringLiteral("Registry"), app, QStringLiteral("Image Pull"), Line::Dashed);
    }
    writeExternalEdges(w, externals, apps, worker);
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(), teamBackupEdge(f));
    return w.text();
}

} // namespace opsflow::diagramparts
