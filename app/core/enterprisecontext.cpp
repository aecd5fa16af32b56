// Template values of Enterprise scope's reliability parts (see enterprisecontext.h).
#include "enterprisecontext.h"

#include "escaping.h"
#include "knowledge.h"
#include "knowledgefile.h"
#include "templatecontext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QVariantList>

#include <cmath>

namespace opsflow {

namespace {

const QString NotDecided = QStringLiteral("*not decided yet*");

void set(QVariantMap &c, const char *key, const QVariant &value)
{
    c.insert(QString::fromLatin1(key), value);
}

// Budgets and rates are shown rounded: 100 − 99.9 is 0.0999999… in binary floating point.
QString rounded(double value, int decimals = 2)
{
    const double scale = std::pow(10.0, decimals);
    return QLocale::c().toString(std::round(value * scale) / scale, 'g', 15);
}

// 43.2 → "43.2 minutes", 60 → "1 hour", 432 → "7.2 hours", 7200 → "5 days": a budget is read,
// not copied.
QString durationText(double minutes)
{
    if (minutes >= 2 * 1440)
        return rounded(minutes / 1440, 1) + QStringLiteral(" days");
    if (minutes >= 60 && std::fmod(minutes, 60) == 0)
        return rounded(minutes / 60) + (minutes == 60 ? QStringLiteral(" hour") : QStringLiteral(" hours"));
    if (minutes >= 120)
        return rounded(minutes / 60, 1) + QStringLiteral(" hours");
    return rounded(minutes) + (minutes == 1 ? QStringLiteral(" minute") : QStringLiteral(" minutes"));
}

// ---- Service level objectives ------------------------------------------------------------------

struct Target {
    double percent = 0;
    bool defaulted = false; // no answer gave it: reliability.json's default
};

Target availabilityTarget(const EnterpriseInputs &in)
{
    if (const auto answered = in.answers.number("7.6", "slo_availability_percent"))
        return {*answered, false};
    return {in.reliability.availabilityPercent, true};
}

void addObjectives(QVariantMap &c, const EnterpriseInputs &in)
{
    const Target target = availabilityTarget(in);
    const int days = in.reliability.windowDays;
    set(c, "SLO_TARGET", rounded(target.percent, 3) + QLatin1Char('%'));
    set(c, "SLO_WINDOW", QStringLiteral("%1 days").arg(days));
    set(c, "SLO_BUDGET", durationText(errorBudgetMinutes(target.percent, days)));
    set(c, "SLO_BUDGET_SHARE", rounded(100 - target.percent, 3) + QLatin1Char('%'));
    set(c, "SLO_LB", in.loadBalancer);
    set(c, "SLO_APM", in.apmName);
    set(c, "SLO_AVAILABILITY_TRACKED", in.answers.has("7.5", "metrics", "error_rate"));
    set(c, "SLO_LATENCY_TRACKED", in.answers.has("7.5", "metrics", "response_time"));
    // The latency objective is the 7.6 response-time threshold: the alert and the objective
    // must agree, or one of them is wrong.
    const auto latency = in.answers.number("7.6", "response_time_ms");
    set(c, "SLO_LATENCY", latency ? QLocale::c().toString(*latency, 'g', 15) + QStringLiteral(" ms") : QString());

    QVariantList defaults;
    if (target.defaulted)
        defaults << QVariantMap{
            {QStringLiteral("VALUES"),
             QStringLiteral("Availability target (SLO): %1 (OpsFlow's default: %2)")
                 .arg(rounded(target.percent, 3) + QLatin1Char('%'), escape::markdownText(in.reliability.source))}};
    set(c, "DEFAULTS_SLO", defaults);
    set(c, "SLO_DEFAULTED", target.defaulted);
}

// A burn-rate alert fires when errors spend the budget `rate` times faster than the window
// allows, over both windows (the short one stops it firing long after the burn has ended).
void addBurnRates(QVariantMap &c, const EnterpriseInputs &in)
{
    const Target target = availabilityTarget(in);
    const double windowMinutes = in.reliability.windowDays * 1440.0;
    QVariantList alerts;
    for (const ReliabilityKnowledge::BurnRateAlert &b : in.reliability.burnRateAlerts) {
        alerts << QVariantMap{
            {QStringLiteral("SEVERITY"), b.critical ? QStringLiteral("Critical") : QStringLiteral("Warning")},
            {QStringLiteral("RATE"), rounded(b.rate)},
            {QStringLiteral("ERROR_RATE"), rounded(b.rate * (100 - target.percent), 3) + QLatin1Char('%')},
            {QStringLiteral("LONG"), durationText(b.longWindowMinutes)},
            {QStringLiteral("SHORT"), durationText(b.shortWindowMinutes)},
            {QStringLiteral("SPENT"), rounded(100 * b.rate * b.longWindowMinutes / windowMinutes) + QLatin1Char('%')},
            {QStringLiteral("EXHAUSTED"), durationText(windowMinutes / b.rate)},
            {QStringLiteral("NOTIFIES"), b.critical ? in.criticalNotifies : in.warningNotifies}};
    }
    set(c, "BURN_ALERTS", alerts);
}

// Who is reached, in order, from the 7.6 answers; nothing is named that no answer names.
void addEscalation(QVariantMap &c, const EnterpriseInputs &in)
{
    const QString onCall = in.answers.text("7.6", "on_call");
    const QString tool = in.answers.text("7.6", "on_call_tool");
    set(c, "ESCALATION_ON_CALL", onCall == QLatin1String("A"));
    set(c, "ESCALATION_HOURS", onCall == QLatin1String("B"));
    set(c, "ESCALATION_UNDECIDED", onCall.isEmpty());
    set(c, "ESCALATION_TOOL", tool.isEmpty() ? QStringLiteral("the paging tool") : markdownUserText(tool));
    set(c, "ESCALATION_NOTIFIES", in.criticalNotifies);
    const QString owner = in.answers.text("7.6", "service_owner");
    set(c, "SERVICE_OWNER", owner.isEmpty() ? QString() : markdownUserText(owner));
}

// ---- Runbooks per alert --------------------------------------------------------------------------

// The runbook each 7.6 alert (and the pool alert) is handled by: the existing runbooks where
// they fit, so the same steps are never written twice.
struct AlertRunbook {
    const char *alert; // the ALERTS item's ID
    const char *title; // the runbook's heading after "Runbook: "
    const char *flag;  // the template's switch for that runbook
};
constexpr AlertRunbook alertRunbooks[] = {
    {"A", "Error rate", "ALERT_RUNBOOK_ERROR_RATE"},    {"B", "Response time", "ALERT_RUNBOOK_RESPONSE_TIME"},
    {"C", "5xx errors", "ALERT_RUNBOOK_5XX"},           {"D", "Service down", "RUNBOOK_DOWN"},
    {"E", "Database connection failure", "RUNBOOK_DB"}, {"F", "Disk space", "ALERT_RUNBOOK_DISK"},
    {"G", "Memory usage", "ALERT_RUNBOOK_MEMORY"},      {"pool", "Connection pool exhausted", "ALERT_RUNBOOK_POOL"},
};

QString runbookLink(const char *title)
{
    const QString heading = QStringLiteral("Runbook: ") + QString::fromLatin1(title);
    return QStringLiteral("[%1](#%2)").arg(heading, headingAnchor(heading));
}

const AlertRunbook *runbookFor(const QString &alertId)
{
    for (const AlertRunbook &r : alertRunbooks) {
        if (alertId == QLatin1String(r.alert))
            return &r;
    }
    return nullptr;
}

// Whether a runbook can be written for the alert: the database and pool runbooks need a
// database to run their commands against.
bool runbookApplies(const AlertRunbook &r, const QVariantMap &c)
{
    const bool needsDatabase = qstrcmp(r.flag, "RUNBOOK_DB") == 0 || qstrcmp(r.flag, "ALERT_RUNBOOK_POOL") == 0;
    return !needsDatabase || c.value(QStringLiteral("HAS_DATABASE")).toBool();
}

// Links each alert to its runbook and switches that runbook on. Returns the alerts' runbook
// links by alert id, for the dependency table.
QHash<QString, QString> linkAlertRunbooks(QVariantMap &c, bool active)
{
    for (const AlertRunbook &r : alertRunbooks) {
        if (!c.contains(QString::fromLatin1(r.flag)))
            set(c, r.flag, false);
    }
    QHash<QString, QString> links;
    QVariantList alerts = c.value(QStringLiteral("ALERTS")).toList();
    for (QVariant &alert : alerts) {
        QVariantMap item = alert.toMap();
        const AlertRunbook *r = active ? runbookFor(item.value(QStringLiteral("ID")).toString()) : nullptr;
        const bool linked = r && runbookApplies(*r, c);
        item.insert(QStringLiteral("RUNBOOK"), linked ? runbookLink(r->title) : QStringLiteral("—"));
        if (linked) {
            set(c, r->flag, true);
            links.insert(QString::fromLatin1(r->alert), runbookLink(r->title));
        }
        alert = item;
    }
    c.insert(QStringLiteral("ALERTS"), alerts);
    return links;
}

// A typed 7.10 runbook with the title of an alert's runbook would be a second heading with
// the same anchor: the alert's runbook is that runbook.
void dropDuplicateRunbooks(QVariantMap &c)
{
    QVariantList kept;
    for (const QVariant &v : c.value(QStringLiteral("CUSTOM_RUNBOOKS")).toList()) {
        const QString title = v.toMap().value(QStringLiteral("TITLE")).toString();
        const bool duplicate =
            std::any_of(std::begin(alertRunbooks), std::end(alertRunbooks), [&](const AlertRunbook &r) {
                return c.value(QString::fromLatin1(r.flag)).toBool()
                    && title.compare(QLatin1String(r.title), Qt::CaseInsensitive) == 0;
            });
        if (!duplicate)
            kept << v;
    }
    c.insert(QStringLiteral("CUSTOM_RUNBOOKS"), kept);
}

// ---- Dependency failures -----------------------------------------------------------------------

enum class Kind { Database, Cache, Queue, ThirdParty, AbsentStore };

struct Dependency {
    Kind kind = Kind::ThirdParty;
    QString name;      // Markdown for a table cell
    QString fallback;  // Markdown; empty: not answered
    QString givesUp;   // "(2 + 1) × 5000 ms = 15 s"; empty without a 7.9.3 row
    QString healthKey; // the 7.9 check that covers it; empty: none can
};

// A row naming a kind of store the project settings say it does not have (the retry table's
// example "Redis cache" without a cache) is not a dependency of this service.
Kind kindOf(const QString &name, const EnterpriseInputs &in)
{
    const ReliabilityKnowledge &r = in.reliability;
    const auto store = [](bool present, Kind kind) { return present ? kind : Kind::AbsentStore; };
    if (anyPatternMatches(r.databaseWords, name))
        return store(!in.database.isEmpty(), Kind::Database);
    if (anyPatternMatches(r.cacheWords, name))
        return store(!in.cache.isEmpty(), Kind::Cache);
    if (anyPatternMatches(r.queueWords, name))
        return store(!in.queue.isEmpty(), Kind::Queue);
    return Kind::ThirdParty;
}

QList<Dependency> projectStores(const EnterpriseInputs &in)
{
    QList<Dependency> out;
    if (!in.database.isEmpty())
        out << Dependency{Kind::Database, in.database, {}, {}, QStringLiteral("database")};
    if (!in.cache.isEmpty())
        out << Dependency{Kind::Cache, in.cache, {}, {}, QStringLiteral("redis")};
    if (!in.queue.isEmpty())
        out << Dependency{Kind::Queue, in.queue, {}, {}, QStringLiteral("message_queue")};
    return out;
}

// The row a typed service name belongs to: the store it names, or its own third-party row;
// null for a store the project does not have.
Dependency *rowFor(QList<Dependency> &rows, const QString &typed, const EnterpriseInputs &in)
{
    const Kind kind = kindOf(typed, in);
    if (kind == Kind::AbsentStore)
        return nullptr;
    for (Dependency &d : rows) {
        if (kind != Kind::ThirdParty ? d.kind == kind : d.name == markdownUserCell(typed))
            return &d;
    }
    rows << Dependency{Kind::ThirdParty, markdownUserCell(typed), {}, {}, {}};
    return &rows.last();
}

// How long a call keeps trying before it fails: (retries + 1) attempts of the timeout each.
QString givesUpText(const QVariantMap &policy)
{
    bool timeoutOk = false;
    bool retriesOk = false;
    const double timeout = policy.value(QStringLiteral("timeout_ms")).toDouble(&timeoutOk);
    const double retries = policy.value(QStringLiteral("retries")).toDouble(&retriesOk);
    if (!timeoutOk || !retriesOk)
        return {};
    const QString n = QLocale::c().toString(retries, 'g', 15);
    return QStringLiteral("(%1 + 1) × %2 ms = %3 s, plus backoff")
        .arg(n, QLocale::c().toString(timeout, 'g', 15), rounded((retries + 1) * timeout / 1000));
}

QList<Dependency> dependencies(const EnterpriseInputs &in)
{
    QList<Dependency> rows = projectStores(in);
    for (const QVariantMap &row : in.answers.rows("7.9.2", "services")) {
        const QString name = row.value(QStringLiteral("service_name")).toString().trimmed();
        if (name.isEmpty())
            continue;
        const QString strategy = row.value(QStringLiteral("fallback_strategy")).toString().trimmed();
        Dependency *d = rowFor(rows, name, in);
        if (d && !strategy.isEmpty())
            d->fallback = markdownUserCell(strategy);
    }
    for (const QVariantMap &row : in.answers.rows("7.9.3", "policies")) {
        const QString name = row.value(QStringLiteral("service")).toString().trimmed();
        Dependency *d = name.isEmpty() ? nullptr : rowFor(rows, name, in);
        if (d)
            d->givesUp = givesUpText(row);
    }
    return rows;
}

// The alerts a dependency's outage sets off, among those chosen: the database alert for the
// database; requests that fail raise the 5xx and error-rate alerts for every dependency.
QString alertsFor(const Dependency &d, const QHash<QString, QString> &runbooks, const EnterpriseInputs &in)
{
    QStringList ids;
    if (d.kind == Kind::Database)
        ids << QStringLiteral("E");
    ids << QStringLiteral("C") << QStringLiteral("A");
    static const QHash<QString, QString> names = {
        {QStringLiteral("A"), QStringLiteral("Error rate")},
        {QStringLiteral("C"), QStringLiteral("5xx errors")},
        {QStringLiteral("E"), QStringLiteral("Database connection failures")}};
    QStringList fired;
    for (const QString &id : ids) {
        if (!in.answers.has("7.6", "conditions", id.toLatin1().constData()))
            continue;
        const QString runbook = runbooks.value(id);
        fired << (runbook.isEmpty() ? names.value(id) : names.value(id) + QStringLiteral(" (") + runbook + u')');
    }
    return fired.isEmpty() ? QString() : fired.join(QStringLiteral(", "));
}

void addDependencies(QVariantMap &c, const EnterpriseInputs &in, const QHash<QString, QString> &runbooks)
{
    const QString checksPath = in.endpoints.checks;
    QVariantList rows;
    for (const Dependency &d : dependencies(in)) {
        const bool checked = !d.healthKey.isEmpty() && in.healthChecks.contains(d.healthKey);
        rows << QVariantMap{{QStringLiteral("NAME"), d.name},
                            {QStringLiteral("FALLBACK"), d.fallback},
                            {QStringLiteral("GIVES_UP"), d.givesUp.isEmpty() ? QStringLiteral("—") : d.givesUp},
                            {QStringLiteral("READY_FAILS"), checked},
                            {QStringLiteral("FIRES"), alertsFor(d, runbooks, in)}};
    }
    set(c, "DEPENDENCY_ROWS", rows);
    set(c, "DEPENDENCY_READY_PATH", checksPath);
    // The load balancer takes an instance out when the endpoint it checks fails: only when it
    // checks the endpoint that runs the dependency checks does an outage drain every instance.
    set(c, "DEPENDENCY_READY_DRAINS", !checksPath.isEmpty() && in.endpoints.loadBalancer == checksPath);
}

} // namespace

double errorBudgetMinutes(double targetPercent, int windowDays)
{
    return (100.0 - targetPercent) / 100.0 * windowDays * 1440.0;
}

QString headingAnchor(const QString &heading)
{
    QString anchor;
    for (const QChar ch : heading.toLower()) {
        if (ch.isLetterOrNumber() || ch == u'-' || ch == u'_')
            anchor += ch;
        else if (ch == u' ')
            anchor += u'-';
    }
    return anchor;
}

void addEnterprise(QVariantMap &c, const EnterpriseInputs &in)
{
    const bool runbooks = in.enterprise && c.value(QStringLiteral("RUNBOOKS_PLANNED")).toBool();
    set(c, "ALERT_RUNBOOKS", runbooks && !c.value(QStringLiteral("ALERTS")).toList().isEmpty());
    set(c, "RUNBOOK_DASHBOARD", in.apmName);
    const QHash<QString, QString> links = linkAlertRunbooks(c, runbooks);
    if (runbooks)
        dropDuplicateRunbooks(c);
    addObjectives(c, in);
    addBurnRates(c, in);
    addEscalation(c, in);
    addDependencies(c, in, links);
    // The SLO default is a default like the questionnaire's: counted in the header's legend,
    // but only where the section that names it is written.
    if (!in.enterprise) {
        set(c, "DEFAULTS_SLO", QVariantList());
        set(c, "SLO_DEFAULTED", false);
    } else if (availabilityTarget(in).defaulted) {
        set(c, "DEFAULTS_COUNT", c.value(QStringLiteral("DEFAULTS_COUNT")).toDouble() + 1);
        set(c, "DEFAULTS_ANY", true);
    }
}

} // namespace opsflow
