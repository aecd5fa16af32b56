// The pre-flight check of the seed's smart-skip logic. ai-flow's phase 0 audit is trusted
// when it is readable; otherwise OpsFlow audits the documents itself and says so, because a
// broken cache file must never block, or silently shape, the phase.
#include "preflight.h"

#include "knowledge.h"
#include "knowledgefile.h"
#include "questionnaire.h"
#include "sectionmerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace opsflow {

namespace {

const QString auditDataPath = QStringLiteral(".ai-flow/cache/audit-data.json");
const QString seedTarget = QStringLiteral("docs/deployment.md");
const QString phaseName = QStringLiteral("OPERATIONS & DEPLOYMENT");

// The seed's question numbers in its order: scenario B lists missing questions this way.
const QStringList seedOrder = {
    QStringLiteral("7.1"),   QStringLiteral("7.2"),   QStringLiteral("7.3"),   QStringLiteral("7.4"),
    QStringLiteral("7.4.1"), QStringLiteral("7.5"),   QStringLiteral("7.6"),   QStringLiteral("7.7"),
    QStringLiteral("7.7.1"), QStringLiteral("7.7.2"), QStringLiteral("7.8"),   QStringLiteral("7.9"),
    QStringLiteral("7.9.1"), QStringLiteral("7.9.2"), QStringLiteral("7.9.3"), QStringLiteral("7.9.4"),
    QStringLiteral("7.10"),
};

const QList<AuditTopicKnowledge> &topics()
{
    return Knowledge::builtIn().audit().topics;
}

// A topic named in a body line: a product or precise term, or for the platform topic any
// platform the document rules know.
bool strongMatch(const AuditTopicKnowledge &topic, const QString &line)
{
    return topic.platforms ? Knowledge::builtIn().namesAPlatform(line) : topic.strong.match(line).hasMatch();
}

// Navigation OpsFlow writes (a contents entry, a "Related:" line, a marker comment) is not
// documentation of anything.
bool ignoredLine(const QString &line)
{
    return anyPatternMatches(Knowledge::builtIn().audit().ignoreLines, line);
}

QString percent(double score)
{
    return QString::number(score, 'f', std::floor(score) == score ? 0 : 1) + QLatin1Char('%');
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

QStringList inSeedOrder(const QSet<QString> &ids)
{
    QStringList ordered;
    for (const QString &id : seedOrder) {
        if (ids.contains(id))
            ordered.append(id);
    }
    return ordered;
}

// ---- ai-flow's audit data --------------------------------------------------------------

struct AuditData {
    bool exists = false;
    std::optional<double> score;
    QString recommendation;
    QStringList gaps;
    QString file;
    QString reason;
};

// Parses the phase 7 entry. Returns nothing with *error set to one sentence naming the file
// (and the line, for syntax errors), or nothing with *error empty when there is no entry.
std::optional<AuditData> parseAuditData(const QByteArray &json, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parse.offset);
        *error = QStringLiteral("%1 is not valid JSON at line %2, column %3 (%4).")
                     .arg(auditDataPath)
                     .arg(before.count('\n') + 1)
                     .arg(parse.offset - before.lastIndexOf('\n'))
                     .arg(parse.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 must hold a JSON object.").arg(auditDataPath);
        return std::nullopt;
    }
    const QJsonValue phases = doc.object().value(QLatin1String("phases"));
    if (phases.isUndefined())
        return std::nullopt;
    if (!phases.isObject()) {
        *error = QStringLiteral("%1: phases must be an object, not %2.").arg(auditDataPath, jsonTypeName(phases));
        return std::nullopt;
    }
    // ai-flow writes "phase7"; some versions key phases by number.
    QString key = QStringLiteral("phase7");
    QJsonValue entry = phases.toObject().value(key);
    if (entry.isUndefined()) {
        key = QStringLiteral("7");
        entry = phases.toObject().value(key);
    }
    if (entry.isUndefined())
        return std::nullopt;
    const QString at = QStringLiteral("%1: phases.%2").arg(auditDataPath, key);
    if (!entry.isObject()) {
        *error = QStringLiteral("%1 must be an object, not %2.").arg(at, jsonTypeName(entry));
        return std::nullopt;
    }
    const QJsonObject phase = entry.toObject();
    AuditData data;

    const QJsonValue exists = phase.value(QLatin1String("exists"));
    if (!exists.isUndefined() && !exists.isBool()) {
        *error = QStringLiteral("%1.exists must be true or false, not %2.").arg(at, jsonTypeName(exists));
        return std::nullopt;
    }
    // As in ai-flow's own check, a missing `exists` means no documents.
    data.exists = exists.toBool(false);

    const QJsonValue score = phase.value(QLatin1String("consistencyScore"));
    if (!score.isUndefined() && !score.isNull()) {
        if (!score.isDouble() || score.toDouble() < 0 || score.toDouble() > 100) {
            *error = QStringLiteral("%1.consistencyScore must be a number from 0 to 100, not %2.")
                         .arg(at, jsonTypeName(score));
            return std::nullopt;
        }
        data.score = score.toDouble();
    } else if (data.exists) {
        *error = QStringLiteral("%1.consistencyScore is missing.").arg(at);
        return std::nullopt;
    }

    for (const char *name : {"recommendation", "file", "reason"}) {
        const QJsonValue v = phase.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isNull() && !v.isString()) {
            *error = QStringLiteral("%1.%2 must be a string, not %3.").arg(at, QLatin1String(name), jsonTypeName(v));
            return std::nullopt;
        }
    }
    data.recommendation = phase.value(QLatin1String("recommendation")).toString();
    data.file = phase.value(QLatin1String("file")).toString();
    data.reason = phase.value(QLatin1String("reason")).toString().trimmed();

