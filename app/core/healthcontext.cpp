// Template values of the 7.9 sections: health checks, shutdown, circuit breakers, retries, request logging.
#include "templatecontextparts.h"

#include "consistency.h"
#include "healthendpoints.h"

#include <cmath>

namespace opsflow::contextparts {

// ---- Health checks ---------------------------------------------------------------------------

namespace {

QString healthJson(const QStringList &checks)
{
    QStringList lines = {QStringLiteral("{"), QStringLiteral("  \"status\": \"healthy\","),
                         QStringLiteral("  \"timestamp\": \"2024-01-15T10:30:00Z\",")};
    if (checks.isEmpty()) {
        lines << QStringLiteral("  \"checks\": {},");
    } else {
        lines << QStringLiteral("  \"checks\": {");
        for (qsizetype i = 0; i < checks.size(); ++i)
            lines << QStringLiteral("    \"%1\": \"ok\"%2")
                         .arg(checks.at(i), i + 1 < checks.size() ? QStringLiteral(",") : QString());
        lines << QStringLiteral("  },");
    }
    lines << QStringLiteral("  \"version\": \"1.2.3\"") << QStringLiteral("}");
    return lines.join(QLatin1Char('\n'));
}

} // namespace

// The keys a check reports under "checks": the questionnaire's ids, typed ones in snake_case.
// A check of a store the project does not have (project settings) is left out.
QStringList healthCheckKeys(const AnswerReader &a, const Facts &f)
{
    const bool redis = f.cache == Facts::Cache::Redis || f.queue == Facts::Queue::Redis;
    QStringList keys;
    for (const QString &check : a.list("7.9", "checks")) {
        if ((check == QLatin1String("database") && f.database == Facts::Database::None)
            || (check == QLatin1String("redis") && !redis)
            || (check == QLatin1String("message_queue") && f.queue == Facts::Queue::None))
            continue;
        QString key = projectSlug(check);
        key.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (!check.trimmed().isEmpty() && !keys.contains(key))
            keys << key;
    }
    return keys;
}

// The health endpoints as every section places them. Where a failed load-balancer check also
// replaces the instance (ECS, App Service: rules.json, replacing_probes), the load balancer
// checks the shallow endpoint.
HealthEndpoints placedEndpoints(const Inputs &in)
{
    const bool lbReplaces = RulesKnowledge::builtIn().replacingProbes.value(in.p.id) == QLatin1String("load_balancer");
    return placeHealthEndpoints(in.a.list("7.9", "endpoints"), lbReplaces, in.f.healthPaths);
}

void addHealth(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const bool basic = a.has("7.9", "endpoints", "A");
    const bool ready = a.has("7.9", "endpoints", "B");
    const bool live = a.has("7.9", "endpoints", "C");
    const QStringList keys = healthCheckKeys(a, in.f);
    QStringList shownKeys;
    for (const QString &key : keys)
        shownKeys << code(key);
    const QString checks = keys.isEmpty() ? QStringLiteral("none") : joinWords(shownKeys);
    const bool kubernetes = in.p.family == QLatin1String("kubernetes");
    const bool lbReplaces = RulesKnowledge::builtIn().replacingProbes.value(in.p.id) == QLatin1String("load_balancer");
    const HealthEndpoints placed = placedEndpoints(in);
    const HealthPaths &path = in.f.healthPaths;
    // With no endpoint chosen the example still shows the liveness form.
    const QString checksPath = placed.checks.isEmpty() ? path.live : placed.checks;
    // A per-request platform's front (API Gateway, Vercel's edge) routes by no endpoint: the
    // platform's health_check says so below the table, and no row names a load balancer.
    const QString lbPath = in.p.perRequest ? QString() : placed.loadBalancer;
    const QString lbUse = lbReplaces ? QStringLiteral(", which routes traffic only to instances that answer 200 and "
                                                      "replaces those that keep failing")
                                     : QStringLiteral(", which routes traffic only to instances that answer 200");
    const auto usedBy = [&](const QString &path, const QString &own) {
        QStringList users;
        if (!own.isEmpty())
            users << own;
        if (path == lbPath)
            users << (users.isEmpty() ? QStringLiteral("The load balancer") : QStringLiteral("the load balancer"))
                    + lbUse;
        if (users.isEmpty())
            users << QStringLiteral("Deploy checks and diagnosis: it names the dependency that fails");
        return users.join(QStringLiteral("; "));
    };

    QVariantList rows;
    if (basic)
        rows << item(
            {{"PATH", path.basic},
             {"PURPOSE", QStringLiteral("Basic liveness: 200 OK while the app is running")},
             {"CHECKS", checksPath == path.basic ? checks : QStringLiteral("none")},
             {"USED_BY",
              usedBy(path.basic,
                     QStringLiteral("Uptime monitoring")
                         + (a.has("7.6", "conditions", "D") && !live ? QStringLiteral(" and the Service down alert")
                                                                     : QString()))}});
    if (ready)
        rows << item({{"PATH", path.ready},
                      {"PURPOSE", QStringLiteral("Readiness: 200 OK only when the app can handle traffic")},
                      {"CHECKS", checks},
                      {"USED_BY", usedBy(path.ready, kubernetes ? QStringLiteral("The readiness probe") : QString())}});
    // A platform with a liveness probe (rules.json, replacing_probes) restarts an instance that
    // fails it; where the load balancer's failed check replaces it, that line says so. Of the
    // others OpsFlow does not know it, so the document does not claim it.
    const bool probeRestarts =
        kubernetes || RulesKnowledge::builtIn().replacingProbes.value(in.p.id) == QLatin1String("liveness");
    const QString liveUser = in.p.perRequest ? QStringLiteral("Uptime monitoring")
        : probeRestarts ? QStringLiteral("The liveness probe, which restarts an instance that fails it")
        : lbReplaces && path.live == lbPath ? QString()
        : in.p.id.isEmpty()
        ? QStringLiteral("The platform's health check, if it restarts an instance that fails it")
        : QStringLiteral(
            "Uptime monitoring, and the platform's own health check if it restarts an instance that fails it");
    const bool downAlert = a.has("7.6", "conditions", "D");
    const QString liveUsers = liveUser.isEmpty() ? (downAlert ? QStringLiteral("The Service down alert") : QString())
        : downAlert                              ? liveUser + QStringLiteral("; the Service down alert")
                                                 : liveUser;
    if (live)
        rows << item({{"PATH", path.live},
                      {"PURPOSE", QStringLiteral("Liveness: 200 OK while the app is alive and not stuck")},
                      {"CHECKS", checksPath == path.live ? checks : QStringLiteral("none: never dependencies")},
                      {"USED_BY", usedBy(path.live, liveUsers)}});
    set(c, "HEALTH_ENDPOINTS", rows);
    set(c, "PLATFORM_HEALTH_CHECK", in.p.healthCheck);
    set(c, "HEALTH_EXAMPLE_PATH", checksPath);
    set(c, "HEALTH_JSON", healthJson(keys));
    const QString liveness = livenessPath(a);
    set(c, "LIVENESS_PATH", liveness.isEmpty() ? path.basic : liveness);
}

// ---- Graceful shutdown -----------------------------------------------------------------------

namespace {

// What the template needs to say whether the platform's stop window covers the total plus the
// margin rules.json asks for (the same margin the stop-window rules check).
void addStopWindow(QVariantMap &c, const PlatformProfile &p, double total)
{
    const int margin = RulesKnowledge::builtIn().stopMarginSeconds;
    const double needed = std::ceil(total) + margin; // a double: the total may be any JSON number
    const PlatformKnowledge::Stop &stop = p.stop;
    set(c, "STOP_ACTOR", stop.actor);
    set(c, "STOP_FIXED", stop.fixed);
    set(c, "STOP_SETTING", stop.setting);
    set(c, "STOP_WINDOW_S", num(stop.defaultSeconds));
    set(c, "STOP_MAX_S", stop.maxSeconds > 0 ? num(stop.maxSeconds) : QString());
    set(c, "STOP_MARGIN_S", num(margin));
    set(c, "STOP_NEEDED_S", num(needed));
    set(c, "STOP_FITS", needed <= stop.defaultSeconds);
    set(c, "STOP_FIT_S", num(std::max(stop.defaultSeconds - margin, 1)));
}

} // namespace

void addShutdown(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString choice = a.text("7.9.1", "choice");
    set(c, "SHUTDOWN_GRACEFUL", choice == QLatin1String("A"));
    set(c, "SHUTDOWN_DECIDED", !choice.isEmpty());
    set(c, "PLATFORM_SHUTDOWN", in.p.shutdown);
    const QStringList signalNames = chosenLabels(a, "7.9.1", "signals");
    set(c, "SHUTDOWN_SIGNALS",
        signalNames.isEmpty() ? QStringLiteral("SIGTERM") : signalNames.join(QStringLiteral(" or ")));
    const double total = a.number("7.9.1", "total_timeout_s", 30);
    set(c, "SHUTDOWN_TOTAL", secondsText(total));

    const double grace = a.number("7.9.1", "health_grace_period_s", 5);
    double stepsTotal = grace > 0 ? grace : 0; // the timeouts of the steps that have one
    QStringList steps;
    if (grace > 0) {
        steps
            << (placedEndpoints(in).loadBalancer == in.f.healthPaths.ready
                    ? QStringLiteral(
                          "Fail readiness: %1 answers 503 for %2, so the load balancer stops sending new requests before the server stops listening.")
                          .arg(code(in.f.healthPaths.ready), secondsText(grace))
                    : QStringLiteral(
                          "Keep serving for %1 while the platform takes the instance out of the load balancer.")
                          .arg(secondsText(grace)));
    }
    const double stopAccepting = a.number("7.9.1", "stop_accepting_timeout_s", 5);
    const double finishRequests = a.number("7.9.1", "finish_requests_timeout_s", 20);
    stepsTotal += stopAccepting + finishRequests;
    steps << QStringLiteral("Stop accepting new requests: close the listening socket (timeout %1).")
                 .arg(secondsText(stopAccepting));
    steps
        << QStringLiteral(
               "Finish the requests in flight (timeout %1); idle keep-alive connections are closed at once, open ones drain within %2.")
               .arg(secondsText(finishRequests), secondsText(a.number("7.9.1", "drain_timeout_s", 15)));
    if (in.f.database != Facts::Database::None) {
        const double dbClose = a.number("7.9.1", "db_close_timeout_s", 5);
        stepsTotal += dbClose;
        steps << QStringLiteral("Close the database connections: drain and close the pool (timeout %1).")
                     .arg(secondsText(dbClose));
    }
    if (a.flag("7.9.1", "close_other_connections").value_or(false)) {
        QStringList others;
        if (in.f.cache != Facts::Cache::None)
            others << cacheName(in.f.cache);
        if (in.f.queue != Facts::Queue::None && in.f.queue != Facts::Queue::Redis)
            others << queueName(in.f.queue)
                    + QStringLiteral(" (stop consuming first, so no message is half-processed)");
        others << QStringLiteral("outbound HTTP clients");
        steps << QStringLiteral("Close the other connections: %1.").arg(joinWords(others));
    }
    steps
        << QStringLiteral(
               "Exit with status 0. When the total timeout of %1 runs out first, log what was still running and exit with status 1.")
               .arg(secondsText(total));
    set(c, "SHUTDOWN_STEPS", textItems(steps));
    // The steps run one after another; when their timeouts, with the readiness grace before
    // them (which the shutdown-steps-total rule leaves out), add up to more than the total, the
    // document says which wins.
    set(c, "SHUTDOWN_STEPS_SUM", secondsText(stepsTotal));
    set(c, "SHUTDOWN_GRACE", grace > 0 ? secondsText(grace) : QString());
    set(c, "SHUTDOWN_STEPS_OVER", stepsTotal > total);
    addStopWindow(c, in.p, total);
}

// ---- Circuit breakers and retries ------------------------------------------------------------

namespace {

QString fallbackText(const QString &fallback, const Facts &f)
{
    if (fallback == QLatin1String("A"))
        return f.cache == Facts::Cache::None
            ? QStringLiteral(
                "Serve the last good response, marked as possibly stale; this needs a cache of those responses.")
            : QStringLiteral("Serve the last good response from %1, marked as possibly stale.").arg(cacheName(f.cache));
    if (fallback == QLatin1String("B"))
        return QStringLiteral(
            "Answer with a safe default or an empty result, so the rest of the response still works.");
    if (fallback == QLatin1String("C"))
        return QStringLiteral("Call a secondary provider or replica that offers the same function.");
    if (fallback == QLatin1String("D"))
        return QStringLiteral(
            "Fail fast with a clear error (503 with `Retry-After`) instead of waiting for the timeout.");
    return {};
}

QString cellNumber(const QVariant &value, const char *unit)
{
    bool ok = false;
    const double n = value.toDouble(&ok);
    if (!ok || value.toString().trimmed().isEmpty())
        return QStringLiteral("—");
    return num(n) + QLatin1String(unit);
}

} // namespace

void addCircuitBreakers(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString choice = a.text("7.9.2", "choice");
    set(c, "CIRCUIT_BREAKER", choice == QLatin1String("A"));
    set(c, "CB_DECIDED", !choice.isEmpty());
    const QString tool = a.text("7.9.2", "tool");
    const double failure = a.number("7.9.2", "failure_threshold_percent", 50);
    const QVariantList settings = {
        item({{"NAME", QStringLiteral("Tool")},
              {"VALUE", tool.isEmpty() ? QStringLiteral("the stack's resilience library") : md(tool)}}),
        item({{"NAME", QStringLiteral("Failure threshold")},
              {"VALUE",
               QStringLiteral("%1%: the circuit opens when this share of recent calls fails").arg(num(failure))}}),
        item({{"NAME", QStringLiteral("Success threshold")},
              {"VALUE",
               QStringLiteral("%1%: the circuit closes when this share of trial calls succeeds")
                   .arg(num(a.number("7.9.2", "success_threshold_percent", 80)))}}),
        item({{"NAME", QStringLiteral("Call timeout")},
              {"VALUE",
               QStringLiteral("%1: a slower call counts as a failure")
                   .arg(millisText(a.number("7.9.2", "timeout_ms", 5000)))}}),
        item({{"NAME", QStringLiteral("Half-open trial calls")},
              {"VALUE",
               QStringLiteral("%1, to test whether the dependency recovered")
                   .arg(num(a.number("7.9.2", "half_open_retries", 3)))}}),
        item({{"NAME", QStringLiteral("Reset timeout")},
              {"VALUE",
               QStringLiteral("%1: how long the circuit stays open before the trial calls")
                   .arg(secondsText(a.number("7.9.2", "reset_timeout_s", 30)))}}),
    };
    set(c, "CB_SETTINGS", settings);
    const QString fallback = a.text("7.9.2", "fallback");
    set(c, "CB_FALLBACK", chosenLabel(a, "7.9.2", "fallback"));
    set(c, "CB_FALLBACK_TEXT", fallbackText(fallback, in.f));

    QVariantList services;
    for (const QVariantMap &row : a.rows("7.9.2", "services")) {
        const QString name = row.value(QStringLiteral("service_name")).toString().trimmed();
        if (name.isEmpty())
            continue;
        bool ok = false;
        const double threshold = row.value(QStringLiteral("failure_threshold")).toDouble(&ok);
        const QString strategy = row.value(QStringLiteral("fallback_strategy")).toString().trimmed();
        services << item(
            {{"SERVICE_NAME", md(name)},
             {"FAILURE_THRESHOLD", num(ok ? threshold : failure)},
             {"FALLBACK_STRATEGY", strategy.isEmpty() ? chosenLabel(a, "7.9.2", "fallback") : md(strategy)}});
    }
    set(c, "SERVICE_TO_PROTECT", services);
}

void addRetries(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    QVariantList policies;
    for (const QVariantMap &row : a.rows("7.9.3", "policies")) {
        const QString service = row.value(QStringLiteral("service")).toString();
        if (service.trimmed().isEmpty())
            continue;
        const QString backoff = row.value(QStringLiteral("backoff")).toString();
        const QString notes = row.value(QStringLiteral("notes")).toString();
        QVariantMap policy = item({{"SERVICE", cell(service)},
                                   {"TIMEOUT", cellNumber(row.value(QStringLiteral("timeout_ms")), " ms")},
                                   {"RETRIES", cellNumber(row.value(QStringLiteral("retries")), "")},
                                   {"BACKOFF", backoff.trimmed().isEmpty() ? QStringLiteral("—") : cell(backoff)},
                                   {"NOTES", notes.trimmed().isEmpty() ? QStringLiteral("—") : cell(notes)}});
        // What counts attempts (ai-flow's templates) counts the first call and its retries.
        const QVariant retries = row.value(QStringLiteral("retries"));
        bool counted = false;
        const double n = retries.toDouble(&counted);
        if (counted && !retries.toString().trimmed().isEmpty())
            policy.insert(QStringLiteral("ATTEMPTS"), num(n + 1));
        policies << policy;
    }
    set(c, "RETRY_POLICIES", policies);
    const double timeout = a.number("7.9.3", "default_http_timeout_ms", 10000);
    const double retries = a.number("7.9.3", "default_retries", 2);
    set(c, "DEFAULT_TIMEOUT", millisText(timeout));
    set(c, "DEFAULT_RETRIES", num(retries));
    const QString backoff = a.text("7.9.3", "default_backoff");
    set(c, "DEFAULT_BACKOFF",
        backoff == QLatin1String("exponential") ? QStringLiteral("exponential, with jitter")
            : backoff == QLatin1String("fixed") ? QStringLiteral("fixed")
            : backoff == QLatin1String("none")  ? QStringLiteral("none (retry at once)")
                                                : NotDecided);
    set(c, "RETRY_WORST_CASE",
        QStringLiteral(
            "With these defaults one call can take up to (%1 + 1) × %2 = %3 before it fails, plus the waits between attempts; a request that depends on such a call needs a longer timeout of its own.")
            .arg(num(retries), num(timeout) + QStringLiteral(" ms"), secondsText((retries + 1) * timeout / 1000)));
    set(c, "NON_RETRYABLE", textItems(chosenLabels(a, "7.9.3", "non_retryable")));
}

// ---- Request logging -------------------------------------------------------------------------

void addRequestLogging(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    QVariantList levels;
    for (const QVariantMap &row : a.rows("7.9.4", "log_levels")) {
        const QString environment = row.value(QStringLiteral("environment")).toString();
        if (environment.trimmed().isEmpty())
            continue;
        const auto value = [&row](const char *key) {
            const QString v = row.value(QString::fromLatin1(key)).toString();
            return v.trimmed().isEmpty() ? QStringLiteral("—") : cell(v);
        };
        levels << item({{"ENVIRONMENT", cell(environment)},
                        {"LEVEL", value("level")},
                        {"BODY", value("body_logging")},
                        {"PERFORMANCE", value("performance_logging")}});
    }
    set(c, "LOG_LEVELS", levels);
    const QStringList request = chosenLabels(a, "7.9.4", "request_logging");
    const QStringList response = chosenLabels(a, "7.9.4", "response_logging");
    set(c, "REQUEST_FIELDS", request.isEmpty() ? QStringLiteral("nothing") : request.join(QStringLiteral("; ")));
    set(c, "RESPONSE_FIELDS", response.isEmpty() ? QStringLiteral("nothing") : response.join(QStringLiteral("; ")));
    set(c, "LOGS_BODIES", a.has("7.9.4", "request_logging", "body") || a.has("7.9.4", "response_logging", "body"));
    QVariantList masking;
    for (const QVariantMap &row : a.rows("7.9.4", "masking")) {
        const QString pattern = row.value(QStringLiteral("pattern")).toString();
        if (pattern.trimmed().isEmpty())
            continue;
        const QString strategy = row.value(QStringLiteral("strategy")).toString();
        masking << item(
            {{"PATTERN", cell(pattern)},
             {"STRATEGY", strategy.trimmed().isEmpty() ? QStringLiteral("Completely redact") : cell(strategy)}});
    }
    set(c, "MASKING", masking);
    // Where 7.5's answer (basic console logs) sets aside 7.9.4's recommended defaults, say so.
    const QString consoleLogs = QStringLiteral("as 7.5 answers: basic console logs");
    const bool formatSetAside = loggingDetail(a, "log_format").isEmpty() && !a.text("7.9.4", "log_format").isEmpty();
    set(c, "LOG_FORMAT",
        formatSetAside ? QStringLiteral("the framework's default, %1").arg(consoleLogs)
                       : chosenLabel(a, "7.9.4", "log_format"));
    const QString aggregation = loggingDetail(a, "log_aggregation");
    set(c, "LOG_AGGREGATION",
        aggregation.isEmpty() && !a.text("7.9.4", "log_aggregation").isEmpty()
            ? QStringLiteral("console only, %1").arg(consoleLogs)
            : aggregation == QLatin1String("A") ? QStringLiteral("Centralized (%1)").arg(logStackName(in.f))
                                                : chosenLabel(a, "7.9.4", "log_aggregation"));
}

} // namespace opsflow::contextparts
