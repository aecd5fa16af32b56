// The answers turned into what the templates place: the facts, and one context per generation from its parts.
#include "templatecontext.h"

#include "answerset.h"
#include "enterprisecontext.h"
#include "healthendpoints.h"
#include "localcommandscontext.h"
#include "operatingcommands.h"
#include "operatingcommandscontext.h"
#include "resiliencecontext.h"
#include "templatecontextparts.h"

#include <QSet>

#include <cmath>

namespace opsflow {

using namespace contextparts;

// ---- AnswerReader ----------------------------------------------------------------------------

bool AnswerReader::skipped(const char *question) const
{
    return resolver().isSkipped(QString::fromLatin1(question));
}

QVariant AnswerReader::value(const char *question, const char *field) const
{
    return m_facts.field(QString::fromLatin1(question), QString::fromLatin1(field)).value;
}

QString AnswerReader::text(const char *question, const char *field) const
{
    const QVariant v = value(question, field);
    return v.typeId() == QMetaType::QString ? v.toString().trimmed() : QString();
}

std::optional<double> AnswerReader::number(const char *question, const char *field) const
{
    const QVariant v = value(question, field);
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!v.isValid() || !ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

double AnswerReader::number(const char *question, const char *field, double fallback) const
{
    return number(question, field).value_or(fallback);
}

std::optional<bool> AnswerReader::flag(const char *question, const char *field) const
{
    const QVariant v = value(question, field);
    if (v.typeId() != QMetaType::Bool)
        return std::nullopt;
    return v.toBool();
}

QStringList AnswerReader::list(const char *question, const char *field) const
{
    return value(question, field).toStringList();
}

bool AnswerReader::has(const char *question, const char *field, const char *value) const
{
    return list(question, field).contains(QString::fromLatin1(value));
}

QList<QVariantMap> AnswerReader::rows(const char *question, const char *field) const
{
    QList<QVariantMap> out;
    const QVariantList rows = value(question, field).toList();
    for (const QVariant &row : rows) {
        if (row.typeId() == QMetaType::QVariantMap)
            out.append(row.toMap());
    }
    return out;
}

QString AnswerReader::context(const char *field) const
{
    return m_facts.context(QString::fromLatin1(field)).value.toString().trimmed();
}

double AnswerReader::contextNumber(const char *field, double fallback) const
{
    bool ok = false;
    const double d = m_facts.context(QString::fromLatin1(field)).value.toDouble(&ok);
    return ok && std::isfinite(d) ? d : fallback;
}

QString environmentLogSetting(const AnswerReader &a, const QString &environment, LogSetting setting)
{
    static const QStringList levels = {QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
                                       QStringLiteral("warn"), QStringLiteral("error")};
    static const QStringList bodies = {QStringLiteral("full"), QStringLiteral("truncated"), QStringLiteral("minimal"),
                                       QStringLiteral("none")};
    const bool level = setting == LogSetting::Level;
    const bool development = environment.startsWith(QLatin1String("Development"));
    QString fallback = level ? (development ? QStringLiteral("debug") : QStringLiteral("info"))
                             : (development ? QStringLiteral("full") : QStringLiteral("minimal"));
    const QString column = level ? QStringLiteral("level") : QStringLiteral("body_logging");
    for (const QVariantMap &row : a.rows("7.9.4", "log_levels")) {
        if (row.value(QStringLiteral("environment"))
                .toString()
                .trimmed()
                .startsWith(environment, Qt::CaseInsensitive)) {
            const QString value = row.value(column).toString().trimmed().toLower();
            return (level ? levels : bodies).contains(value) ? value : fallback;
        }
    }
    return fallback;
}

QString projectSlug(const QString &projectName)
{
    QString slug;
    for (const QChar c : projectName.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.toLower().unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            slug.append(QChar(u));
        else if (c.category() != QChar::Mark_NonSpacing && !slug.isEmpty() && !slug.endsWith(u'-'))
            slug.append(u'-');
    }
    slug.truncate(48);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("app") : slug;
}

namespace {

// ---- Answers → deployment facts --------------------------------------------------------------

// The 7.1 answer as the knowledge classifies it.
PlatformMatch platformMatch(const AnswerReader &a)
{
    return Knowledge::builtIn().classify(a.text("7.1", "choice"), a.text("7.1", "platform"),
                                         a.text("7.2", "choice") != QLatin1String("B"));
}

// The diagrams' platform family: the cloud for a cloud platform (and for a cluster picked
// under "Cloud Platform"), else the platform's own kind.
Facts::Platform platformFamily(const QString &choice, const PlatformMatch &match)
{
    if (choice == QLatin1String("B"))
        return Facts::Platform::Paas;
    if (choice == QLatin1String("C"))
        return Facts::Platform::OnPremises;
    if (choice == QLatin1String("D") && match.platform) {
        if (match.platform->family == QLatin1String("swarm"))
            return Facts::Platform::DockerSwarm;
        return match.platform->family == QLatin1String("nomad") ? Facts::Platform::Nomad : Facts::Platform::Kubernetes;
    }
    if (match.cloud == QLatin1String("gcp"))
        return Facts::Platform::Gcp;
    return match.cloud == QLatin1String("azure") ? Facts::Platform::Azure : Facts::Platform::Aws;
}

Facts::Database databaseOf(const QString &id)
{
    if (id == QLatin1String("mysql"))
        return Facts::Database::MySql;
    if (id == QLatin1String("mongodb"))
        return Facts::Database::MongoDb;
    if (id == QLatin1String("sqlite"))
        return Facts::Database::Sqlite;
    if (id == QLatin1String("none"))
        return Facts::Database::None;
    return Facts::Database::PostgreSql;
}

Facts::Queue queueOf(const QString &id)
{
    if (id == QLatin1String("rabbitmq"))
        return Facts::Queue::RabbitMq;
    if (id == QLatin1String("sqs"))
        return Facts::Queue::Sqs;
    if (id == QLatin1String("kafka"))
        return Facts::Queue::Kafka;
    if (id == QLatin1String("redis"))
        return Facts::Queue::Redis;
    if (id == QLatin1String("pubsub"))
        return Facts::Queue::PubSub;
    if (id == QLatin1String("servicebus"))
        return Facts::Queue::ServiceBus;
    return Facts::Queue::None;
}

// "auto" means Redis exactly when the answers rely on a cache: its hit rate is a tracked
// metric, or circuit breakers fall back to cached data.
Facts::Cache cacheOf(const AnswerReader &a)
{
    const QString id = a.context("cache");
    if (id == QLatin1String("redis"))
        return Facts::Cache::Redis;
    if (id == QLatin1String("memcached"))
        return Facts::Cache::Memcached;
    if (id == QLatin1String("none"))
        return Facts::Cache::None;
    const bool usesCache =
        a.has("7.5", "metrics", "cache_hit_rate") || a.text("7.9.2", "fallback") == QLatin1String("A");
    return usesCache ? Facts::Cache::Redis : Facts::Cache::None;
}

Facts::Apm apmOf(const QString &choice)
{
    static const QHash<QString, Facts::Apm> apms = {{QStringLiteral("A"), Facts::Apm::Datadog},
                                                    {QStringLiteral("B"), Facts::Apm::NewRelic},
                                                    {QStringLiteral("C"), Facts::Apm::Sentry},
                                                    {QStringLiteral("D"), Facts::Apm::OpenTelemetry},
                                                    {QStringLiteral("E"), Facts::Apm::CloudWatch}};
    return apms.value(choice, Facts::Apm::None);
}

// Where logs end up: 7.9.4's aggregation when it is used, else 7.5's strategy; "centralized"
// lands in the APM's own log product when it has one, CloudWatch on AWS, else an ELK stack.
Facts::LogStack logStackOf(const AnswerReader &a, const Facts &f)
{
    QString aggregation = loggingDetail(a, "log_aggregation");
    if (aggregation.isEmpty()) {
        const QString logging = a.text("7.5", "logging");
        if (logging.isEmpty())
            return Facts::LogStack::Console;
        aggregation = logging == QLatin1String("B") ? QStringLiteral("C") : QStringLiteral("A");
    }
    if (aggregation == QLatin1String("B"))
        return Facts::LogStack::Files;
    if (aggregation == QLatin1String("C"))
        return Facts::LogStack::Console;
    if (!a.text("7.5", "log_destination").isEmpty())
        return Facts::LogStack::Named; // the one the team named
    if (f.apm == Facts::Apm::Datadog)
        return Facts::LogStack::Datadog;
    if (f.apm == Facts::Apm::CloudWatch || (f.platformDecided && f.platform == Facts::Platform::Aws))
        return Facts::LogStack::CloudWatch;
    if (f.platformDecided && (f.platform == Facts::Platform::Gcp || f.platform == Facts::Platform::Azure))
        return Facts::LogStack::Named; // the cloud's own
    return Facts::LogStack::Elk;
}

// The log service of LogStack::Named: typed, or the cloud's own (clouds.json).
QString logServiceOf(const AnswerReader &a, const Facts &f)
{
    QString typed = a.text("7.5", "log_destination");
    if (!typed.isEmpty() || f.logStack != Facts::LogStack::Named)
        return typed;
    const CloudKnowledge *cloud = Knowledge::builtIn().cloud(publicCloudId(f));
    return cloud ? cloud->logs : QString();
}

void addDependencies(const AnswerReader &a, Facts &f)
{
    QSet<QString> seen;
    for (const QVariantMap &row : a.rows("7.9.3", "policies")) {
        const QString name = row.value(QStringLiteral("service")).toString().trimmed();
        if (name.isEmpty() || seen.contains(name.toLower()))
            continue;
        seen.insert(name.toLower());
        switch (dependencyKind(name)) {
        case DependencyKind::ObjectStorage: f.objectStorage = true; break;
        case DependencyKind::External: f.externalServices.append(name); break;
        case DependencyKind::OwnStore: break;
        }
    }
}

bool isCloud(Facts::Platform p)
{
    return p == Facts::Platform::Aws || p == Facts::Platform::Gcp || p == Facts::Platform::Azure;
}

} // namespace

namespace contextparts {

// The paths the 7.9 endpoints are served on: the standard ones, or the framework's own typed.
HealthPaths healthPaths(const AnswerReader &a)
{
    HealthPaths paths;
    const auto typed = [&](const char *field, QString *path) {
        const QString value = healthPath(a.text("7.9", field));
        if (!value.isEmpty())
            *path = value;
    };
    typed("basic_path", &paths.basic);
    typed("ready_path", &paths.ready);
    typed("live_path", &paths.live);
    return paths;
}

// 7.9.4's logging detail, or empty where it is only the questionnaire's default (centralized,
// JSON) and the team answered 7.5 with basic console logs: a recommended default never
// overrides what the team chose.
QString loggingDetail(const AnswerReader &a, const char *field)
{
    const FactModel &facts = a.facts();
    const bool consoleAnswered = facts.field(QStringLiteral("7.5"), QStringLiteral("logging")).isAnswer()
        && a.text("7.5", "logging") == QLatin1String("B");
    if (consoleAnswered && !facts.field(QStringLiteral("7.9.4"), QString::fromLatin1(field)).isAnswer())
        return {};
    return a.text("7.9.4", field);
}

// The endpoint the platform probes to restart a stuck instance: liveness first.
QString livenessPath(const AnswerReader &a)
{
    return placeHealthEndpoints(a.list("7.9", "endpoints"), false, healthPaths(a)).liveness;
}

} // namespace contextparts

DeploymentFacts deploymentFacts(const Resolver &answers)
{
    const AnswerReader a(answers);
    Facts f;
    f.projectName = a.context("project_name");
    f.platformName = a.text("7.1", "platform");
    const PlatformMatch match = platformMatch(a);
    f.platform = platformFamily(a.text("7.1", "choice"), match);
    f.platformDecided = !a.text("7.1", "choice").isEmpty();
    f.platformId = match.platform ? match.platform->id : QString();
    f.cloud = match.cloud;
    f.containerized = a.text("7.2", "choice") != QLatin1String("B");
    const QString scaling = a.text("7.8", "strategy");
    f.scaling = scaling == QLatin1String("B") ? Facts::Scaling::Vertical
        : scaling == QLatin1String("C")       ? Facts::Scaling::Auto
                                              : Facts::Scaling::Horizontal;
    f.appInstances = f.scaling == Facts::Scaling::Vertical ? 1 : 2;
    // A TCP port; anything else from a hand-edited file (1e308 would overflow int) is ignored.
    const double port = a.contextNumber("port", 3000);
    f.port = port >= 1 && port <= 65535 && port == std::floor(port) ? int(port) : 3000;
    f.healthCheckPath = livenessPath(a);
    f.healthPaths = healthPaths(a);
    f.database = databaseOf(a.context("database"));
    static const QHash<QString, Facts::DatabaseScaling> dbScaling = {
        {QStringLiteral("A"), Facts::DatabaseScaling::ReadReplicas},
        {QStringLiteral("B"), Facts::DatabaseScaling::Sharding},
        {QStringLiteral("C"), Facts::DatabaseScaling::Vertical}};
    f.databaseScaling = f.database == Facts::Database::None
        ? Facts::DatabaseScaling::None
        : dbScaling.value(a.text("7.8", "db_scaling"), Facts::DatabaseScaling::None);
    f.cache = cacheOf(a);
    f.queue = queueOf(a.context("queue"));
    addDependencies(a, f);
    f.secretsService = a.has("7.3", "env_config", "B");
    if (f.secretsService && !a.text("7.3", "secrets_store").isEmpty())
        f.secretsStore = a.text("7.3", "secrets_store");
    else if (f.secretsService && !isCloud(f.platform))
        f.secretsStore = QStringLiteral("Vault");
    f.backups = f.database != Facts::Database::None && !a.text("7.7", "strategy").isEmpty();
    f.manualBackups = f.backups && a.text("7.7", "strategy") == QLatin1String("C");
    f.backupStrategy = f.backups ? a.text("7.7", "strategy") : QString();
    f.apm = apmOf(a.text("7.5", "apm"));
    f.structuredLogs =
        a.text("7.5", "logging") == QLatin1String("C") || loggingDetail(a, "log_format") == QLatin1String("A");
    f.logStack = logStackOf(a, f);
    f.logService = logServiceOf(a, f);
    f.region = a.text("7.1", "region").simplified();
    const QStringList channels = a.list("7.6", "channels");
    f.alertChannels.email = channels.contains(QStringLiteral("A"));
    f.alertChannels.chat = channels.contains(QStringLiteral("B"));
    f.alertChannels.pager = channels.contains(QStringLiteral("C"));
    f.alertChannels.sms = channels.contains(QStringLiteral("D"));
    f.onCall = a.text("7.6", "on_call") == QLatin1String("A");
    f.onCallTool = a.text("7.6", "on_call_tool");
    return f;
}

namespace {

CommandInputs commandInputs(const AnswerReader &a, const Facts &f, const PlatformMatch &match, const QString &slug)
{
    CommandInputs in;
    in.platform = &platformOrGeneric(match);
    in.slug = slug;
    in.deployTool = a.text("7.4", "deploy_tool");
    in.strategy = a.text("7.4.1", "strategy");
    in.containers = f.containerized;
    in.autoscaling = a.text("7.8", "strategy") == QLatin1String("C");
    in.migrationTool = a.skipped("7.7.1") ? QString() : a.text("7.7.1", "tool");
    if (const DatabaseKnowledge *db = databaseKnowledge(f.database))
        in.database = db->id;
    in.managedKey = managedDatabaseKey(f);
    in.cloud = match.cloud;
    in.manualBackups = a.text("7.7", "strategy") == QLatin1String("C");
    in.livenessPath = livenessPath(a).isEmpty() ? healthPaths(a).basic : livenessPath(a);
    for (const ShellVariable &v : Knowledge::builtIn().shellVariables()) {
        if (!v.answerQuestion.isEmpty())
            in.answers.insert(v.answerQuestion + u'.' + v.answerField,
                              a.text(v.answerQuestion.toLatin1().constData(), v.answerField.toLatin1().constData()));
    }
    return in;
}

// What the Enterprise sections reuse from the others, in the same words.
void addEnterpriseSections(QVariantMap &c, const Inputs &in)
{
    EnterpriseInputs e(in.a, Knowledge::builtIn().reliability());
    e.enterprise = in.a.resolver().answers().scope == Scope::Enterprise;
    e.loadBalancer = in.p.loadBalancer;
    e.apmName = apmName(in.f, in.p);
    const Channels notifies = alertNotifies(in);
    e.criticalNotifies = notifies.critical.value(0);
    e.warningNotifies = notifies.warning.value(0);
    if (in.f.database != Facts::Database::None) {
        const QString managed = managedDatabase(in);
        e.database = managed.isEmpty() ? engineName(in.f.database)
                                       : QStringLiteral("%1 (%2)").arg(engineName(in.f.database), managed);
    }
    e.cache = cacheName(in.f.cache);
    e.queue = queueName(in.f.queue);
    e.healthChecks = healthCheckKeys(in.a, in.f);
    e.endpoints = placedEndpoints(in);
    addEnterprise(c, e);

    ResilienceInputs r(in.a);
    r.enterprise = e.enterprise;
    r.platform = in.p.id.isEmpty() ? nullptr : Knowledge::builtIn().platform(in.p.id);
    r.failoverLabel = chosenLabel(in.a, "7.1", "failover");
    if (const DatabaseKnowledge *db = databaseKnowledge(in.f.database)) {
        r.databaseEngine = db->name;
        r.database = e.database;
        const QString key = managedDatabaseKey(in.f);
        r.databaseEncryption = db->encryptionAtRest.value(key.isEmpty() ? QStringLiteral("self_hosted") : key);
        r.backupsKeptIn = backupMechanism(in, in.a.text("7.7", "strategy"));
    }
    r.logsKeptIn = in.f.logStack == Facts::LogStack::Console ? in.p.logs : logStackName(in.f);
    r.tracesKeptIn = in.f.apm == Facts::Apm::None ? QString() : apmName(in.f, in.p);
    addResilience(c, r);
}

// What the Operating Commands section needs besides the commands themselves.
OperatingCommandsFacts operatingCommandsFacts(const Inputs &in)
{
    OperatingCommandsFacts f;
    f.platformName = in.p.id.isEmpty() ? QString() : Knowledge::builtIn().platform(in.p.id)->name;
    f.strategyName = chosenLabel(in.a, "7.4.1", "strategy");
    f.unknownDeployTool = md(in.cmd.unknownDeployTool());
    f.unknownMigrationTool = md(in.cmd.unknownMigrationTool());
    f.database = in.f.database != Facts::Database::None;
    f.backupsDecided = in.f.backups;
    f.manualBackups = in.a.text("7.7", "strategy") == QLatin1String("C");
    f.migrationsAsked = in.f.database != Facts::Database::None && !in.a.skipped("7.7.1");
    f.backupMechanism = backupMechanism(in, in.a.text("7.7", "strategy"));
    return f;
}

} // namespace

QString markdownUserText(const QString &text)
{
    return md(text);
}

QString markdownUserCell(const QString &text)
{
    return cell(text);
}

QList<Diagram> plannedDiagrams(const Resolver &answers, const DeploymentFacts &facts)
{
    const AnswerReader a(answers);
    if (!planned(a, "C"))
        return {};
    struct Kind {
        const char *id;
        const char *title;
        QString (*build)(const DeploymentFacts &);
    };
    static const Kind kinds[] = {
        {"system_architecture", "System Architecture", systemArchitectureDiagram},
        {"data_flow", "Data Flow", dataFlowDiagram},
        {"infrastructure", "Infrastructure", infrastructureDiagram},
        {"monitoring", "Monitoring & Observability", monitoringDiagram},
    };
    QList<Diagram> out;
    for (const Kind &k : kinds) {
        // The infrastructure diagram is the platform's resources: none until 7.1 names one.
        if (!facts.platformDecided && qstrcmp(k.id, "infrastructure") == 0)
            continue;
        if (a.has("7.10", "diagrams", k.id))
            out.append({QString::fromLatin1(k.id), QString::fromLatin1(k.title), k.build(facts)});
    }
    return out;
}

QVariantMap templateContext(const Resolver &answers, const DeploymentFacts &facts, const QList<EnvVar> &catalog,
                            const QList<Diagram> &diagrams, const std::optional<QSet<QString>> &answerNames)
{
    const AnswerReader a(answers);
    const QString slug = projectSlug(facts.projectName);
    const PlatformMatch match = platformMatch(a);
    const OperatingCommands commands =
        OperatingCommands::resolve(Knowledge::builtIn(), commandInputs(a, facts, match, slug));
    const PlatformProfile profile = platformProfile(match, facts, slug, commands);
    const Inputs in{a, facts, profile, commands, slug};

    QVariantMap c;
    addHeader(c, in);
    addDefaultsUsed(c, in);
    addPlatform(c, in);
    addContainers(c, in);
    addEnvironments(c, in);
    addCi(c, in);
    addOperatingCommands(c, commands, operatingCommandsFacts(in));
    addLocalCommands(c, a.facts().context(QStringLiteral("install_command")),
                     a.facts().context(QStringLiteral("start_command")), commands);
    addStrategy(c, in);
    addMonitoring(c, in, catalog);
    addAlerts(c, in);
    addBackups(c, in);
    addMigrations(c, in);
    addPooling(c, in);
    addScaling(c, in);
    addHealth(c, in);
    addShutdown(c, in);
    addCircuitBreakers(c, in);
    addRetries(c, in);
    addRequestLogging(c, in);
    addDocumentation(c, in);
    addRunbooks(c, in);
    addEnterpriseSections(c, in);
    addApiDocs(c, in);
    addDiagrams(c, in, diagrams);
    addEnvGroups(c, catalog);
    addEnvironmentSettings(c, in);
    addSecrets(c, in, catalog);
    addFeatureFlags(c, in);
    addAnswers(c, a, answerNames);
    return c;
}

} // namespace opsflow
