// Template values of the data sections: backups and recovery, migrations, connection pooling, scaling.
#include "templatecontextparts.h"

#include "answerset.h"
#include "consistency.h"

#include <QLocale>

#include <cmath>

namespace opsflow::contextparts {

// ---- Backup and disaster recovery ------------------------------------------------------------

namespace {

// Whether the RPO is shorter than the time between two backups (rules.json), so that only
// point-in-time recovery, or nothing, can meet it: the template then says which.
bool rpoBelowInterval(const QString &strategy, std::optional<double> rpo)
{
    const auto &intervals = RulesKnowledge::builtIn().backupIntervalMinutes;
    return rpo && intervals.contains(strategy) && *rpo < intervals.value(strategy);
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
    if (!managed.isEmpty())
        return Knowledge::builtIn()
            .managedBackups(manual ? QStringLiteral("manual") : QStringLiteral("automated"))
            .replace(QLatin1String("{service}"), managed);
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
    set(c, "BACKUP_RPO_BELOW_INTERVAL", database && rpoBelowInterval(strategy, rpo));
    set(c, "MANAGED_DATABASE", managedDatabase(in));
    const DatabaseKnowledge *db = databaseKnowledge(in.f.database);
    set(c, "DATABASE_RESTORE_AUTOMATED", db ? db->automatedRestore : QString());
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
        bool ms;
        const char *variable;
    };
    static const Setting settings[] = {
        {"Min connections", "min_connections", false, "DB_POOL_MIN"},
        {"Max connections", "max_connections", false, "DB_POOL_MAX"},
        {"Connection timeout", "connection_timeout_ms", true, "DB_POOL_ACQUIRE_TIMEOUT_MS"},
        {"Idle timeout", "idle_timeout_ms", true, "DB_POOL_IDLE_TIMEOUT_MS"},
        {"Max lifetime", "max_lifetime_ms", true, "DB_POOL_MAX_LIFETIME_MS"},
    };
    QVariantList rows;
    for (const Setting &s : settings) {
        // A value not decided (interactive mode) says so: the questionnaire's default is not
        // the team's setting until it is chosen or the defaults are taken.
        const auto value = in.a.number("7.7.2", s.field);
        rows << item({{"NAME", QString::fromLatin1(s.name)},
                      {"VALUE",
                       !value     ? NotDecided
                           : s.ms ? millisText(*value)
                                  : num(*value)},
                      {"VARIABLE", QString::fromLatin1(s.variable)}});
    }
    set(c, "POOL_SETTINGS", rows);
    const auto max = in.a.number("7.7.2", "max_connections");
    set(c, "POOL_MAX", max ? num(*max) : QString());
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

// "Redis, the database and object storage": where a stateless service keeps its state.
QString sharedStores(const Inputs &in)
{
    QStringList stores;
    if (in.f.cache != Facts::Cache::None)
        stores << cacheName(in.f.cache);
    if (in.f.database != Facts::Database::None)
        stores << QStringLiteral("the database");
    stores << QStringLiteral("object storage");
    return joinWords(stores);
}

} // namespace

void addScaling(QVariantMap &c, const Inputs &in)
{
    const QString strategy = in.a.text("7.8", "strategy");
    set(c, "SHARED_STORES", sharedStores(in));
    set(c, "PLATFORM_AUTOSCALING", in.p.autoscaling);
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
}

} // namespace opsflow::contextparts
