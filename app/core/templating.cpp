// The template engine: a lexer that finds tags and standalone lines, a parser that builds an
// immutable tree once, and a renderer that walks that tree on every preview keystroke.
#include "templating.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace opsflow {

struct TemplateNode {
    enum class Kind { Text, Variable, If, Each };

    TemplateNode(Kind k, int l, QString t, bool n = false) : kind(k), line(l), text(std::move(t)), negated(n) { }

    Kind kind;
    int line;
    QString text;                       // Text: the literal text; Variable, If, Each: the name
    bool negated;                       // {{#IF !NAME}}
    std::vector<TemplateNode> children; // If: the true branch; Each: the body
    std::vector<TemplateNode> elseChildren;
};

struct TemplateTree {
    std::vector<TemplateNode> nodes;
    qsizetype textSize = 0; // all literal text: a first guess at the size of the output
};

QString TemplateError::toString() const
{
    if (line <= 0)
        return QStringLiteral("%1: %2").arg(templateName, message);
    return QStringLiteral("%1:%2: %3").arg(templateName).arg(line).arg(message);
}

namespace {

// Characters one rendering may produce: far beyond any real document (ours are under 100 KiB)
// and the size OpsFlow refuses to replace in a project.
constexpr qsizetype maxRenderedSize = qsizetype(16) * 1024 * 1024;

bool isName(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool ok = (c >= u'A' && c <= u'Z') || (i > 0 && ((c >= u'0' && c <= u'9') || c == u'_'));
        if (!ok)
            return false;
    }
    return true;
}

