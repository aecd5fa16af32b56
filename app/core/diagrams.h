// Mermaid sources of the four operations diagrams (architecture, data flow, infrastructure, monitoring).
#pragma once

#include "healthendpoints.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace opsflow {

// What the diagrams show, as plain values: the generator fills it from the answers and the
// project context. Enums are the questionnaire's fixed choices; QStrings are text the user
// typed (it reaches the diagrams only through escape::mermaidLabel / escape::mermaidId).
struct DeploymentFacts {
    enum class Platform { Aws, Gcp, Azure, Paas, OnPremises, Kubernetes, DockerSwarm, Nomad };
    enum class Scaling { Horizontal, Vertical, Auto };                     // 7.8 strategy
    enum class Database { None, PostgreSql, MySql, MongoDb, Sqlite };      // context
    enum class DatabaseScaling { None, ReadReplicas, Sharding, Vertical }; // 7.8 db_scaling
    enum class Cache { None, Redis, Memcached };                           // context (auto resolved)
    // Sqs, PubSub and ServiceBus are the clouds' own queues; each is drawn as the managed
    // service on its cloud and as an external service elsewhere.
    enum class Queue { None, RabbitMq, Sqs, Kafka, Redis, PubSub, ServiceBus };    // context
    enum class Apm { None, Datadog, NewRelic, Sentry, OpenTelemetry, CloudWatch }; // 7.5 apm
    // Where logs end up (7.5 logging + 7.9.4 log_aggregation; "centralized" names a stack).
    enum class LogStack { Console, Files, Elk, Datadog, CloudWatch, Named };

    struct AlertChannels { // 7.6 channels
        bool email = false;
        bool chat = false;  // Slack/Discord
        bool pager = false; // PagerDuty/Opsgenie
        bool sms = false;
    };

    QString projectName = QStringLiteral("my-api");
    Platform platform = Platform::Aws; // 7.1 choice
    // 7.1 has an answer. While it has none, `platform` is only what the diagrams draw, and no
    // provider's service (a managed database, its restore) may be named as the project's.
    bool platformDecided = true;
    // 7.1 platform as typed ("AWS ECS", "Cloud Run", "Fly.io", "EKS", "k3s"); shown in labels.
    QString platformName;
    // What resources/knowledge/ recognises in it (Knowledge::classify): the platform's id
    // ("aws-lambda"; empty while 7.1 is not answered) and the cloud it belongs to.
    QString platformId;
    QString cloud;             // "aws", "gcp", "azure"; empty: none
    QString region;            // "us-east-1"; empty: not shown
    bool containerized = true; // 7.2
    Scaling scaling = Scaling::Horizontal;
    int appInstances = 2;    // at normal load (the minimum when auto-scaling); < 1 means 1
    int maxInstances = 0;    // auto-scaling ceiling; 0: not known
    QString appSpec;         // "2 vCPU, 4GB RAM"; empty: not shown
    int port = 3000;         // the service port (context)
    QString healthCheckPath; // what the platform probes, "/health/live"; empty: no probe
    HealthPaths healthPaths; // the paths the service serves the 7.9 endpoints on
    Database database = Database::PostgreSql;
    DatabaseScaling databaseScaling = DatabaseScaling::None;
    Cache cache = Cache::None;
    Queue queue = Queue::None;
    bool objectStorage = false;   // files in a bucket (see dependencyKind())
    QStringList externalServices; // third parties as typed ("Payment API"), in table order
    bool secretsService = false;  // 7.3 env_config B: secrets in a config service
    QString secretsStore;         // that service by name ("Vault"); empty: the platform's own
    bool backups = true;          // 7.7 database backups are planned
    bool manualBackups = false;   // 7.7 strategy C: taken by hand, weekly, not by a schedule
    QString backupStrategy;       // 7.7 strategy ("A"); empty: not decided, no frequency is drawn
    Apm apm = Apm::None;
    bool structuredLogs = false; // JSON lines (7.5 C or 7.9.4 log_format A)
    LogStack logStack = LogStack::Console;
    QString logService; // LogStack::Named: the log service, as typed or the cloud's own
    AlertChannels alertChannels;
    bool onCall = false; // 7.6 on_call
    QString onCallTool;  // "PagerDuty"; empty: "On-call tool"
};

