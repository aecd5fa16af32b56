// The commands the documents print come from the knowledge files, fit the tool chain the
// answers name, and are safe to paste: every variable they use is one the document asks to
// set, an answered value is one shell word, and the whole set parses (bash -n).
#include "knowledge.h"
#include "knowledgeedits.h"
#include "operatingcommands.h"
#include "questionnaire.h"
#include "testfiles.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

const Knowledge &k()
{
    return Knowledge::builtIn();
}

CommandInputs inputs(const char *platform, const char *database = "postgresql", const char *managed = "aws")
{
    CommandInputs in;
    in.platform = k().platform(QString::fromLatin1(platform));
    in.slug = QStringLiteral("payments-api");
    in.strategy = QStringLiteral("A");
    in.database = QString::fromLatin1(database);
    in.managedKey = QString::fromLatin1(managed);
    in.cloud = in.platform && !in.platform->cloud.isEmpty() ? in.platform->cloud : QStringLiteral("aws");
    in.livenessPath = QStringLiteral("/health/live");
    return in;
}

// Every command line of `c`, plus every inline code span of its prose and notes.
QStringList everyCommand(const OperatingCommands &c)
{
    return c.allShell();
}

// The variables the commands use that no answer filled.
QSet<QString> variablesUsed(const OperatingCommands &c)
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{?([A-Z][A-Z0-9_]*)"));
    QSet<QString> names;
    for (const QString &line : everyCommand(c)) {
        for (auto it = variable.globalMatch(line); it.hasNext();)
            names.insert(it.next().captured(1));
    }
    return names;
}

QSet<QString> variablesListed(const OperatingCommands &c)
{
    QSet<QString> names;
    for (const ShellVariable &v : c.variables())
        names.insert(v.name);
    return names;
}

// bash's own parser on a script of lines; empty when it accepts them, else its complaint.
QString bashParse(const QStringList &lines)
{
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-n")});
    if (!bash.waitForStarted())
        return QStringLiteral("bash did not start");
    bash.write(lines.join(u'\n').toUtf8() + '\n');
    bash.closeWriteChannel();
    bash.waitForFinished();
    return bash.exitCode() == 0 ? QString() : QString::fromUtf8(bash.readAllStandardError()) + lines.join(u'\n');
}

} // namespace

class TestOperatingCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ECS deployed by CodeDeploy refuses --force-new-deployment and task definition changes
    // through update-service: blue-green on ECS gets CodeDeploy's own commands.
    void shouldUseCodeDeployForBlueGreenOnEcs()
    {
        CommandInputs in = inputs("aws-ecs");
        in.strategy = QStringLiteral("B");
        const OperatingCommands c = OperatingCommands::resolve(k(), in);
        QVERIFY(c.deployTool());
        QCOMPARE(c.deployTool()->id, QStringLiteral("codedeploy"));
        QVERIFY(c.deployToolAssumed());
        QVERIFY2(c.operation(QStringLiteral("rollback")).shell.startsWith(QStringLiteral("aws deploy stop-deployment")),
                 qPrintable(c.operation(QStringLiteral("rollback")).shell));
        for (const QString &line : c.allShell()) {
            QVERIFY2(!line.contains(QStringLiteral("--force-new-deployment")), qPrintable(line));
            QVERIFY2(!(line.contains(QStringLiteral("update-service"))
                       && line.contains(QStringLiteral("--task-definition"))),
                     qPrintable(line));
        }
        QVERIFY(c.operation(QStringLiteral("deploy")).shell.isEmpty()); // the pipeline's job, said in prose
        QVERIFY(!c.operation(QStringLiteral("deploy")).prose.isEmpty());

        // Rolling on ECS keeps the ECS service's own commands.
        const OperatingCommands rolling = OperatingCommands::resolve(k(), inputs("aws-ecs"));
        QVERIFY(!rolling.deployTool());
        QVERIFY(rolling.operation(QStringLiteral("rollback")).shell.contains(QStringLiteral("aws ecs update-service")));
    }

    // A typed tool wins over the strategy's usual one; an unknown one is reported, not replaced.
    void shouldFollowTheNamedDeployTool()
    {
        CommandInputs in = inputs("kubernetes", "postgresql", "");
        in.deployTool = QStringLiteral("Helm 3 charts");
        in.answers.insert(QStringLiteral("7.1.namespace"), QStringLiteral("payments"));
        const OperatingCommands helm = OperatingCommands::resolve(k(), in);
        QVERIFY(helm.deployTool());
        QCOMPARE(helm.deployTool()->id, QStringLiteral("helm"));
        QCOMPARE(helm.operation(QStringLiteral("rollback")).shell,
                 QStringLiteral("helm rollback payments-api --namespace payments --wait"));
        QVERIFY(!helm.operation(QStringLiteral("scale")).note.isEmpty()); // scaling lasts until the next upgrade

        // Under auto-scaling the count belongs to the autoscaler: scaling raises its maximum,
        // and the note says what keeps that, not the replica count.
        in.autoscaling = true;
        const OperatingCommands autoscaled = OperatingCommands::resolve(k(), in);
        QVERIFY(autoscaled.autoscaled(QStringLiteral("scale")));
        QCOMPARE(
            autoscaled.operation(QStringLiteral("scale")).shell,
            QStringLiteral(
                "kubectl -n payments patch hpa payments-api -p \"{\\\"spec\\\":{\\\"maxReplicas\\\":$MAX_COUNT}}\""));
        QVERIFY2(autoscaled.operation(QStringLiteral("scale")).note.contains(QStringLiteral("change its maximum")),
                 qPrintable(autoscaled.operation(QStringLiteral("scale")).note));
        in.autoscaling = false;

        in.deployTool = QStringLiteral("Spinnaker");
        const OperatingCommands unknown = OperatingCommands::resolve(k(), in);
        QVERIFY(!unknown.deployTool());
        QCOMPARE(unknown.unknownDeployTool(), QStringLiteral("Spinnaker"));
        QVERIFY(unknown.operation(QStringLiteral("rollback")).shell.startsWith(QStringLiteral("kubectl")));
    }

    // A canary release where the platform splits traffic itself starts the new version
    // without traffic and gives it its share step by step; elsewhere the platform's own deploy
    // command stays and the documents say what a canary needs there.
    void shouldDeployACanaryWithoutTrafficWhereThePlatformSplitsIt()
    {
        CommandInputs in = inputs("cloud-run", "postgresql", "gcp");
        in.strategy = QStringLiteral("C");
        const OperatingCommands canary = OperatingCommands::resolve(k(), in);
        QVERIFY2(canary.operation(QStringLiteral("deploy")).shell.contains(QStringLiteral("--no-traffic --tag canary")),
                 qPrintable(canary.operation(QStringLiteral("deploy")).shell));
        QCOMPARE(canary.operation(QStringLiteral("shift")).shell,
                 QStringLiteral("gcloud run services update-traffic payments-api --region \"$GCP_REGION\" "
                                "--to-tags \"canary=$CANARY_PERCENT\""));
        QVERIFY(variablesListed(canary).contains(QStringLiteral("CANARY_PERCENT")));
        QVERIFY(canary.canaryHow().contains(QStringLiteral("tag `canary`")));

        in.strategy = QStringLiteral("A"); // rolling: the plain deploy, nothing about canaries
        const OperatingCommands rolling = OperatingCommands::resolve(k(), in);
        QVERIFY(!rolling.operation(QStringLiteral("deploy")).shell.contains(QStringLiteral("--no-traffic")));
        QVERIFY(rolling.operation(QStringLiteral("shift")).isEmpty());
        QVERIFY(rolling.canaryHow().isEmpty());
        QVERIFY(!variablesListed(rolling).contains(QStringLiteral("CANARY_PERCENT")));

        // Kubernetes splits no traffic by itself: the named tool deploys, the prose says how.
        CommandInputs k8s = inputs("kubernetes", "postgresql", "");
        k8s.strategy = QStringLiteral("C");
        k8s.deployTool = QStringLiteral("Helm");
        const OperatingCommands helm = OperatingCommands::resolve(k(), k8s);
        QVERIFY(helm.operation(QStringLiteral("deploy")).shell.startsWith(QStringLiteral("helm upgrade")));
        QVERIFY(helm.operation(QStringLiteral("shift")).isEmpty());
        QVERIFY(helm.canaryHow().contains(QStringLiteral("`payments-api-canary`")));

        // A platform the knowledge knows no split for: nothing invented.
        CommandInputs heroku = inputs("heroku", "postgresql", "heroku");
        heroku.strategy = QStringLiteral("C");
        const OperatingCommands plain = OperatingCommands::resolve(k(), heroku);
        QVERIFY(plain.canaryHow().isEmpty());
        QVERIFY(plain.operation(QStringLiteral("shift")).isEmpty());
        QCOMPARE(plain.operation(QStringLiteral("deploy")).shell,
                 OperatingCommands::resolve(k(), inputs("heroku", "postgresql", "heroku"))
                     .operation(QStringLiteral("deploy"))
                     .shell);
    }

    // A function deployed without containers is a zip file, not an image.
    void shouldDeployAFunctionWithoutContainersFromAZipFile()
    {
        CommandInputs in = inputs("aws-lambda");
        const OperatingCommands image = OperatingCommands::resolve(k(), in);
        QVERIFY(image.operation(QStringLiteral("deploy")).shell.contains(QStringLiteral("--image-uri")));
        QVERIFY(variablesListed(image).contains(QStringLiteral("IMAGE")));

        in.containers = false;
        const OperatingCommands zip = OperatingCommands::resolve(k(), in);
        QCOMPARE(zip.operation(QStringLiteral("deploy")).shell,
                 QStringLiteral("aws lambda update-alias --function-name payments-api --name live --function-version "
                                "\"$(aws lambda update-function-code --function-name payments-api --zip-file "
                                "\"fileb://$PACKAGE_ZIP\" --publish --query Version --output text)\""));
        QVERIFY(variablesListed(zip).contains(QStringLiteral("PACKAGE_ZIP")));
        QVERIFY(!variablesListed(zip).contains(QStringLiteral("IMAGE")));
        // A deploy moves the alias the rollback moves back, so traffic reaches the new version.
        for (const OperatingCommands &c : {image, zip})
            QVERIFY(c.operation(QStringLiteral("deploy"))
                        .shell.startsWith(
                            QStringLiteral("aws lambda update-alias --function-name payments-api --name live ")));
        QVERIFY(
            image.operation(QStringLiteral("rollback"))
                .shell.startsWith(QStringLiteral("aws lambda update-alias --function-name payments-api --name live ")));
        // What does not differ stays.
        QCOMPARE(zip.operation(QStringLiteral("rollback")).shell, image.operation(QStringLiteral("rollback")).shell);
    }

    // Every kubectl and helm command names the namespace; logs read every pod by label.
    void shouldNameTheNamespaceEverywhereOnKubernetes_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("tool");
        QTest::newRow("kubectl") << QStringLiteral("kubernetes") << QString();
        QTest::newRow("helm") << QStringLiteral("kubernetes") << QStringLiteral("helm");
        QTest::newRow("openshift") << QStringLiteral("openshift") << QString();
    }
    void shouldNameTheNamespaceEverywhereOnKubernetes()
    {
        QFETCH(QString, platform);
        QFETCH(QString, tool);
        CommandInputs in = inputs(platform.toLatin1().constData(), "postgresql", "");
        in.deployTool = tool;
        for (const QString &ns : {QStringLiteral("payments"), QString()}) {
            in.answers.insert(QStringLiteral("7.1.namespace"), ns);
            const OperatingCommands c = OperatingCommands::resolve(k(), in);
            const QString expected = ns.isEmpty() ? QStringLiteral("\"$K8S_NAMESPACE\"") : ns;
            int clusterCommands = 0;
            for (const QString &line : c.allShell()) {
                if (!line.startsWith(QLatin1String("kubectl ")) && !line.startsWith(QLatin1String("helm "))
                    && !line.startsWith(QLatin1String("oc ")))
                    continue;
                ++clusterCommands;
                QVERIFY2(line.contains(QStringLiteral("-n ") + expected)
                             || line.contains(QStringLiteral("--namespace ") + expected),
                         qPrintable(line));
            }
            QVERIFY(clusterCommands >= 6);
            QCOMPARE(variablesListed(c).contains(QStringLiteral("K8S_NAMESPACE")), ns.isEmpty());
            QVERIFY2(c.operation(QStringLiteral("logs"))
                         .shell.contains(QStringLiteral(" -l app.kubernetes.io/name=payments-api")),
                     qPrintable(c.operation(QStringLiteral("logs")).shell));
        }
    }

    // An answered value goes into the commands as one shell word, whatever it holds.
    void shouldQuoteAnAnsweredValueAsOneWord()
    {
        CommandInputs in = inputs("aws-ecs");
        in.answers.insert(QStringLiteral("7.1.cluster"), QStringLiteral("prod'; rm -rf / #$(reboot)"));
        const OperatingCommands c = OperatingCommands::resolve(k(), in);
        const QString status = c.operation(QStringLiteral("status")).shell;
        QVERIFY2(status.contains(QStringLiteral("--cluster 'prod'\\''; rm -rf / #$(reboot)' --services")),
                 qPrintable(status));
        QVERIFY(!variablesListed(c).contains(QStringLiteral("ECS_CLUSTER")));
        QVERIFY(c.usesAnswers());
        // The shell reads it back as the one word that was typed.
        QProcess bash;
        bash.start(QStringLiteral("bash"),
                   {QStringLiteral("-c"),
                    QStringLiteral("printf '%s\\n' ") + shellWord(in.answers.value(QStringLiteral("7.1.cluster")))});
        QVERIFY(bash.waitForFinished());
        QCOMPARE(QString::fromUtf8(bash.readAllStandardOutput()),
                 in.answers.value(QStringLiteral("7.1.cluster")) + u'\n');
        QCOMPARE(shellWord(QStringLiteral("payments-prod")), QStringLiteral("payments-prod"));
    }

    // A value that holds another variable's name or a placeholder is filled once: it is never
    // read again, so it cannot leave its quotes. Every command is run by bash with the tools
    // stubbed, and the file the value tries to create never appears.
    void shouldNeverLetAnAnsweredValueRun_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("variable");
        QTest::newRow("ECS cluster") << "aws-ecs"
                                     << "7.1.cluster"
                                     << "ECS_CLUSTER";
        QTest::newRow("namespace") << "kubernetes"
                                   << "7.1.namespace"
                                   << "K8S_NAMESPACE";
        QTest::newRow("resource group") << "app-service"
                                        << "7.1.cluster"
                                        << "AZURE_RESOURCE_GROUP";
    }
    void shouldNeverLetAnAnsweredValueRun()
    {
        QFETCH(QString, platform);
        QFETCH(QString, field);
        QFETCH(QString, variable);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString marker = dir.filePath(QStringLiteral("ran"));
        const QString value = QStringLiteral("x';touch %1;'$%2{slug}\"$(touch %1)\"").arg(marker, variable);
        CommandInputs in = inputs(qPrintable(platform));
        in.answers.insert(field, value);
        const OperatingCommands c = OperatingCommands::resolve(k(), in);
        int run = 0;
        for (const QString &shell : c.allShell()) {
            if (shell.contains(shellWord(value)))
                ++run;
            QProcess bash;
            bash.start(QStringLiteral("bash"),
                       {QStringLiteral("-c"),
                        QStringLiteral("command_not_found_handle() { :; }; "
                                       "for t in aws kubectl oc az gcloud curl docker psql sleep; "
                                       "do eval \"$t() { :; }\"; done; ")
                            + shell});
            QVERIFY(bash.waitForFinished());
            QVERIFY2(!QFile::exists(marker), qPrintable(shell));
        }
        QVERIFY2(run > 0, qPrintable(platform));
    }

    void shouldGiveTheMigrationToolsCommands()
    {
        CommandInputs in = inputs("aws-ecs");
        in.migrationTool = QStringLiteral("Alembic (SQLAlchemy)");
        OperatingCommands c = OperatingCommands::resolve(k(), in);
        QVERIFY(c.migrationTool());
        QCOMPARE(c.migration(QStringLiteral("run")).shell, QStringLiteral("alembic upgrade head"));
        QCOMPARE(c.migration(QStringLiteral("rollback")).shell, QStringLiteral("alembic downgrade -1"));

        // A tool without down migrations says what to do instead of inventing a command.
        in.migrationTool = QStringLiteral("prisma");
        c = OperatingCommands::resolve(k(), in);
        QVERIFY(c.migration(QStringLiteral("rollback")).shell.isEmpty());
        QVERIFY(c.migration(QStringLiteral("rollback")).prose.contains(QStringLiteral("no down migrations")));

        in.migrationTool = QStringLiteral("our own scripts");
        c = OperatingCommands::resolve(k(), in);
        QVERIFY(!c.migrationTool());
        QCOMPARE(c.unknownMigrationTool(), QStringLiteral("our own scripts"));
        QVERIFY(c.migration(QStringLiteral("run")).isEmpty());

        // goose names the engine.
        in.migrationTool = QStringLiteral("goose");
        in.database = QStringLiteral("mysql");
        c = OperatingCommands::resolve(k(), in);
        QVERIFY2(c.migration(QStringLiteral("run")).shell.startsWith(QStringLiteral("goose -dir ./migrations mysql ")),
                 qPrintable(c.migration(QStringLiteral("run")).shell));
    }

    // Backups follow where the database runs: the managed service's point-in-time restore,
    // a PaaS's own, or the engine's tools when the team runs it.
    void shouldBackUpWhereTheDatabaseRuns_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("managed");
        QTest::addColumn<bool>("manual");
        QTest::addColumn<QString>("restore");
        QTest::addColumn<bool>("fromBackup"); // restores one backup, not a point in time
        const auto row = [](const char *name, const char *platform, const char *database, const char *managed,
                            bool manual, const char *restore, bool fromBackup) {
            QTest::newRow(name) << QString::fromLatin1(platform) << QString::fromLatin1(database)
                                << QString::fromLatin1(managed) << manual << QString::fromLatin1(restore) << fromBackup;
        };
        row("rds", "aws-ecs", "postgresql", "aws", false, "aws rds restore-db-instance-to-point-in-time", false);
        row("documentdb", "aws-ecs", "mongodb", "aws", false, "aws docdb restore-db-cluster-to-point-in-time", false);
        row("cloud sql", "cloud-run", "mysql", "gcp", false, "gcloud sql instances clone", false);
        row("azure", "app-service", "postgresql", "azure", false, "az postgres flexible-server restore", false);
        row("heroku", "heroku", "postgresql", "heroku", false, "heroku addons:create", false);
        row("self-run", "kubernetes", "postgresql", "", false, "pgbackrest", false);
        row("self-run dumps", "servers-compose", "mysql", "", true, "mysql --host=", true);
        row("sqlite", "fly", "sqlite", "", false, "litestream restore", false);
        // Manual backups are snapshots: restored as such where the service can; Heroku's
        // restore stays the one to a point in time, and the document says so.
        row("rds manual", "aws-ecs", "postgresql", "aws", true, "aws rds restore-db-instance-from-db-snapshot", true);
        row("documentdb manual", "aws-ecs", "mongodb", "aws", true, "aws docdb restore-db-cluster-from-snapshot", true);
        row("heroku manual", "heroku", "postgresql", "heroku", true, "heroku addons:create", false);
    }
    void shouldBackUpWhereTheDatabaseRuns()
    {
        QFETCH(QString, platform);
        QFETCH(QString, database);
        QFETCH(QString, managed);
        QFETCH(bool, manual);
        QFETCH(QString, restore);
        QFETCH(bool, fromBackup);
        CommandInputs in =
            inputs(platform.toLatin1().constData(), database.toLatin1().constData(), managed.toLatin1().constData());
        in.manualBackups = manual;
        const OperatingCommands c = OperatingCommands::resolve(k(), in);
        QVERIFY2(c.database(QStringLiteral("restore")).shell.startsWith(restore),
                 qPrintable(c.database(QStringLiteral("restore")).shell));
        QCOMPARE(c.restoresABackup(), fromBackup);
        QCOMPARE(c.backupService().isEmpty(), managed.isEmpty());
        // A file has no network to get into.
        QCOMPARE(c.operation(QStringLiteral("db_access")).isEmpty(), database == QLatin1String("sqlite"));
    }

    // Across every platform, database, deploy tool and migration tool: every variable used is
    // listed for the reader to set, every listed one is used, and bash parses every line.
    void shouldBeCompleteAndParseEverywhere()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("no bash");
        QStringList lines;
        int combinations = 0;
        for (const PlatformKnowledge &p : k().platforms()) {
            QStringList tools = {QString()};
            for (const DeployToolKnowledge &t : k().deployTools()) {
                if (t.deploysTo(p))
                    tools << t.id;
            }
            for (const char *db : {"postgresql", "mysql", "mongodb", "sqlite", "none"}) {
                for (const QString &tool : std::as_const(tools)) {
                    for (const char *managed : {"", "x"}) {
                        CommandInputs in = inputs(p.id.toLatin1().constData(), db, "");
                        in.strategy = combinations % 2 == 0 ? QStringLiteral("A") : QStringLiteral("C");
                        in.containers = combinations % 3 != 0;
                        in.autoscaling = combinations % 5 < 2;
                        in.deployTool = tool;
                        in.cloud = p.cloud;
                        in.managedKey = *managed ? (p.cloud.isEmpty() ? p.id : p.cloud) : QString();
                        in.migrationTool = k().migrationTools().at(combinations % k().migrationTools().size()).name;
                        const OperatingCommands c = OperatingCommands::resolve(k(), in);
                        ++combinations;
                        const QSet<QString> used = variablesUsed(c);
                        for (const QString &name : used)
                            QVERIFY2(variablesListed(c).contains(name),
                                     qPrintable(QStringLiteral("%1 (%2, %3, %4) uses $%5 without listing it")
                                                    .arg(p.id, QString::fromLatin1(db), tool, in.managedKey, name)));
                        for (const QString &line : c.allShell()) {
                            // No placeholder left ({slug}); a JSON patch keeps its braces.
                            static const QRegularExpression placeholder(QStringLiteral("\\{[a-z_]+\\}"));
                            QVERIFY2(!placeholder.match(line).hasMatch(), qPrintable(line));
                            lines << line;
                        }
                    }
                }
            }
        }
        QVERIFY(combinations > 200);
        lines.removeDuplicates();
        QVERIFY(lines.size() > 150);
        const QString complaint = bashParse(lines);
        QVERIFY2(complaint.isEmpty(), qPrintable(complaint));
    }

    // The loader refuses a command that uses a variable or placeholder nobody defines.
    void shouldRejectUnknownVariablesAndPlaceholders_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("variable") << QStringLiteral("aws ecs describe-services --cluster \"$CLUSTR\"")
                                  << QStringLiteral("aws-ecs.json: commands.status: $CLUSTR is not a variable");
        QTest::newRow("placeholder") << QStringLiteral("aws ecs describe-services --services {service}")
                                     << QStringLiteral("aws-ecs.json: commands.status: {service} is not a placeholder");
    }
    void shouldRejectUnknownVariablesAndPlaceholders()
    {
        QFETCH(QString, command);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(copyKnowledge(dir.path()));
        const QString path = dir.filePath(QStringLiteral("platforms/aws-ecs.json"));
        QJsonObject o = readJson(path);
        QJsonObject commands = o.value(QLatin1String("commands")).toObject();
        commands.insert(QStringLiteral("status"), command);
        o.insert(QStringLiteral("commands"), commands);
        QVERIFY(writeJson(path, o));
        QString error;
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // A canary's deploy command without the one that shifts traffic would leave the new
    // version without any.
    void shouldRejectAHalfCanary()
    {
        const auto withShift = [](const QJsonValue &shift) {
            return [shift](QJsonObject &o) {
                QJsonObject canary = o.value(QLatin1String("canary")).toObject();
                if (shift.isNull())
                    canary.remove(QStringLiteral("shift"));
                else
                    canary.insert(QStringLiteral("shift"), shift);
                o.insert(QStringLiteral("canary"), canary);
            };
        };
        const QString platform = QStringLiteral("platforms/cloud-run.json");
        QVERIFY(k().platform(QStringLiteral("cloud-run"))->canary.commands.contains(QStringLiteral("shift")));
        const QString half = loadErrorWithEdit(platform, withShift(QJsonValue::Null));
        QVERIFY2(half.contains(QStringLiteral("cloud-run.json: canary: give both deploy and shift")), qPrintable(half));
        const QString unknown = loadErrorWithEdit(
            platform,
            withShift(QStringLiteral("gcloud run services update-traffic {slug} --to-tags \"canary=$PERCENT\"")));
        QVERIFY2(unknown.contains(QStringLiteral("cloud-run.json: canary.shift: $PERCENT is not a variable")),
                 qPrintable(unknown));
    }

    void shouldRejectToolchainDefects_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown platform") << "deploy_tools"
                                          << "platforms" << QJsonValue(QJsonArray{QStringLiteral("aws-ecz")})
                                          << "deploy_tools[0].platforms: \"aws-ecz\" is not a file";
        QTest::newRow("unknown strategy") << "deploy_tools"
                                          << "default_for_strategies" << QJsonValue(QJsonArray{QStringLiteral("Z")})
                                          << "deploy_tools[0].default_for_strategies: \"Z\" is not a choice of 7.4.1";
        QTest::newRow("command and action")
            << "migration_tools"
            << "actions" << QJsonValue(QJsonObject{{QStringLiteral("run"), QStringLiteral("by hand")}})
            << "migration_tools[0].actions.run: the operation already has a command";
        QTest::newRow("unknown operation")
            << "migration_tools"
            << "commands" << QJsonValue(QJsonObject{{QStringLiteral("redo"), QStringLiteral("x")}})
            << "toolchain.json: migration_tools[0].commands.redo: unknown key";
    }
    void shouldRejectToolchainDefects()
    {
        QFETCH(QString, list);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QString error = loadErrorWithFirstEntry(QStringLiteral("toolchain.json"), list, key, value);
        QVERIFY2(!error.isEmpty() && error.contains(expected), qPrintable(error));
    }

    // With nothing named, one secrets store per cloud (and one off the clouds) is assumed;
    // two would make the answer depend on the file's order.
    void shouldRejectTwoAssumedSecretsStores()
    {
        QTemporaryDir dir;
        QVERIFY(copyKnowledge(dir.path()));
        const QString path = dir.filePath(QStringLiteral("services.json"));
        QJsonObject o = readJson(path);
        QJsonArray stores = o.value(QLatin1String("secrets_stores")).toArray();
        QJsonObject parameterStore = stores.at(1).toObject();
        parameterStore.insert(QStringLiteral("default_for_clouds"), QJsonArray{QStringLiteral("aws")});
        stores.replace(1, parameterStore);
        o.insert(QStringLiteral("secrets_stores"), stores);
        QVERIFY(writeJson(path, o));
        QString error;
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(
            error.contains(QStringLiteral("services.json: secrets_stores: aws needs exactly one store assumed, not 2")),
            qPrintable(error));
    }

    // A variable filled by an answer must name a text field that exists.
    void shouldRejectAVariableFilledByNoField()
    {
        QTemporaryDir dir;
        QVERIFY(copyKnowledge(dir.path()));
        const QString path = dir.filePath(QStringLiteral("toolchain.json"));
        QJsonObject o = readJson(path);
        QJsonObject variables = o.value(QLatin1String("variables")).toObject();
        QJsonObject cluster = variables.value(QLatin1String("ECS_CLUSTER")).toObject();
        cluster.insert(QStringLiteral("answer"), QStringLiteral("7.1.clusterr"));
        variables.insert(QStringLiteral("ECS_CLUSTER"), cluster);
        o.insert(QStringLiteral("variables"), variables);
        QVERIFY(writeJson(path, o));
        QString error;
        QVERIFY(!Knowledge::load(dir.path(), Questionnaire::builtIn(), &error));
        QVERIFY2(
            error.contains(QStringLiteral("variables.ECS_CLUSTER.answer: phase7.json has no text field 7.1 clusterr")),
            qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestOperatingCommands)
#include "tst_operatingcommands.moc"
