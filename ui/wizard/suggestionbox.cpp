// "Suggested from your project": answers found in the project's files, each with the file
// that shows it and a button that puts it into the model. Ignoring a suggestion changes nothing.
#include "suggestionbox.h"

#include "answersmodel.h"
#include "reportedvalue.h"
#include "textstyles.h"

#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>

namespace opsflow {

SuggestionBox::SuggestionBox(AnswersModel *model, Style style, QWidget *parent)
    : QGroupBox(parent), m_model(model), m_style(style), m_grid(new QGridLayout(this))
{
    setObjectName(QStringLiteral("suggestions"));
    if (style == Style::QuestionPage)
        setTitle(tr("Suggested from your project"));
    m_grid->setColumnStretch(0, 1);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(4);
    if (style == Style::ContextField)
        m_grid->setContentsMargins(8, 4, 8, 4);
    hide();
    connect(m_model, &AnswersModel::changed, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
}

QPushButton *SuggestionBox::button(int index) const
{
    return index >= 0 && index < m_suggestions.size() ? m_suggestions.at(index).button : nullptr;
}

QString SuggestionBox::suggestionText(int index) const
{
    return index >= 0 && index < m_suggestions.size() ? m_suggestions.at(index).label->text() : QString();
}

const Field *SuggestionBox::fieldOf(const QString &questionId, const QString &fieldId) const
{
    const Questionnaire &q = m_model->questionnaire();
    return questionId == QLatin1String("context") ? q.contextField(fieldId) : q.field(questionId, fieldId);
}

void SuggestionBox::setFindings(const QList<Finding> &findings)
{
    for (const Suggestion &s : std::as_const(m_suggestions)) {
        delete s.label;
        delete s.button;
    }
    m_suggestions.clear();
    for (const Finding &finding : findings) {
        if (!fieldOf(finding.questionId, finding.fieldId))
            continue;
        auto same = std::find_if(m_suggestions.begin(), m_suggestions.end(), [&](const Suggestion &s) {
            return s.questionId == finding.questionId && s.fieldId == finding.fieldId
                && sameValue(s.value, finding.value);
        });
        if (same == m_suggestions.end()) {
            m_suggestions.append({finding.questionId, finding.fieldId, finding.value, {}, {}, nullptr, nullptr});
            same = m_suggestions.end() - 1;
        }
        if (!finding.evidence.isEmpty() && !same->evidence.contains(finding.evidence))
            same->evidence.append(finding.evidence);
        if (!finding.note.isEmpty() && !same->notes.contains(finding.note))
            same->notes.append(finding.note);
    }

    const bool namesField = m_style == Style::QuestionPage;
    for (int i = 0; i < m_suggestions.size(); ++i) {
        Suggestion &s = m_suggestions[i];
        const Field *field = fieldOf(s.questionId, s.fieldId);
        QStringList found;
        for (const QString &evidence : std::as_const(s.evidence))
            found.append(TextStyles::code(evidence));
        QString text = namesField
            ? labelledValue(reportLabel(*field).toHtmlEscaped(),
                            QStringLiteral("<b>%1</b>").arg(opsflow::describeValue(*field, s.value).toHtmlEscaped()))
            : tr("Suggested: <b>%1</b>").arg(opsflow::describeValue(*field, s.value).toHtmlEscaped());
        if (!found.isEmpty())
            text += tr(" — found %1").arg(QLocale().createSeparatedList(found));
        // The note says what was seen when the file name alone does not ("pino: structured logger").
        QStringList notes;
        for (const QString &note : std::as_const(s.notes)) {
            const bool restatesFile =
                std::any_of(s.evidence.cbegin(), s.evidence.cend(), [&](const QString &e) { return note.contains(e); });
            if (!restatesFile && note != opsflow::describeValue(*field, s.value))
                notes.append(note.toHtmlEscaped());
        }
        if (!notes.isEmpty())
            text += QStringLiteral(" <span style=\"color:%1\">(%2)</span>")
                        .arg(TextStyles::mutedColor(palette()).name(), notes.join(QLatin1String("; ")));
        s.label = new QLabel(text, this);
        s.label->setObjectName(QStringLiteral("suggestion/%1/%2/%3/text").arg(s.questionId, s.fieldId).arg(i));
        s.label->setTextFormat(Qt::RichText);
        s.label->setWordWrap(true);
        s.label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        s.button = new QPushButton(m_style == Style::ContextField ? tr("Accept") : tr("Use"), this);
        s.button->setObjectName(QStringLiteral("suggestion/%1/%2/%3").arg(s.questionId, s.fieldId).arg(i));
        s.button->setAutoDefault(false);
        s.button->setAccessibleName(tr("Use %1").arg(opsflow::describeValue(*field, s.value)));
        s.button->setAccessibleDescription(s.label->text().remove(QRegularExpression(QStringLiteral("<[^>]*>"))));
        s.button->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        m_grid->addWidget(s.label, i, 0);
        m_grid->addWidget(s.button, i, 1, Qt::AlignTop);
        connect(s.button, &QPushButton::clicked, this, [this, i] { use(i); });
    }
    setVisible(!m_suggestions.isEmpty());
    refresh();
}

QVariant SuggestionBox::currentValue(const Suggestion &suggestion) const
{
    const Resolver resolver = m_model->resolver();
    if (suggestion.questionId == QLatin1String("context"))
        return resolver.contextValue(suggestion.fieldId);
    return resolver.shownValue(suggestion.questionId, suggestion.fieldId);
}

void SuggestionBox::refresh()
{
    m_stale = false;
    for (const Suggestion &s : std::as_const(m_suggestions)) {
        const bool inUse = sameValue(currentValue(s), s.value);
        s.button->setEnabled(!inUse);
        s.button->setText(inUse ? tr("✓ In use") : m_style == Style::ContextField ? tr("Accept") : tr("Use"));
    }
}

void SuggestionBox::showEvent(QShowEvent *event)
{
    if (m_stale)
        refresh();
    QGroupBox::showEvent(event);
}

bool SuggestionBox::firstIsUnused() const
{
    return !m_suggestions.isEmpty() && !sameValue(currentValue(m_suggestions.first()), m_suggestions.first().value);
}

void SuggestionBox::use(int index)
{
    if (index < 0 || index >= m_suggestions.size())
        return;
    const Suggestion &s = m_suggestions.at(index);
    if (s.questionId == QLatin1String("context"))
        m_model->setContextValue(s.fieldId, s.value);
    else
        m_model->setValue(s.questionId, s.fieldId, s.value);
    refresh();
}

bool SuggestionBox::sameValue(const QVariant &a, const QVariant &b)
{
    if (!a.isValid() || !b.isValid())
        return a.isValid() == b.isValid();
    return QJsonDocument::fromVariant(QVariantList{a}).toJson(QJsonDocument::Compact)
        == QJsonDocument::fromVariant(QVariantList{b}).toJson(QJsonDocument::Compact);
}

} // namespace opsflow
