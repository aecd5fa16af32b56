// The template values of operations.md's "Operating Commands" section: every command the
// project's tool chain gives, grouped as the section shows them, and the shell variables
// they need. The sentences are in the template; this only says what is there.
#pragma once

#include "operatingcommands.h"

#include <QString>
#include <QVariantMap>

namespace opsflow {

struct OperatingCommandsFacts {
    QString platformName;      // "AWS ECS (Fargate)"; empty while 7.1 is not answered
    QString strategyName;      // Markdown: the 7.4.1 choice's label
    QString unknownDeployTool; // Markdown: a deploy tool the answers name that has no knowledge entry
    QString unknownMigrationTool;
    QString backupMechanism; // Markdown
    bool database = false;
    bool backupsDecided = false;  // 7.7 answered
    bool manualBackups = false;   // 7.7 strategy C
    bool migrationsAsked = false; // 7.7.1 not skipped
};

void addOperatingCommands(QVariantMap &c, const OperatingCommands &commands, const OperatingCommandsFacts &facts);

} // namespace opsflow
