// The install and start commands read off a project's top-level files: which package
// manager wins, where a start command comes from (with its line), what is never read, and
// the defects the strict loader of localcommands.json refuses.
#include "evidencescan.h"
#include "knowledgeedits.h"
#include "localcommands.h"
#include "testfiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

// "field=value @evidence" per finding, in order ("question:field" when not a context fact).
QString described(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings) {
        const QString field =
            f.questionId == QLatin1String("context") ? f.fieldId : f.questionId + QLatin1Char(':') + f.fieldId;
        lines.append(QStringLiteral("%1=%2 @%3").arg(field, f.value.toString(), f.evidence));
    }
    return lines.join(QLatin1Char('\n'));
}

const QByteArray packageWithStart = "{\n  \"name\": \"payments-api\",\n  \"scripts\": {\n    \"build\": \"tsc\",\n"
                                    "    \"start\": \"node dist/main.js\"\n  }\n}\n";

} // namespace

class TestLocalCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadTheCommandsOffTheProjectsFiles_data()
    {
        QTest::addColumn<QStringList>("files"); // "path=content"; content may use \n
        QTest::addColumn<QString>("expected");
        QTest::newRow("pnpm lockfile, start script")
            << QStringList{"pnpm-lock.yaml=lockfileVersion: '9.0'", QStringLiteral("package.json=") + packageWithStart}
            << "install_command=pnpm install --frozen-lockfile @pnpm-lock.yaml\nstart_command=pnpm start @package.json:5";
        QTest::newRow("a lockfile wins over the bare manifest")
            << QStringList{"package-lock.json={}", QStringLiteral("package.json=") + packageWithStart}
            << "install_command=npm ci @package-lock.json\nstart_command=npm start @package.json:5";
        QTest::newRow("no start script: the Procfile's web process")
            << QStringList{"package.json={\"scripts\": {\"test\": \"jest\"}}",
                           "Procfile=release: npx prisma migrate deploy\nweb:   node server.js --port $PORT  \n"}
            << "install_command=npm install @package.json\nstart_command=node server.js --port $PORT @Procfile:2";
        QTest::newRow("go with main.go") << QStringList{"go.mod=module example.com/api", "main.go=package main"}
                                         << "install_command=go mod download @go.mod\nstart_command=go run . @main.go";
        QTest::newRow("go without main.go: the Makefile's run target")
            << QStringList{"go.mod=module example.com/api", "cmd/api/main.go=package main",
                           "Makefile=build:\n\tgo build ./...\nrun: build\n\tgo run ./cmd/api\n"}
            << "install_command=go mod download @go.mod\nstart_command=make run @Makefile:3";
        QTest::newRow("spring boot through the maven wrapper")
            << QStringList{"mvnw=#!/bin/sh",
                           "pom.xml=<project>\n<build><plugins><plugin>\n"
                           "<artifactId>spring-boot-maven-plugin</artifactId>\n</plugin></plugins></build>"}
            << "install_command=./mvnw dependency:go-offline @mvnw\nstart_command=./mvnw spring-boot:run @pom.xml:3";
        QTest::newRow("plain maven: no start command")
            << QStringList{"pom.xml=<project></project>"} << "install_command=mvn dependency:go-offline @pom.xml";
        QTest::newRow("dotnet project at the top")
            << QStringList{"Api.csproj=<Project Sdk=\"Microsoft.NET.Sdk.Web\"/>"}
            << "install_command=dotnet restore @Api.csproj\nstart_command=dotnet run @Api.csproj";
        QTest::newRow("only a subfolder has a manifest")
            << QStringList{"web/package.json=" + QString::fromUtf8(packageWithStart), "web/package-lock.json={}"} << "";
        QTest::newRow("package.json that is not JSON: install, no start")
            << QStringList{"package.json={\"scripts\": {\"start\": "} << "install_command=npm install @package.json";
        QTest::newRow("a start key outside scripts is not a start script")
            << QStringList{"package.json={\"config\": {\"start\": \"x\"}, \"scripts\": {}}"}
            << "install_command=npm install @package.json";
    }

    void shouldReadTheCommandsOffTheProjectsFiles()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        for (const QString &file : std::as_const(files))
            put(dir.filePath(file.section(QLatin1Char('='), 0, 0)), file.section(QLatin1Char('='), 1).toUtf8());
        QStringList notes;
        QCOMPARE(described(localCommandFindings(dir.path(), &notes)), expected);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.join(QLatin1Char('\n'))));
    }

    // A command with replacement characters in it is one nobody can run.
    void shouldNotTakeACommandFromAFileThatIsNotUtf8()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("Procfile")), QByteArray("web: node s\xff\xfe.js\n"));
        QStringList notes;
        QCOMPARE(described(localCommandFindings(dir.path(), &notes)), QString());
        QCOMPARE(notes,
                 QStringList{QStringLiteral("Procfile is not valid UTF-8; it was read with replacement characters.")});
    }

    void shouldNotReadAFileThatLinksOutOfTheProject()
    {
        QTemporaryDir outside;
        put(outside.filePath(QStringLiteral("Procfile")), "web: ./leak\n");
        QTemporaryDir dir;
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("Procfile")), dir.filePath(QStringLiteral("Procfile"))));
        QStringList notes;
        QCOMPARE(described(localCommandFindings(dir.path(), &notes)), QString());
        QCOMPARE(notes, QStringList{QStringLiteral("Procfile links outside the project; it was not read.")});
    }

    // The project's text is taken as written: escaping is the documents' job.
    void shouldKeepHostileTextVerbatim()
    {
        QTemporaryDir dir;
        const QByteArray web = "node `whoami`.js | tee <b>log</b> {{PROJECT_NAME}}";
        put(dir.filePath(QStringLiteral("Procfile")), "web: " + web + "\n");
        QCOMPARE(localCommandFindings(dir.path()).value(0).value.toString(), QString::fromUtf8(web));
    }

    // The wizard and every headless command see them through the scan.
    void shouldBeFoundByTheProjectScan()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("yarn.lock")), "# yarn lockfile v1\n");
        put(dir.filePath(QStringLiteral("package.json")), packageWithStart);
        const ScanResult scan = scanProject(dir.path());
        QStringList local;
        for (const Finding &f : scan.findings) {
            if (f.fieldId.endsWith(QLatin1String("_command")))
                local.append(QStringLiteral("%1=%2").arg(f.fieldId, f.value.toString()));
        }
        QCOMPARE(local,
                 (QStringList{QStringLiteral("install_command=yarn install --frozen-lockfile"),
                              QStringLiteral("start_command=yarn start")}));
    }

    void shouldRefuseDefectsInTheKnowledgeFile_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown runtime") << "runtime" << QJsonValue(QStringLiteral("cobol"))
                                         << "package_managers[0].runtime: \"cobol\" is not a choice";
        QTest::newRow("file leading out") << "files" << QJsonValue(QJsonArray{QStringLiteral("..")})
                                          << "package_managers[0].files: \"..\" leads outside the project";
        QTest::newRow("bad line pattern")
            << "start"
            << QJsonValue(QJsonArray{QJsonObject{{"file", "Makefile"}, {"line", "(start"}, {"command", "x"}}})
            << "package_managers[0].start[0].line: ";
        QTest::newRow("group the pattern lacks")
            << "start"
            << QJsonValue(QJsonArray{QJsonObject{{"file", "Procfile"}, {"line", "^web: (.*)$"}, {"command", "{2}"}}})
            << "package_managers[0].start[0].command: {2} is not a group of the line pattern";
        QTest::newRow("script outside package.json")
            << "start" << QJsonValue(QJsonArray{QJsonObject{{"file", "go.mod"}, {"script", "start"}, {"command", "x"}}})
            << "package_managers[0].start[0].script: only package.json has scripts";
        QTest::newRow("unknown key") << "install_hint" << QJsonValue(QStringLiteral("x")) << "install_hint";
        QTest::newRow("backtick in a command") << "install" << QJsonValue(QStringLiteral("npm `ci`")) << "install";
    }

    void shouldRefuseDefectsInTheKnowledgeFile()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        const QString got = loadErrorWithFirstEntry(QStringLiteral("localcommands.json"),
                                                    QStringLiteral("package_managers"), key, value);
        QVERIFY2(got.startsWith(QStringLiteral("knowledge/localcommands.json")), qPrintable(got));
        QVERIFY2(got.contains(error), qPrintable(got));
    }
};

QTEST_GUILESS_MAIN(TestLocalCommands)
#include "tst_localcommands.moc"
