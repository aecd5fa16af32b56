// The environment variables the answers imply: one catalogue feeds both specs/configuration.md and .env.example.
#pragma once

#include <QList>
#include <QString>

namespace opsflow {

class Resolver;
struct DeploymentFacts;

struct EnvVar {
    QString name;          // "DATABASE_URL"
    QString group;         // "Database": one of envGroupOrder()
    bool required = false; // no safe default: must be set in every environment
    QString type;          // "url", "integer", "string", "enum: json | text", …
    QString example;       // a value for local development; for secrets a placeholder only
    QString defaultValue;  // empty: no default
    QString description;   // one line
    bool secret = false;   // stored in a secret store, never in git
    // Read by the alerting pipeline (the monitoring tool's or the platform's notification
    // settings), not by the service: listed apart, never in .env.example or the app's config.
    bool deploymentOnly = false;
};

// The groups in the order both documents list them.
QStringList envGroupOrder();

// Every variable the answers imply, grouped in envGroupOrder() and unique by name. Examples
// and descriptions hold OpsFlow's own text, numbers and choices from the answers, and the
// project name only as a slug, and the 7.1 region only when it has a region's shape: never
// free text typed into the wizard, so no typed secret can reach .env.example.
QList<EnvVar> envCatalog(const Resolver &answers, const DeploymentFacts &facts);

// The region examples name: the answered one when it looks like a cloud region
// ("eu-west-1", "europe-west4", "westeurope"), else us-east-1.
QString exampleRegion(const DeploymentFacts &facts);

// The Google Cloud project the examples name: the development project, which the Pub/Sub
// emulator also serves, so .env.example and the local stack agree.
QString googleCloudProjectExample(const QString &slug);

} // namespace opsflow
