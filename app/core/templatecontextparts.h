// Private to the template context: what its parts share, and the section builders each part
// defines. templateContext() (templatecontext.cpp) calls the builders in the documents' order.
#pragma once

#include "knowledge.h"
#include "templatecontext.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <initializer_list>
#include <utility>

namespace opsflow {

class OperatingCommands;
struct EnvVar;

namespace contextparts {

using Facts = DeploymentFacts;

// ---- Escaping and formatting (templatecontextparts.cpp) --------------------------------------

QString keepLiteral(QString text);
QString md(const QString &text);   // user text in Markdown prose
QString cell(const QString &text); // user text in a table cell
QString code(const QString &text); // OpsFlow's own text as inline code
QString num(double value);
QString plural(double n, const char *one, const char *many);
QString minutesText(double minutes);
QString secondsText(double seconds);
QString millisText(double ms);
QString joinWords(const QStringList &words);
extern const QString NotDecided;
bool mentions(const QString &text, std::initializer_list<const char *> words);
QString chosenLabel(const AnswerReader &a, const char *question, const char *field);
QStringList chosenLabels(const AnswerReader &a, const char *question, const char *field);
void set(QVariantMap &context, const char *key, const QVariant &value);
QVariantMap item(std::initializer_list<std::pair<const char *, QVariant>> values);
QVariantList textItems(const QStringList &texts);

// ---- Platform profile (platformcontext.cpp) --------------------------------------------------

// What a platform calls things and how it is operated, for prose, runbooks and settings:
// the platform's knowledge file, with the project's slug in its commands.
struct PlatformProfile {
    QString id;      // the knowledge file's id; empty while 7.1 is not answered
    QString family;  // cloud | kubernetes | swarm | nomad | paas | servers
    QString compute; // markdown prose
    QString registry;
    QString loadBalancer;
    QString logs;
    QString metrics;
    QString secrets;     // where secrets live without a config service
    QString logsCommand; // markdown: inline code, or prose where there is no CLI
    QString statusCommand;
    QString restartCommand;
    QString rollbackCommand;
    QString scaleCommand;
    QString rollingSetting;  // markdown
    QString scaleLabel;      // markdown: what scale changes, where not the instance count; empty: it
    QString databaseFile;    // markdown: where no disk outlasts an instance, what that means for a file
    QString autoscaling;     // markdown; empty: the generic thresholds
    bool perRequest = false; // instances per request, scaled to zero by the platform
    QString shutdown;        // markdown: how a per-request instance ends; empty otherwise
    QString release;         // markdown: how a per-request release moves traffic; empty otherwise
    QString healthCheck;     // markdown: what uses the health endpoints, per-request only
    PlatformKnowledge::Stop stop;
};

const PlatformKnowledge &platformOrGeneric(const PlatformMatch &match);
PlatformProfile platformProfile(const PlatformMatch &match, const Facts &f, const QString &slug,
                                const OperatingCommands &commands);

// ---- Answers → deployment facts (templatecontext.cpp) ----------------------------------------

HealthPaths healthPaths(const AnswerReader &a);
QString livenessPath(const AnswerReader &a);
QString loggingDetail(const AnswerReader &a, const char *field); // 7.9.4 log_format, log_aggregation

// ---- What every section shares (templatecontextparts.cpp) ------------------------------------

// One generation's inputs, so that section builders take one argument.
struct Inputs {
    const AnswerReader &a;
    const Facts &f;
    const PlatformProfile &p;
    const OperatingCommands &cmd;
    const QString &slug;
};

bool planned(const AnswerReader &a, const char *doc);
QString engineName(Facts::Database d);
QString cacheName(Facts::Cache c);
QString queueName(Facts::Queue q);
const DatabaseKnowledge *databaseKnowledge(Facts::Database d);
QString managedDatabase(const Inputs &in);

// ---- What one part says and others repeat, in the same words ---------------------------------

// configurationcontext.cpp
QString secretsStore(const Inputs &in);
QString flagProvider(const AnswerReader &a);
QString flagProviderInConfiguration(const AnswerReader &a);
bool hasStaging(const AnswerReader &a);

// monitoringcontext.cpp
struct Channels {
    QStringList critical;
    QStringList warning;
};
QString apmName(const Facts &f, const PlatformProfile &p);
QString logStackName(const Facts &f);
Channels alertNotifies(const Inputs &in);

// datacontext.cpp
QString backupMechanism(const Inputs &in, const QString &strategy);

// healthcontext.cpp
QStringList healthCheckKeys(const AnswerReader &a, const Facts &f);
HealthEndpoints placedEndpoints(const Inputs &in);

// ---- Section builders, in the documents' order ----------------------------------------------

// answercontext.cpp: every field under its own name (answerVariable())
void addAnswers(QVariantMap &c, const AnswerReader &a, const std::optional<QSet<QString>> &wanted);

// platformcontext.cpp: the header, the defaults used, Deployment Environment
void addHeader(QVariantMap &c, const Inputs &in);
void addDefaultsUsed(QVariantMap &c, const Inputs &in);
void addPlatform(QVariantMap &c, const Inputs &in);

// containercontext.cpp: Containerization
void addContainers(QVariantMap &c, const Inputs &in);

// configurationcontext.cpp: Environments; configuration.md
void addEnvironments(QVariantMap &c, const Inputs &in);
void addEnvGroups(QVariantMap &c, const QList<EnvVar> &catalog);
void addEnvironmentSettings(QVariantMap &c, const Inputs &in);
void addSecrets(QVariantMap &c, const Inputs &in, const QList<EnvVar> &catalog);
void addFeatureFlags(QVariantMap &c, const Inputs &in);

// deliverycontext.cpp: CI/CD Pipeline, Deployment Strategy
void addCi(QVariantMap &c, const Inputs &in);
void addStrategy(QVariantMap &c, const Inputs &in);

// monitoringcontext.cpp: Monitoring & Logging, Alerts
void addMonitoring(QVariantMap &c, const Inputs &in, const QList<EnvVar> &catalog);
void addAlerts(QVariantMap &c, const Inputs &in);

// datacontext.cpp: Backup & Disaster Recovery, Migrations, Connection Pooling, Scaling
void addBackups(QVariantMap &c, const Inputs &in);
void addMigrations(QVariantMap &c, const Inputs &in);
void addPooling(QVariantMap &c, const Inputs &in);
void addScaling(QVariantMap &c, const Inputs &in);

// healthcontext.cpp: Health Checks, Graceful Shutdown, Circuit Breakers, Retries, Request Logging
void addHealth(QVariantMap &c, const Inputs &in);
void addShutdown(QVariantMap &c, const Inputs &in);
void addCircuitBreakers(QVariantMap &c, const Inputs &in);
void addRetries(QVariantMap &c, const Inputs &in);
void addRequestLogging(QVariantMap &c, const Inputs &in);

// documentationcontext.cpp: Documentation Plan, Runbooks, API Documentation, Diagrams
void addDocumentation(QVariantMap &c, const Inputs &in);
void addRunbooks(QVariantMap &c, const Inputs &in);
void addApiDocs(QVariantMap &c, const Inputs &in);
void addDiagrams(QVariantMap &c, const Inputs &in, const QList<Diagram> &diagrams);

} // namespace contextparts

} // namespace opsflow
