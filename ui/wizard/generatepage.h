// The generate step: the context re-read from earlier phases, then per document its plan
// (new / unchanged / changed with a diff / blocked), merge conflicts to decide, template
// errors, and the button that writes (with backups).
#pragma once

#include "generationsession.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;
class QScrollArea;

namespace opsflow {

class AnswersModel;
class ProjectSession;

class GeneratePage : public QWizardPage
{
    Q_OBJECT
public:
    // The page shows `session` (owned by the wizard) and drives it: plan, choices, write.
    GeneratePage(AnswersModel *model, ProjectSession *project, GenerationSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    // Next (to the completion page) only once the files are written.
    bool isComplete() const override;

    const GenerationPlan &plan() const { return m_session->plan(); }
    const WriteResult &writeResult() const { return m_session->result(); }
    bool isWritten() const { return m_session->succeeded(); }
    ConflictChoice choice(const QString &path, const QString &sectionId) const;
    void setChoice(const QString &path, const QString &sectionId, ConflictChoice choice);

public Q_SLOTS:
    void replan();
    // Writes the plan; without a project folder it asks for one first. True when written.
    bool generate();
    // The folder generate() asked for is open: writes at once unless something needs review.
    void continueInFolder();

Q_SIGNALS:
    void projectFolderRequested();
    void generated();

private:
    void showContext();
    void showPlan();
    void showRuleErrors();
    void updateGenerateButton();
    QWidget *documentWidget(const DocumentPlan &document, QWidget *parent);
    QWidget *conflictWidget(const DocumentPlan &document, const SectionConflict &conflict, QWidget *parent);

    AnswersModel *m_model;
    ProjectSession *m_project;
    GenerationSession *m_session;
    QLabel *m_context;
    QLabel *m_folder;
    QLabel *m_errors;
    QLabel *m_warnings; // the plan's warnings: what is written other than the answers give
    // Answers that contradict each other (consistency errors): like `opsflow generate`
    // without --accept-errors, nothing is written until the user says to write them anyway.
    QLabel *m_rules;
    QCheckBox *m_acceptErrors;
    QCheckBox *m_aiFlowTemplates; // shown when the project has ai-flow templates
    QScrollArea *m_scroll;
    QLabel *m_outcome;
    QPushButton *m_generate;
};

} // namespace opsflow
