// The operational consistency rules: each rule fires on its bad case, naming both values, and
// not on its good one; the recommended answers raise no error; rules.json is loaded strictly.
#include "answerset.h"
#include "consistency.h"
#include "knowledge.h"
#include "questionnaire.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

// "7.9.1:total_timeout_s" → value, or "context:database" → value.
AnswerSet answersWith(const QVariantMap &changes, Scope scope = Scope::Enterprise)
{
    AnswerSet a;
    a.scope = scope;
    a.mode = Mode::SmartAutoSuggest;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString question = it.key().section(QLatin1Char(':'), 0, 0);
        const QString field = it.key().section(QLatin1Char(':'), 1);
        if (question == QLatin1String("context"))
            a.context.insert(field, it.value());
        else
            a.answers[question].insert(field, it.value());
    }
    return a;
}

QList<RuleFinding> findingsFor(const QVariantMap &changes)
{
    const AnswerSet a = answersWith(changes);
    const Resolver resolver(Questionnaire::builtIn(), a);
    return checkConsistency(resolver);
}

QSet<QString> idsOf(const QList<RuleFinding> &findings)
{
    QSet<QString> ids;
    for (const RuleFinding &f : findings)
        ids.insert(f.ruleId);
    return ids;
}

QVariantMap merged(QVariantMap base, const QVariantMap &more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

QVariantList rows(std::initializer_list<QVariantMap> list)
{
    QVariantList out;
    for (const QVariantMap &row : list)
        out << row;
    return out;
}

} // namespace

