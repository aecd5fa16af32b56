// SIGKILL during `opsflow generate --force`: whatever the moment, each document is exactly its
// old bytes or exactly its new bytes, and every backup present is the whole old file.
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QStringList targets = {s("docs/operations.md"), s("specs/configuration.md"), s(".env.example")};

// Kills spread over this many runs (OPSFLOW_KILL_RUNS overrides, e.g. for a longer soak).
int killRuns()
{
    const int runs = qEnvironmentVariableIntValue("OPSFLOW_KILL_RUNS");
    return runs > 0 ? runs : 200;
}

// Answers that differ from the MVP defaults in every file: Enterprise scope, other platform,
// other project facts.
const QByteArray newAnswers = R"({
  "format": "opsflow-answers", "version": 1, "phase": "7", "scope": "enterprise", "mode": "smart",
  "context": {"project_name": "kill-test", "runtime": "python", "database": "mysql", "port": 8000},
  "answers": {"7.1": {"choice": "A", "platform": "AWS ECS", "why": "Killed at random, still whole."}}
})";

// The temporary files the writer makes beside a target: ".<name>.opsflow-<pid>-<random>.tmp".
const QRegularExpression &temporaryOfOurs()
{
    static const QRegularExpression re(s("^\\.[^/]+\\.opsflow-\\d+-[A-Za-z0-9]{8}\\.tmp$"));
    return re;
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(s("DISPLAY"));
    env.insert(s("QT_QPA_PLATFORM"), s("offscreen"));
    return env;
}

} // namespace

