// The consistency rules' arithmetic: each rule id checked on the answers, with the facts the
// documents use. Loading rules.json, their wording and assumed facts, is rulesknowledge.cpp.
#include "consistency.h"

#include "answerset.h"
#include "diagrams.h"
#include "factmodel.h"
#include "healthendpoints.h"
#include "knowledge.h"
#include "questionnaire.h"
#include "reportedvalue.h"
#include "templatecontext.h"

#include <cmath>

namespace opsflow {

QString severityId(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

// ---- The rules ----------------------------------------------------------------------------------

namespace {

QString num(double value)
{
    return QString::number(value, 'g', 15);
}

class Checker
{
public:
    Checker(const Resolver &resolver, const RulesKnowledge &rules)
        : m_resolver(resolver), m_facts(resolver), m_rules(rules), m_deployment(deploymentFacts(resolver))
    { }

    QList<RuleFinding> run()
    {
        health();
        retries();
        shutdown();
        pool();
        backups();
        alerts();
        rollback();
        containers();
        environments();
        // Errors first, each kind in the rules' order.
        QList<RuleFinding> ordered;
        for (const Severity severity : {Severity::Error, Severity::Warning}) {
            for (const QString &id : RulesKnowledge::implementedRules()) {
                for (const RuleFinding &f : std::as_const(m_found)) {
                    if (f.ruleId == id && f.severity == severity)
                        ordered << f;
                }
            }
        }
        return ordered;
    }

private:
    QVariant value(const QString &q, const QString &f) const { return m_facts.field(q, f).value; }
    std::optional<double> number(const QString &q, const QString &f) const
    {
        const QVariant v = value(q, f);
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!v.isValid() || !ok || !std::isfinite(d))
            return std::nullopt;
        return d;
    }
    QString text(const QString &q, const QString &f) const
    {
        const QVariant v = value(q, f);
        return v.typeId() == QMetaType::QString ? v.toString().trimmed() : QString();
    }
    QStringList list(const QString &q, const QString &f) const { return value(q, f).toStringList(); }
    QList<QVariantMap> rows(const QString &q, const QString &f) const
    {
        QList<QVariantMap> out;
        for (const QVariant &row : value(q, f).toList()) {
            if (row.typeId() == QMetaType::QVariantMap)
                out << row.toMap();
        }
        return out;
    }

    QString questionName(const QString &q) const
    {
        const Question *question = m_resolver.questionnaire().question(q);
        return question ? q + QLatin1Char(' ') + question->title : q;
    }
    QString fieldLabel(const QString &q, const QString &f) const
    {
        const Field *field = q == QLatin1String("context") ? m_resolver.questionnaire().contextField(f)
                                                           : m_resolver.questionnaire().field(q, f);
        return field ? field->label : f;
    }
    // "7.9.2 Circuit Breakers & Resilience, Timeout": where a value is answered, in a message.
    QString at(const QString &q, const QString &f) const
    {
        if (q == QLatin1String("context"))
            return QStringLiteral("project facts, ") + fieldLabel(q, f);
        const QString label = fieldLabel(q, f);
        // A question's main choice is labelled "Your choice": the question names it.
        if (label == QLatin1String("Your choice"))
            return questionName(q);
        return questionName(q) + QStringLiteral(", ") + label;
    }
    // "7.8 Scaling Strategy, Your strategy: Horizontal scaling": where a value is answered, and the value.
    QString atValue(const QString &q, const QString &f, const QString &value) const
    {
        return value.trimmed().isEmpty() ? at(q, f) : labelledValue(at(q, f), value);
    }
    // "7.9.2 Circuit Breakers & Resilience: Timeout 5000 ms": a value where it is answered.
    QString where(const QString &q, const QString &detail) const
    {
        const QString name = q == QLatin1String("context") ? QStringLiteral("Project facts") : questionName(q);
        return detail.trimmed().isEmpty() ? name : labelledValue(name, detail);
    }
    QString choiceLabel(const QString &q, const QString &f, const QString &v) const
    {
        const Field *field = q == QLatin1String("context") ? m_resolver.questionnaire().contextField(f)
                                                           : m_resolver.questionnaire().field(q, f);
        const Choice *choice = field ? field->choice(v) : nullptr;
        return choice ? choice->label : v;
    }

    void add(const QString &id, const QHash<QString, QString> &values, const QStringList &where,
             const QStringList &questions)
    {
        const RuleDefinition *rule = m_rules.rule(id);
        if (!rule)
            return;
        RuleFinding f;
        f.ruleId = id;
        f.severity = rule->severity;
        QString message = rule->message;
        for (auto it = values.begin(); it != values.end(); ++it)
            message.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        f.message = message.remove(QLatin1Char('`')); // platform settings are Markdown; messages are plain text
        f.where = where;
        f.questionIds = questions;
        m_found << f;
    }

    // -- 7.9 health checks against the platform's probes
    void health()
    {
        const QStringList endpoints = list(QStringLiteral("7.9"), QStringLiteral("endpoints"));
        if (endpoints.isEmpty())
            return;
        const DeploymentFacts &d = m_deployment;
        const QString probe = m_rules.replacingProbes.value(d.platformId);
        // As the documents place them: one placement for both.
        const HealthEndpoints placed =
            placeHealthEndpoints(endpoints, probe == QLatin1String("load_balancer"), d.healthPaths);
        const QString &checksPath = placed.checks;
        const QString &livenessPath = placed.liveness;
        const QString &lbPath = placed.loadBalancer;
        const bool redis = d.cache == DeploymentFacts::Cache::Redis || d.queue == DeploymentFacts::Queue::Redis;
        QStringList dependencies;
        for (const QString &check : list(QStringLiteral("7.9"), QStringLiteral("checks"))) {
            if (!m_rules.dependencyChecks.contains(check))
                continue;
            if ((check == QLatin1String("database") && d.database == DeploymentFacts::Database::None)
                || (check == QLatin1String("redis") && !redis)
                || (check == QLatin1String("message_queue") && d.queue == DeploymentFacts::Queue::None))
                continue;
            dependencies << choiceLabel(QStringLiteral("7.9"), QStringLiteral("checks"), check);
        }
        if (dependencies.isEmpty())
            return;
        const QString checks = dependencies.join(QStringLiteral(", "));
        const QString q = QStringLiteral("7.9");
        const QString endpointsAt = at(q, QStringLiteral("endpoints"));
        const QString checksAt = at(q, QStringLiteral("checks"));
        const QString checksWhere = where(q, fieldLabel(q, QStringLiteral("checks")) + QLatin1Char(' ') + checks);
        if (livenessPath == checksPath) {
            add(QStringLiteral("liveness-no-dependency"),
                {{QStringLiteral("endpoint"), livenessPath},
                 {QStringLiteral("endpoint_where"), endpointsAt},
                 {QStringLiteral("checks"), checks},
                 {QStringLiteral("checks_where"), checksAt}},
                {where(q, QStringLiteral("liveness endpoint ") + livenessPath), checksWhere}, {q});
        }
        if (probe.isEmpty())
            return;
        const QString path = probe == QLatin1String("liveness") ? livenessPath : lbPath;
        if (path != checksPath)
            return;
        const PlatformKnowledge *platform = Knowledge::builtIn().platform(d.platformId);
        const QString platformName = platform ? platform->name : d.platformId;
        add(QStringLiteral("probe-shallow"),
            {{QStringLiteral("platform"), platformName},
             {QStringLiteral("platform_where"), at(QStringLiteral("7.1"), QStringLiteral("platform"))},
             {QStringLiteral("probe"),
              probe == QLatin1String("liveness") ? QStringLiteral("liveness probe")
                                                 : QStringLiteral("load balancer health check")},
             {QStringLiteral("endpoint"), path},
             {QStringLiteral("endpoint_where"), endpointsAt},
             {QStringLiteral("checks"), checks},
             {QStringLiteral("checks_where"), checksAt}},
            {where(QStringLiteral("7.1"), platformName), where(q, QStringLiteral("probed endpoint ") + path),
             checksWhere},
            {QStringLiteral("7.1"), q});
    }

    // -- 7.9.3 retries against 7.9.2's call timeout
    static double backoffMs(const QString &text, int retries)
    {
        // "None (fail fast)" → 0; "Fixed (2s)" → 2000 per retry; "Exponential (1s,2s,4s)" →
        // those waits, doubling past the last. Without figures the wait is unknown: 0, so the
        // budget is a lower bound.
        static const QRegularExpression figure(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(ms|s)\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
        QList<double> waits;
        for (auto it = figure.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            waits << m.captured(1).toDouble()
                    * (m.captured(2).compare(QLatin1String("ms"), Qt::CaseInsensitive) == 0 ? 1 : 1000);
        }
        if (waits.isEmpty() || text.trimmed().startsWith(QLatin1String("none"), Qt::CaseInsensitive))
            return 0;
        const bool exponential = text.contains(QLatin1String("expon"), Qt::CaseInsensitive);
        double total = 0;
        double last = 0;
        for (int i = 0; i < retries; ++i) {
            if (i < waits.size())
                last = waits.at(i);
            else if (exponential)
                last *= 2;
            total += last;
        }
        return total;
    }

    void retries()
    {
        const QString breakerQ = QStringLiteral("7.9.2");
        if (text(breakerQ, QStringLiteral("choice")) != QLatin1String("A"))
            return;
        const auto breaker = number(breakerQ, QStringLiteral("timeout_ms"));
        if (!breaker)
            return;
        QStringList protectedServices;
        for (const QVariantMap &row : rows(breakerQ, QStringLiteral("services"))) {
            const QString name = row.value(QStringLiteral("service_name")).toString().trimmed();
            if (!name.isEmpty())
                protectedServices << name;
        }
        const QString q = QStringLiteral("7.9.3");
        for (const QVariantMap &row : rows(q, QStringLiteral("policies"))) {
            const QString service = row.value(QStringLiteral("service")).toString().trimmed();
            const bool isProtected =
                std::any_of(protectedServices.begin(), protectedServices.end(), [&](const QString &p) {
                    return !service.isEmpty()
                        && (p.contains(service, Qt::CaseInsensitive) || service.contains(p, Qt::CaseInsensitive));
                });
            bool okTimeout = false;
            bool okRetries = false;
            const double timeout = row.value(QStringLiteral("timeout_ms")).toDouble(&okTimeout);
            const double retries = row.value(QStringLiteral("retries")).toDouble(&okRetries);
            if (!isProtected || !okTimeout || !okRetries || timeout <= 0 || retries < 0 || retries > 100)
                continue;
            const QString backoffText = row.value(QStringLiteral("backoff")).toString().trimmed();
            const int count = int(retries);
            const double backoff = backoffMs(backoffText, count);
            const double budget = (count + 1) * timeout + backoff;
            if (budget <= *breaker)
                continue;
            QString policy = QStringLiteral("%1 timeout %2 ms × %3 retries").arg(service, num(timeout), num(count));
            if (!backoffText.isEmpty())
                policy += QStringLiteral(", backoff ") + backoffText;
            add(QStringLiteral("retry-within-breaker"),
                {{QStringLiteral("service"), service},
                 {QStringLiteral("budget_ms"), num(budget)},
                 {QStringLiteral("attempts"), num(count + 1)},
                 {QStringLiteral("timeout_ms"), num(timeout)},
                 {QStringLiteral("retries"), num(count)},
                 {QStringLiteral("backoff_ms"), num(backoff)},
                 {QStringLiteral("policy_where"), at(q, QStringLiteral("policies"))},
                 {QStringLiteral("breaker_ms"), num(*breaker)},
                 {QStringLiteral("breaker_where"), at(breakerQ, QStringLiteral("timeout_ms"))}},
                {where(q, policy),
                 where(breakerQ,
                       fieldLabel(breakerQ, QStringLiteral("timeout_ms")) + QLatin1Char(' ') + num(*breaker)
                           + QStringLiteral(" ms"))},
                {q, breakerQ});
        }
    }

    // -- 7.9.1 shutdown steps against its total and the platform's stop window
    void shutdown()
    {
        const QString q = QStringLiteral("7.9.1");
        if (text(q, QStringLiteral("choice")) != QLatin1String("A"))
            return;
        const auto total = number(q, QStringLiteral("total_timeout_s"));
        if (!total)
            return;
        const QString totalWhere =
            where(q, QStringLiteral("%1 %2 s").arg(fieldLabel(q, QStringLiteral("total_timeout_s")), num(*total)));
        const auto stop = number(q, QStringLiteral("stop_accepting_timeout_s"));
        const auto finish = number(q, QStringLiteral("finish_requests_timeout_s"));
        const auto db = number(q, QStringLiteral("db_close_timeout_s"));
        if (stop && finish && db && *stop + *finish + *db > *total) {
            add(QStringLiteral("shutdown-steps-total"),
                {{QStringLiteral("steps_s"), num(*stop + *finish + *db)},
                 {QStringLiteral("stop_s"), num(*stop)},
                 {QStringLiteral("finish_s"), num(*finish)},
                 {QStringLiteral("db_s"), num(*db)},
                 {QStringLiteral("steps_where"), questionName(q) + QStringLiteral(", shutdown sequence steps 1–3")},
                 {QStringLiteral("total_s"), num(*total)},
                 {QStringLiteral("total_where"), at(q, QStringLiteral("total_timeout_s"))}},
                {where(q, QStringLiteral("shutdown steps %1 + %2 + %3 s").arg(num(*stop), num(*finish), num(*db))),
                 totalWhere},
                {q});
        }
        const PlatformKnowledge *platform = Knowledge::builtIn().platform(m_deployment.platformId);
        if (!platform || platform->stop.actor.isEmpty())
            return;
        const PlatformKnowledge::Stop &window = platform->stop;
        const double needed = std::ceil(*total) + m_rules.stopMarginSeconds;
        const int longest = window.fixed ? window.defaultSeconds : window.maxSeconds;
        QHash<QString, QString> values = {
            {QStringLiteral("actor"), window.actor},
            {QStringLiteral("platform"), platform->name},
            {QStringLiteral("platform_where"), at(QStringLiteral("7.1"), QStringLiteral("platform"))},
            {QStringLiteral("total_s"), num(*total)},
            {QStringLiteral("total_where"), at(q, QStringLiteral("total_timeout_s"))},
            {QStringLiteral("margin_s"), num(m_rules.stopMarginSeconds)},
            {QStringLiteral("needed_s"), num(needed)}};
        if (longest > 0 && needed > longest) {
            values.insert(QStringLiteral("window_s"), num(longest));
            // The recommended answers never block generation: a default that the platform
            // cannot honour is the questionnaire's fault, reported with the total that fits.
            const bool answered = m_facts.field(q, QStringLiteral("total_timeout_s")).isAnswer();
            if (!answered)
                values.insert(QStringLiteral("fit_s"), num(std::max(longest - m_rules.stopMarginSeconds, 1)));
            add(answered ? QStringLiteral("stop-window-limit") : QStringLiteral("stop-window-limit-default"), values,
                {where(QStringLiteral("7.1"),
                       QStringLiteral("%1, stop window at most %2 s").arg(platform->name, num(longest))),
                 totalWhere},
                {QStringLiteral("7.1"), q});
        } else if (!window.fixed && needed > window.defaultSeconds) {
            values.insert(QStringLiteral("window_s"), num(window.defaultSeconds));
            values.insert(QStringLiteral("setting"), window.setting);
            add(QStringLiteral("stop-window-setting"), values,
                {where(
                     QStringLiteral("7.1"),
                     QStringLiteral("%1, stop window %2 s by default").arg(platform->name, num(window.defaultSeconds))),
                 totalWhere},
                {QStringLiteral("7.1"), q});
        }
    }

    // -- 7.7.2 pool sizes
    void pool()
    {
        const QString q = QStringLiteral("7.7.2");
        const auto min = number(q, QStringLiteral("min_connections"));
        const auto max = number(q, QStringLiteral("max_connections"));
        if (!max)
            return;
        const QString maxWhere =
            where(q, QStringLiteral("%1 %2").arg(fieldLabel(q, QStringLiteral("max_connections")), num(*max)));
        if (min && *min > *max) {
            add(QStringLiteral("pool-min-max"),
                {{QStringLiteral("min"), num(*min)},
                 {QStringLiteral("min_where"), at(q, QStringLiteral("min_connections"))},
                 {QStringLiteral("max"), num(*max)},
                 {QStringLiteral("max_where"), at(q, QStringLiteral("max_connections"))}},
                {where(q, QStringLiteral("%1 %2").arg(fieldLabel(q, QStringLiteral("min_connections")), num(*min))),
                 maxWhere},
                {q});
        }
        const QString database = m_facts.context(QStringLiteral("database")).value.toString();
        if (!m_rules.databaseLimits.contains(database))
            return;
        const RulesKnowledge::DatabaseLimit limit = m_rules.databaseLimits.value(database);
        const QString strategy = text(QStringLiteral("7.8"), QStringLiteral("strategy"));
        if (!m_rules.instances.contains(strategy))
            return;
        const int instances = m_rules.instances.value(strategy);
        const double total = instances * *max;
        if (total <= limit.maxConnections)
            return;
        const QString strategyLabel = choiceLabel(QStringLiteral("7.8"), QStringLiteral("strategy"), strategy);
        const QString databaseLabel = choiceLabel(QStringLiteral("context"), QStringLiteral("database"), database);
        add(QStringLiteral("pool-database-limit"),
            {{QStringLiteral("instances"), num(instances)},
             {QStringLiteral("instances_where"),
              atValue(QStringLiteral("7.8"), QStringLiteral("strategy"), strategyLabel)},
             {QStringLiteral("max"), num(*max)},
             {QStringLiteral("max_where"), at(q, QStringLiteral("max_connections"))},
             {QStringLiteral("total"), num(total)},
             {QStringLiteral("limit"), num(limit.maxConnections)},
             {QStringLiteral("limit_source"), limit.source},
             {QStringLiteral("database"), databaseLabel},
             {QStringLiteral("database_where"),
              atValue(QStringLiteral("context"), QStringLiteral("database"), databaseLabel)}},
            {where(QStringLiteral("7.8"),
                   QStringLiteral("%1, at least %2 instances").arg(strategyLabel, num(instances))),
             maxWhere,
             where(QStringLiteral("context"),
                   QStringLiteral("%1, %2 connections assumed (%3)")
                       .arg(databaseLabel, num(limit.maxConnections), limit.source))},
            {QStringLiteral("7.8"), q});
    }

    // -- 7.7 RPO against what the backups can lose
    void backups()
    {
        const QString q = QStringLiteral("7.7");
        const QString strategy = text(q, QStringLiteral("strategy"));
        const auto rpo = number(q, QStringLiteral("rpo_minutes"));
        if (!rpo || !m_rules.backupDataLossMinutes.contains(strategy))
            return;
        const int loss = m_rules.backupDataLossMinutes.value(strategy);
        if (*rpo >= loss)
            return;
        const QString label = choiceLabel(q, QStringLiteral("strategy"), strategy);
        add(QStringLiteral("rpo-backups"),
            {{QStringLiteral("rpo_min"), num(*rpo)},
             {QStringLiteral("rpo_where"), at(q, QStringLiteral("rpo_minutes"))},
             {QStringLiteral("loss_min"), num(loss)},
             {QStringLiteral("backups"), label},
             {QStringLiteral("backups_where"), at(q, QStringLiteral("strategy"))}},
            {where(q, QStringLiteral("RPO %1 minutes").arg(num(*rpo))),
             where(q, QStringLiteral("%1, up to %2 minutes of data lost").arg(label, num(loss)))},
            {q});
    }

    // "Disk space > 80%" → "Disk space": the seed's example threshold is not the answer's.
    QString conditionName(const QString &condition) const
    {
        return choiceLabel(QStringLiteral("7.6"), QStringLiteral("conditions"), condition)
            .section(QStringLiteral(" > "), 0, 0)
            .trimmed();
    }

    // -- 7.6 alerts that can never fire
    void alerts()
    {
        const QString q = QStringLiteral("7.6");
        const QStringList conditions = list(q, QStringLiteral("conditions"));
        const QString conditionsAt = at(q, QStringLiteral("conditions"));
        for (const QString &condition : conditions) {
            const QString label = conditionName(condition);
            const QString fieldId = m_rules.alertThresholds.value(condition);
            const auto threshold = fieldId.isEmpty() ? std::nullopt : number(q, fieldId);
            if (threshold && *threshold >= 100) {
                add(QStringLiteral("alert-threshold-unreachable"),
                    {{QStringLiteral("condition"), label},
                     {QStringLiteral("condition_where"), conditionsAt},
                     {QStringLiteral("threshold"), num(*threshold)},
                     {QStringLiteral("threshold_where"), at(q, fieldId)}},
                    {where(q, QStringLiteral("alert ") + label),
                     where(q, QStringLiteral("%1 %2%").arg(fieldLabel(q, fieldId), num(*threshold)))},
                    {q});
            }
        }
        const QString metricsQ = QStringLiteral("7.5");
        if (!value(metricsQ, QStringLiteral("metrics")).isValid())
            return; // 7.5 not used: nothing says what is tracked
        const QStringList metrics = list(metricsQ, QStringLiteral("metrics"));
        for (const QString &condition : conditions) {
            const QString metric = m_rules.alertMetrics.value(condition);
            if (metric.isEmpty() || metrics.contains(metric))
                continue;
            const QString label = conditionName(condition);
            const QString metricLabel = choiceLabel(metricsQ, QStringLiteral("metrics"), metric);
            add(QStringLiteral("alert-metric-untracked"),
                {{QStringLiteral("condition"), label},
                 {QStringLiteral("condition_where"), conditionsAt},
                 {QStringLiteral("metric"), metricLabel},
                 {QStringLiteral("metrics_where"), at(metricsQ, QStringLiteral("metrics"))}},
                {where(q, QStringLiteral("alert ") + label),
                 where(metricsQ, metricLabel + QStringLiteral(" not tracked"))},
                {q, metricsQ});
        }
    }

    // -- 7.4.1's rollback step against the tool it needs
    void rollback()
    {
        const QString q = QStringLiteral("7.4.1");
        const QString strategy = text(q, QStringLiteral("strategy"));
        for (const RulesKnowledge::RollbackTool &t : m_rules.rollbackTools) {
            const QVariant answered = value(t.question, t.field);
            if (t.strategy != strategy || !answered.isValid() || answered.toStringList().contains(t.value))
                continue;
            const QString label = choiceLabel(q, QStringLiteral("strategy"), strategy);
            const QString tool = choiceLabel(t.question, t.field, t.value);
            add(QStringLiteral("rollback-deploy-tool"),
                {{QStringLiteral("strategy"), label},
                 {QStringLiteral("strategy_where"), at(q, QStringLiteral("strategy"))},
                 {QStringLiteral("step"), t.step},
                 {QStringLiteral("tool"), tool},
                 {QStringLiteral("tool_where"), at(t.question, t.field)}},
                {where(q, label),
                 where(t.question, fieldLabel(t.question, t.field) + QStringLiteral(" without ") + tool)},
                {q, t.question});
        }
    }

    // -- 7.1's platform against 7.2: a platform that runs only containers
    void containers()
    {
        const QString q = QStringLiteral("7.2");
        const QString field = QStringLiteral("choice");
        if (text(q, field) != QLatin1String("B") || !m_rules.containerPlatforms.contains(m_deployment.platformId))
            return;
        const PlatformKnowledge *platform = Knowledge::builtIn().platform(m_deployment.platformId);
        if (!platform)
            return;
        const QString none = choiceLabel(q, field, QStringLiteral("B"));
        add(QStringLiteral("platform-containers"),
            {{QStringLiteral("platform"), platform->name},
             {QStringLiteral("platform_where"), at(QStringLiteral("7.1"), QStringLiteral("platform"))},
             {QStringLiteral("containers_where"), atValue(q, field, none)}},
            {where(QStringLiteral("7.1"), platform->name), where(q, none)}, {QStringLiteral("7.1"), q});
    }

    // -- environments named elsewhere against 7.3
    void environments()
    {
        const QString envQ = QStringLiteral("7.3");
        const QString choice = text(envQ, QStringLiteral("environments"));
        if (!m_rules.environments.contains(choice))
            return;
        const QStringList answered = m_rules.environments.value(choice);
        QStringList answeredLabels;
        QHash<QString, QString> labels;
        for (const RulesKnowledge::EnvironmentName &env : m_rules.environmentNames)
            labels.insert(env.id, env.label);
        for (const QString &id : answered)
            answeredLabels << labels.value(id);
        const QString envLabel = choiceLabel(envQ, QStringLiteral("environments"), choice);
        const auto report = [&](const QString &q, const QString &f, const QString &item, const QString &name,
                                const QString &environment) {
            add(QStringLiteral("environment-names"),
                {{QStringLiteral("item"), item},
                 {QStringLiteral("item_where"), at(q, f)},
                 {QStringLiteral("environment"), labels.value(environment)},
                 {QStringLiteral("environments"), answeredLabels.join(QStringLiteral(", "))},
                 {QStringLiteral("environments_where"), atValue(envQ, QStringLiteral("environments"), envLabel)}},
                {where(q, QStringLiteral("%1 \"%2\"").arg(fieldLabel(q, f), name)),
                 where(envQ, QStringLiteral("%1 (%2)").arg(envLabel, answeredLabels.join(QStringLiteral(", "))))},
                {q, envQ});
        };
        for (const RulesKnowledge::EnvironmentMention &m : m_rules.environmentMentions) {
            const QVariant v = value(m.question, m.field);
            if (!m.column.isEmpty()) {
                for (const QVariantMap &row : rows(m.question, m.field)) {
                    const QString name = row.value(m.column).toString().trimmed();
                    const QString id = environmentOf(name);
                    if (!id.isEmpty() && !answered.contains(id))
                        report(m.question, m.field, QStringLiteral("The row \"%1\"").arg(name), name, id);
                }
                continue;
            }
            if (m.onlyAnswered && !m_facts.field(m.question, m.field).isAnswer())
                continue;
            const bool chosen =
                v.typeId() == QMetaType::QString ? v.toString() == m.value : v.toStringList().contains(m.value);
            if (chosen && !answered.contains(m.environment)) {
                const QString name = choiceLabel(m.question, m.field, m.value);
                report(m.question, m.field, QStringLiteral("The choice \"%1\"").arg(name), name, m.environment);
            }
        }
    }

    QString environmentOf(const QString &name) const
    {
        for (const RulesKnowledge::EnvironmentName &env : m_rules.environmentNames) {
            if (std::any_of(env.match.begin(), env.match.end(),
                            [&](const QRegularExpression &re) { return re.match(name).hasMatch(); }))
                return env.id;
        }
        return {};
    }

    const Resolver &m_resolver;
    FactModel m_facts;
    const RulesKnowledge &m_rules;
    DeploymentFacts m_deployment;
    QList<RuleFinding> m_found;
};

} // namespace

QList<RuleFinding> checkConsistency(const Resolver &resolver, const RulesKnowledge &rules)
{
    return Checker(resolver, rules).run();
}

QList<RuleFinding> checkAnswers(const Resolver &resolver)
{
    QList<RuleFinding> findings = checkConsistency(resolver);
    QSet<QString> spokenFor;
    for (const RuleFinding &finding : std::as_const(findings)) {
        for (const QString &id : finding.questionIds)
            spokenFor.insert(id);
    }
    for (const Issue &issue : failedAnsweredChecks(resolver)) {
        if (spokenFor.contains(issue.questionId))
            continue;
        const Question *question = resolver.questionnaire().question(issue.questionId);
        const QString where = question ? question->id + QLatin1Char(' ') + question->title : issue.questionId;
        findings.append({QStringLiteral("questionnaire-check"),
                         issue.warning ? Severity::Warning : Severity::Error,
                         QStringLiteral("%1: %2").arg(where, issue.message),
                         {where},
                         {issue.questionId}});
    }
    return findings;
}

bool hasErrors(const QList<RuleFinding> &findings)
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const RuleFinding &f) { return f.severity == Severity::Error; });
}

QString findingLine(const RuleFinding &finding)
{
    return severityId(finding.severity) + QStringLiteral(": ") + finding.message;
}

} // namespace opsflow