class TestConsistency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldLoadTheBuiltInRules()
    {
        const RulesKnowledge &rules = RulesKnowledge::builtIn();
        QCOMPARE(rules.rules().size(), RulesKnowledge::implementedRules().size());
        for (const RuleDefinition &rule : rules.rules()) {
            QVERIFY(!rule.summary.isEmpty());
            QVERIFY2(rule.message.endsWith(QLatin1Char('.')), qPrintable(rule.id));
        }
    }

    // Each rule: a good case that does not fire it, and a bad case (the good one plus a few
    // changed answers) that fires it and nothing else the good case did not, with a message
    // naming the values.
    void shouldFireOnlyOnTheBadCase_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QVariantMap>("good");
        QTest::addColumn<QVariantMap>("bad");       // changes on top of `good`
        QTest::addColumn<QStringList>("values");    // the message names each
        QTest::addColumn<QStringList>("questions"); // and where each is answered

        const QVariantMap heroku = {{"7.1:choice", "B"}, {"7.1:platform", "Heroku"}};
        QTest::newRow("liveness-no-dependency")
            << "liveness-no-dependency" << heroku << QVariantMap{{"7.9:endpoints", QStringList{"A"}}}
            << QStringList{"/health", "Database"} << QStringList{"7.9"};
        QTest::newRow("liveness-no-dependency, readiness only")
            << "liveness-no-dependency" << heroku << QVariantMap{{"7.9:endpoints", QStringList{"B"}}}
            << QStringList{"/health/ready", "Database"} << QStringList{"7.9"};

        const QVariantMap ecs = {{"7.1:choice", "A"}, {"7.1:platform", "AWS ECS"}};
        // With a shallow endpoint to probe, the documents point ECS's load balancer at it, so
        // the rule fires only when there is none: one endpoint that checks the database. That
        // also breaks liveness-no-dependency, so the good case (Fly.io, which does not replace
        // instances on a failed check) has the same single endpoint.
        QTest::newRow("probe-shallow") << "probe-shallow"
                                       << QVariantMap{{"7.1:choice", "B"},
                                                      {"7.1:platform", "Fly.io"},
                                                      {"7.9:endpoints", QStringList{"B"}}}
                                       << ecs << QStringList{"ECS", "/health/ready", "Database"}
                                       << QStringList{"7.1", "7.9"};

        QTest::newRow("retry-within-breaker")
            << "retry-within-breaker" << QVariantMap{{"7.9.2:timeout_ms", 600000}}
            << QVariantMap{{"7.9.2:timeout_ms", 5000}} << QStringList{"5000"} << QStringList{"7.9.3", "7.9.2"};

        QTest::newRow("shutdown-steps-total")
            << "shutdown-steps-total" << ecs << QVariantMap{{"7.9.1:finish_requests_timeout_s", 40}}
            << QStringList{"40", "30"} << QStringList{"7.9.1"};

        const QVariantMap ecsShort = merged(ecs, {{"7.9.1:total_timeout_s", 25}});
        QTest::newRow("stop-window-setting")
            << "stop-window-setting" << ecsShort << QVariantMap{{"7.9.1:total_timeout_s", 60}}
            << QStringList{"ECS", "60", "30"} << QStringList{"7.1", "7.9.1"};
        QTest::newRow("stop-window-limit, maximum")
            << "stop-window-limit" << ecsShort << QVariantMap{{"7.9.1:total_timeout_s", 200}}
            << QStringList{"ECS", "200", "120"} << QStringList{"7.1", "7.9.1"};
        const QVariantMap cloudRun = {{"7.1:choice", "A"},
                                      {"7.1:platform", "Google Cloud Run"},
                                      {"7.9.1:stop_accepting_timeout_s", 1},
                                      {"7.9.1:finish_requests_timeout_s", 2},
                                      {"7.9.1:db_close_timeout_s", 1},
                                      {"7.9.1:total_timeout_s", 5}};
        QTest::newRow("stop-window-limit, fixed")
            << "stop-window-limit" << cloudRun << QVariantMap{{"7.9.1:total_timeout_s", 30}}
            << QStringList{"Cloud Run", "30", "10"} << QStringList{"7.1", "7.9.1"};
        // Steps that fit, and the total left to the questionnaire's default of 30 s.
        QTest::newRow("stop-window-limit-default")
            << "stop-window-limit-default" << cloudRun << QVariantMap{{"7.9.1:total_timeout_s", QVariant()}}
            << QStringList{"Cloud Run", "30", "10", "5"} << QStringList{"7.1", "7.9.1"};

        QTest::newRow("pool-min-max") << "pool-min-max" << QVariantMap{{"7.7.2:min_connections", 10}}
                                      << QVariantMap{{"7.7.2:min_connections", 20}} << QStringList{"20", "10"}
                                      << QStringList{"7.7.2"};

        QTest::newRow("pool-database-limit, PostgreSQL")
            << "pool-database-limit"
            << QVariantMap{{"context:database", "postgresql"}, {"7.8:strategy", "A"}, {"7.7.2:max_connections", 50}}
            << QVariantMap{{"7.7.2:max_connections", 51}} << QStringList{"51", "100", "2"}
            << QStringList{"7.8", "7.7.2"};
        QTest::newRow("pool-database-limit, MySQL, one instance")
            << "pool-database-limit"
            << QVariantMap{{"context:database", "mysql"}, {"7.8:strategy", "B"}, {"7.7.2:max_connections", 151}}
            << QVariantMap{{"7.7.2:max_connections", 152}} << QStringList{"152", "151"} << QStringList{"7.8", "7.7.2"};

        QTest::newRow("rpo-backups, hourly")
            << "rpo-backups" << QVariantMap{{"7.7:strategy", "B"}, {"7.7:rpo_minutes", 60}}
            << QVariantMap{{"7.7:rpo_minutes", 15}} << QStringList{"15", "60"} << QStringList{"7.7"};
        QTest::newRow("rpo-backups, weekly")
            << "rpo-backups" << QVariantMap{{"7.7:strategy", "C"}, {"7.7:rpo_minutes", 10080}}
            << QVariantMap{{"7.7:rpo_minutes", 1440}} << QStringList{"1440", "10080"} << QStringList{"7.7"};

        QTest::newRow("alert-threshold-unreachable")
            << "alert-threshold-unreachable" << QVariantMap{{"7.6:disk_percent", 95}}
            << QVariantMap{{"7.6:disk_percent", 100}} << QStringList{"Disk space", "100"} << QStringList{"7.6"};

        QTest::newRow("alert-metric-untracked")
            << "alert-metric-untracked" << QVariantMap{}
            << QVariantMap{{"7.5:metrics", QStringList{"request_rate", "error_rate", "cpu_memory"}}}
            << QStringList{"Response time", "Response time (p50, p95, p99)"} << QStringList{"7.6", "7.5"};

        QTest::newRow("rollback-deploy-tool")
            << "rollback-deploy-tool" << QVariantMap{{"7.4.1:strategy", "D"}}
            << QVariantMap{{"7.3:env_config", QStringList{"A", "B"}}}
            << QStringList{"Feature Flags", "Feature flags (LaunchDarkly, Unleash)"} << QStringList{"7.4.1", "7.3"};

        QTest::newRow("platform-containers")
            << "platform-containers" << QVariantMap{{"7.1:choice", "A"}, {"7.1:platform", "EKS"}}
            << QVariantMap{{"7.2:choice", "B"}} << QStringList{"Kubernetes", "No"} << QStringList{"7.1", "7.2"};

        // Two environments, and nothing that names a third.
        const QVariantMap twoEnvironments = {{"7.3:environments", "C"},
                                             {"7.4:stages", QStringList{"checkout", "build", "deploy_production"}},
                                             {"7.4:auto_deploy", "C"},
                                             {"7.7.1:testing", QStringList{"dry_run"}},
                                             {"7.9.4:log_levels",
                                              rows({{{"environment", "Development"}, {"level", "debug"}},
                                                    {{"environment", "Production"}, {"level", "info"}}})}};
        QTest::newRow("environment-names, log levels")
            << "environment-names" << twoEnvironments
            << QVariantMap{{"7.9.4:log_levels",
                            rows({{{"environment", "Development"}, {"level", "debug"}},
                                  {{"environment", "Staging"}, {"level", "info"}},
                                  {{"environment", "Production"}, {"level", "info"}}})}}
            << QStringList{"Staging", "Development, Production"} << QStringList{"7.9.4", "7.3"};
        QTest::newRow("environment-names, migration testing")
            << "environment-names" << twoEnvironments
            << QVariantMap{{"7.7.1:testing", QStringList{"staging", "dry_run"}}}
            << QStringList{"Staging", "Development, Production"} << QStringList{"7.7.1", "7.3"};
        QTest::newRow("environment-names, staging stage chosen")
            << "environment-names" << twoEnvironments
            << QVariantMap{{"7.4:stages", QStringList{"checkout", "build", "deploy_staging", "deploy_production"}}}
            << QStringList{"Deploy to staging", "Development, Production"} << QStringList{"7.4", "7.3"};
        QTest::newRow("environment-names, two environments")
            << "environment-names" << QVariantMap{} << QVariantMap{{"7.3:environments", "C"}}
            << QStringList{"Staging", "Development, Production"} << QStringList{"7.3"};
    }

    void shouldFireOnlyOnTheBadCase()
    {
        QFETCH(QString, rule);
        QFETCH(QVariantMap, good);
        QFETCH(QVariantMap, bad);
        QFETCH(QStringList, values);
        QFETCH(QStringList, questions);
        QVERIFY(RulesKnowledge::implementedRules().contains(rule));

        const QList<RuleFinding> goodFindings = findingsFor(good);
        const QList<RuleFinding> badFindings = findingsFor(merged(good, bad));
        QVERIFY2(!idsOf(goodFindings).contains(rule), qPrintable(rule));
        QCOMPARE(idsOf(badFindings) - idsOf(goodFindings), QSet<QString>{rule});

        const RuleDefinition *definition = RulesKnowledge::builtIn().rule(rule);
        QVERIFY(definition);
        for (const RuleFinding &f : badFindings) {
            if (f.ruleId != rule)
                continue;
            QCOMPARE(f.severity, definition->severity);
            QVERIFY2(!f.message.contains(QLatin1Char('{')), qPrintable(f.message));
            for (const QString &value : values) {
                const QRegularExpression word(QStringLiteral("(^|[^\\w/])") + QRegularExpression::escape(value)
                                              + QStringLiteral("($|[^\\w/])"));
                QVERIFY2(word.match(f.message).hasMatch(), qPrintable(value + QStringLiteral(" not in: ") + f.message));
            }
            // Where each value appears: question id and title, in the message and in `where`.
            for (const QString &q : questions) {
                const QString title = Questionnaire::builtIn().question(q)->title;
                QVERIFY2(f.message.contains(q + QLatin1Char(' ') + title), qPrintable(f.message));
                QVERIFY2(std::any_of(f.where.begin(), f.where.end(),
                                     [&](const QString &w) {
                                         return w.startsWith(q + QLatin1Char(' ') + title + QLatin1Char(':'));
                                     }),
                         qPrintable(f.where.join(QLatin1String(" | "))));
                QVERIFY(f.questionIds.contains(q));
            }
        }
    }

    // The recommended stages deploy to staging, but the documents leave that stage out when
    // there is no staging environment: a default nobody chose and nobody reads is no finding.
    // Defaults the documents do state (the auto-deploy rule) still are.
    void shouldNotReportADefaultStageTheDocumentsLeaveOut()
    {
        const QList<RuleFinding> findings = findingsFor({{"7.3:environments", "C"}});
        QStringList messages;
        for (const RuleFinding &f : findings) {
            if (f.ruleId == QLatin1String("environment-names"))
                messages << f.message;
        }
        QVERIFY2(!messages.join(u'\n').contains(QLatin1String("Deploy to staging")), qPrintable(messages.join(u'\n')));
        QVERIFY2(messages.join(u'\n').contains(QLatin1String("Auto-deploy to staging")),
                 qPrintable(messages.join(u'\n')));
    }

    // The budget counts every attempt and every backoff wait the policy states.
    void shouldCountEveryAttemptAndWait()
    {
        const QVariantMap answers = {
            {"7.9.2:timeout_ms", 1000},
            {"7.9.2:services", rows({{{"service_name", "Billing"}, {"failure_threshold", 50}}})},
            {"7.9.3:policies",
             rows({{{"service", "Billing"}, {"timeout_ms", 200}, {"retries", 3}, {"backoff", "Exponential (100ms)"}},
                   {{"service", "Not protected"}, {"timeout_ms", 90000}, {"retries", 5}, {"backoff", "None"}}})}};
        const QList<RuleFinding> findings = findingsFor(answers);
        QList<RuleFinding> retries;
        for (const RuleFinding &f : findings) {
            if (f.ruleId == QLatin1String("retry-within-breaker"))
                retries << f;
        }
        // 4 attempts of 200 ms, waits of 100, 200 and 400 ms.
        const int budget = 4 * 200 + 100 + 200 + 400;
        QCOMPARE(retries.size(), 1);
        QVERIFY2(retries.constFirst().message.contains(QString::number(budget) + QStringLiteral(" ms")),
                 qPrintable(retries.constFirst().message));
        // Within the breaker's timeout: no finding.
        const QVariantMap fits = merged(answers, {{"7.9.2:timeout_ms", budget}});
        QVERIFY(!idsOf(findingsFor(fits)).contains(QStringLiteral("retry-within-breaker")));
    }

    // Errors come first (the summary and `check` show them on top), then warnings, each in
    // the rules' order; messages are plain text (a platform setting's Markdown is dropped).
    void shouldListErrorsFirst()
    {
        const QList<RuleFinding> findings =
            findingsFor({{"7.1:platform", "AWS ECS"}, {"7.7.2:min_connections", 20}, {"7.6:disk_percent", 100}});
        QVERIFY(hasErrors(findings));
        bool warningSeen = false;
        for (const RuleFinding &f : findings) {
            if (f.severity == Severity::Warning)
                warningSeen = true;
            else
                QVERIFY2(!warningSeen, qPrintable(f.ruleId));
            QVERIFY2(!f.message.contains(QLatin1Char('`')), qPrintable(f.message));
        }
        QVERIFY(warningSeen);
        const QStringList order = RulesKnowledge::implementedRules();
        QVERIFY(order.indexOf(QStringLiteral("pool-min-max"))
                < order.indexOf(QStringLiteral("alert-threshold-unreachable")));
        QCOMPARE(findings.at(0).ruleId, QStringLiteral("pool-min-max"));
        QCOMPARE(findings.at(1).ruleId, QStringLiteral("alert-threshold-unreachable"));
    }

    // The recommended answers must never block generation.
    void shouldRaiseNoErrorOnTheDefaults_data()
    {
        QTest::addColumn<int>("scope");
        QTest::addColumn<QString>("platform"); // typed into 7.1; empty: the default platform
        const std::pair<const char *, Scope> scopes[] = {
            {"mvp", Scope::Mvp}, {"production", Scope::Production}, {"enterprise", Scope::Enterprise}};
        for (const auto &[name, scope] : scopes) {
            QTest::addRow("%s", name) << int(scope) << QString();
            // Every platform's own limits (a stop window that cannot be raised) included.
            for (const PlatformKnowledge &p : Knowledge::builtIn().platforms())
                QTest::addRow("%s, %s", name, qPrintable(p.id)) << int(scope) << p.name;
        }
    }

    void shouldRaiseNoErrorOnTheDefaults()
    {
        QFETCH(int, scope);
        QFETCH(QString, platform);
        const AnswerSet a =
            answersWith(platform.isEmpty() ? QVariantMap() : QVariantMap{{"7.1:platform", platform}}, Scope(scope));
        const Resolver resolver(Questionnaire::builtIn(), a);
        const QList<RuleFinding> findings = checkAnswers(resolver);
        for (const RuleFinding &f : findings) {
            qInfo().noquote() << findingLine(f); // the warnings every user sees
            // The questionnaire's own checks speak only about answers, never defaults alone.
            QVERIFY2(f.ruleId != QLatin1String("questionnaire-check"), qPrintable(findingLine(f)));
            QVERIFY2(f.severity == Severity::Warning, qPrintable(findingLine(f)));
            QVERIFY(!f.where.isEmpty());
        }
        if (Scope(scope) == Scope::Mvp)
            QVERIFY(findings.isEmpty()); // 7.5–7.10 are not asked: nothing to compare
    }

    // The questionnaire's checks, which the wizard shows on their page, are reported by the
    // headless commands too: once, with the question, when an answer breaks one.
    void shouldReportTheQuestionnairesChecksOnAnswers()
    {
        const auto checksIn = [](const QList<RuleFinding> &findings) {
            QStringList messages;
            for (const RuleFinding &f : findings) {
                if (f.ruleId == QLatin1String("questionnaire-check"))
                    messages << f.message;
            }
            return messages;
        };
        const auto answersFor = [](const QVariantMap &changes) {
            const AnswerSet a = answersWith(changes);
            return checkAnswers(Resolver(Questionnaire::builtIn(), a));
        };
        // An on-call rotation with the recommended channels (Slack/Discord, email): nobody is paged.
        const QList<RuleFinding> onCall = answersFor({{"7.6:on_call", "A"}});
        QCOMPARE(checksIn(onCall),
                 QStringList{QStringLiteral("7.6 Alerts: An on-call rotation needs alerts that page the person on "
                                            "call \u2014 add PagerDuty/Opsgenie (C) to the alert channels.")});
        QCOMPARE(onCall.constLast().severity, Severity::Warning);
        QCOMPARE(onCall.constLast().questionIds, QStringList{QStringLiteral("7.6")});
        QVERIFY(checksIn(answersFor({{"7.6:on_call", "A"}, {"7.6:channels", QStringList{"A", "C"}}})).isEmpty());
        // Structured JSON logging (7.5) against a plain-text log format (7.9.4), both answered.
        QCOMPARE(checksIn(answersFor({{"7.5:logging", "C"}, {"7.9.4:log_format", "B"}})).size(), 1);
        // A question a consistency rule already speaks about gets no second finding: weekly
        // manual backups with a 5-minute RPO break both rpo-backups and 7.7's own check.
        const QList<RuleFinding> rpo = answersFor({{"7.7:strategy", "C"}, {"7.7:rpo_minutes", 5}});
        QVERIFY(idsOf(rpo).contains(QStringLiteral("rpo-backups")));
        QVERIFY2(checksIn(rpo).isEmpty(), qPrintable(checksIn(rpo).join(u'\n')));
    }

    void shouldRejectDefects_data()
    {
        QTest::addColumn<QString>("path");     // a JSON pointer-ish path: "rules/pool-min-max/severity"
        QTest::addColumn<QJsonValue>("value"); // undefined: remove
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << "colour" << QJsonValue(1) << "knowledge/rules.json: colour: unknown key";
        QTest::newRow("unknown rule") << "rules/pool-size"
                                      << QJsonValue(
                                             QJsonObject{{"severity", "error"}, {"summary", "x"}, {"message", "x."}})
                                      << "knowledge/rules.json: rules.pool-size: unknown rule";
        QTest::newRow("missing rule") << "rules/pool-min-max" << QJsonValue(QJsonValue::Undefined)
                                      << "knowledge/rules.json: rules: the rule \"pool-min-max\" is missing";
        QTest::newRow("unknown key in a rule")
            << "rules/pool-min-max/level" << QJsonValue(1) << "rules.pool-min-max.level: unknown key";
        QTest::newRow("bad severity") << "rules/pool-min-max/severity" << QJsonValue("fatal")
                                      << "rules.pool-min-max.severity: must be one of";
        QTest::newRow("unknown placeholder") << "rules/pool-min-max/message" << QJsonValue("{minimum} > {max}.")
                                             << "rules.pool-min-max.message: unknown placeholder {minimum}";
        QTest::newRow("unknown database")
            << "database_limits/oracle" << QJsonValue(QJsonObject{{"max_connections", 10}, {"source", "x"}})
            << "database_limits.oracle: not a database";
        QTest::newRow("unknown platform")
            << "replacing_probes/mars" << QJsonValue("liveness") << "replacing_probes.mars: no such platform";
        QTest::newRow("unknown probe") << "replacing_probes/kubernetes" << QJsonValue("readiness")
                                       << "replacing_probes.kubernetes: must be one of";
        QTest::newRow("unknown backup strategy")
            << "backups/Z" << QJsonValue(QJsonObject{{"data_loss_minutes", 1}, {"interval_minutes", 1}})
            << "backups.Z: not a choice of 7.7 strategy";
        QTest::newRow("threshold not a percentage") << "alert_thresholds/B" << QJsonValue("response_time_ms")
                                                    << "alert_thresholds.B: \"response_time_ms\" is not a percentage";
        QTest::newRow("unknown metric") << "alert_metrics/A" << QJsonValue("errors")
                                        << "alert_metrics.A: \"errors\" is not a choice of 7.5 metrics";
        QTest::newRow("unknown environment") << "environments/C" << QJsonValue(QJsonArray{"development", "prod"})
                                             << "environments.C: \"prod\" is not in environment_names";
        QTest::newRow("negative margin") << "stop_margin_s" << QJsonValue(-1) << "stop_margin_s: must be";
        QTest::newRow("unknown check") << "dependency_checks" << QJsonValue(QJsonArray{"database", "kafka"})
                                       << "dependency_checks: \"kafka\" is not a choice of 7.9 checks";
        QTest::newRow("bad pattern") << "environment_names"
                                     << QJsonValue(QJsonArray{QJsonObject{{"id", "production"},
                                                                          {"label", "Production"},
                                                                          {"match", QJsonArray{"(prod"}}}})
                                     << "environment_names[0].match[0]: not a valid regular expression";
        QTest::newRow("mention of no column")
            << "environment_mentions"
            << QJsonValue(QJsonArray{QJsonObject{{"question", "7.9.4"}, {"field", "log_levels"}, {"column", "env"}}})
            << "environment_mentions[0].column: 7.9.4 log_levels has no column \"env\"";
        QTest::newRow("mention of no field")
            << "environment_mentions"
            << QJsonValue(QJsonArray{
                   QJsonObject{{"question", "7.4"}, {"field", "stage"}, {"value", "x"}, {"environment", "staging"}}})
            << "environment_mentions[0]: 7.4 has no field \"stage\"";
        QTest::newRow("rollback strategy")
            << "rollback_tools"
            << QJsonValue(QJsonArray{QJsonObject{
                   {"strategy", "E"}, {"step", "x"}, {"question", "7.3"}, {"field", "env_config"}, {"value", "C"}}})
            << "rollback_tools[0].strategy: not a choice of 7.4.1 strategy";
        QTest::newRow("rollback tool")
            << "rollback_tools"
            << QJsonValue(QJsonArray{QJsonObject{
                   {"strategy", "D"}, {"step", "x"}, {"question", "7.3"}, {"field", "environments"}, {"value", "C"}}})
            << "rollback_tools[0]: \"C\" is not a choice of a checklist 7.3 environments";
        QTest::newRow("missing key") << "instances" << QJsonValue(QJsonValue::Undefined)
                                     << "the key \"instances\" is missing";
    }

    void shouldRejectDefects()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyKnowledge(dir.path()));
        const QString file = dir.filePath(QStringLiteral("rules.json"));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        in.close();
        QVERIFY(!root.isEmpty());

        // Set or remove the value at `path` (up to three levels).
        const QStringList keys = path.split(QLatin1Char('/'));
        const auto apply = [&](QJsonObject o, const QString &key) {
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
            return o;
        };
        if (keys.size() == 1) {
            root = apply(root, keys.at(0));
        } else if (keys.size() == 2) {
            root.insert(keys.at(0), apply(root.value(keys.at(0)).toObject(), keys.at(1)));
        } else {
            QJsonObject first = root.value(keys.at(0)).toObject();
            first.insert(keys.at(1), apply(first.value(keys.at(1)).toObject(), keys.at(2)));
            root.insert(keys.at(0), first);
        }
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(out.write(QJsonDocument(root).toJson()) > 0);
        out.close();

        QString error;
        QVERIFY(!RulesKnowledge::load(dir.path(), Questionnaire::builtIn(), Knowledge::builtIn(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(QLatin1String("knowledge/rules.json")), qPrintable(error));
    }

    void shouldRejectBrokenJson()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyKnowledge(dir.path()));
        QFile out(dir.filePath(QStringLiteral("rules.json")));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write("{\n  \"rules\": {,\n}\n");
        out.close();
        QString error;
        QVERIFY(!RulesKnowledge::load(dir.path(), Questionnaire::builtIn(), Knowledge::builtIn(), &error));
        QVERIFY2(error.startsWith(QLatin1String("knowledge/rules.json is not valid JSON")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("line 2")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestConsistency)
#include "tst_consistency.moc"
