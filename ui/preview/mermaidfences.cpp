#include "mermaidfences.h"

#include "diagramdrawer.h"

#include <QAbstractTextDocumentLayout>
#include <QCryptographicHash>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>

namespace opsflow::MermaidFences {

namespace {

bool isMermaid(const QTextBlock &block)
{
    return block.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage) == QLatin1String("mermaid");
}

struct Fence {
    int start = 0; // position of the first block
    int end = 0;   // position after the last block's text
    QString source;
};

// Qt gives every line of a code block a block of its own, and two fences in a row leave no
// block between them: the fences are found by the sources the markdown has, line by line,
// the longest that fits first.
QList<Fence> fencesOf(QTextDocument *document, const QStringList &sources)
{
    QList<QTextBlock> blocks;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (isMermaid(block))
            blocks.append(block);
    }
    QList<QStringList> linesOf;
    for (const QString &source : sources)
        linesOf.append(source.split(QLatin1Char('\n')));
    QList<Fence> fences;
    qsizetype i = 0;
    while (i < blocks.size()) {
        qsizetype best = -1;
        for (qsizetype s = 0; s < sources.size(); ++s) {
            const QStringList &lines = linesOf.at(s);
            if (i + lines.size() > blocks.size() || (best >= 0 && lines.size() <= linesOf.at(best).size()))
                continue;
            bool fits = true;
            for (qsizetype j = 0; j < lines.size() && fits; ++j) {
                const QTextBlock &block = blocks.at(i + j);
                fits = block.text() == lines.at(j)
                    && (j == 0 || blocks.at(i + j - 1).next() == block); // one run, nothing between
            }
            if (fits)
                best = s;
        }
        if (best < 0) {
            ++i;
            continue;
        }
        const QTextBlock &last = blocks.at(i + linesOf.at(best).size() - 1);
        fences.append({blocks.at(i).position(), last.position() + last.length() - 1, sources.at(best)});
        i += linesOf.at(best).size();
    }
    return fences;
}

} // namespace

QStringList sourcesIn(const QString &markdown)
{
    static const QRegularExpression fence(QStringLiteral("^```mermaid[ \\t]*\\n(.*?)^```"),
                                          QRegularExpression::DotMatchesEverythingOption
                                              | QRegularExpression::MultilineOption);
    QStringList sources;
    for (auto it = fence.globalMatch(markdown); it.hasNext();)
        sources.append(it.next().captured(1));
    return sources;
}

int drawInto(QTextDocument *document, const QStringList &sources, const DiagramDrawer &drawer, int maxWidth,
             QHash<QString, QImage> *images)
{
    const QList<Fence> fences = fencesOf(document, sources);
    int replaced = 0;
    QTextCursor cursor(document);
    for (auto fence = fences.crbegin(); fence != fences.crend(); ++fence) { // later positions move
        const auto drawn = drawer.drawing(fence->source);
        if (!drawn || !drawn->error.isEmpty())
            continue;
        QSvgRenderer svg(drawn->svg);
        if (!svg.isValid() || svg.defaultSize().isEmpty())
            continue;
        const QSizeF natural = svg.defaultSize();
        const qreal scale = qMin<qreal>(1, qreal(qMax(maxWidth, 64)) / natural.width());
        const QSizeF shown = natural * scale;
        // Named by drawing and width: a re-render at the same width (an edit elsewhere in the
        // document) reuses the image instead of painting the SVG again.
        const QString name =
            QStringLiteral("opsflow-diagram:%1-%2")
                .arg(QString::fromLatin1(QCryptographicHash::hash(drawn->svg, QCryptographicHash::Sha1).toHex()),
                     QString::number(qRound(shown.width())));
        if (!images->contains(name)) {
            QImage image((shown * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            svg.render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
            painter.end();
            images->insert(name, image);
        }

        cursor.setPosition(fence->start);
        cursor.setPosition(fence->end, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        QTextBlockFormat plain;
        cursor.setBlockFormat(plain);
        QTextImageFormat format;
        format.setName(name);
        format.setWidth(shown.width());
        format.setHeight(shown.height());
        cursor.insertImage(format);
        ++replaced;
    }
    return replaced;
}

int drawnIn(QTextDocument *document)
{
    int drawn = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat() && format.toImageFormat().name().startsWith(QLatin1String("opsflow-diagram:")))
                ++drawn;
        }
    }
    return drawn;
}

bool undrawnFenceIn(QTextDocument *document, const QRectF &area)
{
    // In document order, and no further down than the area: asking for a block's rectangle
    // lays the document out up to that block, and laying a long document out to its last
    // fence cost more than the rest of the first preview together.
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QRectF rect = layout->blockBoundingRect(block);
        if (rect.top() > area.bottom())
            return false;
        if (isMermaid(block) && rect.intersects(area))
            return true;
    }
    return false;
}

} // namespace opsflow::MermaidFences
