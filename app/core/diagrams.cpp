// dependencyKind(): how a dependency named in the 7.9.3 retry table is drawn, and
// managedDatabaseKey(): who runs the database; each diagram has its own file.
#include "diagrams.h"

#include "knowledge.h"

#include <QRegularExpression>

namespace opsflow {

// --- who runs the database ------------------------------------------------------------------

QString managedDatabaseKey(const DeploymentFacts &f)
{
    using Db = DeploymentFacts::Database;
    const char *id = f.database == Db::PostgreSql ? "postgresql"
        : f.database == Db::MySql                 ? "mysql"
        : f.database == Db::MongoDb               ? "mongodb"
        : f.database == Db::Sqlite                ? "sqlite"
                                                  : nullptr;
    const DatabaseKnowledge *db = id ? Knowledge::builtIn().database(QString::fromLatin1(id)) : nullptr;
    if (!db || db->port == 0 || !f.platformDecided)
        return {};
    // Only a platform of the cloud family runs it: a cluster answered under "Container
    // Orchestration" (EKS, GKE, AKS included) runs its own database, as servers do.
    switch (f.platform) {
    case DeploymentFacts::Platform::Aws:
    case DeploymentFacts::Platform::Gcp:
    case DeploymentFacts::Platform::Azure: return publicCloudId(f.platform);
    case DeploymentFacts::Platform::Paas:
        return f.platformId == QLatin1String("heroku") && db->managed.contains(QStringLiteral("heroku"))
            ? QStringLiteral("heroku")
            : QStringLiteral("paas");
    default: return {};
    }
}

// --- alert routing --------------------------------------------------------------------------

AlertRouting alertRouting(const DeploymentFacts &f)
{
    const DeploymentFacts::AlertChannels &ch = f.alertChannels;
    AlertRouting r;
    if (ch.pager)
        r.critical << AlertChannel::Pager;
    if (ch.sms)
        r.critical << AlertChannel::Sms;
    if (ch.chat) {
        r.critical << AlertChannel::Chat;
        r.warning << AlertChannel::Chat;
    }
    if (ch.email) {
        r.critical << AlertChannel::Email;
        r.warning << AlertChannel::Email;
    }
    if (r.warning.isEmpty())
        r.warning = r.critical;
    return r;
}

// --- dependencies ---------------------------------------------------------------------------

DependencyKind dependencyKind(const QString &serviceName)
{
    static const QRegularExpression ownStore(
        QStringLiteral("\\b(database|db|postgres(ql)?|mysql|mariadb|mongo(db)?|sqlite|redis|"
                       "memcached?|cache|message queue|rabbitmq|kafka)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression objectStore(
        QStringLiteral("\\b(s3|object storage|file storage|blob( storage)?|bucket|gcs|cloud storage|minio)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    if (objectStore.match(serviceName).hasMatch())
        return DependencyKind::ObjectStorage;
    if (ownStore.match(serviceName).hasMatch())
        return DependencyKind::OwnStore;
    return DependencyKind::External;
}

} // namespace opsflow
