#include "diagramscroller.h"

#include "diagramcanvas.h"

#include <QScrollBar>

namespace opsflow {

DiagramScroller::DiagramScroller(DiagramCanvas *canvas, QWidget *parent) : QScrollArea(parent), m_canvas(canvas)
{
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the tab scrolls up and down
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setWidget(canvas);
    connect(canvas, &DiagramCanvas::zoomChanged, this, &DiagramScroller::fitHeight);
}

QSize DiagramScroller::sizeHint() const
{
    return {m_canvas->minimumSizeHint().width(), height()};
}

QSize DiagramScroller::minimumSizeHint() const
{
    return {64, height()};
}

void DiagramScroller::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fitHeight();
}

void DiagramScroller::fitHeight()
{
    const int canvasWidth = qMax(viewport()->width(), m_canvas->minimumSizeHint().width());
    const int barHeight =
        m_canvas->minimumSizeHint().width() > viewport()->width() ? horizontalScrollBar()->sizeHint().height() : 0;
    const int height = m_canvas->heightForWidth(canvasWidth) + barHeight;
    if (height != this->height())
        setFixedHeight(height);
}

} // namespace opsflow