bool isBlank(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

QString describe(const TemplateNode &block)
{
    if (block.kind == TemplateNode::Kind::Each)
        return QStringLiteral("{{#EACH %1}}").arg(block.text);
    return QStringLiteral("{{#IF %1%2}}").arg(block.negated ? QStringLiteral("!") : QString(), block.text);
}

// ---- Lexing ----------------------------------------------------------------------------------

enum class TokenKind { Text, Variable, If, Else, EndIf, Each, EndEach, Comment };

struct Token {
    Token(TokenKind k, int l, QStringView t = {}, bool n = false) : kind(k), line(l), text(t), negated(n) { }

    TokenKind kind;
    int line;
    QStringView text; // Text: the literal text; Variable, If, Each: the name
    bool negated;
    bool dropped = false; // Text that is the indentation or newline of a standalone line
};

bool isBlockTag(TokenKind kind)
{
    return kind != TokenKind::Text && kind != TokenKind::Variable;
}

class Lexer
{
public:
    Lexer(const QString &name, QStringView text, QList<TemplateError> &errors)
        : m_name(name), m_text(text), m_errors(errors)
    { }

    std::vector<Token> tokenize()
    {
        while (m_pos < m_text.size()) {
            const qsizetype open = m_text.indexOf(u"{{", m_pos);
            if (open < 0) {
                addText(m_text.size());
            } else if (open > m_pos && m_text[open - 1] == u'\\') {
                addText(open - 1);
                m_tokens.emplace_back(TokenKind::Text, m_line, m_text.sliced(open, 2));
                m_pos = open + 2;
            } else {
                addText(open);
                lexTag(open);
            }
        }
        markStandaloneLines();
        return std::move(m_tokens);
    }

private:
    // One token per line of text, so that markStandaloneLines() can work line by line.
    void addText(qsizetype end)
    {
        while (m_pos < end) {
            const QStringView rest = m_text.sliced(m_pos, end - m_pos);
            const qsizetype newline = rest.indexOf(u'\n');
            const QStringView piece = newline < 0 ? rest : rest.first(newline + 1);
            m_tokens.emplace_back(TokenKind::Text, m_line, piece);
            m_pos += piece.size();
            if (newline >= 0)
                ++m_line;
        }
    }

    void lexTag(qsizetype open)
    {
        const qsizetype inner = open + 2;
        if (inner < m_text.size() && m_text[inner] == u'!') {
            lexComment(inner);
            return;
        }
        const qsizetype close = nextClose(inner);

        // Any other tag ends on its own line: a newline or another "{{" before the "}}" means it
        // was never closed. Lexing resumes there, to find the errors that follow.
        QStringView body = m_text.sliced(inner, (close < 0 ? m_text.size() : close) - inner);
        const qsizetype nextOpen = body.indexOf(u"{{");
        if (nextOpen >= 0)
            body = body.first(nextOpen);
        const qsizetype newline = body.indexOf(u'\n');
        if (newline >= 0)
            body = body.first(newline);
        if (close < 0 || nextOpen >= 0 || newline >= 0) {
            QStringView shown = body.left(40);
            while (!shown.isEmpty() && shown.back().isSpace())
                shown.chop(1);
            error(QStringLiteral("malformed tag \"{{%1\": missing }}").arg(shown));
            m_pos = inner + body.size();
            return;
        }
        addTag(m_text.sliced(open, close + 2 - open), body.trimmed());
        m_pos = close + 2;
    }

    // Comments may span lines and hold tags: they end at the "}}" that balances their "{{", so
    // that they can comment out a block, or mention a {{NAME}}.
    void lexComment(qsizetype inner)
    {
        int depth = 1;
        qsizetype i = inner;
        while (depth > 0 && i + 1 < m_text.size()) {
            const QStringView pair = m_text.sliced(i, 2);
            if (pair == u"{{" || pair == u"}}") {
                depth += pair == u"{{" ? 1 : -1;
                i += 2;
            } else {
                ++i;
            }
        }
        if (depth > 0) {
            error(QStringLiteral("comment {{! is never closed"));
            m_pos = m_text.size();
            return;
        }
        m_tokens.emplace_back(TokenKind::Comment, m_line);
        m_line += int(m_text.sliced(inner, i - inner).count(u'\n'));
        m_pos = i;
    }

    void addTag(QStringView tag, QStringView content)
    {
        if (content.isEmpty()) {
            error(QStringLiteral("empty tag %1").arg(tag));
        } else if (content == u"ELSE") {
            m_tokens.emplace_back(TokenKind::Else, m_line);
        } else if (content.startsWith(u'/')) {
            const QStringView block = content.sliced(1).trimmed();
            // ai-flow's fused closer {{/IF_DOCKER}} closes like {{/IF}}.
            if (block == u"IF" || (block.startsWith(u"IF_") && isName(block.sliced(3))))
                m_tokens.emplace_back(TokenKind::EndIf, m_line);
            else if (block == u"EACH")
                m_tokens.emplace_back(TokenKind::EndEach, m_line);
            else
                error(QStringLiteral("unknown tag %1: blocks close with {{/IF}} or {{/EACH}}").arg(tag));
        } else if (content.startsWith(u'#')) {
            addBlockTag(tag, content.sliced(1));
        } else if (isName(content)) {
            m_tokens.emplace_back(TokenKind::Variable, m_line, content);
        } else {
            badName(content, tag);
        }
    }

    // `#IF NAME`, `#IF !NAME` or `#EACH NAME`, without the `#`.
    void addBlockTag(QStringView tag, QStringView content)
    {
        const auto space = std::find_if(content.begin(), content.end(), [](QChar c) { return c.isSpace(); });
        const QStringView keyword = content.first(space - content.begin());
        QStringView name = content.sliced(keyword.size()).trimmed();
        TokenKind kind;
        bool negated = false;
        if (keyword == u"IF") {
            kind = TokenKind::If;
            negated = name.startsWith(u'!');
            if (negated)
                name = name.sliced(1).trimmed();
        } else if (keyword.startsWith(u"IF_") && name.isEmpty() && isName(keyword.sliced(3))) {
            // ai-flow's fused form: {{#IF_DOCKER}} is {{#IF DOCKER}}.
            kind = TokenKind::If;
            name = keyword.sliced(3);
        } else if (keyword == u"EACH") {
            kind = TokenKind::Each;
        } else {
            error(QStringLiteral("unknown tag %1: blocks open with {{#IF …}} or {{#EACH …}}").arg(tag));
            return;
        }
        if (name.isEmpty())
            error(QStringLiteral("%1 needs a name").arg(tag));
        else if (!isName(name))
            badName(name, tag);
        // Kept even when the name is bad, so that its closer does not cause a second error.
        m_tokens.emplace_back(kind, m_line, name, negated);
    }

    void badName(QStringView name, QStringView tag)
    {
        error(QStringLiteral("bad name \"%1\" in %2: names are [A-Z][A-Z0-9_]* (write \\{{ for literal braces)")
                  .arg(name, tag));
    }

    // Cached, so that a template full of unclosed "{{" is not rescanned for each of them.
    qsizetype nextClose(qsizetype from)
    {
        if (m_close == Unknown || (m_close >= 0 && m_close < from))
            m_close = m_text.indexOf(u"}}", from);
        return m_close; // -1 stays true for every later position
    }

    // A line with at least one block tag and otherwise only whitespace disappears, newline and
    // all, so that block tags on their own lines leave no blank lines behind.
    void markStandaloneLines()
    {
        size_t begin = 0;
        while (begin < m_tokens.size()) {
            bool hasBlockTag = false;
            bool onlyBlockTags = true;
            size_t end = begin;
            while (end < m_tokens.size()) {
                const Token &token = m_tokens[end++];
                if (token.kind == TokenKind::Text) {
                    onlyBlockTags = onlyBlockTags && isBlank(token.text);
                    if (token.text.endsWith(u'\n'))
                        break;
                } else {
                    hasBlockTag = hasBlockTag || isBlockTag(token.kind);
                    onlyBlockTags = onlyBlockTags && isBlockTag(token.kind);
                }
            }
            if (hasBlockTag && onlyBlockTags) {
                for (size_t i = begin; i < end; ++i)
                    m_tokens[i].dropped = m_tokens[i].kind == TokenKind::Text;
            }
            begin = end;
        }
    }

    void error(const QString &message) { m_errors.append({m_name, m_line, message}); }

    static constexpr qsizetype Unknown = -2;

    const QString &m_name;
    const QStringView m_text;
    QList<TemplateError> &m_errors;
    std::vector<Token> m_tokens;
    qsizetype m_pos = 0;
    qsizetype m_close = Unknown;
    int m_line = 1;
};

// ---- Parsing ---------------------------------------------------------------------------------

// Builds the tree with an explicit stack of open blocks, which keeps error recovery simple: a
// closer that matches an outer block closes the inner ones, reported once as never closed.
class TreeBuilder
{
public:
    TreeBuilder(const QString &name, QList<TemplateError> &errors) : m_name(name), m_errors(errors) { }

    TemplateTree build(const std::vector<Token> &tokens)
    {
        for (const Token &token : tokens)
            add(token);
        while (!m_open.empty()) {
            error(m_open.back().node.line, describe(m_open.back().node) + QStringLiteral(" is never closed"));
            closeInnermost();
        }
        return std::move(m_tree);
    }

private:
    struct OpenBlock {
        TemplateNode node;
        bool inElse = false;
    };

    void add(const Token &token)
    {
        using Kind = TemplateNode::Kind;
        switch (token.kind) {
        case TokenKind::Text:
            if (!token.dropped)
                addText(token);
            break;
        case TokenKind::Variable: current().emplace_back(Kind::Variable, token.line, token.text.toString()); break;
        case TokenKind::If:
        case TokenKind::Each: {
            const Kind kind = token.kind == TokenKind::If ? Kind::If : Kind::Each;
            m_open.push_back({TemplateNode(kind, token.line, token.text.toString(), token.negated)});
            break;
        }
        case TokenKind::Else: addElse(token); break;
        case TokenKind::EndIf: close(token, Kind::If, QStringLiteral("{{/IF}}"), QStringLiteral("{{#IF}}")); break;
        case TokenKind::EndEach:
            close(token, Kind::Each, QStringLiteral("{{/EACH}}"), QStringLiteral("{{#EACH}}"));
            break;
        case TokenKind::Comment: break;
        }
    }

    std::vector<TemplateNode> &current()
    {
        if (m_open.empty())
            return m_tree.nodes;
        OpenBlock &block = m_open.back();
        return block.inElse ? block.node.elseChildren : block.node.children;
    }

    // Adjacent text becomes one node, so rendering appends one string per run of text.
    void addText(const Token &token)
    {
        std::vector<TemplateNode> &nodes = current();
        if (nodes.empty() || nodes.back().kind != TemplateNode::Kind::Text)
            nodes.emplace_back(TemplateNode::Kind::Text, token.line, QString());
        nodes.back().text += token.text;
        m_tree.textSize += token.text.size();
    }

    void addElse(const Token &token)
    {
        if (m_open.empty()) {
            error(token.line, QStringLiteral("{{ELSE}} outside {{#IF}}"));
            return;
        }
        OpenBlock &block = m_open.back();
        const QString where = QStringLiteral("%1 from line %2").arg(describe(block.node)).arg(block.node.line);
        if (block.node.kind != TemplateNode::Kind::If)
            error(token.line, QStringLiteral("{{ELSE}} inside %1, outside {{#IF}}").arg(where));
        else if (block.inElse)
            error(token.line, QStringLiteral("second {{ELSE}} in %1").arg(where));
        else
            block.inElse = true;
    }

    void close(const Token &token, TemplateNode::Kind kind, const QString &closer, const QString &opener)
    {
        const auto match = std::find_if(m_open.rbegin(), m_open.rend(),
                                        [kind](const OpenBlock &block) { return block.node.kind == kind; });
        if (m_open.empty()) {
            error(token.line, QStringLiteral("%1 without an open %2").arg(closer, opener));
            return;
        }
        if (match == m_open.rend()) {
            const TemplateNode &innermost = m_open.back().node;
            error(token.line,
                  QStringLiteral("%1 does not match %2 from line %3")
                      .arg(closer, describe(innermost))
                      .arg(innermost.line));
            return;
        }
        const size_t keep = m_open.size() - size_t(match - m_open.rbegin()) - 1;
        while (m_open.size() > keep + 1) {
            error(m_open.back().node.line, describe(m_open.back().node) + QStringLiteral(" is never closed"));
            closeInnermost();
        }
        closeInnermost();
    }

    void closeInnermost()
    {
        TemplateNode node = std::move(m_open.back().node);
        m_open.pop_back();
        current().push_back(std::move(node));
    }

    void error(int line, const QString &message) { m_errors.append({m_name, line, message}); }

    const QString &m_name;
    QList<TemplateError> &m_errors;
    TemplateTree m_tree;
    std::vector<OpenBlock> m_open;
};

// ---- Rendering -------------------------------------------------------------------------------

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float: return true;
    default: return false;
    }
}

