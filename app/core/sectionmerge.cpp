// Section-wise merging of regenerated documents. The rule everywhere:
// bytes the team wrote are never dropped; when OpsFlow cannot tell, it asks (a conflict).
#include "sectionmerge.h"

#include "threewaymerge.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

#include <limits>
#include <optional>

namespace opsflow {

namespace {

// ---- markdown documents ----------------------------------------------------------------

struct Segment {
    enum class Kind { Text, Section, Index };
    Kind kind = Kind::Text;
    QByteArray text;  // Text, Index: the raw bytes
    QString id;       // Section
    QByteArray hash;  // Section: the stamp in its begin marker, empty when unstamped
    QByteArray begin; // Section: raw lines, each with its line ending
    QByteArray body;
    QByteArray end;
    QStringList indexIds; // Index

    QByteArray bytes() const { return kind == Kind::Section ? begin + body + end : text; }
};

struct Parsed {
    QList<Segment> segments;
    QString error; // why the marker structure is broken, one sentence
    bool hasSections() const
    {
        return std::any_of(segments.begin(), segments.end(),
                           [](const Segment &s) { return s.kind == Segment::Kind::Section; });
    }
    const Segment *section(const QString &id) const
    {
        for (const Segment &s : segments) {
            if (s.kind == Segment::Kind::Section && s.id == id)
                return &s;
        }
        return nullptr;
    }
};

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype nl = text.indexOf('\n', start);
        nl = nl < 0 ? text.size() : nl + 1;
        lines.append(text.mid(start, nl - start));
        start = nl;
    }
    return lines;
}

// Every run of CRs before a line feed is part of the line end: were "\r\r\n" read as a line
// ending in CR, a merged section written back in LF would read differently next time
// (regressions/sectionmerge/cr-cr-lf-in-edited-section.md).
QByteArray toLf(const QByteArray &text)
{
    if (!text.contains('\r'))
        return text;
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) != '\r') {
            out.append(text.at(i++));
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && text.at(end) == '\r')
            ++end;
        if (end == text.size() || text.at(end) != '\n')
            out.append(text.constData() + i, end - i); // CRs inside a line stay
        i = end;
    }
    return out;
}

// An editor may turn the whole file into CRLF; what we add then follows the file.
bool usesCrlf(const QByteArray &text)
{
    const qsizetype crlf = text.count("\r\n");
    return crlf > 0 && crlf * 2 >= text.count('\n');
}

QByteArray bodyHash(const QByteArray &body)
{
    return QCryptographicHash::hash(toLf(body), QCryptographicHash::Sha256).toHex().left(16);
}

const QRegularExpression &markerPattern()
{
    static const QRegularExpression marker(
        QStringLiteral("^\\s*<!--\\s*opsflow:(begin|end)\\s+([A-Za-z0-9._-]+)(?:\\s+sha256:([0-9a-f]+))?\\s*-->\\s*$"));
    return marker;
}

// "begin ID" or "end ID" for a begin or end marker line; empty for any other line.
QString markerOf(const QByteArray &raw)
{
    if (!raw.contains("opsflow:"))
        return {};
    const auto m = markerPattern().match(QString::fromUtf8(raw).trimmed());
    return m.hasMatch() ? m.captured(1) + QLatin1Char(' ') + m.captured(2) : QString();
}

// A code fence line (CommonMark): up to three spaces, then three or more backquotes or tildes.
struct Fence {
    char c = 0; // '`' or '~'; 0 when the line is no fence
    qsizetype length = 0;
    bool opens = false;  // what follows is an info string (for backquotes, one without any)
    bool closes = false; // nothing but white space follows
    bool closesFence(const Fence &open) const { return closes && c == open.c && length >= open.length; }
};

Fence fenceOf(const QByteArray &line)
{
    qsizetype i = 0;
    while (i < 3 && i < line.size() && line.at(i) == ' ')
        ++i;
    if (i == line.size() || (line.at(i) != '`' && line.at(i) != '~'))
        return {};
    qsizetype j = i;
    while (j < line.size() && line.at(j) == line.at(i))
        ++j;
    if (j - i < 3)
        return {};
    const QByteArray rest = line.mid(j);
    return {line.at(i), j - i, line.at(i) == '~' || !rest.contains('`'), rest.trimmed().isEmpty()};
}

