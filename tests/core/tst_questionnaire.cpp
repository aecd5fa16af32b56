// The questionnaire loader: a small valid document, then each kind of defect it must reject.
#include "questionnaire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace opsflow;

namespace {

// A two-question document in the real format; each bad case below breaks one thing.
const char *const validDocument = R"json({
  "format": "opsflow-questionnaire", "version": 1, "phase": "7",
  "title": "Operations & Deployment",
  "markers": [ { "emoji": "⭐", "meaning": "Recommended" } ],
  "limits": { "text": 200, "multiline": 4000, "tableRows": 50, "cell": 200, "listItems": 50 },
  "context": [ { "id": "database", "type": "choice", "label": "Database",
                 "choices": [ { "value": "postgresql", "label": "PostgreSQL", "marker": "⭐" } ] } ],
  "questions": [
    { "id": "7.1", "title": "Deployment Environment", "prompt": "Where will you deploy?",
      "scopes": { "mvp": "full", "production": "full", "enterprise": "full" },
      "summary": { "label": "Deployment Environment", "hint": "[cloud/PaaS]" },
      "fields": [
        { "id": "choice", "type": "choice", "label": "Your choice", "required": true,
          "choices": [ { "value": "A", "label": "Cloud Platform", "marker": "⭐",
                         "items": ["AWS (ECS, Fargate, Lambda, EC2)"] },
                       { "value": "B", "label": "Platform-as-a-Service (PaaS)", "marker": "🔥" } ] },
        { "id": "platform", "type": "text", "label": "Platform", "when": "choice == 'A'" }
      ] },
    { "id": "7.4.1", "title": "Deployment Strategy", "prompt": "What deployment strategy?",
      "scopes": { "mvp": "skip", "production": "full", "enterprise": "full" }, "emphasis": true,
      "summary": { "label": "Deployment Strategy" },
      "fields": [
        { "id": "min_connections", "type": "number", "label": "Min", "min": 0, "max": 100, "default": 2 },
        { "id": "max_connections", "type": "number", "label": "Max", "min": 1, "max": 1000, "default": 10,
          "when": "7.1:choice == 'A' && context:database == 'postgresql'" },
        { "id": "policies", "type": "table", "label": "Policies",
          "columns": [ { "id": "service", "label": "Service" }, { "id": "timeout_ms", "label": "Timeout", "type": "number", "unit": "ms" } ],
          "default": [ { "service": "Database queries", "timeout_ms": 5000 } ] }
      ],
      "checks": [ { "assert": "min_connections <= max_connections", "message": "Min must not exceed max.",
                    "fields": ["min_connections", "max_connections"] } ] }
  ]
})json";

QJsonObject validObject()
{
    return QJsonDocument::fromJson(validDocument).object();
}

QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

// Applies `edit` to the first field of question `qi`.
QByteArray withField(int qi, int fi, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = validObject();
    QJsonArray questions = root.value(QLatin1String("questions")).toArray();
    QJsonObject question = questions.at(qi).toObject();
    QJsonArray fields = question.value(QLatin1String("fields")).toArray();
    QJsonObject field = fields.at(fi).toObject();
    edit(field);
    fields.replace(fi, field);
    question.insert(QStringLiteral("fields"), fields);
    questions.replace(qi, question);
    root.insert(QStringLiteral("questions"), questions);
    return toBytes(root);
}

// The first option of 7.1's choice ("Cloud Platform") with `fill` as its "fill".
QByteArray withFill(const QJsonValue &fill)
{
    return withField(0, 0, [&fill](QJsonObject &f) {
        QJsonArray choices = f.value(QLatin1String("choices")).toArray();
        QJsonObject first = choices.at(0).toObject();
        first.insert(QStringLiteral("fill"), fill);
        choices.replace(0, first);
        f.insert(QStringLiteral("choices"), choices);
    });
}

} // namespace

