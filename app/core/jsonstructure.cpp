// A single pass over JSON text that tracks each object's keys (see jsonstructure.h).
#include "jsonstructure.h"

#include "escaping.h"

#include <QSet>
#include <QStringList>

#include <vector>

namespace opsflow {

namespace {

struct Scanner {
    const QByteArray &text;
    qsizetype at = 0;

    QString where(qsizetype offset) const
    {
        const QByteArrayView before(text.constData(), offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype lastBreak = QByteArrayView(text.constData(), offset).lastIndexOf('\n');
        return QStringLiteral("line %1, column %2").arg(line).arg(offset - lastBreak);
    }

    // Reads a string token starting at the opening quote; decodes escapes so "a" and "\u0061"
    // are the same key. Sets *problem on a raw control character.
    bool string(QString *decoded, QString *problem)
    {
        ++at;
        QByteArray raw;
        while (at < text.size()) {
            const char c = text.at(at);
            if (c == '"') {
                ++at;
                *decoded = QString::fromUtf8(raw);
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                *problem = QStringLiteral("has a raw control character (U+%1) inside a string at %2; write it "
                                          "escaped, as \\u%1")
                               .arg(int(static_cast<unsigned char>(c)), 4, 16, QLatin1Char('0'))
                               .arg(where(at));
                return false;
            }
            if (c == '\\') {
                if (at + 1 >= text.size())
                    return false;
                const char e = text.at(at + 1);
                if (e == 'u' && at + 5 < text.size()) {
                    bool ok = false;
                    const ushort unit = QByteArray(text.constData() + at + 2, 4).toUShort(&ok, 16);
                    if (!ok)
                        return false;
                    raw += QString(QChar(unit)).toUtf8(); // a lone surrogate stays distinct enough
                    at += 6;
                    continue;
                }
                switch (e) {
                case 'n': raw += '\n'; break;
                case 't': raw += '\t'; break;
                case 'r': raw += '\r'; break;
                case 'b': raw += '\b'; break;
                case 'f': raw += '\f'; break;
                default: raw += e; break;
                }
                at += 2;
                continue;
            }
            raw += c;
            ++at;
        }
        return false;
    }
};

struct Container {
    bool object = false;
    bool expectKey = false;
    QString name; // how the path names it: the key that holds it, or [n]
    QSet<QString> keys;
    int items = 0; // in an array: the index of the current item
};

QString pathOf(const std::vector<Container> &stack)
{
    QStringList parts;
    for (const Container &c : stack) {
        if (!c.name.isEmpty())
            parts.append(c.name);
    }
    return parts.join(u'.');
}

} // namespace

QString jsonStructureProblem(const QByteArray &json)
{
    Scanner scan{json};
    std::vector<Container> stack;
    QString lastKey; // the key whose value comes next, in the innermost object
    while (scan.at < json.size()) {
        const char c = json.at(scan.at);
        if (c == '{' || c == '[') {
            Container next;
            next.object = c == '{';
            next.expectKey = next.object;
            if (!stack.empty())
                next.name = stack.back().object ? lastKey : QStringLiteral("[%1]").arg(stack.back().items);
            stack.push_back(next);
            ++scan.at;
        } else if (c == '}' || c == ']') {
            if (stack.empty())
                return {};
            stack.pop_back();
            ++scan.at;
        } else if (c == ',') {
            if (stack.empty())
                return {};
            if (stack.back().object)
                stack.back().expectKey = true;
            else
                ++stack.back().items;
            ++scan.at;
        } else if (c == '"') {
            const qsizetype start = scan.at;
            QString value;
            QString problem;
            if (!scan.string(&value, &problem))
                return problem;
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Container &object = stack.back();
                object.expectKey = false;
                if (object.keys.contains(value)) {
                    const QString path = pathOf(stack);
                    return QStringLiteral("has the key \"%1\" twice%2 (%3); only one of them can count")
                        .arg(escape::messageQuote(value),
                             path.isEmpty() ? QString() : QStringLiteral(" in %1").arg(escape::messageQuote(path)),
                             scan.where(start));
                }
                object.keys.insert(value);
                lastKey = value.contains(u'.') ? u'"' + value + u'"' : value;
            }
        } else {
            ++scan.at;
        }
    }
    return {};
}

} // namespace opsflow
