// The open project and its answers without a window: opening, loading, carrying answers
// into a folder, and never losing a file on the way.
#include "answersfile.h"
#include "answersmodel.h"
#include "autosaver.h"
#include "projectcontroller.h"
#include "projectsession.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QByteArray folderAnswers = "{\"format\": \"opsflow-answers\", \"version\": 1, \"mode\": \"smart\", "
                                 "\"scope\": \"mvp\", \"answers\": {\"7.6\": {\"error_rate_percent\": 3}}}\n";

} // namespace

class TestProjectController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        // Each test starts from no answers in the application's data.
        QFile::remove(AnswersFile::pathForProject(QString()));
    }

    void shouldLoadTheFolderAnswers()
    {
        QTemporaryDir project;
        put(project.filePath(s(".ai-flow/answers/phase7.json")), folderAnswers);
        AnswersModel model(Questionnaire::builtIn());
        ProjectController controller(&model);
        QSignalSpy changed(&controller, &ProjectController::folderChanged);
        QString error;
        QVERIFY(controller.open(project.path(), ProjectController::Answers::FromFolder, &error));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(controller.folder(), QDir(project.path()).canonicalPath());
        QCOMPARE(controller.answersPath(), project.filePath(s(".ai-flow/answers/phase7.json")));
        QCOMPARE(model.snapshot().scope, Scope::Mvp);
        QCOMPARE(model.snapshot().stored(s("7.6"), s("error_rate_percent")).toDouble(), 3.0);
        QVERIFY(!controller.autoSaver()->isDirty());
    }

    void shouldSayAMissingFolderDoesNotExist()
    {
        QTemporaryDir parent;
        AnswersModel model(Questionnaire::builtIn());
        ProjectController controller(&model);
        QString error;
        QVERIFY(!controller.open(parent.filePath(s("gone")), ProjectController::Answers::FromFolder, &error));
        QVERIFY2(error.endsWith(s("gone does not exist.")), qPrintable(error));
        QVERIFY(!controller.isOpen());
        put(parent.filePath(s("file")), "x");
        QVERIFY(!controller.open(parent.filePath(s("file")), ProjectController::Answers::FromFolder, &error));
        QVERIFY2(error.endsWith(s("file is not a folder.")), qPrintable(error));
    }

    void shouldWriteNothingIntoAFolderWhenNothingWasTyped()
    {
        QTemporaryDir project;
        AnswersModel model(Questionnaire::builtIn());
        ProjectController controller(&model);
        QString error;
        QVERIFY(controller.open(project.path(), ProjectController::Answers::FromFolder, &error));
        QVERIFY(controller.flush());
        QCOMPARE(filesUnder(project.path()), QStringList());
    }

    // The facts found in a project (its name, runtime, port) change what the documents say,
    // but they are not typed answers: finding them writes nothing into the folder.
    void shouldWriteNothingWhenOnlyProjectFactsWereFound()
    {
        QTemporaryDir root;
        const QString folder = root.filePath(s("project"));
        QVERIFY(copyTree(fixture("node-api"), folder));
        const QStringList before = filesUnder(folder);
        AnswersModel model(Questionnaire::builtIn());
        ProjectController controller(&model);
        QString error;
        QVERIFY(controller.open(folder, ProjectController::Answers::FromFolder, &error));
        QTRY_VERIFY_WITH_TIMEOUT(controller.session()->hasEvidence(), 60000);
        QCOMPARE(model.resolver().contextValue(s("project_name")).toString(), s("Orders API"));
        QVERIFY(model.snapshot().detectedContext.contains(s("port")));
        QVERIFY(controller.flush());
        QCOMPARE(filesUnder(folder), before);
    }

    void shouldMoveAsideAnswersItCannotRead()
    {
        QTemporaryDir project;
        const QString path = project.filePath(s(".ai-flow/answers/phase7.json"));
        put(path, "{ not json");
        AnswersModel model(Questionnaire::builtIn());
        model.setValue(s("7.6"), s("error_rate_percent"), 7);
        ProjectController controller(&model);
        QSignalSpy problems(&controller, &ProjectController::problem);
        QString error;
        QVERIFY(controller.open(project.path(), ProjectController::Answers::FromFolder, &error));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().at(0).toString(), s("Cannot Load Answers"));
        QVERIFY(problems.first().at(1).toString().contains(s("It was kept as ")));
        // The unreadable bytes are kept beside, untouched; what was typed is still there.
        const QStringList files = QDir(project.filePath(s(".ai-flow/answers"))).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY(files.first().startsWith(s("phase7.json.bad-")));
        QCOMPARE(readBytes(project.filePath(s(".ai-flow/answers/") + files.first())), QByteArray("{ not json"));
        QCOMPARE(model.snapshot().stored(s("7.6"), s("error_rate_percent")).toInt(), 7);
    }

    void shouldBackUpTheFolderAnswersWhenCarryingIn()
    {
        QTemporaryDir project;
        const QString path = project.filePath(s(".ai-flow/answers/phase7.json"));
        put(path, folderAnswers);
        AnswersModel model(Questionnaire::builtIn());
        model.setValue(s("7.6"), s("error_rate_percent"), 9);
        ProjectController controller(&model);
        QSignalSpy notices(&controller, &ProjectController::notice);
        QString error;
        QVERIFY(controller.open(project.path(), ProjectController::Answers::CarryIn, &error));
        // The answers typed so far are the folder's now; its own went to the backups first.
        QVERIFY(readBytes(path).contains("\"error_rate_percent\": 9"));
        QStringList backups;
        for (const QString &file : filesUnder(project.filePath(s(".ai-flow/backups/phase7"))))
            backups.append(file);
        QCOMPARE(backups.size(), 1);
        QVERIFY(backups.first().endsWith(s("/.ai-flow/answers/phase7.json")));
        QCOMPARE(readBytes(project.filePath(s(".ai-flow/backups/phase7/") + backups.first())), folderAnswers);
        QCOMPARE(notices.size(), 1);
        QVERIFY(notices.first().first().toString().contains(s("earlier answers were kept as")));
        QCOMPARE(model.snapshot().stored(s("7.6"), s("error_rate_percent")).toInt(), 9);
    }

    void shouldNotCarryInWhenTheBackupsLeadOutside()
    {
        QTemporaryDir project;
        QTemporaryDir outside;
        const QString path = project.filePath(s(".ai-flow/answers/phase7.json"));
        put(path, folderAnswers);
        QVERIFY(QFile::link(outside.path(), project.filePath(s(".ai-flow/backups"))));
        AnswersModel model(Questionnaire::builtIn());
        ProjectController controller(&model);
        model.setValue(s("7.6"), s("error_rate_percent"), 9);
        QSignalSpy problems(&controller, &ProjectController::problem);
        QString error;
        QVERIFY(controller.open(project.path(), ProjectController::Answers::CarryIn, &error));
        // Nothing written outside, the folder's answers untouched and open, and what was
        // typed is still where it was saved before the switch.
        QCOMPARE(filesUnder(outside.path()), QStringList());
        QCOMPARE(readBytes(path), folderAnswers);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().at(0).toString(), s("Answers Not Moved"));
        QVERIFY2(problems.first().at(1).toString().contains(s("outside the project")),
                 qPrintable(problems.first().at(1).toString()));
        QCOMPARE(model.snapshot().scope, Scope::Mvp);
        QVERIFY(readBytes(AnswersFile::pathForProject(QString())).contains("\"error_rate_percent\": 9"));
        QVERIFY(controller.flush());
        QCOMPARE(readBytes(path), folderAnswers);
    }

    void shouldKeepAnswersInTheApplicationDataAfterClosing()
    {
        QTemporaryDir project;
        put(project.filePath(s(".ai-flow/answers/phase7.json")), folderAnswers);
        AnswersModel model(Questionnaire::builtIn());
        ProjectController controller(&model);
        QString error;
        QVERIFY(controller.open(project.path(), ProjectController::Answers::FromFolder, &error));
        controller.close();
        QVERIFY(!controller.isOpen());
        QCOMPARE(controller.answersPath(), AnswersFile::pathForProject(QString()));
        // The folder's answers stay on screen and are saved in the application's data now.
        QCOMPARE(model.snapshot().scope, Scope::Mvp);
        QVERIFY(controller.flush());
        QVERIFY(readBytes(controller.answersPath()).contains("\"scope\": \"mvp\""));
    }
};

QTEST_GUILESS_MAIN(TestProjectController)
#include "tst_projectcontroller.moc"
