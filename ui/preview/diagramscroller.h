// Holds one DiagramCanvas: as tall as the drawing, scrolling sideways on its own when the
// drawing is zoomed wider than the card, so the rest of the tab keeps its width.
#pragma once

#include <QScrollArea>

namespace opsflow {

class DiagramCanvas;

class DiagramScroller : public QScrollArea
{
    Q_OBJECT
public:
    explicit DiagramScroller(DiagramCanvas *canvas, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();

    DiagramCanvas *m_canvas;
};

} // namespace opsflow
