// The infrastructure diagram on a PaaS (Heroku, Render, Fly.io, …), labelled from its knowledge file.
#include "diagramparts.h"

#include "knowledge.h"

#include <QHash>
#include <QJsonObject>

#include <utility>

namespace opsflow::diagramparts {

namespace {

struct PaasProfile {
    QString title; // "Heroku"
    QString routerLabel;
    QString appGroupTitle; // "Web Dynos"
    QString appLabel;      // %1 = instance number
    QString workerLabel;
    QString servicesTitle; // "Add-ons"
    QString databaseLabel;
    QString replicaLabel; // %1
    QString shardLabel;   // %1
    QString cacheLabel;
    QString queueLabel;   // self-hosted or add-on queue; a cloud queue is external
    QString storageLabel; // empty: object storage is external
    QString backupLabel;
    QString configLabel;
    QString logsLabel;
};

// The ids the knowledge files key labels by.
QString databaseId(Facts::Database db)
{
    switch (db) {
    case Facts::Database::PostgreSql: return QStringLiteral("postgresql");
    case Facts::Database::MySql: return QStringLiteral("mysql");
    case Facts::Database::MongoDb: return QStringLiteral("mongodb");
    case Facts::Database::Sqlite: return QStringLiteral("sqlite");
    case Facts::Database::None: break;
    }
    return {};
}

QString cacheId(Facts::Cache cache)
{
    return cache == Facts::Cache::Memcached ? QStringLiteral("memcached") : QStringLiteral("redis");
}

QString queueId(Facts::Queue queue)
{
    switch (queue) {
    case Facts::Queue::RabbitMq: return QStringLiteral("rabbitmq");
    case Facts::Queue::Sqs: return QStringLiteral("sqs");
    case Facts::Queue::Kafka: return QStringLiteral("kafka");
    case Facts::Queue::Redis: return QStringLiteral("redis");
    case Facts::Queue::PubSub: return QStringLiteral("pubsub");
    case Facts::Queue::ServiceBus: return QStringLiteral("servicebus");
    case Facts::Queue::None: break;
    }
    return {};
}

// One label of a platform's "diagram" object: the string, or the entry for `store` (else
// "default") of an object; placeholders filled from `values`, instance numbers as %1 for
// the drawing code.
class PlatformLabels
{
public:
    PlatformLabels(const QJsonObject &diagram, QHash<QString, QString> values)
        : m_diagram(diagram), m_values(std::move(values))
    { }

