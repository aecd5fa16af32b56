// The infrastructure diagram on AWS, Google Cloud and Azure: each cloud's names, one drawing.
#include "diagramparts.h"

namespace opsflow::diagramparts {

CloudProfile awsProfile(const Facts &f)
{
    CloudProfile p;
    const QString engine = databaseName(f.database);
    const bool lambda = isPlatform(f, "aws-lambda");
    const bool ec2 = !lambda && (isPlatform(f, "aws-ec2") || !f.containerized);
    p.nativeQueue = Facts::Queue::Sqs;
    p.cloudTitle = QStringLiteral("AWS Cloud - Production") + regionSuffix(f);
    p.networkTitle = QStringLiteral("VPC (10.0.0.0/16)");
    p.edgeTitle = QStringLiteral("Public Subnet (10.0.1.0/24)");
    p.dataTitle = QStringLiteral("Private Subnet - Data (10.0.20.0/24)");
    p.natLabel = QStringLiteral("NAT Gateway");
    if (lambda) {
        p.appTitle = QStringLiteral("Private Subnet - Lambda (10.0.10.0/24)");
        p.balancerId = QStringLiteral("APIGateway");
        p.balancerLabel = QStringLiteral("API Gateway<br/>HTTPS API");
        p.balancerInEdge = false;
        p.balancerToApp = QStringLiteral("Invoke");
        p.appLabel = lines({QStringLiteral("Lambda API Handler<br/>Concurrent Instance %1"), spec(f)});
        p.workerLabel = QStringLiteral("Lambda Function<br/>Queue Consumer");
        p.queueTrigger = QStringLiteral("Trigger");
        if (f.database == Facts::Database::PostgreSql || f.database == Facts::Database::MySql)
            p.poolerLabel = QStringLiteral("RDS Proxy<br/>Connection Pooling");
    } else {
        p.appTitle = QStringLiteral("Private Subnet - Application (10.0.10.0/24)");
        p.balancerId = QStringLiteral("ALB");
        p.balancerLabel = lines({QStringLiteral("Application Load Balancer<br/>HTTPS 443"), healthLine(f)});
        p.appLabel = ec2 ? lines({QStringLiteral("EC2 Instance %1"), spec(f)})
                         : lines({QStringLiteral("ECS Fargate Task %1<br/>Container: ") + project(f), spec(f)});
        p.workerLabel =
            ec2 ? QStringLiteral("EC2 Instance<br/>Queue Worker") : QStringLiteral("ECS Fargate Task<br/>Queue Worker");
    }
    switch (f.database) {
    case Facts::Database::MongoDb:
        p.databaseLabel = QStringLiteral("Amazon DocumentDB<br/>MongoDB compatible");
        p.replicaLabel = QStringLiteral("DocumentDB Replica %1");
        p.shardLabel = QStringLiteral("DocumentDB Elastic Shard %1");
        break;
    case Facts::Database::Sqlite: p.databaseLabel = sqliteFileLabel(f, QStringLiteral("SQLite File")); break;
    default:
        p.databaseLabel = QStringLiteral("RDS ") + engine + QStringLiteral("<br/>Multi-AZ");
        p.replicaLabel = QStringLiteral("RDS Read Replica %1");
        p.shardLabel = QStringLiteral("RDS ") + engine + QStringLiteral(" Shard %1");
        break;
    }
    p.cacheLabel = f.cache == Facts::Cache::Memcached ? QStringLiteral("ElastiCache Memcached")
                                                      : QStringLiteral("ElastiCache Redis<br/>Cluster Mode");
    switch (f.queue) {
    case Facts::Queue::RabbitMq: p.queueLabel = QStringLiteral("Amazon MQ<br/>RabbitMQ Broker"); break;
    case Facts::Queue::Kafka: p.queueLabel = QStringLiteral("Amazon MSK<br/>Managed Kafka"); break;
    case Facts::Queue::Redis: p.queueLabel = QStringLiteral("ElastiCache Redis<br/>Job Queue"); break;
    default: break;
    }
    p.cloudQueueLabel = QStringLiteral("Amazon SQS<br/>Message Queue");
    p.storageLabel = QStringLiteral("S3 Bucket<br/>File Storage");
    p.backupLabel = QStringLiteral("AWS Backup<br/>Automated Snapshots");
    if (f.containerized && !lambda)
        p.registryLabel = QStringLiteral("Amazon ECR<br/>Container Registry");
    p.monitoringLabel = QStringLiteral("CloudWatch<br/>Logs and Metrics");
    p.secretsLabel = secretsLabel(f, QStringLiteral("Secrets Manager<br/>API Keys and Credentials"));
    return p;
}

CloudProfile gcpProfile(const Facts &f)
{
    CloudProfile p;
    const QString engine = databaseName(f.database);
    const bool vms = isPlatform(f, "compute-engine") || !f.containerized;
    const bool appEngine = !vms && isPlatform(f, "app-engine");
    p.nativeQueue = Facts::Queue::PubSub;
    p.cloudTitle = QStringLiteral("Google Cloud - Production") + regionSuffix(f);
    p.networkTitle = QStringLiteral("VPC Network (10.10.0.0/16)");
    p.dataTitle = QStringLiteral("Private Services Subnet (10.10.20.0/24)");
    p.natLabel = vms ? QStringLiteral("Cloud NAT") : QString();
    p.balancerInEdge = false;
    p.balancerId = QStringLiteral("CloudLB");
    p.balancerLabel = lines({QStringLiteral("Cloud Load Balancing<br/>External HTTPS"), healthLine(f)});
    if (vms) {
        p.appTitle = QStringLiteral("App Subnet (10.10.10.0/24) - Managed Instance Group");
        p.appLabel = lines({QStringLiteral("Compute Engine VM %1"), spec(f)});
        p.workerLabel = QStringLiteral("Compute Engine VM<br/>Queue Worker");
    } else if (appEngine) {
        p.appInNetwork = false;
        p.appTitle = QStringLiteral("App Engine - Standard Environment");
        p.appLabel = lines({QStringLiteral("App Engine Instance %1"), spec(f)});
        p.workerLabel = QStringLiteral("App Engine Service<br/>Queue Worker");
    } else {
        p.appInNetwork = false;
        p.appTitle = QStringLiteral("Cloud Run - Serverless Containers");
        p.appLabel = lines({QStringLiteral("Cloud Run Instance %1<br/>Container: ") + project(f), spec(f)});
        p.workerLabel = QStringLiteral("Cloud Run Worker<br/>Queue Consumer");
    }
    // A serverless platform that takes HTTPS on its own front end and balances over its
    // instances itself (Cloud Run) names that front end in its knowledge file; an external
    // Application Load Balancer is an option no answer names. VMs stay behind one.
    const QString frontEnd = vms ? QString() : platformLabel(f, "balancer", QString());
    if (!frontEnd.isEmpty()) {
        p.balancerId = QStringLiteral("FrontEnd");
        p.balancerLabel = lines({frontEnd, healthLine(f)});
    }
    switch (f.database) {
    case Facts::Database::MongoDb:
        p.databaseLabel = QStringLiteral("MongoDB Atlas on Google Cloud<br/>Private Service Connect");
        p.replicaLabel = QStringLiteral("MongoDB Secondary %1");
        p.shardLabel = QStringLiteral("MongoDB Atlas Shard %1");
        break;
    case Facts::Database::Sqlite: p.databaseLabel = sqliteFileLabel(f, QStringLiteral("SQLite File")); break;
    default:
        p.databaseLabel = QStringLiteral("Cloud SQL for ") + engine + QStringLiteral("<br/>High Availability");
        p.replicaLabel = QStringLiteral("Cloud SQL Read Replica %1");
        p.shardLabel = QStringLiteral("Cloud SQL ") + engine + QStringLiteral(" Shard %1");
        break;
    }
    p.cacheLabel = QStringLiteral("Memorystore for ") + cacheName(f.cache);
    switch (f.queue) {
    case Facts::Queue::RabbitMq: p.queueLabel = QStringLiteral("RabbitMQ<br/>on Compute Engine"); break;
    case Facts::Queue::Kafka: p.queueLabel = QStringLiteral("Managed Service for Apache Kafka"); break;
    case Facts::Queue::Redis: p.queueLabel = QStringLiteral("Memorystore for Redis<br/>Job Queue"); break;
    default: break;
    }
    p.cloudQueueLabel = QStringLiteral("Pub/Sub<br/>Topic and Subscription");
    p.queueTrigger = QStringLiteral("Subscription");
    p.storageLabel = QStringLiteral("Cloud Storage Bucket<br/>File Storage");
    p.backupLabel = QStringLiteral("Automated Backups<br/>Point-in-time Recovery");
    if (f.containerized)
        p.registryLabel = QStringLiteral("Artifact Registry<br/>Container Images");
    p.monitoringLabel = QStringLiteral("Cloud Monitoring<br/>and Cloud Logging");
    p.secretsLabel = secretsLabel(f, QStringLiteral("Secret Manager<br/>API Keys and Credentials"));
    return p;
}

CloudProfile azureProfile(const Facts &f)
{
    CloudProfile p;
    const QString engine = databaseName(f.database);
    // App Service runs code as well as containers (the documents say "code deployment"); only a
    // VM answer is drawn as VMs.
    const bool vms = isPlatform(f, "azure-vm") || (!f.containerized && !isPlatform(f, "app-service"));
    const bool containerApps = !vms && isPlatform(f, "container-apps");
    p.nativeQueue = Facts::Queue::ServiceBus;
    p.cloudTitle = QStringLiteral("Azure - Production") + regionSuffix(f);
    p.networkTitle = QStringLiteral("Virtual Network (10.20.0.0/16)");
    p.edgeTitle = QStringLiteral("Gateway Subnet (10.20.1.0/24)");
    p.dataTitle = QStringLiteral("Data Subnet (10.20.20.0/24) - Private Endpoints");
    p.natLabel = QStringLiteral("NAT Gateway");
    p.balancerId = QStringLiteral("AppGateway");
    p.balancerLabel = lines({QStringLiteral("Application Gateway<br/>WAF v2, HTTPS 443"), healthLine(f)});
    if (vms) {
        p.appTitle = QStringLiteral("App Subnet (10.20.10.0/24) - VM Scale Set");
        p.appLabel = lines({QStringLiteral("Azure VM %1"), spec(f)});
        p.workerLabel = QStringLiteral("Azure VM<br/>Queue Worker");
    } else if (containerApps) {
        // The environment's own ingress (Envoy) balances over the replicas and ends TLS, as
        // App Service's front ends do: no Application Gateway, and so no gateway subnet,
        // unless the team adds one.
        p.balancerId = QStringLiteral("Ingress");
        p.balancerLabel =
            lines({platformLabel(f, "balancer", QStringLiteral("Container Apps Environment<br/>Built-in Ingress"))
                       + QStringLiteral(", HTTPS 443"),
                   healthLine(f)});
        p.balancerInEdge = false;
        p.edgeTitle.clear();
        p.appTitle = QStringLiteral("App Subnet (10.20.10.0/24) - Container Apps Environment");
        p.appLabel = lines({QStringLiteral("Container App Replica %1<br/>Container: ") + project(f), spec(f)});
        p.workerLabel = QStringLiteral("Container App<br/>Queue Worker");
    } else {
        // App Service balances over its instances on its own front ends, where TLS ends: no
        // Application Gateway, and so no gateway subnet, unless the team adds one.
        p.balancerId = QStringLiteral("FrontEnds");
        p.balancerLabel =
            lines({QStringLiteral("App Service Front Ends<br/>Built-in Load Balancing, HTTPS 443"), healthLine(f)});
        p.balancerInEdge = false;
        p.edgeTitle.clear();
        p.appTitle = QStringLiteral("App Subnet (10.20.10.0/24) - App Service Plan");
        p.appLabel = lines({f.containerized ? QStringLiteral("App Service Instance %1<br/>Web App for Containers")
                                            : QStringLiteral("App Service Instance %1<br/>Code Deployment"),
                            spec(f)});
        p.workerLabel = QStringLiteral("App Service WebJob<br/>Queue Worker");
    }
    switch (f.database) {
    case Facts::Database::MongoDb:
        p.databaseLabel = QStringLiteral("Azure Cosmos DB<br/>for MongoDB");
        p.replicaLabel = QStringLiteral("Cosmos DB Read Region %1");
        p.shardLabel = QStringLiteral("Cosmos DB Partition %1");
        break;
    case Facts::Database::Sqlite: p.databaseLabel = sqliteFileLabel(f, QStringLiteral("SQLite File")); break;
    default:
        p.databaseLabel =
            QStringLiteral("Azure Database for ") + engine + QStringLiteral("<br/>Flexible Server, Zone-redundant HA");
        p.replicaLabel = QStringLiteral("Azure Database Read Replica %1");
        p.shardLabel = f.database == Facts::Database::PostgreSql
            ? QStringLiteral("Azure Cosmos DB for PostgreSQL<br/>Worker Node %1")
            : QStringLiteral("Azure Database for MySQL Shard %1");
        break;
    }
    p.cacheLabel = f.cache == Facts::Cache::Memcached ? QStringLiteral("Memcached<br/>on Azure VM")
                                                      : QStringLiteral("Azure Cache for Redis");
    switch (f.queue) {
    case Facts::Queue::RabbitMq: p.queueLabel = QStringLiteral("RabbitMQ<br/>on Azure VM"); break;
    case Facts::Queue::Kafka: p.queueLabel = QStringLiteral("Event Hubs<br/>Kafka Endpoint"); break;
    case Facts::Queue::Redis: p.queueLabel = QStringLiteral("Azure Cache for Redis<br/>Job Queue"); break;
    default: break;
    }
    p.cloudQueueLabel = QStringLiteral("Service Bus<br/>Queue");
    p.queueTrigger = QStringLiteral("Receive");
    p.storageLabel = QStringLiteral("Blob Storage<br/>File Storage");
    p.backupLabel = QStringLiteral("Automated Backups<br/>Geo-redundant Storage");
    if (f.containerized)
        p.registryLabel = QStringLiteral("Azure Container Registry");
    // Application Insights is an APM, and the project's APM is what 7.5 names (or none yet).
    p.monitoringLabel = QStringLiteral("Azure Monitor<br/>Metrics, Log Analytics");
    p.secretsLabel = secretsLabel(f, QStringLiteral("Key Vault<br/>Secrets and Certificates"));
    return p;
}

QString cloudInfrastructure(const Facts &f, const CloudProfile &p)
{
    MermaidWriter w(QStringLiteral("graph TB"));
    const bool worker = f.queue != Facts::Queue::None;
    const QList<int> instances = shownInstances(f, 2);
    const QStringList apps = appIds(instances);
    const QList<ExternalNode> externals = externalNodes(f);
    const QList<ExternalNode> foreign = foreignQueue(f, p.nativeQueue);
    const bool nat = !p.natLabel.isEmpty() && (p.appInNetwork || worker) && !externals.isEmpty();
    const bool balancerInEdge = p.balancerInEdge && !p.edgeTitle.isEmpty();
    const bool queueInData = worker && !p.queueLabel.isEmpty();
    const bool cloudQueue = worker && f.queue == p.nativeQueue;

    const auto writeApps = [&] {
        for (int n : instances)
            w.node(QStringLiteral("App%1").arg(n), p.appLabel.arg(n));
        if (worker)
            w.node(QStringLiteral("Worker"), p.workerLabel);
    };

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet Users"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(p.cloudTitle);
    if (!balancerInEdge) {
        // A global load balancer or API gateway sits outside the VPC.
        w.node(p.balancerId, p.balancerLabel);
        w.style(p.balancerId, Infrastructure);
        w.blankLine();
    }
    if (!p.appInNetwork) {
        w.beginGroup(p.appTitle);
        writeApps();
        w.endGroup();
        w.blankLine();
    }
    w.beginGroup(p.networkTitle);
    if (!p.edgeTitle.isEmpty() && (balancerInEdge || nat)) {
        w.beginGroup(p.edgeTitle);
        if (balancerInEdge) {
            w.node(p.balancerId, p.balancerLabel);
            w.style(p.balancerId, Infrastructure);
        }
        if (nat)
            w.node(QStringLiteral("NAT"), p.natLabel);
        w.endGroup();
        w.blankLine();
    } else if (nat) {
        w.node(QStringLiteral("NAT"), p.natLabel);
    }
    if (p.appInNetwork) {
        w.beginGroup(p.appTitle);
        writeApps();
        w.endGroup();
        w.blankLine();
    }
    DatabaseNodes db;
    if (hasDatabase(f) || f.cache != Facts::Cache::None || queueInData) {
        w.beginGroup(p.dataTitle);
        if (!p.poolerLabel.isEmpty() && hasDatabase(f))
            w.node(QStringLiteral("Pooler"), p.poolerLabel);
        db = writeDatabaseNodes(w, f, p.databaseLabel, p.replicaLabel, p.shardLabel);
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"), p.cacheLabel, Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (queueInData) {
            w.node(QStringLiteral("Queue"), p.queueLabel);
            w.style(QStringLiteral("Queue"), Queueing);
        }
        w.endGroup();
    }
    w.endGroup();

