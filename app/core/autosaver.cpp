// Saves the answers shortly after every change, so nothing typed is lost after a crash.
#include "autosaver.h"

#include "answersfile.h"
#include "answersmodel.h"
#include "projectlogging.h"

namespace opsflow {

AutoSaver::AutoSaver(AnswersModel *model, QObject *parent) : QObject(parent), m_model(model)
{
    // Restarted on every change: a burst of typing costs one write, half a second after
    // the last key.
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &AutoSaver::flush);
    connect(m_model, &AnswersModel::changed, this, &AutoSaver::onModelChanged);
}

void AutoSaver::setPath(const QString &path)
{
    m_path = path;
}

void AutoSaver::markClean()
{
    m_timer.stop();
    m_dirty = false;
    m_cleanJson = AnswersFile::toJson(m_model->snapshot());
}

void AutoSaver::markDirty()
{
    m_dirty = true;
    m_timer.start();
}

void AutoSaver::onModelChanged()
{
    if (!m_dirty && AnswersFile::toJson(m_model->snapshot()) == m_cleanJson)
        return;
    markDirty();
}

bool AutoSaver::flush()
{
    m_timer.stop();
    if (!m_dirty || m_path.isEmpty())
        return true;
    QString error;
    if (!AnswersFile::save(m_path, m_model->snapshot(), &error)) {
        qCWarning(lcProject) << "autosave failed:" << error;
        Q_EMIT saveFailed(error);
        return false;
    }
    m_dirty = false;
    m_cleanJson = AnswersFile::toJson(m_model->snapshot());
    Q_EMIT saved(m_path);
    return true;
}

} // namespace opsflow
