// The Phase 7 wizard: start, mode and scope, project facts, one page per question, summary.
#pragma once

#include <QWizard>

namespace opsflow {

class AnswersModel;
class QuestionPage;
class StartPage;

// Embedded in the main window as a plain widget, so it never closes itself: Finish emits
// answersConfirmed() and Escape does nothing.
class Wizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId : int {
        StartPageId = 0,
        ModeScopePageId = 1,
        ContextPageId = 2,
        FirstQuestionPageId = 100, // + the question's index in the questionnaire
        SummaryPageId = 1000,
    };

    explicit Wizard(AnswersModel *model, QWidget *parent = nullptr);

    // Routes past the questions the current scope does not ask (Resolver::isAsked).
    int nextId() const override;

    int pageIdOf(const QString &questionId) const;
    // The question on a page id, or empty for the other pages.
    QString questionIdOf(int pageId) const;
    QuestionPage *questionPage(const QString &questionId) const;

    // Goes back along the visited pages to a question (the summary's "No").
    bool goToQuestion(const QString &questionId);
    void setProjectFolder(const QString &folder, const QString &answersPath);

Q_SIGNALS:
    void openFolderRequested();
    void startWithoutFolderRequested();
    // The current page shows this question (empty for the other pages): the preview
    // follows it.
    void currentQuestionChanged(const QString &questionId);
    void answersConfirmed();

protected:
    void done(int result) override;

private:
    AnswersModel *m_model;
    StartPage *m_start;
};

} // namespace opsflow
