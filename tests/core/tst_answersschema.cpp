// resources/answers.schema.json documents the answers file; it must agree with the
// questionnaire data it was made from (every question, field, type and option).
#include "questionnaire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace opsflow;

class TestAnswersSchema : public QObject
{
    Q_OBJECT

private:
    static QJsonObject schema()
    {
        QFile f(QStringLiteral(OPSFLOW_SOURCE_DIR "/resources/answers.schema.json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    static void compareField(const Field &f, const QJsonObject &s, const QString &where)
    {
        static const QHash<Field::Type, QString> types = {
            {Field::Type::Choice, QStringLiteral("string")}, {Field::Type::Multi, QStringLiteral("array")},
            {Field::Type::Text, QStringLiteral("string")},   {Field::Type::MultiLine, QStringLiteral("string")},
            {Field::Type::Number, QStringLiteral("number")}, {Field::Type::Bool, QStringLiteral("boolean")},
            {Field::Type::Table, QStringLiteral("array")}};
        QVERIFY2(s.value(QLatin1String("type")).toString() == types.value(f.type), qPrintable(where));
        if (f.type == Field::Type::Choice) {
            QStringList values;
            for (const Choice &c : f.choices)
                values.append(c.value);
            QStringList enumValues;
            for (const QJsonValue &v : s.value(QLatin1String("enum")).toArray())
                enumValues.append(v.toString());
            QVERIFY2(values == enumValues, qPrintable(where));
        }
    }

private Q_SLOTS:
    void shouldDescribeEveryQuestionAndField()
    {
        const QJsonObject root = schema();
        QVERIFY(!root.isEmpty());
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
            QVERIFY2(fields.size() == question.fields.size(), qPrintable(question.id));
            for (const Field &f : question.fields)
                compareField(f, fields.value(f.id).toObject(), question.id + QLatin1Char(':') + f.id);
        }
        const QJsonObject context = root.value(QLatin1String("properties"))
                                        .toObject()
                                        .value(QLatin1String("context"))
                                        .toObject()
                                        .value(QLatin1String("properties"))
                                        .toObject();
        QCOMPARE(context.size(), q.contextFields().size());
        for (const Field &f : q.contextFields())
            compareField(f, context.value(f.id).toObject(), QStringLiteral("context:") + f.id);
    }
};

QTEST_GUILESS_MAIN(TestAnswersSchema)
#include "tst_answersschema.moc"
