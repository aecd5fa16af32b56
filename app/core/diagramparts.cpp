// Text helpers, facts and shared nodes of the mermaid diagrams (see diagramparts.h).
#include "diagramparts.h"

#include "consistency.h"
#include "escaping.h"
#include "knowledge.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

namespace opsflow::diagramparts {

QString user(const QString &text)
{
    return escape::mermaidLabel(text);
}

// Joins label lines with <br/>, leaving out empty ones.
QString lines(std::initializer_list<QString> parts)
{
    QStringList kept;
    for (const QString &p : parts) {
        if (!p.isEmpty())
            kept.append(p);
    }
    return kept.join(QLatin1String("<br/>"));
}

// User text for a title or a name inside a longer label, where a line break would not read well.
QString userLine(const QString &text)
{
    return escape::mermaidLabel(text.simplified());
}

QString spec(const Facts &f)
{
    return f.appSpec.trimmed().isEmpty() ? QString() : user(f.appSpec);
}

QString project(const Facts &f)
{
    return userLine(f.projectName.trimmed().isEmpty() ? QStringLiteral("my-api") : f.projectName);
}

// --- facts the diagrams share -----------------------------------------------------------

bool hasLoadBalancer(const Facts &f)
{
    return f.scaling != Facts::Scaling::Vertical;
}

// Vertical scaling means one bigger instance.
int instanceCount(const Facts &f)
{
    return f.scaling == Facts::Scaling::Vertical ? 1 : qMax(1, f.appInstances);
}

// The instance numbers drawn: all of them up to cap, else the first cap-1 and the last,
// so "API Server 12" tells how many there are without drawing twelve nodes.
QList<int> shownInstances(const Facts &f, int cap)
{
    const int n = instanceCount(f);
    QList<int> shown;
    for (int i = 1; i <= qMin(n, cap - 1); ++i)
        shown.append(i);
    if (n >= cap)
        shown.append(n);
    return shown;
}

QString perRequestScaling(const Facts &f)
{
    return f.scaling == Facts::Scaling::Vertical ? QString() : platformLabel(f, "scaling", QString());
}

QString scalingNote(const Facts &f)
{
    QString perRequest = perRequestScaling(f);
    if (!perRequest.isEmpty())
        return perRequest;
    const int n = instanceCount(f);
    switch (f.scaling) {
    case Facts::Scaling::Vertical: return QStringLiteral("vertical scaling");
    case Facts::Scaling::Auto:
        return f.maxInstances > n ? QStringLiteral("auto-scaling, %1 to %2 instances").arg(n).arg(f.maxInstances)
                                  : QStringLiteral("auto-scaling from %1 %2")
                                        .arg(n)
                                        .arg(n == 1 ? QStringLiteral("instance") : QStringLiteral("instances"));
    case Facts::Scaling::Horizontal: break;
    }
    return QStringLiteral("horizontal scaling, %1 %2")
        .arg(n)
        .arg(n == 1 ? QStringLiteral("instance") : QStringLiteral("instances"));
}

bool hasDatabase(const Facts &f)
{
    return f.database != Facts::Database::None;
}

// Replicas and shards make no sense for an SQLite file.
Facts::DatabaseScaling databaseScaling(const Facts &f)
{
    if (f.database == Facts::Database::None || f.database == Facts::Database::Sqlite)
        return Facts::DatabaseScaling::None;
    return f.databaseScaling;
}

bool hasReplicas(const Facts &f)
{
    return databaseScaling(f) == Facts::DatabaseScaling::ReadReplicas;
}

bool isSharded(const Facts &f)
{
    return databaseScaling(f) == Facts::DatabaseScaling::Sharding;
}

QString databaseName(Facts::Database db)
{
    switch (db) {
    case Facts::Database::PostgreSql: return QStringLiteral("PostgreSQL");
    case Facts::Database::MySql: return QStringLiteral("MySQL");
    case Facts::Database::MongoDb: return QStringLiteral("MongoDB");
    case Facts::Database::Sqlite: return QStringLiteral("SQLite");
    case Facts::Database::None: break;
    }
    return QString();
}

QString databaseProtocol(Facts::Database db)
{
    switch (db) {
    case Facts::Database::PostgreSql: return QStringLiteral("TCP 5432");
    case Facts::Database::MySql: return QStringLiteral("TCP 3306");
    case Facts::Database::MongoDb: return QStringLiteral("TCP 27017");
    case Facts::Database::Sqlite: return QStringLiteral("File IO");
    case Facts::Database::None: break;
    }
    return QString();
}

// MongoDB calls its replicas secondaries.
QString replicaWord(const Facts &f)
{
    return f.database == Facts::Database::MongoDb ? QStringLiteral("Secondary") : QStringLiteral("Read Replica");
}

QString cacheName(Facts::Cache cache)
{
    return cache == Facts::Cache::Memcached ? QStringLiteral("Memcached") : QStringLiteral("Redis");
}

QString cacheProtocol(Facts::Cache cache)
{
    return cache == Facts::Cache::Memcached ? QStringLiteral("TCP 11211") : QStringLiteral("TCP 6379");
}

QString queueName(Facts::Queue queue)
{
    switch (queue) {
    case Facts::Queue::RabbitMq: return QStringLiteral("RabbitMQ");
    case Facts::Queue::Sqs: return QStringLiteral("Amazon SQS");
    case Facts::Queue::Kafka: return QStringLiteral("Apache Kafka");
    case Facts::Queue::Redis: return QStringLiteral("Redis Job Queue");
    case Facts::Queue::PubSub: return QStringLiteral("Google Pub/Sub");
    case Facts::Queue::ServiceBus: return QStringLiteral("Azure Service Bus");
    case Facts::Queue::None: break;
    }
    return QString();
}

QString queueProtocol(Facts::Queue queue)
{
    switch (queue) {
    case Facts::Queue::RabbitMq: return QStringLiteral("AMQP 5672");
    case Facts::Queue::Kafka: return QStringLiteral("TCP 9092");
    case Facts::Queue::Redis: return QStringLiteral("TCP 6379");
    case Facts::Queue::Sqs:
    case Facts::Queue::PubSub:
    case Facts::Queue::ServiceBus: return QStringLiteral("HTTPS");
    case Facts::Queue::None: break;
    }
    return QString();
}

// The clouds' own queues: drawn as a managed service on their cloud, external elsewhere.
bool isCloudQueue(Facts::Queue queue)
{
    return queue == Facts::Queue::Sqs || queue == Facts::Queue::PubSub || queue == Facts::Queue::ServiceBus;
}

// Which platform the answers name, as the knowledge classifier recognised it
// (DeploymentFacts::platformId): the same for the diagrams as for the prose.
bool isPlatform(const Facts &f, const char *id)
{
    return f.platformId == QLatin1String(id);
}

// A label the platform's knowledge file gives the diagrams (its "diagram" object), or the
// family's usual one.
QString platformLabel(const Facts &f, const char *key, const QString &fallback)
{
    const PlatformKnowledge *p = Knowledge::builtIn().platform(f.platformId);
    return p ? p->diagram.value(QLatin1String(key)).toString(fallback) : fallback;
}

QString sqliteFileLabel(const Facts &f, const QString &fallback)
{
    const PlatformKnowledge *p = Knowledge::builtIn().platform(f.platformId);
    if (!p)
        return fallback;
    if (p->diagram.contains(QLatin1String("sqlite_file")))
        return p->diagram.value(QLatin1String("sqlite_file")).toString();
    const QJsonValue database = p->diagram.value(QLatin1String("database"));
    if (database.isObject())
        return database.toObject()
            .value(QLatin1String("sqlite"))
            .toString(database.toObject().value(QLatin1String("default")).toString(fallback));
    return database.toString(fallback);
}

// --- nodes shared by the diagrams --------------------------------------------------------

// The external services by unique id, in the order typed; blank and repeated names dropped.
QList<ExternalNode> externalNodes(const Facts &f)
{
    QList<ExternalNode> nodes;
    QSet<QString> ids;
    QSet<QString> names;
    for (const QString &name : f.externalServices) {
        const QString key = name.simplified().toCaseFolded();
        if (key.isEmpty() || names.contains(key))
            continue;
        names.insert(key);
        const QString base = QStringLiteral("Ext") + escape::mermaidId(name);
        QString id = base;
        for (int n = 2; ids.contains(id); ++n)
            id = base + u'_' + QString::number(n);
        ids.insert(id);
        nodes.append({id, user(name)});
    }
    return nodes;
}

void writeExternalGroup(MermaidWriter &w, const QList<ExternalNode> &externals, const QList<ExternalNode> &extra)
{
    if (externals.isEmpty() && extra.isEmpty())
        return;
    w.blankLine();
    w.beginGroup(QStringLiteral("External Services"));
    for (const ExternalNode &e : extra)
        w.node(e.id, e.label);
    for (const ExternalNode &e : externals)
        w.node(e.id, e.label);
    w.endGroup();
    for (const ExternalNode &e : extra)
        w.style(e.id, External);
    for (const ExternalNode &e : externals)
        w.style(e.id, External);
}

// A queue that lives outside the platform (SQS on GCP, say), drawn with the externals.
QList<ExternalNode> foreignQueue(const Facts &f, Facts::Queue native)
{
    if (isCloudQueue(f.queue) && f.queue != native)
        return {{QStringLiteral("Queue"), queueName(f.queue)}};
    return {};
}

DatabaseNodes writeDatabaseNodes(MermaidWriter &w, const Facts &f, const QString &primaryLabel,
                                 const QString &replicaLabel, const QString &shardLabel)
{
    DatabaseNodes nodes;
    if (!hasDatabase(f))
        return nodes;
    if (isSharded(f)) {
        for (int n = 1; n <= 2; ++n) {
            const QString id = QStringLiteral("Shard%1").arg(n);
            w.node(id, shardLabel.arg(n), Shape::Store);
            w.style(id, Data);
            nodes.writers.append(id);
        }
        return nodes;
    }
    w.node(QStringLiteral("Primary"), primaryLabel, Shape::Store);
    w.style(QStringLiteral("Primary"), Data);
    nodes.writers.append(QStringLiteral("Primary"));
    if (hasReplicas(f)) {
        for (int n = 1; n <= 2; ++n) {
            const QString id = QStringLiteral("Replica%1").arg(n);
            w.node(id, replicaLabel.arg(n), Shape::Store);
            w.style(id, Data);
            nodes.readers.append(id);
        }
    }
    return nodes;
}

// Application → database edges; instance i reads from replica i (round robin) as the seed does.
QStringList writeDataEdges(MermaidWriter &w, const Facts &f, const QStringList &apps, bool worker,
                           const DatabaseNodes &db, const QString &storageLabel)
{
    QStringList dataUsers = withWorker(apps, worker);
    writeDatabaseEdges(w, f, dataUsers, db);
    for (const QString &app : apps) {
        if (f.cache != Facts::Cache::None)
            w.edge(app, QStringLiteral("Cache"), cacheProtocol(f.cache));
        if (f.objectStorage)
            w.edge(app, QStringLiteral("Storage"), storageLabel);
    }
    if (worker)
        writeQueueEdges(w, apps, QStringLiteral("Enqueue, ") + queueProtocol(f.queue));
    return dataUsers;
}

void writeDatabaseEdges(MermaidWriter &w, const Facts &f, const QStringList &apps, const DatabaseNodes &db)
{
    const QString protocol = databaseProtocol(f.database);
    for (int i = 0; i < apps.size(); ++i) {
        if (!db.readers.isEmpty()) {
            w.edge(apps.at(i), db.writers.constFirst(), QStringLiteral("Write, ") + protocol);
            w.edge(apps.at(i), db.readers.at(i % db.readers.size()), QStringLiteral("Read, ") + protocol);
        } else if (db.writers.size() > 1) {
            for (const QString &shard : db.writers)
                w.edge(apps.at(i), shard, QStringLiteral("By shard key, ") + protocol);
        } else if (!db.writers.isEmpty()) {
            w.edge(apps.at(i), db.writers.constFirst(), protocol);
        }
    }
}

void writeReplicationEdges(MermaidWriter &w, const DatabaseNodes &db)
{
    for (const QString &replica : db.readers)
        w.edge(db.writers.constFirst(), replica, QStringLiteral("Replication"), Line::Dashed);
}

// The instances, and the worker when there is one: everyone that uses the stores.
QStringList withWorker(const QStringList &apps, bool worker)
{
    return worker ? apps + QStringList{QStringLiteral("Worker")} : apps;
}

// Producers → queue → worker, dashed: the work happens later.
void writeQueueEdges(MermaidWriter &w, const QStringList &producers, const QString &sendLabel,
                     const QString &consumeLabel)
{
    w.blankLine();
    for (const QString &app : producers)
        w.edge(app, QStringLiteral("Queue"), sendLabel, Line::Dashed);
    w.edge(QStringLiteral("Queue"), QStringLiteral("Worker"), consumeLabel, Line::Dashed);
}

// With a queue the slow third-party calls run in the worker, off the request path.
void writeExternalEdges(MermaidWriter &w, const QList<ExternalNode> &externals, const QStringList &apps, bool worker,
                        const QString &label)
{
    if (externals.isEmpty())
        return;
    w.blankLine();
    for (const QString &caller : worker ? QStringList{QStringLiteral("Worker")} : apps) {
        for (const ExternalNode &e : externals)
            w.edge(caller, e.id, label);
    }
}

// Replication from the primary, and backups from each source; both dashed.
void writeReplicationAndBackups(MermaidWriter &w, const DatabaseNodes &db, const QStringList &backupSources,
                                const QString &backupLabel)
{
    if (db.readers.isEmpty() && backupSources.isEmpty())
        return;
    w.blankLine();
    writeReplicationEdges(w, db);
    for (const QString &source : backupSources)
        w.edge(source, QStringLiteral("Backups"), backupLabel, Line::Dashed);
}

namespace {

const char *manualBackupKind(const Facts &f)
{
    if (!managedDatabaseKey(f).isEmpty())
        return "Snapshot";
    return f.database == Facts::Database::Sqlite ? "Copy" : "Dump";
}

// The database the team runs, as stores.json describes it; null when there is none or a
// provider runs it: the same test as the section's prose (backupMechanism()).
const DatabaseKnowledge *teamRunDatabase(const Facts &f)
{
    if (!hasDatabase(f) || !managedDatabaseKey(f).isEmpty())
        return nullptr;
    const char *id = f.database == Facts::Database::PostgreSql ? "postgresql"
        : f.database == Facts::Database::MySql                 ? "mysql"
        : f.database == Facts::Database::MongoDb               ? "mongodb"
                                                               : "sqlite";
    return Knowledge::builtIn().database(QString::fromLatin1(id));
}

} // namespace

QString manualBackupLabel(const Facts &f)
{
    const QString kind = QString::fromLatin1(manualBackupKind(f));
    const QString many = kind == QLatin1String("Copy") ? QStringLiteral("Copies") : kind + u's';
    const DatabaseKnowledge *db = teamRunDatabase(f);
    const QString tool = db ? db->manualBackupsTool + QStringLiteral(", ") : QString();
    return QStringLiteral("Manual ") + many + QStringLiteral("<br/>") + tool + QStringLiteral("taken weekly");
}

QString automatedBackupLabel(const Facts &f, const QString &managedLabel)
{
    const DatabaseKnowledge *db = teamRunDatabase(f);
    return db ? db->automatedBackupsLabel : managedLabel;
}

QString manualBackupEdge(const Facts &f)
{
    return QStringLiteral("Manual ") + QString::fromLatin1(manualBackupKind(f));
}

QString teamBackupEdge(const Facts &f)
{
    if (f.manualBackups)
        return manualBackupEdge(f);
    return RulesKnowledge::builtIn().backupDiagramEdges.value(f.backupStrategy, QStringLiteral("Backups"));
}

QStringList appIds(const QList<int> &instances, const QString &prefix)
{
    QStringList ids;
    for (int n : instances)
        ids.append(prefix + QString::number(n));
    return ids;
}

} // namespace opsflow::diagramparts
