// The first page: open a project folder (or a recent one), or start without one.
#pragma once

#include <QWizardPage>

class QLabel;
class QListWidget;

namespace opsflow {

class Questionnaire;

class StartPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit StartPage(const Questionnaire &questionnaire, QWidget *parent = nullptr);

    // Shows where answers are saved now; an empty folder means "no folder".
    void setProjectFolder(const QString &folder, const QString &answersPath);
    // The recent project folders, newest first; hidden when there are none.
    void setRecentFolders(const QStringList &folders);
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    void openFolderRequested();
    void startWithoutFolderRequested();
    void recentFolderRequested(const QString &folder);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_location;
    QLabel *m_recentLabel;
    QListWidget *m_recent;
};

} // namespace opsflow
