// Highlighters for the preview: KSyntaxHighlighting when the build found it, the built-in
// FallbackHighlighter otherwise. Callers never need to know which one they got.
#pragma once

#include <QString>

class QPalette;
class QSyntaxHighlighter;
class QTextDocument;

namespace opsflow::Highlighting {

// "KSyntaxHighlighting" or "built-in": for the About box and the logs.
QString backendName();
bool usesKSyntaxHighlighting();

// A highlighter for `language` ("markdown", "mermaid" or "dotenv") attached to `document`,
// coloured for `palette`; owned by the document. Null for an unknown language.
QSyntaxHighlighter *create(const QString &language, QTextDocument *document, const QPalette &palette);

// Re-colours a highlighter made by create() for a new palette (light or dark theme); does
// nothing when the palette keeps the same theme.
void setPalette(QSyntaxHighlighter *highlighter, const QPalette &palette);

// Whether a palette asks for the dark theme: its base (text background) colour is dark.
bool isDark(const QPalette &palette);

} // namespace opsflow::Highlighting
