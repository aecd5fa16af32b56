// Template values of the Monitoring & Logging and Alerts sections: APM, logs, metrics, alert routing.
#include "templatecontextparts.h"

#include "answerset.h"
#include "envcatalog.h"
#include "questionnaire.h"

#include <utility>

namespace opsflow::contextparts {

// ---- Monitoring and logging ------------------------------------------------------------------

namespace {

QString loggingLibrary(const QString &runtime)
{
    return Knowledge::builtIn().runtime(runtime).logging;
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
                metrics << item({{"NAME", md(m.label)}, {"WHY", Knowledge::builtIn().metricReason(m.value)}});
        }
    }
    set(c, "METRICS", metrics);
    set(c, "CUSTOM_METRICS", md(in.a.text("7.5", "custom_metrics")));
}

// ---- Alerts ----------------------------------------------------------------------------------

namespace {

// A channel's letter among the choices of 7.6 "channels".
QString channelLetter(AlertChannel channel)
{
    switch (channel) {
    case AlertChannel::Email: return QStringLiteral("A");
    case AlertChannel::Chat: return QStringLiteral("B");
    case AlertChannel::Pager: return QStringLiteral("C");
    case AlertChannel::Sms: return QStringLiteral("D");
    }
    return {};
}

// A channel as the Alerts table names it: the pager by the on-call tool the answers name.
QString channelName(AlertChannel channel, const QString &pagerName)
{
    if (channel == AlertChannel::Pager && !pagerName.isEmpty())
        return pagerName;
    const AlertChannelKnowledge *known = Knowledge::builtIn().alertChannel(channelLetter(channel));
    return known ? known->name : QString();
}

// The names the Alerts table gives the channels alertRouting() (diagrams.h) picks.
QStringList channelNames(const QList<AlertChannel> &channels, const QString &pagerName)
{
    QStringList names;
    for (AlertChannel c : channels)
        names << channelName(c, pagerName);
    return names;
}

// The on-call tool the answers name, as the pager's name; empty when none is named.
QString pagerName(const Inputs &in)
{
    const QString tool = in.a.text("7.6", "on_call_tool");
    return in.f.onCall && !tool.isEmpty() ? md(tool) : QString();
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
    const QString pager = pagerName(in);
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
    const Channels notifies = alertNotifies(in);
    const QString critical = notifies.critical.value(0);
    const QString warning = notifies.warning.value(0);
    const QString live = livenessPath(a).isEmpty() ? healthPaths(a).basic : livenessPath(a);

    // A threshold not decided yet (interactive mode) is said to be so, never replaced by the
    // questionnaire's example value. Without a database there are no database connections to
    // alert on: the recommended conditions include them, and the pool alert follows 7.7.2,
    // which is not asked then.
    const bool database = in.f.database != Facts::Database::None;
    const Field *conditions = a.resolver().questionnaire().field(QStringLiteral("7.6"), QStringLiteral("conditions"));
    QVariantList alerts;
    for (const Choice &choice : conditions ? conditions->choices : QList<Choice>{}) {
        const AlertConditionKnowledge *alert = Knowledge::builtIn().alertCondition(choice.value);
        if (!alert || !a.has("7.6", "conditions", qPrintable(choice.value)) || (!database && alert->needsDatabase))
            continue;
        QString when = alert->condition;
        if (!alert->thresholdField.isEmpty()) {
            const auto value = a.number("7.6", qPrintable(alert->thresholdField));
            when = value ? when.replace(QLatin1String("{threshold}"), num(*value)) : alert->undecided;
        }
        when.replace(QLatin1String("{liveness_path}"), live);
        alerts << item({{"ID", choice.value},
                        {"NAME", alert->name},
                        {"CONDITION", when},
                        {"SEVERITY", alert->critical ? QStringLiteral("Critical") : QStringLiteral("Warning")},
                        {"NOTIFIES", alert->critical ? critical : warning}});
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

    // In the order of 7.6's choices: email, chat, pager, SMS.
    const Facts::AlertChannels &ch = in.f.alertChannels;
    const QString pagerKey = tool.contains(QLatin1String("opsgenie"), Qt::CaseInsensitive)
        ? QStringLiteral("OPSGENIE_API_KEY")
        : QStringLiteral("PAGERDUTY_ROUTING_KEY");
    QVariantList channels;
    QString incidentChannel;
    for (const auto &[chosen, channel] :
         {std::pair{ch.email, AlertChannel::Email}, std::pair{ch.chat, AlertChannel::Chat},
          std::pair{ch.pager, AlertChannel::Pager}, std::pair{ch.sms, AlertChannel::Sms}}) {
        const AlertChannelKnowledge *known = Knowledge::builtIn().alertChannel(channelLetter(channel));
        if (!chosen || !known)
            continue;
        channels << item({{"NAME", channelName(channel, pagerName(in))},
                          {"USE", QString(known->use).replace(QLatin1String("{pager_key}"), pagerKey)}});
        if (incidentChannel.isEmpty())
            incidentChannel = known->incidentChannel;
    }
    set(c, "ALERT_CHANNELS", channels);
    set(c, "INCIDENT_CHANNEL", incidentChannel);
}

} // namespace opsflow::contextparts
