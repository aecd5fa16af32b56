// The rendered view of a generated document: a QTextBrowser that never fetches anything.
#include "inertbrowser.h"

#include "markdownchunks.h"
#include "tablebreaks.h"
#include "uilogging.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QImage>
#include <QMimeData>
#include <QMouseEvent>
#include <QPointer>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QThread>
#include <QToolTip>

namespace opsflow {

InertBrowser::InertBrowser(QWidget *parent) : QTextBrowser(parent)
{
    // QTextBrowser would otherwise follow links itself (setSource) and load whatever they
    // point to into the view.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setSearchPaths({});
    // Qt's table layout can round a table that fills the width to a pixel or two past it,
    // and a scroll bar would then stand under every document for nothing. Only text that
    // is really wider than the view (a six-column table on a small screen) scrolls.
    connect(horizontalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int maximum) {
        setHorizontalScrollBarPolicy(maximum <= roundingSlack ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    });
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == u"http" || scheme == u"https") {
            QDesktopServices::openUrl(url);
        } else if (url.isRelative() && !url.path().startsWith(u'/')) {
            Q_EMIT relativeLinkClicked(url);
        } else {
            qCDebug(lcUi) << "Ignored a click on" << url;
        }
    });
}

QVariant InertBrowser::loadResource(int type, const QUrl &name)
{
    return refuseResource(type, name);
}

QVariant InertBrowser::refuseResource(int type, const QUrl &name)
{
    if (m_ownImages && name.scheme() == QLatin1String("opsflow-diagram")) {
        const QImage image = m_ownImages(name.toString());
        if (!image.isNull())
            return image;
    }
    ++m_resourceRequests;
    qCDebug(lcUi) << "Refused to load resource" << type << name;
    // The answer must be a valid, non-null value: for a null one QTextDocument and its
    // image handler fall back to reading the file themselves.
    if (type == QTextDocument::ImageResource) {
        static const QImage placeholder = [] {
            QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            return image;
        }();
        return placeholder;
    }
    return QString();
}

void InertBrowser::showMarkdown(const QString &markdown, const Prepare &prepare)
{
    showMarkdown(markdown, prepare, nullptr);
}

void InertBrowser::showMarkdown(const QString &markdown, const Prepare &prepare,
                                const std::shared_ptr<Prebuilt> &prebuilt)
{
    const QStringList chunks = m_splicing ? MarkdownChunks::split(markdown) : QStringList();
    if (!chunks.isEmpty() && spliceChanged(chunks, prepare))
        return;
    showWhole(markdown, chunks, prepare, prebuilt);
}

void InertBrowser::invalidateShownMarkdown()
{
    m_shownChunks.clear();
    m_chunkLengths.clear();
}

std::unique_ptr<QTextDocument> InertBrowser::emptyDocument(const QFont &font)
{
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false); // every render replaces it: an undo stack would only grow
    document->setDefaultFont(font);
    return document;
}

void InertBrowser::fill(QTextDocument *document, const QString &markdown, const Prepare &prepare)
{
    if (!markdown.isEmpty())
        document->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    replaceImagesByText(document);
    if (prepare)
        prepare(document);
}

std::unique_ptr<QTextDocument> InertBrowser::parseDetached(const QString &markdown, const QFont &font,
                                                           const Prepare &prepare)
{
    auto document = emptyDocument(font);
    fill(document.get(), markdown, prepare);
    return document;
}

std::unique_ptr<QTextDocument> InertBrowser::parse(const QString &markdown, const Prepare &prepare)
{
    // The view's own document refuses resources before it is filled.
    auto document = emptyDocument(font());
    refuseResourcesOf(document.get());
    fill(document.get(), markdown, prepare);
    return document;
}

void InertBrowser::refuseResourcesOf(QTextDocument *document)
{
    // A document that is not the text control's own asks its provider, not loadResource().
    // (Resource providers are not told the type: a placeholder image answers everything.)
    document->setResourceProvider(
        [this](const QUrl &name) { return refuseResource(QTextDocument::ImageResource, name); });
}

