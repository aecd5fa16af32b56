// The rendered view of a generated document: a QTextBrowser that never fetches anything.
#include "inertbrowser.h"

#include "uilogging.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QImage>
#include <QMouseEvent>
#include <QPointer>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

namespace opsflow {

InertBrowser::InertBrowser(QWidget *parent) : QTextBrowser(parent)
{
    // QTextBrowser would otherwise follow links itself (setSource) and load whatever they
    // point to into the view.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setSearchPaths({});
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

void InertBrowser::showMarkdown(const QString &markdown, const std::function<void(QTextDocument *)> &prepare)
{
    auto *document = new QTextDocument(this);
    document->setUndoRedoEnabled(false); // every render replaces it: an undo stack would only grow
    document->setDefaultFont(font());
    // A document that is not the text control's own asks its provider, not loadResource().
    // (Resource providers are not told the type: a placeholder image answers everything.)
    document->setResourceProvider(
        [this](const QUrl &name) { return refuseResource(QTextDocument::ImageResource, name); });
    document->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    replaceImagesByText(document);
    if (prepare)
        prepare(document);

    // The text control deletes its own first document; the later ones are ours.
    const QPointer<QTextDocument> previous = this->document();
    setDocument(document); // lays out in steps, from a timer
    if (previous && previous->parent() == this)
        delete previous;
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

} // namespace opsflow
