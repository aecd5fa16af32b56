// One name per answer: every questionnaire field reaches a template under its own name, in the
// forms a template needs, never when the scope or a condition hides it, and an override can
// place it without a change to OpsFlow's code.
#include "answerset.h"
#include "envcatalog.h"
#include "generateddocs.h"
#include "generation.h"
#include "knowledge.h"
#include "questionnaire.h"
#include "templatecontext.h"
#include "testfiles.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

AnswerSet smart(Scope scope)
{
    AnswerSet a;
    a.scope = scope;
    a.scopeChosen = true;
    a.mode = Mode::SmartAutoSuggest;
    return a;
}

QVariantMap contextFor(const AnswerSet &answers)
{
    const Resolver resolver(Questionnaire::builtIn(), answers);
    const DeploymentFacts facts = deploymentFacts(resolver);
    return templateContext(resolver, facts, envCatalog(resolver, facts), plannedDiagrams(resolver, facts));
}

// The names one field gives, by its type.
QStringList namesOf(const QString &questionId, const Field &field)
{
    const QString name = answerVariable(questionId, field.id);
    QStringList names{name};
    switch (field.type) {
    case Field::Type::Text:
    case Field::Type::MultiLine: names << name + s("_CELL"); break;
    case Field::Type::Number: names << name + s("_NUMBER"); break;
    case Field::Type::Bool: names << name + s("_DECIDED"); break;
    case Field::Type::Choice:
    case Field::Type::Multi:
        for (const Choice &choice : field.choices) {
            names << name + (field.type == Field::Type::Multi ? s("_HAS_") : s("_IS_")) + choice.value.toUpper();
            // A single choice whose options are described also gives the chosen description.
            if (field.type == Field::Type::Choice && !choice.description.isEmpty()
                && !names.contains(name + s("_DESCRIPTION")))
                names << name + s("_DESCRIPTION");
        }
        break;
    case Field::Type::Table: break;
    }
    return names;
}

} // namespace

