#include "diagramcanvas.h"

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QWheelEvent>
#include <QtMath>

namespace opsflow {

namespace {

constexpr qreal minZoom = 0.25;
constexpr qreal maxZoom = 4.0;
constexpr qreal zoomStep = 1.25;

} // namespace

DiagramCanvas::DiagramCanvas(QWidget *parent) : QWidget(parent), m_renderer(new QSvgRenderer(this))
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setFocusPolicy(Qt::NoFocus);
}

bool DiagramCanvas::setSvg(const QByteArray &svg)
{
    // Cards are shown again on every drawing that arrives and every palette change.
    if (svg == m_svg && m_renderer->isValid())
        return true;
    m_svg = svg;
    const bool ok = m_renderer->load(svg);
    updateGeometry();
    update();
    return ok;
}

QSize DiagramCanvas::drawingSize() const
{
    return m_renderer->isValid() ? m_renderer->defaultSize() : QSize();
}

void DiagramCanvas::setZoom(qreal zoom)
{
    zoom = zoom <= 0 ? 0 : qBound(minZoom, zoom, maxZoom);
    if (qFuzzyCompare(zoom + 1, m_zoom + 1))
        return;
    m_zoom = zoom;
    updateGeometry();
    update();
    Q_EMIT zoomChanged(m_zoom);
}

qreal DiagramCanvas::effectiveZoom() const
{
    return m_zoom > 0 ? m_zoom : zoomFor(width());
}

void DiagramCanvas::zoomIn()
{
    setZoom(effectiveZoom() * zoomStep);
}

void DiagramCanvas::zoomOut()
{
    setZoom(effectiveZoom() / zoomStep);
}

qreal DiagramCanvas::zoomFor(int width) const
{
    const QSize size = drawingSize();
    if (size.isEmpty() || width <= 0)
        return 1;
    return qMin<qreal>(1, qreal(width) / size.width());
}

int DiagramCanvas::heightForWidth(int width) const
{
    const QSize size = drawingSize();
    if (size.isEmpty())
        return 0;
    return qCeil(size.height() * (m_zoom > 0 ? m_zoom : zoomFor(width)));
}

QSize DiagramCanvas::sizeHint() const
{
    const QSize size = drawingSize();
    if (size.isEmpty())
        return {};
    const qreal zoom = m_zoom > 0 ? m_zoom : 1;
    return (QSizeF(size) * zoom).toSize();
}

// Fitting, the canvas may be as narrow as the card; zoomed, it keeps the zoomed width and the
// tab scrolls sideways.
QSize DiagramCanvas::minimumSizeHint() const
{
    if (m_zoom > 0)
        return sizeHint();
    return {64, 0};
}

QImage DiagramCanvas::toImage(qreal scale, const QColor &background) const
{
    const QSize size = drawingSize();
    if (size.isEmpty())
        return {};
    QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    m_renderer->render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
    return image;
}

void DiagramCanvas::paintEvent(QPaintEvent *)
{
    const QSize size = drawingSize();
    if (size.isEmpty())
        return;
    const QSizeF drawn = QSizeF(size) * effectiveZoom();
    // Centred in the card when narrower than it.
    const QPointF origin(qMax<qreal>(0, (width() - drawn.width()) / 2), 0);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    m_renderer->render(&painter, QRectF(origin, drawn));
}

void DiagramCanvas::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QWidget::wheelEvent(event); // the tab scrolls
        return;
    }
    if (event->angleDelta().y() > 0)
        zoomIn();
    else if (event->angleDelta().y() < 0)
        zoomOut();
    event->accept();
}

} // namespace opsflow
