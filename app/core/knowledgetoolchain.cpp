// Loading the command knowledge: toolchain.json (shell variables, deploy and migration tools)
// and stores.json (database engines and their managed services), and checking that every
// command any knowledge file holds uses only variables and placeholders that exist.
#include "knowledge.h"

#include "knowledgefile.h"
#include "questionnaire.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace opsflow {

namespace {

// The operations a deploy tool may replace: the platform files' own (platform.schema.json).
bool hasBoth(const QHash<QString, QString> &commands, const QHash<QString, QString> &actions, QString *operation)
{
    for (auto it = actions.cbegin(); it != actions.cend(); ++it) {
        if (commands.contains(it.key())) {
            *operation = it.key();
            return true;
        }
    }
    return false;
}

// `$NAME` and `${NAME}` in a command; `$(…)` is a command substitution, not a variable.
QStringList variablesIn(const QString &command)
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)"));
    QStringList names;
    for (auto it = variable.globalMatch(command); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

// `{name}` placeholders the generator fills in.
QStringList placeholdersIn(const QString &command)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
    QStringList names;
    for (auto it = placeholder.globalMatch(command); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

// The fields deploy and migration tools share: id (once in `known`), name, match, and the
// operations as commands, actions (never both for one operation) and notes.
template<typename Tool>
bool readTool(const QJsonObject &o, const QString &where, const QList<Tool> &known, Tool *t, QString *error)
{
    t->id = o.value(QLatin1String("id")).toString();
    t->name = o.value(QLatin1String("name")).toString();
    t->commands = jsonStringMap(o.value(QLatin1String("commands")));
    t->actions = jsonStringMap(o.value(QLatin1String("actions")));
    t->notes = jsonStringMap(o.value(QLatin1String("notes")));
    if (!compilePatterns(o.value(QLatin1String("match")), &t->match, where + QStringLiteral(".match"), error))
        return false;
    if (std::any_of(known.cbegin(), known.cend(), [&](const Tool &k) { return k.id == t->id; })) {
        *error = QStringLiteral("%1.id: \"%2\" appears twice").arg(where, t->id);
        return false;
    }
    QString both;
    if (hasBoth(t->commands, t->actions, &both)) {
        *error = QStringLiteral("%1.actions.%2: the operation already has a command").arg(where, both);
        return false;
    }
    return true;
}

} // namespace

bool DeployToolKnowledge::deploysTo(const PlatformKnowledge &platform) const
{
    return platforms.contains(platform.id) || families.contains(platform.family);
}

bool Knowledge::loadToolchain(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    const QString name = knowledgeName(root, root + QStringLiteral("/toolchain.json"));
    const auto schema =
        readKnowledgeSchema(root + QStringLiteral("/toolchain.schema.json"),
                            knowledgeName(root, root + QStringLiteral("/toolchain.schema.json")), error);
    if (!schema)
        return false;
    const auto object = readValidKnowledge(root + QStringLiteral("/toolchain.json"), name, *schema, error);
    if (!object)
        return false;
    const auto fail = [&](const QString &where, const QString &problem) {
        *error = QStringLiteral("%1: %2: %3").arg(name, where, problem);
        return false;
    };

    static const QRegularExpression variableName(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    const QJsonObject variables = object->value(QLatin1String("variables")).toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        const QString where = QStringLiteral("variables.") + it.key();
        if (!variableName.match(it.key()).hasMatch())
            return fail(where, QStringLiteral("a shell variable's name is upper case: A-Z, 0-9 and _"));
        const QJsonObject o = it.value().toObject();
        ShellVariable v{
            it.key(), o.value(QLatin1String("about")).toString(), o.value(QLatin1String("fill")).toString(), {}, {}};
        const QString answer = o.value(QLatin1String("answer")).toString();
        if (!answer.isEmpty()) {
            const qsizetype dot = answer.lastIndexOf(u'.');
            v.answerQuestion = answer.left(dot);
            v.answerField = answer.mid(dot + 1);
            const Field *field = questionnaire.field(v.answerQuestion, v.answerField);
            if (!field || field->type != Field::Type::Text)
                return fail(where + QStringLiteral(".answer"),
                            QStringLiteral("phase7.json has no text field %1 %2").arg(v.answerQuestion, v.answerField));
        }
        m_variables.insert(v.name, v);
    }

    m_generalCommands = jsonStringMap(object->value(QLatin1String("general")));

    const Field *strategy = questionnaire.field(QStringLiteral("7.4.1"), QStringLiteral("strategy"));
    const QJsonArray deploy = object->value(QLatin1String("deploy_tools")).toArray();
    for (qsizetype i = 0; i < deploy.size(); ++i) {
        const QJsonObject o = deploy.at(i).toObject();
        const QString where = QStringLiteral("deploy_tools[%1]").arg(i);
        DeployToolKnowledge t;
        if (!readTool(o, name + QStringLiteral(": ") + where, m_deployTools, &t, error))
            return false;
        t.platforms = jsonStrings(o.value(QLatin1String("platforms")));
        t.families = jsonStrings(o.value(QLatin1String("families")));
        t.defaultForStrategies = jsonStrings(o.value(QLatin1String("default_for_strategies")));
        t.notesWithAutoscaling = jsonStringMap(o.value(QLatin1String("notes_with_autoscaling")));
        if (t.platforms.isEmpty() == t.families.isEmpty())
            return fail(where, QStringLiteral("name the platforms or the families it deploys to, one of the two"));
        for (const QString &id : std::as_const(t.platforms)) {
            if (!platform(id))
                return fail(where + QStringLiteral(".platforms"),
                            QStringLiteral("\"%1\" is not a file of knowledge/platforms").arg(id));
        }
        for (const QString &letter : std::as_const(t.defaultForStrategies)) {
            if (!strategy || !strategy->choice(letter))
                return fail(where + QStringLiteral(".default_for_strategies"),
                            QStringLiteral("\"%1\" is not a choice of 7.4.1 strategy").arg(letter));
        }
        m_deployTools.append(t);
    }

    const QJsonArray migration = object->value(QLatin1String("migration_tools")).toArray();
    for (qsizetype i = 0; i < migration.size(); ++i) {
        const QJsonObject o = migration.at(i).toObject();
        const QString where = QStringLiteral("migration_tools[%1]").arg(i);
        MigrationToolKnowledge t;
        if (!readTool(o, name + QStringLiteral(": ") + where, m_migrationTools, &t, error))
            return false;
        for (const char *op : {"run", "status", "rollback"}) {
            const QString key = QString::fromLatin1(op);
            if (!t.commands.contains(key) && !t.actions.contains(key))
                return fail(where, QStringLiteral("says nothing about %1: give a command or an action").arg(key));
        }
        m_migrationTools.append(t);
    }
    return true;
}

bool Knowledge::loadStores(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    const QString name = knowledgeName(root, root + QStringLiteral("/stores.json"));
    const auto schema = readKnowledgeSchema(root + QStringLiteral("/stores.schema.json"),
                                            knowledgeName(root, root + QStringLiteral("/stores.schema.json")), error);
    if (!schema)
        return false;
    const auto object = readValidKnowledge(root + QStringLiteral("/stores.json"), name, *schema, error);
    if (!object)
        return false;
    const auto fail = [&](const QString &where, const QString &problem) {
        *error = QStringLiteral("%1: %2: %3").arg(name, where, problem);
        return false;
    };
    const Field *engine = questionnaire.contextField(QStringLiteral("database"));
    if (!engine)
        return fail(QStringLiteral("databases"), QStringLiteral("the questionnaire has no context field database"));

    const QJsonArray databases = object->value(QLatin1String("databases")).toArray();
    for (qsizetype i = 0; i < databases.size(); ++i) {
        const QJsonObject o = databases.at(i).toObject();
        const QString where = QStringLiteral("databases[%1]").arg(i);
        DatabaseKnowledge d;
        d.id = o.value(QLatin1String("id")).toString();
        d.name = o.value(QLatin1String("name")).toString();
        d.port = o.value(QLatin1String("port")).toInt();
        d.driver = o.value(QLatin1String("driver")).toString();
        d.managed = jsonStringMap(o.value(QLatin1String("managed")));
        d.commands = jsonStringMap(o.value(QLatin1String("commands")));
        d.encryptionAtRest = jsonStringMap(o.value(QLatin1String("encryption_at_rest")));
        const QJsonObject self = o.value(QLatin1String("self_hosted")).toObject();
        d.automatedBackups = self.value(QLatin1String("automated")).toString();
        d.manualBackups = self.value(QLatin1String("manual")).toString();
        d.automatedRestore = self.value(QLatin1String("restore_automated")).toString();
        const QJsonObject diagram = self.value(QLatin1String("diagram")).toObject();
        d.automatedBackupsLabel = diagram.value(QLatin1String("automated")).toString();
        d.manualBackupsTool = diagram.value(QLatin1String("manual")).toString();
        d.selfHostedCommands = jsonStringMap(self.value(QLatin1String("commands")));
        d.selfHostedNotes = jsonStringMap(self.value(QLatin1String("notes")));
        if (!engine->choice(d.id) || d.id == QLatin1String("none"))
            return fail(where + QStringLiteral(".id"),
                        QStringLiteral("\"%1\" is not an engine of the context field database").arg(d.id));
        if (database(d.id))
            return fail(where + QStringLiteral(".id"), QStringLiteral("\"%1\" appears twice").arg(d.id));
        // Every service that can run the engine says how it encrypts, and nothing else does.
        // Sorted, so the error names the same key on every run.
        QStringList services = d.managed.keys();
        services.sort();
        for (const QString &service : std::as_const(services)) {
            if (!d.encryptionAtRest.contains(service))
                return fail(where + QStringLiteral(".encryption_at_rest"),
                            QStringLiteral("\"%1\" (%2) has no entry").arg(service, d.managed.value(service)));
        }
        QStringList described = d.encryptionAtRest.keys();
        described.sort();
        for (const QString &service : std::as_const(described)) {
            if (service != QLatin1String("self_hosted") && !d.managed.contains(service))
                return fail(where + QStringLiteral(".encryption_at_rest.") + service,
                            QStringLiteral("no managed service \"%1\" runs this engine").arg(service));
        }
        // A server runs in the local stack and in a client pod: it needs its image.
        if (d.port > 0 && !serviceImage(d.id))
            return fail(where + QStringLiteral(".id"),
                        QStringLiteral("\"%1\" has no service image in knowledge/images.json").arg(d.id));
        m_databases.append(d);
    }
    for (const Choice &choice : engine->choices) {
        if (choice.value != QLatin1String("none") && !database(choice.value))
            return fail(
                QStringLiteral("databases"),
                QStringLiteral("the engine \"%1\" of the context field database has no entry").arg(choice.value));
    }

    m_managedBackups = jsonStringMap(object->value(QLatin1String("managed_backups")));
    for (auto it = m_managedBackups.cbegin(); it != m_managedBackups.cend(); ++it) {
        if (!it.value().contains(QLatin1String("{service}")))
            return fail(QStringLiteral("managed_backups.") + it.key(),
                        QStringLiteral("does not name the service ({service})"));
    }

    const QJsonArray managed = object->value(QLatin1String("managed_commands")).toArray();
    for (qsizetype i = 0; i < managed.size(); ++i) {
        const QJsonObject o = managed.at(i).toObject();
        const QString where = QStringLiteral("managed_commands[%1]").arg(i);
        ManagedDatabaseCommands m{
            o.value(QLatin1String("service")).toString(), o.value(QLatin1String("cloud")).toString(),
            o.value(QLatin1String("platform")).toString(), jsonStrings(o.value(QLatin1String("databases"))),
            jsonStringMap(o.value(QLatin1String("commands")))};
        if (m.cloud.isEmpty() == m.platform.isEmpty())
            return fail(where, QStringLiteral("give a cloud or a platform, one of the two"));
        if (!m.platform.isEmpty() && !platform(m.platform))
            return fail(where + QStringLiteral(".platform"),
                        QStringLiteral("\"%1\" is not a file of knowledge/platforms").arg(m.platform));
        for (const QString &id : std::as_const(m.databases)) {
            if (!database(id))
                return fail(where + QStringLiteral(".databases"),
                            QStringLiteral("\"%1\" is not among databases").arg(id));
            if (managedCommands(id, m.cloud, m.platform))
                return fail(where + QStringLiteral(".databases"),
                            QStringLiteral("\"%1\" already has commands there").arg(id));
        }
        m_managedCommands.append(m);
    }
    return true;
}

// Every command of every knowledge file may use only the variables toolchain.json defines
// and the placeholders the generator fills in; an unknown one would reach a document as a
// literal `{dbport}` or an unexplained `$CLUSTR`.
bool Knowledge::checkCommands(QString *error) const
{
    static const QSet<QString> placeholders = {QStringLiteral("slug"), QStringLiteral("db_port"),
                                               QStringLiteral("db_client_image"), QStringLiteral("db_driver"),
                                               QStringLiteral("liveness_path")};
    const auto check = [&](const QString &where, const QHash<QString, QString> &texts) {
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            for (const QString &v : variablesIn(it.value())) {
                if (!m_variables.contains(v)) {
                    *error = QStringLiteral("%1.%2: $%3 is not a variable of knowledge/toolchain.json")
                                 .arg(where, it.key(), v);
                    return false;
                }
            }
            for (const QString &p : placeholdersIn(it.value())) {
                if (!placeholders.contains(p)) {
                    *error =
                        QStringLiteral("%1.%2: {%3} is not a placeholder the generator fills in (%4)")
                            .arg(where, it.key(), p, QStringList(placeholders.values()).join(QStringLiteral(", ")));
                    return false;
                }
            }
        }
        return true;
    };
    for (const PlatformKnowledge &p : m_platforms) {
        const QString where = QStringLiteral("knowledge/platforms/%1.json: ").arg(p.id);
        if (!check(where + QStringLiteral("commands"), p.commands)
            || !check(where + QStringLiteral("actions"), p.actions)
            || !check(where + QStringLiteral("canary"), p.canary.commands)
            || !check(where + QStringLiteral("commands_without_containers"), p.commandsWithoutContainers)
            || !check(where + QStringLiteral("commands_with_autoscaling"), p.commandsWithAutoscaling)
            || !check(where + QStringLiteral("actions_with_autoscaling"), p.actionsWithAutoscaling))
            return false;
    }
    for (const DeployToolKnowledge &t : m_deployTools) {
        const QString where = QStringLiteral("knowledge/toolchain.json: deploy_tools.%1.").arg(t.id);
        if (!check(where + QStringLiteral("commands"), t.commands)
            || !check(where + QStringLiteral("actions"), t.actions) || !check(where + QStringLiteral("notes"), t.notes)
            || !check(where + QStringLiteral("notes_with_autoscaling"), t.notesWithAutoscaling))
            return false;
    }
    for (const MigrationToolKnowledge &t : m_migrationTools) {
        const QString where = QStringLiteral("knowledge/toolchain.json: migration_tools.%1.").arg(t.id);
        if (!check(where + QStringLiteral("commands"), t.commands)
            || !check(where + QStringLiteral("actions"), t.actions) || !check(where + QStringLiteral("notes"), t.notes))
            return false;
    }
    if (!check(QStringLiteral("knowledge/toolchain.json: general"), m_generalCommands))
        return false;
    QHash<QString, QString> abouts;
    for (const ShellVariable &v : m_variables)
        abouts.insert(v.name, v.about);
    if (!check(QStringLiteral("knowledge/toolchain.json: variables"), abouts))
        return false;
    for (const DatabaseKnowledge &d : m_databases) {
        const QString where = QStringLiteral("knowledge/stores.json: %1.").arg(d.id);
        if (!check(where + QStringLiteral("commands"), d.commands)
            || !check(where + QStringLiteral("self_hosted.commands"), d.selfHostedCommands)
            || !check(where + QStringLiteral("self_hosted.notes"), d.selfHostedNotes))
            return false;
    }
    for (const ManagedDatabaseCommands &m : m_managedCommands) {
        if (!check(QStringLiteral("knowledge/stores.json: %1: commands").arg(m.service), m.commands))
            return false;
    }
    return true;
}

