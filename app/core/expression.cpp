// Parser and evaluator of the questionnaire's condition language (see FORMAT.md).
#include "expression.h"

#include <QList>

#include <cmath>

namespace opsflow {

struct ExpressionNode {
    enum class Kind { Literal, List, Reference, Not, Negate, Binary };
    Kind kind = Kind::Literal;
    QVariant literal;
    QString questionId; // empty = the current question
    QString fieldId;
    QString op;
    QList<std::shared_ptr<const ExpressionNode>> children;
};

namespace {

using Node = std::shared_ptr<const ExpressionNode>;

struct Token {
    enum class Type { End, Name, Number, String, Op };
    Type type = Type::End;
    QString text;
    int position = 0;
};

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Splits the text into tokens; a qualified reference "7.4.1:strategy" is one Name token.
QList<Token> tokenize(const QString &text, QString *error)
{
    QList<Token> tokens;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token token;
        token.position = i;
        if (isNameStart(c) || c.isDigit()) {
            int j = i;
            while (j < n && (isNameChar(text.at(j)) || text.at(j) == u'.'))
                ++j;
            if (j < n && text.at(j) == u':') { // qualified: question or "context", then field
                ++j;
                if (j >= n || !isNameStart(text.at(j))) {
                    *error = QStringLiteral("a field name must follow ':' at position %1").arg(j + 1);
                    return {};
                }
                while (j < n && isNameChar(text.at(j)))
                    ++j;
                token.type = Token::Type::Name;
            } else {
                bool isNumber = false;
                text.mid(i, j - i).toDouble(&isNumber);
                token.type = isNumber ? Token::Type::Number : Token::Type::Name;
                if (!isNumber && !isNameStart(c)) {
                    *error = QStringLiteral("'%1' is neither a number nor a name").arg(text.mid(i, j - i));
                    return {};
                }
            }
            token.text = text.mid(i, j - i);
            i = j;
        } else if (c == u'\'' || c == u'"') {
            int j = i + 1;
            while (j < n && text.at(j) != c)
                ++j;
            if (j >= n) {
                *error = QStringLiteral("unterminated string starting at position %1").arg(i + 1);
                return {};
            }
            token.type = Token::Type::String;
            token.text = text.mid(i + 1, j - i - 1);
            i = j + 1;
        } else {
            static const char *const twoChar[] = {"==", "!=", "<=", ">=", "&&", "||"};
            const QString two = text.mid(i, 2);
            bool matched = false;
            for (const char *op : twoChar) {
                if (two == QLatin1String(op)) {
                    token.text = two;
                    i += 2;
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                if (!QStringLiteral("<>!+-*/()[],").contains(c)) {
                    *error = QStringLiteral("unexpected character '%1' at position %2").arg(c).arg(i + 1);
                    return {};
                }
                token.text = c;
                ++i;
            }
            token.type = Token::Type::Op;
        }
        tokens.append(token);
    }
    Token end;
    end.position = n;
    tokens.append(end);
    return tokens;
}

// Precedence climbing over: || < && < ! < comparison/in/has < + - < * / < unary minus.
class Parser
{
public:
    Parser(QList<Token> tokens, QString *error) : m_tokens(std::move(tokens)), m_error(error) { }

    Node parseAll()
    {
        Node node = parseOr();
        if (node && peek().type != Token::Type::End)
            fail(QStringLiteral("unexpected '%1'").arg(peek().text));
        return m_error->isEmpty() ? node : nullptr;
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }
    bool isOp(const char *op) const { return peek().type == Token::Type::Op && peek().text == QLatin1String(op); }
    bool isWord(const char *word) const
    {
        return peek().type == Token::Type::Name && peek().text == QLatin1String(word);
    }
    Node fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = QStringLiteral("%1 at position %2").arg(message).arg(peek().position + 1);
        return nullptr;
    }
    static Node binary(const QString &op, Node left, Node right)
    {
        auto node = std::make_shared<ExpressionNode>();
        node->kind = ExpressionNode::Kind::Binary;
        node->op = op;
        node->children = {std::move(left), std::move(right)};
        return node;
    }