    const QJsonValue gaps = phase.value(QLatin1String("gaps"));
    if (!gaps.isUndefined() && !gaps.isNull()) {
        const QJsonArray list = gaps.toArray();
        const bool allStrings = std::all_of(list.begin(), list.end(), [](const QJsonValue &v) { return v.isString(); });
        if (!gaps.isArray() || !allStrings) {
            *error = QStringLiteral("%1.gaps must be a list of strings.").arg(at);
            return std::nullopt;
        }
        for (const QJsonValue &gap : list)
            data.gaps.append(gap.toString());
    }
    return data;
}

// ---- what a gap id means ------------------------------------------------------------

bool sameWord(const QString &written, const QString &term)
{
    return written == term || written == term + QLatin1Char('s') || written == term + QStringLiteral("es");
}

// Whether `term`'s words appear, in order and side by side, among `words`.
bool containsTerm(const QStringList &words, const QStringList &term)
{
    for (qsizetype start = 0; start + term.size() <= words.size(); ++start) {
        qsizetype k = 0;
        while (k < term.size() && sameWord(words.at(start + k), term.at(k)))
            ++k;
        if (k == term.size())
            return true;
    }
    return false;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// How alike two words are, from 0 to 1: a shared stem of five letters ("autoscaler",
// "autoscaling") is as good as 0.9; otherwise the share of letters that need no edit.
double likeness(const QString &a, const QString &b)
{
    if (a == b)
        return 1;
    qsizetype common = 0;
    while (common < a.size() && common < b.size() && a.at(common) == b.at(common))
        ++common;
    if (common >= 5)
        return 0.9;
    return 1.0 - double(editDistance(a, b)) / double(std::max(a.size(), b.size()));
}

// A gap id no term names is near a topic when one of its words is at least this alike to
// one of the topic's words (a typo, another form of the word); below it, nothing is near.
constexpr double nearEnough = 0.8;

// What one gap id of the audit names: the topics its words name, or else the nearest ones.
struct GapReading {
    QString written; // as the audit wrote it
    QList<int> topics;
    bool nearest = false; // no term matched: the topics whose words are most alike
};

GapReading readGap(const QString &gap)
{
    GapReading reading{gap, {}, false};
    const QStringList words = topicWords(gap);
    for (int i = 0; i < int(topics().size()); ++i) {
        for (const QStringList &term : topics().at(i).gapTerms) {
            if (containsTerm(words, term)) {
                reading.topics.append(i);
                break;
            }
        }
    }
    if (!reading.topics.isEmpty())
        return reading;

    // No term: compare each meaningful word with the topic's words and its questions' titles.
    const Knowledge &k = Knowledge::builtIn();
    const Questionnaire &questionnaire = Questionnaire::builtIn();
    double best = nearEnough;
    for (int i = 0; i < int(topics().size()); ++i) {
        const AuditTopicKnowledge &topic = topics().at(i);
        QStringList vocabulary;
        for (const QStringList &term : topic.gapTerms)
            vocabulary += term;
        for (const QString &id : topic.questions) {
            if (const Question *q = questionnaire.question(id))
                vocabulary += topicWords(q->title);
        }
        double score = 0;
        for (const QString &word : words) {
            if (word.size() < 3 || k.audit().fillerWords.contains(word))
                continue;
            for (const QString &known : std::as_const(vocabulary)) {
                if (!k.audit().fillerWords.contains(known))
                    score = std::max(score, likeness(word, known));
            }
        }
        if (score > best + 1e-9) {
            best = score;
            reading.topics = {i};
        } else if (score >= best - 1e-9 && score >= nearEnough) {
            reading.topics.append(i);
        }
    }
    reading.nearest = !reading.topics.isEmpty();
    return reading;
}

// How a topic the audit names is listed: its label, then the ids that named it.
QString namedGapText(const AuditItem &item, const QStringList &named, const QStringList &near)
{
    QStringList why;
    if (!named.isEmpty())
        why.append(QStringLiteral("ai-flow's audit: %1").arg(named.join(QLatin1String(", "))));
    for (const QString &gap : near)
        why.append(QStringLiteral("the nearest topic to ai-flow's audit gap \"%1\"").arg(gap));
    return QStringLiteral("%1 (%2)").arg(item.label, why.join(QLatin1String("; ")));
}

// The audit judges the seed's topics by its gaps, checked against what the documents say
// (`ownCheck`, OpsFlow's audit of the same documents): a topic the audit does not name but
// the documents never mention is not counted as documented. OpsFlow's own topics are judged
// by its check alone. A topic is documented or missing, never both.
PreflightResult fromAuditData(const AuditData &data, const PreflightResult &ownCheck)
{
    PreflightResult result;
    result.fromAuditData = true;
    result.auditDataFound = true;
    result.targetFile = data.file.isEmpty() ? seedTarget : data.file;
    result.docsExist = data.exists;
    result.auditRecommendation = data.recommendation;
    result.items = auditItems();
    if (data.exists)
        result.score = data.score;
    if (!data.reason.isEmpty())
        result.reasons.append(QStringLiteral("ai-flow's audit: %1").arg(data.reason));

    QList<QStringList> namedBy(result.items.size());
    QList<QStringList> nearTo(result.items.size());
    QStringList unknown;
    for (const QString &gap : data.gaps) {
        const GapReading reading = readGap(gap);
        if (reading.topics.isEmpty()) {
            unknown.append(gap);
            result.notes.append(QStringLiteral("ai-flow's audit names the gap \"%1\", which no phase 7 question "
                                               "covers (nor any close to it): OpsFlow cannot document it; it "
                                               "stays in the audit.")
                                    .arg(gap));
        }
        for (int i : reading.topics)
            (reading.nearest ? nearTo : namedBy)[i].append(gap);
    }
    // The documents OpsFlow could read; without them the audit is all there is to go by.
    const bool canCheck = !ownCheck.auditedFiles.isEmpty();
    for (int i = 0; i < result.items.size(); ++i) {
        AuditItem &item = result.items[i];
        const AuditItem &own = ownCheck.items.at(i);
        if (!namedBy.at(i).isEmpty() || !nearTo.at(i).isEmpty()) {
            result.gaps.append(namedGapText(item, namedBy.at(i), nearTo.at(i)));
            continue;
        }
        if (!data.exists)
            continue;
        if (own.documented) {
            item.documented = true;
            item.evidence = own.evidence;
        } else if (item.origin != AuditItem::Origin::OpsFlow && !canCheck) {
            item.documented = true; // the audit's word: it names no gap here
            item.evidence = QStringLiteral("ai-flow's audit");
        } else {
            result.gaps.append(canCheck
                                   ? QStringLiteral("%1 (OpsFlow's check: not found in %2)")
                                         .arg(item.label, ownCheck.auditedFiles.join(QLatin1String(", ")))
                                   : QStringLiteral("%1 (OpsFlow's check: no document it could read)").arg(item.label));
        }
        if (item.documented)
            result.documented.append(item.label);
    }
    for (const QString &gap : std::as_const(unknown))
        result.gaps.append(QStringLiteral("%1 (ai-flow's audit; no phase 7 question covers it)").arg(gap));
    return result;
}

// ---- scenario and options --------------------------------------------------------------

// ai-flow's audit recommends SKIP, HYBRID or FULL, its names for scenarios A, B and C. Its
// own pre-flight goes by the score, and so does OpsFlow; when the two disagree the reasons
// say so, and the recommendation shown is always the one for the scenario taken.
void explainAuditRecommendation(PreflightResult *result)
{
    const QString said = result->auditRecommendation.trimmed();
    if (said.isEmpty())
        return;
    struct Word {
        const char *id;
        PreflightScenario scenario;
        const char *meaning;
    };
    static const Word words[] = {
        {"SKIP", PreflightScenario::KeepExisting, "keep the existing documentation"},
        {"HYBRID", PreflightScenario::AnswerMissing, "answer only the missing questions"},
        {"FULL", PreflightScenario::FullPhase, "answer the full phase"},
    };
    for (const Word &word : words) {
        if (said.compare(QLatin1String(word.id), Qt::CaseInsensitive) != 0)
            continue;
        if (word.scenario != result->scenario) {
            result->reasons.append(
                QStringLiteral("ai-flow's audit recommends to %1, but %2 puts the phase in scenario %3; OpsFlow "
                               "follows the score, as ai-flow's own pre-flight check does.")
                    .arg(QLatin1String(word.meaning),
                         result->score ? QStringLiteral("its consistency score of %1").arg(percent(*result->score))
                                       : QStringLiteral("the absence of documents"),
                         scenarioLetter(result->scenario)));
        }
        return;
    }
    result->reasons.append(QStringLiteral("ai-flow's audit recommends: %1").arg(said));
}

void decide(PreflightResult *result)
{
    QSet<QString> missing;
    for (const AuditItem &item : std::as_const(result->items)) {
        if (!item.documented) {
            for (const QString &q : item.questionIds)
                missing.insert(q);
        }
    }
    result->missingQuestions = inSeedOrder(missing);

    if (!result->docsExist || !result->score) {
        result->scenario = PreflightScenario::FullPhase;
        if (result->fromAuditData)
            result->reasons.append(QStringLiteral("The audit data says %1 does not exist.").arg(result->targetFile));
        else if (!result->writtenByOpsFlow.isEmpty())
            result->reasons.append(QStringLiteral("%1 was written by OpsFlow from the answers, so it is not audited as "
                                                  "the team's documentation; the team has no operations document of "
                                                  "its own.")
                                       .arg(result->writtenByOpsFlow.join(QLatin1String(" and "))));
        else
            result->reasons.append(
                QStringLiteral("No docs/deployment.md or docs/operations.md could be read: there is nothing to keep."));
    } else if (*result->score >= 95) {
        result->scenario = PreflightScenario::KeepExisting;
    } else if (*result->score >= 80) {
        result->scenario = PreflightScenario::AnswerMissing;
    } else {
        result->scenario = PreflightScenario::FullPhase;
        result->reasons.append(QStringLiteral("%1 is outdated or incomplete: consistency %2 is below 80%.")
                                   .arg(result->targetFile, percent(*result->score)));
    }

    switch (result->scenario) {
    case PreflightScenario::KeepExisting:
        result->options = {
            {PreflightAction::UseExisting, QStringLiteral("Use the existing documentation (skip phase 7)"), true, {}},
            {PreflightAction::AnswerAll, QStringLiteral("Answer the full phase anyway"), false, {}}};
        result->recommendation = QStringLiteral("Keep the existing documentation.");
        break;
    case PreflightScenario::AnswerMissing: {
        const int n = int(result->missingQuestions.size());
        if (n > 0) {
            result->options.append({PreflightAction::AnswerMissing,
                                    QStringLiteral("Answer only the %1 missing question%2 (%3)")
                                        .arg(n)
                                        .arg(n == 1 ? QString() : QStringLiteral("s"))
                                        .arg(result->missingQuestions.join(QLatin1String(", "))),
                                    true,
                                    {}});
        }
        result->options.append(
            {PreflightAction::AnswerAll, QStringLiteral("Re-answer everything (full phase)"), n == 0, {}});
        result->options.append(
            {PreflightAction::Skip, QStringLiteral("Skip entirely (use the docs as they are)"), false,
             QStringLiteral("The gaps stay undocumented: %1.")
                 .arg(result->gaps.isEmpty() ? QStringLiteral("none named") : result->gaps.join(QLatin1String("; ")))});
        result->recommendation = n > 0
            ? QStringLiteral("Answer the missing questions; the rest of the documentation is kept.")
            : QStringLiteral("Re-answer the phase: no question of it covers the gaps.");
        break;
    }
    case PreflightScenario::FullPhase:
        result->options = {{PreflightAction::AnswerAll, QStringLiteral("Answer the full phase"), true, {}}};
        result->recommendation = documentedOnlyByOpsFlow(*result)
            ? QStringLiteral("Review the phase 7 answers and generate again; lines edited by hand are kept.")
            : QStringLiteral("Complete the full phase 7 questionnaire.");
        break;
    }
    explainAuditRecommendation(result);
}

} // namespace

