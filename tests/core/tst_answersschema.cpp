// resources/answers.schema.json documents the answers file. It is made from the questionnaire
// (answersSchema()), so it cannot drift: this suite fails when the file is not what the data
// gives. OPSFLOW_UPDATE_SCHEMA=1 rewrites it; review its diff like code.
// (tests/tools/check-answers-schema.py then checks the loader refuses whatever it refuses.)
#include "answersschema.h"
#include "questionnaire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace opsflow;

namespace {

const QString schemaPath = QStringLiteral(OPSFLOW_SOURCE_DIR "/resources/answers.schema.json");

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestAnswersSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldBeWhatTheQuestionnaireGives()
    {
        const QByteArray made = answersSchemaJson(Questionnaire::builtIn());
        if (qEnvironmentVariableIntValue("OPSFLOW_UPDATE_SCHEMA") == 1) {
            QFile f(schemaPath);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(made), made.size());
            qInfo("rewrote %s", qPrintable(schemaPath));
        }
        QVERIFY2(read(schemaPath) == made,
                 "resources/answers.schema.json is not what the questionnaire gives; run this test with "
                 "OPSFLOW_UPDATE_SCHEMA=1 and review the diff");
    }

    // The parts a reader relies on, checked by meaning too: every question and field, every
    // option, the limits.
    void shouldDescribeEveryQuestionFieldAndOption()
    {
        const QJsonObject root = QJsonDocument::fromJson(read(schemaPath)).object();
        const QJsonObject answers = root.value(QLatin1String("properties"))
                                        .toObject()
                                        .value(QLatin1String("answers"))
                                        .toObject()
                                        .value(QLatin1String("properties"))
                                        .toObject();
        const auto &q = Questionnaire::builtIn();
        QCOMPARE(answers.size(), q.questions().size());
        for (const Question &question : q.questions()) {
            const QJsonObject fields =
                answers.value(question.id).toObject().value(QLatin1String("properties")).toObject();
            QCOMPARE(fields.size(), question.fields.size());
            for (const Field &f : question.fields) {
                const QJsonObject field = fields.value(f.id).toObject();
                const QString where = question.id + u':' + f.id;
                QVERIFY2(!field.isEmpty(), qPrintable(where));
                if (f.type == Field::Type::Choice) {
                    QJsonArray expected;
                    for (const Choice &c : f.choices)
                        expected.append(c.value);
                    expected.append(QJsonValue::Null);
                    QVERIFY2(field.value(QLatin1String("enum")).toArray() == expected, qPrintable(where));
                }
                if (f.type == Field::Type::Text || f.type == Field::Type::MultiLine) {
                    QVERIFY2(f.maxLength > 0, qPrintable(where));
                    QCOMPARE(field.value(QLatin1String("maxLength")).toInt(), f.maxLength);
                }
                if (f.type == Field::Type::Table) {
                    QVERIFY2(f.maxRows > 0, qPrintable(where));
                    QCOMPARE(field.value(QLatin1String("maxItems")).toInt(), f.maxRows);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAnswersSchema)
#include "tst_answersschema.moc"
