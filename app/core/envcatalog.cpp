// The environment variable catalogue: which variables the answers imply, and how each is described.
#include "envcatalog.h"

#include "answerset.h"
#include "diagrams.h"
#include "knowledge.h"
#include "templatecontext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace opsflow {

namespace {

const QString Application = QStringLiteral("Application");
const QString Database = QStringLiteral("Database");
const QString Cache = QStringLiteral("Cache");
const QString Queue = QStringLiteral("Queue");
const QString Logging = QStringLiteral("Logging");
const QString Monitoring = QStringLiteral("Monitoring");
const QString Alerts = QStringLiteral("Alerts");
const QString FeatureFlags = QStringLiteral("Feature flags");
const QString SecretsManager = QStringLiteral("Secrets manager");
const QString HealthShutdown = QStringLiteral("Health & shutdown");
const QString Resilience = QStringLiteral("Circuit breaker & retries");

// The one placeholder every secret gets: obviously fake, and greppable before a release.
const QString ChangeMe = QStringLiteral("change-me");

QString number(double value)
{
    return QLocale::c().toString(value, 'g', 15);
}

// Collects variables; a name already present keeps its first entry, so two features that
// need the same variable (SQS and Secrets Manager both need AWS_REGION) list it once.
class Catalog
{
public:
    EnvVar &add(const QString &group, const QString &name, bool required, const QString &type, const QString &example,
                const QString &defaultValue, const QString &description)
    {
        if (m_names.contains(name))
            return m_ignored;
        m_names.insert(name);
        m_vars.append({name, group, required, type, example, defaultValue, description, false});
        return m_vars.last();
    }

    void addSecret(const QString &group, const QString &name, bool required, const QString &type,
                   const QString &example, const QString &description)
    {
        add(group, name, required, type, example, QString(), description).secret = true;
    }

