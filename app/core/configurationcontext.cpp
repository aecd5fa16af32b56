// Template values of the Environments section and configuration.md: variables, settings, secrets, flags.
#include "templatecontextparts.h"

#include "envcatalog.h"
#include "escaping.h"

#include <algorithm>

namespace opsflow::contextparts {

// ---- Environments ----------------------------------------------------------------------------

namespace {

// The configuration files never repeat typed text (a pasted secret must not reach them): a
// store or flag service OpsFlow does not know is pointed at, not named.
QString secretsStoreInConfiguration(const Inputs &in)
{
    if (!in.a.has("7.3", "env_config", "B"))
        return in.p.secrets;
    const ServiceKnowledge *store =
        Knowledge::builtIn().secretsStore(in.a.text("7.3", "secrets_store"), publicCloudId(in.f));
    return store ? store->name
                 : QStringLiteral("the secrets store named in [Environments](../docs/operations.md#environments)");
}

// Flags come from the environment strategy (7.3) or are how releases roll out (7.4.1).
bool usesFeatureFlags(const AnswerReader &a)
{
    return a.has("7.3", "env_config", "C") || a.text("7.4.1", "strategy") == QLatin1String("D");
}

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

} // namespace

// The store named in 7.3 (by its knowledge name, or as typed when OpsFlow does not know it),
// else the one assumed on the platform's cloud.
QString secretsStore(const Inputs &in)
{
    if (!in.a.has("7.3", "env_config", "B"))
        return in.p.secrets;
    const QString typed = in.a.text("7.3", "secrets_store");
    const ServiceKnowledge *store = Knowledge::builtIn().secretsStore(typed, publicCloudId(in.f));
    return store ? store->name : md(typed);
}

// The flag service named in 7.3, as secretsStore() names a store; unnamed, the general wording.
QString flagProvider(const AnswerReader &a)
{
    const QString typed = a.text("7.3", "flag_service");
    const ServiceKnowledge *flags = Knowledge::builtIn().flagService(typed);
    return flags ? flags->name : md(typed);
}

QString flagProviderInConfiguration(const AnswerReader &a)
{
    const ServiceKnowledge *flags = Knowledge::builtIn().flagService(a.text("7.3", "flag_service"));
    return flags ? flags->name
                 : QStringLiteral("the flag service named in [Environments](../docs/operations.md#environments)");
}

bool hasStaging(const AnswerReader &a)
{
    const QList<Environment> envs = environments(a);
    return std::any_of(envs.begin(), envs.end(),
                       [](const Environment &e) { return e.appEnv == QLatin1String("staging"); });
}

void addEnvironments(QVariantMap &c, const Inputs &in)
{
    const QList<Environment> envs = environments(in.a);
    QStringList names;
    for (const Environment &e : envs)
        names << e.name;
    set(c, "ENVIRONMENT_NAMES", joinWords(names));

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

// ---- Configuration ---------------------------------------------------------------------------

namespace {

QString orDash(const QString &code)
{
    return code.isEmpty() ? QStringLiteral("—") : code;
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

} // namespace

void addEnvGroups(QVariantMap &c, const QList<EnvVar> &catalog)
{
    QVariantList groups;
    // The same variables in one list each for the required and the optional ones, in the
    // groups' order: what ai-flow's own templates iterate (REQUIRED_VAR, OPTIONAL_VAR).
    QVariantList required;
    QVariantList optional;
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
            (v.required ? required : optional).append(vars.constLast());
        }
        if (!vars.isEmpty())
            groups << item({{"TITLE", group}, {"NOTE", QString()}, {"VARS", vars}});
    }
    set(c, "ENV_GROUPS", groups);
    set(c, "ENV_REQUIRED", required);
    set(c, "ENV_OPTIONAL", optional);

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
    set(c, "SECRETS_STORE_CONFIGURATION", store);
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

} // namespace opsflow::contextparts
