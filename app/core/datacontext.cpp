// Template values of the data sections: backups and recovery, migrations, connection pooling, scaling.
#include "templatecontextparts.h"

#include "answerset.h"
#include "questionnaire.h"

#include <QLocale>

#include <cmath>

namespace opsflow::contextparts {

// ---- Backup and disaster recovery ------------------------------------------------------------

namespace {

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

QString readyPath(const AnswerReader &a)
{
    const HealthPaths paths = healthPaths(a);
    if (a.has("7.9", "endpoints", "B"))
        return paths.ready;
    return a.has("7.9", "endpoints", "A") ? paths.basic : paths.ready;
}

} // namespace

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

namespace {

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

} // namespace

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
    set(c, "LOAD_PEAK_RPS", peak ? perSecond(*peak) : QString());
    set(c, "LOAD_MULTIPLIER", num(multiplier));
    set(c, "LATENCY_TARGET_MS", num(in.a.number("7.6", "response_time_ms", 1000)));
}

} // namespace opsflow::contextparts
