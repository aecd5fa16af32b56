// The main window: menus, status bar, and a splitter with the wizard (and later the preview).
#include "mainwindow.h"

#include "answersfile.h"
#include "answersmodel.h"
#include "autosaver.h"
#include "uilogging.h"
#include "wizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>

namespace opsflow {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new AnswersModel(Questionnaire::builtIn(), this))
    , m_autoSaver(new AutoSaver(m_model, this))
    , m_wizard(new Wizard(m_model))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_wizard);
    setCentralWidget(m_splitter);
    createMenus();
    statusBar();
    // Fits a 1280×800 screen with its panels; the layouts allow much smaller.
    resize(1200, 740);

    connect(m_wizard, &Wizard::openFolderRequested, this, [this] {
        chooseProjectFolder();
        if (!m_projectFolder.isEmpty() && m_wizard->currentId() == Wizard::StartPageId)
            m_wizard->next();
    });
    connect(m_wizard, &Wizard::startWithoutFolderRequested, this, [this] {
        startWithoutFolder();
        m_wizard->next();
    });
    connect(m_wizard, &Wizard::answersConfirmed, this, [this] {
        if (flushAnswers())
            statusBar()->showMessage(tr("Answers confirmed and saved in %1.")
                                         .arg(QDir::toNativeSeparators(answersPath())));
    });
    connect(m_autoSaver, &AutoSaver::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved in %1").arg(QDir::toNativeSeparators(path)), 3000);
    });
    connect(m_autoSaver, &AutoSaver::saveFailed, this, [this](const QString &message) {
        // Stays until the next successful save: unsaved answers must not go unnoticed.
        statusBar()->showMessage(tr("Answers not saved: %1").arg(message));
    });

    loadAnswers(false);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Last chance when the application quits without closing its windows first.
    m_autoSaver->flush();
}

QString MainWindow::answersPath() const
{
    return AnswersFile::pathForProject(m_projectFolder);
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
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
}

bool MainWindow::openProject(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.isDir()) {
        showError(tr("Cannot Open Folder"), tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    flushAnswers();
    m_projectFolder = info.canonicalFilePath();
    loadAnswers(true);
    updateTitle();
    return true;
}

void MainWindow::startWithoutFolder()
{
    if (m_projectFolder.isEmpty())
        return;
    flushAnswers();
    m_projectFolder.clear();
    loadAnswers(true);
    updateTitle();
}

void MainWindow::chooseProjectFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Project Folder"),
        m_projectFolder.isEmpty() ? QDir::homePath() : m_projectFolder);
    if (!folder.isEmpty())
        openProject(folder);
}

bool MainWindow::flushAnswers()
{
    return m_autoSaver->flush();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!flushAnswers()) {
        const auto choice = QMessageBox::warning(this, tr("Answers Not Saved"),
            tr("Your answers could not be saved in %1. Quit anyway and lose the latest changes?")
                .arg(QDir::toNativeSeparators(answersPath())),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (choice != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Project Folder…"), this, &MainWindow::chooseProjectFolder);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Start &Without Folder"), this, &MainWindow::startWithoutFolder);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About OpsFlow"), this, [this] {
        QMessageBox::about(this, tr("About OpsFlow"),
            tr("<h3>OpsFlow %1</h3><p>Walks a team through ai-flow Phase 7, Operations &amp; "
               "Deployment, and writes docs/operations.md, specs/configuration.md and "
               ".env.example into the project.</p>").arg(QStringLiteral(OPSFLOW_VERSION)));
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::loadAnswers(bool keepCurrentWhenMissing)
{
    const QString path = answersPath();
    m_autoSaver->setPath(path);
    m_wizard->setProjectFolder(m_projectFolder, path);
    if (!QFileInfo::exists(path)) {
        // A folder without answers yet takes what was typed so far; merely opening a
        // folder with nothing typed writes nothing into it.
        if (keepCurrentWhenMissing && m_model->snapshot() != AnswerSet())
            m_autoSaver->markDirty();
        else
            m_autoSaver->markClean();
        return;
    }
    QString error;
    if (const auto answers = AnswersFile::load(path, m_model->questionnaire(), &error)) {
        m_model->reset(*answers);
        m_autoSaver->markClean();
        qCDebug(lcUi) << "answers loaded from" << path;
        return;
    }
    // Never overwrite what could not be read: it may hold work worth recovering by hand.
    const QString aside = AnswersFile::keepAside(path);
    const QString kept = aside.isEmpty()
        ? tr("The file could not be moved aside; OpsFlow will not save over it until it is moved.")
        : tr("It was kept as %1.").arg(QDir::toNativeSeparators(aside));
    if (aside.isEmpty())
        m_autoSaver->setPath(QString());
    showError(tr("Cannot Load Answers"), tr("%1\n\n%2").arg(error, kept));
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
    const QString name = m_projectFolder.isEmpty() ? tr("No folder") : QFileInfo(m_projectFolder).fileName();
    setWindowTitle(tr("OpsFlow — %1").arg(name));
}

} // namespace opsflow