bool documentedOnlyByOpsFlow(const PreflightResult &result)
{
    return !result.fromAuditData && !result.docsExist && !result.writtenByOpsFlow.isEmpty();
}

QString scenarioLetter(PreflightScenario scenario)
{
    switch (scenario) {
    case PreflightScenario::KeepExisting: return QStringLiteral("A");
    case PreflightScenario::AnswerMissing: return QStringLiteral("B");
    case PreflightScenario::FullPhase: return QStringLiteral("C");
    }
    return {};
}

QList<AuditItem> auditItems()
{
    QList<AuditItem> items;
    for (const AuditTopicKnowledge &topic : topics()) {
        const AuditItem::Origin origin = topic.origin == QLatin1String("key_item") ? AuditItem::Origin::KeyItem
            : topic.origin == QLatin1String("typical_gap")                         ? AuditItem::Origin::TypicalGap
                                                                                   : AuditItem::Origin::OpsFlow;
        items.append({topic.id, topic.label, topic.questions, origin, false, {}});
    }
    return items;
}

PreflightResult auditDocuments(const QList<ProjectFile> &documents, const QStringList &writtenByOpsFlow)
{
    PreflightResult result;
    result.writtenByOpsFlow = writtenByOpsFlow;
    result.items = auditItems();
    QList<int> weakLines(result.items.size(), 0);
    for (const ProjectFile &doc : documents) {
        if (!doc.read)
            continue;
        result.docsExist = true;
        result.auditedFiles.append(doc.path);
        const QStringList lines = doc.text.split(QLatin1Char('\n'));
        for (int n = 0; n < lines.size(); ++n) {
            const QString &line = lines.at(n);
            if (ignoredLine(line))
                continue;
            const bool heading = line.trimmed().startsWith(QLatin1Char('#'));
            for (int i = 0; i < result.items.size(); ++i) {
                AuditItem &item = result.items[i];
                if (item.documented)
                    continue;
                const AuditTopicKnowledge &topic = topics().at(i);
                const bool found = heading
                    ? topic.heading.match(line).hasMatch()
                    : strongMatch(topic, line) || (topic.weak.match(line).hasMatch() && ++weakLines[i] == 2);
                if (found) {
                    item.documented = true;
                    item.evidence = QStringLiteral("%1:%2").arg(doc.path).arg(n + 1);
                }
            }
        }
    }
    result.targetFile = result.auditedFiles.isEmpty() ? seedTarget : result.auditedFiles.join(QLatin1String(", "));
    if (result.docsExist) {
        int documented = 0;
        for (const AuditItem &item : std::as_const(result.items)) {
            if (item.documented) {
                ++documented;
                result.documented.append(item.label);
            } else {
                result.gaps.append(item.label);
            }
        }
        result.score = std::floor(documented * 100.0 / result.items.size());
    }
    decide(&result);
    return result;
}

