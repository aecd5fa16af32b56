// Template values of the Containerization section: the Docker images and the local Compose stack.
#include "templatecontextparts.h"

#include "answerset.h"
#include "envcatalog.h"
#include "escaping.h"
#include "questionnaire.h"

#include <QSet>

namespace opsflow::contextparts {

// ---- Containerization ------------------------------------------------------------------------

namespace {

// A Docker image reference has a grammar: keep the first word, and only the characters that
// grammar allows, so nothing typed can break the Dockerfile or the YAML.
QString imageReference(const QString &typed)
{
    const QString first = typed.simplified().section(QLatin1Char(' '), 0, 0);
    QString ref;
    for (const QChar ch : first) {
        const char16_t u = ch.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
            || u == u'_' || u == u'/' || u == u':' || u == u'@' || u == u'-';
        if (ok)
            ref.append(ch);
    }
    return ref;
}

// A local service's image, from the knowledge files (resources/knowledge/images.json).
QString serviceImage(const char *service)
{
    const ImageKnowledge *image = Knowledge::builtIn().serviceImage(QLatin1String(service));
    Q_ASSERT(image); // the schema lists every service the compose writer uses
    return image ? image->run : QString();
}

// The Compose services of the stack in the project settings, wired to each other; the app's
// environment overrides the .env values that point at localhost.
class ComposeWriter
{
public:
    void line(int indent, const QString &text)
    {
        m_out += QString(indent, QLatin1Char(' ')) + text + QLatin1Char('\n');
    }
    void line(int indent, const char *text) { line(indent, QString::fromLatin1(text)); }
    QString text() const { return m_out.trimmed(); }

private:
    QString m_out;
};

// The local stack's one made-up credential, the same as .env.example's placeholders.
const QString ChangeMeToken = QStringLiteral("change-me");

struct ComposeService {
    QString name;
    QString image;
    QStringList environment; // "KEY: value"
    QStringList extra;       // further lines, already indented by 4
    QString volume;          // "db-data:/var/lib/postgresql/data"
    bool healthy = false;    // the app waits for its healthcheck
    bool oneShot = false;    // runs once to set up another service; the app waits for it to finish
    QString after;           // the service this one needs started first
    // What the app needs to reach this service ("DATABASE_URL: postgresql://…@{host}:5432/…"):
    // its .env points at localhost, which inside the app's container is the app itself.
    QStringList appEnvironment;
};

ComposeService composeService(const QString &name, const QString &image, const QStringList &environment = {},
                              const QStringList &extra = {})
{
    ComposeService s;
    s.name = name;
    s.image = image;
    s.environment = environment;
    s.extra = extra;
    return s;
}

// A one-shot service that sets another one up (a queue, a topic, a secret path): it runs
// `shell` until it succeeds, once `after` has started, and the app waits for it to finish.
ComposeService setupService(const QString &name, const QString &image, const QStringList &environment,
                            const QString &after, QString shell)
{
    shell.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    ComposeService s = composeService(
        name, image, environment,
        {QStringLiteral("entrypoint: [\"sh\", \"-c\"]"), QStringLiteral("command: [\"%1\"]").arg(shell)});
    s.oneShot = true;
    s.after = after;
    return s;
}

ComposeService databaseService(Facts::Database d, const QString &dbName)
{
    ComposeService s;
    s.name = QStringLiteral("db");
    s.healthy = true;
    switch (d) {
    case Facts::Database::PostgreSql:
        s.image = serviceImage("postgresql");
        s.environment = {QStringLiteral("POSTGRES_USER: app"), QStringLiteral("POSTGRES_PASSWORD: change-me"),
                         QStringLiteral("POSTGRES_DB: ") + dbName};
        s.extra = {QStringLiteral("healthcheck:"),
                   QStringLiteral("  test: [\"CMD-SHELL\", \"pg_isready -U app -d %1\"]").arg(dbName)};
        s.volume = QStringLiteral("db-data:/var/lib/postgresql/data");
        break;
    case Facts::Database::MySql:
        s.image = serviceImage("mysql");
        s.environment = {QStringLiteral("MYSQL_USER: app"), QStringLiteral("MYSQL_PASSWORD: change-me"),
                         QStringLiteral("MYSQL_DATABASE: ") + dbName,
                         QStringLiteral("MYSQL_ROOT_PASSWORD: change-me-root")};
        s.extra = {QStringLiteral("healthcheck:"),
                   QStringLiteral("  test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", \"localhost\"]")};
        s.volume = QStringLiteral("db-data:/var/lib/mysql");
        break;
    case Facts::Database::MongoDb:
        s.image = serviceImage("mongodb");
        s.environment = {QStringLiteral("MONGO_INITDB_ROOT_USERNAME: app"),
                         QStringLiteral("MONGO_INITDB_ROOT_PASSWORD: change-me")};
        s.extra = {
            QStringLiteral("healthcheck:"),
            QStringLiteral("  test: [\"CMD\", \"mongosh\", \"--quiet\", \"--eval\", \"db.adminCommand('ping')\"]")};
        s.volume = QStringLiteral("db-data:/data/db");
        break;
    case Facts::Database::Sqlite:
    case Facts::Database::None: return {};
    }
    s.extra += {QStringLiteral("  interval: 5s"), QStringLiteral("  timeout: 3s"), QStringLiteral("  retries: 10")};
    return s;
}

QList<ComposeService> stackServices(const Facts &f, const QString &slug)
{
    QString dbName = slug;
    dbName.replace(QLatin1Char('-'), QLatin1Char('_'));
    QList<ComposeService> services;
    ComposeService db = databaseService(f.database, dbName);
    QString url;
    switch (f.database) {
    case Facts::Database::PostgreSql: url = QStringLiteral("postgresql://app:change-me@{host}:5432/") + dbName; break;
    case Facts::Database::MySql: url = QStringLiteral("mysql://app:change-me@{host}:3306/") + dbName; break;
    case Facts::Database::MongoDb:
        url = QStringLiteral("mongodb://app:change-me@{host}:27017/%1?authSource=admin").arg(dbName);
        break;
    default: break;
    }
    if (!db.name.isEmpty()) {
        db.appEnvironment << QStringLiteral("DATABASE_URL: ") + url;
        // There is no replica locally: reads meant for one go to the primary.
        if (f.databaseScaling == Facts::DatabaseScaling::ReadReplicas)
            db.appEnvironment << QStringLiteral("DATABASE_READ_URL: ") + url;
        services.append(db);
    }
    if (f.cache == Facts::Cache::Redis || f.queue == Facts::Queue::Redis) {
        services.append(composeService(QStringLiteral("redis"), serviceImage("redis")));
        services.last().appEnvironment << QStringLiteral("REDIS_URL: redis://{host}:6379/0");
    }
    if (f.cache == Facts::Cache::Memcached) {
        services.append(composeService(QStringLiteral("memcached"), serviceImage("memcached")));
        services.last().appEnvironment << QStringLiteral("MEMCACHED_SERVERS: {host}:11211");
    }
    switch (f.queue) {
    case Facts::Queue::RabbitMq:
        services.append(composeService(
            QStringLiteral("rabbitmq"), serviceImage("rabbitmq"),
            {QStringLiteral("RABBITMQ_DEFAULT_USER: app"), QStringLiteral("RABBITMQ_DEFAULT_PASS: change-me")},
            {QStringLiteral("ports:"), QStringLiteral("  - \"15672:15672\"")}));
        services.last().appEnvironment << QStringLiteral("AMQP_URL: amqp://app:change-me@{host}:5672");
        break;
    case Facts::Queue::Kafka:
        // The image's defaults advertise localhost, which other containers cannot reach.
        services.append(composeService(
            QStringLiteral("kafka"), serviceImage("kafka"),
            {QStringLiteral("KAFKA_NODE_ID: 1"), QStringLiteral("KAFKA_PROCESS_ROLES: broker,controller"),
             QStringLiteral("KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093"),
             QStringLiteral("KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://{host}:9092"),
             QStringLiteral("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
             QStringLiteral("KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER"),
             QStringLiteral("KAFKA_CONTROLLER_QUORUM_VOTERS: 1@{host}:9093"),
             QStringLiteral("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1")}));
        services.last().appEnvironment << QStringLiteral("KAFKA_BROKERS: {host}:9092");
        break;
    case Facts::Queue::Sqs:
        services.append(composeService(QStringLiteral("localstack"), serviceImage("localstack"),
                                       {QStringLiteral("SERVICES: sqs")}));
        services.last().appEnvironment
            << QStringLiteral("SQS_QUEUE_URL: http://{host}:4566/000000000000/%1-jobs").arg(slug)
            << QStringLiteral("AWS_ENDPOINT_URL: http://{host}:4566");
        // LocalStack starts with no queues: create the one the app reads, retrying until
        // LocalStack answers (the AWS CLI image has no wait of its own).
        services.append(setupService(
            QStringLiteral("queue-init"), serviceImage("aws-cli"),
            {QStringLiteral("AWS_ACCESS_KEY_ID: test"), QStringLiteral("AWS_SECRET_ACCESS_KEY: test"),
             QStringLiteral("AWS_DEFAULT_REGION: ") + exampleRegion(f)},
            QStringLiteral("localstack"),
            QStringLiteral("until aws --endpoint-url http://localstack:4566 sqs create-queue --queue-name %1-jobs; "
                           "do sleep 2; done")
                .arg(slug)));
        break;
    case Facts::Queue::PubSub: {
        // The emulator keeps topics in memory and starts with none: create the topic and the
        // worker's subscription, retrying until it answers; 409 means they already exist.
        const QString emulator = serviceImage("pubsub-emulator");
        const QString project = googleCloudProjectExample(slug);
        services.append(
            composeService(QStringLiteral("pubsub"), emulator, {},
                           {QStringLiteral("command: [\"gcloud\", \"beta\", \"emulators\", \"pubsub\", \"start\", "
                                           "\"--project=%1\", \"--host-port=0.0.0.0:8085\"]")
                                .arg(project)}));
        services.last().appEnvironment << QStringLiteral("PUBSUB_EMULATOR_HOST: {host}:8085")
                                       << QStringLiteral("GOOGLE_CLOUD_PROJECT: ") + project;
        const QString base = QStringLiteral("http://pubsub:8085/v1/projects/") + project;
        const QString put =
            QStringLiteral("until curl -s -o /dev/null -w '%{http_code}' -X PUT %1 | grep -qE '200|409'; "
                           "do sleep 2; done");
        services.append(setupService(
            QStringLiteral("queue-init"), emulator, {}, QStringLiteral("pubsub"),
            put.arg(base + QStringLiteral("/topics/%1-jobs").arg(slug)) + QStringLiteral(" && ")
                + put.arg(QStringLiteral("-H 'Content-Type: application/json' -d '{\"topic\": "
                                         "\"projects/%1/topics/%2-jobs\"}' %3/subscriptions/%2-jobs-worker")
                              .arg(project, slug, base))));
        break;
    }
    default: break;
    }
    const ServiceKnowledge *store =
        f.secretsService ? Knowledge::builtIn().secretsStore(f.secretsStore, publicCloudId(f)) : nullptr;
    if (store && store->id == QLatin1String("vault")) {
        // Vault's dev server: in memory, unsealed, with a known root token and the kv engine
        // at secret/. It starts empty, so a one-shot service writes this environment's path
        // (a placeholder value: the team adds the real keys) before the app starts.
        services.append(composeService(QStringLiteral("vault"), serviceImage("vault"),
                                       {QStringLiteral("VAULT_DEV_ROOT_TOKEN_ID: ") + ChangeMeToken,
                                        QStringLiteral("VAULT_DEV_LISTEN_ADDRESS: 0.0.0.0:8200")},
                                       {QStringLiteral("cap_add:"), QStringLiteral("  - IPC_LOCK"),
                                        QStringLiteral("ports:"), QStringLiteral("  - \"8200:8200\"")}));
        services.last().appEnvironment << QStringLiteral("VAULT_ADDR: http://{host}:8200")
                                       << QStringLiteral("VAULT_TOKEN: ") + ChangeMeToken;
        services.append(setupService(
            QStringLiteral("secrets-init"), serviceImage("vault"),
            {QStringLiteral("VAULT_ADDR: http://vault:8200"), QStringLiteral("VAULT_TOKEN: ") + ChangeMeToken},
            QStringLiteral("vault"),
            QStringLiteral("until vault kv put secret/%1/development placeholder=change-me; do sleep 2; done")
                .arg(slug)));
    }
    if (f.apm == Facts::Apm::OpenTelemetry) {
        // A stand-in for the Collector: Jaeger takes OTLP on 4318 (published too, for an app
        // run outside compose with .env's localhost) and shows the traces on
        // http://localhost:16686. The image already listens on every interface; the setting
        // says so where a reader sees it.
        services.append(composeService(
            QStringLiteral("jaeger"), serviceImage("jaeger"), {QStringLiteral("JAEGER_LISTEN_HOST: 0.0.0.0")},
            {QStringLiteral("ports:"), QStringLiteral("  - \"16686:16686\""), QStringLiteral("  - \"4318:4318\"")}));
        services.last().appEnvironment << QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT: http://{host}:4318");
    }
    return services;
}

// The app's environment lines for one service, reached under `host`.
QStringList appEnvironmentFor(const ComposeService &service, const QString &host)
{
    QStringList lines;
    for (const QString &line : service.appEnvironment)
        lines << QString(line).replace(QLatin1String("{host}"), host);
    return lines;
}

void writeEnvironment(ComposeWriter &w, const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    w.line(4, "environment:");
    for (const QString &line : lines)
        w.line(6, line);
}

// What a service the stack knows needs to start, written under `name`: its environment, its
// further lines, the service it waits for (`withAfter`) and its data volume, which is named
// `volumeName` (that name is appended to `volumes`).
void writeServiceNeeds(ComposeWriter &w, const ComposeService &s, const QString &name, bool withAfter,
                       const QString &volumeName, QStringList *volumes)
{
    QStringList environment;
    for (const QString &e : s.environment)
        environment << QString(e).replace(QLatin1String("{host}"), name);
    writeEnvironment(w, environment);
    for (const QString &e : s.extra)
        w.line(4, e);
    if (withAfter && !s.after.isEmpty()) {
        w.line(4, "depends_on:");
        w.line(6, s.after + QLatin1Char(':'));
        w.line(8, "condition: service_started");
    }
    if (!s.volume.isEmpty()) {
        w.line(4, "volumes:");
        w.line(6, QStringLiteral("- %1:%2").arg(volumeName, s.volume.section(QLatin1Char(':'), 1)));
        *volumes << volumeName;
    }
}

void writeVolumes(ComposeWriter &w, const QStringList &volumes)
{
    if (volumes.isEmpty())
        return;
    w.line(0, "");
    w.line(0, "volumes:");
    for (const QString &v : volumes)
        w.line(2, v + QLatin1Char(':'));
}

QString composeFromStack(const Facts &f, const QString &slug)
{
    const QList<ComposeService> services = stackServices(f, slug);
    QStringList appEnvironment;
    for (const ComposeService &s : services)
        appEnvironment += appEnvironmentFor(s, s.name);
    ComposeWriter w;
    w.line(0, "services:");
    w.line(2, "app:");
    w.line(4, "build: .");
    w.line(4, "ports:");
    w.line(6, QStringLiteral("- \"%1:%1\"").arg(f.port));
    w.line(4, "env_file: .env");
    writeEnvironment(w, appEnvironment);
    if (f.database == Facts::Database::Sqlite) {
        w.line(4, "volumes:");
        w.line(6, "- app-data:/app/data");
    }
    if (!services.isEmpty()) {
        w.line(4, "depends_on:");
        for (const ComposeService &s : services) {
            w.line(6, s.name + QLatin1Char(':'));
            w.line(8,
                   s.oneShot       ? "condition: service_completed_successfully"
                       : s.healthy ? "condition: service_healthy"
                                   : "condition: service_started");
        }
    }
    QStringList volumes;
    for (const ComposeService &s : services) {
        w.line(2, s.name + QLatin1Char(':'));
        w.line(4, QStringLiteral("image: ") + s.image);
        writeServiceNeeds(w, s, s.name, true, s.volume.section(QLatin1Char(':'), 0, 0), &volumes);
    }
    if (f.database == Facts::Database::Sqlite)
        volumes << QStringLiteral("app-data");
    writeVolumes(w, volumes);
    return w.text();
}

// A Compose service name from a typed one: [a-z0-9][a-z0-9_.-]*.
QString composeName(const QString &typed)
{
    QString name;
    for (const QChar ch : typed.toLower()) {
        const char16_t u = ch.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
            || (!name.isEmpty() && (u == u'_' || u == u'.' || u == u'-')))
            name.append(ch);
        else if (!name.isEmpty() && !name.endsWith(u'-'))
            name.append(u'-');
    }
    while (name.endsWith(u'-'))
        name.chop(1);
    return name;
}

// Port mappings as typed ("3000:3000, 9229/udp"): the words made of a mapping's characters
// that start with a digit; anything else typed there is dropped.
QStringList portMappings(const QString &typed)
{
    QStringList out;
    QString current;
    const auto flush = [&]() {
        if (!current.isEmpty() && current.front().isDigit())
            out << current;
        current.clear();
    };
    for (const QChar ch : typed) {
        const char16_t u = ch.unicode();
        if ((u >= u'0' && u <= u'9') || u == u':' || u == u'.' || u == u'/' || u == u'-' || (u >= u'a' && u <= u'z'))
            current.append(ch);
        else
            flush();
    }
    flush();
    return out;
}

// The stack as the user wrote it in 7.2's table, when it differs from the seed's example.
// The services the user listed in 7.2, as typed. A row whose image is one the stack knows
// (postgres, redis, …) gets what that service needs to start, and the app the addresses
// that reach it under the row's name.
QString composeFromTable(const QList<QVariantMap> &rows, const Facts &f, const QString &slug)
{
    const QList<ComposeService> known = stackServices(f, slug);
    const auto knownFor = [&](const QString &ref) -> const ComposeService * {
        const QString repository = ref.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('/'), -1);
        for (const ComposeService &s : known) {
            if (!repository.isEmpty()
                && s.image.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('/'), -1) == repository)
                return &s;
        }
        return nullptr;
    };
    struct Row {
        QString name;
        QString image; // empty: built from the project
        QStringList ports;
        const ComposeService *known = nullptr;
    };
    QList<Row> services;
    QSet<QString> names;
    QStringList appEnvironment;
    int index = 0;
    for (const QVariantMap &row : rows) {
        ++index;
        QString name = composeName(row.value(QStringLiteral("service")).toString());
        if (name.isEmpty())
            name = QStringLiteral("service-%1").arg(index);
        while (names.contains(name))
            name += QStringLiteral("-%1").arg(index);
        names.insert(name);
        Row r{name, {}, portMappings(row.value(QStringLiteral("ports")).toString()), nullptr};
        const QString image = row.value(QStringLiteral("image")).toString().trimmed();
        if (!image.startsWith(QLatin1String("build"), Qt::CaseInsensitive)) {
            const QString ref = imageReference(image);
            r.image = ref.isEmpty() ? QStringLiteral("<image>") : ref;
            r.known = knownFor(ref);
            if (r.known)
                appEnvironment += appEnvironmentFor(*r.known, name);
        }
        services.append(r);
    }