bool isNull(const QVariant &value)
{
    return !value.isValid() || value.typeId() == QMetaType::Nullptr;
}

bool isList(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList;
}

bool isMap(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantMap || value.typeId() == QMetaType::QVariantHash;
}

bool isTrue(const QVariant &value)
{
    if (isNull(value))
        return false;
    switch (value.typeId()) {
    case QMetaType::Bool: return value.toBool();
    case QMetaType::QVariantList: return !value.toList().isEmpty();
    case QMetaType::QStringList: return !value.toStringList().isEmpty();
    case QMetaType::QVariantMap: return !value.toMap().isEmpty();
    case QMetaType::QVariantHash: return !value.toHash().isEmpty();
    default: return isNumber(value) ? value.toDouble() != 0 : !value.toString().isEmpty();
    }
}

QString formatNumber(const QVariant &value)
{
    if (value.typeId() != QMetaType::Double && value.typeId() != QMetaType::Float)
        return value.toString();
    // Every JSON number is a double: a replica count of 3 must read "3", not "3.0" or "3e+00".
    const double number = value.toDouble();
    if (std::isfinite(number) && number == std::trunc(number) && std::abs(number) < 1e15)
        return QString::number(qint64(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

class Renderer
{
public:
    Renderer(const QString &name, const QVariantMap &context, qsizetype sizeHint, QStringList *unfilled)
        : m_name(name), m_unfilled(unfilled)
    {
        m_scopes.push_back({context, QVariant(), 0, false});
        m_output.reserve(sizeHint);
    }

    void render(const std::vector<TemplateNode> &nodes)
    {
        for (const TemplateNode &node : nodes) {
            if (tooLarge(node))
                return;
            switch (node.kind) {
            case TemplateNode::Kind::Text: m_output += node.text; break;
            case TemplateNode::Kind::Variable: renderVariable(node); break;
            case TemplateNode::Kind::If: renderIf(node); break;
            case TemplateNode::Kind::Each: renderEach(node); break;
            }
        }
    }

    QString output() const { return m_output; }
    QList<TemplateError> errors() const { return m_errors; }

private:
    struct Scope {
        QVariantMap keys; // of a map item, or the context
        QVariant item;    // a scalar item
        int index;        // 1-based; 0 for the context
        bool scalar;
    };

    std::optional<QVariant> lookup(const QString &name) const
    {
        for (auto scope = m_scopes.crbegin(); scope != m_scopes.crend(); ++scope) {
            const auto found = scope->keys.constFind(name);
            if (found != scope->keys.cend())
                return *found;
            if (scope->index > 0 && name == QLatin1String("INDEX"))
                return QVariant(scope->index);
            if (scope->scalar && name == QLatin1String("ITEM"))
                return scope->item;
        }
        return std::nullopt;
    }

    void renderVariable(const TemplateNode &node)
    {
        const std::optional<QVariant> value = lookup(node.text);
        const QString tag = QStringLiteral("{{%1}}").arg(node.text);
        if (!value && m_unfilled) {
            m_output += QStringLiteral("[TBD: %1]").arg(node.text);
            noteUnfilled(node.text);
        } else if (!value)
            error(node, QStringLiteral("unknown variable %1").arg(tag));
        else if (isNull(*value))
            error(node, QStringLiteral("%1 has no value").arg(tag));
        else if (isList(*value))
            error(node, QStringLiteral("%1 is a list, not text").arg(tag));
        else if (isMap(*value))
            error(node, QStringLiteral("%1 is a map, not text").arg(tag));
        else if (value->typeId() == QMetaType::QString)
            m_output += value->toString();
        else if (isNumber(*value))
            m_output += formatNumber(*value);
        else if (value->canConvert<QString>())
            m_output += value->toString();
        else
            error(node, QStringLiteral("%1 is a %2, not text").arg(tag, QString::fromLatin1(value->typeName())));
    }

    void renderIf(const TemplateNode &node)
    {
        const std::optional<QVariant> value = lookup(node.text);
        if (!value) {
            unknownBlockName(node);
            return;
        }
        render(isTrue(*value) != node.negated ? node.children : node.elseChildren);
    }

    void renderEach(const TemplateNode &node)
    {
        const std::optional<QVariant> value = lookup(node.text);
        if (!value) {
            unknownBlockName(node);
            return;
        }
        if (!isList(*value)) {
            const QString what =
                isNull(*value) ? QStringLiteral("null") : QStringLiteral("a ") + QString::fromLatin1(value->typeName());
            error(node, QStringLiteral("%1 needs a list, but %2 is %3").arg(describe(node), node.text, what));
            return;
        }
        const QVariantList items = value->toList();
        int index = 0;
        for (const QVariant &item : items) {
            const bool scalar = item.typeId() != QMetaType::QVariantMap;
            m_scopes.push_back({scalar ? QVariantMap() : item.toMap(), scalar ? item : QVariant(), ++index, scalar});
            render(node.children);
            m_scopes.pop_back();
            if (m_stopped)
                break;
        }
    }

    // A project's template that repeats a block inside a block inside a block (EACH ALERTS nine
    // deep) would grow to gigabytes: rendering stops at a size no document of ours comes near,
    // with an error, so the file is not written and the preview stays responsive.
    bool tooLarge(const TemplateNode &node)
    {
        if (m_output.size() <= maxRenderedSize)
            return false;
        if (!m_stopped)
            m_errors.append({m_name, node.line,
                             QStringLiteral("the document grows past %1 MiB of text here (a block repeats too often), "
                                            "so rendering stopped")
                                 .arg(maxRenderedSize / (qsizetype(1024) * 1024))});
        m_stopped = true;
        return true;
    }

    // Unfilled mode: an unknown IF is false and an unknown EACH has no items; either is listed.
    void unknownBlockName(const TemplateNode &node)
    {
        if (m_unfilled)
            noteUnfilled(node.text);
        else
            error(node, QStringLiteral("unknown variable %1 in %2").arg(node.text, describe(node)));
    }

    void noteUnfilled(const QString &name)
    {
        if (!m_unfilled->contains(name))
            m_unfilled->append(name);
    }

    // An error inside EACH would otherwise repeat for every item.
    void error(const TemplateNode &node, const QString &message)
    {
        const auto key = qMakePair(&node, message);
        if (m_reported.contains(key))
            return;
        m_reported.insert(key);
        m_errors.append({m_name, node.line, message});
    }

    const QString &m_name;
    QStringList *m_unfilled; // null: an unknown name is an error
    QString m_output;
    QList<TemplateError> m_errors;
    std::vector<Scope> m_scopes;
    QSet<QPair<const TemplateNode *, QString>> m_reported;
    bool m_stopped = false;
};

void appendSorted(QList<TemplateError> *errors, QList<TemplateError> found)
{
    if (!errors)
        return;
    std::stable_sort(found.begin(), found.end(),
                     [](const TemplateError &a, const TemplateError &b) { return a.line < b.line; });
    errors->append(found);
}

void collectNames(const std::vector<TemplateNode> &nodes, QStringList &names)
{
    for (const TemplateNode &node : nodes) {
        if (node.kind == TemplateNode::Kind::Text)
            continue;
        names.append(node.text);
        collectNames(node.children, names);
        collectNames(node.elseChildren, names);
    }
}

} // namespace

Template::Template() = default;

Template Template::parse(const QString &name, const QString &text, QList<TemplateError> *errors)
{
    QList<TemplateError> found;
    const std::vector<Token> tokens = Lexer(name, text, found).tokenize();
    TemplateTree tree = TreeBuilder(name, found).build(tokens);

    Template result;
    result.m_name = name;
    if (found.isEmpty())
        result.m_tree = std::make_shared<const TemplateTree>(std::move(tree));
    appendSorted(errors, found);
    return result;
}

QString Template::render(const QVariantMap &context, QList<TemplateError> *errors, QStringList *unfilled) const
{
    if (!m_tree) {
        appendSorted(errors, {{m_name, 0, QStringLiteral("the template did not parse, so it renders nothing")}});
        return {};
    }
    Renderer renderer(m_name, context, m_tree->textSize, unfilled);
    renderer.render(m_tree->nodes);
    appendSorted(errors, renderer.errors());
    return renderer.output();
}

QStringList Template::referencedNames() const
{
    QStringList names;
    if (m_tree)
        collectNames(m_tree->nodes, names);
    names.sort();
    names.removeDuplicates();
    return names;
}

} // namespace opsflow
