// Template values of the header, the defaults used and Deployment Environment; the platform profile.
#include "templatecontextparts.h"

#include "answerset.h"
#include "defaultsused.h"
#include "escaping.h"
#include "operatingcommands.h"
#include "questionnaire.h"
#include "reportedvalue.h"
#include "resiliencecontext.h"

namespace opsflow::contextparts {

// ---- Platform profile ------------------------------------------------------------------------

namespace {

QString withSlug(QString text, const QString &slug)
{
    return text.replace(QLatin1String("{slug}"), slug);
}

} // namespace

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
    p.scaleLabel = withSlug(k->scaleLabel, slug);
    p.databaseFile = withSlug(k->databaseFile, slug);
    p.autoscaling = withSlug(k->autoscaling, slug);
    p.perRequest = k->perRequest;
    p.shutdown = withSlug(k->shutdown, slug);
    p.release = withSlug(k->release, slug);
    p.healthCheck = withSlug(k->healthCheck, slug);
    p.stop = k->stop;
    return p;
}

// ---- Header and deployment environment -------------------------------------------------------

namespace {

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

// A default the documents set aside for an answer that contradicts it is not a value they
// use, so no Defaults line lists it: 7.9.4's recommended log format and aggregation where 7.5
// answers basic console logs (loggingDetail).
bool setAside(const Inputs &in, const QString &questionId, const QString &fieldId)
{
    if (questionId == QLatin1String("7.9.4")
        && (fieldId == QLatin1String("log_format") || fieldId == QLatin1String("log_aggregation")))
        return loggingDetail(in.a, fieldId.toLatin1().constData()).isEmpty();
    // Where the platform starts instances per request there is no shutdown sequence: 7.9.1's
    // choice and timeouts are not used (Graceful Shutdown says why).
    if (questionId == QLatin1String("7.9.1"))
        return in.p.perRequest;
    return false;
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

} // namespace

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
    // The answers no one gave that the project's files show (Smart Auto-Suggest).
    const QList<DefaultedValue> detectedFields = detectedAnswers(facts, q.questions());
    set(c, "DETECTED_ANSWERS",
        detectedFields.isEmpty() ? QVariantList() : QVariantList{item({{"VALUES", defaultsLine(detectedFields)}})});
    for (const Question &question : q.questions()) {
        QList<DefaultedValue> values = defaultedValues(facts, question);
        const qsizetype setAsideCount =
            values.removeIf([&](const DefaultedValue &v) { return setAside(in, question.id, v.fieldId); });
        count += values.size();
        values.removeIf([&question](const DefaultedValue &v) { return shownInResilience(question.id, v.fieldId); });
        const QString text = defaultsLine(values);
        QVariantList line;
        if (!text.isEmpty())
            line.append(item({{"ALL", setAsideCount == 0 && allValuesDefaulted(facts, question)}, {"VALUES", text}}));
        const QByteArray key = "DEFAULTS_" + question.id.toLatin1().replace('.', '_');
        set(c, key.constData(), line);
    }
    set(c, "DEFAULTS_ANY", count > 0);
    set(c, "DEFAULTS_COUNT", double(count));
}

void addPlatform(QVariantMap &c, const Inputs &in)
{
    // The platform as the Deployment Environment section names it: what the user typed, or
    // the family; the family is added where the typed name does not say it ("EKS, AWS").
    const QString choice = in.a.text("7.1", "choice");
    const QString named = md(in.f.platformName);
    const QString family = familyName(in.f.platform);
    const bool unnamedPaas = named.isEmpty() && choice == QLatin1String("B");
    set(c, "PLATFORM_PROVIDER_UNNAMED", unnamedPaas);
    set(c, "PLATFORM_TITLE", choice.isEmpty() || unnamedPaas ? QString() : named.isEmpty() ? family : named);
    set(c, "PLATFORM_FAMILY", family);
    set(c, "PLATFORM_FAMILY_ADDED",
        !named.isEmpty() && (choice == QLatin1String("A") || choice == QLatin1String("D"))
            && !named.contains(family, Qt::CaseInsensitive));
    set(c, "PLATFORM_WHY", md(in.a.text("7.1", "why")));
    set(c, "PLATFORM_COMPUTE", in.p.compute);
    set(c, "PLATFORM_COMPUTE_TEXT", in.p.compute);
    set(c, "PLATFORM_REGISTRY", in.p.registry);
    set(c, "PLATFORM_LB", in.p.loadBalancer);
    set(c, "PLATFORM_PER_REQUEST", in.p.perRequest);
    set(c, "PLATFORM_SCALE_LABEL", in.p.scaleLabel);
    set(c, "PLATFORM_DATABASE_FILE", in.p.databaseFile);
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

} // namespace opsflow::contextparts
