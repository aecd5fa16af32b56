// The pre-flight check: scenarios A/B/C from ai-flow's audit data, the fall-back to
// OpsFlow's own audit (and why), and the report `opsflow check` prints.
#include "knowledge.h"
#include "preflight.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;

Q_DECLARE_METATYPE(opsflow::PreflightScenario)
using namespace opsflow::testing;

namespace {

QByteArray auditData(const QByteArray &phaseKey, const QByteArray &phase)
{
    return "{\n  \"phases\": {\n    \"" + phaseKey + "\": " + phase + "\n  }\n}\n";
}

// A document that covers every item: what OpsFlow itself writes covers them all too.
const QByteArray completeDoc = "# Operations\n\n"
                               "## Deployment Platform\n\nAWS ECS Fargate.\n\n"
                               "## CI/CD Pipeline\n\nGitHub Actions.\n\n"
                               "## Deployment Strategy\n\nBlue-green; rollback in 5 minutes.\n\n"
                               "## Monitoring\n\nDatadog APM.\n\n"
                               "## Logging\n\nStructured JSON logs.\n\n"
                               "## Backups and Disaster Recovery\n\nRTO 60 minutes, RPO 15 minutes.\n\n"
                               "## Scaling\n\nHorizontal auto-scaling.\n\n"
                               "## Health Checks\n\n/health, /health/ready, /health/live.\n\n"
                               "## Resilience\n\nCircuit breakers on the payment API.\n\n"
                               "## Runbooks\n\nDatabase connection failure.\n";

} // namespace