std::unique_ptr<QTextDocument> InertBrowser::assemble(const QString &markdown, QStringList &chunks, QList<int> &lengths,
                                                      const Parse &parse)
{
    std::unique_ptr<QTextDocument> document = parse(QString());
    lengths.clear();
    if (!chunks.isEmpty()) {
        QTextCursor cursor(document.get());
        lengths = insertChunks(cursor, chunks, 0, int(chunks.size()), parse);
        if (lengths.size() != chunks.size())
            chunks.clear();
    }
    if (chunks.isEmpty()) { // not cut, or a chunk did not parse as it does in the whole
        lengths.clear();
        document = parse(markdown);
    }
    return document;
}

std::shared_ptr<InertBrowser::Prebuilt> InertBrowser::prebuild(const QString &markdown, const QFont &font,
                                                               bool splicing, const Prepare &prepare, QThread *target)
{
    auto prebuilt = std::make_shared<Prebuilt>();
    prebuilt->markdown = markdown;
    prebuilt->font = font;
    prebuilt->splicing = splicing;
    prebuilt->chunks = splicing ? MarkdownChunks::split(markdown) : QStringList();
    prebuilt->document =
        assemble(markdown, prebuilt->chunks, prebuilt->chunkLengths,
                 [&font, &prepare](const QString &text) { return parseDetached(text, font, prepare); });
    prebuilt->document->moveToThread(target);
    return prebuilt;
}

// A new document, built detached: assembled from the chunks' documents so that the next
// edit knows where each chunk is, or (without chunks) parsed whole. A prebuilt one of the
// same text and font is taken instead.
void InertBrowser::showWhole(const QString &markdown, const QStringList &chunks, const Prepare &prepare,
                             const std::shared_ptr<Prebuilt> &prebuilt)
{
    invalidateShownMarkdown();
    std::unique_ptr<QTextDocument> document;
    if (prebuilt && prebuilt->document && prebuilt->markdown == markdown && prebuilt->font == font()
        && prebuilt->splicing == m_splicing && prebuilt->document->thread() == thread()) {
        document = std::move(prebuilt->document);
        m_shownChunks = prebuilt->chunks;
        m_chunkLengths = prebuilt->chunkLengths;
        refuseResourcesOf(document.get());
    } else {
        QStringList parts = chunks;
        document = assemble(markdown, parts, m_chunkLengths,
                            [this, &prepare](const QString &text) { return parse(text, prepare); });
        m_shownChunks = parts;
    }
    setShownDocument(document.release());
}

void InertBrowser::setShownDocument(QTextDocument *document)
{
    document->setParent(this);
    m_shownDocument = document;
    // Laid out once, at the view's width: QTextEdit::setDocument() gives the document a layout
    // (laid out at once unless the page size is null), then changes the wrap mode to the
    // view's (laid out again) and sets the view's width (and again). Each pass over a whole
    // generated document costs more than parsing it.
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(lineWrapMode() == NoWrap ? QTextOption::NoWrap : wordWrapMode());
    document->setDefaultTextOption(option);
    document->setPageSize(QSizeF(0, 0));
    // The text control deletes its own first document; the later ones are ours.
    const QPointer<QTextDocument> previous = this->document();
    // The generated documents are longer than the view: laid out beside the vertical scroll
    // bar from the start, rather than at the full width and again twice when the bar comes.
    // (A short one hides the bar again, and is laid out once more.)
    const Qt::ScrollBarPolicy policy = verticalScrollBarPolicy();
    if (policy == Qt::ScrollBarAsNeeded)
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setDocument(document); // lays out in steps, from a timer
    setVerticalScrollBarPolicy(policy);
    if (previous && previous != document && previous->parent() == this)
        delete previous;
}

