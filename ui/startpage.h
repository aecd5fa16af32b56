// The first page: open a project folder, or start without one.
#pragma once

#include <QWizardPage>

class QLabel;

namespace opsflow {

class Questionnaire;

class StartPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit StartPage(const Questionnaire &questionnaire, QWidget *parent = nullptr);

    // Shows where answers are saved now; an empty folder means "no folder".
    void setProjectFolder(const QString &folder, const QString &answersPath);

Q_SIGNALS:
    void openFolderRequested();
    void startWithoutFolderRequested();

private:
    QLabel *m_location;
};

} // namespace opsflow
