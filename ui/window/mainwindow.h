// The main window: menus, the notice bar, and a splitter with the wizard and the preview.
#pragma once

#include "summaryexport.h"

#include <QMainWindow>
#include <QPointer>

class QMenu;
class QSplitter;

namespace opsflow {

class AnswersModel;
class AutoSaver;
class FocusPanes;
class GeneratedFilesWatcher;
class NoticeBar;
class PreviewPane;
class ProjectController;
class ProjectSession;
class RecentProjects;
class UserGuide;
class Wizard;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    AnswersModel *answersModel() const { return m_model; }
    Wizard *wizard() const { return m_wizard; }
    // The open project and its answers; the window shows them.
    ProjectController *controller() const { return m_controller; }
    AutoSaver *autoSaver() const;
    ProjectSession *project() const;
    RecentProjects *recentProjects() const { return m_recent; }
    NoticeBar *noticeBar() const { return m_notice; }
    GeneratedFilesWatcher *filesWatcher() const { return m_watcher; }
    QString projectFolder() const;
    // Where the answers are saved now: in the project, or in the application's data.
    QString answersPath() const;

    // The right side of the splitter; replaces (and deletes) any earlier one. The window
    // owns the widget. The preview pane is set up by the window itself.
    void setPreviewWidget(QWidget *preview);
    QWidget *previewWidget() const { return m_preview; }
    PreviewPane *previewPane() const;

    FocusPanes *focusPanes() const { return m_panes; }

    // Help → About: the version, the Qt it was built with and runs on, and the highlighter.
    static QString aboutText();
    // Help → Keyboard Shortcuts: every menu action that has a shortcut, then the keys of
    // the wizard and the preview, as an HTML table.
    QString shortcutsText() const;

public Q_SLOTS:
    // Saves the current answers first, then switches: the folder's own answers file is
    // loaded when there is one; otherwise what was typed so far is saved into the folder.
    // The wizard starts again after its start page (except while generating, where the
    // folder was asked for).
    bool openProject(const QString &folder);
    // The same for a folder the user did not pick in the folder dialog (the recent list, a
    // drop): one without .ai-flow/ is opened, and so written into, only once confirmed.
    bool openProjectAsking(const QString &folder);
    void startWithoutFolder();
    void chooseProjectFolder();
    bool flushAnswers();
    // File → Export Summary: the format dialog, then where to save.
    void exportSummary();
    // Writes the summary; a failure is shown in a dialog naming the file.
    bool exportSummaryTo(opsflow::SummaryFormat format, const QString &path);
    void copySummary();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    // Tab stays in the pane that has the focus (focuspanes.h).
    bool focusNextPrevChild(bool next) override;

private:
    void createMenus();
    void fillRecentMenu();
    void updateRecent();
    void showAbout();
    // Help → User Guide (F1): one window, raised when already open.
    void showUserGuide();
    void showShortcuts();
    bool switchProject(const QString &folder, bool keepCurrentAnswers);
    bool confirmPlainFolder(const QString &folder);
    // The controller opened or closed a folder: every view follows.
    void onFolderChanged(const QString &folder);
    void showError(const QString &title, const QString &message);
    void updateTitle();
    void onFilesChangedOnDisk(const QStringList &paths);

    AnswersModel *m_model;
    ProjectController *m_controller;
    RecentProjects *m_recent;
    GeneratedFilesWatcher *m_watcher;
    Wizard *m_wizard;
    NoticeBar *m_notice;
    QSplitter *m_splitter;
    FocusPanes *m_panes;
    QMenu *m_recentMenu = nullptr;
    QWidget *m_preview = nullptr;
    QPointer<PreviewPane> m_previewPane;
    QPointer<UserGuide> m_userGuide;
};

} // namespace opsflow