// Parses chunks [from, to) and inserts them at the cursor, a block start. Each chunk is
// parsed with the lead (heading line) of the chunk after it, which shows where the chunk ends in
// the whole document (a table or code box closes before it, not at the end of a document).
// Returns how many characters each chunk became; fewer than asked when one did not end at a
// heading as the whole would (the cursor's document is then incomplete).
QList<int> InertBrowser::insertChunks(QTextCursor &cursor, const QStringList &chunks, int from, int to,
                                      const Parse &parse)
{
    // A paragraph before a chunk that follows another gives its first block what the whole
    // document gives it: the character format of the separator before it (a heading's).
    static const QString Before = QStringLiteral("x\n\n");
    QList<int> lengths;
    lengths.reserve(to - from);
    for (int k = from; k < to; ++k) {
        const bool last = k + 1 == chunks.size();
        const QString markdown =
            (k > 0 ? Before : QString()) + chunks.at(k) + (last ? QString() : MarkdownChunks::lead(chunks.at(k + 1)));
        const std::unique_ptr<QTextDocument> piece = parse(markdown);
        const QTextBlock begin = k > 0 ? piece->begin().next() : piece->begin();
        int end = piece->characterCount() - 1;
        if (!last) {
            const QTextBlock next = piece->lastBlock();
            if (next.blockFormat().headingLevel() == 0 || next.text().isEmpty())
                return lengths;
            end = next.position(); // the separator before it is the chunk's: its block format is the heading's
        }
        if (!begin.isValid() || (k > 0 && piece->begin().text() != u"x"))
            return lengths;
        QTextCursor selection(piece.get());
        selection.setPosition(begin.position());
        selection.setPosition(end, QTextCursor::KeepAnchor);
        const int start = cursor.position();
        cursor.insertFragment(QTextDocumentFragment(selection));
        // The chunk's first line went into the block at the cursor, which keeps its own formats.
        QTextCursor first(cursor.document());
        first.setPosition(start);
        first.setBlockFormat(begin.blockFormat());
        first.setBlockCharFormat(begin.charFormat());
        lengths.append(end - begin.position());
    }
    return lengths;
}

// Replaces the chunks that differ from the shown ones in the shown document, in one edit;
// false when a new document is the better (or only) way.
bool InertBrowser::spliceChanged(const QStringList &chunks, const Prepare &prepare)
{
    QTextDocument *document = this->document();
    if (m_shownChunks.isEmpty() || document != m_shownDocument)
        return false;
    const MarkdownChunks::Change change = MarkdownChunks::compare(m_shownChunks, chunks);
    int first = change.first;
    const int oldEnd = int(m_shownChunks.size()) - change.commonTail;
    const int newEnd = int(chunks.size()) - change.commonTail;
    if (first == oldEnd && first == newEnd)
        return true;
    if (first == newEnd && change.commonTail == 0) {
        // Only the last chunks went: the chunk before them must end the document now.
        if (first == 0)
            return false;
        --first;
    }

    qsizetype changed = 0;
    qsizetype unchanged = 0;
    for (int k = 0; k < chunks.size(); ++k)
        (k >= first && k < newEnd ? changed : unchanged) += chunks.at(k).size();
    if (changed > unchanged) // more than half: a detached document is laid out cheaper
        return false;
    int start = 0;
    int shownLength = 0;
    for (int k = 0; k < m_chunkLengths.size(); ++k) {
        start += k < first ? m_chunkLengths.at(k) : 0;
        shownLength += m_chunkLengths.at(k);
    }
    if (shownLength != document->characterCount() - 1) // changed behind our back
        return false;
    int end = start;
    for (int k = first; k < oldEnd; ++k)
        end += m_chunkLengths.at(k);

    QTextCursor cursor(document);
    cursor.beginEditBlock(); // one change for the layout to redo
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    const QTextBlock following = document->findBlock(end);
    const QTextBlockFormat followingFormat = following.blockFormat();
    const QTextCharFormat followingCharFormat = following.charFormat();
    cursor.removeSelectedText();
    const QList<int> lengths = insertChunks(cursor, chunks, first, newEnd,
                                            [this, &prepare](const QString &text) { return parse(text, prepare); });
    if (first == newEnd) { // only removed: the next chunk's heading went into the block before
        cursor.setBlockFormat(followingFormat);
        cursor.setBlockCharFormat(followingCharFormat);
    }
    cursor.endEditBlock();
    if (lengths.size() != newEnd - first)
        return false;

    m_chunkLengths.remove(first, oldEnd - first);
    for (int k = 0; k < lengths.size(); ++k)
        m_chunkLengths.insert(first + k, lengths.at(k));
    m_shownChunks = chunks;
    return true;
}

