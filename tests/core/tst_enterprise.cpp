// Enterprise scope's reliability parts of operations.md: the error budget arithmetic, the SLO
// default marked only when no answer gives the target, a dependency row per third party, every
// alert linked to a runbook that links back, and Production documents untouched.
#include "answerset.h"
#include "enterprisecontext.h"
#include "generateddocs.h"
#include "generation.h"
#include "questionnaire.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace opsflow;
using testing::operationsFor;
using testing::sectionOf;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

AnswerSet smart(Scope scope)
{
    AnswerSet a;
    a.scope = scope;
    a.mode = Mode::SmartAutoSuggest;
    a.context = {{s("project_name"), s("claims-service")}, {s("database"), s("postgresql")}, {s("cache"), s("none")}};
    return a;
}

// Every heading's anchor as GitHub makes it, with -1, -2 … for repeats.
QSet<QString> anchors(const QString &markdown)
{
    static const QRegularExpression heading(s("^#{1,6} (.+)$"), QRegularExpression::MultilineOption);
    QSet<QString> out;
    QHash<QString, int> seen;
    bool fenced = false;
    for (const QString &line : markdown.split(u'\n')) {
        if (line.startsWith(s("```")))
            fenced = !fenced;
        const QRegularExpressionMatch m = heading.match(line);
        if (fenced || !m.hasMatch())
            continue;
        const QString anchor = headingAnchor(m.captured(1));
        const int n = seen[anchor]++;
        out.insert(n == 0 ? anchor : anchor + u'-' + QString::number(n));
    }
    return out;
}

