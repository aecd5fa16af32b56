// Highlighters for the preview: KSyntaxHighlighting when the build found it, the built-in
// FallbackHighlighter otherwise. Callers never need to know which one they got.
#pragma once

#include <QString>

class QPalette;
class QSyntaxHighlighter;
class QTextDocument;

namespace opsflow::Highlighting {

// "KSyntaxHighlighting" or "built-in": for the logs.
QString backendName();
bool usesKSyntaxHighlighting();
// For the About box: "KSyntaxHighlighting 6.13.0 (KF6)", or the built-in highlighter and why.
QString description();

// A highlighter for `language` ("markdown", "mermaid" or "dotenv") attached to `document`,
// coloured for `palette`; owned by the document. Null for an unknown language. `fileName`
// (say "docs/operations.md" or ".env.example"), when the text is a file's, picks
// KSyntaxHighlighting's definition by the file's name before the language's.
QSyntaxHighlighter *create(const QString &language, const QString &fileName, QTextDocument *document,
                           const QPalette &palette);

// Re-colours a highlighter made by create() for a new palette (light or dark theme); does
// nothing when the palette keeps the same theme.
void setPalette(QSyntaxHighlighter *highlighter, const QPalette &palette);

// Whether a palette asks for the dark theme: its base (text background) colour is dark.
bool isDark(const QPalette &palette);

// What a highlighter made by create() is: KSyntaxHighlighting's definition and theme names
// ("Markdown", "Breeze Light"), empty for the built-in highlighter. For the logs and tests.
QString definitionName(const QSyntaxHighlighter *highlighter);
QString themeName(const QSyntaxHighlighter *highlighter);

} // namespace opsflow::Highlighting
