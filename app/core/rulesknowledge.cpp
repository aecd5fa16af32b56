// Loading resources/knowledge/rules.json strictly: each rule's wording and the facts the rules
// assume, checked against the questionnaire and the platforms. consistency.cpp does the
// arithmetic of each rule on the answers; reading the file is a job of its own.
#include "consistency.h"

#include "jsonschema.h"
#include "knowledge.h"
#include "knowledgefile.h"
#include "questionnaire.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace opsflow {

namespace {

// Every rule id and the placeholders its message may use.
const QList<QPair<QString, QStringList>> &ruleSpecs()
{
    static const QList<QPair<QString, QStringList>> specs = {
        {QStringLiteral("liveness-no-dependency"), {"endpoint", "endpoint_where", "checks", "checks_where"}},
        {QStringLiteral("probe-shallow"),
         {"platform", "platform_where", "probe", "endpoint", "endpoint_where", "checks", "checks_where"}},
        {QStringLiteral("retry-within-breaker"),
         {"service", "budget_ms", "attempts", "timeout_ms", "retries", "backoff_ms", "policy_where", "breaker_ms",
          "breaker_where"}},
        {QStringLiteral("shutdown-steps-total"),
         {"steps_s", "stop_s", "finish_s", "db_s", "steps_where", "total_s", "total_where"}},
        {QStringLiteral("stop-window-setting"),
         {"actor", "window_s", "platform", "platform_where", "total_s", "total_where", "margin_s", "setting",
          "needed_s"}},
        {QStringLiteral("stop-window-limit"),
         {"actor", "window_s", "platform", "platform_where", "total_s", "total_where", "margin_s", "needed_s"}},
        {QStringLiteral("stop-window-limit-default"),
         {"actor", "window_s", "platform", "platform_where", "total_s", "total_where", "margin_s", "fit_s"}},
        {QStringLiteral("pool-min-max"), {"min", "min_where", "max", "max_where"}},
        {QStringLiteral("pool-database-limit"),
         {"instances", "instances_where", "max", "max_where", "total", "limit", "limit_source", "database",
          "database_where"}},
        {QStringLiteral("rpo-backups"), {"rpo_min", "rpo_where", "loss_min", "backups", "backups_where"}},
        {QStringLiteral("alert-threshold-unreachable"),
         {"condition", "condition_where", "threshold", "threshold_where"}},
        {QStringLiteral("alert-metric-untracked"), {"condition", "condition_where", "metric", "metrics_where"}},
        {QStringLiteral("rollback-deploy-tool"), {"strategy", "strategy_where", "step", "tool", "tool_where"}},
        {QStringLiteral("platform-containers"), {"platform", "platform_where", "containers_where"}},
        {QStringLiteral("environment-names"),
         {"item", "item_where", "environment", "environments", "environments_where"}},
    };
    return specs;
}

QString fileName()
{
    return QStringLiteral("knowledge/rules.json");
}

bool isChoiceOf(const Questionnaire &q, const QString &questionId, const QString &fieldId, const QString &value)
{
    const Field *field =
        questionId == QLatin1String("context") ? q.contextField(fieldId) : q.field(questionId, fieldId);
    return field && field->choice(value);
}

// "{name}" placeholders of a message.
QStringList placeholders(const QString &message)
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z_]+)\\}"));
    QStringList out;
    for (auto it = re.globalMatch(message); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

} // namespace

QStringList RulesKnowledge::implementedRules()
{
    QStringList ids;
    for (const auto &spec : ruleSpecs())
        ids << spec.first;
    return ids;
}

