// resources/knowledge/: every file loads, and every kind of defect is refused with the file and key named.
#include "generation.h"
#include "knowledge.h"
#include "knowledgeedits.h"
#include "questionnaire.h"
#include "templatevariables.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

const QString builtInRoot = QStringLiteral(":/resources/knowledge");

} // namespace

class TestKnowledge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldLoadTheBuiltInKnowledge()
    {
        QString error;
        const auto k = Knowledge::load(builtInRoot, Questionnaire::builtIn(), &error);
        QVERIFY2(k, qPrintable(error));
        QVERIFY(k->platforms().size() >= 19);
        QCOMPARE(k->clouds().size(), 3);
        // Every platform is reachable: some answer classifies as it.
        for (const PlatformKnowledge &p : k->platforms()) {
            QVERIFY2(!p.match.isEmpty() || !p.defaultFor.isEmpty(),
                     qPrintable(p.id + QStringLiteral(" can never be chosen")));
            QVERIFY2(!p.commands.isEmpty() || !p.actions.isEmpty(),
                     qPrintable(p.id + QStringLiteral(" has no operations")));
        }
    }

    // Every 7.1 choice letter a knowledge file names is one of the questionnaire's choices.
    void shouldNameOnlyRealChoices()
    {
        const Field *choice = Questionnaire::builtIn().field(QStringLiteral("7.1"), QStringLiteral("choice"));
        QVERIFY(choice);
        for (const PlatformKnowledge &p : Knowledge::builtIn().platforms()) {
            for (const QString &letter : p.choices + p.defaultFor)
                QVERIFY2(choice->choice(letter), qPrintable(p.id + QStringLiteral(": ") + letter));
        }
    }

    void shouldRejectDefects_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
        QTest::addColumn<QString>("expected");
        const QString ecs = QStringLiteral("platforms/aws-ecs.json");
        QTest::newRow("unknown key") << ecs << QStringLiteral("colour") << QJsonValue(QStringLiteral("red"))
                                     << QStringLiteral("knowledge/platforms/aws-ecs.json: colour: unknown key");
        QTest::newRow("unknown nested key")
            << ecs << QStringLiteral("commands")
            << QJsonValue(QJsonObject{{QStringLiteral("rollbak"), QStringLiteral("x")}})
            << QStringLiteral("knowledge/platforms/aws-ecs.json: commands.rollbak: unknown key");
        QTest::newRow("missing key") << ecs << QStringLiteral("nouns") << QJsonValue(QJsonValue::Undefined)
                                     << QStringLiteral("aws-ecs.json: the file: the key \"nouns\" is missing");
        QTest::newRow("wrong type") << ecs << QStringLiteral("priority") << QJsonValue(QStringLiteral("high"))
                                    << QStringLiteral("aws-ecs.json: priority: must be integer, not string");
        QTest::newRow("unknown family") << ecs << QStringLiteral("family") << QJsonValue(QStringLiteral("mainframe"))
                                        << QStringLiteral("aws-ecs.json: family: must be one of \"cloud\"");
        QTest::newRow("unknown choice letter")
            << ecs << QStringLiteral("choices") << QJsonValue(QJsonArray{QStringLiteral("A"), QStringLiteral("Z")})
            << QStringLiteral("aws-ecs.json: choices: \"Z\" is not one of 7.1's choices (A, B, C, D)");
        QTest::newRow("bad pattern") << ecs << QStringLiteral("match") << QJsonValue(QJsonArray{QStringLiteral("ecs(")})
                                     << QStringLiteral("aws-ecs.json: match[0]: not a valid regular expression");
        QTest::newRow("id not the file name") << ecs << QStringLiteral("id") << QJsonValue(QStringLiteral("ecs"))
                                              << QStringLiteral("aws-ecs.json: id: \"ecs\" must be the file's name");
        QTest::newRow("two defaults") << QStringLiteral("platforms/aws-lambda.json") << QStringLiteral("default_for")
                                      << QJsonValue(QJsonArray{QStringLiteral("A")})
                                      << QStringLiteral("7.1 choice A on aws needs exactly one default platform");
        QTest::newRow("no default") << ecs << QStringLiteral("default_for") << QJsonValue(QJsonValue::Undefined)
                                    << QStringLiteral("7.1 choice A on aws needs exactly one default platform");
        QTest::newRow("equal priorities") << QStringLiteral("platforms/aws-lambda.json") << QStringLiteral("priority")
                                          << QJsonValue(20) << QStringLiteral("priority: 20 is also");
        QTest::newRow("command and action")
            << QStringLiteral("platforms/fly.json") << QStringLiteral("actions")
            << QJsonValue(QJsonObject{{QStringLiteral("logs"), QStringLiteral("look")}})
            << QStringLiteral("fly.json: actions.logs: the operation already has a command");
        QTest::newRow("per request without shutdown")
            << QStringLiteral("platforms/aws-lambda.json") << QStringLiteral("shutdown")
            << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("aws-lambda.json: shutdown: a per_request platform says how its instances end");
        QTest::newRow("shutdown without per request")
            << ecs << QStringLiteral("shutdown") << QJsonValue(QStringLiteral("ECS stops tasks."))
            << QStringLiteral("aws-ecs.json: shutdown: only a per_request platform replaces the stop window");
        QTest::newRow("per request without autoscaling")
            << QStringLiteral("platforms/vercel.json") << QStringLiteral("autoscaling")
            << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("vercel.json: autoscaling: a per_request platform says how it scales");
        QTest::newRow("per request without release")
            << QStringLiteral("platforms/vercel.json") << QStringLiteral("release") << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("vercel.json: release: a per_request platform says how a release moves traffic");
        QTest::newRow("release without per request")
            << ecs << QStringLiteral("release") << QJsonValue(QStringLiteral("ECS replaces tasks."))
            << QStringLiteral("aws-ecs.json: release: only a per_request platform replaces the rolling of instances");
        QTest::newRow("per request without health check")
            << QStringLiteral("platforms/vercel.json") << QStringLiteral("health_check")
            << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("vercel.json: health_check: a per_request platform says what uses its health endpoints");
        QTest::newRow("health check without per request")
            << ecs << QStringLiteral("health_check") << QJsonValue(QStringLiteral("The load balancer checks tasks."))
            << QStringLiteral("aws-ecs.json: health_check: only a per_request platform routes by no health endpoint");
        QTest::newRow("per request without a diagram scaling label")
            << QStringLiteral("platforms/aws-lambda.json") << QStringLiteral("diagram")
            << QJsonValue(QJsonObject{{QStringLiteral("balancer"), QStringLiteral("Amazon API Gateway")}})
            << QStringLiteral("aws-lambda.json: diagram.scaling: a per_request platform says how its diagrams show it");
        QTest::newRow("per request with a stop window")
            << QStringLiteral("platforms/aws-lambda.json") << QStringLiteral("stop")
            << QJsonValue(QJsonObject{{QStringLiteral("actor"), QStringLiteral("Lambda")},
                                      {QStringLiteral("default_s"), 2},
                                      {QStringLiteral("fixed"), true}})
            << QStringLiteral("aws-lambda.json: stop: a per_request platform sends no SIGTERM");
        QTest::newRow("autoscaled command and action")
            << QStringLiteral("platforms/kubernetes.json") << QStringLiteral("actions_with_autoscaling")
            << QJsonValue(QJsonObject{{QStringLiteral("scale"), QStringLiteral("raise the maximum")}})
            << QStringLiteral("kubernetes.json: actions_with_autoscaling.scale: the operation already has a command");
        // ci.json: the 7.4 platforms, by choice letter.
        const auto ciEntry = [](const QJsonArray &files) {
            return QJsonObject{{QStringLiteral("definition"), QStringLiteral("`ci.yml`")},
                               {QStringLiteral("secrets"), QStringLiteral("the CI's secrets")},
                               {QStringLiteral("approval"), QStringLiteral("a manual step")},
                               {QStringLiteral("files"), files},
                               {QStringLiteral("evidence"), QStringLiteral("CI config")}};
        };
        const QJsonArray ciFiles{QStringLiteral("(^|/)ci\\.yml$")};
        QTest::newRow("ci: unknown choice letter")
            << QStringLiteral("ci.json") << QStringLiteral("platforms")
            << QJsonValue(QJsonObject{{QStringLiteral("Z"), ciEntry(ciFiles)}})
            << QStringLiteral("knowledge/ci.json: platforms.Z: not one of 7.4's platform choices");
        QTest::newRow("ci: a choice without an entry")
            << QStringLiteral("ci.json") << QStringLiteral("platforms")
            << QJsonValue(QJsonObject{{QStringLiteral("A"), ciEntry(ciFiles)}})
            << QStringLiteral("knowledge/ci.json: platforms: 7.4 choice B (GitLab CI) has no entry");
        QTest::newRow("ci: bad file pattern")
            << QStringLiteral("ci.json") << QStringLiteral("platforms")
            << QJsonValue(QJsonObject{{QStringLiteral("A"), ciEntry(QJsonArray{QStringLiteral("ci(")})}})
            << QStringLiteral("knowledge/ci.json: platforms.A.files[0]: not a valid regular expression");
        QTest::newRow("ci: unknown key") << QStringLiteral("ci.json") << QStringLiteral("unknown")
                                         << QJsonValue(QJsonObject{{QStringLiteral("definition"), QStringLiteral("x")},
                                                                   {QStringLiteral("secrets"), QStringLiteral("x")},
                                                                   {QStringLiteral("approval"), QStringLiteral("x")},
                                                                   {QStringLiteral("colour"), QStringLiteral("red")}})
                                         << QStringLiteral("knowledge/ci.json: unknown.colour: unknown key");
        QTest::newRow("unknown cloud") << QStringLiteral("clouds.json") << QStringLiteral("clouds")
                                       << QJsonValue(QJsonArray{QJsonObject{
                                              {QStringLiteral("id"), QStringLiteral("ibm")},
                                              {QStringLiteral("name"), QStringLiteral("IBM")},
                                              {QStringLiteral("match"), QJsonArray{QStringLiteral("ibm")}}}})
                                       << QStringLiteral("clouds.json: clouds[0].id: must be one of");
    }

    void shouldRejectDefects()
    {
        QFETCH(QString, file);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyKnowledge(dir.path()));
        const QString path = dir.filePath(file);
        QJsonObject o = readJson(path);
        QVERIFY(!o.isEmpty());
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        QVERIFY(writeJson(path, o));
        QString error;
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // A document rule may only suggest answers that exist, and a platform text the classifier
    // reads as the platform the rule names.
    void shouldRejectDocumentRuleDefects_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("says another platform")
            << QStringLiteral("says") << QJsonValue(QStringLiteral("Docker Swarm"))
            << QStringLiteral(
                   "evidence/documents.json: rules[0].platform: \"Docker Swarm\" under 7.1 D is classified as "
                   "docker-swarm, not kubernetes");
        QTest::newRow("unknown field") << QStringLiteral("field") << QJsonValue(QStringLiteral("colour"))
                                       << QStringLiteral("rules[0].field: phase7.json has no field 7.1 colour");
        QTest::newRow("unknown choice") << QStringLiteral("value") << QJsonValue(QStringLiteral("Q"))
                                        << QStringLiteral("rules[0].value: \"Q\" is not a choice of 7.1 choice");
        QTest::newRow("unknown key") << QStringLiteral("weight") << QJsonValue(2)
                                     << QStringLiteral("evidence/documents.json: rules[0].weight: unknown key");
    }

    void shouldRejectDocumentRuleDefects()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(copyKnowledge(dir.path()));
        const QString path = dir.filePath(QStringLiteral("evidence/documents.json"));
        QJsonObject o = readJson(path);
        QJsonArray rules = o.value(QLatin1String("rules")).toArray();
        QJsonObject first = rules.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("platform")).toString(), QStringLiteral("kubernetes"));
        first.insert(key, value);
        rules.replace(0, first);
        o.insert(QStringLiteral("rules"), rules);
        QVERIFY(writeJson(path, o));
        QString error;
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // A dependency may only suggest an answer the questionnaire accepts.
    void shouldRejectLibraryRuleDefects_data()
    {
        QTest::addColumn<QJsonValue>("suggestion");
        QTest::addColumn<QString>("expected");
        const auto suggestion = [](const char *question, const char *field, const QJsonValue &value) {
            return QJsonValue(QJsonObject{{QStringLiteral("question"), QLatin1String(question)},
                                          {QStringLiteral("field"), QLatin1String(field)},
                                          {QStringLiteral("value"), value}});
        };
        QTest::newRow("unknown field")
            << suggestion("7.5", "loging", QStringLiteral("C"))
            << QStringLiteral("libraries.json: rules[0].suggests[0]: phase7.json has no field 7.5 loging");
        QTest::newRow("unknown choice") << suggestion("7.5", "logging", QStringLiteral("Q"))
                                        << QStringLiteral("rules[0].suggests[0]: \"Q\" is not a choice of 7.5 logging");
        QTest::newRow("unknown context value")
            << suggestion("context", "database", QStringLiteral("oracle"))
            << QStringLiteral("rules[0].suggests[0]: \"oracle\" is not a choice of context database");
        QTest::newRow("list for one value") << suggestion("7.5", "logging", QJsonArray{QStringLiteral("C")})
                                            << QStringLiteral("rules[0].suggests[0]: 7.5 logging takes one value");
    }

    void shouldRejectLibraryRuleDefects()
    {
        QFETCH(QJsonValue, suggestion);
        QFETCH(QString, expected);
        const QString error =
            loadErrorWithFirstEntry(QStringLiteral("evidence/libraries.json"), QStringLiteral("rules"),
                                    QStringLiteral("suggests"), QJsonArray{suggestion});
        QVERIFY2(!error.isEmpty() && error.contains(expected), qPrintable(error));
    }

    // Every suggested image is a release that is still supported today. This test starts
    // failing on the day a default goes stale: update resources/knowledge/images.json then.
    void shouldSuggestOnlySupportedImages()
    {
        const Knowledge &k = Knowledge::builtIn();
        const QDate today = QDate::currentDate();
        int dated = 0;
        for (const QList<ImageKnowledge> *list : {&k.runtimes(), &k.services()}) {
            for (const ImageKnowledge &image : *list) {
                QVERIFY2(!image.source.isEmpty(), qPrintable(image.id));
                if (!image.supportedUntil.isValid())
                    continue; // no published date; `source` says why
                ++dated;
                QVERIFY2(image.supportedUntil >= today,
                         qPrintable(QStringLiteral("%1 (%2) left support on %3 (%4)")
                                        .arg(image.run, image.release, image.supportedUntil.toString(Qt::ISODate),
                                             image.source)));
            }
        }
        // Every runtime image has a date; only services without a published policy may lack one.
        for (const ImageKnowledge &image : k.runtimes())
            QVERIFY2(image.supportedUntil.isValid(), qPrintable(image.id));
        QVERIFY(dated >= k.runtimes().size());
    }

    // Each runtime the questionnaire offers has its images; an unknown one falls back to "other".
    void shouldHaveImagesForEveryRuntime()
    {
        const Knowledge &k = Knowledge::builtIn();
        const Field *runtime = Questionnaire::builtIn().contextField(QStringLiteral("runtime"));
        QVERIFY(runtime);
        for (const Choice &choice : runtime->choices)
            QCOMPARE(k.runtimeImages(choice.value).id, choice.value);
        QCOMPARE(k.runtimeImages(QStringLiteral("cobol")).id, QStringLiteral("other"));
        // The questionnaire's example base image is the default of its default runtime.
        const Field *base = Questionnaire::builtIn().field(QStringLiteral("7.2"), QStringLiteral("base_image"));
        QVERIFY(base);
        QCOMPARE(base->placeholder, k.runtimeImages(runtime->defaultValue.toString()).run);
    }

    void shouldRejectImageDefects_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown runtime") << QStringLiteral("runtimes") << QStringLiteral("runtime")
                                         << QJsonValue(QStringLiteral("cobol"))
                                         << QStringLiteral(
                                                "images.json: runtimes[0].runtime: \"cobol\" is not a choice");
        QTest::newRow("runtime twice") << QStringLiteral("runtimes") << QStringLiteral("runtime")
                                       << QJsonValue(QStringLiteral("python"))
                                       << QStringLiteral("images.json: runtimes[1].runtime: \"python\" appears twice");
        QTest::newRow("not a date") << QStringLiteral("runtimes") << QStringLiteral("supported_until")
                                    << QJsonValue(QStringLiteral("2028-02-30"))
                                    << QStringLiteral("runtimes[0].supported_until: \"2028-02-30\" is not a date");
        QTest::newRow("date and reason") << QStringLiteral("services") << QStringLiteral("support")
                                         << QJsonValue(QStringLiteral("because"))
                                         << QStringLiteral("services[0].support: give a date or a reason, not both");
        QTest::newRow("unknown key") << QStringLiteral("services") << QStringLiteral("eol")
                                     << QJsonValue(QStringLiteral("2030-01-01")) << QStringLiteral("images.json: ");
    }

    void shouldRejectImageDefects()
    {
        QFETCH(QString, list);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QString error = loadErrorWithFirstEntry(QStringLiteral("images.json"), list, key, value);
        QVERIFY2(!error.isEmpty() && error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(key), qPrintable(error)); // the key at fault is named
    }

    // The pre-flight audit's topics: real questions, every question in a topic, one topic per term.
    void shouldRejectAuditTopicDefects_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown question")
            << QStringLiteral("questions") << QJsonValue(QJsonArray{QStringLiteral("7.4"), QStringLiteral("7.99")})
            << QStringLiteral("audit.json: items[0].questions: \"7.99\" is not a question of the questionnaire");
        QTest::newRow("a question in no topic")
            << QStringLiteral("questions") << QJsonValue(QJsonArray{QStringLiteral("7.1")})
            << QStringLiteral("audit.json: items: question 7.4 belongs to no topic");
        QTest::newRow("a term of two topics")
            << QStringLiteral("gap_terms") << QJsonValue(QJsonArray{QStringLiteral("ci"), QStringLiteral("backup")})
            << QStringLiteral("audit.json: items[5].gap_terms: \"backup\" already names the topic ci_cd");
        QTest::newRow("a term not in words")
            << QStringLiteral("gap_terms") << QJsonValue(QJsonArray{QStringLiteral("CI-CD")})
            << QStringLiteral("audit.json: items[0].gap_terms[0]");
        QTest::newRow("bad pattern") << QStringLiteral("heading") << QJsonValue(QStringLiteral("ci("))
                                     << QStringLiteral("audit.json: items[0].heading: ");
        QTest::newRow("unknown origin") << QStringLiteral("origin") << QJsonValue(QStringLiteral("ours"))
                                        << QStringLiteral("audit.json: items[0].origin");
    }

    void shouldRejectAuditTopicDefects()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QString error =
            loadErrorWithFirstEntry(QStringLiteral("audit.json"), QStringLiteral("items"), key, value);
        QVERIFY2(!error.isEmpty() && error.contains(expected), qPrintable(error));
    }

    // Every OpsFlow name an ai-flow name maps to is one the template context holds (for a list,
    // with that item field): a misspelt target would leave a [TBD] where OpsFlow has the value.
    void shouldMapAiFlowTemplateNamesToNamesOpsFlowFills()
    {
        const QList<AiFlowTemplateKnowledge> &templates = Knowledge::builtIn().aiFlowTemplates();
        QCOMPARE(templates.size(), 3);
        QMap<QString, QStringList> known; // name → its item fields, for a list
        static const QRegularExpression upper(QStringLiteral("\\b[A-Z][A-Z0-9_]*\\b"));
        for (const TemplateVariable &v : templateVariables()) {
            QStringList &fields = known[v.name];
            for (auto it = upper.globalMatch(v.fields.join(u' ')); it.hasNext();)
                fields.append(it.next().captured());
        }
        for (const AiFlowTemplateKnowledge &mapping : templates) {
            for (auto it = mapping.variables.begin(); it != mapping.variables.end(); ++it)
                QVERIFY2(known.contains(it.value()), qPrintable(mapping.source + u' ' + it.key() + u' ' + it.value()));
            for (auto it = mapping.lists.begin(); it != mapping.lists.end(); ++it) {
                QVERIFY2(known.contains(it->from), qPrintable(mapping.source + u' ' + it.key()));
                for (const QString &field : it->fields)
                    QVERIFY2(field == QLatin1String("INDEX") || known.value(it->from).contains(field),
                             qPrintable(mapping.source + u' ' + it.key() + u'.' + field));
            }
        }
        // A name the schema cannot check is checked on load.
        const QString error = loadErrorWithFirstEntry(
            QStringLiteral("aiflow-templates.json"), QStringLiteral("templates"), QStringLiteral("variables"),
            QJsonObject{{QStringLiteral("project name"), QStringLiteral("X")}});
        QVERIFY2(
            error.contains(QLatin1String("aiflow-templates.json: templates[0].variables: \"project name\" is not a "
                                         "template name")),
            qPrintable(error));
    }

    void shouldSplitGapIdsIntoWords_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("snake") << "disaster_recovery"
                               << QStringList{QStringLiteral("disaster"), QStringLiteral("recovery")};
        QTest::newRow("kebab") << "on-call" << QStringList{QStringLiteral("on"), QStringLiteral("call")};
        QTest::newRow("camel") << "rtoRpo" << QStringList{QStringLiteral("rto"), QStringLiteral("rpo")};
        QTest::newRow("slash") << "CI/CD" << QStringList{QStringLiteral("ci"), QStringLiteral("cd")};
        QTest::newRow("spaced") << " Incident  Runbooks "
                                << QStringList{QStringLiteral("incident"), QStringLiteral("runbooks")};
        QTest::newRow("upper snake") << "SCALING_STRATEGY"
                                     << QStringList{QStringLiteral("scaling"), QStringLiteral("strategy")};
    }

    void shouldSplitGapIdsIntoWords()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, words);
        QCOMPARE(topicWords(id), words);
    }

    // A dated entry must say where its date comes from; an undated one, why it has none.
    void shouldRequireTheSourceOfADate()
    {
        QTemporaryDir dir;
        QVERIFY(copyKnowledge(dir.path()));
        const QString path = dir.filePath(QStringLiteral("images.json"));
        QJsonObject o = readJson(path);
        QJsonArray services = o.value(QLatin1String("services")).toArray();
        QJsonObject first = services.at(0).toObject();
        first.remove(QStringLiteral("source"));
        services.replace(0, first);
        QJsonObject undated = services.at(services.size() - 1).toObject();
        undated.remove(QStringLiteral("support"));
        o.insert(QStringLiteral("services"), services);
        QVERIFY(writeJson(path, o));
        QString error;
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(error.contains(QStringLiteral("services[0]: a supported_until date needs its source")),
                 qPrintable(error));

        first.insert(QStringLiteral("source"), QStringLiteral("a release policy"));
        services.replace(0, first);
        services.replace(services.size() - 1, undated);
        o.insert(QStringLiteral("services"), services);
        QVERIFY(writeJson(path, o));
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(error.contains(QStringLiteral("needs supported_until (with its source) or support (why no date)")),
                 qPrintable(error));
    }

    void shouldRejectBrokenJson()
    {
        QTemporaryDir dir;
        QVERIFY(copyKnowledge(dir.path()));
        QFile f(dir.filePath(QStringLiteral("platforms/heroku.json")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\n  \"id\": \"heroku\",\n  oops\n}\n");
        f.close();
        QString error;
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("knowledge/platforms/heroku.json is not valid JSON")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
    }

    // The monitoring diagram's stacks: every edge joins nodes of its own stack, and each stack
    // has the AlertManager node its alerts come from; all six APM choices are required.
    void shouldRejectMonitoringStackDefects_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        const auto edge = [](const char *from, const char *to) {
            return QJsonValue(QJsonArray{QJsonObject{{"from", from}, {"to", to}}});
        };
        QTest::newRow("edge to a node elsewhere")
            << "alert_edges" << edge("Sentry", "Grafana")
            << "apm_stacks.sentry.alert_edges[0]: \"Grafana\" is not a node of this stack";
        QTest::newRow("trace edge from nowhere") << "trace_edges" << edge("Jaeger", "Sentry")
                                                 << "apm_stacks.sentry.trace_edges[0]: \"Jaeger\" is not a node";
        QTest::newRow("metrics node missing") << "metrics" << QJsonValue(QStringLiteral("Agent"))
                                              << "apm_stacks.sentry.metrics: \"Agent\" is not a node of this stack";
        QTest::newRow("no AlertManager") << "nodes"
                                         << QJsonValue(QJsonArray{QJsonObject{{"id", "Sentry"}, {"label", "Sentry"}},
                                                                  QJsonObject{{"id", "Alerts"}, {"label", "Alerts"}}})
                                         << "apm_stacks.sentry.nodes: no AlertManager node";
        QTest::newRow("node twice") << "nodes"
                                    << QJsonValue(QJsonArray{QJsonObject{{"id", "Sentry"}, {"label", "Sentry"}},
                                                             QJsonObject{{"id", "Sentry"}, {"label", "Again"}},
                                                             QJsonObject{{"id", "AlertManager"}, {"label", "Alerts"}}})
                                    << "apm_stacks.sentry.nodes: \"Sentry\" is there twice";
        QTest::newRow("quote in a label") << "group" << QJsonValue(QStringLiteral("Sentry \"stack\"")) << "group";
        QTest::newRow("unknown key") << "dashboards" << QJsonValue(QStringLiteral("Sentry")) << "dashboards";
    }

    void shouldRejectMonitoringStackDefects()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        const auto editSentry = [](const std::function<void(QJsonObject &)> &change) {
            return [change](QJsonObject &o) {
                QJsonObject stacks = o.value(QLatin1String("apm_stacks")).toObject();
                QJsonObject sentry = stacks.value(QLatin1String("sentry")).toObject();
                change(sentry);
                if (sentry.isEmpty())
                    stacks.remove(QStringLiteral("sentry"));
                else
                    stacks.insert(QStringLiteral("sentry"), sentry);
                o.insert(QStringLiteral("apm_stacks"), stacks);
            };
        };
        const QString got = loadErrorWithEdit(QStringLiteral("monitoring.json"),
                                              editSentry([&](QJsonObject &sentry) { sentry.insert(key, value); }));
        QVERIFY2(got.startsWith(QLatin1String("knowledge/monitoring.json")), qPrintable(got));
        QVERIFY2(got.contains(error), qPrintable(got));
        // A stack left out is refused too.
        const QString missing =
            loadErrorWithEdit(QStringLiteral("monitoring.json"), editSentry([](QJsonObject &sentry) { sentry = {}; }));
        QVERIFY2(missing.contains(QLatin1String("sentry")), qPrintable(missing));
    }

    // The managed services' backup sentences must name the service, and both kinds are there.
    void shouldRefuseManagedBackupSentencesWithoutTheService()
    {
        const QString unnamed = loadErrorWithEdit(QStringLiteral("stores.json"), [](QJsonObject &o) {
            QJsonObject backups = o.value(QLatin1String("managed_backups")).toObject();
            backups.insert(QStringLiteral("manual"), QStringLiteral("manual snapshots, taken weekly"));
            o.insert(QStringLiteral("managed_backups"), backups);
        });
        QVERIFY2(unnamed.contains(QLatin1String("stores.json: managed_backups.manual: does not name the service")),
                 qPrintable(unnamed));
        const QString missing = loadErrorWithEdit(QStringLiteral("stores.json"), [](QJsonObject &o) {
            QJsonObject backups = o.value(QLatin1String("managed_backups")).toObject();
            backups.remove(QStringLiteral("automated"));
            o.insert(QStringLiteral("managed_backups"), backups);
        });
        QVERIFY2(missing.contains(QLatin1String("automated")), qPrintable(missing));
    }

    // The Alerts table's rows come from monitoring.json, checked against 7.6's choices: a
    // letter that is not a condition, a condition without a row, or a threshold that is not
    // a number field of 7.6 fails the load.
    void shouldCheckAlertConditionsAgainstTheQuestionnaire_data()
    {
        QTest::addColumn<QString>("letter");
        QTest::addColumn<QJsonValue>("entry");
        QTest::addColumn<QString>("error");
        const QJsonObject base{{QStringLiteral("name"), QStringLiteral("X")},
                               {QStringLiteral("severity"), QStringLiteral("warning")},
                               {QStringLiteral("condition"), QStringLiteral("always")}};
        QTest::newRow("unknown letter") << QStringLiteral("Z") << QJsonValue(base)
                                        << QStringLiteral("alert_conditions.Z: not a choice");
        QTest::newRow("missing letter") << QStringLiteral("C") << QJsonValue() << QStringLiteral("the choice C");
        QJsonObject text = base;
        text.insert(QStringLiteral("threshold"), QStringLiteral("channels"));
        text.insert(QStringLiteral("condition"), QStringLiteral("above {threshold}"));
        text.insert(QStringLiteral("undecided"), QStringLiteral("not decided"));
        QTest::newRow("threshold not a number")
            << QStringLiteral("B") << QJsonValue(text) << QStringLiteral("is not a number field of 7.6");
        QJsonObject unused = base;
        unused.insert(QStringLiteral("condition"), QStringLiteral("above {threshold}"));
        QTest::newRow("placeholder without threshold")
            << QStringLiteral("C") << QJsonValue(unused) << QStringLiteral("without a threshold field");
    }
    void shouldCheckAlertConditionsAgainstTheQuestionnaire()
    {
        QFETCH(QString, letter);
        QFETCH(QJsonValue, entry);
        QFETCH(QString, error);
        const QString got = loadErrorWithEdit(QStringLiteral("monitoring.json"), [&](QJsonObject &o) {
            QJsonObject conditions = o.value(QLatin1String("alert_conditions")).toObject();
            if (entry.isUndefined() || entry.isNull())
                conditions.remove(letter);
            else
                conditions.insert(letter, entry);
            o.insert(QStringLiteral("alert_conditions"), conditions);
        });
        QVERIFY2(got.startsWith(QLatin1String("knowledge/monitoring.json: alert_conditions")), qPrintable(got));
        QVERIFY2(got.contains(error), qPrintable(got));
    }

    // The Alerts table's channels come from monitoring.json too, one per choice of 7.6's
    // channels: a missing or unknown letter fails the load, and what loads is what is said.
    void shouldCheckAlertChannelsAgainstTheQuestionnaire()
    {
        const QString missing = loadErrorWithEdit(QStringLiteral("monitoring.json"), [](QJsonObject &o) {
            QJsonObject channels = o.value(QLatin1String("alert_channels")).toObject();
            channels.remove(QStringLiteral("D"));
            o.insert(QStringLiteral("alert_channels"), channels);
        });
        QCOMPARE(missing,
                 QStringLiteral("knowledge/monitoring.json: alert_channels: the choice D (SMS (critical only)) "
                                "has no entry"));
        const QString unknown = loadErrorWithEdit(QStringLiteral("monitoring.json"), [](QJsonObject &o) {
            QJsonObject channels = o.value(QLatin1String("alert_channels")).toObject();
            channels.insert(QStringLiteral("E"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("Fax")},
                                        {QStringLiteral("use"), QStringLiteral("never")}});
            o.insert(QStringLiteral("alert_channels"), channels);
        });
        QVERIFY2(unknown.contains(QLatin1String("alert_channels.E: not a choice of Alert channels")),
                 qPrintable(unknown));
        const AlertChannelKnowledge *pager = Knowledge::builtIn().alertChannel(QStringLiteral("C"));
        QVERIFY(pager);
        QCOMPARE(pager->name, QStringLiteral("PagerDuty/Opsgenie"));
        QVERIFY(pager->use.contains(QLatin1String("{pager_key}")));
        QCOMPARE(Knowledge::builtIn().alertChannel(QStringLiteral("B"))->incidentChannel,
                 QStringLiteral("the Slack/Discord incident channel"));
        QVERIFY(Knowledge::builtIn().alertChannel(QStringLiteral("A"))->incidentChannel.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKnowledge)
#include "tst_knowledge.moc"
