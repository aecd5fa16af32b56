// The "PHASE 7 SUMMARY" page: every line (each a link to its question), "Is this correct?"
// with a way back, and the summary's export.
#include "summarypage.h"

#include "answersmodel.h"
#include "consistency.h"
#include "issuelabel.h"
#include "summary.h"
#include "textstyles.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>

#include <algorithm>

namespace opsflow {

SummaryPage::SummaryPage(AnswersModel *model, QWidget *parent)
    : QWizardPage(parent), m_model(model), m_scroll(new QScrollArea(this)), m_correct(new QButtonGroup(this)),
      m_questions(new QComboBox(this)), m_go(new QPushButton(tr("&Go to Question"), this))
{
    setObjectName(QStringLiteral("summary"));
    setTitle(tr("📋 Phase %1 Summary").arg(model->questionnaire().phase()));
    setSubTitle(tr("Check every line before the documents are generated. Click a line to change "
                   "its answer; \"TBD\" marks what this scope does not ask."));

    m_scroll->setWidgetResizable(true);
    m_scroll->setAccessibleName(tr("Summary of the answers"));
    m_scroll->setAccessibleDescription(tr("Every answer of this scope, defaults marked; arrow keys scroll."));
    m_scroll->setFrameShape(QFrame::StyledPanel);
    m_scroll->setBackgroundRole(QPalette::Base);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *question = new QLabel(tr("Is this correct?"), this);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    auto *yes = new QRadioButton(tr("&Yes — generate the documents"), this);
    auto *no = new QRadioButton(tr("N&o — change an answer"), this);
    yes->setObjectName(QStringLiteral("summary/yes"));
    no->setObjectName(QStringLiteral("summary/no"));
    m_correct->addButton(yes, Yes);
    m_correct->addButton(no, No);
    m_questions->setObjectName(QStringLiteral("summary/questions"));
    m_questions->setAccessibleName(tr("Question to change"));
    yes->setAccessibleDescription(tr("Is this correct? Yes leads on to writing the documents."));
    no->setAccessibleDescription(tr("Is this correct? No: pick the question to change, then Go."));
    m_questions->setAccessibleDescription(tr("The questions of this scope; Go opens the one chosen."));
    m_go->setObjectName(QStringLiteral("summary/go"));
    m_go->setAccessibleDescription(tr("Opens the chosen question; Next from there comes back here."));
    m_go->setAutoDefault(false);

    // The summary's own width, not the longest question title, sets how wide the page is.
    m_questions->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_questions->setMinimumContentsLength(20);
    auto *exportButton = new QPushButton(tr("&Export…"), this);
    exportButton->setObjectName(QStringLiteral("summary/export"));
    exportButton->setAutoDefault(false);
    exportButton->setToolTip(tr("Save the summary as Markdown, text, JSON, HTML or PDF, or copy it"));

    // The question on its own line and the choices under it: side by side they made this
    // page wider than the questions, and the splitter moved Back to where Next had been.
    auto *heading = new QHBoxLayout;
    heading->addWidget(question);
    heading->addStretch(1);
    heading->addWidget(exportButton);
    // The question list and Go under "No", lined up with its text: beside it they made the
    // page wider than the others on a small screen, and the splitter moved again.
    auto *change = new QHBoxLayout;
    change->setContentsMargins(style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
                                   + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing),
                               0, 0, 0);
    change->addWidget(m_questions, 1);
    change->addWidget(m_go);
    auto *answer = new QVBoxLayout;
    answer->addLayout(heading);
    answer->addWidget(yes);
    answer->addWidget(no);
    answer->addLayout(change);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(answer);
    connect(exportButton, &QPushButton::clicked, this, &SummaryPage::exportRequested);

    connect(m_correct, &QButtonGroup::idClicked, this, [this] {
        updateControls();
        Q_EMIT completeChanged();
    });
    connect(m_go, &QPushButton::clicked, this, [this] {
        const QString id = m_questions->currentData().toString();
        if (!id.isEmpty())
            Q_EMIT goToQuestionRequested(id);
    });
    connect(m_model, &AnswersModel::changed, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    updateControls();
}

void SummaryPage::initializePage()
{
    // Every visit asks again: the answers may have changed since the last "Yes".
    m_correct->setExclusive(false);
    for (QAbstractButton *button : m_correct->buttons())
        button->setChecked(false);
    m_correct->setExclusive(true);
    updateControls();
    refresh();
}

bool SummaryPage::isComplete() const
{
    return m_correct->checkedId() == Yes;
}

void SummaryPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        refresh();
    QWizardPage::showEvent(event);
}

