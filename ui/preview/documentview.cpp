// One generated document in the preview: rendered or highlighted source, and its sections.
#include "documentview.h"

#include "diagramdrawer.h"
#include "mermaidfences.h"

#include "highlighting.h"
#include "inertbrowser.h"
#include "questionnaire.h"
#include "tablebreaks.h"

#include <QAbstractTextDocumentLayout>
#include <QButtonGroup>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBlock>
#include <QTextTable>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtMath>

#include <tuple>

namespace opsflow {

namespace {

// Where a question's section is when no heading carries the question's title: the
// headings of templates/*.template that word it differently, and the groups of
// specs/configuration.md and .env.example (app/core/envcatalog.cpp). In order of preference.
const QHash<QString, QStringList> &headingAliases()
{
    static const QHash<QString, QStringList> aliases = {
        {QStringLiteral("7.3"), {QStringLiteral("Environments"), QStringLiteral("Configuration per Environment")}},
        {QStringLiteral("7.5"), {QStringLiteral("Monitoring"), QStringLiteral("Logging")}},
        {QStringLiteral("7.6"), {QStringLiteral("Alerts"), QStringLiteral("Deployment and Alerting Secrets")}},
        {QStringLiteral("7.7.2"), {QStringLiteral("Database")}},
        {QStringLiteral("7.9"), {QStringLiteral("Health & shutdown")}},
        {QStringLiteral("7.9.1"), {QStringLiteral("Health & shutdown")}},
        {QStringLiteral("7.9.2"), {QStringLiteral("Circuit breaker & retries")}},
        {QStringLiteral("7.9.3"), {QStringLiteral("Circuit breaker & retries")}},
        {QStringLiteral("7.9.4"), {QStringLiteral("Request Logging & Masking"), QStringLiteral("Logging")}},
        {QStringLiteral("7.10"), {QStringLiteral("Documentation Plan")}},
    };
    return aliases;
}

// Lower case words: "7.4 CI/CD Pipeline" and "ci cd pipeline" compare equal by words.
QString normalized(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u' ';
    bool space = true;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            out += c.toLower();
            space = false;
        } else if (!space) {
            out += u' ';
            space = true;
        }
    }
    if (!space)
        out += u' ';
    return out; // " words like this "
}

// 3: the heading is the title; 2: the heading holds the title as whole words; 0: neither.
int matchScore(const QString &heading, const QString &title)
{
    if (heading == title)
        return 3;
    return heading.contains(title) ? 2 : 0;
}

// GitHub's rule: lower case; drop what is not a letter, digit, space, '-' or '_'; spaces
// become '-'. "CI/CD Pipeline" → "cicd-pipeline", "Monitoring & Logging" → "monitoring--logging".
QString githubAnchor(const QString &heading)
{
    QString anchor;
    anchor.reserve(heading.size());
    for (const QChar c : heading.trimmed()) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_')
            anchor += c.toLower();
        else if (c == u' ')
            anchor += u'-';
    }
    return anchor;
}

QColor blend(const QColor &a, const QColor &b, qreal amount)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amount, a.greenF() + (b.greenF() - a.greenF()) * amount,
                            a.blueF() + (b.blueF() - a.blueF()) * amount);
}