class TestQuestionnaire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldLoadValidDocument()
    {
        QString error;
        const auto q = Questionnaire::fromJson(validDocument, &error);
        QVERIFY2(q, qPrintable(error));
        QCOMPARE(q->questions().size(), 2);
        const Field *choice = q->field(QStringLiteral("7.1"), QStringLiteral("choice"));
        QVERIFY(choice);
        QCOMPARE(choice->choices.at(0).marker, QStringLiteral("⭐"));
        QCOMPARE(choice->choices.at(0).items.at(0), QStringLiteral("AWS (ECS, Fargate, Lambda, EC2)"));
        // A choice without "default" defaults to its ⭐ option.
        QCOMPARE(choice->defaultValue.toString(), QStringLiteral("A"));
        QCOMPARE(q->field(QStringLiteral("7.4.1"), QStringLiteral("policies"))->defaultValue.toList().size(), 1);
        QVERIFY(q->question(QStringLiteral("7.4.1"))->emphasis);
        QCOMPARE(q->askedQuestions(Scope::Mvp).size(), 1);
        QCOMPARE(q->askedQuestions(Scope::Production).size(), 2);
        QCOMPARE(q->contextFields().size(), 1);
    }

    void shouldReadSummaryLabelsAndFills()
    {
        const QByteArray json = withField(0, 0, [](QJsonObject &f) {
            f.insert(QStringLiteral("summaryLabel"), QStringLiteral("Deployed to"));
            QJsonArray choices = f.value(QLatin1String("choices")).toArray();
            QJsonObject first = choices.at(0).toObject();
            first.insert(QStringLiteral("fill"), QJsonObject{{QStringLiteral("Cloud"), QStringLiteral("platform")}});
            choices.replace(0, first);
            f.insert(QStringLiteral("choices"), choices);
        });
        QString error;
        const auto q = Questionnaire::fromJson(json, &error);
        QVERIFY2(q, qPrintable(error));
        const Field *choice = q->field(QStringLiteral("7.1"), QStringLiteral("choice"));
        QCOMPARE(choice->summaryLabel, QStringLiteral("Deployed to"));
        QCOMPARE(choice->choices.at(0).fills.size(), 1);
        QCOMPARE(choice->choices.at(0).fills.at(0).text, QStringLiteral("Cloud"));
        QCOMPARE(choice->choices.at(0).fills.at(0).fieldId, QStringLiteral("platform"));
        QVERIFY(choice->choices.at(1).fills.isEmpty());
        QVERIFY(q->field(QStringLiteral("7.1"), QStringLiteral("platform"))->summaryLabel.isEmpty());
    }

    void shouldRejectDefects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");

        QTest::newRow("not json") << QByteArray("{ nope") << "not a JSON object (... ";
        {
            QJsonObject root = validObject();
            root.insert(QStringLiteral("colour"), 1);
            QTest::newRow("unknown top key") << toBytes(root) << "questionnaire: unknown key \"colour\"";
        }
        QTest::newRow("unknown field key")
            << withField(0, 0, [](QJsonObject &f) { f.insert(QStringLiteral("requird"), true); })
            << "question 7.1, field choice: unknown key \"requird\"";
        QTest::newRow("duplicate field id")
            << withField(0, 1, [](QJsonObject &f) { f.insert(QStringLiteral("id"), QStringLiteral("choice")); })
            << "question 7.1, field choice: duplicate field id";
        QTest::newRow("unknown type") << withField(0, 1, [](QJsonObject &f) {
            f.insert(QStringLiteral("type"), QStringLiteral("slider"));
        }) << "question 7.1, field platform: unknown type \"slider\"";
        QTest::newRow("condition names unknown field") << withField(0, 1, [](QJsonObject &f) {
            f.insert(QStringLiteral("when"), QStringLiteral("choise == 'A'"));
        }) << "question 7.1, field platform: condition names unknown field \"7.1:choise\"";
        QTest::newRow("condition names unknown question") << withField(0, 1, [](QJsonObject &f) {
            f.insert(QStringLiteral("when"), QStringLiteral("7.99:choice == 'A'"));
        }) << "question 7.1, field platform: condition names unknown field \"7.99:choice\"";
        QTest::newRow("bad condition syntax")
            << withField(0, 1, [](QJsonObject &f) { f.insert(QStringLiteral("when"), QStringLiteral("choice == ")); })
            << "question 7.1, field platform: bad condition \"choice == \": unexpected end at position 11";
        QTest::newRow("default outside range")
            << withField(1, 0, [](QJsonObject &f) { f.insert(QStringLiteral("default"), 500); })
            << "question 7.4.1, field min_connections, default: is outside min/max";
        QTest::newRow("default not a choice")
            << withField(0, 0, [](QJsonObject &f) { f.insert(QStringLiteral("default"), QStringLiteral("Z")); })
            << "question 7.1, field choice, default: must be one of the choices' values";
        QTest::newRow("table row with unknown column") << withField(1, 2, [](QJsonObject &f) {
            f.insert(QStringLiteral("default"),
                     QJsonArray{QJsonObject{{QStringLiteral("servce"), QStringLiteral("x")}}});
        }) << "question 7.4.1, field policies, default: row has unknown column \"servce\"";
        QTest::newRow("choices on a text field")
            << withField(0, 1, [](QJsonObject &f) { f.insert(QStringLiteral("choices"), QJsonArray()); })
            << "question 7.1, field platform: only choice and multi fields have \"choices\"";
        QTest::newRow("bad field id") << withField(0, 1, [](QJsonObject &f) {
            f.insert(QStringLiteral("id"), QStringLiteral("Platform"));
        }) << "question 7.1, field Platform: field ids are lower_snake_case";
        {
            QJsonObject root = validObject();
            QJsonArray questions = root.value(QLatin1String("questions")).toArray();
            QJsonObject second = questions.at(1).toObject();
            second.insert(QStringLiteral("id"), QStringLiteral("7.1"));
            questions.replace(1, second);
            root.insert(QStringLiteral("questions"), questions);
            QTest::newRow("duplicate question id") << toBytes(root) << "question 7.1: duplicate question id";
        }
        {
            QJsonObject root = validObject();
            QJsonArray questions = root.value(QLatin1String("questions")).toArray();
            QJsonObject first = questions.at(0).toObject();
            first.insert(QStringLiteral("scopes"),
                         QJsonObject{{QStringLiteral("mvp"), QStringLiteral("maybe")},
                                     {QStringLiteral("production"), QStringLiteral("full")},
                                     {QStringLiteral("enterprise"), QStringLiteral("full")}});
            questions.replace(0, first);
            root.insert(QStringLiteral("questions"), questions);
            QTest::newRow("bad scope value")
                << toBytes(root) << "question 7.1: scopes.mvp must be \"full\", \"simplified\" or \"skip\"";
        }
        QTest::newRow("empty summary label")
            << withField(0, 1, [](QJsonObject &f) { f.insert(QStringLiteral("summaryLabel"), QStringLiteral(" ")); })
            << "question 7.1, field platform: \"summaryLabel\" must not be empty";
        QTest::newRow("fill names unknown field")
            << withFill(QJsonObject{{QStringLiteral("Cloud"), QStringLiteral("platfrom")}})
            << "question 7.1, field choice, choice A: \"fill\" names unknown field \"platfrom\"";
        QTest::newRow("fill names another question's field")
            << withFill(QJsonObject{{QStringLiteral("Cloud"), QStringLiteral("min_connections")}})
            << "question 7.1, field choice, choice A: \"fill\" names unknown field \"min_connections\"";
        QTest::newRow("fill names its own field")
            << withFill(QJsonObject{{QStringLiteral("Cloud"), QStringLiteral("choice")}})
            << "question 7.1, field choice, choice A: \"fill\" names the choice's own field \"choice\"";
        QTest::newRow("fill placeholder not in the label")
            << withFill(QJsonObject{{QStringLiteral("X"), QStringLiteral("platform")}})
            << "question 7.1, field choice, choice A: \"fill\" placeholder \"X\" is not a word of the label";
        QTest::newRow("fill placeholder inside a word")
            << withFill(QJsonObject{{QStringLiteral("Clou"), QStringLiteral("platform")}})
            << "question 7.1, field choice, choice A: \"fill\" placeholder \"Clou\" is not a word of the label";
        QTest::newRow("fill not an object")
            << withFill(QJsonValue(QStringLiteral("platform")))
            << "question 7.1, field choice, choice A: \"fill\" must be an object of placeholders and field ids";
        QTest::newRow("unknown choice key") << withField(0, 0, [](QJsonObject &f) {
            QJsonArray choices = f.value(QLatin1String("choices")).toArray();
            QJsonObject first = choices.at(0).toObject();
            first.insert(QStringLiteral("fills"), QJsonObject());
            choices.replace(0, first);
            f.insert(QStringLiteral("choices"), choices);
        }) << "question 7.1, field choice, choice A: unknown key \"fills\"";
        {
            QJsonObject root = validObject();
            root.insert(QStringLiteral("version"), 2);
            QTest::newRow("newer version") << toBytes(root) << "unsupported questionnaire version";
        }
    }
    void shouldRejectDefects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        const auto q = Questionnaire::fromJson(json, &error);
        QVERIFY(!q);
        if (message.endsWith(QLatin1String("... ")))
            QVERIFY2(error.startsWith(message.chopped(4)), qPrintable(error));
        else
            QCOMPARE(error, message);
    }
};

QTEST_GUILESS_MAIN(TestQuestionnaire)
#include "tst_questionnaire.moc"
