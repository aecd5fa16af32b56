// The seed's pre-flight check (smart skip) for an open project: scenario A keeps the
// existing documents, B answers only what they miss, C asks the full phase.
#include "preflightpage.h"

#include "answersmodel.h"
#include "documentimport.h"
#include "projectsession.h"
#include "reportedvalue.h"
#include "textstyles.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace opsflow {

namespace {

// "`a`, `b` and `c`" for file names in a sentence.
QString codeList(const QStringList &files)
{
    QStringList shown;
    for (const QString &file : files)
        shown.append(TextStyles::code(file));
    return QLocale().createSeparatedList(shown);
}

QString objectNameOf(PreflightAction action)
{
    switch (action) {
    case PreflightAction::UseExisting: return QStringLiteral("preflight/useExisting");
    case PreflightAction::AnswerMissing: return QStringLiteral("preflight/answerMissing");
    case PreflightAction::AnswerAll: return QStringLiteral("preflight/answerAll");
    case PreflightAction::Skip: return QStringLiteral("preflight/skip");
    }
    return {};
}

} // namespace

PreflightPage::PreflightPage(AnswersModel *model, ProjectSession *project, QWidget *parent)
    : QWizardPage(parent), m_model(model), m_project(project), m_options(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("preflight"));
    setTitle(tr("🔍 Pre-Flight Check"));
    setSubTitle(tr("Does the project already document operations and deployment? What is "
                   "documented is kept; only what is missing needs answers."));

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 8, 0);
    column->setSpacing(8);
    m_scenario = TextStyles::richLabel(QStringLiteral("preflight/scenario"), content);
    TextStyles::makeHeading(m_scenario);
    m_source = TextStyles::richLabel(QStringLiteral("preflight/source"), content);
    m_auditError = TextStyles::richLabel(QStringLiteral("preflight/auditError"), content);
    m_reasons = TextStyles::richLabel(QStringLiteral("preflight/reasons"), content);
    m_documented = TextStyles::richLabel(QStringLiteral("preflight/documented"), content);
    m_gaps = TextStyles::richLabel(QStringLiteral("preflight/gaps"), content);
    m_missing = TextStyles::richLabel(QStringLiteral("preflight/missing"), content);
    m_recommendation = TextStyles::richLabel(QStringLiteral("preflight/recommendation"), content);
    for (QLabel *label :
         {m_scenario, m_source, m_auditError, m_reasons, m_documented, m_gaps, m_missing, m_recommendation})
        column->addWidget(label);

    m_choices = new QGroupBox(content);
    m_choices->setObjectName(QStringLiteral("preflight/choices"));
    m_choicesLayout = new QVBoxLayout(m_choices);
    m_warning = TextStyles::richLabel(QStringLiteral("preflight/warning"), m_choices);
    column->addWidget(m_choices);
    column->addStretch();

    // The content enters the scroll area when the page is first shown (attachContent), as
    // on the project-facts page: sizing it at start-up is paid by every start.
    m_content = content;
    m_content->setParent(this);
    m_content->hide();
    auto *scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setAccessibleName(tr("Pre-flight check"));
    scroll->setAccessibleDescription(
        tr("What the existing documentation covers, and what to do next; arrow keys scroll."));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);

    connect(m_options, &QButtonGroup::idClicked, this, [this](int id) {
        m_chosen = id;
        m_chosenFor = m_project->folder();
        updateWarning();
    });
    connect(m_project, &ProjectSession::contextChanged, this, [this] {
        if (isVisible())
            rebuild();
    });
}

void PreflightPage::attachContent()
{
    if (!m_scroll->widget())
        m_scroll->setWidget(m_content); // shows it
}

void PreflightPage::initializePage()
{
    attachContent();
    rebuild();
}

void PreflightPage::showEvent(QShowEvent *event)
{
    attachContent();
    QWizardPage::showEvent(event);
}

void PreflightPage::cleanupPage()
{
    // Going Back changes nothing: the choice is applied only when going on.
}

bool PreflightPage::validatePage()
{
    const PreflightAction action = chosenAction();
    m_model->setPreflightChoice(action,
                                action == PreflightAction::AnswerMissing ? m_result.missingQuestions : QStringList());
    // The questions the documents cover are not asked: what they state becomes the answer,
    // with its line, so the documents OpsFlow writes agree with them.
    if (action == PreflightAction::AnswerMissing)
        m_model->importDocumentFacts(teamDocumentFacts(m_project->folder(), m_result));
    return true;
}

PreflightAction PreflightPage::chosenAction() const
{
    const int id = m_options->checkedId();
    return id >= 0 ? PreflightAction(id) : PreflightAction::AnswerAll;
}

