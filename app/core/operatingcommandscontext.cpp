// Template values of the Operating Commands section (see operatingcommandscontext.h).
#include "operatingcommandscontext.h"

#include <QVariantList>

namespace opsflow {

namespace {

struct Slot {
    const char *key;  // the template's name: CMD_<key>, ACT_<key>, NOTE_<key>
    const char *name; // the operation
};

// Sets CMD_, ACT_ and NOTE_ of each slot, and <GROUP>_SHELL / <GROUP>_PROSE when any slot of
// the group has a command / an action, so the template writes a code block or a list only
// when it has lines for it.
void addGroup(QVariantMap &c, const char *group, std::initializer_list<Slot> entries,
              OperatingCommand (*lookup)(const OperatingCommands &, const QString &), const OperatingCommands &commands)
{
    bool shell = false;
    bool prose = false;
    for (const Slot &s : entries) {
        const OperatingCommand command = lookup(commands, QString::fromLatin1(s.name));
        const QString key = QString::fromLatin1(s.key);
        c.insert(QStringLiteral("CMD_") + key, command.shell);
        c.insert(QStringLiteral("ACT_") + key, command.prose);
        c.insert(QStringLiteral("NOTE_") + key, command.note);
        shell = shell || !command.shell.isEmpty();
        prose = prose || !command.prose.isEmpty();
    }
    c.insert(QString::fromLatin1(group) + QStringLiteral("_SHELL"), shell);
    c.insert(QString::fromLatin1(group) + QStringLiteral("_PROSE"), prose);
}

OperatingCommand operation(const OperatingCommands &c, const QString &name)
{
    return c.operation(name);
}

// The database group mixes the platform's way in with the engine's own client commands.
OperatingCommand databaseOperation(const OperatingCommands &c, const QString &name)
{
    return name == QLatin1String("db_access") ? c.operation(name) : c.database(name);
}

OperatingCommand migration(const OperatingCommands &c, const QString &name)
{
    return c.migration(name);
}

OperatingCommand database(const OperatingCommands &c, const QString &name)
{
    return c.database(name);
}

OperatingCommand general(const OperatingCommands &c, const QString &name)
{
    return c.general(name);
}

} // namespace

void addOperatingCommands(QVariantMap &c, const OperatingCommands &commands, const OperatingCommandsFacts &facts)
{
    c.insert(QStringLiteral("COMMANDS_PLATFORM"), facts.platformName);
    const DeployToolKnowledge *tool = commands.deployTool();
    c.insert(QStringLiteral("DEPLOY_TOOL"), tool ? tool->name : QString());
    c.insert(QStringLiteral("DEPLOY_TOOL_ASSUMED"), tool && commands.deployToolAssumed());
    c.insert(QStringLiteral("DEPLOY_TOOL_STRATEGY"), facts.strategyName);
    c.insert(QStringLiteral("UNKNOWN_DEPLOY_TOOL"),
             commands.unknownDeployTool().isEmpty() ? QString() : facts.unknownDeployTool);

    QVariantList variables;
    for (const ShellVariable &v : commands.variables())
        variables << QVariantMap{
            {QStringLiteral("NAME"), v.name}, {QStringLiteral("FILL"), v.fill}, {QStringLiteral("ABOUT"), v.about}};
    c.insert(QStringLiteral("COMMAND_VARIABLES"), variables);
    c.insert(QStringLiteral("COMMANDS_ANSWERED"), commands.usesAnswers());

    addGroup(c, "RELEASE",
             {{"DEPLOY", "deploy"},
              {"SHIFT", "shift"},
              {"HISTORY", "history"},
              {"ROLLBACK", "rollback"},
              {"STATUS", "status"}},
             operation, commands);
    c.insert(QStringLiteral("CANARY_HOW"), commands.canaryHow());
    addGroup(c, "RUNNING", {{"LOGS", "logs"}, {"RESTART", "restart"}, {"SCALE", "scale"}}, operation, commands);
    c.insert(QStringLiteral("SCALE_AUTOSCALED"), commands.autoscaled(QStringLiteral("scale")));
    addGroup(c, "DATABASE", {{"DB_ACCESS", "db_access"}, {"PING", "ping"}, {"CONNECTIONS", "connections"}},
             databaseOperation, commands);
    addGroup(c, "MIGRATION",
             {{"MIGRATION_RUN", "run"}, {"MIGRATION_STATUS", "status"}, {"MIGRATION_ROLLBACK", "rollback"}}, migration,
             commands);
    addGroup(c, "BACKUP", {{"BACKUP", "backup"}, {"BACKUP_LIST", "list"}, {"RESTORE", "restore"}}, database, commands);
    addGroup(c, "LOCAL", {{"BUILD", "build"}, {"LOCAL_STACK", "stack"}}, general, commands);
    c.insert(QStringLiteral("PROBE_COMMAND"), commands.general(QStringLiteral("probe")).markdown());
    c.insert(QStringLiteral("CMD_PROBE"), commands.general(QStringLiteral("probe")).shell);

    c.insert(QStringLiteral("MIGRATIONS_ASKED"), facts.migrationsAsked);
    const MigrationToolKnowledge *migrations = commands.migrationTool();
    c.insert(QStringLiteral("MIGRATION_TOOL"), migrations ? migrations->name : QString());
    c.insert(QStringLiteral("UNKNOWN_MIGRATION_TOOL"),
             commands.unknownMigrationTool().isEmpty() ? QString() : facts.unknownMigrationTool);

    const bool backups = facts.database && facts.backupsDecided
        && (c.value(QStringLiteral("BACKUP_SHELL")).toBool() || c.value(QStringLiteral("BACKUP_PROSE")).toBool());
    c.insert(QStringLiteral("BACKUP_COMMANDS"), backups);
    c.insert(QStringLiteral("BACKUP_MANUAL"), facts.manualBackups);
    c.insert(QStringLiteral("RESTORE_FROM_BACKUP"), commands.restoresABackup());
    c.insert(QStringLiteral("BACKUP_SERVICE"), commands.backupService());
    c.insert(QStringLiteral("BACKUP_MECHANISM_TEXT"), facts.backupMechanism);
}

} // namespace opsflow