// "aws", "gcp" or "azure" for a platform on a public cloud; empty otherwise (knowledge files
// key their per-cloud facts so).
inline QString publicCloudId(DeploymentFacts::Platform p)
{
    switch (p) {
    case DeploymentFacts::Platform::Aws: return QStringLiteral("aws");
    case DeploymentFacts::Platform::Gcp: return QStringLiteral("gcp");
    case DeploymentFacts::Platform::Azure: return QStringLiteral("azure");
    default: return {};
    }
}

// The same for the project: none while 7.1 is unanswered, so no cloud's service is named.
inline QString publicCloudId(const DeploymentFacts &f)
{
    return f.platformDecided ? publicCloudId(f.platform) : QString();
}

// Where a provider runs the project's database, as stores.json keys its managed services
// (aws, gcp, azure, heroku, paas); empty when the team runs it (on servers or in a cluster of
// its own, whatever cloud that is on), when it is a file, or while 7.1 is not answered. The
// documents' prose and the diagrams ask this one function, so they never disagree.
QString managedDatabaseKey(const DeploymentFacts &f);

// Who each severity of alert notifies (7.6 channels): critical alerts go to every channel
// someone watches around the clock and to chat and e-mail; warnings to chat and e-mail, or
// wherever alerts go when those are not chosen. Channels in the order pager, SMS, chat,
// e-mail. The Alerts table ("Notifies") and the monitoring diagram's edges both ask this one
// function, so they never disagree.
enum class AlertChannel { Pager, Sms, Chat, Email };
struct AlertRouting {
    QList<AlertChannel> critical;
    QList<AlertChannel> warning;
};
AlertRouting alertRouting(const DeploymentFacts &f);

// Each returns mermaid source without the ``` fence and without a trailing newline, in the
// seed's formats: subgraph "…" per layer or network zone, [( )] for stores, [ ] for compute,
// -.-> for replication, backups and asynchronous flows, protocols on edges, resource specs
// in nodes, `style X fill:#…,color:#1a1a1a` by layer. The output depends only on the facts (no hashing,
// no clock), so the same facts give byte-identical text; every sample in tst_diagrams
// parses and renders in mermaid 11 (tests/tools/check-mermaid.mjs).
//
// What the facts decide:
// - A load balancer only for horizontal or auto-scaling; vertical scaling draws one bigger
//   instance taking traffic itself (in the infrastructure diagram a cloud's load balancer or
//   gateway, a PaaS router or Kubernetes Ingress stays: the platform always has it, and TLS
//   ends there). At most three instances are drawn: 1, 2 and the last ("API Server 12").
// - Read replicas (two, with -.->|Replication|) or shards (two) only when chosen, never for
//   SQLite; no cache, queue or worker nodes without a cache or queue.
// - With a queue, a worker consumes it and makes the third-party calls; without one, the
//   instances call them.
QString systemArchitectureDiagram(const DeploymentFacts &facts); // graph TD
QString dataFlowDiagram(const DeploymentFacts &facts);           // flowchart LR, numbered steps
QString infrastructureDiagram(const DeploymentFacts &facts);     // graph TB, the platform's own resources
QString monitoringDiagram(const DeploymentFacts &facts);         // graph TD

// How a dependency named in the 7.9.3 retry table is drawn: the database and cache rows are
// the system's own stores (already in the diagrams), object storage becomes the platform's
// bucket (DeploymentFacts::objectStorage), anything else is an external service.
enum class DependencyKind { OwnStore, ObjectStorage, External };
DependencyKind dependencyKind(const QString &serviceName);

} // namespace opsflow
