// Reading .env files the way dotenv readers do (see envfile.h).
#include "envfile.h"

#include <QRegularExpression>

namespace opsflow {

namespace {

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

QString withoutLineEnd(const QByteArray &line)
{
    QByteArray bytes = line;
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

// What a double-quoted value means: \n, \r, \t, \" and \\ read as what they stand for.
QString unescapeDoubleQuoted(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(i + 1);
            if (next == u'n')
                out += u'\n';
            else if (next == u'r')
                out += u'\r';
            else if (next == u't')
                out += u'\t';
            else if (next == u'"' || next == u'\\')
                out += next;
            else
                out += QStringView(text).mid(i, 2);
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

// Where the quote opened at `open` in `text` closes, or -1.
qsizetype closingQuote(const QString &text, qsizetype open)
{
    const QChar quote = text.at(open);
    for (qsizetype i = open + 1; i < text.size(); ++i) {
        if (quote == u'"' && text.at(i) == u'\\') {
            ++i;
            continue;
        }
        if (text.at(i) == quote)
            return i;
    }
    return -1;
}

// After a closing quote only spaces and a comment may follow.
bool onlyCommentAfter(const QString &text, qsizetype from)
{
    const QString rest = text.mid(from).trimmed();
    return rest.isEmpty() || rest.startsWith(u'#');
}

} // namespace

QByteArray EnvEntry::normalized() const
{
    // Every run of carriage returns before a line feed is one line end, as withoutLineEnd()
    // reads it ("A\r\r\n" and "A\n" hold the same line), and a last line without a line feed
    // gets one ("A\r" is written back as "A\r\n": regressions/envmerge/lone-cr-at-end.env).
    // Normalizing twice therefore gives the same text.
    QByteArray text;
    text.reserve(raw.size() + 1);
    for (const char c : raw) {
        if (c == '\n') {
            while (text.endsWith('\r'))
                text.chop(1);
        }
        text += c;
    }
    if (!text.endsWith('\n')) {
        while (text.endsWith('\r'))
            text.chop(1);
        text += '\n';
    }
    return text;
}

QList<EnvEntry> parseEnvFile(const QByteArray &text)
{
    static const QRegularExpression assignment(
        QStringLiteral("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$"));
    const QList<QByteArray> lines = splitLines(text);
    QList<EnvEntry> entries;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        EnvEntry entry;
        entry.raw = lines.at(n);
        const QString line = withoutLineEnd(lines.at(n));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            entry.kind = EnvEntry::Kind::Blank;
            entries.append(entry);
            continue;
        }
        if (trimmed.startsWith(u'#')) {
            entry.kind = EnvEntry::Kind::Comment;
            entries.append(entry);
            continue;
        }
        const auto m = assignment.match(line);
        if (!m.hasMatch()) {
            entries.append(entry); // Other
            continue;
        }
        const QString value = m.captured(2);
        const bool quoted =
            !value.isEmpty() && (value.front() == u'"' || value.front() == u'\'' || value.front() == u'`');
        if (!quoted) {
            // An unquoted value ends at the line end or at " #" (a comment).
            qsizetype comment = value.indexOf(QLatin1String(" #"));
            if (value.startsWith(u'#'))
                comment = 0;
            entry.kind = EnvEntry::Kind::Assignment;
            entry.key = m.captured(1);
            entry.value = (comment >= 0 ? value.left(comment) : value).trimmed();
            entries.append(entry);
            continue;
        }
        // A quoted value may go on over the next lines until its quote closes.
        QString joined = value;
        qsizetype last = n;
        qsizetype close = closingQuote(joined, 0);
        while (close < 0 && last + 1 < lines.size()) {
            ++last;
            joined += u'\n' + withoutLineEnd(lines.at(last));
            close = closingQuote(joined, 0);
        }
        if (close < 0 || !onlyCommentAfter(joined, close + 1)) {
            entries.append(entry); // unclosed or followed by junk: Other, its first line only
            continue;
        }
        for (qsizetype k = n + 1; k <= last; ++k)
            entry.raw += lines.at(k);
        n = last;
        entry.kind = EnvEntry::Kind::Assignment;
        entry.key = m.captured(1);
        const QString inside = joined.mid(1, close - 1);
        entry.value = joined.front() == u'"' ? unescapeDoubleQuoted(inside) : inside;
        entries.append(entry);
    }
    return entries;
}

QByteArray joinEnvEntries(const QList<EnvEntry> &entries)
{
    QByteArray out;
    for (const EnvEntry &entry : entries)
        out += entry.raw;
    return out;
}

} // namespace opsflow
