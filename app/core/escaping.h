// Escaping of user-typed text for each place it lands: markdown, mermaid and .env files.
#pragma once

#include <QString>

// Every function is pure and thread-safe, and accepts any text: control characters (other
// than the line breaks and tabs a function handles) are dropped, since no target renders them
// and some (NUL, ESC) break tools; so are bidi controls and invisible characters (U+202E,
// U+200F, U+200B, …), which would make a document read other than it is. "Line break" means \n, \r\n, \r, U+0085,
// U+2028 or U+2029.
//
// The guarantees were checked against real parsers: CommonMark + GFM (micromark, the parser
// markdownlint uses, standing in for GitHub), QTextDocument::setMarkdown (md4c, Qt 6.4),
// markdownlint, mermaid 11 and npm dotenv; tests/tools has the checkers.
namespace opsflow::escape {

// Inline markdown prose: the result renders as exactly the text typed, on one line, whatever
// surrounds it (a paragraph, a list item, after "**Label:** ").
// - Line breaks and runs of whitespace become one space; the ends are trimmed, so leading
//   spaces never make an indented code block.
// - Backslash-escaped: ` * [ ] < | ~ $ always (code, emphasis, links, raw HTML and autolinks,
//   tables, strikethrough, GitHub math); _ unless inside a word (snake_case stays readable);
//   \ before punctuation or at the end; & when it would start an entity (&amp; stays "&amp;").
// - At the start, what would begin a block is escaped: # > - + = and "1." / "1)".
// So "<script>alert(1)</script>" shows as that text and is never HTML.
QString markdownText(const QString &text);

// A GFM table cell: markdownText per line, '|' as "\|", and line breaks as "<br/>" (the form
// QTextDocument keeps: after a bare "<br>" Qt 6.4 drops the rest of the cell). Leading and
// trailing empty lines are dropped. An empty text gives an empty cell.
QString markdownTableCell(const QString &text);

// The text of an ATX heading (the caller writes the "## "): markdownText, plus every '#' is
// escaped so no closing sequence can eat the end.
QString markdownHeading(const QString &text);

enum class CodeContext {
    Prose,     // a paragraph or list item
    TableCell, // a GFM table cell
};

// An inline code span showing the text verbatim, except that line breaks and tabs become
// spaces and the ends are trimmed (markdownlint rejects tabs and spaces at the ends of a
// code span). The backtick fence is one longer than the longest run of backticks inside,
// padded with a space when the text starts or ends with a backtick, so nothing breaks out.
// In a table cell a '|' would end the cell even inside code, and QTextDocument shows the
// "\|" that GitHub hides inside code spans; such text is written as markdownTableCell()
// instead (plain text, not monospace) so both show it right.
// A blank text gives an empty string (an empty code span does not exist in markdown).
QString inlineCode(const QString &text, CodeContext where = CodeContext::Prose);

// Text for inside a quoted mermaid label, node["…"], node[("…")], subgraph "…" or an edge
// -->|"…"|: the caller writes the quotes. Special characters become mermaid entity codes,
// which mermaid turns back into the characters as text, never markup:
//   " → #quot;   # & < > [ ] ( ) { } | ; ` $ % → #NN;
// so the label cannot end the string, open a shape, draw an arrow ("-->" loses its '>'),
// inject HTML, start a markdown string (`) or KaTeX ($$), or a comment (%%).
// Line breaks become <br/>. The words "style" and "classDef" get their first letter as an
// entity, because mermaid's pre-parse rewrites any line holding "style…:…#…;" (it would
// drop a ';' from the label); a label that is just "end" gets the same treatment, so it
// stays harmless even unquoted. U+FB02 (the "ﬂ" ligature) becomes "fl": mermaid uses it
// internally to mark entities. The result is trimmed and never empty (an empty quoted
// label does not parse; " " is returned instead).
// A label keeps at most maxMermaidLabelLines lines of at most maxMermaidLabelLine
// characters; what is cut ends in "…".
inline constexpr qsizetype maxMermaidLabelLine = 80;
inline constexpr qsizetype maxMermaidLabelLines = 4;
QString mermaidLabel(const QString &text);

// A node id made from any text: ^[A-Z][A-Za-z0-9_]*$. Accents are stripped ("Café" → "Cafe"),
// any other character becomes '_' (runs collapse, none at the ends), a leading digit gets
// an "N" in front, and the first letter is upper-case: mermaid's keywords (end, graph,
// subgraph, style, class, classDef, click, call, href, linkStyle, …) are all lower-case and
// the parser is case-sensitive, so an id can never be one. Different texts can give the
// same id ("Payment API" and "payment-api"); callers that need unique ids add a suffix.
QString mermaidId(const QString &text);

// The text of a .env comment (the caller writes the "# "): one line, so nothing typed can
// start a new line that dotenv would read as a variable. Line breaks and runs of
// whitespace become one space; the ends are trimmed.
QString envComment(const QString &text);

// The value part of KEY=VALUE, in a form that a POSIX shell (`set -a; . .env.example`),
// docker compose's env_file, npm dotenv and python-dotenv all read as the same literal text,
// so sourcing the file can never run anything:
// - empty → empty; only [A-Za-z0-9_./:@%+,=-] → as is;
// - otherwise in single quotes, inside which none of them interprets anything.
// What single quotes cannot hold for all four is replaced: a single quote becomes ’ (U+2019),
// a line break a space, "${" becomes "$ {" (python-dotenv expands it even in single quotes),
// and backslashes "∖" (U+2216) when the text holds "\\" or ends with "\". *exact (when given) is false after such a
// replacement or when characters were dropped, so callers can warn.
QString envValue(const QString &text, bool *exact = nullptr);

// A whole .env file as a template rendered it, made safe to source: every line is blank, a
// comment or KEY=VALUE whose value a shell reads without running anything (plain, single-
// quoted, or double-quoted with no $( or backquote). Any other value is quoted with
// envValue() (its text taken literally), and any other line becomes a comment. OpsFlow's own
// templates already write only such lines; a project's override, or ai-flow's template with a
// [TBD: NAME] in it, may not. `changed` gets one entry per changed line ("line 12: …").
QString envFileSafe(const QString &text, QStringList *changed);

// Text with the bidi controls, invisible characters and controls (other than \n and \t)
// removed: the last guard on every generated document.
QString withoutInvisible(const QString &text);

// Text safe to print to a terminal: control, bidi and invisible characters (other than \n
// and \t) are shown as \u001b and the like, so nothing typed or read from a file can move
// the cursor, clear the screen or reorder what is shown.
QString terminalText(const QString &text);

// A name from a file, for inside the quotes of a one-line error message ("unknown key \"%1\""):
// line breaks, tabs and other control characters (ESC would reach the terminal) are shown as
// \n, \t and \u001b; more than 60 characters are cut with "…". The file itself is not changed.
QString messageQuote(const QString &text);

} // namespace opsflow::escape