bool PreflightPage::skipsQuestions() const
{
    return keepsExistingDocuments(chosenAction());
}

void PreflightPage::rebuild()
{
    m_result = m_project->preflight();
    const PreflightResult &r = m_result;
    const QString score = r.score ? QLocale().toString(*r.score, 'f', 0) + QLatin1Char('%') : QString();

    switch (r.scenario) {
    case PreflightScenario::KeepExisting:
        m_scenario->setText(tr("✅ Scenario A — operations and deployment are already documented "
                               "(consistency %1)")
                                .arg(score));
        break;
    case PreflightScenario::AnswerMissing:
        m_scenario->setText(tr("📚 Scenario B — partly documented (consistency %1)").arg(score));
        break;
    case PreflightScenario::FullPhase:
        if (documentedOnlyByOpsFlow(r)) {
            m_scenario->setText(tr("🔄 Scenario C — the operations documents were written by OpsFlow: review the "
                                   "answers and generate again"));
            break;
        }
        m_scenario->setText(score.isEmpty() ? tr("⚠️ Scenario C — operations and deployment need documentation")
                                            : tr("⚠️ Scenario C — operations and deployment need documentation "
                                                 "(consistency %1)")
                                                  .arg(score));
        break;
    }

    if (r.fromAuditData) {
        m_source->setText(tr("From ai-flow's audit data (%1) of %2.")
                              .arg(TextStyles::code(QStringLiteral(".ai-flow/cache/audit-data.json")),
                                   TextStyles::code(r.targetFile)));
    } else if (r.auditedFiles.isEmpty() && !r.writtenByOpsFlow.isEmpty()) {
        m_source->setText(tr("No audit data from ai-flow.")); // the reason below says why nothing was audited
    } else if (r.auditedFiles.isEmpty()) {
        m_source->setText(tr("No audit data from ai-flow, and no %1 or %2 to audit.")
                              .arg(TextStyles::code(QStringLiteral("docs/deployment.md")),
                                   TextStyles::code(QStringLiteral("docs/operations.md"))));
    } else {
        QString text = tr("No audit data from ai-flow: OpsFlow audited %1 itself.").arg(codeList(r.auditedFiles));
        if (!r.writtenByOpsFlow.isEmpty())
            text += QLatin1Char(' ') + tr("%1, written by OpsFlow, is not counted.").arg(codeList(r.writtenByOpsFlow));
        m_source->setText(text);
    }
    m_auditError->setVisible(!r.auditDataError.isEmpty());
    m_auditError->setText(QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
                              .arg(TextStyles::warningColor(palette()).name(),
                                   tr("Audit data not used:").toHtmlEscaped(), r.auditDataError.toHtmlEscaped()));

    QStringList reasons;
    for (const QString &reason : r.reasons)
        reasons.append(reason.toHtmlEscaped());
    m_reasons->setText(reasons.join(QStringLiteral("<br>")));
    m_reasons->setVisible(!reasons.isEmpty());

    QStringList documented;
    for (const AuditItem &item : r.items) {
        if (item.documented)
            documented.append(item.evidence.isEmpty()
                                  ? tr("✅ %1").arg(item.label.toHtmlEscaped())
                                  : tr("✅ %1 (%2)").arg(item.label.toHtmlEscaped(), TextStyles::code(item.evidence)));
    }
    m_documented->setText(tr("<b>Documented:</b>") + QStringLiteral("<br>") + documented.join(QStringLiteral("<br>")));
    m_documented->setVisible(!documented.isEmpty());
    QStringList gaps;
    for (const QString &gap : r.gaps)
        gaps.append(tr("❌ %1").arg(gap.toHtmlEscaped()));
    m_gaps->setText(tr("<b>Missing:</b>") + QStringLiteral("<br>") + gaps.join(QStringLiteral("<br>")));
    m_gaps->setVisible(!gaps.isEmpty() && r.docsExist);

    QStringList missing;
    for (const QString &id : r.missingQuestions) {
        const Question *question = m_model->questionnaire().question(id);
        missing.append(question ? tr("%1 %2").arg(id, question->title).toHtmlEscaped() : id.toHtmlEscaped());
    }
    QString missingText = tr("<b>Questions for the missing items:</b> %1").arg(missing.join(QLatin1String("; ")));
    QStringList beyondScope;
    for (const QString &id : r.missingQuestions) {
        const Question *question = m_model->questionnaire().question(id);
        if (question && question->asked(m_model->scope()) == Asked::Skip)
            beyondScope.append(id);
    }
    if (!beyondScope.isEmpty()) {
        // MVP skips most of what phase 0 reports missing: say plainly that answering the
        // missing questions asks them anyway, rather than asking nothing.
        missingText += QStringLiteral("<br><br>")
            + tr("%1 scope skips %2; answering the missing questions asks them in full, otherwise "
                 "the documents list them as decided later.")
                  .arg(scopeTitle(m_model->scope()), beyondScope.join(QLatin1String(", ")).toHtmlEscaped());
    }
    QStringList taken;
    if (r.scenario == PreflightScenario::AnswerMissing) {
        for (const Finding &fact : teamDocumentFacts(m_project->folder(), r)) {
            const Field *field = m_model->questionnaire().field(fact.questionId, fact.fieldId);
            if (field && isEmptyValue(m_model->stored(fact.questionId, fact.fieldId)))
                taken.append(describeFinding(fact, *field).toHtmlEscaped());
        }
    }
    if (!taken.isEmpty()) {
        missingText += QStringLiteral("<br><br>")
            + tr("<b>Taken from %1</b> as answers when you answer only the missing questions (the summary shows "
                 "each with its line):")
                  .arg(r.targetFile.toHtmlEscaped())
            + QStringLiteral("<br>") + taken.join(QStringLiteral("<br>"));
    }
    m_missing->setText(missingText);
    m_missing->setVisible(r.scenario == PreflightScenario::AnswerMissing && !missing.isEmpty());
    m_recommendation->setText(tr("<b>Recommendation:</b> %1").arg(r.recommendation.toHtmlEscaped()));
    m_recommendation->setVisible(!r.recommendation.isEmpty());

    // The choices, as the seed asks them.
    for (QAbstractButton *button : m_options->buttons()) {
        m_options->removeButton(button);
        delete button;
    }
    m_choicesLayout->removeWidget(m_warning);
    switch (r.scenario) {
    case PreflightScenario::KeepExisting: m_choices->setTitle(tr("Use existing documentation? (Y/n)")); break;
    case PreflightScenario::AnswerMissing: m_choices->setTitle(tr("How do you want to continue?")); break;
    case PreflightScenario::FullPhase: m_choices->setTitle(tr("The full phase will be asked")); break;
    }
    int recommended = -1;
    for (const PreflightOption &option : r.options) {
        QString text;
        switch (option.action) {
        case PreflightAction::UseExisting:
            text = tr("&Yes — use the existing documentation and go to the summary");
            break;
        case PreflightAction::AnswerMissing:
            // The questions are listed above it, with their titles: a radio button cannot wrap,
            // and a list of ids in it made the page wider than a small window.
            text = tr("Answer &only the %n missing question(s)", nullptr, int(r.missingQuestions.size()));
            break;
        case PreflightAction::AnswerAll:
            text = r.scenario == PreflightScenario::KeepExisting ? tr("N&o — answer the full phase anyway")
                : r.scenario == PreflightScenario::AnswerMissing ? tr("&Re-answer everything (full phase)")
                                                                 : tr("&Answer the full phase");
            break;
        case PreflightAction::Skip: text = tr("&Skip — use the documents as they are and go to the summary"); break;
        }
        if (option.recommended)
            text += tr(" ⭐ recommended");
        auto *button = new QRadioButton(text, m_choices);
        button->setObjectName(objectNameOf(option.action));
        button->setAccessibleDescription(tr("What to do with this project's existing operations documents."));
        m_options->addButton(button, int(option.action));
        m_choicesLayout->addWidget(button);
        if (option.recommended && recommended < 0)
            recommended = int(option.action);
    }
    m_choicesLayout->addWidget(m_warning);

    // The earlier choice for this project, or the one the saved answers hold (when this
    // scenario offers it), else the recommendation.
    const AnswerSet &saved = m_model->snapshot();
    int chosen = recommended;
    if (m_chosenFor == m_project->folder() && m_options->button(m_chosen))
        chosen = m_chosen;
    else if (saved.preflight && m_options->button(int(*saved.preflight)))
        chosen = int(*saved.preflight);
    else if (!saved.onlyQuestions.isEmpty() && m_options->button(int(PreflightAction::AnswerMissing)))
        chosen = int(PreflightAction::AnswerMissing);
    if (QAbstractButton *button = m_options->button(chosen >= 0 ? chosen : int(PreflightAction::AnswerAll)))
        button->setChecked(true);
    updateWarning();
}

void PreflightPage::updateWarning()
{
    QString warning;
    for (const PreflightOption &option : std::as_const(m_result.options)) {
        if (int(option.action) == m_options->checkedId())
            warning = option.warning;
    }
    m_warning->setText(
        QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
            .arg(TextStyles::warningColor(palette()).name(), tr("Warning:").toHtmlEscaped(), warning.toHtmlEscaped()));
    m_warning->setVisible(!warning.isEmpty());
}

} // namespace opsflow
