// The built-in highlighter for markdown (with mermaid fences), mermaid and .env files.
#include "fallbackhighlighter.h"

#include <QRegularExpression>

namespace opsflow {

namespace {

// Markdown block states: 0 outside a fence; inside one, the fence kind, its character and
// its length, so only a matching fence closes it (the seed nests ``` inside ````); or inside
// an HTML comment (the documents' "<!-- opsflow:begin … -->" markers).
constexpr int FenceCode = 1;
constexpr int FenceMermaid = 2;
constexpr int InHtmlComment = 3;
constexpr int FenceKindMask = 3;
constexpr int FenceTilde = 4;
constexpr int FenceLengthShift = 3;

QTextCharFormat foreground(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(color);
    if (bold)
        format.setFontWeight(QFont::Bold);
    if (italic)
        format.setFontItalic(true);
    return format;
}

template<typename Apply>
void forEachMatch(const QRegularExpression &expression, const QString &text, Apply apply)
{
    auto it = expression.globalMatch(text);
    while (it.hasNext())
        apply(it.next());
}

} // namespace

FallbackHighlighter::FallbackHighlighter(Language language, QTextDocument *document)
    : QSyntaxHighlighter(document), m_language(language), m_formats(formatsFor(false))
{ }

void FallbackHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    m_formats = formatsFor(dark);
    rehighlight();
}

// Colours from GitHub's Primer scales: each pair reads at 4.5:1 or better on a white and on
// a near-black base, which is what light and dark desktop palettes use.
FallbackHighlighter::Formats FallbackHighlighter::formatsFor(bool dark)
{
    const auto pick = [dark](const char *light, const char *darkColor) {
        return QColor(QLatin1String(dark ? darkColor : light));
    };
    const QColor blue = pick("#0550ae", "#79c0ff");
    const QColor purple = pick("#8250df", "#d2a8ff");
    const QColor red = pick("#cf222e", "#ff7b72");
    const QColor orange = pick("#953800", "#ffa657");
    const QColor green = pick("#116329", "#7ee787");
    const QColor navy = pick("#0a3069", "#a5d6ff");
    const QColor grey = pick("#57606a", "#8b949e");

    Formats f;
    f.heading = foreground(blue, true);
    f.emphasis.setFontItalic(true);
    f.strong.setFontWeight(QFont::Bold);
    f.strike = foreground(grey);
    f.strike.setFontStrikeOut(true);
    f.code = foreground(green);
    f.fence = foreground(grey);
    f.listMarker = foreground(orange, true);
    f.quote = foreground(grey, false, true);
    f.link = foreground(blue);
    f.link.setFontUnderline(true);
    f.url = foreground(grey);
    f.tablePipe = foreground(purple);
    f.rule = foreground(grey);

    f.keyword = foreground(purple, true);
    f.direction = foreground(blue, true);
    f.arrow = foreground(red, true);
    f.edgeLabel = foreground(orange);
    f.shape = foreground(blue);
    f.nodeId.setFontWeight(QFont::Bold); // the text colour: always readable
    f.string = foreground(navy);
    f.styleProperty = foreground(purple);
    f.comment = foreground(grey, false, true);

    f.key = foreground(blue, true);
    f.assignment = foreground(red);
    f.value = foreground(navy);
    return f;
}

void FallbackHighlighter::highlightBlock(const QString &text)
{
    switch (m_language) {
    case Language::Markdown: highlightMarkdown(text); break;
    case Language::Mermaid: highlightMermaid(text); break;
    case Language::DotEnv: highlightDotEnv(text); break;
    }
}