void InertBrowser::replaceImagesByText(QTextDocument *document)
{
    struct Image {
        int position;
        int length;
        QString text;
    };
    QList<Image> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat())
                continue;
            const QString alt = format.stringProperty(QTextFormat::ImageAltText);
            const QString source = format.toImageFormat().name();
            images.append(
                {fragment.position(), fragment.length(), tr("[image: %1]").arg(alt.isEmpty() ? source : alt)});
        }
    }
    // From the end, so the positions still to come stay valid.
    QTextCursor cursor(document);
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setFontItalic(true);
        cursor.insertText(it->text, format);
    }
}

void InertBrowser::setHeadingToolTips(const QHash<int, QString> &toolTipByBlockNumber)
{
    m_headingToolTips = toolTipByBlockNumber;
}

int InertBrowser::clickableHeadingAt(const QPoint &viewportPos) const
{
    if (m_headingToolTips.isEmpty())
        return -1;
    const QTextBlock block = cursorForPosition(viewportPos).block();
    if (!block.isValid() || !m_headingToolTips.contains(block.blockNumber()))
        return -1;
    // cursorForPosition() answers the nearest block even far from any text.
    const QPoint documentPos = viewportPos + QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    const QRectF rect = document()->documentLayout()->blockBoundingRect(block);
    return rect.contains(documentPos) ? block.blockNumber() : -1;
}

void InertBrowser::mouseMoveEvent(QMouseEvent *event)
{
    QTextBrowser::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton || !anchorAt(event->position().toPoint()).isEmpty())
        return;
    // QTextBrowser only sets the cursor when the hovered link changes, so a heading's hand
    // is put back by hand.
    if (clickableHeadingAt(event->position().toPoint()) >= 0)
        viewport()->setCursor(Qt::PointingHandCursor);
    else if (viewport()->cursor().shape() == Qt::PointingHandCursor)
        viewport()->unsetCursor();
}

void InertBrowser::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    m_pressedHeading = event->button() == Qt::LeftButton ? clickableHeadingAt(m_pressPos) : -1;
    QTextBrowser::mousePressEvent(event);
}

void InertBrowser::mouseReleaseEvent(QMouseEvent *event)
{
    QTextBrowser::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    const int heading = m_pressedHeading;
    m_pressedHeading = -1;
    // A click, not the end of a text selection.
    if (heading < 0 || event->button() != Qt::LeftButton || textCursor().hasSelection()
        || (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()
        || clickableHeadingAt(pos) != heading)
        return;
    Q_EMIT headingClicked(heading);
}

bool InertBrowser::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int heading = clickableHeadingAt(help->pos());
        if (heading >= 0) {
            QToolTip::showText(help->globalPos(), m_headingToolTips.value(heading), viewport());
            return true;
        }
    }
    return QTextBrowser::viewportEvent(event);
}

QMimeData *InertBrowser::createMimeDataFromSelection() const
{
    QMimeData *data = QTextBrowser::createMimeDataFromSelection();
    for (const QString &format : data->formats()) {
        if (format.startsWith(QLatin1String("text/")))
            data->setData(format, QString::fromUtf8(data->data(format)).remove(TableBreaks::mark).toUtf8());
    }
    return data;
}

} // namespace opsflow
