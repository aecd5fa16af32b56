// Template values of the Monitoring & Logging and Alerts sections: APM, logs, metrics, alert routing.
#include "templatecontextparts.h"

#include "answerset.h"
#include "envcatalog.h"
#include "questionnaire.h"

namespace opsflow::contextparts {

// ---- Monitoring and logging ------------------------------------------------------------------

namespace {

QString loggingLibrary(const QString &runtime)
{
    return Knowledge::builtIn().runtime(runtime).logging;
}

QString metricReason(const QString &metric)
{
    static const QHash<QString, QString> reasons = {
        {QStringLiteral("request_rate"),
         QStringLiteral("The baseline every other metric is read against; a sudden drop is an outage too.")},
        {QStringLiteral("error_rate"), QStringLiteral("The first sign of a bad release or a failing dependency.")},
        {QStringLiteral("response_time"),
         QStringLiteral("p50 shows the typical request, p95 and p99 the slow tail users notice.")},
        {QStringLiteral("db_query_time"), QStringLiteral("Slow queries are the most common cause of slow responses.")},
        {QStringLiteral("cache_hit_rate"), QStringLiteral("A falling hit rate moves load onto the database.")},
        {QStringLiteral("cpu_memory"),
         QStringLiteral("Capacity: drives scaling, and memory that climbs and never falls is a leak.")}};
    return reasons.value(metric);
}

} // namespace

QString apmName(const Facts &f, const PlatformProfile &p)
{
    switch (f.apm) {
    case Facts::Apm::Datadog: return QStringLiteral("Datadog");
    case Facts::Apm::NewRelic: return QStringLiteral("New Relic");
    case Facts::Apm::Sentry: return QStringLiteral("Sentry");
    case Facts::Apm::OpenTelemetry: return QStringLiteral("Grafana");
    case Facts::Apm::CloudWatch: return QStringLiteral("CloudWatch");
    case Facts::Apm::None: break;
    }
    return p.metrics;
}

QString logStackName(const Facts &f)
{
    switch (f.logStack) {
    case Facts::LogStack::Named: return md(f.logService);
    case Facts::LogStack::Datadog: return QStringLiteral("Datadog Logs");
    case Facts::LogStack::CloudWatch: return QStringLiteral("CloudWatch Logs");
    case Facts::LogStack::Elk: return QStringLiteral("ELK stack");
    case Facts::LogStack::Files: return QStringLiteral("files with rotation");
    case Facts::LogStack::Console: break;
    }
    return QStringLiteral("console");
}

void addMonitoring(QVariantMap &c, const Inputs &in, const QList<EnvVar> &catalog)
{
    set(c, "METRICS_SERVICE", in.p.metrics);
    QStringList variables;
    for (const EnvVar &v : catalog) {
        if (v.group == QLatin1String("Monitoring"))
            variables << code(v.name);
    }
    set(c, "APM_VARIABLES", joinWords(variables));
    set(c, "APM_NAME", apmName(in.f, in.p));
    // Where the log lines go; the template says it in words.
    set(c, "LOGGING_LIBRARY", loggingLibrary(in.a.context("runtime")));
    set(c, "LOG_STACK_DATADOG", in.f.logStack == Facts::LogStack::Datadog);
    set(c, "LOG_STACK_CLOUDWATCH", in.f.logStack == Facts::LogStack::CloudWatch);
    set(c, "LOG_STACK_ELK", in.f.logStack == Facts::LogStack::Elk);
    set(c, "LOG_STACK_FILES", in.f.logStack == Facts::LogStack::Files);
    set(c, "LOG_STACK_NAMED", in.f.logStack == Facts::LogStack::Named);
    set(c, "LOG_STACK_CONSOLE", in.f.logStack == Facts::LogStack::Console);
    // Lines that stay where they are written (the platform's console, files on each server)
    // cannot be searched across instances.
    set(c, "LOG_STACK_LOCAL", in.f.logStack == Facts::LogStack::Console || in.f.logStack == Facts::LogStack::Files);
    set(c, "LOG_SERVICE", md(in.f.logService));
    set(c, "LOG_JSON_EXAMPLE", in.f.structuredLogs);

    const Field *field = in.a.resolver().questionnaire().field(QStringLiteral("7.5"), QStringLiteral("metrics"));
    const QStringList chosen = in.a.list("7.5", "metrics");
    QVariantList metrics;
    if (field) {
        for (const Choice &m : field->choices) {
            if (chosen.contains(m.value))
                metrics << item({{"NAME", md(m.label)}, {"WHY", metricReason(m.value)}});
        }
    }
    set(c, "METRICS", metrics);
    set(c, "CUSTOM_METRICS", md(in.a.text("7.5", "custom_metrics")));
}

// ---- Alerts ----------------------------------------------------------------------------------

namespace {

// The names the Alerts table gives the channels alertRouting() (diagrams.h) picks.
QStringList channelNames(const QList<AlertChannel> &channels, const QString &pagerName)
{
    QStringList names;
    for (AlertChannel c : channels) {
        switch (c) {
        case AlertChannel::Pager: names << pagerName; break;
        case AlertChannel::Sms: names << QStringLiteral("SMS"); break;
        case AlertChannel::Chat: names << QStringLiteral("Slack/Discord"); break;
        case AlertChannel::Email: names << QStringLiteral("Email"); break;
        }
    }
    return names;
}

// Requests give up on a connection after the acquire timeout, so the alert watches the waiting
// and the timeouts together rather than one wait longer than the timeout allows.
QString poolCondition(const AnswerReader &a)
{
    const auto timeout = a.number("7.7.2", "connection_timeout_ms");
    return QStringLiteral("for 1 minute, requests wait for a free database connection or time out waiting "
                          "(`DB_POOL_ACQUIRE_TIMEOUT_MS`%1)")
        .arg(timeout ? QStringLiteral(": %1 ms").arg(num(*timeout)) : QString());
}

} // namespace

// Who critical alerts and warnings notify, as the Alerts table says it.
Channels alertNotifies(const Inputs &in)
{
    const QString tool = in.a.text("7.6", "on_call_tool");
    const QString pager = in.f.onCall && !tool.isEmpty() ? md(tool) : QStringLiteral("PagerDuty/Opsgenie");
    const AlertRouting routing = alertRouting(in.f);
    const QStringList critical = channelNames(routing.critical, pager);
    const QStringList warning = channelNames(routing.warning, pager);
    return {{critical.isEmpty() ? NotDecided : critical.join(QStringLiteral(", "))},
            {warning.isEmpty() ? NotDecided : warning.join(QStringLiteral(", "))}};
}

void addAlerts(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString tool = a.text("7.6", "on_call_tool");
    const QString pager = in.f.onCall && !tool.isEmpty() ? md(tool) : QStringLiteral("PagerDuty/Opsgenie");
    const Channels notifies = alertNotifies(in);
    const QString critical = notifies.critical.value(0);
    const QString warning = notifies.warning.value(0);
    const QString live = livenessPath(a).isEmpty() ? healthPaths(a).basic : livenessPath(a);

    struct Condition {
        const char *id;
        const char *name;
        QString when;
        bool critical;
    };
    // A threshold not decided yet (interactive mode) is said to be so, never replaced by the
    // questionnaire's example value.
    const auto threshold = [&a](const char *field) {
        const auto value = a.number("7.6", field);
        return value ? num(*value) : QString();
    };
    const QString errorRate = threshold("error_rate_percent");
    const QString responseTime = threshold("response_time_ms");
    const QString disk = threshold("disk_percent");
    const QString memory = threshold("memory_percent");
    const Condition conditions[] = {
        {"A", "Error rate",
         errorRate.isEmpty()
             ? QStringLiteral("the share of failing requests over 5 minutes passes a threshold *not decided yet*")
             : QStringLiteral("more than %1% of requests fail over 5 minutes").arg(errorRate),
         true},
        {"B", "Response time",
         responseTime.isEmpty() ? QStringLiteral("p95 response time passes a threshold *not decided yet* for 5 minutes")
                                : QStringLiteral("p95 response time above %1 ms for 5 minutes").arg(responseTime),
         false},
        {"C", "5xx errors",
         QStringLiteral("server errors (5xx) well above the usual level, for example 10 in one minute"), true},
        {"D", "Service down", QStringLiteral("`%1` fails 3 checks in a row").arg(live), true},
        {"E", "Database connection failures", QStringLiteral("the service cannot open or keep database connections"),
         true},
        {"F", "Disk space",
         disk.isEmpty() ? QStringLiteral("disk use passes a threshold *not decided yet*")
                        : QStringLiteral("more than %1% of a disk is used").arg(disk),
         false},
        {"G", "Memory usage",
         memory.isEmpty() ? QStringLiteral("memory use passes a share of the limit *not decided yet* for 10 minutes")
                          : QStringLiteral("more than %1% of the memory limit for 10 minutes").arg(memory),
         false},
    };
    // Without a database there are no database connections to alert on: the recommended
    // conditions include them, and the pool alert follows 7.7.2, which is not asked then.
    const bool database = in.f.database != Facts::Database::None;
    QVariantList alerts;
    for (const Condition &cond : conditions) {
        if (!a.has("7.6", "conditions", cond.id) || (!database && qstrcmp(cond.id, "E") == 0))
            continue;
        alerts << item({{"ID", QString::fromLatin1(cond.id)},
                        {"NAME", QString::fromLatin1(cond.name)},
                        {"CONDITION", cond.when},
                        {"SEVERITY", cond.critical ? QStringLiteral("Critical") : QStringLiteral("Warning")},
                        {"NOTIFIES", cond.critical ? critical : warning}});
    }
    if (database && !alerts.isEmpty() && a.flag("7.7.2", "alert_exhaustion").value_or(false))
        alerts << item({{"ID", QStringLiteral("pool")},
                        {"NAME", QStringLiteral("Connection pool exhausted")},
                        {"CONDITION", poolCondition(a)},
                        {"SEVERITY", QStringLiteral("Warning")},
                        {"NOTIFIES", warning}});
    set(c, "ALERTS", alerts);
    set(c, "ALERT_DB", database && a.has("7.6", "conditions", "E"));
    set(c, "ALERT_DOWN", a.has("7.6", "conditions", "D"));

    const Facts::AlertChannels &ch = in.f.alertChannels;
    QVariantList channels;
    if (ch.email)
        channels << item(
            {{"NAME", QStringLiteral("Email")},
             {"USE", QStringLiteral("every alert, to the team's address (`SMTP_HOST`, `ALERT_EMAIL_TO`)")}});
    if (ch.chat)
        channels << item({{"NAME", QStringLiteral("Slack/Discord")},
                          {"USE", QStringLiteral("every alert, in the alerts channel (`SLACK_WEBHOOK_URL`)")}});
    if (ch.pager)
        channels << item({{"NAME", pager},
                          {"USE",
                           QStringLiteral("critical alerts page the person on call (`%1`)")
                               .arg(tool.contains(QLatin1String("opsgenie"), Qt::CaseInsensitive)
                                        ? QStringLiteral("OPSGENIE_API_KEY")
                                        : QStringLiteral("PAGERDUTY_ROUTING_KEY"))}});
    if (ch.sms)
        channels << item({{"NAME", QStringLiteral("SMS")},
                          {"USE", QStringLiteral("critical alerts only (`SMS_PROVIDER`, `ALERT_SMS_TO`)")}});
    set(c, "ALERT_CHANNELS", channels);
    set(c, "INCIDENT_CHANNEL", ch.chat ? QStringLiteral("the Slack/Discord incident channel") : QString());
}

} // namespace opsflow::contextparts
