// Mode (Interactive or Smart Auto-Suggest) and scope (MVP, Production-Ready, Enterprise).
#include "modescopepage.h"

#include "answersmodel.h"
#include "textstyles.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace opsflow {

namespace {

// A radio button with its explanation as small print lined up under the button's text.
QRadioButton *addOption(QGroupBox *box, QButtonGroup *group, int id, const QString &name, const QString &text,
                        const QString &explanation)
{
    auto *button = new QRadioButton(text, box);
    button->setObjectName(name);
    button->setAccessibleDescription(explanation);
    group->addButton(button, id);
    auto *note = new QLabel(explanation, box);
    note->setTextFormat(Qt::PlainText);
    TextStyles::makeSmallPrint(note);
    note->setContentsMargins(box->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
                                 + box->style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing),
                             0, 0, 6);
    auto *layout = static_cast<QVBoxLayout *>(box->layout());
    layout->addWidget(button);
    layout->addWidget(note);
    return button;
}

} // namespace

ModeScopePage::ModeScopePage(AnswersModel *model, QWidget *parent)
    : QWizardPage(parent), m_model(model), m_modes(new QButtonGroup(this)), m_scopes(new QButtonGroup(this)),
      m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("modeScope"));
    setTitle(tr("Mode and Scope"));
    setSubTitle(tr("How should OpsFlow ask, and how much does this project need?"));

    // In a scroll area: on a small screen with a large font the explanations would otherwise
    // be squeezed to their first lines.
    // The content goes into the scroll area when the page is first shown: that measures its
    // texts, and the first measure of "⭐" looks through the fallback fonts for an emoji one,
    // which cost start-up as much as a whole bare wizard, for a page not shown at start.
    auto *content = new QWidget(this);
    content->hide();
    auto *modeBox = new QGroupBox(tr("Mode"), content);
    new QVBoxLayout(modeBox);
    addOption(modeBox, m_modes, int(Mode::Interactive), QStringLiteral("mode/interactive"), tr("&Interactive"),
              tr("You answer every question yourself; nothing is pre-filled except the seed's "
                 "checklists and example tables."));
    addOption(modeBox, m_modes, int(Mode::SmartAutoSuggest), QStringLiteral("mode/smart"),
              tr("&Smart Auto-Suggest ⭐ recommended"),
              tr("Answers are filled in for you: what the project's files show, else the recommended "
                 "(⭐) one; review them and change what does not fit."));

    const Questionnaire &q = model->questionnaire();
    auto *scopeBox = new QGroupBox(tr("Scope"), content);
    new QVBoxLayout(scopeBox);
    addOption(scopeBox, m_scopes, int(Scope::Mvp), QStringLiteral("scope/mvp"),
              tr("&MVP — %1 questions").arg(q.askedQuestions(Scope::Mvp).size()),
              tr("Asks 7.1–7.4 only (deployment basics); monitoring, scaling and backups "
                 "(7.5–7.10) are listed under \"Decided Later\" in the documents."));
    addOption(scopeBox, m_scopes, int(Scope::Production), QStringLiteral("scope/production"),
              tr("&Production-Ready — %1 questions").arg(q.askedQuestions(Scope::Production).size()),
              tr("Asks 7.1–7.8 in full and simplifies 7.9–7.10 (advanced monitoring and "
                 "resilience): only their headline answers are asked. Details you answered are "
                 "kept; the others take their defaults, marked as such in the documents."));
    addOption(scopeBox, m_scopes, int(Scope::Enterprise), QStringLiteral("scope/enterprise"),
              tr("&Enterprise — %1 questions").arg(q.askedQuestions(Scope::Enterprise).size()),
              tr("Asks all questions 7.1–7.10, with emphasis on reliability and disaster recovery."));

    auto *keep = new QLabel(tr("Changing the mode or scope later keeps every answer you gave."), content);
    keep->setTextFormat(Qt::PlainText);
    TextStyles::makeSmallPrint(keep);

    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 8, 0);
    column->addWidget(modeBox);
    column->addWidget(scopeBox);
    column->addWidget(keep);
    column->addStretch();
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setAccessibleName(tr("Mode and scope"));
    m_scroll->setAccessibleDescription(tr("How OpsFlow asks, and which questions; arrow keys scroll."));
    m_content = content;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll);

    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { m_model->setMode(Mode(id)); });
    connect(m_scopes, &QButtonGroup::idClicked, this, [this](int id) { m_model->setScope(Scope(id)); });
    connect(m_model, &AnswersModel::changed, this, &ModeScopePage::refresh);
    refresh();
}

void ModeScopePage::initializePage()
{
    placeContent();
    QWizardPage::initializePage();
}

void ModeScopePage::showEvent(QShowEvent *event)
{
    placeContent(); // shown without initializePage() (QWizard always calls it; a test might not)
    QWizardPage::showEvent(event);
}

void ModeScopePage::placeContent()
{
    if (m_content && m_scroll->widget() != m_content)
        m_scroll->setWidget(m_content);
}

bool ModeScopePage::validatePage()
{
    m_model->setScope(m_model->scope());
    return true;
}

void ModeScopePage::refresh()
{
    const QSignalBlocker modes(m_modes);
    const QSignalBlocker scopes(m_scopes);
    m_modes->button(int(m_model->mode()))->setChecked(true);
    m_scopes->button(int(m_model->scope()))->setChecked(true);
}

} // namespace opsflow