    // In group order; within a group, in the order added.
    QList<EnvVar> sorted() const
    {
        QList<EnvVar> out;
        for (const QString &group : envGroupOrder()) {
            for (const EnvVar &var : m_vars) {
                if (var.group == group)
                    out.append(var);
            }
        }
        return out;
    }

private:
    QList<EnvVar> m_vars;
    QSet<QString> m_names;
    EnvVar m_ignored;
};

QString environmentNames(const AnswerReader &a)
{
    const QString choice = a.text("7.3", "environments");
    if (choice == QLatin1String("B"))
        return QStringLiteral("enum (development, test, staging, production)");
    if (choice == QLatin1String("C"))
        return QStringLiteral("enum (development, production)");
    return QStringLiteral("enum (development, staging, production)");
}

void addApplication(Catalog &c, const AnswerReader &a, const DeploymentFacts &facts, const QString &slug)
{
    c.add(Application, QStringLiteral("APP_ENV"), true, environmentNames(a), QStringLiteral("development"), {},
          QStringLiteral("Which environment this is; tags logs, metrics and errors."));
    const QString runtime = a.context("runtime");
    if (runtime == QLatin1String("node"))
        c.add(Application, QStringLiteral("NODE_ENV"), false, QStringLiteral("enum (development, production)"),
              QStringLiteral("development"), QStringLiteral("development"),
              environmentNames(a).contains(QLatin1String("staging"))
                  ? QStringLiteral("Node.js library mode: production in every deployed environment, staging included.")
                  : QStringLiteral("Node.js library mode: production in every deployed environment."));
    if (runtime == QLatin1String("dotnet"))
        c.add(Application, QStringLiteral("ASPNETCORE_ENVIRONMENT"), false,
              QStringLiteral("enum (Development, Staging, Production)"), QStringLiteral("Development"),
              QStringLiteral("Production"), QStringLiteral("ASP.NET Core environment name."));
    const QString port = number(facts.port);
    c.add(Application, QStringLiteral("PORT"), false, QStringLiteral("integer"), port, port,
          QStringLiteral("Port the HTTP server listens on."));
    c.add(Application, QStringLiteral("SERVICE_NAME"), false, QStringLiteral("string"), slug, slug,
          QStringLiteral("Name reported in logs, metrics and traces."));
    c.add(
        Application, QStringLiteral("APP_VERSION"), false, QStringLiteral("string"), QStringLiteral("1.2.3"), {},
        QStringLiteral(
            "Release version shown by the health check and attached to logs, errors and traces; set by the pipeline (for example the commit SHA)."));
    if (facts.platformDecided && facts.platform == DeploymentFacts::Platform::Aws)
        c.add(Application, QStringLiteral("AWS_REGION"), true, QStringLiteral("string"), exampleRegion(facts), {},
              QStringLiteral("AWS region of the service's resources."));
}

QString databaseUrlExample(DeploymentFacts::Database database, const QString &dbName)
{
    switch (database) {
    case DeploymentFacts::Database::PostgreSql:
        return QStringLiteral("postgresql://app:%1@localhost:5432/%2").arg(ChangeMe, dbName);
    case DeploymentFacts::Database::MySql:
        return QStringLiteral("mysql://app:%1@localhost:3306/%2").arg(ChangeMe, dbName);
    case DeploymentFacts::Database::MongoDb:
        return QStringLiteral("mongodb://app:%1@localhost:27017/%2").arg(ChangeMe, dbName);
    case DeploymentFacts::Database::Sqlite: return QStringLiteral("file:./data/%1.db").arg(dbName);
    case DeploymentFacts::Database::None: break;
    }
    return {};
}

void addDatabase(Catalog &c, const AnswerReader &a, const DeploymentFacts &facts, const QString &slug)
{
    if (facts.database == DeploymentFacts::Database::None)
        return;
    QString dbName = slug;
    dbName.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QString url = databaseUrlExample(facts.database, dbName);
    if (facts.database == DeploymentFacts::Database::Sqlite) {
        c.add(Database, QStringLiteral("DATABASE_URL"), true, QStringLiteral("URL"), url, {},
              QStringLiteral("Location of the SQLite database file."));
    } else {
        c.addSecret(Database, QStringLiteral("DATABASE_URL"), true, QStringLiteral("URL"), url,
                    QStringLiteral("Connection URL of the primary database, credentials included."));
    }
    if (facts.databaseScaling == DeploymentFacts::DatabaseScaling::ReadReplicas)
        c.addSecret(Database, QStringLiteral("DATABASE_READ_URL"), true, QStringLiteral("URL"), url,
                    QStringLiteral("Connection URL of the read replicas, for reads that tolerate replication lag; "
                                   "in local development, where there is no replica, the primary's URL."));
    if (a.skipped("7.7.2"))
        return;
    struct Pool {
        const char *name;
        const char *field;
        double fallback;
        const char *type;
        const char *description;
    };
    static const Pool pool[] = {
        {"DB_POOL_MIN", "min_connections", 2, "integer", "Connections each instance keeps open."},
        {"DB_POOL_MAX", "max_connections", 10, "integer",
         "Most connections one instance opens; instances × this stays below the database's limit."},
        {"DB_POOL_ACQUIRE_TIMEOUT_MS", "connection_timeout_ms", 30000, "integer (ms)",
         "How long a request waits for a free connection before it fails."},
        {"DB_POOL_IDLE_TIMEOUT_MS", "idle_timeout_ms", 600000, "integer (ms)",
         "Idle connections above the minimum are closed after this."},
        {"DB_POOL_MAX_LIFETIME_MS", "max_lifetime_ms", 1800000, "integer (ms)",
         "Connections are retired after this, before the database or a firewall cuts them."},
    };
    for (const Pool &p : pool) {
        const QString value = number(a.number("7.7.2", p.field, p.fallback));
        c.add(Database, QString::fromLatin1(p.name), false, QString::fromLatin1(p.type), value, value,
              QString::fromUtf8(p.description));
    }
}

void addCacheAndQueue(Catalog &c, const DeploymentFacts &facts, const QString &slug)
{
    using Q = DeploymentFacts::Queue;
    const bool redisCache = facts.cache == DeploymentFacts::Cache::Redis;
    const bool redisQueue = facts.queue == Q::Redis;
    if (redisCache)
        c.addSecret(
            Cache, QStringLiteral("REDIS_URL"), true, QStringLiteral("URL"), QStringLiteral("redis://localhost:6379/0"),
            redisQueue ? QStringLiteral(
                "Redis for the cache and the job queue; in deployed environments the URL carries the password.")
                       : QStringLiteral("Redis for the cache; in deployed environments the URL carries the password."));
    if (facts.cache == DeploymentFacts::Cache::Memcached)
        c.add(Cache, QStringLiteral("MEMCACHED_SERVERS"), true, QStringLiteral("host:port list"),
              QStringLiteral("localhost:11211"), {}, QStringLiteral("Memcached servers, comma-separated."));

    switch (facts.queue) {
    case Q::Redis:
        c.addSecret(Queue, QStringLiteral("REDIS_URL"), true, QStringLiteral("URL"),
                    QStringLiteral("redis://localhost:6379/0"),
                    QStringLiteral("Redis for the job queue; in deployed environments the URL carries the password."));
        break;
    case Q::RabbitMq:
        c.addSecret(Queue, QStringLiteral("AMQP_URL"), true, QStringLiteral("URL"),
                    QStringLiteral("amqp://app:%1@localhost:5672").arg(ChangeMe),
                    QStringLiteral("RabbitMQ connection URL, credentials included."));
        break;
    case Q::Sqs:
        c.add(Queue, QStringLiteral("SQS_QUEUE_URL"), true, QStringLiteral("URL"),
              QStringLiteral("http://localhost:4566/000000000000/%1-jobs").arg(slug), {},
              QStringLiteral("URL of the job queue (LocalStack locally)."));
        c.add(Queue, QStringLiteral("AWS_REGION"), true, QStringLiteral("string"), exampleRegion(facts), {},
              QStringLiteral("AWS region of the queue."));
        c.add(Queue, QStringLiteral("AWS_ENDPOINT_URL"), false, QStringLiteral("URL"),
              QStringLiteral("http://localhost:4566"), {},
              QStringLiteral("Local development only: sends AWS calls to LocalStack; unset in deployed environments."));
        break;
    case Q::Kafka:
        c.add(Queue, QStringLiteral("KAFKA_BROKERS"), true, QStringLiteral("host:port list"),
              QStringLiteral("localhost:9092"), {}, QStringLiteral("Kafka bootstrap servers, comma-separated."));
        c.add(Queue, QStringLiteral("KAFKA_CLIENT_ID"), false, QStringLiteral("string"), slug, slug,
              QStringLiteral("Client ID shown in the brokers' logs and metrics."));
        break;
    case Q::PubSub:
        c.add(Queue, QStringLiteral("GOOGLE_CLOUD_PROJECT"), true, QStringLiteral("string"),
              googleCloudProjectExample(slug), {},
              QStringLiteral("Google Cloud project of this environment's resources: the Pub/Sub topic and "
                             "subscription (the emulator takes any project name locally) and any other Google "
                             "Cloud service the app calls."));
        c.add(Queue, QStringLiteral("PUBSUB_TOPIC"), true, QStringLiteral("string"),
              QStringLiteral("%1-jobs").arg(slug), {}, QStringLiteral("Pub/Sub topic the service publishes jobs to."));
        c.add(Queue, QStringLiteral("PUBSUB_SUBSCRIPTION"), true, QStringLiteral("string"),
              QStringLiteral("%1-jobs-worker").arg(slug), {},
              QStringLiteral("Subscription that delivers the jobs to the worker."));
        c.add(Queue, QStringLiteral("PUBSUB_EMULATOR_HOST"), false, QStringLiteral("host:port"),
              QStringLiteral("localhost:8085"), {},
              QStringLiteral("Local development only: the client libraries talk to the emulator; unset in deployed "
                             "environments."));
        break;
    case Q::ServiceBus:
        // No emulator runs in the local stack: development uses a namespace in Azure.
        c.addSecret(Queue, QStringLiteral("SERVICEBUS_CONNECTION_STRING"), true, QStringLiteral("string"),
                    QStringLiteral("Endpoint=sb://%1-dev.servicebus.windows.net/;SharedAccessKeyName=app;"
                                   "SharedAccessKey=%2")
                        .arg(slug, ChangeMe),
                    QStringLiteral("Azure Service Bus connection string; locally, a development namespace in Azure."));
        c.add(Queue, QStringLiteral("SERVICEBUS_QUEUE_NAME"), true, QStringLiteral("string"),
              QStringLiteral("%1-jobs").arg(slug), {}, QStringLiteral("Service Bus queue of the jobs."));
        break;
    case Q::None: break;
    }
}

void addLogging(Catalog &c, const AnswerReader &a)
{
    const QString production = QStringLiteral("Production");
    const QString development = QStringLiteral("Development");
    c.add(Logging, QStringLiteral("LOG_LEVEL"), false, QStringLiteral("enum (trace, debug, info, warn, error)"),
          environmentLogSetting(a, development, LogSetting::Level),
          environmentLogSetting(a, production, LogSetting::Level),
          QStringLiteral("Least severe level written; the default suits production."));

    const QString format = a.text("7.9.4", "log_format");
    const bool json =
        format == QLatin1String("A") || (format.isEmpty() && a.text("7.5", "logging") == QLatin1String("C"));
    if (json || format == QLatin1String("B")) {
        const QString value = json ? QStringLiteral("json") : QStringLiteral("text");
        c.add(Logging, QStringLiteral("LOG_FORMAT"), false, QStringLiteral("enum (json, text)"), value, value,
              QStringLiteral("json writes one JSON object per line, for log aggregation."));
    }
    if (!a.rows("7.9.4", "log_levels").isEmpty())
        c.add(Logging, QStringLiteral("LOG_BODY"), false, QStringLiteral("enum (full, truncated, minimal, none)"),
              environmentLogSetting(a, development, LogSetting::BodyLogging),
              environmentLogSetting(a, production, LogSetting::BodyLogging),
              QStringLiteral("How much of request and response bodies is logged, after masking."));
}

void addMonitoring(Catalog &c, const DeploymentFacts &facts, const QString &slug)
{
    using Apm = DeploymentFacts::Apm;
    switch (facts.apm) {
    case Apm::Datadog:
        c.addSecret(Monitoring, QStringLiteral("DD_API_KEY"), true, QStringLiteral("string"), ChangeMe,
                    QStringLiteral("Datadog API key, read by the Datadog Agent."));
        c.add(Monitoring, QStringLiteral("DD_SITE"), false, QStringLiteral("string"), QStringLiteral("datadoghq.com"),
              QStringLiteral("datadoghq.com"), QStringLiteral("Datadog site of the account (datadoghq.eu in the EU)."));
        c.add(Monitoring, QStringLiteral("DD_SERVICE"), false, QStringLiteral("string"), slug, slug,
              QStringLiteral("Service name in Datadog."));
        c.add(Monitoring, QStringLiteral("DD_ENV"), false, QStringLiteral("string"), QStringLiteral("development"), {},
              QStringLiteral("Environment tag in Datadog; the same as APP_ENV."));
        c.add(Monitoring, QStringLiteral("DD_AGENT_HOST"), false, QStringLiteral("string"), QStringLiteral("localhost"),
              QStringLiteral("localhost"), QStringLiteral("Where the Datadog Agent receives traces and metrics."));
        break;
    case Apm::NewRelic:
        c.addSecret(Monitoring, QStringLiteral("NEW_RELIC_LICENSE_KEY"), true, QStringLiteral("string"), ChangeMe,
                    QStringLiteral("New Relic license (ingest) key."));
        c.add(Monitoring, QStringLiteral("NEW_RELIC_APP_NAME"), false, QStringLiteral("string"), slug, slug,
              QStringLiteral("Application name in New Relic."));
        break;
    case Apm::Sentry:
        c.addSecret(Monitoring, QStringLiteral("SENTRY_DSN"), true, QStringLiteral("URL"),
                    QStringLiteral("https://%1@o0.ingest.sentry.io/0").arg(ChangeMe),
                    QStringLiteral("Sentry project DSN: where errors and traces are sent."));
        c.add(Monitoring, QStringLiteral("SENTRY_ENVIRONMENT"), false, QStringLiteral("string"),
              QStringLiteral("development"), {}, QStringLiteral("Environment tag in Sentry; the same as APP_ENV."));
        c.add(Monitoring, QStringLiteral("SENTRY_TRACES_SAMPLE_RATE"), false, QStringLiteral("number (0 to 1)"),
              QStringLiteral("1.0"), QStringLiteral("0.1"),
              QStringLiteral("Share of requests traced for performance monitoring."));
        break;
    case Apm::OpenTelemetry:
        c.add(Monitoring, QStringLiteral("OTEL_SERVICE_NAME"), false, QStringLiteral("string"), slug, slug,
              QStringLiteral("Service name on traces, metrics and logs."));
        c.add(Monitoring, QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT"), true, QStringLiteral("URL"),
              QStringLiteral("http://localhost:4318"), {},
              QStringLiteral("OTLP endpoint of the OpenTelemetry Collector."));
        c.addSecret(
            Monitoring, QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS"), false, QStringLiteral("key=value list"),
            QStringLiteral("authorization=Bearer %1").arg(ChangeMe),
            QStringLiteral("Authentication for a hosted backend (Grafana Cloud); empty for a local Collector."));
        c.add(Monitoring, QStringLiteral("OTEL_RESOURCE_ATTRIBUTES"), false, QStringLiteral("key=value list"),
              QStringLiteral("deployment.environment=development"), {},
              QStringLiteral("Extra attributes on all telemetry; at least the environment."));
        break;
    case Apm::CloudWatch:
        c.add(Monitoring, QStringLiteral("AWS_REGION"), true, QStringLiteral("string"), exampleRegion(facts), {},
              QStringLiteral("AWS region CloudWatch metrics and logs go to."));
        c.add(Monitoring, QStringLiteral("CLOUDWATCH_NAMESPACE"), false, QStringLiteral("string"), slug, slug,
              QStringLiteral("Namespace of the service's custom metrics."));
        c.add(Monitoring, QStringLiteral("CLOUDWATCH_LOG_GROUP"), false, QStringLiteral("string"),
              QStringLiteral("/%1/development").arg(slug), {}, QStringLiteral("Log group of the service's logs."));
        break;
    case Apm::None: break;
    }
}

void addAlerts(Catalog &c, const AnswerReader &a, const DeploymentFacts &facts)
{
    const DeploymentFacts::AlertChannels &ch = facts.alertChannels;
    if (ch.email) {
        c.add(Alerts, QStringLiteral("SMTP_HOST"), true, QStringLiteral("string"), QStringLiteral("smtp.example.com"),
              {}, QStringLiteral("SMTP server that sends alert e-mails."));
        c.add(Alerts, QStringLiteral("SMTP_PORT"), false, QStringLiteral("integer"), QStringLiteral("587"),
              QStringLiteral("587"), QStringLiteral("SMTP port (587 with STARTTLS)."));
        c.add(Alerts, QStringLiteral("SMTP_USER"), true, QStringLiteral("string"), QStringLiteral("alerts@example.com"),
              {}, QStringLiteral("SMTP user name."));
        c.addSecret(Alerts, QStringLiteral("SMTP_PASSWORD"), true, QStringLiteral("string"), ChangeMe,
                    QStringLiteral("SMTP password."));
        c.add(Alerts, QStringLiteral("ALERT_EMAIL_FROM"), true, QStringLiteral("e-mail address"),
              QStringLiteral("alerts@example.com"), {}, QStringLiteral("Sender of alert e-mails."));
        c.add(Alerts, QStringLiteral("ALERT_EMAIL_TO"), true, QStringLiteral("e-mail address list"),
              QStringLiteral("team@example.com"), {}, QStringLiteral("Who receives alert e-mails, comma-separated."));
    }
    if (ch.chat)
        c.addSecret(Alerts, QStringLiteral("SLACK_WEBHOOK_URL"), true, QStringLiteral("URL"),
                    QStringLiteral("https://hooks.slack.com/services/%1").arg(ChangeMe),
                    QStringLiteral(
                        "Incoming webhook of the alerts channel (a Discord webhook URL ending in /slack works too)."));
    if (ch.pager) {
        if (a.text("7.6", "on_call_tool").contains(QLatin1String("opsgenie"), Qt::CaseInsensitive))
            c.addSecret(Alerts, QStringLiteral("OPSGENIE_API_KEY"), true, QStringLiteral("string"), ChangeMe,
                        QStringLiteral("Opsgenie API integration key that creates alerts."));
        else
            c.addSecret(Alerts, QStringLiteral("PAGERDUTY_ROUTING_KEY"), true, QStringLiteral("string"), ChangeMe,
                        QStringLiteral("PagerDuty Events API v2 routing key of the service."));
    }
    if (ch.sms) {
        c.add(Alerts, QStringLiteral("SMS_PROVIDER"), true, QStringLiteral("string"), QStringLiteral("twilio"), {},
              QStringLiteral("SMS provider that sends critical alerts."));
        c.addSecret(Alerts, QStringLiteral("SMS_API_KEY"), true, QStringLiteral("string"), ChangeMe,
                    QStringLiteral("API key (auth token) of the SMS provider."));
        c.add(Alerts, QStringLiteral("SMS_FROM"), true, QStringLiteral("phone number"), QStringLiteral("+15550100000"),
              {}, QStringLiteral("Sender number of alert SMS."));
        c.add(Alerts, QStringLiteral("ALERT_SMS_TO"), true, QStringLiteral("phone number list"),
              QStringLiteral("+15550100001"), {},
              QStringLiteral("Who receives critical alerts by SMS, comma-separated."));
    }
}

// A service's variables, as its knowledge entry gives them.
void addServiceVariables(Catalog &c, const QString &group, const ServiceKnowledge &service, const QString &slug,
                         const QString &region)
{
    for (const ServiceVariable &v : service.variables) {
        if (v.secret)
            c.addSecret(group, v.name, v.required, v.type, ChangeMe, v.about);
        else
            c.add(group, v.name, v.required, v.type,
                  QString(v.example).replace(QLatin1String("{slug}"), slug).replace(QLatin1String("{region}"), region),
                  {}, v.about);
    }
}

void addFeatureFlags(Catalog &c, const AnswerReader &a, const QString &slug)
{
    if (!a.has("7.3", "env_config", "C") && a.text("7.4.1", "strategy") != QLatin1String("D"))
        return;
    // A service OpsFlow does not know gets no invented settings.
    if (const ServiceKnowledge *flags = Knowledge::builtIn().flagService(a.text("7.3", "flag_service")))
        addServiceVariables(c, FeatureFlags, *flags, slug, {});
}

void addSecretsManager(Catalog &c, const AnswerReader &a, const DeploymentFacts &facts, const QString &slug)
{
    if (!a.has("7.3", "env_config", "B"))
        return;
    if (const ServiceKnowledge *store =
            Knowledge::builtIn().secretsStore(a.text("7.3", "secrets_store"), publicCloudId(facts)))
        addServiceVariables(c, SecretsManager, *store, slug, exampleRegion(facts));
}

void addShutdown(Catalog &c, const AnswerReader &a)
{
    if (a.text("7.9.1", "choice") != QLatin1String("A"))
        return;
    struct Timeout {
        const char *name;
        const char *field;
        double fallback;
        const char *description;
    };
    static const Timeout timeouts[] = {
        {"SHUTDOWN_TIMEOUT_SECONDS", "total_timeout_s", 30,
         "Total time a shutdown may take before the process exits anyway."},
        {"HEALTH_GRACE_PERIOD_SECONDS", "health_grace_period_s", 5,
         "How long readiness reports unavailable before the server stops accepting requests."},
        {"SHUTDOWN_STOP_ACCEPTING_SECONDS", "stop_accepting_timeout_s", 5, "Time to stop accepting new requests."},
        {"SHUTDOWN_REQUEST_TIMEOUT_SECONDS", "finish_requests_timeout_s", 20, "Time requests in flight get to finish."},
        {"SHUTDOWN_DRAIN_TIMEOUT_SECONDS", "drain_timeout_s", 15, "Time open keep-alive connections get to drain."},
        {"SHUTDOWN_DB_CLOSE_TIMEOUT_SECONDS", "db_close_timeout_s", 5, "Time to close the database connections."},
    };
    for (const Timeout &t : timeouts) {
        const QString value = number(a.number("7.9.1", t.field, t.fallback));
        c.add(HealthShutdown, QString::fromLatin1(t.name), false, QStringLiteral("integer (s)"), value, value,
              QString::fromUtf8(t.description));
    }
}

void addResilience(Catalog &c, const AnswerReader &a)
{
    if (a.text("7.9.2", "choice") == QLatin1String("A")) {
        struct Setting {
            const char *name;
            const char *field;
            double fallback;
            const char *type;
            const char *description;
        };
        static const Setting settings[] = {
            {"CIRCUIT_BREAKER_FAILURE_THRESHOLD_PERCENT", "failure_threshold_percent", 50, "integer (%)",
             "The circuit opens when this share of recent calls fails."},
            {"CIRCUIT_BREAKER_SUCCESS_THRESHOLD_PERCENT", "success_threshold_percent", 80, "integer (%)",
             "The circuit closes when this share of trial calls succeeds."},
            {"CIRCUIT_BREAKER_TIMEOUT_MS", "timeout_ms", 5000, "integer (ms)",
             "A call slower than this counts as a failure."},
            {"CIRCUIT_BREAKER_HALF_OPEN_CALLS", "half_open_retries", 3, "integer",
             "Trial calls let through while half-open."},
            {"CIRCUIT_BREAKER_RESET_TIMEOUT_SECONDS", "reset_timeout_s", 30, "integer (s)",
             "How long the circuit stays open before trial calls."},
        };
        for (const Setting &s : settings) {
            const QString value = number(a.number("7.9.2", s.field, s.fallback));
            c.add(Resilience, QString::fromLatin1(s.name), false, QString::fromLatin1(s.type), value, value,
                  QString::fromUtf8(s.description));
        }
    }
    if (a.skipped("7.9.3"))
        return;
    const QString timeout = number(a.number("7.9.3", "default_http_timeout_ms", 10000));
    const QString retries = number(a.number("7.9.3", "default_retries", 2));
    QString backoff = a.text("7.9.3", "default_backoff");
    if (backoff.isEmpty())
        backoff = QStringLiteral("exponential");
    c.add(Resilience, QStringLiteral("HTTP_TIMEOUT_MS"), false, QStringLiteral("integer (ms)"), timeout, timeout,
          QStringLiteral("Timeout of outbound HTTP calls without a policy of their own."));
    c.add(Resilience, QStringLiteral("HTTP_RETRIES"), false, QStringLiteral("integer"), retries, retries,
          QStringLiteral("Retries of a failed idempotent outbound call."));
    c.add(Resilience, QStringLiteral("HTTP_RETRY_BACKOFF"), false, QStringLiteral("enum (none, fixed, exponential)"),
          backoff, backoff, QStringLiteral("Wait between retries; exponential adds jitter."));
}

} // namespace

