// Every question id, field id and choice letter the C++ names exists in phase7.json: a misspelt
// id would otherwise read as "not decided yet" and no test would notice.
#include "questionnaire.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace opsflow;

namespace {

// What a source text names that the questionnaire does not have, one line each
// ("app/core/x.cpp:12: 7.1 platfrom: no such field"); `checked` counts the names checked.
QStringList unknownIds(const QString &source, const QString &file, const Questionnaire &q, int *checked)
{
    QStringList problems;
    const auto lineOf = [&](qsizetype at) { return source.left(at).count(QLatin1Char('\n')) + 1; };
    const auto report = [&](qsizetype at, const QString &what) {
        problems << QStringLiteral("%1:%2: %3").arg(file).arg(lineOf(at)).arg(what);
    };
    const QString id = QStringLiteral("(?:QStringLiteral\\()?\"(7(?:\\.\\d+)+)\"\\)?");
    const QString name = QStringLiteral("(?:QStringLiteral\\()?\"([a-z][a-z0-9_]*)\"\\)?");

    // Any string that looks like a question id: the question exists.
    static const QRegularExpression question(QStringLiteral("\"(7(?:\\.\\d+)+)\""));
    for (auto it = question.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        ++*checked;
        if (!q.question(m.captured(1)))
            report(m.capturedStart(), m.captured(1) + QStringLiteral(": no such question"));
    }
    // ("7.x", "field"): the field exists in that question.
    const QRegularExpression pair(id + QStringLiteral(",\\s*") + name);
    for (auto it = pair.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        ++*checked;
        if (q.question(m.captured(1)) && !q.field(m.captured(1), m.captured(2)))
            report(m.capturedStart(), QStringLiteral("%1 %2: no such field").arg(m.captured(1), m.captured(2)));
    }
    // has(a, "7.x", "field", "value") and text("7.x", "field") == "value": a real option,
    // unless the field takes typed values ("other").
    const QRegularExpression has(QStringLiteral("has\\(\\s*(?:[\\w.]+,\\s*)?") + id + QStringLiteral(",\\s*") + name
                                 + QStringLiteral(",\\s*\"([^\"]+)\"\\)"));
    const QRegularExpression equals(QStringLiteral("text\\(\\s*(?:[\\w.]+,\\s*)?") + id + QStringLiteral(",\\s*") + name
                                    + QStringLiteral("\\)\\s*[!=]=\\s*QLatin1String\\(\"([^\"]*)\"\\)"));
    for (const QRegularExpression *re : {&has, &equals}) {
        for (auto it = re->globalMatch(source); it.hasNext();) {
            const auto m = it.next();
            ++*checked;
            const Field *f = q.field(m.captured(1), m.captured(2));
            if (f && !f->choices.isEmpty() && !f->other && !f->choice(m.captured(3)))
                report(m.capturedStart(),
                       QStringLiteral("%1 %2: \"%3\" is not one of its options")
                           .arg(m.captured(1), m.captured(2), m.captured(3)));
        }
    }
    problems.sort();
    return problems;
}

QStringList sources()
{
    QStringList files;
    for (const char *folder : {"app/core", "app/cli", "ui"}) {
        QDirIterator it(QStringLiteral(OPSFLOW_SOURCE_DIR "/") + QLatin1String(folder), {QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

} // namespace

class TestQuestionIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindAMisspeltId()
    {
        int checked = 0;
        const QString source = QStringLiteral(
            "a.text(\"7.1\", \"platfrom\");\na.skipped(\"7.99\");\na.has(\"7.5\", \"metrics\", \"cpu\");\n"
            "a.text(\"7.9.2\", \"choice\") == QLatin1String(\"Z\");\na.text(\"7.1\", \"platform\");\n");
        const QStringList problems = unknownIds(source, QStringLiteral("x.cpp"), Questionnaire::builtIn(), &checked);
        QCOMPARE(problems,
                 QStringList({QStringLiteral("x.cpp:1: 7.1 platfrom: no such field"),
                              QStringLiteral("x.cpp:2: 7.99: no such question"),
                              QStringLiteral("x.cpp:3: 7.5 metrics: \"cpu\" is not one of its options"),
                              QStringLiteral("x.cpp:4: 7.9.2 choice: \"Z\" is not one of its options")}));
    }

    void shouldNameOnlyIdsTheQuestionnaireHas()
    {
        int checked = 0;
        QStringList problems;
        for (const QString &path : sources()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            problems +=
                unknownIds(QString::fromUtf8(file.readAll()), path.mid(QStringLiteral(OPSFLOW_SOURCE_DIR "/").size()),
                           Questionnaire::builtIn(), &checked);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The code names a few hundred ids; far fewer means the patterns above stopped seeing them.
        QVERIFY2(checked > 300, qPrintable(QStringLiteral("only %1 ids checked").arg(checked)));
        qInfo("%d question ids, field ids and options checked", checked);
    }
};

QTEST_GUILESS_MAIN(TestQuestionIds)
#include "tst_questionids.moc"
