// The commands the documents print, resolved once for a project from the knowledge files:
// the platform's own, those of the deploy tool that replaces them, the migration tool's, and
// the backup and restore commands of the database where it runs. Every shell variable they
// use is collected, so the document can say, once, what to set before running them.
#pragma once

#include "knowledge.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace opsflow {

// What the resolver needs to know about the project (from the answers and facts).
struct CommandInputs {
    const PlatformKnowledge *platform = nullptr; // null: 7.1 not answered
    QString slug;
    QString deployTool;         // 7.4 deploy_tool as typed; empty: the platform's own
    QString strategy;           // 7.4.1 strategy letter
    bool containers = true;     // 7.2: the service runs in containers
    bool autoscaling = false;   // 7.8 auto-scaling: an autoscaler owns the instance count
    QString migrationTool;      // 7.7.1 tool as typed
    QString database;           // the context field database ("postgresql", "none", …)
    QString managedKey;         // where the database is managed: aws | gcp | azure | heroku | paas; empty: self-run
    QString cloud;              // the cloud of the platform, for the managed service's commands
    bool manualBackups = false; // 7.7 strategy C
    QString livenessPath;       // "/health/live", for the probe
    QHash<QString, QString> answers; // "7.1.namespace" → the answer, for variables filled by one
};

// One operation: a shell command, or prose where there is none, and a clause said after it.
struct OperatingCommand {
    QString shell; // the command line, variables and placeholders resolved
    QString prose; // Markdown, when there is no command
    QString note;  // Markdown, may be empty

    bool isEmpty() const { return shell.isEmpty() && prose.isEmpty(); }
    // Inline Markdown: the command as code, or the prose.
    QString markdown() const;
};

class OperatingCommands
{
public:
    static OperatingCommands resolve(const Knowledge &knowledge, const CommandInputs &in);

    // deploy, shift (a canary's share of traffic), history, rollback, status, logs, restart,
    // scale, db_access
    OperatingCommand operation(const QString &name) const { return m_operations.value(name); }
    // Whether the operation changes the autoscaler's bounds (7.8 auto-scaling) instead of a count.
    bool autoscaled(const QString &name) const { return m_autoscaled.contains(name); }
    // run, status, rollback of the migration tool; empty without a recognised tool
    OperatingCommand migration(const QString &name) const { return m_migration.value(name); }
    // backup, list, restore for the database where it runs; ping, connections
    OperatingCommand database(const QString &name) const { return m_database.value(name); }
    // build, stack, probe
    OperatingCommand general(const QString &name) const { return m_general.value(name); }

    const DeployToolKnowledge *deployTool() const { return m_deployTool; }
    bool deployToolAssumed() const { return m_deployToolAssumed; }
    QString unknownDeployTool() const { return m_unknownDeployTool; } // typed, but not known
    const MigrationToolKnowledge *migrationTool() const { return m_migrationTool; }
    QString unknownMigrationTool() const { return m_unknownMigrationTool; }
    QString backupService() const { return m_backupService; } // "Amazon RDS"; empty: self-run
    // Whether the restore command restores one backup (manual backups), not a point in time.
    bool restoresABackup() const { return m_restoresABackup; }
    // With a canary strategy, how the platform splits traffic (Markdown); empty when it is
    // not known or the strategy is another.
    QString canaryHow() const { return m_canaryHow; }

    // The variables the commands use and no answer fills, in the order they first appear;
    // each with its `export NAME='<fill>'` line.
    const QList<ShellVariable> &variables() const { return m_variables; }
    // Whether an answer (a namespace, a cluster) was written into any command.
    bool usesAnswers() const { return m_usesAnswers; }
    // Every command line resolved, for the checks that parse them.
    QStringList allShell() const;

private:
    QHash<QString, OperatingCommand> m_operations;
    QSet<QString> m_autoscaled;
    QHash<QString, OperatingCommand> m_migration;
    QHash<QString, OperatingCommand> m_database;
    QHash<QString, OperatingCommand> m_general;
    const DeployToolKnowledge *m_deployTool = nullptr;
    bool m_deployToolAssumed = false;
    QString m_unknownDeployTool;
    const MigrationToolKnowledge *m_migrationTool = nullptr;
    QString m_unknownMigrationTool;
    QString m_backupService;
    bool m_restoresABackup = false;
    QString m_canaryHow;
    QList<ShellVariable> m_variables;
    bool m_usesAnswers = false;
};

// A value as one shell word: bare when it holds only safe characters, else single-quoted.
QString shellWord(const QString &value);

} // namespace opsflow
