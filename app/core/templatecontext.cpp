// The answers turned into what the templates place: facts, platform profile, and one context per generation.
#include "templatecontext.h"

#include "answerset.h"
#include "consistency.h"
#include "defaultsused.h"
#include "enterprisecontext.h"
#include "envcatalog.h"
#include "escaping.h"
#include "healthendpoints.h"
#include "knowledge.h"
#include "localcommandscontext.h"
#include "operatingcommands.h"
#include "operatingcommandscontext.h"
#include "reportedvalue.h"
#include "resiliencecontext.h"

#include <QLocale>
#include <QSet>

#include <cmath>

namespace opsflow {

// ---- AnswerReader ----------------------------------------------------------------------------

bool AnswerReader::skipped(const char *question) const
{
    return resolver().isSkipped(QString::fromLatin1(question));
}

QVariant AnswerReader::value(const char *question, const char *field) const
{
    return m_facts.field(QString::fromLatin1(question), QString::fromLatin1(field)).value;
}

QString AnswerReader::text(const char *question, const char *field) const
{
    const QVariant v = value(question, field);
    return v.typeId() == QMetaType::QString ? v.toString().trimmed() : QString();
}

std::optional<double> AnswerReader::number(const char *question, const char *field) const
{
    const QVariant v = value(question, field);
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!v.isValid() || !ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

double AnswerReader::number(const char *question, const char *field, double fallback) const
{
    return number(question, field).value_or(fallback);
}

std::optional<bool> AnswerReader::flag(const char *question, const char *field) const
{
    const QVariant v = value(question, field);
    if (v.typeId() != QMetaType::Bool)
        return std::nullopt;
    return v.toBool();
}

QStringList AnswerReader::list(const char *question, const char *field) const
{
    return value(question, field).toStringList();
}

bool AnswerReader::has(const char *question, const char *field, const char *value) const
{
    return list(question, field).contains(QString::fromLatin1(value));
}

QList<QVariantMap> AnswerReader::rows(const char *question, const char *field) const
{
    QList<QVariantMap> out;
    const QVariantList rows = value(question, field).toList();
    for (const QVariant &row : rows) {
        if (row.typeId() == QMetaType::QVariantMap)
            out.append(row.toMap());
    }
    return out;
}

QString AnswerReader::context(const char *field) const
{
    return m_facts.context(QString::fromLatin1(field)).value.toString().trimmed();
}

double AnswerReader::contextNumber(const char *field, double fallback) const
{
    bool ok = false;
    const double d = m_facts.context(QString::fromLatin1(field)).value.toDouble(&ok);
    return ok && std::isfinite(d) ? d : fallback;
}

QString environmentLogSetting(const AnswerReader &a, const QString &environment, LogSetting setting)
{
    static const QStringList levels = {QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
                                       QStringLiteral("warn"), QStringLiteral("error")};
    static const QStringList bodies = {QStringLiteral("full"), QStringLiteral("truncated"), QStringLiteral("minimal"),
                                       QStringLiteral("none")};
    const bool level = setting == LogSetting::Level;
    const bool development = environment.startsWith(QLatin1String("Development"));
    QString fallback = level ? (development ? QStringLiteral("debug") : QStringLiteral("info"))
                             : (development ? QStringLiteral("full") : QStringLiteral("minimal"));
    const QString column = level ? QStringLiteral("level") : QStringLiteral("body_logging");
    for (const QVariantMap &row : a.rows("7.9.4", "log_levels")) {
        if (row.value(QStringLiteral("environment"))
                .toString()
                .trimmed()
                .startsWith(environment, Qt::CaseInsensitive)) {
            const QString value = row.value(column).toString().trimmed().toLower();
            return (level ? levels : bodies).contains(value) ? value : fallback;
        }
    }
    return fallback;
}

QString projectSlug(const QString &projectName)
{
    QString slug;
    for (const QChar c : projectName.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.toLower().unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            slug.append(QChar(u));
        else if (c.category() != QChar::Mark_NonSpacing && !slug.isEmpty() && !slug.endsWith(u'-'))
            slug.append(u'-');
    }
    slug.truncate(48);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("app") : slug;
}

namespace {

using Facts = DeploymentFacts;

// ---- Escaping and formatting -----------------------------------------------------------------

// What escape::markdownText leaves as it is but a document must not: a typed "{{NAME}}"
// reads as a template tag to anyone who runs the document through ai-flow's templates
// again, and a typed URL, e-mail address or www. name becomes a bare autolink (GFM; a
// markdownlint error). A backslash before the punctuation keeps each one literal text.
QString keepLiteral(QString text)
{
    if (text.contains(QLatin1String("{{")))
        text.replace(QLatin1Char('{'), QLatin1String("\\{"));
    text.replace(QLatin1String("://"), QLatin1String("\\://"));
    text.replace(QLatin1Char('@'), QLatin1String("\\@"));
    for (qsizetype at = text.indexOf(QLatin1String("www."), 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(QLatin1String("www."), at + 5, Qt::CaseInsensitive))
        text.insert(at + 3, QLatin1Char('\\'));
    return text;
}

QString md(const QString &text)
{
    return keepLiteral(escape::markdownText(text));
}

QString cell(const QString &text)
{
    return keepLiteral(escape::markdownTableCell(text));
}

// Inline code only ever holds OpsFlow's own text or sanitised values (slugs, image references),
// never free text, because braces cannot be escaped inside code.
QString code(const QString &text)
{
    return escape::inlineCode(text);
}

QString num(double value)
{
    return QLocale::c().toString(value, 'g', 15);
}

// 18000 → "18,000": load figures are read, not copied. An answers file may hold any JSON
// number (ranges are checked by the wizard, not on load), so a figure too large to round to
// an integer is written as it is rather than overflowing the conversion.
QString grouped(double value)
{
    if (!(std::abs(value) < 1e15))
        return num(value);
    const qint64 n = qRound64(value);
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString perSecond(double perMinute)
{
    const double rps = perMinute / 60.0;
    if (rps < 10)
        return QLocale::c().toString(std::round(rps * 10) / 10, 'g', 15);
    return grouped(rps);
}

QString plural(double n, const char *one, const char *many)
{
    return num(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

// 60 → "1 hour", 15 → "15 minutes", 2880 → "2 days".
QString minutesText(double minutes)
{
    if (minutes >= 1440 && std::fmod(minutes, 1440) == 0)
        return plural(minutes / 1440, "day", "days");
    if (minutes >= 60 && std::fmod(minutes, 60) == 0)
        return plural(minutes / 60, "hour", "hours");
    return plural(minutes, "minute", "minutes");
}

QString secondsText(double seconds)
{
    return num(seconds) + QStringLiteral(" s");
}

// 600000 → "600000 ms (10 minutes)": pool and timeout settings are typed in ms but thought of
// in seconds or minutes.
QString millisText(double ms)
{
    QString text = num(ms) + QStringLiteral(" ms");
    if (ms >= 60000 && std::fmod(ms, 60000) == 0)
        text += QStringLiteral(" (%1)").arg(minutesText(ms / 60000));
    else if (ms >= 1000 && std::fmod(ms, 1000) == 0)
        text += QStringLiteral(" (%1)").arg(secondsText(ms / 1000));
    return text;
}

// "a", "a and b", "a, b and c".
QString joinWords(const QStringList &words)
{
    if (words.size() < 2)
        return words.value(0);
    return words.mid(0, words.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + words.last();
}

const QString NotDecided = QStringLiteral("*not decided yet*");

bool mentions(const QString &text, std::initializer_list<const char *> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&text](const char *word) { return text.contains(QLatin1String(word), Qt::CaseInsensitive); });
}

// The label of a choice as the questionnaire defines it, escaped; values typed as "other"
// (not among the choices) are the user's text.
QString choiceLabel(const AnswerReader &a, const char *question, const char *field, const QString &value)
{
    const Field *f = a.resolver().questionnaire().field(QString::fromLatin1(question), QString::fromLatin1(field));
    const Choice *c = f ? f->choice(value) : nullptr;
    return md(c ? c->label : value);
}

QString chosenLabel(const AnswerReader &a, const char *question, const char *field)
{
    const QString value = a.text(question, field);
    return value.isEmpty() ? NotDecided : choiceLabel(a, question, field, value);
}

// Every chosen label of a multi field, in the questionnaire's order, then the typed additions.
QStringList chosenLabels(const AnswerReader &a, const char *question, const char *field)
{
    const QStringList values = a.list(question, field);
    const Field *f = a.resolver().questionnaire().field(QString::fromLatin1(question), QString::fromLatin1(field));
    QStringList labels;
    if (f) {
        for (const Choice &c : f->choices) {
            if (values.contains(c.value))
                labels.append(md(c.label));
        }
    }
    for (const QString &value : values) {
        if ((!f || !f->choice(value)) && !value.trimmed().isEmpty())
            labels.append(md(value));
    }
    return labels;
}

void set(QVariantMap &context, const char *key, const QVariant &value)
{
    context.insert(QString::fromLatin1(key), value);
}

QVariantMap item(std::initializer_list<std::pair<const char *, QVariant>> values)
{
    QVariantMap map;
    for (const auto &[key, value] : values)
        map.insert(QString::fromLatin1(key), value);
    return map;
}

QVariantList textItems(const QStringList &texts)
{
    QVariantList items;
    for (const QString &text : texts)
        items.append(item({{"TEXT", text}}));
    return items;
}

// ---- Platform profile ------------------------------------------------------------------------

// What a platform calls things and how it is operated, for prose, runbooks and settings:
// the platform's knowledge file, with the project's slug in its commands.
struct PlatformProfile {
    QString id;      // the knowledge file's id; empty while 7.1 is not answered
    QString family;  // cloud | kubernetes | swarm | nomad | paas | servers
    QString compute; // markdown prose
    QString registry;
    QString loadBalancer;
    QString logs;
    QString metrics;
    QString secrets;     // where secrets live without a config service
    QString logsCommand; // markdown: inline code, or prose where there is no CLI
    QString statusCommand;
    QString restartCommand;
    QString rollbackCommand;
    QString scaleCommand;
    QString rollingSetting; // markdown
    PlatformKnowledge::Stop stop;
};

QString withSlug(QString text, const QString &slug)
{
    return text.replace(QLatin1String("{slug}"), slug);
}

// The platform 7.1 names, or the generic PaaS while it is not answered (whose operations are
// prose: nothing platform-specific can be said yet).
const PlatformKnowledge &platformOrGeneric(const PlatformMatch &match)
{
    return match.platform ? *match.platform : *Knowledge::builtIn().platform(QStringLiteral("paas"));
}

PlatformProfile platformProfile(const PlatformMatch &match, const Facts &f, const QString &slug,
                                const OperatingCommands &commands)
{
    PlatformProfile p;
    // Inline, a command keeps its note: "one task at a time", "only while automated sync is off".
    const auto inline_ = [&](const char *name) {
        const OperatingCommand c = commands.operation(QString::fromLatin1(name));
        return c.note.isEmpty() ? c.markdown() : QStringLiteral("%1 (%2)").arg(c.markdown(), c.note);
    };
    p.logsCommand = inline_("logs");
    p.statusCommand = inline_("status");
    p.restartCommand = inline_("restart");
    p.rollbackCommand = inline_("rollback");
    p.scaleCommand = inline_("scale");
    const PlatformKnowledge *k = match.platform;
    if (!k) {
        const PlatformKnowledge &generic = platformOrGeneric(match);
        p.compute = p.registry = p.loadBalancer = p.logs = NotDecided;
        p.metrics = generic.nouns.value(QStringLiteral("metrics"));
        p.secrets = generic.nouns.value(QStringLiteral("secrets"));
        p.rollingSetting = generic.rolling;
        return p;
    }
    p.id = k->id;
    p.family = k->family;
    const auto noun = [&](const char *name) {
        const QString key = QString::fromLatin1(name);
        const QString value = !f.containerized && k->withoutContainers.contains(key) ? k->withoutContainers.value(key)
                                                                                     : k->nouns.value(key);
        return withSlug(value, slug);
    };
    p.compute = noun("compute");
    p.registry = noun("registry");
    // A cluster pushes to its cloud's registry; a self-run one to its own.
    const CloudKnowledge *cloud = Knowledge::builtIn().cloud(match.cloud);
    if (k->registryFromCloud && cloud && !cloud->registry.isEmpty())
        p.registry = cloud->registry;
    p.loadBalancer = noun("load_balancer");
    p.logs = noun("logs");
    p.metrics = noun("metrics");
    p.secrets = noun("secrets");
    p.rollingSetting = withSlug(k->rolling, slug);
    p.stop = k->stop;
    return p;
}

// ---- Answers → deployment facts --------------------------------------------------------------

// The 7.1 answer as the knowledge classifies it.
PlatformMatch platformMatch(const AnswerReader &a)
{
    return Knowledge::builtIn().classify(a.text("7.1", "choice"), a.text("7.1", "platform"),
                                         a.text("7.2", "choice") != QLatin1String("B"));
}

// The diagrams' platform family: the cloud for a cloud platform (and for a cluster picked
// under "Cloud Platform"), else the platform's own kind.
Facts::Platform platformFamily(const QString &choice, const PlatformMatch &match)
{
    if (choice == QLatin1String("B"))
        return Facts::Platform::Paas;
    if (choice == QLatin1String("C"))
        return Facts::Platform::OnPremises;
    if (choice == QLatin1String("D") && match.platform) {
        if (match.platform->family == QLatin1String("swarm"))
            return Facts::Platform::DockerSwarm;
        return match.platform->family == QLatin1String("nomad") ? Facts::Platform::Nomad : Facts::Platform::Kubernetes;
    }
    if (match.cloud == QLatin1String("gcp"))
        return Facts::Platform::Gcp;
    return match.cloud == QLatin1String("azure") ? Facts::Platform::Azure : Facts::Platform::Aws;
}

Facts::Database databaseOf(const QString &id)
{
    if (id == QLatin1String("mysql"))
        return Facts::Database::MySql;
    if (id == QLatin1String("mongodb"))
        return Facts::Database::MongoDb;
    if (id == QLatin1String("sqlite"))
        return Facts::Database::Sqlite;
    if (id == QLatin1String("none"))
        return Facts::Database::None;
    return Facts::Database::PostgreSql;
}

Facts::Queue queueOf(const QString &id)
{
    if (id == QLatin1String("rabbitmq"))
        return Facts::Queue::RabbitMq;
    if (id == QLatin1String("sqs"))
        return Facts::Queue::Sqs;
    if (id == QLatin1String("kafka"))
        return Facts::Queue::Kafka;
    if (id == QLatin1String("redis"))
        return Facts::Queue::Redis;
    if (id == QLatin1String("pubsub"))
        return Facts::Queue::PubSub;
    if (id == QLatin1String("servicebus"))
        return Facts::Queue::ServiceBus;
    return Facts::Queue::None;
}

// "auto" means Redis exactly when the answers rely on a cache: its hit rate is a tracked
// metric, or circuit breakers fall back to cached data.
Facts::Cache cacheOf(const AnswerReader &a)
{
    const QString id = a.context("cache");
    if (id == QLatin1String("redis"))
        return Facts::Cache::Redis;
    if (id == QLatin1String("memcached"))
        return Facts::Cache::Memcached;
    if (id == QLatin1String("none"))
        return Facts::Cache::None;
    const bool usesCache =
        a.has("7.5", "metrics", "cache_hit_rate") || a.text("7.9.2", "fallback") == QLatin1String("A");
    return usesCache ? Facts::Cache::Redis : Facts::Cache::None;
}

Facts::Apm apmOf(const QString &choice)
{
    static const QHash<QString, Facts::Apm> apms = {{QStringLiteral("A"), Facts::Apm::Datadog},
                                                    {QStringLiteral("B"), Facts::Apm::NewRelic},
                                                    {QStringLiteral("C"), Facts::Apm::Sentry},
                                                    {QStringLiteral("D"), Facts::Apm::OpenTelemetry},
                                                    {QStringLiteral("E"), Facts::Apm::CloudWatch}};
    return apms.value(choice, Facts::Apm::None);
}

// Where logs end up: 7.9.4's aggregation when it is used, else 7.5's strategy; "centralized"
// lands in the APM's own log product when it has one, CloudWatch on AWS, else an ELK stack.
Facts::LogStack logStackOf(const AnswerReader &a, const Facts &f)
{
    QString aggregation = a.text("7.9.4", "log_aggregation");
    if (aggregation.isEmpty()) {
        const QString logging = a.text("7.5", "logging");
        if (logging.isEmpty())
            return Facts::LogStack::Console;
        aggregation = logging == QLatin1String("B") ? QStringLiteral("C") : QStringLiteral("A");
    }
    if (aggregation == QLatin1String("B"))
        return Facts::LogStack::Files;
    if (aggregation == QLatin1String("C"))
        return Facts::LogStack::Console;
    if (!a.text("7.5", "log_destination").isEmpty())
        return Facts::LogStack::Named; // the one the team named
    if (f.apm == Facts::Apm::Datadog)
        return Facts::LogStack::Datadog;
    if (f.apm == Facts::Apm::CloudWatch || f.platform == Facts::Platform::Aws)
        return Facts::LogStack::CloudWatch;
    if (f.platform == Facts::Platform::Gcp || f.platform == Facts::Platform::Azure)
        return Facts::LogStack::Named; // the cloud's own
    return Facts::LogStack::Elk;
}

// The log service of LogStack::Named: typed, or the cloud's own (clouds.json).
QString logServiceOf(const AnswerReader &a, const Facts &f)
{
    QString typed = a.text("7.5", "log_destination");
    if (!typed.isEmpty() || f.logStack != Facts::LogStack::Named)
        return typed;
    const CloudKnowledge *cloud = Knowledge::builtIn().cloud(publicCloudId(f.platform));
    return cloud ? cloud->logs : QString();
}

// The paths the 7.9 endpoints are served on: the standard ones, or the framework's own typed.
HealthPaths healthPaths(const AnswerReader &a)
{
    HealthPaths paths;
    const auto typed = [&](const char *field, QString *path) {
        const QString value = healthPath(a.text("7.9", field));
        if (!value.isEmpty())
            *path = value;
    };
    typed("basic_path", &paths.basic);
    typed("ready_path", &paths.ready);
    typed("live_path", &paths.live);
    return paths;
}

// The endpoint the platform probes to restart a stuck instance: liveness first.
QString livenessPath(const AnswerReader &a)
{
    return placeHealthEndpoints(a.list("7.9", "endpoints"), false, healthPaths(a)).liveness;
}

void addDependencies(const AnswerReader &a, Facts &f)
{
    QSet<QString> seen;
    for (const QVariantMap &row : a.rows("7.9.3", "policies")) {
        const QString name = row.value(QStringLiteral("service")).toString().trimmed();
        if (name.isEmpty() || seen.contains(name.toLower()))
            continue;
        seen.insert(name.toLower());
        switch (dependencyKind(name)) {
        case DependencyKind::ObjectStorage: f.objectStorage = true; break;
        case DependencyKind::External: f.externalServices.append(name); break;
        case DependencyKind::OwnStore: break;
        }
    }
}

bool isCloud(Facts::Platform p)
{
    return p == Facts::Platform::Aws || p == Facts::Platform::Gcp || p == Facts::Platform::Azure;
}

} // namespace

DeploymentFacts deploymentFacts(const Resolver &answers)
{
    const AnswerReader a(answers);
    Facts f;
    f.projectName = a.context("project_name");
    f.platformName = a.text("7.1", "platform");
    const PlatformMatch match = platformMatch(a);
    f.platform = platformFamily(a.text("7.1", "choice"), match);
    f.platformId = match.platform ? match.platform->id : QString();
    f.cloud = match.cloud;
    f.containerized = a.text("7.2", "choice") != QLatin1String("B");
    const QString scaling = a.text("7.8", "strategy");
    f.scaling = scaling == QLatin1String("B") ? Facts::Scaling::Vertical
        : scaling == QLatin1String("C")       ? Facts::Scaling::Auto
                                              : Facts::Scaling::Horizontal;
    f.appInstances = f.scaling == Facts::Scaling::Vertical ? 1 : 2;
    // A TCP port; anything else from a hand-edited file (1e308 would overflow int) is ignored.
    const double port = a.contextNumber("port", 3000);
    f.port = port >= 1 && port <= 65535 && port == std::floor(port) ? int(port) : 3000;
    f.healthCheckPath = livenessPath(a);
    f.healthPaths = healthPaths(a);
    f.database = databaseOf(a.context("database"));
    static const QHash<QString, Facts::DatabaseScaling> dbScaling = {
        {QStringLiteral("A"), Facts::DatabaseScaling::ReadReplicas},
        {QStringLiteral("B"), Facts::DatabaseScaling::Sharding},
        {QStringLiteral("C"), Facts::DatabaseScaling::Vertical}};
    f.databaseScaling = f.database == Facts::Database::None
        ? Facts::DatabaseScaling::None
        : dbScaling.value(a.text("7.8", "db_scaling"), Facts::DatabaseScaling::None);
    f.cache = cacheOf(a);
    f.queue = queueOf(a.context("queue"));
    addDependencies(a, f);
    f.secretsService = a.has("7.3", "env_config", "B");
    if (f.secretsService && !a.text("7.3", "secrets_store").isEmpty())
        f.secretsStore = a.text("7.3", "secrets_store");
    else if (f.secretsService && !isCloud(f.platform))
        f.secretsStore = QStringLiteral("Vault");
    f.backups = f.database != Facts::Database::None && !a.text("7.7", "strategy").isEmpty();
    f.apm = apmOf(a.text("7.5", "apm"));
    f.structuredLogs =
        a.text("7.5", "logging") == QLatin1String("C") || a.text("7.9.4", "log_format") == QLatin1String("A");
    f.logStack = logStackOf(a, f);
    f.logService = logServiceOf(a, f);
    f.region = a.text("7.1", "region").simplified();
    const QStringList channels = a.list("7.6", "channels");
    f.alertChannels.email = channels.contains(QStringLiteral("A"));
    f.alertChannels.chat = channels.contains(QStringLiteral("B"));
    f.alertChannels.pager = channels.contains(QStringLiteral("C"));
    f.alertChannels.sms = channels.contains(QStringLiteral("D"));
    f.onCall = a.text("7.6", "on_call") == QLatin1String("A");
    f.onCallTool = a.text("7.6", "on_call_tool");
    return f;
}

namespace {

// ---- What every section shares ---------------------------------------------------------------

// One generation's inputs, so that section builders take one argument.
struct Inputs {
    const AnswerReader &a;
    const Facts &f;
    const PlatformProfile &p;
    const OperatingCommands &cmd;
    const QString &slug;
};

bool isDecided(const AnswerReader &a, const char *question, const char *field)
{
    return !a.text(question, field).isEmpty();
}

// Which of 7.10's documents are planned: "Later" plans none, "critical ones only" only the
// deployment guide and the runbooks; otherwise what is ticked.
bool planned(const AnswerReader &a, const char *doc)
{
    if (a.skipped("7.10"))
        return false;
    const QString create = a.text("7.10", "create");
    if (create == QLatin1String("C"))
        return false;
    const bool critical = qstrcmp(doc, "A") == 0 || qstrcmp(doc, "B") == 0;
    if (create == QLatin1String("B") && !critical)
        return false;
    return a.has("7.10", "docs", doc);
}

QString engineName(Facts::Database d)
{
    switch (d) {
    case Facts::Database::PostgreSql: return QStringLiteral("PostgreSQL");
    case Facts::Database::MySql: return QStringLiteral("MySQL");
    case Facts::Database::MongoDb: return QStringLiteral("MongoDB");
    case Facts::Database::Sqlite: return QStringLiteral("SQLite");
    case Facts::Database::None: break;
    }
    return {};
}

QString cacheName(Facts::Cache c)
{
    return c == Facts::Cache::Redis    ? QStringLiteral("Redis")
        : c == Facts::Cache::Memcached ? QStringLiteral("Memcached")
                                       : QString();
}

QString queueName(Facts::Queue q)
{
    switch (q) {
    case Facts::Queue::RabbitMq: return QStringLiteral("RabbitMQ");
    case Facts::Queue::Sqs: return QStringLiteral("Amazon SQS");
    case Facts::Queue::Kafka: return QStringLiteral("Kafka");
    case Facts::Queue::Redis: return QStringLiteral("the Redis job queue");
    case Facts::Queue::PubSub: return QStringLiteral("Google Cloud Pub/Sub");
    case Facts::Queue::ServiceBus: return QStringLiteral("Azure Service Bus");
    case Facts::Queue::None: break;
    }
    return {};
}

// The database's knowledge entry; null without a database.
const DatabaseKnowledge *databaseKnowledge(Facts::Database d)
{
    switch (d) {
    case Facts::Database::PostgreSql: return Knowledge::builtIn().database(QStringLiteral("postgresql"));
    case Facts::Database::MySql: return Knowledge::builtIn().database(QStringLiteral("mysql"));
    case Facts::Database::MongoDb: return Knowledge::builtIn().database(QStringLiteral("mongodb"));
    case Facts::Database::Sqlite: return Knowledge::builtIn().database(QStringLiteral("sqlite"));
    case Facts::Database::None: break;
    }
    return nullptr;
}

// Where a provider runs the database for the team, as stores.json names its managed
// services (aws, gcp, azure, heroku, paas); empty when the team runs it, or it is a file.
QString managedKey(const Facts &f, const QString &platformId)
{
    const DatabaseKnowledge *db = databaseKnowledge(f.database);
    if (!db || db->port == 0)
        return {};
    switch (f.platform) {
    case Facts::Platform::Aws: return QStringLiteral("aws");
    case Facts::Platform::Gcp: return QStringLiteral("gcp");
    case Facts::Platform::Azure: return QStringLiteral("azure");
    case Facts::Platform::Paas:
        return platformId == QLatin1String("heroku") && db->managed.contains(QStringLiteral("heroku"))
            ? QStringLiteral("heroku")
            : QStringLiteral("paas");
    default: return {};
    }
}

// The cloud's (or PaaS's) managed database service, or empty when the team runs it.
QString managedDatabase(const Inputs &in)
{
    const DatabaseKnowledge *db = databaseKnowledge(in.f.database);
    const QString key = managedKey(in.f, in.p.id);
    return db && !key.isEmpty() ? db->managed.value(key) : QString();
}

CommandInputs commandInputs(const AnswerReader &a, const Facts &f, const PlatformMatch &match, const QString &slug)
{
    CommandInputs in;
    in.platform = &platformOrGeneric(match);
    in.slug = slug;
    in.deployTool = a.text("7.4", "deploy_tool");
    in.strategy = a.text("7.4.1", "strategy");
    in.migrationTool = a.skipped("7.7.1") ? QString() : a.text("7.7.1", "tool");
    if (const DatabaseKnowledge *db = databaseKnowledge(f.database))
        in.database = db->id;
    in.managedKey = managedKey(f, match.platform ? match.platform->id : QString());
    in.cloud = match.cloud;
    in.manualBackups = a.text("7.7", "strategy") == QLatin1String("C");
    in.livenessPath = livenessPath(a).isEmpty() ? healthPaths(a).basic : livenessPath(a);
    for (const ShellVariable &v : Knowledge::builtIn().shellVariables()) {
        if (!v.answerQuestion.isEmpty())
            in.answers.insert(v.answerQuestion + u'.' + v.answerField,
                              a.text(v.answerQuestion.toLatin1().constData(), v.answerField.toLatin1().constData()));
    }
    return in;
}

// The store named in 7.3 (by its knowledge name, or as typed when OpsFlow does not know it),
// else the one assumed on the platform's cloud.
QString secretsStore(const Inputs &in)
{
    if (!in.a.has("7.3", "env_config", "B"))
        return in.p.secrets;
    const QString typed = in.a.text("7.3", "secrets_store");
    const ServiceKnowledge *store = Knowledge::builtIn().secretsStore(typed, publicCloudId(in.f.platform));
    return store ? store->name : md(typed);
}

QString readyPath(const AnswerReader &a)
{
    const HealthPaths paths = healthPaths(a);
    if (a.has("7.9", "endpoints", "B"))
        return paths.ready;
    return a.has("7.9", "endpoints", "A") ? paths.basic : paths.ready;
}

// The flag service named in 7.3, as secretsStore() names a store; unnamed, the general wording.
QString flagProvider(const AnswerReader &a)
{
    const QString typed = a.text("7.3", "flag_service");
    const ServiceKnowledge *flags = Knowledge::builtIn().flagService(typed);
    return flags ? flags->name : md(typed);
}

// The configuration files never repeat typed text (a pasted secret must not reach them): a
// store or flag service OpsFlow does not know is pointed at, not named.
QString secretsStoreInConfiguration(const Inputs &in)
{
    if (!in.a.has("7.3", "env_config", "B"))
        return in.p.secrets;
    const ServiceKnowledge *store =
        Knowledge::builtIn().secretsStore(in.a.text("7.3", "secrets_store"), publicCloudId(in.f.platform));
    return store ? store->name
                 : QStringLiteral("the secrets store named in [Environments](../docs/operations.md#environments)");
}

QString flagProviderInConfiguration(const AnswerReader &a)
{
    const ServiceKnowledge *flags = Knowledge::builtIn().flagService(a.text("7.3", "flag_service"));
    return flags ? flags->name
                 : QStringLiteral("the flag service named in [Environments](../docs/operations.md#environments)");
}

// Flags come from the environment strategy (7.3) or are how releases roll out (7.4.1).
bool usesFeatureFlags(const AnswerReader &a)
{
    return a.has("7.3", "env_config", "C") || a.text("7.4.1", "strategy") == QLatin1String("D");
}

// ---- Header and deployment environment -------------------------------------------------------

void addHeader(QVariantMap &c, const Inputs &in)
{
    const Scope scope = in.a.resolver().answers().scope;
    set(c, "PROJECT_HEADING", keepLiteral(escape::markdownHeading(in.f.projectName)));
    set(c, "PROJECT_TEXT", md(in.f.projectName));
    set(c, "PROJECT_ENV", escape::envComment(in.slug));
    set(c, "SCOPE_TITLE", scopeTitle(scope));
    set(c, "SCOPE_CHOSEN", in.a.resolver().answers().scopeChosen);
    set(c, "SCOPE_MVP", scope == Scope::Mvp);
    set(c, "SCOPE_ENTERPRISE", scope == Scope::Enterprise);
    static const std::pair<const char *, const char *> tbd[] = {{"TBD_DEPLOYMENT_STRATEGY", "7.4.1"},
                                                                {"TBD_MONITORING", "7.5"},
                                                                {"TBD_ALERTS", "7.6"},
                                                                {"TBD_BACKUP", "7.7"},
                                                                {"TBD_MIGRATIONS", "7.7.1"},
                                                                {"TBD_POOLING", "7.7.2"},
                                                                {"TBD_SCALING", "7.8"},
                                                                {"TBD_HEALTH", "7.9"},
                                                                {"TBD_SHUTDOWN", "7.9.1"},
                                                                {"TBD_CIRCUIT_BREAKERS", "7.9.2"},
                                                                {"TBD_RETRIES", "7.9.3"},
                                                                {"TBD_REQUEST_LOGGING", "7.9.4"},
                                                                {"TBD_DOCUMENTATION", "7.10"}};
    for (const auto &[key, question] : tbd)
        set(c, key, in.a.skipped(question));
}

// The values no answer gave, per question: DEFAULTS_7_9_1 is a list of one item {ALL, VALUES}
// when question 7.9.1 used any default (empty otherwise), so a template places one line at the
// end of the question's section; DEFAULTS_CONTEXT the same for the project facts; DEFAULTS_ANY
// and DEFAULTS_COUNT for the legend in the header.
QString defaultsLine(const QList<DefaultedValue> &values)
{
    QStringList parts;
    for (const DefaultedValue &v : values) {
        const QString part = v.shownInside ? QString() : labelledValue(md(v.label), md(v.text));
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(QStringLiteral("; "));
}

void addDefaultsUsed(QVariantMap &c, const Inputs &in)
{
    const FactModel &facts = in.a.facts();
    const Questionnaire &q = in.a.resolver().questionnaire();
    qsizetype count = 0;
    const QList<DefaultedValue> context = defaultedContext(facts, q.contextFields());
    count += context.size();
    set(c, "DEFAULTS_CONTEXT",
        context.isEmpty() ? QVariantList() : QVariantList{item({{"ALL", false}, {"VALUES", defaultsLine(context)}})});
    // The project facts found in its files: not the user's answers, not defaults either.
    const QList<DefaultedValue> detected = detectedContext(facts, q.contextFields());
    set(c, "DETECTED_CONTEXT",
        detected.isEmpty() ? QVariantList() : QVariantList{item({{"VALUES", defaultsLine(detected)}})});
    for (const Question &question : q.questions()) {
        QList<DefaultedValue> values = defaultedValues(facts, question);
        count += values.size();
        values.removeIf([&question](const DefaultedValue &v) { return shownInResilience(question.id, v.fieldId); });
        const QString text = defaultsLine(values);
        QVariantList line;
        if (!text.isEmpty())
            line.append(item({{"ALL", allValuesDefaulted(facts, question)}, {"VALUES", text}}));
        const QByteArray key = "DEFAULTS_" + question.id.toLatin1().replace('.', '_');
        set(c, key.constData(), line);
    }
    set(c, "DEFAULTS_ANY", count > 0);
    set(c, "DEFAULTS_COUNT", double(count));
}

QString familyName(Facts::Platform p)
{
    switch (p) {
    case Facts::Platform::Aws: return QStringLiteral("AWS");
    case Facts::Platform::Gcp: return QStringLiteral("Google Cloud");
    case Facts::Platform::Azure: return QStringLiteral("Azure");
    case Facts::Platform::Kubernetes: return QStringLiteral("Kubernetes");
    case Facts::Platform::DockerSwarm: return QStringLiteral("Docker Swarm");
    case Facts::Platform::Nomad: return QStringLiteral("Nomad");
    case Facts::Platform::Paas: return QStringLiteral("a platform-as-a-service");
    case Facts::Platform::OnPremises: return QStringLiteral("company servers");
    }
    return {};
}

QString platformSentence(const Inputs &in)
{
    const QString choice = in.a.text("7.1", "choice");
    if (choice.isEmpty())
        return QStringLiteral("**Not decided yet:** where production runs.");
    static const QHash<QString, QString> kinds = {{QStringLiteral("A"), QStringLiteral("cloud platform")},
                                                  {QStringLiteral("B"), QStringLiteral("platform-as-a-service")},
                                                  {QStringLiteral("C"), QStringLiteral("on-premises")},
                                                  {QStringLiteral("D"), QStringLiteral("container orchestration")}};
    const QString named = md(in.f.platformName);
    QString detail = kinds.value(choice);
    if (named.isEmpty() && choice == QLatin1String("B"))
        return QStringLiteral("Production runs on a **platform-as-a-service**; the provider is not named yet.");
    const QString family = familyName(in.f.platform);
    if (!named.isEmpty() && (choice == QLatin1String("A") || choice == QLatin1String("D"))
        && !named.contains(family, Qt::CaseInsensitive))
        detail += QStringLiteral(", ") + family;
    return QStringLiteral("Production runs on **%1** (%2).")
        .arg(named.isEmpty() ? familyName(in.f.platform) : named, detail);
}

void addPlatform(QVariantMap &c, const Inputs &in)
{
    set(c, "PLATFORM_SENTENCE", platformSentence(in));
    set(c, "PLATFORM_WHY", md(in.a.text("7.1", "why")));
    set(c, "PLATFORM_COMPUTE", in.p.compute);
    set(c, "PLATFORM_COMPUTE_TEXT", in.p.compute);
    set(c, "PLATFORM_REGISTRY", in.p.registry);
    set(c, "PLATFORM_LB", in.p.loadBalancer);
    set(c, "PLATFORM_LOGS", in.p.logs);
    set(c, "PLATFORM_SECRETS", secretsStore(in));
    // Where it runs, as the operating commands use it.
    const auto where = [&](const char *field) {
        const QString value = in.a.text("7.1", field).simplified();
        return value.isEmpty() ? QString() : escape::inlineCode(value, escape::CodeContext::TableCell);
    };
    set(c, "PLATFORM_CLUSTER", where("cluster"));
    set(c, "PLATFORM_NAMESPACE", where("namespace"));
    set(c, "PLATFORM_REGION", where("region"));
    set(c, "SECRETS_STORE", secretsStore(in));
}

// ---- Containerization ------------------------------------------------------------------------

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
        f.secretsService ? Knowledge::builtIn().secretsStore(f.secretsStore, publicCloudId(f.platform)) : nullptr;
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

// ---- Environments ----------------------------------------------------------------------------

struct Environment {
    QString name;
    QString appEnv;
};

QList<Environment> environments(const AnswerReader &a)
{
    const QString choice = a.text("7.3", "environments");
    QList<Environment> envs = {{QStringLiteral("Development"), QStringLiteral("development")}};
    if (choice == QLatin1String("B"))
        envs.append({QStringLiteral("Testing"), QStringLiteral("test")});
    if (choice != QLatin1String("C"))
        envs.append({QStringLiteral("Staging"), QStringLiteral("staging")});
    envs.append({QStringLiteral("Production"), QStringLiteral("production")});
    return envs;
}

bool hasStaging(const AnswerReader &a)
{
    const QList<Environment> envs = environments(a);
    return std::any_of(envs.begin(), envs.end(),
                       [](const Environment &e) { return e.appEnv == QLatin1String("staging"); });
}

QString deployedText(const AnswerReader &a, const QString &appEnv, bool docker)
{
    if (appEnv == QLatin1String("development"))
        return docker ? QStringLiteral("Locally, with `docker compose up`") : QStringLiteral("Locally");
    if (appEnv == QLatin1String("test"))
        return QStringLiteral("By the pipeline, for every change");
    const QString rule = a.text("7.4", "auto_deploy");
    if (rule.isEmpty())
        return NotDecided;
    if (appEnv == QLatin1String("staging")) {
        if (rule == QLatin1String("C") || !a.has("7.4", "stages", "deploy_staging"))
            return QStringLiteral("Manually");
        return QStringLiteral("Automatically, on every merge to `main`");
    }
    if (rule == QLatin1String("A"))
        return QStringLiteral("After manual approval");
    return rule == QLatin1String("B") ? QStringLiteral("Automatically, on every merge to `main`")
                                      : QStringLiteral("Manually");
}

QString purposeText(const QString &appEnv)
{
    if (appEnv == QLatin1String("development"))
        return QStringLiteral("Local development and debugging");
    if (appEnv == QLatin1String("test"))
        return QStringLiteral("Automated integration and end-to-end tests");
    if (appEnv == QLatin1String("staging"))
        return QStringLiteral("Pre-production and QA, configured like production");
    return QStringLiteral("Live traffic");
}

void addEnvironments(QVariantMap &c, const Inputs &in)
{
    const bool decided = isDecided(in.a, "7.3", "environments");
    const QList<Environment> envs = environments(in.a);
    QStringList names;
    for (const Environment &e : envs)
        names << e.name;
    set(c, "ENVIRONMENTS_SENTENCE",
        decided ? QStringLiteral("%1 environments: %2.")
                      .arg(envs.size() == 2       ? QStringLiteral("Two")
                               : envs.size() == 3 ? QStringLiteral("Three")
                                                  : QStringLiteral("Four"),
                           joinWords(names))
                : QStringLiteral("**Not decided yet:** how many environments; the recommended three are shown."));

    const bool flags = usesFeatureFlags(in.a);
    const bool store = in.a.has("7.3", "env_config", "B");
    QVariantList rows;
    for (const Environment &e : envs) {
        QStringList config;
        if (e.appEnv == QLatin1String("development")) {
            config << QStringLiteral("`.env` file");
        } else if (e.appEnv == QLatin1String("test")) {
            config << QStringLiteral("CI variables");
        } else {
            config << QStringLiteral("Platform environment variables");
            if (store)
                config << QStringLiteral("secrets from ") + secretsStore(in);
        }
        if (flags && e.appEnv != QLatin1String("test"))
            config << QStringLiteral("feature flags");
        rows << item({{"NAME", e.name},
                      {"PURPOSE", purposeText(e.appEnv)},
                      {"DEPLOYED", deployedText(in.a, e.appEnv, in.a.text("7.2", "choice") == QLatin1String("A"))},
                      {"CONFIGURATION", joinWords(config)}});
    }
    set(c, "ENVIRONMENTS", rows);
    set(c, "HAS_STAGING", hasStaging(in.a));

    // operations.md names a typed store or flag service; configuration.md points at it.
    const auto approaches = [&](const QString &storeName, const QString &flagName) {
        QStringList out;
        if (in.a.has("7.3", "env_config", "A"))
            out << QStringLiteral(
                "**Environment variables** for every setting: `.env` locally (copied from `.env.example`, never committed), the platform's settings in deployed environments.");
        if (store)
            out << QStringLiteral(
                       "**Config service**: secrets (database passwords, API keys, webhook URLs) live in %1 and reach the deployed environments at start-up, never through files or chat.")
                       .arg(storeName);
        if (flags)
            out << QStringLiteral("**Feature flags** in %1: behaviour switches at runtime, without a deploy.")
                       .arg(flagName);
        if (out.isEmpty())
            out << QStringLiteral("*No configuration approach chosen yet.*");
        return textItems(out);
    };
    set(c, "CONFIG_APPROACHES", approaches(secretsStore(in), flagProvider(in.a)));
    set(c, "CONFIG_APPROACHES_CONFIGURATION",
        approaches(secretsStoreInConfiguration(in), flagProviderInConfiguration(in.a)));
}

// ---- CI/CD -----------------------------------------------------------------------------------

struct CiPlatform {
    const char *file;
    const char *secrets;
    const char *approval;
};

CiPlatform ciPlatform(const QString &choice)
{
    static const QHash<QString, CiPlatform> platforms = {
        {QStringLiteral("A"),
         {"`.github/workflows/deploy.yml`",
          "GitHub Actions secrets (environment secrets, one set per deployed environment)",
          "a required reviewer on the `production` environment"}},
        {QStringLiteral("B"),
         {"`.gitlab-ci.yml`", "GitLab CI/CD variables (masked and protected)",
          "a manual job (`when: manual`) on the protected `production` environment"}},
        {QStringLiteral("C"),
         {"a `Jenkinsfile`", "the Jenkins credentials store", "an `input` step before the production stage"}},
        {QStringLiteral("D"),
         {"`.circleci/config.yml`", "CircleCI contexts, restricted to the deploy jobs",
          "an approval job (`type: approval`)"}},
        {QStringLiteral("E"),
         {"`.travis.yml`", "Travis CI repository settings (hidden variables)",
          "a manually triggered production stage (Travis CI has no approval step)"}},
        {QStringLiteral("F"),
         {"`buildspec.yml` (CodeBuild), with the pipeline defined as infrastructure code",
          "AWS Secrets Manager, read through the pipeline's IAM role", "a Manual approval action"}},
        {QStringLiteral("G"),
         {"`azure-pipelines.yml`", "Azure DevOps variable groups linked to Azure Key Vault",
          "an approval check on the `production` environment"}},
    };
    return platforms.value(choice,
                           {"the pipeline definition", "the CI platform's secret store", "a manual approval step"});
}

QString securityScanText(const QString &runtime, bool docker)
{
    const QString audit = Knowledge::builtIn().runtime(runtime).audit;
    return docker ? QStringLiteral("%1 and an image scan (Trivy); critical findings fail the build").arg(audit)
                  : QStringLiteral("%1; critical findings fail the build").arg(audit);
}

QString stageText(const QString &stage, const Inputs &in, const CiPlatform &ci, const QString &strategy)
{
    const bool docker = in.a.text("7.2", "choice") == QLatin1String("A");
    if (stage == QLatin1String("checkout"))
        return QStringLiteral("the commit under test");
    if (stage == QLatin1String("install"))
        return QStringLiteral("dependencies from the lockfile, cached between runs");
    if (stage == QLatin1String("lint"))
        return QStringLiteral("formatting and static analysis");
    if (stage == QLatin1String("test"))
        return QStringLiteral("unit and integration tests with coverage");
    if (stage == QLatin1String("build"))
        return docker
            ? QStringLiteral("the Docker image, tagged with the commit SHA and pushed to %1").arg(in.p.registry)
            : QStringLiteral("the release artifact, versioned with the commit SHA");
    if (stage == QLatin1String("security_scan"))
        return securityScanText(in.a.context("runtime"), docker);
    if (stage == QLatin1String("deploy_staging"))
        return QStringLiteral("the same build to staging, followed by smoke tests against it");
    if (stage == QLatin1String("manual_approval"))
        return QStringLiteral("a person approves the release: ") + QLatin1String(ci.approval);
    if (stage == QLatin1String("deploy_production"))
        return strategy.isEmpty()
            ? QStringLiteral("the approved build to production")
            : QStringLiteral("the same build to production, as a %1 (see [Deployment Strategy](#deployment-strategy))")
                  .arg(strategy);
    return {};
}

void addCi(QVariantMap &c, const Inputs &in)
{
    const QString choice = in.a.text("7.4", "platform");
    const CiPlatform ci = ciPlatform(choice);
    set(c, "CI_SENTENCE",
        choice.isEmpty() ? QStringLiteral("**Not decided yet:** the CI/CD platform.")
                         : QStringLiteral("The pipeline runs on **%1**, defined in %2.")
                               .arg(chosenLabel(in.a, "7.4", "platform"), QLatin1String(ci.file)));
    set(c, "CI_SECRETS", QString::fromUtf8(ci.secrets));

    static const QHash<QString, QString> strategies = {
        {QStringLiteral("A"), QStringLiteral("rolling deployment")},
        {QStringLiteral("B"), QStringLiteral("blue-green deployment")},
        {QStringLiteral("C"), QStringLiteral("canary deployment")},
        {QStringLiteral("D"), QStringLiteral("rollout behind feature flags")}};
    const QString strategy = strategies.value(in.a.text("7.4.1", "strategy"));
    const Field *stages = in.a.resolver().questionnaire().field(QStringLiteral("7.4"), QStringLiteral("stages"));
    const QStringList chosen = in.a.list("7.4", "stages");
    QVariantList items;
    if (stages) {
        for (const Choice &stage : stages->choices) {
            if (chosen.contains(stage.value)) {
                QString name = stage.label;
                name.remove(QStringLiteral(" (optional)"));
                items << item({{"NAME", md(name)}, {"TEXT", stageText(stage.value, in, ci, strategy)}});
            }
        }
    }
    set(c, "CI_STAGES", items);

    const QString rule = in.a.text("7.4", "auto_deploy");
    set(c, "AUTO_DEPLOY_NAME", chosenLabel(in.a, "7.4", "auto_deploy"));
    QString ruleText;
    if (rule == QLatin1String("A"))
        ruleText =
            QStringLiteral(
                "Every merge to `main` deploys to staging; production gets the same build after a person approves it (%1).")
                .arg(QLatin1String(ci.approval));
    else if (rule == QLatin1String("B"))
        ruleText = QStringLiteral(
            "Every merge to `main` that passes all stages goes to production: the tests and the deployment strategy are the only safety net, so keep them strict.");
    else if (rule == QLatin1String("C"))
        ruleText = QStringLiteral(
            "Nothing deploys by itself: a person starts every deploy from the CI platform and picks the environment.");
    set(c, "AUTO_DEPLOY_TEXT", ruleText);
}

// ---- Deployment strategy ---------------------------------------------------------------------

// The canary's traffic share at each step: initial, then +step until 100%. Long rollouts are
// cut to nine steps before the final one, which a table can still show.
QVariantList canarySteps(double initial, double step, double minutes, double *totalMinutes)
{
    QVariantList rows;
    double share = std::clamp(initial, 1.0, 100.0);
    step = std::max(step, 1.0);
    while (share < 100 && rows.size() < 9) {
        rows << item({{"PERCENT", num(share) + QLatin1Char('%')}, {"MINUTES", minutesText(minutes)}});
        share += step;
    }
    rows << item({{"PERCENT", QStringLiteral("100%")}, {"MINUTES", QStringLiteral("— (rollout complete)")}});
    *totalMinutes = double(rows.size() - 1) * minutes;
    return rows;
}

// "Lead: `command`." for a command; for prose ("deploy the previous release …") the prose
// itself, as a sentence.
QString asStep(const QString &lead, const QString &action)
{
    if (action.startsWith(QLatin1Char('`')))
        return lead + action + QLatin1Char('.');
    return action.left(1).toUpper() + action.mid(1) + QLatin1Char('.');
}

// The rollback command with its note and, where it needs the release to go back to, the
// command that lists the releases.
QString rollbackHow(const Inputs &in)
{
    const OperatingCommand rollback = in.cmd.operation(QStringLiteral("rollback"));
    QString how = rollback.markdown();
    if (!rollback.note.isEmpty())
        how += QStringLiteral(" (%1)").arg(rollback.note);
    const OperatingCommand history = in.cmd.operation(QStringLiteral("history"));
    if (!rollback.shell.isEmpty() && !history.shell.isEmpty())
        how += QStringLiteral("; %1 lists the releases").arg(history.markdown());
    return how;
}

QString rollbackAction(const Inputs &in, const QString &strategy, const QString &traffic)
{
    const DeployToolKnowledge *tool = in.cmd.deployTool();
    if (strategy == QLatin1String("B")) {
        QString step =
            QStringLiteral("Switch traffic back to the previous environment (%1); it still runs the previous release.")
                .arg(traffic);
        if (tool && tool->commands.contains(QStringLiteral("rollback")))
            step += QStringLiteral(" With %1: %2.").arg(tool->name, rollbackHow(in));
        return step;
    }
    if (strategy == QLatin1String("C"))
        return QStringLiteral(
            "Set the new version's traffic share to 0% and remove its instances; the stable version never stopped serving.");
    if (strategy == QLatin1String("D"))
        return QStringLiteral(
                   "Turn the feature's flag off in the flag service; only when the deploy itself is broken, redeploy the previous version: %1.")
            .arg(rollbackHow(in));
    return asStep(QStringLiteral("Go back to the previous version: "), rollbackHow(in));
}

void addStrategy(QVariantMap &c, const Inputs &in)
{
    const QString strategy = in.a.text("7.4.1", "strategy");
    set(c, "STRATEGY_ROLLING", strategy == QLatin1String("A"));
    set(c, "STRATEGY_BLUE_GREEN", strategy == QLatin1String("B"));
    set(c, "STRATEGY_CANARY", strategy == QLatin1String("C"));
    set(c, "STRATEGY_FEATURE_FLAGS", strategy == QLatin1String("D"));
    const Field *field = in.a.resolver().questionnaire().field(QStringLiteral("7.4.1"), QStringLiteral("strategy"));
    const Choice *choice = field ? field->choice(strategy) : nullptr;
    set(c, "STRATEGY_SENTENCE",
        choice ? QStringLiteral("Production releases: **%1** (%2).")
                     .arg(md(choice->label), md(choice->description.toLower()))
               : QStringLiteral("**Not decided yet:** the production deployment strategy."));
    set(c, "ROLLING_SETTING", in.p.rollingSetting);

    const QString traffic = in.a.text("7.4.1", "traffic_switching");
    set(c, "BG_TRAFFIC", traffic.isEmpty() ? NotDecided : md(traffic));
    set(c, "BG_DNS", mentions(traffic, {"dns"}));
    const QString migrations = in.a.text("7.4.1", "bluegreen_db_migrations");
    set(c, "BG_MIGRATIONS", migrations.isEmpty() ? NotDecided : md(migrations));

    const double initial = in.a.number("7.4.1", "canary_initial_percent", 5);
    const double step = in.a.number("7.4.1", "canary_step_percent", 25);
    const double minutes = in.a.number("7.4.1", "canary_step_minutes", 15);
    double total = 0;
    set(c, "CANARY_STEPS", canarySteps(initial, step, minutes, &total));
    set(c, "CANARY_INITIAL", num(initial) + QLatin1Char('%'));
    set(c, "CANARY_STEP", QStringLiteral("%1 percentage points").arg(num(step)));
    set(c, "CANARY_STEP_MINUTES", minutesText(minutes));
    set(c, "CANARY_TOTAL", minutesText(total));
    const QString criteria = in.a.text("7.4.1", "canary_success_criteria");
    set(c, "CANARY_CRITERIA", criteria.isEmpty() ? NotDecided : md(criteria));
    set(c, "FLAG_PROVIDER", flagProvider(in.a));
    set(c, "FLAG_PROVIDER_CONFIGURATION", flagProviderInConfiguration(in.a));

    const auto rollbackMinutes = in.a.number("7.4.1", "rollback_minutes");
    set(c, "ROLLBACK_MINUTES", rollbackMinutes ? minutesText(*rollbackMinutes) : NotDecided);
    set(c, "ROLLBACK_WHO", chosenLabel(in.a, "7.4.1", "rollback_who"));
    QStringList triggers;
    if (in.a.has("7.4.1", "rollback_criteria", "error_rate"))
        triggers << QStringLiteral("error rate above %1% after a deploy")
                        .arg(num(in.a.number("7.4.1", "rollback_error_rate_percent", 5)));
    if (in.a.has("7.4.1", "rollback_criteria", "latency"))
        triggers << QStringLiteral("p95 latency above %1 ms after a deploy")
                        .arg(num(in.a.number("7.4.1", "rollback_latency_ms", 2000)));
    if (in.a.has("7.4.1", "rollback_criteria", "manual"))
        triggers << QStringLiteral("a person's decision");
    set(c, "ROLLBACK_TRIGGERS", triggers.isEmpty() ? NotDecided : triggers.join(QStringLiteral("; ")));

    const bool chat = in.f.alertChannels.chat;
    QStringList steps;
    steps << (chat ? QStringLiteral(
                  "Say in the team's Slack/Discord incident channel that a rollback is under way, and who leads it.")
                   : QStringLiteral("Tell the team that a rollback is under way, and who leads it."));
    steps << rollbackAction(in, strategy, traffic.isEmpty() ? QStringLiteral("the traffic switch") : md(traffic));
    steps << QStringLiteral("Watch the error rate and latency until they are back to their usual level.");
    steps << QStringLiteral(
        "Keep the broken release out of the pipeline (revert or fix forward in a new release), and note what happened for the post-mortem.");
    set(c, "ROLLBACK_STEPS", textItems(steps));
    set(c, "ROLLBACK_COMMAND", in.p.rollbackCommand);
}

// ---- Monitoring and logging ------------------------------------------------------------------

QString apmName(const Facts &f, const PlatformProfile &p)
{
    switch (f.apm) {
    case Facts::Apm::Datadog: return QStringLiteral("Datadog");
    case Facts::Apm::NewRelic: return QStringLiteral("New Relic");
    case Facts::Apm::Sentry: return QStringLiteral("Sentry");
    case Facts::Apm::OpenTelemetry: return QStringLiteral("Grafana");
    case Facts::Apm::CloudWatch: return QStringLiteral("CloudWatch");
    case Facts::Apm::None: break;
    }
    return p.metrics;
}

QString apmSentence(const AnswerReader &a, const Facts &f, const PlatformProfile &p)
{
    if (a.text("7.5", "apm").isEmpty())
        return QStringLiteral("**Not decided yet:** the APM tool.");
    switch (f.apm) {
    case Facts::Apm::Datadog:
        return QStringLiteral(
            "**Datadog** collects traces, metrics and logs through the Datadog Agent running beside the service; dashboards and monitors live there. It is full-featured and priced per host and per ingested volume, so set log retention and trace sampling on purpose.");
    case Facts::Apm::NewRelic:
        return QStringLiteral(
            "**New Relic** instruments the service with its language agent: transactions, errors, database calls and dashboards in one place.");
    case Facts::Apm::Sentry:
        return QStringLiteral(
                   "**Sentry** tracks errors, with stack traces and the release that caused them, and samples performance traces. It is not a metrics platform: request rate, CPU and memory come from %1.")
            .arg(p.metrics);
    case Facts::Apm::OpenTelemetry:
        return QStringLiteral(
            "**OpenTelemetry + Grafana**: the service exports traces and metrics over OTLP to an OpenTelemetry Collector, which stores them for Grafana's dashboards and alerts. Open source and vendor-neutral; the team runs (or rents) the backend.");
    case Facts::Apm::CloudWatch:
        return QStringLiteral(
            "**AWS CloudWatch**: metrics, logs and alarms in the AWS account; AWS X-Ray adds request traces.");
    case Facts::Apm::None: break;
    }
    return QStringLiteral(
               "**No APM yet**: %1 and the logs are all there is. Add one before the first serious incident: without traces, finding out why a request was slow is guesswork.")
        .arg(p.metrics);
}

QString loggingLibrary(const QString &runtime)
{
    return Knowledge::builtIn().runtime(runtime).logging;
}

// Where the log lines go, as the end of a sentence.
QString logDestination(const Facts &f, const PlatformProfile &p)
{
    switch (f.logStack) {
    case Facts::LogStack::Datadog: return QStringLiteral("shipped to Datadog Logs by the Datadog Agent");
    case Facts::LogStack::CloudWatch: return QStringLiteral("shipped to Amazon CloudWatch Logs");
    case Facts::LogStack::Elk:
        return QStringLiteral("shipped to an ELK stack (a log shipper such as Fluent Bit, Elasticsearch, Kibana)");
    case Facts::LogStack::Files: return QStringLiteral("kept in files on each server, rotated daily by logrotate");
    case Facts::LogStack::Named: return QStringLiteral("shipped to %1").arg(md(f.logService));
    case Facts::LogStack::Console: break;
    }
    return QStringLiteral("kept by the platform (%1)").arg(p.logs);
}

QString logStackName(const Facts &f)
{
    switch (f.logStack) {
    case Facts::LogStack::Named: return md(f.logService);
    case Facts::LogStack::Datadog: return QStringLiteral("Datadog Logs");
    case Facts::LogStack::CloudWatch: return QStringLiteral("CloudWatch Logs");
    case Facts::LogStack::Elk: return QStringLiteral("ELK stack");
    case Facts::LogStack::Files: return QStringLiteral("files with rotation");
    case Facts::LogStack::Console: break;
    }
    return QStringLiteral("console");
}

QString loggingSentence(const AnswerReader &a, const Facts &f, const PlatformProfile &p)
{
    const QString strategy = a.text("7.5", "logging");
    const QString library = loggingLibrary(a.context("runtime"));
    const QString destination = logDestination(f, p);
    if (strategy == QLatin1String("A"))
        return QStringLiteral(
                   "**Centralized logging**: the service writes its logs to stdout with %1; they are %2, where every instance's logs can be searched together.")
            .arg(library, destination);
    if (strategy == QLatin1String("B"))
        return QStringLiteral(
                   "**Basic console logs**: the service writes to stdout, and the lines are %1. Enough to start; searching across instances and keeping history needs centralized logging.")
            .arg(destination);
    if (strategy == QLatin1String("C"))
        return QStringLiteral("**Structured JSON logging** with %1: one JSON object per line on stdout, %2.")
            .arg(library, destination);
    return QStringLiteral("**Not decided yet:** the logging strategy.");
}

QString metricReason(const QString &metric)
{
    static const QHash<QString, QString> reasons = {
        {QStringLiteral("request_rate"),
         QStringLiteral("The baseline every other metric is read against; a sudden drop is an outage too.")},
        {QStringLiteral("error_rate"), QStringLiteral("The first sign of a bad release or a failing dependency.")},
        {QStringLiteral("response_time"),
         QStringLiteral("p50 shows the typical request, p95 and p99 the slow tail users notice.")},
        {QStringLiteral("db_query_time"), QStringLiteral("Slow queries are the most common cause of slow responses.")},
        {QStringLiteral("cache_hit_rate"), QStringLiteral("A falling hit rate moves load onto the database.")},
        {QStringLiteral("cpu_memory"),
         QStringLiteral("Capacity: drives scaling, and memory that climbs and never falls is a leak.")}};
    return reasons.value(metric);
}

void addMonitoring(QVariantMap &c, const Inputs &in, const QList<EnvVar> &catalog)
{
    set(c, "APM_SENTENCE", apmSentence(in.a, in.f, in.p));
    QStringList variables;
    for (const EnvVar &v : catalog) {
        if (v.group == QLatin1String("Monitoring"))
            variables << code(v.name);
    }
    set(c, "APM_VARIABLES", joinWords(variables));
    set(c, "APM_NAME", apmName(in.f, in.p));
    set(c, "LOGGING_SENTENCE", loggingSentence(in.a, in.f, in.p));
    set(c, "LOG_JSON_EXAMPLE", in.f.structuredLogs);

    const Field *field = in.a.resolver().questionnaire().field(QStringLiteral("7.5"), QStringLiteral("metrics"));
    const QStringList chosen = in.a.list("7.5", "metrics");
    QVariantList metrics;
    if (field) {
        for (const Choice &m : field->choices) {
            if (chosen.contains(m.value))
                metrics << item({{"NAME", md(m.label)}, {"WHY", metricReason(m.value)}});
        }
    }
    set(c, "METRICS", metrics);
    set(c, "CUSTOM_METRICS", md(in.a.text("7.5", "custom_metrics")));
}

// ---- Alerts ----------------------------------------------------------------------------------

struct Channels {
    QStringList critical;
    QStringList warning;
};

// Critical alerts go to every channel someone watches around the clock and to chat; warnings
// to chat and e-mail, or wherever alerts go when those are not chosen.
Channels alertRouting(const Facts &f, const QString &pagerName)
{
    const Facts::AlertChannels &ch = f.alertChannels;
    Channels r;
    if (ch.pager)
        r.critical << pagerName;
    if (ch.sms)
        r.critical << QStringLiteral("SMS");
    if (ch.chat) {
        r.critical << QStringLiteral("Slack/Discord");
        r.warning << QStringLiteral("Slack/Discord");
    }
    if (ch.email) {
        r.critical << QStringLiteral("Email");
        r.warning << QStringLiteral("Email");
    }
    if (r.warning.isEmpty())
        r.warning = r.critical;
    return r;
}

// Who critical alerts and warnings notify, as the Alerts table says it.
Channels alertNotifies(const Inputs &in)
{
    const QString tool = in.a.text("7.6", "on_call_tool");
    const QString pager = in.f.onCall && !tool.isEmpty() ? md(tool) : QStringLiteral("PagerDuty/Opsgenie");
    const Channels routing = alertRouting(in.f, pager);
    return {{routing.critical.isEmpty() ? NotDecided : routing.critical.join(QStringLiteral(", "))},
            {routing.warning.isEmpty() ? NotDecided : routing.warning.join(QStringLiteral(", "))}};
}

void addAlerts(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString tool = a.text("7.6", "on_call_tool");
    const QString pager = in.f.onCall && !tool.isEmpty() ? md(tool) : QStringLiteral("PagerDuty/Opsgenie");
    const Channels notifies = alertNotifies(in);
    const QString critical = notifies.critical.value(0);
    const QString warning = notifies.warning.value(0);
    const QString live = livenessPath(a).isEmpty() ? healthPaths(a).basic : livenessPath(a);

    struct Condition {
        const char *id;
        const char *name;
        QString when;
        bool critical;
    };
    const Condition conditions[] = {
        {"A", "Error rate",
         QStringLiteral("more than %1% of requests fail over 5 minutes")
             .arg(num(a.number("7.6", "error_rate_percent", 1))),
         true},
        {"B", "Response time",
         QStringLiteral("p95 response time above %1 ms for 5 minutes")
             .arg(num(a.number("7.6", "response_time_ms", 1000))),
         false},
        {"C", "5xx errors",
         QStringLiteral("server errors (5xx) well above the usual level, for example 10 in one minute"), true},
        {"D", "Service down", QStringLiteral("`%1` fails 3 checks in a row").arg(live), true},
        {"E", "Database connection failures", QStringLiteral("the service cannot open or keep database connections"),
         true},
        {"F", "Disk space",
         QStringLiteral("more than %1% of a disk is used").arg(num(a.number("7.6", "disk_percent", 80))), false},
        {"G", "Memory usage",
         QStringLiteral("more than %1% of the memory limit for 10 minutes")
             .arg(num(a.number("7.6", "memory_percent", 85))),
         false},
    };
    QVariantList alerts;
    for (const Condition &cond : conditions) {
        if (!a.has("7.6", "conditions", cond.id))
            continue;
        alerts << item({{"ID", QString::fromLatin1(cond.id)},
                        {"NAME", QString::fromLatin1(cond.name)},
                        {"CONDITION", cond.when},
                        {"SEVERITY", cond.critical ? QStringLiteral("Critical") : QStringLiteral("Warning")},
                        {"NOTIFIES", cond.critical ? critical : warning}});
    }
    if (!alerts.isEmpty() && a.flag("7.7.2", "alert_exhaustion").value_or(false))
        alerts << item(
            {{"ID", QStringLiteral("pool")},
             {"NAME", QStringLiteral("Connection pool exhausted")},
             {"CONDITION", QStringLiteral("requests wait for a free database connection for more than 1 minute")},
             {"SEVERITY", QStringLiteral("Warning")},
             {"NOTIFIES", warning}});
    set(c, "ALERTS", alerts);
    set(c, "ALERT_DB", a.has("7.6", "conditions", "E"));
    set(c, "ALERT_DOWN", a.has("7.6", "conditions", "D"));

    const Facts::AlertChannels &ch = in.f.alertChannels;
    QVariantList channels;
    if (ch.email)
        channels << item(
            {{"NAME", QStringLiteral("Email")},
             {"USE", QStringLiteral("every alert, to the team's address (`SMTP_HOST`, `ALERT_EMAIL_TO`)")}});
    if (ch.chat)
        channels << item({{"NAME", QStringLiteral("Slack/Discord")},
                          {"USE", QStringLiteral("every alert, in the alerts channel (`SLACK_WEBHOOK_URL`)")}});
    if (ch.pager)
        channels << item({{"NAME", pager},
                          {"USE",
                           QStringLiteral("critical alerts page the person on call (`%1`)")
                               .arg(tool.contains(QLatin1String("opsgenie"), Qt::CaseInsensitive)
                                        ? QStringLiteral("OPSGENIE_API_KEY")
                                        : QStringLiteral("PAGERDUTY_ROUTING_KEY"))}});
    if (ch.sms)
        channels << item({{"NAME", QStringLiteral("SMS")},
                          {"USE", QStringLiteral("critical alerts only (`SMS_PROVIDER`, `ALERT_SMS_TO`)")}});
    set(c, "ALERT_CHANNELS", channels);
    set(c, "INCIDENT_CHANNEL", ch.chat ? QStringLiteral("the Slack/Discord incident channel") : QString());

    const QString onCall = a.text("7.6", "on_call");
    QString sentence = QStringLiteral("*On-call rotation not decided yet.*");
    if (onCall == QLatin1String("A"))
        sentence =
            QStringLiteral(
                "On-call rotation: **yes**, in %1. Critical alerts page the person on call, who acknowledges within the agreed time or the alert escalates to the next person; the rotation, the escalation policy and handover notes live in %1.")
                .arg(tool.isEmpty() ? QStringLiteral("the paging tool") : md(tool));
    else if (onCall == QLatin1String("B"))
        sentence = QStringLiteral(
            "On-call rotation: **no**. Alerts are watched during business hours; a critical alert at night waits until the next working day, and the service's availability promise must say so.");
    set(c, "ON_CALL_SENTENCE", sentence);
}

// ---- Backup and disaster recovery ------------------------------------------------------------

QString backupMechanism(const Inputs &in, const QString &strategy)
{
    const QString managed = managedDatabase(in);
    const bool manual = strategy == QLatin1String("C");
    if (!managed.isEmpty()) {
        if (manual)
            return QStringLiteral("manual snapshots in %1, taken weekly").arg(managed);
        return QStringLiteral("%1 automated backups with point-in-time recovery").arg(managed);
    }
    const DatabaseKnowledge *db = databaseKnowledge(in.f.database);
    return !db ? QString() : manual ? db->manualBackups : db->automatedBackups;
}

QString restoreHow(const Inputs &in, const QString &strategy)
{
    const QString managed = managedDatabase(in);
    if (!managed.isEmpty())
        return QStringLiteral("a point-in-time restore in %1 creates it").arg(managed);
    if (strategy == QLatin1String("C"))
        return QStringLiteral("load the latest dump into it");
    const DatabaseKnowledge *db = databaseKnowledge(in.f.database);
    return db ? db->automatedRestore : QString();
}

// Says when the chosen backups cannot meet the RPO, instead of letting a target stand that
// the mechanism cannot reach.
QString backupNote(const QString &strategy, std::optional<double> rpo)
{
    if (!rpo)
        return {};
    if (strategy == QLatin1String("A") && *rpo < 1440)
        return QStringLiteral(
                   "Daily snapshots alone could lose up to a day of data: the RPO of %1 relies on point-in-time recovery (continuous transaction-log archiving), which must stay switched on.")
            .arg(minutesText(*rpo));
    if (strategy == QLatin1String("B") && *rpo < 60)
        return QStringLiteral(
                   "Hourly backups can lose up to an hour of data: the RPO of %1 needs point-in-time recovery on top.")
            .arg(minutesText(*rpo));
    if (strategy == QLatin1String("C") && *rpo < 10080)
        return QStringLiteral(
                   "Weekly manual backups can lose up to a week of data: the RPO of %1 is not reachable with them; automate the backups.")
            .arg(minutesText(*rpo));
    return {};
}

void addBackups(QVariantMap &c, const Inputs &in)
{
    const bool database = in.f.database != Facts::Database::None;
    set(c, "NO_DATABASE", !database);
    set(c, "HAS_DATABASE", database);
    const QString strategy = in.a.text("7.7", "strategy");
    set(c, "BACKUP_STRATEGY", chosenLabel(in.a, "7.7", "strategy"));
    const auto retention = in.a.number("7.7", "retention_days");
    set(c, "BACKUP_RETENTION", retention ? plural(*retention, "day", "days") : NotDecided);
    const QString mechanism = backupMechanism(in, strategy);
    set(c, "BACKUP_MECHANISM", strategy.isEmpty() ? NotDecided : mechanism.left(1).toUpper() + mechanism.mid(1));
    const auto rto = in.a.number("7.7", "rto_minutes");
    const auto rpo = in.a.number("7.7", "rpo_minutes");
    set(c, "RTO", rto ? minutesText(*rto) : NotDecided);
    set(c, "RPO", rpo ? minutesText(*rpo) : NotDecided);
    set(c, "BACKUP_NOTE", database ? backupNote(strategy, rpo) : QString());
    set(c, "RESTORE_HOW", restoreHow(in, strategy));
    set(c, "READY_PATH", readyPath(in.a));
}

// ---- Migrations and pooling ------------------------------------------------------------------

void addMigrations(QVariantMap &c, const Inputs &in)
{
    const QString choice = in.a.text("7.7.1", "zero_downtime");
    set(c, "MIGRATIONS_ZERO_DOWNTIME", choice == QLatin1String("A"));
    set(c, "MIGRATIONS_WINDOWS", choice == QLatin1String("B"));
    set(c, "MIGRATIONS_UNDECIDED", choice.isEmpty());
    const QString strategy = in.a.text("7.7.1", "strategy");
    set(c, "MIGRATION_STRATEGY", strategy.isEmpty() ? NotDecided : md(strategy));
    set(c, "MIGRATION_EXPAND_CONTRACT", mentions(strategy, {"expand", "contract"}));
    const QStringList testing = chosenLabels(in.a, "7.7.1", "testing");
    set(c, "MIGRATION_TESTING", testing.isEmpty() ? NotDecided : testing.join(QStringLiteral(", ")));
    const QString rollback = in.a.text("7.7.1", "rollback_plan");
    set(c, "MIGRATION_ROLLBACK",
        rollback.isEmpty() ? QStringLiteral("*Not written yet:* how a failed migration is undone.") : md(rollback));
    const QString time = in.a.text("7.7.1", "window_time");
    set(c, "WINDOW_TIME", time.isEmpty() ? NotDecided : cell(time));
    const auto duration = in.a.number("7.7.1", "window_duration_minutes");
    set(c, "WINDOW_DURATION", duration ? minutesText(*duration) : NotDecided);
    const QString notification = in.a.text("7.7.1", "notification");
    set(c, "WINDOW_NOTIFICATION", notification.isEmpty() ? NotDecided : cell(notification));
}

void addPooling(QVariantMap &c, const Inputs &in)
{
    const QString tool = in.a.text("7.7.2", "pool_tool");
    set(c, "POOL_TOOL", tool.isEmpty() ? NotDecided : md(tool));
    struct Setting {
        const char *name;
        const char *field;
        double fallback;
        bool ms;
        const char *variable;
    };
    static const Setting settings[] = {
        {"Min connections", "min_connections", 2, false, "DB_POOL_MIN"},
        {"Max connections", "max_connections", 10, false, "DB_POOL_MAX"},
        {"Connection timeout", "connection_timeout_ms", 30000, true, "DB_POOL_ACQUIRE_TIMEOUT_MS"},
        {"Idle timeout", "idle_timeout_ms", 600000, true, "DB_POOL_IDLE_TIMEOUT_MS"},
        {"Max lifetime", "max_lifetime_ms", 1800000, true, "DB_POOL_MAX_LIFETIME_MS"},
    };
    QVariantList rows;
    for (const Setting &s : settings) {
        const double value = in.a.number("7.7.2", s.field, s.fallback);
        rows << item({{"NAME", QString::fromLatin1(s.name)},
                      {"VALUE", s.ms ? millisText(value) : num(value)},
                      {"VARIABLE", QString::fromLatin1(s.variable)}});
    }
    set(c, "POOL_SETTINGS", rows);
    const QString max = num(in.a.number("7.7.2", "max_connections", 10));
    set(c, "POOL_SIZING",
        QStringLiteral(
            "Every instance opens up to %1 connections, so instances × %1, plus migrations and admin sessions, must stay below the database's connection limit%2.")
            .arg(max,
                 in.f.scaling == Facts::Scaling::Auto ? QStringLiteral(" (count the autoscaler's maximum)")
                                                      : QString()));
    set(c, "POOL_TRACKING",
        in.a.flag("7.7.2", "track_connections").value_or(false)
            ? QStringLiteral(
                "Active, idle and waiting connections are exported as metrics and shown on the service's dashboard.")
            : QStringLiteral("Active and idle connections are not tracked."));
    set(c, "POOL_ALERT",
        in.a.flag("7.7.2", "alert_exhaustion").value_or(false)
            ? QStringLiteral("An alert fires when requests wait for a free connection (see [Alerts](#alerts)).")
            : QStringLiteral("No alert on pool exhaustion: requests would queue and time out while CPU looks idle."));
}

// ---- Scaling ---------------------------------------------------------------------------------

QStringList scalingPoints(const Inputs &in, const QString &strategy)
{
    QStringList stores;
    if (in.f.cache != Facts::Cache::None)
        stores << cacheName(in.f.cache);
    if (in.f.database != Facts::Database::None)
        stores << QStringLiteral("the database");
    stores << QStringLiteral("object storage");
    const QString stateless =
        QStringLiteral(
            "The service is stateless: sessions, uploads and caches live in shared stores (%1), never on an instance's disk or in its memory.")
            .arg(joinWords(stores));
    if (strategy == QLatin1String("A"))
        return {
            QStringLiteral(
                "A load balancer (%1) spreads traffic over at least two instances, so one can fail or be replaced without an outage.")
                .arg(in.p.loadBalancer),
            stateless, QStringLiteral("Add instances: %1.").arg(in.p.scaleCommand)};
    if (strategy == QLatin1String("B"))
        return {
            QStringLiteral("One bigger instance: more CPU and memory as the load grows."),
            QStringLiteral("Simple, but limited by the largest instance size, and a resize restarts the service."),
            QStringLiteral(
                "A single instance is a single point of failure: every restart is downtime, so keep the Service down runbook at hand.")};
    if (strategy == QLatin1String("C"))
        return {
            QStringLiteral(
                "Instances are added when CPU stays above 70% or requests per instance pass their threshold for 3 minutes, and removed after 10 minutes of low load."),
            QStringLiteral(
                "At least two instances for availability, and a maximum so that a traffic spike or a bug cannot multiply the bill."),
            stateless,
            QStringLiteral("Scale-in uses graceful shutdown, so removing an instance never fails a request.")};
    return {QStringLiteral("*The scaling strategy is not decided yet.*")};
}

void addScaling(QVariantMap &c, const Inputs &in)
{
    const QString strategy = in.a.text("7.8", "strategy");
    const Field *field = in.a.resolver().questionnaire().field(QStringLiteral("7.8"), QStringLiteral("strategy"));
    const Choice *choice = field ? field->choice(strategy) : nullptr;
    set(c, "SCALING_SENTENCE",
        choice ? QStringLiteral("**%1**: %2.").arg(md(choice->label), md(choice->description.toLower()))
               : QStringLiteral("**Not decided yet:** how the service grows."));
    set(c, "SCALING_POINTS", textItems(scalingPoints(in, strategy)));
    set(c, "AUTOSCALING", strategy == QLatin1String("C"));
    set(c, "SCALE_COMMAND", in.p.scaleCommand);

    const auto initial = in.a.number("7.8", "initial_load_rpm");
    const auto year1 = in.a.number("7.8", "year1_load_rpm");
    const double multiplier = in.a.number("7.8", "peak_multiplier", 3);
    const std::optional<double> peak = year1 ? std::optional<double>(*year1 * multiplier) : std::nullopt;
    QVariantList rows;
    const auto row = [&rows](const QString &name, std::optional<double> rpm) {
        rows << item(
            {{"NAME", name}, {"RPM", rpm ? grouped(*rpm) : NotDecided}, {"RPS", rpm ? perSecond(*rpm) : NotDecided}});
    };
    row(QStringLiteral("Initial"), initial);
    row(QStringLiteral("Year 1"), year1);
    row(QStringLiteral("Peak (%1 × year 1)").arg(num(multiplier)), peak);
    set(c, "LOAD_ROWS", rows);
    set(c, "LOAD_KNOWN", initial || year1);
    const QString latency = in.a.has("7.6", "conditions", "B")
        ? QStringLiteral(" within the latency target (p95 under %1 ms)")
              .arg(num(in.a.number("7.6", "response_time_ms", 1000)))
        : QString();
    const bool vertical = strategy == QLatin1String("B");
    set(c, "LOAD_SENTENCE",
        peak && vertical
            ? QStringLiteral(
                  "Capacity is planned for the peak of about %1 requests/second. Load-test the instance to check that it serves the peak%2, and size it up before normal load passes about 70% of what it can take.")
                  .arg(perSecond(*peak), latency)
            : peak
            ? QStringLiteral(
                  "Capacity is planned for the peak of about %1 requests/second. Load-test one instance to find how many requests per second it serves%2; instances needed at peak = %1 ÷ that figure, plus one spare.")
                  .arg(perSecond(*peak), latency)
            : QStringLiteral(
                  "Capacity is planned for the peak (%1 × the year-1 load): set the expected year-1 load in requests/minute to size it.")
                  .arg(num(multiplier)));

    static const QHash<QString, QString> dbScaling = {
        {QStringLiteral("A"),
         QStringLiteral(
             "**Read replicas**: reads that tolerate a little replication lag go to the replicas (`DATABASE_READ_URL`); writes, and reads right after a write, use the primary.")},
        {QStringLiteral("B"),
         QStringLiteral(
             "**Sharding**: data is split across databases by a shard key (for example the tenant ID). Choose the key early: changing it later means moving all the data.")},
        {QStringLiteral("C"),
         QStringLiteral(
             "**Vertical scaling**: a bigger database instance when CPU, memory or IOPS run short. Plan each resize for a quiet hour; it usually means a restart or a failover.")},
        {QStringLiteral("D"),
         QStringLiteral(
             "**Not needed yet**: one database instance carries the expected load. Query time and connection counts (see [Monitoring & Logging](#monitoring--logging)) show the limit coming.")}};
    QString dbSentence = dbScaling.value(in.a.text("7.8", "db_scaling"), QStringLiteral("*Not decided yet.*"));
    if (in.f.database == Facts::Database::None)
        dbSentence = QStringLiteral("Not applicable: the service keeps no database (project settings).");
    set(c, "DB_SCALING_SENTENCE", dbSentence);
}

// ---- Health checks ---------------------------------------------------------------------------

// The keys a check reports under "checks": the questionnaire's ids, typed ones in snake_case.
// A check of a store the project does not have (project settings) is left out.
QStringList healthCheckKeys(const AnswerReader &a, const Facts &f)
{
    const bool redis = f.cache == Facts::Cache::Redis || f.queue == Facts::Queue::Redis;
    QStringList keys;
    for (const QString &check : a.list("7.9", "checks")) {
        if ((check == QLatin1String("database") && f.database == Facts::Database::None)
            || (check == QLatin1String("redis") && !redis)
            || (check == QLatin1String("message_queue") && f.queue == Facts::Queue::None))
            continue;
        QString key = projectSlug(check);
        key.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (!check.trimmed().isEmpty() && !keys.contains(key))
            keys << key;
    }
    return keys;
}

QString healthJson(const QStringList &checks)
{
    QStringList lines = {QStringLiteral("{"), QStringLiteral("  \"status\": \"healthy\","),
                         QStringLiteral("  \"timestamp\": \"2024-01-15T10:30:00Z\",")};
    if (checks.isEmpty()) {
        lines << QStringLiteral("  \"checks\": {},");
    } else {
        lines << QStringLiteral("  \"checks\": {");
        for (qsizetype i = 0; i < checks.size(); ++i)
            lines << QStringLiteral("    \"%1\": \"ok\"%2")
                         .arg(checks.at(i), i + 1 < checks.size() ? QStringLiteral(",") : QString());
        lines << QStringLiteral("  },");
    }
    lines << QStringLiteral("  \"version\": \"1.2.3\"") << QStringLiteral("}");
    return lines.join(QLatin1Char('\n'));
}

// The health endpoints as every section places them. Where a failed load-balancer check also
// replaces the instance (ECS, App Service: rules.json, replacing_probes), the load balancer
// checks the shallow endpoint.
HealthEndpoints placedEndpoints(const Inputs &in)
{
    const bool lbReplaces = RulesKnowledge::builtIn().replacingProbes.value(in.p.id) == QLatin1String("load_balancer");
    return placeHealthEndpoints(in.a.list("7.9", "endpoints"), lbReplaces, in.f.healthPaths);
}

void addHealth(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const bool basic = a.has("7.9", "endpoints", "A");
    const bool ready = a.has("7.9", "endpoints", "B");
    const bool live = a.has("7.9", "endpoints", "C");
    const QStringList keys = healthCheckKeys(a, in.f);
    QStringList shownKeys;
    for (const QString &key : keys)
        shownKeys << code(key);
    const QString checks = keys.isEmpty() ? QStringLiteral("none") : joinWords(shownKeys);
    const bool kubernetes = in.p.family == QLatin1String("kubernetes");
    const bool lbReplaces = RulesKnowledge::builtIn().replacingProbes.value(in.p.id) == QLatin1String("load_balancer");
    const HealthEndpoints placed = placedEndpoints(in);
    const HealthPaths &path = in.f.healthPaths;
    // With no endpoint chosen the example still shows the liveness form.
    const QString checksPath = placed.checks.isEmpty() ? path.live : placed.checks;
    const QString &lbPath = placed.loadBalancer;
    const QString lbUse = lbReplaces ? QStringLiteral(", which routes traffic only to instances that answer 200 and "
                                                      "replaces those that keep failing")
                                     : QStringLiteral(", which routes traffic only to instances that answer 200");
    const auto usedBy = [&](const QString &path, const QString &own) {
        QStringList users;
        if (!own.isEmpty())
            users << own;
        if (path == lbPath)
            users << (users.isEmpty() ? QStringLiteral("The load balancer") : QStringLiteral("the load balancer"))
                    + lbUse;
        if (users.isEmpty())
            users << QStringLiteral("Deploy checks and diagnosis: it names the dependency that fails");
        return users.join(QStringLiteral("; "));
    };

    QVariantList rows;
    if (basic)
        rows << item(
            {{"PATH", path.basic},
             {"PURPOSE", QStringLiteral("Basic liveness: 200 OK while the app is running")},
             {"CHECKS", checksPath == path.basic ? checks : QStringLiteral("none")},
             {"USED_BY",
              usedBy(path.basic,
                     QStringLiteral("Uptime monitoring")
                         + (a.has("7.6", "conditions", "D") && !live ? QStringLiteral(" and the Service down alert")
                                                                     : QString()))}});
    if (ready)
        rows << item({{"PATH", path.ready},
                      {"PURPOSE", QStringLiteral("Readiness: 200 OK only when the app can handle traffic")},
                      {"CHECKS", checks},
                      {"USED_BY", usedBy(path.ready, kubernetes ? QStringLiteral("The readiness probe") : QString())}});
    if (live)
        rows << item({{"PATH", path.live},
                      {"PURPOSE", QStringLiteral("Liveness: 200 OK while the app is alive and not stuck")},
                      {"CHECKS", checksPath == path.live ? checks : QStringLiteral("none: never dependencies")},
                      {"USED_BY",
                       usedBy(path.live,
                              (kubernetes ? QStringLiteral("The liveness probe") : QStringLiteral("The platform"))
                                  + QStringLiteral(", which restarts an instance that fails it")
                                  + (a.has("7.6", "conditions", "D") ? QStringLiteral("; the Service down alert")
                                                                     : QString()))}});
    set(c, "HEALTH_ENDPOINTS", rows);
    set(c, "HEALTH_EXAMPLE_PATH", checksPath);
    set(c, "HEALTH_JSON", healthJson(keys));
    const QString liveness = livenessPath(a);
    set(c, "LIVENESS_PATH", liveness.isEmpty() ? path.basic : liveness);
}

// ---- Graceful shutdown -----------------------------------------------------------------------

QString platformStopSentence(const PlatformProfile &p, double total)
{
    const QString needed = num(std::ceil(total) + 5); // a double: the total may be any JSON number
    const PlatformKnowledge::Stop &stop = p.stop;
    if (stop.fixed) {
        if (total <= stop.defaultSeconds)
            return QStringLiteral(
                       "%1 allows %2 s between SIGTERM and SIGKILL, and that cannot be changed: the total of %3 fits.")
                .arg(stop.actor)
                .arg(stop.defaultSeconds)
                .arg(secondsText(total));
        return QStringLiteral(
                   "%1 allows only %2 s between SIGTERM and SIGKILL, and that cannot be changed: the total of %3 does not fit, so shorten the steps above.")
            .arg(stop.actor)
            .arg(stop.defaultSeconds)
            .arg(secondsText(total));
    }
    if (!stop.setting.isEmpty()) {
        const QString limits = stop.maxSeconds > 0
            ? QStringLiteral("%1 s by default, at most %2 s").arg(stop.defaultSeconds).arg(stop.maxSeconds)
            : QStringLiteral("%1 s by default").arg(stop.defaultSeconds);
        return QStringLiteral(
                   "Between SIGTERM and SIGKILL %1 waits for %2 (%3): set it to at least %4 s, the total plus a margin.")
            .arg(stop.actor, stop.setting, limits)
            .arg(needed);
    }
    return QStringLiteral(
               "The platform must wait at least %1 s between SIGTERM and SIGKILL (the total plus a margin); check its stop timeout.")
        .arg(needed);
}

void addShutdown(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString choice = a.text("7.9.1", "choice");
    set(c, "SHUTDOWN_GRACEFUL", choice == QLatin1String("A"));
    set(c, "SHUTDOWN_DECIDED", !choice.isEmpty());
    const QStringList signalNames = chosenLabels(a, "7.9.1", "signals");
    set(c, "SHUTDOWN_SIGNALS",
        signalNames.isEmpty() ? QStringLiteral("SIGTERM") : signalNames.join(QStringLiteral(" or ")));
    const double total = a.number("7.9.1", "total_timeout_s", 30);
    set(c, "SHUTDOWN_TOTAL", secondsText(total));

    const double grace = a.number("7.9.1", "health_grace_period_s", 5);
    QStringList steps;
    if (grace > 0) {
        steps
            << (placedEndpoints(in).loadBalancer == in.f.healthPaths.ready
                    ? QStringLiteral(
                          "Fail readiness: %1 answers 503 for %2, so the load balancer stops sending new requests before the server stops listening.")
                          .arg(code(in.f.healthPaths.ready), secondsText(grace))
                    : QStringLiteral(
                          "Keep serving for %1 while the platform takes the instance out of the load balancer.")
                          .arg(secondsText(grace)));
    }
    steps << QStringLiteral("Stop accepting new requests: close the listening socket (timeout %1).")
                 .arg(secondsText(a.number("7.9.1", "stop_accepting_timeout_s", 5)));
    steps
        << QStringLiteral(
               "Finish the requests in flight (timeout %1); idle keep-alive connections are closed at once, open ones drain within %2.")
               .arg(secondsText(a.number("7.9.1", "finish_requests_timeout_s", 20)),
                    secondsText(a.number("7.9.1", "drain_timeout_s", 15)));
    if (in.f.database != Facts::Database::None)
        steps << QStringLiteral("Close the database connections: drain and close the pool (timeout %1).")
                     .arg(secondsText(a.number("7.9.1", "db_close_timeout_s", 5)));
    if (a.flag("7.9.1", "close_other_connections").value_or(false)) {
        QStringList others;
        if (in.f.cache != Facts::Cache::None)
            others << cacheName(in.f.cache);
        if (in.f.queue != Facts::Queue::None && in.f.queue != Facts::Queue::Redis)
            others << queueName(in.f.queue)
                    + QStringLiteral(" (stop consuming first, so no message is half-processed)");
        others << QStringLiteral("outbound HTTP clients");
        steps << QStringLiteral("Close the other connections: %1.").arg(joinWords(others));
    }
    steps
        << QStringLiteral(
               "Exit with status 0. When the total timeout of %1 runs out first, log what was still running and exit with status 1.")
               .arg(secondsText(total));
    set(c, "SHUTDOWN_STEPS", textItems(steps));
    set(c, "SHUTDOWN_PLATFORM", platformStopSentence(in.p, total));
}

// ---- Circuit breakers and retries ------------------------------------------------------------

QString fallbackText(const QString &fallback, const Facts &f)
{
    if (fallback == QLatin1String("A"))
        return f.cache == Facts::Cache::None
            ? QStringLiteral(
                "Serve the last good response, marked as possibly stale; this needs a cache of those responses.")
            : QStringLiteral("Serve the last good response from %1, marked as possibly stale.").arg(cacheName(f.cache));
    if (fallback == QLatin1String("B"))
        return QStringLiteral(
            "Answer with a safe default or an empty result, so the rest of the response still works.");
    if (fallback == QLatin1String("C"))
        return QStringLiteral("Call a secondary provider or replica that offers the same function.");
    if (fallback == QLatin1String("D"))
        return QStringLiteral(
            "Fail fast with a clear error (503 with `Retry-After`) instead of waiting for the timeout.");
    return {};
}

void addCircuitBreakers(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString choice = a.text("7.9.2", "choice");
    set(c, "CIRCUIT_BREAKER", choice == QLatin1String("A"));
    set(c, "CB_DECIDED", !choice.isEmpty());
    const QString tool = a.text("7.9.2", "tool");
    const double failure = a.number("7.9.2", "failure_threshold_percent", 50);
    const QVariantList settings = {
        item({{"NAME", QStringLiteral("Tool")},
              {"VALUE", tool.isEmpty() ? QStringLiteral("the stack's resilience library") : md(tool)}}),
        item({{"NAME", QStringLiteral("Failure threshold")},
              {"VALUE",
               QStringLiteral("%1%: the circuit opens when this share of recent calls fails").arg(num(failure))}}),
        item({{"NAME", QStringLiteral("Success threshold")},
              {"VALUE",
               QStringLiteral("%1%: the circuit closes when this share of trial calls succeeds")
                   .arg(num(a.number("7.9.2", "success_threshold_percent", 80)))}}),
        item({{"NAME", QStringLiteral("Call timeout")},
              {"VALUE",
               QStringLiteral("%1: a slower call counts as a failure")
                   .arg(millisText(a.number("7.9.2", "timeout_ms", 5000)))}}),
        item({{"NAME", QStringLiteral("Half-open trial calls")},
              {"VALUE",
               QStringLiteral("%1, to test whether the dependency recovered")
                   .arg(num(a.number("7.9.2", "half_open_retries", 3)))}}),
        item({{"NAME", QStringLiteral("Reset timeout")},
              {"VALUE",
               QStringLiteral("%1: how long the circuit stays open before the trial calls")
                   .arg(secondsText(a.number("7.9.2", "reset_timeout_s", 30)))}}),
    };
    set(c, "CB_SETTINGS", settings);
    const QString fallback = a.text("7.9.2", "fallback");
    set(c, "CB_FALLBACK", chosenLabel(a, "7.9.2", "fallback"));
    set(c, "CB_FALLBACK_TEXT", fallbackText(fallback, in.f));

    QVariantList services;
    for (const QVariantMap &row : a.rows("7.9.2", "services")) {
        const QString name = row.value(QStringLiteral("service_name")).toString().trimmed();
        if (name.isEmpty())
            continue;
        bool ok = false;
        const double threshold = row.value(QStringLiteral("failure_threshold")).toDouble(&ok);
        const QString strategy = row.value(QStringLiteral("fallback_strategy")).toString().trimmed();
        services << item(
            {{"SERVICE_NAME", md(name)},
             {"FAILURE_THRESHOLD", num(ok ? threshold : failure)},
             {"FALLBACK_STRATEGY", strategy.isEmpty() ? chosenLabel(a, "7.9.2", "fallback") : md(strategy)}});
    }
    set(c, "SERVICE_TO_PROTECT", services);
}

QString cellNumber(const QVariant &value, const char *unit)
{
    bool ok = false;
    const double n = value.toDouble(&ok);
    if (!ok || value.toString().trimmed().isEmpty())
        return QStringLiteral("—");
    return num(n) + QLatin1String(unit);
}

void addRetries(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    QVariantList policies;
    for (const QVariantMap &row : a.rows("7.9.3", "policies")) {
        const QString service = row.value(QStringLiteral("service")).toString();
        if (service.trimmed().isEmpty())
            continue;
        const QString backoff = row.value(QStringLiteral("backoff")).toString();
        const QString notes = row.value(QStringLiteral("notes")).toString();
        policies << item({{"SERVICE", cell(service)},
                          {"TIMEOUT", cellNumber(row.value(QStringLiteral("timeout_ms")), " ms")},
                          {"RETRIES", cellNumber(row.value(QStringLiteral("retries")), "")},
                          {"BACKOFF", backoff.trimmed().isEmpty() ? QStringLiteral("—") : cell(backoff)},
                          {"NOTES", notes.trimmed().isEmpty() ? QStringLiteral("—") : cell(notes)}});
    }
    set(c, "RETRY_POLICIES", policies);
    const double timeout = a.number("7.9.3", "default_http_timeout_ms", 10000);
    const double retries = a.number("7.9.3", "default_retries", 2);
    set(c, "DEFAULT_TIMEOUT", millisText(timeout));
    set(c, "DEFAULT_RETRIES", num(retries));
    const QString backoff = a.text("7.9.3", "default_backoff");
    set(c, "DEFAULT_BACKOFF",
        backoff == QLatin1String("exponential") ? QStringLiteral("exponential, with jitter")
            : backoff == QLatin1String("fixed") ? QStringLiteral("fixed")
            : backoff == QLatin1String("none")  ? QStringLiteral("none (retry at once)")
                                                : NotDecided);
    set(c, "RETRY_WORST_CASE",
        QStringLiteral(
            "With these defaults one call can take up to (%1 + 1) × %2 = %3 before it fails, plus the waits between attempts; a request that depends on such a call needs a longer timeout of its own.")
            .arg(num(retries), num(timeout) + QStringLiteral(" ms"), secondsText((retries + 1) * timeout / 1000)));
    set(c, "NON_RETRYABLE", textItems(chosenLabels(a, "7.9.3", "non_retryable")));
}

// ---- Request logging -------------------------------------------------------------------------

void addRequestLogging(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    QVariantList levels;
    for (const QVariantMap &row : a.rows("7.9.4", "log_levels")) {
        const QString environment = row.value(QStringLiteral("environment")).toString();
        if (environment.trimmed().isEmpty())
            continue;
        const auto value = [&row](const char *key) {
            const QString v = row.value(QString::fromLatin1(key)).toString();
            return v.trimmed().isEmpty() ? QStringLiteral("—") : cell(v);
        };
        levels << item({{"ENVIRONMENT", cell(environment)},
                        {"LEVEL", value("level")},
                        {"BODY", value("body_logging")},
                        {"PERFORMANCE", value("performance_logging")}});
    }
    set(c, "LOG_LEVELS", levels);
    const QStringList request = chosenLabels(a, "7.9.4", "request_logging");
    const QStringList response = chosenLabels(a, "7.9.4", "response_logging");
    set(c, "REQUEST_FIELDS", request.isEmpty() ? QStringLiteral("nothing") : request.join(QStringLiteral("; ")));
    set(c, "RESPONSE_FIELDS", response.isEmpty() ? QStringLiteral("nothing") : response.join(QStringLiteral("; ")));
    set(c, "LOGS_BODIES", a.has("7.9.4", "request_logging", "body") || a.has("7.9.4", "response_logging", "body"));
    QVariantList masking;
    for (const QVariantMap &row : a.rows("7.9.4", "masking")) {
        const QString pattern = row.value(QStringLiteral("pattern")).toString();
        if (pattern.trimmed().isEmpty())
            continue;
        const QString strategy = row.value(QStringLiteral("strategy")).toString();
        masking << item(
            {{"PATTERN", cell(pattern)},
             {"STRATEGY", strategy.trimmed().isEmpty() ? QStringLiteral("Completely redact") : cell(strategy)}});
    }
    set(c, "MASKING", masking);
    set(c, "LOG_FORMAT", chosenLabel(a, "7.9.4", "log_format"));
    const QString aggregation = a.text("7.9.4", "log_aggregation");
    set(c, "LOG_AGGREGATION",
        aggregation == QLatin1String("A") ? QStringLiteral("Centralized (%1)").arg(logStackName(in.f))
                                          : chosenLabel(a, "7.9.4", "log_aggregation"));
}

// ---- Documentation, runbooks, API documentation ----------------------------------------------

void addDocumentation(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString create = a.text("7.10", "create");
    static const QHash<QString, QString> sentences = {
        {QStringLiteral("A"), QStringLiteral("All operational documentation is planned.")},
        {QStringLiteral("B"), QStringLiteral("Critical documentation only: the deployment guide and the runbooks.")},
        {QStringLiteral("C"),
         QStringLiteral(
             "**Later:** the team starts without operational documentation; the runbooks and diagrams are written once the service runs.")}};
    set(c, "DOCS_SENTENCE",
        sentences.value(create, QStringLiteral("**Not decided yet:** which operational documents are created.")));

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

void addApiDocs(QVariantMap &c, const Inputs &in)
{
    const AnswerReader &a = in.a;
    const QString strategy = a.text("7.10", "api_docs");
    const QString tool = Knowledge::builtIn().runtime(a.context("runtime")).openapi;
    QStringList points;
    QString sentence;
    if (strategy == QLatin1String("A")) {
        sentence = QStringLiteral(
            "**Code-First**: the OpenAPI document is generated from the code (annotations and types), so it is always in sync with what runs.");
        points
            << QStringLiteral("Tooling: %1.").arg(tool)
            << QStringLiteral(
                   "Served as `/openapi.json` with interactive docs at `/docs` in %1; in production behind authentication or switched off.")
                   .arg(hasStaging(a) ? QStringLiteral("development and staging") : QStringLiteral("development"))
            << QStringLiteral(
                   "The pipeline exports the document and fails on breaking changes (for example with oasdiff) unless the change is deliberate.");
    } else if (strategy == QLatin1String("B")) {
        sentence = QStringLiteral(
            "**Design-First**: `openapi.yaml` in the repository is the contract, written and reviewed before the code.");
        points << QStringLiteral(
            "The pipeline lints the contract (Spectral) and tests the service against it, so code and contract cannot drift.")
               << QStringLiteral("Server stubs and clients are generated from it (openapi-generator).")
               << QStringLiteral(
                      "Suits larger teams and external consumers: changes are agreed in the contract's pull request.");
    } else if (strategy == QLatin1String("C")) {
        sentence = QStringLiteral("**Manual**: the API is described in Markdown under `docs/api/`.");
        points << QStringLiteral(
            "Every pull request that changes an endpoint updates the docs in the same pull request; reviewers check it.")
               << QStringLiteral(
                      "Manual docs drift from the code over time (not recommended); moving to Code-First removes that work.");
    } else {
        sentence = QStringLiteral("**Not decided yet:** how the API is documented.");
    }
    if (!planned(a, "D") && !strategy.isEmpty())
        points << QStringLiteral("Not planned yet: see [Documentation Plan](#documentation-plan).");
    set(c, "API_DOCS_SENTENCE", sentence);
    set(c, "API_DOCS_POINTS", textItems(points));
}

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

// ---- Configuration ---------------------------------------------------------------------------

QString orDash(const QString &code)
{
    return code.isEmpty() ? QStringLiteral("—") : code;
}

void addEnvGroups(QVariantMap &c, const QList<EnvVar> &catalog)
{
    QVariantList groups;
    for (const QString &group : envGroupOrder()) {
        QVariantList vars;
        for (const EnvVar &v : catalog) {
            if (v.group != group || v.deploymentOnly)
                continue;
            const QString description = v.secret ? v.description + QStringLiteral(" Secret.") : v.description;
            vars << item(
                {{"NAME", v.name},
                 {"REQUIRED", v.required ? QStringLiteral("Yes") : QStringLiteral("No")},
                 {"REQUIRED_TAG", v.required ? QStringLiteral("REQUIRED") : QStringLiteral("OPTIONAL")},
                 {"TYPE", cell(v.type)},
                 {"EXAMPLE_CELL", orDash(escape::inlineCode(v.example, escape::CodeContext::TableCell))},
                 {"DEFAULT_CELL", orDash(escape::inlineCode(v.defaultValue, escape::CodeContext::TableCell))},
                 {"DESCRIPTION_CELL", cell(description)},
                 {"DESCRIPTION_ENV",
                  escape::envComment(v.defaultValue.isEmpty()
                                         ? description
                                         : QStringLiteral("%1 Default: %2.").arg(description, v.defaultValue))},
                 {"VALUE_ENV", escape::envValue(v.example)}});
        }
        if (!vars.isEmpty())
            groups << item({{"TITLE", group}, {"NOTE", QString()}, {"VARS", vars}});
    }
    set(c, "ENV_GROUPS", groups);

    QVariantList deployment;
    for (const EnvVar &v : catalog) {
        if (v.deploymentOnly)
            deployment << item({{"NAME", v.name},
                                {"SECRET", v.secret ? QStringLiteral("Yes") : QStringLiteral("No")},
                                {"TYPE", cell(v.type)},
                                {"EXAMPLE_CELL", orDash(escape::inlineCode(v.example, escape::CodeContext::TableCell))},
                                {"DESCRIPTION_CELL", cell(v.description)}});
    }
    set(c, "DEPLOYMENT_SECRETS", deployment);
}

QString productionReplicas(const Inputs &in)
{
    const QString strategy = in.a.text("7.8", "strategy");
    QString replicas = strategy == QLatin1String("A") ? QStringLiteral("2 or more")
        : strategy == QLatin1String("B")              ? QStringLiteral("1, sized up as load grows")
        : strategy == QLatin1String("C")              ? QStringLiteral("2 to the autoscaler's maximum")
        : in.a.skipped("7.8")                         ? QStringLiteral("TBD")
                                                      : NotDecided;
    if (in.a.text("7.4.1", "strategy") == QLatin1String("B"))
        replicas += QStringLiteral(", twice during a blue-green release");
    return replicas;
}

void addEnvironmentSettings(QVariantMap &c, const Inputs &in)
{
    const bool bodyLogging = !in.a.rows("7.9.4", "log_levels").isEmpty();
    const QString store = secretsStoreInConfiguration(in);
    QVariantList rows;
    for (const Environment &e : environments(in.a)) {
        const bool dev = e.appEnv == QLatin1String("development");
        const QString level = environmentLogSetting(in.a, e.name, LogSetting::Level);
        const QString body = environmentLogSetting(in.a, e.name, LogSetting::BodyLogging);
        QString replicas = QStringLiteral("1");
        if (e.appEnv == QLatin1String("production"))
            replicas = productionReplicas(in);
        rows << item({{"NAME", e.name},
                      {"APP_ENV", e.appEnv},
                      {"LOG_LEVEL", level},
                      {"BODY", bodyLogging ? code(body) : QStringLiteral("—")},
                      {"DEBUG", dev ? QStringLiteral("On") : QStringLiteral("Off")},
                      {"REPLICAS", replicas},
                      {"SECRETS",
                       dev                                     ? QStringLiteral("`.env`")
                           : e.appEnv == QLatin1String("test") ? QStringLiteral("CI secrets")
                                                               : store}});
    }
    set(c, "ENVIRONMENT_SETTINGS", rows);
    set(c, "ENVIRONMENT_SETTINGS_NOTE",
        in.a.skipped("7.8")
            ? QStringLiteral(
                "Production replicas are TBD until the scaling strategy is decided (Production-Ready scope). Debug output (stack traces in responses, verbose framework logs) is only ever on in development.")
            : QStringLiteral(
                "Replicas follow the [scaling strategy](../docs/operations.md#scaling-strategy). Debug output (stack traces in responses, verbose framework logs) is only ever on in development."));
}

void addSecrets(QVariantMap &c, const Inputs &in, const QList<EnvVar> &catalog)
{
    const QString store = secretsStoreInConfiguration(in);
    const bool service = in.a.has("7.3", "env_config", "B");
    set(c, "SECRETS_SENTENCE",
        service
            ? QStringLiteral(
                  "Secrets live in **%1**: deployed environments read them at start-up, and nobody copies them by hand or pastes them into chat.")
                  .arg(store)
            : QStringLiteral(
                  "Deployed environments keep their secrets in **%1**; locally they sit in `.env`, which is never committed.")
                  .arg(store));
    QVariantList rows;
    for (const EnvVar &v : catalog) {
        if (v.secret && !v.deploymentOnly)
            rows << item(
                {{"NAME", v.name}, {"LOCAL", QStringLiteral("`.env`, a development value")}, {"DEPLOYED", store}});
    }
    set(c, "SECRETS", rows);
}

void addFeatureFlags(QVariantMap &c, const Inputs &in)
{
    set(c, "FEATURE_FLAGS", usesFeatureFlags(in.a));
    set(c, "FLAGS_FOR_RELEASES", in.a.text("7.4.1", "strategy") == QLatin1String("D"));
}

// What the Enterprise sections reuse from the others, in the same words.
void addEnterpriseSections(QVariantMap &c, const Inputs &in)
{
    EnterpriseInputs e(in.a, Knowledge::builtIn().reliability());
    e.enterprise = in.a.resolver().answers().scope == Scope::Enterprise;
    e.loadBalancer = in.p.loadBalancer;
    e.apmName = apmName(in.f, in.p);
    const Channels notifies = alertNotifies(in);
    e.criticalNotifies = notifies.critical.value(0);
    e.warningNotifies = notifies.warning.value(0);
    if (in.f.database != Facts::Database::None) {
        const QString managed = managedDatabase(in);
        e.database = managed.isEmpty() ? engineName(in.f.database)
                                       : QStringLiteral("%1 (%2)").arg(engineName(in.f.database), managed);
    }
    e.cache = cacheName(in.f.cache);
    e.queue = queueName(in.f.queue);
    e.healthChecks = healthCheckKeys(in.a, in.f);
    e.endpoints = placedEndpoints(in);
    addEnterprise(c, e);

    ResilienceInputs r(in.a);
    r.enterprise = e.enterprise;
    r.platform = in.p.id.isEmpty() ? nullptr : Knowledge::builtIn().platform(in.p.id);
    r.failoverLabel = chosenLabel(in.a, "7.1", "failover");
    if (const DatabaseKnowledge *db = databaseKnowledge(in.f.database)) {
        r.databaseEngine = db->name;
        r.database = e.database;
        const QString key = managedKey(in.f, in.p.id);
        r.databaseEncryption = db->encryptionAtRest.value(key.isEmpty() ? QStringLiteral("self_hosted") : key);
        r.backupsKeptIn = backupMechanism(in, in.a.text("7.7", "strategy"));
    }
    r.logsKeptIn = in.f.logStack == Facts::LogStack::Console ? in.p.logs : logStackName(in.f);
    r.tracesKeptIn = in.f.apm == Facts::Apm::None ? QString() : apmName(in.f, in.p);
    addResilience(c, r);
}

} // namespace

QString markdownUserText(const QString &text)
{
    return md(text);
}

QString markdownUserCell(const QString &text)
{
    return cell(text);
}

// What the Operating Commands section needs besides the commands themselves.
OperatingCommandsFacts operatingCommandsFacts(const Inputs &in)
{
    OperatingCommandsFacts f;
    f.platformName = in.p.id.isEmpty() ? QString() : Knowledge::builtIn().platform(in.p.id)->name;
    f.strategyName = chosenLabel(in.a, "7.4.1", "strategy");
    f.unknownDeployTool = md(in.cmd.unknownDeployTool());
    f.unknownMigrationTool = md(in.cmd.unknownMigrationTool());
    f.database = in.f.database != Facts::Database::None;
    f.backupsDecided = in.f.backups;
    f.manualBackups = in.a.text("7.7", "strategy") == QLatin1String("C");
    f.migrationsAsked = in.f.database != Facts::Database::None && !in.a.skipped("7.7.1");
    f.backupMechanism = backupMechanism(in, in.a.text("7.7", "strategy"));
    return f;
}

QList<Diagram> plannedDiagrams(const Resolver &answers, const DeploymentFacts &facts)
{
    const AnswerReader a(answers);
    if (!planned(a, "C"))
        return {};
    struct Kind {
        const char *id;
        const char *title;
        QString (*build)(const DeploymentFacts &);
    };
    static const Kind kinds[] = {
        {"system_architecture", "System Architecture", systemArchitectureDiagram},
        {"data_flow", "Data Flow", dataFlowDiagram},
        {"infrastructure", "Infrastructure", infrastructureDiagram},
        {"monitoring", "Monitoring & Observability", monitoringDiagram},
    };
    QList<Diagram> out;
    for (const Kind &k : kinds) {
        if (a.has("7.10", "diagrams", k.id))
            out.append({QString::fromLatin1(k.id), QString::fromLatin1(k.title), k.build(facts)});
    }
    return out;
}

QVariantMap templateContext(const Resolver &answers, const DeploymentFacts &facts, const QList<EnvVar> &catalog,
                            const QList<Diagram> &diagrams)
{
    const AnswerReader a(answers);
    const QString slug = projectSlug(facts.projectName);
    const PlatformMatch match = platformMatch(a);
    const OperatingCommands commands =
        OperatingCommands::resolve(Knowledge::builtIn(), commandInputs(a, facts, match, slug));
    const PlatformProfile profile = platformProfile(match, facts, slug, commands);
    const Inputs in{a, facts, profile, commands, slug};

    QVariantMap c;
    addHeader(c, in);
    addDefaultsUsed(c, in);
    addPlatform(c, in);
    addContainers(c, in);
    addEnvironments(c, in);
    addCi(c, in);
    addOperatingCommands(c, commands, operatingCommandsFacts(in));
    addLocalCommands(c, a.facts().context(QStringLiteral("install_command")),
                     a.facts().context(QStringLiteral("start_command")), commands);
    addStrategy(c, in);
    addMonitoring(c, in, catalog);
    addAlerts(c, in);
    addBackups(c, in);
    addMigrations(c, in);
    addPooling(c, in);
    addScaling(c, in);
    addHealth(c, in);
    addShutdown(c, in);
    addCircuitBreakers(c, in);
    addRetries(c, in);
    addRequestLogging(c, in);
    addDocumentation(c, in);
    addRunbooks(c, in);
    addEnterpriseSections(c, in);
    addApiDocs(c, in);
    addDiagrams(c, in, diagrams);
    addEnvGroups(c, catalog);
    addEnvironmentSettings(c, in);
    addSecrets(c, in, catalog);
    addFeatureFlags(c, in);
    return c;
}

} // namespace opsflow