// Replaces only what differs between `before` (the document's text) and `after`, so the
// highlighter, which highlights synchronously, redoes only the changed lines (and those
// whose state they change) instead of the whole document, and the layout only their blocks.
void replaceChangedText(QTextDocument *document, const QString &before, const QString &after)
{
    // Each character of the text is one position of the document ("\n" a block separator).
    if (before.isEmpty() || document->characterCount() - 1 != before.size()) {
        document->setPlainText(after);
        return;
    }
    const qsizetype shorter = qMin(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < shorter && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    if (prefix == before.size() && prefix == after.size())
        return;
    QTextCursor cursor(document);
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(before.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(after.mid(prefix, after.size() - suffix - prefix));
}

// Whether a line can be a heading, a fence or a .env section: all start with '#', '`' or
// '~' after at most three spaces.
bool mayMatterForHeadings(const QString &line)
{
    for (int i = 0; i < line.size() && i < 4; ++i) {
        const QChar c = line.at(i);
        if (c != u' ')
            return c == u'#' || c == u'`' || c == u'~';
    }
    return false;
}

QToolButton *makeModeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

DocumentView::DocumentView(const QString &path, Kind kind, const Questionnaire &questionnaire, QWidget *parent)
    : QWidget(parent), m_path(path), m_kind(kind), m_questionnaire(questionnaire), m_stack(new QStackedWidget(this)),
      m_source(new QPlainTextEdit(this))
{
    m_source->setObjectName(QStringLiteral("sourceView"));
    m_source->setReadOnly(true);
    m_source->setUndoRedoEnabled(false);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap); // tables and .env lines keep their shape
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_source->setFrameShape(QFrame::NoFrame);
    m_source->document()->setDocumentMargin(8);
    m_source->setAccessibleName(tr("%1, source").arg(path));
    m_source->setAccessibleDescription(tr("The text OpsFlow will write into %1, updated as you answer.").arg(path));
    m_highlighter = Highlighting::create(kind == Kind::Markdown ? QStringLiteral("markdown") : QStringLiteral("dotenv"),
                                         path, m_source->document(), palette());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    if (kind == Kind::Markdown) {
        m_rendered = new InertBrowser(this);
        m_rendered->setObjectName(QStringLiteral("renderedView"));
        m_rendered->setAccessibleName(tr("%1, rendered").arg(path));
        m_rendered->setAccessibleDescription(
            tr("%1 as it will read, updated as you answer; a link to a section opens its question.").arg(path));
        m_rendered->setFrameShape(QFrame::NoFrame);
        // A narrow pane must not break words ("Environme nt") in table cells: a table
        // wider than the pane scrolls instead.
        m_rendered->setWordWrapMode(QTextOption::WordWrap);
        m_stack->addWidget(m_rendered);

        auto *bar = new QHBoxLayout;
        bar->setContentsMargins(4, 2, 4, 2);
        bar->setSpacing(0);
        bar->addStretch();
        m_renderedButton = makeModeButton(tr("Rendered"), QStringLiteral("renderedButton"), this);
        m_renderedButton->setToolTip(tr("Show the document as it reads"));
        m_sourceButton = makeModeButton(tr("Source"), QStringLiteral("sourceButton"), this);
        m_sourceButton->setToolTip(tr("Show the markdown that will be written"));
        auto *group = new QButtonGroup(this);
        group->addButton(m_renderedButton);
        group->addButton(m_sourceButton);
        bar->addWidget(m_renderedButton);
        bar->addWidget(m_sourceButton);
        layout->addLayout(bar);
        m_renderedButton->setChecked(true);

        connect(m_renderedButton, &QAbstractButton::toggled, this, [this](bool on) {
            if (on)
                setMode(Mode::Rendered);
        });
        connect(m_sourceButton, &QAbstractButton::toggled, this, [this](bool on) {
            if (on)
                setMode(Mode::Source);
        });
        connect(m_rendered, &InertBrowser::relativeLinkClicked, this, [this](const QUrl &url) {
            if (url.path().isEmpty()) {
                scrollToAnchor(url.fragment());
                return;
            }
            // Relative to this document's folder: "../specs/x.md" from "docs/operations.md".
            const QString target = QDir::cleanPath(QFileInfo(m_path).path() + u'/' + url.path());
            Q_EMIT documentLinkActivated(target, url.fragment());
        });
        connect(m_rendered, &InertBrowser::headingClicked, this, [this](int block) {
            const QString questionId = m_renderedSections.questionByBlock.value(block);
            if (!questionId.isEmpty())
                Q_EMIT questionRequested(questionId);
        });
    } else {
        m_mode = Mode::Source;
    }
    m_stack->addWidget(m_source);
    m_stack->setCurrentWidget(m_kind == Kind::Markdown ? static_cast<QWidget *>(m_rendered) : m_source);
    layout->addWidget(m_stack);

    QList<QScrollBar *> bars{m_source->verticalScrollBar(), m_source->horizontalScrollBar()};
    if (m_rendered)
        bars << m_rendered->verticalScrollBar() << m_rendered->horizontalScrollBar();
    for (QScrollBar *bar : std::as_const(bars)) {
        connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
            const auto it = m_pendingScroll.constFind(bar);
            if (it != m_pendingScroll.cend() && *it <= maximum) {
                bar->setValue(*it);
                m_pendingScroll.erase(it);
            }
        });
        // Once the user scrolls, their position wins over the one being restored, and over
        // the marked section that re-renders otherwise keep in view.
        connect(bar, &QAbstractSlider::actionTriggered, this, [this, bar] {
            m_pendingScroll.remove(bar);
            if (bar == m_source->verticalScrollBar())
                m_scrollSourceToMark = false;
            else if (m_rendered && bar == m_rendered->verticalScrollBar())
                m_scrollRenderedToMark = false;
        });
    }
}