    Node parseOr()
    {
        Node left = parseAnd();
        while (left && isOp("||")) {
            ++m_pos;
            Node right = parseAnd();
            if (!right)
                return nullptr;
            left = binary(QStringLiteral("||"), left, right);
        }
        return left;
    }
    Node parseAnd()
    {
        Node left = parseNot();
        while (left && isOp("&&")) {
            ++m_pos;
            Node right = parseNot();
            if (!right)
                return nullptr;
            left = binary(QStringLiteral("&&"), left, right);
        }
        return left;
    }
    Node parseNot()
    {
        if (isOp("!")) {
            ++m_pos;
            Node operand = parseNot();
            if (!operand)
                return nullptr;
            auto node = std::make_shared<ExpressionNode>();
            node->kind = ExpressionNode::Kind::Not;
            node->children = {operand};
            return node;
        }
        return parseComparison();
    }
    Node parseComparison()
    {
        Node left = parseSum();
        if (!left)
            return nullptr;
        for (const char *op : {"==", "!=", "<=", ">=", "<", ">"}) {
            if (isOp(op)) {
                ++m_pos;
                Node right = parseSum();
                return right ? binary(QLatin1String(op), left, right) : nullptr;
            }
        }
        for (const char *word : {"in", "has"}) {
            if (isWord(word)) {
                ++m_pos;
                Node right = parseSum();
                return right ? binary(QLatin1String(word), left, right) : nullptr;
            }
        }
        return left;
    }
    Node parseSum()
    {
        Node left = parseProduct();
        while (left && (isOp("+") || isOp("-"))) {
            const QString op = peek().text;
            ++m_pos;
            Node right = parseProduct();
            if (!right)
                return nullptr;
            left = binary(op, left, right);
        }
        return left;
    }
    Node parseProduct()
    {
        Node left = parseUnary();
        while (left && (isOp("*") || isOp("/"))) {
            const QString op = peek().text;
            ++m_pos;
            Node right = parseUnary();
            if (!right)
                return nullptr;
            left = binary(op, left, right);
        }
        return left;
    }
    Node parseUnary()
    {
        if (isOp("-")) {
            ++m_pos;
            Node operand = parseUnary();
            if (!operand)
                return nullptr;
            auto node = std::make_shared<ExpressionNode>();
            node->kind = ExpressionNode::Kind::Negate;
            node->children = {operand};
            return node;
        }
        return parsePrimary();
    }
    Node parsePrimary()
    {
        const Token token = peek();
        auto node = std::make_shared<ExpressionNode>();
        switch (token.type) {
        case Token::Type::End: return fail(QStringLiteral("unexpected end"));
        case Token::Type::Number:
            ++m_pos;
            node->literal = token.text.toDouble();
            return node;
        case Token::Type::String:
            ++m_pos;
            node->literal = token.text;
            return node;
        case Token::Type::Name:
            ++m_pos;
            if (token.text == QLatin1String("true") || token.text == QLatin1String("false")) {
                node->literal = token.text == QLatin1String("true");
                return node;
            }
            if (token.text == QLatin1String("null"))
                return node;
            if (token.text == QLatin1String("in") || token.text == QLatin1String("has")) {
                --m_pos;
                return fail(QStringLiteral("'%1' needs a value on its left").arg(token.text));
            }
            node->kind = ExpressionNode::Kind::Reference;
            if (const int colon = int(token.text.indexOf(u':')); colon >= 0) {
                node->questionId = token.text.left(colon);
                node->fieldId = token.text.mid(colon + 1);
            } else {
                node->fieldId = token.text;
            }
            return node;
        case Token::Type::Op:
            if (token.text == QLatin1String("(")) {
                ++m_pos;
                Node inner = parseOr();
                if (!inner)
                    return nullptr;
                if (!isOp(")"))
                    return fail(QStringLiteral("missing ')'"));
                ++m_pos;
                return inner;
            }
            if (token.text == QLatin1String("[")) {
                ++m_pos;
                node->kind = ExpressionNode::Kind::List;
                while (!isOp("]")) {
                    Node item = parseOr();
                    if (!item)
                        return nullptr;
                    node->children.append(item);
                    if (isOp(","))
                        ++m_pos;
                    else if (!isOp("]"))
                        return fail(QStringLiteral("missing ']'"));
                }
                ++m_pos;
                return node;
            }
            return fail(QStringLiteral("unexpected '%1'").arg(token.text));
        }
        return nullptr;
    }

    QList<Token> m_tokens;
    int m_pos = 0;
    QString *m_error;
};

bool isNullValue(const QVariant &v)
{
    return !v.isValid() || v.isNull();
}

bool isNumeric(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return true;
    default: return false;
    }
}

bool isList(const QVariant &v)
{
    return v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList;
}

bool equal(const QVariant &a, const QVariant &b)
{
    if (isNumeric(a) && isNumeric(b))
        return a.toDouble() == b.toDouble();
    if (a.typeId() == QMetaType::Bool || b.typeId() == QMetaType::Bool)
        return a.toBool() == b.toBool();
    return a.toString() == b.toString();
}

bool truthy(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    if (isNumeric(v))
        return v.toDouble() != 0;
    if (isList(v))
        return !v.toList().isEmpty();
    return !v.toString().isEmpty();
}

