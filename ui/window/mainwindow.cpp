// The main window: menus, the notice bar, and a splitter with the wizard and the preview.
#include "mainwindow.h"

#include "windowgeometry.h"

#include "answersfile.h"
#include "answersmodel.h"
#include "autosaver.h"
#include "completionpage.h"
#include "diagramrendererloader.h"
#include "exportdialog.h"
#include "focuspanes.h"
#include "generatedfileswatcher.h"
#include "generatepage.h"
#include "highlighting.h"
#include "noticebar.h"
#include "previewpane.h"
#include "projectcontroller.h"
#include "projectsession.h"
#include "recentprojects.h"
#include "startpage.h"
#include "summaryexporter.h"
#include "uilogging.h"
#include "userguide.h"
#include "windowgeometry.h"
#include "wizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace opsflow {

namespace {

// The first local folder among dragged URLs.
QString droppedFolder(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_model(new AnswersModel(Questionnaire::builtIn(), this)),
      m_controller(new ProjectController(m_model, this)), m_recent(new RecentProjects(this)),
      m_watcher(new GeneratedFilesWatcher(this)), m_wizard(new Wizard(m_model, m_controller->session())),
      m_notice(new NoticeBar(this)), m_splitter(new QSplitter(Qt::Horizontal, this)), m_panes(new FocusPanes(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_wizard);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    createMenus();
    statusBar();

    // The preview beside the wizard follows the question on screen; a click on a section
    // of a document goes to its question.
    auto *preview = new PreviewPane(m_model);
    setPreviewWidget(preview);
    m_previewPane = preview;
    connect(m_wizard, &Wizard::currentQuestionChanged, preview, &PreviewPane::showQuestion);
    connect(preview, &PreviewPane::questionRequested, m_wizard, &Wizard::goToQuestion);

    connect(m_wizard, &Wizard::openFolderRequested, this, &MainWindow::chooseProjectFolder);
    connect(m_wizard, &Wizard::recentFolderRequested, this, &MainWindow::openProjectAsking);
    connect(m_wizard, &Wizard::startWithoutFolderRequested, this, [this] {
        startWithoutFolder();
        if (m_wizard->currentId() == Wizard::StartPageId)
            m_wizard->next();
    });
    connect(m_wizard, &Wizard::exportSummaryRequested, this, &MainWindow::exportSummary);
    connect(m_wizard, &Wizard::answersConfirmed, this, [this] {
        if (flushAnswers())
            statusBar()->showMessage(
                tr("Answers confirmed and saved in %1.").arg(QDir::toNativeSeparators(answersPath())), 5000);
    });
    connect(m_wizard->generatePage(), &GeneratePage::projectFolderRequested, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Choose the Project Folder"), QDir::homePath());
        if (folder.isEmpty() || !switchProject(folder, true))
            return;
        m_wizard->generatePage()->continueInFolder();
    });
    connect(m_wizard->generatePage(), &GeneratePage::generated, this, [this] {
        // Our own writes are not "changed on disk".
        m_watcher->acknowledge();
        m_notice->hide();
    });
    connect(m_watcher, &GeneratedFilesWatcher::changedOnDisk, this, &MainWindow::onFilesChangedOnDisk);
    connect(project(), &ProjectSession::contextChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &ProjectController::folderChanged, this, &MainWindow::onFolderChanged);
    connect(m_controller, &ProjectController::problem, this, &MainWindow::showError);
    connect(m_controller, &ProjectController::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_recent, &RecentProjects::changed, this, &MainWindow::updateRecent);
    connect(autoSaver(), &AutoSaver::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved in %1").arg(QDir::toNativeSeparators(path)), 3000);
    });
    connect(autoSaver(), &AutoSaver::saveFailed, this, [this](const QString &message) {
        // Stays until the next successful save: unsaved answers must not go unnoticed.
        statusBar()->showMessage(tr("Answers not saved: %1").arg(message));
    });

