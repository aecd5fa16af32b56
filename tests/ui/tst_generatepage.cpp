// The generate step and the completion page in the real window: plans, merges, conflicts,
// template errors, blocked paths, backups, the phase 8 pointer and files edited outside.
#include "answersfile.h"
#include "answersmodel.h"
#include "completionpage.h"
#include "diffview.h"
#include "generatedfileswatcher.h"
#include "generatepage.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "plurals.h"
#include "projectsession.h"
#include "testfiles.h"
#include "wizard.h"
#include "wizardpages.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDirIterator>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

const QString operations = QStringLiteral("docs/operations.md");
const QString configuration = QStringLiteral("specs/configuration.md");
const QString envExample = QStringLiteral(".env.example");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

// Records the addresses the page asks the desktop to open, instead of opening them.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

class TestGeneratePage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_project;

    Wizard *wizard() const { return m_window->wizard(); }
    AnswersModel *model() const { return m_window->answersModel(); }
    GeneratePage *page() const { return wizard()->generatePage(); }
    QString file(const QString &relative) const { return QDir(m_project).filePath(relative); }

    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    // The preview is not under test here: hidden, it renders nothing (and costs nothing).
    static std::unique_ptr<MainWindow> newWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->previewWidget()->hide();
        return window;
    }

    bool openWindow()
    {
        m_window = newWindow();
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get()) && m_window->openProject(m_project);
    }

    bool click(const QString &name) const
    {
        auto *button = find<QAbstractButton>(name);
        if (!button || !button->isVisible() || !button->isEnabled())
            return false;
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(qMin(8, button->width() / 2), button->height() / 2));
        return true;
    }

    bool clickNext() const { return testing::clickNext(wizard()); }

    // On through the questions (Smart defaults), "Yes" on the summary, on to the generate step.
    bool toGeneratePage() const
    {
        while (pageKey(wizard()) != QLatin1String("summary")) {
            if (!clickNext())
                return false;
        }
        return click(QStringLiteral("summary/yes")) && clickNext() && pageKey(wizard()) == QLatin1String("generate");
    }

    PlannedFile::Status status(const QString &path) const
    {
        const DocumentPlan *document = page()->plan().document(path);
        return document ? document->file.status : PlannedFile::Status::Blocked;
    }

    QString statusText(const QString &path) const
    {
        auto *label = find<QLabel>(QStringLiteral("generate/%1/status").arg(path));
        return label ? label->text() : QString();
    }

    bool generateOnce()
    {
        return toGeneratePage() && click(QStringLiteral("generate/write"))
            && pageKey(wizard()) == QLatin1String("completion");
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As main() does: "2 documents", not "2 document(s)".
        QVERIFY(installPlurals());
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("OpsFlow-tests"));
        m_settings = std::make_unique<QTemporaryDir>();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings->path());
    }

    void init()
    {
        QFile::remove(AnswersFile::pathForProject(QString()));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_project = m_dir->filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(m_project));
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    // The project's own ai-flow templates are offered on the generate step; choosing them
    // writes the documents from them, and the choice is saved with the answers.
    void shouldOfferTheProjectsAiFlowTemplates()
    {
        QVERIFY(testing::copyTree(testing::fixture("aiflow-templates"), m_project));
        QVERIFY(openWindow());
        QVERIFY(toGeneratePage());
        auto *choice = find<QCheckBox>(QStringLiteral("generate/aiFlowTemplates"));
        QVERIFY(choice && choice->isVisible() && !choice->isChecked());
        QCOMPARE(choice->text(), QStringLiteral("&Use the project's own ai-flow templates (3 files)"));
        QVERIFY(choice->toolTip().contains(QLatin1String(".ai-flow/templates/docs/operations.template.md")));
        const QString operations = QStringLiteral("docs/operations.md");
        QVERIFY(page()->plan().document(operations)->file.newContent.contains("Operations & Deployment"));
        // The plan's warnings are on the page, as the command line prints them.
        auto *warnings = find<QLabel>(QStringLiteral("generate/warnings"));
        QVERIFY(warnings->isVisible());
        QVERIFY2(warnings->text().contains(QLatin1String("The project has ai-flow's own templates")),
                 qPrintable(warnings->text()));

        QVERIFY(click(QStringLiteral("generate/aiFlowTemplates")));
        QCOMPARE(model()->snapshot().templates, TemplateChoice::AiFlow);
        const QByteArray theirs = page()->plan().document(operations)->file.newContent;
        QVERIFY2(theirs.contains("# Operations Guide: Ledger Service"), theirs.constData());
        QVERIFY(theirs.contains("[TBD: SSL_CERTIFICATE_PROVIDER]"));
        QVERIFY2(warnings->text().contains(QLatin1String("OpsFlow has no value for")), qPrintable(warnings->text()));
        QVERIFY(!warnings->text().contains(QLatin1String("own templates (")));
        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QVERIFY(QFile(file(operations)).open(QIODevice::ReadOnly));
        QVERIFY(m_window->flushAnswers());
        QFile answers(file(QStringLiteral(".ai-flow/answers/phase7.json")));
        QVERIFY(answers.open(QIODevice::ReadOnly));
        QVERIFY(answers.readAll().contains("\"templates\": \"ai-flow\""));
    }

    // A project without ai-flow templates is not asked.
    void shouldNotOfferAiFlowTemplatesAProjectDoesNotHave()
    {
        QVERIFY(openWindow());
        QVERIFY(toGeneratePage());
        QVERIFY(!find<QCheckBox>(QStringLiteral("generate/aiFlowTemplates"))->isVisible());
        QVERIFY(!find<QLabel>(QStringLiteral("generate/warnings"))->isVisible());
    }

    void shouldReReadTheContextOfEarlierPhases()
    {
        QVERIFY(writeAll(file(QStringLiteral("docs/testing.md")), "# Testing\n\nRun `npm test`.\n"));
        QVERIFY(openWindow());
        QVERIFY(toGeneratePage());
        const QString context = find<QLabel>(QStringLiteral("generate/context"))->text();
        QVERIFY(context.startsWith(QStringLiteral("📖 Loading context from previous phases…")));
        QVERIFY(context.contains(QStringLiteral("✅ Re-reading <code>docs/testing.md</code>")));
        QVERIFY(context.contains(QStringLiteral("✗ <code>ai-instructions.md</code> — not found")));
        for (const QString &path : {operations, configuration, envExample}) {
            QCOMPARE(status(path), PlannedFile::Status::New);
            QVERIFY(statusText(path).contains(QLatin1String("new")));
        }
        QVERIFY(!isNextEnabled());
    }

    void shouldKeepAHandWrittenDocumentByteForByte()
    {
        QVERIFY(copyTree(fixture("hand-written"), m_project));
        const QByteArray mine = readAll(file(operations));
        QVERIFY(!mine.isEmpty());
        QVERIFY(openWindow());
        QVERIFY(toGeneratePage());

        const DocumentPlan *document = page()->plan().document(operations);
        QVERIFY(document);
        QCOMPARE(document->conflicts.size(), 1);
        QCOMPARE(document->conflicts.first().id, QLatin1String(wholeFileConflictId));
        const QString name = QStringLiteral("generate/docs/operations.md/conflict/*whole-file*");
        QVERIFY(find<QLabel>(name + QStringLiteral("/reason"))->text().contains(QLatin1String("written by hand")));
        QVERIFY(find<QRadioButton>(name + QStringLiteral("/keep"))->isChecked()); // the default
        QVERIFY(!find<QRadioButton>(name + QStringLiteral("/take"))->isChecked());
        QCOMPARE(status(operations), PlannedFile::Status::Unchanged);

        // Show diff compares the file with what OpsFlow would write.
        auto *diff = find<DiffView>(name + QStringLiteral("/diff"));
        QVERIFY(!diff->isVisible());
        QVERIFY(click(name + QStringLiteral("/showDiff")));
        QVERIFY(diff->isVisible());
        QVERIFY(diff->toPlainText().startsWith(QLatin1String("--- yours")));

        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QCOMPARE(readAll(file(operations)), mine);
        QVERIFY(QFile::exists(file(configuration)));
        QVERIFY(QFile::exists(file(envExample)));
        // The page says what happened, not the seed's "Documents have been created…".
        QCOMPARE(wizard()->currentPage()->subTitle(),
                 QStringLiteral("2 documents written from the answers; 1 kept as you edited it, by your choice."));
        QVERIFY(find<QLabel>(QStringLiteral("completion/file/") + operations)
                    ->text()
                    .contains(QLatin1String("kept as you edited it")));
    }

    void shouldFindNothingToChangeTheSecondTime()
    {
        QVERIFY(openWindow());
        QVERIFY(generateOnce());
        const QByteArray first = readAll(file(operations));
        QVERIFY(first.contains("<!-- opsflow:begin"));
        QVERIFY(first.contains("sha256:")); // stamped, so later edits are recognised

        // Back from the completion page: planned again, and written again only on request.
        wizard()->back();
        QCOMPARE(pageKey(wizard()), QStringLiteral("generate"));
        QVERIFY(!isNextEnabled());
        for (const QString &path : {operations, configuration, envExample}) {
            QCOMPARE(status(path), PlannedFile::Status::Unchanged);
            QVERIFY(statusText(path).contains(QLatin1String("unchanged")));
            QVERIFY(page()->plan().document(path)->conflicts.isEmpty());
        }
        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QVERIFY(page()->writeResult().written.isEmpty());
        QVERIFY(page()->writeResult().backups.isEmpty());
        QCOMPARE(readAll(file(operations)), first);
        QCOMPARE(wizard()->currentPage()->subTitle(), QStringLiteral("3 already up to date, not touched."));
    }

    // A value out of range (from an answers file edited by hand) is never written, and
    // cannot be written "anyway".
    void shouldNotWriteAnAnswerThatIsNotValid()
    {
        QVERIFY(openWindow());
        QVERIFY(toGeneratePage());
        model()->setValue(QStringLiteral("7.2"), QStringLiteral("image_size_mb"), 99999.0);
        QVERIFY(!page()->generate());
        QVERIFY(!QFile::exists(file(operations)));
        QVERIFY(find<QLabel>(QStringLiteral("generate/outcome"))
                    ->text()
                    .startsWith(QLatin1String("Nothing written: some answers are not valid")));
        auto *rules = find<QLabel>(QStringLiteral("generate/rules"));
        QVERIFY2(
            rules->isVisible()
                && rules->text().contains(QLatin1String("7.2 Estimated image size: Must be between 1 and 20000 MB.")),
            qPrintable(rules->text()));
        QVERIFY(!find<QPushButton>(QStringLiteral("generate/write"))->isEnabled());
        QVERIFY(!find<QAbstractButton>(QStringLiteral("generate/acceptErrors"))->isVisible());
    }

    void shouldKeepAnEditOutsideTheMarkers()
    {
        QVERIFY(openWindow());
        QVERIFY(generateOnce());
        QByteArray text = readAll(file(operations));
        const QByteArray note = "\n## Our own notes\n\nCall Dana before touching the database.\n";
        const qsizetype index = text.indexOf("<!-- opsflow:sections");
        QVERIFY(index > 0);
        text.insert(index, note + "\n");
        QVERIFY(writeAll(file(operations), text));

        // An answer changes a generated section.
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("platform"), QStringLiteral("Render web service"));
        wizard()->back();
        QCOMPARE(pageKey(wizard()), QStringLiteral("generate"));
        QCOMPARE(status(operations), PlannedFile::Status::Changed);
        QVERIFY(page()->plan().document(operations)->conflicts.isEmpty());
        auto *diff = find<DiffView>(QStringLiteral("generate/docs/operations.md/diff"));
        QVERIFY(diff && diff->isVisible());
        QVERIFY(diff->toPlainText().contains(QLatin1String("+Production runs on")));
        QVERIFY(statusText(operations).contains(QLatin1String("changed")));

        QVERIFY(click(QStringLiteral("generate/write")));
        const QByteArray after = readAll(file(operations));
        QVERIFY(after.contains(note));
        QVERIFY(after.contains("Render web service"));
        QCOMPARE(page()->writeResult().backups.size(), 1);
    }

    void shouldSayBeforeWritingThatAFileCannotBeCreated()
    {
        QVERIFY(openWindow());
        QVERIFY(writeAll(file(configuration.section(QLatin1Char('/'), 0, 0)), "a file where the folder goes\n"));
        QVERIFY(toGeneratePage());
        QCOMPARE(status(configuration), PlannedFile::Status::Blocked);
        QVERIFY2(statusText(configuration).contains(QLatin1String("specs is a file, not a folder")),
                 qPrintable(statusText(configuration)));
        // The others are written; the completion page says which one was not, and why.
        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QVERIFY(QFile::exists(file(operations)));
        QCOMPARE(wizard()->currentPage()->subTitle(),
                 QStringLiteral("2 documents written from the answers; 1 not written (see below)."));
        QVERIFY(find<QLabel>(QStringLiteral("completion/file/") + configuration)
                    ->text()
                    .contains(QLatin1String("specs is a file, not a folder")));
    }

    void shouldOfferAConflictForAnEditInsideASection()
    {
        QVERIFY(openWindow());
        QVERIFY(generateOnce());
        const QByteArray generated = readAll(file(operations));
        // The wizard recorded what it generated, so an edit the new text does not touch is
        // merged, not offered as a conflict.
        QVERIFY(QFile::exists(file(QStringLiteral(".ai-flow/opsflow/last-generated/docs/operations.md"))));
        const qsizetype begin = generated.indexOf("<!-- opsflow:begin deployment-environment");
        QVERIFY(begin > 0);
        const qsizetype body = generated.indexOf('\n', begin) + 1;
        QByteArray edited = generated;
        edited.insert(body, "EDITED BY HAND: we also run a DR copy in us-east-1.\n");
        QVERIFY(writeAll(file(operations), edited));
        wizard()->back();
        QCOMPARE(pageKey(wizard()), QStringLiteral("generate"));
        QVERIFY(page()->plan().document(operations)->conflicts.isEmpty());
        QCOMPARE(status(operations), PlannedFile::Status::Unchanged);

        // An edit on the very line the new answers change is a conflict.
        const qsizetype runs = edited.indexOf("Production runs on", body);
        QVERIFY(runs > body);
        edited.insert(runs, "EDITED BY HAND: ");
        QVERIFY(writeAll(file(operations), edited));
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("platform"), QStringLiteral("Render web service"));
        page()->replan();
        const DocumentPlan *document = page()->plan().document(operations);
        QCOMPARE(document->conflicts.size(), 1);
        QCOMPARE(document->conflicts.first().id, QStringLiteral("deployment-environment"));
        const QString name = QStringLiteral("generate/docs/operations.md/conflict/deployment-environment");
        // The section is named as the document heads it, not by its marker id.
        QVERIFY(
            find<QLabel>(name + QStringLiteral("/reason"))
                ->text()
                .contains(QLatin1String(
                    "In section &quot;Deployment Environment&quot; you and the new generation changed the same lines")));
        QVERIFY(find<QRadioButton>(name + QStringLiteral("/keep"))->isChecked());

        QVERIFY(click(name + QStringLiteral("/take")));
        QTRY_COMPARE(page()->choice(operations, QStringLiteral("deployment-environment")), ConflictChoice::TakeNew);
        QCOMPARE(status(operations), PlannedFile::Status::Changed);
        QVERIFY(find<QRadioButton>(name + QStringLiteral("/take"))->isChecked());

        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        const QByteArray after = readAll(file(operations));
        QVERIFY(after.contains("Render web service"));
        QVERIFY(!after.contains("EDITED BY HAND"));
        const QStringList backups = page()->writeResult().backups;
        QCOMPARE(backups.size(), 1);
        QVERIFY(backups.first().contains(QLatin1String("/.ai-flow/backups/phase7/")));
        QCOMPARE(readAll(backups.first()), edited);
        QVERIFY(find<QLabel>(QStringLiteral("completion/backups"))
                    ->text()
                    .contains(QLatin1String(".ai-flow/backups/phase7/")));
    }

    void shouldShowATemplateErrorAndNotWriteItsDocument()
    {
        const QString override = file(QStringLiteral(".ai-flow/templates/opsflow/operations.md.template"));
        QVERIFY(writeAll(override, "# {{PROJECT_NAME}}\n\n{{#IF HAS_DOCKER}}\nno end here\n"));
        QVERIFY(openWindow());
        QVERIFY(toGeneratePage());
        QVERIFY(!page()->plan().errors.isEmpty());
        const QString error = page()->plan().errors.first().toString();
        QVERIFY2(error.startsWith(QLatin1String(".ai-flow/templates/opsflow/operations.md.template:")),
                 qPrintable(error));
        QVERIFY(page()->plan().errors.first().line > 0);
        auto *errors = find<QLabel>(QStringLiteral("generate/errors"));
        QVERIFY(errors->isVisible());
        QVERIFY(errors->text().contains(error.toHtmlEscaped()));
        QVERIFY(!page()->plan().document(operations)->generated);
        QVERIFY(statusText(operations).contains(QLatin1String("not generated")));

        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QVERIFY(!QFile::exists(file(operations)));
        QVERIFY(QFile::exists(file(configuration)));
        QVERIFY(
            find<QLabel>(QStringLiteral("completion/file/docs/operations.md"))->text().startsWith(QStringLiteral("⛔")));
    }

    // Like `opsflow generate` without --accept-errors: answers that contradict each other
    // are listed, and nothing is written until the user says to write them anyway.
    void shouldWriteNothingWithContradictionsUntilAccepted()
    {
        QVERIFY(openWindow());
        // Cloud Run kills the process 10 s after SIGTERM: an answered 30 s shutdown cannot fit.
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("platform"), QStringLiteral("Google Cloud Run"));
        model()->setValue(QStringLiteral("7.9.1"), QStringLiteral("total_timeout_s"), 30);
        QVERIFY(toGeneratePage());
        auto *rules = find<QLabel>(QStringLiteral("generate/rules"));
        QVERIFY(rules && rules->isVisible());
        QVERIFY2(rules->text().contains(QLatin1String("allows at most 10 s between SIGTERM and SIGKILL")),
                 qPrintable(rules->text()));
        QVERIFY(rules->text().contains(QLatin1String("One answer contradicts another")));
        auto *write = find<QPushButton>(QStringLiteral("generate/write"));
        QVERIFY(!write->isEnabled());
        QVERIFY(!page()->generate());
        QVERIFY(!QFile::exists(file(operations)));
        QVERIFY(find<QLabel>(QStringLiteral("generate/outcome"))->text().startsWith(QLatin1String("Nothing written")));

        QVERIFY(click(QStringLiteral("generate/acceptErrors")));
        QVERIFY(write->isEnabled());
        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QVERIFY(readAll(file(operations)).contains("Cloud Run allows only 10 s"));

        // Resolved: no list, no box, the button as usual.
        const std::pair<const char *, int> fits[] = {{"stop_accepting_timeout_s", 1},
                                                     {"finish_requests_timeout_s", 2},
                                                     {"db_close_timeout_s", 1},
                                                     {"total_timeout_s", 5}};
        for (const auto &[field, seconds] : fits)
            model()->setValue(QStringLiteral("7.9.1"), QString::fromLatin1(field), seconds);
        wizard()->back();
        QCOMPARE(pageKey(wizard()), QStringLiteral("generate"));
        QVERIFY(!rules->isVisible());
        QVERIFY(!find<QWidget>(QStringLiteral("generate/acceptErrors"))->isVisible());
        QVERIFY(write->isEnabled());
    }

    void shouldBlockALinkThatLeavesTheProject()
    {
        QTemporaryDir outside;
        const QString target = outside.filePath(QStringLiteral("elsewhere.md"));
        QVERIFY(writeAll(target, "not yours\n"));
        QVERIFY(QDir().mkpath(file(QStringLiteral("docs"))));
        QVERIFY(QFile::link(target, file(operations)));
        QVERIFY(openWindow());
        QVERIFY(toGeneratePage());
        QCOMPARE(status(operations), PlannedFile::Status::Blocked);
        QVERIFY(statusText(operations).contains(QLatin1String("blocked")));
        QVERIFY(statusText(operations).contains(QLatin1String("outside the project folder")));

        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(readAll(target), QByteArray("not yours\n"));
        QVERIFY(QFileInfo(file(operations)).isSymLink());
        QVERIFY(QFile::exists(file(configuration)));
        QVERIFY(find<QLabel>(QStringLiteral("completion/file/docs/operations.md"))
                    ->text()
                    .contains(QLatin1String("outside the project folder")));
    }

    void shouldCompleteWithTheFilesAndThePointerToPhase8_data()
    {
        QTest::addColumn<bool>("prompt");
        QTest::newRow("with the phase 8 prompt") << true;
        QTest::newRow("without it") << false;
    }

    void shouldCompleteWithTheFilesAndThePointerToPhase8()
    {
        QFETCH(bool, prompt);
        if (prompt)
            QVERIFY(writeAll(file(CompletionPage::phase8Prompt()), "# Phase 8\n"));
        QVERIFY(openWindow());
        QVERIFY(generateOnce());
        for (const QString &path : {operations, configuration, envExample}) {
            auto *label = find<QLabel>(QStringLiteral("completion/file/") + path);
            QVERIFY2(label, qPrintable(path));
            QVERIFY(label->text().startsWith(QStringLiteral("✅ <code>%1</code>").arg(path)));
            QVERIFY(label->text().contains(QDir::toNativeSeparators(QFileInfo(file(path)).canonicalFilePath())));
            QVERIFY(find<QPushButton>(QStringLiteral("completion/open/") + path));
        }
        QVERIFY(find<QPushButton>(QStringLiteral("completion/openFolder")));
        QVERIFY(find<QLabel>(QStringLiteral("completion/review"))
                    ->text()
                    .contains(QLatin1String("Would you like to review these documents before proceeding to Phase 8?")));
        QCOMPARE(wizard()->currentPage()->title(), QStringLiteral("✅ Phase 7 Complete!"));
        auto *next = find<QLabel>(QStringLiteral("completion/nextPhase"));
        QVERIFY(next);
        QVERIFY(next->text().contains(QLatin1String("Phase 8 - Project Setup &amp; Final Documentation")));
        QVERIFY(next->text().contains(QLatin1String(".ai-flow/prompts/backend/flow-build-phase-8.md")));
        QCOMPARE(next->text().contains(QLatin1String("Read:")), prompt);

        // The seed's question is answered with buttons: Yes opens every document written,
        // No opens the phase 8 prompt (offered only when the project has it).
        UrlRecorder opened;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &opened, "open");
        QVERIFY(click(QStringLiteral("completion/reviewDocuments")));
        QStringList expected;
        for (const QString &path : {operations, configuration, envExample})
            expected.append(QFileInfo(file(path)).absoluteFilePath());
        QStringList openedPaths;
        for (const QUrl &url : std::as_const(opened.urls))
            openedPaths.append(QFileInfo(url.toLocalFile()).absoluteFilePath());
        QCOMPARE(openedPaths, expected);
        QCOMPARE(find<QPushButton>(QStringLiteral("completion/openPhase8")) != nullptr, prompt);
        if (prompt) {
            opened.urls.clear();
            QVERIFY(click(QStringLiteral("completion/openPhase8")));
            QCOMPARE(opened.urls.size(), 1);
            QVERIFY(opened.urls.first().toLocalFile().endsWith(CompletionPage::phase8Prompt()));
        }
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QAbstractButton *finish = wizard()->button(QWizard::FinishButton);
        QVERIFY(finish->isVisible());
    }

    void shouldNoticeAFileEditedOutside()
    {
        QVERIFY(openWindow());
        QVERIFY(generateOnce());
        NoticeBar *notice = m_window->noticeBar();
        QVERIFY(!notice->isVisible()); // our own writes are not news
        QVERIFY(writeAll(file(operations), readAll(file(operations)) + "\nA line added in an editor.\n"));
        QTRY_VERIFY(notice->isVisible());
        QCOMPARE(notice->text(), QStringLiteral("docs/operations.md changed on disk — re-read"));
        QTRY_VERIFY(find<QLabel>(QStringLiteral("completion/changed")));
        QVERIFY(
            find<QLabel>(QStringLiteral("completion/changed"))->text().contains(QLatin1String("docs/operations.md")));

        // Back on the generate step the plan shows the file as it is now.
        wizard()->back();
        QVERIFY(page()->plan().document(operations)->file.oldContent.contains("A line added in an editor."));
    }

    void shouldAskForAFolderFirstAndMoveTheAnswersThere()
    {
        m_window = newWindow();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(click(QStringLiteral("startWithoutFolder")));
        QVERIFY(click(QStringLiteral("scope/mvp")));
        QVERIFY(toGeneratePage());
        QCOMPARE(find<QPushButton>(QStringLiteral("generate/write"))->text(),
                 QStringLiteral("Choose Folder and &Generate…"));
        QVERIFY(statusText(operations).contains(QLatin1String("once you choose the project folder")));

        // The folder dialog (Qt's own offscreen) picks the project.
        bool chosen = false;
        QTimer picker;
        picker.setInterval(20);
        connect(&picker, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            picker.stop();
            dialog->setDirectory(m_project);
            QMetaObject::invokeMethod(dialog, "accept");
            chosen = true;
        });
        picker.start();
        QVERIFY(click(QStringLiteral("generate/write")));
        QVERIFY(chosen);
        QCOMPARE(m_window->projectFolder(), QFileInfo(m_project).canonicalFilePath());
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QVERIFY(QFile::exists(file(operations)));
        QVERIFY(m_window->flushAnswers());
        QFile answers(AnswersFile::pathForProject(m_project));
        QVERIFY(answers.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(answers.readAll()).object().value(QLatin1String("scope")).toString(),
                 QStringLiteral("mvp"));
    }

private:
    bool isNextEnabled() const { return wizard()->button(QWizard::NextButton)->isEnabled(); }
};

QTEST_MAIN(TestGeneratePage)
#include "tst_generatepage.moc"