const DeployToolKnowledge *Knowledge::deployTool(const QString &typed, const PlatformKnowledge &platform,
                                                 const QString &strategy, bool *assumed) const
{
    if (assumed)
        *assumed = false;
    if (!typed.trimmed().isEmpty()) {
        for (const DeployToolKnowledge &t : m_deployTools) {
            if (t.deploysTo(platform) && anyPatternMatches(t.match, typed))
                return &t;
        }
        return nullptr;
    }
    for (const DeployToolKnowledge &t : m_deployTools) {
        if (t.deploysTo(platform) && t.defaultForStrategies.contains(strategy)) {
            if (assumed)
                *assumed = true;
            return &t;
        }
    }
    return nullptr;
}

const MigrationToolKnowledge *Knowledge::migrationTool(const QString &typed) const
{
    if (typed.trimmed().isEmpty())
        return nullptr;
    const auto it = std::find_if(m_migrationTools.cbegin(), m_migrationTools.cend(),
                                 [&](const MigrationToolKnowledge &t) { return anyPatternMatches(t.match, typed); });
    return it == m_migrationTools.cend() ? nullptr : &*it;
}

const DatabaseKnowledge *Knowledge::database(const QString &id) const
{
    const auto it =
        std::find_if(m_databases.cbegin(), m_databases.cend(), [&](const DatabaseKnowledge &d) { return d.id == id; });
    return it == m_databases.cend() ? nullptr : &*it;
}

const ManagedDatabaseCommands *Knowledge::managedCommands(const QString &database, const QString &cloud,
                                                          const QString &platformId) const
{
    // A PaaS's own database first (Heroku Postgres), then the cloud's service.
    for (const ManagedDatabaseCommands &m : m_managedCommands) {
        if (!m.platform.isEmpty() && m.platform == platformId && m.databases.contains(database))
            return &m;
    }
    for (const ManagedDatabaseCommands &m : m_managedCommands) {
        if (!m.cloud.isEmpty() && m.cloud == cloud && m.databases.contains(database))
            return &m;
    }
    return nullptr;
}

} // namespace opsflow
