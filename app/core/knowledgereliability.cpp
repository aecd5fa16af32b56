// Loading resources/knowledge/reliability.json: the SLO defaults, the burn-rate alerts and the
// words that tie a dependency row to a store, for Enterprise scope's reliability sections.
#include "knowledge.h"

#include "knowledgefile.h"

#include <QJsonArray>

namespace opsflow {

bool Knowledge::loadReliability(const QString &root, QString *error)
{
    QString name;
    const auto object = readKnowledgeWithSchema(root, QStringLiteral("reliability"), &name, error);
    if (!object)
        return false;

    ReliabilityKnowledge r;
    const QJsonObject slo = object->value(QLatin1String("slo")).toObject();
    r.windowDays = slo.value(QLatin1String("window_days")).toInt();
    r.availabilityPercent = slo.value(QLatin1String("availability_percent")).toDouble();
    r.source = slo.value(QLatin1String("source")).toString();

    const QJsonArray alerts = object->value(QLatin1String("burn_rate_alerts")).toArray();
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        const QJsonObject o = alerts.at(i).toObject();
        ReliabilityKnowledge::BurnRateAlert alert;
        alert.critical = o.value(QLatin1String("severity")).toString() == QLatin1String("critical");
        alert.rate = o.value(QLatin1String("rate")).toDouble();
        alert.longWindowMinutes = o.value(QLatin1String("long_window_minutes")).toInt();
        alert.shortWindowMinutes = o.value(QLatin1String("short_window_minutes")).toInt();
        // The short window only confirms the long one is still burning; longer would delay
        // the alert past the point it is meant to catch.
        if (alert.shortWindowMinutes >= alert.longWindowMinutes) {
            *error = QStringLiteral("%1: burn_rate_alerts[%2].short_window_minutes: must be shorter than "
                                    "long_window_minutes")
                         .arg(name)
                         .arg(i);
            return false;
        }
        r.burnRateAlerts.append(alert);
    }

    const QJsonObject words = object->value(QLatin1String("dependency_words")).toObject();
    const QString where = name + QStringLiteral(": dependency_words.");
    if (!compilePatterns(words.value(QLatin1String("database")), &r.databaseWords, where + QStringLiteral("database"),
                         error)
        || !compilePatterns(words.value(QLatin1String("cache")), &r.cacheWords, where + QStringLiteral("cache"), error)
        || !compilePatterns(words.value(QLatin1String("queue")), &r.queueWords, where + QStringLiteral("queue"), error))
        return false;
    m_reliability = r;
    return true;
}

} // namespace opsflow
