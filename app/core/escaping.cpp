// Escaping of user-typed text for each place it lands: markdown, mermaid and .env files.
#include "escaping.h"

#include <QRegularExpression>

#include <QStringList>

#include <algorithm>

namespace opsflow::escape {

namespace {

bool isLineBreak(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\n' || u == u'\r' || u == 0x85 || u == 0x2028 || u == 0x2029;
}

// Bidirectional controls reorder what is shown ("Trojan Source": text that reads one way
// and is another), and these invisible characters hide inside names. Zero-width joiners
// (U+200C, U+200D) stay: emoji sequences and several scripts need them.
bool isBidiOrInvisible(char16_t u)
{
    return u == 0x061C                  // Arabic letter mark
        || u == 0x00AD                  // soft hyphen
        || u == 0x180E                  // Mongolian vowel separator
        || u == 0x200B                  // zero-width space
        || u == 0x200E || u == 0x200F   // left-to-right and right-to-left marks
        || (u >= 0x202A && u <= 0x202E) // embeddings and overrides
        || (u >= 0x2060 && u <= 0x2064) // word joiner, invisible operators
        || (u >= 0x2066 && u <= 0x2069) // isolates
        || u == 0xFEFF;                 // zero-width no-break space (a BOM inside text)
}

// C0 and C1 controls other than tab and line breaks (nothing renders them), and the bidi
// and invisible characters above.
bool isDroppedControl(QChar c)
{
    const char16_t u = c.unicode();
    if (u == u'\t' || isLineBreak(c))
        return false;
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || isBidiOrInvisible(u);
}

bool isAsciiPunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'!' && u <= u'/') || (u >= u':' && u <= u'@') || (u >= u'[' && u <= u'`') || (u >= u'{' && u <= u'~');
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}

// The lines of the text, with dropped controls removed; \r\n counts as one break.
QStringList splitLines(const QString &text, bool *droppedSomething = nullptr)
{
    QStringList lines;
    QString line;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isLineBreak(c)) {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            lines.append(line);
            line.clear();
        } else if (isDroppedControl(c)) {
            if (droppedSomething)
                *droppedSomething = true;
        } else {
            line.append(c);
        }
    }
    lines.append(line);
    return lines;
}

// One line, whitespace runs collapsed, ends trimmed.
QString oneLine(const QString &text)
{
    return splitLines(text).join(u' ').simplified();
}

// "&name;", "&#123;" or "&#x1F;" starts at i: markdown would turn it into a character.
bool startsEntity(const QString &s, qsizetype i)
{
    qsizetype j = i + 1;
    if (j < s.size() && s.at(j) == u'#')
        ++j;
    const qsizetype nameStart = j;
    while (j < s.size() && isAsciiAlnum(s.at(j)))
        ++j;
    return j > nameStart && j < s.size() && s.at(j) == u';';
}

// Escapes one line of inline markdown (already trimmed and collapsed).
QString escapeMarkdownLine(const QString &s, bool escapeEveryHash)
{
    QString out;
    out.reserve(s.size() + s.size() / 4);
    // A leading "1." or "1)" (up to nine digits) would start an ordered list.
    qsizetype listDelimiter = -1;
    {
        qsizetype d = 0;
        while (d < s.size() && d < 10 && s.at(d).unicode() >= u'0' && s.at(d).unicode() <= u'9')
            ++d;
        if (d > 0 && d <= 9 && d < s.size() && (s.at(d) == u'.' || s.at(d) == u')'))
            listDelimiter = d;
    }
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        bool escape = false;
        switch (c.unicode()) {
        case u'`':
        case u'*':
        case u'[':
        case u']':
        case u'<':
        case u'|':
        case u'~':
        case u'$': escape = true; break;
        case u'\\':
            // A backslash before a letter is shown as is; before punctuation (or at the end,
            // where the template's next character follows) it would escape it.
            escape = i + 1 == s.size() || isAsciiPunctuation(s.at(i + 1));
            break;
        case u'_': {
            // Inside a word '_' can neither open nor close emphasis (GFM), so snake_case stays.
            const bool inWord =
                i > 0 && i + 1 < s.size() && s.at(i - 1).isLetterOrNumber() && s.at(i + 1).isLetterOrNumber();
            escape = !inWord;
            break;
        }
        case u'&': escape = startsEntity(s, i); break;
        case u'#': escape = escapeEveryHash || i == 0; break;
        case u'>':
        case u'-':
        case u'+':
        case u'=':
            // Block quote, list item, thematic break or setext underline, at the start only.
            escape = i == 0;
            break;
        case u'.':
        case u')': escape = i == listDelimiter; break;
        default: break;
        }
        if (escape)
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

// Drops empty lines at both ends.
QStringList trimmedLines(QStringList lines)
{
    while (!lines.isEmpty() && lines.constFirst().isEmpty())
        lines.removeFirst();
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

QString numericEntity(QChar c)
{
    return u'#' + QString::number(c.unicode()) + u';';
}

// Marks the first letter of every occurrence of word in s.
void markWord(const QString &s, QLatin1StringView word, QList<bool> &marks)
{
    for (qsizetype at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1))
        marks[at] = true;
}

// The plain characters a dotenv value may hold without quotes in any tool.
bool isPlainEnvChar(QChar c)
{
    if (isAsciiAlnum(c))
        return true;
    switch (c.unicode()) {
    case u'_':
    case u'.':
    case u'/':
    case u':':
    case u'@':
    case u'%':
    case u'+':
    case u',':
    case u'=':
    case u'-': return true; // not '~': a shell expands it after '=' or ':' in an assignment
    default: return false;
    }
}

} // namespace

