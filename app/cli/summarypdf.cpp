// PDF export of the summary, laid out here line by line. QTextDocument::print() would split a
// table row anywhere with no label on the next page, and numbers only the pages of documents
// it paginates itself; the summary needs rows kept whole and "Page N of M" on every page.
#include "summarypdf.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

#include <algorithm>
#include <memory>
#include <vector>

namespace opsflow {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("opsflow::SummaryPdf", text);
}

// Sizes in points, close to the HTML export's style (its 6 px cell padding is 4.5 pt).
constexpr qreal BodyPoints = 9.5;
constexpr qreal HeadingPoints = 16;
constexpr qreal FooterPoints = 8;
constexpr qreal PaddingPoints = 4.5;
constexpr qreal GapPoints = 6;          // under the heading and each note
constexpr qreal FooterSpacePoints = 20; // kept free at each page's foot for its number
// The table's columns as shares of the page's width: label, value, question id.
constexpr qreal LabelShare = 0.24;
constexpr qreal IdShare = 0.08;

const QColor InkColour(0x1a, 0x1a, 0x1a);
const QColor NoteColour(0x55, 0x55, 0x55);
const QColor IdColour(0x66, 0x66, 0x66);
const QColor TbdColour(0x88, 0x88, 0x88);
const QColor RuleColour(0xcc, 0xcc, 0xcc);

// A text laid out in lines at a width with the PDF's own font metrics, drawn whole or a range
// of its lines (a row taller than a page goes on on the next one).
class Paragraph
{
public:
    Paragraph(const QString &text, const QFont &font, qreal width, QPaintDevice *device,
              QTextOption::WrapMode wrap = QTextOption::WrapAtWordBoundaryOrAnywhere)
        : m_layout(std::make_unique<QTextLayout>(text, font, device))
    {
        QTextOption option;
        option.setWrapMode(wrap);
        m_layout->setTextOption(option);
        m_layout->beginLayout();
        qreal y = 0;
        for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        m_layout->endLayout();
    }

    int lineCount() const { return m_layout->lineCount(); }

    // The height of lines [first, last).
    qreal height(int first, int last) const
    {
        if (first >= last)
            return 0;
        return m_layout->lineAt(last - 1).rect().bottom() - m_layout->lineAt(first).y();
    }
    qreal height() const { return height(0, lineCount()); }

    // Lines [first, last), the first one's top at `topLeft`, in the painter's pen.
    void draw(QPainter *painter, QPointF topLeft, int first, int last) const
    {
        const QPointF shift = topLeft - QPointF(0, m_layout->lineAt(first).y());
        for (int i = first; i < last; ++i)
            m_layout->lineAt(i).draw(painter, shift);
    }
    void draw(QPainter *painter, QPointF topLeft) const { draw(painter, topLeft, 0, lineCount()); }

private:
    std::unique_ptr<QTextLayout> m_layout;
};

// Where things go on every page, in the writer's device units (the painter's origin is the
// top left of the page's margins).
struct Frame {
    qreal unit = 1; // device units per point
    QRectF body;    // the rows' room: the page inside its margins, less the footer
    QRectF footer;
    qreal padding = 0;
    qreal labelX = 0, valueX = 0, idX = 0; // where each column's text starts
    qreal labelWidth = 0, valueWidth = 0, idWidth = 0;
};

Frame frameFor(const QPdfWriter &writer)
{
    Frame f;
    f.unit = writer.resolution() / 72.0;
    const QRectF page(0, 0, writer.width(), writer.height());
    const qreal footer = FooterSpacePoints * f.unit;
    f.body = page.adjusted(0, 0, 0, -footer);
    f.footer = QRectF(page.left(), page.bottom() - footer, page.width(), footer);
    f.padding = PaddingPoints * f.unit;
    const qreal labelCell = page.width() * LabelShare;
    const qreal idCell = page.width() * IdShare;
    const qreal valueCell = page.width() - labelCell - idCell;
    f.labelX = f.padding;
    f.valueX = labelCell + f.padding;
    f.idX = labelCell + valueCell + f.padding;
    f.labelWidth = labelCell - 2 * f.padding;
    f.valueWidth = valueCell - 2 * f.padding;
    f.idWidth = idCell - 2 * f.padding;
    return f;
}