// The line that closes the code fence opened on line `from`, or -1 when none does. The
// closing line is looked for in the team's text only: a section (a begin marker whose next
// marker is its end) is skipped whole. So whether a fence counts never depends on what a
// section holds, which a merge replaces: a fence left open before sections that hold code
// blocks would otherwise close inside one and hide its begin marker after the merge
// (regressions/sectionmerge/unclosed-fence-before-sections-with-code.md).
int fenceEnd(const QList<QByteArray> &lines, int from, const Fence &fence)
{
    for (int n = from + 1; n < lines.size(); ++n) {
        if (fenceOf(lines.at(n)).closesFence(fence))
            return n;
        const QString marker = markerOf(lines.at(n));
        if (!marker.startsWith(QLatin1String("begin ")))
            continue;
        int next = n + 1;
        while (next < lines.size() && markerOf(lines.at(next)).isEmpty())
            ++next;
        if (next < lines.size() && markerOf(lines.at(next)) == QLatin1String("end ") + marker.mid(6))
            n = next; // a section: skipped to its end marker
    }
    return -1;
}

Parsed parse(const QByteArray &text)
{
    const QRegularExpression &marker = markerPattern();
    static const QRegularExpression index(
        QStringLiteral("^\\s*<!--\\s*opsflow:sections((?:\\s+[A-Za-z0-9._-]+)*)\\s*-->\\s*$"));
    static const QRegularExpression loose(QStringLiteral("^\\s*<!--\\s*opsflow:(?:begin|end|sections)\\b"));

    Parsed parsed;
    Segment text_;
    Segment *open = nullptr;
    QSet<QString> seen;
    auto flushText = [&]() {
        if (!text_.text.isEmpty())
            parsed.segments.append(text_);
        text_ = Segment();
    };
    const QList<QByteArray> lines = splitLines(text);
    // Outside the sections, a code fence in the team's text (a note showing how the markers
    // look) is text: a marker line in it is an example, not a marker. Only a fence that is
    // closed counts; a line that opens one never closed is text itself, and the lines after
    // it are read as usual (else it would swallow the index line stamping appends:
    // regressions/sectionmerge/unclosed-fence-after-section.md).
    qsizetype neverClosed[2] = {std::numeric_limits<qsizetype>::max(), std::numeric_limits<qsizetype>::max()};
    for (int n = 0; n < lines.size(); ++n) {
        const QByteArray &raw = lines.at(n);
        if (const Fence fence = open ? Fence() : fenceOf(raw);
            fence.opens && fence.length < neverClosed[fence.c == '~']) {
            const int end = fenceEnd(lines, n, fence);
            if (end < 0) {
                // Nor is a later fence of this kind that is as long or longer: not looked for again.
                neverClosed[fence.c == '~'] = fence.length;
            } else {
                for (int k = n; k <= end; ++k)
                    text_.text += lines.at(k);
                n = end;
                continue;
            }
        }
        // Only a line naming "opsflow:" can be a marker: the others skip the three regular
        // expressions (they were a fifth of `opsflow generate`'s instructions).
        if (!raw.contains("opsflow:")) {
            if (open)
                open->body += raw;
            else
                text_.text += raw;
            continue;
        }
        const QString line = QString::fromUtf8(raw).trimmed();
        const auto m = marker.match(line);
        const auto ix = index.match(line);
        if (!m.hasMatch() && !ix.hasMatch() && loose.match(line).hasMatch()) {
            parsed.error = QStringLiteral("line %1 is an OpsFlow marker OpsFlow cannot read").arg(n + 1);
            return parsed;
        }
        if (open) {
            if (!m.hasMatch()) {
                open->body += raw;
            } else if (m.captured(1) == QLatin1String("end") && m.captured(2) == open->id) {
                open->end = raw;
                open = nullptr;
            } else {
                parsed.error = QStringLiteral("line %1 opens or closes \"%2\" inside section \"%3\"")
                                   .arg(n + 1)
                                   .arg(m.captured(2), open->id);
                return parsed;
            }
            continue;
        }
        if (ix.hasMatch()) {
            flushText();
            Segment s;
            s.kind = Segment::Kind::Index;
            s.text = raw;
            s.indexIds = ix.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            parsed.segments.append(s);
        } else if (m.hasMatch() && m.captured(1) == QLatin1String("begin")) {
            if (seen.contains(m.captured(2))) {
                parsed.error = QStringLiteral("section \"%1\" appears twice (line %2)").arg(m.captured(2)).arg(n + 1);
                return parsed;
            }
            seen.insert(m.captured(2));
            flushText();
            Segment s;
            s.kind = Segment::Kind::Section;
            s.id = m.captured(2);
            s.hash = m.captured(3).toLatin1();
            s.begin = raw;
            parsed.segments.append(s);
            open = &parsed.segments.last();
        } else if (m.hasMatch()) {
            parsed.error =
                QStringLiteral("line %1 ends section \"%2\", which was not begun").arg(n + 1).arg(m.captured(2));
            return parsed;
        } else {
            text_.text += raw;
        }
    }
    if (open) {
        parsed.error = QStringLiteral("section \"%1\" has no end marker").arg(open->id);
        return parsed;
    }
    flushText();
    return parsed;
}

