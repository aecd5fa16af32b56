// Mermaid sources of the four operations diagrams (architecture, data flow, infrastructure, monitoring).
#include "diagrams.h"

#include "escaping.h"
#include "knowledge.h"

#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QSet>

namespace opsflow {

namespace {

using Facts = DeploymentFacts;

// The seed's colours by layer.
constexpr QLatin1StringView Infrastructure("#e1f5ff");
constexpr QLatin1StringView Data("#e1ffe1");
constexpr QLatin1StringView Monitoring("#f0e1ff"); // also caches
constexpr QLatin1StringView Queueing("#ffe1f5");
constexpr QLatin1StringView External("#fff4e1");
constexpr QLatin1StringView Alert("#ffe1e1");

enum class Shape { Box, Store };
enum class Line { Solid, Dashed };

// Writes mermaid flowchart text with the seed's layout: four-space indents, subgraph per
// group, style lines last. Labels and titles are mermaid label markup: constants written
// here, or user text passed through escape::mermaidLabel.
class MermaidWriter
{
public:
    explicit MermaidWriter(const QString &header) { m_lines.append(header); }

    // `id` names the group for edges that point at it as a whole; without one, the
    // seed's `subgraph "Title"` form is used.
    void beginGroup(const QString &title, const QString &id = {})
    {
        Q_ASSERT(!title.contains(u'"'));
        // A one-word title becomes the subgraph's id and would clash with a node of that
        // name, so such titles get an id of their own.
        if (id.isEmpty() && title.contains(u' '))
            add(QStringLiteral("subgraph \"%1\"").arg(title));
        else
            add(QStringLiteral("subgraph %1 [\"%2\"]")
                    .arg(id.isEmpty() ? QStringLiteral("Group%1").arg(++m_namedGroups) : id, title));
        ++m_depth;
    }

    void endGroup()
    {
        Q_ASSERT(m_depth > 0);
        if (m_lines.constLast().isEmpty())
            m_lines.removeLast();
        --m_depth;
        add(QStringLiteral("end"));
    }

    void node(const QString &id, const QString &label, Shape shape = Shape::Box)
    {
        Q_ASSERT(!label.contains(u'"') && !label.contains(u'\n'));
        const QString safe = label.isEmpty() ? QStringLiteral(" ") : label;
        add(shape == Shape::Store ? QStringLiteral("%1[(\"%2\")]").arg(id, safe)
                                  : QStringLiteral("%1[\"%2\"]").arg(id, safe));
    }

    void edge(const QString &from, const QString &to, const QString &label = {}, Line line = Line::Solid)
    {
        const QString arrow = line == Line::Solid ? QStringLiteral("-->") : QStringLiteral("-.->");
        if (label.isEmpty())
            add(QStringLiteral("%1 %2 %3").arg(from, arrow, to));
        else
            add(QStringLiteral("%1 %2|%3| %4").arg(from, arrow, edgeLabel(label), to));
    }

    void blankLine()
    {
        if (!m_lines.constLast().isEmpty() && !m_lines.constLast().trimmed().startsWith(u"subgraph"))
            m_lines.append(QString());
    }

    // The fills are light pastels: the text on them is dark in every theme, or a dark theme
    // (GitHub's, mermaid's own) writes light text on them that no one can read.
    void style(const QString &id, QLatin1StringView fill)
    {
        const QString line = QStringLiteral("style %1 fill:%2,color:#1a1a1a").arg(id, fill);
        if (!m_styles.contains(line))
            m_styles.append(line);
    }

    QString text() const
    {
        Q_ASSERT(m_depth == 0);
        QStringList lines = m_lines;
        while (lines.constLast().isEmpty())
            lines.removeLast();
        if (!m_styles.isEmpty()) {
            lines.append(QString());
            for (const QString &s : m_styles)
                lines.append(QStringLiteral("    ") + s);
        }
        return lines.join(u'\n');
    }

private:
    void add(const QString &line) { m_lines.append(QString(4 * qsizetype(m_depth + 1), u' ') + line); }

    // Plain words stay bare as in the seed (-->|HTTPS|); anything else is quoted, since
    // parentheses or a colon in a bare edge label do not parse.
    static QString edgeLabel(const QString &label)
    {
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9 ./,]+$"));
        return plain.match(label).hasMatch() ? label : u'"' + label + u'"';
    }

