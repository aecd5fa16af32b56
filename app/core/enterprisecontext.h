// The template values only Enterprise scope places in operations.md: the service level
// objectives with their error budget, the owner and escalation path, the dependency-failure
// table, and one runbook per alert, linked both ways. The sentences are in the template; this
// computes the numbers (budgets, burn rates) and decides which facts the answers give.
#pragma once

#include "healthendpoints.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace opsflow {

class AnswerReader;
struct ReliabilityKnowledge;

// What the other sections already computed, in the words they use, so the Enterprise
// sections name things exactly as the rest of the document does.
struct EnterpriseInputs {
    EnterpriseInputs(const AnswerReader &a, const ReliabilityKnowledge &r) : answers(a), reliability(r) { }

    const AnswerReader &answers;
    const ReliabilityKnowledge &reliability;
    bool enterprise = false;
    QString loadBalancer;     // Markdown: the platform's load balancer noun
    QString apmName;          // where the dashboards and alerts live
    QString criticalNotifies; // Markdown: who a critical alert notifies
    QString warningNotifies;  // Markdown: who a warning notifies
    QString database;         // Markdown: "PostgreSQL (Amazon RDS for PostgreSQL)"; empty without one
    QString cache;            // empty without one
    QString queue;            // empty without one
    QStringList healthChecks; // the 7.9 check keys that apply ("database", "redis", "message_queue")
    HealthEndpoints endpoints;
};

// The error budget of an availability target over a window: (100 − target)% of the window.
// 99.9% over 30 days → 43.2 minutes.
double errorBudgetMinutes(double targetPercent, int windowDays);

// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
// "Runbook: 5xx errors" → "runbook-5xx-errors".
QString headingAnchor(const QString &heading);

// Sets every key the Enterprise parts of the template use (empty or false outside Enterprise
// scope), and, in Enterprise scope, adds each alert's RUNBOOK link to ALERTS and turns on the
// existing runbooks that an alert needs. Call after the alerts and runbooks are in `c`.
void addEnterprise(QVariantMap &c, const EnterpriseInputs &in);

} // namespace opsflow
