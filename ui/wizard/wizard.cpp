// The Phase 7 wizard: start, mode and scope, project facts, pre-flight, one page per
// question, summary, generate, completion.
#include "wizard.h"

#include "answersmodel.h"
#include "completionpage.h"
#include "contextpage.h"
#include "generatepage.h"
#include "modescopepage.h"
#include "preflightpage.h"
#include "projectsession.h"
#include "questionpage.h"
#include "startpage.h"
#include "summarypage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>

namespace opsflow {

Wizard::Wizard(AnswersModel *model, ProjectSession *project, QWidget *parent)
    : QWizard(parent), m_model(model), m_project(project), m_start(new StartPage(model->questionnaire(), this)),
      m_context(new ContextPage(model, project, this)), m_preflight(new PreflightPage(model, project, this)),
      m_summary(new SummaryPage(model, this)), m_generate(new GeneratePage(model, project, &m_generation, this)),
      m_completion(new CompletionPage(model, project, &m_generation, this))
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
    // Not "&Finish": Alt+F opens the File menu. Next is hidden where Finish shows.
    setButtonText(QWizard::FinishButton, tr("Fi&nish"));
    button(QWizard::BackButton)->setAccessibleDescription(tr("The previous page; answers are kept."));
    button(QWizard::NextButton)
        ->setAccessibleDescription(tr("The next page; on a question with a missing or invalid answer, it says what."));
    button(QWizard::FinishButton)->setAccessibleDescription(tr("Ends this run; the documents are written."));

    setPage(StartPageId, m_start);
    setPage(ModeScopePageId, new ModeScopePage(model, this));
    setPage(ContextPageId, m_context);
    setPage(PreflightPageId, m_preflight);
    const QList<Question> &questions = model->questionnaire().questions();
    for (int i = 0; i < questions.size(); ++i) {
        auto *page = new QuestionPage(model, questions.at(i), this);
        setPage(FirstQuestionPageId + i, page);
        m_questions.append(page);
    }
    setPage(SummaryPageId, m_summary);
    setPage(GeneratePageId, m_generate);
    setPage(CompletionPageId, m_completion);
    setStartId(StartPageId);

    connect(m_start, &StartPage::openFolderRequested, this, &Wizard::openFolderRequested);
    connect(m_start, &StartPage::startWithoutFolderRequested, this, &Wizard::startWithoutFolderRequested);
    connect(m_start, &StartPage::recentFolderRequested, this, &Wizard::recentFolderRequested);
    connect(m_summary, &SummaryPage::goToQuestionRequested, this, &Wizard::goToQuestion);
    connect(m_summary, &SummaryPage::exportRequested, this, &Wizard::exportSummaryRequested);
    connect(m_generate, &GeneratePage::generated, this, [this] {
        m_completion->showOutcome();
        if (currentId() == GeneratePageId)
            next();
    });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == GeneratePageId) {
            // Back from the completion page: plan again, the files are there now.
            if (m_generate->isWritten())
                m_generate->initializePage();
            Q_EMIT answersConfirmed();
        }
        Q_EMIT currentQuestionChanged(questionIdOf(id));
        watchHeaderSubtitle();
    });
    connect(m_project, &ProjectSession::evidenceChanged, this, &Wizard::distributeFindings);
    distributeFindings();
}

void Wizard::watchHeaderSubtitle()
{
    const QString subTitle = currentPage() ? currentPage()->subTitle() : QString();
    if (!m_headerSubtitle && !subTitle.isEmpty()) {
        // The header's labels are the wizard's own, outside every page.
        for (QLabel *label : findChildren<QLabel *>()) {
            bool onPage = false;
            for (QWidget *w = label->parentWidget(); w && w != this; w = w->parentWidget())
                onPage = onPage || qobject_cast<QWizardPage *>(w);
            if (!onPage && label->wordWrap() && label->text() == subTitle) {
                m_headerSubtitle = label;
                label->installEventFilter(this);
                break;
            }
        }
    }
    if (m_headerSubtitle)
        fitSubtitle(m_headerSubtitle);
}

