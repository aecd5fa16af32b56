// The preview's Diagrams tab: each mermaid diagram's title and highlighted source, to copy.
#include "diagramsview.h"

#include "highlighting.h"

#include <QAbstractTextDocumentLayout>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtMath>

namespace opsflow {

DiagramsView::DiagramsView(QWidget *parent)
    : QWidget(parent), m_list(new QVBoxLayout),
      m_empty(new QLabel(tr("The diagrams appear here as the answers take shape.")))
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("diagramList"));
    auto *contentLayout = new QVBoxLayout(content);
    m_list->setSpacing(12);
    contentLayout->addLayout(m_list);
    contentLayout->addStretch();
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_list->addWidget(m_empty);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("diagramScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void DiagramsView::setDiagrams(const QList<Diagram> &diagrams)
{
    m_diagrams = diagrams;
    m_stale = true;
    if (isVisible())
        render();
}

QList<QPlainTextEdit *> DiagramsView::sourceViews() const
{
    QList<QPlainTextEdit *> views;
    for (const Card &card : m_cards)
        views.append(card.source);
    return views;
}

void DiagramsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        render();
}

void DiagramsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        for (const Card &card : std::as_const(m_cards))
            Highlighting::setPalette(card.highlighter, palette());
    }
}

void DiagramsView::render()
{
    m_stale = false;
    // Cards are reused: a diagram whose source did not change is neither re-set nor
    // re-highlighted, and the scroll position stays where it was.
    while (m_cards.size() > m_diagrams.size()) {
        delete m_cards.takeLast().frame;
    }
    while (m_cards.size() < m_diagrams.size()) {
        m_cards.append(makeCard());
        m_list->addWidget(m_cards.constLast().frame);
    }
    for (int i = 0; i < m_diagrams.size(); ++i) {
        const Diagram &diagram = m_diagrams.at(i);
        Card &card = m_cards[i];
        card.frame->setObjectName(QStringLiteral("diagram:") + diagram.id);
        card.title->setText(diagram.title);
        if (card.source->toPlainText() != diagram.source)
            card.source->setPlainText(diagram.source);
    }
    m_empty->setVisible(m_diagrams.isEmpty());
}

DiagramsView::Card DiagramsView::makeCard()
{
    Card card;
    card.frame = new QWidget;
    card.title = new QLabel(card.frame);
    card.title->setObjectName(QStringLiteral("diagramTitle"));
    QFont titleFont = card.title->font();
    titleFont.setBold(true);
    card.title->setFont(titleFont);
    card.title->setTextFormat(Qt::PlainText); // titles come from the answers
    card.title->setWordWrap(true);

    card.copy = new QToolButton(card.frame);
    card.copy->setObjectName(QStringLiteral("copyButton"));
    card.copy->setText(tr("Copy"));
    card.copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    card.copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    card.copy->setAutoRaise(true);
    card.copy->setToolTip(tr("Copy the mermaid source of this diagram"));

    card.source = new QPlainTextEdit(card.frame);
    card.source->setObjectName(QStringLiteral("diagramSource"));
    card.source->setReadOnly(true);
    card.source->setUndoRedoEnabled(false);
    card.source->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    card.source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The whole diagram is visible: the tab scrolls, not each card.
    card.source->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    card.source->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    card.highlighter = Highlighting::create(QStringLiteral("mermaid"), QString(), card.source->document(), palette());
    QPlainTextEdit *source = card.source;
    connect(source->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, source,
            [this, source] { fitHeight(source); });

    auto *header = new QHBoxLayout;
    header->addWidget(card.title, 1);
    header->addWidget(card.copy);
    auto *layout = new QVBoxLayout(card.frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(card.source);

    const int index = int(m_cards.size());
    connect(card.copy, &QToolButton::clicked, this, [this, index] { copy(index); });
    return card;
}

void DiagramsView::copy(int index)
{
    if (index < 0 || index >= m_diagrams.size())
        return;
    QGuiApplication::clipboard()->setText(m_diagrams.at(index).source);
    // Feedback in place: the clipboard itself shows nothing.
    QToolButton *button = m_cards.at(index).copy;
    button->setText(tr("Copied"));
    QTimer::singleShot(1500, button, [button] { button->setText(tr("Copy")); });
}

void DiagramsView::fitHeight(QPlainTextEdit *source)
{
    // QPlainTextDocumentLayout measures in lines, wrapped lines included.
    const qreal lines = source->document()->documentLayout()->documentSize().height();
    const int height = qCeil(lines * source->fontMetrics().lineSpacing() + 2 * source->document()->documentMargin())
        + 2 * source->frameWidth();
    source->setFixedHeight(qMax(height, source->fontMetrics().lineSpacing() * 2));
}

} // namespace opsflow
