// The preview's Diagrams tab: each mermaid diagram drawn (by the optional renderer plugin,
// through DiagramDrawer), with zoom, "Save as SVG / PNG" and its highlighted source to copy.
// Without a renderer it shows the sources and says why.
#pragma once

#include "generation.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSyntaxHighlighter;
class QToolButton;
class QVBoxLayout;

namespace opsflow {

class DiagramCanvas;
class DiagramDrawer;
class DiagramScroller;

class DiagramsView : public QWidget
{
    Q_OBJECT
public:
    explicit DiagramsView(QWidget *parent = nullptr);

    // Where drawings come from; without one (or without a renderer) sources are shown.
    void setDrawer(DiagramDrawer *drawer);

    // Shown now when visible; otherwise on the next show.
    void setDiagrams(const QList<Diagram> &diagrams);
    const QList<Diagram> &diagrams() const { return m_diagrams; }

    // The source views and canvases, in order (for tests and the benchmark).
    QList<QPlainTextEdit *> sourceViews() const;
    QList<DiagramCanvas *> canvases() const;

    enum class Format { Svg, Png };
    // Writes diagram `index` as drawn; false with `error` set when it cannot.
    bool saveDiagram(int index, const QString &path, Format format, QString *error = nullptr) const;

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Card {
        QWidget *frame = nullptr;
        QLabel *title = nullptr;
        QToolButton *zoomOut = nullptr;
        QToolButton *zoomFit = nullptr;
        QToolButton *zoomIn = nullptr;
        QToolButton *save = nullptr;
        QToolButton *copy = nullptr;
        QToolButton *showSource = nullptr;
        QLabel *status = nullptr;
        DiagramCanvas *canvas = nullptr;
        DiagramScroller *scroller = nullptr;
        QPlainTextEdit *source = nullptr;
        QSyntaxHighlighter *highlighter = nullptr;
    };

    void render();
    Card makeCard();
    void showDrawing(int index);
    void showDrawnSource(const QString &source);
    void copy(int index);
    void askAndSave(int index, Format format);
    void fitHeight(QPlainTextEdit *source);
    bool drawing() const;
    bool darkPalette() const;

    QList<Diagram> m_diagrams;
    bool m_stale = false;
    QList<Card> m_cards;
    QVBoxLayout *m_list;
    QLabel *m_empty;
    QLabel *m_note;
    DiagramDrawer *m_drawer = nullptr;
};

} // namespace opsflow
