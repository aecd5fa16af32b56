// Line diffs in linear space (Myers' middle-snake form), turned into unified-diff hunks.
#include "textdiff.h"

#include <QList>
#include <QStringList>

#include <QHash>

#include <algorithm>
#include <limits>
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

// Myers' O(ND) difference algorithm in its linear-space form (the "middle snake": search
// from both ends until the paths meet, then solve the two halves), on lines turned into
// integers. Memory is O(N + M). Time is O((N + M) · D); when the search grows too costly the
// best partial path splits the problem instead (the result is then a correct diff that may
// not be the shortest), so even two unrelated multi-megabyte texts cost time in proportion
// to their size.
class LineDiff
{
public:
    LineDiff(const std::vector<int> &a, const std::vector<int> &b)
        : m_a(a), m_b(b), m_deleted(a.size(), false), m_inserted(b.size(), false), m_forward(a.size() + b.size() + 3),
          m_backward(a.size() + b.size() + 3), m_forwardMiddle(m_forward.data() + b.size() + 1),
          m_backwardMiddle(m_backward.data() + b.size() + 1)
    {
        // About the square root of the diagonals: a cost past which a partial path will do.
        int diagonals = int(a.size() + b.size()) + 3;
        m_tooExpensive = 1;
        for (; diagonals != 0; diagonals >>= 2)
            m_tooExpensive <<= 1;
        m_tooExpensive = std::max(m_tooExpensive, 256);
        compare(0, int(a.size()), 0, int(b.size()));
    }

    QList<Edit> edits() const
    {
        QList<Edit> out;
        out.reserve(qsizetype(std::max(m_a.size(), m_b.size())));
        int i = 0;
        int j = 0;
        const int n = int(m_a.size());
        const int m = int(m_b.size());
        while (i < n || j < m) {
            if (i < n && m_deleted[size_t(i)]) {
                out.append({Op::Delete, i, j});
                ++i;
            } else if (j < m && m_inserted[size_t(j)]) {
                out.append({Op::Insert, i, j});
                ++j;
            } else {
                out.append({Op::Equal, i, j});
                ++i;
                ++j;
            }
        }
        return out;
    }

private:
    // Diagonals run from -(M + 1) to N + 1: the arrays are indexed from their middle.
    int &fd(int diagonal) { return m_forwardMiddle[diagonal]; }
    int &bd(int diagonal) { return m_backwardMiddle[diagonal]; }

    void compare(int xoff, int xlim, int yoff, int ylim)
    {
        for (;;) {
            while (xoff < xlim && yoff < ylim && m_a[size_t(xoff)] == m_b[size_t(yoff)]) {
                ++xoff;
                ++yoff;
            }
            while (xlim > xoff && ylim > yoff && m_a[size_t(xlim - 1)] == m_b[size_t(ylim - 1)]) {
                --xlim;
                --ylim;
            }
            if (xoff == xlim) {
                for (int y = yoff; y < ylim; ++y)
                    m_inserted[size_t(y)] = true;
                return;
            }
            if (yoff == ylim) {
                for (int x = xoff; x < xlim; ++x)
                    m_deleted[size_t(x)] = true;
                return;
            }
            int xmid = 0;
            int ymid = 0;
            middle(xoff, xlim, yoff, ylim, &xmid, &ymid);
            if ((xmid == xoff && ymid == yoff) || (xmid == xlim && ymid == ylim)) {
                // No split that makes progress: everything in between changed.
                for (int x = xoff; x < xlim; ++x)
                    m_deleted[size_t(x)] = true;
                for (int y = yoff; y < ylim; ++y)
                    m_inserted[size_t(y)] = true;
                return;
            }
            // The smaller half by recursion, the larger by looping: the stack stays shallow.
            if ((xmid - xoff) + (ymid - yoff) < (xlim - xmid) + (ylim - ymid)) {
                compare(xoff, xmid, yoff, ymid);
                xoff = xmid;
                yoff = ymid;
            } else {
                compare(xmid, xlim, ymid, ylim);
                xlim = xmid;
                ylim = ymid;
            }
        }
    }

