// The Phase 7 summary: every line of the seed's block, per scope, and each export format
// read back.
#include "answersfile.h"
#include "defaultsused.h"
#include "factmodel.h"
#include "summaryexport.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace opsflow;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

AnswerSet defaults(Scope scope)
{
    AnswerSet a;
    a.scope = scope;
    a.mode = Mode::SmartAutoSuggest;
    return a;
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(OPSFLOW_TEST_DATA "/core/data/") + name;
}

// Compares with a golden file; OPSFLOW_UPDATE_GOLDEN=1 rewrites it instead.
void compareGolden(const QString &name, const QByteArray &actual)
{
    const QString path = goldenPath(name);
    if (qEnvironmentVariableIntValue("OPSFLOW_UPDATE_GOLDEN") == 1) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(actual);
        return;
    }
    QFile in(path);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(path + s(" is missing; run with OPSFLOW_UPDATE_GOLDEN=1")));
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(in.readAll()));
}

} // namespace

class TestSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldListEveryLineOfTheSeedInOrder()
    {
        const AnswerSet a = defaults(Scope::Enterprise);
        const QList<SummaryLine> lines = summaryLines(Resolver(Questionnaire::builtIn(), a));
        QStringList labels;
        for (const SummaryLine &l : lines)
            labels.append(l.label);
        // The seed's block, plus 7.9.3 and 7.9.4 in question order.
        QCOMPARE(labels,
                 QStringList({s("Deployment Environment"), s("Containerization"), s("Environments"),
                              s("CI/CD Pipeline"), s("Deployment Strategy"), s("Monitoring & Logging"), s("Alerts"),
                              s("Backup & Disaster Recovery"), s("Database Migrations in Production"),
                              s("Database Connection Pooling"), s("Scaling Strategy"), s("Health Checks"),
                              s("Graceful Shutdown"), s("Circuit Breakers & Resilience"), s("Retry & Timeout Policies"),
                              s("Request Logging & Masking"), s("Documentation & Runbooks")}));
        for (const SummaryLine &l : lines)
            QVERIFY2(!l.tbd && !l.text.isEmpty(), qPrintable(l.questionId));
    }

    void shouldMarkWhatMvpSkipsTbd()
    {
        const AnswerSet a = defaults(Scope::Mvp);
        const QList<SummaryLine> lines = summaryLines(Resolver(Questionnaire::builtIn(), a));
        for (const SummaryLine &l : lines) {
            const bool asked = QStringList{s("7.1"), s("7.2"), s("7.3"), s("7.4")}.contains(l.questionId);
            QCOMPARE(l.tbd, !asked);
            if (!asked)
                QCOMPARE(l.text, s("TBD"));
        }
    }

    void shouldMatchTheGoldenSummaries_data()
    {
        QTest::addColumn<int>("scope");
        QTest::newRow("mvp") << int(Scope::Mvp);
        QTest::newRow("production") << int(Scope::Production);
        QTest::newRow("enterprise") << int(Scope::Enterprise);
    }
    void shouldMatchTheGoldenSummaries()
    {
        QFETCH(int, scope);
        const AnswerSet a = defaults(Scope(scope));
        const Resolver r(Questionnaire::builtIn(), a);
        compareGolden(s("summary-%1.md").arg(scopeId(Scope(scope))), summaryMarkdown(r).toUtf8());
    }

    void shouldReadJsonBackToTheSameAnswers()
    {
        AnswerSet a = defaults(Scope::Production);
        a.answers[s("7.1")] = {{s("choice"), s("B")}, {s("platform"), s("Fly.io")}};
        const Resolver r(Questionnaire::builtIn(), a);
        const QJsonObject root = QJsonDocument::fromJson(summaryJson(r)).object();
        QCOMPARE(root.value(s("summary")).toArray().size(), 17);
        QString error;
        const auto back = AnswersFile::fromJson(QJsonDocument(root.value(s("answers")).toObject()).toJson(),
                                                Questionnaire::builtIn(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, a);
    }

    void shouldPutEveryLineInTextAndHtml()
    {
        AnswerSet a = defaults(Scope::Enterprise);
        a.answers[s("7.1")] = {{s("choice"), s("A")}, {s("why"), s("<script>alert('x')</script> & more")}};
        const Resolver r(Questionnaire::builtIn(), a);
        const QString text = summaryText(r);
        const QString html = summaryHtml(r);
        QVERIFY(text.startsWith(s("📋 PHASE 7 SUMMARY")));
        for (const SummaryLine &l : summaryLines(r)) {
            QVERIFY2(text.contains(l.label + s(": ")), qPrintable(l.label));
            QVERIFY2(html.contains(l.label.toHtmlEscaped()), qPrintable(l.label));
        }
        // Typed text is escaped, never markup.
        QVERIFY(!html.contains(s("<script>")));
        QVERIFY(html.contains(s("&lt;script&gt;")));
        QVERIFY(!html.contains(s("http")));
    }

    // An answered value stands alone; a default carries the mark, and every export explains it.
    void shouldMarkDefaultsAndExplainTheMark()
    {
        AnswerSet a;
        a.scope = Scope::Production;
        a.mode = Mode::Interactive;
        a.answers[s("7.9.1")] = {{s("choice"), s("A")}, {s("total_timeout_s"), 40.0}};
        const Resolver r(Questionnaire::builtIn(), a);
        const QList<SummaryLine> lines = summaryLines(r);
        const auto shutdown =
            std::find_if(lines.begin(), lines.end(), [](const SummaryLine &l) { return l.questionId == s("7.9.1"); });
        QVERIFY(shutdown != lines.end());
        QVERIFY2(shutdown->text.contains(s("Total shutdown timeout: 40 s;")), qPrintable(shutdown->text));
        QVERIFY2(shutdown->text.contains(s("Connection drain timeout: 15 s ") + defaultMark()),
                 qPrintable(shutdown->text));
        QVERIFY2(!shutdown->text.startsWith(s("Yes — Handle shutdown gracefully (Production-Ready/Enterprise) ")
                                            + defaultMark()),
                 qPrintable(shutdown->text)); // the headline was answered
        QCOMPARE(shutdown->defaults, int(shutdown->text.count(defaultMark())));
        QVERIFY(shutdown->defaults > 0);

        QVERIFY(summaryMarkdown(r).contains(defaultsLegend()));
        QVERIFY(summaryText(r).contains(defaultsLegend()));
        QVERIFY(summaryHtml(r).contains(defaultsLegend().toHtmlEscaped()));
        const QJsonObject root = QJsonDocument::fromJson(summaryJson(r)).object();
        QCOMPARE(root.value(s("defaultMark")).toString(), defaultMark());
        for (const QJsonValue &line : root.value(s("summary")).toArray()) {
            if (line.toObject().value(s("question")).toString() == s("7.9.1"))
                QCOMPARE(line.toObject().value(s("defaults")).toInt(), shutdown->defaults);
        }
    }

    // A question answered in full carries no mark.
    void shouldNotMarkAnsweredValues()
    {
        AnswerSet a;
        a.scope = Scope::Mvp;
        a.mode = Mode::SmartAutoSuggest;
        a.answers[s("7.1")] = {{s("choice"), s("B")}, {s("platform"), s("Fly.io")}, {s("why"), s("edge regions")}};
        const Resolver r(Questionnaire::builtIn(), a);
        const QList<SummaryLine> lines = summaryLines(r);
        QCOMPARE(lines.first().questionId, s("7.1"));
        QCOMPARE(lines.first().defaults, 0);
        QVERIFY2(!lines.first().text.contains(defaultMark()), qPrintable(lines.first().text));
        QVERIFY(lines.at(1).defaults > 0); // 7.2 unanswered in Smart mode: its defaults are marked
    }

    // A value the project's files gave (Smart Auto-Suggest) is neither the user's answer nor a
    // default: it says where it was found.
    void shouldSayWhereAFoundValueCameFrom()
    {
        AnswerSet a = defaults(Scope::Production);
        a.detectedAnswers.insert(answerKey(s("7.7.1"), s("tool")),
                                 Finding{s("7.7.1"), s("tool"), s("Prisma Migrate"), s("ai-instructions.md:13"), {}});
        const Resolver r(Questionnaire::builtIn(), a);
        const QList<SummaryLine> lines = summaryLines(r);
        const auto migrations =
            std::find_if(lines.cbegin(), lines.cend(), [](const SummaryLine &l) { return l.questionId == s("7.7.1"); });
        QVERIFY(migrations != lines.cend());
        QVERIFY2(migrations->text.contains(s("Migration tool: Prisma Migrate (found in ai-instructions.md:13)")),
                 qPrintable(migrations->text));
        QVERIFY2(!migrations->text.contains(s("Prisma Migrate ") + defaultMark()), qPrintable(migrations->text));
    }

    // Lines read as a person writes them: "Rollback time: 5 minutes", not "How quickly must
    // rollback complete?: 5 minutes"; thresholds inside the options that name them.
    void shouldWriteLabelsAndValuesAsAPersonWould()
    {
        const AnswerSet answers = defaults(Scope::Production);
        const Resolver r(Questionnaire::builtIn(), answers);
        const QList<SummaryLine> lines = summaryLines(r);
        const auto line = [&lines](const char *id) {
            const auto it = std::find_if(lines.begin(), lines.end(),
                                         [id](const SummaryLine &l) { return l.questionId == QLatin1String(id); });
            return it == lines.end() ? QString() : it->text;
        };
        QCOMPARE(line("7.4.1"),
                 s("Rolling Deployment — Gradual replacement (default); Rollback time: 5 minutes (default); "
                   "Who may roll back: Tech Lead (default); "
                   "Rollback triggers: Error rate > 5%, Latency > 2000 ms, Manual (default)"));
        QVERIFY2(line("7.6").startsWith(s("Alert conditions: Error rate > 1%, Response time > 1000 ms, ")),
                 qPrintable(line("7.6")));
        QVERIFY2(!line("7.6").contains(s("threshold")), qPrintable(line("7.6")));
        const QString text = summaryText(r);
        for (const char *leftover : {"?:", "X%", "Y ms", "X ms", ": ;", ":\n"})
            QVERIFY2(!text.contains(s(leftover)), leftover);
    }

    // An Enterprise run whose alert threshold is answered: the option shows that number, in
    // every export, and nothing reads as a question or a leftover placeholder.
    void shouldFillAnOptionFromTheAnsweredThreshold()
    {
        AnswerSet a = defaults(Scope::Enterprise);
        a.answers[s("7.6")] = {{s("conditions"), QStringList{s("A"), s("B"), s("C")}},
                               {s("error_rate_percent"), 5.0},
                               {s("response_time_ms"), 750.0}};
        const Resolver r(Questionnaire::builtIn(), a);
        const QList<SummaryLine> lines = summaryLines(r);
        const auto it =
            std::find_if(lines.begin(), lines.end(), [](const SummaryLine &l) { return l.questionId == s("7.6"); });
        QVERIFY(it != lines.end());
        QVERIFY2(it->text.startsWith(s("Alert conditions: Error rate > 5%, Response time > 750 ms, "
                                       "5xx errors (server errors); ")),
                 qPrintable(it->text));
        QVERIFY2(!it->text.contains(s("threshold")), qPrintable(it->text)); // not listed a second time
        const QString text = summaryText(r);
        const QString markdown = summaryMarkdown(r);
        QVERIFY2(text.contains(s("Error rate > 5%")), qPrintable(text));
        QVERIFY2(markdown.contains(s("Error rate \\> 5%")), qPrintable(markdown));
        for (const QString &out : {text, markdown, QString::fromUtf8(summaryJson(r))}) {
            for (const char *leftover : {"?:", "X%", "X ms", "Y ms", "Your choice", "Your policies", ": ;"})
                QVERIFY2(!out.contains(s(leftover)), leftover);
        }
    }

    void shouldMarkAThresholdNobodyGaveInsideItsOption()
    {
        AnswerSet a = defaults(Scope::Production);
        a.answers[s("7.4.1")] = {{s("strategy"), s("A")},
                                 {s("rollback_criteria"), QStringList{s("error_rate"), s("manual")}},
                                 {s("rollback_minutes"), 10.0},
                                 {s("rollback_who"), s("devops")}};
        const Resolver r(Questionnaire::builtIn(), a);
        const QList<SummaryLine> lines = summaryLines(r);
        const auto it =
            std::find_if(lines.begin(), lines.end(), [](const SummaryLine &l) { return l.questionId == s("7.4.1"); });
        QVERIFY(it != lines.end());
        QCOMPARE(it->text,
                 s("Rolling Deployment — Gradual replacement; Rollback time: 10 minutes; "
                   "Who may roll back: DevOps; Rollback triggers: Error rate > 5% (default), Manual"));
        QCOMPARE(it->defaults, 1);
    }

    // The reverse: the triggers a default, one threshold answered. The line's "(default)" must
    // not claim the answered number, nor the document's Defaults line.
    void shouldNotCallAnAnsweredThresholdADefault()
    {
        AnswerSet a = defaults(Scope::Production);
        a.answers[s("7.6")] = {{s("disk_percent"), 90.0}};
        const Resolver r(Questionnaire::builtIn(), a);
        const QList<SummaryLine> lines = summaryLines(r);
        const auto it =
            std::find_if(lines.begin(), lines.end(), [](const SummaryLine &l) { return l.questionId == s("7.6"); });
        QVERIFY(it != lines.end());
        QVERIFY2(it->text.startsWith(s("Alert conditions: Error rate > 1%, Response time > 1000 ms, ")),
                 qPrintable(it->text));
        QVERIFY2(it->text.contains(s(", Disk space > 90% (answered), Memory usage > 85% (default); ")),
                 qPrintable(it->text));

        const FactModel facts(r);
        const QList<DefaultedValue> listed = defaultedValues(facts, *Questionnaire::builtIn().question(s("7.6")));
        const auto conditions = std::find_if(listed.begin(), listed.end(),
                                             [](const DefaultedValue &v) { return v.fieldId == s("conditions"); });
        QVERIFY(conditions != listed.end());
        QVERIFY2(conditions->text.contains(s("Disk space > 90% (answered)")), qPrintable(conditions->text));
        QVERIFY(std::none_of(listed.begin(), listed.end(),
                             [](const DefaultedValue &v) { return v.fieldId == s("disk_percent"); }));
    }

    void shouldKnowEachFormat()
    {
        for (const char *id : {"md", "txt", "json", "html", "pdf"})
            QCOMPARE(summaryFormatId(*summaryFormatFromId(QLatin1String(id))), QLatin1String(id));
        QVERIFY(!summaryFormatFromId(s("docx")));
    }
};

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
