// One classifier for "what platform is this": the same typed name is read the same way by the
// documents' prose, the diagrams, the evidence import and the pre-flight audit.
#include "answerset.h"
#include "diagrams.h"
#include "evidencescan.h"
#include "generation.h"
#include "knowledge.h"
#include "preflight.h"
#include "templatecontext.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;

namespace {

QString slugged(QString text, const QString &slug)
{
    return text.replace(QLatin1String("{slug}"), slug);
}

} // namespace

class TestClassification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadOneNameTheSameWayEverywhere_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("docker");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("drawn"); // in the infrastructure diagram
        const auto row = [](const char *name, const char *choice, const char *typed, bool docker, const char *id,
                            const char *drawn) {
            QTest::newRow(name) << QString::fromLatin1(choice) << QString::fromUtf8(typed) << docker
                                << QString::fromLatin1(id) << QString::fromUtf8(drawn);
        };
        row("ecs", "A", "AWS ECS on Fargate", true, "aws-ecs", "ECS Fargate Task 1");
        row("lambda", "A", "AWS Lambda", true, "aws-lambda", "Lambda API Handler");
        row("ec2", "A", "Amazon EC2", true, "aws-ec2", "EC2 Instance 1");
        row("cloud run", "A", "Google Cloud Run", true, "cloud-run", "Cloud Run Instance 1");
        row("compute engine", "A", "Google Compute Engine", true, "compute-engine", "Compute Engine VM 1");
        row("app engine", "A", "Google App Engine", true, "app-engine", "App Engine Instance 1");
        row("app service", "A", "Azure App Service", true, "app-service", "App Service Instance 1");
        row("container apps", "A", "Azure Container Apps", true, "container-apps", "Container App Replica 1");
        row("scale set", "A", "Azure VM Scale Sets", true, "azure-vm", "Azure VM 1");
        row("eks under cloud", "A", "AWS EKS", true, "kubernetes", "Kubernetes Cluster - Amazon EKS");
        row("openshift under cloud", "A", "Azure Red Hat OpenShift", true, "openshift",
            "Kubernetes Cluster - Red Hat OpenShift on Azure");
        row("k3s under cloud", "A", "k3s on AWS", true, "kubernetes", "Kubernetes Cluster - Amazon EKS");
        row("gke", "D", "Kubernetes (GKE)", true, "kubernetes", "Kubernetes Cluster - Google GKE");
        row("openshift", "D", "OpenShift in our data centre", true, "openshift",
            "Kubernetes Cluster - Red Hat OpenShift");
        row("swarm", "D", "Docker Swarm", true, "docker-swarm", "Docker Swarm Cluster");
        row("nomad", "D", "Nomad", true, "nomad", "Nomad Cluster");
        row("heroku", "B", "Heroku", true, "heroku", "Heroku Router");
        row("fly", "B", "Fly.io", true, "fly", "Fly Proxy");
        row("render", "B", "Render", true, "render", "Render Edge");
        row("railway", "B", "Railway", true, "railway", "Railway Edge Proxy");
        row("vercel", "B", "Vercel", true, "vercel", "Vercel Edge Network");
        row("digitalocean", "B", "DigitalOcean App Platform", true, "do-app-platform", "App Platform Edge");
        row("servers with compose", "C", "Company servers", true, "servers-compose", "Docker Engine");
        row("servers with systemd", "C", "Company servers", false, "servers-systemd", "systemd Service");
    }

    void shouldReadOneNameTheSameWayEverywhere()
    {
        QFETCH(QString, choice);
        QFETCH(QString, typed);
        QFETCH(bool, docker);
        QFETCH(QString, platform);
        QFETCH(QString, drawn);
        const Knowledge &k = Knowledge::builtIn();
        const PlatformKnowledge *expected = k.platform(platform);
        QVERIFY(expected);

        // The answers, as the generator reads them.
        AnswerSet answers;
        answers.scope = Scope::Production;
        answers.context.insert(QStringLiteral("project_name"), QStringLiteral("shop-api"));
        answers.answers[QStringLiteral("7.1")] = {{QStringLiteral("choice"), choice},
                                                  {QStringLiteral("platform"), typed}};
        answers.answers[QStringLiteral("7.2")] = {{QStringLiteral("choice"), docker ? "A" : "B"}};
        answers.answers[QStringLiteral("7.4.1")] = {{QStringLiteral("strategy"), QStringLiteral("A")}};
        const Resolver resolver(Questionnaire::builtIn(), answers);

        // Diagrams: drawn from the facts the classifier filled.
        const DeploymentFacts facts = deploymentFacts(resolver);
        QCOMPARE(facts.platformId, platform);
        const QString infrastructure = infrastructureDiagram(facts);
        QVERIFY2(infrastructure.contains(drawn), qPrintable(infrastructure));

        // Prose: the platform's own rolling-release setting, from its knowledge file.
        const GenerationResult result = generate(resolver, TemplateSet::builtIn());
        QVERIFY(result.errors.isEmpty());
        const QString operations = QString::fromUtf8(result.files.at(0).content);
        QVERIFY2(operations.contains(slugged(expected->rolling, QStringLiteral("shop-api"))),
                 qPrintable(expected->rolling));

        // Evidence: a document saying the same suggests a 7.1 answer read as the same platform.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("docs")));
        QFile doc(dir.filePath(QStringLiteral("docs/deployment.md")));
        QVERIFY(doc.open(QIODevice::WriteOnly));
        const QString line = QStringLiteral("Production runs on %1.").arg(typed);
        doc.write(QStringLiteral("# Deployment\n\n%1\n").arg(line).toUtf8());
        doc.close();
        QString foundChoice;
        QString foundText;
        for (const Finding &f : importFromDocs(dir.path()).findings) {
            if (f.questionId == QLatin1String("7.1") && f.fieldId == QLatin1String("choice"))
                foundChoice = f.value.toString();
            if (f.questionId == QLatin1String("7.1") && f.fieldId == QLatin1String("platform"))
                foundText = f.value.toString();
        }
        QVERIFY2(!foundChoice.isEmpty(), "the evidence import does not recognise the platform");
        const PlatformKnowledge *suggested = k.classify(foundChoice, foundText, docker).platform;
        QVERIFY(suggested);
        QCOMPARE(suggested->id, platform);

        // Pre-flight: one line naming it documents where the service runs.
        ProjectFile file;
        file.path = QStringLiteral("docs/deployment.md");
        file.exists = file.read = true;
        file.text = QStringLiteral("Notes\n\n%1\n").arg(line);
        const PreflightResult audit = auditDocuments({file});
        bool documented = false;
        for (const AuditItem &item : audit.items) {
            if (item.id == QLatin1String("platform"))
                documented = item.documented;
        }
        QVERIFY2(documented, "the pre-flight audit does not count the line as documenting the platform");
    }

    // Every platform's own name is read as that platform, so a suggestion made from a
    // platform's name never turns into another one.
    void shouldReadEveryPlatformsNameAsItself()
    {
        for (const PlatformKnowledge &p : Knowledge::builtIn().platforms()) {
            const bool docker = p.containers != QLatin1String("never");
            const PlatformKnowledge *read =
                Knowledge::builtIn().classify(p.choices.constFirst(), p.name, docker).platform;
            QVERIFY(read);
            QVERIFY2(read->id == p.id, qPrintable(QStringLiteral("%1 is read as %2").arg(p.name, read->id)));
        }
    }
};

QTEST_GUILESS_MAIN(TestClassification)
#include "tst_classification.moc"