void FallbackHighlighter::highlightMarkdown(const QString &text)
{
    static const QRegularExpression openFence(QStringLiteral("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*)"));
    static const QRegularExpression closeFence(QStringLiteral("^ {0,3}(`{3,}|~{3,})\\s*$"));
    static const QRegularExpression heading(QStringLiteral("^ {0,3}#{1,6}(\\s|$)"));
    static const QRegularExpression rule(QStringLiteral("^ {0,3}([-*_])( *\\1){2,} *$"));
    static const QRegularExpression tableDelimiter(
        QStringLiteral("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$"));
    static const QRegularExpression pipe(QStringLiteral("(?<!\\\\)\\|"));
    static const QRegularExpression listMarker(QStringLiteral("^\\s*([-*+]|\\d{1,9}[.)])(?=\\s)"));
    static const QRegularExpression quote(QStringLiteral("^\\s*(>\\s?)+"));

    const int previous = qMax(previousBlockState(), 0);
    if (previous == InHtmlComment) {
        const qsizetype end = text.indexOf(QLatin1String("-->"));
        setFormat(0, int(end < 0 ? text.size() : end + 3), m_formats.comment);
        setCurrentBlockState(end < 0 ? InHtmlComment : 0);
        return;
    }
    if (previous != 0) {
        const int kind = previous & FenceKindMask;
        const QChar fenceChar = (previous & FenceTilde) ? u'~' : u'`';
        const int length = previous >> FenceLengthShift;
        const auto close = closeFence.match(text);
        if (close.hasMatch() && close.captured(1).at(0) == fenceChar && close.capturedLength(1) >= length) {
            setFormat(0, int(text.size()), m_formats.fence);
            setCurrentBlockState(0);
            return;
        }
        if (kind == FenceMermaid)
            highlightMermaid(text);
        else
            setFormat(0, int(text.size()), m_formats.code);
        setCurrentBlockState(previous);
        return;
    }
    setCurrentBlockState(0);

    if (const auto open = openFence.match(text); open.hasMatch()) {
        setFormat(0, int(text.size()), m_formats.fence);
        const bool mermaid = open.captured(2).compare(u"mermaid", Qt::CaseInsensitive) == 0;
        const bool tilde = open.captured(1).at(0) == u'~';
        setCurrentBlockState((mermaid ? FenceMermaid : FenceCode) | (tilde ? FenceTilde : 0)
                             | (int(open.capturedLength(1)) << FenceLengthShift));
        return;
    }
    if (heading.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_formats.heading);
        return;
    }
    if (rule.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_formats.rule);
        return;
    }
    if (tableDelimiter.match(text).hasMatch() && text.contains(u'|')) {
        setFormat(0, int(text.size()), m_formats.tablePipe);
        return;
    }

    highlightMarkdownInline(text);

    if (text.trimmed().startsWith(u'|')) {
        forEachMatch(pipe, text, [this](const QRegularExpressionMatch &m) {
            setFormat(int(m.capturedStart()), 1, m_formats.tablePipe);
        });
    }
    if (const auto m = listMarker.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats.listMarker);
    if (const auto m = quote.match(text); m.hasMatch())
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.quote);

    for (qsizetype open = text.indexOf(QLatin1String("<!--")); open >= 0;
         open = text.indexOf(QLatin1String("<!--"), open)) {
        const qsizetype close = text.indexOf(QLatin1String("-->"), open + 4);
        if (close < 0) {
            setFormat(int(open), int(text.size() - open), m_formats.comment);
            setCurrentBlockState(InHtmlComment);
            break;
        }
        setFormat(int(open), int(close + 3 - open), m_formats.comment);
        open = close + 3;
    }
}

void FallbackHighlighter::highlightMarkdownInline(const QString &text)
{
    static const QRegularExpression link(QStringLiteral("!?\\[([^\\]\\n]*)\\]\\(([^)\\s]*)[^)]*\\)"));
    static const QRegularExpression autolink(QStringLiteral("<(https?://[^>\\s]+)>"));
    static const QRegularExpression strong(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"));
    static const QRegularExpression emphasis(QStringLiteral(
        "(?<![*\\w])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![*\\w])|(?<![_\\w])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![_\\w])"));
    static const QRegularExpression strike(QStringLiteral("~~(?=\\S)(.+?)(?<=\\S)~~"));
    static const QRegularExpression code(QStringLiteral("(`+)(.+?)\\1"));

    // Later rules win where they overlap: code spans are literal, so they come last.
    forEachMatch(strong, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.strong);
    });
    forEachMatch(emphasis, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.emphasis);
    });
    forEachMatch(strike, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.strike);
    });
    forEachMatch(link, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.url);
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats.link);
    });
    forEachMatch(autolink, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.url);
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats.link);
    });
    forEachMatch(code, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.code);
    });
}