QVariant eval(const ExpressionNode &node, const QString &current, const Expression::Resolver &resolve)
{
    using Kind = ExpressionNode::Kind;
    switch (node.kind) {
    case Kind::Literal: return node.literal;
    case Kind::List: {
        QVariantList list;
        for (const auto &child : node.children)
            list.append(eval(*child, current, resolve));
        return list;
    }
    case Kind::Reference: {
        QVariant v = resolve(node.questionId.isEmpty() ? current : node.questionId, node.fieldId);
        // An empty answer is null: "not decided yet".
        if (isNullValue(v) || (v.typeId() == QMetaType::QString && v.toString().isEmpty()))
            return {};
        return v;
    }
    case Kind::Not: {
        const QVariant v = eval(*node.children.at(0), current, resolve);
        return isNullValue(v) ? QVariant() : QVariant(!truthy(v));
    }
    case Kind::Negate: {
        const QVariant v = eval(*node.children.at(0), current, resolve);
        return isNumeric(v) ? QVariant(-v.toDouble()) : QVariant();
    }
    case Kind::Binary: break;
    }

    const QString &op = node.op;
    const QVariant a = eval(*node.children.at(0), current, resolve);
    // Three-valued logic: false && null is false, true || null is true.
    if (op == QLatin1String("&&") || op == QLatin1String("||")) {
        const bool isAnd = op == QLatin1String("&&");
        if (!isNullValue(a) && truthy(a) != isAnd)
            return !isAnd;
        const QVariant b = eval(*node.children.at(1), current, resolve);
        if (!isNullValue(b) && truthy(b) != isAnd)
            return !isAnd;
        if (isNullValue(a) || isNullValue(b))
            return {};
        return isAnd;
    }
    const QVariant b = eval(*node.children.at(1), current, resolve);
    if (isNullValue(a) || isNullValue(b))
        return {};
    if (op == QLatin1String("=="))
        return equal(a, b);
    if (op == QLatin1String("!="))
        return !equal(a, b);
    if (op == QLatin1String("in") || op == QLatin1String("has")) {
        const QVariant &list = op == QLatin1String("in") ? b : a;
        const QVariant &item = op == QLatin1String("in") ? a : b;
        if (!isList(list))
            return {};
        const QVariantList values = list.toList();
        return std::any_of(values.begin(), values.end(), [&](const QVariant &v) { return equal(v, item); });
    }
    if (!isNumeric(a) || !isNumeric(b)) {
        if (op == QLatin1String("<"))
            return a.toString() < b.toString();
        if (op == QLatin1String(">"))
            return a.toString() > b.toString();
        if (op == QLatin1String("<="))
            return a.toString() <= b.toString();
        if (op == QLatin1String(">="))
            return a.toString() >= b.toString();
        return {};
    }
    const double x = a.toDouble();
    const double y = b.toDouble();
    if (op == QLatin1String("<"))
        return x < y;
    if (op == QLatin1String(">"))
        return x > y;
    if (op == QLatin1String("<="))
        return x <= y;
    if (op == QLatin1String(">="))
        return x >= y;
    if (op == QLatin1String("+"))
        return x + y;
    if (op == QLatin1String("-"))
        return x - y;
    if (op == QLatin1String("*"))
        return x * y;
    if (op == QLatin1String("/"))
        return y == 0 ? QVariant() : QVariant(x / y);
    return {};
}

void collect(const ExpressionNode &node, const QString &current, QList<QPair<QString, QString>> *out)
{
    if (node.kind == ExpressionNode::Kind::Reference)
        out->append({node.questionId.isEmpty() ? current : node.questionId, node.fieldId});
    for (const auto &child : node.children)
        collect(*child, current, out);
}

} // namespace

Expression::Expression() = default;

Expression Expression::parse(const QString &text, QString *error)
{
    QString message;
    Expression expression;
    expression.m_text = text;
    const QList<Token> tokens = tokenize(text, &message);
    if (message.isEmpty()) {
        Parser parser(tokens, &message);
        expression.m_root = parser.parseAll();
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return Expression();
    }
    return expression;
}

QList<QPair<QString, QString>> Expression::references(const QString &currentQuestion) const
{
    QList<QPair<QString, QString>> out;
    if (m_root)
        collect(*m_root, currentQuestion, &out);
    return out;
}

QVariant Expression::evaluate(const QString &currentQuestion, const Resolver &resolve) const
{
    return m_root ? eval(*m_root, currentQuestion, resolve) : QVariant(true);
}

bool Expression::test(const QString &currentQuestion, const Resolver &resolve, bool nullIs) const
{
    const QVariant v = evaluate(currentQuestion, resolve);
    return isNullValue(v) ? nullIs : truthy(v);
}

} // namespace opsflow
