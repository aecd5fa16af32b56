// The generate step's session, shared by the wizard and `opsflow generate`: what stops a
// write, the record kept for the next merge, and what each file's report says afterwards.
#include "generationsession.h"
#include "plurals.h"
#include "regeneration.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

AnswerSet answersWithErrorRate(const QVariant &percent)
{
    AnswerSet answers;
    answers.scopeChosen = true;
    if (percent.isValid())
        answers.answers[s("7.6")].insert(s("error_rate_percent"), percent);
    return answers;
}

QHash<QString, FileReport::Outcome> outcomes(const GenerationSession &session)
{
    QHash<QString, FileReport::Outcome> byPath;
    for (const FileReport &report : session.reports())
        byPath.insert(report.path, report.outcome);
    return byPath;
}

} // namespace

class TestGenerationSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(installPlurals()); }

    void shouldWriteTheDocumentsAndTheRecordForTheNextMerge()
    {
        QTemporaryDir project;
        const AnswerSet answers = answersWithErrorRate({});
        GenerationSession session;
        session.replan(Resolver(Questionnaire::builtIn(), answers), project.path());
        QCOMPARE(session.blocker(), GenerationSession::Blocker::None);
        QCOMPARE(session.reports().size(), 3);
        QCOMPARE(session.reports().first().outcome, FileReport::Outcome::Planned);
        QVERIFY(session.write());
        for (const FileReport &report : session.reports())
            QCOMPARE(report.outcome, FileReport::Outcome::Written);
        QCOMPARE(session.outcomeSentence(s("7")), s("Documents have been created with all Phase 7 information."));
        // The base of the next three-way merge is written with the documents.
        for (const QString &path : {s("docs/operations.md"), s("specs/configuration.md"), s(".env.example")})
            QVERIFY2(QFile::exists(project.filePath(lastGeneratedPath(path))), qPrintable(path));

        // The same answers again: nothing to write, and the page says so.
        session.replan(Resolver(Questionnaire::builtIn(), answers), project.path());
        QVERIFY(!session.hasWritten());
        QVERIFY(session.write());
        for (const FileReport &report : session.reports())
            QCOMPARE(report.outcome, FileReport::Outcome::Unchanged);
        QCOMPARE(session.outcomeSentence(s("7")), s("3 already up to date, not touched."));
    }

    void shouldReportEachFileWhenOneFails()
    {
        // A plain file where the docs folder should be: the first write fails, even for root.
        QTemporaryDir project;
        put(project.filePath(s(".env.example")), "KEEP=1\n");
        GenerationSession session;
        session.replan(Resolver(Questionnaire::builtIn(), answersWithErrorRate({})), project.path());
        // Made after the plan was shown (a plan would say so): the first write fails.
        put(project.filePath(s("docs")), "not a folder\n");
        QVERIFY(!session.write());
        QVERIFY(session.hasWritten());
        QVERIFY(!session.succeeded());
        const auto byPath = outcomes(session);
        QCOMPARE(byPath.value(s("docs/operations.md")), FileReport::Outcome::Failed);
        QCOMPARE(byPath.value(s("specs/configuration.md")), FileReport::Outcome::NotWritten);
        QCOMPARE(byPath.value(s(".env.example")), FileReport::Outcome::NotWritten);
        QCOMPARE(readBytes(project.filePath(s(".env.example"))), QByteArray("KEEP=1\n"));
        QVERIFY(!session.reports().first().reason.isEmpty());
        const QString sentence = session.outcomeSentence(s("7"));
        QCOMPARE(sentence, s("3 could not be written, left as they were."));
    }

    void shouldSayAKeptEditWasKept()
    {
        QTemporaryDir project;
        GenerationSession session;
        session.replan(Resolver(Questionnaire::builtIn(), answersWithErrorRate({})), project.path());
        QVERIFY(session.write());
        const QString ops = project.filePath(s("docs/operations.md"));
        QByteArray text = readBytes(ops);
        const QByteArray row = "| Error rate | more than 1% of requests fail over 5 minutes |";
        QVERIFY(text.contains(row));
        text.replace(row, "| Error rate | more than 2% of requests fail over 5 minutes |");
        put(ops, text);

        // The new answer changes the very line the user edited: a conflict, kept by default.
        const AnswerSet changed = answersWithErrorRate(5);
        session.replan(Resolver(Questionnaire::builtIn(), changed), project.path());
        QVERIFY(session.hasConflicts());
        QVERIFY(session.needsReview());
        QCOMPARE(session.choice(s("docs/operations.md"), s("alerts")), ConflictChoice::KeepMine);
        QVERIFY(session.write());
        // Written (the threshold appears elsewhere too), with the user's line kept.
        QCOMPARE(outcomes(session).value(s("docs/operations.md")), FileReport::Outcome::Written);
        QVERIFY(readBytes(ops).contains("more than 2% of requests"));

        // --force: the new text everywhere.
        session.takeNewEverywhere();
        session.replan(Resolver(Questionnaire::builtIn(), changed), project.path());
        QCOMPARE(session.choice(s("docs/operations.md"), s("alerts")), ConflictChoice::TakeNew);
        QVERIFY(session.write());
        QCOMPARE(outcomes(session).value(s("docs/operations.md")), FileReport::Outcome::Written);
        QVERIFY(readBytes(ops).contains("more than 5% of requests"));
    }

    void shouldSayAHandWrittenFileWasKept()
    {
        QTemporaryDir project;
        QVERIFY(QDir(project.path()).mkpath(s("docs")));
        put(project.filePath(s("docs/operations.md")), "# Our own runbook\n");
        GenerationSession session;
        session.replan(Resolver(Questionnaire::builtIn(), answersWithErrorRate({})), project.path());
        QVERIFY(session.hasConflicts());
        QVERIFY(session.write());
        const auto byPath = outcomes(session);
        QCOMPARE(byPath.value(s("docs/operations.md")), FileReport::Outcome::Kept);
        QCOMPARE(byPath.value(s(".env.example")), FileReport::Outcome::Written);
        QCOMPARE(readBytes(project.filePath(s("docs/operations.md"))), QByteArray("# Our own runbook\n"));
        QCOMPARE(session.outcomeSentence(s("7")),
                 s("2 documents written from the answers; 1 kept as you edited it, by your choice."));
    }

    void shouldNeverWriteAnswersThatAreNotValid()
    {
        QTemporaryDir project;
        GenerationSession session;
        // Out of range (0.01–100): blocked before the missing folder is even mentioned.
        session.replan(Resolver(Questionnaire::builtIn(), answersWithErrorRate(500)), QString());
        QCOMPARE(session.blocker(), GenerationSession::Blocker::InvalidAnswers);
        session.replan(Resolver(Questionnaire::builtIn(), answersWithErrorRate(500)), project.path());
        QCOMPARE(session.invalidAnswers().size(), 1);
        QCOMPARE(session.invalidAnswers().first().fieldId, s("error_rate_percent"));
        QVERIFY(!session.write());
        QVERIFY(!session.hasWritten());
        QVERIFY(!QFile::exists(project.filePath(s("docs/operations.md"))));

        session.replan(Resolver(Questionnaire::builtIn(), answersWithErrorRate({})), QString());
        QCOMPARE(session.blocker(), GenerationSession::Blocker::NoFolder);
        QVERIFY(!session.write());
    }
};

QTEST_GUILESS_MAIN(TestGenerationSession)
#include "tst_generationsession.moc"