class TestKillGenerate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_answers;
    QHash<QString, QByteArray> m_old;
    QHash<QString, QByteArray> m_new;
    qint64 m_typicalNs = 0;

    QString projectPath(const QString &name) const { return m_work.filePath(name); }

    // The project as it was before: the three old files, no backups, no leftovers.
    bool resetProject(const QString &dir)
    {
        QDir(dir).removeRecursively();
        for (const QString &file : targets) {
            if (!write(QDir(dir).filePath(file), m_old.value(file)))
                return false;
        }
        return true;
    }

    QStringList generateArguments(const QString &dir) const
    {
        return {s("generate"), dir, s("--answers"), m_answers, s("--force")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_answers = m_work.filePath(s("answers.json"));
        QVERIFY(write(m_answers, newAnswers));

        // The old files: what the MVP defaults generate.
        const QString seed = projectPath(s("seed"));
        QVERIFY(QDir().mkpath(seed));
        QProcess first;
        first.setProcessEnvironment(environment());
        first.start(s(OPSFLOW_BINARY), {s("generate"), seed, s("--defaults"), s("--scope"), s("mvp")});
        QVERIFY(first.waitForFinished(60000));
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        for (const QString &file : targets)
            m_old.insert(file, read(QDir(seed).filePath(file)));

        // The new files, and how long a whole run takes (median of five).
        QList<qint64> times;
        const QString reference = projectPath(s("reference"));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(resetProject(reference));
            QProcess run;
            run.setProcessEnvironment(environment());
            QElapsedTimer clock;
            run.start(s(OPSFLOW_BINARY), generateArguments(reference));
            QVERIFY(run.waitForStarted());
            clock.start();
            QVERIFY(run.waitForFinished(60000));
            times.append(clock.nsecsElapsed());
            QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0,
                     run.readAllStandardError().constData());
        }
        std::sort(times.begin(), times.end());
        m_typicalNs = times.at(times.size() / 2);
        for (const QString &file : targets) {
            m_new.insert(file, read(QDir(reference).filePath(file)));
            QVERIFY2(!m_old.value(file).isEmpty() && !m_new.value(file).isEmpty(), qPrintable(file));
            QVERIFY2(m_old.value(file) != m_new.value(file),
                     qPrintable(file + s(" must change for the test to mean anything")));
        }
        qInfo("a whole run takes %.1f ms (median of 5); killing %d runs within 0–%.1f ms", double(m_typicalNs) / 1e6,
              killRuns(), 1.1 * double(m_typicalNs) / 1e6);
    }

    void shouldLeaveEveryFileWholeWhenKilled()
    {
        const quint32 seed = qEnvironmentVariableIsSet("OPSFLOW_KILL_SEED")
            ? quint32(qEnvironmentVariableIntValue("OPSFLOW_KILL_SEED"))
            : QRandomGenerator::global()->generate();
        qInfo("seed %u (set OPSFLOW_KILL_SEED to repeat)", seed);
        QRandomGenerator random(seed);
        const QString project = projectPath(s("project"));
        const qint64 window = m_typicalNs + m_typicalNs / 10;

        int killed = 0; // the kill landed while it ran
        int allOld = 0;
        int allNew = 0;
        int mixed = 0;     // killed between two files: some old, some new
        int backups = 0;   // backups found whole after a kill
        int leftovers = 0; // temporaries left beside the targets or backups by a kill
        int cleaned = 0;   // runs after which the next generate removed them
        for (int run = 0; run < killRuns(); ++run) {
            QVERIFY(resetProject(project));
            const qint64 delayNs = qint64(random.bounded(double(window)));
            QProcess process;
            process.setProcessEnvironment(environment());
            process.start(s(OPSFLOW_BINARY), generateArguments(project));
            QVERIFY(process.waitForStarted());
            QThread::usleep(quint64(delayNs / 1000));
            process.kill();
            QVERIFY(process.waitForFinished(60000));
            const bool wasKilled = process.exitStatus() == QProcess::CrashExit;
            killed += wasKilled ? 1 : 0;
            if (!wasKilled)
                QCOMPARE(process.exitCode(), 0);

            const QString where =
                QStringLiteral("run %1 (killed after %2 ms)").arg(run).arg(double(delayNs) / 1e6, 0, 'f', 2);
            int newFiles = 0;
            for (const QString &file : targets) {
                const QByteArray now = read(QDir(project).filePath(file));
                const bool isOld = now == m_old.value(file);
                const bool isNew = now == m_new.value(file);
                QVERIFY2(isOld || isNew,
                         qPrintable(QStringLiteral("%1: %2 is partial (%3 bytes; old %4, new %5)")
                                        .arg(where, file)
                                        .arg(now.size())
                                        .arg(m_old.value(file).size())
                                        .arg(m_new.value(file).size())));
                newFiles += isNew ? 1 : 0;
                if (!wasKilled)
                    QVERIFY2(isNew, qPrintable(where + s(": a finished run left an old file")));
            }
            allOld += newFiles == 0 ? 1 : 0;
            allNew += newFiles == targets.size() ? 1 : 0;
            mixed += newFiles > 0 && newFiles < targets.size() ? 1 : 0;

            // Every backup there is the whole old file it claims to be.
            const QString backupRoot = QDir(project).filePath(s(".ai-flow/backups/phase7"));
            QDirIterator it(backupRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString relative = QDir(backupRoot).relativeFilePath(path).section(QLatin1Char('/'), 1);
                if (!targets.contains(relative)) {
                    ++leftovers; // a temporary of an interrupted backup copy
                    continue;
                }
                QVERIFY2(read(path) == m_old.value(relative),
                         qPrintable(QStringLiteral("%1: the backup %2 is not the whole old file").arg(where, path)));
                ++backups;
            }
            // Anything else beside the targets must be a temporary of ours (a kill between
            // writing and renaming), and the next run must clean it up.
            int ours = 0;
            for (const QString &dir : {s("docs"), s("specs"), QString()}) {
                const QStringList names = QDir(QDir(project).filePath(dir)).entryList(QDir::Files | QDir::Hidden);
                for (const QString &name : names) {
                    if (targets.contains(dir.isEmpty() ? name : dir + QLatin1Char('/') + name))
                        continue;
                    QVERIFY2(temporaryOfOurs().match(name).hasMatch(),
                             qPrintable(QStringLiteral("%1: a file that is not ours was left: %2").arg(where, name)));
                    ++ours;
                }
            }
            leftovers += ours;
            if (ours > 0) {
                QProcess again;
                again.setProcessEnvironment(environment());
                again.start(s(OPSFLOW_BINARY), generateArguments(project));
                QVERIFY(again.waitForFinished(60000));
                QCOMPARE(again.exitCode(), 0);
                const QString out = QString::fromUtf8(again.readAllStandardOutput());
                QVERIFY2(out.contains(s("removed a temporary file")), qPrintable(out));
                for (const QString &dir : {s("docs"), s("specs"), QString()}) {
                    const QStringList names = QDir(QDir(project).filePath(dir)).entryList(QDir::Files | QDir::Hidden);
                    for (const QString &name : names)
                        QVERIFY2(!temporaryOfOurs().match(name).hasMatch(),
                                 qPrintable(where + s(": the next run left the temporary ") + name));
                }
                ++cleaned;
            }
        }
        qInfo("%d runs: %d killed while running; files all old %d, all new %d, some of each %d; "
              "%d whole backups checked; %d temporary files left behind by killed writes, all removed by the next "
              "run (%d runs)",
              killRuns(), killed, allOld, allNew, mixed, backups, leftovers, cleaned);
        // The kills must mostly land while it runs, or the test proves little.
        QVERIFY2(killed >= killRuns() / 2, "most kills came after the run had finished: the timing is off");
    }
};

QTEST_GUILESS_MAIN(TestKillGenerate)
#include "tst_killgenerate.moc"