const RuleDefinition *RulesKnowledge::rule(const QString &id) const
{
    for (const RuleDefinition &r : m_rules) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

std::optional<RulesKnowledge> RulesKnowledge::load(const QString &root, const Questionnaire &q,
                                                   const Knowledge &knowledge, QString *error)
{
    const QString name = fileName();
    const auto schema = readKnowledgeSchema(root + QStringLiteral("/rules.schema.json"),
                                            QStringLiteral("knowledge/rules.schema.json"), error);
    if (!schema)
        return std::nullopt;
    const auto object = readValidKnowledge(root + QStringLiteral("/rules.json"), name, *schema, error);
    if (!object)
        return std::nullopt;
    const auto fail = [&](const QString &key, const QString &problem) {
        *error = QStringLiteral("%1: %2: %3").arg(name, key, problem);
        return std::nullopt;
    };

    RulesKnowledge k;
    // Rules: exactly the implemented ids, each message using only its rule's placeholders.
    const QJsonObject rules = object->value(QLatin1String("rules")).toObject();
    const QStringList ids = implementedRules();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        if (!ids.contains(it.key()))
            return fail(QStringLiteral("rules.") + it.key(), QStringLiteral("unknown rule"));
    }
    for (const auto &spec : ruleSpecs()) {
        if (!rules.contains(spec.first))
            return fail(QStringLiteral("rules"), QStringLiteral("the rule \"%1\" is missing").arg(spec.first));
        const QJsonObject o = rules.value(spec.first).toObject();
        RuleDefinition r;
        r.id = spec.first;
        r.severity = o.value(QLatin1String("severity")).toString() == QLatin1String("error") ? Severity::Error
                                                                                             : Severity::Warning;
        r.summary = o.value(QLatin1String("summary")).toString();
        r.message = o.value(QLatin1String("message")).toString();
        for (const QString &p : placeholders(r.message)) {
            if (!spec.second.contains(p))
                return fail(QStringLiteral("rules.%1.message").arg(r.id),
                            QStringLiteral("unknown placeholder {%1}").arg(p));
        }
        k.m_rules << r;
    }

    const QJsonObject limits = object->value(QLatin1String("database_limits")).toObject();
    for (auto it = limits.begin(); it != limits.end(); ++it) {
        if (!isChoiceOf(q, QStringLiteral("context"), QStringLiteral("database"), it.key()))
            return fail(QStringLiteral("database_limits.") + it.key(), QStringLiteral("not a database of the context"));
        const QJsonObject o = it.value().toObject();
        k.databaseLimits.insert(
            it.key(), {o.value(QLatin1String("max_connections")).toInt(), o.value(QLatin1String("source")).toString()});
    }
    const QJsonObject instances = object->value(QLatin1String("instances")).toObject();
    for (auto it = instances.begin(); it != instances.end(); ++it) {
        if (!isChoiceOf(q, QStringLiteral("7.8"), QStringLiteral("strategy"), it.key()))
            return fail(QStringLiteral("instances.") + it.key(), QStringLiteral("not a choice of 7.8 strategy"));
        k.instances.insert(it.key(), it.value().toInt());
    }
    for (const QJsonValue &v : object->value(QLatin1String("container_platforms")).toArray()) {
        if (!knowledge.platform(v.toString()))
            return fail(QStringLiteral("container_platforms"),
                        QStringLiteral("\"%1\" is no such platform").arg(v.toString()));
        k.containerPlatforms << v.toString();
    }
    const QJsonObject probes = object->value(QLatin1String("replacing_probes")).toObject();
    for (auto it = probes.begin(); it != probes.end(); ++it) {
        if (!knowledge.platform(it.key()))
            return fail(QStringLiteral("replacing_probes.") + it.key(), QStringLiteral("no such platform"));
        k.replacingProbes.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue &v : object->value(QLatin1String("dependency_checks")).toArray()) {
        if (!isChoiceOf(q, QStringLiteral("7.9"), QStringLiteral("checks"), v.toString()))
            return fail(QStringLiteral("dependency_checks"),
                        QStringLiteral("\"%1\" is not a choice of 7.9 checks").arg(v.toString()));
        k.dependencyChecks << v.toString();
    }
    k.stopMarginSeconds = object->value(QLatin1String("stop_margin_s")).toInt();
    const QJsonObject backups = object->value(QLatin1String("backups")).toObject();
    for (auto it = backups.begin(); it != backups.end(); ++it) {
        if (!isChoiceOf(q, QStringLiteral("7.7"), QStringLiteral("strategy"), it.key()))
            return fail(QStringLiteral("backups.") + it.key(), QStringLiteral("not a choice of 7.7 strategy"));
        const QJsonObject backup = it.value().toObject();
        k.backupDataLossMinutes.insert(it.key(), backup.value(QLatin1String("data_loss_minutes")).toInt());
        k.backupIntervalMinutes.insert(it.key(), backup.value(QLatin1String("interval_minutes")).toInt());
        if (backup.contains(QLatin1String("diagram")))
            k.backupDiagramEdges.insert(it.key(), backup.value(QLatin1String("diagram")).toString());
    }
    const QJsonObject thresholds = object->value(QLatin1String("alert_thresholds")).toObject();
    for (auto it = thresholds.begin(); it != thresholds.end(); ++it) {
        const QString key = QStringLiteral("alert_thresholds.") + it.key();
        if (!isChoiceOf(q, QStringLiteral("7.6"), QStringLiteral("conditions"), it.key()))
            return fail(key, QStringLiteral("not a choice of 7.6 conditions"));
        const Field *field = q.field(QStringLiteral("7.6"), it.value().toString());
        if (!field || field->type != Field::Type::Number || field->unit != QLatin1String("%"))
            return fail(key, QStringLiteral("\"%1\" is not a percentage field of 7.6").arg(it.value().toString()));
        k.alertThresholds.insert(it.key(), it.value().toString());
    }
    const QJsonObject metrics = object->value(QLatin1String("alert_metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        const QString key = QStringLiteral("alert_metrics.") + it.key();
        if (!isChoiceOf(q, QStringLiteral("7.6"), QStringLiteral("conditions"), it.key()))
            return fail(key, QStringLiteral("not a choice of 7.6 conditions"));
        if (!isChoiceOf(q, QStringLiteral("7.5"), QStringLiteral("metrics"), it.value().toString()))
            return fail(key, QStringLiteral("\"%1\" is not a choice of 7.5 metrics").arg(it.value().toString()));
        k.alertMetrics.insert(it.key(), it.value().toString());
    }
    const QJsonArray tools = object->value(QLatin1String("rollback_tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject o = tools.at(i).toObject();
        const QString key = QStringLiteral("rollback_tools[%1]").arg(i);
        RollbackTool t{o.value(QLatin1String("strategy")).toString(), o.value(QLatin1String("step")).toString(),
                       o.value(QLatin1String("question")).toString(), o.value(QLatin1String("field")).toString(),
                       o.value(QLatin1String("value")).toString()};
        if (!isChoiceOf(q, QStringLiteral("7.4.1"), QStringLiteral("strategy"), t.strategy))
            return fail(key + QStringLiteral(".strategy"), QStringLiteral("not a choice of 7.4.1 strategy"));
        const Field *field = q.field(t.question, t.field);
        if (!field || field->type != Field::Type::Multi || !field->choice(t.value))
            return fail(
                key, QStringLiteral("\"%1\" is not a choice of a checklist %2 %3").arg(t.value, t.question, t.field));
        k.rollbackTools << t;
    }
    QSet<QString> envIds;
    const QJsonArray names = object->value(QLatin1String("environment_names")).toArray();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QJsonObject o = names.at(i).toObject();
        EnvironmentName env;
        env.id = o.value(QLatin1String("id")).toString();
        env.label = o.value(QLatin1String("label")).toString();
        const QString key = QStringLiteral("environment_names[%1]").arg(i);
        if (envIds.contains(env.id))
            return fail(key + QStringLiteral(".id"), QStringLiteral("\"%1\" is given twice").arg(env.id));
        envIds.insert(env.id);
        const QJsonArray patterns = o.value(QLatin1String("match")).toArray();
        for (qsizetype j = 0; j < patterns.size(); ++j) {
            QRegularExpression re(patterns.at(j).toString(), QRegularExpression::CaseInsensitiveOption);
            if (!re.isValid())
                return fail(QStringLiteral("%1.match[%2]").arg(key).arg(j),
                            QStringLiteral("not a valid regular expression (%1)").arg(re.errorString()));
            env.match << re;
        }
        k.environmentNames << env;
    }
    const QJsonObject environments = object->value(QLatin1String("environments")).toObject();
    for (auto it = environments.begin(); it != environments.end(); ++it) {
        const QString key = QStringLiteral("environments.") + it.key();
        if (!isChoiceOf(q, QStringLiteral("7.3"), QStringLiteral("environments"), it.key()))
            return fail(key, QStringLiteral("not a choice of 7.3 environments"));
        QStringList list;
        for (const QJsonValue &v : it.value().toArray()) {
            if (!envIds.contains(v.toString()))
                return fail(key, QStringLiteral("\"%1\" is not in environment_names").arg(v.toString()));
            list << v.toString();
        }
        k.environments.insert(it.key(), list);
    }
    const QJsonArray mentions = object->value(QLatin1String("environment_mentions")).toArray();
    for (qsizetype i = 0; i < mentions.size(); ++i) {
        const QJsonObject o = mentions.at(i).toObject();
        const QString key = QStringLiteral("environment_mentions[%1]").arg(i);
        EnvironmentMention m;
        m.question = o.value(QLatin1String("question")).toString();
        m.field = o.value(QLatin1String("field")).toString();
        m.value = o.value(QLatin1String("value")).toString();
        m.environment = o.value(QLatin1String("environment")).toString();
        m.column = o.value(QLatin1String("column")).toString();
        m.onlyAnswered = o.value(QLatin1String("only_answered")).toBool();
        const Field *field = q.field(m.question, m.field);
        if (!field)
            return fail(key, QStringLiteral("%1 has no field \"%2\"").arg(m.question, m.field));
        if (m.column.isEmpty() == (m.value.isEmpty() || m.environment.isEmpty()))
            return fail(key, QStringLiteral("give either a column, or a value and an environment"));
        if (!m.column.isEmpty()) {
            const bool found = std::any_of(field->columns.begin(), field->columns.end(),
                                           [&](const Column &c) { return c.id == m.column; });
            if (field->type != Field::Type::Table || !found)
                return fail(key + QStringLiteral(".column"),
                            QStringLiteral("%1 %2 has no column \"%3\"").arg(m.question, m.field, m.column));
        } else {
            if (!field->choice(m.value))
                return fail(key + QStringLiteral(".value"),
                            QStringLiteral("\"%1\" is not a choice of %2 %3").arg(m.value, m.question, m.field));
            if (!envIds.contains(m.environment))
                return fail(key + QStringLiteral(".environment"),
                            QStringLiteral("\"%1\" is not in environment_names").arg(m.environment));
        }
        k.environmentMentions << m;
    }
    return k;
}

const RulesKnowledge &RulesKnowledge::builtIn()
{
    static const RulesKnowledge rules = [] {
        QString error;
        auto loaded =
            load(QStringLiteral(":/resources/knowledge"), Questionnaire::builtIn(), Knowledge::builtIn(), &error);
        if (!loaded)
            qFatal("The built-in consistency rules do not load: %s", qPrintable(error));
        return *loaded;
    }();
    return rules;
}

} // namespace opsflow