PreflightResult runPreflight(const QString &projectDir)
{
    QStringList notes;
    QList<ProjectFile> documents;
    QStringList writtenByOpsFlow;
    for (const char *path : {"docs/deployment.md", "docs/operations.md"}) {
        ProjectFile document = readProjectFile(projectDir, QLatin1String(path));
        if (!document.note.isEmpty())
            notes.append(document.note);
        // OpsFlow's own sections state the answers back: auditing them would call phase 7
        // done by the team and cite OpsFlow's lines as its evidence. Only the team's text
        // around them is audited, with its own line numbers.
        // Markers broken by an edit: OpsFlow's text and the team's cannot be told apart, and
        // auditing all of it would take OpsFlow's own lines for the team's documentation.
        if (const QString broken = document.read ? brokenMarkers(document.content) : QString(); !broken.isEmpty()) {
            writtenByOpsFlow.append(document.path);
            notes.append(QStringLiteral("%1 was written by OpsFlow, but its markers are broken (%2), so it is not "
                                        "audited. Mend the marker, or regenerate with --force (a backup is made).")
                             .arg(document.path, broken));
            continue;
        }
        if (document.read && hasGeneratedSections(document.content)) {
            writtenByOpsFlow.append(document.path);
            document.content = withoutGeneratedSections(document.content);
            document.text = QString::fromUtf8(document.content);
            if (document.text.trimmed().isEmpty())
                continue;
        }
        documents.append(document);
    }
    PreflightResult own = auditDocuments(documents, writtenByOpsFlow);

    QString problem;
    const ProjectFile audit = readProjectFile(projectDir, auditDataPath);
    if (audit.read) {
        QString error;
        const std::optional<AuditData> data = parseAuditData(audit.content, &error);
        if (data) {
            PreflightResult result = fromAuditData(*data, own);
            decide(&result);
            result.notes = notes + result.notes;
            return result;
        }
        problem = error.isEmpty() ? QStringLiteral("%1 has no entry for phase 7.").arg(auditDataPath) : error;
    } else if (audit.exists) {
        problem = audit.note;
    }
    own.auditDataFound = audit.exists;
    own.auditDataError = problem;
    own.notes = notes + own.notes;
    return own;
}

