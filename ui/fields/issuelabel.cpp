// Validation messages under a field: errors in red, warnings in amber, in words.
#include "issuelabel.h"

#include "textstyles.h"

#include <QEvent>

namespace opsflow {

IssueLabel::IssueLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void IssueLabel::setIssues(const QList<Issue> &issues)
{
    if (issues.size() == m_issues.size()
        && std::equal(issues.begin(), issues.end(), m_issues.begin(), [](const Issue &a, const Issue &b) {
               return a.message == b.message && a.warning == b.warning;
           })) {
        return;
    }
    m_issues = issues;
    render();
}

void IssueLabel::changeEvent(QEvent *event)
{
    // The colours depend on the palette: a theme switch must repaint them.
    if (event->type() == QEvent::PaletteChange)
        render();
    QLabel::changeEvent(event);
}

void IssueLabel::render()
{
    QStringList lines;
    for (const Issue &issue : std::as_const(m_issues)) {
        const QColor colour = issue.warning ? TextStyles::warningColor(palette()) : TextStyles::errorColor(palette());
        // Words first, colour second: the prefix tells it to those who cannot see colour.
        const QString prefix = issue.warning ? tr("Warning:") : tr("Error:");
        lines.append(QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
                         .arg(colour.name(), prefix.toHtmlEscaped(), issue.message.toHtmlEscaped()));
    }
    setText(lines.join(QStringLiteral("<br>")));
    setAccessibleDescription(QLabel::text());
    setVisible(!lines.isEmpty());
}

} // namespace opsflow
