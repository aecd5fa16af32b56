// The fact model: each value the outputs use carries where it came from.
#include "answerset.h"
#include "factmodel.h"
#include "projectfacts.h"

#include <QTest>

using namespace opsflow;

Q_DECLARE_METATYPE(opsflow::Provenance)

class TestFactModel : public QObject
{
    Q_OBJECT

private:
    static AnswerSet answers(Scope scope, Mode mode)
    {
        AnswerSet a;
        a.scope = scope;
        a.mode = mode;
        return a;
    }

private Q_SLOTS:
    void shouldSayWhereEachValueCameFrom_data()
    {
        QTest::addColumn<int>("scope");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<QVariant>("found"); // a finding for the field; invalid: none
        QTest::addColumn<QString>("provenance");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("evidence");
        const int prod = int(Scope::Production);
        const int ent = int(Scope::Enterprise);
        const int smart = int(Mode::SmartAutoSuggest);
        const int asked = int(Mode::Interactive);
        const QVariant none;
        const QString tool = QStringLiteral("tool");
        const QString opossum = QStringLiteral("opossum");
        QTest::newRow("typed") << ent << asked << "7.9.2" << tool << QVariant(QStringLiteral("Polly")) << none
                               << "answered" << QVariant(QStringLiteral("Polly")) << QString();
        QTest::newRow("suggestion accepted")
            << ent << asked << "7.9.2" << tool << QVariant(opossum) << QVariant(opossum) << "accepted-suggestion"
            << QVariant(opossum) << "package.json";
        QTest::newRow("another value than found")
            << ent << asked << "7.9.2" << tool << QVariant(QStringLiteral("Polly")) << QVariant(opossum) << "answered"
            << QVariant(QStringLiteral("Polly")) << QString();
        QTest::newRow("smart default") << ent << smart << "7.9.2"
                                       << "timeout_ms" << none << none << "questionnaire-default" << QVariant(5000)
                                       << QString();
        QTest::newRow("interactive, nothing given") << ent << asked << "7.2"
                                                    << "base_image" << none << none << "tbd" << none << QString();
        QTest::newRow("found, not answered")
            << ent << asked << "7.2"
            << "base_image" << none << QVariant(QStringLiteral("node:22-alpine")) << "detected"
            << QVariant(QStringLiteral("node:22-alpine")) << "package.json";
        QTest::newRow("simplified detail")
            << prod << smart << "7.9.2"
            << "timeout_ms" << none << none << "questionnaire-default" << QVariant(5000) << QString();
        QTest::newRow("skipped by the scope") << int(Scope::Mvp) << smart << "7.9.2" << tool << QVariant(opossum)
                                              << none << "not-asked" << none << QString();
    }

    void shouldSayWhereEachValueCameFrom()
    {
        QFETCH(int, scope);
        QFETCH(int, mode);
        QFETCH(QString, question);
        QFETCH(QString, field);
        QFETCH(QVariant, stored);
        QFETCH(QVariant, found);
        QFETCH(QString, provenance);
        QFETCH(QVariant, value);
        QFETCH(QString, evidence);
        AnswerSet a = answers(Scope(scope), Mode(mode));
        a.answers[QStringLiteral("7.9.2")].insert(QStringLiteral("choice"), QStringLiteral("A"));
        a.answers[QStringLiteral("7.2")].insert(QStringLiteral("choice"), QStringLiteral("A"));
        if (stored.isValid())
            a.answers[question].insert(field, stored);
        QList<Finding> findings;
        if (found.isValid())
            findings.append({question, field, found, QStringLiteral("package.json"), QStringLiteral("a note")});
        const Resolver resolver(Questionnaire::builtIn(), a);
        const Fact fact = FactModel(resolver, findings).field(question, field);
        QCOMPARE(provenanceId(fact.provenance), provenance);
        QCOMPARE(fact.value.toString(), value.toString());
        QCOMPARE(fact.evidence, evidence);
        QCOMPARE(fact.isKnown(), value.isValid());
    }

