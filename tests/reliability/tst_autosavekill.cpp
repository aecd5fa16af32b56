// SIGKILL of the GUI after typing: the autosaved answers are whole and come back on the next
// start. The GUI has no scriptable input, so this test binary runs itself as the "GUI": a
// child with the real MainWindow (offscreen) changes answers through its model, as the field
// widgets do, and is killed — by itself right after a save, or by the parent at random.
#include "answersfile.h"
#include "answersmodel.h"
#include "autosaver.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace opsflow;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

constexpr int burstEdits = 200;

void prepareApplication()
{
    // Never the user's own settings or saved answers.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(s("OpsFlow-tests"));
}

// Child, "after-save": answer a few questions, wait for the autosave, then die at once.
int childAfterSave(const QString &project)
{
    MainWindow window;
    if (!window.openProject(project))
        return 2;
    AnswersModel *model = window.answersModel();
    QSignalSpy saved(window.autoSaver(), &AutoSaver::saved);
    model->setScope(Scope::Enterprise);
    model->setMode(Mode::Interactive);
    model->setValue(s("7.1"), s("choice"), s("A"));
    model->setValue(s("7.1"), s("platform"), s("AWS ECS — typed, then the power went"));
    model->setValue(s("7.7"), s("rto_minutes"), 45.0);
    model->setContextValue(s("project_name"), s("kill-9"));
    if (!saved.wait(10000))
        return 3;
    std::printf("saved\n");
    std::fflush(stdout);
    std::raise(SIGKILL);
    return 4; // not reached
}

// Child, "burst": type fast with a short autosave delay until the parent kills it; every
// save that lands is announced ("saved N") so the parent knows what must survive.
int childBurst(const QString &project)
{
    MainWindow window;
    if (!window.openProject(project))
        return 2;
    window.autoSaver()->setDelay(1); // a save between most edits (they come 4 ms apart)
    int edit = 0;
    QObject::connect(window.autoSaver(), &AutoSaver::saved, &window, [&edit] {
        std::printf("saved %d\n", edit);
        std::fflush(stdout);
    });
    std::printf("ready\n");
    std::fflush(stdout);
    for (edit = 1; edit <= burstEdits; ++edit) {
        window.answersModel()->setValue(s("7.1"), s("why"), QStringLiteral("edit %1").arg(edit));
        QTest::qWait(4);
    }
    edit = burstEdits;
    window.flushAnswers();
    return 0;
}

QProcess *startChild(const QString &mode, const QString &project, QObject *parent)
{
    auto *process = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(s("QT_QPA_PLATFORM"), s("offscreen"));
    process->setProcessEnvironment(env);
    process->start(QCoreApplication::applicationFilePath(), {mode, project});
    return process;
}

// The "edit N" of the saved file, or -1 when there is no file; fails on a file that does
// not load (a partial write).
int savedEdit(const QString &project, QString *error)
{
    const QString path = AnswersFile::pathForProject(project);
    if (!QFile::exists(path))
        return -1;
    const auto answers = AnswersFile::load(path, Questionnaire::builtIn(), error);
    if (!answers)
        return -2;
    return answers->stored(s("7.1"), s("why")).toString().mid(5).toInt();
}

} // namespace

class TestAutosaveKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { prepareApplication(); }

    void shouldRestoreWhatWasSavedBeforeTheKill()
    {
        QTemporaryDir project;
        QVERIFY(project.isValid());
        std::unique_ptr<QProcess> child(startChild(s("--child-after-save"), project.path(), nullptr));
        QVERIFY(child->waitForFinished(60000));
        QCOMPARE(child->exitStatus(), QProcess::CrashExit); // SIGKILL, not a clean exit
        QCOMPARE(child->readAllStandardOutput(), QByteArray("saved\n"));

        // The next start opens the project with what was typed.
        MainWindow window;
        QVERIFY(window.openProject(project.path()));
        const AnswersModel *model = window.answersModel();
        QCOMPARE(model->scope(), Scope::Enterprise);
        QCOMPARE(model->mode(), Mode::Interactive);
        QCOMPARE(model->stored(s("7.1"), s("choice")).toString(), s("A"));
        QCOMPARE(model->stored(s("7.1"), s("platform")).toString(), s("AWS ECS — typed, then the power went"));
        QCOMPARE(model->stored(s("7.7"), s("rto_minutes")).toDouble(), 45.0);
        QCOMPARE(model->snapshot().context.value(s("project_name")).toString(), s("kill-9"));
        QVERIFY(!window.autoSaver()->isDirty());
    }

    void shouldNeverLeaveAPartialAnswersFile()
    {
        // How long a whole burst takes, to spread the kills over it.
        QTemporaryDir probe;
        std::unique_ptr<QProcess> whole(startChild(s("--child-burst"), probe.path(), nullptr));
        QVERIFY(whole->waitForReadyRead(60000)); // "ready"
        QElapsedTimer clock;
        clock.start();
        QVERIFY(whole->waitForFinished(120000));
        const qint64 burstMs = clock.elapsed();
        QCOMPARE(whole->exitCode(), 0);
        QString error;
        QCOMPARE(savedEdit(probe.path(), &error), burstEdits);

        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        const int kills = 10;
        int killedWhileTyping = 0;
        for (int i = 0; i < kills; ++i) {
            QTemporaryDir project;
            std::unique_ptr<QProcess> child(startChild(s("--child-burst"), project.path(), nullptr));
            QVERIFY(child->waitForReadyRead(60000));
            QThread::msleep(random.bounded(quint32(burstMs) + 1));
            child->kill();
            QVERIFY(child->waitForFinished(60000));
            killedWhileTyping += child->exitStatus() == QProcess::CrashExit ? 1 : 0;

            // The last save announced before the kill must be there, whole.
            int announced = -1;
            for (const QByteArray &line : child->readAllStandardOutput().split('\n')) {
                if (line.startsWith("saved "))
                    announced = line.mid(6).toInt();
            }
            const int edit = savedEdit(project.path(), &error);
            const QString where = QStringLiteral("kill %1 (seed %2)").arg(i).arg(seed);
            QVERIFY2(edit != -2, qPrintable(where + s(": the answers file does not load: ") + error));
            QVERIFY2(
                edit >= announced,
                qPrintable(
                    QStringLiteral("%1: save %2 was announced, the file has %3").arg(where).arg(announced).arg(edit)));
        }
        qInfo("burst of %d edits takes %lld ms; %d of %d kills landed while typing", burstEdits, burstMs,
              killedWhileTyping, kills);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && (qstrcmp(argv[1], "--child-after-save") == 0 || qstrcmp(argv[1], "--child-burst") == 0)) {
        QApplication app(argc, argv);
        prepareApplication();
        const QString project = QString::fromLocal8Bit(argv[2]);
        return qstrcmp(argv[1], "--child-burst") == 0 ? childBurst(project) : childAfterSave(project);
    }
    QApplication app(argc, argv);
    TestAutosaveKill test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosavekill.moc"
