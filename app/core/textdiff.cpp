// Myers' O(ND) line diff, turned into unified-diff hunks.
#include "textdiff.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace opsflow {

namespace {

enum class Op { Equal, Delete, Insert };
struct Edit {
    Op op;
    int oldLine; // index into old lines (Equal/Delete)
    int newLine; // index into new lines (Equal/Insert)
};

QStringList splitLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // a final newline ends the last line; it is not a line itself
    return lines;
}

// The shortest edit script by Myers' greedy algorithm, with the trace kept to walk back.
QList<Edit> shortestEdit(const QStringList &a, const QStringList &b)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int max = n + m;
    std::vector<int> v(2 * max + 2, 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? v[k + 1 + max] : v[k - 1 + max] + 1;
            int y = x - k;
            while (x < n && y < m && a.at(x) == b.at(y)) {
                ++x;
                ++y;
            }
            v[k + max] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    QList<Edit> edits;
    int x = n;
    int y = m;
    for (int d = found; d >= 0; --d) {
        const std::vector<int> &vd = trace[d];
        const int k = x - y;
        int prevK;
        if (d == 0)
            prevK = k;
        else
            prevK = (k == -d || (k != d && vd[k - 1 + max] < vd[k + 1 + max])) ? k + 1 : k - 1;
        const int prevX = d == 0 ? 0 : vd[prevK + max];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            edits.prepend({Op::Equal, x, y});
        }
        if (d > 0) {
            if (x == prevX)
                edits.prepend({Op::Insert, x, prevY});
            else
                edits.prepend({Op::Delete, prevX, y});
        }
        x = prevX;
        y = prevY;
    }
    return edits;
}

} // namespace

QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName, const QString &newName,
                    int context)
{
    if (oldText == newText)
        return {};
    const QStringList a = splitLines(oldText);
    const QStringList b = splitLines(newText);
    const QList<Edit> edits = shortestEdit(a, b);

    QString out;
    out += QStringLiteral("--- %1\n+++ %2\n").arg(oldName, newName);
    int i = 0;
    const int count = int(edits.size());
    while (i < count) {
        // Find the next change, then grow the hunk while changes are close together.
        while (i < count && edits.at(i).op == Op::Equal)
            ++i;
        if (i >= count)
            break;
        int start = std::max(0, i - context);
        int end = i;
        while (end < count) {
            int next = end;
            while (next < count && edits.at(next).op != Op::Equal)
                ++next;
            int equalRun = next;
            while (equalRun < count && edits.at(equalRun).op == Op::Equal)
                ++equalRun;
            end = next;
            if (equalRun >= count || equalRun - next > 2 * context) {
                end = std::min(count, next + context);
                break;
            }
            end = equalRun;
        }
        int oldStart = -1, newStart = -1, oldCount = 0, newCount = 0;
        QString body;
        for (int j = start; j < end; ++j) {
            const Edit &e = edits.at(j);
            switch (e.op) {
            case Op::Equal:
                body += QLatin1Char(' ') + a.at(e.oldLine) + QLatin1Char('\n');
                ++oldCount;
                ++newCount;
                break;
            case Op::Delete:
                body += QLatin1Char('-') + a.at(e.oldLine) + QLatin1Char('\n');
                ++oldCount;
                break;
            case Op::Insert:
                body += QLatin1Char('+') + b.at(e.newLine) + QLatin1Char('\n');
                ++newCount;
                break;
            }
            if (oldStart < 0)
                oldStart = e.oldLine;
            if (newStart < 0)
                newStart = e.newLine;
        }
        // Unified format: a range of zero lines is numbered by the line before it.
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(oldCount ? oldStart + 1 : oldStart)
                   .arg(oldCount)
                   .arg(newCount ? newStart + 1 : newStart)
                   .arg(newCount);
        out += body;
        i = end;
    }
    return out;
}

} // namespace opsflow
