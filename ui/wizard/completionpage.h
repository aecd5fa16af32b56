// The seed's "Phase 7 Complete!": the documents written, ways to open them, the backups
// made, and the pointer to phase 8.
#pragma once

#include "generationsession.h"

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
    // Shows what `session` (owned by the wizard) did.
    CompletionPage(AnswersModel *model, ProjectSession *project, const GenerationSession *session,
                   QWidget *parent = nullptr);

    // The session has written: show its outcome (and forget earlier changes on disk).
    void showOutcome();
    void initializePage() override;

    // The prompt of the next phase, relative to the project.
    static QString phase8Prompt();

public Q_SLOTS:
    // A generated file was edited outside OpsFlow: say so and show the files as they are now.
    void filesChangedOnDisk(const QStringList &paths);

private:
    void refresh();

    AnswersModel *m_model;
    ProjectSession *m_project;
    const GenerationSession *m_session;
    QStringList m_changed;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout;
};

} // namespace opsflow
