// The monitoring diagram: the application, its monitoring and logging stacks, alert channels, on-call.
#include "diagramparts.h"
#include "knowledge.h"

#include <algorithm>

namespace opsflow {

using namespace diagramparts;

namespace {

// The APM's id in knowledge/monitoring.json.
QString apmId(Facts::Apm apm)
{
    switch (apm) {
    case Facts::Apm::Datadog: return QStringLiteral("datadog");
    case Facts::Apm::NewRelic: return QStringLiteral("newrelic");
    case Facts::Apm::Sentry: return QStringLiteral("sentry");
    case Facts::Apm::OpenTelemetry: return QStringLiteral("opentelemetry");
    case Facts::Apm::CloudWatch: return QStringLiteral("cloudwatch");
    case Facts::Apm::None: break;
    }
    return QStringLiteral("none");
}

// The command that shows console logs on each platform.
QString consoleLogViewer(const Facts &f)
{
    if (!f.platformDecided)
        return QStringLiteral("Platform Log Viewer");
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
    // A platform that starts instances per request keeps no count of them to show.
    const QString perRequest = perRequestScaling(f);
    w.node(QStringLiteral("App"),
           !perRequest.isEmpty()       ? QStringLiteral("API Servers<br/>") + perRequest
               : instanceCount(f) == 1 ? QStringLiteral("API Server")
                                       : QStringLiteral("API Servers<br/>%1 instances").arg(instanceCount(f)));
    w.style(QStringLiteral("App"), Infrastructure);
    if (worker)
        w.node(QStringLiteral("Worker"), QStringLiteral("Background Workers"));
    w.endGroup();

    // The APM's stack (knowledge/monitoring.json): metrics go to its metrics node, traces to
    // its traces node (none: no tracing), alerts come from AlertManager.
    const ApmStackKnowledge &stack = Knowledge::builtIn().apmStack(apmId(f.apm));
    const QString alerting = QStringLiteral("AlertManager");
    const auto tool = [&w](const QString &id, const QString &label) {
        w.node(id, label);
        w.style(id, Monitoring);
    };
    w.blankLine();
    w.beginGroup(stack.group);
    for (const auto &[id, label] : stack.nodes)
        tool(id, label);
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
    case Facts::LogStack::Datadog: {
        w.beginGroup(QStringLiteral("Logging Stack - Datadog Logs"));
        // Datadog's own APM agent ships the logs too; with another APM a log agent does.
        const bool agent = f.apm == Facts::Apm::Datadog && !stack.logAgent.isEmpty();
        if (!agent)
            w.node(QStringLiteral("LogAgent"), QStringLiteral("Datadog Agent<br/>Log Collector"));
        w.node(QStringLiteral("DatadogLogs"), QStringLiteral("Datadog Logs<br/>Indexes and Archives"), Shape::Store);
        w.style(QStringLiteral("DatadogLogs"), Data);
        logEntry = agent ? stack.logAgent : QStringLiteral("LogAgent");
        break;
    }
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

    // Alert channels, as the Alerts table routes them (alertRouting()); with an on-call
    // rotation the on-call tool takes the pages.
    const AlertRouting routing = alertRouting(f);
    QList<AlertChannel> routed = routing.critical;
    for (AlertChannel c : routing.warning) {
        if (!routed.contains(c))
            routed << c;
    }
    const auto channelId = [&f](AlertChannel c) {
        switch (c) {
        case AlertChannel::Pager: return f.onCall ? QStringLiteral("OnCall") : QStringLiteral("Pager");
        case AlertChannel::Sms: return QStringLiteral("Sms");
        case AlertChannel::Chat: return QStringLiteral("Chat");
        case AlertChannel::Email: break;
        }
        return QStringLiteral("Email");
    };
    const bool smsCriticalOnly = !routing.warning.contains(AlertChannel::Sms);
    const bool channels = std::any_of(routed.cbegin(), routed.cend(),
                                      [&f](AlertChannel c) { return c != AlertChannel::Pager || !f.onCall; });
    if (channels) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Alert Channels"));
        for (AlertChannel c : {AlertChannel::Email, AlertChannel::Chat, AlertChannel::Pager, AlertChannel::Sms}) {
            if (!routed.contains(c) || (c == AlertChannel::Pager && f.onCall))
                continue;
            const QString label = c == AlertChannel::Email ? QStringLiteral("Email")
                : c == AlertChannel::Chat                  ? QStringLiteral("Slack or Discord")
                : c == AlertChannel::Pager                 ? QStringLiteral("PagerDuty or Opsgenie")
                : smsCriticalOnly                          ? QStringLiteral("SMS<br/>Critical Only")
                                                           : QStringLiteral("SMS");
            w.node(channelId(c), label);
            w.style(channelId(c), Alert);
        }
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
    for (const QString &source : sources)
        w.edge(source, stack.metrics, stack.metricsEdge);
    for (const DiagramEdgeKnowledge &edge : stack.alertEdges)
        w.edge(edge.from, edge.to, edge.label);
    if (!stack.traces.isEmpty()) {
        w.blankLine();
        if (stack.traces != stack.metrics) {
            for (const QString &source : sources)
                w.edge(source, stack.traces, QStringLiteral("Traces"));
        }
        for (const DiagramEdgeKnowledge &edge : stack.traceEdges)
            w.edge(edge.from, edge.to, edge.label);
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
    // Each channel is told what the table says it is told. An on-call rotation without a
    // paging channel gets no edge: no alert reaches it, as the documents warn.
    QList<AlertChannel> order{AlertChannel::Email, AlertChannel::Chat};
    if (!f.onCall)
        order << AlertChannel::Pager;
    order << AlertChannel::Sms;
    if (f.onCall)
        order << AlertChannel::Pager; // the rotation's tool, drawn last
    for (AlertChannel c : std::as_const(order)) {
        const bool critical = routing.critical.contains(c);
        const bool warning = routing.warning.contains(c);
        if (critical || warning)
            w.edge(alerting, channelId(c),
                   critical && warning ? QStringLiteral("All Alerts")
                       : critical      ? QStringLiteral("Critical")
                                       : QStringLiteral("Warnings"));
    }
    if (f.onCall)
        w.edge(QStringLiteral("OnCall"), QStringLiteral("Engineer"), QStringLiteral("Page"));
    return w.text();
}

} // namespace opsflow