QByteArray lineEnding(const QByteArray &line)
{
    return line.endsWith("\r\n") ? QByteArray("\r\n") : line.endsWith('\n') ? QByteArray("\n") : QByteArray();
}

QByteArray indexLine(const QStringList &ids)
{
    return "<!-- opsflow:sections " + ids.join(QLatin1Char(' ')).toUtf8() + " -->\n";
}

QStringList sectionIds(const Parsed &parsed)
{
    QStringList ids;
    for (const Segment &s : parsed.segments) {
        if (s.kind == Segment::Kind::Section)
            ids.append(s.id);
    }
    return ids;
}

MergeResult wholeFileConflict(const QByteArray &existing, const QByteArray &generated, const QString &reason,
                              const QHash<QString, ConflictChoice> &choices)
{
    const QString id = QLatin1String(wholeFileConflictId);
    MergeResult result;
    result.conflicts.append({id, existing, generated, reason, {}});
    result.content = choices.value(id, ConflictChoice::KeepMine) == ConflictChoice::TakeNew ? generated : existing;
    return result;
}

// The output under construction: pieces of bytes, each remembering the section it holds.
struct Piece {
    QString sectionId; // empty for text
    bool index = false;
    QByteArray bytes;
};

qsizetype pieceOf(const QList<Piece> &pieces, const QString &id)
{
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (pieces.at(i).sectionId == id)
            return i;
    }
    return -1;
}

// Where a section new in the generated document goes: after the nearest earlier section
// that the file has, else before the nearest later one, else at the end (before our index).
void insertNewSection(QList<Piece> *pieces, const QStringList &order, int at, const Piece &piece,
                      const QByteArray &gapBefore)
{
    for (int k = at - 1; k >= 0; --k) {
        const qsizetype i = pieceOf(*pieces, order.at(k));
        if (i >= 0) {
            pieces->insert(i + 1, {piece.sectionId, false, gapBefore + piece.bytes});
            return;
        }
    }
    for (int k = at + 1; k < order.size(); ++k) {
        const qsizetype i = pieceOf(*pieces, order.at(k));
        if (i >= 0) {
            pieces->insert(i, {piece.sectionId, false, piece.bytes + gapBefore});
            return;
        }
    }
    qsizetype i = pieces->size();
    if (i > 0 && pieces->last().index)
        --i;
    QByteArray bytes = gapBefore + piece.bytes;
    if (i > 0 && !pieces->at(i - 1).bytes.endsWith('\n'))
        bytes.prepend('\n');
    pieces->insert(i, {piece.sectionId, false, bytes});
}

// The generated text just before a section, when it is only blank lines (a separator).
QByteArray separatorBefore(const Parsed &generated, const QString &id)
{
    for (qsizetype i = 0; i < generated.segments.size(); ++i) {
        const Segment &s = generated.segments.at(i);
        if (s.kind == Segment::Kind::Section && s.id == id) {
            if (i > 0 && generated.segments.at(i - 1).kind == Segment::Kind::Text
                && generated.segments.at(i - 1).text.trimmed().isEmpty())
                return generated.segments.at(i - 1).text;
            return "\n";
        }
    }
    return "\n";
}