    m_controller->loadAnswers();
    m_wizard->setProjectFolder(QString(), answersPath());
    updateRecent();
    updateTitle();
    // The last size and place, or one that suits this screen; always inside it.
    restoreWindowGeometry(this);
}

MainWindow::~MainWindow()
{
    // Last chance when the application quits without closing its windows first; the
    // model is still there.
    m_controller->flush();
}

AutoSaver *MainWindow::autoSaver() const
{
    return m_controller->autoSaver();
}

ProjectSession *MainWindow::project() const
{
    return m_controller->session();
}

QString MainWindow::projectFolder() const
{
    return m_controller->folder();
}

QString MainWindow::answersPath() const
{
    return m_controller->answersPath();
}

void MainWindow::setPreviewWidget(QWidget *preview)
{
    if (m_preview == preview)
        return;
    delete m_preview;
    m_preview = preview;
    if (!preview)
        return;
    m_splitter->addWidget(preview);
    m_panes->setPanes({m_wizard, preview});
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
}

PreviewPane *MainWindow::previewPane() const
{
    return m_previewPane.data();
}

bool MainWindow::openProject(const QString &folder)
{
    if (!switchProject(folder, false))
        return false;
    // A new project has its own facts and pre-flight check: walk them again. While
    // generating, the folder was asked for by the generate step, which goes on.
    if (m_wizard->currentId() != Wizard::GeneratePageId)
        m_wizard->restartAfterStart();
    return true;
}

bool MainWindow::openProjectAsking(const QString &folder)
{
    const QFileInfo info(folder);
    if (info.isDir() && !QFileInfo(QDir(folder).filePath(QStringLiteral(".ai-flow"))).isDir()
        && !confirmPlainFolder(folder))
        return false;
    return openProject(folder);
}

bool MainWindow::confirmPlainFolder(const QString &folder)
{
    QMessageBox box(
        QMessageBox::Question, tr("Use This Folder?"),
        tr("%1 has no .ai-flow folder: it is not an ai-flow project yet.").arg(QDir::toNativeSeparators(folder)),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmFolder"));
    box.setInformativeText(tr("OpsFlow saves your answers there, in .ai-flow/answers/phase7.json, and writes "
                              "docs/operations.md, specs/configuration.md and .env.example when you generate."));
    QPushButton *use = box.addButton(tr("&Use This Folder"), QMessageBox::AcceptRole);
    use->setObjectName(QStringLiteral("confirmFolder/use"));
    box.addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("confirmFolder/cancel"));
    box.setDefaultButton(use);
    box.exec();
    return box.clickedButton() == use;
}

bool MainWindow::switchProject(const QString &folder, bool keepCurrentAnswers)
{
    QString error;
    const auto answers =
        keepCurrentAnswers ? ProjectController::Answers::CarryIn : ProjectController::Answers::FromFolder;
    if (!m_controller->open(folder, answers, &error)) {
        showError(tr("Cannot Open Folder"), error);
        return false;
    }
    m_recent->add(m_controller->folder());
    return true;
}

void MainWindow::onFolderChanged(const QString &folder)
{
    m_wizard->setProjectFolder(folder, answersPath());
    m_watcher->setProjectFolder(folder);
    if (m_previewPane)
        m_previewPane->setProjectFolder(folder);
    m_notice->hide();
    updateTitle();
}

void MainWindow::startWithoutFolder()
{
    m_controller->close();
}

void MainWindow::chooseProjectFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open Project Folder"), projectFolder().isEmpty() ? QDir::homePath() : projectFolder());
    if (!folder.isEmpty())
        openProject(folder);
}

bool MainWindow::flushAnswers()
{
    return m_controller->flush();
}