    ComposeWriter w;
    w.line(0, "services:");
    QStringList volumes;
    for (const Row &r : std::as_const(services)) {
        w.line(2, r.name + QLatin1Char(':'));
        if (r.image.isEmpty()) {
            w.line(4, "build: .");
            w.line(4, "env_file: .env");
            writeEnvironment(w, appEnvironment);
        } else {
            w.line(4, QStringLiteral("image: \"%1\"").arg(r.image));
        }
        if (!r.ports.isEmpty()) {
            w.line(4, "ports:");
            for (const QString &p : r.ports)
                w.line(6, QStringLiteral("- \"%1\"").arg(p));
        }
        if (r.known)
            writeServiceNeeds(w, *r.known, r.name, false, r.name + QLatin1String("-data"), &volumes);
    }
    writeVolumes(w, volumes);
    return w.text();
}

QString runtimeName(const AnswerReader &a)
{
    const QString id = a.context("runtime");
    // "Other" is no name: the one typed, or the project's own.
    if (id == QLatin1String("other")) {
        const QString typed = a.context("runtime_name");
        return typed.isEmpty() ? QString() : md(typed);
    }
    const Field *f = a.resolver().questionnaire().contextField(QStringLiteral("runtime"));
    const Choice *c = f ? f->choice(id) : nullptr;
    return md(c ? c->label : id);
}

} // namespace

