// The built-in highlighter for markdown (with mermaid fences), mermaid and .env files: what
// runs when KSyntaxHighlighting is not available (Debian 12, so CI).
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace opsflow {

class FallbackHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language { Markdown, Mermaid, DotEnv };

    FallbackHighlighter(Language language, QTextDocument *document);

    Language language() const { return m_language; }
    // Switches between the colour sets for light and dark backgrounds and re-highlights.
    void setDark(bool dark);
    bool isDark() const { return m_dark; }

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Formats {
        QTextCharFormat heading, emphasis, strong, strike, code, fence, listMarker, quote, link, url, tablePipe, rule;
        QTextCharFormat keyword, direction, arrow, edgeLabel, shape, nodeId, string, styleProperty, comment;
        QTextCharFormat key, assignment, value;
    };

    void highlightMarkdown(const QString &text);
    void highlightMarkdownInline(const QString &text);
    void highlightMermaid(const QString &text);
    void highlightDotEnv(const QString &text);

    static Formats formatsFor(bool dark);

    Language m_language;
    bool m_dark = false;
    Formats m_formats;
};

} // namespace opsflow