    QStringList m_lines;
    QStringList m_styles;
    int m_depth = 0;
    int m_namedGroups = 0;
};

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

QString scalingNote(const Facts &f)
{
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

// --- nodes shared by the diagrams --------------------------------------------------------

struct ExternalNode {
    QString id;
    QString label;
};

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

void writeExternalGroup(MermaidWriter &w, const QList<ExternalNode> &externals, const QList<ExternalNode> &extra = {})
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

// The database nodes of one platform. Ids: Primary (or Shard1, Shard2) and Replica1/2.
struct DatabaseNodes {
    QStringList writers; // where the application writes
    QStringList readers; // read replicas, when any
};

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
                     const QString &consumeLabel = QStringLiteral("Consume"))
{
    w.blankLine();
    for (const QString &app : producers)
        w.edge(app, QStringLiteral("Queue"), sendLabel, Line::Dashed);
    w.edge(QStringLiteral("Queue"), QStringLiteral("Worker"), consumeLabel, Line::Dashed);
}

// With a queue the slow third-party calls run in the worker, off the request path.
void writeExternalEdges(MermaidWriter &w, const QList<ExternalNode> &externals, const QStringList &apps, bool worker,
                        const QString &label = QStringLiteral("HTTPS"))
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

QStringList appIds(const QList<int> &instances, const QString &prefix = QStringLiteral("App"))
{
    QStringList ids;
    for (int n : instances)
        ids.append(prefix + QString::number(n));
    return ids;
}

// --- 1. system architecture ---------------------------------------------------------------

QString architectureBalancerLabel(const Facts &f)
{
    QString kind;
    switch (f.platform) {
    case Facts::Platform::Aws: kind = QStringLiteral("AWS Application Load Balancer"); break;
    case Facts::Platform::Gcp: kind = QStringLiteral("Cloud Load Balancing"); break;
    case Facts::Platform::Azure: kind = QStringLiteral("Azure Application Gateway"); break;
    case Facts::Platform::Paas: kind = QStringLiteral("Platform Router"); break;
    case Facts::Platform::Kubernetes: kind = QStringLiteral("Ingress Controller"); break;
    case Facts::Platform::DockerSwarm: kind = QStringLiteral("Swarm Routing Mesh"); break;
    case Facts::Platform::Nomad: kind = QStringLiteral("Traefik"); break;
    case Facts::Platform::OnPremises: kind = QStringLiteral("HAProxy or Nginx"); break;
    }
    return lines({QStringLiteral("Load Balancer"), kind});
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
        db = writeDatabaseNodes(
            w, f,
            f.database == Facts::Database::Sqlite ? QStringLiteral("SQLite<br/>Database File on Volume")
                                                  : QStringLiteral("Primary DB<br/>") + engine,
            replicaWord(f) + QStringLiteral(" %1<br/>") + engine, engine + QStringLiteral(" Shard %1"));
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

// --- 2. data flow ------------------------------------------------------------------------

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
        w.node(QStringLiteral("LB"), QStringLiteral("Load Balancer"));
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

// --- 3. infrastructure --------------------------------------------------------------------

namespace {

// The names and network layout of one cloud, so AWS, Google Cloud and Azure share one
// drawing routine. Labels are markup; empty means "not on this platform".
struct CloudProfile {
    Facts::Queue nativeQueue = Facts::Queue::None;
    QString cloudTitle;       // outermost group
    QString networkTitle;     // VPC / VNet
    QString edgeTitle;        // public subnet holding the load balancer (and NAT)
    QString appTitle;         // group of the application instances
    bool appInNetwork = true; // false for serverless compute outside the VPC
    QString dataTitle;        // private subnet of the stores
    QString balancerId;
    QString balancerLabel;
    bool balancerAlways = false; // an API gateway, not a scaling load balancer
    bool balancerInEdge = true;  // in the public subnet; false: a regional or global service
    QString balancerToApp;       // the edge label from the balancer to the instances; empty: HTTP port
    QString natLabel;
    QString appLabel; // %1 = instance number
    QString workerLabel;
    QString poolerLabel; // a connection pooler in front of the database (RDS Proxy)
    QString databaseLabel;
    QString replicaLabel; // %1 = replica number
    QString shardLabel;   // %1 = shard number
    QString cacheLabel;
    QString queueLabel;      // where the queue lives in the data subnet
    QString cloudQueueLabel; // the native managed queue, with the supporting services
    QString storageLabel;
    QString backupLabel;
    QString registryLabel;
    QString monitoringLabel;
    QString secretsLabel;
    QString queueTrigger = QStringLiteral("Poll");
};

QString regionSuffix(const Facts &f)
{
    return f.region.trimmed().isEmpty() ? QString() : QStringLiteral(" (") + userLine(f.region) + u')';
}

QString secretsLabel(const Facts &f, const QString &native)
{
    if (!f.secretsService)
        return QString();
    if (!f.secretsStore.trimmed().isEmpty())
        return lines({user(f.secretsStore), QStringLiteral("Secrets")});
    return native;
}

QString healthLine(const Facts &f)
{
    return f.healthCheckPath.trimmed().isEmpty() ? QString()
                                                 : QStringLiteral("Health check ") + userLine(f.healthCheckPath);
}

CloudProfile awsProfile(const Facts &f)
{
    CloudProfile p;
    const QString engine = databaseName(f.database);
    const bool lambda = isPlatform(f, "aws-lambda");
    const bool ec2 = !lambda && (isPlatform(f, "aws-ec2") || !f.containerized);
    p.nativeQueue = Facts::Queue::Sqs;
    p.cloudTitle = QStringLiteral("AWS Cloud - Production") + regionSuffix(f);
    p.networkTitle = QStringLiteral("VPC (10.0.0.0/16)");
    p.edgeTitle = QStringLiteral("Public Subnet (10.0.1.0/24)");
    p.dataTitle = QStringLiteral("Private Subnet - Data (10.0.20.0/24)");
    p.natLabel = QStringLiteral("NAT Gateway");
    if (lambda) {
        p.appTitle = QStringLiteral("Private Subnet - Lambda (10.0.10.0/24)");
        p.balancerId = QStringLiteral("APIGateway");
        p.balancerLabel = QStringLiteral("API Gateway<br/>HTTPS API");
        p.balancerAlways = true;
        p.balancerInEdge = false;
        p.balancerToApp = QStringLiteral("Invoke");
        p.appLabel = lines({QStringLiteral("Lambda API Handler<br/>Concurrent Instance %1"), spec(f)});
        p.workerLabel = QStringLiteral("Lambda Function<br/>Queue Consumer");
        p.queueTrigger = QStringLiteral("Trigger");
        if (f.database == Facts::Database::PostgreSql || f.database == Facts::Database::MySql)
            p.poolerLabel = QStringLiteral("RDS Proxy<br/>Connection Pooling");
    } else {
        p.appTitle = QStringLiteral("Private Subnet - Application (10.0.10.0/24)");
        p.balancerId = QStringLiteral("ALB");
        p.balancerLabel = lines({QStringLiteral("Application Load Balancer<br/>HTTPS 443"), healthLine(f)});
        p.appLabel = ec2 ? lines({QStringLiteral("EC2 Instance %1"), spec(f)})
                         : lines({QStringLiteral("ECS Fargate Task %1<br/>Container: ") + project(f), spec(f)});
        p.workerLabel =
            ec2 ? QStringLiteral("EC2 Instance<br/>Queue Worker") : QStringLiteral("ECS Fargate Task<br/>Queue Worker");
    }
    switch (f.database) {
    case Facts::Database::MongoDb:
        p.databaseLabel = QStringLiteral("Amazon DocumentDB<br/>MongoDB compatible");
        p.replicaLabel = QStringLiteral("DocumentDB Replica %1");
        p.shardLabel = QStringLiteral("DocumentDB Elastic Shard %1");
        break;
    case Facts::Database::Sqlite: p.databaseLabel = QStringLiteral("SQLite File<br/>on Amazon EFS"); break;
    default:
        p.databaseLabel = QStringLiteral("RDS ") + engine + QStringLiteral("<br/>Multi-AZ");
        p.replicaLabel = QStringLiteral("RDS Read Replica %1");
        p.shardLabel = QStringLiteral("RDS ") + engine + QStringLiteral(" Shard %1");
        break;
    }
    p.cacheLabel = f.cache == Facts::Cache::Memcached ? QStringLiteral("ElastiCache Memcached")
                                                      : QStringLiteral("ElastiCache Redis<br/>Cluster Mode");
    switch (f.queue) {
    case Facts::Queue::RabbitMq: p.queueLabel = QStringLiteral("Amazon MQ<br/>RabbitMQ Broker"); break;
    case Facts::Queue::Kafka: p.queueLabel = QStringLiteral("Amazon MSK<br/>Managed Kafka"); break;
    case Facts::Queue::Redis: p.queueLabel = QStringLiteral("ElastiCache Redis<br/>Job Queue"); break;
    default: break;
    }
    p.cloudQueueLabel = QStringLiteral("Amazon SQS<br/>Message Queue");
    p.storageLabel = QStringLiteral("S3 Bucket<br/>File Storage");
    p.backupLabel = f.database == Facts::Database::Sqlite ? QStringLiteral("AWS Backup<br/>EFS Backups")
                                                          : QStringLiteral("AWS Backup<br/>Automated Snapshots");
    if (f.containerized && !lambda)
        p.registryLabel = QStringLiteral("Amazon ECR<br/>Container Registry");
    p.monitoringLabel = QStringLiteral("CloudWatch<br/>Logs and Metrics");
    p.secretsLabel = secretsLabel(f, QStringLiteral("Secrets Manager<br/>API Keys and Credentials"));
    return p;
}

CloudProfile gcpProfile(const Facts &f)
{
    CloudProfile p;
    const QString engine = databaseName(f.database);
    const bool vms = isPlatform(f, "compute-engine") || !f.containerized;
    const bool appEngine = !vms && isPlatform(f, "app-engine");
    p.nativeQueue = Facts::Queue::PubSub;
    p.cloudTitle = QStringLiteral("Google Cloud - Production") + regionSuffix(f);
    p.networkTitle = QStringLiteral("VPC Network (10.10.0.0/16)");
    p.dataTitle = QStringLiteral("Private Services Subnet (10.10.20.0/24)");
    p.natLabel = vms ? QStringLiteral("Cloud NAT") : QString();
    p.balancerInEdge = false;
    p.balancerId = QStringLiteral("CloudLB");
    p.balancerLabel = lines({QStringLiteral("Cloud Load Balancing<br/>External HTTPS"), healthLine(f)});
    if (vms) {
        p.appTitle = QStringLiteral("App Subnet (10.10.10.0/24) - Managed Instance Group");
        p.appLabel = lines({QStringLiteral("Compute Engine VM %1"), spec(f)});
        p.workerLabel = QStringLiteral("Compute Engine VM<br/>Queue Worker");
    } else if (appEngine) {
        p.appInNetwork = false;
        p.appTitle = QStringLiteral("App Engine - Standard Environment");
        p.appLabel = lines({QStringLiteral("App Engine Instance %1"), spec(f)});
        p.workerLabel = QStringLiteral("App Engine Service<br/>Queue Worker");
    } else {
        p.appInNetwork = false;
        p.appTitle = QStringLiteral("Cloud Run - Serverless Containers");
        p.appLabel = lines({QStringLiteral("Cloud Run Instance %1<br/>Container: ") + project(f), spec(f)});
        p.workerLabel = QStringLiteral("Cloud Run Worker<br/>Queue Consumer");
    }
    switch (f.database) {
    case Facts::Database::MongoDb:
        p.databaseLabel = QStringLiteral("MongoDB Atlas on Google Cloud<br/>Private Service Connect");
        p.replicaLabel = QStringLiteral("MongoDB Secondary %1");
        p.shardLabel = QStringLiteral("MongoDB Atlas Shard %1");
        break;
    case Facts::Database::Sqlite: p.databaseLabel = QStringLiteral("SQLite File<br/>on Persistent Disk"); break;
    default:
        p.databaseLabel = QStringLiteral("Cloud SQL for ") + engine + QStringLiteral("<br/>High Availability");
        p.replicaLabel = QStringLiteral("Cloud SQL Read Replica %1");
        p.shardLabel = QStringLiteral("Cloud SQL ") + engine + QStringLiteral(" Shard %1");
        break;
    }
    p.cacheLabel = QStringLiteral("Memorystore for ") + cacheName(f.cache);
    switch (f.queue) {
    case Facts::Queue::RabbitMq: p.queueLabel = QStringLiteral("RabbitMQ<br/>on Compute Engine"); break;
    case Facts::Queue::Kafka: p.queueLabel = QStringLiteral("Managed Service for Apache Kafka"); break;
    case Facts::Queue::Redis: p.queueLabel = QStringLiteral("Memorystore for Redis<br/>Job Queue"); break;
    default: break;
    }
    p.cloudQueueLabel = QStringLiteral("Pub/Sub<br/>Topic and Subscription");
    p.queueTrigger = QStringLiteral("Subscription");
    p.storageLabel = QStringLiteral("Cloud Storage Bucket<br/>File Storage");
    p.backupLabel = QStringLiteral("Automated Backups<br/>Point-in-time Recovery");
    if (f.containerized)
        p.registryLabel = QStringLiteral("Artifact Registry<br/>Container Images");
    p.monitoringLabel = QStringLiteral("Cloud Monitoring<br/>and Cloud Logging");
    p.secretsLabel = secretsLabel(f, QStringLiteral("Secret Manager<br/>API Keys and Credentials"));
    return p;
}

CloudProfile azureProfile(const Facts &f)
{
    CloudProfile p;
    const QString engine = databaseName(f.database);
    const bool vms = isPlatform(f, "azure-vm") || !f.containerized;
    const bool containerApps = !vms && isPlatform(f, "container-apps");
    p.nativeQueue = Facts::Queue::ServiceBus;
    p.cloudTitle = QStringLiteral("Azure - Production") + regionSuffix(f);
    p.networkTitle = QStringLiteral("Virtual Network (10.20.0.0/16)");
    p.edgeTitle = QStringLiteral("Gateway Subnet (10.20.1.0/24)");
    p.dataTitle = QStringLiteral("Data Subnet (10.20.20.0/24) - Private Endpoints");
    p.natLabel = QStringLiteral("NAT Gateway");
    p.balancerId = QStringLiteral("AppGateway");
    p.balancerLabel = lines({QStringLiteral("Application Gateway<br/>WAF v2, HTTPS 443"), healthLine(f)});
    if (vms) {
        p.appTitle = QStringLiteral("App Subnet (10.20.10.0/24) - VM Scale Set");
        p.appLabel = lines({QStringLiteral("Azure VM %1"), spec(f)});
        p.workerLabel = QStringLiteral("Azure VM<br/>Queue Worker");
    } else if (containerApps) {
        p.appTitle = QStringLiteral("App Subnet (10.20.10.0/24) - Container Apps Environment");
        p.appLabel = lines({QStringLiteral("Container App Replica %1<br/>Container: ") + project(f), spec(f)});
        p.workerLabel = QStringLiteral("Container App<br/>Queue Worker");
    } else {
        p.appTitle = QStringLiteral("App Subnet (10.20.10.0/24) - App Service Plan");
        p.appLabel = lines({QStringLiteral("App Service Instance %1<br/>Web App for Containers"), spec(f)});
        p.workerLabel = QStringLiteral("App Service WebJob<br/>Queue Worker");
    }
    switch (f.database) {
    case Facts::Database::MongoDb:
        p.databaseLabel = QStringLiteral("Azure Cosmos DB<br/>for MongoDB");
        p.replicaLabel = QStringLiteral("Cosmos DB Read Region %1");
        p.shardLabel = QStringLiteral("Cosmos DB Partition %1");
        break;
    case Facts::Database::Sqlite: p.databaseLabel = QStringLiteral("SQLite File<br/>on Azure Files"); break;
    default:
        p.databaseLabel =
            QStringLiteral("Azure Database for ") + engine + QStringLiteral("<br/>Flexible Server, Zone-redundant HA");
        p.replicaLabel = QStringLiteral("Azure Database Read Replica %1");
        p.shardLabel = f.database == Facts::Database::PostgreSql
            ? QStringLiteral("Azure Cosmos DB for PostgreSQL<br/>Worker Node %1")
            : QStringLiteral("Azure Database for MySQL Shard %1");
        break;
    }
    p.cacheLabel = f.cache == Facts::Cache::Memcached ? QStringLiteral("Memcached<br/>on Azure VM")
                                                      : QStringLiteral("Azure Cache for Redis");
    switch (f.queue) {
    case Facts::Queue::RabbitMq: p.queueLabel = QStringLiteral("RabbitMQ<br/>on Azure VM"); break;
    case Facts::Queue::Kafka: p.queueLabel = QStringLiteral("Event Hubs<br/>Kafka Endpoint"); break;
    case Facts::Queue::Redis: p.queueLabel = QStringLiteral("Azure Cache for Redis<br/>Job Queue"); break;
    default: break;
    }
    p.cloudQueueLabel = QStringLiteral("Service Bus<br/>Queue");
    p.queueTrigger = QStringLiteral("Receive");
    p.storageLabel = QStringLiteral("Blob Storage<br/>File Storage");
    p.backupLabel = QStringLiteral("Automated Backups<br/>Geo-redundant Storage");
    if (f.containerized)
        p.registryLabel = QStringLiteral("Azure Container Registry");
    p.monitoringLabel = QStringLiteral("Azure Monitor<br/>Application Insights, Log Analytics");
    p.secretsLabel = secretsLabel(f, QStringLiteral("Key Vault<br/>Secrets and Certificates"));
    return p;
}

QString cloudInfrastructure(const Facts &f, const CloudProfile &p)
{
    MermaidWriter w(QStringLiteral("graph TB"));
    const bool balancer = p.balancerAlways || hasLoadBalancer(f);
    const bool worker = f.queue != Facts::Queue::None;
    const QList<int> instances = shownInstances(f, 2);
    const QStringList apps = appIds(instances);
    const QList<ExternalNode> externals = externalNodes(f);
    const QList<ExternalNode> foreign = foreignQueue(f, p.nativeQueue);
    const bool nat = !p.natLabel.isEmpty() && (p.appInNetwork || worker) && !externals.isEmpty();
    // Without a load balancer the instances take traffic themselves, from the public subnet.
    const bool appsInEdge = !balancer && p.appInNetwork && !p.edgeTitle.isEmpty();
    const bool balancerInEdge = balancer && p.balancerInEdge && !p.edgeTitle.isEmpty();
    const bool queueInData = worker && !p.queueLabel.isEmpty();
    const bool cloudQueue = worker && f.queue == p.nativeQueue;

    const auto writeApps = [&] {
        for (int n : instances)
            w.node(QStringLiteral("App%1").arg(n), p.appLabel.arg(n));
        if (worker)
            w.node(QStringLiteral("Worker"), p.workerLabel);
    };

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet Users"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(p.cloudTitle);
    if (balancer && !balancerInEdge) {
        // A global load balancer or API gateway sits outside the VPC.
        w.node(p.balancerId, p.balancerLabel);
        w.style(p.balancerId, Infrastructure);
        w.blankLine();
    }
    if (!p.appInNetwork) {
        w.beginGroup(p.appTitle);
        writeApps();
        w.endGroup();
        w.blankLine();
    }
    w.beginGroup(p.networkTitle);
    if (!p.edgeTitle.isEmpty() && (balancerInEdge || nat || appsInEdge)) {
        w.beginGroup(p.edgeTitle);
        if (balancerInEdge) {
            w.node(p.balancerId, p.balancerLabel);
            w.style(p.balancerId, Infrastructure);
        }
        if (nat)
            w.node(QStringLiteral("NAT"), p.natLabel);
        if (appsInEdge)
            writeApps();
        w.endGroup();
        w.blankLine();
    } else if (nat) {
        w.node(QStringLiteral("NAT"), p.natLabel);
    }
    if (p.appInNetwork && !appsInEdge) {
        w.beginGroup(p.appTitle);
        writeApps();
        w.endGroup();
        w.blankLine();
    }
    DatabaseNodes db;
    if (hasDatabase(f) || f.cache != Facts::Cache::None || queueInData) {
        w.beginGroup(p.dataTitle);
        if (!p.poolerLabel.isEmpty() && hasDatabase(f))
            w.node(QStringLiteral("Pooler"), p.poolerLabel);
        db = writeDatabaseNodes(w, f, p.databaseLabel, p.replicaLabel, p.shardLabel);
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"), p.cacheLabel, Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (queueInData) {
            w.node(QStringLiteral("Queue"), p.queueLabel);
            w.style(QStringLiteral("Queue"), Queueing);
        }
        w.endGroup();
    }
    w.endGroup();

    const bool backups = f.backups && hasDatabase(f);
    w.blankLine();
    w.beginGroup(QStringLiteral("Supporting Services"));
    if (cloudQueue) {
        w.node(QStringLiteral("Queue"), p.cloudQueueLabel);
        w.style(QStringLiteral("Queue"), Queueing);
    }
    if (f.objectStorage) {
        w.node(QStringLiteral("Storage"), p.storageLabel, Shape::Store);
        w.style(QStringLiteral("Storage"), External);
    }
    if (backups) {
        w.node(QStringLiteral("Backups"), p.backupLabel, Shape::Store);
        w.style(QStringLiteral("Backups"), Data);
    }
    if (!p.registryLabel.isEmpty())
        w.node(QStringLiteral("Registry"), p.registryLabel);
    w.node(QStringLiteral("Observability"), p.monitoringLabel);
    w.style(QStringLiteral("Observability"), Alert);
    if (!p.secretsLabel.isEmpty())
        w.node(QStringLiteral("Secrets"), p.secretsLabel);
    w.endGroup();
    w.endGroup();
    writeExternalGroup(w, externals, foreign);

    w.blankLine();
    if (balancer) {
        w.edge(QStringLiteral("Internet"), p.balancerId, QStringLiteral("HTTPS 443"));
        for (const QString &app : apps) {
            w.edge(p.balancerId, app,
                   p.balancerToApp.isEmpty() ? QStringLiteral("HTTP %1").arg(f.port) : p.balancerToApp);
        }
    } else {
        for (const QString &app : apps)
            w.edge(QStringLiteral("Internet"), app, QStringLiteral("HTTPS 443"));
    }
    w.blankLine();
    const QStringList dataUsers = withWorker(apps, worker);
    if (!db.writers.isEmpty() && !p.poolerLabel.isEmpty()) {
        // Everything goes through the pooler, which writes to the primary and reads from
        // every replica.
        const QString protocol = databaseProtocol(f.database);
        for (const QString &app : dataUsers)
            w.edge(app, QStringLiteral("Pooler"), protocol);
        for (const QString &store : db.writers)
            w.edge(QStringLiteral("Pooler"), store,
                   db.readers.isEmpty() ? protocol : QStringLiteral("Write, ") + protocol);
        for (const QString &replica : db.readers)
            w.edge(QStringLiteral("Pooler"), replica, QStringLiteral("Read, ") + protocol);
    } else {
        writeDatabaseEdges(w, f, dataUsers, db);
    }
    if (f.cache != Facts::Cache::None) {
        for (const QString &app : apps)
            w.edge(app, QStringLiteral("Cache"), cacheProtocol(f.cache));
    }
    if (worker)
        writeQueueEdges(w, apps, QStringLiteral("Send Message"), p.queueTrigger);
    w.blankLine();
    for (const QString &app : apps) {
        if (f.objectStorage)
            w.edge(app, QStringLiteral("Storage"), QStringLiteral("Upload/Download"));
        w.edge(app, QStringLiteral("Observability"), QStringLiteral("Logs and Metrics"));
        if (!p.secretsLabel.isEmpty())
            w.edge(app, QStringLiteral("Secrets"), QStringLiteral("Fetch Secrets"));
        if (!p.registryLabel.isEmpty())
            w.edge(QStringLiteral("Registry"), app, QStringLiteral("Image Pull"), Line::Dashed);
    }
    if (worker)
        w.edge(QStringLiteral("Worker"), QStringLiteral("Observability"), QStringLiteral("Logs"));
    if (nat && !externals.isEmpty()) {
        // Private instances reach third parties through the NAT gateway.
        w.blankLine();
        for (const QString &caller : worker ? QStringList{QStringLiteral("Worker")} : apps)
            w.edge(caller, QStringLiteral("NAT"), QStringLiteral("Outbound HTTPS"));
        writeExternalEdges(w, externals, {QStringLiteral("NAT")}, false);
    } else {
        writeExternalEdges(w, externals, apps, worker);
    }
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(), QStringLiteral("Automated Backups"));
    return w.text();
}

// --- PaaS ----------------------------------------------------------------------------------

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
        w.node(QStringLiteral("Backups"), p.backupLabel, Shape::Store);
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
    const QStringList dataUsers = withWorker(apps, worker);
    writeDatabaseEdges(w, f, dataUsers, db);
    for (const QString &app : apps) {
        if (f.cache != Facts::Cache::None)
            w.edge(app, QStringLiteral("Cache"), cacheProtocol(f.cache));
        if (f.objectStorage)
            w.edge(app, QStringLiteral("Storage"), QStringLiteral("Upload/Download"));
    }
    if (worker)
        writeQueueEdges(w, apps, QStringLiteral("Enqueue, ") + queueProtocol(f.queue));
    w.blankLine();
    for (const QString &service : dataUsers) {
        w.edge(QStringLiteral("Config"), service, QStringLiteral("Environment"), Line::Dashed);
        w.edge(service, QStringLiteral("Logs"), QStringLiteral("stdout Logs"));
    }
    writeExternalEdges(w, externals, apps, worker);
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(), QStringLiteral("Backups"));
    return w.text();
}

