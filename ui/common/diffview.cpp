// A read-only unified diff: monospace, added lines green, removed lines red.
#include "diffview.h"

#include "diffcolours.h"

#include <QEvent>
#include <QFontDatabase>

namespace opsflow {

DiffView::DiffView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_colours = new DiffColours(document(), palette());
}

void DiffView::setDiff(const QString &diff)
{
    setPlainText(diff);
}

void DiffView::setMaximumLines(int lines)
{
    const int height =
        fontMetrics().lineSpacing() * lines + 2 * frameWidth() + int(document()->documentMargin() * 2) + 4;
    setMaximumHeight(height);
    setMinimumHeight(qMin(height, fontMetrics().lineSpacing() * 6));
}

void DiffView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_colours)
        m_colours->setPalette(palette());
}

} // namespace opsflow