void DocumentView::setText(const QString &text)
{
    // Most edits change one document: the others keep their views untouched.
    if (text == m_text && !m_text.isNull())
        return;
    m_text = text;
    m_renderedStale = m_rendered != nullptr;
    m_sourceStale = true;
    renderVisible();
}

void DocumentView::setMode(Mode mode)
{
    if (m_kind == Kind::DotEnv)
        mode = Mode::Source;
    if (m_renderedButton) {
        const QSignalBlocker blockRendered(m_renderedButton);
        const QSignalBlocker blockSource(m_sourceButton);
        m_renderedButton->setChecked(mode == Mode::Rendered);
        m_sourceButton->setChecked(mode == Mode::Source);
    }
    if (mode == m_mode)
        return;
    m_mode = mode;
    m_stack->setCurrentWidget(mode == Mode::Rendered ? static_cast<QWidget *>(m_rendered) : m_source);
    renderVisible();
}

void DocumentView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    renderVisible();
}

void DocumentView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The rendered document's colours and spacing come from the palette and the font: the
    // next render must not splice new sections into a document styled the old way.
    if (m_rendered
        && (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
            || event->type() == QEvent::ApplicationPaletteChange))
        m_rendered->invalidateShownMarkdown();
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::ApplicationPaletteChange)
        return;
    // Children get the new palette after this event: read it from this widget.
    Highlighting::setPalette(m_highlighter, palette());
    if (m_rendered && !m_renderedStale) {
        // Its colours come from the palette; a new render is cheaper than restyling a
        // document on screen.
        m_renderedStale = true;
        renderVisible();
    }
    applyMark();
}

void DocumentView::setDrawer(DiagramDrawer *drawer)
{
    if (!m_rendered)
        return;
    m_drawer = drawer;
    m_rendered->setOwnImages([this](const QString &name) { return m_diagramImages.value(name); });
    connect(drawer, &DiagramDrawer::drawn, this, [this](const QString &source) {
        // Drawings arrive one by one: one re-render for those that come together.
        if (m_fenceSources.contains(source))
            redrawDiagramsAfter(0);
    });
    connect(m_rendered->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_drawer->active())
            requestDrawings();
    });
}

// Asks for the fences' drawings: always once the renderer is loaded, before that only when
// an undrawn fence is in view.
void DocumentView::requestDrawings()
{
    if (!m_drawer || m_fenceSources.isEmpty() || m_mode != Mode::Rendered || !isVisible())
        return;
    if (!m_drawer->active() && !m_drawer->whyNot().isEmpty())
        return; // no renderer: the fences stay code
    if (!m_drawer->active()) {
        const QRectF shown(QPointF(0, m_rendered->verticalScrollBar()->value()),
                           QSizeF(m_rendered->viewport()->size()));
        if (!MermaidFences::undrawnFenceIn(m_rendered->document(), shown))
            return;
    }
    m_drawer->setDark(palette().color(QPalette::Window).lightness() < 128);
    m_drawer->want(this, m_fenceSources);
}

