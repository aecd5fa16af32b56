// The infrastructure diagram on premises: own servers in DMZ, application, data and management zones.
#include "diagramparts.h"

namespace opsflow::diagramparts {

QString onPremisesInfrastructure(const Facts &f)
{
    MermaidWriter w(QStringLiteral("graph TB"));
    const bool worker = f.queue != Facts::Queue::None;
    const bool ownQueue = worker && !isCloudQueue(f.queue);
    const bool backups = f.backups && hasDatabase(f);
    const QList<int> instances = shownInstances(f, 3);
    const QStringList apps = appIds(instances);
    const QString engine = databaseName(f.database);
    const QString site = f.platformName.trimmed().isEmpty()
        ? QStringLiteral("On-Premises Data Center")
        : QStringLiteral("On-Premises - ") + userLine(f.platformName);
    const QString host = f.containerized ? QStringLiteral("Docker Engine") : QStringLiteral("systemd Service");

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet Users"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(site);
    w.beginGroup(QStringLiteral("DMZ (172.16.1.0/24)"));
    w.node(QStringLiteral("Firewall"), QStringLiteral("Edge Firewall<br/>Ports 80 and 443 only"));
    w.style(QStringLiteral("Firewall"), Alert);
    if (hasLoadBalancer(f)) {
        w.node(QStringLiteral("LB"), QStringLiteral("Load Balancer<br/>HAProxy or Nginx, TLS termination"));
        w.style(QStringLiteral("LB"), Infrastructure);
    } else {
        w.node(QStringLiteral("Proxy"), QStringLiteral("Reverse Proxy<br/>Nginx, TLS termination"));
        w.style(QStringLiteral("Proxy"), Infrastructure);
    }
    w.endGroup();
    w.blankLine();
    w.beginGroup(QStringLiteral("Application Zone (172.16.10.0/24) - ") + scalingNote(f));
    for (int n : instances)
        w.node(QStringLiteral("App%1").arg(n),
               lines({QStringLiteral("App Server %1<br/>VM, ").arg(n) + host, spec(f)}));
    if (worker)
        w.node(QStringLiteral("Worker"), QStringLiteral("Worker Server<br/>VM, Queue Consumer"));
    w.endGroup();
    DatabaseNodes db;
    if (hasDatabase(f) || f.cache != Facts::Cache::None || ownQueue) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Data Zone (172.16.20.0/24)"));
        db = writeDatabaseNodes(w, f,
                                f.database == Facts::Database::Sqlite
                                    ? QStringLiteral("SQLite File<br/>on App Server Disk")
                                    : QStringLiteral("DB Server - ") + engine + QStringLiteral(" Primary<br/>RAID 10"),
                                QStringLiteral("DB Server - ") + engine + QStringLiteral(" ") + replicaWord(f)
                                    + QStringLiteral(" %1"),
                                QStringLiteral("DB Server - ") + engine + QStringLiteral(" Shard %1"));
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"), QStringLiteral("Cache Server<br/>") + cacheName(f.cache), Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (ownQueue) {
            w.node(QStringLiteral("Queue"), QStringLiteral("Queue Server<br/>") + queueName(f.queue));
            w.style(QStringLiteral("Queue"), Queueing);
        }
        w.endGroup();
    }
    w.blankLine();
    w.beginGroup(QStringLiteral("Management Zone (172.16.30.0/24)"));
    if (backups) {
        w.node(QStringLiteral("Backups"),
               f.manualBackups ? manualBackupLabel(f) : automatedBackupLabel(f, QStringLiteral("Automated Backups")),
               Shape::Store);
        w.style(QStringLiteral("Backups"), Data);
    }
    w.node(QStringLiteral("Monitor"), QStringLiteral("Monitoring Server<br/>Metrics and Logs"));
    w.style(QStringLiteral("Monitor"), Alert);
    if (f.secretsService) {
        w.node(QStringLiteral("Secrets"),
               f.secretsStore.trimmed().isEmpty() ? QStringLiteral("HashiCorp Vault<br/>Secrets")
                                                  : lines({user(f.secretsStore), QStringLiteral("Secrets")}));
    }
    if (f.containerized)
        w.node(QStringLiteral("Registry"), QStringLiteral("Private Registry<br/>Container Images"));
    if (f.objectStorage)
        w.node(QStringLiteral("Storage"), QStringLiteral("Object Storage<br/>MinIO"), Shape::Store);
    w.endGroup();
    w.endGroup();
    const QList<ExternalNode> externals = externalNodes(f);
    writeExternalGroup(w, externals, foreignQueue(f, Facts::Queue::None));

    const QString entry = hasLoadBalancer(f) ? QStringLiteral("LB") : QStringLiteral("Proxy");
    w.blankLine();
    w.edge(QStringLiteral("Internet"), QStringLiteral("Firewall"), QStringLiteral("HTTPS 443"));
    w.edge(QStringLiteral("Firewall"), entry, QStringLiteral("HTTPS"));
    for (const QString &app : apps)
        w.edge(entry, app, QStringLiteral("HTTP %1").arg(f.port));
    w.blankLine();
    const QStringList dataUsers = writeDataEdges(w, f, apps, worker, db, QStringLiteral("S3 API"));
    w.blankLine();
    for (const QString &app : dataUsers) {
        w.edge(app, QStringLiteral("Monitor"), QStringLiteral("Metrics and Logs"));
        if (f.secretsService)
            w.edge(app, QStringLiteral("Secrets"), QStringLiteral("Fetch Secrets"));
    }
    if (f.containerized) {
        for (const QString &app : apps)
            w.edge(QStringLiteral("Registry"), app, QStringLiteral("Image Pull"), Line::Dashed);
    }
    writeExternalEdges(w, externals, apps, worker, QStringLiteral("HTTPS via Firewall"));
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(), teamBackupEdge(f));
    return w.text();
}

} // namespace opsflow::diagramparts
