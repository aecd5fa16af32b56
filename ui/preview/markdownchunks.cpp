// Markdown cut into sections that parse on their own.
#include "markdownchunks.h"

#include <QRegularExpression>

namespace opsflow {

namespace MarkdownChunks {

namespace {

bool isHeading(QStringView line)
{
    int hashes = 0;
    while (hashes < line.size() && line.at(hashes) == u'#')
        ++hashes;
    return hashes >= 1 && hashes <= 6 && (hashes == line.size() || line.at(hashes) == u' ' || line.at(hashes) == u'\t');
}

// A one-line HTML comment ends its HTML block on its line, and renders as nothing.
bool isComment(QStringView line)
{
    return line.startsWith(u"<!--") && line.indexOf(u"-->", 4) >= 0;
}

// A heading, or a comment line right above a heading (the generated documents mark where
// each section begins that way, and the mark changes with the section).
bool startsSection(const QString &markdown, qsizetype lineStart, QStringView line)
{
    if (isHeading(line))
        return true;
    if (!isComment(line))
        return false;
    const qsizetype next = lineStart + line.size() + 1;
    if (next >= markdown.size())
        return false;
    const qsizetype nextEnd = markdown.indexOf(u'\n', next);
    return isHeading(QStringView(markdown).mid(next, (nextEnd < 0 ? markdown.size() : nextEnd) - next));
}

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

// The marker that ends a block whose inside is not markdown (CommonMark HTML blocks 1-2 end
// at a marker, not at a blank line; fences at the same fence), or an empty string.
QString rawBlockEnd(QStringView line)
{
    qsizetype indent = 0;
    while (indent < line.size() && line.at(indent) == u' ')
        ++indent;
    if (indent > 3) // indented code
        return {};
    const QStringView indented = line.mid(indent);
    if (indented.startsWith(u"```") || indented.startsWith(u"~~~")) {
        // A fence closes with at least as many of its characters.
        qsizetype run = 3;
        while (run < indented.size() && indented.at(run) == indented.at(0))
            ++run;
        return indented.left(run).toString();
    }
    if (indented.startsWith(u"<!--"))
        return QStringLiteral("-->");
    if (!indented.startsWith(u'<'))
        return {};
    static const QRegularExpression raw(QStringLiteral("^<(script|pre|style|textarea)(\\s|>|$)"),
                                        QRegularExpression::CaseInsensitiveOption);
    const auto m = raw.match(indented);
    return m.hasMatch() ? QStringLiteral("</%1>").arg(m.captured(1).toLower()) : QString();
}

bool endsRawBlock(QStringView line, const QString &end, bool opening)
{
    if (end.startsWith(u'`') || end.startsWith(u'~')) // a fence closes on a later line of its own
        return !opening && line.trimmed().startsWith(end);
    // The HTML kinds may close on their opening line.
    const QStringView rest = opening ? line.trimmed().mid(4) : line;
    return rest.contains(end, Qt::CaseInsensitive);
}

bool isLinkDefinition(QStringView line)
{
    static const QRegularExpression definition(QStringLiteral("^ {0,3}\\[[^\\]]+\\]:"));
    return line.contains(u"]:") && definition.match(line).hasMatch();
}

} // namespace

QStringList split(const QString &markdown)
{
    QStringList chunks;
    qsizetype chunkStart = 0;
    QString rawEnd; // inside a fence or raw block until this
    bool previousBlank = true;
    qsizetype lineStart = 0;
    while (lineStart <= markdown.size()) {
        qsizetype lineEnd = markdown.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = markdown.size();
        const QStringView line = QStringView(markdown).mid(lineStart, lineEnd - lineStart);
        if (!rawEnd.isEmpty()) {
            if (endsRawBlock(line, rawEnd, false))
                rawEnd.clear();
        } else if (isLinkDefinition(line)) {
            return {};
        } else if (previousBlank && startsSection(markdown, lineStart, line) && lineStart > chunkStart) {
            chunks.append(markdown.mid(chunkStart, lineStart - chunkStart));
            chunkStart = lineStart;
        } else if (const QString end = rawBlockEnd(line); !end.isEmpty() && !endsRawBlock(line, end, true)) {
            rawEnd = end;
        }
        previousBlank = isBlank(line);
        lineStart = lineEnd + 1;
    }
    chunks.append(markdown.mid(chunkStart));
    return chunks;
}

QString lead(const QString &chunk)
{
    qsizetype end = chunk.indexOf(u'\n');
    if (end >= 0 && isComment(QStringView(chunk).left(end)))
        end = chunk.indexOf(u'\n', end + 1);
    return end < 0 ? chunk + u'\n' : chunk.left(end + 1);
}

Change compare(const QStringList &before, const QStringList &after)
{
    Change change;
    const qsizetype shorter = qMin(before.size(), after.size());
    while (change.first < shorter && before.at(change.first) == after.at(change.first))
        ++change.first;
    while (change.commonTail < shorter - change.first
           && before.at(before.size() - 1 - change.commonTail) == after.at(after.size() - 1 - change.commonTail))
        ++change.commonTail;
    return change;
}

} // namespace MarkdownChunks

} // namespace opsflow