// --- Kubernetes ----------------------------------------------------------------------------

enum class Cloud { None, Aws, Gcp, Azure };

// The cloud whose managed services a Kubernetes cluster uses; None for a self-run cluster.
Cloud kubernetesCloud(const Facts &f)
{
    if (f.cloud == QLatin1String("aws"))
        return Cloud::Aws;
    if (f.cloud == QLatin1String("gcp"))
        return Cloud::Gcp;
    return f.cloud == QLatin1String("azure") ? Cloud::Azure : Cloud::None;
}

QString kubernetesInfrastructure(const Facts &f)
{
    MermaidWriter w(QStringLiteral("graph TB"));
    const Cloud cloud = kubernetesCloud(f);
    const bool managed = cloud != Cloud::None;
    const bool worker = f.queue != Facts::Queue::None;
    const bool autoscale = f.scaling == Facts::Scaling::Auto;
    const bool backups = f.backups && hasDatabase(f);
    const QList<int> instances = shownInstances(f, 3);
    const QStringList pods = appIds(instances, QStringLiteral("Pod"));
    const QString name = project(f);
    const QString engine = databaseName(f.database);
    const Facts::Queue nativeQueue = cloud == Cloud::Aws ? Facts::Queue::Sqs
        : cloud == Cloud::Gcp                            ? Facts::Queue::PubSub
        : cloud == Cloud::Azure                          ? Facts::Queue::ServiceBus
                                                         : Facts::Queue::None;
    const bool cloudQueue = worker && f.queue == nativeQueue;
    const bool clusterQueue = worker && !isCloudQueue(f.queue) && !managed;
    const bool managedQueue = worker && !isCloudQueue(f.queue) && managed;
    // SQLite lives on the API pods' volume; other stores are StatefulSets or managed services.
    const bool sqlite = f.database == Facts::Database::Sqlite;
    const bool statefulDb = hasDatabase(f) && !managed && !sqlite;

    QString flavour = cloud == Cloud::Aws    ? QStringLiteral("Amazon EKS")
        : cloud == Cloud::Gcp                ? QStringLiteral("Google GKE")
        : cloud == Cloud::Azure              ? QStringLiteral("Azure AKS")
        : f.platformName.trimmed().isEmpty() ? QStringLiteral("Self-managed")
                                             : userLine(f.platformName);
    // A distribution of its own (OpenShift) keeps its name, on whichever cloud it runs.
    const QString cluster = platformLabel(f, "cluster", QString());
    if (!cluster.isEmpty()) {
        const CloudKnowledge *onCloud = Knowledge::builtIn().cloud(f.cloud);
        flavour = onCloud ? cluster + QStringLiteral(" on ") + onCloud->name : cluster;
    }
    const QString managedDb = cloud == Cloud::Aws
        ? (f.database == Facts::Database::MongoDb ? QStringLiteral("Amazon DocumentDB")
                                                  : QStringLiteral("Amazon RDS ") + engine)
        : cloud == Cloud::Gcp
        ? (f.database == Facts::Database::MongoDb ? QStringLiteral("MongoDB Atlas")
                                                  : QStringLiteral("Cloud SQL for ") + engine)
        : (f.database == Facts::Database::MongoDb ? QStringLiteral("Azure Cosmos DB for MongoDB")
                                                  : QStringLiteral("Azure Database for ") + engine);
    const QString managedCache = cloud == Cloud::Aws ? QStringLiteral("ElastiCache ") + cacheName(f.cache)
        : cloud == Cloud::Gcp                        ? QStringLiteral("Memorystore for ") + cacheName(f.cache)
                                                     : QStringLiteral("Azure Cache for Redis");
    const QString registry = platformLabel(f, "registry",
                                           cloud == Cloud::Aws         ? QStringLiteral("Amazon ECR")
                                               : cloud == Cloud::Gcp   ? QStringLiteral("Artifact Registry")
                                               : cloud == Cloud::Azure ? QStringLiteral("Azure Container Registry")
                                                                       : QStringLiteral("Container Registry"));

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet Users"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(QStringLiteral("Kubernetes Cluster - ") + flavour + regionSuffix(f));
    if (hasLoadBalancer(f)) {
        w.node(QStringLiteral("CloudLB"), QStringLiteral("Load Balancer<br/>Service type LoadBalancer"));
        w.style(QStringLiteral("CloudLB"), Infrastructure);
        w.blankLine();
    }
    w.beginGroup(QStringLiteral("Namespace: ") + name);
    w.node(QStringLiteral("Ingress"), QStringLiteral("Ingress<br/>TLS, Host Routing"));
    w.style(QStringLiteral("Ingress"), Infrastructure);
    w.node(QStringLiteral("Service"), QStringLiteral("Service: ClusterIP<br/>port %1").arg(f.port));
    w.blankLine();
    // HPA, ConfigMap, Secret and image pulls act on the Deployment's pod template, so their
    // edges point at the Deployment group rather than at every pod.
    w.beginGroup(QStringLiteral("Deployment: ") + name + QStringLiteral(" - ") + scalingNote(f),
                 QStringLiteral("Deployment"));
    for (int n : instances) {
        w.node(QStringLiteral("Pod%1").arg(n),
               lines({QStringLiteral("Pod %1").arg(n), spec(f),
                      healthLine(f).isEmpty() ? QString() : QStringLiteral("Probes ") + userLine(f.healthCheckPath)}));
    }
    w.endGroup();
    if (autoscale) {
        w.node(QStringLiteral("HPA"),
               f.maxInstances > instanceCount(f)
                   ? QStringLiteral("HorizontalPodAutoscaler<br/>CPU over 70 percent, %1 to %2 Pods")
                         .arg(instanceCount(f))
                         .arg(f.maxInstances)
                   : QStringLiteral("HorizontalPodAutoscaler<br/>CPU over 70 percent"));
        w.style(QStringLiteral("HPA"), Infrastructure);
    }
    if (worker)
        w.node(QStringLiteral("Worker"), QStringLiteral("Deployment: worker<br/>Queue Consumers"));
    w.node(QStringLiteral("ConfigMap"), QStringLiteral("ConfigMap<br/>Non-secret Settings"));
    w.node(QStringLiteral("Secret"),
           f.secretsService && !f.secretsStore.trimmed().isEmpty()
               ? QStringLiteral("Secret<br/>synced from ") + user(f.secretsStore)
               : QStringLiteral("Secret<br/>Credentials"));
    if (sqlite) {
        w.node(QStringLiteral("Primary"), QStringLiteral("PersistentVolumeClaim<br/>SQLite File"), Shape::Store);
        w.style(QStringLiteral("Primary"), Data);
    }
    DatabaseNodes db;
    if (statefulDb) {
        w.blankLine();
        w.beginGroup(QStringLiteral("StatefulSet: ") + engine.toLower());
        db = writeDatabaseNodes(w, f, engine.toLower() + QStringLiteral("-0<br/>Primary"),
                                engine.toLower() + QStringLiteral("-%1<br/>") + replicaWord(f),
                                engine.toLower() + QStringLiteral("-shard-%1"));
        w.node(QStringLiteral("PVC"), QStringLiteral("PersistentVolumeClaim<br/>data, one per Pod"), Shape::Store);
        w.style(QStringLiteral("PVC"), Data);
        w.endGroup();
    } else if (sqlite) {
        db.writers.append(QStringLiteral("Primary"));
    }
    if (!managed && (f.cache != Facts::Cache::None || clusterQueue)) {
        w.blankLine();
        w.beginGroup(QStringLiteral("StatefulSets - Cache and Queue"));
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"),
                   cacheName(f.cache) + QStringLiteral("<br/>") + cacheName(f.cache).toLower() + QStringLiteral("-0"),
                   Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (clusterQueue) {
            w.node(QStringLiteral("Queue"), queueName(f.queue) + QStringLiteral("<br/>StatefulSet"));
            w.style(QStringLiteral("Queue"), Queueing);
        }
        w.endGroup();
    }
    w.endGroup();
    w.endGroup();

    if (managed) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Managed Services"));
        if (hasDatabase(f) && !sqlite) {
            db = writeDatabaseNodes(w, f, managedDb,
                                    managedDb + QStringLiteral("<br/>") + replicaWord(f) + QStringLiteral(" %1"),
                                    managedDb + QStringLiteral("<br/>Shard %1"));
        }
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"), managedCache, Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (cloudQueue || managedQueue) {
            w.node(QStringLiteral("Queue"),
                   cloudQueue ? queueName(f.queue) : QStringLiteral("Managed ") + queueName(f.queue));
            w.style(QStringLiteral("Queue"), Queueing);
        }
        if (f.objectStorage) {
            w.node(QStringLiteral("Storage"),
                   cloud == Cloud::Aws       ? QStringLiteral("S3 Bucket")
                       : cloud == Cloud::Gcp ? QStringLiteral("Cloud Storage Bucket")
                                             : QStringLiteral("Blob Storage"),
                   Shape::Store);
            w.style(QStringLiteral("Storage"), External);
        }
        if (backups && !statefulDb) {
            w.node(QStringLiteral("Backups"), QStringLiteral("Automated Backups<br/>Point-in-time Recovery"),
                   Shape::Store);
            w.style(QStringLiteral("Backups"), Data);
        }
        if (f.containerized)
            w.node(QStringLiteral("Registry"), registry);
        w.endGroup();
    } else if (f.containerized || (backups && (statefulDb || sqlite))) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Cluster Services"));
        if (f.containerized)
            w.node(QStringLiteral("Registry"), registry);
        if (backups) {
            w.node(QStringLiteral("Backups"), QStringLiteral("Velero<br/>Volume Snapshots"), Shape::Store);
            w.style(QStringLiteral("Backups"), Data);
        }
        w.endGroup();
    }
    QList<ExternalNode> extra;
    if (worker && isCloudQueue(f.queue) && !cloudQueue)
        extra.append({QStringLiteral("Queue"), queueName(f.queue)});
    if (f.objectStorage && !managed)
        extra.append({QStringLiteral("Storage"), QStringLiteral("Object Storage<br/>S3 compatible")});
    const QList<ExternalNode> externals = externalNodes(f);
    writeExternalGroup(w, externals, extra);

    w.blankLine();
    if (hasLoadBalancer(f)) {
        w.edge(QStringLiteral("Internet"), QStringLiteral("CloudLB"), QStringLiteral("HTTPS 443"));
        w.edge(QStringLiteral("CloudLB"), QStringLiteral("Ingress"), QStringLiteral("HTTPS"));
    } else {
        w.edge(QStringLiteral("Internet"), QStringLiteral("Ingress"), QStringLiteral("HTTPS 443"));
    }
    w.edge(QStringLiteral("Ingress"), QStringLiteral("Service"), QStringLiteral("HTTP"));
    for (const QString &pod : pods)
        w.edge(QStringLiteral("Service"), pod, QStringLiteral("TCP %1").arg(f.port));
    if (autoscale)
        w.edge(QStringLiteral("HPA"), QStringLiteral("Deployment"), QStringLiteral("Scales"), Line::Dashed);
    w.blankLine();
    // An SQLite file on the API pods' volume is theirs alone.
    writeDatabaseEdges(w, f, withWorker(pods, worker && !sqlite), db);
    if (statefulDb) {
        for (const QString &store : db.writers + db.readers)
            w.edge(store, QStringLiteral("PVC"), QStringLiteral("Mount"));
    }
    if (f.cache != Facts::Cache::None) {
        for (const QString &pod : pods)
            w.edge(pod, QStringLiteral("Cache"), cacheProtocol(f.cache));
    }
    if (worker)
        writeQueueEdges(w, pods, QStringLiteral("Enqueue, ") + queueProtocol(f.queue));
    w.blankLine();
    for (const QString &workload : withWorker({QStringLiteral("Deployment")}, worker)) {
        w.edge(QStringLiteral("ConfigMap"), workload, QStringLiteral("env"), Line::Dashed);
        w.edge(QStringLiteral("Secret"), workload, QStringLiteral("env"), Line::Dashed);
    }
    if (f.containerized)
        w.edge(QStringLiteral("Registry"), QStringLiteral("Deployment"), QStringLiteral("Image Pull"), Line::Dashed);
    if (f.objectStorage) {
        for (const QString &pod : pods)
            w.edge(pod, QStringLiteral("Storage"), QStringLiteral("HTTPS"));
    }
    writeExternalEdges(w, externals, pods, worker);
    const QStringList backupSources = !backups ? QStringList()
        : statefulDb                           ? QStringList{QStringLiteral("PVC")}
                                               : db.writers;
    writeReplicationAndBackups(w, db, backupSources, QStringLiteral("Snapshots"));
    return w.text();
}

