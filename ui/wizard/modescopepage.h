// Mode (Interactive or Smart Auto-Suggest) and scope (MVP, Production-Ready, Enterprise).
#pragma once

#include <QWizardPage>

class QButtonGroup;

namespace opsflow {

class AnswersModel;

class ModeScopePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ModeScopePage(AnswersModel *model, QWidget *parent = nullptr);

    // Next accepts the scope shown: from here on it is the user's choice, not a default.
    bool validatePage() override;

private:
    void refresh();

    AnswersModel *m_model;
    QButtonGroup *m_modes;
    QButtonGroup *m_scopes;
};

} // namespace opsflow
