// A command link that shows when it has the focus.
#include "commandlink.h"

#include <QEvent>
#include <QPainter>

namespace opsflow {

CommandLink::CommandLink(const QString &text, const QString &description, QWidget *parent)
    : QCommandLinkButton(text, description, parent)
{
    // Enter must still mean "Next" in a wizard.
    setAutoDefault(false);
    // Qt reads only the title out; the description is what the button is about.
    setAccessibleDescription(description);
}

int CommandLink::heightForWidth(int width) const
{
    const QString measured = text() + QChar(0) + description();
    if (measured != m_heightsFor) {
        m_heights.clear();
        m_heightsFor = measured;
    }
    auto found = m_heights.constFind(width);
    if (found == m_heights.constEnd())
        found = m_heights.insert(width, QCommandLinkButton::heightForWidth(width));
    return *found;
}

void CommandLink::changeEvent(QEvent *event)
{
    // What the height depends on besides the text: the fonts, the style's margins, the icon.
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange: m_heights.clear(); break;
    default: break;
    }
    QCommandLinkButton::changeEvent(event);
}

void CommandLink::paintEvent(QPaintEvent *event)
{
    QCommandLinkButton::paintEvent(event);
    if (!hasFocus())
        return;
    // The palette's highlight, as the focus ring of line edits and list views in Fusion.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(palette().color(QPalette::Highlight), 2);
    painter.setPen(pen);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 3, 3);
}

} // namespace opsflow
