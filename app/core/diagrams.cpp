// dependencyKind(): how a dependency named in the 7.9.3 retry table is drawn; each diagram has its own file.
#include "diagrams.h"

#include <QRegularExpression>

namespace opsflow {

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
