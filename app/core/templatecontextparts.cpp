// What the template context's parts share (templatecontextparts.h): text helpers, the stores' names.
#include "templatecontextparts.h"

#include "answerset.h"
#include "escaping.h"
#include "questionnaire.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace opsflow::contextparts {

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

namespace {

// The label of a choice as the questionnaire defines it, escaped; values typed as "other"
// (not among the choices) are the user's text.
QString choiceLabel(const AnswerReader &a, const char *question, const char *field, const QString &value)
{
    const Field *f = a.resolver().questionnaire().field(QString::fromLatin1(question), QString::fromLatin1(field));
    const Choice *c = f ? f->choice(value) : nullptr;
    return md(c ? c->label : value);
}

} // namespace

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

// ---- What every section shares ---------------------------------------------------------------

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

// The cloud's (or PaaS's) managed database service, or empty when the team runs it.
QString managedDatabase(const Inputs &in)
{
    const DatabaseKnowledge *db = databaseKnowledge(in.f.database);
    const QString key = managedDatabaseKey(in.f);
    return db && !key.isEmpty() ? db->managed.value(key) : QString();
}

} // namespace opsflow::contextparts
