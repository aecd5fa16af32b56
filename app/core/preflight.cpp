// The pre-flight check of the seed's smart-skip logic. ai-flow's phase 0 audit is trusted
// when it is readable; otherwise OpsFlow audits the documents itself and says so, because a
// broken cache file must never block, or silently shape, the phase.
#include "preflight.h"

#include "knowledge.h"

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

struct ItemSpec {
    const char *id;
    const char *label;
    QStringList questions;
    AuditItem::Origin origin;
    const char *heading; // a heading with these words documents the item
    const char *strong;  // so does one body line naming a product or a precise term (nullptr:
                         // a platform, as resources/knowledge/evidence/documents.json knows them)
    const char *weak;    // generic words: two body lines are needed
};

// Which words show an item. Headings and product names count at once; generic words only
// when they recur, because one passing mention is not documentation.
const QList<ItemSpec> &itemSpecs()
{
    using O = AuditItem::Origin;
    static const QList<ItemSpec> specs = {
        {"ci_cd",
         "CI/CD pipeline",
         {QStringLiteral("7.4")},
         O::KeyItem,
         "ci ?/ ?cd|\\bci\\b|continuous (?:integration|deployment|delivery)|pipeline",
         "github actions|gitlab[- ]ci|jenkins|circle ?ci|travis|codepipeline|azure (?:devops|pipelines)|"
         "bitbucket pipelines|argo ?cd",
         "pipeline|ci ?/ ?cd|build and deploy"},
        {"platform",
         "Deployment platform",
         {QStringLiteral("7.1"), QStringLiteral("7.2"), QStringLiteral("7.3")},
         O::KeyItem,
         "platform|infrastructure|hosting|environments?\\b|container|docker|kubernetes|where it runs",
         nullptr, // a platform the knowledge's document rules recognise (Knowledge::namesAPlatform)
         "docker|container|servers?\\b|cluster"},
        {"monitoring",
         "Monitoring",
         {QStringLiteral("7.5"), QStringLiteral("7.6")},
         O::KeyItem,
         "monitoring|observability|alert|metrics|\\bapm\\b",
         "datadog|new ?relic|prometheus|grafana|cloudwatch|sentry|opentelemetry|pagerduty|opsgenie|"
         "application insights|dynatrace|honeycomb",
         "monitor|alert|dashboard|metrics|uptime"},
        {"logging",
         "Logging",
         {QStringLiteral("7.5"), QStringLiteral("7.9.4")},
         O::KeyItem,
         "logging|\\blogs?\\b",
         "\\belk\\b|\\bloki\\b|logstash|fluent ?(?:d|bit)|papertrail|winston|pino|structlog|logback|serilog|"
         "log aggregation|structured (?:json )?logs?",
         "\\blogs?\\b|logging|log level"},
        {"runbooks",
         "Incident runbooks",
         {QStringLiteral("7.10")},
         O::TypicalGap,
         "runbook|incident|playbook|on-?call|troubleshoot",
         "runbook|playbook|post-?mortem|incident response",
         "incident|escalat|on-?call|troubleshoot"},
        {"disaster_recovery",
         "Disaster recovery",
         {QStringLiteral("7.7"), QStringLiteral("7.7.1")},
         O::TypicalGap,
         "disaster recovery|backups?|restore|business continuity",
         "disaster recovery|\\brto\\b|\\brpo\\b|point-in-time|\\bpitr\\b",
         "backup|snapshot|restore|failover"},
        {"scaling",
         "Scaling strategy",
         {QStringLiteral("7.8"), QStringLiteral("7.7.2")},
         O::TypicalGap,
         "scal(?:ing|ability|e)|capacity|autoscal",
         "auto-?scal|horizontal pod autoscaler|\\bhpa\\b|horizontal scaling|vertical scaling|read replicas?|"
         "sharding|connection pool",
         "scal(?:e|ing)|replicas|load balancer|capacity"},
        {"deployment_strategy",
         "Deployment strategy and rollback",
         {QStringLiteral("7.4.1")},
         O::OpsFlow,
         "(?:deploy(?:ment)?|release|rollout) strateg|rollback|roll back|releases?|blue.green|canary|rolling",
         "blue[- /]green|canary|rolling (?:update|deploy)|zero[- ]downtime|feature flags?",
         "rollback|roll back|release"},
        {"health",
         "Health checks and graceful shutdown",
         {QStringLiteral("7.9"), QStringLiteral("7.9.1")},
         O::OpsFlow,
         "health|shutdown|readiness|liveness",
         "/health|health ?checks?|readiness|liveness|graceful shutdown|sigterm",
         "graceful|shutdown|probe"},
        {"resilience",
         "Circuit breakers, retries and timeouts",
         {QStringLiteral("7.9.2"), QStringLiteral("7.9.3")},
         O::OpsFlow,
         "resilience|circuit breaker|retr(?:y|ies)|timeouts?|fault tolerance",
         "circuit breaker|exponential backoff|bulkhead|retry polic(?:y|ies)",
         "retry|retries|backoff|timeout|fallback"},
    };
    return specs;
}