QString preflightReport(const PreflightResult &r)
{
    QString out;
    auto line = [&out](const QString &text) { out += text + QLatin1Char('\n'); };

    switch (r.scenario) {
    case PreflightScenario::KeepExisting: line(QStringLiteral("✅ %1 ALREADY DOCUMENTED").arg(phaseName)); break;
    case PreflightScenario::AnswerMissing: line(QStringLiteral("📚 %1 PARTIALLY DOCUMENTED").arg(phaseName)); break;
    case PreflightScenario::FullPhase:
        line(documentedOnlyByOpsFlow(r) ? QStringLiteral("🔄 %1 WRITTEN BY OPSFLOW").arg(phaseName)
                                        : QStringLiteral("⚠️ %1 NEEDS DOCUMENTATION").arg(phaseName));
        break;
    }
    line(QString());
    static const char *const scenarioText[] = {"keep the existing documentation", "answer only the missing questions",
                                               "full phase"};
    line(QStringLiteral("Scenario: %1 (%2)")
             .arg(scenarioLetter(r.scenario), QLatin1String(scenarioText[int(r.scenario)])));
    line(QStringLiteral("Consistency score: %1")
             .arg(r.score                            ? percent(*r.score)
                      : r.writtenByOpsFlow.isEmpty() ? QStringLiteral("N/A (no documents)")
                                                     : QStringLiteral("N/A (no documents of the team's own)")));
    if (r.fromAuditData) {
        line(QStringLiteral("Source: ai-flow audit data (%1)").arg(auditDataPath));
    } else {
        line(QStringLiteral("Source: OpsFlow's own audit of %1")
                 .arg(!r.auditedFiles.isEmpty()          ? r.auditedFiles.join(QLatin1String(", "))
                          : r.writtenByOpsFlow.isEmpty() ? QStringLiteral("the documents (none found)")
                                                         : QStringLiteral("the team's documents (none found)")));
        if (!r.auditDataError.isEmpty())
            line(QStringLiteral("Audit data not used: %1 OpsFlow audited the documents itself.").arg(r.auditDataError));
        else if (!r.auditDataFound)
            line(QStringLiteral("Audit data: none (%1 does not exist).").arg(auditDataPath));
    }
    if (!r.writtenByOpsFlow.isEmpty())
        line(QStringLiteral("Written by OpsFlow (its generated sections are not audited): %1")
                 .arg(r.writtenByOpsFlow.join(QLatin1String(", "))));
    line(QStringLiteral("File: %1").arg(r.targetFile));
    for (const QString &reason : r.reasons)
        line(QStringLiteral("Reason: %1").arg(reason));

    if (!r.documented.isEmpty()) {
        line(QStringLiteral("Documented:"));
        for (const AuditItem &item : r.items) {
            if (item.documented)
                line(QStringLiteral("  ✅ %1%2")
                         .arg(item.label,
                              item.evidence.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(item.evidence)));
        }
    }
    if (!r.gaps.isEmpty()) {
        line(QStringLiteral("Gaps:"));
        for (const QString &gap : r.gaps)
            line(QStringLiteral("  ❌ %1").arg(gap));
    }
    if (r.scenario == PreflightScenario::AnswerMissing && !r.missingQuestions.isEmpty())
        line(QStringLiteral("Missing questions: %1").arg(r.missingQuestions.join(QLatin1String(", "))));
    line(QStringLiteral("Recommendation: %1").arg(r.recommendation));
    line(QStringLiteral("Options:"));
    for (int i = 0; i < r.options.size(); ++i) {
        const PreflightOption &o = r.options.at(i);
        line(QStringLiteral("  %1) %2%3%4")
                 .arg(QChar(QLatin1Char('A').unicode() + i))
                 .arg(o.label, o.recommended ? QStringLiteral(" ⭐") : QString(),
                      o.warning.isEmpty() ? QString() : QStringLiteral(" — ") + o.warning));
    }
    if (!r.notes.isEmpty()) {
        line(QStringLiteral("Notes:"));
        for (const QString &note : r.notes)
            line(QStringLiteral("  - %1").arg(note));
    }
    return out;
}

std::optional<PreflightOption> savedChoice(const PreflightResult &result, std::optional<PreflightAction> saved)
{
    if (!saved)
        return std::nullopt;
    for (const PreflightOption &option : result.options) {
        if (option.action == *saved)
            return option;
    }
    return std::nullopt;
}

bool keepsExistingDocuments(PreflightAction action)
{
    return action == PreflightAction::UseExisting || action == PreflightAction::Skip;
}

QString savedChoiceReport(const PreflightResult &result, PreflightAction saved)
{
    if (const auto option = savedChoice(result, saved))
        return QStringLiteral("Saved choice: %1.").arg(option->label);
    return QStringLiteral("Saved choice: \"%1\", which scenario %2 does not offer (the documents changed since it "
                          "was made); the wizard asks again.")
        .arg(preflightActionId(saved), scenarioLetter(result.scenario));
}

} // namespace opsflow
