// Resolving the documents' commands from the knowledge files (see operatingcommands.h).
#include "operatingcommands.h"

#include "escaping.h"

#include <QRegularExpression>
#include <QSet>

namespace opsflow {

namespace {

const char *const operationNames[] = {"deploy", "shift",   "history", "rollback", "status",
                                      "logs",   "restart", "scale",   "db_access"};
const char *const migrationNames[] = {"run", "status", "rollback"};
const char *const databaseNames[] = {"ping", "connections", "backup", "list", "restore"};
const char *const generalNames[] = {"probe", "build", "stack"};

// Inside double quotes only \ " $ and ` are special.
QString doubleQuoted(QString value)
{
    for (const char *special : {"\\", "\"", "$", "`"})
        value.replace(QLatin1String(special), QLatin1String("\\") + QLatin1String(special));
    return value;
}

// Fills the generator's placeholders and the variables an answer gives a value.
class Filler
{
public:
    Filler(const Knowledge &k, const CommandInputs &in, const DatabaseKnowledge *db)
    {
        m_placeholders.insert(QStringLiteral("{slug}"), in.slug);
        m_placeholders.insert(QStringLiteral("{liveness_path}"), in.livenessPath);
        if (db) {
            m_placeholders.insert(QStringLiteral("{db_port}"), QString::number(db->port));
            m_placeholders.insert(QStringLiteral("{db_driver}"), db->driver);
            if (const ImageKnowledge *image = k.serviceImage(db->id))
                m_placeholders.insert(QStringLiteral("{db_client_image}"), image->run);
        }
        for (const ShellVariable &v : k.shellVariables()) {
            if (v.answerQuestion.isEmpty())
                continue;
            const QString value = in.answers.value(v.answerQuestion + u'.' + v.answerField).simplified();
            if (!value.isEmpty())
                m_answered.insert(v.name, value);
        }
        QStringList names;
        for (auto it = m_answered.cbegin(); it != m_answered.cend(); ++it)
            names << QRegularExpression::escape(it.key());
        QStringList placeholders;
        for (auto it = m_placeholders.cbegin(); it != m_placeholders.cend(); ++it)
            placeholders << QRegularExpression::escape(it.key());
        QStringList parts;
        if (!placeholders.isEmpty())
            parts << QStringLiteral("(?<placeholder>%1)").arg(placeholders.join(u'|'));
        if (!names.isEmpty()) {
            // A whole quoted word becomes the value as one word; inside a longer quoted
            // string, the value quoted for that string.
            const QString alternatives = names.join(u'|');
            parts << QStringLiteral("\"\\$(?<word>%1)\"").arg(alternatives)
                  << QStringLiteral("\\$\\{?(?<inside>%1)\\b\\}?").arg(alternatives);
        }
        if (!parts.isEmpty())
            m_pattern.setPattern(parts.join(u'|'));
    }

    // One pass over the knowledge text: what an answer put in is never read again, so a
    // value holding `$ECS_CLUSTER` or `{slug}` cannot be filled a second time and leave its
    // quotes (an answer `x';touch f;'$ECS_CLUSTER` must stay one word).
    QString operator()(const QString &text) const
    {
        if (m_pattern.pattern().isEmpty())
            return text;
        QString out;
        qsizetype from = 0;
        for (auto it = m_pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(from, m.capturedStart() - from);
            if (m.capturedStart(u"placeholder") >= 0) {
                out += m_placeholders.value(m.captured(u"placeholder"));
            } else if (m.capturedStart(u"word") >= 0) {
                m_used = true;
                out += shellWord(m_answered.value(m.captured(u"word")));
            } else {
                m_used = true;
                out += doubleQuoted(m_answered.value(m.captured(u"inside")));
            }
            from = m.capturedEnd();
        }
        out += QStringView(text).mid(from);
        return out;
    }

