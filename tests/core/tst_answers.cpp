// The answer rules (asked/used/defaults per scope and mode) and the answers file.
#include "answerset.h"
#include "answersfile.h"
#include "answersmodel.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace opsflow;

namespace {

const Questionnaire &q7()
{
    return Questionnaire::builtIn();
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMarkSkippedQuestionsTbdInMvp()
    {
        AnswerSet a;
        a.scope = Scope::Mvp;
        const Resolver r(q7(), a);
        QVERIFY(r.isAsked(s("7.4")));
        QVERIFY(!r.isAsked(s("7.4.1")));
        QVERIFY(r.isSkipped(s("7.5")));
        QVERIFY(!r.value(s("7.5"), s("apm")).isValid());
    }

    // Pre-flight's hybrid path in MVP: phase 0's gaps are mostly questions MVP skips, so the
    // questions chosen as missing are asked in full instead of asking nothing.
    void shouldAskMissingQuestionsTheScopeSkipsOnTheHybridPath()
    {
        AnswerSet a;
        a.scope = Scope::Mvp;
        a.onlyQuestions = {s("7.4.1"), s("7.5")};
        a.answers[s("7.5")][s("apm")] = s("B");
        const Resolver r(q7(), a);
        QVERIFY(r.isAsked(s("7.4.1")));
        QVERIFY(r.isAsked(s("7.5")));
        QVERIFY(!r.isSkipped(s("7.5")));
        QCOMPARE(r.askedAs(*q7().question(s("7.5"))), Asked::Full);
        QCOMPARE(r.askedDespiteScope(), QStringList({s("7.4.1"), s("7.5")}));
        QCOMPARE(r.value(s("7.5"), s("apm")).toString(), s("B"));
        // A question MVP asks but the documents cover keeps its stored answer, unasked.
        QVERIFY(!r.isAsked(s("7.4")));
        // Without the hybrid choice MVP still skips them.
        a.onlyQuestions.clear();
        const Resolver plain(q7(), a);
        QVERIFY(plain.isSkipped(s("7.5")));
        QVERIFY(plain.askedDespiteScope().isEmpty());
        QVERIFY(!plain.value(s("7.5"), s("apm")).isValid());
    }

    // What the preview renders: answers the page shows as errors are left out, the rest kept.
    void shouldLeaveInvalidAnswersOutOfTheUsableOnes()
    {
        AnswerSet a;
        a.answers[s("7.2")] = {{s("image_size_mb"), 99999.0}, {s("choice"), s("A")}};
        a.answers[s("7.1")] = {{s("choice"), s("Z")}, {s("platform"), s("Fly.io")}};
        a.answers[s("7.7.2")] = {{s("max_connections"), s("many")}, {s("min_connections"), 2.0}};
        QList<Issue> issues;
        const AnswerSet usable = usableAnswers(q7(), a, &issues);
        QStringList dropped;
        for (const Issue &issue : std::as_const(issues))
            dropped << issue.questionId + QLatin1Char('/') + issue.fieldId + QLatin1Char(' ') + issue.message;
        dropped.sort();
        QCOMPARE(dropped,
                 (QStringList{s("7.1/choice \"Z\" is not one of the options."),
                              s("7.2/image_size_mb Must be between 1 and 20000 MB."),
                              s("7.7.2/max_connections Enter a number.")}));
        QVERIFY(!usable.stored(s("7.2"), s("image_size_mb")).isValid());
        QCOMPARE(usable.stored(s("7.2"), s("choice")).toString(), s("A"));
        QCOMPARE(usable.stored(s("7.1"), s("platform")).toString(), s("Fly.io"));
        QCOMPARE(usable.stored(s("7.7.2"), s("min_connections")).toDouble(), 2.0);
        // In range: kept as answered.
        a.answers[s("7.2")][s("image_size_mb")] = 120.0;
        QCOMPARE(usableAnswers(q7(), a).stored(s("7.2"), s("image_size_mb")).toDouble(), 120.0);
    }

    void shouldNeverUseHiddenAnswers()
    {
        AnswerSet a;
        a.scope = Scope::Enterprise;
        a.answers[s("7.4.1")] = {{s("strategy"), s("B")}, {s("canary_initial_percent"), 5.0}};
        const Resolver r(q7(), a);
        QVERIFY(!r.isFieldAsked(s("7.4.1"), s("canary_initial_percent")));
        QVERIFY(!r.value(s("7.4.1"), s("canary_initial_percent")).isValid());
        QVERIFY(r.isFieldAsked(s("7.4.1"), s("traffic_switching")));

        a.answers[s("7.4.1")][s("strategy")] = s("C");
        const Resolver r2(q7(), a);
        QCOMPARE(r2.value(s("7.4.1"), s("canary_initial_percent")).toDouble(), 5.0);
        QVERIFY(!r2.isFieldAsked(s("7.4.1"), s("traffic_switching")));
    }

    void shouldKeepAnsweredDetailsOfSimplifiedQuestions()
    {
        AnswerSet a;
        a.scope = Scope::Production;
        a.mode = Mode::Interactive;
        a.answers[s("7.9.1")] = {{s("choice"), s("A")}, {s("total_timeout_s"), 99.0}};
        const Resolver r(q7(), a);
        QVERIFY(r.isFieldAsked(s("7.9.1"), s("choice")));
        QVERIFY(!r.isFieldAsked(s("7.9.1"), s("total_timeout_s")));
        // The wizard does not ask the detail in Production, but the answer is never replaced.
        QVERIFY(r.isKeptDetail(s("7.9.1"), s("total_timeout_s")));
        QCOMPARE(r.value(s("7.9.1"), s("total_timeout_s")).toDouble(), 99.0);
        // A detail nobody answered takes its default.
        const Field *drain = q7().field(s("7.9.1"), s("drain_timeout_s"));
        QVERIFY(drain);
        QVERIFY(!r.isKeptDetail(s("7.9.1"), s("drain_timeout_s")));
        QCOMPARE(r.value(s("7.9.1"), s("drain_timeout_s")), drain->defaultValue);

        a.scope = Scope::Enterprise;
        const Resolver r2(q7(), a);
        QVERIFY(!r2.isKeptDetail(s("7.9.1"), s("total_timeout_s"))); // asked there
        QCOMPARE(r2.value(s("7.9.1"), s("total_timeout_s")).toDouble(), 99.0);
    }

    void shouldValidateKeptDetailsByName()
    {
        AnswerSet a;
        a.scope = Scope::Production;
        a.mode = Mode::Interactive;
        a.answers[s("7.9.1")] = {{s("choice"), s("A")}, {s("total_timeout_s"), -5.0}};
        const QList<Issue> issues = validateQuestion(Resolver(q7(), a), s("7.9.1"));
        QCOMPARE(issues.size(), 1);
        // No row on the page shows the detail, so the message names it and holds no field id.
        QVERIFY(issues.first().fieldId.isEmpty());
        const QString label = q7().field(s("7.9.1"), s("total_timeout_s"))->label;
        QVERIFY2(issues.first().message.startsWith(label + s(" (an answer this scope does not ask)")),
                 qPrintable(issues.first().message));

        // A check between kept details holds them to the same rule as asked ones.
        a.answers[s("7.9.1")] = {{s("choice"), s("A")}, {s("total_timeout_s"), 40.0}, {s("drain_timeout_s"), 50.0}};
        const QList<Issue> checks = validateQuestion(Resolver(q7(), a), s("7.9.1"));
        QCOMPARE(checks.size(), 1);
        QVERIFY(checks.first().fieldId.isEmpty());
        QVERIFY2(checks.first().message.startsWith(s("Answers this scope does not ask: The connection drain")),
                 qPrintable(checks.first().message));
        QVERIFY(!checks.first().warning);
    }

    void shouldPrefillOnlyInSmartMode()
    {
        AnswerSet a;
        a.mode = Mode::Interactive;
        const Resolver r(q7(), a);
        QVERIFY(!r.shownValue(s("7.1"), s("choice")).isValid());
        QVERIFY(!isQuestionComplete(r, s("7.1"))); // a required choice is missing
        // Checklists keep their ✅ items in both modes.
        QVERIFY(!r.shownValue(s("7.5"), s("metrics")).toStringList().isEmpty());

        a.mode = Mode::SmartAutoSuggest;
        const Resolver r2(q7(), a);
        QCOMPARE(r2.shownValue(s("7.1"), s("choice")).toString(), s("A"));
        QVERIFY(isQuestionComplete(r2, s("7.1")));
    }

    void shouldExplainInvalidValues_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("below range") << "7.7"
                                     << "retention_days" << QVariant(0.0) << "Must be between 1 and 3650 days.";
        QTest::newRow("not whole") << "7.7"
                                   << "retention_days" << QVariant(1.5) << "Enter a whole number.";
        QTest::newRow("not a number") << "7.7"
                                      << "retention_days" << QVariant(s("soon")) << "Enter a number.";
        QTest::newRow("unknown option") << "7.1"
                                        << "choice" << QVariant(s("Z")) << "\"Z\" is not one of the options.";
    }
    void shouldExplainInvalidValues()
    {
        QFETCH(QString, question);
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QString, message);
        AnswerSet a;
        a.scope = Scope::Enterprise;
        a.answers[question][field] = value;
        const Resolver r(q7(), a);
        const QList<Issue> issues = validateQuestion(r, question);
        QStringList messages;
        for (const Issue &i : issues) {
            if (i.fieldId == field)
                messages.append(i.message);
        }
        QVERIFY2(messages.contains(message), qPrintable(messages.join(QLatin1Char('|'))));
        QVERIFY(!isQuestionComplete(r, question));
    }

    void shouldCheckAcrossFields()
    {
        AnswerSet a;
        a.scope = Scope::Enterprise;
        a.answers[s("7.7.2")] = {{s("min_connections"), 50.0}, {s("max_connections"), 10.0}};
        const Resolver r(q7(), a);
        QVERIFY(!isQuestionComplete(r, s("7.7.2")));
        a.answers[s("7.7.2")][s("max_connections")] = 60.0;
        const Resolver r2(q7(), a);
        QVERIFY(isQuestionComplete(r2, s("7.7.2")));
    }

    // A scope nobody chose is not written, so reading the file back does not turn the
    // recommended scope into the user's answer; one that was chosen is.
    void shouldWriteTheScopeOnlyOnceChosen()
    {
        AnswerSet a;
        a.answers[s("7.1")] = {{s("choice"), s("B")}};
        const QByteArray unchosen = AnswersFile::toJson(a);
        QVERIFY(!QJsonDocument::fromJson(unchosen).object().contains(s("scope")));
        QString error;
        auto back = AnswersFile::fromJson(unchosen, q7(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(!back->scopeChosen);
        QCOMPARE(back->scope, Scope::Production);

        AnswersModel model(q7());
        model.setScope(Scope::Production); // the same scope, now chosen
        QVERIFY(model.snapshot().scopeChosen);
        back = AnswersFile::fromJson(AnswersFile::toJson(model.snapshot()), q7(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->scopeChosen);
        QCOMPARE(QJsonDocument::fromJson(AnswersFile::toJson(*back)).object().value(s("scope")).toString(),
                 s("production"));
    }

    void shouldRoundTripTheAnswersFile()
    {
        AnswerSet a;
        a.scope = Scope::Enterprise;
        a.scopeChosen = true;
        a.mode = Mode::Interactive;
        a.context[s("project_name")] = s("payments-api");
        a.answers[s("7.1")] = {{s("choice"), s("A")}, {s("platform"), s("AWS ECS")}, {s("why"), s("Team knows AWS ⭐")}};
        a.answers[s("7.4.1")] = {{s("strategy"), s("C")}, {s("canary_initial_percent"), 5.0}};
        a.answers[s("7.5")] = {{s("metrics"), QStringList{s("request_rate")}}};
        a.answers[s("7.9.3")] = {
            {s("policies"), QVariantList{QVariantMap{{s("service"), s("DB")}, {s("timeout_ms"), 500.0}}}}};
        a.preflight = PreflightAction::AnswerMissing;
        a.onlyQuestions = {s("7.4.1"), s("7.9")};
        a.templates = TemplateChoice::AiFlow;
        a.imported = {{s("7.1"), s("platform"), s("AWS ECS"), s("docs/deployment.md:3"), {}},
                      {s("7.4.1"), s("canary_initial_percent"), 5.0, s("docs/deployment.md:12"), {}}};
        QString error;
        const auto back = AnswersFile::fromJson(AnswersFile::toJson(a), q7(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, a);
        QCOMPARE(AnswersFile::toJson(*back), AnswersFile::toJson(a)); // byte-identical
    }

    void shouldRejectBadAnswersFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"("format": "opsflow-answers", "version": 1, "phase": "7")";
        QTest::newRow("syntax") << QByteArray("{\n  \"format\": \"opsflow-answers\",\n  oops\n}")
                                << "is not valid JSON (unterminated object at line 3, column 4)";
        QTest::newRow("array") << QByteArray("[]") << "must hold a JSON object";
        QTest::newRow("wrong format") << QByteArray(R"({"format": "other", "version": 1})")
                                      << "is not an OpsFlow answers file (\"format\" must be \"opsflow-answers\")";
        QTest::newRow("newer") << QByteArray(R"({"format": "opsflow-answers", "version": 7})")
                               << "was written by a newer OpsFlow (answers version 7; this one reads up to 1)";
        QTest::newRow("unknown key") << "{" + head + R"(, "extra": 1})"
                                     << "has an unknown key \"extra\"";
        QTest::newRow("bad scope") << "{" + head + R"(, "scope": "huge"})"
                                   << "has an unknown \"scope\" (use mvp, production or enterprise)";
        QTest::newRow("unknown question") << "{" + head + R"(, "answers": {"7.99": {}}})"
                                          << "answers an unknown question \"7.99\"";
        QTest::newRow("unknown field") << "{" + head + R"(, "answers": {"7.1": {"colour": "x"}}})"
                                       << "answers.\"7.1\" has an unknown field \"colour\"";
        QTest::newRow("wrong type") << "{" + head + R"(, "answers": {"7.7": {"retention_days": "thirty"}}})"
                                    << "answers.\"7.7\".retention_days must be a number";
        QTest::newRow("unknown templates") << "{" + head + R"(, "templates": "jinja"})"
                                           << "has an unknown \"templates\" choice (use opsflow or ai-flow)";
        QTest::newRow("imported unknown question")
            << "{" + head + R"(, "imported": {"7.99": {"choice": {"value": "A", "evidence": "d.md:1"}}}})"
            << "imported.\"7.99\" must be a question id holding an object keyed by field id";
        QTest::newRow("imported unknown field")
            << "{" + head + R"(, "imported": {"7.1": {"colour": {"value": "A", "evidence": "d.md:1"}}}})"
            << "imported.\"7.1\".colour names an unknown field";
        QTest::newRow("imported without evidence")
            << "{" + head + R"(, "imported": {"7.1": {"choice": {"value": "A", "evidence": " "}}}})"
            << "imported.\"7.1\".choice must hold exactly \"value\" and \"evidence\" (the line it came from)";
        QTest::newRow("imported extra key")
            << "{" + head + R"(, "imported": {"7.1": {"choice": {"value": "A", "evidence": "d.md:1", "x": 1}}}})"
            << "imported.\"7.1\".choice must hold exactly \"value\" and \"evidence\" (the line it came from)";
        QTest::newRow("imported bad value")
            << "{" + head + R"(, "imported": {"7.7": {"retention_days": {"value": "x", "evidence": "d.md:1"}}}})"
            << "imported.\"7.7\".retention_days.value must be a number";
        QTest::newRow("wrong table cell")
            << "{" + head + R"(, "answers": {"7.9.3": {"policies": [{"timeout_ms": []}]}}})"
            << "answers.\"7.9.3\".policies column \"timeout_ms\" must be a number";
        QTest::newRow("duplicate key") << QByteArray("{\"format\": \"opsflow-answers\", \"version\": 1,\n"
                                                     " \"scope\": \"mvp\", \"scope\": \"enterprise\"}")
                                       << "has the key \"scope\" twice (line 2, column 18); only one of them can count";
        QTest::newRow("duplicate field") << "{" + head + R"(, "answers": {"7.1": {"choice": "A", "choice": "B"}}})"
                                         << "has the key \"choice\" twice in answers.\"7.1\" (line 1, column 94); only "
                                            "one of them can count";
        QTest::newRow("not an option") << "{" + head + R"(, "answers": {"7.1": {"choice": "Z"}}})"
                                       << "answers.\"7.1\".choice must be one of A, B, C, D, not \"Z\"";
        QTest::newRow("version 1e10")
            << QByteArray(R"({"format": "opsflow-answers", "version": 1e10})")
            << "was written by a newer OpsFlow (answers version 10000000000; this one reads up to 1)";
        QTest::newRow("only not a list") << "{" + head + R"(, "only": "7.1"})"
                                         << "\"only\" must be a list of question ids";
        QTest::newRow("unknown preflight choice")
            << "{" + head + R"(, "preflight": "later"})"
            << "has an unknown \"preflight\" choice (use use-existing, answer-missing, answer-all, skip)";
        QTest::newRow("preflight not a string") << "{" + head + R"(, "preflight": 2})"
                                                << "has an unknown \"preflight\" choice (use use-existing, "
                                                   "answer-missing, answer-all, skip)";
        QTest::newRow("schema not a string") << "{" + head + R"(, "$schema": 1})"
                                             << "\"$schema\" must be a string";
        QTest::newRow("unknown context") << "{" + head + R"(, "context": {"colour": "x"}})"
                                         << "has an unknown context key \"colour\"";
    }
    void shouldRejectBadAnswersFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!AnswersFile::fromJson(json, q7(), &error));
        QCOMPARE(error, message);
    }

    void shouldNameTheFileAndKeepABadFileAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(s("phase7.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ corrupt");
        file.close();
        QString error;
        QVERIFY(!AnswersFile::load(path, q7(), &error));
        QVERIFY2(error.startsWith(path + s(" is not valid JSON")), qPrintable(error));
        const QString aside = AnswersFile::keepAside(path);
        QVERIFY(!aside.isEmpty());
        QVERIFY(!QFile::exists(path));
        QFile kept(aside);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("{ corrupt"));
    }

    void shouldRefuseHugeFilesUnread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(s("phase7.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(9 * 1024 * 1024));
        file.close();
        QString error;
        QVERIFY(!AnswersFile::load(path, q7(), &error));
        QVERIFY2(error.contains(s("too large")), qPrintable(error));
    }

    void shouldReportAnUnwritableFolder()
    {
        if (geteuid() == 0)
            QSKIP("root can write into read-only folders");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        QString error;
        QVERIFY(!AnswersFile::save(dir.filePath(s("phase7.json")), AnswerSet(), &error));
        QVERIFY2(error.startsWith(s("Cannot write")), qPrintable(error));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    // Works for root too (CI runs as root, which ignores permission bits): the folder to
    // create is blocked by a plain file.
    void shouldReportAFolderThatCannotBeCreated()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(s(".ai-flow")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QString error;
        QVERIFY(!AnswersFile::save(AnswersFile::pathForProject(dir.path()), AnswerSet(), &error));
        // The system's reason, not "Unknown error".
        QCOMPARE(error, s("Cannot create the folder %1: Not a directory").arg(dir.filePath(s(".ai-flow/answers"))));
    }

    void shouldSaveIntoTheProject()
    {
        QTemporaryDir dir;
        const QString path = AnswersFile::pathForProject(dir.path());
        QCOMPARE(path, dir.filePath(s(".ai-flow/answers/phase7.json")));
        AnswerSet a;
        a.answers[s("7.1")] = {{s("choice"), s("B")}};
        QString error;
        QVERIFY2(AnswersFile::save(path, a, &error), qPrintable(error));
        const auto back = AnswersFile::load(path, q7(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->stored(s("7.1"), s("choice")).toString(), s("B"));
    }

    // Whatever reaches the model (typing, a paste, an accepted suggestion, an import) is cut
    // to the questionnaire's limits, so the autosaved file always loads again: a file the
    // loader refused would be moved aside on the next start.
    void shouldNeverStoreMoreThanTheFileMayHold()
    {
        AnswersModel model(q7());
        model.setValue(s("7.1"), s("platform"), QString(10000, u'p'));
        model.setValue(s("7.1"), s("why"), QString(10000, u'w'));
        QVariantList rows;
        for (int i = 0; i < 60; ++i)
            rows.append(QVariantMap{{s("service"), QString(500, u's')}, {s("timeout_ms"), 1000}});
        model.setValue(s("7.9.3"), s("policies"), rows);
        model.setContextValue(s("project_name"), QString(10000, u'n') + s("\U0001F680"));
        QCOMPARE(model.stored(s("7.1"), s("platform")).toString().size(), 200);
        QCOMPARE(model.stored(s("7.1"), s("why")).toString().size(), 4000);
        QCOMPARE(model.stored(s("7.9.3"), s("policies")).toList().size(), 50);
        QCOMPARE(model.stored(s("7.9.3"), s("policies")).toList().first().toMap().value(s("service")).toString().size(),
                 200);
        QString error;
        QVERIFY2(AnswersFile::fromJson(AnswersFile::toJson(model.snapshot()), q7(), &error), qPrintable(error));
    }

    void shouldSignalModelChangesOnce()
    {
        AnswersModel model(q7());
        QSignalSpy changed(&model, &AnswersModel::changed);
        QSignalSpy value(&model, &AnswersModel::valueChanged);
        model.setValue(s("7.1"), s("choice"), s("A"));
        model.setValue(s("7.1"), s("choice"), s("A")); // no change, no signal
        QCOMPARE(changed.size(), 1);
        QCOMPARE(value.size(), 1);
        model.setScope(Scope::Mvp);
        QCOMPARE(changed.size(), 2);
        // Changing scope keeps the answers of questions it no longer asks.
        model.setValue(s("7.5"), s("apm"), s("C"));
        QCOMPARE(model.stored(s("7.5"), s("apm")).toString(), s("C"));
        model.setScope(Scope::Enterprise);
        QCOMPARE(model.resolver().value(s("7.5"), s("apm")).toString(), s("C"));
    }
};

QTEST_GUILESS_MAIN(TestAnswers)
#include "tst_answers.moc"
