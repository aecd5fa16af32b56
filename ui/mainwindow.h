// The main window: menus, status bar, and a splitter with the wizard (and later the preview).
#pragma once

#include <QMainWindow>

class QSplitter;

namespace opsflow {

class AnswersModel;
class AutoSaver;
class Wizard;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    AnswersModel *answersModel() const { return m_model; }
    Wizard *wizard() const { return m_wizard; }
    AutoSaver *autoSaver() const { return m_autoSaver; }
    QString projectFolder() const { return m_projectFolder; }
    // Where the answers are saved now: in the project, or in the application's data.
    QString answersPath() const;

    // The right side of the splitter, for the preview pane; replaces (and deletes) any
    // earlier one. The window owns the widget.
    void setPreviewWidget(QWidget *preview);
    QWidget *previewWidget() const { return m_preview; }

public Q_SLOTS:
    // Answers move with the user: the folder's own answers file is loaded when there is
    // one; otherwise what was typed so far is saved into the folder.
    bool openProject(const QString &folder);
    void startWithoutFolder();
    void chooseProjectFolder();
    bool flushAnswers();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void loadAnswers(bool keepCurrentWhenMissing);
    void showError(const QString &title, const QString &message);
    void updateTitle();

    AnswersModel *m_model;
    AutoSaver *m_autoSaver;
    Wizard *m_wizard;
    QSplitter *m_splitter;
    QWidget *m_preview = nullptr;
    QString m_projectFolder;
};

} // namespace opsflow