    // A field whose condition is false is never used, whatever the file holds.
    void shouldNotUseAFieldWhoseConditionIsFalse()
    {
        AnswerSet a = answers(Scope::Enterprise, Mode::SmartAutoSuggest);
        a.answers[QStringLiteral("7.9.2")] = {{QStringLiteral("choice"), QStringLiteral("B")},
                                              {QStringLiteral("tool"), QStringLiteral("opossum")}};
        const Resolver resolver(Questionnaire::builtIn(), a);
        const Fact fact = FactModel(resolver).field(QStringLiteral("7.9.2"), QStringLiteral("tool"));
        QCOMPARE(fact.provenance, Provenance::NotAsked);
        QVERIFY(!fact.value.isValid());
    }

    void shouldTellContextAnswersFromDefaults()
    {
        AnswerSet a = answers(Scope::Production, Mode::Interactive);
        a.context.insert(QStringLiteral("database"), QStringLiteral("mysql"));
        const Resolver resolver(Questionnaire::builtIn(), a);
        const FactModel facts(resolver);
        QCOMPARE(facts.context(QStringLiteral("database")).provenance, Provenance::Answered);
        QCOMPARE(facts.context(QStringLiteral("database")).value.toString(), QStringLiteral("mysql"));
        const Fact port = facts.context(QStringLiteral("port"));
        QCOMPARE(port.provenance, Provenance::QuestionnaireDefault);
        QCOMPARE(port.value.toInt(), 3000);
    }

    // A fact the project's files show is used before the questionnaire's default, marked
    // as found with its evidence; the user's answer wins; an answer equal to it is an
    // accepted suggestion.
    void shouldUseProjectFactsBeforeDefaultsAndNeverOverAnAnswer()
    {
        const QString name = QStringLiteral("project_name");
        AnswerSet a = answers(Scope::Production, Mode::SmartAutoSuggest);
        a.detectedContext.insert(
            name, {QStringLiteral("context"), name, QStringLiteral("Orders API"), QStringLiteral("README.md:1"), {}});
        {
            const Resolver resolver(Questionnaire::builtIn(), a);
            const Fact fact = FactModel(resolver).context(name);
            QCOMPARE(fact.provenance, Provenance::Detected);
            QCOMPARE(fact.value.toString(), QStringLiteral("Orders API"));
            QCOMPARE(fact.evidence, QStringLiteral("README.md:1"));
            QCOMPARE(resolver.contextValue(name).toString(), QStringLiteral("Orders API"));
        }
        a.context.insert(name, QStringLiteral("Orders"));
        {
            const Resolver resolver(Questionnaire::builtIn(), a);
            QCOMPARE(FactModel(resolver).context(name).provenance, Provenance::Answered);
            QCOMPARE(resolver.contextValue(name).toString(), QStringLiteral("Orders"));
        }
        a.context.insert(name, QStringLiteral("Orders API"));
        {
            const Resolver resolver(Questionnaire::builtIn(), a);
            const Fact fact = FactModel(resolver).context(name);
            QCOMPARE(fact.provenance, Provenance::AcceptedSuggestion);
            QCOMPARE(fact.evidence, QStringLiteral("README.md:1"));
        }
        // The answers file never holds what was found: it belongs to the folder.
        AnswerSet saved = a;
        saved.detectedContext.clear();
        QCOMPARE(a, saved);
    }