    bool answered(const QString &variable) const { return m_answered.contains(variable); }
    // Whether any text it filled used an answered variable.
    bool usedAnswers() const { return m_used; }

private:
    mutable bool m_used = false;
    QHash<QString, QString> m_placeholders;
    QHash<QString, QString> m_answered;
    QRegularExpression m_pattern; // every placeholder and answered variable, built once
};

OperatingCommand fromKnowledge(const QHash<QString, QString> &commands, const QHash<QString, QString> &actions,
                               const QHash<QString, QString> &notes, const QString &name, const Filler &fill)
{
    OperatingCommand c;
    if (commands.contains(name))
        c.shell = fill(commands.value(name));
    else if (actions.contains(name))
        c.prose = fill(actions.value(name));
    if (notes.contains(name))
        c.note = fill(notes.value(name));
    return c;
}

} // namespace

QString shellWord(const QString &value)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9@%+=:,./_-]+$"));
    if (safe.match(value).hasMatch())
        return value;
    QString quoted = value;
    quoted.replace(u'\'', QLatin1String("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString OperatingCommand::markdown() const
{
    return shell.isEmpty() ? prose : escape::inlineCode(shell);
}

OperatingCommands OperatingCommands::resolve(const Knowledge &k, const CommandInputs &in)
{
    OperatingCommands out;
    const DatabaseKnowledge *db = k.database(in.database);
    const Filler fill(k, in, db);

    if (in.platform) {
        const PlatformKnowledge &p = *in.platform;
        for (const char *op : operationNames) {
            const QString name = QString::fromLatin1(op);
            const bool differs = !in.containers && p.commandsWithoutContainers.contains(name);
            // Under auto-scaling the autoscaler owns the count: an operation that would set it
            // changes the autoscaler's bounds instead.
            const bool autoscaled =
                in.autoscaling && (p.commandsWithAutoscaling.contains(name) || p.actionsWithAutoscaling.contains(name));
            if (autoscaled)
                out.m_operations.insert(
                    name, fromKnowledge(p.commandsWithAutoscaling, p.actionsWithAutoscaling, {}, name, fill));
            else
                out.m_operations.insert(
                    name, fromKnowledge(differs ? p.commandsWithoutContainers : p.commands, p.actions, {}, name, fill));
            if (autoscaled)
                out.m_autoscaled.insert(name);
        }
        out.m_deployTool = k.deployTool(in.deployTool, p, in.strategy, &out.m_deployToolAssumed);
        if (!out.m_deployTool && !in.deployTool.trimmed().isEmpty())
            out.m_unknownDeployTool = in.deployTool.simplified();
        if (const DeployToolKnowledge *t = out.m_deployTool) {
            for (const char *name : operationNames) {
                const QString op = QString::fromLatin1(name);
                const bool autoscaled = out.m_autoscaled.contains(op);
                OperatingCommand replaced =
                    fromKnowledge(t->commands, t->actions, autoscaled ? t->notesWithAutoscaling : t->notes, op, fill);
                OperatingCommand &current = out.m_operations[op];
                if (!replaced.shell.isEmpty() || !replaced.prose.isEmpty())
                    current = replaced;
                else if (!replaced.note.isEmpty())
                    current.note = replaced.note;
            }
        }
        // A canary release: where the platform splits traffic itself, the release starts the
        // new version without traffic and each step sets its share (a deploy tool's own
        // deploy command wins); elsewhere the documents say what the team adds for it.
        if (in.strategy == QLatin1String("C")) {
            out.m_canaryHow = fill(p.canary.how);
            const DeployToolKnowledge *t = out.m_deployTool;
            const bool toolDeploys =
                t && (t->commands.contains(QStringLiteral("deploy")) || t->actions.contains(QStringLiteral("deploy")));
            if (!p.canary.commands.isEmpty() && !toolDeploys) {
                for (const QString &op : {QStringLiteral("deploy"), QStringLiteral("shift")})
                    out.m_operations.insert(op, fromKnowledge(p.canary.commands, {}, {}, op, fill));
            }
        }
    }

    // A database that is a file has no network to get into: its commands run where it lies.
    if (!db || db->port == 0)
        out.m_operations.remove(QStringLiteral("db_access"));

    for (const char *name : generalNames)
        out.m_general.insert(QString::fromLatin1(name),
                             fromKnowledge(k.generalCommands(), {}, {}, QString::fromLatin1(name), fill));

    // Without a database there is nothing to migrate.
    out.m_migrationTool = db ? k.migrationTool(in.migrationTool) : nullptr;
    if (db && !out.m_migrationTool && !in.migrationTool.trimmed().isEmpty())
        out.m_unknownMigrationTool = in.migrationTool.simplified();
    if (const MigrationToolKnowledge *t = out.m_migrationTool) {
        for (const char *name : migrationNames)
            out.m_migration.insert(QString::fromLatin1(name),
                                   fromKnowledge(t->commands, t->actions, t->notes, QString::fromLatin1(name), fill));
    }

    if (db) {
        for (const char *name : {"ping", "connections"})
            out.m_database.insert(QString::fromLatin1(name),
                                  fromKnowledge(db->commands, {}, {}, QString::fromLatin1(name), fill));
        const ManagedDatabaseCommands *managed = in.managedKey.isEmpty()
            ? nullptr
            : k.managedCommands(db->id, in.cloud, in.platform ? in.platform->id : QString());
        if (managed) {
            out.m_backupService = managed->service;
            // Manual backups are snapshots: restore one where the service can; its restore
            // to a point in time otherwise.
            out.m_restoresABackup = in.manualBackups && managed->commands.contains(QStringLiteral("restore_backup"));
            for (const char *name : {"backup", "list", "restore"}) {
                const QString op = QString::fromLatin1(name);
                const QString key =
                    op == QLatin1String("restore") && out.m_restoresABackup ? QStringLiteral("restore_backup") : op;
                out.m_database.insert(op, fromKnowledge(managed->commands, {}, {}, key, fill));
            }
        } else if (in.managedKey.isEmpty()) {
            out.m_restoresABackup = in.manualBackups;
            const QString kind = in.manualBackups ? QStringLiteral("_manual") : QStringLiteral("_automated");
            for (const char *name : {"backup", "list", "restore"})
                out.m_database.insert(QString::fromLatin1(name),
                                      fromKnowledge(db->selfHostedCommands, {}, db->selfHostedNotes,
                                                    QString::fromLatin1(name) + kind, fill));
        }
    }

    // The variables, in the order a reader meets them; a variable's own description may
    // name another (TASK_ID's names ECS_CLUSTER), which is then listed too.
    static const QRegularExpression variable(QStringLiteral("\\$\\{?([A-Z][A-Z0-9_]*)"));
    QSet<QString> seen;
    QStringList texts;
    const auto add = [&](const OperatingCommand &c) { texts << c.shell << c.prose << c.note; };
    for (const char *name : operationNames)
        add(out.m_operations.value(QString::fromLatin1(name)));
    for (const char *name : migrationNames)
        add(out.m_migration.value(QString::fromLatin1(name)));
    for (const char *name : databaseNames)
        add(out.m_database.value(QString::fromLatin1(name)));
    for (const char *name : generalNames)
        add(out.m_general.value(QString::fromLatin1(name)));
    for (qsizetype i = 0; i < texts.size(); ++i) {
        for (auto it = variable.globalMatch(texts.at(i)); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (seen.contains(name) || fill.answered(name) || !k.shellVariables().contains(name))
                continue;
            seen.insert(name);
            ShellVariable v = k.shellVariables().value(name);
            v.about = fill(v.about);
            out.m_variables.append(v);
            texts << v.about;
        }
    }
    out.m_usesAnswers = fill.usedAnswers();
    return out;
}

QStringList OperatingCommands::allShell() const
{
    QStringList lines;
    for (const char *name : operationNames)
        lines << m_operations.value(QString::fromLatin1(name)).shell;
    for (const char *name : migrationNames)
        lines << m_migration.value(QString::fromLatin1(name)).shell;
    for (const char *name : databaseNames)
        lines << m_database.value(QString::fromLatin1(name)).shell;
    for (const char *name : generalNames)
        lines << m_general.value(QString::fromLatin1(name)).shell;
    lines.removeAll(QString());
    return lines;
}

} // namespace opsflow
