// Operational consistency rules: answers that each look fine but contradict one another
// (retries that outlast the circuit breaker, a pool larger than the database allows, …).
// The rules' severities, messages and assumed facts are data (resources/knowledge/rules.json,
// loaded strictly here); the arithmetic per rule id is below, on the same facts the documents use.
#pragma once

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace opsflow {

class Knowledge;
class Questionnaire;
class Resolver;

enum class Severity { Error, Warning };
QString severityId(Severity severity); // "error", "warning"

struct RuleFinding {
    QString ruleId; // "retry-within-breaker"
    Severity severity = Severity::Warning;
    QString message; // one sentence naming both values and where each is answered
    // Each value and where it is answered:
    // "7.9.3 Retry & Timeout Policies: Payment API timeout 30000 ms × 3 retries".
    QStringList where;
    QStringList questionIds; // the questions holding the values, "7.9.3", "7.9.2"
};

struct RuleDefinition {
    QString id;
    Severity severity = Severity::Warning;
    QString summary; // what it checks (README's table)
    QString message; // with {placeholders}
};

// resources/knowledge/rules.json.
class RulesKnowledge
{
public:
    // Loads `root`/rules.json against `root`/rules.schema.json, then checks its meaning
    // against the questionnaire (choice letters, fields) and the platforms. On failure returns
    // nothing and sets *error to one sentence naming the file and the key.
    static std::optional<RulesKnowledge> load(const QString &root, const Questionnaire &questionnaire,
                                              const Knowledge &knowledge, QString *error);
    // The built-in rules (:/resources/knowledge/rules.json), loaded once.
    static const RulesKnowledge &builtIn();
    // The rule ids OpsFlow implements, in the order findings are reported.
    static QStringList implementedRules();

    const QList<RuleDefinition> &rules() const { return m_rules; }
    const RuleDefinition *rule(const QString &id) const;

    struct DatabaseLimit {
        int maxConnections = 0;
        QString source; // "PostgreSQL's default max_connections"
    };
    struct EnvironmentName {
        QString id;
        QString label;
        QList<QRegularExpression> match;
    };
    struct EnvironmentMention {
        QString question;
        QString field;
        QString value;             // a choice meaning `environment`
        QString environment;       //
        QString column;            // or a table column holding environment names
        bool onlyAnswered = false; // a default the documents leave out does not count
    };

    QHash<QString, DatabaseLimit> databaseLimits;
    QHash<QString, int> instances;           // 7.8 strategy → fewest instances planned
    QStringList containerPlatforms;          // platform ids that run only containers
    QHash<QString, QString> replacingProbes; // platform id → liveness | load_balancer
    int stopMarginSeconds = 5;               //
    struct RollbackTool {
        QString strategy; // 7.4.1 strategy
        QString step;     // "turn the feature's flag off in the flag service"
        QString question; // the answer naming the tool: a choice of a checklist
        QString field;
        QString value;
    };
    QList<RollbackTool> rollbackTools;
    QHash<QString, int> backupDataLossMinutes;  // 7.7 strategy → minutes of data a restore can lose
    QHash<QString, int> backupIntervalMinutes;  // 7.7 strategy → minutes between two backups
    QHash<QString, QString> backupDiagramEdges; // 7.7 strategy → "Daily Backups"; none for manual ones
    QHash<QString, QString> alertThresholds;    // 7.6 condition → 7.6 percentage field
    QHash<QString, QString> alertMetrics;       // 7.6 condition → 7.5 metric
    QHash<QString, QStringList> environments;   // 7.3 environments → environment ids
    QList<EnvironmentName> environmentNames;    // most specific first
    QList<EnvironmentMention> environmentMentions;
    QStringList dependencyChecks; // 7.9 checks that call a dependency

private:
    QList<RuleDefinition> m_rules;
};

// Every rule that fires on the answers: errors first, each severity in implementedRules() order.
QList<RuleFinding> checkConsistency(const Resolver &resolver, const RulesKnowledge &rules = RulesKnowledge::builtIn());

// The consistency rules, then the questionnaire's own checks (phase7.json "checks") that fail
// on the answers, as findings with the rule id "questionnaire-check": what the headless
// commands and the generate step report. A question a rule already speaks about gets no
// second finding.
QList<RuleFinding> checkAnswers(const Resolver &resolver);
bool hasErrors(const QList<RuleFinding> &findings);
// "error: …" or "warning: …", the message only.
QString findingLine(const RuleFinding &finding);

} // namespace opsflow