// --- Docker Swarm and Nomad ------------------------------------------------------------------

// What differs between a Docker Swarm and a Nomad cluster in the drawing.
struct ClusterProfile {
    QString title;
    QString controlLabel;   // managers / servers
    QString discoveryLabel; // service discovery, when separate
    QString nodesTitle;
    QString balancerLabel; // horizontal: a load balancer in front of the replicas
    QString ingressLabel;  // vertical: how traffic reaches the one instance
    QString groupTitle;    // the application's service / job
    QString appLabel;      // %1
    QString workerLabel;
    QString dataTitle;
    QString storeSuffix; // how stores keep their data
    QString secretsLabel;
    QString configLabel;
};

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
        w.node(QStringLiteral("Backups"), QStringLiteral("Backup Server<br/>Nightly Dumps, Offsite Copy"),
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
    const QStringList dataUsers = withWorker(apps, worker);
    writeDatabaseEdges(w, f, dataUsers, db);
    for (const QString &app : apps) {
        if (f.cache != Facts::Cache::None)
            w.edge(app, QStringLiteral("Cache"), cacheProtocol(f.cache));
        if (f.objectStorage)
            w.edge(app, QStringLiteral("Storage"), QStringLiteral("HTTPS"));
    }
    if (worker)
        writeQueueEdges(w, apps, QStringLiteral("Enqueue, ") + queueProtocol(f.queue));
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
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(), QStringLiteral("Nightly Backup"));
    return w.text();
}

