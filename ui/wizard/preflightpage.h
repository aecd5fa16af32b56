// The seed's pre-flight check (smart skip) for an open project: scenario A keeps the
// existing documents, B answers only what they miss, C asks the full phase.
#pragma once

#include "preflight.h"

#include <QWizardPage>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace opsflow {

class AnswersModel;
class ProjectSession;

class PreflightPage : public QWizardPage
{
    Q_OBJECT
public:
    PreflightPage(AnswersModel *model, ProjectSession *project, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    // Applies the choice: "answer only the missing questions" narrows what the wizard asks.
    bool validatePage() override;

    PreflightAction chosenAction() const;
    // UseExisting and Skip go straight to the summary.
    bool skipsQuestions() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void attachContent();
    void rebuild();
    void updateWarning();

    AnswersModel *m_model;
    ProjectSession *m_project;
    PreflightResult m_result;
    QWidget *m_content;
    QScrollArea *m_scroll;
    QLabel *m_scenario;
    QLabel *m_source;
    QLabel *m_auditError;
    QLabel *m_reasons;
    QLabel *m_documented;
    QLabel *m_gaps;
    QLabel *m_missing;
    QLabel *m_recommendation;
    QGroupBox *m_choices;
    QVBoxLayout *m_choicesLayout;
    QButtonGroup *m_options;
    QLabel *m_warning;
    // The choice survives Back/Next for the same project.
    QString m_chosenFor;
    int m_chosen = -1;
};

} // namespace opsflow