struct CompiledItem {
    QRegularExpression heading;
    QRegularExpression strong;
    QRegularExpression weak;
    bool platforms = false; // strong: the lines that name a platform

    bool strongMatch(const QString &line) const
    {
        return platforms ? Knowledge::builtIn().namesAPlatform(line) : strong.match(line).hasMatch();
    }
};

const QList<CompiledItem> &compiledItems()
{
    static const QList<CompiledItem> items = [] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        QList<CompiledItem> list;
        for (const ItemSpec &spec : itemSpecs()) {
            list.append({QRegularExpression(QLatin1String(spec.heading), ci),
                         QRegularExpression(spec.strong ? QLatin1String(spec.strong) : QLatin1String("$^"), ci),
                         QRegularExpression(QLatin1String(spec.weak), ci), spec.strong == nullptr});
        }
        return list;
    }();
    return items;
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

    for (const char *name : {"recommendation", "file"}) {
        const QJsonValue v = phase.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isNull() && !v.isString()) {
            *error = QStringLiteral("%1.%2 must be a string, not %3.").arg(at, QLatin1String(name), jsonTypeName(v));
            return std::nullopt;
        }
    }
    data.recommendation = phase.value(QLatin1String("recommendation")).toString();
    data.file = phase.value(QLatin1String("file")).toString();

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

// The items a gap text speaks of ("No incident runbooks" → runbooks).
QList<int> itemsNamedBy(const QString &gap)
{
    QList<int> named;
    for (int i = 0; i < compiledItems().size(); ++i) {
        const CompiledItem &c = compiledItems().at(i);
        if (c.heading.match(gap).hasMatch() || c.strongMatch(gap) || c.weak.match(gap).hasMatch())
            named.append(i);
    }
    return named;
}

// The audit judges the seed's items; `ownCheck` (OpsFlow's audit of the same documents)
// judges the items the seed does not name.
PreflightResult fromAuditData(const AuditData &data, const PreflightResult &ownCheck)
{
    PreflightResult result;
    result.fromAuditData = true;
    result.auditDataFound = true;
    result.targetFile = data.file.isEmpty() ? seedTarget : data.file;
    result.docsExist = data.exists;
    result.recommendation = data.recommendation;
    result.items = auditItems();
    if (data.exists)
        result.score = data.score;

    QSet<int> gapItems;
    for (const QString &gap : data.gaps) {
        result.gaps.append(gap);
        const QList<int> named = itemsNamedBy(gap);
        if (named.isEmpty()) {
            result.notes.append(QStringLiteral("The gap \"%1\" matches no phase 7 question; re-answer "
                                               "everything to cover it.")
                                    .arg(gap));
        }
        for (int i : named)
            gapItems.insert(i);
    }
    for (int i = 0; i < result.items.size(); ++i) {
        AuditItem &item = result.items[i];
        if (item.origin == AuditItem::Origin::OpsFlow) {
            // The audit does not judge these; a gap that names one still counts.
            item.documented = data.exists && ownCheck.items.at(i).documented && !gapItems.contains(i);
            item.evidence = ownCheck.items.at(i).evidence;
            if (!item.documented && data.exists && !gapItems.contains(i))
                result.gaps.append(item.label + QStringLiteral(" (OpsFlow's check)"));
        } else {
            // The audit names gaps only; what it does not name counts as documented.
            item.documented = data.exists && !gapItems.contains(i);
        }
        if (item.documented)
            result.documented.append(item.label);
    }
    return result;
}