    // Files that disagree (PostgreSQL in compose, MySQL in Terraform) give no fact: the user
    // chooses. Agreeing files give one, with the first evidence; other questions are not facts.
    void shouldTakeOnlyTheFactsTheFilesAgreeOn()
    {
        const auto finding = [](const char *field, const QVariant &value, const char *evidence) {
            return Finding{
                QStringLiteral("context"), QString::fromLatin1(field), value, QString::fromLatin1(evidence), {}};
        };
        const QList<Finding> findings{
            finding("database", QStringLiteral("postgresql"), "docker-compose.yml"),
            finding("cache", QStringLiteral("redis"), "docs/architecture.md:5"),
            finding("database", QStringLiteral("mysql"), "infra/main.tf"),
            finding("cache", QStringLiteral("redis"), "docker-compose.yml"),
            {QStringLiteral("7.4"), QStringLiteral("platform"), QStringLiteral("A"), QStringLiteral("ci.yml"), {}},
        };
        const QHash<QString, Finding> facts = agreedContextFacts(findings);
        QCOMPARE(facts.keys(), QList<QString>{QStringLiteral("cache")});
        QCOMPARE(facts.value(QStringLiteral("cache")).evidence, QStringLiteral("docs/architecture.md:5"));
        QCOMPARE(projectFactLines(facts, Questionnaire::builtIn().contextFields()),
                 QStringList{QStringLiteral("Cache: Redis (docs/architecture.md:5)")});
    }

    // What the project's files agree on for a question's field takes the default's place in
    // Smart Auto-Suggest, marked as found with its evidence; an answer always wins, and
    // Interactive mode pre-fills nothing from the files.
    void shouldUseTheAnswersTheFilesShowInsteadOfDefaults()
    {
        const Questionnaire &q = Questionnaire::builtIn();
        const auto finding = [](const char *question, const char *field, const QVariant &value, const char *evidence) {
            return Finding{
                QString::fromLatin1(question), QString::fromLatin1(field), value, QString::fromLatin1(evidence), {}};
        };
        const QList<Finding> findings{
            finding("7.7.1", "tool", QStringLiteral("Prisma Migrate"), "ai-instructions.md:13"),
            finding("7.7.1", "tool", QStringLiteral("Prisma Migrate"), "package.json"),
            finding("7.4", "platform", QStringLiteral("A"), ".github/workflows/ci.yml"),
            finding("7.4", "platform", QStringLiteral("B"), ".gitlab-ci.yml"), // disputed: no fact
            finding("7.4", "no_such_field", QStringLiteral("x"), "x.yml"),     // not a field: ignored
            finding("context", "cache", QStringLiteral("redis"), "docker-compose.yml"),
        };
        AnswerSet a = answers(Scope::Production, Mode::SmartAutoSuggest);
        a.detectedAnswers = agreedAnswerFacts(findings, q);
        QCOMPARE(a.detectedAnswers.keys(), QList<QString>{QStringLiteral("7.7.1/tool")});
        QCOMPARE(projectAnswerLines(a.detectedAnswers, q),
                 QStringList{QStringLiteral("Migration tool (7.7.1): Prisma Migrate (ai-instructions.md:13)")});

        const auto factOf = [&q](const AnswerSet &set) {
            const Resolver resolver(q, set);
            return FactModel(resolver, {}).field(QStringLiteral("7.7.1"), QStringLiteral("tool"));
        };
        const Fact found = factOf(a);
        QCOMPARE(found.value, QVariant(QStringLiteral("Prisma Migrate")));
        QCOMPARE(found.provenance, Provenance::Detected);
        QCOMPARE(found.evidence, QStringLiteral("ai-instructions.md:13"));
        // Without the finding the same field is the questionnaire's default (or TBD), not Prisma.
        AnswerSet plain = a;
        plain.detectedAnswers.clear();
        QVERIFY(factOf(plain).value != found.value);
        QVERIFY(factOf(plain).provenance != Provenance::Detected);

        AnswerSet answered = a;
        answered.answers[QStringLiteral("7.7.1")].insert(QStringLiteral("tool"), QStringLiteral("Flyway"));
        QCOMPARE(factOf(answered).value, QVariant(QStringLiteral("Flyway")));
        QCOMPARE(factOf(answered).provenance, Provenance::Answered);

        AnswerSet interactive = a;
        interactive.mode = Mode::Interactive;
        QCOMPARE(factOf(interactive).provenance, Provenance::Undecided);

        // Found in the files, not the user's: never written to the answers file.
        AnswerSet saved = a;
        saved.detectedAnswers.clear();
        QCOMPARE(a, saved);
    }
};

QTEST_GUILESS_MAIN(TestFactModel)
#include "tst_factmodel.moc"
