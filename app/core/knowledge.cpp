// Loading resources/knowledge/: each file checked against its JSON Schema, then for meaning.
#include "knowledge.h"

#include "jsonschema.h"
#include "knowledgefile.h"
#include "questionnaire.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace opsflow {

namespace {

std::optional<PlatformKnowledge> platformFrom(const QJsonObject &o, const QString &file, const QStringList &letters,
                                              QString *error)
{
    PlatformKnowledge p;
    p.id = o.value(QLatin1String("id")).toString();
    const QString &where = file;
    if (QFileInfo(file).completeBaseName() != p.id) {
        *error = QStringLiteral("%1: id: \"%2\" must be the file's name without .json").arg(where, p.id);
        return std::nullopt;
    }
    p.name = o.value(QLatin1String("name")).toString();
    p.family = o.value(QLatin1String("family")).toString();
    p.cloud = o.value(QLatin1String("cloud")).toString();
    p.choices = jsonStrings(o.value(QLatin1String("choices")));
    p.defaultFor = jsonStrings(o.value(QLatin1String("default_for")));
    for (const QString &letter : p.choices + p.defaultFor) {
        if (!letters.contains(letter)) {
            *error = QStringLiteral("%1: choices: \"%2\" is not one of 7.1's choices (%3)")
                         .arg(where, letter, letters.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    for (const QString &letter : std::as_const(p.defaultFor)) {
        if (!p.choices.contains(letter)) {
            *error = QStringLiteral("%1: default_for: \"%2\" is not in its choices").arg(where, letter);
            return std::nullopt;
        }
    }
    if (!compilePatterns(o.value(QLatin1String("match")), &p.match, where + QStringLiteral(": match"), error)
        || !compilePatterns(o.value(QLatin1String("documents")), &p.documents, where + QStringLiteral(": documents"),
                            error))
        return std::nullopt;
    p.priority = o.value(QLatin1String("priority")).toInt();
    p.containers = o.value(QLatin1String("containers")).toString(QStringLiteral("any"));
    p.nouns = jsonStringMap(o.value(QLatin1String("nouns")));
    p.withoutContainers = jsonStringMap(o.value(QLatin1String("without_containers")));
    p.registryFromCloud = o.value(QLatin1String("registry_from_cloud")).toBool();
    p.diagram = o.value(QLatin1String("diagram")).toObject();
    p.commands = jsonStringMap(o.value(QLatin1String("commands")));
    p.actions = jsonStringMap(o.value(QLatin1String("actions")));
    p.commandsWithoutContainers = jsonStringMap(o.value(QLatin1String("commands_without_containers")));
    p.commandsWithAutoscaling = jsonStringMap(o.value(QLatin1String("commands_with_autoscaling")));
    p.actionsWithAutoscaling = jsonStringMap(o.value(QLatin1String("actions_with_autoscaling")));
    for (auto it = p.actions.cbegin(); it != p.actions.cend(); ++it) {
        if (p.commands.contains(it.key())) {
            *error = QStringLiteral("%1: actions.%2: the operation already has a command").arg(where, it.key());
            return std::nullopt;
        }
    }
    for (auto it = p.actionsWithAutoscaling.cbegin(); it != p.actionsWithAutoscaling.cend(); ++it) {
        if (p.commandsWithAutoscaling.contains(it.key())) {
            *error = QStringLiteral("%1: actions_with_autoscaling.%2: the operation already has a command")
                         .arg(where, it.key());
            return std::nullopt;
        }
    }
    p.rolling = o.value(QLatin1String("rolling")).toString();
    p.scaleLabel = o.value(QLatin1String("scale_label")).toString();
    p.databaseFile = o.value(QLatin1String("database_file")).toString();
    p.autoscaling = o.value(QLatin1String("autoscaling")).toString();
    p.perRequest = o.value(QLatin1String("per_request")).toBool();
    p.shutdown = o.value(QLatin1String("shutdown")).toString();
    if (p.perRequest == p.shutdown.isEmpty()) {
        *error = p.perRequest
            ? QStringLiteral("%1: shutdown: a per_request platform says how its instances end").arg(where)
            : QStringLiteral("%1: shutdown: only a per_request platform replaces the stop window").arg(where);
        return std::nullopt;
    }
    p.release = o.value(QLatin1String("release")).toString();
    if (p.perRequest == p.release.isEmpty()) {
        *error = p.perRequest
            ? QStringLiteral("%1: release: a per_request platform says how a release moves traffic").arg(where)
            : QStringLiteral("%1: release: only a per_request platform replaces the rolling of instances").arg(where);
        return std::nullopt;
    }
    p.healthCheck = o.value(QLatin1String("health_check")).toString();
    if (p.perRequest == p.healthCheck.isEmpty()) {
        *error = p.perRequest
            ? QStringLiteral("%1: health_check: a per_request platform says what uses its health endpoints").arg(where)
            : QStringLiteral("%1: health_check: only a per_request platform routes by no health endpoint").arg(where);
        return std::nullopt;
    }
    if (p.perRequest && p.autoscaling.isEmpty()) {
        *error = QStringLiteral("%1: autoscaling: a per_request platform says how it scales").arg(where);
        return std::nullopt;
    }
    if (p.perRequest && p.diagram.value(QLatin1String("scaling")).toString().isEmpty()) {
        *error = QStringLiteral("%1: diagram.scaling: a per_request platform says how its diagrams show it scaling")
                     .arg(where);
        return std::nullopt;
    }
    if (p.perRequest && o.contains(QLatin1String("stop"))) {
        *error = QStringLiteral("%1: stop: a per_request platform sends no SIGTERM to a request in flight; "
                                "its shutdown says how instances end")
                     .arg(where);
        return std::nullopt;
    }
    const QJsonObject canary = o.value(QLatin1String("canary")).toObject();
    p.canary.how = canary.value(QLatin1String("how")).toString();
    for (const char *name : {"deploy", "shift"}) {
        if (canary.contains(QLatin1String(name)))
            p.canary.commands.insert(QString::fromLatin1(name), canary.value(QLatin1String(name)).toString());
    }
    if (p.canary.commands.size() == 1) {
        *error = QStringLiteral("%1: canary: give both deploy and shift, or neither").arg(where);
        return std::nullopt;
    }
    const QJsonObject resilience = o.value(QLatin1String("resilience")).toObject();
    p.resilience = {resilience.value(QLatin1String("zones")).toString(),
                    resilience.value(QLatin1String("regions")).toString(),
                    resilience.value(QLatin1String("tls")).toString()};
    const QJsonObject stop = o.value(QLatin1String("stop")).toObject();
    if (!stop.isEmpty()) {
        p.stop.actor = stop.value(QLatin1String("actor")).toString();
        p.stop.setting = stop.value(QLatin1String("setting")).toString();
        p.stop.defaultSeconds = stop.value(QLatin1String("default_s")).toInt();
        p.stop.maxSeconds = stop.value(QLatin1String("max_s")).toInt();
        p.stop.fixed = stop.value(QLatin1String("fixed")).toBool();
        if (p.stop.fixed == !p.stop.setting.isEmpty()) {
            *error = QStringLiteral("%1: stop: give a setting, or mark the window fixed, not both").arg(where);
            return std::nullopt;
        }
    }
    return p;
}

// Two defaults for the same choice, cloud and use of containers would make the classifier's
// answer depend on file order.
bool checkDefaults(const QList<PlatformKnowledge> &platforms, const QList<CloudKnowledge> &clouds,
                   const QStringList &letters, QString *error)
{
    for (const QString &letter : letters) {
        QStringList needed = {QString()};
        if (letter == QLatin1String("A")) {
            needed.clear();
            for (const CloudKnowledge &c : clouds)
                needed << c.id;
        }
        for (const QString &cloud : std::as_const(needed)) {
            for (const char *containers : {"required", "never"}) {
                QStringList found;
                for (const PlatformKnowledge &p : platforms) {
                    if (p.defaultFor.contains(letter) && (cloud.isEmpty() || p.cloud == cloud)
                        && (p.containers == QLatin1String("any") || p.containers == QLatin1String(containers)))
                        found << p.id;
                }
                if (found.size() != 1) {
                    *error = QStringLiteral(
                                 "knowledge/platforms: 7.1 choice %1%2 needs exactly one default platform %3, not %4")
                                 .arg(letter, cloud.isEmpty() ? QString() : QStringLiteral(" on ") + cloud,
                                      QLatin1String(qstrcmp(containers, "required") == 0 ? "with containers"
                                                                                         : "without containers"),
                                      found.isEmpty() ? QStringLiteral("none") : found.join(QStringLiteral(", ")));
                    return false;
                }
            }
        }
    }
    return true;
}

// Two platforms that can both match one answer need different priorities, or the answer
// would depend on the order of the files.
bool checkPriorities(const QList<PlatformKnowledge> &platforms, QString *error)
{
    for (qsizetype i = 0; i < platforms.size(); ++i) {
        for (qsizetype j = i + 1; j < platforms.size(); ++j) {
            const PlatformKnowledge &a = platforms.at(i);
            const PlatformKnowledge &b = platforms.at(j);
            const bool sharesChoice = std::any_of(a.choices.begin(), a.choices.end(),
                                                  [&](const QString &c) { return b.choices.contains(c); });
            const bool sameCloud = a.cloud.isEmpty() || b.cloud.isEmpty() || a.cloud == b.cloud;
            if (sharesChoice && sameCloud && !a.match.isEmpty() && !b.match.isEmpty() && a.priority == b.priority) {
                *error = QStringLiteral("knowledge/platforms/%1.json: priority: %2 is also %3's; give one a higher one")
                             .arg(b.id)
                             .arg(b.priority)
                             .arg(a.id);
                return false;
            }
        }
    }
    return true;
}

} // namespace

bool PlatformKnowledge::matches(const QString &typed) const
{
    return anyPatternMatches(match, typed);
}

std::optional<Knowledge> Knowledge::load(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    const Field *platformChoice = questionnaire.field(QStringLiteral("7.1"), QStringLiteral("choice"));
    if (!platformChoice) {
        *error = QStringLiteral("the questionnaire has no field 7.1 choice, which the platform knowledge names");
        return std::nullopt;
    }
    QStringList letters;
    for (const Choice &c : platformChoice->choices)
        letters << c.value;

    Knowledge k;
    const auto named = [&](const QString &relative) { return knowledgeName(root, root + u'/' + relative); };
    const auto cloudSchema = readKnowledgeSchema(root + QStringLiteral("/clouds.schema.json"),
                                                 named(QStringLiteral("clouds.schema.json")), error);
    const auto platformSchema = readKnowledgeSchema(root + QStringLiteral("/platform.schema.json"),
                                                    named(QStringLiteral("platform.schema.json")), error);
    if (!cloudSchema || !platformSchema)
        return std::nullopt;

    const auto clouds = readValidKnowledge(root + QStringLiteral("/clouds.json"), named(QStringLiteral("clouds.json")),
                                           *cloudSchema, error);
    if (!clouds)
        return std::nullopt;
    const QJsonArray cloudList = clouds->value(QLatin1String("clouds")).toArray();
    for (qsizetype i = 0; i < cloudList.size(); ++i) {
        const QJsonObject o = cloudList.at(i).toObject();
        CloudKnowledge c{o.value(QLatin1String("id")).toString(),
                         o.value(QLatin1String("name")).toString(),
                         {},
                         o.value(QLatin1String("registry")).toString(),
                         o.value(QLatin1String("logs")).toString()};
        if (k.cloud(c.id)) {
            *error = QStringLiteral("knowledge/clouds.json: clouds[%1].id: \"%2\" appears twice").arg(i).arg(c.id);
            return std::nullopt;
        }
        if (!compilePatterns(o.value(QLatin1String("match")), &c.match,
                             QStringLiteral("knowledge/clouds.json: clouds[%1].match").arg(i), error))
            return std::nullopt;
        k.m_clouds.append(c);
    }

    const QDir dir(root + QStringLiteral("/platforms"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        *error = QStringLiteral("%1 holds no platform files").arg(named(QStringLiteral("platforms")));
        return std::nullopt;
    }
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        const QString shown = knowledgeName(root, path);
        const auto object = readValidKnowledge(path, shown, *platformSchema, error);
        if (!object)
            return std::nullopt;
        auto platform = platformFrom(*object, shown, letters, error);
        if (!platform)
            return std::nullopt;
        if (!platform->cloud.isEmpty() && !k.cloud(platform->cloud)) {
            *error = QStringLiteral("%1: cloud: \"%2\" is not in knowledge/clouds.json").arg(shown, platform->cloud);
            return std::nullopt;
        }
        k.m_platforms.append(*platform);
    }
    if (!checkDefaults(k.m_platforms, k.m_clouds, letters, error) || !checkPriorities(k.m_platforms, error))
        return std::nullopt;
    if (!k.loadDocumentRules(root, questionnaire, error) || !k.loadLibraryRules(root, questionnaire, error)
        || !k.loadImages(root, questionnaire, error) || !k.loadRuntimes(root, questionnaire, error)
        || !k.loadServices(root, error) || !k.loadReliability(root, error) || !k.loadAudit(root, questionnaire, error)
        || !k.loadAiFlowTemplates(root, error) || !k.loadLocalCommands(root, questionnaire, error)
        || !k.loadMonitoring(root, questionnaire, error) || !k.loadCi(root, questionnaire, error)
        || !k.loadToolchain(root, questionnaire, error) || !k.loadStores(root, questionnaire, error)
        || !k.checkCommands(error))
        return std::nullopt;
    return k;
}

bool Knowledge::loadDocumentRules(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    const QString name = knowledgeName(root, root + QStringLiteral("/evidence/documents.json"));
    const auto schema =
        readKnowledgeSchema(root + QStringLiteral("/evidence-documents.schema.json"),
                            knowledgeName(root, root + QStringLiteral("/evidence-documents.schema.json")), error);
    if (!schema)
        return false;
    const auto object = readValidKnowledge(root + QStringLiteral("/evidence/documents.json"), name, *schema, error);
    if (!object)
        return false;
    const QJsonObject cues = object->value(QLatin1String("cues")).toObject();
    for (auto it = cues.begin(); it != cues.end(); ++it) {
        const QRegularExpression cue(it.value().toString(), QRegularExpression::CaseInsensitiveOption);
        if (!questionnaire.question(it.key()) || !cue.isValid()) {
            *error =
                QStringLiteral("%1: cues.%2: %3")
                    .arg(name, it.key(),
                         cue.isValid() ? QStringLiteral("no such question in phase7.json")
                                       : QStringLiteral("not a valid regular expression (%1)").arg(cue.errorString()));
            return false;
        }
        m_documentCues.insert(it.key(), cue);
    }
    // A platform file's own document patterns come first: they name one platform exactly.
    for (const PlatformKnowledge &p : std::as_const(m_platforms)) {
        for (const QRegularExpression &pattern : p.documents)
            m_documentRules.append({QStringLiteral("7.1"), QStringLiteral("choice"), p.choices.constFirst(), p.name,
                                    p.id, p.name, pattern});
    }
    const QJsonArray rules = object->value(QLatin1String("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject o = rules.at(i).toObject();
        const QString where = QStringLiteral("%1: rules[%2]").arg(name).arg(i);
        DocumentEvidenceRule r{o.value(QLatin1String("question")).toString(),
                               o.value(QLatin1String("field")).toString(),
                               o.value(QLatin1String("value")).toString(),
                               o.value(QLatin1String("says")).toString(),
                               o.value(QLatin1String("platform")).toString(),
                               o.value(QLatin1String("label")).toString(),
                               QRegularExpression(o.value(QLatin1String("pattern")).toString(),
                                                  QRegularExpression::CaseInsensitiveOption)};
        const Field *field = questionnaire.field(r.question, r.field);
        if (!field) {
            *error = QStringLiteral("%1.field: phase7.json has no field %2 %3").arg(where, r.question, r.field);
            return false;
        }
        if (!field->choice(r.value)) {
            *error =
                QStringLiteral("%1.value: \"%2\" is not a choice of %3 %4").arg(where, r.value, r.question, r.field);
            return false;
        }
        if (!r.pattern.isValid()) {
            *error =
                QStringLiteral("%1.pattern: not a valid regular expression (%2)").arg(where, r.pattern.errorString());
            return false;
        }
        if (!m_documentCues.contains(r.question)) {
            *error = QStringLiteral("%1.question: %2 has no cue words in cues").arg(where, r.question);
            return false;
        }
        // A 7.1 rule suggests a platform text; the classifier must read it as the platform the
        // rule names, or the evidence would say one platform and the documents another.
        const bool platformRule = r.question == QLatin1String("7.1") && r.field == QLatin1String("choice");
        if (platformRule != !r.says.isEmpty() || platformRule != !r.platform.isEmpty()) {
            *error = QStringLiteral("%1: says and platform belong to 7.1 choice rules, and only there").arg(where);
            return false;
        }
        if (platformRule) {
            const PlatformMatch match = classify(r.value, r.says, true);
            if (!match.platform || match.platform->id != r.platform) {
                *error = QStringLiteral("%1.platform: \"%2\" under 7.1 %3 is classified as %4, not %5")
                             .arg(where, r.says, r.value,
                                  match.platform ? match.platform->id : QStringLiteral("nothing"), r.platform);
                return false;
            }
        }
        m_documentRules.append(r);
    }
    return true;
}

namespace {

QRegularExpression globToRegex(const QString &glob)
{
    QString pattern = QRegularExpression::escape(glob);
    pattern.replace(QLatin1String("\\*"), QLatin1String(".*"));
    return QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'));
}

// The value a suggestion gives must be one the field accepts: a choice of a choice field,
// choices of a checklist, or any text for a text field.
QString checkSuggestion(const SuggestedAnswer &s, const Questionnaire &q)
{
    const bool context = s.question == QLatin1String("context");
    const Field *field = context ? q.contextField(s.field) : q.field(s.question, s.field);
    if (!field)
        return QStringLiteral("phase7.json has no field %1 %2").arg(s.question, s.field);
    const bool list = s.value.typeId() == QMetaType::QStringList;
    if (list != (field->type == Field::Type::Multi))
        return QStringLiteral("%1 %2 takes %3")
            .arg(s.question, s.field, list ? QStringLiteral("one value") : QStringLiteral("a list"));
    if (field->choices.isEmpty() || field->other)
        return {};
    for (const QString &value : list ? s.value.toStringList() : QStringList{s.value.toString()}) {
        if (!field->choice(value))
            return QStringLiteral("\"%1\" is not a choice of %2 %3").arg(value, s.question, s.field);
    }
    return {};
}

} // namespace

bool Knowledge::loadLibraryRules(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    const QString name = knowledgeName(root, root + QStringLiteral("/evidence/libraries.json"));
    const auto schema =
        readKnowledgeSchema(root + QStringLiteral("/evidence-libraries.schema.json"),
                            knowledgeName(root, root + QStringLiteral("/evidence-libraries.schema.json")), error);
    if (!schema)
        return false;
    const auto object = readValidKnowledge(root + QStringLiteral("/evidence/libraries.json"), name, *schema, error);
    if (!object)
        return false;
    const QJsonArray rules = object->value(QLatin1String("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject o = rules.at(i).toObject();
        LibraryEvidenceRule rule;
        rule.packages = jsonStrings(o.value(QLatin1String("packages")));
        for (const QString &package : std::as_const(rule.packages))
            rule.patterns.append(globToRegex(package));
        rule.note = o.value(QLatin1String("note")).toString();
        const QJsonArray suggests = o.value(QLatin1String("suggests")).toArray();
        for (qsizetype j = 0; j < suggests.size(); ++j) {
            const QJsonObject s = suggests.at(j).toObject();
            const QJsonValue value = s.value(QLatin1String("value"));
            SuggestedAnswer answer{s.value(QLatin1String("question")).toString(),
                                   s.value(QLatin1String("field")).toString(),
                                   value.isArray() ? QVariant(jsonStrings(value)) : QVariant(value.toString())};
            const QString problem = checkSuggestion(answer, questionnaire);
            if (!problem.isEmpty()) {
                *error = QStringLiteral("%1: rules[%2].suggests[%3]: %4").arg(name).arg(i).arg(j).arg(problem);
                return false;
            }
            rule.suggests.append(answer);
        }
        m_libraryRules.append(rule);
    }
    return true;
}

bool Knowledge::loadImages(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    const QString name = knowledgeName(root, root + QStringLiteral("/images.json"));
    const auto schema = readKnowledgeSchema(root + QStringLiteral("/images.schema.json"),
                                            knowledgeName(root, root + QStringLiteral("/images.schema.json")), error);
    if (!schema)
        return false;
    const auto object = readValidKnowledge(root + QStringLiteral("/images.json"), name, *schema, error);
    if (!object)
        return false;
    const auto fail = [&](const QString &where, const QString &problem) {
        *error = QStringLiteral("%1: %2: %3").arg(name, where, problem);
        return false;
    };
    // One entry per id; a date, with its source, or the reason there is none.
    const auto read = [&](const QString &list, const char *idKey, QList<ImageKnowledge> *into) {
        const QJsonArray entries = object->value(list).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject o = entries.at(i).toObject();
            const QString where = QStringLiteral("%1[%2]").arg(list).arg(i);
            ImageKnowledge image;
            image.id = o.value(QLatin1String(idKey)).toString();
            image.release = o.value(QLatin1String("release")).toString();
            image.run = o.value(QLatin1String(o.contains(QLatin1String("image")) ? "image" : "run")).toString();
            image.build = o.value(QLatin1String("build")).toString();
            image.user = o.value(QLatin1String("user")).toString();
            const QString date = o.value(QLatin1String("supported_until")).toString();
            const QString support = o.value(QLatin1String("support")).toString();
            image.source = date.isEmpty() ? support : o.value(QLatin1String("source")).toString();
            if (std::any_of(into->cbegin(), into->cend(), [&](const ImageKnowledge &k) { return k.id == image.id; }))
                return fail(where + u'.' + QLatin1String(idKey), QStringLiteral("\"%1\" appears twice").arg(image.id));
            if (!date.isEmpty()) {
                image.supportedUntil = QDate::fromString(date, Qt::ISODate);
                if (!image.supportedUntil.isValid())
                    return fail(where + QStringLiteral(".supported_until"),
                                QStringLiteral("\"%1\" is not a date").arg(date));
                if (image.source.isEmpty())
                    return fail(where, QStringLiteral("a supported_until date needs its source"));
                if (!support.isEmpty())
                    return fail(where + QStringLiteral(".support"),
                                QStringLiteral("give a date or a reason, not both"));
            } else if (support.isEmpty()) {
                return fail(where, QStringLiteral("needs supported_until (with its source) or support (why no date)"));
            }
            into->append(image);
        }
        return true;
    };
    if (!read(QStringLiteral("runtimes"), "runtime", &m_runtimes)
        || !read(QStringLiteral("services"), "service", &m_services))
        return false;
    m_anyImageUser = object->value(QLatin1String("any_image_user")).toObject().value(QLatin1String("user")).toString();
    const Field *runtime = questionnaire.contextField(QStringLiteral("runtime"));
    if (!runtime)
        return fail(QStringLiteral("runtimes"), QStringLiteral("the questionnaire has no context field runtime"));
    for (qsizetype i = 0; i < m_runtimes.size(); ++i) {
        if (!runtime->choice(m_runtimes.at(i).id))
            return fail(QStringLiteral("runtimes[%1].runtime").arg(i),
                        QStringLiteral("\"%1\" is not a choice of the context field runtime").arg(m_runtimes.at(i).id));
    }
    for (const Choice &choice : runtime->choices) {
        const bool listed = std::any_of(m_runtimes.cbegin(), m_runtimes.cend(),
                                        [&](const ImageKnowledge &k) { return k.id == choice.value; });
        if (!listed)
            return fail(QStringLiteral("runtimes"),
                        QStringLiteral("the runtime \"%1\" has no images").arg(choice.value));
    }
    return true;
}

const ImageKnowledge &Knowledge::runtimeImages(const QString &runtime) const
{
    for (const ImageKnowledge &image : m_runtimes) {
        if (image.id == runtime)
            return image;
    }
    for (const ImageKnowledge &image : m_runtimes) {
        if (image.id == QLatin1String("other"))
            return image;
    }
    return m_runtimes.constFirst(); // not reached: the loader requires "other"
}

const ImageKnowledge *Knowledge::serviceImage(const QString &service) const
{
    for (const ImageKnowledge &image : m_services) {
        if (image.id == service)
            return &image;
    }
    return nullptr;
}

QStringList Knowledge::knownValues(const QString &questionId, const QString &fieldId) const
{
    QStringList values;
    for (const LibraryEvidenceRule &rule : m_libraryRules) {
        for (const SuggestedAnswer &s : rule.suggests) {
            if (s.question == questionId && s.field == fieldId && !values.contains(s.value.toString()))
                values.append(s.value.toString());
        }
    }
    return values;
}

bool Knowledge::namesAPlatform(const QString &line) const
{
    return std::any_of(m_documentRules.begin(), m_documentRules.end(), [&](const DocumentEvidenceRule &r) {
        return r.question == QLatin1String("7.1") && r.pattern.match(line).hasMatch();
    });
}

const Knowledge &Knowledge::builtIn()
{
    static const Knowledge knowledge = [] {
        QString error;
        auto loaded = load(QStringLiteral(":/resources/knowledge"), Questionnaire::builtIn(), &error);
        if (!loaded)
            qFatal("The built-in knowledge does not load: %s", qPrintable(error));
        return *loaded;
    }();
    return knowledge;
}

const PlatformKnowledge *Knowledge::platform(const QString &id) const
{
    for (const PlatformKnowledge &p : m_platforms) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const CloudKnowledge *Knowledge::cloud(const QString &id) const
{
    for (const CloudKnowledge &c : m_clouds) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString Knowledge::cloudNamedIn(const QString &typed) const
{
    for (const CloudKnowledge &c : m_clouds) {
        if (anyPatternMatches(c.match, typed))
            return c.id;
    }
    return {};
}

PlatformMatch Knowledge::classify(const QString &choice, const QString &typed, bool containerized) const
{
    PlatformMatch result;
    result.cloud = cloudNamedIn(typed);
    const bool cloudChoice = choice == QLatin1String("A");
    if (cloudChoice && result.cloud.isEmpty())
        result.cloud = QStringLiteral("aws"); // a cloud nobody named: the most common one
    if (choice.isEmpty())
        return result;
    const auto eligible = [&](const PlatformKnowledge &p) {
        if (!p.choices.contains(choice))
            return false;
        if (cloudChoice && !p.cloud.isEmpty() && p.cloud != result.cloud)
            return false;
        return p.containers == QLatin1String("any")
            || p.containers == QLatin1String(containerized ? "required" : "never");
    };
    const PlatformKnowledge *best = nullptr;
    for (const PlatformKnowledge &p : m_platforms) {
        if (eligible(p) && p.matches(typed) && (!best || p.priority > best->priority))
            best = &p;
    }
    if (!best) {
        for (const PlatformKnowledge &p : m_platforms) {
            if (eligible(p) && p.defaultFor.contains(choice)) {
                best = &p;
                break;
            }
        }
    }
    result.platform = best;
    if (best && !best->cloud.isEmpty())
        result.cloud = best->cloud;
    return result;
}

bool Knowledge::loadRuntimes(const QString &root, const Questionnaire &questionnaire, QString *error)
{
    const QString name = knowledgeName(root, root + QStringLiteral("/runtimes.json"));
    const auto schema = readKnowledgeSchema(root + QStringLiteral("/runtimes.schema.json"),
                                            knowledgeName(root, root + QStringLiteral("/runtimes.schema.json")), error);
    if (!schema)
        return false;
    const auto object = readValidKnowledge(root + QStringLiteral("/runtimes.json"), name, *schema, error);
    if (!object)
        return false;
    const auto fail = [&](const QString &where, const QString &problem) {
        *error = QStringLiteral("%1: %2: %3").arg(name, where, problem);
        return false;
    };
    const Field *runtime = questionnaire.contextField(QStringLiteral("runtime"));
    if (!runtime)
        return fail(QStringLiteral("runtimes"), QStringLiteral("the questionnaire has no context field runtime"));
    const QJsonArray entries = object->value(QLatin1String("runtimes")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject o = entries.at(i).toObject();
        const QString where = QStringLiteral("runtimes[%1]").arg(i);
        RuntimeKnowledge r{o.value(QLatin1String("runtime")).toString(),
                           QRegularExpression(o.value(QLatin1String("names")).toString()),
                           o.value(QLatin1String("audit")).toString(), o.value(QLatin1String("logging")).toString(),
                           o.value(QLatin1String("openapi")).toString()};
        if (!runtime->choice(r.id))
            return fail(where + QStringLiteral(".runtime"),
                        QStringLiteral("\"%1\" is not a choice of the context field runtime").arg(r.id));
        if (std::any_of(m_runtimeNames.cbegin(), m_runtimeNames.cend(),
                        [&](const RuntimeKnowledge &k) { return k.id == r.id; }))
            return fail(where + QStringLiteral(".runtime"), QStringLiteral("\"%1\" appears twice").arg(r.id));
        // "other" names no runtime; every other one must be recognisable in a document.
        const bool other = r.id == QLatin1String("other");
        if (other == o.contains(QLatin1String("names")))
            return fail(where + QStringLiteral(".names"),
                        other ? QStringLiteral("other names no runtime") : QStringLiteral("a runtime needs its names"));
        if (!other && !r.names.isValid())
            return fail(where + QStringLiteral(".names"),
                        QStringLiteral("not a valid regular expression (%1)").arg(r.names.errorString()));
        m_runtimeNames.append(r);
    }
    for (const Choice &choice : runtime->choices) {
        if (!std::any_of(m_runtimeNames.cbegin(), m_runtimeNames.cend(),
                         [&](const RuntimeKnowledge &k) { return k.id == choice.value; }))
            return fail(
                QStringLiteral("runtimes"),
                QStringLiteral("the runtime \"%1\" of the context field runtime has no entry").arg(choice.value));
    }
    return true;
}

const RuntimeKnowledge &Knowledge::runtime(const QString &id) const
{
    const auto it = std::find_if(m_runtimeNames.cbegin(), m_runtimeNames.cend(),
                                 [&](const RuntimeKnowledge &r) { return r.id == id; });
    if (it != m_runtimeNames.cend())
        return *it;
    return runtime(QStringLiteral("other")); // the loader checked it exists
}

} // namespace opsflow
