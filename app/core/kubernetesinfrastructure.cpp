// The infrastructure diagram of a Kubernetes cluster, self-run or on a cloud's managed service.
#include "diagramparts.h"

#include "knowledge.h"

namespace opsflow::diagramparts {

namespace {

enum class Cloud { None, Aws, Gcp, Azure };

// The cloud whose managed services a Kubernetes cluster uses; None for a self-run cluster.
Cloud kubernetesCloud(const Facts &f)
{
    if (f.cloud == QLatin1String("aws"))
        return Cloud::Aws;
    if (f.cloud == QLatin1String("gcp"))
        return Cloud::Gcp;
    return f.cloud == QLatin1String("azure") ? Cloud::Azure : Cloud::None;
}
} // namespace

QString kubernetesInfrastructure(const Facts &f)
{
    MermaidWriter w(QStringLiteral("graph TB"));
    const Cloud cloud = kubernetesCloud(f);
    const bool managed = cloud != Cloud::None;
    const bool worker = f.queue != Facts::Queue::None;
    const bool autoscale = f.scaling == Facts::Scaling::Auto;
    const bool backups = f.backups && hasDatabase(f);
    const QList<int> instances = shownInstances(f, 3);
    const QStringList pods = appIds(instances, QStringLiteral("Pod"));
    const QString name = project(f);
    const QString engine = databaseName(f.database);
    const Facts::Queue nativeQueue = cloud == Cloud::Aws ? Facts::Queue::Sqs
        : cloud == Cloud::Gcp                            ? Facts::Queue::PubSub
        : cloud == Cloud::Azure                          ? Facts::Queue::ServiceBus
                                                         : Facts::Queue::None;
    const bool cloudQueue = worker && f.queue == nativeQueue;
    const bool clusterQueue = worker && !isCloudQueue(f.queue) && !managed;
    const bool managedQueue = worker && !isCloudQueue(f.queue) && managed;
    // SQLite lives on the API pods' volume; other stores are StatefulSets or managed services.
    // The database is the cloud's service only when the documents say so: a cluster answered
    // under "Container Orchestration" runs its own, whichever cloud it is on.
    const bool sqlite = f.database == Facts::Database::Sqlite;
    const bool dbManaged = managed && hasDatabase(f) && !managedDatabaseKey(f).isEmpty();
    const bool statefulDb = hasDatabase(f) && !dbManaged && !sqlite;
    const bool clusterBackups = backups && !dbManaged;

    QString flavour = cloud == Cloud::Aws    ? QStringLiteral("Amazon EKS")
        : cloud == Cloud::Gcp                ? QStringLiteral("Google GKE")
        : cloud == Cloud::Azure              ? QStringLiteral("Azure AKS")
        : f.platformName.trimmed().isEmpty() ? QStringLiteral("Self-managed")
                                             : userLine(f.platformName);
    // A distribution of its own (OpenShift) keeps its name, on whichever cloud it runs.
    const QString cluster = platformLabel(f, "cluster", QString());
    if (!cluster.isEmpty()) {
        const CloudKnowledge *onCloud = Knowledge::builtIn().cloud(f.cloud);
        flavour = onCloud ? cluster + QStringLiteral(" on ") + onCloud->name : cluster;
    }
    const QString managedDb = cloud == Cloud::Aws
        ? (f.database == Facts::Database::MongoDb ? QStringLiteral("Amazon DocumentDB")
                                                  : QStringLiteral("Amazon RDS ") + engine)
        : cloud == Cloud::Gcp
        ? (f.database == Facts::Database::MongoDb ? QStringLiteral("MongoDB Atlas")
                                                  : QStringLiteral("Cloud SQL for ") + engine)
        : (f.database == Facts::Database::MongoDb ? QStringLiteral("Azure Cosmos DB for MongoDB")
                                                  : QStringLiteral("Azure Database for ") + engine);
    const QString managedCache = cloud == Cloud::Aws ? QStringLiteral("ElastiCache ") + cacheName(f.cache)
        : cloud == Cloud::Gcp                        ? QStringLiteral("Memorystore for ") + cacheName(f.cache)
                                                     : QStringLiteral("Azure Cache for Redis");
    const QString registry = platformLabel(f, "registry",
                                           cloud == Cloud::Aws         ? QStringLiteral("Amazon ECR")
                                               : cloud == Cloud::Gcp   ? QStringLiteral("Artifact Registry")
                                               : cloud == Cloud::Azure ? QStringLiteral("Azure Container Registry")
                                                                       : QStringLiteral("Container Registry"));

    w.node(QStringLiteral("Internet"), QStringLiteral("Internet Users"));
    w.style(QStringLiteral("Internet"), Infrastructure);
    w.blankLine();
    w.beginGroup(QStringLiteral("Kubernetes Cluster - ") + flavour + regionSuffix(f));
    if (hasLoadBalancer(f)) {
        w.node(QStringLiteral("CloudLB"), QStringLiteral("Load Balancer<br/>Service type LoadBalancer"));
        w.style(QStringLiteral("CloudLB"), Infrastructure);
        w.blankLine();
    }
    w.beginGroup(QStringLiteral("Namespace: ") + name);
    w.node(QStringLiteral("Ingress"), QStringLiteral("Ingress<br/>TLS, Host Routing"));
    w.style(QStringLiteral("Ingress"), Infrastructure);
    w.node(QStringLiteral("Service"), QStringLiteral("Service: ClusterIP<br/>port %1").arg(f.port));
    w.blankLine();
    // HPA, ConfigMap, Secret and image pulls act on the Deployment's pod template, so their
    // edges point at the Deployment group rather than at every pod.
    w.beginGroup(QStringLiteral("Deployment: ") + name + QStringLiteral(" - ") + scalingNote(f),
                 QStringLiteral("Deployment"));
    for (int n : instances) {
        w.node(QStringLiteral("Pod%1").arg(n),
               lines({QStringLiteral("Pod %1").arg(n), spec(f),
                      healthLine(f).isEmpty() ? QString() : QStringLiteral("Probes ") + userLine(f.healthCheckPath)}));
    }
    w.endGroup();
    if (autoscale) {
        w.node(QStringLiteral("HPA"),
               f.maxInstances > instanceCount(f)
                   ? QStringLiteral("HorizontalPodAutoscaler<br/>CPU over 70 percent, %1 to %2 Pods")
                         .arg(instanceCount(f))
                         .arg(f.maxInstances)
                   : QStringLiteral("HorizontalPodAutoscaler<br/>CPU over 70 percent"));
        w.style(QStringLiteral("HPA"), Infrastructure);
    }
    if (worker)
        w.node(QStringLiteral("Worker"), QStringLiteral("Deployment: worker<br/>Queue Consumers"));
    w.node(QStringLiteral("ConfigMap"), QStringLiteral("ConfigMap<br/>Non-secret Settings"));
    w.node(QStringLiteral("Secret"),
           f.secretsService && !f.secretsStore.trimmed().isEmpty()
               ? QStringLiteral("Secret<br/>synced from ") + user(f.secretsStore)
               : QStringLiteral("Secret<br/>Credentials"));
    if (sqlite) {
        w.node(QStringLiteral("Primary"), QStringLiteral("PersistentVolumeClaim<br/>SQLite File"), Shape::Store);
        w.style(QStringLiteral("Primary"), Data);
    }
    DatabaseNodes db;
    if (statefulDb) {
        w.blankLine();
        w.beginGroup(QStringLiteral("StatefulSet: ") + engine.toLower());
        db = writeDatabaseNodes(w, f, engine.toLower() + QStringLiteral("-0<br/>Primary"),
                                engine.toLower() + QStringLiteral("-%1<br/>") + replicaWord(f),
                                engine.toLower() + QStringLiteral("-shard-%1"));
        w.node(QStringLiteral("PVC"), QStringLiteral("PersistentVolumeClaim<br/>data, one per Pod"), Shape::Store);
        w.style(QStringLiteral("PVC"), Data);
        w.endGroup();
    } else if (sqlite) {
        db.writers.append(QStringLiteral("Primary"));
    }
    if (!managed && (f.cache != Facts::Cache::None || clusterQueue)) {
        w.blankLine();
        w.beginGroup(QStringLiteral("StatefulSets - Cache and Queue"));
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"),
                   cacheName(f.cache) + QStringLiteral("<br/>") + cacheName(f.cache).toLower() + QStringLiteral("-0"),
                   Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (clusterQueue) {
            w.node(QStringLiteral("Queue"), queueName(f.queue) + QStringLiteral("<br/>StatefulSet"));
            w.style(QStringLiteral("Queue"), Queueing);
        }
        w.endGroup();
    }
    w.endGroup();
    w.endGroup();

    const bool managedServices = managed
        && (dbManaged || f.cache != Facts::Cache::None || cloudQueue || managedQueue || f.objectStorage
            || f.containerized);
    if (managedServices) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Managed Services"));
        if (dbManaged) {
            db = writeDatabaseNodes(w, f, managedDb,
                                    managedDb + QStringLiteral("<br/>") + replicaWord(f) + QStringLiteral(" %1"),
                                    managedDb + QStringLiteral("<br/>Shard %1"));
        }
        if (f.cache != Facts::Cache::None) {
            w.node(QStringLiteral("Cache"), managedCache, Shape::Store);
            w.style(QStringLiteral("Cache"), Monitoring);
        }
        if (cloudQueue || managedQueue) {
            w.node(QStringLiteral("Queue"),
                   cloudQueue ? queueName(f.queue) : QStringLiteral("Managed ") + queueName(f.queue));
            w.style(QStringLiteral("Queue"), Queueing);
        }
        if (f.objectStorage) {
            w.node(QStringLiteral("Storage"),
                   cloud == Cloud::Aws       ? QStringLiteral("S3 Bucket")
                       : cloud == Cloud::Gcp ? QStringLiteral("Cloud Storage Bucket")
                                             : QStringLiteral("Blob Storage"),
                   Shape::Store);
            w.style(QStringLiteral("Storage"), External);
        }
        if (backups && dbManaged) {
            w.node(QStringLiteral("Backups"),
                   f.manualBackups ? manualBackupLabel(f)
                                   : QStringLiteral("Automated Backups<br/>Point-in-time Recovery"),
                   Shape::Store);
            w.style(QStringLiteral("Backups"), Data);
        }
        if (f.containerized)
            w.node(QStringLiteral("Registry"), registry);
        w.endGroup();
    }
    if ((!managed && f.containerized) || clusterBackups) {
        w.blankLine();
        w.beginGroup(QStringLiteral("Cluster Services"));
        if (!managed && f.containerized)
            w.node(QStringLiteral("Registry"), registry);
        if (clusterBackups) {
            w.node(QStringLiteral("Backups"),
                   f.manualBackups ? manualBackupLabel(f)
                                   : automatedBackupLabel(f, QStringLiteral("Automated Backups")),
                   Shape::Store);
            w.style(QStringLiteral("Backups"), Data);
        }
        w.endGroup();
    }
    QList<ExternalNode> extra;
    if (worker && isCloudQueue(f.queue) && !cloudQueue)
        extra.append({QStringLiteral("Queue"), queueName(f.queue)});
    if (f.objectStorage && !managed)
        extra.append({QStringLiteral("Storage"), QStringLiteral("Object Storage<br/>S3 compatible")});
    const QList<ExternalNode> externals = externalNodes(f);
    writeExternalGroup(w, externals, extra);