QStringList fragmentLinks(const QString &markdown)
{
    static const QRegularExpression link(s("\\]\\(#([^)]+)\\)"));
    QStringList out;
    for (auto it = link.globalMatch(markdown); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

} // namespace

class TestEnterprise : public QObject
{
    Q_OBJECT

private slots:
    void shouldComputeTheErrorBudget_data()
    {
        QTest::addColumn<double>("target");
        QTest::addColumn<int>("days");
        QTest::addColumn<double>("minutes");
        QTest::newRow("99.9% over 30 days") << 99.9 << 30 << 43.2;
        QTest::newRow("99.95% over 30 days") << 99.95 << 30 << 21.6;
        QTest::newRow("99% over 30 days") << 99.0 << 30 << 432.0;
        QTest::newRow("99.99% over 28 days") << 99.99 << 28 << 4.032;
    }
    void shouldComputeTheErrorBudget()
    {
        QFETCH(double, target);
        QFETCH(int, days);
        QFETCH(double, minutes);
        QVERIFY2(std::abs(errorBudgetMinutes(target, days) - minutes) < 1e-9,
                 qPrintable(QString::number(errorBudgetMinutes(target, days), 'g', 17)));
    }

    void shouldGiveHeadingsGitHubAnchors()
    {
        QCOMPARE(headingAnchor(s("Runbook: 5xx errors")), s("runbook-5xx-errors"));
        QCOMPARE(headingAnchor(s("Monitoring & Logging")), s("monitoring--logging"));
        QCOMPARE(headingAnchor(s("CI/CD Pipeline")), s("cicd-pipeline"));
    }

    void shouldMarkTheTargetAsADefaultOnlyWhenNotAnswered()
    {
        const QString unanswered = operationsFor(smart(Scope::Enterprise));
        const QString slo = sectionOf(unanswered, s("Service Level Objectives"));
        QVERIFY2(
            slo.contains(s("| 99.9% of requests succeed | 0.1% of requests, or 43.2 minutes of complete outage |")),
            qPrintable(slo));
        QVERIFY(slo.contains(s("*Defaults:* Availability target (SLO): 99.9%")));
        QVERIFY(unanswered.contains(s("and its own default for the availability objective")));

        AnswerSet answered = smart(Scope::Enterprise);
        answered.answers[s("7.6")][s("slo_availability_percent")] = 99.95;
        const QString withTarget = operationsFor(answered);
        const QString answeredSlo = sectionOf(withTarget, s("Service Level Objectives"));
        QVERIFY2(answeredSlo.contains(s("| 99.95% of requests succeed | 0.05% of requests, or 21.6 minutes")),
                 qPrintable(answeredSlo));
        QVERIFY(!answeredSlo.contains(s("*Defaults:*")));
        QVERIFY(!withTarget.contains(s("its own default for the availability objective")));

        // The legend counts the SLO default like any other: one fewer once it is answered.
        static const QRegularExpression count(s("name the values \\((\\d+) in all\\)"));
        const int before = count.match(unanswered).captured(1).toInt();
        const int after = count.match(withTarget).captured(1).toInt();
        QCOMPARE(after, before - 1);
    }

    void shouldComputeTheBurnRateThresholdsFromTheTarget()
    {
        AnswerSet a = smart(Scope::Enterprise);
        a.answers[s("7.6")][s("slo_availability_percent")] = 99.5;
        const QString slo = sectionOf(operationsFor(a), s("Service Level Objectives"));
        // 14.4 × 0.5% = 7.2%; 14.4 × 60 min of a 43,200 min window = 2% of the budget.
        QVERIFY2(slo.contains(s("| Critical | 14.4× | 7.2% | 1 hour and 5 minutes | 2% | 2.1 days |")),
                 qPrintable(slo));
        QVERIFY2(slo.contains(s("| Warning | 6× | 3% | 6 hours and 30 minutes | 5% | 5 days |")), qPrintable(slo));
    }

    void shouldNameTheOwnerOnlyWhenAnswered()
    {
        AnswerSet a = smart(Scope::Enterprise);
        QVERIFY(sectionOf(operationsFor(a), s("Service Level Objectives"))
                    .contains(s("Service owner: *not decided yet* (7.6, \"Service owner\").")));
        a.answers[s("7.6")][s("service_owner")] = s("Claims Platform team");
        QVERIFY(sectionOf(operationsFor(a), s("Service Level Objectives"))
                    .contains(s("Service owner: **Claims Platform team**.")));
    }

    void shouldListEveryAnsweredThirdParty()
    {
        AnswerSet a = smart(Scope::Enterprise);
        a.answers[s("7.9.2")][s("choice")] = s("A");
        a.answers[s("7.9.2")][s("services")] =
            QVariantList{QVariantMap{{s("service_name"), s("Stripe")},
                                     {s("failure_threshold"), 40},
                                     {s("fallback_strategy"), s("Queue the charge")}}};
        a.answers[s("7.9.3")][s("policies")] =
            QVariantList{QVariantMap{{s("service"), s("Geocoder API")}, {s("timeout_ms"), 2000}, {s("retries"), 1}},
                         QVariantMap{{s("service"), s("Stripe")}, {s("timeout_ms"), 3000}, {s("retries"), 2}},
                         QVariantMap{{s("service"), s("Redis cache")}, {s("timeout_ms"), 100}, {s("retries"), 0}}};
        const QString table = sectionOf(operationsFor(a), s("Dependency Failures"));
        QVERIFY2(table.contains(
                     s("| Stripe | fallback (7.9.2): Queue the charge | (2 + 1) × 3000 ms = 9 s, plus backoff |")),
                 qPrintable(table));
        QVERIFY(table.contains(s("| Geocoder API | *not decided yet* | (1 + 1) × 2000 ms = 4 s, plus backoff |")));
        QVERIFY(table.contains(s("| PostgreSQL")));
        // The project has no cache: a retry row naming one is no dependency of this service.
        QVERIFY(!table.contains(s("Redis")));
        QCOMPARE(table.count(s("\n| Stripe |")), 1);
    }

    void shouldLinkEveryAlertToARunbookThatLinksBack()
    {
        const QString doc = operationsFor(smart(Scope::Enterprise));
        const QSet<QString> headings = anchors(doc);
        for (const QString &fragment : fragmentLinks(doc))
            QVERIFY2(headings.contains(fragment), qPrintable(s("no heading for #") + fragment));

        const QString alerts = sectionOf(doc, s("Alerts"));
        static const QRegularExpression row(s("^\\| ([^|]+) \\|.*\\| \\[Runbook: [^]]+\\]\\(#([a-z0-9-]+)\\) \\|$"),
                                            QRegularExpression::MultilineOption);
        int linked = 0;
        for (auto it = row.globalMatch(alerts); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            ++linked;
            // The runbook the row points at names the alert and links back to Alerts.
            const QString anchor = m.captured(2);
            bool found = false;
            for (qsizetype i = doc.indexOf(s("\n### Runbook: ")); i >= 0;
                 i = doc.indexOf(s("\n### Runbook: "), i + 1)) {
                const qsizetype lineEnd = doc.indexOf(u'\n', i + 1);
                if (headingAnchor(doc.mid(i + 5, lineEnd - i - 5)) != anchor)
                    continue;
                const QString body = doc.mid(lineEnd, doc.indexOf(s("\n### "), lineEnd) - lineEnd);
                QVERIFY2(body.contains(s("Alert: *") + m.captured(1).trimmed() + s("* in [Alerts](#alerts)")),
                         qPrintable(body));
                QVERIFY(body.contains(s("Dashboard: the service's dashboard in ")));
                found = true;
            }
            QVERIFY2(found, qPrintable(anchor));
        }
        // Error rate, response time, 5xx, service down, database, disk, memory and the pool.
        QCOMPARE(linked, 8);
        // The existing runbooks are reused, never written twice.
        QCOMPARE(doc.count(s("\n### Runbook: Service down\n")), 1);
        QCOMPARE(doc.count(s("\n### Runbook: Database connection failure\n")), 1);
    }

    void shouldLeaveProductionDocumentsAlone()
    {
        const AnswerSet plain = smart(Scope::Production);
        AnswerSet withEnterpriseAnswers = plain;
        withEnterpriseAnswers.answers[s("7.6")][s("slo_availability_percent")] = 99.95;
        withEnterpriseAnswers.answers[s("7.6")][s("service_owner")] = s("Claims Platform team");
        const QString doc = operationsFor(plain);
        const QString other = operationsFor(withEnterpriseAnswers);
        qsizetype at = 0;
        while (at < doc.size() && at < other.size() && doc.at(at) == other.at(at))
            ++at;
        QVERIFY2(other == doc, qPrintable(doc.mid(at - 200, 400) + s("\n---\n") + other.mid(at - 200, 400)));
        for (const char *enterpriseOnly :
             {"## Service Level Objectives", "## Dependency Failures", "### Runbook: Error rate", "| Runbook |",
              "Alert: *", "availability objective"})
            QVERIFY2(!doc.contains(s(enterpriseOnly)), enterpriseOnly);
    }
};

QTEST_GUILESS_MAIN(TestEnterprise)
#include "tst_enterprise.moc"