void addContainers(QVariantMap &c, const Inputs &in)
{
    const QString choice = in.a.text("7.2", "choice");
    set(c, "DOCKER", choice == QLatin1String("A"));
    set(c, "DOCKER_DECIDED", !choice.isEmpty());
    set(c, "PORT", QString::number(in.f.port));
    set(c, "RUNTIME_NAME", runtimeName(in.a));
    set(c, "RUNTIME_NAMED", !runtimeName(in.a).isEmpty());

    const QString runtime = in.a.context("runtime");
    const ImageKnowledge &images = Knowledge::builtIn().runtimeImages(runtime);
    QString build = images.build;
    QString run = images.run;
    const QString typed = imageReference(in.a.text("7.2", "base_image"));
    if (!typed.isEmpty()) {
        // A typed base image replaces the run stage, and the build stage too where the
        // runtime builds in the image it runs in.
        if (build == run)
            build = typed;
        run = typed;
    }
    set(c, "BASE_IMAGE_CELL", escape::inlineCode(run, escape::CodeContext::TableCell));
    set(c, "BASE_IMAGE_DEFAULT", typed.isEmpty());
    set(c, "BASE_IMAGE_RELEASE", escape::markdownTableCell(images.release));
    set(c, "BASE_IMAGE_SUPPORTED_UNTIL", images.supportedUntil.toString(Qt::ISODate));
    // The runtime image's user exists in that image (and its other tags); another
    // repository's image gets a numeric user, which needs no entry in its /etc/passwd.
    const auto repository = [](const QString &image) {
        QString repo = image.section(u'@', 0, 0);
        const qsizetype colon = repo.lastIndexOf(u':');
        if (colon > repo.lastIndexOf(u'/'))
            repo.truncate(colon); // a tag, not a registry's port
        return repo;
    };
    set(c, "RUN_USER",
        typed.isEmpty() || repository(typed) == repository(images.run) ? images.user
                                                                       : Knowledge::builtIn().anyImageUser());
    const auto size = in.a.number("7.2", "image_size_mb");
    set(c, "IMAGE_SIZE", size ? QStringLiteral("about %1 MB").arg(num(*size)) : QStringLiteral("*not estimated yet*"));
    set(c, "BUILD_IMAGE", build);
    set(c, "RUN_IMAGE", run);
    // The Dockerfile itself is the template's text, one block per runtime.
    static const char *const runtimes[] = {"node", "python", "go", "java", "dotnet", "ruby", "php", "elixir"};
    bool known = false;
    for (const char *r : runtimes) {
        const bool chosen = runtime == QLatin1String(r);
        set(c, qPrintable(QStringLiteral("RUNTIME_") + QString::fromLatin1(r).toUpper()), chosen);
        known = known || chosen;
    }
    set(c, "RUNTIME_OTHER", !known);

    const Field *table =
        in.a.resolver().questionnaire().field(QStringLiteral("7.2"), QStringLiteral("compose_services"));
    const QVariant stored = in.a.facts().field(QStringLiteral("7.2"), QStringLiteral("compose_services")).value;
    const bool edited = stored.isValid() && table && stored != table->defaultValue;
    set(c, "COMPOSE_YAML",
        edited ? composeFromTable(in.a.rows("7.2", "compose_services"), in.f, in.slug)
               : composeFromStack(in.f, in.slug));
    // Azure Service Bus has no stand-in in the local stack: say so rather than claim one.
    set(c, "COMPOSE_QUEUE_OUTSIDE", in.f.queue == Facts::Queue::ServiceBus ? queueName(in.f.queue) : QString());
}

} // namespace opsflow::contextparts
