// Which health endpoint does what, as every output places them: the documents' table and
// runbooks, the diagrams and the consistency rules all read this one placement.
#pragma once

#include <QString>
#include <QStringList>

namespace opsflow {

// The paths of the three endpoints 7.9 offers, as the service serves them (a framework may
// use its own: Spring Boot's /actuator/health/readiness, Rails' /up).
struct HealthPaths {
    QString basic = QStringLiteral("/health");
    QString ready = QStringLiteral("/health/ready");
    QString live = QStringLiteral("/health/live");
};

struct HealthEndpoints {
    QString checks;       // runs the dependency checks: readiness, else basic, else liveness
    QString liveness;     // restarts an instance that fails it: live, else basic, else readiness
    QString loadBalancer; // the load balancer's check; empty when no endpoint is chosen
};

// `chosen`: the 7.9 endpoints answered (choice letters: A /health, B /health/ready,
// C /health/live). Where a failed load-balancer check also replaces the instance
// (`loadBalancerReplaces`), the load balancer checks an endpoint without dependencies when
// there is one: otherwise a database outage would replace every instance.
HealthEndpoints placeHealthEndpoints(const QStringList &chosen, bool loadBalancerReplaces,
                                     const HealthPaths &paths = HealthPaths());

// A typed path as a path: spaces dropped, a leading slash added; empty stays empty.
QString healthPath(const QString &typed);

} // namespace opsflow
