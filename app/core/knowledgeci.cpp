// Loading resources/knowledge/ci.json: the CI/CD platforms of question 7.4, for the CI/CD
// Pipeline section and the project scan. The schema checks the shape; this checks that the
// letters are 7.4's choices, all of them, and that every file pattern compiles.
#include "knowledge.h"

#include "knowledgefile.h"
#include "questionnaire.h"

#include <QJsonArray>

namespace opsflow {

bool Knowledge::loadCi(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    QString name;
    const auto object = readKnowledgeWithSchema(root, QStringLiteral("ci"), &name, error);
    if (!object)
        return false;
    const Field *field = questionnaire.field(QStringLiteral("7.4"), QStringLiteral("platform"));
    if (!field) {
        *error = QStringLiteral("%1: phase7.json has no 7.4 platform field").arg(name);
        return false;
    }
    const QJsonObject platforms = object->value(QLatin1String("platforms")).toObject();
    QList<CiPlatformKnowledge> loaded;
    for (auto it = platforms.begin(); it != platforms.end(); ++it) {
        const QString at = QStringLiteral("%1: platforms.%2").arg(name, it.key());
        if (!field->choice(it.key())) {
            *error = QStringLiteral("%1: not one of 7.4's platform choices").arg(at);
            return false;
        }
        const QJsonObject o = it.value().toObject();
        CiPlatformKnowledge ci{it.key(),
                               o.value(QLatin1String("definition")).toString(),
                               o.value(QLatin1String("secrets")).toString(),
                               o.value(QLatin1String("approval")).toString(),
                               {},
                               o.value(QLatin1String("evidence")).toString()};
        if (!compilePatterns(o.value(QLatin1String("files")), &ci.files, at + QStringLiteral(".files"), error))
            return false;
        loaded.append(ci);
    }
    for (const Choice &choice : field->choices) {
        if (!platforms.contains(choice.value)) {
            *error =
                QStringLiteral("%1: platforms: 7.4 choice %2 (%3) has no entry").arg(name, choice.value, choice.label);
            return false;
        }
    }
    const QJsonObject unknown = object->value(QLatin1String("unknown")).toObject();
    m_unknownCiPlatform = {{},
                           unknown.value(QLatin1String("definition")).toString(),
                           unknown.value(QLatin1String("secrets")).toString(),
                           unknown.value(QLatin1String("approval")).toString(),
                           {},
                           {}};
    const QJsonArray notOffered = object->value(QLatin1String("not_offered")).toArray();
    for (qsizetype i = 0; i < notOffered.size(); ++i) {
        const QJsonObject o = notOffered.at(i).toObject();
        CiNotOffered other{{}, o.value(QLatin1String("note")).toString()};
        if (!compilePatterns(o.value(QLatin1String("files")), &other.files,
                             QStringLiteral("%1: not_offered[%2].files").arg(name).arg(i), error))
            return false;
        m_ciNotOffered.append(other);
    }
    m_ciPlatforms = loaded;
    return true;
}

const CiPlatformKnowledge &Knowledge::ciPlatform(const QString &choice) const
{
    for (const CiPlatformKnowledge &ci : m_ciPlatforms) {
        if (ci.choice == choice)
            return ci;
    }
    return m_unknownCiPlatform;
}

} // namespace opsflow