void MainWindow::exportSummary()
{
    ExportDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::optional<SummaryFormat> format = dialog.format();
    if (!format) {
        copySummary();
        return;
    }
    const SummaryExporter exporter(m_model);
    QFileDialog files(this, tr("Export Summary"));
    files.setAcceptMode(QFileDialog::AcceptSave);
    files.setFileMode(QFileDialog::AnyFile);
    files.setNameFilter(SummaryExporter::nameFilter(*format));
    files.setDefaultSuffix(summaryFormatId(*format));
    // Replacing an existing file asks first (QFileDialog's confirmation).
    files.setOption(QFileDialog::DontConfirmOverwrite, false);
    const QString suggested = exporter.defaultPath(*format, projectFolder());
    files.setDirectory(QFileInfo(suggested).absolutePath());
    files.selectFile(QFileInfo(suggested).fileName());
    if (files.exec() != QDialog::Accepted || files.selectedFiles().isEmpty())
        return;
    exportSummaryTo(*format, files.selectedFiles().constFirst());
}

bool MainWindow::exportSummaryTo(SummaryFormat format, const QString &path)
{
    QString error;
    if (!SummaryExporter(m_model).write(format, path, &error)) {
        showError(tr("Cannot Export the Summary"), error);
        return false;
    }
    statusBar()->showMessage(tr("Summary exported to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::copySummary()
{
    SummaryExporter(m_model).copyToClipboard();
    statusBar()->showMessage(tr("Summary copied to the clipboard."), 3000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!flushAnswers()) {
        const auto choice =
            QMessageBox::warning(this, tr("Answers Not Saved"),
                                 tr("Your answers could not be saved in %1. Quit anyway and lose the latest changes?")
                                     .arg(QDir::toNativeSeparators(answersPath())),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (choice != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    saveWindowGeometry(this);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFolder(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString folder = droppedFolder(event->mimeData());
    if (folder.isEmpty())
        return;
    event->acceptProposedAction();
    openProjectAsking(folder);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Project Folder…"), this, &MainWindow::chooseProjectFolder);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("Start &Without Folder"), this, &MainWindow::startWithoutFolder);
    file->addSeparator();
    QAction *exportAction = file->addAction(tr("&Export Summary…"), this, &MainWindow::exportSummary);
    exportAction->setObjectName(QStringLiteral("exportSummaryAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *nextPane = view->addAction(tr("&Next Pane"), this, [this] { m_panes->moveToOtherPane(true); });
    nextPane->setObjectName(QStringLiteral("nextPaneAction"));
    nextPane->setShortcut(QKeySequence(Qt::Key_F6));
    nextPane->setToolTip(tr("Moves the keyboard focus between the wizard and the preview"));
    QAction *previousPane = view->addAction(tr("&Previous Pane"), this, [this] { m_panes->moveToOtherPane(false); });
    previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("OpsFlow &User Guide"), this, &MainWindow::showUserGuide);
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About OpsFlow"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    fillRecentMenu();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList folders = m_recent->folders();
    for (int i = 0; i < folders.size(); ++i) {
        const QString &folder = folders.at(i);
        // &1 … &8: the keyboard picks a recent project by its number.
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(folder)));
        connect(action, &QAction::triggered, this, [this, folder] { openProjectAsking(folder); });
    }
    if (folders.isEmpty()) {
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Recent Projects"), m_recent, &RecentProjects::clear);
}

void MainWindow::updateRecent()
{
    m_wizard->startPage()->setRecentFolders(m_recent->folders());
}

// What draws the diagrams: the loaded renderer's own words once a diagram was shown, else
// what this build has (the About box does not start WebEngine just to say so).
static QString diagramsDescription()
{
    if (!DiagramRendererLoader::built())
        return DiagramRendererLoader::buildDescription();
    if (DiagramRendererLoader::pluginPath().isEmpty())
        return MainWindow::tr("mermaid sources only: the diagram renderer is not installed");
    return DiagramRendererLoader::buildDescription();
}

QString MainWindow::aboutText()
{
    return tr("<h3>OpsFlow %1</h3>"
              "<p>Walks a team through ai-flow Phase 7, Operations &amp; Deployment, and writes "
              "docs/operations.md, specs/configuration.md and .env.example into the project.</p>"
              "<p>Licence: MIT</p>"
              "<p>Built with Qt %2 (running on Qt %3)<br>Highlighting: %4<br>Diagrams: %5</p>")
        .arg(QStringLiteral(OPSFLOW_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
             Highlighting::description().toHtmlEscaped(), diagramsDescription().toHtmlEscaped());
}

bool MainWindow::focusNextPrevChild(bool next)
{
    return m_panes->moveWithinPane(next) || QMainWindow::focusNextPrevChild(next);
}

QString MainWindow::shortcutsText() const
{
    QString rows;
    const auto row = [&rows](const QString &keys, const QString &what) {
        rows += QStringLiteral("<tr><td style=\"padding-right:18px\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    // The menus' own shortcuts, read from the actions: one place for each key.
    for (QAction *menuAction : menuBar()->actions()) {
        const QString menu = menuAction->text().remove(QLatin1Char('&'));
        for (QAction *action : menuAction->menu()->actions()) {
            if (action->shortcut().isEmpty())
                continue;
            row(action->shortcut().toString(QKeySequence::NativeText),
                tr("%1 → %2").arg(menu, action->text().remove(QLatin1Char('&'))));
        }
    }
    // Keys that belong to widgets, not menus.
    row(tr("Tab, Shift+Tab"), tr("Next or previous field, then Back and Next; stays in the wizard or the preview"));
    row(tr("Up, Down"), tr("Choose the option above or below in a group of options"));
    row(tr("Space"), tr("Choose the option or tick the box that has the focus"));
    row(tr("Enter"), tr("Next"));
    row(tr("Arrow keys; F2 or typing"), tr("In a table: move between cells; edit the cell"));
    row(tr("Insert, Ctrl+Delete"), tr("In a table: add a row; remove the selected row"));
    row(tr("Alt+Up, Alt+Down"), tr("In a table: move the selected row up or down"));
    row(tr("Alt+N, Alt+B"), tr("Next, Back"));
    row(tr("Alt+underlined letter"), tr("The option, button or field whose label has that letter underlined"));
    row(tr("Ctrl+Tab, Ctrl+Shift+Tab"), tr("In the preview: its next or previous tab"));
    row(tr("Ctrl+wheel"), tr("Zoom a drawn diagram"));
    return tr("<p>Keys of OpsFlow</p><table>%1</table>").arg(rows);
}

void MainWindow::showShortcuts()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard Shortcuts"));
    box.setObjectName(QStringLiteral("shortcutsDialog"));
    box.setTextFormat(Qt::RichText);
    box.setText(shortcutsText());
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

void MainWindow::showUserGuide()
{
    if (!m_userGuide)
        m_userGuide = new UserGuide(this);
    m_userGuide->show();
    m_userGuide->raise();
    m_userGuide->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About OpsFlow"), aboutText());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    qCWarning(lcUi).noquote() << title << message;
    // Window-modal and non-blocking: start-up (and the offscreen self-test) must not stall
    // on a dialog.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QMetaObject::invokeMethod(box, &QMessageBox::show, Qt::QueuedConnection);
}

void MainWindow::updateTitle()
{
    const QString name = project()->isOpen() ? project()->displayName() : tr("No folder");
    setWindowTitle(tr("OpsFlow — %1").arg(name));
}

void MainWindow::onFilesChangedOnDisk(const QStringList &paths)
{
    QStringList lines;
    for (const QString &path : paths)
        lines.append(tr("%1 changed on disk — re-read").arg(path));
    m_notice->showNotice(lines.join(QLatin1Char('\n')));
    // Everything that shows these files looks again.
    project()->reread();
    if (m_wizard->currentId() == Wizard::GeneratePageId && !m_wizard->generatePage()->isWritten())
        m_wizard->generatePage()->replan();
    m_wizard->completionPage()->filesChangedOnDisk(paths);
    if (m_previewPane)
        m_previewPane->setProjectFolder(projectFolder());
}

} // namespace opsflow
