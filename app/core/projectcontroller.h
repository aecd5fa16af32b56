// The open project and its answers, for the window or any other front end: which folder is
// open, where its answers are saved, loading them (a file that cannot be read is moved
// aside, never saved over), carrying the answers typed so far into a newly chosen folder
// (the folder's own answers backed up by the writer first), the autosave, and the
// project's facts and evidence (ProjectSession).
#pragma once

#include <QObject>
#include <QPointer>

namespace opsflow {

class AnswersModel;
class AutoSaver;
class ProjectSession;

class ProjectController : public QObject
{
    Q_OBJECT
public:
    explicit ProjectController(AnswersModel *model, QObject *parent = nullptr);
    ~ProjectController() override;

    AnswersModel *model() const { return m_model; }
    ProjectSession *session() const { return m_session; }
    AutoSaver *autoSaver() const { return m_autoSaver; }

    QString folder() const { return m_folder; }
    bool isOpen() const { return !m_folder.isEmpty(); }
    // Where the answers are saved now: in the project, or in the application's data.
    QString answersPath() const;

    enum class Answers {
        FromFolder, // the folder's own answers; without any, what was typed so far moves in
        CarryIn     // what was typed so far, saved into the folder (its own answers backed up)
    };
    // Saves the current answers first, then opens `folder`. False, with `error` set and
    // nothing changed, when it does not exist or is not a folder.
    bool open(const QString &folder, Answers answers, QString *error);
    // No folder: the answers are kept in the application's data.
    void close();
    // Loads the answers of the place now open (at start-up).
    void loadAnswers();
    // Saves now if anything changed; false when the file could not be written.
    bool flush();

Q_SIGNALS:
    void folderChanged(const QString &folder);
    // Something the user must read (a dialog): answers that could not be loaded or moved.
    void problem(const QString &title, const QString &message);
    // Something worth a line in the status bar.
    void notice(const QString &message);

private:
    void load(bool keepCurrentWhenMissing);
    void carryIn();

    // Watched: the model may be gone first (both children of one window).
    QPointer<AnswersModel> m_model;
    ProjectSession *m_session;
    AutoSaver *m_autoSaver;
    QString m_folder;
};

} // namespace opsflow
