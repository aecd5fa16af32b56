// Loading resources/knowledge/localcommands.json: how the install and start commands a
// developer runs are read off the files at the top of a project (see localcommands.h).
#include "knowledge.h"

#include "knowledgefile.h"
#include "questionnaire.h"

#include <QJsonArray>

namespace opsflow {

namespace {

// A path that stays inside the project: no "..", no leading "/" (the schema's pattern already
// refuses most; this says why in the error).
bool staysInside(const QString &file)
{
    return !file.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

std::optional<LocalCommandRule> ruleFrom(const QJsonObject &o, const QString &at, QString *error)
{
    LocalCommandRule rule;
    rule.file = o.value(QLatin1String("file")).toString();
    rule.script = o.value(QLatin1String("script")).toString();
    rule.command = o.value(QLatin1String("command")).toString();
    if (!staysInside(rule.file)) {
        *error = QStringLiteral("%1.file: \"%2\" leads outside the project").arg(at, rule.file);
        return std::nullopt;
    }
    if (!rule.script.isEmpty() && rule.file != QLatin1String("package.json")) {
        *error = QStringLiteral("%1.script: only package.json has scripts, not \"%2\"").arg(at, rule.file);
        return std::nullopt;
    }
    int groups = 0;
    if (o.contains(QLatin1String("line"))) {
        rule.line = QRegularExpression(o.value(QLatin1String("line")).toString());
        if (!rule.line.isValid()) {
            *error = QStringLiteral("%1.line: %2").arg(at, rule.line.errorString());
            return std::nullopt;
        }
        groups = rule.line.captureCount();
    }
    // "{3}" with two groups would reach the document as written.
    static const QRegularExpression placeholder(QStringLiteral("\\{(\\d+)\\}"));
    for (auto it = placeholder.globalMatch(rule.command); it.hasNext();) {
        const int index = it.next().captured(1).toInt();
        if (index < 1 || index > groups) {
            *error = QStringLiteral("%1.command: {%2} is not a group of the line pattern").arg(at).arg(index);
            return std::nullopt;
        }
    }
    return rule;
}

bool rulesFrom(const QJsonValue &value, const QString &at, QList<LocalCommandRule> *out, QString *error)
{
    const QJsonArray rules = value.toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const auto rule = ruleFrom(rules.at(i).toObject(), QStringLiteral("%1[%2]").arg(at).arg(i), error);
        if (!rule)
            return false;
        out->append(*rule);
    }
    return true;
}

} // namespace

bool Knowledge::loadLocalCommands(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    QString name;
    const auto object = readKnowledgeWithSchema(root, QStringLiteral("localcommands"), &name, error);
    if (!object)
        return false;

    const Field *runtime = questionnaire.contextField(QStringLiteral("runtime"));
    LocalCommandsKnowledge known;
    const QJsonArray managers = object->value(QLatin1String("package_managers")).toArray();
    for (qsizetype i = 0; i < managers.size(); ++i) {
        const QJsonObject o = managers.at(i).toObject();
        const QString at = QStringLiteral("%1: package_managers[%2]").arg(name).arg(i);
        PackageManagerKnowledge manager;
        manager.name = o.value(QLatin1String("name")).toString();
        manager.runtime = o.value(QLatin1String("runtime")).toString();
        manager.files = jsonStrings(o.value(QLatin1String("files")));
        manager.install = o.value(QLatin1String("install")).toString();
        if (!runtime || !runtime->choice(manager.runtime)) {
            *error = QStringLiteral("%1.runtime: \"%2\" is not a choice of the context field runtime")
                         .arg(at, manager.runtime);
            return false;
        }
        for (const QString &file : std::as_const(manager.files)) {
            if (!staysInside(file)) {
                *error = QStringLiteral("%1.files: \"%2\" leads outside the project").arg(at, file);
                return false;
            }
        }
        if (!rulesFrom(o.value(QLatin1String("start")), at + QStringLiteral(".start"), &manager.start, error))
            return false;
        known.packageManagers.append(manager);
    }
    if (!rulesFrom(object->value(QLatin1String("start")), name + QStringLiteral(": start"), &known.start, error))
        return false;
    m_localCommands = known;
    return true;
}

} // namespace opsflow
