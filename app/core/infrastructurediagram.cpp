// The infrastructure diagram: picks the platform family's drawing; labels the drawings share.
#include "diagramparts.h"

#include "knowledge.h"

namespace opsflow {

namespace diagramparts {

QString regionSuffix(const Facts &f)
{
    return f.region.trimmed().isEmpty() ? QString() : QStringLiteral(" (") + userLine(f.region) + u')';
}

QString secretsLabel(const Facts &f, const QString &native)
{
    if (!f.secretsService)
        return QString();
    if (!f.secretsStore.trimmed().isEmpty())
        return lines({user(f.secretsStore), QStringLiteral("Secrets")});
    return native;
}

QString healthLine(const Facts &f)
{
    return f.healthCheckPath.trimmed().isEmpty() ? QString()
                                                 : QStringLiteral("Health check ") + userLine(f.healthCheckPath);
}

// A cluster picked under "Cloud Platform" (EKS, GKE, AKS, OpenShift, …) is drawn as a cluster.
bool namesManagedKubernetes(const Facts &f)
{
    const PlatformKnowledge *p = Knowledge::builtIn().platform(f.platformId);
    return p && p->family == QLatin1String("kubernetes");
}

} // namespace diagramparts

using namespace diagramparts;

QString infrastructureDiagram(const DeploymentFacts &f)
{
    switch (f.platform) {
    case Facts::Platform::Aws:
        return namesManagedKubernetes(f) ? kubernetesInfrastructure(f) : cloudInfrastructure(f, awsProfile(f));
    case Facts::Platform::Gcp:
        return namesManagedKubernetes(f) ? kubernetesInfrastructure(f) : cloudInfrastructure(f, gcpProfile(f));
    case Facts::Platform::Azure:
        return namesManagedKubernetes(f) ? kubernetesInfrastructure(f) : cloudInfrastructure(f, azureProfile(f));
    case Facts::Platform::Paas: return paasInfrastructure(f);
    case Facts::Platform::Kubernetes: return kubernetesInfrastructure(f);
    case Facts::Platform::DockerSwarm: return clusterInfrastructure(f, swarmProfile(f));
    case Facts::Platform::Nomad: return clusterInfrastructure(f, nomadProfile(f));
    case Facts::Platform::OnPremises: break;
    }
    return onPremisesInfrastructure(f);
}

} // namespace opsflow
