// Enterprise scope's Resilience and Data Protection section: the platform's own zone, region
// and TLS sentences, the database's encryption per managed service, the failover plan the
// answers chose, retention with its defaults marked, and nothing of it outside Enterprise.
#include "answerset.h"
#include "diagrams.h"
#include "envcatalog.h"
#include "generateddocs.h"
#include "knowledge.h"
#include "knowledgeedits.h"

#include <QTest>

using namespace opsflow;
using testing::operationsFor;
using testing::sectionOf;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

AnswerSet enterpriseOn(const char *platformChoice, const char *platform)
{
    AnswerSet a;
    a.scope = Scope::Enterprise;
    a.mode = Mode::SmartAutoSuggest;
    a.context = {{s("project_name"), s("claims-service")}, {s("database"), s("postgresql")}, {s("cache"), s("none")}};
    a.answers[s("7.1")][s("choice")] = s(platformChoice);
    a.answers[s("7.1")][s("platform")] = s(platform);
    return a;
}

const QString Title = QStringLiteral("Resilience and Data Protection");

} // namespace

class TestResilience : public QObject
{
    Q_OBJECT

private slots:
    void shouldGiveEveryPlatformItsOwnSentences()
    {
        QSet<QString> tls;
        for (const PlatformKnowledge &p : Knowledge::builtIn().platforms()) {
            QVERIFY2(!p.resilience.zones.isEmpty() && !p.resilience.regions.isEmpty() && !p.resilience.tls.isEmpty(),
                     qPrintable(p.id));
            tls.insert(p.resilience.tls);
        }
        // Shared wording would mean the data says nothing about the platform.
        QVERIFY2(tls.size() > Knowledge::builtIn().platforms().size() / 2, qPrintable(QString::number(tls.size())));
    }

    void shouldUseThePlatformsAndTheManagedDatabasesWords()
    {
        const QString doc = operationsFor(enterpriseOn("A", "AWS ECS"));
        const QString part = sectionOf(doc, Title);
        const PlatformKnowledge *ecs = Knowledge::builtIn().platform(s("aws-ecs"));
        QVERIFY(ecs);
        QVERIFY2(part.contains(ecs->resilience.zones), qPrintable(part));
        QVERIFY(part.contains(ecs->resilience.tls));
        const DatabaseKnowledge *pg = Knowledge::builtIn().database(s("postgresql"));
        QVERIFY(part.contains(s("- **Database:** ") + pg->encryptionAtRest.value(s("aws"))));
        QVERIFY(!part.contains(pg->encryptionAtRest.value(s("self_hosted"))));
        QVERIFY(doc.contains(s("- [Resilience and Data Protection](#resilience-and-data-protection)")));
    }

    void shouldUseTheSelfHostedEncryptionWhereTheTeamRunsTheDatabase()
    {
        const QString part = sectionOf(operationsFor(enterpriseOn("C", "Docker Compose on company servers")), Title);
        const DatabaseKnowledge *pg = Knowledge::builtIn().database(s("postgresql"));
        QVERIFY2(part.contains(pg->encryptionAtRest.value(s("self_hosted"))), qPrintable(part));
    }

    void shouldWriteTheFailoverPlanTheAnswersChose()
    {
        AnswerSet a = enterpriseOn("A", "AWS ECS");
        const QString zones = sectionOf(operationsFor(a), Title);
        QVERIFY(zones.contains(s("Failover: **One region, instances spread across zones**.")));
        QVERIFY(zones.contains(s("Losing the whole region is a disaster")));
        QVERIFY(!zones.contains(s("Failing over to the standby")));

        a.answers[s("7.1")][s("failover")] = s("standby");
        a.answers[s("7.1")][s("region")] = s("eu-west-1");
        a.answers[s("7.1")][s("failover_region")] = s("eu-central-1");
        const QString standby = sectionOf(operationsFor(a), Title);
        QVERIFY2(standby.contains(s("Primary region: `eu-west-1`. Failover: **Warm standby in a second region**.")),
                 qPrintable(standby));
        QVERIFY(standby.contains(s("A warm standby runs in `eu-central-1`")));
        QVERIFY(standby.contains(s("2. Promote the replica in `eu-central-1` to be the primary database")));
        QVERIFY(standby.contains(Knowledge::builtIn().platform(s("aws-ecs"))->resilience.regions));

        a.answers[s("7.1")][s("failover")] = s("active");
        const QString active = sectionOf(operationsFor(a), Title);
        QVERIFY(active.contains(s("PostgreSQL accepts writes in one region at a time")));
        QVERIFY(!active.contains(s("Failing over to the standby")));
    }

