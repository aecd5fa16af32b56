// The condition language: parsing, three-valued evaluation, references.
#include "expression.h"

#include <QTest>

using namespace opsflow;

class TestExpression : public QObject
{
    Q_OBJECT

private:
    static QVariant answer(const QString &q, const QString &f)
    {
        static const QHash<QString, QVariant> values = {
            {QStringLiteral("7.4.1/strategy"), QStringLiteral("C")},
            {QStringLiteral("7.7.2/min_connections"), 2.0},
            {QStringLiteral("7.7.2/max_connections"), 10.0},
            {QStringLiteral("7.6/conditions"), QStringList{QStringLiteral("A"), QStringLiteral("C")}},
            {QStringLiteral("7.6/empty_text"), QString()},
            {QStringLiteral("7.9.1/enabled"), true},
            {QStringLiteral("context/database"), QStringLiteral("postgresql")},
        };
        return values.value(q + QLatin1Char('/') + f);
    }

private Q_SLOTS:
    void shouldEvaluate_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QVariant>("expected"); // invalid = null

        QTest::newRow("local equality") << "7.4.1"
                                        << "strategy == 'C'" << QVariant(true);
        QTest::newRow("local inequality") << "7.4.1"
                                          << "strategy != 'C'" << QVariant(false);
        QTest::newRow("qualified") << "7.2"
                                   << "7.4.1:strategy == 'C'" << QVariant(true);
        QTest::newRow("context") << "7.2"
                                 << "context:database == 'postgresql'" << QVariant(true);
        QTest::newRow("in list") << "7.4.1"
                                 << "strategy in ['B', 'C']" << QVariant(true);
        QTest::newRow("not in list") << "7.4.1"
                                     << "strategy in ['A']" << QVariant(false);
        QTest::newRow("has") << "7.6"
                             << "conditions has 'A'" << QVariant(true);
        QTest::newRow("has not") << "7.6"
                                 << "conditions has 'B'" << QVariant(false);
        QTest::newRow("negation") << "7.6"
                                  << "!(conditions has 'B')" << QVariant(true);
        QTest::newRow("compare numbers") << "7.7.2"
                                         << "min_connections <= max_connections" << QVariant(true);
        QTest::newRow("arithmetic precedence") << "7.7.2"
                                               << "min_connections + 2 * 4 == max_connections" << QVariant(true);
        QTest::newRow("parentheses") << "7.7.2"
                                     << "(min_connections + 2) * 4 == 16" << QVariant(true);
        QTest::newRow("unary minus") << "7.7.2"
                                     << "-min_connections < 0" << QVariant(true);
        QTest::newRow("and/or precedence") << "7.4.1"
                                           << "strategy == 'A' && false || true" << QVariant(true);
        QTest::newRow("bool field") << "7.9.1"
                                    << "enabled" << QVariant(true);
        QTest::newRow("null compare") << "7.7.2"
                                      << "unknown_field < 3" << QVariant();
        QTest::newRow("empty text is null") << "7.6"
                                            << "empty_text == ''" << QVariant();
        QTest::newRow("false && null") << "7.7.2"
                                       << "false && unknown_field > 1" << QVariant(false);
        QTest::newRow("true || null") << "7.7.2"
                                      << "true || unknown_field > 1" << QVariant(true);
        QTest::newRow("true && null") << "7.7.2"
                                      << "true && unknown_field > 1" << QVariant();
        QTest::newRow("null arithmetic") << "7.7.2"
                                         << "unknown_field + 1" << QVariant();
        QTest::newRow("division by zero is null") << "7.7.2"
                                                  << "max_connections / 0" << QVariant();
        QTest::newRow("double quotes") << "7.4.1"
                                       << "strategy == \"C\"" << QVariant(true);
    }
    void shouldEvaluate()
    {
        QFETCH(QString, question);
        QFETCH(QString, text);
        QFETCH(QVariant, expected);
        QString error;
        const Expression e = Expression::parse(text, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QVariant result = e.evaluate(question, &TestExpression::answer);
        if (!expected.isValid()) {
            QVERIFY2(!result.isValid(), qPrintable(result.toString()));
        } else {
            QCOMPARE(result.toBool(), expected.toBool());
        }
    }

    void shouldTreatNullAsAskedFor()
    {
        const Expression e = Expression::parse(QStringLiteral("missing == 'B'"), nullptr);
        QCOMPARE(e.test(QStringLiteral("7.1"), &TestExpression::answer, false), false);
        QCOMPARE(e.test(QStringLiteral("7.1"), &TestExpression::answer, true), true);
    }

    void shouldRejectBadSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unterminated string") << "a == 'B"
                                             << "unterminated string starting at position 6";
        QTest::newRow("dangling operator") << "a =="
                                           << "unexpected end at position 5";
        QTest::newRow("missing paren") << "(a == 'B'"
                                       << "missing ')' at position 10";
        QTest::newRow("stray char") << "a # b"
                                    << "unexpected character '#' at position 3";
        QTest::newRow("trailing token") << "a b"
                                        << "unexpected 'b' at position 3";
        QTest::newRow("bad qualified") << "7.4.1: == 'C'"
                                       << "a field name must follow ':' at position 7";
        QTest::newRow("in without left") << "in ['A']"
                                         << "'in' needs a value on its left at position 1";
    }
    void shouldRejectBadSyntax()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        const Expression e = Expression::parse(text, &error);
        QVERIFY(e.isNull());
        QCOMPARE(error, message);
    }

    void shouldListQualifiedReferences()
    {
        const Expression e = Expression::parse(
            QStringLiteral("strategy == 'C' && 7.2:choice == 'A' || context:cache == 'redis'"), nullptr);
        const auto refs = e.references(QStringLiteral("7.4.1"));
        QCOMPARE(refs.size(), 3);
        QCOMPARE(refs.at(0), qMakePair(QStringLiteral("7.4.1"), QStringLiteral("strategy")));
        QCOMPARE(refs.at(1), qMakePair(QStringLiteral("7.2"), QStringLiteral("choice")));
        QCOMPARE(refs.at(2), qMakePair(QStringLiteral("context"), QStringLiteral("cache")));
    }
};

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
