// The preview's Diagrams tab: each mermaid diagram's title and highlighted source, to copy.
#pragma once

#include "generation.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSyntaxHighlighter;
class QToolButton;
class QVBoxLayout;

namespace opsflow {

class DiagramsView : public QWidget
{
    Q_OBJECT
public:
    explicit DiagramsView(QWidget *parent = nullptr);

    // Shown now when visible; otherwise on the next show.
    void setDiagrams(const QList<Diagram> &diagrams);
    const QList<Diagram> &diagrams() const { return m_diagrams; }

    // The source views, in order (for tests and the benchmark).
    QList<QPlainTextEdit *> sourceViews() const;

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Card {
        QWidget *frame = nullptr;
        QLabel *title = nullptr;
        QToolButton *copy = nullptr;
        QPlainTextEdit *source = nullptr;
        QSyntaxHighlighter *highlighter = nullptr;
    };

    void render();
    Card makeCard();
    void copy(int index);
    void fitHeight(QPlainTextEdit *source);

    QList<Diagram> m_diagrams;
    bool m_stale = false;
    QList<Card> m_cards;
    QVBoxLayout *m_list;
    QLabel *m_empty;
};

} // namespace opsflow
