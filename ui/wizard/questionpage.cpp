// The one generic wizard page: renders any question of the questionnaire from its data.
#include "questionpage.h"

#include "consistency.h"
#include "fieldrow.h"
#include "fieldwidget.h"
#include "issuelabel.h"
#include "markerlegend.h"
#include "suggestionbox.h"
#include "textstyles.h"

#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace opsflow {

QuestionPage::QuestionPage(AnswersModel *model, const Question &question, QWidget *parent)
    : QWizardPage(parent), m_model(model), m_question(question), m_progress(new QLabel(this)),
      m_badge(new QLabel(this)), m_simplified(new QLabel(this)), m_legend(new MarkerLegend(this)),
      m_pageIssues(new IssueLabel(this)),
      m_suggestions(new SuggestionBox(model, SuggestionBox::Style::QuestionPage, this))
{
    setObjectName(QStringLiteral("question/") + question.id);
    setTitle(tr("%1 %2").arg(question.id, question.title));
    // The seed leads into its options with a colon ("Operational documentation:"); as the
    // page's subtitle nothing follows it.
    QString prompt = question.prompt.trimmed();
    if (prompt.endsWith(QLatin1Char(':')))
        prompt.chop(1);
    setSubTitle(prompt);

    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setTextFormat(Qt::PlainText);
    TextStyles::makeSmallPrint(m_progress);

    m_badge->setObjectName(QStringLiteral("emphasisBadge"));
    m_badge->setText(tr("🛡️ Reliability & disaster recovery — emphasised in Enterprise scope"));
    m_badge->setTextFormat(Qt::PlainText);
    m_badge->setFont(TextStyles::smallerFont(m_badge->font()));
    m_badge->setFrameShape(QFrame::StyledPanel);
    m_badge->setBackgroundRole(QPalette::AlternateBase);
    m_badge->setAutoFillBackground(true);
    m_badge->setMargin(3);
    m_badge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    m_simplified->setObjectName(QStringLiteral("simplifiedNote"));
    m_simplified->setTextFormat(Qt::PlainText);
    TextStyles::makeSmallPrint(m_simplified);

    // The markers the page's options use, for the legend, from the data alone: the fields
    // themselves are built on the page's first visit (ensureFields).
    QStringList usedMarkers;
    for (const Field &field : question.fields) {
        for (const Choice &choice : field.choices) {
            if (!choice.marker.isEmpty() && !usedMarkers.contains(choice.marker))
                usedMarkers.append(choice.marker);
        }
    }
    m_suggestions->setObjectName(question.id + QStringLiteral("/suggestions"));
    m_pageIssues->setObjectName(QStringLiteral("pageIssues"));
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Not a Tab stop: the fields are, and the page scrolls to the one with the focus.
    m_scroll->setFocusPolicy(Qt::NoFocus);

    m_legend->setMarkers(model->questionnaire().markers(), usedMarkers);

    auto *layout = new QVBoxLayout(this);
    // The badge under the progress line, not beside it: side by side they squeezed the
    // line until "Question 5/17" broke in two.
    layout->addWidget(m_progress);
    layout->addWidget(m_badge, 0, Qt::AlignLeft);
    layout->addWidget(m_simplified);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_legend);

    connect(m_model, &AnswersModel::changed, this, &QuestionPage::onModelChanged);
    connect(qApp, &QApplication::focusChanged, this, &QuestionPage::onFocusChanged);
    // Another project's answers: its pages start untouched.
    connect(m_model, &AnswersModel::resetDone, this, [this] {
        m_leftFields.clear();
        m_nextPressed = false;
    });
}

FieldRow *QuestionPage::row(const QString &fieldId) const
{
    for (FieldRow *row : m_rows) {
        if (row->fieldId() == fieldId)
            return row;
    }
    return nullptr;
}

void QuestionPage::setFindings(const QList<Finding> &findings)
{
    m_suggestions->setFindings(findings);
}

