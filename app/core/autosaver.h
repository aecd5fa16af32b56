// Saves the answers shortly after every change, so nothing typed is lost after a crash.
#pragma once

#include <QObject>
#include <QTimer>

namespace opsflow {

class AnswersModel;

class AutoSaver : public QObject
{
    Q_OBJECT
public:
    explicit AutoSaver(AnswersModel *model, QObject *parent = nullptr);

    // Where the next save goes. Does not save: callers flush() the old path first.
    void setPath(const QString &path);
    QString path() const { return m_path; }
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    bool isDirty() const { return m_dirty; }
    // The model matches the file (just loaded): nothing to save until the next change.
    void markClean();
    // The file lags behind the model (e.g. answers carried into a newly opened folder).
    void markDirty();
    // Saves now if anything changed; false when the file could not be written.
    bool flush();

Q_SIGNALS:
    void saved(const QString &path);
    void saveFailed(const QString &message);

private:
    void onModelChanged();

    AnswersModel *m_model;
    QString m_path;
    QTimer m_timer;
    bool m_dirty = false;
    // The file's bytes as last loaded or saved: a change that leaves them as they are (the
    // project facts found in the folder, which are not saved) is not a change to save.
    QByteArray m_cleanJson;
};

} // namespace opsflow
