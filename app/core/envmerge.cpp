// The entry-wise three-way merge of .env.example (see envmerge.h).
#include "envmerge.h"

#include "envfile.h"
#include "textdiff.h"

#include <QHash>
#include <QSet>

#include <map>

namespace opsflow {

namespace {

// The heading older OpsFlow versions put above the team's variables at the end of the file.
const QByteArray olderKeptHeading = "# ---- Kept from your .env.example ----";

std::vector<int> numbered(const QList<EnvEntry> &entries, QHash<QByteArray, int> *ids)
{
    std::vector<int> out;
    out.reserve(size_t(entries.size()));
    for (const EnvEntry &entry : entries) {
        const QByteArray key = entry.normalized();
        auto it = ids->constFind(key);
        if (it == ids->constEnd())
            it = ids->insert(key, int(ids->size()));
        out.push_back(*it);
    }
    return out;
}

QHash<QString, qsizetype> keyIndex(const QList<EnvEntry> &entries)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).kind == EnvEntry::Kind::Assignment && !index.contains(entries.at(i).key))
            index.insert(entries.at(i).key, i);
    }
    return index;
}

// Without a record of the last generation: OpsFlow's lines are those the new generation has
// too (a variable it generates counts as its own line with the generated value, so a
// different value reads as the team's), and in the older layout everything above the
// "Kept from your .env.example" heading, which OpsFlow wrote itself.
QList<EnvEntry> guessedBase(const QList<EnvEntry> &mine, const QList<EnvEntry> &generated)
{
    QSet<QByteArray> generatedLines;
    for (const EnvEntry &entry : generated)
        generatedLines.insert(entry.normalized());
    const QHash<QString, qsizetype> generatedKeys = keyIndex(generated);
    qsizetype heading = -1;
    for (qsizetype i = 0; i < mine.size(); ++i) {
        if (mine.at(i).kind == EnvEntry::Kind::Comment && mine.at(i).raw.trimmed() == olderKeptHeading) {
            heading = i;
            break;
        }
    }
    QList<EnvEntry> base;
    for (qsizetype i = 0; i < mine.size(); ++i) {
        const EnvEntry &entry = mine.at(i);
        const bool generatedKey = entry.kind == EnvEntry::Kind::Assignment && generatedKeys.contains(entry.key);
        if (generatedKey)
            base.append(generated.at(generatedKeys.value(entry.key)));
        else if (generatedLines.contains(entry.normalized()) || i <= heading)
            base.append(entry);
    }
    return base;
}

QByteArray withNewline(QByteArray bytes)
{
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        bytes += '\n';
    return bytes;
}

} // namespace

QStringList EnvMergeReport::notes() const
{
    QStringList out;
    if (!keptValues.isEmpty())
        out.append(
            QStringLiteral("Kept your value%1 for %2.")
                .arg(keptValues.size() == 1 ? QString() : QStringLiteral("s"), keptValues.join(QStringLiteral(", "))));
    if (!keptVariables.isEmpty())
        out.append(QStringLiteral("Kept your variable%1 %2 where %3.")
                       .arg(keptVariables.size() == 1 ? QString() : QStringLiteral("s"),
                            keptVariables.join(QStringLiteral(", ")),
                            keptVariables.size() == 1 ? QStringLiteral("it was") : QStringLiteral("they were")));
    if (keptLines > 0)
        out.append(keptLines == 1 ? QStringLiteral("Kept 1 other line of yours where it was.")
                                  : QStringLiteral("Kept %1 other lines of yours where they were.").arg(keptLines));
    if (!removedVariables.isEmpty())
        out.append(QStringLiteral("Removed %1: OpsFlow generated %2 before and no longer does.")
                       .arg(removedVariables.join(QStringLiteral(", ")),
                            removedVariables.size() == 1 ? QStringLiteral("it") : QStringLiteral("them")));
    if (!keptNoLongerGenerated.isEmpty())
        out.append(QStringLiteral("Kept %1: OpsFlow no longer generates %2, but you changed %2.")
                       .arg(keptNoLongerGenerated.join(QStringLiteral(", ")),
                            keptNoLongerGenerated.size() == 1 ? QStringLiteral("it") : QStringLiteral("them")));
    if (withoutBase)
        out.append(QStringLiteral("No record of the last generation was found, so OpsFlow took the lines the new "
                                  "generation also has as its own; from now on it keeps a record."));
    return out;
}