// --- on-premises ---------------------------------------------------------------------------

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
        w.node(QStringLiteral("Backups"), QStringLiteral("Backup Server<br/>Nightly Dumps, Offsite Copy"),
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
    const QStringList dataUsers = withWorker(apps, worker);
    writeDatabaseEdges(w, f, dataUsers, db);
    for (const QString &app : apps) {
        if (f.cache != Facts::Cache::None)
            w.edge(app, QStringLiteral("Cache"), cacheProtocol(f.cache));
        if (f.objectStorage)
            w.edge(app, QStringLiteral("Storage"), QStringLiteral("S3 API"));
    }
    if (worker)
        writeQueueEdges(w, apps, QStringLiteral("Enqueue, ") + queueProtocol(f.queue));
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
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(), QStringLiteral("Nightly Backup"));
    return w.text();
}

// A cluster picked under "Cloud Platform" (EKS, GKE, AKS, OpenShift, …) is drawn as a cluster.
bool namesManagedKubernetes(const Facts &f)
{
    const PlatformKnowledge *p = Knowledge::builtIn().platform(f.platformId);
    return p && p->family == QLatin1String("kubernetes");
}

} // namespace

QString infrastructureDiagram(const DeploymentFacts &f)
{
    switch (f.platform) {
    case Facts::Platform::Aws:
        return namesManagedKubernetes(f) ? kubernetesInfrastructure(f) : cloudInfrastructure(f, awsProfile(f));
    case Facts::Platform::Gcp:
        return namesManagedKubernetes(f) ? kubernetesInfrastructure(f) : cloudInfrastructure(f, gcpProfile(f));
    case Facts::Platform::Azure:
        return namesManagedKubernetes(f) ? kubernetesInfrastructure(f) : cloudInfrastructure(f, azureProfile(f));
    case Facts::Platform::Paas: return paasInfrastructure(f);
    case Facts::Platform::Kubernetes: return kubernetesInfrastructure(f);
    case Facts::Platform::DockerSwarm: return clusterInfrastructure(f, swarmProfile(f));
    case Facts::Platform::Nomad: return clusterInfrastructure(f, nomadProfile(f));
    case Facts::Platform::OnPremises: break;
    }
    return onPremisesInfrastructure(f);
}

