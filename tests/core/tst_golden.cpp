// Golden cases: tests/golden/<case>/answers.json → the three documents, compared byte for byte with the reviewed ones.
#include "answersfile.h"
#include "generation.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

QString goldenDir()
{
    return QStringLiteral(OPSFLOW_SOURCE_DIR "/tests/golden");
}

// OPSFLOW_UPDATE_GOLDEN=1 (what `cmake --build --preset default --target update-golden` sets)
// rewrites the expected files and deletes the ones generation no longer makes; the diff is
// then reviewed like code.
bool updating()
{
    return qEnvironmentVariableIntValue("OPSFLOW_UPDATE_GOLDEN") == 1;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit();
}

// "line 12:\n  expected: …\n  actual:   …", or empty when equal.
QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    if (expected == actual)
        return {};
    const QList<QByteArray> e = expected.split('\n');
    const QList<QByteArray> a = actual.split('\n');
    for (qsizetype i = 0; i < qMax(e.size(), a.size()); ++i) {
        if (i >= e.size() || i >= a.size() || e.at(i) != a.at(i)) {
            const auto show = [](const QList<QByteArray> &lines, qsizetype at) {
                return at < lines.size() ? QString::fromUtf8(lines.at(at)) : QStringLiteral("<end of file>");
            };
            return QStringLiteral("line %1:\n  expected: %2\n  actual:   %3").arg(i + 1).arg(show(e, i), show(a, i));
        }
    }
    return QStringLiteral("the files differ in their line endings");
}

// A case folder holds its inputs (answers.json and case.md, which says what the case
// protects) and the expected documents; anything else is an expected file that
// generation no longer makes.
const QStringList caseInputs = {QStringLiteral("answers.json"), QStringLiteral("case.md")};

// Removes folders left empty by deleting stale files (docs/ when no document goes there).
void removeEmptyFolders(const QString &dir)
{
    QDirIterator it(dir, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList folders;
    while (it.hasNext())
        folders << it.next();
    std::sort(folders.begin(), folders.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &folder : folders)
        QDir().rmdir(folder); // fails, harmlessly, while the folder holds anything
}

} // namespace

class TestGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldGenerateTheReviewedDocuments_data()
    {
        QTest::addColumn<QString>("caseDir");
        const QDir dir(goldenDir());
        const QStringList cases = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(!cases.isEmpty(), qPrintable(QStringLiteral("no golden cases in ") + dir.path()));
        for (const QString &name : cases)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void shouldGenerateTheReviewedDocuments()
    {
        QFETCH(QString, caseDir);
        QString error;
        const auto answers =
            AnswersFile::load(caseDir + QStringLiteral("/answers.json"), Questionnaire::builtIn(), &error);
        QVERIFY2(answers, qPrintable(error));
        const Resolver resolver(Questionnaire::builtIn(), *answers);
        const GenerationResult result = generate(resolver, TemplateSet::builtIn());
        QStringList errors;
        for (const TemplateError &e : result.errors)
            errors << e.toString();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.files.size(), 3);

        const QString description = QString::fromUtf8(readFile(caseDir + QStringLiteral("/case.md"))).trimmed();
        QVERIFY2(!description.isEmpty() && !description.contains(QLatin1Char('\n')),
                 qPrintable(caseDir + QStringLiteral("/case.md must say in one line what the case protects")));

        QStringList stale = filesUnder(caseDir);
        for (const QString &input : caseInputs)
            stale.removeAll(input);
        for (const GeneratedFile &file : result.files)
            stale.removeAll(file.path);
        if (updating()) {
            for (const QString &path : std::as_const(stale))
                QVERIFY2(QFile::remove(caseDir + QLatin1Char('/') + path),
                         qPrintable(QStringLiteral("cannot delete the stale ") + path));
            removeEmptyFolders(caseDir);
        } else {
            QVERIFY2(
                stale.isEmpty(),
                qPrintable(QStringLiteral("%1 holds files generation no longer makes: %2 (update-golden deletes them)")
                               .arg(caseDir, stale.join(QStringLiteral(", ")))));
        }

        for (const GeneratedFile &file : result.files) {
            const QString expectedPath = caseDir + QLatin1Char('/') + file.path;
            if (updating()) {
                QVERIFY2(writeFile(expectedPath, file.content),
                         qPrintable(QStringLiteral("cannot write ") + expectedPath));
                continue;
            }
            QVERIFY2(
                QFile::exists(expectedPath),
                qPrintable(expectedPath + QStringLiteral(" is missing; build the update-golden target to create it")));
            const QString difference = firstDifference(readFile(expectedPath), file.content);
            QVERIFY2(difference.isEmpty(),
                     qPrintable(QStringLiteral(
                                    "%1 differs at %2\n(build the update-golden target and review the diff to accept)")
                                    .arg(expectedPath, difference)));
        }
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