class TestPreflight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldOfferToKeepDocsScoredAbove95()
    {
        const PreflightResult r = runPreflight(fixture("aiflow-a"));
        QCOMPARE(r.scenario, PreflightScenario::KeepExisting);
        QVERIFY(r.fromAuditData);
        QCOMPARE(r.score, std::optional<double>(97));
        QCOMPARE(r.targetFile, QStringLiteral("docs/deployment.md"));
        QCOMPARE(r.recommendation, QStringLiteral("Keep the existing documentation."));
        QCOMPARE(r.auditRecommendation, QStringLiteral("SKIP"));
        QCOMPARE(r.options.size(), 2);
        QCOMPARE(r.options.first().action, PreflightAction::UseExisting);
        QVERIFY(r.options.first().recommended);
        QCOMPARE(r.options.last().action, PreflightAction::AnswerAll);
        // The seed's items come from the audit; the three OpsFlow adds from its own check.
        QVERIFY(r.documented.contains(QStringLiteral("Incident runbooks")));
        QVERIFY(r.documented.contains(QStringLiteral("Deployment strategy and rollback")));
        QVERIFY(r.gaps.contains(
            QStringLiteral("Health checks and graceful shutdown (OpsFlow's check: not found in docs/deployment.md)")));
    }

    void shouldAskOnlyTheMissingQuestionsBetween80And94()
    {
        const PreflightResult r = runPreflight(fixture("aiflow-b"));
        QCOMPARE(r.scenario, PreflightScenario::AnswerMissing);
        QCOMPARE(r.score, std::optional<double>(86));
        // ai-flow writes gap ids: incident_runbooks, rto_rpo.
        QCOMPARE(r.gaps.mid(0, 2),
                 (QStringList{QStringLiteral("Incident runbooks (ai-flow's audit: incident_runbooks)"),
                              QStringLiteral("Disaster recovery (ai-flow's audit: rto_rpo)")}));
        QCOMPARE(
            r.documented,
            (QStringList{QStringLiteral("CI/CD pipeline"), QStringLiteral("Deployment platform"),
                         QStringLiteral("Monitoring"), QStringLiteral("Logging"), QStringLiteral("Scaling strategy")}));
        // Runbooks → 7.10, disaster recovery → 7.7 and 7.7.1; the OpsFlow items its docs lack
        // (strategy, health checks, resilience) add 7.4.1 and 7.9–7.9.3. In the seed's order.
        QCOMPARE(r.missingQuestions,
                 (QStringList{QStringLiteral("7.4.1"), QStringLiteral("7.7"), QStringLiteral("7.7.1"),
                              QStringLiteral("7.9"), QStringLiteral("7.9.1"), QStringLiteral("7.9.2"),
                              QStringLiteral("7.9.3"), QStringLiteral("7.10")}));
        QCOMPARE(r.options.size(), 3);
        QCOMPARE(r.options.at(0).action, PreflightAction::AnswerMissing);
        QVERIFY(r.options.at(0).recommended);
        QVERIFY(r.options.at(0).label.startsWith(QLatin1String("Answer only the 8 missing questions")));
        QCOMPARE(r.options.at(1).action, PreflightAction::AnswerAll);
        QCOMPARE(r.options.at(2).action, PreflightAction::Skip);
        QVERIFY(r.options.at(2).warning.contains(QLatin1String("Incident runbooks")));
    }

    void shouldMapTheAuditsGapsToQuestions()
    {
        // Only the seed's items judged by the audit: the OpsFlow items are documented here.
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")),
            auditData(
                "phase7",
                R"({"exists": true, "consistencyScore": 90, "gaps": ["scaling_strategy", "quantum_safe_encryption"]})"));
        put(dir.filePath(QStringLiteral("docs/deployment.md")), completeDoc);
        const PreflightResult r = runPreflight(dir.path());
        QCOMPARE(r.scenario, PreflightScenario::AnswerMissing);
        QCOMPARE(r.missingQuestions, (QStringList{QStringLiteral("7.7.2"), QStringLiteral("7.8")}));
        QCOMPARE(r.notes,
                 QStringList{QStringLiteral(
                     "ai-flow's audit names the gap \"quantum_safe_encryption\", which no phase 7 question covers "
                     "(nor any close to it): OpsFlow cannot document it; it stays in the audit.")});
        QCOMPARE(r.gaps.last(),
                 QStringLiteral("quantum_safe_encryption (ai-flow's audit; no phase 7 question covers it)"));
    }

    void shouldReadGapIdsByMeaning_data()
    {
        // Phase 0 writes gap ids as the assistant likes: snake, kebab, camel, spaced, synonyms.
        QTest::addColumn<QString>("gap");
        QTest::addColumn<QStringList>("asked");
        const QStringList dr{QStringLiteral("7.7"), QStringLiteral("7.7.1")};
        const QStringList runbooks{QStringLiteral("7.10")};
        const QStringList scaling{QStringLiteral("7.7.2"), QStringLiteral("7.8")};
        const QStringList monitoring{QStringLiteral("7.5"), QStringLiteral("7.6")};
        const QStringList ci{QStringLiteral("7.4")};
        QTest::newRow("disaster_recovery") << "disaster_recovery" << dr;
        QTest::newRow("rto_rpo") << "rto_rpo" << dr;
        QTest::newRow("DR") << "DR" << dr;
        QTest::newRow("backup-strategy") << "backup-strategy" << dr;
        QTest::newRow("onCall") << "onCall" << runbooks;
        QTest::newRow("on_call") << "on_call" << runbooks;
        QTest::newRow("incident_runbooks") << "incident_runbooks" << runbooks;
        QTest::newRow("cicd") << "cicd" << ci;
        QTest::newRow("CI/CD") << "CI/CD" << ci;
        QTest::newRow("ci_pipeline") << "ci_pipeline" << ci;
        QTest::newRow("scaling_strategy") << "scaling_strategy" << scaling;
        QTest::newRow("Autoscaling") << "Autoscaling" << scaling;
        QTest::newRow("monitoring_strategy") << "monitoring_strategy" << monitoring;
        QTest::newRow("apm") << "apm" << monitoring;
        QTest::newRow("alerting") << "alerting" << monitoring;
        QTest::newRow("logging") << "logging" << QStringList{QStringLiteral("7.5"), QStringLiteral("7.9.4")};
        // No term: the nearest topic by wording, never "documented".
        QTest::newRow("a typo") << "observabilty_gaps" << monitoring;
        QTest::newRow("another form") << "autoscaler-config" << scaling;
    }

    void shouldReadGapIdsByMeaning()
    {
        QFETCH(QString, gap);
        QFETCH(QStringList, asked);
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")),
            auditData("phase7",
                      R"({"exists": true, "consistencyScore": 88, "recommendation": "HYBRID", "gaps": [")"
                          + gap.toUtf8() + R"("]})"));
        put(dir.filePath(QStringLiteral("docs/deployment.md")), completeDoc);
        const PreflightResult r = runPreflight(dir.path());
        QCOMPARE(r.scenario, PreflightScenario::AnswerMissing);
        QCOMPARE(r.missingQuestions, asked);
        QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join(QLatin1Char('\n'))));
        // The gap is listed with the id as written; its topic is not also "documented".
        QCOMPARE(r.gaps.size(), 1);
        QVERIFY2(r.gaps.first().contains(gap), qPrintable(r.gaps.first()));
        for (const AuditItem &item : r.items)
            QCOMPARE(item.documented, !r.gaps.first().startsWith(item.label + QLatin1String(" (")));
        QCOMPARE(r.documented.size(), r.items.size() - 1);
    }

    void shouldNeverListATopicAsDocumentedAndMissing()
    {
        // Every gap term of the knowledge, as phase 0 might write it: the topic it names is
        // missing and not documented, whatever the documents say.
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("docs/deployment.md")), completeDoc);
        int terms = 0;
        for (const AuditTopicKnowledge &topic : Knowledge::builtIn().audit().topics) {
            for (const QStringList &term : topic.gapTerms) {
                ++terms;
                const QByteArray id = term.join(QLatin1Char('_')).toUtf8();
                put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")),
                    auditData("phase7", R"({"exists": true, "consistencyScore": 85, "gaps": [")" + id + R"("]})"));
                const PreflightResult r = runPreflight(dir.path());
                for (const AuditItem &item : r.items) {
                    const bool listed = std::any_of(r.gaps.cbegin(), r.gaps.cend(), [&](const QString &gap) {
                        return gap.startsWith(item.label + QLatin1String(" ("));
                    });
                    QVERIFY2(item.documented != listed, qPrintable(QString::fromUtf8(id) + u' ' + item.id));
                    if (item.id == topic.id)
                        QVERIFY2(listed, id.constData());
                }
            }
        }
        QVERIFY(terms > 150);
    }

    void shouldNotCountATopicTheDocumentsNeverMention()
    {
        // The audit names no gap, but the document says nothing of scaling: not "documented".
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")),
            auditData("phase7", R"({"exists": true, "consistencyScore": 90, "gaps": []})"));
        QByteArray doc = completeDoc;
        doc.replace("## Scaling\n\nHorizontal auto-scaling.\n\n", "");
        put(dir.filePath(QStringLiteral("docs/deployment.md")), doc);
        const PreflightResult r = runPreflight(dir.path());
        QVERIFY(!r.documented.contains(QStringLiteral("Scaling strategy")));
        QCOMPARE(r.gaps,
                 QStringList{QStringLiteral("Scaling strategy (OpsFlow's check: not found in docs/deployment.md)")});
        QCOMPARE(r.missingQuestions, (QStringList{QStringLiteral("7.7.2"), QStringLiteral("7.8")}));

        // Without a document to read, the audit's word is all there is.
        QFile::remove(dir.filePath(QStringLiteral("docs/deployment.md")));
        const PreflightResult unread = runPreflight(dir.path());
        QVERIFY(unread.documented.contains(QStringLiteral("Scaling strategy")));
        QCOMPARE(unread.items.at(6).evidence, QStringLiteral("ai-flow's audit"));
    }

    void shouldFollowTheScoreWhenTheAuditRecommendsOtherwise_data()
    {
        QTest::addColumn<QByteArray>("phase");
        QTest::addColumn<PreflightScenario>("scenario");
        QTest::addColumn<QString>("reason");
        QTest::newRow("92 and SKIP") << QByteArray(
            R"({"exists": true, "consistencyScore": 92, "recommendation": "SKIP"})")
                                     << PreflightScenario::AnswerMissing
                                     << QStringLiteral(
                                            "ai-flow's audit recommends to keep the existing documentation, "
                                            "but its consistency score of 92% puts the phase in scenario B; "
                                            "OpsFlow follows the score, as ai-flow's own pre-flight check does.");
        QTest::newRow("97 and full") << QByteArray(
            R"({"exists": true, "consistencyScore": 97, "recommendation": "full"})")
                                     << PreflightScenario::KeepExisting
                                     << QStringLiteral("ai-flow's audit recommends to answer the full phase, but its "
                                                       "consistency score of 97% puts the phase in scenario A; OpsFlow "
                                                       "follows the score, as ai-flow's own pre-flight check does.");
        QTest::newRow("free text") << QByteArray(R"({"exists": true, "consistencyScore": 85, "recommendation": "Ask"})")
                                   << PreflightScenario::AnswerMissing
                                   << QStringLiteral("ai-flow's audit recommends: Ask");
    }

    void shouldFollowTheScoreWhenTheAuditRecommendsOtherwise()
    {
        QFETCH(QByteArray, phase);
        QFETCH(PreflightScenario, scenario);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")), auditData("phase7", phase));
        put(dir.filePath(QStringLiteral("docs/deployment.md")), completeDoc);
        const PreflightResult r = runPreflight(dir.path());
        QCOMPARE(r.scenario, scenario);
        QCOMPARE(r.reasons, QStringList{reason});
        // The recommendation printed is the scenario's, never the audit's word.
        const QString report = preflightReport(r);
        QVERIFY(!report.contains(QLatin1String("Recommendation: SKIP")));
        QVERIFY(report.contains(QStringLiteral("Recommendation: %1\n").arg(r.recommendation)));
        QCOMPARE(r.recommendation.startsWith(QLatin1String("Keep")), scenario == PreflightScenario::KeepExisting);
    }

    void shouldNotCiteOpsFlowsOwnNavigation()
    {
        // A generated document's contents list and "Related:" line name every topic; neither is
        // evidence of one.
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("docs/operations.md")),
            "# Operations: my-api\n\n"
            "<!-- opsflow:begin header -->\n"
            "- **Related:** [Runbooks](runbooks.md), backups and scaling notes\n"
            "<!-- opsflow:end header -->\n\n"
            "- [Scaling Strategy](#scaling-strategy)\n"
            "- [Backup & Disaster Recovery](#backup--disaster-recovery)\n"
            "- [Runbooks](#runbooks)\n\n"
            "## CI/CD Pipeline\n\nGitHub Actions.\n");
        const PreflightResult r = runPreflight(dir.path());
        QCOMPARE(r.documented, QStringList{QStringLiteral("CI/CD pipeline")});
        QCOMPARE(r.items.first().evidence, QStringLiteral("docs/operations.md:11"));
    }

    void shouldRunTheFullPhaseBelow80()
    {
        // aiflow-c keys its phases by number: phases["7"].
        const PreflightResult r = runPreflight(fixture("aiflow-c"));
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
        QVERIFY(r.fromAuditData);
        QCOMPARE(r.score, std::optional<double>(40));
        QCOMPARE(r.reasons,
                 (QStringList{
                     QStringLiteral("ai-flow's audit: Only the deploy command is documented"),
                     QStringLiteral("docs/deployment.md is outdated or incomplete: consistency 40% is below 80%.")}));
        QCOMPARE(r.options.size(), 1);
        QCOMPARE(r.options.first().action, PreflightAction::AnswerAll);
        QVERIFY(r.gaps.contains(QStringLiteral("Monitoring (ai-flow's audit: monitoring_strategy)")));
    }

    void shouldAcceptThePhaseKeyedByNumber()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")),
            auditData("7", R"({"exists": true, "consistencyScore": 96, "file": "docs/deployment.md"})"));
        const PreflightResult r = runPreflight(dir.path());
        QVERIFY(r.fromAuditData);
        QCOMPARE(r.scenario, PreflightScenario::KeepExisting);
        QCOMPARE(r.score, std::optional<double>(96));
    }

    void shouldRunTheFullPhaseWhenTheAuditSaysThereAreNoDocs()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")),
            auditData("phase7", R"({"exists": false, "consistencyScore": 0, "gaps": []})"));
        const PreflightResult r = runPreflight(dir.path());
        QVERIFY(r.fromAuditData);
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
        QVERIFY(!r.score);
        QCOMPARE(r.reasons, QStringList{QStringLiteral("The audit data says docs/deployment.md does not exist.")});
        QVERIFY(preflightReport(r).contains(QLatin1String("Consistency score: N/A (no documents)")));
    }

    void shouldFallBackToItsOwnAuditWhenTheAuditDataIsBroken_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("error");
        QTest::addColumn<double>("ownScore");
        QTest::newRow("corrupt")
            << fixture("audit-corrupt")
            << QStringLiteral(
                   ".ai-flow/cache/audit-data.json is not valid JSON at line 5, column 8 (unterminated object).")
            << 30.0;
        QTest::newRow("wrong types")
            << fixture("audit-wrong-types")
            << QStringLiteral(
                   ".ai-flow/cache/audit-data.json: phases.phase7.consistencyScore must be a number from 0 to 100, not a string.")
            << 50.0;
    }

    void shouldFallBackToItsOwnAuditWhenTheAuditDataIsBroken()
    {
        QFETCH(QString, project);
        QFETCH(QString, error);
        QFETCH(double, ownScore);
        const PreflightResult r = runPreflight(project);
        QVERIFY(!r.fromAuditData);
        QVERIFY(r.auditDataFound);
        QCOMPARE(r.auditDataError, error);
        QCOMPARE(r.score, std::optional<double>(ownScore));
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
        const QString report = preflightReport(r);
        QVERIFY2(report.contains(QStringLiteral("Source: OpsFlow's own audit of docs/")), qPrintable(report));
        QVERIFY2(
            report.contains(QStringLiteral("Audit data not used: %1 OpsFlow audited the documents itself.").arg(error)),
            qPrintable(report));
    }

    void shouldExplainEachWrongShape_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QString at = QStringLiteral(".ai-flow/cache/audit-data.json: phases.phase7");
        QTest::newRow("not an object") << QByteArray("[1, 2]")
                                       << QStringLiteral(".ai-flow/cache/audit-data.json must hold a JSON object.");
        QTest::newRow("phases a string")
            << QByteArray(R"({"phases": "all"})")
            << QStringLiteral(".ai-flow/cache/audit-data.json: phases must be an object, not a string.");
        QTest::newRow("phase a list") << auditData("phase7", "[]")
                                      << at + QStringLiteral(" must be an object, not a list.");
        QTest::newRow("exists a string") << auditData("phase7", R"({"exists": "yes", "consistencyScore": 90})")
                                         << at + QStringLiteral(".exists must be true or false, not a string.");
        QTest::newRow("score out of range")
            << auditData("phase7", R"({"exists": true, "consistencyScore": 140})")
            << at + QStringLiteral(".consistencyScore must be a number from 0 to 100, not 140.");
        QTest::newRow("score missing") << auditData("phase7", R"({"exists": true})")
                                       << at + QStringLiteral(".consistencyScore is missing.");
        QTest::newRow("gaps not strings")
            << auditData("phase7", R"({"exists": true, "consistencyScore": 90, "gaps": [1]})")
            << at + QStringLiteral(".gaps must be a list of strings.");
        QTest::newRow("file a number") << auditData("phase7", R"({"exists": true, "consistencyScore": 90, "file": 7})")
                                       << at + QStringLiteral(".file must be a string, not 7.");
        QTest::newRow("no phase 7") << auditData("phase6", R"({"exists": true, "consistencyScore": 90})")
                                    << QStringLiteral(".ai-flow/cache/audit-data.json has no entry for phase 7.");
    }

    void shouldExplainEachWrongShape()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")), json);
        const PreflightResult r = runPreflight(dir.path());
        QVERIFY(!r.fromAuditData);
        QCOMPARE(r.auditDataError, error);
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
    }

    void shouldRefuseAuditDataOverOneMebibyte()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/cache/audit-data.json")),
            auditData("phase7", R"({"exists": true, "consistencyScore": 97})") + QByteArray(1024 * 1024, ' '));
        put(dir.filePath(QStringLiteral("docs/operations.md")), completeDoc);
        const PreflightResult r = runPreflight(dir.path());
        QVERIFY(!r.fromAuditData);
        QCOMPARE(r.auditDataError,
                 QStringLiteral(".ai-flow/cache/audit-data.json is larger than 1 MiB; it was skipped."));
        QCOMPARE(r.scenario, PreflightScenario::KeepExisting); // from OpsFlow's own audit
    }

    void shouldAuditTheDocumentsItselfWithoutAuditData()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("docs/operations.md")), completeDoc);
        const PreflightResult full = runPreflight(dir.path());
        QVERIFY(!full.fromAuditData);
        QVERIFY(!full.auditDataFound);
        QVERIFY(full.auditDataError.isEmpty());
        QCOMPARE(full.auditedFiles, QStringList{QStringLiteral("docs/operations.md")});
        QCOMPARE(full.score, std::optional<double>(100));
        QCOMPARE(full.scenario, PreflightScenario::KeepExisting);
        for (const AuditItem &item : full.items)
            QVERIFY2(item.evidence.startsWith(QLatin1String("docs/operations.md:")), qPrintable(item.id));

        // Without the two sections on resilience and runbooks: 8 of 10 → B, asking 7.9.2, 7.9.3, 7.10.
        QByteArray partial = completeDoc;
        partial.truncate(partial.indexOf("## Resilience"));
        put(dir.filePath(QStringLiteral("docs/operations.md")), partial);
        const PreflightResult b = runPreflight(dir.path());
        QCOMPARE(b.score, std::optional<double>(80));
        QCOMPARE(b.scenario, PreflightScenario::AnswerMissing);
        QCOMPARE(b.gaps,
                 (QStringList{QStringLiteral("Incident runbooks"),
                              QStringLiteral("Circuit breakers, retries and timeouts")}));
        QCOMPARE(b.missingQuestions,
                 (QStringList{QStringLiteral("7.9.2"), QStringLiteral("7.9.3"), QStringLiteral("7.10")}));
    }

    void shouldNotCountAPassingMention()
    {
        QTemporaryDir dir;
        // "backup" once is a mention; "RTO" is a precise term; a heading always counts.
        put(dir.filePath(QStringLiteral("docs/deployment.md")),
            "# Deployment\n\nWe take a backup before releases.\n\n## Runbooks\n\nNone yet.\n");
        const PreflightResult once = runPreflight(dir.path());
        QCOMPARE(once.documented, QStringList{QStringLiteral("Incident runbooks")});
        put(dir.filePath(QStringLiteral("docs/deployment.md")), "# Deployment\n\nOur RTO is one hour.\n");
        QCOMPARE(runPreflight(dir.path()).documented, QStringList{QStringLiteral("Disaster recovery")});
    }

    void shouldNotAuditTheDocumentsOpsFlowWrote()
    {
        // What `opsflow generate` wrote restates the answers: it is not the team's own
        // documentation, so it neither skips phase 7 nor serves as evidence.
        QTemporaryDir dir;
        const QByteArray written = readBytes(QStringLiteral(OPSFLOW_SOURCE_DIR)
                                             + QStringLiteral("/tests/golden/production-defaults/docs/operations.md"));
        QVERIFY(written.contains("<!-- opsflow:begin "));
        put(dir.filePath(QStringLiteral("docs/operations.md")), written);
        const PreflightResult own = runPreflight(dir.path());
        QCOMPARE(own.writtenByOpsFlow, QStringList{QStringLiteral("docs/operations.md")});
        QVERIFY(own.auditedFiles.isEmpty());
        QVERIFY(!own.docsExist);
        QVERIFY(!own.score);
        QVERIFY(own.documented.isEmpty());
        QCOMPARE(own.scenario, PreflightScenario::FullPhase);
        QVERIFY(documentedOnlyByOpsFlow(own));
        const QString report = preflightReport(own);
        QVERIFY2(report.startsWith(QStringLiteral("🔄 OPERATIONS & DEPLOYMENT WRITTEN BY OPSFLOW\n")),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral(
                     "Written by OpsFlow (its generated sections are not audited): docs/operations.md\n")),
                 qPrintable(report));
        QVERIFY2(!report.contains(QStringLiteral("docs/operations.md:")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Recommendation: Review the phase 7 answers and generate again")),
                 qPrintable(report));

        // The team's own deployment.md beside it is audited alone, and cited alone.
        put(dir.filePath(QStringLiteral("docs/deployment.md")), completeDoc);
        const PreflightResult team = runPreflight(dir.path());
        QCOMPARE(team.auditedFiles, QStringList{QStringLiteral("docs/deployment.md")});
        QCOMPARE(team.writtenByOpsFlow, QStringList{QStringLiteral("docs/operations.md")});
        QCOMPARE(team.scenario, PreflightScenario::KeepExisting);
        QVERIFY(!documentedOnlyByOpsFlow(team));
        for (const AuditItem &item : team.items)
            QVERIFY2(item.evidence.startsWith(QLatin1String("docs/deployment.md:")), qPrintable(item.evidence));
    }

    // A generated document whose end marker the team deleted: still OpsFlow's, not the
    // team's full documentation (which would skip phase 7 as scenario A).
    void shouldNotAuditAGeneratedDocumentWithBrokenMarkers()
    {
        QTemporaryDir dir;
        QByteArray written = readBytes(QStringLiteral(OPSFLOW_SOURCE_DIR)
                                       + QStringLiteral("/tests/golden/production-defaults/docs/operations.md"));
        const qsizetype end = written.indexOf("<!-- opsflow:end deployment-environment -->");
        QVERIFY(end > 0);
        written.remove(end, qsizetype(strlen("<!-- opsflow:end deployment-environment -->")));
        put(dir.filePath(QStringLiteral("docs/operations.md")), written);
        const PreflightResult r = runPreflight(dir.path());
        QCOMPARE(r.writtenByOpsFlow, QStringList{QStringLiteral("docs/operations.md")});
        QVERIFY(r.auditedFiles.isEmpty());
        QVERIFY(!r.docsExist);
        QVERIFY(r.documented.isEmpty());
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
        QVERIFY2(r.notes.join(QLatin1Char('\n'))
                     .contains(QStringLiteral(
                         "docs/operations.md was written by OpsFlow, but its markers are broken (line "
                         "62 opens or closes \"containerization\" inside section \"deployment-environment\")")),
                 qPrintable(r.notes.join(QLatin1Char('\n'))));
    }

    void shouldRunTheFullPhaseWithoutAnyDocs()
    {
        QTemporaryDir dir;
        const PreflightResult r = runPreflight(dir.path());
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
        QVERIFY(!r.score);
        QVERIFY(!r.docsExist);
        QCOMPARE(r.missingQuestions.size(), 17);
        QCOMPARE(r.reasons.size(), 1);
    }

    void shouldAuditTheFixturesWithoutAuditData_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<double>("score");
        QTest::addColumn<QStringList>("documented");
        QTest::newRow("hand-written") << fixture("hand-written") << 70.0
                                      << QStringList{QStringLiteral("CI/CD pipeline"),
                                                     QStringLiteral("Deployment platform"),
                                                     QStringLiteral("Monitoring"),
                                                     QStringLiteral("Logging"),
                                                     QStringLiteral("Incident runbooks"),
                                                     QStringLiteral("Deployment strategy and rollback"),
                                                     QStringLiteral("Circuit breakers, retries and timeouts")};
        QTest::newRow("docs-symlink") << fixture("docs-symlink") << 20.0
                                      << QStringList{QStringLiteral("CI/CD pipeline"),
                                                     QStringLiteral("Deployment platform")};
    }

    void shouldAuditTheFixturesWithoutAuditData()
    {
        QFETCH(QString, project);
        QFETCH(double, score);
        QFETCH(QStringList, documented);
        const PreflightResult r = runPreflight(project);
        QVERIFY(!r.fromAuditData);
        QCOMPARE(r.score, std::optional<double>(score));
        QCOMPARE(r.documented, documented);
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
    }

    void shouldSurviveLatin1Docs()
    {
        const PreflightResult r = runPreflight(fixture("non-utf8"));
        QVERIFY(r.docsExist);
        QCOMPARE(r.scenario, PreflightScenario::FullPhase);
        QVERIFY(r.notes.contains(
            QStringLiteral("docs/deployment.md is not valid UTF-8; it was read with replacement characters.")));
        QVERIFY(preflightReport(r).contains(QLatin1String("not valid UTF-8")));
    }

    void shouldNotAuditALinkOutOfTheProject()
    {
        QTemporaryDir outside;
        put(outside.filePath(QStringLiteral("ops.md")), completeDoc); // would score 100 if read
        QTemporaryDir dir;
        QVERIFY(copyTree(fixture("docs-symlink"), dir.path()));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("ops.md")),
                            dir.filePath(QStringLiteral("docs/operations.md"))));
        const PreflightResult r = runPreflight(dir.path());
        QCOMPARE(r.auditedFiles, QStringList{QStringLiteral("docs/deployment.md")});
        QCOMPARE(r.score, std::optional<double>(20));
        QVERIFY(r.notes.contains(QStringLiteral("docs/operations.md links outside the project; it was not read.")));
    }

    void shouldPrintTheReport()
    {
        const QString report = preflightReport(runPreflight(fixture("aiflow-b")));
        const QString expected = QStringLiteral(
            "📚 OPERATIONS & DEPLOYMENT PARTIALLY DOCUMENTED\n"
            "\n"
            "Scenario: B (answer only the missing questions)\n"
            "Consistency score: 86%\n"
            "Source: ai-flow audit data (.ai-flow/cache/audit-data.json)\n"
            "File: docs/deployment.md\n"
            "Reason: ai-flow's audit: Deployment documented but missing operational details\n"
            "Documented:\n"
            "  ✅ CI/CD pipeline (docs/deployment.md:7)\n"
            "  ✅ Deployment platform (docs/deployment.md:3)\n"
            "  ✅ Monitoring (docs/deployment.md:11)\n"
            "  ✅ Logging (docs/deployment.md:15)\n"
            "  ✅ Scaling strategy (docs/deployment.md:19)\n"
            "Gaps:\n"
            "  ❌ Incident runbooks (ai-flow's audit: incident_runbooks)\n"
            "  ❌ Disaster recovery (ai-flow's audit: rto_rpo)\n"
            "  ❌ Deployment strategy and rollback (OpsFlow's check: not found in docs/deployment.md)\n"
            "  ❌ Health checks and graceful shutdown (OpsFlow's check: not found in docs/deployment.md)\n"
            "  ❌ Circuit breakers, retries and timeouts (OpsFlow's check: not found in docs/deployment.md)\n"
            "Missing questions: 7.4.1, 7.7, 7.7.1, 7.9, 7.9.1, 7.9.2, 7.9.3, 7.10\n"
            "Recommendation: Answer the missing questions; the rest of the documentation is kept.\n"
            "Options:\n"
            "  A) Answer only the 8 missing questions (7.4.1, 7.7, 7.7.1, 7.9, 7.9.1, 7.9.2, 7.9.3, 7.10) ⭐\n"
            "  B) Re-answer everything (full phase)\n"
            "  C) Skip entirely (use the docs as they are) — The gaps stay undocumented: Incident runbooks (ai-flow's "
            "audit: incident_runbooks); Disaster recovery (ai-flow's audit: rto_rpo); Deployment strategy and rollback "
            "(OpsFlow's check: not found in docs/deployment.md); Health checks and graceful shutdown (OpsFlow's check: "
            "not found in docs/deployment.md); Circuit breakers, retries and timeouts (OpsFlow's check: not found in "
            "docs/deployment.md).\n");
        QCOMPARE(report, expected);

        const QString own = preflightReport(runPreflight(fixture("hand-written")));
        QVERIFY(own.startsWith(QStringLiteral("⚠️ OPERATIONS & DEPLOYMENT NEEDS DOCUMENTATION\n")));
        QVERIFY(own.contains(QStringLiteral("Source: OpsFlow's own audit of docs/operations.md\n"
                                            "Audit data: none (.ai-flow/cache/audit-data.json does not exist).\n")));
        QVERIFY(own.contains(QStringLiteral("  ✅ CI/CD pipeline (docs/operations.md:11)\n")));
        QVERIFY(own.contains(
            QStringLiteral("Reason: docs/operations.md is outdated or incomplete: consistency 70% is below 80%.\n")));
    }

    void shouldCoverEveryQuestionOfThePhase()
    {
        // Every question belongs to an item (so scenario B can ask it) and every id is real.
        QFile file(QStringLiteral(OPSFLOW_SOURCE_DIR "/resources/questionnaire/phase7.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QSet<QString> questions;
        for (const QJsonValue &q :
             QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("questions")).toArray())
            questions.insert(q.toObject().value(QLatin1String("id")).toString());
        QCOMPARE(questions.size(), 17);
        QSet<QString> covered;
        for (const AuditItem &item : auditItems()) {
            for (const QString &id : item.questionIds) {
                QVERIFY2(questions.contains(id), qPrintable(id));
                covered.insert(id);
            }
        }
        QCOMPARE(covered, questions);
        QCOMPARE(auditItems().size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
