// The seed's "Phase 7 Complete!": the documents written, ways to open them, the backups
// made, and the pointer to phase 8.
#pragma once

#include "generationplanner.h"

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace opsflow {

class AnswersModel;
class ProjectSession;

class CompletionPage : public QWizardPage
{
    Q_OBJECT
public:
    CompletionPage(AnswersModel *model, ProjectSession *project, QWidget *parent = nullptr);

    void setOutcome(const GenerationPlan &plan, const WriteResult &result);
    void initializePage() override;

    // The prompt of the next phase, relative to the project.
    static QString phase8Prompt();
    // The page's subtitle: the seed's "Documents have been created…" only when every
    // document was written; otherwise what happened, counted (kept, up to date, not written).
    static QString outcomeSentence(const GenerationPlan &plan, const WriteResult &result, const QString &phase);

public Q_SLOTS:
    // A generated file was edited outside OpsFlow: say so and show the files as they are now.
    void filesChangedOnDisk(const QStringList &paths);

private:
    void refresh();

    AnswersModel *m_model;
    ProjectSession *m_project;
    GenerationPlan m_plan;
    WriteResult m_result;
    QStringList m_changed;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout;
};

} // namespace opsflow