class TestAnswerVariables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // No two fields share a name, and no answer name takes one OpsFlow derives.
    void shouldNameEveryFieldOnce()
    {
        const QVariantMap context = contextFor(smart(Scope::Enterprise));
        QSet<QString> seen;
        int fields = 0;
        for (const Question &question : Questionnaire::builtIn().questions()) {
            for (const Field &field : question.fields) {
                ++fields;
                for (const QString &name : namesOf(question.id, field)) {
                    QVERIFY2(!seen.contains(name), qPrintable(name));
                    QVERIFY2(context.contains(name), qPrintable(name));
                    QVERIFY(name.startsWith(s("ANSWER_")));
                    seen.insert(name);
                }
            }
        }
        QCOMPARE(fields, 113);
        int answerNames = 0;
        for (auto it = context.begin(); it != context.end(); ++it)
            answerNames += it.key().startsWith(s("ANSWER_")) ? 1 : 0;
        QCOMPARE(answerNames, seen.size());
        QCOMPARE(answerVariable(s("7.4.1"), s("rollback_minutes")), s("ANSWER_7_4_1_ROLLBACK_MINUTES"));
    }

    void shouldGiveEachFormOfAnAnswer()
    {
        AnswerSet a = smart(Scope::Enterprise);
        a.answers[s("7.4.1")] = {{s("strategy"), s("C")},
                                 {s("rollback_minutes"), 10.0},
                                 {s("canary_initial_percent"), 7.0},
                                 {s("rollback_criteria"), QStringList{s("latency"), s("manual")}},
                                 {s("canary_success_criteria"), s("p95 | under {{X}} at https://grafana.example")}};
        a.answers[s("7.9.3")] = {
            {s("policies"),
             QVariantList{QVariantMap{{s("service"), s("Stripe")}, {s("timeout_ms"), 2500.0}, {s("retries"), 3.0}},
                          QVariantMap{{s("service"), s("Mailer")}}}}};
        const QVariantMap c = contextFor(a);

        QCOMPARE(c.value(s("ANSWER_7_4_1_STRATEGY")).toString(), s("Canary Deployment"));
        QCOMPARE(c.value(s("ANSWER_7_4_1_STRATEGY_IS_C")).toBool(), true);
        QCOMPARE(c.value(s("ANSWER_7_4_1_STRATEGY_IS_A")).toBool(), false);
        // The option's description, for the middle of a sentence.
        QCOMPARE(c.value(s("ANSWER_7_4_1_STRATEGY_DESCRIPTION")).toString(), s("progressive rollout"));
        QCOMPARE(c.value(s("ANSWER_7_4_1_ROLLBACK_MINUTES")).toString(), s("10 minutes"));
        QCOMPARE(c.value(s("ANSWER_7_4_1_ROLLBACK_MINUTES_NUMBER")).toString(), s("10"));
        QCOMPARE(c.value(s("ANSWER_7_4_1_CANARY_INITIAL_PERCENT")).toString(), s("7%"));
        QCOMPARE(c.value(s("ANSWER_7_4_1_ROLLBACK_CRITERIA_HAS_LATENCY")).toBool(), true);
        QCOMPARE(c.value(s("ANSWER_7_4_1_ROLLBACK_CRITERIA_HAS_ERROR_RATE")).toBool(), false);
        // Typed text stays text: no table break, no template tag, no autolink.
        const QString prose = c.value(s("ANSWER_7_4_1_CANARY_SUCCESS_CRITERIA")).toString();
        const QString cellText = c.value(s("ANSWER_7_4_1_CANARY_SUCCESS_CRITERIA_CELL")).toString();
        QVERIFY2(!prose.contains(s("{{")) && !prose.contains(s("https://")), qPrintable(prose));
        QVERIFY2(cellText.contains(s("\\|")) && !cellText.contains(s("{{")), qPrintable(cellText));

        const QVariantList rows = c.value(s("ANSWER_7_9_3_POLICIES")).toList();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toMap().value(s("SERVICE")).toString(), s("Stripe"));
        QCOMPARE(rows.at(0).toMap().value(s("TIMEOUT_MS")).toString(), s("2500 ms"));
        QCOMPARE(rows.at(0).toMap().value(s("TIMEOUT_MS_NUMBER")).toString(), s("2500"));
        QCOMPARE(rows.at(1).toMap().value(s("TIMEOUT_MS")).toString(), QString());
    }

    // What the documents may not show, no name shows either.
    void shouldLeaveHiddenAnswersEmpty()
    {
        AnswerSet rolling = smart(Scope::Enterprise);
        rolling.answers[s("7.4.1")] = {{s("strategy"), s("A")}, {s("canary_initial_percent"), 37.0}};
        const QVariantMap c = contextFor(rolling);
        QCOMPARE(c.value(s("ANSWER_7_4_1_STRATEGY_IS_A")).toBool(), true);
        QCOMPARE(c.value(s("ANSWER_7_4_1_CANARY_INITIAL_PERCENT")).toString(), QString());
        QCOMPARE(c.value(s("ANSWER_7_4_1_CANARY_INITIAL_PERCENT_NUMBER")).toString(), QString());

        AnswerSet mvp = smart(Scope::Mvp);
        mvp.answers[s("7.5")] = {{s("apm"), s("C")}};
        const QVariantMap m = contextFor(mvp);
        QCOMPARE(m.value(s("ANSWER_7_5_APM")).toString(), QString());
        QCOMPARE(m.value(s("ANSWER_7_5_APM_IS_C")).toBool(), false);
    }

    // Sentences the template writes from these names (on call, documentation plan, platform,
    // APM, logging, environments, CI, strategy, load): the branches no golden case reaches, and the
    // undecided ones.
    void shouldWriteTheTemplatesSentencesFromTheAnswers_data()
    {
        QTest::addColumn<AnswerSet>("answers");
        QTest::addColumn<QStringList>("expected");
        AnswerSet interactive = smart(Scope::Production);
        interactive.mode = Mode::Interactive;
        QTest::newRow("nothing answered")
            << interactive
            << QStringList{s("*On-call rotation not decided yet.*"),
                           s("**Not decided yet:** which operational documents are created."),
                           s("**Not decided yet:** where production runs."),
                           s("**Not decided yet:** the APM tool."),
                           s("**Not decided yet:** the CI/CD platform."),
                           s("**Not decided yet:** the production deployment strategy."),
                           s("**Not decided yet:** how many environments; the recommended three are shown."),
                           s("| Max connections | *not decided yet* | `DB_POOL_MAX` |"),
                           s("*Not decided yet:* whether active, idle and waiting connections are tracked."),
                           s("*Not decided yet:* whether an alert fires when the pool runs out of connections.")};
        AnswerSet pool = interactive;
        pool.answers[s("7.7.2")] = {{s("max_connections"), 20.0}, {s("track_connections"), false}};
        pool.answers[s("7.7")] = {{s("strategy"), s("B")}, {s("rpo_minutes"), 30.0}};
        QTest::newRow("pool partly answered, hourly backups under a short RPO")
            << pool
            << QStringList{s("Every instance opens up to 20 connections, so instances × 20, plus migrations"),
                           s("- Active and idle connections are not tracked."),
                           s("*Not decided yet:* whether an alert fires when the pool runs out of connections."),
                           s("Hourly backups can lose up to an hour of data: the RPO of 30 minutes needs "
                             "point-in-time recovery on top."),
                           s("3. Restore into a new database instance (restore the base backup and replay the "
                             "archived WAL up to the chosen time)")};
        AnswerSet thresholds = interactive;
        thresholds.scope = Scope::Enterprise;
        thresholds.answers[s("7.6")] = {{s("on_call"), s("B")}};
        thresholds.answers[s("7.7.2")] = {{s("alert_exhaustion"), true}, {s("connection_timeout_ms"), 2000.0}};
        QTest::newRow("alert thresholds not decided, a short acquire timeout")
            << thresholds
            << QStringList{
                   s("| Error rate | the share of failing requests over 5 minutes passes a threshold *not "
                     "decided yet* |"),
                   s("| Response time | p95 response time passes a threshold *not decided yet* for 5 minutes |"),
                   s("p95: *not decided yet* (the Response time alert's threshold is not set)"),
                   s("requests wait for a free database connection or time out waiting "
                     "(`DB_POOL_ACQUIRE_TIMEOUT_MS`: 2000 ms)")};
        AnswerSet single = smart(Scope::Enterprise);
        single.answers[s("7.8")] = {{s("strategy"), s("B")}};
        QTest::newRow("one instance, spread across zones")
            << single
            << QStringList{
                   s("With a single instance ([Scaling Strategy](#scaling-strategy)), losing its zone stops the "
                     "service until a new instance runs in another zone"),
                   s("the new one starts beside it and must pass its readiness check before the old one"),
                   s("If traffic grew, move to a bigger instance (a resize restarts the service).")};
        AnswerSet manual = smart(Scope::Production);
        manual.answers[s("7.1")] = {{s("choice"), s("C")}};
        manual.answers[s("7.7")] = {{s("strategy"), s("C")}};
        QTest::newRow("manual backups of a database the team runs")
            << manual << QStringList{s("3. Restore into a new database instance (load the latest dump into it)")};
        AnswerSet paas = smart(Scope::Production);
        paas.answers[s("7.1")] = {{s("choice"), s("B")}};
        paas.answers[s("7.5")] = {{s("apm"), s("F")}, {s("logging"), s("B")}};
        paas.answers[s("7.9.4")] = {{s("log_aggregation"), s("C")}};
        paas.answers[s("7.8")] = {{s("strategy"), s("B")}, {s("year1_load_rpm"), 6000.0}};
        paas.answers[s("7.6")] = {{s("conditions"), QStringList{s("B")}}, {s("response_time_ms"), 800.0}};
        QTest::newRow("unnamed PaaS, no APM, console logs, vertical scaling")
            << paas
            << QStringList{s("Production runs on a **platform-as-a-service**; the provider is not named yet."),
                           s("**No APM yet**: "),
                           s("**Basic console logs**: the service writes to stdout, and the lines are kept by the "
                             "platform ("),
                           s("). Enough to start; searching across instances and keeping history needs centralized "
                             "logging."),
                           s("Capacity is planned for the peak of about 300 requests/second. Load-test the instance "
                             "to check that it serves the peak within the latency target (p95 under 800 ms), and "
                             "size it up")};
        AnswerSet aws = smart(Scope::Production);
        aws.answers[s("7.1")] = {{s("choice"), s("A")}, {s("platform"), s("EKS")}};
        aws.answers[s("7.5")] = {{s("apm"), s("E")}};
        aws.answers[s("7.3")] = {{s("environments"), s("C")}};
        QTest::newRow("EKS, CloudWatch, two environments")
            << aws
            << QStringList{s("Production runs on **EKS** (cloud platform, AWS)."),
                           s("**AWS CloudWatch**: metrics, logs and alarms in the AWS account"),
                           s("Two environments: Development and Production."),
                           s("Capacity is planned for the peak (3 × the year-1 load)")};
        AnswerSet noTool = interactive;
        noTool.answers[s("7.6")] = {{s("on_call"), s("A")}};
        noTool.answers[s("7.10")] = {{s("create"), s("B")}};
        QTest::newRow("rotation without a tool, critical documents")
            << noTool
            << QStringList{s("On-call rotation: **yes**, in the paging tool. Critical alerts page the person on call"),
                           s("handover notes live in the paging tool."),
                           s("Critical documentation only: the deployment guide and the runbooks.")};
        AnswerSet tool = smart(Scope::Production);
        tool.answers[s("7.6")] = {{s("on_call"), s("A")}, {s("on_call_tool"), s("Opsgenie *EU*")}};
        tool.answers[s("7.10")] = {{s("create"), s("C")}};
        QTest::newRow("rotation in a named tool, documents later")
            << tool
            << QStringList{s("On-call rotation: **yes**, in Opsgenie \\*EU\\*."),
                           s("**Later:** the team starts without operational documentation")};
        // The stop window: a fixed one the total fits with the margin rules.json asks for; and
        // the steps' timeouts measured against the total.
        AnswerSet heroku = smart(Scope::Production);
        heroku.answers[s("7.1")] = {{s("choice"), s("B")}, {s("platform"), s("Heroku")}};
        heroku.answers[s("7.9.1")] = {{s("choice"), s("A")},
                                      {s("total_timeout_s"), 25.0},
                                      {s("health_grace_period_s"), 5.0},
                                      {s("stop_accepting_timeout_s"), 5.0},
                                      {s("finish_requests_timeout_s"), 10.0},
                                      {s("db_close_timeout_s"), 5.0}};
        QTest::newRow("a fixed stop window the total fits")
            << heroku
            << QStringList{s("Heroku allows 30 s between SIGTERM and SIGKILL, and that cannot be changed: the total "
                             "of 25 s fits, with a margin of at least 5 s.")};
        heroku.answers[s("7.9.1")][s("total_timeout_s")] = 28.0;
        heroku.answers[s("7.9.1")][s("finish_requests_timeout_s")] = 20.0;
        QTest::newRow("a fixed stop window without the margin, steps over the total")
            << heroku
            << QStringList{
                   s("With the 5 s of failing readiness first, the steps' timeouts add up to 35 s, more than the total "
                     "of 28 s"),
                   s("Heroku allows only 30 s between SIGTERM and SIGKILL, and that cannot be changed: the "
                     "total of 28 s plus a margin of 5 s does not fit, so shorten the total to at most 25 s")};
    }
    void shouldWriteTheTemplatesSentencesFromTheAnswers()
    {
        QFETCH(AnswerSet, answers);
        QFETCH(QStringList, expected);
        const QString text = testing::operationsFor(answers);
        for (const QString &sentence : expected)
            QVERIFY2(text.contains(sentence), qPrintable(sentence));
    }

    // The logging sentence says where the lines go, and never that they need what they get:
    // basic console logs shipped to a central stack are not told to centralize, and logs kept
    // in files are not said to be searchable across instances.
    void shouldKeepTheLoggingSentenceTrueToWhereTheLinesGo()
    {
        // Basic console logs answered, 7.9.4 left at its recommended centralized JSON: the
        // answer stands, and the Request Logging section says why it differs from the default.
        AnswerSet console = smart(Scope::Production);
        console.answers[s("7.5")] = {{s("logging"), s("B")}};
        const QString consoleText = testing::operationsFor(console);
        QVERIFY(
            consoleText.contains(s("**Basic console logs**: the service writes to stdout, and the lines are kept by "
                                   "the platform (")));
        QVERIFY(!consoleText.contains(s("Every line is one JSON object")));
        QVERIFY(consoleText.contains(s("Log format: **the framework's default, as 7.5 answers: basic console logs**. "
                                       "Log aggregation: **console only, as 7.5 answers: basic console logs**.")));
        // The Defaults line lists only values the documents use: not the set-aside format and
        // aggregation, and not "every value is a default".
        const QString requestLogging = testing::sectionOf(consoleText, s("Request Logging & Masking"));
        QVERIFY2(requestLogging.contains(s("*Defaults:* ")), qPrintable(requestLogging));
        QVERIFY2(!requestLogging.contains(s("Log format: Structured JSON")), qPrintable(requestLogging));
        QVERIFY2(!requestLogging.contains(s("Log aggregation: Centralized")), qPrintable(requestLogging));
        QVERIFY2(!requestLogging.contains(s("every value in this section is the questionnaire's recommended default")),
                 qPrintable(requestLogging));

        // Centralized aggregation answered in 7.9.4 ships them.
        AnswerSet shipped = console;
        shipped.answers[s("7.9.4")] = {{s("log_aggregation"), s("A")}};
        const QString text = testing::operationsFor(shipped);
        QVERIFY(text.contains(s("**Basic console logs**: the service writes to stdout, and the lines are shipped to "
                                "Datadog Logs by the Datadog Agent.\n")));
        QVERIFY(!text.contains(s("needs centralized logging")));

        AnswerSet files = smart(Scope::Production);
        files.answers[s("7.5")] = {{s("logging"), s("A")}};
        files.answers[s("7.9.4")] = {{s("log_aggregation"), s("B")}};
        const QString filesText = testing::operationsFor(files);
        QVERIFY(filesText.contains(s("they are kept in files on each server, rotated daily by logrotate.\n")));
        QVERIFY(!filesText.contains(s("can be searched together")));
    }

    // With two environments there is no staging: the recommended pipeline does not deploy to
    // one, and the recommended deploy rule says which half of it applies. A staging stage the
    // user chose stays (the wizard warns about it).
    void shouldNotDeployToAStagingThatDoesNotExist()
    {
        AnswerSet two = smart(Scope::Production);
        two.answers[s("7.3")] = {{s("environments"), s("C")}};
        const QString text = testing::operationsFor(two);
        QVERIFY(text.contains(s("Two environments: Development and Production.")));
        QVERIFY(!text.contains(s("**Deploy to staging**")));
        QVERIFY(!text.contains(s("deploys to staging")));
        QVERIFY(text.contains(s("There is no staging environment (see [Environments](#environments)), so only the "
                                "rule's second half applies: production gets a build after a person approves it")));

        // Nor do the configuration documents name it.
        two.context[s("runtime")] = s("node");
        const QString configuration = testing::documentFor(two, s("specs/configuration.md"));
        QVERIFY(configuration.contains(s("development never uses production credentials")));
        QVERIFY2(!configuration.contains(s("staging")), qPrintable(configuration));
        const QString env = testing::documentFor(two, s(".env.example"));
        QVERIFY(env.contains(s("production in every deployed environment.")));
        QVERIFY2(!env.contains(s("staging")), qPrintable(env));

        AnswerSet chosen = two;
        chosen.answers[s("7.4")] = {{s("stages"), QStringList{s("checkout"), s("test"), s("deploy_staging")}}};
        QVERIFY(testing::operationsFor(chosen).contains(s("**Deploy to staging**")));

        AnswerSet three = smart(Scope::Production);
        const QString usual = testing::operationsFor(three);
        QVERIFY(usual.contains(s("**Deploy to staging**")));
        QVERIFY(usual.contains(s("Every merge to `main` deploys to staging; production gets the same build after a "
                                 "person approves it")));
    }

    // Without a database the recommended alerts leave out the database's, and a lost region is
    // rebuilt without backups to copy.
    void shouldNotAlertOnADatabaseThatDoesNotExist()
    {
        AnswerSet none = smart(Scope::Enterprise);
        none.context[s("database")] = s("none");
        none.answers[s("7.1")] = {{s("choice"), s("D")}, {s("platform"), s("Kubernetes (GKE)")}};
        const QString text = testing::operationsFor(none);
        const QString alerts = testing::sectionOf(text, s("Alerts"));
        QVERIFY(alerts.contains(s("| Error rate |")));
        QVERIFY2(!alerts.contains(s("Database connection failures")), qPrintable(alerts));
        QVERIFY2(!alerts.contains(s("Connection pool exhausted")), qPrintable(alerts));
        QVERIFY(!text.contains(s("Copy the backups to a second region")));
        QVERIFY(text.contains(s("Rehearse a deploy into a second region now")));

        AnswerSet postgres = none;
        postgres.context[s("database")] = s("postgresql");
        const QString usual = testing::sectionOf(testing::operationsFor(postgres), s("Alerts"));
        QVERIFY(usual.contains(s("| Database connection failures |")));
        QVERIFY(usual.contains(s("| Connection pool exhausted |")));
    }

    // A platform that scales by its own rule says so instead of the generic CPU thresholds.
    void shouldScaleAsThePlatformScales()
    {
        AnswerSet lambda = smart(Scope::Production);
        lambda.answers[s("7.1")] = {{s("choice"), s("A")}, {s("platform"), s("AWS Lambda")}};
        lambda.answers[s("7.8")] = {{s("strategy"), s("C")}};
        const QString scaling = testing::sectionOf(testing::operationsFor(lambda), s("Scaling Strategy"));
        QVERIFY2(scaling.contains(s("- Lambda starts another execution environment for each request")),
                 qPrintable(scaling));
        QVERIFY(!scaling.contains(s("CPU stays above 70%")));

        AnswerSet ecs = lambda;
        ecs.answers[s("7.1")] = {{s("choice"), s("A")}, {s("platform"), s("AWS ECS Fargate")}};
        QVERIFY(testing::operationsFor(ecs).contains(s("- Instances are added when CPU stays above 70%")));
    }

    // Where the platform starts instances per request and removes idle ones down to none
    // (Lambda, Vercel), the Scaling section keeps no two instances for availability and
    // promises no load balancer over two of them; elsewhere it does.
    void shouldNotKeepTwoInstancesWhereThePlatformStartsThemPerRequest_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<bool>("perRequest");
        QTest::newRow("Lambda, auto-scaling") << s("AWS Lambda") << s("A") << s("C") << true;
        QTest::newRow("Lambda, horizontal") << s("AWS Lambda") << s("A") << s("A") << true;
        QTest::newRow("Vercel, auto-scaling") << s("Vercel") << s("B") << s("C") << true;
        QTest::newRow("Vercel, horizontal") << s("Vercel") << s("B") << s("A") << true;
        QTest::newRow("Cloud Run, auto-scaling") << s("Google Cloud Run") << s("A") << s("C") << false;
        QTest::newRow("ECS, horizontal") << s("AWS ECS Fargate") << s("A") << s("A") << false;
    }
    void shouldNotKeepTwoInstancesWhereThePlatformStartsThemPerRequest()
    {
        QFETCH(QString, platform);
        QFETCH(QString, choice);
        QFETCH(QString, strategy);
        QFETCH(bool, perRequest);
        AnswerSet a = smart(Scope::Production);
        a.answers[s("7.1")] = {{s("choice"), choice}, {s("platform"), platform}};
        a.answers[s("7.8")] = {{s("strategy"), strategy}, {s("year1_load_rpm"), 6000.0}};
        const QString scaling = testing::sectionOf(testing::operationsFor(a), s("Scaling Strategy"));
        QVERIFY2(!scaling.isEmpty(), qPrintable(platform));
        const bool twoInstances = scaling.contains(s("At least two instances for availability"))
            || scaling.contains(s("spreads traffic over at least two instances"));
        QVERIFY2(twoInstances == !perRequest, qPrintable(scaling));
        QVERIFY2(scaling.contains(s("plus one spare")) == !perRequest, qPrintable(scaling));
        if (perRequest) {
            QVERIFY2(scaling.contains(strategy == s("C") ? s("- No instance is kept running for availability: idle "
                                                             "instances are removed down to none")
                                                         : s("- No instance count is kept for availability: ")),
                     qPrintable(scaling));
            QVERIFY2(scaling.contains(s("Requests in flight at peak = 300 × the average request time in seconds")),
                     qPrintable(scaling));
            QVERIFY2(!scaling.contains(s("Scale-in uses graceful shutdown")), qPrintable(scaling));
        }
    }

    // A function gets no SIGTERM for a request in flight: the Graceful Shutdown section says how
    // the platform ends its instances, with no shutdown steps, no stop window and no 7.9.1
    // defaults it does not use; a platform that stops a process with SIGTERM keeps them.
    void shouldNotPromiseSigtermWhereThePlatformStartsInstancesPerRequest_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Lambda") << s("AWS Lambda") << s("A")
                                << s("Lambda ends an execution environment by itself, between invocations: no SIGTERM "
                                     "stops an invocation in flight");
        QTest::newRow("Vercel") << s("Vercel") << s("B")
                                << s("Vercel ends a function instance by itself when it scales down: no SIGTERM "
                                     "stops a request in flight");
        QTest::newRow("ECS") << s("AWS ECS Fargate") << s("A") << QString();
    }
    void shouldNotPromiseSigtermWhereThePlatformStartsInstancesPerRequest()
    {
        QFETCH(QString, platform);
        QFETCH(QString, choice);
        QFETCH(QString, expected);
        AnswerSet a = smart(Scope::Production);
        a.answers[s("7.1")] = {{s("choice"), choice}, {s("platform"), platform}};
        const QString shutdown = testing::sectionOf(testing::operationsFor(a), s("Graceful Shutdown"));
        QVERIFY2(!shutdown.isEmpty(), qPrintable(platform));
        const bool perRequest = !expected.isEmpty();
        if (perRequest) {
            QVERIFY2(shutdown.contains(expected), qPrintable(shutdown));
            QVERIFY2(shutdown.contains(s("So none of a long-running server's shutdown steps applies here")),
                     qPrintable(shutdown));
        }
        QVERIFY2(shutdown.contains(s("Stop accepting new requests")) == !perRequest, qPrintable(shutdown));
        QVERIFY2(shutdown.contains(s("between SIGTERM and SIGKILL"), Qt::CaseInsensitive) == !perRequest,
                 qPrintable(shutdown));
        QVERIFY2(shutdown.contains(s("*Defaults:*")) == !perRequest, qPrintable(shutdown));
    }

    // A function has no instances to replace one at a time: a rolling release (and the deploy under
    // feature flags) says how the platform moves traffic to the new version, not that instances
    // are drained and stopped; a platform that replaces instances keeps that.
    void shouldNotDrainInstancesWhereThePlatformStartsThemPerRequest_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Lambda") << s("AWS Lambda") << s("A")
                                << s("the deploy publishes a new function version and moves the `live` alias to it");
        QTest::newRow("Vercel") << s("Vercel") << s("B")
                                << s("only once it is ready does Vercel point the production domains at it, in one "
                                     "atomic switch");
        QTest::newRow("ECS") << s("AWS ECS Fargate") << s("A") << QString();
    }
    void shouldNotDrainInstancesWhereThePlatformStartsThemPerRequest()
    {
        QFETCH(QString, platform);
        QFETCH(QString, choice);
        QFETCH(QString, expected);
        const bool perRequest = !expected.isEmpty();
        for (const char *strategy : {"A", "D"}) {
            for (const char *scaling : {"A", "B", "C"}) {
                AnswerSet a = smart(Scope::Production);
                a.answers[s("7.1")] = {{s("choice"), choice}, {s("platform"), platform}};
                a.answers[s("7.4.1")] = {{s("strategy"), s(strategy)}};
                a.answers[s("7.8")] = {{s("strategy"), s(scaling)}};
                const QString section = testing::sectionOf(testing::operationsFor(a), s("Deployment Strategy"));
                QVERIFY2(!section.isEmpty(), qPrintable(platform));
                if (perRequest)
                    QVERIFY2(section.contains(expected), qPrintable(section));
                QVERIFY2(section.contains(s("drained and stopped")) == (!perRequest && *strategy == 'A'),
                         qPrintable(section));
                QVERIFY2(section.contains(s("fails its health check stops the rollout"))
                             == (!perRequest && *strategy == 'A'),
                         qPrintable(section));
                QVERIFY2(section.contains(s("before an old one stops")) == (!perRequest && *strategy == 'D'),
                         qPrintable(section));
            }
        }
    }

    // API Gateway and Vercel's edge check no instance: the Health Checks section does not say a
    // load balancer routes only to instances that answer 200, or that the platform restarts one,
    // but what the endpoints serve there; a platform behind a load balancer keeps that.
    void shouldNotRouteByHealthWhereThePlatformStartsInstancesPerRequest_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Lambda") << s("AWS Lambda") << s("A")
                                << s("Amazon API Gateway checks no execution environment and routes no request by "
                                     "these endpoints");
        QTest::newRow("Vercel") << s("Vercel") << s("B")
                                << s("Vercel's edge network checks no function instance and routes no request by "
                                     "these endpoints");
        QTest::newRow("ECS") << s("AWS ECS Fargate") << s("A") << QString();
    }
    void shouldNotRouteByHealthWhereThePlatformStartsInstancesPerRequest()
    {
        QFETCH(QString, platform);
        QFETCH(QString, choice);
        QFETCH(QString, expected);
        const bool perRequest = !expected.isEmpty();
        for (const QStringList &endpoints : {QStringList{s("A"), s("B"), s("C")}, QStringList{s("C")}}) {
            AnswerSet a = smart(Scope::Production);
            a.answers[s("7.1")] = {{s("choice"), choice}, {s("platform"), platform}};
            a.answers[s("7.9")] = {{s("endpoints"), endpoints}};
            const QString section = testing::sectionOf(testing::operationsFor(a), s("Health Checks"));
            QVERIFY2(!section.isEmpty(), qPrintable(platform));
            if (perRequest)
                QVERIFY2(section.contains(expected), qPrintable(section));
            QVERIFY2(section.contains(s("routes traffic only to instances that answer 200")) == !perRequest,
                     qPrintable(section));
            QVERIFY2(!perRequest || !section.contains(s("restart")), qPrintable(section));
        }
    }

    // Lambda's scale command sets reserved concurrency, a ceiling on concurrent executions: its
    // row does not call that the number of instances, and its variable is not an instance count.
    void shouldSayWhatTheScaleCommandChanges()
    {
        AnswerSet lambda = smart(Scope::Production);
        lambda.answers[s("7.1")] = {{s("choice"), s("A")}, {s("platform"), s("AWS Lambda")}};
        lambda.answers[s("7.8")] = {{s("strategy"), s("A")}};
        const QString text = testing::operationsFor(lambda);
        QVERIFY2(text.contains(s("# Set the function's reserved concurrency, the most executions that run at once")),
                 qPrintable(text));
        QVERIFY2(text.contains(s("--reserved-concurrent-executions \"$RESERVED_CONCURRENCY\"")), qPrintable(text));
        QVERIFY2(!text.contains(s("Change the number of instances")), qPrintable(text));
        QVERIFY2(!text.contains(s("DESIRED_COUNT")), qPrintable(text));

        AnswerSet ecs = lambda;
        ecs.answers[s("7.1")] = {{s("choice"), s("A")}, {s("platform"), s("AWS ECS Fargate")}};
        QVERIFY(testing::operationsFor(ecs).contains(s("# Change the number of instances\n")));
    }

    // No container of a function is stopped with SIGTERM by its platform: the Dockerfile's comment
    // on running node itself gives a reason that holds there.
    void shouldNotPromiseSigtermInTheDockerfileOfAFunction()
    {
        AnswerSet a = smart(Scope::Production);
        a.context[s("runtime")] = s("node");
        a.answers[s("7.2")] = {{s("choice"), s("A")}};
        for (const char *platform : {"AWS Lambda", "AWS ECS Fargate"}) {
            a.answers[s("7.1")] = {{s("choice"), s("A")}, {s("platform"), s(platform)}};
            const QString section = testing::sectionOf(testing::operationsFor(a), s("Containerization"));
            QVERIFY2(section.contains(s("CMD [\"node\"")), qPrintable(section));
            const bool lambda = QByteArray(platform) == "AWS Lambda";
            QVERIFY2(section.contains(s("SIGTERM")) == !lambda, qPrintable(section));
            QVERIFY2(section.contains(s("every cold start")) == lambda, qPrintable(section));
        }
    }

    // On a platform with no disk that outlasts an instance, a database file is neither shared nor
    // kept and Litestream cannot stream it: where the documents name the file, they say so.
    void shouldSayWhereNoDiskKeepsADatabaseFile()
    {
        AnswerSet a = smart(Scope::Production);
        a.context[s("database")] = s("sqlite");
        a.answers[s("7.1")] = {{s("choice"), s("B")}, {s("platform"), s("Vercel")}};
        const QString text = testing::operationsFor(a);
        const QString warning = s("Vercel has no persistent disk: a function can write only to `/tmp`");
        QVERIFY2(testing::sectionOf(text, s("Backup & Disaster Recovery")).contains(warning), qPrintable(text));
        QVERIFY2(testing::sectionOf(text, s("Operating Commands")).contains(warning), qPrintable(text));

        a.answers[s("7.1")] = {{s("choice"), s("B")}, {s("platform"), s("Fly.io")}};
        QVERIFY(!testing::operationsFor(a).contains(s("has no persistent disk")));
    }

    // Under auto-scaling the autoscaler owns the instance count: the scale command raises its
    // maximum (a count set by hand would be undone), and the runbooks give that command.
    void shouldScaleTheAutoscalerNotACountUnderAutoScaling()
    {
        AnswerSet k8s = smart(Scope::Production);
        k8s.answers[s("7.1")] = {{s("choice"), s("D")}, {s("platform"), s("Kubernetes (GKE)")}};
        k8s.answers[s("7.8")] = {{s("strategy"), s("C")}};
        const QString text = testing::operationsFor(k8s);
        QVERIFY2(text.contains(s("# Raise the autoscaler's maximum (a count set by hand is undone by the autoscaler)\n"
                                 "kubectl -n \"$K8S_NAMESPACE\" patch hpa ")),
                 qPrintable(text));
        QVERIFY2(!text.contains(s("scale deployment/")), qPrintable(text));
        QVERIFY2(text.contains(s("raise the autoscaler's maximum (a count set by hand is undone by the autoscaler): "
                                 "`kubectl -n \"$K8S_NAMESPACE\" patch hpa ")),
                 qPrintable(text));

        AnswerSet manual = k8s;
        manual.answers[s("7.8")] = {{s("strategy"), s("A")}};
        const QString manualText = testing::operationsFor(manual);
        QVERIFY(manualText.contains(
            s("# Change the number of instances\nkubectl -n \"$K8S_NAMESPACE\" scale deployment/")));
        QVERIFY(!manualText.contains(s("patch hpa")));

        AnswerSet app = k8s;
        app.answers[s("7.1")] = {{s("choice"), s("B")}, {s("platform"), s("DigitalOcean App Platform")}};
        QVERIFY(testing::operationsFor(app).contains(
            s("- Raise the autoscaler's maximum (a count set by hand is undone by the autoscaler): "
              "`max_instance_count` under `autoscaling` in the app spec, applied with `doctl apps update")));
    }

    // Rewording, or showing a field the built-in templates leave out, is a template edit.
    void shouldPlaceAnAnswerFromAnOverride()
    {
        QTemporaryDir project;
        put(project.filePath(s(".ai-flow/templates/opsflow/operations.md.template")),
            "# Operations\n\n{{#IF ANSWER_7_4_1_STRATEGY_IS_C}}Canary releases start at "
            "{{ANSWER_7_4_1_CANARY_INITIAL_PERCENT}} of traffic; rollback within "
            "{{ANSWER_7_4_1_ROLLBACK_MINUTES}}.{{ELSE}}No canary.{{/IF}}\n");
        AnswerSet a = smart(Scope::Production);
        a.answers[s("7.4.1")] = {{s("strategy"), s("C")}, {s("canary_initial_percent"), 10.0}};
        const Resolver resolver(Questionnaire::builtIn(), a);
        const GenerationResult r = generate(resolver, TemplateSet::forProject(project.path()));
        QVERIFY(r.errors.isEmpty());
        const auto ops = std::find_if(r.files.begin(), r.files.end(),
                                      [](const GeneratedFile &f) { return f.path == s("docs/operations.md"); });
        QVERIFY(ops != r.files.end());
        // 5 minutes: the questionnaire's recommended rollback time, which Smart Auto-Suggest uses.
        QVERIFY2(QString::fromUtf8(ops->content)
                     .contains(s("Canary releases start at 10% of traffic; rollback within 5 minutes.")),
                 ops->content.constData());
    }
};

QTEST_GUILESS_MAIN(TestAnswerVariables)
#include "tst_answervariables.moc"