QStringList envGroupOrder()
{
    return {Application, Database,     Cache,          Queue,          Logging,   Monitoring,
            Alerts,      FeatureFlags, SecretsManager, HealthShutdown, Resilience};
}

QString googleCloudProjectExample(const QString &slug)
{
    return slug + QStringLiteral("-development");
}

QString exampleRegion(const DeploymentFacts &facts)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z]{2,}(-[a-z0-9]+)*-?[0-9]*$"));
    return shape.match(facts.region).hasMatch() && facts.region.size() <= 32 ? facts.region
                                                                             : QStringLiteral("us-east-1");
}

QList<EnvVar> envCatalog(const Resolver &answers, const DeploymentFacts &facts)
{
    const AnswerReader a(answers);
    const QString slug = projectSlug(facts.projectName);
    Catalog c;
    addApplication(c, a, facts, slug);
    addDatabase(c, a, facts, slug);
    addCacheAndQueue(c, facts, slug);
    addLogging(c, a);
    addMonitoring(c, facts, slug);
    addAlerts(c, a, facts);
    addFeatureFlags(c, a, slug);
    addSecretsManager(c, a, facts, slug);
    addShutdown(c, a);
    addResilience(c, a);
    QList<EnvVar> vars = c.sorted();
    // Alert delivery credentials belong to whatever sends the alerts, never to the service.
    for (EnvVar &v : vars)
        v.deploymentOnly = v.group == Alerts;
    return vars;
}

} // namespace opsflow