int DocumentView::drawnDiagrams() const
{
    return m_rendered ? MermaidFences::drawnIn(m_rendered->document()) : 0;
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Drawn diagrams are sized to the view: draw them again at the new width once the
    // resizing settles.
    if (m_drawer && drawnDiagrams() > 0)
        redrawDiagramsAfter(150);
}

// A whole new render of the rendered view `delayMs` from now, once for all the reasons that
// come in the meantime.
void DocumentView::redrawDiagramsAfter(int delayMs)
{
    if (m_redrawPending)
        return;
    m_redrawPending = true;
    QTimer::singleShot(delayMs, this, [this] {
        m_redrawPending = false;
        m_rendered->invalidateShownMarkdown();
        m_renderedStale = true;
        renderVisible();
    });
}

void DocumentView::renderVisible()
{
    if (!isVisible())
        return;
    if (m_mode == Mode::Rendered && m_renderedStale)
        renderRendered();
    else if (m_mode == Mode::Source && m_sourceStale)
        renderSource();
}

void DocumentView::renderRendered()
{
    QScrollBar *vertical = m_rendered->verticalScrollBar();
    QScrollBar *horizontal = m_rendered->horizontalScrollBar();
    const int top = m_pendingScroll.value(vertical, vertical->value());
    const int left = m_pendingScroll.value(horizontal, horizontal->value());

    m_fenceSources.clear();
    for (const QString &source : MermaidFences::sourcesIn(m_text))
        m_fenceSources.append(DiagramDrawer::normalized(source));
    if (m_diagramImages.size() > 32) { // drawings of diagrams long gone
        m_diagramImages.clear();
        m_rendered->invalidateShownMarkdown();
    }
    std::shared_ptr<InertBrowser::Prebuilt> prebuilt = std::move(m_prebuilt);
    if (prebuilt && (m_prebuiltStyle != renderedStyle() || hasDrawings()))
        prebuilt.reset(); // styled otherwise now, or a drawing would replace a fence
    m_rendered->showMarkdown(
        m_text, [this](QTextDocument *document) { styleRendered(document); }, prebuilt);
    m_renderedStale = false;
    m_renderedSections = sectionsOf(renderedHeadings());
    updateHeadingLinks();

    keepScrollPosition(vertical, top);
    keepScrollPosition(horizontal, left);
    applyMark();
    requestDrawings();
}

void DocumentView::renderSource()
{
    // The fixed font is set on first use: laying out three empty editors in it cost every
    // start-up a tenth of a bare wizard's.
    if (!m_sourceFontSet) {
        m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_sourceFontSet = true;
    }
    QScrollBar *vertical = m_source->verticalScrollBar();
    QScrollBar *horizontal = m_source->horizontalScrollBar();
    const int top = m_pendingScroll.value(vertical, vertical->value());
    const int left = m_pendingScroll.value(horizontal, horizontal->value());

    replaceChangedText(m_source->document(), m_sourceText, m_text);
    m_sourceText = m_text;
    m_sourceStale = false;
    m_sourceSections = sectionsOf(sourceHeadings());

    keepScrollPosition(vertical, top);
    keepScrollPosition(horizontal, left);
    applyMark();
}

void DocumentView::keepScrollPosition(QScrollBar *bar, int value)
{
    m_pendingScroll.remove(bar);
    if (value > bar->maximum())
        m_pendingScroll.insert(bar, value); // restored from rangeChanged as layout proceeds
    bar->setValue(value);
}

// Qt's markdown import looks bare: no room around the text, headings glued to the text
// above them, double-ruled tables, code blocks that read as paragraphs. The colours come
// from the palette, so a palette change renders again.
DocumentView::RenderedStyle DocumentView::renderedStyle() const
{
    return {m_rendered ? m_rendered->font() : font(), palette().color(QPalette::Base), palette().color(QPalette::Text),
            qreal(fontMetrics().height())};
}

