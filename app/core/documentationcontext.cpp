// Template values of the Documentation Plan, Runbooks, API Documentation and Architecture Diagrams sections.
#include "templatecontextparts.h"

#include "answerset.h"
#include "escaping.h"
#include "operatingcommands.h"
#include "questionnaire.h"

#include <QSet>

namespace opsflow::contextparts {

// ---- Documentation, runbooks, API documentation ----------------------------------------------

namespace {

QString diagramDescription(const QString &id)
{
    if (id == QLatin1String("system_architecture"))
        return QStringLiteral(
            "The deployed system: load balancing, application instances and data stores, with the protocols between them.");
    if (id == QLatin1String("data_flow"))
        return QStringLiteral("How one request travels through the system, step by step.");
    if (id == QLatin1String("infrastructure"))
        return QStringLiteral("The platform's resources and network boundaries.");
    return QStringLiteral("Where metrics, logs and traces go, and how alerts reach people.");
}

} // namespace

void addDocumentation(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString create = a.text("7.10", "create");

    struct Doc {
        const char *id;
        const char *name;
        const char *where;
    };
    static const Doc docs[] = {
        {"A", "Deployment guide", "This document"},
        {"B", "Runbooks", "[Runbooks](#runbooks)"},
        {"C", "Architecture diagrams", "[Architecture Diagrams](#architecture-diagrams)"},
        {"D", "API documentation", "[API Documentation](#api-documentation)"},
    };
    QVariantList rows;
    for (const Doc &d : docs) {
        QString status = QStringLiteral("Not planned");
        if (planned(a, d.id))
            status = QStringLiteral("✅ Planned");
        else if (create == QLatin1String("C"))
            status = QStringLiteral("Later");
        else if (create == QLatin1String("B") && a.has("7.10", "docs", d.id))
            status = QStringLiteral("Not planned (critical documents only)");
        rows << item(
            {{"NAME", QString::fromLatin1(d.name)}, {"STATUS", status}, {"WHERE", QString::fromLatin1(d.where)}});
    }
    set(c, "DOCS_PLAN", rows);
}

void addRunbooks(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    set(c, "RUNBOOKS_PLANNED", planned(a, "B"));
    const bool database = in.f.database != Facts::Database::None;
    set(c, "RUNBOOK_DB", database && a.has("7.10", "runbooks", "db_connection_failure"));
    set(c, "DB_FILE", in.f.database == Facts::Database::Sqlite);
    set(c, "RUNBOOK_CPU", a.has("7.10", "runbooks", "high_cpu"));
    set(c, "RUNBOOK_DOWN", a.has("7.10", "runbooks", "service_down"));
    set(c, "RUNBOOKS_ABSENT",
        a.text("7.10", "create") == QLatin1String("C")
            ? QStringLiteral(
                "**Later:** no runbooks yet. Until they are written, incidents depend on what people remember; write the first one right after the first incident.")
            : QStringLiteral("Not planned: runbooks are not part of the operational documentation."));

    // Typed runbooks get a placeholder section each; one that repeats a built-in title or an
    // earlier one is listed once.
    const Field *field = a.resolver().questionnaire().field(QStringLiteral("7.10"), QStringLiteral("runbooks"));
    QSet<QString> titles = {QStringLiteral("database connection failure"), QStringLiteral("high cpu usage"),
                            QStringLiteral("service down")};
    QVariantList custom;
    for (const QString &value : a.list("7.10", "runbooks")) {
        const QString title = value.simplified();
        if (title.isEmpty() || (field && field->choice(value)) || titles.contains(title.toLower()))
            continue;
        titles.insert(title.toLower());
        custom << item({{"TITLE", keepLiteral(escape::markdownHeading(title))}});
    }
    set(c, "CUSTOM_RUNBOOKS", custom);

    set(c, "LOGS_COMMAND", in.p.logsCommand);
    set(c, "STATUS_COMMAND", in.p.statusCommand);
    set(c, "RESTART_COMMAND", in.p.restartCommand);
    set(c, "DB_PING_COMMAND", in.cmd.database(QStringLiteral("ping")).markdown());
    set(c, "DB_CONNECTIONS_COMMAND", in.cmd.database(QStringLiteral("connections")).markdown());
    const QString managed = managedDatabase(in);
    set(c, "DB_SERVICE", managed.isEmpty() ? QStringLiteral("the database server") : managed);

    QStringList dependencies;
    if (database)
        dependencies << QStringLiteral("the %1 database").arg(engineName(in.f.database));
    if (in.f.cache != Facts::Cache::None)
        dependencies << cacheName(in.f.cache);
    if (in.f.queue != Facts::Queue::None)
        dependencies << queueName(in.f.queue);
    if (!in.f.externalServices.isEmpty())
        dependencies << QStringLiteral("the services in [Retry & Timeout Policies](#retry--timeout-policies)");
    set(c, "DEPENDENCIES", dependencies.isEmpty() ? QStringLiteral("the services it calls") : joinWords(dependencies));
}

// The prose is the template's; these are what it cannot know.
void addApiDocs(QVariantMap &c, const Inputs &in)
{
    set(c, "OPENAPI_TOOL", Knowledge::builtIn().runtime(in.a.context("runtime")).openapi);
    set(c, "API_DOCS_PLANNED", planned(in.a, "D"));
}

void addDiagrams(QVariantMap &c, const Inputs &in, const QList<Diagram> &diagrams)
{
    QVariantList items;
    for (const Diagram &d : diagrams)
        items << item(
            {{"ID", d.id}, {"TITLE", d.title}, {"DESCRIPTION", diagramDescription(d.id)}, {"SOURCE", d.source}});
    set(c, "DIAGRAMS", items);
    QString absent =
        QStringLiteral("Not planned: architecture diagrams are not part of the operational documentation.");
    if (in.a.text("7.10", "create") == QLatin1String("C"))
        absent = QStringLiteral(
            "**Later:** the diagrams are drawn once the service runs; OpsFlow draws them from these answers when 7.10 plans them.");
    else if (planned(in.a, "C"))
        absent = QStringLiteral("No diagrams chosen.");
    set(c, "DIAGRAMS_ABSENT", absent);
}

} // namespace opsflow::contextparts
