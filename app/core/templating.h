// The template engine for ai-flow's {{…}} placeholder dialect: parsed once, rendered many times.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace opsflow {

struct TemplateTree;

struct TemplateError {
    QString templateName;
    int line = 0; // 1-based; 0 when the error is about the template as a whole
    QString message;

    // "name:line: message", the form compilers use, so editors and CI logs can jump to it.
    QString toString() const;
};

// The dialect, as ai-flow's own templates write it:
//
//   {{NAME}}                               the value of NAME
//   {{#IF NAME}} … {{ELSE}} … {{/IF}}      ELSE is optional; {{#IF !NAME}} negates
//   {{#EACH NAME}} … {{/EACH}}             once per item of the list NAME
//   {{! comment }}                         dropped; may span lines and hold tags, as long
//                                          as their braces balance (to comment out a block)
//   {{#IF_NAME}} … {{/IF_NAME}}            ai-flow's fused form of {{#IF NAME}} … {{/IF}}
//
// Names are [A-Z][A-Z0-9_]*; spaces just inside the braces are allowed ({{ NAME }}). Blocks
// nest to any depth. Tags other than comments end on the line they start on.
//
// `{{` always opens a tag, so a stray `{{` is a "malformed tag" error instead of text that
// silently passes through. `\{{` writes literal braces (a GitHub Actions `$\{{ secrets.X }}`
// renders as `${{ secrets.X }}`); a `}}` outside a tag is plain text.
//
// A line holding only block tags (#IF, ELSE, /IF, #EACH, /EACH, comments) and whitespace
// disappears together with its newline, so block tags on their own lines leave no blank line;
// anywhere else a tag vanishes in place. Line endings are kept as written: a "\r\n" template
// renders "\r\n" lines, and a standalone line takes its "\r\n" with it. Lines are counted by
// "\n".
//
// Lookup: inside EACH the item's keys (when the item is a QVariantMap) come first, then the
// enclosing items, then the context. For any other item {{ITEM}} is the item itself, and
// {{INDEX}} is the 1-based position in the innermost EACH. EACH takes a QVariantList or a
// QStringList.
//
// IF is true for: bool true, a non-empty string (including "false" and "0"), a non-zero
// number, a non-empty list or map. Null is false.
//
// Values are inserted as they are: escaping for markdown, mermaid or .env is the caller's job,
// done before rendering. Integral numbers print without ".0" (answers from JSON are doubles),
// booleans as true/false. A name that is not found, a null value, or a list or map where text
// is wanted is an error, never an empty string.
class Template
{
public:
    Template(); // not valid; renders nothing
    // Errors are appended to *errors (which may be null), sorted by line. The result is valid
    // only when there were none.
    static Template parse(const QString &name, const QString &text, QList<TemplateError> *errors);

    bool isValid() const { return m_tree != nullptr; }
    QString name() const { return m_name; }

    // Thread-safe and linear in the size of the output. Errors are appended, each once, sorted
    // by line; the rest of the template is still rendered so a live preview can show it.
    // With `unfilled` (a template written for ai-flow, whose names OpsFlow may not have), a
    // name not found is no error: a variable renders as a visible "[TBD: NAME]", an IF is
    // false, an EACH has no items, and the name is appended to *unfilled once.
    // Output past 16 Mi characters (blocks nested to repeat millions of times) stops the
    // rendering with an error.
    QString render(const QVariantMap &context, QList<TemplateError> *errors, QStringList *unfilled = nullptr) const;

    // Every name used in the template, sorted, unique; includes ITEM, INDEX and item keys.
    QStringList referencedNames() const;

private:
    std::shared_ptr<const TemplateTree> m_tree;
    QString m_name;
};

} // namespace opsflow