bool DocumentView::hasDrawings() const
{
    if (!m_drawer)
        return false;
    for (const QString &source : MermaidFences::sourcesIn(m_text)) {
        const auto drawn = m_drawer->drawing(DiagramDrawer::normalized(source));
        if (drawn && drawn->error.isEmpty())
            return true;
    }
    return false;
}

bool DocumentView::rendersWhole(const QString &text) const
{
    return m_rendered && m_mode == Mode::Rendered && isVisible() && !m_rendered->showsChunks()
        && (text != m_text || m_text.isNull() || m_renderedStale);
}

std::function<std::shared_ptr<InertBrowser::Prebuilt>()> DocumentView::prebuildTask(const QString &text)
{
    m_prebuiltStyle = renderedStyle(); // what the document will be styled by
    return [text, style = m_prebuiltStyle, splicing = m_rendered->splicing(), target = thread()] {
        return InertBrowser::prebuild(
            text, style.font, splicing, [&style](QTextDocument *document) { styleText(document, style); }, target);
    };
}

void DocumentView::setPrebuilt(std::shared_ptr<InertBrowser::Prebuilt> prebuilt)
{
    m_prebuilt = std::move(prebuilt);
}

void DocumentView::styleRendered(QTextDocument *document) const
{
    const RenderedStyle rendered = renderedStyle();
    document->setDocumentMargin(rendered.lineHeight * 0.75);
    // Drawn diagrams replace their fences first: what stays code is boxed below.
    if (m_drawer) {
        // As wide as the text, and still when the vertical scroll bar comes (a long document).
        const QScrollBar *bar = m_rendered->verticalScrollBar();
        const int barWidth = bar->isVisible() ? 0 : style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, bar);
        const int width = m_rendered->viewport()->width() - barWidth - qCeil(2 * document->documentMargin()) - 4;
        MermaidFences::drawInto(document, m_fenceSources, *m_drawer, width, &m_diagramImages);
    }
    styleText(document, rendered);
}

void DocumentView::styleText(QTextDocument *document, const RenderedStyle &style)
{
    const QColor tint = blend(style.base, style.text, 0.06);
    const QColor rule = blend(style.base, style.text, 0.3);
    const qreal lineHeight = style.lineHeight;
    document->setDocumentMargin(lineHeight * 0.75);
    QTextCursor cursor(document);
    struct Run {
        int start;
        int end;
    };
    QList<Run> codeRuns;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(QTextFormat::BlockCodeFence) || format.hasProperty(QTextFormat::BlockCodeLanguage)) {
            const int end = block.position() + block.length() - 1;
            if (!codeRuns.isEmpty() && codeRuns.constLast().end + 1 == block.position())
                codeRuns.last().end = end;
            else
                codeRuns.append({block.position(), end});
            // One long command line would otherwise scroll the whole document sideways (Qt
            // cannot scroll a single block); the Source view keeps the lines whole.
            QTextBlockFormat wrap;
            wrap.setNonBreakableLines(false);
            cursor.setPosition(block.position());
            cursor.mergeBlockFormat(wrap);
        } else if (const int level = format.headingLevel(); level > 0) {
            QTextBlockFormat spaced;
            spaced.setTopMargin(lineHeight * (level <= 2 ? 1.2 : 0.7));
            spaced.setBottomMargin(lineHeight * 0.3);
            cursor.setPosition(block.position());
            cursor.mergeBlockFormat(spaced);
        }
    }
    // A code block becomes a tinted box: a frame around its lines. (A background on each
    // line's block would paint over the descenders of the line above.)
    QTextFrameFormat box;
    box.setBackground(tint);
    box.setPadding(lineHeight * 0.4);
    box.setBorder(0);
    for (auto run = codeRuns.crbegin(); run != codeRuns.crend(); ++run) { // later positions move
        cursor.setPosition(run->start);
        cursor.setPosition(run->end, QTextCursor::KeepAnchor);
        cursor.insertFrame(box);
    }

    const auto frames = document->rootFrame()->childFrames();
    for (QTextFrame *frame : frames) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        QTextTableFormat format = table->format();
        format.setBorderCollapse(true);
        format.setBorder(1);
        format.setBorderBrush(rule);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setCellSpacing(0);
        format.setCellPadding(lineHeight * 0.2);
        table->setFormat(format);
        TableBreaks::allowBreaksInLongWords(table);
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell header = table->cellAt(0, column);
            QTextCharFormat cellFormat = header.format();
            cellFormat.setBackground(tint);
            header.setFormat(cellFormat);
        }
    }
}

