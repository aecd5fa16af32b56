// Answers in words: "Label: value" without a question mark or a hanging colon, and chosen
// options whose placeholder another field fills, with that field's provenance.
#include "answerset.h"
#include "factmodel.h"
#include "reportedvalue.h"

#include <QTest>

using namespace opsflow;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const Field &builtInField(const char *question, const char *field)
{
    const Field *f = Questionnaire::builtIn().field(s(question), s(field));
    Q_ASSERT(f);
    return *f;
}

// 7.4.1's rollback triggers as reported for `answers` (Production scope, Smart mode).
ReportedValue rollbackTriggers(const QVariantMap &answers, Mode mode = Mode::SmartAutoSuggest)
{
    AnswerSet a;
    a.scope = Scope::Production;
    a.mode = mode;
    a.answers[s("7.4.1")] = answers;
    const Resolver r(Questionnaire::builtIn(), a);
    const FactModel facts(r);
    const Field &f = builtInField("7.4.1", "rollback_criteria");
    return reportedValue(facts, s("7.4.1"), f, facts.field(s("7.4.1"), f.id), s("(default)"));
}

} // namespace

class TestReportedValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReportALabelWithoutItsQuestionMark()
    {
        Field f;
        f.label = s("Why?");
        QCOMPARE(reportLabel(f), s("Why"));
        f.label = s("Operational documentation:");
        QCOMPARE(reportLabel(f), s("Operational documentation"));
        f.label = s("Platform");
        QCOMPARE(reportLabel(f), s("Platform"));
        // The questionnaire's short label wins.
        f.label = s("How quickly must rollback complete?");
        f.summaryLabel = s("Rollback time");
        QCOMPARE(reportLabel(f), s("Rollback time"));
        QCOMPARE(reportLabel(builtInField("7.4.1", "rollback_who")), s("Who may roll back"));
        QCOMPARE(reportLabel(builtInField("7.10", "create")), s("Creating the documentation"));
    }

    void shouldNeverLeaveALabelHanging()
    {
        QCOMPARE(labelledValue(s("Rollback time"), s("5 minutes")), s("Rollback time: 5 minutes"));
        QCOMPARE(labelledValue(s("Rationale"), QString()), QString());
        QCOMPARE(labelledValue(s("Rationale"), s("  ")), QString());
        QCOMPARE(labelledValue(QString(), s("Rolling Deployment")), s("Rolling Deployment"));
    }

    void shouldFillAPlaceholderFromItsField()
    {
        // Both answered: the user's numbers, no mark.
        ReportedValue v = rollbackTriggers({{s("rollback_criteria"), QStringList{s("error_rate"), s("latency")}},
                                            {s("rollback_error_rate_percent"), 2.5},
                                            {s("rollback_latency_ms"), 1500.0}});
        QCOMPARE(v.text, s("Error rate > 2.5%, Latency > 1500 ms"));
        QCOMPARE(v.marks, 0);
        QCOMPARE(v.shownFields, (QStringList{s("rollback_error_rate_percent"), s("rollback_latency_ms")}));
    }

    void shouldMarkAFillNobodyGave()
    {
        // The triggers answered, the threshold not: the default is used and says so.
        const ReportedValue v = rollbackTriggers({{s("rollback_criteria"), QStringList{s("error_rate"), s("manual")}}});
        QCOMPARE(v.text, s("Error rate > 5% (default), Manual"));
        QCOMPARE(v.marks, 1);
        QCOMPARE(v.shownFields, QStringList{s("rollback_error_rate_percent")});

        // Both defaults: the field's own mark covers them, none inside.
        const ReportedValue all = rollbackTriggers({});
        QCOMPARE(all.text, s("Error rate > 5%, Latency > 2000 ms, Manual"));
        QCOMPARE(all.marks, 0);
    }

    void shouldNotCallAnAnsweredNumberADefault()
    {
        // The threshold answered, the triggers not: the triggers are the default, the number is not.
        const ReportedValue v = rollbackTriggers({{s("rollback_error_rate_percent"), 2.0}});
        QCOMPARE(v.text, s("Error rate > 2% (answered), Latency > 2000 ms, Manual"));
        QCOMPARE(v.marks, 0);
        QCOMPARE(v.shownFields, (QStringList{s("rollback_error_rate_percent"), s("rollback_latency_ms")}));
    }

    void shouldNotClaimANumberNobodyGave()
    {
        // Asked in full and left empty: no default stands in, so no number is shown.
        const ReportedValue v = rollbackTriggers(
            {{s("strategy"), s("A")}, {s("rollback_criteria"), QStringList{s("latency")}}}, Mode::Interactive);
        QCOMPARE(v.text, s("Latency > TBD ms"));
        QCOMPARE(v.marks, 0);
    }

    void shouldFillANumberTheSeedWroteIn()
    {
        // "Disk space > 80%": the 80 is the disk threshold's, so an answer of 90 shows as 90.
        AnswerSet a;
        a.scope = Scope::Production;
        a.mode = Mode::SmartAutoSuggest;
        a.answers[s("7.6")] = {{s("conditions"), QStringList{s("F"), s("C")}}, {s("disk_percent"), 90.0}};
        const Resolver r(Questionnaire::builtIn(), a);
        const FactModel facts(r);
        const Field &f = builtInField("7.6", "conditions");
        const ReportedValue v = reportedValue(facts, s("7.6"), f, facts.field(s("7.6"), f.id), s("(default)"));
        QCOMPARE(v.text, s("Disk space > 90%, 5xx errors (server errors)"));
        // The wizard's option keeps the seed's words.
        QCOMPARE(f.choice(s("F"))->label, s("Disk space > 80%"));
        QCOMPARE(describeValue(f, QStringList{s("F")}), s("Disk space > 80%"));
    }
};

QTEST_GUILESS_MAIN(TestReportedValue)
#include "tst_reportedvalue.moc"
