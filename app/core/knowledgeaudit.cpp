// Loading resources/knowledge/audit.json: the topics of the pre-flight audit, the questions
// that answer each, and the words that show a topic in a document or name it in a gap id.
#include "knowledge.h"

#include "knowledgefile.h"
#include "questionnaire.h"

#include <QHash>
#include <QJsonArray>

namespace opsflow {

QStringList topicWords(const QString &text)
{
    // A lower-case letter (or digit) followed by a capital starts a new word: rtoRpo, onCall.
    static const QRegularExpression camel(QStringLiteral("([a-z0-9])([A-Z])"));
    static const QRegularExpression separators(QStringLiteral("[^a-z0-9]+"));
    QString spaced = text;
    spaced.replace(camel, QStringLiteral("\\1 \\2"));
    return spaced.toLower().split(separators, Qt::SkipEmptyParts);
}

bool Knowledge::loadAudit(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    QString name;
    const auto object = readKnowledgeWithSchema(root, QStringLiteral("audit"), &name, error);
    if (!object)
        return false;

    AuditKnowledge audit;
    audit.fillerWords = jsonStrings(object->value(QLatin1String("filler_words")));
    if (!compilePatterns(object->value(QLatin1String("ignore_lines")), &audit.ignoreLines,
                         name + QStringLiteral(": ignore_lines"), error))
        return false;

    const auto ci = QRegularExpression::CaseInsensitiveOption;
    QHash<QString, QString> termOwner; // a term names one topic only
    QSet<QString> covered;
    const QJsonArray items = object->value(QLatin1String("items")).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const QString at = QStringLiteral("%1: items[%2]").arg(name).arg(i);
        AuditTopicKnowledge topic;
        topic.id = o.value(QLatin1String("id")).toString();
        topic.label = o.value(QLatin1String("label")).toString();
        topic.origin = o.value(QLatin1String("origin")).toString();
        for (const AuditTopicKnowledge &other : std::as_const(audit.topics)) {
            if (other.id == topic.id) {
                *error = QStringLiteral("%1.id: \"%2\" appears twice").arg(at, topic.id);
                return false;
            }
        }
        topic.questions = jsonStrings(o.value(QLatin1String("questions")));
        for (const QString &id : std::as_const(topic.questions)) {
            if (!questionnaire.question(id)) {
                *error = QStringLiteral("%1.questions: \"%2\" is not a question of the questionnaire").arg(at, id);
                return false;
            }
            covered.insert(id);
        }
        for (const QString &term : jsonStrings(o.value(QLatin1String("gap_terms")))) {
            const QString owner = termOwner.value(term);
            if (!owner.isEmpty()) {
                *error = QStringLiteral("%1.gap_terms: \"%2\" already names the topic %3").arg(at, term, owner);
                return false;
            }
            termOwner.insert(term, topic.id);
            topic.gapTerms.append(term.split(QLatin1Char(' ')));
        }
        for (const char *key : {"heading", "strong", "weak"}) {
            if (!o.contains(QLatin1String(key)))
                continue;
            QRegularExpression pattern(o.value(QLatin1String(key)).toString(), ci);
            if (!pattern.isValid()) {
                *error = QStringLiteral("%1.%2: %3").arg(at, QLatin1String(key), pattern.errorString());
                return false;
            }
            if (qstrcmp(key, "heading") == 0)
                topic.heading = pattern;
            else if (qstrcmp(key, "strong") == 0)
                topic.strong = pattern;
            else
                topic.weak = pattern;
        }
        topic.platforms = !o.contains(QLatin1String("strong"));
        audit.topics.append(topic);
    }
    // Every question belongs to a topic, or scenario B could never ask it.
    for (const Question &q : questionnaire.questions()) {
        if (!covered.contains(q.id)) {
            *error = QStringLiteral("%1: items: question %2 belongs to no topic").arg(name, q.id);
            return false;
        }
    }
    m_audit = audit;
    return true;
}

} // namespace opsflow