QList<DocumentView::Heading> DocumentView::renderedHeadings() const
{
    QList<Heading> headings;
    const QTextDocument *document = m_rendered->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level > 0)
            headings.append({block.blockNumber(), level, block.text()});
    }
    return headings;
}

// Source lines are blocks of the plain text view. Markdown headings outside code fences; in
// a .env file the section comments ("# --- Database ---", "## Database").
QList<DocumentView::Heading> DocumentView::sourceHeadings() const
{
    static const QRegularExpression markdownHeading(QStringLiteral("^ {0,3}(#{1,6})\\s+(.*?)[\\s#]*$"));
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(```|~~~)"));
    static const QRegularExpression envSection(
        QStringLiteral("^#+\\s*(?:[-=#*]{3,}\\s*)(\\S.*?)\\s*(?:[-=#*]{3,})?\\s*$|^##+\\s+(\\S.*?)\\s*$"));

    QList<Heading> headings;
    const QStringList lines = m_text.split(u'\n');
    bool inFence = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (!mayMatterForHeadings(line))
            continue; // most lines: the expressions below cost more than the whole rest
        if (m_kind == Kind::DotEnv) {
            const auto m = envSection.match(line);
            if (m.hasMatch())
                headings.append({i, 2, m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)});
            continue;
        }
        if (fence.match(line).hasMatch()) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        if (const auto m = markdownHeading.match(line); m.hasMatch())
            headings.append({i, int(m.capturedLength(1)), m.captured(2)});
    }
    return headings;
}

DocumentView::Sections DocumentView::sectionsOf(const QList<Heading> &headings) const
{
    QList<QString> headingWords;
    headingWords.reserve(headings.size());
    for (const Heading &heading : headings)
        headingWords.append(normalized(heading.text));

    // Each question's section: the best matching heading. A heading that is the name beats
    // one that contains it; the title beats an alias, an earlier alias a later one; then the
    // higher level, then the first.
    Sections sections;
    QHash<int, int> titleLengthByBlock;
    for (const Question &question : m_questionnaire.questions()) {
        QStringList names{normalized(question.title)};
        for (const QString &alias : headingAliases().value(question.id))
            names.append(normalized(alias));
        int best = -1;
        std::tuple<int, int, int> bestRank{0, 0, 0}; // score, -name index, -level
        for (int i = 0; i < headings.size(); ++i) {
            for (int n = 0; n < names.size(); ++n) {
                const int score = matchScore(headingWords.at(i), names.at(n));
                const std::tuple<int, int, int> rank{score, -n, -headings.at(i).level};
                if (score > 0 && rank > bestRank) {
                    best = i;
                    bestRank = rank;
                }
            }
        }
        if (best < 0)
            continue;
        const int block = headings.at(best).block;
        sections.blockByQuestion.insert(question.id, block);
        // Two questions on one heading ("Health & shutdown"): the longer title owns it.
        const int titleLength = int(question.title.size());
        if (titleLength > titleLengthByBlock.value(block)) {
            titleLengthByBlock.insert(block, titleLength);
            sections.questionByBlock.insert(block, question.id);
        }
    }

    // Sub-headings belong to the section around them.
    QList<QPair<int, QString>> enclosing; // level, owner
    for (const Heading &heading : headings) {
        while (!enclosing.isEmpty() && enclosing.constLast().first >= heading.level)
            enclosing.removeLast();
        QString owner = sections.questionByBlock.value(heading.block);
        if (owner.isEmpty() && !enclosing.isEmpty())
            owner = enclosing.constLast().second;
        if (!owner.isEmpty())
            sections.questionByBlock.insert(heading.block, owner);
        enclosing.append({heading.level, owner});
    }
    return sections;
}

void DocumentView::updateHeadingLinks()
{
    QHash<int, QString> toolTips;
    for (auto it = m_renderedSections.questionByBlock.cbegin(); it != m_renderedSections.questionByBlock.cend(); ++it) {
        const Question *question = m_questionnaire.question(it.value());
        if (question)
            toolTips.insert(it.key(), tr("Go to question %1, %2").arg(question->id, question->title));
    }
    m_rendered->setHeadingToolTips(toolTips);
}

bool DocumentView::scrollToAnchor(const QString &anchor)
{
    if (anchor.isEmpty())
        return false;
    renderVisible();
    m_scrollRenderedToMark = m_scrollSourceToMark = false; // the link's target wins
    if (m_mode == Mode::Rendered && !m_renderedStale) {
        for (QTextBlock block = m_rendered->document()->begin(); block.isValid(); block = block.next()) {
            if (block.blockFormat().headingLevel() > 0 && githubAnchor(block.text()) == anchor) {
                const QRectF rect = m_rendered->document()->documentLayout()->blockBoundingRect(block);
                keepScrollPosition(m_rendered->verticalScrollBar(), int(rect.top()));
                return true;
            }
        }
    } else if (m_mode == Mode::Source && !m_sourceStale) {
        for (const Heading &heading : sourceHeadings()) {
            if (githubAnchor(heading.text) == anchor) {
                keepScrollPosition(m_source->verticalScrollBar(), heading.block);
                return true;
            }
        }
    }
    return false;
}

bool DocumentView::hasSection(const QString &questionId) const
{
    const Sections &sections = m_mode == Mode::Rendered ? m_renderedSections : m_sourceSections;
    const bool stale = m_mode == Mode::Rendered ? m_renderedStale : m_sourceStale;
    if (stale) // not rendered yet: the source text answers without rendering it
        return sectionsOf(sourceHeadings()).blockByQuestion.contains(questionId);
    return sections.blockByQuestion.contains(questionId);
}

void DocumentView::showQuestion(const QString &questionId, bool scroll)
{
    m_question = questionId;
    // The section stays in view through re-renders (an edit above it would move it) until
    // the user scrolls; a view not rendered yet scrolls when it is.
    m_scrollRenderedToMark = scroll && m_rendered;
    m_scrollSourceToMark = scroll;
    applyMark();
}

void DocumentView::applyMark()
{
    QColor mark = palette().color(QPalette::Highlight);
    mark.setAlpha(60);

    const auto markIn = [&](QTextDocument *document, const Sections &sections, auto *view) {
        QList<QTextEdit::ExtraSelection> selections;
        const int block = sections.blockByQuestion.value(m_question, -1);
        const QTextBlock heading = block >= 0 ? document->findBlockByNumber(block) : QTextBlock();
        if (heading.isValid()) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(heading);
            selection.format.setBackground(mark);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(selection);
        }
        view->setExtraSelections(selections);
        return heading;
    };

    if (m_rendered && !m_renderedStale) {
        const QTextBlock heading = markIn(m_rendered->document(), m_renderedSections, m_rendered);
        if (m_scrollRenderedToMark && heading.isValid()) {
            const QRectF rect = m_rendered->document()->documentLayout()->blockBoundingRect(heading);
            const int margin = fontMetrics().height() / 2;
            keepScrollPosition(m_rendered->verticalScrollBar(), qMax(0, int(rect.top()) - margin));
        }
    }
    if (!m_sourceStale) {
        const QTextBlock heading = markIn(m_source->document(), m_sourceSections, m_source);
        if (m_scrollSourceToMark && heading.isValid())
            keepScrollPosition(m_source->verticalScrollBar(), qMax(0, heading.blockNumber() - 1));
    }
}

} // namespace opsflow