// --- 4. monitoring --------------------------------------------------------------------------

namespace {

// The command that shows console logs on each platform.
QString consoleLogViewer(const Facts &f)
{
    switch (f.platform) {
    case Facts::Platform::Kubernetes: return platformLabel(f, "log_viewer", QStringLiteral("kubectl logs"));
    case Facts::Platform::DockerSwarm: return QStringLiteral("docker service logs");
    case Facts::Platform::Nomad: return QStringLiteral("nomad alloc logs");
    case Facts::Platform::Paas: return platformLabel(f, "log_viewer", QStringLiteral("Platform Log Viewer"));
    case Facts::Platform::OnPremises: return QStringLiteral("journalctl");
    case Facts::Platform::Aws: return QStringLiteral("CloudWatch Console");
    case Facts::Platform::Gcp: return QStringLiteral("Cloud Logging Console");
    case Facts::Platform::Azure: return QStringLiteral("Log Stream");
    }
    return QString();
}

} // namespace

QString monitoringDiagram(const DeploymentFacts &f)
{
    MermaidWriter w(QStringLiteral("graph TD"));
    const bool worker = f.queue != Facts::Queue::None;
    QStringList sources{QStringLiteral("App")};
    if (worker)
        sources.append(QStringLiteral("Worker"));

    w.beginGroup(QStringLiteral("Application Layer"));
    w.node(QStringLiteral("App"),
           instanceCount(f) == 1 ? QStringLiteral("API Server")
                                 : QStringLiteral("API Servers<br/>%1 instances").arg(instanceCount(f)));
    w.style(QStringLiteral("App"), Infrastructure);
    if (worker)
        w.node(QStringLiteral("Worker"), QStringLiteral("Background Workers"));
    w.endGroup();

    // Metrics go to `metrics`, traces to `traces` (empty: none), alerts come from `alerting`.
    QString metrics;
    QString traces;
    QString dashboards;
    const QString alerting = QStringLiteral("AlertManager");
    const auto tool = [&w](const QString &id, const QString &label) {
        w.node(id, label);
        w.style(id, Monitoring);
    };
    w.blankLine();
    switch (f.apm) {
    case Facts::Apm::Datadog:
        w.beginGroup(QStringLiteral("Monitoring Stack - Datadog"));
        tool(QStringLiteral("Agent"), QStringLiteral("Datadog Agent<br/>Metrics, Traces, Logs"));
        tool(QStringLiteral("Datadog"), QStringLiteral("Datadog APM<br/>Dashboards"));
        tool(alerting, QStringLiteral("Datadog Monitors<br/>Alert Rules"));
        metrics = traces = QStringLiteral("Agent");
        dashboards = QStringLiteral("Datadog");
        break;
    case Facts::Apm::NewRelic:
        w.beginGroup(QStringLiteral("Monitoring Stack - New Relic"));
        tool(QStringLiteral("Agent"), QStringLiteral("New Relic APM Agent<br/>in Process"));
        tool(QStringLiteral("NewRelic"), QStringLiteral("New Relic<br/>APM and Dashboards"));
        tool(alerting, QStringLiteral("New Relic Alerts<br/>Alert Policies"));
        metrics = traces = QStringLiteral("Agent");
        dashboards = QStringLiteral("NewRelic");
        break;
    case Facts::Apm::Sentry:
        w.beginGroup(QStringLiteral("Monitoring Stack - Sentry"));
        tool(QStringLiteral("Sentry"), QStringLiteral("Sentry<br/>Errors and Performance"));
        tool(alerting, QStringLiteral("Sentry Alert Rules<br/>Issues and Metric Alerts"));
        metrics = traces = QStringLiteral("Sentry");
        break;
    case Facts::Apm::OpenTelemetry:
        w.beginGroup(QStringLiteral("Monitoring Stack - OpenTelemetry"));
        tool(QStringLiteral("Collector"), QStringLiteral("OpenTelemetry Collector<br/>OTLP"));
        tool(QStringLiteral("Prometheus"), QStringLiteral("Prometheus<br/>Metrics Collection"));
        tool(QStringLiteral("Grafana"), QStringLiteral("Grafana<br/>Dashboards"));
        tool(alerting, QStringLiteral("Alertmanager<br/>Notifications"));
        tool(QStringLiteral("Jaeger"), QStringLiteral("Jaeger<br/>Distributed Tracing"));
        metrics = traces = QStringLiteral("Collector");
        dashboards = QStringLiteral("Grafana");
        break;
    case Facts::Apm::CloudWatch:
        w.beginGroup(QStringLiteral("Monitoring Stack - AWS CloudWatch"));
        tool(QStringLiteral("CloudWatch"), QStringLiteral("CloudWatch Metrics<br/>Dashboards"));
        tool(QStringLiteral("XRay"), QStringLiteral("AWS X-Ray<br/>Distributed Tracing"));
        tool(alerting, QStringLiteral("CloudWatch Alarms<br/>via Amazon SNS"));
        metrics = QStringLiteral("CloudWatch");
        traces = QStringLiteral("XRay");
        break;
    case Facts::Apm::None:
        w.beginGroup(QStringLiteral("Monitoring Stack - Platform Metrics, no APM yet"));
        tool(QStringLiteral("Metrics"), QStringLiteral("Platform Metrics<br/>CPU, Memory, Requests"));
        tool(alerting, QStringLiteral("Platform Alerts<br/>Threshold Rules"));
        metrics = QStringLiteral("Metrics");
        break;
    }
    const bool probe = !f.healthCheckPath.trimmed().isEmpty();
    if (probe)
        tool(QStringLiteral("Probe"), QStringLiteral("Health Check<br/>GET ") + userLine(f.healthCheckPath));
    w.endGroup();

    // The log stack. A Datadog agent that is already there ships the logs too.
    QString logEntry;
    w.blankLine();
    switch (f.logStack) {
    case Facts::LogStack::Elk:
        w.beginGroup(QStringLiteral("Logging Stack - ELK"));
        w.node(QStringLiteral("FluentBit"), QStringLiteral("Fluent Bit<br/>Log Collector"));
        w.node(QStringLiteral("Elasticsearch"), QStringLiteral("Elasticsearch<br/>Log Storage"), Shape::Store);
        w.node(QStringLiteral("Kibana"), QStringLiteral("Kibana<br/>Log Viewer"));
        w.style(QStringLiteral("Elasticsearch"), Data);
        w.style(QStringLiteral("Kibana"), Monitoring);
        logEntry = QStringLiteral("FluentBit");
        break;
    case Facts::LogStack::Datadog:
        w.beginGroup(QStringLiteral("Logging Stack - Datadog Logs"));
        if (f.apm != Facts::Apm::Datadog)
            w.node(QStringLiteral("LogAgent"), QStringLiteral("Datadog Agent<br/>Log Collector"));
        w.node(QStringLiteral("DatadogLogs"), QStringLiteral("Datadog Logs<br/>Indexes and Archives"), Shape::Store);
        w.style(QStringLiteral("DatadogLogs"), Data);
        logEntry = f.apm == Facts::Apm::Datadog ? QStringLiteral("Agent") : QStringLiteral("LogAgent");
        break;
    case Facts::LogStack::CloudWatch:
        w.beginGroup(QStringLiteral("Logging Stack - CloudWatch Logs"));
        w.node(QStringLiteral("LogGroups"), QStringLiteral("CloudWatch Logs<br/>Log Groups"), Shape::Store);
        w.node(QStringLiteral("LogsInsights"), QStringLiteral("CloudWatch Logs Insights<br/>Queries"));
        w.style(QStringLiteral("LogGroups"), Data);
        w.style(QStringLiteral("LogsInsights"), Monitoring);
        logEntry = QStringLiteral("LogGroups");
        break;
    case Facts::LogStack::Named:
        w.beginGroup(QStringLiteral("Logging Stack"));
        w.node(QStringLiteral("LogService"), lines({user(f.logService), QStringLiteral("Log Storage and Search")}),
               Shape::Store);
        w.style(QStringLiteral("LogService"), Data);
        logEntry = QStringLiteral("LogService");
        break;
    case Facts::LogStack::Files:
        w.beginGroup(QStringLiteral("Logging Stack - Files with Rotation"));
        w.node(QStringLiteral("LogFiles"),
               f.structuredLogs ? QStringLiteral("Log Files<br/>JSON Lines")
                                : QStringLiteral("Log Files<br/>Plain Text"),
               Shape::Store);
        w.node(QStringLiteral("Logrotate"), QStringLiteral("logrotate<br/>Daily, Compressed"));
        w.style(QStringLiteral("LogFiles"), Data);
        logEntry = QStringLiteral("LogFiles");
        break;
    case Facts::LogStack::Console:
        w.beginGroup(QStringLiteral("Logging - Console Only"));
        w.node(QStringLiteral("Stdout"), QStringLiteral("stdout and stderr"));
        w.node(QStringLiteral("LogViewer"), consoleLogViewer(f));
        w.style(QStringLiteral("LogViewer"), Monitoring);
        logEntry = QStringLiteral("Stdout");
        break;
    }
    w.endGroup();

    // Alert channels; with an on-call rotation the on-call tool takes the pages.
    const Facts::AlertChannels &ch = f.alertChannels;
    const bool pager = ch.pager && !f.onCall;
    if (ch.email || ch.chat || pager || ch.sms || f.onCall) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Alert Channels"));
        const auto channel = [&w](const QString &id, const QString &label) {
            w.node(id, label);
            w.style(id, Alert);
        };
        if (ch.email)
            channel(QStringLiteral("Email"), QStringLiteral("Email"));
        if (ch.chat)
            channel(QStringLiteral("Chat"), QStringLiteral("Slack or Discord"));
        if (pager)
            channel(QStringLiteral("Pager"), QStringLiteral("PagerDuty or Opsgenie"));
        if (ch.sms)
            channel(QStringLiteral("Sms"), QStringLiteral("SMS<br/>Critical Only"));
        w.endGroup();
    }
    if (f.onCall) {
        w.blankLine();
        w.beginGroup(QStringLiteral("On-call Rotation"));
        w.node(QStringLiteral("OnCall"),
               lines({f.onCallTool.trimmed().isEmpty() ? QStringLiteral("On-call Tool") : user(f.onCallTool),
                      QStringLiteral("Escalation Policy")}));
        w.node(QStringLiteral("Engineer"), QStringLiteral("On-call Engineer"));
        w.style(QStringLiteral("OnCall"), Alert);
        w.endGroup();
    }

    w.blankLine();
    const QString logsLabel = f.structuredLogs ? QStringLiteral("JSON Logs") : QStringLiteral("Logs");
    // An agent or SDK that also takes the traces gets one edge saying so.
    const QString metricsLabel = f.apm == Facts::Apm::Sentry ? QStringLiteral("Errors and Traces")
        : f.apm == Facts::Apm::OpenTelemetry                 ? QStringLiteral("OTLP Metrics and Traces")
        : traces == metrics                                  ? QStringLiteral("Metrics and Traces")
                                                             : QStringLiteral("Metrics");
    for (const QString &source : sources)
        w.edge(source, metrics, metricsLabel);
    if (!dashboards.isEmpty() && dashboards != metrics) {
        if (f.apm == Facts::Apm::OpenTelemetry) {
            w.edge(QStringLiteral("Collector"), QStringLiteral("Prometheus"), QStringLiteral("Metrics"));
            w.edge(QStringLiteral("Prometheus"), QStringLiteral("Grafana"));
            w.edge(QStringLiteral("Prometheus"), alerting, QStringLiteral("Alert Rules"));
        } else {
            w.edge(metrics, dashboards);
            w.edge(dashboards, alerting, QStringLiteral("Monitors"));
        }
    } else {
        w.edge(metrics, alerting, QStringLiteral("Alert Rules"));
    }
    if (!traces.isEmpty()) {
        w.blankLine();
        if (traces != metrics) {
            for (const QString &source : sources)
                w.edge(source, traces, QStringLiteral("Traces"));
        } else if (f.apm == Facts::Apm::OpenTelemetry) {
            w.edge(QStringLiteral("Collector"), QStringLiteral("Jaeger"), QStringLiteral("Traces"));
            w.edge(QStringLiteral("Jaeger"), QStringLiteral("Grafana"), QStringLiteral("Trace View"));
        }
    }
    w.blankLine();
    for (const QString &source : sources)
        w.edge(source, logEntry, logsLabel);
    switch (f.logStack) {
    case Facts::LogStack::Elk:
        w.edge(QStringLiteral("FluentBit"), QStringLiteral("Elasticsearch"));
        w.edge(QStringLiteral("Elasticsearch"), QStringLiteral("Kibana"));
        break;
    case Facts::LogStack::Datadog: w.edge(logEntry, QStringLiteral("DatadogLogs"), QStringLiteral("HTTPS")); break;
    case Facts::LogStack::CloudWatch:
        w.edge(QStringLiteral("LogGroups"), QStringLiteral("LogsInsights"));
        w.edge(QStringLiteral("LogGroups"), alerting, QStringLiteral("Metric Filters"), Line::Dashed);
        break;
    case Facts::LogStack::Files:
        w.edge(QStringLiteral("LogFiles"), QStringLiteral("Logrotate"), QStringLiteral("Rotate"), Line::Dashed);
        break;
    case Facts::LogStack::Console: w.edge(QStringLiteral("Stdout"), QStringLiteral("LogViewer")); break;
    case Facts::LogStack::Named: break;
    }
    if (probe) {
        w.blankLine();
        w.edge(QStringLiteral("Probe"), QStringLiteral("App"), QStringLiteral("Probe"), Line::Dashed);
        w.edge(QStringLiteral("Probe"), alerting, QStringLiteral("Service Down"));
    }
    w.blankLine();
    if (ch.email)
        w.edge(alerting, QStringLiteral("Email"), QStringLiteral("Warnings"));
    if (ch.chat)
        w.edge(alerting, QStringLiteral("Chat"), QStringLiteral("All Alerts"));
    if (pager)
        w.edge(alerting, QStringLiteral("Pager"), QStringLiteral("Critical"));
    if (ch.sms)
        w.edge(alerting, QStringLiteral("Sms"), QStringLiteral("Critical"));
    if (f.onCall) {
        w.edge(alerting, QStringLiteral("OnCall"), QStringLiteral("Critical"));
        w.edge(QStringLiteral("OnCall"), QStringLiteral("Engineer"), QStringLiteral("Page"));
    }
    return w.text();
}

// --- dependencies ---------------------------------------------------------------------------

DependencyKind dependencyKind(const QString &serviceName)
{
    static const QRegularExpression ownStore(
        QStringLiteral("\\b(database|db|postgres(ql)?|mysql|mariadb|mongo(db)?|sqlite|redis|"
                       "memcached?|cache|message queue|rabbitmq|kafka)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression objectStore(
        QStringLiteral("\\b(s3|object storage|file storage|blob( storage)?|bucket|gcs|cloud storage|minio)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    if (objectStore.match(serviceName).hasMatch())
        return DependencyKind::ObjectStorage;
    if (ownStore.match(serviceName).hasMatch())
        return DependencyKind::OwnStore;
    return DependencyKind::External;
}

} // namespace opsflow