    void shouldMarkRetentionDefaultsAndDropThemOnceAnswered()
    {
        AnswerSet a = enterpriseOn("A", "AWS ECS");
        const QString unanswered = sectionOf(operationsFor(a), Title);
        QVERIFY2(unanswered.contains(s("| Logs | 90 days |")), qPrintable(unanswered));
        QVERIFY(unanswered.contains(s("| Traces | 14 days | Datadog |")));
        QVERIFY(unanswered.contains(s("*Defaults:* Region and zone failover: One region, instances spread across "
                                      "zones; Log retention: 90 days; Trace retention: 14 days.")));

        a.answers[s("7.1")][s("failover")] = s("zones");
        a.answers[s("7.5")][s("log_retention_days")] = 400;
        a.answers[s("7.5")][s("apm")] = s("F");
        const QString answered = sectionOf(operationsFor(a), Title);
        QVERIFY(answered.contains(s("| Logs | 400 days |")));
        // No APM: no traces to keep, and no question about them.
        QVERIFY(!answered.contains(s("| Traces |")));
        QVERIFY(!answered.contains(s("*Defaults:*")));
    }

    void shouldLeaveProductionWithoutTheSection()
    {
        AnswerSet a = enterpriseOn("A", "AWS ECS");
        a.scope = Scope::Production;
        a.answers[s("7.1")][s("failover")] = s("standby");
        a.answers[s("7.5")][s("log_retention_days")] = 30;
        const QString doc = operationsFor(a);
        QVERIFY(sectionOf(doc, Title).isEmpty());
        QVERIFY(!doc.contains(s("resilience-and-data-protection")));
        // The Enterprise-only answers are not used, so they count as nothing.
        QVERIFY(!doc.contains(s("Log retention")));
    }

    void shouldKeepHostileRegionsOutOfExamples_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("example");
        QTest::newRow("AWS") << s("eu-west-1") << s("eu-west-1");
        QTest::newRow("Google Cloud") << s("europe-west4") << s("europe-west4");
        QTest::newRow("Azure") << s("westeurope") << s("westeurope");
        QTest::newRow("empty") << QString() << s("us-east-1");
        QTest::newRow("shell") << s("eu-west-1; rm -rf /") << s("us-east-1");
        QTest::newRow("yaml") << s("eu\n  command: evil") << s("us-east-1");
        QTest::newRow("upper case") << s("EU-WEST-1") << s("us-east-1");
    }
    void shouldKeepHostileRegionsOutOfExamples()
    {
        QFETCH(QString, region);
        QFETCH(QString, example);
        DeploymentFacts f;
        f.region = region;
        QCOMPARE(exampleRegion(f), example);
    }

    void shouldEscapeATypedRegionInTheDocument()
    {
        AnswerSet a = enterpriseOn("A", "AWS ECS");
        a.answers[s("7.1")][s("region")] = s("eu-`west`|1");
        const QString doc = operationsFor(a);
        QVERIFY2(doc.contains(s("Primary region: ``eu-`west`|1``.")), qPrintable(sectionOf(doc, Title)));
        QVERIFY2(doc.contains(s("| Region | eu-\\`west\\`\\|1 |")),
                 qPrintable(sectionOf(doc, s("Deployment Environment"))));
    }

    void shouldRefuseADatabaseWithoutEncryptionForOneOfItsServices()
    {
        const QString error =
            testing::loadErrorWithFirstEntry(s("stores.json"), s("databases"), s("encryption_at_rest"),
                                             QJsonObject{{s("self_hosted"), s("Disk encryption.")}});
        QVERIFY2(error.contains(s("encryption_at_rest")) && error.contains(s("aws")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestResilience)
#include "tst_resilience.moc"