    QString operator()(const char *key, const QString &store = QString()) const
    {
        const QJsonValue v = m_diagram.value(QLatin1String(key));
        QString label = v.isObject()
            ? v.toObject().value(store).toString(v.toObject().value(QLatin1String("default")).toString())
            : v.toString();
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            label.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        return label.replace(QLatin1String("{n}"), QLatin1String("%1"));
    }

private:
    QJsonObject m_diagram;
    QHash<QString, QString> m_values;
};

PaasProfile paasProfile(const Facts &f)
{
    const Knowledge &k = Knowledge::builtIn();
    const PlatformKnowledge *known = k.platform(f.platformId);
    if (!known || !known->diagram.contains(QLatin1String("router")))
        known = k.platform(QStringLiteral("paas"));
    const PlatformLabels label(
        known->diagram,
        {{QStringLiteral("project"), project(f)},
         {QStringLiteral("platform"),
          f.platformName.trimmed().isEmpty() ? QStringLiteral("PaaS") : userLine(f.platformName)},
         {QStringLiteral("scaling"), scalingNote(f)},
         {QStringLiteral("region"),
          f.region.trimmed().isEmpty() ? QStringLiteral("Primary Region")
                                       : QStringLiteral("Region ") + userLine(f.region)},
         {QStringLiteral("engine"), databaseName(f.database)},
         {QStringLiteral("cache"), cacheName(f.cache)},
         {QStringLiteral("queue"), queueName(f.queue)}});
    const QString db = databaseId(f.database);
    PaasProfile p;
    p.title = label("title");
    p.routerLabel = label("router");
    p.appGroupTitle = label("app_group");
    p.appLabel = lines({label("app"), spec(f)});
    p.workerLabel = label("worker");
    p.servicesTitle = label("services");
    p.databaseLabel = label("database", db);
    p.replicaLabel = label("replica", db);
    p.shardLabel = label("shard", db);
    p.cacheLabel = label("cache", cacheId(f.cache));
    p.queueLabel = label("queue", queueId(f.queue));
    p.storageLabel = label("storage");
    p.backupLabel = label("backup", db);
    p.configLabel = label("config");
    p.logsLabel = label("logs");
    if (!f.secretsStore.trimmed().isEmpty() && f.secretsService)
        p.configLabel = lines({user(f.secretsStore), QStringLiteral("Secrets")});
    return p;
}
} // namespace

QString paasInfrastructure(const Facts &f)
{
    const PaasProfile p = paasProfile(f);
    MermaidWriter w(QStringLiteral("graph TB"));
    const bool worker = f.queue != Facts::Queue::None;
    const bool ownQueue = worker && !isCloudQueue(f.queue);
    const bool backups = f.backups && hasDatabase(f);
    const QList<int> instances = shownInstances(f, 3);
    const QStringList apps = appIds(instances);
    QList<ExternalNode> extra = foreignQueue(f, Facts::Queue::None);
    if (f.objectStorage && p.storageLabel.isEmpty())
        extra.append({QStringLiteral("Storage"), QStringLiteral("Object Storage<br/>S3 compatible")});
    const QList<ExternalNode> externals = externalNodes(f);

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet Users"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(p.title);
    // The platform's router is always there; it balances only when there are instances to.
    w.node(QStringLiteral("Router"), p.routerLabel);
    w.style(QStringLiteral("Router"), Infrastructure);
    w.blankLine();
    w.beginGroup(p.appGroupTitle);
    for (int n : instances)
        w.node(QStringLiteral("App%1").arg(n), p.appLabel.arg(n));
    if (worker)
        w.node(QStringLiteral("Worker"), p.workerLabel);
    w.endGroup();
    DatabaseNodes db;
    w.blankLine();
    w.beginGroup(p.servicesTitle);
    db = writeDatabaseNodes(w, f, p.databaseLabel, p.replicaLabel, p.shardLabel);
    if (f.cache != Facts::Cache::None) {
        w.node(QStringLiteral("Cache"), p.cacheLabel, Shape::Store);
        w.style(QStringLiteral("Cache"), Monitoring);
    }
    if (ownQueue) {
        w.node(QStringLiteral("Queue"), p.queueLabel);
        w.style(QStringLiteral("Queue"), Queueing);
    }
    if (f.objectStorage && !p.storageLabel.isEmpty()) {
        w.node(QStringLiteral("Storage"), p.storageLabel, Shape::Store);
        w.style(QStringLiteral("Storage"), External);
    }
    if (backups) {
        w.node(QStringLiteral("Backups"),
               f.manualBackups ? manualBackupLabel(f) : automatedBackupLabel(f, p.backupLabel), Shape::Store);
        w.style(QStringLiteral("Backups"), Data);
    }
    w.node(QStringLiteral("Config"), p.configLabel);
    w.node(QStringLiteral("Logs"), p.logsLabel);
    w.style(QStringLiteral("Logs"), Alert);
    w.endGroup();
    w.endGroup();
    writeExternalGroup(w, externals, extra);

    w.blankLine();
    w.edge(QStringLiteral("Internet"), QStringLiteral("Router"), QStringLiteral("HTTPS 443"));
    for (const QString &app : apps)
        w.edge(QStringLiteral("Router"), app, QStringLiteral("HTTP %1").arg(f.port));
    w.blankLine();
    const QStringList dataUsers = writeDataEdges(w, f, apps, worker, db, QStringLiteral("Upload/Download"));
    w.blankLine();
    for (const QString &service : dataUsers) {
        w.edge(QStringLiteral("Config"), service, QStringLiteral("Environment"), Line::Dashed);
        w.edge(service, QStringLiteral("Logs"), QStringLiteral("stdout Logs"));
    }
    writeExternalEdges(w, externals, apps, worker);
    // A database file the team runs (SQLite) is backed up with the tool the Backup & Disaster
    // Recovery section names, not with the platform's backups or snapshots.
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(),
                               managedDatabaseKey(f).isEmpty() ? teamBackupEdge(f)
                                   : f.manualBackups           ? manualBackupEdge(f)
                                                               : QStringLiteral("Backups"));
    return w.text();
}

} // namespace opsflow::diagramparts
