// The open project and its answers (see projectcontroller.h).
#include "projectcontroller.h"

#include "answersfile.h"
#include "answersmodel.h"
#include "autosaver.h"
#include "projectlogging.h"
#include "projectsession.h"
#include "writing.h"

#include <QDir>
#include <QFileInfo>

namespace opsflow {

ProjectController::ProjectController(AnswersModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_session(new ProjectSession(this)), m_autoSaver(new AutoSaver(model, this))
{
    // No folder yet: what is typed is saved in the application's data.
    m_autoSaver->setPath(answersPath());
    // The project facts follow the folder: read with its context, completed by its scan.
    const auto updateFacts = [this] {
        m_model->setDetectedFacts(m_session->projectFacts(), m_session->projectAnswerFacts());
    };
    connect(m_session, &ProjectSession::contextChanged, this, updateFacts);
    connect(m_session, &ProjectSession::evidenceChanged, this, updateFacts);
}

ProjectController::~ProjectController()
{
    // Last chance when the application quits without closing its windows first.
    if (m_model)
        m_autoSaver->flush();
}

QString ProjectController::answersPath() const
{
    return AnswersFile::pathForProject(m_folder);
}

bool ProjectController::open(const QString &folder, Answers answers, QString *error)
{
    const QFileInfo info(folder);
    if (!info.exists()) {
        // Most often a recent project that was moved or deleted since.
        *error = tr("%1 does not exist.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    if (!info.isDir()) {
        *error = tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    // What was typed for the old place is saved before anything else happens.
    flush();
    m_folder = info.canonicalFilePath();
    if (answers == Answers::CarryIn)
        carryIn();
    else
        load(true);
    m_session->setFolder(m_folder);
    qCDebug(lcProject) << "opened" << m_folder;
    Q_EMIT folderChanged(m_folder);
    return true;
}

void ProjectController::close()
{
    if (m_folder.isEmpty())
        return;
    flush();
    m_folder.clear();
    load(true);
    // Without a folder there is no pre-flight check: every question of the scope is asked.
    m_model->setPreflightChoice(std::nullopt, {});
    m_session->setFolder(QString());
    Q_EMIT folderChanged(QString());
}

void ProjectController::loadAnswers()
{
    load(false);
}

bool ProjectController::flush()
{
    return m_autoSaver->flush();
}

void ProjectController::load(bool keepCurrentWhenMissing)
{
    const QString path = answersPath();
    m_autoSaver->setPath(path);
    if (!QFileInfo::exists(path)) {
        // A folder without answers yet takes what was typed so far; merely opening a
        // folder with nothing typed writes nothing into it.
        // (Compared as saved: the project facts found in the folder are not typed answers.)
        if (keepCurrentWhenMissing && AnswersFile::toJson(m_model->snapshot()) != AnswersFile::toJson(AnswerSet()))
            m_autoSaver->markDirty();
        else
            m_autoSaver->markClean();
        return;
    }
    QString error;
    if (const auto answers = AnswersFile::load(path, m_model->questionnaire(), &error)) {
        m_model->reset(*answers);
        m_autoSaver->markClean();
        qCDebug(lcProject) << "answers loaded from" << path;
        return;
    }
    // Never save over what could not be read: it may hold work worth recovering by hand.
    const QString aside = AnswersFile::keepAside(path);
    const QString kept = aside.isEmpty()
        ? tr("The file could not be moved aside; OpsFlow will not save over it until it is moved.")
        : tr("It was kept as %1.").arg(QDir::toNativeSeparators(aside));
    if (aside.isEmpty())
        m_autoSaver->setPath(QString());
    Q_EMIT problem(tr("Cannot Load Answers"), tr("%1\n\n%2").arg(error, kept));
}

void ProjectController::carryIn()
{
    const QString path = answersPath();
    if (!QFileInfo::exists(path)) {
        m_autoSaver->setPath(path);
        m_autoSaver->markDirty();
        flush();
        return;
    }
    // The folder has answers of its own: replaced through the writer, which backs them up
    // first (and refuses a backups folder or an answers file leading out of the project).
    const QString relative = QDir(m_folder).relativeFilePath(path);
    const WritePlan plan = planWrite(m_folder, {{relative, AnswersFile::toJson(m_model->snapshot()), true}});
    const WriteResult result = plan.hasBlocked() ? WriteResult() : executePlan(plan);
    const QString why = plan.hasBlocked() ? plan.files.value(0).problem : result.error;
    if (plan.hasBlocked() || !result.ok) {
        // Nothing lost: the answers typed so far were saved where they were (flush() in
        // open()), and the folder's own answers are opened instead.
        const QString before = m_autoSaver->path();
        load(false);
        Q_EMIT problem(tr("Answers Not Moved"),
                       tr("Your answers were not saved into %1: %2\n\nThey are still in %3. The folder's own "
                          "answers are open.")
                           .arg(QDir::toNativeSeparators(m_folder), why, QDir::toNativeSeparators(before)));
        return;
    }
    m_autoSaver->setPath(path);
    m_autoSaver->markClean();
    if (!result.backups.isEmpty())
        Q_EMIT notice(tr("The folder's earlier answers were kept as %1.")
                          .arg(QDir::toNativeSeparators(result.backups.constFirst())));
}

} // namespace opsflow
