// Tests of the mermaid diagram builders: what each answer draws, escaping, and well-formed output.
#include "diagrams.h"
#include "knowledge.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace opsflow;
using Facts = DeploymentFacts;

Q_DECLARE_METATYPE(DeploymentFacts)

namespace {

// What the generator does with a 7.1 answer: the knowledge classifier names the platform
// (Knowledge::classify), under the choice that gives the facts' family.
void classify(Facts &f)
{
    QString choice = QStringLiteral("D");
    switch (f.platform) {
    case Facts::Platform::Aws:
    case Facts::Platform::Gcp:
    case Facts::Platform::Azure: choice = QStringLiteral("A"); break;
    case Facts::Platform::Paas: choice = QStringLiteral("B"); break;
    case Facts::Platform::OnPremises: choice = QStringLiteral("C"); break;
    default: break;
    }
    const PlatformMatch match = Knowledge::builtIn().classify(choice, f.platformName, f.containerized);
    f.platformId = match.platform ? match.platform->id : QString();
    f.cloud = match.cloud;
}

// A production-like AWS setup with every part present.
Facts fullFacts()
{
    Facts f;
    f.projectName = QStringLiteral("shop-api");
    f.platform = Facts::Platform::Aws;
    f.platformName = QStringLiteral("AWS ECS");
    classify(f);
    f.region = QStringLiteral("us-east-1");
    f.scaling = Facts::Scaling::Horizontal;
    f.appInstances = 3;
    f.appSpec = QStringLiteral("2 vCPU, 4GB RAM");
    f.healthCheckPath = QStringLiteral("/health/live");
    f.database = Facts::Database::PostgreSql;
    f.databaseScaling = Facts::DatabaseScaling::ReadReplicas;
    f.cache = Facts::Cache::Redis;
    f.queue = Facts::Queue::Sqs;
    f.objectStorage = true;
    f.externalServices = {QStringLiteral("Payment API"), QStringLiteral("Email service")};
    f.secretsService = true;
    f.apm = Facts::Apm::Datadog;
    f.structuredLogs = true;
    f.logStack = Facts::LogStack::Datadog;
    f.alertChannels.email = true;
    f.alertChannels.chat = true;
    f.alertChannels.pager = true;
    f.onCall = true;
    f.onCallTool = QStringLiteral("PagerDuty");
    f.backupStrategy = QStringLiteral("A");
    return f;
}

// The smallest setup: one instance, no stores, no monitoring.
Facts minimalFacts()
{
    Facts f;
    f.platform = Facts::Platform::Paas;
    f.platformName = QStringLiteral("Heroku");
    classify(f);
    f.scaling = Facts::Scaling::Vertical;
    f.appInstances = 1;
    f.database = Facts::Database::None;
    f.backups = false;
    return f;
}

Facts hostileFacts()
{
    const QString evil = QStringLiteral("\"quotes\" [brackets] --> end <script>alert(1)</script> |pipes| # ; 🚀\nline2");
    Facts f = fullFacts();
    f.projectName = evil;
    f.platformName = QStringLiteral("end");
    classify(f);
    f.region = QStringLiteral("us-east-1\"]; click App1 call alert(1)");
    f.appSpec = QStringLiteral("2 vCPU\"]\nstyle App1 fill:#f00;");
    f.externalServices = {evil,
                          QStringLiteral("end"),
                          QStringLiteral("subgraph"),
                          QStringLiteral("Payment API"),
                          QStringLiteral("Payment-API"),
                          QStringLiteral("payment api"),
                          QStringLiteral("🚀"),
                          QStringLiteral("   ")};
    f.secretsStore = QStringLiteral("Vault`md`$$x$$%%");
    f.onCallTool = evil;
    f.healthCheckPath = QStringLiteral("/health\"|x|");
    return f;
}

struct Sample {
    const char *name;
    Facts facts;
};

// One setup per platform variant; the sample dump and the structure test use them all.
QList<Sample> samples()
{
    QList<Sample> list;
    list.append({"aws-ecs", fullFacts()});
    {
        Facts f = fullFacts();
        f.platformName = QStringLiteral("AWS Lambda");
        classify(f);
        f.scaling = Facts::Scaling::Auto;
        f.maxInstances = 50;
        f.apm = Facts::Apm::CloudWatch;
        f.logStack = Facts::LogStack::CloudWatch;
        list.append({"aws-lambda", f});
    }
    {
        Facts f = fullFacts();
        f.platformName = QStringLiteral("EC2");
        classify(f);
        f.containerized = false;
        f.scaling = Facts::Scaling::Vertical;
        f.databaseScaling = Facts::DatabaseScaling::Vertical;
        f.queue = Facts::Queue::RabbitMq;
        list.append({"aws-ec2-vertical", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Gcp;
        f.platformName = QStringLiteral("Cloud Run");
        classify(f);
        f.region = QStringLiteral("europe-west1");
        f.queue = Facts::Queue::PubSub;
        f.apm = Facts::Apm::OpenTelemetry;
        f.logStack = Facts::LogStack::Elk;
        list.append({"gcp-cloud-run", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Gcp;
        f.platformName = QStringLiteral("Compute Engine");
        classify(f);
        f.database = Facts::Database::MySql;
        f.databaseScaling = Facts::DatabaseScaling::Sharding;
        f.queue = Facts::Queue::Sqs;
        list.append({"gcp-vms-sharded", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Azure;
        f.platformName = QStringLiteral("Azure App Service");
        classify(f);
        f.region = QStringLiteral("westeurope");
        f.queue = Facts::Queue::ServiceBus;
        f.apm = Facts::Apm::NewRelic;
        list.append({"azure-app-service", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Paas;
        f.platformName = QStringLiteral("Heroku");
        classify(f);
        f.queue = Facts::Queue::Redis;
        f.apm = Facts::Apm::Sentry;
        f.logStack = Facts::LogStack::Console;
        list.append({"paas-heroku", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Paas;
        f.platformName = QStringLiteral("Fly.io");
        classify(f);
        f.region = QStringLiteral("ams");
        f.database = Facts::Database::Sqlite;
        f.queue = Facts::Queue::None;
        f.logStack = Facts::LogStack::Files;
        list.append({"paas-fly", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Paas;
        f.platformName = QStringLiteral("Render");
        classify(f);
        f.database = Facts::Database::MongoDb;
        list.append({"paas-render", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Paas;
        f.platformName = QStringLiteral("Railway");
        classify(f);
        f.queue = Facts::Queue::Kafka;
        list.append({"paas-railway", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Paas;
        f.platformName = QStringLiteral("Vercel");
        classify(f);
        f.scaling = Facts::Scaling::Auto;
        list.append({"paas-vercel", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Kubernetes;
        f.platformName = QStringLiteral("k3s");
        classify(f);
        f.scaling = Facts::Scaling::Auto;
        f.appInstances = 3;
        f.maxInstances = 12;
        f.queue = Facts::Queue::RabbitMq;
        f.apm = Facts::Apm::OpenTelemetry;
        f.logStack = Facts::LogStack::Elk;
        f.secretsStore = QStringLiteral("Vault");
        list.append({"k8s-self-managed", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Kubernetes;
        f.platformName = QStringLiteral("Amazon EKS");
        classify(f);
        f.queue = Facts::Queue::Sqs;
        list.append({"k8s-eks", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::DockerSwarm;
        f.platformName = QStringLiteral("Docker Swarm");
        classify(f);
        f.queue = Facts::Queue::RabbitMq;
        list.append({"swarm", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::Nomad;
        f.platformName = QStringLiteral("Nomad");
        classify(f);
        f.queue = Facts::Queue::Kafka;
        list.append({"nomad", f});
    }
    {
        Facts f = fullFacts();
        f.platform = Facts::Platform::OnPremises;
        f.platformName = QStringLiteral("VMware vSphere");
        classify(f);
        f.scaling = Facts::Scaling::Vertical;
        f.queue = Facts::Queue::RabbitMq;
        f.apm = Facts::Apm::None;
        f.logStack = Facts::LogStack::Files;
        f.alertChannels = {};
        f.alertChannels.email = true;
        f.alertChannels.sms = true;
        f.onCall = false;
        list.append({"on-premises", f});
    }
    list.append({"minimal", minimalFacts()});
    list.append({"hostile", hostileFacts()});
    return list;
}

struct Diagram {
    const char *kind;
    QString text;
};

QList<Diagram> allDiagrams(const Facts &f)
{
    return {{"architecture", systemArchitectureDiagram(f)},
            {"dataflow", dataFlowDiagram(f)},
            {"infrastructure", infrastructureDiagram(f)},
            {"monitoring", monitoringDiagram(f)}};
}

// Checks that every line is one of the few forms the builders write, that label text holds
// nothing mermaid would read as syntax, that no node is defined twice and that every edge
// and style names a defined node. Returns the first problem, or an empty string.
QString checkStructure(const QString &diagram)
{
    static const QRegularExpression header(QStringLiteral("^(graph TD|graph TB|flowchart LR)$"));
    static const QRegularExpression subgraph(
        QStringLiteral("^ +subgraph (\"([^\"]*)\"|([A-Z][A-Za-z0-9_]*) \\[\"([^\"]*)\"\\])$"));
    static const QRegularExpression node(
        QStringLiteral("^ +([A-Z][A-Za-z0-9_]*)(\\[\"([^\"]*)\"\\]|\\[\\(\"([^\"]*)\"\\)\\])$"));
    static const QRegularExpression edge(QStringLiteral(
        "^ +([A-Z][A-Za-z0-9_]*) (-->|-\\.->)(\\|(\"([^\"]*)\"|[A-Za-z0-9 ./,]+)\\|)? ([A-Z][A-Za-z0-9_]*)$"));
    static const QRegularExpression style(
        QStringLiteral("^ +style ([A-Z][A-Za-z0-9_]*) fill:#[0-9a-f]{6},color:#1a1a1a$"));
    static const QRegularExpression entity(QStringLiteral("#\\w+;"));

    // Label text: after <br/> and entity codes, only characters that are text to mermaid.
    const auto labelProblem = [](const QString &label) -> QString {
        QString rest = label;
        rest.remove(QLatin1String("<br/>")).remove(entity);
        for (const QChar c : QStringLiteral("\"[]{}|<>;#&`$%"))
            if (rest.contains(c))
                return QStringLiteral("'%1' in label \"%2\"").arg(c).arg(label);
        if (rest.contains(QLatin1String("style")) || rest.contains(QLatin1String("classDef")))
            return QStringLiteral("keyword in label \"%1\"").arg(label);
        if (label.trimmed().isEmpty())
            return QStringLiteral("empty label");
        return {};
    };

    const QStringList lines = diagram.split(u'\n');
    if (!header.match(lines.value(0)).hasMatch())
        return QStringLiteral("bad header: ") + lines.value(0);
    QSet<QString> nodes;
    QStringList references;
    int depth = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QString where = QStringLiteral("line %1: ").arg(i + 1);
        if (line.isEmpty())
            continue;
        if (line.endsWith(u' '))
            return where + QStringLiteral("trailing space");
        QRegularExpressionMatch m;
        if ((m = subgraph.match(line)).hasMatch()) {
            ++depth;
            if (!m.captured(3).isEmpty())
                nodes.insert(m.captured(3)); // edges may point at a named group
            const QString problem = labelProblem(m.captured(2) + m.captured(4));
            if (!problem.isEmpty())
                return where + problem;
        } else if (line.trimmed() == QLatin1String("end")) {
            if (--depth < 0)
                return where + QStringLiteral("end without subgraph");
        } else if ((m = node.match(line)).hasMatch()) {
            if (nodes.contains(m.captured(1)))
                return where + QStringLiteral("node defined twice: ") + m.captured(1);
            nodes.insert(m.captured(1));
            const QString problem = labelProblem(m.captured(3) + m.captured(4));
            if (!problem.isEmpty())
                return where + problem;
        } else if ((m = edge.match(line)).hasMatch()) {
            references << m.captured(1) << m.captured(6);
            if (!m.captured(5).isEmpty()) {
                const QString problem = labelProblem(m.captured(5));
                if (!problem.isEmpty())
                    return where + problem;
            }
        } else if ((m = style.match(line)).hasMatch()) {
            references << m.captured(1);
        } else {
            return where + QStringLiteral("unexpected line: ") + line;
        }
    }
    if (depth != 0)
        return QStringLiteral("unbalanced subgraph/end");
    for (const QString &ref : references) {
        if (!nodes.contains(ref))
            return QStringLiteral("reference to undefined node ") + ref;
    }
    return {};
}

bool hasNode(const QString &diagram, const QString &id)
{
    const QRegularExpression re(QStringLiteral("^ +%1\\[").arg(QRegularExpression::escape(id)),
                                QRegularExpression::MultilineOption);
    return re.match(diagram).hasMatch();
}

} // namespace

class TestDiagrams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldWriteWellFormedDiagrams_data();
    void shouldWriteWellFormedDiagrams();
    void shouldUseTheSeedsFormats();
    void shouldDrawLoadBalancerOnlyWhenScalingOut_data();
    void shouldDrawLoadBalancerOnlyWhenScalingOut();
    void shouldDrawThePlatformsOwnBalancer_data();
    void shouldDrawThePlatformsOwnBalancer();
    void shouldDrawReplicasOnlyWhenChosen_data();
    void shouldDrawReplicasOnlyWhenChosen();
    void shouldDrawNoCacheOrQueueWithoutOne();
    void shouldDrawShardsWhenSharding();
    void shouldDrawThePlatformsOwnResources_data();
    void shouldDrawThePlatformsOwnResources();
    void shouldLabelBackupsWithTheAnsweredFrequency_data();
    void shouldLabelBackupsWithTheAnsweredFrequency();
    void shouldBackUpSqliteAsTheProseSays_data();
    void shouldBackUpSqliteAsTheProseSays();
    void shouldKeepSqliteOffNetworkFileSystems_data();
    void shouldKeepSqliteOffNetworkFileSystems();
    void shouldCountNoInstancesWhereThePlatformStartsThemPerRequest_data();
    void shouldCountNoInstancesWhereThePlatformStartsThemPerRequest();
    void shouldDrawAutoscalerOnlyWhenAutoScaling();
    void shouldDrawTheChosenMonitoring_data();
    void shouldDrawTheChosenMonitoring();
    void shouldDrawOnCallOnlyWithRotation();
    void shouldEscapeUserText();
    void shouldGiveExternalServicesUniqueIds();
    void shouldLimitDrawnInstances();
    void shouldBeDeterministic();
    void shouldClassifyDependencies_data();
    void shouldClassifyDependencies();
    void dumpSamplesForMermaid();
};

void TestDiagrams::shouldWriteWellFormedDiagrams_data()
{
    QTest::addColumn<QString>("diagram");
    for (const Sample &s : samples()) {
        for (const Diagram &d : allDiagrams(s.facts))
            QTest::addRow("%s-%s", s.name, d.kind) << d.text;
    }
}

void TestDiagrams::shouldWriteWellFormedDiagrams()
{
    QFETCH(QString, diagram);
    const QString problem = checkStructure(diagram);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral("\n") + diagram));
    QVERIFY(!diagram.endsWith(u'\n'));
    QVERIFY(!diagram.contains(QLatin1String("```")));
}

void TestDiagrams::shouldUseTheSeedsFormats()
{
    const Facts f = fullFacts();
    QVERIFY(systemArchitectureDiagram(f).startsWith(QLatin1String("graph TD\n")));
    QVERIFY(dataFlowDiagram(f).startsWith(QLatin1String("flowchart LR\n")));
    QVERIFY(infrastructureDiagram(f).startsWith(QLatin1String("graph TB\n")));
    QVERIFY(monitoringDiagram(f).startsWith(QLatin1String("graph TD\n")));

    const QString arch = systemArchitectureDiagram(f);
    QVERIFY(arch.contains(QLatin1String("subgraph \"Load Balancer Layer\"")));
    QVERIFY(arch.contains(QLatin1String("Primary[(\"Primary DB<br/>PostgreSQL\")]")));
    QVERIFY(arch.contains(QLatin1String("App1[\"API Server 1<br/>2 vCPU, 4GB RAM\"]")));
    QVERIFY(arch.contains(QLatin1String("Internet -->|HTTPS| LB")));
    QVERIFY(arch.contains(QLatin1String("Primary -.->|Replication| Replica1")));
    QVERIFY(arch.contains(QLatin1String("style Primary fill:#e1ffe1")));
    QVERIFY(arch.contains(QLatin1String("style Cache fill:#f0e1ff")));
    QVERIFY(arch.contains(QLatin1String("style Queue fill:#ffe1f5")));
    QVERIFY(arch.contains(QLatin1String("style ExtPayment_API fill:#fff4e1")));
    QVERIFY(arch.contains(QLatin1String("App1 -.->|Async Jobs| Queue")));

    // Data flow steps are numbered 1, 2, 3, … without gaps.
    const QString flow = dataFlowDiagram(f);
    static const QRegularExpression step(QStringLiteral("\\|\"?(\\d+)\\. "));
    int expected = 0;
    for (auto it = step.globalMatch(flow); it.hasNext();)
        QCOMPARE(it.next().captured(1).toInt(), ++expected);
    QVERIFY(expected >= 8);
    QVERIFY(flow.contains(QLatin1String("API -.->|7. Enqueue Job| Queue"))
            || flow.contains(QLatin1String("Enqueue Job")));

    const QString monitoring = monitoringDiagram(f);
    QVERIFY(monitoring.contains(QLatin1String("style OnCall fill:#ffe1e1")));
}

void TestDiagrams::shouldDrawLoadBalancerOnlyWhenScalingOut_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<bool>("balanced");
    const QList<QPair<const char *, Facts::Scaling>> scalings{{"horizontal", Facts::Scaling::Horizontal},
                                                              {"vertical", Facts::Scaling::Vertical},
                                                              {"auto", Facts::Scaling::Auto}};
    for (const Sample &s : samples()) {
        for (const auto &[name, scaling] : scalings) {
            Facts f = s.facts;
            f.scaling = scaling;
            QTest::addRow("%s-%s", s.name, name) << f << (scaling != Facts::Scaling::Vertical);
        }
    }
}

void TestDiagrams::shouldDrawLoadBalancerOnlyWhenScalingOut()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(bool, balanced);
    const QString arch = systemArchitectureDiagram(facts);
    const QString flow = dataFlowDiagram(facts);
    QCOMPARE(hasNode(arch, QStringLiteral("LB")), balanced);
    QCOMPARE(arch.contains(QLatin1String("Load Balancer")), balanced);
    QCOMPARE(hasNode(flow, QStringLiteral("LB")), balanced);
    if (!balanced) {
        // Vertical scaling: one bigger instance taking traffic directly.
        QVERIFY(arch.contains(QLatin1String("Internet -->|HTTPS| App1")));
        QVERIFY(!hasNode(arch, QStringLiteral("App2")));
        const QString infra = infrastructureDiagram(facts);
        const bool cloud = (facts.platform == Facts::Platform::Aws || facts.platform == Facts::Platform::Gcp
                            || facts.platform == Facts::Platform::Azure)
            && !infra.contains(QLatin1String("Kubernetes Cluster"));
        if (cloud) {
            // A cloud's load balancer or gateway stays in front of the one instance: the
            // documents say TLS ends there.
            static const QRegularExpression entry(
                QStringLiteral(
                    "^ +Internet -->\\|HTTPS 443\\| (ALB|APIGateway|CloudLB|AppGateway|FrontEnds|FrontEnd)$"),
                QRegularExpression::MultilineOption);
            QVERIFY2(entry.match(infra).hasMatch(), qPrintable(infra));
            QVERIFY2(!infra.contains(QLatin1String("Internet -->|HTTPS 443| App1")), qPrintable(infra));
        } else {
            QVERIFY2(!infra.contains(QLatin1String("Load Balancer")) && !hasNode(infra, QStringLiteral("ALB"))
                         && !hasNode(infra, QStringLiteral("AppGateway")) && !hasNode(infra, QStringLiteral("CloudLB")),
                     qPrintable(infra));
        }
    }
}

// The architecture and data flow diagrams' load balancer is the platform's own, the service
// the documents' prose names for it (nouns.load_balancer), not the cloud's usual one.
void TestDiagrams::shouldDrawThePlatformsOwnBalancer_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<QString>("balancer");
    QTest::addColumn<QString>("notDrawn");
    const auto row = [](const char *name, Facts::Platform platform, const char *typed, const char *balancer,
                        const char *notDrawn) {
        Facts f = fullFacts();
        f.platform = platform;
        f.platformName = QString::fromLatin1(typed);
        classify(f);
        QTest::newRow(name) << f << QString::fromLatin1(balancer) << QString::fromLatin1(notDrawn);
    };
    row("aws lambda", Facts::Platform::Aws, "AWS Lambda", "Amazon API Gateway", "Application Load Balancer");
    row("azure app service", Facts::Platform::Azure, "Azure App Service", "App Service Front Ends",
        "Application Gateway");
    row("azure container apps", Facts::Platform::Azure, "Azure Container Apps", "Container Apps Environment",
        "Application Gateway");
    row("aws ecs", Facts::Platform::Aws, "AWS ECS", "AWS Application Load Balancer", "API Gateway");
    row("azure vms", Facts::Platform::Azure, "Azure VMs", "Azure Application Gateway", "App Service");
    // A cluster named under "Cloud Platform" is drawn as a cluster: its Ingress controller.
    row("azure red hat openshift", Facts::Platform::Azure, "Azure Red Hat OpenShift", "Ingress Controller",
        "Application Gateway");
    row("aws eks", Facts::Platform::Aws, "Amazon EKS", "Ingress Controller", "Application Load Balancer");
    // Cloud Run serves HTTPS and balances over its instances itself; VMs need a load balancer.
    row("cloud run", Facts::Platform::Gcp, "Cloud Run", "Cloud Run HTTPS Endpoint", "Cloud Load Balancing");
    row("app engine", Facts::Platform::Gcp, "App Engine", "Google Front End", "Cloud Load Balancing");
    row("compute engine", Facts::Platform::Gcp, "Compute Engine", "Load Balancer<br/>Cloud Load Balancing",
        "Cloud Run");
    // Each PaaS names its own router or proxy; only an unknown one keeps the generic label.
    row("heroku", Facts::Platform::Paas, "Heroku", "Heroku Router", "Platform Router");
    row("fly", Facts::Platform::Paas, "Fly.io", "Fly Proxy", "Platform Router");
    row("railway", Facts::Platform::Paas, "Railway", "Railway Edge Proxy", "Platform Router");
    row("vercel", Facts::Platform::Paas, "Vercel", "Vercel Edge Network", "Platform Router");
    row("render", Facts::Platform::Paas, "Render", "Render<br/>Built-in Load Balancing", "Platform Router");
    row("digitalocean", Facts::Platform::Paas, "DigitalOcean App Platform", "App Platform<br/>Built-in Load Balancing",
        "Platform Router");
    row("other paas", Facts::Platform::Paas, "Northflank", "Load Balancer<br/>Platform Router", "Heroku");
}

void TestDiagrams::shouldDrawThePlatformsOwnBalancer()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(QString, balancer);
    QFETCH(QString, notDrawn);
    const QString arch = systemArchitectureDiagram(facts);
    QVERIFY2(arch.contains(balancer) && !arch.contains(notDrawn), qPrintable(arch));
    // The data flow names the balancer only where it is not a load balancer as such.
    const QString flow = dataFlowDiagram(facts);
    QVERIFY2(!flow.contains(notDrawn), qPrintable(flow));
    const PlatformKnowledge *p = Knowledge::builtIn().platform(facts.platformId);
    QVERIFY(p);
    if (p->diagram.contains(QLatin1String("balancer")))
        QVERIFY2(flow.contains(balancer), qPrintable(flow));
}

void TestDiagrams::shouldDrawReplicasOnlyWhenChosen_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<bool>("replicas");
    for (const Sample &s : samples()) {
        Facts f = s.facts;
        if (f.database == Facts::Database::None || f.database == Facts::Database::Sqlite)
            f.database = Facts::Database::PostgreSql;
        f.databaseScaling = Facts::DatabaseScaling::ReadReplicas;
        QTest::addRow("%s-replicas", s.name) << f << true;
        f.databaseScaling = Facts::DatabaseScaling::None;
        QTest::addRow("%s-none", s.name) << f << false;
        f.databaseScaling = Facts::DatabaseScaling::Vertical;
        QTest::addRow("%s-vertical", s.name) << f << false;
        f.databaseScaling = Facts::DatabaseScaling::ReadReplicas;
        f.database = Facts::Database::Sqlite;
        QTest::addRow("%s-sqlite", s.name) << f << false;
    }
}

void TestDiagrams::shouldDrawReplicasOnlyWhenChosen()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(bool, replicas);
    for (const Diagram &d : allDiagrams(facts)) {
        const bool drawn = d.text.contains(QLatin1String("|Replication|"));
        if (QByteArray(d.kind) == "monitoring")
            continue;
        QVERIFY2(drawn == replicas, qPrintable(QStringLiteral("%1\n%2").arg(QLatin1String(d.kind), d.text)));
        QCOMPARE(hasNode(d.text, QStringLiteral("Replica1")) || hasNode(d.text, QStringLiteral("Replica")), replicas);
    }
}

void TestDiagrams::shouldDrawNoCacheOrQueueWithoutOne()
{
    for (const Sample &s : samples()) {
        Facts f = s.facts;
        f.cache = Facts::Cache::None;
        f.queue = Facts::Queue::None;
        for (const Diagram &d : allDiagrams(f)) {
            QVERIFY2(!hasNode(d.text, QStringLiteral("Cache")), qPrintable(d.text));
            QVERIFY2(!hasNode(d.text, QStringLiteral("Queue")), qPrintable(d.text));
            QVERIFY2(!hasNode(d.text, QStringLiteral("Worker")), qPrintable(d.text));
            QVERIFY2(!d.text.contains(QLatin1String("Redis")) && !d.text.contains(QLatin1String("Memcached")),
                     qPrintable(d.text));
        }
        f.cache = Facts::Cache::Memcached;
        f.queue = Facts::Queue::RabbitMq;
        for (const Diagram &d : allDiagrams(f)) {
            if (QByteArray(d.kind) == "monitoring") {
                QVERIFY(hasNode(d.text, QStringLiteral("Worker")));
                continue;
            }
            QVERIFY2(hasNode(d.text, QStringLiteral("Cache")), qPrintable(d.text));
            QVERIFY2(hasNode(d.text, QStringLiteral("Queue")), qPrintable(d.text));
            QVERIFY2(d.text.contains(QLatin1String("Memcached")) || d.text.contains(QLatin1String("MemCachier")),
                     qPrintable(d.text));
        }
    }
}

void TestDiagrams::shouldDrawShardsWhenSharding()
{
    Facts f = fullFacts();
    f.databaseScaling = Facts::DatabaseScaling::Sharding;
    const QString arch = systemArchitectureDiagram(f);
    QVERIFY(hasNode(arch, QStringLiteral("Shard1")) && hasNode(arch, QStringLiteral("Shard2")));
    QVERIFY(!hasNode(arch, QStringLiteral("Primary")));
    QVERIFY(!arch.contains(QLatin1String("Replication")));
}

void TestDiagrams::shouldDrawThePlatformsOwnResources_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    Facts f = fullFacts();
    QTest::newRow("aws ecs") << f
                             << QStringList{"AWS Cloud - Production (us-east-1)",
                                            "VPC (10.0.0.0/16)",
                                            "Public Subnet (10.0.1.0/24)",
                                            "Private Subnet - Data (10.0.20.0/24)",
                                            "Application Load Balancer",
                                            "ECS Fargate Task",
                                            "RDS PostgreSQL",
                                            "RDS Read Replica 1",
                                            "ElastiCache Redis",
                                            "Amazon SQS",
                                            "S3 Bucket",
                                            "CloudWatch",
                                            "Secrets Manager",
                                            "Amazon ECR",
                                            "NAT Gateway",
                                            "AWS Backup"}
                             << QStringList{"Lambda", "StatefulSet"};
    f.platformName = QStringLiteral("AWS Lambda");
    classify(f);
    QTest::newRow("aws lambda") << f << QStringList{"API Gateway", "Lambda Function", "RDS Proxy"}
                                << QStringList{"Fargate", "Amazon ECR"};
    f = fullFacts();
    f.platform = Facts::Platform::Gcp;
    f.platformName = QStringLiteral("Cloud Run");
    classify(f);
    f.queue = Facts::Queue::PubSub;
    QTest::newRow("gcp") << f
                         << QStringList{"Google Cloud - Production",
                                        "VPC Network (10.10.0.0/16)",
                                        "FrontEnd[\"Cloud Run HTTPS Endpoint<br/>Built-in Load Balancing",
                                        "Cloud Run Instance 1",
                                        "Cloud SQL for PostgreSQL",
                                        "Memorystore for Redis",
                                        "Pub/Sub",
                                        "Cloud Storage Bucket",
                                        "Cloud Monitoring",
                                        "Secret Manager",
                                        "Artifact Registry"}
                         << QStringList{"RDS", "ElastiCache", "Cloud Load Balancing", "CloudLB"};
    f.platformName = QStringLiteral("Compute Engine");
    classify(f);
    QTest::newRow("compute engine") << f
                                    << QStringList{"CloudLB[\"Cloud Load Balancing<br/>External HTTPS",
                                                   "CloudLB -->|HTTP 3000| App1", "Compute Engine VM 1"}
                                    << QStringList{"Cloud Run", "FrontEnd"};
    f.platformName = QStringLiteral("App Engine");
    classify(f);
    QTest::newRow("app engine") << f
                                << QStringList{"FrontEnd[\"Google Front End<br/>App Engine Built-in Load Balancing",
                                               "FrontEnd -->|HTTP 3000| App1", "App Engine Instance 1"}
                                << QStringList{"Cloud Load Balancing", "CloudLB"};
    f.platformName = QStringLiteral("Cloud Run");
    classify(f);
    f.queue = Facts::Queue::Sqs;
    QTest::newRow("gcp with sqs") << f << QStringList{"subgraph \"External Services\"", "Queue[\"Amazon SQS\"]"}
                                  << QStringList{"Pub/Sub"};
    f = fullFacts();
    f.platform = Facts::Platform::Azure;
    f.platformName = QStringLiteral("App Service");
    classify(f);
    f.queue = Facts::Queue::ServiceBus;
    QTest::newRow("azure") << f
                           << QStringList{"Azure - Production",
                                          "Virtual Network (10.20.0.0/16)",
                                          "App Service Front Ends",
                                          "App Service Instance 1<br/>Web App for Containers",
                                          "Azure Database for PostgreSQL",
                                          "Azure Cache for Redis",
                                          "Service Bus",
                                          "Blob Storage",
                                          "Azure Monitor",
                                          "Key Vault"}
                           << QStringList{"RDS", "Cloud SQL", "Application Gateway", "Application Insights"};
    // App Service deploys code too (7.2 "No"): still App Service, as the documents say, not VMs;
    // and with no APM (7.5 F) no APM product is named.
    f.containerized = false;
    f.apm = Facts::Apm::None;
    classify(f);
    QTest::newRow("azure app service without containers")
        << f << QStringList{"App Service Instance 1<br/>Code Deployment", "App Service Front Ends", "App Service Plan"}
        << QStringList{"Azure VM", "VM Scale Set", "Gateway Subnet", "Application Insights", "Container Registry"};
    // Container Apps takes traffic on its environment's own ingress, where TLS ends, as App
    // Service does on its front ends: no Application Gateway in a gateway subnet.
    f = fullFacts();
    f.platform = Facts::Platform::Azure;
    f.platformName = QStringLiteral("Azure Container Apps");
    classify(f);
    QTest::newRow("azure container apps")
        << f
        << QStringList{"Ingress[\"Container Apps Environment<br/>Built-in Ingress, HTTPS 443",
                       "Internet -->|HTTPS 443| Ingress",
                       "Ingress -->|HTTP 3000| App1",
                       "Container App Replica 1",
                       "Container Apps Environment\"",
                       "NAT Gateway"}
        << QStringList{"Application Gateway", "AppGateway", "Gateway Subnet", "WAF"};
    f = fullFacts();
    f.platform = Facts::Platform::Paas;
    f.platformName = QStringLiteral("Heroku");
    classify(f);
    QTest::newRow("heroku") << f << QStringList{"Heroku Router",          "web.1 Dyno",
                                                "Heroku Postgres",        "Heroku Postgres Follower 1",
                                                "Heroku Key-Value Store", "Config Vars",
                                                "Heroku Postgres backups"}
                            << QStringList{"VPC"};
    // A MySQL add-on is backed up by its provider, as the prose says, not by Heroku Postgres.
    f.database = Facts::Database::MySql;
    QTest::newRow("heroku mysql") << f << QStringList{"JawsDB MySQL", "Add-on Provider Backups"}
                                  << QStringList{"Heroku Postgres"};
    f.database = Facts::Database::PostgreSql;
    f.platformName = QStringLiteral("fly.io");
    classify(f);
    QTest::newRow("fly") << f << QStringList{"Fly Proxy",     "Fly Machine 1", "Fly Managed Postgres",
                                             "Upstash Redis", "Fly Secrets",   "Tigris"}
                         << QStringList{"Heroku"};
    f.platformName = QStringLiteral("Render");
    classify(f);
    QTest::newRow("render") << f
                            << QStringList{"Render Edge", "Web Service Instance 1", "Render Postgres",
                                           "Render Key Value", "Environment Groups"}
                            << QStringList{"Heroku"};
    f.platformName = QStringLiteral("Railway");
    classify(f);
    QTest::newRow("railway") << f << QStringList{"Railway Edge Proxy", "Railway Database Service", "Railway Variables"}
                             << QStringList{"Heroku"};
    f.platformName = QStringLiteral("Vercel (for APIs)");
    classify(f);
    QTest::newRow("vercel") << f
                            << QStringList{"Vercel Edge Network", "Vercel Functions", "Neon Postgres", "Vercel Blob"}
                            << QStringList{"Heroku"};
    f.platformName = QStringLiteral("Northflank");
    classify(f);
    QTest::newRow("other paas") << f << QStringList{"Northflank - shop-api", "Platform Router", "Managed PostgreSQL"}
                                << QStringList{"Heroku"};
    f = fullFacts();
    f.platform = Facts::Platform::Kubernetes;
    f.platformName = QStringLiteral("k3s on bare metal");
    classify(f);
    f.queue = Facts::Queue::RabbitMq;
    QTest::newRow("kubernetes") << f
                                << QStringList{"Kubernetes Cluster - k3s on bare metal",
                                               "subgraph \"Namespace: shop-api\"",
                                               "Ingress",
                                               "Service: ClusterIP<br/>port 3000",
                                               "Deployment: shop-api",
                                               "Pod1[",
                                               "StatefulSet: postgresql",
                                               "PersistentVolumeClaim",
                                               "ConfigMap",
                                               "Secret",
                                               "pgBackRest<br/>WAL Archiving",
                                               "RabbitMQ<br/>StatefulSet"}
                                << QStringList{"RDS", "HorizontalPodAutoscaler"};
    // A cluster under "Container Orchestration" runs its own database on any cloud, as the
    // documents' prose says (managedDatabaseKey); the cloud still runs the cache and registry.
    f.platformName = QStringLiteral("GKE Autopilot");
    classify(f);
    QTest::newRow("gke") << f << QStringList{"Google GKE",       "StatefulSet: postgresql", "Memorystore for Redis",
                                             "Managed Services", "Artifact Registry",       "pgBackRest"}
                         << QStringList{"Cloud SQL", "Point-in-time Recovery"};
    f.platformName = QStringLiteral("Amazon EKS");
    classify(f);
    QTest::newRow("eks runs its own database")
        << f
        << QStringList{"Amazon EKS", "StatefulSet: postgresql", "Primary -.->|Daily Backups| Backups", "Amazon ECR"}
        << QStringList{"Amazon RDS", "Automated Backups<br/>Point-in-time Recovery"};
    f = fullFacts();
    f.platformName = QStringLiteral("AWS EKS");
    classify(f);
    QTest::newRow("aws naming eks") << f
                                    << QStringList{"Amazon EKS", "Amazon RDS PostgreSQL", "Ingress",
                                                   "Automated Backups<br/>Point-in-time Recovery"}
                                    << QStringList{"Fargate", "StatefulSet"};
    f = fullFacts();
    f.platform = Facts::Platform::Gcp;
    f.platformName = QStringLiteral("GKE");
    classify(f);
    QTest::newRow("gcp naming gke") << f << QStringList{"Google GKE", "Cloud SQL for PostgreSQL"}
                                    << QStringList{"StatefulSet"};
    f = fullFacts();
    f.platform = Facts::Platform::OnPremises;
    f.platformName = QString();
    classify(f);
    QTest::newRow("on premises") << f
                                 << QStringList{"On-Premises Data Center",
                                                "DMZ (172.16.1.0/24)",
                                                "Load Balancer<br/>HAProxy or Nginx",
                                                "App Server 1<br/>VM",
                                                "DB Server - PostgreSQL Primary",
                                                "pgBackRest<br/>WAL Archiving",
                                                "Primary -.->|Daily Backups| Backups",
                                                "Primary -.->|Replication| Replica1"}
                                 << QStringList{"VPC", "Reverse Proxy"};
    f.scaling = Facts::Scaling::Vertical;
    QTest::newRow("on premises vertical")
        << f << QStringList{"Reverse Proxy<br/>Nginx"} << QStringList{"Load Balancer"};
    f = fullFacts();
    f.platform = Facts::Platform::DockerSwarm;
    classify(f);
    QTest::newRow("swarm") << f
                           << QStringList{"Docker Swarm Cluster", "Swarm Managers", "Overlay Network: backend",
                                          "Docker Secrets", "Private Registry"}
                           << QStringList{"Nomad"};
    f.platform = Facts::Platform::Nomad;
    classify(f);
    QTest::newRow("nomad") << f
                           << QStringList{"Nomad Cluster", "Nomad Servers", "Consul", "Allocation 1", "HashiCorp Vault"}
                           << QStringList{"Swarm"};

    // Vertical scaling on ECS: one instance, still behind the Application Load Balancer where
    // the documents say TLS ends.
    f = fullFacts();
    f.scaling = Facts::Scaling::Vertical;
    QTest::newRow("aws ecs vertical") << f
                                      << QStringList{"Application Load Balancer", "Internet -->|HTTPS 443| ALB",
                                                     "ALB -->|HTTP 3000| App1"}
                                      << QStringList{"Internet -->|HTTPS 443| App1", "App2["};
    f.platform = Facts::Platform::Gcp;
    f.platformName = QStringLiteral("Cloud Run");
    classify(f);
    QTest::newRow("gcp vertical") << f
                                  << QStringList{"Internet -->|HTTPS 443| FrontEnd", "FrontEnd -->|HTTP 3000| App1"}
                                  << QStringList{"Internet -->|HTTPS 443| App1", "CloudLB"};

    // 7.7 "Manual backups weekly": the backups are drawn as the prose says they are taken (by
    // hand, weekly), never as a schedule or an automated service.
    f = fullFacts();
    f.manualBackups = true;
    QTest::newRow("aws ecs manual backups")
        << f << QStringList{"Manual Snapshots<br/>taken weekly", "Primary -.->|Manual Snapshot| Backups"}
        << QStringList{"AWS Backup", "Automated"};
    f.platform = Facts::Platform::Azure;
    f.platformName = QStringLiteral("Azure App Service");
    classify(f);
    QTest::newRow("azure manual backups")
        << f << QStringList{"Manual Snapshots<br/>taken weekly"} << QStringList{"Automated Backups", "Geo-redundant"};
    f.platform = Facts::Platform::OnPremises;
    f.platformName = QString();
    classify(f);
    QTest::newRow("on premises manual backups")
        << f << QStringList{"Manual Dumps<br/>pg_dump, taken weekly", "Primary -.->|Manual Dump| Backups"}
        << QStringList{"Nightly"};
    f.platform = Facts::Platform::Kubernetes;
    f.platformName = QStringLiteral("k3s");
    classify(f);
    QTest::newRow("kubernetes manual backups")
        << f << QStringList{"Manual Dumps<br/>pg_dump, taken weekly", "Primary -.->|Manual Dump| Backups"}
        << QStringList{"Velero", "PVC -.->"};
    f.platform = Facts::Platform::Paas;
    f.platformName = QStringLiteral("Render");
    classify(f);
    QTest::newRow("paas manual backups") << f << QStringList{"Manual Snapshots<br/>taken weekly"}
                                         << QStringList{"Point-in-time Recovery"};

    // A database the team runs is backed up with the tool the Backup & Disaster Recovery
    // section names (stores.json self_hosted), automated or by hand, on every platform that
    // runs its own: not with a generic backup server or volume snapshots.
    struct TeamRun {
        const char *name;
        Facts::Platform platform;
        const char *platformName;
    };
    const TeamRun teamRun[] = {{"kubernetes", Facts::Platform::Kubernetes, "k3s"},
                               {"swarm", Facts::Platform::DockerSwarm, "Docker Swarm"},
                               {"nomad", Facts::Platform::Nomad, "Nomad"},
                               {"servers", Facts::Platform::OnPremises, "Company servers"}};
    struct Engine {
        const char *name;
        Facts::Database database;
        const char *automated;
        const char *manual;
    };
    const Engine engines[] = {{"postgresql", Facts::Database::PostgreSql, "pgBackRest<br/>WAL Archiving",
                               "Manual Dumps<br/>pg_dump, taken weekly"},
                              {"mysql", Facts::Database::MySql, "Percona XtraBackup<br/>Binlog Archiving",
                               "Manual Dumps<br/>mysqldump, taken weekly"},
                              {"mongodb", Facts::Database::MongoDb, "Percona Backup for MongoDB<br/>Oplog Archiving",
                               "Manual Dumps<br/>mongodump, taken weekly"},
                              {"sqlite", Facts::Database::Sqlite, "Litestream<br/>Streaming Replica",
                               "Manual Copies<br/>sqlite3 .backup, taken weekly"}};
    for (const TeamRun &where : teamRun) {
        for (const Engine &engine : engines) {
            f = fullFacts();
            f.platform = where.platform;
            f.platformName = QString::fromLatin1(where.platformName);
            classify(f);
            f.database = engine.database;
            QTest::addRow("team-run %s %s backups", where.name, engine.name)
                << f << QStringList{QString::fromLatin1(engine.automated)}
                << QStringList{"Velero", "Backup Server", "Volume Snapshots", "PVC -.->"};
            f.manualBackups = true;
            QTest::addRow("team-run %s %s manual backups", where.name, engine.name)
                << f << QStringList{QString::fromLatin1(engine.manual)}
                << QStringList{"Velero", "Backup Server", QString::fromLatin1(engine.automated)};
        }
    }
}

void TestDiagrams::shouldDrawThePlatformsOwnResources()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QString infra = infrastructureDiagram(facts);
    for (const QString &text : present)
        QVERIFY2(infra.contains(text), qPrintable(QStringLiteral("missing '%1' in\n%2").arg(text, infra)));
    for (const QString &text : absent)
        QVERIFY2(!infra.contains(text), qPrintable(QStringLiteral("unexpected '%1' in\n%2").arg(text, infra)));
}

// The edge from a database the team runs to its backups says how often 7.7 takes them, as the
// Backup & Disaster Recovery section does: daily, hourly, by hand, or (not decided) no frequency.
void TestDiagrams::shouldLabelBackupsWithTheAnsweredFrequency_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<QString>("edge");
    struct Where {
        const char *name;
        Facts::Platform platform;
        const char *platformName;
    };
    const Where where[] = {{"kubernetes", Facts::Platform::Kubernetes, "k3s"},
                           {"swarm", Facts::Platform::DockerSwarm, "Docker Swarm"},
                           {"nomad", Facts::Platform::Nomad, "Nomad"},
                           {"servers", Facts::Platform::OnPremises, "Company servers"}};
    struct Strategy {
        const char *answer;
        const char *edge;
    };
    const Strategy strategies[] = {
        {"A", "Daily Backups"}, {"B", "Hourly Backups"}, {"C", "Manual Dump"}, {"", "Backups"}};
    for (const Where &w : where) {
        for (const Strategy &s : strategies) {
            Facts f = fullFacts();
            f.platform = w.platform;
            f.platformName = QString::fromLatin1(w.platformName);
            classify(f);
            f.backupStrategy = QString::fromLatin1(s.answer);
            f.manualBackups = f.backupStrategy == QLatin1String("C");
            QTest::addRow("%s %s", w.name, *s.answer ? s.answer : "undecided") << f << QString::fromLatin1(s.edge);
        }
    }
}

void TestDiagrams::shouldLabelBackupsWithTheAnsweredFrequency()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(QString, edge);
    const QString infra = infrastructureDiagram(facts);
    QVERIFY2(infra.contains(QStringLiteral("Primary -.->|%1| Backups").arg(edge)), qPrintable(infra));
    QVERIFY2(!infra.contains(QLatin1String("Nightly")), qPrintable(infra));
    for (const Diagram &d : allDiagrams(facts)) {
        for (const char *frequency : {"Nightly", "Daily", "Hourly", "Weekly"}) {
            if (qstrcmp(d.kind, "infrastructure") != 0 || !edge.contains(QLatin1String(frequency)))
                QVERIFY2(!d.text.contains(QLatin1String(frequency)), qPrintable(d.text));
        }
    }
}

// An SQLite file is the team's to back up on every platform: the Backup & Disaster Recovery
// section names Litestream (stores.json self_hosted), so the infrastructure diagram draws that,
// not the cloud's or the platform's backups of a managed database or of a volume.
void TestDiagrams::shouldBackUpSqliteAsTheProseSays_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    struct Where {
        const char *name;
        Facts::Platform platform;
        const char *platformName;
    };
    const Where where[] = {{"aws ecs", Facts::Platform::Aws, "AWS ECS"},
                           {"aws lambda", Facts::Platform::Aws, "AWS Lambda"},
                           {"cloud run", Facts::Platform::Gcp, "Cloud Run"},
                           {"compute engine", Facts::Platform::Gcp, "Compute Engine"},
                           {"app service", Facts::Platform::Azure, "Azure App Service"},
                           {"container apps", Facts::Platform::Azure, "Azure Container Apps"},
                           {"heroku", Facts::Platform::Paas, "Heroku"},
                           {"fly", Facts::Platform::Paas, "Fly.io"},
                           {"render", Facts::Platform::Paas, "Render"},
                           {"digitalocean", Facts::Platform::Paas, "DigitalOcean App Platform"},
                           {"other paas", Facts::Platform::Paas, "Northflank"}};
    for (const Where &w : where) {
        Facts f = fullFacts();
        f.platform = w.platform;
        f.platformName = QString::fromLatin1(w.platformName);
        classify(f);
        f.database = Facts::Database::Sqlite;
        QTest::newRow(w.name) << f;
    }
}

void TestDiagrams::shouldBackUpSqliteAsTheProseSays()
{
    QFETCH(DeploymentFacts, facts);
    const QString infra = infrastructureDiagram(facts);
    for (const char *text : {"Backups[(\"Litestream<br/>Streaming Replica\")]", "Primary -.->|Daily Backups| Backups"})
        QVERIFY2(infra.contains(QLatin1String(text)),
                 qPrintable(QStringLiteral("missing '%1' in\n%2").arg(text, infra)));
    for (const char *text : {"AWS Backup", "EFS Backups", "Point-in-time Recovery", "Geo-redundant", "Snapshot",
                             "No Backups", "Managed Backups", "Heroku Postgres", "Automated Backups"})
        QVERIFY2(!infra.contains(QLatin1String(text)),
                 qPrintable(QStringLiteral("unexpected '%1' in\n%2").arg(text, infra)));
}

// SQLite's locking is unreliable over a network file system (Amazon EFS, Azure Files), and Cloud
// Run mounts no Persistent Disk: the file is drawn where the platform keeps it, the instance's own
// disk or storage, as the prose's Litestream backups assume; Vercel's, like the prose, in a
// function's /tmp, not as a hosted database the prose never names.
void TestDiagrams::shouldKeepSqliteOffNetworkFileSystems_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<QString>("expected");
    struct Where {
        const char *name;
        Facts::Platform platform;
        const char *platformName;
        const char *expected;
    };
    const Where where[] = {
        {"aws ecs", Facts::Platform::Aws, "AWS ECS", "SQLite File<br/>on the Task's Ephemeral Storage"},
        {"aws ec2", Facts::Platform::Aws, "AWS EC2", "SQLite File<br/>on the Instance's EBS Volume"},
        {"aws lambda", Facts::Platform::Aws, "AWS Lambda",
         "SQLite File<br/>in /tmp of one Execution Environment, lost when it ends"},
        {"cloud run", Facts::Platform::Gcp, "Cloud Run", "SQLite File<br/>on the Instance's In-memory File System"},
        {"compute engine", Facts::Platform::Gcp, "Compute Engine", "SQLite File<br/>on the VM's Persistent Disk"},
        {"app service", Facts::Platform::Azure, "Azure App Service", "SQLite File<br/>on the Instance's Local Disk"},
        {"container apps", Facts::Platform::Azure, "Azure Container Apps",
         "SQLite File<br/>on the Replica's Ephemeral Storage"},
        {"vercel", Facts::Platform::Paas, "Vercel",
         "SQLite File<br/>in /tmp of one Function Instance, lost when it ends"}};
    for (const Where &w : where) {
        Facts f = fullFacts();
        f.platform = w.platform;
        f.platformName = QString::fromLatin1(w.platformName);
        classify(f);
        f.database = Facts::Database::Sqlite;
        QTest::newRow(w.name) << f << QString::fromLatin1(w.expected);
    }
}

void TestDiagrams::shouldKeepSqliteOffNetworkFileSystems()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(QString, expected);
    const QString infra = infrastructureDiagram(facts);
    const QString primary = QStringLiteral("Primary[(\"%1\")]").arg(expected);
    QVERIFY2(infra.contains(primary), qPrintable(QStringLiteral("missing '%1' in\n%2").arg(primary, infra)));
    QVERIFY2(systemArchitectureDiagram(facts).contains(primary), qPrintable(systemArchitectureDiagram(facts)));
    for (const char *text : {"EFS", "Azure Files", "Turso"})
        QVERIFY2(!infra.contains(QLatin1String(text)),
                 qPrintable(QStringLiteral("unexpected '%1' in\n%2").arg(text, infra)));
    QVERIFY2(infra.contains(QLatin1String("Backups[(\"Litestream<br/>Streaming Replica\")]")), qPrintable(infra));
    if (facts.platformId == QLatin1String("cloud-run"))
        QVERIFY2(!infra.contains(QLatin1String("Persistent Disk")), qPrintable(infra));
}

// Lambda and Vercel start an instance per request and remove idle ones down to none: no diagram
// says they scale "from 2 instances" or shows a count of them; other platforms keep their count.
void TestDiagrams::shouldCountNoInstancesWhereThePlatformStartsThemPerRequest_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<QString>("expected");
    struct Where {
        const char *name;
        Facts::Platform platform;
        const char *platformName;
        Facts::Scaling scaling;
        const char *expected;
    };
    const Where where[] = {{"lambda auto", Facts::Platform::Aws, "AWS Lambda", Facts::Scaling::Auto,
                            "scaled per request by Lambda, none when idle"},
                           {"lambda horizontal", Facts::Platform::Aws, "AWS Lambda", Facts::Scaling::Horizontal,
                            "scaled per request by Lambda, none when idle"},
                           {"vercel auto", Facts::Platform::Paas, "Vercel", Facts::Scaling::Auto,
                            "scaled per request by Vercel, none when idle"},
                           {"ecs auto", Facts::Platform::Aws, "AWS ECS", Facts::Scaling::Auto, ""}};
    for (const Where &w : where) {
        Facts f = fullFacts();
        f.platform = w.platform;
        f.platformName = QString::fromLatin1(w.platformName);
        classify(f);
        f.scaling = w.scaling;
        f.appInstances = 2;
        QTest::newRow(w.name) << f << QString::fromLatin1(w.expected);
    }
}

void TestDiagrams::shouldCountNoInstancesWhereThePlatformStartsThemPerRequest()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(QString, expected);
    const QString architecture = systemArchitectureDiagram(facts);
    const QString monitoring = monitoringDiagram(facts);
    const bool perRequest = !expected.isEmpty();
    for (const QString &diagram : {architecture, monitoring, infrastructureDiagram(facts), dataFlowDiagram(facts)}) {
        QVERIFY2(!perRequest || !diagram.contains(QLatin1String("2 instances")), qPrintable(diagram));
        QVERIFY2(!perRequest || !diagram.contains(QLatin1String("2 to ")), qPrintable(diagram));
    }
    if (perRequest) {
        QVERIFY2(architecture.contains(QLatin1String("Application Layer - ") + expected), qPrintable(architecture));
        QVERIFY2(monitoring.contains(QLatin1String("API Servers<br/>") + expected), qPrintable(monitoring));
    } else {
        QVERIFY2(architecture.contains(QLatin1String("Application Layer - auto-scaling from 2 instances")),
                 qPrintable(architecture));
        QVERIFY2(monitoring.contains(QLatin1String("API Servers<br/>2 instances")), qPrintable(monitoring));
    }
}

void TestDiagrams::shouldDrawAutoscalerOnlyWhenAutoScaling()
{
    Facts f = fullFacts();
    f.platform = Facts::Platform::Kubernetes;
    classify(f);
    f.scaling = Facts::Scaling::Auto;
    f.maxInstances = 10;
    QVERIFY(infrastructureDiagram(f).contains(
        QLatin1String("HorizontalPodAutoscaler<br/>CPU over 70 percent, 3 to 10 Pods")));
    QVERIFY(infrastructureDiagram(f).contains(QLatin1String("HPA -.->|Scales| Deployment")));
    QVERIFY(
        systemArchitectureDiagram(f).contains(QLatin1String("Application Layer - auto-scaling, 3 to 10 instances")));
    f.scaling = Facts::Scaling::Horizontal;
    QVERIFY(!infrastructureDiagram(f).contains(QLatin1String("HorizontalPodAutoscaler")));
}

void TestDiagrams::shouldDrawTheChosenMonitoring_data()
{
    QTest::addColumn<DeploymentFacts>("facts");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    Facts f = fullFacts();
    QTest::newRow("datadog") << f
                             << QStringList{"Datadog Agent", "Datadog Logs", "Agent -->|HTTPS| DatadogLogs",
                                            "App -->|JSON Logs| Agent"}
                             << QStringList{"Prometheus", "LogAgent"};
    f.apm = Facts::Apm::OpenTelemetry;
    f.logStack = Facts::LogStack::Elk;
    QTest::newRow("otel elk") << f
                              << QStringList{"OpenTelemetry Collector",
                                             "Prometheus",
                                             "Grafana",
                                             "Alertmanager",
                                             "Jaeger",
                                             "Fluent Bit",
                                             "Elasticsearch[(",
                                             "Kibana",
                                             "FluentBit --> Elasticsearch",
                                             "Collector -->|Traces| Jaeger",
                                             "Jaeger -->|Trace View| Grafana"}
                              << QStringList{"Datadog"};
    f.apm = Facts::Apm::Sentry;
    f.logStack = Facts::LogStack::CloudWatch;
    QTest::newRow("sentry cloudwatch logs")
        << f
        << QStringList{"Sentry<br/>Errors", "CloudWatch Logs", "Logs Insights", "App -->|Errors and Traces| Sentry",
                       "Sentry -->|Alert Rules| AlertManager"}
        << QStringList{"Datadog", "Prometheus"};
    f.apm = Facts::Apm::NewRelic;
    f.logStack = Facts::LogStack::Files;
    f.structuredLogs = true;
    QTest::newRow("new relic files") << f
                                     << QStringList{"New Relic", "Log Files<br/>JSON Lines", "logrotate",
                                                    "Agent --> NewRelic", "NewRelic -->|Monitors| AlertManager"}
                                     << QStringList{"Datadog"};
    f.apm = Facts::Apm::CloudWatch;
    f.logStack = Facts::LogStack::Console;
    f.platform = Facts::Platform::Kubernetes;
    classify(f);
    QTest::newRow("cloudwatch console") << f
                                        << QStringList{"CloudWatch Alarms", "X-Ray", "kubectl logs",
                                                       "App -->|Metrics| CloudWatch", "App -->|Traces| XRay"}
                                        << QStringList{"Datadog"};
    f.apm = Facts::Apm::None;
    QTest::newRow("no apm") << f
                            << QStringList{"no APM yet", "Platform Metrics", "Metrics -->|Alert Rules| AlertManager"}
                            << QStringList{"Datadog", "Sentry", "Traces"};
    f = fullFacts();
    f.alertChannels = {};
    f.alertChannels.email = true;
    f.alertChannels.sms = true;
    f.onCall = false;
    QTest::newRow("email and sms") << f
                                   << QStringList{"AlertManager -->|All Alerts| Email",
                                                  "AlertManager -->|Critical| Sms", "SMS<br/>Critical Only"}
                                   << QStringList{"Chat", "Pager", "OnCall", "Warnings"};
    f.alertChannels.email = false;
    f.alertChannels.sms = false;
    QTest::newRow("no channels") << f << QStringList{"AlertManager"} << QStringList{"Alert Channels", "Email"};
    f.alertChannels.chat = true;
    f.alertChannels.pager = true;
    QTest::newRow("chat and pager") << f << QStringList{"Slack or Discord", "PagerDuty or Opsgenie"}
                                    << QStringList{"Email", "OnCall"};

    // The edges follow the Alerts table's routing (alertRouting()): every channel is told what
    // the table's "Notifies" column says, and nothing the table does not.
    const auto only = [](bool email, bool chat, bool pager, bool sms, bool onCall) {
        Facts f = fullFacts();
        f.alertChannels = {};
        f.alertChannels.email = email;
        f.alertChannels.chat = chat;
        f.alertChannels.pager = pager;
        f.alertChannels.sms = sms;
        f.onCall = onCall;
        return f;
    };
    QTest::newRow("routing: slack only, rotation without pager")
        << only(false, true, false, false, true) << QStringList{"AlertManager -->|All Alerts| Chat", "OnCall"}
        << QStringList{"AlertManager -->|Critical| OnCall", "Email", "Warnings"};
    QTest::newRow("routing: email only") << only(true, false, false, false, false)
                                         << QStringList{"AlertManager -->|All Alerts| Email"}
                                         << QStringList{"Warnings", "Critical"};
    QTest::newRow("routing: email, chat and rotation")
        << only(true, true, true, false, true)
        << QStringList{"AlertManager -->|All Alerts| Email", "AlertManager -->|All Alerts| Chat",
                       "AlertManager -->|Critical| OnCall"}
        << QStringList{"Warnings", "Pager["};
    QTest::newRow("routing: pager only") << only(false, false, true, false, false)
                                         << QStringList{"AlertManager -->|All Alerts| Pager"}
                                         << QStringList{"Critical", "Warnings"};
    QTest::newRow("routing: sms only") << only(false, false, false, true, false)
                                       << QStringList{"AlertManager -->|All Alerts| Sms", "Sms[\"SMS\"]"}
                                       << QStringList{"Critical Only"};
}

void TestDiagrams::shouldDrawTheChosenMonitoring()
{
    QFETCH(DeploymentFacts, facts);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QString monitoring = monitoringDiagram(facts);
    for (const QString &text : present)
        QVERIFY2(monitoring.contains(text), qPrintable(QStringLiteral("missing '%1' in\n%2").arg(text, monitoring)));
    for (const QString &text : absent)
        QVERIFY2(!monitoring.contains(text),
                 qPrintable(QStringLiteral("unexpected '%1' in\n%2").arg(text, monitoring)));
}

void TestDiagrams::shouldDrawOnCallOnlyWithRotation()
{
    Facts f = fullFacts();
    f.onCallTool = QStringLiteral("Opsgenie");
    QString monitoring = monitoringDiagram(f);
    QVERIFY(monitoring.contains(QLatin1String("OnCall[\"Opsgenie<br/>Escalation Policy\"]")));
    QVERIFY(monitoring.contains(QLatin1String("AlertManager -->|Critical| OnCall")));
    // The on-call tool takes the pages, so no separate pager channel.
    QVERIFY(!hasNode(monitoring, QStringLiteral("Pager")));
    f.onCall = false;
    monitoring = monitoringDiagram(f);
    QVERIFY(!hasNode(monitoring, QStringLiteral("OnCall")));
    QVERIFY(hasNode(monitoring, QStringLiteral("Pager")));
}

void TestDiagrams::shouldEscapeUserText()
{
    const Facts f = hostileFacts();
    for (const Diagram &d : allDiagrams(f)) {
        QVERIFY2(!d.text.contains(QLatin1String("<script")), qPrintable(d.text));
        QVERIFY2(!d.text.contains(QLatin1String("\"quotes\"")), qPrintable(d.text));
        // Typed statements stay inside their quoted label, never at the start of a line
        // (checkStructure() accepts only our own style lines).
        static const QRegularExpression statement(QStringLiteral("^\\s*(click|classDef|call)\\b"),
                                                  QRegularExpression::MultilineOption);
        QVERIFY2(!statement.match(d.text).hasMatch(), qPrintable(d.text));
        QVERIFY2(!d.text.contains(QLatin1String("fill:#f00")), qPrintable(d.text));
        QVERIFY2(!d.text.contains(QLatin1String("$$")) && !d.text.contains(QLatin1String("%%")), qPrintable(d.text));
        const QString problem = checkStructure(d.text);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral("\n") + d.text));
    }
    QVERIFY(systemArchitectureDiagram(f).contains(
        QLatin1String("Production Environment - #quot;quotes#quot; #91;brackets#93; --#62; end #60;script#62;")));
}

void TestDiagrams::shouldGiveExternalServicesUniqueIds()
{
    const QString arch = systemArchitectureDiagram(hostileFacts());
    QVERIFY(hasNode(arch, QStringLiteral("ExtPayment_API")));
    QVERIFY(hasNode(arch, QStringLiteral("ExtPayment_API_2")));  // "Payment-API"
    QVERIFY(!hasNode(arch, QStringLiteral("ExtPayment_API_3"))); // "payment api" repeats "Payment API"
    QVERIFY(hasNode(arch, QStringLiteral("ExtEnd")));
    QVERIFY(hasNode(arch, QStringLiteral("ExtSubgraph")));
    QVERIFY(hasNode(arch, QStringLiteral("ExtNode"))); // the emoji
    QVERIFY(arch.contains(QLatin1String("ExtEnd[\"#101;nd\"]")));
}

void TestDiagrams::shouldLimitDrawnInstances()
{
    Facts f = fullFacts();
    f.appInstances = 12;
    const QString arch = systemArchitectureDiagram(f);
    QVERIFY(hasNode(arch, QStringLiteral("App1")) && hasNode(arch, QStringLiteral("App2")));
    QVERIFY(hasNode(arch, QStringLiteral("App12")));
    QVERIFY(!hasNode(arch, QStringLiteral("App3")));
    QVERIFY(arch.contains(QLatin1String("Application Layer - horizontal scaling, 12 instances")));
    f.appInstances = 0;
    QVERIFY(hasNode(systemArchitectureDiagram(f), QStringLiteral("App1")));
}

void TestDiagrams::shouldBeDeterministic()
{
    for (const Sample &s : samples()) {
        const Facts copy = s.facts;
        const QList<Diagram> first = allDiagrams(s.facts);
        const QList<Diagram> second = allDiagrams(copy);
        for (int i = 0; i < first.size(); ++i)
            QCOMPARE(first.at(i).text, second.at(i).text);
    }
}

void TestDiagrams::shouldClassifyDependencies_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::newRow("database") << "Database queries" << int(DependencyKind::OwnStore);
    QTest::newRow("redis") << "Redis cache" << int(DependencyKind::OwnStore);
    QTest::newRow("s3") << "File storage (S3)" << int(DependencyKind::ObjectStorage);
    QTest::newRow("blob") << "Azure Blob Storage" << int(DependencyKind::ObjectStorage);
    QTest::newRow("payment") << "Payment API" << int(DependencyKind::External);
    QTest::newRow("email") << "Email service" << int(DependencyKind::External);
    QTest::newRow("rest") << "External REST APIs" << int(DependencyKind::External);
    QTest::newRow("dashboard is not db") << "Dashboard API" << int(DependencyKind::External);
}

void TestDiagrams::shouldClassifyDependencies()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    QCOMPARE(int(dependencyKind(name)), kind);
}

// With OPSFLOW_DIAGRAM_SAMPLES=DIR set, writes every sample's four diagrams to
// DIR/<sample>-<kind>.mmd for tests/tools/check-mermaid.mjs; otherwise skipped.
void TestDiagrams::dumpSamplesForMermaid()
{
    const QString dir = qEnvironmentVariable("OPSFLOW_DIAGRAM_SAMPLES");
    if (dir.isEmpty())
        QSKIP("set OPSFLOW_DIAGRAM_SAMPLES=DIR to write the sample diagrams");
    QVERIFY(QDir().mkpath(dir));
    for (const Sample &s : samples()) {
        for (const Diagram &d : allDiagrams(s.facts)) {
            QFile file(QStringLiteral("%1/%2-%3.mmd").arg(dir, QLatin1String(s.name), QLatin1String(d.kind)));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(d.text.toUtf8() + '\n');
        }
    }
}

QTEST_GUILESS_MAIN(TestDiagrams)
#include "tst_diagrams.moc"