QString markdownText(const QString &text)
{
    return escapeMarkdownLine(oneLine(text), false);
}

QString markdownTableCell(const QString &text)
{
    QStringList lines = splitLines(text);
    for (QString &line : lines)
        line = markdownText(line);
    return trimmedLines(lines).join(QLatin1String("<br/>"));
}

QString markdownHeading(const QString &text)
{
    return escapeMarkdownLine(oneLine(text), true);
}

QString inlineCode(const QString &text, CodeContext where)
{
    // Tabs and the spaces at the ends carry no meaning in inline code, and markdownlint
    // rejects them (MD010, MD038).
    const QString code = splitLines(text).join(u' ').replace(u'\t', u' ').trimmed();
    if (code.isEmpty())
        return {};
    if (where == CodeContext::TableCell && code.contains(u'|'))
        return markdownTableCell(code);

    qsizetype longestRun = 0;
    qsizetype run = 0;
    for (const QChar c : code) {
        run = c == u'`' ? run + 1 : 0;
        longestRun = qMax(longestRun, run);
    }
    const QString fence(longestRun + 1, u'`');
    // A backtick at either end would join the fence; CommonMark strips one padding space
    // from both ends, so " `x` " shows as "`x`".
    const bool pad = code.startsWith(u'`') || code.endsWith(u'`');
    const QString padding = pad ? QStringLiteral(" ") : QString();
    return fence + padding + code + padding + fence;
}

QString mermaidLabel(const QString &text)
{
    QStringList lines = splitLines(text);
    for (QString &line : lines)
        line = line.replace(u'\t', u' ').trimmed();
    // A diagram is a picture, not the document: long labels are shortened so every diagram
    // stays far below mermaid's maxTextSize (50,000 characters) whatever the answers hold.
    lines = trimmedLines(lines);
    if (lines.size() > maxMermaidLabelLines) {
        lines = lines.mid(0, maxMermaidLabelLines);
        lines.last() += QChar(0x2026);
    }
    for (QString &line : lines) {
        if (line.size() > maxMermaidLabelLine) {
            qsizetype cut = maxMermaidLabelLine - 1;
            if (line.at(cut - 1).isHighSurrogate())
                --cut;
            line = line.left(cut).trimmed() + QChar(0x2026);
        }
    }
    const QString s = lines.join(u'\n');
    if (s.isEmpty())
        return QStringLiteral(" ");

    QList<bool> asEntity(s.size(), false);
    markWord(s, QLatin1StringView("style"), asEntity);
    markWord(s, QLatin1StringView("classDef"), asEntity);
    if (s.compare(QLatin1StringView("end"), Qt::CaseInsensitive) == 0)
        asEntity[0] = true;

    QString out;
    out.reserve(s.size() + s.size() / 2);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        switch (c.unicode()) {
        case u'\n': out.append(QLatin1String("<br/>")); break;
        case u'"': out.append(QLatin1String("#quot;")); break;
        case u'#':
        case u'&':
        case u'<':
        case u'>':
        case u'[':
        case u']':
        case u'(':
        case u')':
        case u'{':
        case u'}':
        case u'|':
        case u';':
        case u'$':
            // Mermaid decodes entities first and then renders text between "$$" pairs with
            // KaTeX: a space keeps two dollars apart, so a label stays text.
            if (i > 0 && s.at(i - 1) == u'$')
                out.append(u' ');
            out.append(numericEntity(c));
            break;
        case u'`':
        case u'%': out.append(numericEntity(c)); break;
        case 0xFB02: out.append(QLatin1String("fl")); break;
        default: out.append(asEntity.at(i) ? numericEntity(c) : QString(c)); break;
        }
    }
    return out;
}

