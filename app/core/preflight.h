// The seed's pre-flight check (smart skip): from ai-flow's audit data, or from OpsFlow's own
// audit of the existing documents, decide whether phase 7 is kept, completed or done in full.
#pragma once

#include "answerset.h"
#include "projectcontext.h"

#include <optional>

namespace opsflow {

// The seed's scenarios: A (≥ 95), B (80–94), C (< 80 or no documents).
enum class PreflightScenario { KeepExisting, AnswerMissing, FullPhase };
QString scenarioLetter(PreflightScenario scenario); // "A", "B", "C"

struct PreflightOption {
    PreflightAction action;
    QString label; // "Answer only the 3 missing questions"
    bool recommended = false;
    QString warning; // shown when chosen (Skip in scenario B)
};

// One thing an operations document should cover, and the questions that answer it.
struct AuditItem {
    // The seed names key items and typical gaps; ai-flow's audit judges those. OpsFlow adds
    // three items so that every question belongs to one, and always judges them itself.
    enum class Origin { KeyItem, TypicalGap, OpsFlow };
    QString id;    // "ci_cd"
    QString label; // "CI/CD pipeline"
    QStringList questionIds;
    Origin origin = Origin::KeyItem;
    bool documented = false;
    QString evidence; // "docs/deployment.md:12" when OpsFlow's check found it
};

// The items of the phase 7 audit, in report order: the seed's key items (CI/CD pipeline,
// deployment platform, monitoring, logging), its typical gaps (incident runbooks, disaster
// recovery, scaling strategy), then ours (deployment strategy, health checks, resilience).
QList<AuditItem> auditItems();

struct PreflightResult {
    PreflightScenario scenario = PreflightScenario::FullPhase;
    bool fromAuditData = false;   // false: OpsFlow's own audit
    bool auditDataFound = false;  // .ai-flow/cache/audit-data.json exists
    QString auditDataError;       // why it was not used (one sentence); empty when used or absent
    QString targetFile;           // "docs/deployment.md" (the audit's `file`, or what we audited)
    QStringList auditedFiles;     // own audit: the documents read
    QStringList writtenByOpsFlow; // documents OpsFlow generated: never audited as the team's own
    bool docsExist = false;
    std::optional<double> score;    // 0–100; none when there are no documents
    QString recommendation;         // OpsFlow's, for the scenario taken
    QString auditRecommendation;    // the audit's as written: SKIP, HYBRID, FULL (or older free text)
    QList<AuditItem> items;         // each with documented set
    QStringList documented;         // labels
    QStringList gaps;               // topics missing, each with why (the audit's ids, OpsFlow's check)
    QStringList missingQuestions;   // questions scenario B asks, in the seed's order
    QStringList reasons;            // why scenario C; the audit's reason; where audit and score disagree
    QList<PreflightOption> options; // what the user may do, recommended first
    QStringList notes;              // files not read, not UTF-8, gaps no question covers
};

// Reads .ai-flow/cache/audit-data.json (phases.phase7, or phases["7"]); when it is absent,
// unreadable, over 1 MiB or of the wrong shape, audits docs/deployment.md and
// docs/operations.md itself and says so. A document OpsFlow wrote (it holds generated
// sections) is not the team's documentation: it is listed in writtenByOpsFlow, never cited as
// evidence, and does not make phase 7 "already documented". With audit data, the seed's items are judged by the
// audit (documented unless a gap names them) and OpsFlow's own items by its own check.
PreflightResult runPreflight(const QString &projectDir);

// OpsFlow's own audit of documents' text. An item is documented when a heading names it, a
// body line names a product or precise term for it ("GitHub Actions", "RTO"), or two body
// lines use its generic words ("backup") — one passing generic mention is not documentation.
// Score = documented items × 100 / all items (10), rounded down: 10 → A, 8–9 → B, ≤ 7 → C.
// Documents OpsFlow wrote are passed apart (writtenByOpsFlow) and only reported.
PreflightResult auditDocuments(const QList<ProjectFile> &documents, const QStringList &writtenByOpsFlow = {});

// The only operations documents are the ones OpsFlow wrote (and no ai-flow audit data): the
// phase was answered with OpsFlow, so "review and generate again", not "needs documentation".
bool documentedOnlyByOpsFlow(const PreflightResult &result);

// The report `opsflow check` prints: scenario, score, source, documented, gaps,
// missing questions, recommendation and options.
QString preflightReport(const PreflightResult &result);

// The choice saved with the answers, as the current check offers it: the option's label, or
// none when this scenario no longer offers it (the documents changed since) — then the
// wizard asks again and `opsflow generate` does not act on it.
std::optional<PreflightOption> savedChoice(const PreflightResult &result, std::optional<PreflightAction> saved);
// "Saved choice: Answer only the 2 missing questions (7.4.1, 7.9)." or why it no longer holds.
QString savedChoiceReport(const PreflightResult &result, PreflightAction saved);
// Whether the choice keeps the existing documents (use them, or skip the phase).
bool keepsExistingDocuments(PreflightAction action);

} // namespace opsflow
