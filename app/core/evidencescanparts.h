// Private to the evidence scan: the readers that turn a file's text into plain data (package
// manifests' dependency names, a compose file's services) and the text helpers they share with
// the walk in evidencescan.cpp, which makes the findings. The public API is evidencescan.h.
#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace opsflow::scanparts {

// ---- Text helpers (evidencescan.cpp, composereader.cpp) ----------------------------------

// The text `group` of the first match of `pattern`, or nothing.
QString captured(const QString &text, const QRegularExpression &pattern, int group = 1);
// A YAML scalar as written: quotes and a trailing comment removed.
QString yamlScalar(QString value);

// ---- Dependency names of package manifests (manifestreaders.cpp) -------------------------

// The dependency names a manifest lists, read as its file name says (package.json,
// pyproject.toml, requirements*.txt, go.mod, pom.xml, build.gradle[.kts], Gemfile,
// composer.json, mix.exs; anything else as a .csproj). A package.json that cannot be read
// names none and sets *error ("is not valid JSON at line 3").
QStringList manifestDependencies(const QString &fileName, const QString &text, const QByteArray &bytes, QString *error);

// ---- The services of a Docker Compose file (composereader.cpp) ---------------------------

struct ComposeService {
    QString name;
    QString image;
    QString build;
    QStringList ports;
};

// Just enough YAML for compose files: the services mapping, each service's image,
// build and ports. Anchors, merges and multi-document files are not followed.
QList<ComposeService> composeServices(const QString &text);
// "docker.io/bitnami/postgresql:16" → "postgresql": the image's own name, no registry or tag.
QString imageName(QString image);

} // namespace opsflow::scanparts