    const bool backups = f.backups && hasDatabase(f);
    w.blankLine();
    w.beginGroup(QStringLiteral("Supporting Services"));
    if (cloudQueue) {
        w.node(QStringLiteral("Queue"), p.cloudQueueLabel);
        w.style(QStringLiteral("Queue"), Queueing);
    }
    if (f.objectStorage) {
        w.node(QStringLiteral("Storage"), p.storageLabel, Shape::Store);
        w.style(QStringLiteral("Storage"), External);
    }
    if (backups) {
        w.node(QStringLiteral("Backups"),
               f.manualBackups ? manualBackupLabel(f) : automatedBackupLabel(f, p.backupLabel), Shape::Store);
        w.style(QStringLiteral("Backups"), Data);
    }
    if (!p.registryLabel.isEmpty())
        w.node(QStringLiteral("Registry"), p.registryLabel);
    w.node(QStringLiteral("Observability"), p.monitoringLabel);
    w.style(QStringLiteral("Observability"), Alert);
    if (!p.secretsLabel.isEmpty())
        w.node(QStringLiteral("Secrets"), p.secretsLabel);
    w.endGroup();
    w.endGroup();
    writeExternalGroup(w, externals, foreign);

    w.blankLine();
    // Traffic enters through the cloud's load balancer or gateway, where the documents say TLS
    // ends: one bigger instance (vertical scaling) still sits behind it.
    w.edge(QStringLiteral("Internet"), p.balancerId, QStringLiteral("HTTPS 443"));
    for (const QString &app : apps)
        w.edge(p.balancerId, app, p.balancerToApp.isEmpty() ? QStringLiteral("HTTP %1").arg(f.port) : p.balancerToApp);
    w.blankLine();
    const QStringList dataUsers = withWorker(apps, worker);
    if (!db.writers.isEmpty() && !p.poolerLabel.isEmpty()) {
        // Everything goes through the pooler, which writes to the primary and reads from
        // every replica.
        const QString protocol = databaseProtocol(f.database);
        for (const QString &app : dataUsers)
            w.edge(app, QStringLiteral("Pooler"), protocol);
        for (const QString &store : db.writers)
            w.edge(QStringLiteral("Pooler"), store,
                   db.readers.isEmpty() ? protocol : QStringLiteral("Write, ") + protocol);
        for (const QString &replica : db.readers)
            w.edge(QStringLiteral("Pooler"), replica, QStringLiteral("Read, ") + protocol);
    } else {
        writeDatabaseEdges(w, f, dataUsers, db);
    }
    if (f.cache != Facts::Cache::None) {
        for (const QString &app : apps)
            w.edge(app, QStringLiteral("Cache"), cacheProtocol(f.cache));
    }
    if (worker)
        writeQueueEdges(w, apps, QStringLiteral("Send Message"), p.queueTrigger);
    w.blankLine();
    for (const QString &app : apps) {
        if (f.objectStorage)
            w.edge(app, QStringLiteral("Storage"), QStringLiteral("Upload/Download"));
        w.edge(app, QStringLiteral("Observability"), QStringLiteral("Logs and Metrics"));
        if (!p.secretsLabel.isEmpty())
            w.edge(app, QStringLiteral("Secrets"), QStringLiteral("Fetch Secrets"));
        if (!p.registryLabel.isEmpty())
            w.edge(QStringLiteral("Registry"), app, QStringLiteral("Image Pull"), Line::Dashed);
    }
    if (worker)
        w.edge(QStringLiteral("Worker"), QStringLiteral("Observability"), QStringLiteral("Logs"));
    if (nat && !externals.isEmpty()) {
        // Private instances reach third parties through the NAT gateway.
        w.blankLine();
        for (const QString &caller : worker ? QStringList{QStringLiteral("Worker")} : apps)
            w.edge(caller, QStringLiteral("NAT"), QStringLiteral("Outbound HTTPS"));
        writeExternalEdges(w, externals, {QStringLiteral("NAT")}, false);
    } else {
        writeExternalEdges(w, externals, apps, worker);
    }
    // A database file the team runs (SQLite) is backed up with the tool the Backup & Disaster
    // Recovery section names, not with the cloud's managed backups.
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(),
                               managedDatabaseKey(f).isEmpty() ? teamBackupEdge(f)
                                   : f.manualBackups           ? manualBackupEdge(f)
                                                               : QStringLiteral("Automated Backups"));
    return w.text();
}

} // namespace opsflow::diagramparts
