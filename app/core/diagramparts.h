// Private to the diagrams: the mermaid writer, the helpers and shared nodes every diagram
// uses, and the infrastructure drawing of each platform family. The public API is diagrams.h.
#pragma once

#include "diagrams.h"

#include <QLatin1StringView>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace opsflow::diagramparts {

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

// ---- Text and facts all diagrams use (diagramparts.cpp) ------------------------------------

QString user(const QString &text);
QString lines(std::initializer_list<QString> parts);
QString userLine(const QString &text);
QString spec(const Facts &f);
QString project(const Facts &f);

bool hasLoadBalancer(const Facts &f);
int instanceCount(const Facts &f);
QList<int> shownInstances(const Facts &f, int cap);
QString scalingNote(const Facts &f);
// How a platform that starts instances per request (Lambda, Vercel) scales, as its knowledge file
// draws it (diagram.scaling), instead of a count of instances it does not keep; empty for any
// other platform, and under vertical scaling.
QString perRequestScaling(const Facts &f);
bool hasDatabase(const Facts &f);
Facts::DatabaseScaling databaseScaling(const Facts &f);
bool hasReplicas(const Facts &f);
bool isSharded(const Facts &f);
QString databaseName(Facts::Database db);
QString databaseProtocol(Facts::Database db);
QString replicaWord(const Facts &f);
QString cacheName(Facts::Cache cache);
QString cacheProtocol(Facts::Cache cache);
QString queueName(Facts::Queue queue);
QString queueProtocol(Facts::Queue queue);
bool isCloudQueue(Facts::Queue queue);
bool isPlatform(const Facts &f, const char *id);
QString platformLabel(const Facts &f, const char *key, const QString &fallback);
// Where the platform keeps an SQLite file, as its knowledge file draws it: diagram.sqlite_file
// (cloud family), else the SQLite entry of diagram.database (a PaaS), else `fallback`.
QString sqliteFileLabel(const Facts &f, const QString &fallback);

// ---- Nodes and edges all diagrams share (diagramparts.cpp) ---------------------------------

struct ExternalNode {
    QString id;
    QString label;
};

QList<ExternalNode> externalNodes(const Facts &f);
void writeExternalGroup(MermaidWriter &w, const QList<ExternalNode> &externals, const QList<ExternalNode> &extra = {});
QList<ExternalNode> foreignQueue(const Facts &f, Facts::Queue native);

// The database nodes of one platform. Ids: Primary (or Shard1, Shard2) and Replica1/2.
struct DatabaseNodes {
    QStringList writers; // where the application writes
    QStringList readers; // read replicas, when any
};

DatabaseNodes writeDatabaseNodes(MermaidWriter &w, const Facts &f, const QString &primaryLabel,
                                 const QString &replicaLabel, const QString &shardLabel);
void writeDatabaseEdges(MermaidWriter &w, const Facts &f, const QStringList &apps, const DatabaseNodes &db);
void writeReplicationEdges(MermaidWriter &w, const DatabaseNodes &db);
QStringList withWorker(const QStringList &apps, bool worker);
// The apps' edges to the database, cache, object storage (labelled `storageLabel`) and queue,
// as the PaaS, cluster and on-premises drawings share them; returns the database's users
// (the apps, and the worker when there is one).
QStringList writeDataEdges(MermaidWriter &w, const Facts &f, const QStringList &apps, bool worker,
                           const DatabaseNodes &db, const QString &storageLabel);
void writeQueueEdges(MermaidWriter &w, const QStringList &producers, const QString &sendLabel,
                     const QString &consumeLabel = QStringLiteral("Consume"));
void writeExternalEdges(MermaidWriter &w, const QList<ExternalNode> &externals, const QStringList &apps, bool worker,
                        const QString &label = QStringLiteral("HTTPS"));
void writeReplicationAndBackups(MermaidWriter &w, const DatabaseNodes &db, const QStringList &backupSources,
                                const QString &backupLabel);
QStringList appIds(const QList<int> &instances, const QString &prefix = QStringLiteral("App"));
// 7.7 "Manual backups weekly": the backups node and the edge to it say so, in the words of the
// Backup & Disaster Recovery section (snapshots of a managed database, dumps of one the team
// runs, copies of a file), instead of the platform's automated backups.
// For a database the team runs, the label also names the tool the section gives.
QString manualBackupLabel(const Facts &f);
QString manualBackupEdge(const Facts &f);
// The edge from a database the team runs to its backups: how often the 7.7 strategy takes them
// (rules.json backups.diagram, "Daily Backups"), or manualBackupEdge() for manual ones; while
// the strategy is not known, no frequency.
QString teamBackupEdge(const Facts &f);
// The backups node of automated backups: for a database the team runs (managedDatabaseKey()
// empty), the tool the Backup & Disaster Recovery section names (stores.json
// self_hosted.diagram); for one a provider runs, `managedLabel`.
QString automatedBackupLabel(const Facts &f, const QString &managedLabel);

// ---- Infrastructure: labels the platform drawings share (infrastructurediagram.cpp) --------

QString regionSuffix(const Facts &f);
// A Kubernetes cluster named under "Cloud Platform" (EKS, AKS, OpenShift): drawn as a cluster.
bool namesManagedKubernetes(const Facts &f);
QString secretsLabel(const Facts &f, const QString &native);
QString healthLine(const Facts &f);

// ---- Infrastructure on AWS, Google Cloud and Azure (cloudinfrastructure.cpp) ---------------

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
    bool balancerInEdge = true; // in the public subnet; false: a regional or global service
    QString balancerToApp;      // the edge label from the balancer to the instances; empty: HTTP port
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

CloudProfile awsProfile(const Facts &f);
CloudProfile gcpProfile(const Facts &f);
CloudProfile azureProfile(const Facts &f);
QString cloudInfrastructure(const Facts &f, const CloudProfile &p);

// ---- Infrastructure on a PaaS (paasinfrastructure.cpp) -------------------------------------

QString paasInfrastructure(const Facts &f);

// ---- Infrastructure on Kubernetes (kubernetesinfrastructure.cpp) ---------------------------

QString kubernetesInfrastructure(const Facts &f);

// ---- Infrastructure on Docker Swarm and Nomad (clusterinfrastructure.cpp) ------------------

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

ClusterProfile swarmProfile(const Facts &f);
ClusterProfile nomadProfile(const Facts &f);
QString clusterInfrastructure(const Facts &f, const ClusterProfile &p);

// ---- Infrastructure on premises (onpremisesinfrastructure.cpp) -----------------------------

QString onPremisesInfrastructure(const Facts &f);

} // namespace opsflow::diagramparts
