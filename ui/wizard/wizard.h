// The Phase 7 wizard: start, mode and scope, project facts, pre-flight, one page per
// question, summary, generate, completion.
#pragma once

#include "generationsession.h"

#include <QPointer>
#include <QWizard>

class QLabel;

namespace opsflow {

class AnswersModel;
class CompletionPage;
class ContextPage;
class GeneratePage;
class PreflightPage;
class ProjectSession;
class QuestionPage;
class StartPage;
class SummaryPage;

// Embedded in the main window as a plain widget, so it never closes itself: Finish emits
// answersConfirmed() and Escape does nothing.
class Wizard : public QWizard
{
    Q_OBJECT
public:
    // Page ids follow the order of the pages, so "the last visited page before X" is a
    // comparison of ids.
    enum PageId : int {
        StartPageId = 0,
        ModeScopePageId = 1,
        ContextPageId = 2,
        PreflightPageId = 3,
        FirstQuestionPageId = 100, // + the question's index in the questionnaire
        SummaryPageId = 1000,
        GeneratePageId = 1001,
        CompletionPageId = 1002,
    };

    Wizard(AnswersModel *model, ProjectSession *project, QWidget *parent = nullptr);

    // Routes past the questions the current scope (or the pre-flight choice) does not ask.
    int nextId() const override;

    int pageIdOf(const QString &questionId) const;
    // The question on a page id, or empty for the other pages.
    QString questionIdOf(int pageId) const;
    QuestionPage *questionPage(const QString &questionId) const;
    StartPage *startPage() const { return m_start; }
    ContextPage *contextPage() const { return m_context; }
    PreflightPage *preflightPage() const { return m_preflight; }
    SummaryPage *summaryPage() const { return m_summary; }
    GeneratePage *generatePage() const { return m_generate; }
    // The generate step's plan, choices and outcome.
    const GenerationSession &generation() const { return m_generation; }
    CompletionPage *completionPage() const { return m_completion; }

    // The page ids the wizard would show from the start to the summary, as things stand.
    QList<int> plannedPageIds() const;

    // Shows a question's page (the summary's links and its "No"): back along the visited
    // pages when it was seen, else back to the last page before it and on to it.
    bool goToQuestion(const QString &questionId);
    void setProjectFolder(const QString &folder, const QString &answersPath);
    // Starts again on the page after the start page (a project was opened).
    void restartAfterStart();

Q_SIGNALS:
    void openFolderRequested();
    void startWithoutFolderRequested();
    void recentFolderRequested(const QString &folder);
    void exportSummaryRequested();
    // The current page shows this question (empty for the other pages): the preview
    // follows it.
    void currentQuestionChanged(const QString &questionId);
    void answersConfirmed();

protected:
    void done(int result) override;
    bool focusNextPrevChild(bool next) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // QWizard sizes the header's subtitle once per page for a width it guesses (at most
    // 512 px): where the real width needs one more line, the last line was cut. The subtitle
    // keeps the height its lines need at the width it has.
    void watchHeaderSubtitle();
    static void fitSubtitle(QLabel *label);
    int nextIdAfter(int id) const;
    int firstQuestionFrom(int index) const;
    void distributeFindings();

    AnswersModel *m_model;
    ProjectSession *m_project;
    // Before the pages: the generate and completion pages show it.
    GenerationSession m_generation;
    StartPage *m_start;
    ContextPage *m_context;
    PreflightPage *m_preflight;
    SummaryPage *m_summary;
    GeneratePage *m_generate;
    CompletionPage *m_completion;
    QList<QuestionPage *> m_questions;
    int m_jumpTarget = -1;
    QPointer<QLabel> m_headerSubtitle;
};

} // namespace opsflow