QFont fontOf(qreal points, bool bold = false, bool italic = false)
{
    QFont font = QGuiApplication::font();
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

// The heading's mark as a picture: PDF fonts carry no colour emoji, so drawn as text it would
// be an empty space (and lost to text extraction anyway). Rendered large, drawn small.
QImage headingMarkImage()
{
    constexpr int Pixels = 128;
    QImage image(Pixels, Pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    QFont font = QGuiApplication::font();
    font.setPixelSize(Pixels * 3 / 4);
    painter.setFont(font);
    painter.drawText(image.rect(), Qt::AlignCenter, summaryHeadingMark());
    return image;
}

// The top of the first page: the shared heading, then the notes (scope, defaults legend).
class Opening
{
public:
    Opening(const SummaryContent &content, const Frame &frame, QPaintDevice *device)
        : m_mark(headingMarkImage()), m_markSize(HeadingPoints * 1.4 * frame.unit), m_gap(GapPoints * frame.unit),
          m_title(summaryHeadingTitle(), fontOf(HeadingPoints, true), frame.body.width() - m_markSize - m_gap, device)
    {
        for (const QString &note : content.notes)
            m_notes.emplace_back(note, fontOf(BodyPoints), frame.body.width(), device);
    }

    qreal height() const
    {
        qreal h = std::max(m_markSize, m_title.height()) + m_gap;
        for (const Paragraph &note : m_notes)
            h += note.height() + m_gap;
        return h;
    }

    void draw(QPainter *painter, const Frame &frame) const
    {
        const QPointF top = frame.body.topLeft();
        painter->drawImage(QRectF(top, QSizeF(m_markSize, m_markSize)), m_mark);
        const qreal titleHeight = std::max(m_markSize, m_title.height());
        painter->setPen(InkColour);
        m_title.draw(painter, top + QPointF(m_markSize + m_gap, (titleHeight - m_title.height()) / 2));
        qreal y = top.y() + titleHeight + m_gap;
        painter->setPen(NoteColour);
        for (const Paragraph &note : m_notes) {
            note.draw(painter, QPointF(top.x(), y));
            y += note.height() + m_gap;
        }
    }

private:
    QImage m_mark;
    qreal m_markSize;
    qreal m_gap;
    Paragraph m_title;
    std::vector<Paragraph> m_notes;
};

// One summary line laid out in the table's three columns, once: with its label, and with the
// label a row taller than a page repeats on the pages it goes on to.
struct Row {
    Row(const SummaryLine &line, const Frame &frame, QPaintDevice *device)
        : tbd(line.tbd), label(line.label, fontOf(BodyPoints, true), frame.labelWidth, device),
          continuedLabel(tr("%1 (continued)").arg(line.label), fontOf(BodyPoints, true), frame.labelWidth, device),
          value(line.text.simplified(), fontOf(BodyPoints, false, line.tbd), frame.valueWidth, device),
          id(line.questionId, fontOf(BodyPoints), frame.idWidth, device, QTextOption::NoWrap)
    { }

    bool tbd;
    Paragraph label;
    Paragraph continuedLabel;
    Paragraph value;
    Paragraph id;
};

// The part of a row on one page: its value's lines [first, last).
struct Slice {
    int row = 0;
    int first = 0;
    int last = 0;
    bool continued() const { return first > 0; }
};

struct Page {
    qreal top = 0; // where its first row starts: under the heading on the first page
    QList<Slice> slices;
};

qreal sliceHeight(const Row &row, int first, int last, const Frame &frame)
{
    const Paragraph &label = first > 0 ? row.continuedLabel : row.label;
    return std::max({label.height(), row.value.height(first, last), row.id.height()}) + 2 * frame.padding;
}

// How many of the row's value lines from `first` on fit in `room`, label and padding included.
int linesThatFit(const Row &row, int first, qreal room, const Frame &frame)
{
    int count = 0;
    while (first + count < row.value.lineCount() && sliceHeight(row, first, first + count + 1, frame) <= room)
        ++count;
    return count;
}

// Rows go whole onto the page where they fit, or else onto the next one. Only a row taller
// than a page is split, and each of its later parts carries the label again.
QList<Page> paginate(const std::vector<Row> &rows, const Frame &frame, qreal openingHeight)
{
    QList<Page> pages{Page{frame.body.top() + openingHeight, {}}};
    qreal y = pages.last().top;
    const auto startPage = [&] {
        pages.append(Page{frame.body.top(), {}});
        y = frame.body.top();
    };
    for (int r = 0; r < int(rows.size()); ++r) {
        const Row &row = rows.at(r);
        const int count = row.value.lineCount();
        int first = 0;
        while (first < count) {
            const qreal room = frame.body.bottom() - y;
            const qreal rest = sliceHeight(row, first, count, frame);
            const bool pageUsed = y > frame.body.top();
            if (rest <= room) {
                pages.last().slices.append(Slice{r, first, count});
                y += rest;
                break;
            }
            const int fit = linesThatFit(row, first, room, frame);
            if (pageUsed && (rest <= frame.body.height() || fit == 0)) {
                startPage();
                continue;
            }
            // Taller than a page: fill this one. At least one line, so a page too short for
            // any still moves on.
            const int last = first + std::max(fit, 1);
            pages.last().slices.append(Slice{r, first, last});
            first = last;
            startPage();
        }
    }
    return pages;
}

void drawSlice(QPainter *painter, const Row &row, const Slice &slice, qreal y, const Frame &frame)
{
    const qreal top = y + frame.padding;
    painter->setPen(InkColour);
    (slice.continued() ? row.continuedLabel : row.label).draw(painter, QPointF(frame.labelX, top));
    painter->setPen(row.tbd ? TbdColour : InkColour);
    row.value.draw(painter, QPointF(frame.valueX, top), slice.first, slice.last);
    painter->setPen(IdColour);
    row.id.draw(painter, QPointF(frame.idX, top));
    const qreal bottom = y + sliceHeight(row, slice.first, slice.last, frame);
    painter->setPen(QPen(RuleColour, 0.75 * frame.unit));
    painter->drawLine(QPointF(frame.body.left(), bottom), QPointF(frame.body.right(), bottom));
}

void drawFooter(QPainter *painter, int number, int count, const Frame &frame)
{
    painter->setPen(NoteColour);
    painter->setFont(fontOf(FooterPoints));
    painter->drawText(frame.footer, Qt::AlignHCenter | Qt::AlignBottom,
                      tr("Page %1 of %2").arg(QLocale().toString(number), QLocale().toString(count)));
}

void drawPages(QPdfWriter *writer, const Opening &opening, const std::vector<Row> &rows, const QList<Page> &pages,
               const Frame &frame)
{
    QPainter painter(writer);
    for (int p = 0; p < pages.size(); ++p) {
        if (p > 0)
            writer->newPage();
        if (p == 0)
            opening.draw(&painter, frame);
        qreal y = pages.at(p).top;
        for (const Slice &slice : pages.at(p).slices) {
            drawSlice(&painter, rows.at(slice.row), slice, y, frame);
            y += sliceHeight(rows.at(slice.row), slice.first, slice.last, frame);
        }
        drawFooter(&painter, p + 1, int(pages.size()), frame);
    }
}

// Letter where people use it, A4 everywhere else.
QPageSize pageSizeForLocale()
{
    const auto country = QLocale().territory();
    const bool letter = country == QLocale::UnitedStates || country == QLocale::Canada;
    return QPageSize(letter ? QPageSize::Letter : QPageSize::A4);
}

} // namespace

QByteArray summaryPdf(const SummaryContent &content, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("PDF export needs a GUI application instance.");
        return {};
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(pageSizeForLocale());
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setTitle(summaryHeadingTitle());
        writer.setCreator(QStringLiteral("OpsFlow"));
        const Frame frame = frameFor(writer);
        const Opening opening(content, frame, &writer);
        std::vector<Row> rows;
        rows.reserve(content.lines.size());
        for (const SummaryLine &line : content.lines)
            rows.emplace_back(line, frame, &writer);
        drawPages(&writer, opening, rows, paginate(rows, frame, opening.height()), frame);
    }
    if (buffer.data().isEmpty())
        *error = QStringLiteral("The PDF could not be drawn.");
    return buffer.data();
}

} // namespace opsflow
