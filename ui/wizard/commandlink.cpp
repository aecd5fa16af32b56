// A command link that shows when it has the focus.
#include "commandlink.h"

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
