// The dependency names of package manifests (package.json, pyproject.toml, requirements*.txt,
// go.mod, pom.xml, build.gradle, .csproj, Gemfile, composer.json, mix.exs), one reader per
// format. Separate from the walk in evidencescan.cpp: these only parse text; the walk decides
// which files to read and what their dependencies suggest.
#include "evidencescan.h"
#include "evidencescanparts.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace opsflow {

using namespace scanparts;

namespace {

QStringList npmDependencies(const QByteArray &json, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parse.error != QJsonParseError::NoError
            ? QStringLiteral("is not valid JSON at line %1").arg(json.left(parse.offset).count('\n') + 1)
            : QStringLiteral("does not hold a JSON object");
        return {};
    }
    QStringList names;
    for (const char *key : {"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"})
        names += doc.object().value(QLatin1String(key)).toObject().keys();
    return names;
}

// PEP 503: names compare case-insensitively with runs of "-", "_", "." as one "-".
QString pythonName(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[-_.]+"));
    return name.toLower().replace(separators, QStringLiteral("-"));
}

QStringList requirementsDependencies(const QString &text)
{
    static const QRegularExpression name(QStringLiteral("^([A-Za-z0-9][A-Za-z0-9._-]*)"));
    QStringList names;
    for (const QString &line : textLines(text)) {
        const QString t = line.trimmed();
        if (t.startsWith(QLatin1Char('-')) || t.startsWith(QLatin1Char('#')))
            continue; // options (-r, -e, --index-url) and comments
        const QString n = captured(t, name);
        if (!n.isEmpty())
            names.append(pythonName(n));
    }
    return names;
}

// PEP 621 arrays (`dependencies = ["structlog>=24"]`, optional-dependencies) and Poetry
// tables (`[tool.poetry.dependencies] structlog = "^24"`).
QStringList pyprojectDependencies(const QString &text)
{
    static const QRegularExpression section(QStringLiteral("^\\s*\\[([^\\]]+)\\]\\s*$"));
    static const QRegularExpression key(QStringLiteral("^\\s*\"?([A-Za-z0-9][A-Za-z0-9._-]*)\"?\\s*=\\s*(.*)$"));
    static const QRegularExpression quoted(QStringLiteral("[\"']([A-Za-z0-9][A-Za-z0-9._-]*)"));
    QStringList names;
    bool inDependencySection = false;
    bool inArray = false;
    auto takeQuoted = [&](const QString &part) {
        for (auto it = quoted.globalMatch(part); it.hasNext();)
            names.append(pythonName(it.next().captured(1)));
    };
    for (const QString &line : textLines(text)) {
        if (inArray) {
            takeQuoted(line.section(QLatin1Char('#'), 0, 0));
            inArray = !line.contains(QLatin1Char(']'));
            continue;
        }
        const auto s = section.match(line);
        if (s.hasMatch()) {
            inDependencySection = s.captured(1).contains(QLatin1String("dependencies"));
            continue;
        }
        const auto k = key.match(line);
        if (!k.hasMatch())
            continue;
        const QString value = k.captured(2).trimmed();
        const bool isArray = value.startsWith(QLatin1Char('['));
        if (isArray && (k.captured(1) == QLatin1String("dependencies") || inDependencySection)) {
            takeQuoted(value.mid(1));
            inArray = !value.contains(QLatin1Char(']'));
        } else if (inDependencySection && !isArray) {
            names.append(pythonName(k.captured(1)));
        }
    }
    return names;
}

QStringList goDependencies(const QString &text)
{
    static const QRegularExpression require(
        QStringLiteral("^\\s*(?:require\\s+)?([A-Za-z0-9.-]+\\.[A-Za-z]{2,}/\\S+)\\s+v\\d"));
    QStringList names;
    for (const QString &line : textLines(text)) {
        const QString n = captured(line, require);
        if (!n.isEmpty())
            names.append(n.toLower());
    }
    return names;
}

QStringList mavenDependencies(const QString &text)
{
    static const QRegularExpression dependency(QStringLiteral("<dependency>(.*?)</dependency>"),
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression group(QStringLiteral("<groupId>\\s*([^<\\s]+)\\s*</groupId>"));
    static const QRegularExpression artifact(QStringLiteral("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>"));
    QStringList names;
    for (auto it = dependency.globalMatch(text); it.hasNext();) {
        const QString block = it.next().captured(1);
        names.append((captured(block, group) + QLatin1Char(':') + captured(block, artifact)).toLower());
    }
    return names;
}

QStringList gradleDependencies(const QString &text)
{
    static const QRegularExpression coordinate(QStringLiteral("[\"']([\\w.-]+):([\\w.-]+)(?::[^\"']*)?[\"']"));
    QStringList names;
    for (auto it = coordinate.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        names.append((m.captured(1) + QLatin1Char(':') + m.captured(2)).toLower());
    }
    return names;
}

QStringList nugetDependencies(const QString &text)
{
    static const QRegularExpression reference(QStringLiteral("<PackageReference\\s+Include\\s*=\\s*\"([^\"]+)\""),
                                              QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    for (auto it = reference.globalMatch(text); it.hasNext();)
        names.append(it.next().captured(1).toLower());
    return names;
}

// Gemfile: `gem "name"` lines.
QStringList gemDependencies(const QString &text)
{
    static const QRegularExpression gem(QStringLiteral("^\\s*gem\\s+[\"']([^\"']+)[\"']"));
    QStringList names;
    for (const QString &line : textLines(text)) {
        const QString n = captured(line, gem);
        if (!n.isEmpty())
            names.append(n.toLower());
    }
    return names;
}

// composer.json: the keys of "require" and "require-dev" ("vendor/package"). A file that is
// not JSON names none.
QStringList composerDependencies(const QByteArray &bytes)
{
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QStringList names;
    for (const char *key : {"require", "require-dev"}) {
        const QJsonObject deps = root.value(QLatin1String(key)).toObject();
        for (auto it = deps.begin(); it != deps.end(); ++it)
            names.append(it.key().toLower());
    }
    return names;
}

// mix.exs: `{:name, ...}` tuples in deps.
QStringList mixDependencies(const QString &text)
{
    static const QRegularExpression dep(QStringLiteral("\\{\\s*:([a-z0-9_]+)\\s*,"));
    QStringList names;
    for (auto it = dep.globalMatch(text); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

} // namespace

QStringList scanparts::manifestDependencies(const QString &fileName, const QString &text, const QByteArray &bytes,
                                            QString *error)
{
    const QString name = fileName.toLower();
    if (name == QLatin1String("package.json"))
        return npmDependencies(bytes, error);
    if (name == QLatin1String("pyproject.toml"))
        return pyprojectDependencies(text);
    if (name.endsWith(QLatin1String(".txt")))
        return requirementsDependencies(text);
    if (name == QLatin1String("go.mod"))
        return goDependencies(text);
    if (name == QLatin1String("pom.xml"))
        return mavenDependencies(text);
    if (name.startsWith(QLatin1String("build.gradle")))
        return gradleDependencies(text);
    if (name == QLatin1String("gemfile"))
        return gemDependencies(text);
    if (name == QLatin1String("composer.json"))
        return composerDependencies(bytes);
    if (name == QLatin1String("mix.exs"))
        return mixDependencies(text);
    return nugetDependencies(text);
}

} // namespace opsflow
