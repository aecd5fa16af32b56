// Reading a project folder: ai-flow's config, the project name, the context files and the
// facts of earlier phases, and the files it must refuse (links out, huge, not UTF-8).
#include "projectcontext.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

// "field=value @evidence" for each context suggestion.
QStringList suggestions(const ProjectContext &context)
{
    QStringList lines;
    for (const Finding &f : context.suggestions) {
        const QString prefix = f.questionId == QLatin1String("context") ? QString() : f.questionId + QLatin1Char(':');
        lines.append(QStringLiteral("%1%2=%3 @%4").arg(prefix, f.fieldId, f.value.toString(), f.evidence));
    }
    return lines;
}

} // namespace

class TestProjectContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadAiFlowsConfig()
    {
        const ProjectContext context = readProjectContext(fixture("aiflow-a"));
        QVERIFY(context.aiFlowConfig);
        QCOMPARE(context.aiFlowVersion, QStringLiteral("2.2.0"));
        QCOMPARE(context.projectType, QStringLiteral("backend"));
        QVERIFY(context.warning.isEmpty());
        QCOMPARE(context.projectName, QStringLiteral("Ledger API"));
        QCOMPARE(context.projectNameSource, QStringLiteral(".ai-flow/core/config.json"));
        QVERIFY(context.deployment.read);
        QVERIFY(context.deployment.text.startsWith(QLatin1String("# Deployment")));
        QVERIFY(!context.operations.exists);
        QVERIFY(context.notes.isEmpty());
    }

    void shouldWarnWhenTheProjectIsNotABackend()
    {
        const ProjectContext context = readProjectContext(fixture("aiflow-c"));
        QCOMPARE(context.projectType, QStringLiteral("fullstack"));
        QVERIFY(context.warning.contains(QLatin1String("\"fullstack\"")));
        QVERIFY(context.warning.contains(QLatin1String("backend")));
        // No name in the config and no README: the folder's name.
        QCOMPARE(context.projectName, QStringLiteral("aiflow-c"));
        QCOMPARE(context.projectNameSource, QStringLiteral("folder name"));
    }

    void shouldTakeTheNameFromTheReadme()
    {
        const ProjectContext atx = readProjectContext(fixture("aiflow-b"));
        QCOMPARE(atx.projectName, QStringLiteral("Parcel Tracking Service"));
        QCOMPARE(atx.projectNameSource, QStringLiteral("README.md:1"));
        const ProjectContext setext = readProjectContext(fixture("python-fly"));
        QCOMPARE(setext.projectName, QStringLiteral("Weather Service"));

        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("README.md")), "```\n# not a title\n```\n\n## Sub\n\n# Real Title ##\n");
        const ProjectContext fenced = readProjectContext(dir.path());
        QCOMPARE(fenced.projectName, QStringLiteral("Real Title"));
        QCOMPARE(fenced.projectNameSource, QStringLiteral("README.md:7"));
    }

    void shouldReadTheContextFilesAndEarlierDocs()
    {
        const ProjectContext node = readProjectContext(fixture("node-api"));
        QCOMPARE(node.projectName, QStringLiteral("Orders API"));
        QVERIFY(node.testing.read);
        QVERIFY(!node.aiInstructions.exists);
        QCOMPARE(node.testCommand, QStringLiteral("npm test"));
        QCOMPARE(node.testCommandEvidence, QStringLiteral("docs/testing.md:7"));
        QVERIFY(node.envExample.read);
        QCOMPARE(suggestions(node),
                 (QStringList{QStringLiteral("project_name=Orders API @README.md:1"),
                              QStringLiteral("database=postgresql @docs/architecture.md:4"),
                              QStringLiteral("cache=redis @docs/architecture.md:5")}));

        const ProjectContext python = readProjectContext(fixture("python-fly"));
        // The command shown as code wins over "pytest" named in a sentence above it.
        QCOMPARE(python.testCommand, QStringLiteral("pytest -q tests/"));
        QCOMPARE(python.testCommandEvidence, QStringLiteral("docs/testing.md:6"));
        QCOMPARE(suggestions(python),
                 (QStringList{QStringLiteral("project_name=Weather Service @README.md:1"),
                              QStringLiteral("runtime=python @ai-instructions.md:3"),
                              QStringLiteral("database=postgresql @ai-instructions.md:4")}));
    }

    // A project as ai-flow 2.9.1 leaves it (no README, no name in config.json): the name and
    // the stack come from ai-flow's own files, each with its line; the most explicit name wins.
    void shouldReadTheFactsAiFlowWroteDown()
    {
        const ProjectContext context = readProjectContext(fixture("aiflow-stack"));
        QCOMPARE(context.projectName, QStringLiteral("Payments API"));
        QCOMPARE(context.projectNameSource, QStringLiteral("ai-instructions.md:3"));
        QCOMPARE(suggestions(context),
                 (QStringList{QStringLiteral("project_name=Payments API @ai-instructions.md:3"),
                              QStringLiteral("runtime=node @ai-instructions.md:8"),
                              QStringLiteral("database=postgresql @ai-instructions.md:11"),
                              QStringLiteral("cache=redis @ai-instructions.md:14"),
                              QStringLiteral("7.7.1:tool=Prisma Migrate @ai-instructions.md:13"),
                              QStringLiteral("7.2:choice=A @ai-instructions.md:16"),
                              QStringLiteral("7.1:choice=A @ai-instructions.md:15"),
                              QStringLiteral("7.1:platform=AWS ECS @ai-instructions.md:15"),
                              QStringLiteral("7.4:platform=A @ai-instructions.md:17")}));
    }

    // Without ai-instructions.md: AGENT.md's name, then project-brief.md's; a placeholder ai-flow
    // left unfilled is no name.
    void shouldFallBackThroughAiFlowsNameLines()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(fixture("aiflow-stack"), dir.path()));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("ai-instructions.md"))));
        ProjectContext context = readProjectContext(dir.path());
        QCOMPARE(context.projectName, QStringLiteral("Payments Service (old name)"));
        QCOMPARE(context.projectNameSource, QStringLiteral("AGENT.md:3"));
        put(dir.filePath(QStringLiteral("AGENT.md")), "**Project Name:** [Project Name]\n");
        context = readProjectContext(dir.path());
        QCOMPARE(context.projectName, QStringLiteral("Payments Platform"));
        QCOMPARE(context.projectNameSource, QStringLiteral("project-brief.md:3"));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("project-brief.md"))));
        context = readProjectContext(dir.path());
        QCOMPARE(context.projectNameSource, QStringLiteral("folder name"));
    }

    // "None" is an answer too: no containers; no migration tool suggested.
    void shouldReadNoneInTheTechStack()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("ai-instructions.md")),
            "**Name:** Batch Jobs\n\n## 🏗️ Tech Stack\n\n- **Containerization:** None\n- **Migrations:** N/A\n- **Migrations:** -\n"
            "- **CI/CD:** {{CI_PLATFORM}}\n");
        const ProjectContext context = readProjectContext(dir.path());
        QCOMPARE(suggestions(context),
                 (QStringList{QStringLiteral("project_name=Batch Jobs @ai-instructions.md:1"),
                              QStringLiteral("7.2:choice=B @ai-instructions.md:5")}));
    }

    void shouldFindTestCommands_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("command");
        QTest::newRow("npm run") << QStringLiteral("Use `npm run test:unit` locally.")
                                 << QStringLiteral("npm run test:unit");
        QTest::newRow("go") << QStringLiteral("```\ngo test -race ./...\n```") << QStringLiteral("go test -race ./...");
        QTest::newRow("python -m") << QStringLiteral("python -m pytest --cov=app")
                                   << QStringLiteral("python -m pytest --cov=app");
        QTest::newRow("gradle") << QStringLiteral("`./gradlew test`") << QStringLiteral("./gradlew test");
        QTest::newRow("dotnet") << QStringLiteral("dotnet test") << QStringLiteral("dotnet test");
        QTest::newRow("prose only") << QStringLiteral("We use pytest for unit tests.") << QStringLiteral("pytest");
        QTest::newRow("none") << QStringLiteral("Tests are manual for now.") << QString();
        QTest::newRow("not a word part") << QStringLiteral("the pytestify plugin") << QString();
    }

    void shouldFindTestCommands()
    {
        QFETCH(QString, text);
        QFETCH(QString, command);
        QCOMPARE(findTestCommand(text), command);
    }

    void shouldPickTheMostNamedEngine()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("docs/architecture.md")),
            "# Architecture\n\nMongoDB was considered.\nWe use MySQL 8.\nMySQL replicas.\nKafka for events.\n");
        put(dir.filePath(QStringLiteral("specs/api.md")),
            "# API\n\nMySQL stores users; jobs go to Amazon SQS.\nSQS again.\n");
        // Our own documents repeat our own answers: they are not earlier phases' choices.
        put(dir.filePath(QStringLiteral("docs/operations.md")), "PostgreSQL\nPostgreSQL\nPostgreSQL\nPostgreSQL\n");
        const ProjectContext context = readProjectContext(dir.path());
        QCOMPARE(suggestions(context).mid(1),
                 (QStringList{QStringLiteral("database=mysql @docs/architecture.md:4"),
                              QStringLiteral("queue=sqs @specs/api.md:3")}));
    }

    void shouldReadLatin1Leniently()
    {
        const ProjectContext context = readProjectContext(fixture("non-utf8"));
        QVERIFY(context.deployment.read);
        QVERIFY(context.deployment.text.contains(QStringLiteral("D\uFFFDploiement")));
        QCOMPARE(context.projectName, QStringLiteral("R\uFFFDservations API"));
        QVERIFY(context.notes.contains(
            QStringLiteral("docs/deployment.md is not valid UTF-8; it was read with replacement characters.")));
        QVERIFY(context.notes.contains(
            QStringLiteral("README.md is not valid UTF-8; it was read with replacement characters.")));
    }

    void shouldNotReadALinkOutOfTheProject()
    {
        QTemporaryDir outside;
        put(outside.filePath(QStringLiteral("secret-ops.md")), "# Ops\nOUTSIDE-SECRET MongoDB MongoDB MongoDB\n");
        QTemporaryDir dir;
        QVERIFY(copyTree(fixture("docs-symlink"), dir.path()));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret-ops.md")),
                            dir.filePath(QStringLiteral("docs/operations.md"))));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret-ops.md")),
                            dir.filePath(QStringLiteral("docs/architecture.md"))));
        // A link that stays inside the project is read.
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("docs/deployment.md")),
                            dir.filePath(QStringLiteral("ai-instructions.md"))));

        const ProjectContext context = readProjectContext(dir.path());
        QVERIFY(context.operations.exists);
        QVERIFY(!context.operations.read);
        QVERIFY(context.operations.content.isEmpty());
        QCOMPARE(context.operations.note,
                 QStringLiteral("docs/operations.md links outside the project; it was not read."));
        QVERIFY(
            context.notes.contains(QStringLiteral("docs/architecture.md links outside the project; it was not read.")));
        for (const Finding &f : context.suggestions)
            QVERIFY2(f.value != QStringLiteral("mongodb"), qPrintable(f.evidence));
        QVERIFY(context.aiInstructions.read);

        // A folder linked out of the project is refused the same way.
        QTemporaryDir other;
        put(other.filePath(QStringLiteral("docs/testing.md")), "Run `npm test`.\n");
        QTemporaryDir project;
        QVERIFY(QFile::link(other.filePath(QStringLiteral("docs")), project.filePath(QStringLiteral("docs"))));
        const ProjectContext linkedFolder = readProjectContext(project.path());
        QVERIFY(!linkedFolder.testing.read);
        QVERIFY(linkedFolder.testCommand.isEmpty());
    }

    void shouldSkipFilesOverOneMebibyte()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("docs/deployment.md")), "# Deployment\n" + QByteArray(1024 * 1024, 'x'));
        const ProjectContext context = readProjectContext(dir.path());
        QVERIFY(context.deployment.exists);
        QVERIFY(!context.deployment.read);
        QCOMPARE(context.deployment.note, QStringLiteral("docs/deployment.md is larger than 1 MiB; it was skipped."));
        QVERIFY(context.notes.contains(context.deployment.note));
        // Exactly at the limit is still read.
        put(dir.filePath(QStringLiteral("docs/operations.md")), QByteArray(1024 * 1024, 'y'));
        QVERIFY(readProjectFile(dir.path(), QStringLiteral("docs/operations.md")).read);
    }

    void shouldNoteABrokenConfig()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".ai-flow/core/config.json")),
            "{\n  \"version\": \"2.2.0\",\n  \"projectType\" \"backend\"\n}\n");
        const ProjectContext context = readProjectContext(dir.path());
        QVERIFY(!context.aiFlowConfig);
        QCOMPARE(context.notes.size(), 1);
        QVERIFY2(
            context.notes.first().startsWith(QLatin1String(".ai-flow/core/config.json is not valid JSON at line 3")),
            qPrintable(context.notes.first()));
        QCOMPARE(context.projectNameSource, QStringLiteral("folder name"));

        put(dir.filePath(QStringLiteral(".ai-flow/core/config.json")), R"({"version": 2, "projectType": ["backend"]})");
        const ProjectContext wrongType = readProjectContext(dir.path());
        QVERIFY(wrongType.aiFlowConfig);
        QCOMPARE(wrongType.aiFlowVersion, QStringLiteral("2"));
        QVERIFY(wrongType.projectType.isEmpty());
        QCOMPARE(
            wrongType.notes,
            QStringList{QStringLiteral(".ai-flow/core/config.json: projectType must be a string; it was ignored.")});
    }

    void shouldReadAnEmptyOrMissingFolderWithoutComplaint()
    {
        QTemporaryDir dir;
        const ProjectContext context = readProjectContext(dir.path());
        QVERIFY(!context.aiFlowConfig);
        QVERIFY(context.notes.isEmpty());
        QCOMPARE(context.suggestions.size(), 1); // the folder's name
        const ProjectContext missing = readProjectContext(dir.filePath(QStringLiteral("nope")));
        QVERIFY(!missing.deployment.exists);
    }
};

QTEST_GUILESS_MAIN(TestProjectContext)
#include "tst_projectcontext.moc"
