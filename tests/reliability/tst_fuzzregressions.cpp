// Every fuzz seed and every reproducer of a fuzz finding, replayed through the same target
// functions as the libFuzzer binaries (tests/fuzz/fuzztargets.cpp), with any compiler and in
// every ctest run: a fixed crash stays fixed even where the fuzzers are not built.
//   tests/fuzz/corpus/<target>/*       seeds: their properties hold
//   tests/fuzz/regressions/<target>/*  every finding, once fixed: they hold too
#include "fuzztargets.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace opsflow;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { fuzz::quietQtMessages(); }

    void shouldHoldForEverySeedAndReproducer_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        const QDir root(QStringLiteral(OPSFLOW_TEST_DATA "/fuzz"));
        int rows = 0;
        for (const fuzz::Target &target : fuzz::targets()) {
            const QString name = QLatin1String(target.name);
            // generation replays the answers files.
            const QString seeds = name == QLatin1String("generation") ? QStringLiteral("answersfile") : name;
            for (const auto &[kind, folder] : {std::pair{"corpus", seeds}, std::pair{"regressions", name}}) {
                const QDir dir(root.filePath(QLatin1String(kind) + QLatin1Char('/') + folder));
                for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
                    QTest::addRow("%s/%s/%s", target.name, kind, qPrintable(file)) << name << dir.filePath(file);
                    ++rows;
                }
            }
        }
        QVERIFY(rows > 50);
    }

    void shouldHoldForEverySeedAndReproducer()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray input = file.readAll();
        const QString failure = fuzz::targetNamed(qPrintable(target))(input);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
