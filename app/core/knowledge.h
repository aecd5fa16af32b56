// OpsFlow's domain knowledge as data: the files under resources/knowledge/, loaded strictly.
#pragma once

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace opsflow {

class Questionnaire;

// One platform a service can run on (resources/knowledge/platforms/<id>.json).
struct PlatformKnowledge {
    QString id;     // "aws-ecs"
    QString name;   // "AWS ECS (Fargate)"
    QString family; // cloud | kubernetes | swarm | nomad | paas | servers
    QString cloud;  // aws | gcp | azure; empty: runs anywhere
    QStringList choices;
    QList<QRegularExpression> match;
    QList<QRegularExpression> documents; // its name in a document's prose
    int priority = 0;
    QStringList defaultFor;
    QString containers = QStringLiteral("any"); // any | required | never
    QHash<QString, QString> nouns;              // compute, registry, load_balancer, logs, metrics, secrets
    QHash<QString, QString> withoutContainers;  // nouns that differ without containers
    bool registryFromCloud = false;             // a cluster pushes to its cloud's registry
    // deploy, history, rollback, status, logs, restart, scale, db_access: shell with {slug},
    // {db_port}, {db_client_image} and $VARIABLES of toolchain.json
    QHash<QString, QString> commands;
    QHash<QString, QString> actions;                   // the same operations as prose, where no command exists
    QHash<QString, QString> commandsWithoutContainers; // replace commands when 7.2 says no containers
    // The operations that differ under 7.8 auto-scaling, where an autoscaler owns the count
    // (scale: its bounds, not a count it would undo); they replace commands and actions.
    QHash<QString, QString> commandsWithAutoscaling;
    QHash<QString, QString> actionsWithAutoscaling;
    QString rolling;
    // What the scale operation changes, in the words of the Operating Commands row, where that
    // is not the number of instances (Lambda's reserved concurrency); empty: the instance count.
    QString scaleLabel;
    // Where a database file (SQLite) would live, where the platform has no disk that outlasts an
    // instance (Vercel), Markdown; empty: the service's disk or volume.
    QString databaseFile;
    // How the platform adds and removes instances by load (7.8 auto-scaling), Markdown; empty:
    // the document's generic CPU and request thresholds.
    QString autoscaling;
    // Whether the platform starts instances per request and stops idle ones by itself, down to
    // none (functions: Lambda, Vercel): no instance count to keep, no SIGTERM to a request in
    // flight. `shutdown` then says, in Markdown, how an instance ends instead, and `release` how
    // a release moves traffic to the new version instead of draining instances one at a time.
    bool perRequest = false;
    QString shutdown;
    QString release;
    // per_request only: what the platform's front does with the health endpoints (it routes by
    // none of them), Markdown; the Health Checks section says it instead of a load balancer.
    QString healthCheck;
    // A canary release (7.4.1 C) here: how the platform splits traffic, or what the team adds
    // for it (Markdown); where the platform splits traffic itself, the command that starts the
    // new version without traffic (replacing commands' deploy) and the one that sets its share.
    struct Canary {
        QString how;
        QHash<QString, QString> commands; // deploy, shift
    } canary;
    // Markdown sentences Enterprise scope's Resilience section uses: how instances spread
    // across zones, how a second region runs, where TLS ends and certificates come from.
    struct Resilience {
        QString zones;
        QString regions;
        QString tls;
    } resilience;
    struct Stop {
        QString actor;   // "ECS"; empty: the platform's stop window is not known
        QString setting; // markdown; empty when fixed
        int defaultSeconds = 0;
        int maxSeconds = 0; // 0: no limit worth naming
        bool fixed = false;
    } stop;
    // Labels the diagrams draw: a string, or an object of labels per store id with a
    // "default" (platform.schema.json, "diagram").
    QJsonObject diagram;

    bool matches(const QString &typed) const;
};

// A public cloud and the words that name it (resources/knowledge/clouds.json).
struct CloudKnowledge {
    QString id;   // "aws"
    QString name; // "AWS"
    QList<QRegularExpression> match;
    QString registry; // its container registry
    QString logs;     // its own log service
};

// One rule that reads an answer out of an existing document's prose
// (resources/knowledge/evidence/documents.json).
struct DocumentEvidenceRule {
    QString question; // "7.1"
    QString field;    // "choice"
    QString value;    // a choice of that field: "D"
    QString says;     // 7.1 only: the platform text suggested with it, "Kubernetes (Amazon EKS)"
    QString platform; // 7.1 only: the platform that text classifies as (checked on load)
    QString label;    // "Amazon EKS"
    QRegularExpression pattern;
};

// An answer a dependency suggests (resources/knowledge/evidence/libraries.json).
struct SuggestedAnswer {
    QString question; // "7.9.2", or "context"
    QString field;    // "tool"
    QVariant value;   // a string, or a string list for a checklist
};

// Dependencies named in a manifest, and the answers they suggest.
struct LibraryEvidenceRule {
    QStringList packages;               // lower case; '*' matches anything
    QList<QRegularExpression> patterns; // the packages, compiled
    QString note;                       // "{package}: circuit breaker library"
    QList<SuggestedAnswer> suggests;
};

// A container image the documents suggest, and how long its release is supported
// (resources/knowledge/images.json). A date in the past is a stale default: tst_knowledge fails.
struct ImageKnowledge {
    QString id;           // a runtime choice ("node", "other") or a local service ("postgresql")
    QString release;      // "Node.js 24 (LTS)"
    QString build;        // runtimes: the build stage's image
    QString run;          // the image that runs; for a service, its image
    QString user;         // runtimes: a non-root user that exists in `run`
    QDate supportedUntil; // invalid when no date is published (then `source` says why)
    QString source;       // where the date comes from, or why there is none
};

// A shell variable the documents' commands use (resources/knowledge/toolchain.json).
struct ShellVariable {
    QString name;           // "ECS_CLUSTER"
    QString about;          // Markdown, {slug}
    QString fill;           // "<cluster name>": what the export line shows until it is filled in
    QString answerQuestion; // the answer that gives its value ("7.1"), or empty
    QString answerField;    // "cluster"
};

// A tool that rolls releases out instead of the platform's own commands: Helm, CodeDeploy, …
struct DeployToolKnowledge {
    QString id;
    QString name;
    QList<QRegularExpression> match;
    QStringList platforms;            // platform ids it deploys to
    QStringList families;             // or platform families
    QStringList defaultForStrategies; // 7.4.1 strategies that imply it when no tool is named
    QHash<QString, QString> commands; // the platform's operations it replaces
    QHash<QString, QString> actions;
    QHash<QString, QString> notes; // a clause said after the operation's command
    // Notes that differ under 7.8 auto-scaling, where the platform's scale changes the
    // autoscaler's bounds (commandsWithAutoscaling)
    QHash<QString, QString> notesWithAutoscaling;

    bool deploysTo(const PlatformKnowledge &platform) const;
};

// A database migration tool and its run, status and rollback commands.
struct MigrationToolKnowledge {
    QString id;
    QString name;
    QList<QRegularExpression> match;
    QHash<QString, QString> commands;
    QHash<QString, QString> actions;
    QHash<QString, QString> notes;
};

// A rule that reads a command a developer runs off a file of the project
// (resources/knowledge/localcommands.json).
struct LocalCommandRule {
    QString file;            // below the top of the project, or "*.ext" at the top
    QRegularExpression line; // invalid (empty pattern): the file's presence is enough
    QString script;          // package.json: a script its "scripts" object must have
    QString command;         // "{1}" and so on: the line pattern's groups
};

// The package manager (or build tool) a project's top-level files show, and its commands.
struct PackageManagerKnowledge {
    QString name;
    QString runtime;   // a choice of the context field runtime
    QStringList files; // any one present selects it
    QString install;
    QList<LocalCommandRule> start;
};

struct LocalCommandsKnowledge {
    QList<PackageManagerKnowledge> packageManagers; // tried in order
    QList<LocalCommandRule> start;                  // tried after the package manager's own
};

// A database engine (resources/knowledge/stores.json).
struct DatabaseKnowledge {
    QString id;   // a choice of the context field database
    QString name; // "PostgreSQL"
    int port = 0; // 0: not a network server
    QString driver;
    QHash<QString, QString> managed; // aws, gcp, azure, heroku, paas → the managed service
    // The same keys plus self_hosted → Markdown: how data and backups are encrypted at rest.
    QHash<QString, QString> encryptionAtRest;
    QHash<QString, QString> commands; // ping, connections
    QString automatedBackups;         // self-run: the mechanism of automated backups
    QString manualBackups;
    QString automatedRestore;
    // The same tools as the diagrams name them (Mermaid label markup): the backups node of
    // automated backups, and the tool of manual ones.
    QString automatedBackupsLabel;              // "pgBackRest<br/>WAL Archiving"
    QString manualBackupsTool;                  // "pg_dump"
    QHash<QString, QString> selfHostedCommands; // backup_automated, list_automated, …
    QHash<QString, QString> selfHostedNotes;
};

// Backup and restore commands of one managed database service.
struct ManagedDatabaseCommands {
    QString service;  // "Amazon RDS"
    QString cloud;    // aws | gcp | azure, or empty
    QString platform; // a platform id (Heroku), or empty
    QStringList databases;
    QHash<QString, QString> commands; // backup, list, restore
};

// What the documents name for a runtime (resources/knowledge/runtimes.json).
struct RuntimeKnowledge {
    QString id;               // a choice of the context field runtime, or "other"
    QRegularExpression names; // names it in a document's prose; invalid for "other"
    QString audit;            // Markdown: the dependency audit
    QString logging;          // the structured logger
    QString openapi;          // the OpenAPI generator
};

// An environment variable a service's client reads (resources/knowledge/services.json).
struct ServiceVariable {
    QString name;
    QString type;
    QString example; // {slug} allowed; empty for a secret
    QString about;
    bool secret = false;
    bool required = true;
};

// A secrets store or feature flag service a user can name (resources/knowledge/services.json).
struct ServiceKnowledge {
    QString id;
    QString name;
    QList<QRegularExpression> match;
    QStringList defaultForClouds;     // assumed on these clouds when none is named
    bool defaultWithoutCloud = false; // assumed off the public clouds
    QList<ServiceVariable> variables;
};

// A CI/CD platform of question 7.4 (resources/knowledge/ci.json): what the documents say
// about it and the project files that show it is in use.
struct CiPlatformKnowledge {
    QString choice;                  // the 7.4 platform letter; empty for the unknown platform
    QString definition;              // markdown: where the pipeline is defined
    QString secrets;                 // where the pipeline keeps its secrets
    QString approval;                // markdown: how a person approves a production release
    QList<QRegularExpression> files; // a project path (relative, with /) that shows it is used
    QString evidence;                // how the scan names such a file
};

// A CI system 7.4 does not offer: its files get a note, never a suggestion.
struct CiNotOffered {
    QList<QRegularExpression> files;
    QString note;
};

// What Enterprise scope's reliability sections assume when no answer says
// (resources/knowledge/reliability.json).
struct ReliabilityKnowledge {
    int windowDays = 30;               // the SLO window
    double availabilityPercent = 99.9; // the availability target used when none is answered
    QString source;                    // why that default
    struct BurnRateAlert {
        bool critical = false;
        double rate = 1; // times faster than the budget allows
        int longWindowMinutes = 60;
        int shortWindowMinutes = 5;
    };
    QList<BurnRateAlert> burnRateAlerts;
    // Words that tie a 7.9.2/7.9.3 row to the project's database, cache or queue.
    QList<QRegularExpression> databaseWords;
    QList<QRegularExpression> cacheWords;
    QList<QRegularExpression> queueWords;
};

// What the monitoring diagram draws for one APM choice of 7.5
// (resources/knowledge/monitoring.json).
struct DiagramEdgeKnowledge {
    QString from;
    QString to;
    QString label; // empty: none
};
struct ApmStackKnowledge {
    QString group;                          // the subgraph's title
    QList<QPair<QString, QString>> nodes;   // id, label, in drawing order (one is AlertManager)
    QString metrics;                        // the node the application sends metrics to
    QString metricsEdge;                    // that edge's label
    QString traces;                         // the node that takes traces; empty: no tracing
    QList<DiagramEdgeKnowledge> alertEdges; // how the metrics reach AlertManager
    QList<DiagramEdgeKnowledge> traceEdges; // inside the stack, after the traces arrive
    QString logAgent;                       // a node that ships the logs too; empty: none
};

// The alert one condition of 7.6 raises (resources/knowledge/monitoring.json).
struct AlertConditionKnowledge {
    QString name;
    bool critical = false;  // routed to every channel, the pager included
    QString thresholdField; // a number field of 7.6 filling {threshold}; empty: none
    QString condition;      // Markdown; {threshold}, {liveness_path}
    QString undecided;      // while the threshold is not decided yet
    bool needsDatabase = false;
};

// One alert channel of 7.6 (resources/knowledge/monitoring.json).
struct AlertChannelKnowledge {
    QString name;            // in the Alerts table; the pager's gives way to the on-call tool
    QString use;             // Markdown; {pager_key}
    QString incidentChannel; // where incidents are coordinated; empty: not this channel
};

// One topic an operations document covers, for the pre-flight audit
// (resources/knowledge/audit.json).
struct AuditTopicKnowledge {
    QString id;     // "disaster_recovery"
    QString label;  // "Disaster recovery"
    QString origin; // key_item | typical_gap | opsflow
    QStringList questions;
    QList<QStringList> gapTerms; // each term as its words: {"disaster", "recovery"}, {"rto"}
    QRegularExpression heading;
    QRegularExpression strong; // invalid when `platforms`
    QRegularExpression weak;
    bool platforms = false; // strong evidence: a line naming a platform the document rules know
};

struct AuditKnowledge {
    QList<AuditTopicKnowledge> topics;
    QStringList fillerWords;
    QList<QRegularExpression> ignoreLines;
};

// The lower-case words of a gap id or a typed topic, however it is written:
// "disaster_recovery", "on-call", "rtoRpo", "CI/CD" → {disaster, recovery}, {on, call},
// {rto, rpo}, {ci, cd}.
QStringList topicWords(const QString &text);

// What a 7.1 answer means: the platform the typed name is recognised as, and the cloud it
// belongs to (named in the text, implied by the platform, or AWS for an unnamed cloud).
struct PlatformMatch {
    const PlatformKnowledge *platform = nullptr; // null: 7.1 not answered
    QString cloud;                               // empty: no cloud
};

// One of ai-flow's templates (resources/knowledge/aiflow-templates.json): where a project
// keeps it, which of OpsFlow's templates it stands in for, and which OpsFlow values fill its
// names. A name listed nowhere is filled only where OpsFlow's own templates use the same name.
struct AiFlowListAlias {
    QString from;                   // OpsFlow's list: "ENVIRONMENTS"
    QHash<QString, QString> fields; // ai-flow's item field → OpsFlow's ("ENV_NAME" → "NAME"; "INDEX": position)
};
struct AiFlowTemplateKnowledge {
    QString source;   // ".ai-flow/templates/docs/operations.template.md"
    QString replaces; // "operations.md.template"
    QHash<QString, QString> variables;
    QHash<QString, AiFlowListAlias> lists;
};

class Knowledge
{
public:
    // Loads every knowledge file under `root` (a folder or a qrc path), validating each
    // against its schema and then its meaning against the questionnaire (7.1's choice
    // letters, one default per choice). On failure returns nothing and sets *error to one
    // sentence naming the file and the key.
    static std::optional<Knowledge> load(const QString &root, const Questionnaire &questionnaire, QString *error);
    // The built-in knowledge (:/resources/knowledge), loaded once; a defect there is a build
    // defect, caught by tst_knowledge.
    static const Knowledge &builtIn();

    const QList<PlatformKnowledge> &platforms() const { return m_platforms; }
    const PlatformKnowledge *platform(const QString &id) const;
    const QList<CloudKnowledge> &clouds() const { return m_clouds; }
    const CloudKnowledge *cloud(const QString &id) const;

    // The one classifier every reader of "what platform is this" uses: the documents'
    // prose, the diagrams, the evidence scan and the pre-flight audit.
    PlatformMatch classify(const QString &choice, const QString &typed, bool containerized) const;
    // The first cloud whose words appear in the text; empty when none does.
    QString cloudNamedIn(const QString &typed) const;

    // Rules for documents, in the order they are tried; and per question id the words that
    // mark a line as stating its answer.
    const QList<DocumentEvidenceRule> &documentRules() const { return m_documentRules; }
    QRegularExpression documentCue(const QString &questionId) const { return m_documentCues.value(questionId); }
    // Whether a line names any platform or cloud the document rules know (the pre-flight
    // audit's evidence that a document describes where the service runs).
    bool namesAPlatform(const QString &line) const;

    // The images for a runtime (a choice of the context field "runtime"); any other value
    // gets the "other" entry. Every runtime choice has one: the loader checks.
    const ImageKnowledge &runtimeImages(const QString &runtime) const;
    // The image of a local development service ("postgresql", "redis", …); null when unknown.
    const ImageKnowledge *serviceImage(const QString &service) const;
    const QList<ImageKnowledge> &runtimes() const { return m_runtimes; }
    // What the documents name for a runtime; any other value gets the "other" entry.
    const RuntimeKnowledge &runtime(const QString &id) const;
    const QList<RuntimeKnowledge> &runtimeNames() const { return m_runtimeNames; }
    // The secrets store a typed name means, or with nothing typed the one assumed on `cloud`
    // (empty: no public cloud); null when a typed name is not one OpsFlow knows.
    const ServiceKnowledge *secretsStore(const QString &typed, const QString &cloud) const;
    // The flag service a typed name means; with nothing typed, the unnamed one; null when a
    // typed name is not one OpsFlow knows.
    const ServiceKnowledge *flagService(const QString &typed) const;
    // The CI/CD platform of a 7.4 choice letter; the unknown platform's words for any other.
    const CiPlatformKnowledge &ciPlatform(const QString &choice) const;
    const QList<CiPlatformKnowledge> &ciPlatforms() const { return m_ciPlatforms; }
    const QList<CiNotOffered> &ciNotOffered() const { return m_ciNotOffered; }
    const QList<ServiceKnowledge> &secretsStores() const { return m_secretsStores; }
    const QList<ServiceKnowledge> &flagServices() const { return m_flagServices; }
    // The user a Dockerfile runs as on a typed base image of another repository: numeric.
    QString anyImageUser() const { return m_anyImageUser; }
    const QList<ImageKnowledge> &services() const { return m_services; }

    // Rules for dependencies, in the order they are tried.
    const QList<LibraryEvidenceRule> &libraryRules() const { return m_libraryRules; }
    // Every value the library rules suggest for a field (7.9.2 tool: "opossum", "Polly", …):
    // names OpsFlow knows, so the documents may repeat them where typed text may not go.
    QStringList knownValues(const QString &questionId, const QString &fieldId) const;

    // The shell variables commands may use, by name.
    const QHash<QString, ShellVariable> &shellVariables() const { return m_variables; }
    // Commands for any platform: build, stack (the local stack), probe.
    const QHash<QString, QString> &generalCommands() const { return m_generalCommands; }
    const QList<DeployToolKnowledge> &deployTools() const { return m_deployTools; }
    const QList<MigrationToolKnowledge> &migrationTools() const { return m_migrationTools; }
    // The deploy tool a typed name means on this platform, or, with nothing typed, the one the
    // 7.4.1 strategy implies there; null: the platform's own commands.
    const DeployToolKnowledge *deployTool(const QString &typed, const PlatformKnowledge &platform,
                                          const QString &strategy, bool *assumed = nullptr) const;
    // The migration tool a typed name means; null when none is recognised.
    const MigrationToolKnowledge *migrationTool(const QString &typed) const;
    const DatabaseKnowledge *database(const QString &id) const;
    const ReliabilityKnowledge &reliability() const { return m_reliability; }
    // The monitoring stack of an APM id: datadog, newrelic, sentry, opentelemetry, cloudwatch,
    // none (all six are required by the loader, so this never fails for them).
    const ApmStackKnowledge &apmStack(const QString &id) const;
    // Why a metric choice of 7.5 is tracked, and the alert a condition letter of 7.6 raises.
    QString metricReason(const QString &metric) const { return m_metricReasons.value(metric); }
    const AlertConditionKnowledge *alertCondition(const QString &letter) const;
    const AlertChannelKnowledge *alertChannel(const QString &letter) const;
    // The pre-flight audit's topics, in report order; every question belongs to at least one.
    const AuditKnowledge &audit() const { return m_audit; }
    // How install and start commands are read off a project's top-level files.
    const LocalCommandsKnowledge &localCommands() const { return m_localCommands; }
    // ai-flow's own templates in a project, and the OpsFlow values that fill their names.
    const QList<AiFlowTemplateKnowledge> &aiFlowTemplates() const { return m_aiFlowTemplates; }
    // The backup commands of the managed service that runs `database` on a cloud or platform.
    const ManagedDatabaseCommands *managedCommands(const QString &database, const QString &cloud,
                                                   const QString &platformId) const;
    // How a managed database service keeps backups, as the documents say it ("automated" or
    // "manual"), with {service} where the service's name goes.
    QString managedBackups(const QString &kind) const { return m_managedBackups.value(kind); }

private:
    bool loadToolchain(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadStores(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool checkCommands(QString *error) const;
    bool loadLibraryRules(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadDocumentRules(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadImages(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadRuntimes(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadServices(const QString &root, QString *error);
    bool loadReliability(const QString &root, QString *error);
    bool loadAudit(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadAiFlowTemplates(const QString &root, QString *error);
    bool loadLocalCommands(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadMonitoring(const QString &root, const Questionnaire &questionnaire, QString *error);
    bool loadCi(const QString &root, const Questionnaire &questionnaire, QString *error);

    QList<PlatformKnowledge> m_platforms;
    QList<CloudKnowledge> m_clouds;
    QList<DocumentEvidenceRule> m_documentRules;
    QList<LibraryEvidenceRule> m_libraryRules;
    QHash<QString, QRegularExpression> m_documentCues;
    QList<ImageKnowledge> m_runtimes;
    QList<ImageKnowledge> m_services;
    QString m_anyImageUser;
    QList<RuntimeKnowledge> m_runtimeNames;
    QList<ServiceKnowledge> m_secretsStores;
    QList<CiPlatformKnowledge> m_ciPlatforms;
    CiPlatformKnowledge m_unknownCiPlatform;
    QList<CiNotOffered> m_ciNotOffered;
    QList<ServiceKnowledge> m_flagServices;
    ServiceKnowledge m_unnamedFlagService;
    QHash<QString, ShellVariable> m_variables;
    QHash<QString, QString> m_generalCommands;
    QList<DeployToolKnowledge> m_deployTools;
    QList<MigrationToolKnowledge> m_migrationTools;
    QList<DatabaseKnowledge> m_databases;
    QList<ManagedDatabaseCommands> m_managedCommands;
    QHash<QString, QString> m_managedBackups;
    ReliabilityKnowledge m_reliability;
    AuditKnowledge m_audit;
    LocalCommandsKnowledge m_localCommands;
    QHash<QString, ApmStackKnowledge> m_apmStacks;
    QHash<QString, QString> m_metricReasons;
    QHash<QString, AlertConditionKnowledge> m_alertConditions;
    QHash<QString, AlertChannelKnowledge> m_alertChannels;
    QList<AiFlowTemplateKnowledge> m_aiFlowTemplates;
};

} // namespace opsflow
