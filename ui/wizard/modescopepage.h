// Mode (Interactive or Smart Auto-Suggest) and scope (MVP, Production-Ready, Enterprise).
#pragma once

#include <QPointer>
#include <QWizardPage>

class QButtonGroup;
class QScrollArea;

namespace opsflow {

class AnswersModel;

class ModeScopePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ModeScopePage(AnswersModel *model, QWidget *parent = nullptr);

    // Next accepts the scope shown: from here on it is the user's choice, not a default.
    bool validatePage() override;
    void initializePage() override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    // Puts the options into the scroll area: on the page's first show, not at start-up.
    void placeContent();

    AnswersModel *m_model;
    QButtonGroup *m_modes;
    QButtonGroup *m_scopes;
    QScrollArea *m_scroll;
    QPointer<QWidget> m_content;
};

} // namespace opsflow