QString QuestionPage::progressText(const Resolver &resolver, const QString &questionId)
{
    const QList<const Question *> asked = resolver.askedQuestions();
    int position = 0;
    for (int i = 0; i < asked.size(); ++i) {
        if (asked.at(i)->id == questionId)
            position = i + 1;
    }
    const int total = int(asked.size());
    const int percent = total > 0 ? int(std::lround(100.0 * position / total)) : 0;
    const Questionnaire &q = resolver.questionnaire();
    return tr("Phase %1: %2 | Question %3/%4 | Phase Progress: %5%")
        .arg(q.phase(), q.title())
        .arg(position)
        .arg(total)
        .arg(percent);
}

// The fields are made and enter the scroll area when the page is first shown: building
// them for all 17 pages at start-up, and sizing their word-wrapped labels, was half of the
// start-up's instructions. A page never visited has no field widgets at all.
void QuestionPage::ensureFields()
{
    if (m_scroll->widget())
        return;
    auto *content = new QWidget;
    auto *fields = new QVBoxLayout(content);
    fields->setContentsMargins(0, 0, 8, 0);
    fields->setSpacing(12);
    if (!m_question.help.isEmpty()) {
        auto *help = new QLabel(m_question.help, content);
        help->setTextFormat(Qt::PlainText);
        TextStyles::makeSmallPrint(help);
        fields->addWidget(help);
    }
    fields->addWidget(m_suggestions);
    for (const Field &field : m_question.fields) {
        if (!field.section.isEmpty() || m_sections.isEmpty()) {
            Section section;
            if (!field.section.isEmpty()) {
                section.heading = new QLabel(field.section, content);
                section.heading->setTextFormat(Qt::PlainText);
                TextStyles::makeHeading(section.heading);
                section.heading->setContentsMargins(0, 6, 0, 0);
                fields->addWidget(section.heading);
            }
            m_sections.append(section);
        }
        auto *row = new FieldRow(FieldBinding(m_model, m_question.id, field), content);
        // "Alert channels" once: the heading names the field that starts its section.
        if (!field.section.isEmpty() && field.section == field.label)
            row->setLabelShown(false);
        fields->addWidget(row);
        m_sections.last().rows.append(row);
        m_rows.append(row);
    }
    fields->addWidget(m_pageIssues);
    fields->addStretch();

    m_fields = content;
    m_scroll->setWidget(m_fields); // shows it
    // Widgets made now join the end of the window's focus chain; Tab must reach them in
    // the page's order, right after the page's own widgets, as if made with the page.
    // (setTabOrder ignores a widget without focus, so the scroll area takes Tab focus for
    // the moment it anchors the chain.)
    m_scroll->setFocusPolicy(Qt::TabFocus);
    QWidget *previous = m_scroll;
    for (QWidget *widget : m_fields->findChildren<QWidget *>()) {
        if ((widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy()) {
            QWidget::setTabOrder(previous, widget);
            previous = widget;
        }
    }
    m_scroll->setFocusPolicy(Qt::NoFocus);
}

void QuestionPage::initializePage()
{
    ensureFields();
    refresh();
}

void QuestionPage::cleanupPage()
{
    // The default resets registered fields; answers live in the model and must survive Back.
}

bool QuestionPage::validatePage()
{
    const Resolver resolver = m_model->resolver();
    if (isQuestionComplete(resolver, m_question.id))
        return true;
    m_nextPressed = true;
    showIssues(resolver);
    for (FieldRow *row : std::as_const(m_rows)) {
        if (row->isVisible() && !row->issueLabel()->isHidden()) {
            if (row->editor())
                row->editor()->setFocus(Qt::OtherFocusReason);
            m_scroll->ensureWidgetVisible(row);
            return false;
        }
    }
    m_scroll->ensureWidgetVisible(m_pageIssues);
    return false;
}

FieldRow *QuestionPage::rowContaining(const QWidget *widget) const
{
    for (FieldRow *row : m_rows) {
        if (row == widget || row->isAncestorOf(widget))
            return row;
    }
    return nullptr;
}

void QuestionPage::onFocusChanged(QWidget *old, QWidget *now)
{
    // No new focus widget: the window lost the focus, which is not leaving a field.
    if (!old || !now || !isVisible())
        return;
    const FieldRow *left = rowContaining(old);
    if (!left || left->isAncestorOf(now) || m_leftFields.contains(left->fieldId()))
        return;
    m_leftFields.insert(left->fieldId());
    showIssues(m_model->resolver());
}

bool QuestionPage::isRevealed(const QStringList &fieldIds) const
{
    if (m_nextPressed)
        return true;
    // No field named: the message is about answers this scope does not ask, kept from
    // before. Nothing on this page can be in the middle of an edit, so it shows at once.
    if (fieldIds.isEmpty())
        return true;
    return std::any_of(fieldIds.begin(), fieldIds.end(),
                       [this](const QString &id) { return m_leftFields.contains(id); });
}

void QuestionPage::showEvent(QShowEvent *event)
{
    ensureFields();
    if (m_stale)
        refresh();
    QWizardPage::showEvent(event);
}

void QuestionPage::onModelChanged()
{
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void QuestionPage::refresh()
{
    m_stale = false;
    const Resolver resolver = m_model->resolver();
    const Scope scope = m_model->scope();
    m_progress->setText(progressText(resolver, m_question.id));
    m_badge->setVisible(scope == Scope::Enterprise && m_question.emphasis);
    const Asked asked = resolver.askedAs(m_question);
    const bool simplified = asked == Asked::Simplified;
    const bool despiteScope = asked != Asked::Skip && m_question.asked(scope) == Asked::Skip;
    m_simplified->setVisible(simplified || despiteScope);
    if (despiteScope) {
        m_simplified->setText(tr("%1 scope skips this question; it is asked because the existing "
                                 "documents miss it and you chose to answer the missing questions.")
                                  .arg(scopeTitle(scope)));
    } else if (simplified) {
        QStringList kept;
        for (const Field &field : m_question.fields) {
            if (resolver.isKeptDetail(m_question.id, field.id))
                kept.append(field.label);
        }
        QString text = tr("Simplified in %1 scope: only the headline answer is asked. Details you "
                          "answered before are kept; the others take their defaults, which the "
                          "documents mark as defaults.")
                           .arg(scopeTitle(scope));
        if (!kept.isEmpty())
            text += QLatin1Char(' ') + tr("Kept: %1.").arg(kept.join(QStringLiteral(", ")));
        m_simplified->setText(text);
    }
    for (const Section &section : std::as_const(m_sections)) {
        bool anyShown = false;
        for (FieldRow *row : section.rows) {
            const bool shown = resolver.isFieldAsked(m_question.id, row->fieldId());
            row->setVisible(shown);
            if (shown)
                row->refresh();
            anyShown = anyShown || shown;
        }
        if (section.heading)
            section.heading->setVisible(anyShown);
    }
    showIssues(resolver);
}

void QuestionPage::showIssues(const Resolver &resolver)
{
    QHash<QString, QList<Issue>> byField;
    QList<Issue> general;
    for (const Issue &issue : validateQuestion(resolver, m_question.id)) {
        QString target = issue.fieldId;
        QStringList about;
        if (!issue.fieldId.isEmpty())
            about.append(issue.fieldId);
        // A cross-field check reads best under the last field it names, after all of them.
        for (const Check &check : m_question.checks) {
            if (check.message != issue.message)
                continue;
            about += check.fields;
            for (auto it = check.fields.crbegin(); it != check.fields.crend(); ++it) {
                if (resolver.isFieldAsked(m_question.id, *it)) {
                    target = *it;
                    break;
                }
            }
        }
        if (!isRevealed(about))
            continue;
        if (target.isEmpty() || !row(target) || !resolver.isFieldAsked(m_question.id, target))
            general.append(issue);
        else
            byField[target].append(issue);
    }
    // The operational consistency rules this question's answers take part in, on the page
    // (they compare answers across questions, so no one field holds them). They show at
    // once: they are about answers already given, not about input in progress.
    for (const RuleFinding &finding : checkConsistency(resolver)) {
        if (finding.questionIds.contains(m_question.id))
            general.append({m_question.id, QString(), finding.message, finding.severity == Severity::Warning});
    }
    for (FieldRow *row : std::as_const(m_rows))
        row->setIssues(byField.value(row->fieldId()));
    m_pageIssues->setIssues(general);
}

} // namespace opsflow