// What a person calls a section: its first Markdown heading ("## Deployment Strategy" →
// "Deployment Strategy"), from the first of `segments` that has one; else its id. A "#" line
// inside a fenced code block (a shell comment) is not a heading.
QString sectionTitle(const QString &id, std::initializer_list<const Segment *> segments)
{
    static const QRegularExpression heading(QStringLiteral("^ {0,3}#{1,6}[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$"));
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(```|~~~)"));
    static const QRegularExpression escaped(QStringLiteral("\\\\([!-/:-@\\[-`{-~])"));
    for (const Segment *s : segments) {
        if (!s)
            continue;
        bool inCode = false;
        for (const QByteArray &line : splitLines(s->body)) {
            QString text = QString::fromUtf8(line);
            while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
                text.chop(1);
            if (fence.match(text).hasMatch()) {
                inCode = !inCode;
                continue;
            }
            if (inCode)
                continue;
            const QRegularExpressionMatch m = heading.match(text);
            if (m.hasMatch())
                return m.captured(1).replace(escaped, QStringLiteral("\\1"));
        }
    }
    return id;
}

} // namespace

bool hasGeneratedSections(const QByteArray &text)
{
    const Parsed parsed = parse(text);
    return parsed.error.isEmpty() && parsed.hasSections();
}

QString brokenMarkers(const QByteArray &text)
{
    return parse(text).error;
}

QByteArray withoutGeneratedSections(const QByteArray &text)
{
    const Parsed parsed = parse(text);
    if (!parsed.error.isEmpty())
        return text;
    QByteArray out;
    for (const Segment &s : parsed.segments)
        out += s.kind == Segment::Kind::Text ? s.text : QByteArray(int(s.bytes().count('\n')), '\n');
    return out;
}

QByteArray stampSections(const QByteArray &generated)
{
    const Parsed parsed = parse(generated);
    if (!parsed.error.isEmpty() || !parsed.hasSections())
        return generated;
    QByteArray out;
    for (const Segment &s : parsed.segments) {
        switch (s.kind) {
        case Segment::Kind::Text: out += s.text; break;
        case Segment::Kind::Section:
            out += "<!-- opsflow:begin " + s.id.toUtf8() + " sha256:" + bodyHash(s.body) + " -->" + lineEnding(s.begin);
            out += s.body + s.end;
            break;
        case Segment::Kind::Index: break; // rewritten at the end
        }
    }
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += '\n';
    return out + indexLine(sectionIds(parsed));
}