void Wizard::fitSubtitle(QLabel *label)
{
    const int needed = label->text().isEmpty() ? 0 : label->heightForWidth(label->width());
    if (needed != label->minimumHeight())
        label->setMinimumHeight(needed);
}

bool Wizard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_headerSubtitle && event->type() == QEvent::Resize)
        fitSubtitle(m_headerSubtitle);
    return QWizard::eventFilter(watched, event);
}

int Wizard::firstQuestionFrom(int index) const
{
    const QList<Question> &questions = m_model->questionnaire().questions();
    const Resolver resolver = m_model->resolver();
    for (int i = qMax(0, index); i < questions.size(); ++i) {
        if (resolver.isAsked(questions.at(i).id))
            return FirstQuestionPageId + i;
    }
    return SummaryPageId;
}

int Wizard::nextIdAfter(int id) const
{
    switch (id) {
    case StartPageId: return ModeScopePageId;
    case ModeScopePageId: return ContextPageId;
    case ContextPageId:
        // The pre-flight check needs a folder to look at.
        return m_project->isOpen() ? PreflightPageId : firstQuestionFrom(0);
    case PreflightPageId: return m_preflight->skipsQuestions() ? SummaryPageId : firstQuestionFrom(0);
    case SummaryPageId: return GeneratePageId;
    case GeneratePageId: return CompletionPageId;
    case CompletionPageId: return -1;
    default: break;
    }
    // A question visited from the summary while the existing documents are kept goes back
    // to the summary: the other questions are not part of this run.
    if (m_project->isOpen() && m_preflight->skipsQuestions() && visitedIds().contains(PreflightPageId))
        return SummaryPageId;
    return firstQuestionFrom(id - FirstQuestionPageId + 1);
}

int Wizard::nextId() const
{
    if (m_jumpTarget >= 0)
        return m_jumpTarget;
    return nextIdAfter(currentId());
}

QList<int> Wizard::plannedPageIds() const
{
    QList<int> ids{StartPageId};
    while (ids.last() != SummaryPageId && ids.size() < 200) {
        const int next = nextIdAfter(ids.last());
        if (next < 0)
            break;
        ids.append(next);
    }
    return ids;
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
    if (target < 0 || !m_model->resolver().isAsked(questionId))
        return false;
    // QWizard goes back along its history and forward to a page it has not met; Back keeps
    // every answer.
    if (visitedIds().contains(target)) {
        while (currentId() != target)
            back();
        return true;
    }
    int before = -1;
    for (int id : visitedIds()) {
        if (id < target)
            before = qMax(before, id);
    }
    if (before < 0)
        return false;
    while (currentId() != before)
        back();
    m_jumpTarget = target;
    next();
    m_jumpTarget = -1;
    return currentId() == target;
}

void Wizard::setProjectFolder(const QString &folder, const QString &answersPath)
{
    m_start->setProjectFolder(folder, answersPath);
}

void Wizard::restartAfterStart()
{
    restart();
    next();
}

void Wizard::distributeFindings()
{
    for (QuestionPage *page : std::as_const(m_questions))
        page->setFindings(m_project->findingsFor(page->questionId()));
}

bool Wizard::focusNextPrevChild(bool next)
{
    // QWizard hides its page area for a moment whenever the current page's completeness
    // changes (every answer can do that). Hiding moves the focus on, and with the preview
    // beside the wizard it would land there in the middle of typing: keep it where it is.
    if (isVisible() && currentPage() && !currentPage()->isVisible()) {
        const QWidget *focus = QApplication::focusWidget();
        if (focus && currentPage()->isAncestorOf(focus))
            return true;
    }
    return QWizard::focusNextPrevChild(next);
}

void Wizard::done(int result)
{
    // QDialog::done() would hide the embedded wizard; answers are saved as they change.
    if (result == QDialog::Accepted && validateCurrentPage())
        Q_EMIT answersConfirmed();
}

} // namespace opsflow
