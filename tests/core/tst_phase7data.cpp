// The built-in questionnaire against the seed: every question, option letter, scope rule and
// marker of ai-flow's Phase 7 is present, and its defaults pass its own checks.
#include "answerset.h"
#include "questionnaire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace opsflow;

class TestPhase7Data : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldLoadTheBuiltInFile()
    {
        QString error;
        const auto q = Questionnaire::fromFile(QStringLiteral(":/resources/questionnaire/phase7.json"), &error);
        QVERIFY2(q, qPrintable(error));
        QCOMPARE(q->phase(), QStringLiteral("7"));
        QCOMPARE(q->title(), QStringLiteral("Operations & Deployment"));
    }

    void shouldHaveTheSeedsQuestionsInOrder()
    {
        const QStringList expected = {QStringLiteral("7.1"),   QStringLiteral("7.2"),   QStringLiteral("7.3"),
                                      QStringLiteral("7.4"),   QStringLiteral("7.4.1"), QStringLiteral("7.5"),
                                      QStringLiteral("7.6"),   QStringLiteral("7.7"),   QStringLiteral("7.7.1"),
                                      QStringLiteral("7.7.2"), QStringLiteral("7.8"),   QStringLiteral("7.9"),
                                      QStringLiteral("7.9.1"), QStringLiteral("7.9.2"), QStringLiteral("7.9.3"),
                                      QStringLiteral("7.9.4"), QStringLiteral("7.10")};
        QStringList ids;
        for (const Question &q : Questionnaire::builtIn().questions())
            ids.append(q.id);
        QCOMPARE(ids, expected);
    }

    // Every lettered option list of the seed: question, field, the letters it offers.
    void shouldOfferEverySeedOption_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("letters");
        QTest::addColumn<QString>("firstLabel");
        QTest::addColumn<QString>("firstMarker");
        QTest::newRow("7.1 where") << "7.1"
                                   << "choice"
                                   << "ABCD"
                                   << "Cloud Platform"
                                   << "⭐";
        QTest::newRow("7.2 docker") << "7.2"
                                    << "choice"
                                    << "AB"
                                    << "Yes"
                                    << "⭐";
        QTest::newRow("7.3 environments") << "7.3"
                                          << "environments"
                                          << "ABC"
                                          << "Three environments"
                                          << "⭐";
        QTest::newRow("7.3 configuration") << "7.3"
                                           << "env_config"
                                           << "ABC"
                                           << "Environment variables (.env files)"
                                           << "✅";
        QTest::newRow("7.4 platform") << "7.4"
                                      << "platform"
                                      << "ABCDEFG"
                                      << "GitHub Actions"
                                      << "⭐";
        QTest::newRow("7.4 auto-deploy") << "7.4"
                                         << "auto_deploy"
                                         << "ABC"
                                         << ""
                                         << "⭐";
        QTest::newRow("7.4.1 strategy") << "7.4.1"
                                        << "strategy"
                                        << "ABCD"
                                        << "Rolling Deployment"
                                        << "⭐";
        QTest::newRow("7.5 apm") << "7.5"
                                 << "apm"
                                 << "ABCDEF"
                                 << "Datadog"
                                 << "⭐";
        QTest::newRow("7.5 logging") << "7.5"
                                     << "logging"
                                     << "ABC"
                                     << "Centralized logging"
                                     << "⭐";
        QTest::newRow("7.6 conditions") << "7.6"
                                        << "conditions"
                                        << "ABCDEFG"
                                        << ""
                                        << "✅";
        QTest::newRow("7.6 channels") << "7.6"
                                      << "channels"
                                      << "ABCD"
                                      << "Email"
                                      << "⭐";
        QTest::newRow("7.6 on-call") << "7.6"
                                     << "on_call"
                                     << "AB"
                                     << ""
                                     << "";
        QTest::newRow("7.7 backups") << "7.7"
                                     << "strategy"
                                     << "ABC"
                                     << "Automated daily backups"
                                     << "⭐";
        QTest::newRow("7.7.1 zero downtime") << "7.7.1"
                                             << "zero_downtime"
                                             << "AB"
                                             << ""
                                             << "⭐";
        QTest::newRow("7.8 scaling") << "7.8"
                                     << "strategy"
                                     << "ABC"
                                     << "Horizontal scaling"
                                     << "⭐";
        QTest::newRow("7.8 database scaling") << "7.8"
                                              << "db_scaling"
                                              << "ABCD"
                                              << "Read replicas"
                                              << "";
        QTest::newRow("7.9 endpoints") << "7.9"
                                       << "endpoints"
                                       << "ABC"
                                       << ""
                                       << "✅";
        QTest::newRow("7.9.1 graceful") << "7.9.1"
                                        << "choice"
                                        << "AB"
                                        << ""
                                        << "⭐";
        QTest::newRow("7.9.2 breakers") << "7.9.2"
                                        << "choice"
                                        << "AB"
                                        << ""
                                        << "⭐";
        QTest::newRow("7.9.2 fallback") << "7.9.2"
                                        << "fallback"
                                        << "ABCD"
                                        << "Return cached data"
                                        << "⭐";
        QTest::newRow("7.9.4 format") << "7.9.4"
                                      << "log_format"
                                      << "ABC"
                                      << ""
                                      << "⭐";
        QTest::newRow("7.9.4 aggregation") << "7.9.4"
                                           << "log_aggregation"
                                           << "ABC"
                                           << ""
                                           << "⭐";
        QTest::newRow("7.10 documentation") << "7.10"
                                            << "docs"
                                            << "ABCD"
                                            << "Deployment guide"
                                            << "✅";
        QTest::newRow("7.10 create") << "7.10"
                                     << "create"
                                     << "ABC"
                                     << ""
                                     << "";
        QTest::newRow("7.10 api docs") << "7.10"
                                       << "api_docs"
                                       << "ABC"
                                       << "Code-First"
                                       << "⭐";
    }
    void shouldOfferEverySeedOption()
    {
        QFETCH(QString, question);
        QFETCH(QString, field);
        QFETCH(QString, letters);
        QFETCH(QString, firstLabel);
        QFETCH(QString, firstMarker);
        const Field *f = Questionnaire::builtIn().field(question, field);
        QVERIFY2(f, qPrintable(question + QLatin1Char(':') + field));
        QString values;
        for (const Choice &c : f->choices)
            values += c.value;
        QCOMPARE(values, letters);
        if (!firstLabel.isEmpty())
            QVERIFY2(f->choices.at(0).label.startsWith(firstLabel), qPrintable(f->choices.at(0).label));
        if (!firstMarker.isEmpty())
            QCOMPARE(f->choices.at(0).marker, firstMarker);
    }

    void shouldKeepTheSeedsSubItems()
    {
        const Field *f = Questionnaire::builtIn().field(QStringLiteral("7.1"), QStringLiteral("choice"));
        QVERIFY(f->choices.at(0).items.contains(QStringLiteral("AWS (ECS, Fargate, Lambda, EC2)")));
        QVERIFY(f->choices.at(3).items.contains(QStringLiteral("Kubernetes (GKE, EKS, AKS)")));
        const Field *stages = Questionnaire::builtIn().field(QStringLiteral("7.4"), QStringLiteral("stages"));
        QCOMPARE(stages->choices.size(), 9);
        QCOMPARE(stages->choices.at(7).marker, QStringLiteral("⏸️"));
        // The optional stages (security scan, manual approval) are not ticked by default.
        QVERIFY(!stages->defaultValue.toStringList().contains(QStringLiteral("manual_approval")));
        QVERIFY(stages->defaultValue.toStringList().contains(QStringLiteral("deploy_production")));
    }

    void shouldPrefillTheSeedsExampleTables()
    {
        const auto rows = [](const char *q, const char *f) {
            return Questionnaire::builtIn().field(QLatin1String(q), QLatin1String(f))->defaultValue.toList();
        };
        const QVariantList retry = rows("7.9.3", "policies");
        QCOMPARE(retry.size(), 6);
        QCOMPARE(retry.at(0).toMap().value(QStringLiteral("service")).toString(), QStringLiteral("Database queries"));
        QCOMPARE(retry.at(2).toMap().value(QStringLiteral("timeout_ms")).toDouble(), 30000.0);
        QCOMPARE(rows("7.9.4", "log_levels").size(), 3);
        QCOMPARE(rows("7.9.4", "masking").size(), 6);
    }

    void shouldAskWhatEachScopeAsks_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QStringList>("asked");
        QTest::addColumn<QStringList>("simplified");
        const QStringList all = {"7.1",   "7.2", "7.3", "7.4",   "7.4.1", "7.5",   "7.6",   "7.7", "7.7.1",
                                 "7.7.2", "7.8", "7.9", "7.9.1", "7.9.2", "7.9.3", "7.9.4", "7.10"};
        QTest::newRow("mvp") << "mvp" << QStringList{"7.1", "7.2", "7.3", "7.4"} << QStringList{};
        QTest::newRow("production") << "production" << all
                                    << QStringList{"7.9", "7.9.1", "7.9.2", "7.9.3", "7.9.4", "7.10"};
        QTest::newRow("enterprise") << "enterprise" << all << QStringList{};
    }
    void shouldAskWhatEachScopeAsks()
    {
        QFETCH(QString, scope);
        QFETCH(QStringList, asked);
        QFETCH(QStringList, simplified);
        const Scope s = *scopeFromId(scope);
        QStringList ids;
        QStringList simple;
        for (const Question *q : Questionnaire::builtIn().askedQuestions(s)) {
            ids.append(q->id);
            if (q->asked(s) == Asked::Simplified)
                simple.append(q->id);
        }
        QCOMPARE(ids, asked);
        QCOMPARE(simple, simplified);
    }

    void shouldShowTheMarkerLegend()
    {
        QStringList emoji;
        for (const Marker &m : Questionnaire::builtIn().markers())
            emoji.append(m.emoji);
        for (const char *e : {"⭐", "🔥", "⚡", "🏆", "✅", "❓", "⏸️"})
            QVERIFY2(emoji.contains(QString::fromUtf8(e)), e);
    }

    void shouldSummariseEveryQuestion()
    {
        for (const Question &q : Questionnaire::builtIn().questions())
            QVERIFY2(!q.summaryLabel.isEmpty(), qPrintable(q.id));
        QCOMPARE(Questionnaire::builtIn().question(QStringLiteral("7.9.3"))->summaryLabel,
                 QStringLiteral("Retry & Timeout Policies"));
    }

    // Every summary label and placeholder fill the file names reaches the loaded questionnaire,
    // and each fill names a field of the same question: read from the file itself, so a key
    // the loader dropped or a fill naming a field that does not exist cannot pass unseen.
    void shouldKnowEveryFieldItsSummaryLabelsAndFillsName()
    {
        QFile file(QStringLiteral(":/resources/questionnaire/phase7.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const Questionnaire &q = Questionnaire::builtIn();
        int labels = 0;
        int fills = 0;
        for (const QJsonValue &qv : root.value(QLatin1String("questions")).toArray()) {
            const QString questionId = qv[QLatin1String("id")].toString();
            for (const QJsonValue &fv : qv[QLatin1String("fields")].toArray()) {
                const QString fieldId = fv[QLatin1String("id")].toString();
                const QString where = questionId + QLatin1Char(' ') + fieldId;
                const Field *field = q.field(questionId, fieldId);
                QVERIFY2(field, qPrintable(where));
                if (fv.toObject().contains(QLatin1String("summaryLabel"))) {
                    ++labels;
                    QCOMPARE(field->summaryLabel, fv[QLatin1String("summaryLabel")].toString());
                    QVERIFY2(!field->summaryLabel.contains(QLatin1Char('?'))
                                 && !field->summaryLabel.endsWith(QLatin1Char(':')),
                             qPrintable(where));
                }
                for (const QJsonValue &cv : fv[QLatin1String("choices")].toArray()) {
                    const QJsonObject fill = cv[QLatin1String("fill")].toObject();
                    const Choice *choice = field->choice(cv[QLatin1String("value")].toString());
                    QVERIFY2(choice, qPrintable(where));
                    QCOMPARE(choice->fills.size(), fill.size());
                    for (auto it = fill.begin(); it != fill.end(); ++it) {
                        ++fills;
                        const QString at = where + QStringLiteral(", ") + choice->label;
                        const Field *source = q.field(questionId, it.value().toString());
                        QVERIFY2(source, qPrintable(at + QStringLiteral(": no field ") + it.value().toString()));
                        QVERIFY2(source != field, qPrintable(at));
                        QCOMPARE(source->type, Field::Type::Number);
                        QVERIFY2(choice->label.contains(it.key()), qPrintable(at));
                    }
                }
            }
        }
        // The file's own count, so a test that reads nothing cannot pass.
        QVERIFY2(labels >= 20, qPrintable(QString::number(labels)));
        QCOMPARE(fills, 6);
    }

    // No option is reported with a placeholder nobody fills ("Error rate > X%"), and no field
    // is reported under a question or the wizard's "Your …" wording.
    void shouldReportEveryValueInWordsAPersonWrites()
    {
        static const QRegularExpression placeholder(QStringLiteral("(?<!\\w)[XYZN](?!\\w)"));
        const Questionnaire &q = Questionnaire::builtIn();
        for (const Question &question : q.questions()) {
            for (const Field &f : question.fields) {
                const QString where = question.id + QLatin1Char(' ') + f.id;
                for (const Choice &c : f.choices) {
                    const QRegularExpressionMatch m = placeholder.match(c.label);
                    if (!m.hasMatch())
                        continue;
                    QVERIFY2(std::any_of(c.fills.begin(), c.fills.end(),
                                         [&m](const Fill &fill) { return fill.text == m.captured(); }),
                             qPrintable(where + QStringLiteral(": ") + c.label));
                }
                const bool wizardWording = f.label.endsWith(QLatin1Char('?'))
                    || f.label.startsWith(QLatin1String("Your ")) || f.label.front().isDigit();
                if (wizardWording)
                    QVERIFY2(!f.summaryLabel.isEmpty(), qPrintable(where + QStringLiteral(": ") + f.label));
            }
        }
    }

    // Smart Auto-Suggest's recommended answers must be a valid, complete walk in every scope.
    void shouldAcceptItsOwnDefaults_data()
    {
        QTest::addColumn<int>("scope");
        QTest::newRow("mvp") << int(Scope::Mvp);
        QTest::newRow("production") << int(Scope::Production);
        QTest::newRow("enterprise") << int(Scope::Enterprise);
    }
    void shouldAcceptItsOwnDefaults()
    {
        QFETCH(int, scope);
        AnswerSet answers;
        answers.scope = Scope(scope);
        answers.mode = Mode::SmartAutoSuggest;
        const Resolver resolver(Questionnaire::builtIn(), answers);
        for (const Question *q : resolver.askedQuestions()) {
            const QList<Issue> issues = validateQuestion(resolver, q->id);
            for (const Issue &i : issues)
                qWarning() << q->id << i.fieldId << i.message;
            QVERIFY2(isQuestionComplete(resolver, q->id), qPrintable(q->id));
        }
    }

    void shouldHaveAContextWithVisibleDefaults()
    {
        const auto &q = Questionnaire::builtIn();
        for (const char *id : {"project_name", "database", "cache", "queue", "port"})
            QVERIFY2(q.contextField(QLatin1String(id)), id);
        QCOMPARE(q.contextField(QStringLiteral("database"))->defaultValue.toString(), QStringLiteral("postgresql"));
        QCOMPARE(q.contextField(QStringLiteral("queue"))->defaultValue.toString(), QStringLiteral("none"));
    }
};

QTEST_GUILESS_MAIN(TestPhase7Data)
#include "tst_phase7data.moc"