// ---- scenario and options --------------------------------------------------------------

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
        result->reasons.append(
            result->fromAuditData
                ? QStringLiteral("The audit data says %1 does not exist.").arg(result->targetFile)
                : QStringLiteral(
                    "No docs/deployment.md or docs/operations.md could be read: there is nothing to keep."));
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
        if (result->recommendation.isEmpty())
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
        if (result->recommendation.isEmpty()) {
            result->recommendation = n > 0
                ? QStringLiteral("Answer the missing questions; the rest of the documentation is kept.")
                : QStringLiteral("Re-answer the phase: the gaps match no single question.");
        }
        break;
    }
    case PreflightScenario::FullPhase:
        result->options = {{PreflightAction::AnswerAll, QStringLiteral("Answer the full phase"), true, {}}};
        if (result->recommendation.isEmpty())
            result->recommendation = QStringLiteral("Complete the full phase 7 questionnaire.");
        break;
    }
}

} // namespace

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
    for (const ItemSpec &spec : itemSpecs())
        items.append({QLatin1String(spec.id), QLatin1String(spec.label), spec.questions, spec.origin, false, {}});
    return items;
}

PreflightResult auditDocuments(const QList<ProjectFile> &documents)
{
    PreflightResult result;
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
            const bool heading = line.trimmed().startsWith(QLatin1Char('#'));
            for (int i = 0; i < result.items.size(); ++i) {
                AuditItem &item = result.items[i];
                if (item.documented)
                    continue;
                const CompiledItem &c = compiledItems().at(i);
                const bool found = heading
                    ? c.heading.match(line).hasMatch()
                    : c.strongMatch(line) || (c.weak.match(line).hasMatch() && ++weakLines[i] == 2);
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
    for (const char *path : {"docs/deployment.md", "docs/operations.md"}) {
        documents.append(readProjectFile(projectDir, QLatin1String(path)));
        if (!documents.last().note.isEmpty())
            notes.append(documents.last().note);
    }
    PreflightResult own = auditDocuments(documents);

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
    case PreflightScenario::FullPhase: line(QStringLiteral("⚠️ %1 NEEDS DOCUMENTATION").arg(phaseName)); break;
    }
    line(QString());
    static const char *const scenarioText[] = {"keep the existing documentation", "answer only the missing questions",
                                               "full phase"};
    line(QStringLiteral("Scenario: %1 (%2)")
             .arg(scenarioLetter(r.scenario), QLatin1String(scenarioText[int(r.scenario)])));
    line(QStringLiteral("Consistency score: %1")
             .arg(r.score ? percent(*r.score) : QStringLiteral("N/A (no documents)")));
    if (r.fromAuditData) {
        line(QStringLiteral("Source: ai-flow audit data (%1)").arg(auditDataPath));
    } else {
        line(QStringLiteral("Source: OpsFlow's own audit of %1")
                 .arg(r.auditedFiles.isEmpty() ? QStringLiteral("the documents (none found)")
                                               : r.auditedFiles.join(QLatin1String(", "))));
        if (!r.auditDataError.isEmpty())
            line(QStringLiteral("Audit data not used: %1 OpsFlow audited the documents itself.").arg(r.auditDataError));
        else if (!r.auditDataFound)
            line(QStringLiteral("Audit data: none (%1 does not exist).").arg(auditDataPath));
    }
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
