// One drawn diagram: an SVG from the renderer, painted by QSvgRenderer at the card's width
// (never wider than drawn) or at a zoom the user chose; Ctrl+wheel zooms too.
#pragma once

#include <QByteArray>
#include <QWidget>

class QSvgRenderer;

namespace opsflow {

class DiagramCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit DiagramCanvas(QWidget *parent = nullptr);

    // False when `svg` does not parse; the canvas is then empty.
    bool setSvg(const QByteArray &svg);
    const QByteArray &svg() const { return m_svg; }
    QSize drawingSize() const; // at 100 %

    // 0 fits the width (never enlarging); otherwise a factor, 0.25 to 4.
    void setZoom(qreal zoom);
    qreal zoom() const { return m_zoom; }
    // The factor the drawing is painted at now.
    qreal effectiveZoom() const;
    void zoomIn();
    void zoomOut();

    // The drawing as an image at `scale` (device pixels per SVG unit), on `background`.
    QImage toImage(qreal scale, const QColor &background) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    qreal zoomFor(int width) const;

    QSvgRenderer *m_renderer;
    QByteArray m_svg;
    qreal m_zoom = 0;
};

} // namespace opsflow