namespace {

QByteArray mergeOnce(const QByteArray &existing, const QByteArray &generated, const std::optional<QByteArray> &base,
                     EnvMergeReport *report)
{
    EnvMergeReport found;
    const QList<EnvEntry> mine = parseEnvFile(existing);
    const QList<EnvEntry> fresh = parseEnvFile(generated);
    found.withoutBase = !base.has_value();
    const QList<EnvEntry> last = base ? parseEnvFile(*base) : guessedBase(mine, fresh);

    QHash<QByteArray, int> ids;
    const std::vector<int> mineIds = numbered(mine, &ids);
    const std::vector<int> lastIds = numbered(last, &ids);
    const std::vector<int> freshIds = numbered(fresh, &ids);
    const std::vector<int> mineInLast = matchSequences(mineIds, lastIds);
    const std::vector<int> lastInFresh = matchSequences(lastIds, freshIds);
    const QHash<QString, qsizetype> lastKeys = keyIndex(last);
    const QHash<QString, qsizetype> freshKeys = keyIndex(fresh);

    // Which of the team's lines stands in for a generated variable when there are several:
    // the one already in that variable's place (right after the generated line before it),
    // else the first. So merging the result again picks the same line.
    QHash<qsizetype, qsizetype> chosen; // index in fresh → index in mine
    {
        QHash<qsizetype, qsizetype> inPlace;
        qsizetype at = -1;
        for (qsizetype i = 0; i < mine.size(); ++i) {
            const EnvEntry &entry = mine.at(i);
            const int inLast = mineInLast[size_t(i)];
            const bool generatedKey = entry.kind == EnvEntry::Kind::Assignment && freshKeys.contains(entry.key);
            if (inLast >= 0) {
                const int inFresh = lastInFresh[size_t(inLast)];
                if (inFresh >= 0)
                    at = inFresh;
                else if (generatedKey)
                    at = freshKeys.value(entry.key);
                continue;
            }
            if (!generatedKey)
                continue;
            const qsizetype slot = freshKeys.value(entry.key);
            if (entry.normalized() == fresh.at(slot).normalized()) {
                at = slot;
                continue;
            }
            if (at == slot - 1 && !inPlace.contains(slot))
                inPlace.insert(slot, i);
            if (!chosen.contains(slot))
                chosen.insert(slot, i);
        }
        chosen.insert(inPlace); // the line in place wins over the first
    }

    // Generated variables the team gave a value of its own: their line replaces ours.
    QHash<qsizetype, qsizetype> replacement; // index in fresh → index in mine
    // The team's lines, each after the line of the new generation it followed (-1: first).
    std::map<qsizetype, QList<qsizetype>> after;
    qsizetype anchor = -1;
    for (qsizetype i = 0; i < mine.size(); ++i) {
        const EnvEntry &entry = mine.at(i);
        const int inLast = mineInLast[size_t(i)];
        if (inLast >= 0) {
            // OpsFlow's own line: it follows the generation (kept if still generated).
            const int inFresh = lastInFresh[size_t(inLast)];
            const bool assignment = entry.kind == EnvEntry::Kind::Assignment;
            if (inFresh >= 0)
                anchor = inFresh;
            else if (assignment && freshKeys.contains(entry.key))
                anchor = freshKeys.value(entry.key); // a new value of the same variable: same place
            else if (assignment)
                found.removedVariables.append(entry.key);
            continue;
        }
        const bool assignment = entry.kind == EnvEntry::Kind::Assignment;
        // The generated line itself (perhaps in other line endings, perhaps a second copy):
        // nothing of the team's to keep.
        if (assignment && freshKeys.contains(entry.key)
            && entry.normalized() == fresh.at(freshKeys.value(entry.key)).normalized()) {
            anchor = freshKeys.value(entry.key);
            continue;
        }
        if (assignment && freshKeys.contains(entry.key) && chosen.value(freshKeys.value(entry.key), -1) == i) {
            const qsizetype at = freshKeys.value(entry.key);
            replacement.insert(at, i);
            anchor = at;
            if (entry.value != fresh.at(at).value)
                found.keptValues.append(entry.key);
            continue;
        }
        after[anchor].append(i);
        if (assignment && lastKeys.contains(entry.key))
            found.keptNoLongerGenerated.append(entry.key);
        else if (assignment)
            found.keptVariables.append(entry.key);
        else if (entry.kind != EnvEntry::Kind::Blank)
            ++found.keptLines;
    }

    QByteArray out;
    auto put = [&](const QByteArray &bytes) { out = withNewline(out) + bytes; };
    // A line of the team's that reads exactly like one of ours but for its line ending (a
    // blank line, a copy of one of our comments) is written in our bytes: the diff may pair
    // any of the copies with ours, and if they differed in a CR the next merge could pair
    // them otherwise and move the CR (edited-crlf.env in the corpus, and
    // regressions/envmerge/blank-after-team-block.env).
    QHash<QByteArray, QByteArray> ourBytes;
    for (const EnvEntry &entry : fresh)
        ourBytes.insert(entry.normalized(), withNewline(entry.raw));
    const auto teamLine = [&](qsizetype i) {
        const EnvEntry &entry = mine.at(i);
        return ourBytes.value(entry.normalized(), entry.raw);
    };
    for (const qsizetype i : after[-1])
        put(teamLine(i));
    for (qsizetype g = 0; g < fresh.size(); ++g) {
        put(replacement.contains(g) ? mine.at(replacement.value(g)).raw : fresh.at(g).raw);
        const auto team = after.find(g);
        if (team != after.end()) {
            for (const qsizetype i : team->second)
                put(teamLine(i));
        }
    }
    if (report)
        *report = found;
    return withNewline(out);
}

} // namespace

QByteArray mergeEnvExample(const QByteArray &existing, const QByteArray &generated,
                           const std::optional<QByteArray> &base, EnvMergeReport *report)
{
    QByteArray merged = mergeOnce(existing, generated, base, report);
    // A line of the team's that copies one of ours (a comment, a blank line) can be paired
    // with ours either way by the diff when other lines stand between the copies, and the
    // next generate would then move it (regressions/envmerge/copied-comment-after-team-value.env).
    // Merging the result with this generation as its base settles the pairing, so that the
    // next generate finds nothing to change; each round keeps every line of the team's.
    for (int round = 0; round < 3; ++round) {
        QByteArray again = mergeOnce(merged, generated, generated, nullptr);
        if (again == merged)
            break;
        merged = std::move(again);
    }
    return merged;
}

} // namespace opsflow