MergeResult mergeDocument(const QByteArray &existing, const QByteArray &stampedGenerated,
                          const QHash<QString, ConflictChoice> &choices, const QByteArray &lastGenerated)
{
    MergeResult result;
    if (existing.isEmpty() || existing == stampedGenerated) {
        result.content = stampedGenerated;
        return result;
    }
    const Parsed mine = parse(existing);
    const Parsed theirs = parse(stampedGenerated);
    if (!theirs.error.isEmpty())
        return wholeFileConflict(existing, stampedGenerated,
                                 QStringLiteral("The generated document has broken markers: %1.").arg(theirs.error),
                                 choices);
    if (!mine.error.isEmpty())
        return wholeFileConflict(
            existing, stampedGenerated,
            QStringLiteral("The OpsFlow markers in the existing file are broken: %1.").arg(mine.error), choices);
    if (!mine.hasSections())
        return wholeFileConflict(existing, stampedGenerated,
                                 QStringLiteral("The existing file has no OpsFlow markers (it was written by hand)."),
                                 choices);

    // The last generation, when OpsFlow has a readable record of it.
    std::optional<Parsed> base;
    if (!lastGenerated.isEmpty()) {
        Parsed parsed = parse(lastGenerated);
        if (parsed.error.isEmpty())
            base = std::move(parsed);
    }
    const bool crlf = usesCrlf(existing);
    auto ours = [crlf](const QByteArray &bytes) { return crlf ? toLf(bytes).replace("\n", "\r\n") : bytes; };
    const QStringList order = sectionIds(theirs);
    QSet<QString> written; // the sections the last generation wrote (from our index line)
    bool hasIndex = false;

    QList<Piece> pieces;
    for (const Segment &s : mine.segments) {
        if (s.kind == Segment::Kind::Text) {
            pieces.append({{}, false, s.text});
            continue;
        }
        if (s.kind == Segment::Kind::Index) {
            for (const QString &id : s.indexIds)
                written.insert(id);
            if (!hasIndex)
                pieces.append({{}, true, {}});
            hasIndex = true;
            continue;
        }
        const Segment *fresh = theirs.section(s.id);
        const QString title = sectionTitle(s.id, {fresh, &s});
        const bool untouched = !s.hash.isEmpty() && s.hash == bodyHash(s.body);
        if (fresh && toLf(s.body) == fresh->body) {
            // Same text (perhaps in other line endings): only the stamp may change.
            pieces.append({s.id, false, ours(fresh->begin) + s.body + s.end});
        } else if (fresh && untouched) {
            pieces.append({s.id, false, ours(fresh->bytes())});
        } else if (const LineMergeResult merged = fresh && base.has_value() && base->section(s.id)
                       ? mergeLines(toLf(base->section(s.id)->body), toLf(s.body), fresh->body)
                       : LineMergeResult{false, {}, 0, {}};
                   fresh && merged.clean) {
            // The team's edits and the generator's changes touch different lines: both kept.
            pieces.append({s.id, false, ours(fresh->begin) + ours(merged.merged) + ours(fresh->end)});
            if (merged.merged != fresh->body)
                result.notes.append(
                    QStringLiteral("Section \"%1\": your edits were kept and merged with the new text.").arg(title));
        } else if (fresh) {
            QString why = s.hash.isEmpty()
                ? QStringLiteral("Section \"%1\" has no stamp, so OpsFlow cannot tell whether it was edited.")
                      .arg(title)
                : QStringLiteral("Section \"%1\" was edited since OpsFlow wrote it.").arg(title);
            if (!merged.conflictLines.isEmpty())
                why =
                    QStringLiteral("In section \"%1\" you and the new generation changed the same lines (%2 %3 of "
                                   "the section).")
                        .arg(title,
                             merged.conflictLines.size() == 1 ? QStringLiteral("at line") : QStringLiteral("at lines"),
                             [&] {
                                 QStringList numbers;
                                 for (const int line : merged.conflictLines)
                                     numbers.append(QString::number(line));
                                 return numbers.join(QStringLiteral(", "));
                             }());
            result.conflicts.append({s.id, s.body, fresh->body, why, title});
            const bool takeNew = choices.value(s.id, ConflictChoice::KeepMine) == ConflictChoice::TakeNew;
            // Kept with its old stamp, so the edit is still recognised next time.
            pieces.append({s.id, false, takeNew ? ours(fresh->bytes()) : s.bytes()});
        } else if (untouched || s.body.trimmed().isEmpty()) {
            result.notes.append(QStringLiteral("Section \"%1\" is no longer generated; it was removed.").arg(title));
        } else {
            result.conflicts.append(
                {s.id,
                 s.body,
                 {},
                 QStringLiteral("Section \"%1\" is no longer generated, but it was edited.").arg(title),
                 title});
            if (choices.value(s.id, ConflictChoice::KeepMine) == ConflictChoice::KeepMine)
                pieces.append({s.id, false, s.bytes()});
        }
    }

    for (int at = 0; at < order.size(); ++at) {
        const QString &id = order.at(at);
        if (mine.section(id))
            continue;
        if (written.contains(id)) {
            result.notes.append(QStringLiteral("Section \"%1\" was deleted from the file; it stays deleted.")
                                    .arg(sectionTitle(id, {theirs.section(id)})));
            continue;
        }
        insertNewSection(&pieces, order, at, {id, false, ours(theirs.section(id)->bytes())},
                         ours(separatorBefore(theirs, id)));
        result.notes.append(
            QStringLiteral("Section \"%1\" is new; it was added.").arg(sectionTitle(id, {theirs.section(id)})));
    }

    // Our index line: rewritten in place, or added at the end of a file that predates it.
    const QByteArray index = ours(indexLine(order));
    if (!hasIndex)
        pieces.append({{}, true, {}});
    for (const Piece &p : std::as_const(pieces)) {
        if (p.index) {
            if (!result.content.isEmpty() && !result.content.endsWith('\n'))
                result.content += ours("\n");
            result.content += index;
        } else {
            result.content += p.bytes;
        }
    }
    return result;
}

QByteArray withSectionsFrom(const QByteArray &stampedGenerated, const QByteArray &previous, const QStringList &ids)
{
    if (ids.isEmpty() || previous.isEmpty())
        return stampedGenerated;
    const Parsed generated = parse(stampedGenerated);
    const Parsed old = parse(previous);
    if (!generated.error.isEmpty() || !old.error.isEmpty())
        return stampedGenerated;
    QByteArray out;
    for (const Segment &segment : generated.segments) {
        const Segment *kept =
            segment.kind == Segment::Kind::Section && ids.contains(segment.id) ? old.section(segment.id) : nullptr;
        out += kept ? kept->bytes() : segment.bytes();
    }
    return out;
}

} // namespace opsflow
