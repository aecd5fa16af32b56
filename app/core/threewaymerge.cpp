// Three-way line merge over the two alignments base→mine and base→theirs (see the header).
#include "threewaymerge.h"

#include "textdiff.h"

#include <QHash>

#include <vector>

namespace opsflow {

namespace {

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype nl = text.indexOf('\n', start);
        nl = nl < 0 ? text.size() : nl + 1;
        lines.append(text.mid(start, nl - start));
        start = nl;
    }
    return lines;
}

QByteArray joined(const QList<QByteArray> &lines, qsizetype from, qsizetype to)
{
    QByteArray out;
    for (qsizetype i = from; i < to; ++i)
        out += lines.at(i);
    return out;
}

} // namespace

LineMergeResult mergeLines(const QByteArray &base, const QByteArray &mine, const QByteArray &theirs)
{
    const QList<QByteArray> o = splitLines(base);
    const QList<QByteArray> a = splitLines(mine);
    const QList<QByteArray> b = splitLines(theirs);
    QHash<QByteArray, int> ids;
    auto number = [&ids](const QList<QByteArray> &lines) {
        std::vector<int> out;
        out.reserve(size_t(lines.size()));
        for (const QByteArray &line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            out.push_back(*it);
        }
        return out;
    };
    const std::vector<int> on = number(o);
    const std::vector<int> an = number(a);
    const std::vector<int> bn = number(b);
    const std::vector<int> inMine = matchSequences(on, an);
    const std::vector<int> inTheirs = matchSequences(on, bn);

    // Base lines both sides kept are the fixed points; between two of them each side either
    // left the base alone or changed it.
    LineMergeResult result;
    qsizetype oFrom = 0;
    qsizetype aFrom = 0;
    qsizetype bFrom = 0;
    auto chunk = [&](qsizetype oTo, qsizetype aTo, qsizetype bTo) {
        const QByteArray original = joined(o, oFrom, oTo);
        const QByteArray ours = joined(a, aFrom, aTo);
        const QByteArray others = joined(b, bFrom, bTo);
        if (ours == original)
            result.merged += others;
        else if (others == original || others == ours)
            result.merged += ours;
        else {
            result.clean = false;
            ++result.conflictingHunks;
            result.conflictLines.append(int(aFrom) + 1);
            result.merged += ours;
        }
    };
    for (qsizetype i = 0; i < o.size(); ++i) {
        const int j = inMine[size_t(i)];
        const int k = inTheirs[size_t(i)];
        if (j < 0 || k < 0)
            continue;
        chunk(i, j, k);
        result.merged += o.at(i);
        oFrom = i + 1;
        aFrom = j + 1;
        bFrom = k + 1;
    }
    chunk(o.size(), a.size(), b.size());
    if (!result.clean)
        result.merged.clear();
    return result;
}

} // namespace opsflow