void FallbackHighlighter::highlightMermaid(const QString &text)
{
    static const QRegularExpression comment(QStringLiteral("^\\s*%%.*$"));
    static const QRegularExpression header(QStringLiteral("^\\s*(graph|flowchart)\\b(?:\\s+(TD|TB|BT|RL|LR)\\b)?"));
    static const QRegularExpression keyword(
        QStringLiteral("^\\s*(subgraph|end|direction|classDef|class|linkStyle|click|style|sequenceDiagram|"
                       "classDiagram|stateDiagram(?:-v2)?|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline)\\b"));
    static const QRegularExpression styleLine(
        QStringLiteral("^\\s*(?:style|classDef|linkStyle|class)\\s+(\\S+)\\s+(.*)$"));
    static const QRegularExpression styleProperty(QStringLiteral("([\\w-]+)(:)([^,;]*)"));
    static const QRegularExpression nodeId(QStringLiteral("\\b([A-Za-z_][\\w]*)(?=\\s*[\\[({])"));
    static const QRegularExpression shape(
        QStringLiteral("\\[\\(|\\)\\]|\\[\\[|\\]\\]|\\(\\(|\\)\\)|\\{\\{|\\}\\}|[\\[\\](){}]"));
    static const QRegularExpression arrow(QStringLiteral("<?(?:-\\.+-|-{2,}|={2,})(?:>|[xo](?!\\w))?"));
    static const QRegularExpression edgeLabel(QStringLiteral("\\|[^|]*\\|"));
    static const QRegularExpression string(QStringLiteral("\"[^\"]*\""));

    if (comment.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_formats.comment);
        return;
    }
    if (const auto m = styleLine.match(text); m.hasMatch()) {
        setFormat(0, int(m.capturedStart(1)), m_formats.keyword);
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats.nodeId);
        const QString properties = m.captured(2);
        const int offset = int(m.capturedStart(2));
        forEachMatch(styleProperty, properties, [this, offset](const QRegularExpressionMatch &p) {
            setFormat(offset + int(p.capturedStart(1)), int(p.capturedLength(1)), m_formats.styleProperty);
            setFormat(offset + int(p.capturedStart(3)), int(p.capturedLength(3)), m_formats.string);
        });
        return;
    }
    if (const auto m = header.match(text); m.hasMatch()) {
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats.keyword);
        if (m.capturedLength(2) > 0)
            setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_formats.direction);
    } else if (const auto k = keyword.match(text); k.hasMatch()) {
        setFormat(int(k.capturedStart(1)), int(k.capturedLength(1)), m_formats.keyword);
    }

    forEachMatch(nodeId, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats.nodeId);
    });
    forEachMatch(shape, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.shape);
    });
    forEachMatch(arrow, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.arrow);
    });
    // Labels and quoted text are literal: whatever looks like a bracket or an arrow inside
    // them is part of the label.
    forEachMatch(edgeLabel, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.edgeLabel);
    });
    forEachMatch(string, text, [this](const QRegularExpressionMatch &m) {
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats.string);
    });
}

void FallbackHighlighter::highlightDotEnv(const QString &text)
{
    static const QRegularExpression comment(QStringLiteral("^\\s*#.*$"));
    static const QRegularExpression assignment(
        QStringLiteral("^\\s*(export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*(=)(.*)$"));

    if (comment.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_formats.comment);
        return;
    }
    const auto m = assignment.match(text);
    if (!m.hasMatch())
        return;
    if (m.capturedLength(1) > 0)
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats.keyword);
    setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_formats.key);
    setFormat(int(m.capturedStart(3)), 1, m_formats.assignment);

    // The value, as the dotenv package reads it: quoted (kept whole, a backslash escapes in
    // double quotes), or bare up to the first '#', which starts a trailing comment.
    const int offset = int(m.capturedStart(4));
    const QString raw = m.captured(4);
    int begin = 0;
    while (begin < raw.size() && raw.at(begin).isSpace())
        ++begin;
    int commentFrom = -1;
    if (begin < raw.size() && (raw.at(begin) == u'"' || raw.at(begin) == u'\'')) {
        const QChar quoteChar = raw.at(begin);
        int end = begin + 1;
        while (end < raw.size() && raw.at(end) != quoteChar)
            end += (quoteChar == u'"' && raw.at(end) == u'\\') ? 2 : 1;
        end = qMin(end + 1, int(raw.size()));
        setFormat(offset + begin, end - begin, m_formats.string);
        commentFrom = int(raw.indexOf(u'#', end));
    } else {
        commentFrom = int(raw.indexOf(u'#', begin));
        const int end = commentFrom < 0 ? int(raw.size()) : commentFrom;
        setFormat(offset + begin, end - begin, m_formats.value);
    }
    if (commentFrom >= 0)
        setFormat(offset + commentFrom, int(raw.size()) - commentFrom, m_formats.comment);
}

} // namespace opsflow
