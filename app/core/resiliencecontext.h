// The template values of Enterprise scope's Resilience and Data Protection section: zones and
// regions, TLS, encryption at rest, and how long logs, traces and backups are kept. The
// sentences about each platform and store are knowledge data; the template holds the rest.
#pragma once

#include <QString>
#include <QVariantMap>

namespace opsflow {

class AnswerReader;
struct PlatformKnowledge;

// What other sections already decided, in the words they use.
struct ResilienceInputs {
    explicit ResilienceInputs(const AnswerReader &a) : answers(a) { }

    const AnswerReader &answers;
    bool enterprise = false;
    const PlatformKnowledge *platform = nullptr; // null: 7.1 not answered
    QString failoverLabel;                       // Markdown: the 7.1 failover choice's label
    QString databaseEngine;                      // "PostgreSQL"; empty without a database
    QString database;                            // Markdown: "PostgreSQL (Amazon RDS for PostgreSQL)"
    QString databaseEncryption;                  // Markdown sentence from stores.json
    QString logsKeptIn;                          // Markdown: where the logs are kept
    QString tracesKeptIn;                        // Markdown: the APM; empty without one
    QString backupsKeptIn;                       // Markdown: the backup mechanism
};

// Whether the field's value is shown only in the Resilience section, so the *Defaults* line
// of the question that asks it leaves it to that section's own line.
bool shownInResilience(const QString &questionId, const QString &fieldId);

// Sets every key the section uses; RESILIENCE is false outside Enterprise scope.
void addResilience(QVariantMap &c, const ResilienceInputs &in);

} // namespace opsflow
