// The Phase 7 wizard: start, mode and scope, project facts, one page per question, summary.
#include "wizard.h"

#include "answersmodel.h"
#include "contextpage.h"
#include "modescopepage.h"
#include "questionpage.h"
#include "startpage.h"
#include "summarypage.h"

namespace opsflow {

Wizard::Wizard(AnswersModel *model, QWidget *parent)
    : QWizard(parent), m_model(model), m_start(new StartPage(model->questionnaire(), this))
{
    setObjectName(QStringLiteral("wizard"));
    setWindowFlags(Qt::Widget);
    // Modern: the title and prompt stand out on a banner in the palette's base colour.
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::NoCancelButton | QWizard::NoBackButtonOnStartPage);
    setSubTitleFormat(Qt::PlainText);
    setTitleFormat(Qt::PlainText);
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));

    setPage(StartPageId, m_start);
    setPage(ModeScopePageId, new ModeScopePage(model, this));
    setPage(ContextPageId, new ContextPage(model, this));
    const QList<Question> &questions = model->questionnaire().questions();
    for (int i = 0; i < questions.size(); ++i)
        setPage(FirstQuestionPageId + i, new QuestionPage(model, questions.at(i), this));
    auto *summary = new SummaryPage(model, this);
    setPage(SummaryPageId, summary);
    setStartId(StartPageId);

    connect(m_start, &StartPage::openFolderRequested, this, &Wizard::openFolderRequested);
    connect(m_start, &StartPage::startWithoutFolderRequested, this, &Wizard::startWithoutFolderRequested);
    connect(summary, &SummaryPage::goToQuestionRequested, this, &Wizard::goToQuestion);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        Q_EMIT currentQuestionChanged(questionIdOf(id));
    });
}

int Wizard::nextId() const
{
    const int id = currentId();
    switch (id) {
    case StartPageId:
        return ModeScopePageId;
    case ModeScopePageId:
        return ContextPageId;
    case SummaryPageId:
        return -1;
    default:
        break;
    }
    const QList<Question> &questions = m_model->questionnaire().questions();
    const Resolver resolver = m_model->resolver();
    for (int i = id == ContextPageId ? 0 : id - FirstQuestionPageId + 1; i < questions.size(); ++i) {
        if (resolver.isAsked(questions.at(i).id))
            return FirstQuestionPageId + i;
    }
    return SummaryPageId;
}

int Wizard::pageIdOf(const QString &questionId) const
{
    const QList<Question> &questions = m_model->questionnaire().questions();
    for (int i = 0; i < questions.size(); ++i) {
        if (questions.at(i).id == questionId)
            return FirstQuestionPageId + i;
    }
    return -1;
}

QString Wizard::questionIdOf(int pageId) const
{
    const QList<Question> &questions = m_model->questionnaire().questions();
    const int index = pageId - FirstQuestionPageId;
    return pageId >= FirstQuestionPageId && index < questions.size() ? questions.at(index).id : QString();
}

QuestionPage *Wizard::questionPage(const QString &questionId) const
{
    return qobject_cast<QuestionPage *>(page(pageIdOf(questionId)));
}

bool Wizard::goToQuestion(const QString &questionId)
{
    const int target = pageIdOf(questionId);
    // QWizard can only go back along its history; every asked question is on it once
    // the summary is reached, and Back keeps every answer.
    if (target < 0 || !visitedIds().contains(target))
        return false;
    while (currentId() != target)
        back();
    return true;
}

void Wizard::setProjectFolder(const QString &folder, const QString &answersPath)
{
    m_start->setProjectFolder(folder, answersPath);
}

void Wizard::done(int result)
{
    // QDialog::done() would hide the embedded wizard; answers are saved as they change.
    if (result == QDialog::Accepted && validateCurrentPage())
        Q_EMIT answersConfirmed();
}

} // namespace opsflow
