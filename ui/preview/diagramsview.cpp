// The preview's Diagrams tab (see diagramsview.h).
#include "diagramsview.h"

#include "diagramcanvas.h"
#include "diagramdrawer.h"
#include "diagramscroller.h"
#include "highlighting.h"

#include <QAbstractTextDocumentLayout>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtMath>

namespace opsflow {

namespace {

// A flat card button. Zoom buttons are icons where the theme has them (their text, "−" and
// "+", where not); the others read as words beside their icon.
enum class Look { Icon, Words };

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &text, const QString &icon,
                        const QString &toolTip, Look look)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setIcon(QIcon::fromTheme(icon));
    button->setToolButtonStyle(look == Look::Words             ? Qt::ToolButtonTextBesideIcon
                                   : QIcon::hasThemeIcon(icon) ? Qt::ToolButtonIconOnly
                                                               : Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    return button;
}

} // namespace

DiagramsView::DiagramsView(QWidget *parent)
    : QWidget(parent), m_list(new QVBoxLayout),
      m_empty(new QLabel(tr("The diagrams appear here as the answers take shape."))), m_note(new QLabel)
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("diagramList"));
    auto *contentLayout = new QVBoxLayout(content);
    m_note->setObjectName(QStringLiteral("diagramNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();
    contentLayout->addWidget(m_note);
    m_list->setSpacing(18);
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

void DiagramsView::setDrawer(DiagramDrawer *drawer)
{
    m_drawer = drawer;
    connect(drawer, &DiagramDrawer::drawn, this, &DiagramsView::showDrawnSource);
    connect(drawer, &DiagramDrawer::unavailable, this, [this] {
        m_stale = true;
        if (isVisible())
            render();
    });
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

QList<DiagramCanvas *> DiagramsView::canvases() const
{
    QList<DiagramCanvas *> out;
    for (const Card &card : m_cards)
        out.append(card.canvas);
    return out;
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
        if (m_drawer && m_drawer->active()) {
            m_drawer->setDark(darkPalette());
            for (int i = 0; i < m_cards.size(); ++i)
                showDrawing(i);
        }
    }
}

bool DiagramsView::darkPalette() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

// True when diagrams are drawn (a renderer is there, or may still be loaded).
bool DiagramsView::drawing() const
{
    return m_drawer && m_drawer->whyNot().isEmpty();
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
    QStringList sources;
    for (int i = 0; i < m_diagrams.size(); ++i) {
        const Diagram &diagram = m_diagrams.at(i);
        Card &card = m_cards[i];
        card.frame->setObjectName(QStringLiteral("diagram:") + diagram.id);
        card.title->setText(diagram.title);
        if (card.source->toPlainText() != diagram.source)
            card.source->setPlainText(diagram.source);
        sources.append(diagram.source);
    }
    m_empty->setVisible(m_diagrams.isEmpty());
    if (m_drawer) {
        m_drawer->setDark(darkPalette());
        m_drawer->want(this, sources); // loads the renderer the first time diagrams are shown
    }
    const QString whyNot = m_drawer ? m_drawer->whyNot() : QString();
    m_note->setText(whyNot);
    m_note->setVisible(!whyNot.isEmpty() && !m_diagrams.isEmpty());
    for (int i = 0; i < m_cards.size(); ++i)
        showDrawing(i);
}

// A card as its drawing stands: drawn, being drawn, not drawable (mermaid's message and the
// source), or, without a renderer, the source alone.
void DiagramsView::showDrawing(int index)
{
    Card &card = m_cards[index];
    const bool draws = drawing();
    const auto drawn = draws ? m_drawer->drawing(m_diagrams.at(index).source) : std::nullopt;
    const bool hasSvg = drawn && drawn->error.isEmpty() && card.canvas->setSvg(drawn->svg);
    for (QToolButton *button : {card.zoomOut, card.zoomFit, card.zoomIn, card.save})
        button->setVisible(hasSvg);
    card.showSource->setVisible(hasSvg);
    card.scroller->setVisible(hasSvg);
    if (!draws) {
        card.status->hide();
    } else if (!drawn) {
        card.status->setText(tr("Drawing…"));
        card.status->show();
    } else if (!hasSvg) {
        card.status->setText(drawn->error.isEmpty() ? tr("This diagram could not be shown.")
                                                    : tr("mermaid cannot draw this diagram: %1").arg(drawn->error));
        card.status->show();
    } else {
        card.status->hide();
    }
    card.source->setVisible(!hasSvg || card.showSource->isChecked());
}

void DiagramsView::showDrawnSource(const QString &source)
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    for (int i = 0; i < m_diagrams.size() && i < m_cards.size(); ++i) {
        if (DiagramDrawer::normalized(m_diagrams.at(i).source) == source)
            showDrawing(i);
    }
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

    card.zoomOut = toolButton(card.frame, QStringLiteral("zoomOutButton"), QStringLiteral("−"),
                              QStringLiteral("zoom-out"), tr("Zoom out (Ctrl+wheel)"), Look::Icon);
    card.zoomFit = toolButton(card.frame, QStringLiteral("zoomFitButton"), tr("Fit"), QStringLiteral("zoom-fit-width"),
                              tr("Fit the diagram to the width"), Look::Icon);
    card.zoomIn = toolButton(card.frame, QStringLiteral("zoomInButton"), QStringLiteral("+"), QStringLiteral("zoom-in"),
                             tr("Zoom in (Ctrl+wheel)"), Look::Icon);

    card.save = toolButton(card.frame, QStringLiteral("saveButton"), tr("Save As"), QStringLiteral("document-save-as"),
                           tr("Save this diagram as an SVG or PNG file"), Look::Words);
    card.save->setPopupMode(QToolButton::InstantPopup);
    auto *saveMenu = new QMenu(card.save);
    card.save->setMenu(saveMenu);

    card.copy = toolButton(card.frame, QStringLiteral("copyButton"), tr("Copy"), QStringLiteral("edit-copy"),
                           tr("Copy the mermaid source of this diagram"), Look::Words);

    card.showSource = new QToolButton(card.frame);
    card.showSource->setObjectName(QStringLiteral("sourceButton"));
    card.showSource->setText(tr("Source"));
    card.showSource->setCheckable(true);
    card.showSource->setAutoRaise(true);
    card.showSource->setToolTip(tr("Show the mermaid source under the diagram"));

    card.status = new QLabel(card.frame);
    card.status->setObjectName(QStringLiteral("diagramStatus"));
    card.status->setWordWrap(true);
    card.status->setTextFormat(Qt::PlainText); // mermaid's messages quote the source
    card.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    card.status->hide();

    card.canvas = new DiagramCanvas(card.frame);
    card.canvas->setObjectName(QStringLiteral("diagramCanvas"));
    card.scroller = new DiagramScroller(card.canvas, card.frame);
    card.scroller->hide();

    card.source = new QPlainTextEdit(card.frame);
    card.source->setObjectName(QStringLiteral("diagramSource"));
    card.source->setReadOnly(true);
    card.source->setUndoRedoEnabled(false);
    card.source->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    card.source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The whole diagram is visible: the tab scrolls, not each card.
    card.source->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Code does not wrap: a line broken inside "<br/>" or after the hyphen of "my-api" reads
    // as a different diagram. A line wider than the card scrolls sideways within it.
    card.source->setLineWrapMode(QPlainTextEdit::NoWrap);
    card.source->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    card.highlighter = Highlighting::create(QStringLiteral("mermaid"), QString(), card.source->document(), palette());
    QPlainTextEdit *source = card.source;
    connect(source->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, source,
            [this, source] { fitHeight(source); });
    // A line wider than the card brings a scroll bar, which needs room under the last line.
    connect(source->horizontalScrollBar(), &QScrollBar::rangeChanged, source, [this, source] { fitHeight(source); });

    // The buttons under the title, not beside it: in one row they made each card wider
    // than the preview beside the wizard on a 1024-pixel screen.
    auto *tools = new QHBoxLayout;
    for (QToolButton *button : {card.zoomOut, card.zoomFit, card.zoomIn, card.save, card.copy, card.showSource})
        tools->addWidget(button);
    tools->addStretch(1);
    auto *layout = new QVBoxLayout(card.frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(card.title);
    layout->addLayout(tools);
    layout->addWidget(card.status);
    layout->addWidget(card.scroller);
    layout->addWidget(card.source);

    const int index = int(m_cards.size());
    DiagramCanvas *canvas = card.canvas;
    connect(card.zoomOut, &QToolButton::clicked, canvas, &DiagramCanvas::zoomOut);
    connect(card.zoomIn, &QToolButton::clicked, canvas, &DiagramCanvas::zoomIn);
    connect(card.zoomFit, &QToolButton::clicked, canvas, [canvas] { canvas->setZoom(0); });
    connect(card.copy, &QToolButton::clicked, this, [this, index] { copy(index); });
    connect(card.showSource, &QToolButton::toggled, this, [this, index] { showDrawing(index); });
    saveMenu->addAction(tr("Save as &SVG…"), this, [this, index] { askAndSave(index, Format::Svg); });
    saveMenu->addAction(tr("Save as &PNG…"), this, [this, index] { askAndSave(index, Format::Png); });
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

bool DiagramsView::saveDiagram(int index, const QString &path, Format format, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (index < 0 || index >= m_cards.size() || m_cards.at(index).canvas->svg().isEmpty())
        return fail(tr("The diagram has not been drawn."));
    const DiagramCanvas *canvas = m_cards.at(index).canvas;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (format == Format::Svg) {
        file.write(canvas->svg());
    } else {
        // Twice the drawn size, on the theme's own background, sharp on high-density screens.
        const QColor background = darkPalette() ? palette().color(QPalette::Base) : QColor(Qt::white);
        QImageWriter writer(&file, "png");
        if (!writer.write(canvas->toImage(2.0, background)))
            return fail(writer.errorString());
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

void DiagramsView::askAndSave(int index, Format format)
{
    if (index < 0 || index >= m_diagrams.size())
        return;
    const QString suffix = format == Format::Svg ? QStringLiteral("svg") : QStringLiteral("png");
    const QString filter = format == Format::Svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
    const QString suggested = QDir::home().filePath(m_diagrams.at(index).id + QLatin1Char('.') + suffix);
    QString path = QFileDialog::getSaveFileName(this, tr("Save Diagram"), suggested, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    if (!saveDiagram(index, path, format, &error))
        QMessageBox::warning(this, tr("Save Diagram"),
                             tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
}

void DiagramsView::fitHeight(QPlainTextEdit *source)
{
    // QPlainTextDocumentLayout measures in lines, wrapped lines included.
    const qreal lines = source->document()->documentLayout()->documentSize().height();
    const int height = qCeil(lines * source->fontMetrics().lineSpacing() + 2 * source->document()->documentMargin())
        + 2 * source->frameWidth()
        + (source->horizontalScrollBar()->maximum() > 0 ? source->horizontalScrollBar()->sizeHint().height() : 0);
    source->setFixedHeight(qMax(height, source->fontMetrics().lineSpacing() * 2));
}

} // namespace opsflow