    w.blankLine();
    if (hasLoadBalancer(f)) {
        w.edge(QStringLiteral("Internet"), QStringLiteral("CloudLB"), QStringLiteral("HTTPS 443"));
        w.edge(QStringLiteral("CloudLB"), QStringLiteral("Ingress"), QStringLiteral("HTTPS"));
    } else {
        w.edge(QStringLiteral("Internet"), QStringLiteral("Ingress"), QStringLiteral("HTTPS 443"));
    }
    w.edge(QStringLiteral("Ingress"), QStringLiteral("Service"), QStringLiteral("HTTP"));
    for (const QString &pod : pods)
        w.edge(QStringLiteral("Service"), pod, QStringLiteral("TCP %1").arg(f.port));
    if (autoscale)
        w.edge(QStringLiteral("HPA"), QStringLiteral("Deployment"), QStringLiteral("Scales"), Line::Dashed);
    w.blankLine();
    // An SQLite file on the API pods' volume is theirs alone.
    writeDatabaseEdges(w, f, withWorker(pods, worker && !sqlite), db);
    if (statefulDb) {
        for (const QString &store : db.writers + db.readers)
            w.edge(store, QStringLiteral("PVC"), QStringLiteral("Mount"));
    }
    if (f.cache != Facts::Cache::None) {
        for (const QString &pod : pods)
            w.edge(pod, QStringLiteral("Cache"), cacheProtocol(f.cache));
    }
    if (worker)
        writeQueueEdges(w, pods, QStringLiteral("Enqueue, ") + queueProtocol(f.queue));
    w.blankLine();
    for (const QString &workload : withWorker({QStringLiteral("Deployment")}, worker)) {
        w.edge(QStringLiteral("ConfigMap"), workload, QStringLiteral("env"), Line::Dashed);
        w.edge(QStringLiteral("Secret"), workload, QStringLiteral("env"), Line::Dashed);
    }
    if (f.containerized)
        w.edge(QStringLiteral("Registry"), QStringLiteral("Deployment"), QStringLiteral("Image Pull"), Line::Dashed);
    if (f.objectStorage) {
        for (const QString &pod : pods)
            w.edge(pod, QStringLiteral("Storage"), QStringLiteral("HTTPS"));
    }
    writeExternalEdges(w, externals, pods, worker);
    // The backup tool the documents name (pgBackRest, …) reads the database, as on servers;
    // a managed database is snapshotted by its provider.
    writeReplicationAndBackups(w, db, backups ? db.writers : QStringList(),
                               clusterBackups        ? teamBackupEdge(f)
                                   : f.manualBackups ? manualBackupEdge(f)
                                                     : QStringLiteral("Snapshots"));
    return w.text();
}

} // namespace opsflow::diagramparts