    // Where a shortest path through the box crosses the middle; the box's first and last
    // lines differ (compare() trimmed the common ends).
    void middle(int xoff, int xlim, int yoff, int ylim, int *xmid, int *ymid)
    {
        const int dmin = xoff - ylim;
        const int dmax = xlim - yoff;
        const int fmid = xoff - yoff;
        const int bmid = xlim - ylim;
        int fmin = fmid;
        int fmax = fmid;
        int bmin = bmid;
        int bmax = bmid;
        const bool odd = ((fmid - bmid) & 1) != 0;
        fd(fmid) = xoff;
        bd(bmid) = xlim;
        for (int cost = 1;; ++cost) {
            // Forward: one more step on each diagonal in reach.
            if (fmin > dmin)
                fd(--fmin - 1) = -1;
            else
                ++fmin;
            if (fmax < dmax)
                fd(++fmax + 1) = -1;
            else
                --fmax;
            for (int d = fmax; d >= fmin; d -= 2) {
                const int low = fd(d - 1);
                const int high = fd(d + 1);
                int x = low >= high ? low + 1 : high;
                int y = x - d;
                while (x < xlim && y < ylim && m_a[size_t(x)] == m_b[size_t(y)]) {
                    ++x;
                    ++y;
                }
                fd(d) = x;
                if (odd && bmin <= d && d <= bmax && bd(d) <= x) {
                    *xmid = x;
                    *ymid = y;
                    return;
                }
            }
            // Backward, the same from the end.
            if (bmin > dmin)
                bd(--bmin - 1) = std::numeric_limits<int>::max();
            else
                ++bmin;
            if (bmax < dmax)
                bd(++bmax + 1) = std::numeric_limits<int>::max();
            else
                --bmax;
            for (int d = bmax; d >= bmin; d -= 2) {
                const int low = bd(d - 1);
                const int high = bd(d + 1);
                int x = low < high ? low : high - 1;
                int y = x - d;
                while (x > xoff && y > yoff && m_a[size_t(x - 1)] == m_b[size_t(y - 1)]) {
                    --x;
                    --y;
                }
                bd(d) = x;
                if (!odd && fmin <= d && d <= fmax && x <= fd(d)) {
                    *xmid = x;
                    *ymid = y;
                    return;
                }
            }
            if (cost < m_tooExpensive)
                continue;
            // Too costly to be exact: split at whichever partial path went furthest.
            int bestForward = -1;
            int forwardX = xoff;
            for (int d = fmax; d >= fmin; d -= 2) {
                int x = std::min(fd(d), xlim);
                int y = x - d;
                if (ylim < y) {
                    x = ylim + d;
                    y = ylim;
                }
                if (bestForward < x + y) {
                    bestForward = x + y;
                    forwardX = x;
                }
            }
            int bestBackward = std::numeric_limits<int>::max();
            int backwardX = xlim;
            for (int d = bmax; d >= bmin; d -= 2) {
                int x = std::max(xoff, bd(d));
                int y = x - d;
                if (y < yoff) {
                    x = yoff + d;
                    y = yoff;
                }
                if (x + y < bestBackward) {
                    bestBackward = x + y;
                    backwardX = x;
                }
            }
            if ((xlim + ylim) - bestBackward < bestForward - (xoff + yoff)) {
                *xmid = forwardX;
                *ymid = bestForward - forwardX;
            } else {
                *xmid = backwardX;
                *ymid = bestBackward - backwardX;
            }
            return;
        }
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<bool> m_deleted;
    std::vector<bool> m_inserted;
    std::vector<int> m_forward;
    std::vector<int> m_backward;
    int *m_forwardMiddle;
    int *m_backwardMiddle;
    int m_tooExpensive = 256;
};

// Lines as integers: equal lines, equal numbers.
void numberLines(const QStringList &a, const QStringList &b, std::vector<int> *na, std::vector<int> *nb)
{
    QHash<QString, int> ids;
    ids.reserve(a.size() + b.size());
    auto idOf = [&ids](const QString &line) {
        const auto it = ids.constFind(line);
        if (it != ids.constEnd())
            return *it;
        const int id = int(ids.size());
        ids.insert(line, id);
        return id;
    };
    na->reserve(size_t(a.size()));
    nb->reserve(size_t(b.size()));
    for (const QString &line : a)
        na->push_back(idOf(line));
    for (const QString &line : b)
        nb->push_back(idOf(line));
}

QList<Edit> shortestEdit(const QStringList &a, const QStringList &b)
{
    std::vector<int> na;
    std::vector<int> nb;
    numberLines(a, b, &na, &nb);
    return LineDiff(na, nb).edits();
}

} // namespace

std::vector<int> matchSequences(const std::vector<int> &a, const std::vector<int> &b)
{
    std::vector<int> matched(a.size(), -1);
    for (const Edit &e : LineDiff(a, b).edits()) {
        if (e.op == Op::Equal)
            matched[size_t(e.oldLine)] = e.newLine;
    }
    return matched;
}

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