QString mermaidId(const QString &text)
{
    QString id;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (isAsciiAlnum(c))
            id.append(c);
        else if (!id.isEmpty() && !id.endsWith(u'_'))
            id.append(u'_');
    }
    while (id.endsWith(u'_'))
        id.chop(1);
    if (id.isEmpty())
        return QStringLiteral("Node");
    if (id.at(0).isDigit())
        id.prepend(u'N');
    id[0] = id.at(0).toUpper();
    return id;
}

QString envComment(const QString &text)
{
    return oneLine(text);
}

namespace {

// Whether a shell reads `value` (what follows "KEY=") without running anything, and ends
// the assignment there (an optional " # comment" may follow).
bool safeEnvValue(const QString &value)
{
    static const QRegularExpression comment(QStringLiteral("\\s+#.*$"));
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+,=-]*$"));
    static const QRegularExpression single(QStringLiteral("^'[^'\\\\]*'$"));
    static const QRegularExpression doubled(QStringLiteral("^\"[^\"`\\\\]*\"$"));
    QString v = value;
    if (v.startsWith(u'\'') || v.startsWith(u'"')) {
        const qsizetype close = v.indexOf(v.at(0), 1);
        if (close > 0)
            v = v.left(close + 1) + QStringView(v).mid(close + 1).toString().remove(comment);
    } else {
        v.remove(comment);
    }
    if (plain.match(v).hasMatch() || single.match(v).hasMatch())
        return true;
    return doubled.match(v).hasMatch() && !v.contains(QLatin1String("$("));
}

} // namespace

QString envFileSafe(const QString &text, QStringList *changed)
{
    static const QRegularExpression assignment(QStringLiteral("^(\\s*(?:export\\s+)?[A-Za-z_][A-Za-z0-9_]*=)(.*)$"));
    QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString &line = lines[i];
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const QRegularExpressionMatch m = assignment.match(line);
        if (!m.hasMatch()) {
            line = QStringLiteral("# ") + line;
            if (changed)
                changed->append(QStringLiteral("line %1: not KEY=VALUE, made a comment").arg(i + 1));
            continue;
        }
        if (safeEnvValue(m.captured(2)))
            continue;
        line = m.captured(1) + envValue(m.captured(2));
        if (changed)
            changed->append(QStringLiteral("line %1: the value of %2 was quoted")
                                .arg(i + 1)
                                .arg(m.captured(1).trimmed().chopped(1).section(u' ', -1)));
    }
    return lines.join(u'\n');
}

QString envValue(const QString &text, bool *exact)
{
    bool dropped = false;
    QString value = splitLines(text, &dropped).join(u'\n');
    bool same = !dropped;
    if (value.isEmpty()) {
        if (exact)
            *exact = same;
        return {};
    }
    if (std::all_of(value.cbegin(), value.cend(), isPlainEnvChar)) {
        if (exact)
            *exact = same;
        return value;
    }
    // Single quotes are the one form that a POSIX shell (set -a; . .env), docker compose,
    // npm dotenv and python-dotenv all read literally: no $(…), `…`, ${…} or \n inside them
    // means anything. What they cannot hold is replaced, and *exact says so:
    // - a quote: a shell has no escape inside single quotes;
    // - a line break: a shell would keep it, but not every dotenv reader;
    // - "\\" and a final "\": python-dotenv reads them as escapes, the shell does not;
    // - "${": python-dotenv expands it.
    if (value.contains(u'\'')) {
        value.replace(u'\'', QChar(0x2019));
        same = false;
    }
    if (value.contains(u'\n')) {
        value.replace(u'\n', u' ');
        same = false;
    }
    // python-dotenv expands ${NAME} even inside single quotes.
    if (value.contains(QLatin1String("${"))) {
        value.replace(QLatin1String("${"), QLatin1String("$ {"));
        same = false;
    }
    if (value.contains(QLatin1String("\\\\")) || value.endsWith(u'\\')) {
        value.replace(u'\\', QChar(0x2216)); // ∖ SET MINUS, which looks like a backslash
        same = false;
    }
    if (exact)
        *exact = same;
    return u'\'' + value + u'\'';
}

QString withoutInvisible(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (isBidiOrInvisible(u) || (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f))
            continue;
        out.append(c);
    }
    return out;
}

QString terminalText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t'
            || !(u < 0x20 || (u >= 0x7f && u <= 0x9f) || isBidiOrInvisible(u) || c.category() == QChar::Separator_Line
                 || c.category() == QChar::Separator_Paragraph))
            out.append(c);
        else
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return out;
}

QString messageQuote(const QString &text)
{
    constexpr qsizetype maxShown = 60;
    QString out;
    for (qsizetype i = 0; i < text.size() && i < maxShown; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\r')
            out += QLatin1String("\\r");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control
                 || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph
                 || isBidiOrInvisible(c.unicode()))
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > maxShown)
        out += QChar(0x2026);
    return out;
}

} // namespace opsflow::escape
