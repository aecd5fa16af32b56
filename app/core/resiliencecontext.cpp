// Template values of Enterprise scope's Resilience and Data Protection section (see
// resiliencecontext.h).
#include "resiliencecontext.h"

#include "answerset.h"
#include "defaultsused.h"
#include "escaping.h"
#include "factmodel.h"
#include "knowledge.h"
#include "questionnaire.h"
#include "reportedvalue.h"
#include "templatecontext.h"

#include <QLocale>
#include <QVariantList>

namespace opsflow {

namespace {

const QString NotDecided = QStringLiteral("*not decided yet*");

void set(QVariantMap &c, const char *key, const QVariant &value)
{
    c.insert(QString::fromLatin1(key), value);
}

QString daysText(double days)
{
    return QLocale::c().toString(days, 'g', 15) + (days == 1 ? QStringLiteral(" day") : QStringLiteral(" days"));
}

// A retention the answers may leave open: its value in words, or "not decided yet".
QString retention(const AnswerReader &a, const char *question, const char *field)
{
    const auto days = a.number(question, field);
    return days ? daysText(*days) : NotDecided;
}

// The fields whose values only this section shows, though other questions ask them.
constexpr std::pair<const char *, const char *> Shown[] = {
    {"7.1", "failover"}, {"7.5", "log_retention_days"}, {"7.5", "trace_retention_days"}};

// The section's own *Defaults* line: the questionnaire defaults among the fields it shows,
// so a reader of this section alone still sees which values nobody chose.
QString defaultsLine(const AnswerReader &a)
{
    const Questionnaire &q = a.resolver().questionnaire();
    QStringList parts;
    for (const auto &[questionId, fieldId] : Shown) {
        const Question *question = q.question(QString::fromLatin1(questionId));
        if (!question)
            continue;
        for (const DefaultedValue &v : defaultedValues(a.facts(), *question)) {
            if (v.fieldId == QLatin1String(fieldId))
                parts << labelledValue(markdownUserText(v.label), markdownUserText(v.text));
        }
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

bool shownInResilience(const QString &questionId, const QString &fieldId)
{
    for (const auto &[question, field] : Shown) {
        if (questionId == QLatin1String(question) && fieldId == QLatin1String(field))
            return true;
    }
    return false;
}

void addResilience(QVariantMap &c, const ResilienceInputs &in)
{
    const AnswerReader &a = in.answers;
    set(c, "RESILIENCE", in.enterprise);
    if (!in.enterprise)
        return;

    const QString region = a.text("7.1", "region").simplified();
    const QString second = a.text("7.1", "failover_region").simplified();
    const QString failover = a.text("7.1", "failover");
    set(c, "REGION", region.isEmpty() ? NotDecided : escape::inlineCode(region));
    set(c, "SECOND_REGION", second.isEmpty() ? QStringLiteral("the second region") : escape::inlineCode(second));
    set(c, "FAILOVER_LABEL", in.failoverLabel);
    set(c, "FAILOVER_ZONES", failover == QLatin1String("zones"));
    set(c, "FAILOVER_STANDBY", failover == QLatin1String("standby"));
    set(c, "FAILOVER_ACTIVE", failover == QLatin1String("active"));
    set(c, "FAILOVER_UNDECIDED", failover.isEmpty());

    const bool known = in.platform != nullptr;
    set(c, "ZONES_TEXT", known ? in.platform->resilience.zones : QString());
    set(c, "REGIONS_TEXT", known ? in.platform->resilience.regions : QString());
    set(c, "TLS_TEXT", known ? in.platform->resilience.tls : QString());

    set(c, "RESILIENCE_DB", in.database);
    set(c, "RESILIENCE_DB_ENGINE", in.databaseEngine);
    set(c, "DB_ENCRYPTION", in.databaseEncryption);

    QVariantList kept;
    auto row = [&kept](const QString &what, const QString &days, const QString &where) {
        kept.append(QVariantMap{
            {QStringLiteral("WHAT"), what}, {QStringLiteral("DAYS"), days}, {QStringLiteral("WHERE"), where}});
    };
    row(QStringLiteral("Logs"), retention(a, "7.5", "log_retention_days"), in.logsKeptIn);
    if (!in.tracesKeptIn.isEmpty())
        row(QStringLiteral("Traces"), retention(a, "7.5", "trace_retention_days"), in.tracesKeptIn);
    if (!in.database.isEmpty() && !a.skipped("7.7"))
        row(QStringLiteral("Database backups"), retention(a, "7.7", "retention_days") + QStringLiteral(" (7.7)"),
            in.backupsKeptIn);
    set(c, "RETENTION_ROWS", kept);

    const QString defaults = defaultsLine(a);
    set(c, "DEFAULTS_RESILIENCE",
        defaults.isEmpty() ? QVariantList() : QVariantList{QVariantMap{{QStringLiteral("VALUES"), defaults}}});
}

} // namespace opsflow