void SummaryPage::updateControls()
{
    const bool no = m_correct->checkedId() == No;
    m_questions->setEnabled(no);
    m_go->setEnabled(no);
}

void SummaryPage::refresh()
{
    m_stale = false;
    const Resolver resolver = m_model->resolver();

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("summary/lines"));
    auto *grid = new QGridLayout(content);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    int row = 0;
    // The operational consistency rules and the questionnaire's checks the answers break,
    // above the lines, as `opsflow generate` reports them: an error stops it, so it is seen
    // before "Is this correct?".
    const QList<RuleFinding> findings = checkAnswers(resolver);
    if (!findings.isEmpty()) {
        auto *heading = new QLabel(tr("Answers that contradict each other"), content);
        heading->setObjectName(QStringLiteral("summary/rulesHeading"));
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        grid->addWidget(heading, row++, 0, 1, 2);
        QList<Issue> issues;
        for (const RuleFinding &finding : findings)
            issues.append({QString(), QString(), finding.message, finding.severity == Severity::Warning});
        auto *rules = new IssueLabel(content);
        rules->setObjectName(QStringLiteral("summary/rules"));
        rules->setIssues(issues);
        grid->addWidget(rules, row++, 0, 1, 2);
    }
    const QList<SummaryLine> lines = summaryLines(resolver);
    if (std::any_of(lines.begin(), lines.end(), [](const SummaryLine &line) { return line.defaults > 0; })) {
        // "(default)" after a value says no answer gave it; the legend says so once, on top.
        auto *legend = new QLabel(defaultsLegend(), content);
        legend->setObjectName(QStringLiteral("summary/legend"));
        legend->setTextFormat(Qt::PlainText);
        legend->setWordWrap(true);
        legend->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(legend, row++, 0, 1, 2);
    }
    for (const SummaryLine &line : lines) {
        // A line of an asked question links to its page; the others have no page to show.
        const bool linked = resolver.isAsked(line.questionId);
        auto *label = new QLabel(content);
        label->setObjectName(QStringLiteral("summary/%1/label").arg(line.questionId));
        label->setTextFormat(Qt::RichText);
        label->setText(linked ? tr("<a href=\"%1\">%2</a> (%1)").arg(line.questionId, line.label.toHtmlEscaped())
                              : tr("%2 (%1)").arg(line.questionId, line.label.toHtmlEscaped()));
        if (linked) {
            label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
            label->setToolTip(tr("Go to question %1").arg(line.questionId));
            connect(label, &QLabel::linkActivated, this, &SummaryPage::goToQuestionRequested);
        }
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto *text = new QLabel(content);
        text->setObjectName(QStringLiteral("summary/") + line.questionId);
        if (line.defaults > 0) {
            // The mark stays in the text (copy and screen readers get it) but is drawn muted,
            // so the answers themselves stand out.
            // Half-way between text and background: the placeholder colour carries its
            // softness in alpha, which a style sheet colour name would drop.
            const QColor fg = palette().color(QPalette::Text);
            const QColor bg = palette().color(QPalette::Base);
            const QColor mid((fg.red() + bg.red()) / 2, (fg.green() + bg.green()) / 2, (fg.blue() + bg.blue()) / 2);
            const QString muted =
                QStringLiteral("<span style=\"color:%1\">%2</span>").arg(mid.name(), defaultMark().toHtmlEscaped());
            text->setTextFormat(Qt::RichText);
            text->setText(line.text.toHtmlEscaped().replace(defaultMark().toHtmlEscaped(), muted));
        } else {
            text->setTextFormat(Qt::PlainText);
            text->setText(line.text);
        }
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (line.tbd) {
            label->setForegroundRole(QPalette::PlaceholderText);
            text->setForegroundRole(QPalette::PlaceholderText);
        }
        grid->addWidget(label, row, 0);
        grid->addWidget(text, row, 1);
        ++row;
    }
    grid->setRowStretch(row, 1);
    m_scroll->setWidget(content); // deletes the previous lines

    const QString current = m_questions->currentData().toString();
    m_questions->clear();
    for (const Question *question : resolver.askedQuestions())
        m_questions->addItem(tr("%1 %2").arg(question->id, question->title), question->id);
    m_questions->setCurrentIndex(qMax(0, m_questions->findData(current)));
}

} // namespace opsflow
