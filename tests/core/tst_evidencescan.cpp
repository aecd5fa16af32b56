// The evidence scan on the fixture projects: each finding with its evidence path, the
// folders and links it must not enter, its caps, and facts imported from existing docs.
#include "evidencescan.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

// "question|field|value|evidence", value as compact JSON: easy to read in a failure.
// The install and start commands are tst_localcommands' subject; these cases are about
// what the walk finds.
QList<Finding> walked(QList<Finding> findings)
{
    findings.removeIf([](const Finding &f) {
        return f.fieldId == QLatin1String("install_command") || f.fieldId == QLatin1String("start_command");
    });
    return findings;
}

QStringList rendered(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : walked(findings)) {
        const QByteArray value =
            QJsonDocument(QJsonArray{QJsonValue::fromVariant(f.value)}).toJson(QJsonDocument::Compact);
        lines.append(QStringLiteral("%1|%2|%3|%4")
                         .arg(f.questionId, f.fieldId, QString::fromUtf8(value.mid(1, value.size() - 2)), f.evidence));
    }
    return lines;
}

QString joined(const QStringList &lines)
{
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestEvidenceScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindTheNodeApiStack()
    {
        const ScanResult result = scanProject(fixture("node-api"));
        QCOMPARE(
            joined(rendered(result.findings)),
            joined({
                QStringLiteral(
                    R"~(env|variables|["NODE_ENV","PORT","DATABASE_URL","REDIS_URL","SENTRY_DSN","STRIPE_WEBHOOK_SECRET"]|.env.example)~"),
                QStringLiteral(R"~(7.2|choice|"A"|Dockerfile)~"),
                QStringLiteral(R"~(7.2|base_image|"node:20-alpine"|Dockerfile)~"),
                QStringLiteral(R"~(context|port|3000|Dockerfile)~"),
                QStringLiteral(
                    R"~(7.2|compose_services|[{"image":"build: .","ports":"3000:3000","service":"app"},)~"
                    R"~({"image":"postgres:16-alpine","ports":"5432:5432","service":"db"},)~"
                    R"~({"image":"redis:7-alpine","ports":"6379:6379","service":"redis"}]|docker-compose.yml)~"),
                QStringLiteral(R"~(context|database|"postgresql"|docker-compose.yml)~"),
                QStringLiteral(R"~(context|cache|"redis"|docker-compose.yml)~"),
                QStringLiteral(R"~(context|runtime|"node"|package.json)~"),
                QStringLiteral(R"~(7.5|logging|"C"|package.json)~"),
                QStringLiteral(R"~(7.5|apm|"C"|package.json)~"),
                QStringLiteral(R"~(7.9.2|choice|"A"|package.json)~"),
                QStringLiteral(R"~(7.9.2|tool|"opossum"|package.json)~"),
                QStringLiteral(R"~(7.9|endpoints|["A","B","C"]|package.json)~"),
                QStringLiteral(R"~(7.9.1|choice|"A"|package.json)~"),
                QStringLiteral(R"~(7.4|platform|"A"|.github/workflows/ci.yml)~"),
            }));
        QVERIFY(result.notes.isEmpty());
        QVERIFY(!result.stopped);
        // Notes are one line saying what was seen.
        QCOMPARE(result.findings.at(1).note, QStringLiteral("Dockerfile"));
        QCOMPARE(walked(result.findings).last().note, QStringLiteral("GitHub Actions workflow"));
        QCOMPARE(result.findings.at(8).note, QStringLiteral("pino: structured logger"));
    }

    void shouldFindThePythonServiceOnFly()
    {
        const ScanResult result = scanProject(fixture("python-fly"));
        QCOMPARE(joined(rendered(result.findings)),
                 joined({
                     QStringLiteral(R"~(7.2|choice|"A"|Dockerfile)~"),
                     QStringLiteral(R"~(7.2|base_image|"python:3.12-slim"|Dockerfile)~"),
                     QStringLiteral(R"~(context|port|8080|Dockerfile)~"),
                     QStringLiteral(R"~(7.1|choice|"B"|fly.toml)~"),
                     QStringLiteral(R"~(7.1|platform|"Fly.io"|fly.toml)~"),
                     QStringLiteral(R"~(context|runtime|"python"|requirements-dev.txt)~"),
                     QStringLiteral(R"~(7.5|logging|"C"|requirements.txt)~"),
                     QStringLiteral(R"~(7.5|apm|"C"|requirements.txt)~"),
                     QStringLiteral(R"~(context|database|"postgresql"|requirements.txt)~"),
                 }));
    }

    void shouldFindHelmTerraformAndEks()
    {
        const ScanResult result = scanProject(fixture("helm-eks"));
        QCOMPARE(joined(rendered(result.findings)),
                 joined({
                     QStringLiteral(R"~(7.4|platform|"B"|.gitlab-ci.yml)~"),
                     QStringLiteral(R"~(context|runtime|"go"|go.mod)~"),
                     QStringLiteral(R"~(7.5|logging|"C"|go.mod)~"),
                     QStringLiteral(R"~(7.5|apm|"D"|go.mod)~"),
                     QStringLiteral(R"~(7.9.2|choice|"A"|go.mod)~"),
                     QStringLiteral(R"~(7.9.2|tool|"gobreaker"|go.mod)~"),
                     QStringLiteral(R"~(context|database|"postgresql"|go.mod)~"),
                     QStringLiteral(R"~(7.1|choice|"D"|charts/billing/Chart.yaml)~"),
                     QStringLiteral(R"~(7.1|platform|"Kubernetes (Helm)"|charts/billing/Chart.yaml)~"),
                     QStringLiteral(R"~(7.1|platform|"Kubernetes"|charts/billing/templates/deployment.yaml)~"),
                     QStringLiteral(R"~(7.1|choice|"A"|infra/main.tf)~"),
                     QStringLiteral(R"~(7.1|platform|"AWS"|infra/main.tf)~"),
                     QStringLiteral(R"~(7.1|platform|"Kubernetes (Amazon EKS)"|infra/main.tf)~"),
                 }));
    }

    void shouldGiveTheSameFindingsEveryTime()
    {
        const ScanResult first = scanProject(fixture("helm-eks"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(scanProject(fixture("helm-eks")).findings, first.findings);
    }

    void shouldNotEnterVendoredBuildOrBackupFolders()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(fixture("node-api"), dir.path()));
        const QList<Finding> clean = scanProject(dir.path()).findings;
        // Each of these would add findings (Datadog, New Relic, Jenkins, GCP…) if it were read.
        const QByteArray ddTrace = R"~({"name":"x","dependencies":{"dd-trace":"5","newrelic":"11","pino":"8"}})~";
        for (const char *folder : {"node_modules/some-lib", "vendor/github.com/x", "build", "dist", "target",
                                   ".venv/lib", "__pycache__", ".git/hooks", ".ai-flow/backups/phase7/20250101",
                                   "packages/web/node_modules/deep", ".terraform/modules/gke"}) {
            const QString base = dir.filePath(QLatin1String(folder));
            put(base + QStringLiteral("/package.json"), ddTrace);
            put(base + QStringLiteral("/Jenkinsfile"), "pipeline {}\n");
            put(base + QStringLiteral("/main.tf"), "provider \"google\" {}\n");
            put(base + QStringLiteral("/fly.toml"), "app = \"x\"\n");
        }
        const ScanResult result = scanProject(dir.path());
        QCOMPARE(joined(rendered(result.findings)), joined(rendered(clean)));
        // Other folders under .ai-flow are the project's own and are read.
        put(dir.filePath(QStringLiteral(".ai-flow/deploy/Jenkinsfile")), "pipeline {}\n");
        QVERIFY(rendered(scanProject(dir.path()).findings)
                    .contains(QStringLiteral(R"~(7.4|platform|"C"|.ai-flow/deploy/Jenkinsfile)~")));
    }

    void shouldNotFollowLinksOutOfTheProject()
    {
        QTemporaryDir outside;
        put(outside.filePath(QStringLiteral("infra/main.tf")), "provider \"azurerm\" {}\n");
        put(outside.filePath(QStringLiteral("Dockerfile")), "FROM secret/outside:1\n");
        QTemporaryDir project;
        put(project.filePath(QStringLiteral("README.md")), "# Linked\n");
        put(project.filePath(QStringLiteral("deploy/docker-compose.yml")), "services:\n  cache:\n    image: redis:7\n");
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("infra")), project.filePath(QStringLiteral("infra"))));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("Dockerfile")),
                            project.filePath(QStringLiteral("Dockerfile"))));
        // A link inside the project is read under its own name; a folder link to "." is not a loop.
        QVERIFY(QFile::link(project.filePath(QStringLiteral("deploy/docker-compose.yml")),
                            project.filePath(QStringLiteral("compose.yaml"))));
        QVERIFY(QFile::link(project.path(), project.filePath(QStringLiteral("deploy/loop"))));

        const ScanResult result = scanProject(project.path());
        QCOMPARE(joined(rendered(result.findings)),
                 joined({
                     QStringLiteral(R"~(7.2|choice|"A"|compose.yaml)~"),
                     QStringLiteral(
                         R"~(7.2|compose_services|[{"image":"redis:7","ports":"","service":"cache"}]|compose.yaml)~"),
                     QStringLiteral(R"~(context|cache|"redis"|compose.yaml)~"),
                 }));
        QVERIFY(result.notes.contains(QStringLiteral("Dockerfile links outside the project; it was not followed.")));
        QVERIFY(result.notes.contains(QStringLiteral("infra links outside the project; it was not followed.")));
    }

    void shouldStopAtTheFileCap()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 30; ++i)
            put(dir.filePath(QStringLiteral("src/file%1.js").arg(i, 2, 10, QLatin1Char('0'))), "x\n");
        put(dir.filePath(QStringLiteral("zz/Dockerfile")), "FROM node:20\n"); // sorted last: beyond the cap
        ScanOptions options;
        options.maxFiles = 10;
        const ScanResult capped = scanProject(dir.path(), options);
        QVERIFY(capped.stopped);
        QCOMPARE(capped.filesVisited, 10);
        QVERIFY(capped.notes.contains(QStringLiteral("scan stopped after 10 files")));
        QVERIFY(capped.findings.isEmpty());

        const ScanResult full = scanProject(dir.path());
        QVERIFY(!full.stopped);
        QCOMPARE(full.filesVisited, 31);
        QCOMPARE(rendered(full.findings).first(), QStringLiteral(R"~(7.2|choice|"A"|zz/Dockerfile)~"));
    }

    void shouldSkipFilesOverTheSizeLimit()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("Dockerfile")), "FROM node:20\n" + QByteArray(200, '#') + '\n');
        put(dir.filePath(QStringLiteral("assets/big.bin")), QByteArray(500, 'x')); // not a candidate: no note
        ScanOptions options;
        options.maxFileSize = 100;
        const ScanResult result = scanProject(dir.path(), options);
        QVERIFY(result.findings.isEmpty());
        QCOMPARE(
            result.notes,
            QStringList{QStringLiteral("Dockerfile is larger than the scan's limit (100 bytes); it was skipped.")});
    }

    void shouldNeverReadDotEnv()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral(".env")), "DATABASE_URL=postgres://prod:realpassword@db/prod\n");
        QVERIFY(scanProject(dir.path()).findings.isEmpty());
    }

    void shouldRecognisePlatformFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const char *path, const QByteArray &content, const QStringList &expected) {
            QTest::newRow(name) << QString::fromLatin1(path) << content << expected;
        };
        auto platform = [](const char *choice, const char *name, const char *path) {
            return QStringList{
                QStringLiteral(R"~(7.1|choice|"%1"|%2)~").arg(QLatin1String(choice), QLatin1String(path)),
                QStringLiteral(R"~(7.1|platform|"%1"|%2)~").arg(QLatin1String(name), QLatin1String(path))};
        };
        auto ci = [](const char *letter, const char *path) {
            return QStringList{
                QStringLiteral(R"~(7.4|platform|"%1"|%2)~").arg(QLatin1String(letter), QLatin1String(path))};
        };
        row("render", "render.yaml", "services:\n  - type: web\n", platform("B", "Render", "render.yaml"));
        row("railway", "railway.toml", "[build]\n", platform("B", "Railway", "railway.toml"));
        row("vercel", "vercel.json", "{}\n", platform("B", "Vercel", "vercel.json"));
        row("procfile", "Procfile", "web: node server.js\n", platform("B", "Heroku", "Procfile"));
        row("heroku app.json", "app.json", R"~({"buildpacks":[{"url":"heroku/nodejs"}]})~",
            platform("B", "Heroku", "app.json"));
        row("expo app.json", "app.json", R"~({"expo":{"name":"x"}})~", {});
        row("app engine", "app.yaml", "runtime: python312\n", platform("A", "Google Cloud (App Engine)", "app.yaml"));
        row("serverless aws", "serverless.yml", "service: x\nprovider:\n  name: aws\n  runtime: nodejs20.x\n",
            platform("A", "AWS Lambda", "serverless.yml"));
        row("kustomize", "k8s/kustomization.yaml", "resources: [deployment.yaml]\n",
            platform("D", "Kubernetes (Kustomize)", "k8s/kustomization.yaml"));
        row("k8s deployment", "k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n",
            platform("D", "Kubernetes", "k8s/api.yaml"));
        row("k8s service only", "k8s/svc.yaml", "apiVersion: v1\nkind: Service\n", {});
        row("gitlab", ".gitlab-ci.yml", "stages: [test]\n", ci("B", ".gitlab-ci.yml"));
        row("jenkins", "Jenkinsfile", "pipeline {}\n", ci("C", "Jenkinsfile"));
        row("circleci", ".circleci/config.yml", "version: 2.1\n", ci("D", ".circleci/config.yml"));
        row("travis", ".travis.yml", "language: node_js\n", ci("E", ".travis.yml"));
        row("codebuild", "buildspec.yml", "version: 0.2\n", ci("F", "buildspec.yml"));
        row("azure devops", "azure-pipelines.yml", "trigger: [main]\n", ci("G", "azure-pipelines.yml"));
        row("codepipeline template", "infra/codepipeline.yml", "Resources: {}\n", ci("F", "infra/codepipeline.yml"));
        row("codepipeline notes", "docs/codepipeline.md", "# Notes\n", {});
        row("workflow in a subfolder of workflows", ".github/workflows/old/ci.yml", "on: push\n", {});
        row("bitbucket", "bitbucket-pipelines.yml", "pipelines: {}\n", {});
        row("terraform google", "main.tf", "provider \"google\" {\n  project = \"x\"\n}\n",
            platform("A", "Google Cloud", "main.tf"));
        row("terraform azure", "main.tf", "provider \"azurerm\" {\n  features {}\n}\n",
            platform("A", "Azure", "main.tf"));
        row("pyproject", "pyproject.toml",
            "[project]\nname = \"x\"\ndependencies = [\n  \"structlog>=24\",\n  \"pybreaker~=1.0\",\n]\n",
            {QStringLiteral(R"~(context|runtime|"python"|pyproject.toml)~"),
             QStringLiteral(R"~(7.5|logging|"C"|pyproject.toml)~"),
             QStringLiteral(R"~(7.9.2|choice|"A"|pyproject.toml)~"),
             QStringLiteral(R"~(7.9.2|tool|"pybreaker"|pyproject.toml)~")});
        row("poetry", "pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.12\"\nnewrelic = \"^9\"\n",
            {QStringLiteral(R"~(context|runtime|"python"|pyproject.toml)~"),
             QStringLiteral(R"~(7.5|apm|"B"|pyproject.toml)~")});
        row("maven", "pom.xml",
            "<project><dependencies><dependency><groupId>org.springframework.boot</groupId>"
            "<artifactId>spring-boot-starter-actuator</artifactId></dependency><dependency>"
            "<groupId>io.github.resilience4j</groupId><artifactId>resilience4j-spring-boot3</artifactId>"
            "</dependency><dependency><groupId>ch.qos.logback</groupId><artifactId>logback-classic</artifactId>"
            "</dependency></dependencies></project>\n",
            {QStringLiteral(R"~(context|runtime|"java"|pom.xml)~"), QStringLiteral(R"~(7.5|logging|"C"|pom.xml)~"),
             QStringLiteral(R"~(7.9.2|choice|"A"|pom.xml)~"), QStringLiteral(R"~(7.9.2|tool|"Resilience4j"|pom.xml)~"),
             QStringLiteral(R"~(7.9|endpoints|["A","B","C"]|pom.xml)~")});
        row("gradle", "build.gradle.kts",
            "dependencies {\n  implementation(\"io.sentry:sentry-spring-boot-starter:7.3.0\")\n}\n",
            {QStringLiteral(R"~(context|runtime|"java"|build.gradle.kts)~"),
             QStringLiteral(R"~(7.5|apm|"C"|build.gradle.kts)~")});
        row("csproj", "Api/Api.csproj",
            "<Project><ItemGroup><PackageReference Include=\"Serilog.AspNetCore\" Version=\"8.0.0\" />"
            "<PackageReference Include=\"Polly\" Version=\"8.2.0\" /><PackageReference Include=\"Datadog.Trace\" Version=\"2.4\" />"
            "</ItemGroup></Project>\n",
            {QStringLiteral(R"~(context|runtime|"dotnet"|Api/Api.csproj)~"),
             QStringLiteral(R"~(7.5|logging|"C"|Api/Api.csproj)~"), QStringLiteral(R"~(7.5|apm|"A"|Api/Api.csproj)~"),
             QStringLiteral(R"~(7.9.2|choice|"A"|Api/Api.csproj)~"),
             QStringLiteral(R"~(7.9.2|tool|"Polly"|Api/Api.csproj)~")});
        row("gemfile", "Gemfile", "source \"https://rubygems.org\"\ngem \"rails\", \"~> 8.0\"\ngem 'pg'\n",
            {QStringLiteral(R"~(context|runtime|"ruby"|Gemfile)~"),
             QStringLiteral(R"~(context|database|"postgresql"|Gemfile)~"),
             QStringLiteral(R"~(7.7.1|tool|"Active Record migrations"|Gemfile)~")});
        row("composer", "composer.json", "{\"require\": {\"php\": \"^8.3\", \"laravel/framework\": \"^12.0\"}}\n",
            {QStringLiteral(R"~(context|runtime|"php"|composer.json)~"),
             QStringLiteral(R"~(7.7.1|tool|"Laravel migrations"|composer.json)~")});
        row("mix", "mix.exs", "defp deps do\n  [{:phoenix, \"~> 1.7\"}, {:ecto_sql, \"~> 3.12\"}]\nend\n",
            {QStringLiteral(R"~(context|runtime|"elixir"|mix.exs)~"),
             QStringLiteral(R"~(7.7.1|tool|"Ecto"|mix.exs)~")});
        row("prisma", "package.json", "{\"dependencies\": {\"@prisma/client\": \"^6\"}}\n",
            {QStringLiteral(R"~(context|runtime|"node"|package.json)~"),
             QStringLiteral(R"~(7.7.1|tool|"Prisma"|package.json)~")});
        row("compose with queue", "compose.yaml",
            "services:\n  mq:\n    image: rabbitmq:3-management\n  store:\n    image: docker.io/library/mongo:7\n",
            {QStringLiteral(R"~(7.2|choice|"A"|compose.yaml)~"),
             QStringLiteral(R"~(7.2|compose_services|[{"image":"rabbitmq:3-management","ports":"","service":"mq"},)~"
                            R"~({"image":"docker.io/library/mongo:7","ports":"","service":"store"}]|compose.yaml)~"),
             QStringLiteral(R"~(context|queue|"rabbitmq"|compose.yaml)~"),
             QStringLiteral(R"~(context|database|"mongodb"|compose.yaml)~")});
    }

    void shouldRecognisePlatformFiles()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        put(dir.filePath(path), content);
        QCOMPARE(joined(rendered(scanProject(dir.path()).findings)), joined(expected));
    }

    void shouldNoteBitbucketAndBrokenManifests()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("bitbucket-pipelines.yml")), "pipelines: {}\n");
        put(dir.filePath(QStringLiteral("package.json")), "{ \"dependencies\": { \"pino\": \"8\" ");
        const ScanResult result = scanProject(dir.path());
        QVERIFY(walked(result.findings).isEmpty());
        QCOMPARE(result.notes.size(), 2);
        QVERIFY(result.notes.at(0).startsWith(QLatin1String("bitbucket-pipelines.yml: Bitbucket Pipelines")));
        QVERIFY(result.notes.at(1).startsWith(QLatin1String("package.json is not valid JSON at line 1")));
    }

    void shouldImportFactsFromAHandWrittenOperationsDoc()
    {
        const ScanResult result = importFromDocs(fixture("hand-written"));
        QCOMPARE(joined(rendered(result.findings)),
                 joined({
                     QStringLiteral(R"~(7.1|choice|"A"|docs/operations.md:7)~"),
                     QStringLiteral(R"~(7.1|platform|"AWS ECS"|docs/operations.md:7)~"),
                     QStringLiteral(R"~(7.4|platform|"A"|docs/operations.md:11)~"),
                     QStringLiteral(R"~(7.4.1|strategy|"B"|docs/operations.md:12)~"),
                     QStringLiteral(R"~(7.5|apm|"A"|docs/operations.md:17)~"),
                 }));
        QVERIFY(result.notes.isEmpty());
    }

    void shouldPreferTheLineThatStatesTheChoice()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("docs/deployment.md")),
            "# Deployment\n\n"
            "We moved away from Heroku last year.\n"      // a mention in passing
            "Production is hosted on Google Cloud Run.\n" // the statement (cue: hosted)
            "Errors used to go to Sentry.\n"
            "## Monitoring: New Relic\n"); // a heading states it
        const ScanResult result = importFromDocs(dir.path());
        QCOMPARE(joined(rendered(result.findings)),
                 joined({
                     QStringLiteral(R"~(7.1|choice|"A"|docs/deployment.md:4)~"),
                     QStringLiteral(R"~(7.1|platform|"Google Cloud Run"|docs/deployment.md:4)~"),
                     QStringLiteral(R"~(7.5|apm|"B"|docs/deployment.md:6)~"),
                 }));
    }

    void shouldImportFromLatin1DocsWithANote()
    {
        const ScanResult result = importFromDocs(fixture("non-utf8"));
        QCOMPARE(joined(rendered(result.findings)),
                 joined({
                     QStringLiteral(R"~(7.1|choice|"D"|docs/deployment.md:5)~"),
                     QStringLiteral(R"~(7.1|platform|"Kubernetes (AKS)"|docs/deployment.md:5)~"),
                     QStringLiteral(R"~(7.4|platform|"A"|docs/deployment.md:9)~"),
                     QStringLiteral(R"~(7.5|apm|"A"|docs/deployment.md:13)~"),
                 }));
        QCOMPARE(result.notes,
                 QStringList{QStringLiteral(
                     "docs/deployment.md is not valid UTF-8; it was read with replacement characters.")});
    }

    void shouldNotImportFromALinkOutOfTheProject()
    {
        QTemporaryDir outside;
        put(outside.filePath(QStringLiteral("ops.md")),
            "# Ops\n\nDeployed on Heroku with GitHub Actions and Datadog.\n");
        QTemporaryDir dir;
        QVERIFY(copyTree(fixture("docs-symlink"), dir.path()));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("ops.md")),
                            dir.filePath(QStringLiteral("docs/operations.md"))));
        const ScanResult result = importFromDocs(dir.path());
        for (const Finding &f : result.findings)
            QVERIFY2(f.evidence.startsWith(QLatin1String("docs/deployment.md:")), qPrintable(f.evidence));
        QVERIFY(
            result.notes.contains(QStringLiteral("docs/operations.md links outside the project; it was not read.")));
    }

    void shouldListEnvVariableNames()
    {
        QCOMPARE(envVariableNames(QStringLiteral("# c\nA=1\nexport B=2\n  C = 3\n# D=4\nA=5\nnot a var\n")),
                 (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceScan)
#include "tst_evidencescan.moc"
