// The one placement of the health endpoints (see healthendpoints.h).
#include "healthendpoints.h"

#include <QRegularExpression>

namespace opsflow {

HealthEndpoints placeHealthEndpoints(const QStringList &chosen, bool loadBalancerReplaces, const HealthPaths &paths)
{
    const QString &basicPath = paths.basic;
    const QString &readyPath = paths.ready;
    const QString &livePath = paths.live;
    const bool basic = chosen.contains(QLatin1String("A"));
    const bool ready = chosen.contains(QLatin1String("B"));
    const bool live = chosen.contains(QLatin1String("C"));
    HealthEndpoints e;
    if (!basic && !ready && !live)
        return e;
    // Dependencies are checked by readiness; without it, by the basic endpoint.
    e.checks = ready ? readyPath : basic ? basicPath : livePath;
    e.liveness = live ? livePath : basic ? basicPath : readyPath;
    // The load balancer routes by readiness; without it, by liveness, else the basic endpoint.
    e.loadBalancer = ready ? readyPath : live ? livePath : basicPath;
    if (loadBalancerReplaces && e.loadBalancer == e.checks) {
        const QString shallow = live ? livePath : basic && e.checks != basicPath ? basicPath : QString();
        if (!shallow.isEmpty())
            e.loadBalancer = shallow;
    }
    return e;
}

QString healthPath(const QString &typed)
{
    // Only what a URL path may hold, so the path stays one piece of code in a table cell,
    // and none of the characters a shell reads inside or outside double quotes ($ ` \ " ! ' ( )
    // ; & * and spaces): the path is pasted into curl commands and the Dockerfile's
    // HEALTHCHECK, and an answer must never run there. A path that needs one percent-encodes it.
    QString path = typed;
    path.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9/_.~:@+,=%-]")));
    if (!path.isEmpty() && !path.startsWith(u'/'))
        path.prepend(u'/');
    return path;
}

} // namespace opsflow
