// The evidence scan: a bounded walk of the project tree that turns recognisable files into
// suggested answers. Only files whose name says they matter are opened; everything else is just
// counted. The parsing of manifests and compose files is manifestreaders.cpp and
// composereader.cpp; documentevidence.cpp reads facts out of existing operations documents.
#include "evidencescan.h"
#include "evidencescanparts.h"

#include "knowledge.h"
#include "knowledgefile.h"
#include "localcommands.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace opsflow {

using namespace scanparts;

namespace {

const QString ctx = QStringLiteral("context");

// Folders that hold other people's code, build output or our own backups: findings there
// would describe a dependency or an old copy, not the project.
const QSet<QString> skippedFolders = {
    QStringLiteral(".git"),        QStringLiteral("node_modules"), QStringLiteral("vendor"),  QStringLiteral("build"),
    QStringLiteral("dist"),        QStringLiteral("target"),       QStringLiteral(".venv"),   QStringLiteral("venv"),
    QStringLiteral("__pycache__"), QStringLiteral(".tox"),         QStringLiteral(".gradle"),
    QStringLiteral(".terraform"), // downloaded modules: their providers are not the project's
};
const QString backupsFolder = QStringLiteral(".ai-flow/backups");

bool isInside(const QString &canonicalDir, const QString &canonicalPath)
{
    return canonicalPath == canonicalDir || canonicalPath.startsWith(canonicalDir + QLatin1Char('/'));
}

QRegularExpression re(const QString &pattern, bool caseInsensitive = true)
{
    return QRegularExpression(
        pattern, caseInsensitive ? QRegularExpression::CaseInsensitiveOption : QRegularExpression::NoPatternOption);
}

// ---- the walk --------------------------------------------------------------------------

class Scanner
{
public:
    Scanner(const QString &projectDir, const ScanOptions &options)
        : m_root(QFileInfo(projectDir).canonicalFilePath()), m_options(options)
    { }

    ScanResult run()
    {
        if (m_root.isEmpty()) {
            m_result.notes.append(QStringLiteral("The project folder could not be opened."));
            return m_result;
        }
        walk(m_root, QString());
        if (m_result.stopped)
            m_result.notes.append(QStringLiteral("scan stopped after %1 files").arg(m_result.filesVisited));
        return m_result;
    }

private:
    void walk(const QString &dir, const QString &rel)
    {
        const QFileInfoList entries = QDir(dir).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsLast);
        for (const QFileInfo &entry : entries) {
            if (m_result.stopped)
                return;
            const QString path = rel.isEmpty() ? entry.fileName() : rel + QLatin1Char('/') + entry.fileName();
            if (entry.isSymLink()) {
                visitLink(entry, path);
            } else if (entry.isDir()) {
                if (!skippedFolders.contains(entry.fileName()) && path != backupsFolder)
                    walk(entry.absoluteFilePath(), path);
            } else if (entry.isFile()) {
                visitFile(entry, path);
            }
        }
    }

    // Linked folders are never entered: inside the project they repeat what the walk sees
    // anyway (or loop), outside it they are not the project. Linked files count when they
    // land inside the project.
    void visitLink(const QFileInfo &entry, const QString &path)
    {
        const QString target = entry.canonicalFilePath();
        if (target.isEmpty())
            return; // dangling
        if (!isInside(m_root, target)) {
            m_result.notes.append(QStringLiteral("%1 links outside the project; it was not followed.").arg(path));
            return;
        }
        const QFileInfo real(target);
        if (real.isFile())
            visitFile(real, path);
    }

    void visitFile(const QFileInfo &file, const QString &path)
    {
        if (m_result.filesVisited >= m_options.maxFiles) {
            m_result.stopped = true;
            return;
        }
        ++m_result.filesVisited;
        m_file = file;
        m_path = path;
        m_name = path.section(QLatin1Char('/'), -1); // a link is known by its own name
        classify(m_name, path);
    }

    // The file's text, or nothing (with a note) when it is too big to be a config file.
    bool readText(QString *text, QByteArray *bytes = nullptr)
    {
        if (m_file.size() > m_options.maxFileSize) {
            m_result.notes.append(QStringLiteral("%1 is larger than the scan's limit (%2 bytes); it was skipped.")
                                      .arg(m_path)
                                      .arg(m_options.maxFileSize));
            return false;
        }
        QFile f(m_file.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly)) {
            m_result.notes.append(QStringLiteral("%1 could not be opened (%2).").arg(m_path, f.errorString()));
            return false;
        }
        const QByteArray content = f.read(m_options.maxFileSize + 1);
        if (content.size() > m_options.maxFileSize)
            return false;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        *text = decoder(content);
        if (bytes)
            *bytes = content;
        return true;
    }

    void add(const QString &questionId, const QString &fieldId, const QVariant &value, const QString &note)
    {
        // Thirty manifests of one Kubernetes app are one suggestion, shown with the first.
        const QString key =
            questionId + QLatin1Char('\x1f') + fieldId + QLatin1Char('\x1f')
            + QString::fromUtf8(
                QJsonDocument(QJsonArray{QJsonValue::fromVariant(value)}).toJson(QJsonDocument::Compact));
        if (m_seen.contains(key))
            return;
        m_seen.insert(key);
        m_result.findings.append({questionId, fieldId, value, m_path, note});
    }

    void platform(const QString &choice, const QString &name, const QString &note)
    {
        add(QStringLiteral("7.1"), QStringLiteral("choice"), choice, note);
        add(QStringLiteral("7.1"), QStringLiteral("platform"), name, note);
    }

    void ci(const QString &letter, const QString &note)
    {
        add(QStringLiteral("7.4"), QStringLiteral("platform"), letter, note);
    }

    void classify(const QString &name, const QString &path)
    {
        const QString lower = name.toLower();
        const bool yaml = lower.endsWith(QLatin1String(".yml")) || lower.endsWith(QLatin1String(".yaml"));
        static const QRegularExpression composeName(QStringLiteral("^(?:docker-)?compose(?:\\.[\\w.-]+)?\\.ya?ml$"));
        static const QRegularExpression requirementsName(QStringLiteral("^requirements.*\\.txt$"));

        if (lower == QLatin1String("dockerfile") || lower.startsWith(QLatin1String("dockerfile."))
            || lower.endsWith(QLatin1String(".dockerfile")) || lower == QLatin1String("containerfile"))
            return dockerfile();
        if (composeName.match(lower).hasMatch())
            return compose();
        const Knowledge &knowledge = Knowledge::builtIn();
        for (const CiPlatformKnowledge &platform : knowledge.ciPlatforms()) {
            if (anyPatternMatches(platform.files, path))
                return ci(platform.choice, platform.evidence);
        }
        for (const CiNotOffered &other : knowledge.ciNotOffered()) {
            if (anyPatternMatches(other.files, path)) {
                m_result.notes.append(QStringLiteral("%1: %2").arg(path, other.note));
                return;
            }
        }
        if (lower == QLatin1String("chart.yaml"))
            return helmChart();
        if (lower == QLatin1String("kustomization.yaml") || lower == QLatin1String("kustomization.yml"))
            return platform(QStringLiteral("D"), QStringLiteral("Kubernetes (Kustomize)"),
                            QStringLiteral("Kustomize overlay"));
        if (lower == QLatin1String("fly.toml"))
            return flyToml();
        if (lower == QLatin1String("render.yaml"))
            return platform(QStringLiteral("B"), QStringLiteral("Render"), QStringLiteral("Render blueprint"));
        if (lower == QLatin1String("railway.json") || lower == QLatin1String("railway.toml"))
            return platform(QStringLiteral("B"), QStringLiteral("Railway"), QStringLiteral("Railway config"));
        if (lower == QLatin1String("vercel.json"))
            return platform(QStringLiteral("B"), QStringLiteral("Vercel"), QStringLiteral("Vercel config"));
        if (name == QLatin1String("Procfile"))
            return platform(QStringLiteral("B"), QStringLiteral("Heroku"), QStringLiteral("Heroku Procfile"));
        if (lower == QLatin1String("app.json"))
            return herokuAppJson();
        if (lower == QLatin1String("app.yaml") || lower == QLatin1String("app.yml"))
            return appEngine();
        if (lower == QLatin1String("serverless.yml") || lower == QLatin1String("serverless.yaml"))
            return serverless();
        if (lower.endsWith(QLatin1String(".tf")))
            return terraform();
        if (lower == QLatin1String("package.json"))
            return manifest(QStringLiteral("node"));
        if (requirementsName.match(lower).hasMatch() || lower == QLatin1String("pyproject.toml"))
            return manifest(QStringLiteral("python"));
        if (lower == QLatin1String("go.mod"))
            return manifest(QStringLiteral("go"));
        if (lower == QLatin1String("pom.xml") || lower == QLatin1String("build.gradle")
            || lower == QLatin1String("build.gradle.kts"))
            return manifest(QStringLiteral("java"));
        if (lower.endsWith(QLatin1String(".csproj")))
            return manifest(QStringLiteral("dotnet"));
        if (name == QLatin1String("Gemfile"))
            return manifest(QStringLiteral("ruby"));
        if (lower == QLatin1String("composer.json"))
            return manifest(QStringLiteral("php"));
        if (lower == QLatin1String("mix.exs"))
            return manifest(QStringLiteral("elixir"));
        if (path == QLatin1String(".env.example"))
            return envExample();
        if (yaml)
            return kubernetesManifest();
    }

    // ---- one reader per kind of file ----

    void dockerfile()
    {
        QString text;
        if (!readText(&text))
            return;
        static const QRegularExpression from(QStringLiteral("^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)"),
                                             QRegularExpression::CaseInsensitiveOption
                                                 | QRegularExpression::MultilineOption);
        static const QRegularExpression expose(QStringLiteral("^\\s*EXPOSE\\s+(\\d+)"),
                                               QRegularExpression::CaseInsensitiveOption
                                                   | QRegularExpression::MultilineOption);
        add(QStringLiteral("7.2"), QStringLiteral("choice"), QStringLiteral("A"), QStringLiteral("Dockerfile"));
        const QString image = captured(text, from);
        if (!image.isEmpty())
            add(QStringLiteral("7.2"), QStringLiteral("base_image"), image,
                QStringLiteral("first FROM of the Dockerfile"));
        const QString port = captured(text, expose);
        if (!port.isEmpty())
            add(ctx, QStringLiteral("port"), port.toDouble(), QStringLiteral("EXPOSE in the Dockerfile"));
    }

    void compose()
    {
        QString text;
        if (!readText(&text))
            return;
        const QList<ComposeService> services = composeServices(text);
        if (services.isEmpty())
            return;
        struct Store {
            const char *prefix;
            const char *field;
            const char *value;
        };
        static const Store stores[] = {
            {"postgres", "database", "postgresql"},
            {"postgis", "database", "postgresql"},
            {"mysql", "database", "mysql"},
            {"mariadb", "database", "mysql"},
            {"mongo", "database", "mongodb"},
            {"redis", "cache", "redis"},
            {"memcached", "cache", "memcached"},
            {"rabbitmq", "queue", "rabbitmq"},
            {"kafka", "queue", "kafka"},
            {"cp-kafka", "queue", "kafka"},
        };
        add(QStringLiteral("7.2"), QStringLiteral("choice"), QStringLiteral("A"),
            QStringLiteral("Docker Compose file"));
        QVariantList rows;
        for (const ComposeService &s : services) {
            QString image = s.image;
            if (image.isEmpty() && !s.build.isEmpty())
                image = QStringLiteral("build: ") + s.build;
            rows.append(QVariantMap{{QStringLiteral("service"), s.name},
                                    {QStringLiteral("image"), image},
                                    {QStringLiteral("ports"), s.ports.join(QLatin1String(", "))}});
        }
        add(QStringLiteral("7.2"), QStringLiteral("compose_services"), rows,
            QStringLiteral("%1 services in %2").arg(services.size()).arg(m_name));
        for (const ComposeService &s : services) {
            const QString name = imageName(s.image);
            for (const Store &store : stores) {
                if (!s.image.isEmpty() && name.startsWith(QLatin1String(store.prefix))) {
                    add(ctx, QLatin1String(store.field), QString::fromLatin1(store.value),
                        QStringLiteral("service \"%1\" runs %2").arg(s.name, s.image));
                    break;
                }
            }
        }
    }

    void helmChart()
    {
        QString text;
        if (!readText(&text))
            return;
        static const QRegularExpression name(QStringLiteral("^name:\\s*(.+)$"), QRegularExpression::MultilineOption);
        const QString chart = yamlScalar(captured(text, name));
        platform(QStringLiteral("D"), QStringLiteral("Kubernetes (Helm)"),
                 chart.isEmpty() ? QStringLiteral("Helm chart") : QStringLiteral("Helm chart \"%1\"").arg(chart));
    }

    void kubernetesManifest()
    {
        QString text;
        if (!readText(&text))
            return;
        static const QRegularExpression deployment(QStringLiteral("^kind:\\s*[\"']?Deployment[\"']?\\s*$"),
                                                   QRegularExpression::MultilineOption);
        static const QRegularExpression apiVersion(QStringLiteral("^apiVersion:"), QRegularExpression::MultilineOption);
        if (deployment.match(text).hasMatch() && apiVersion.match(text).hasMatch())
            platform(QStringLiteral("D"), QStringLiteral("Kubernetes"),
                     QStringLiteral("Kubernetes Deployment manifest"));
    }

    void flyToml()
    {
        platform(QStringLiteral("B"), QStringLiteral("Fly.io"), QStringLiteral("Fly.io app config"));
        QString text;
        if (!readText(&text))
            return;
        static const QRegularExpression port(QStringLiteral("^\\s*internal_port\\s*=\\s*(\\d+)"),
                                             QRegularExpression::MultilineOption);
        const QString p = captured(text, port);
        if (!p.isEmpty())
            add(ctx, QStringLiteral("port"), p.toDouble(), QStringLiteral("internal_port in fly.toml"));
    }

    // app.json is also Expo's and others' name; Heroku's has buildpacks, formation or addons.
    void herokuAppJson()
    {
        QString text;
        if (!readText(&text))
            return;
        static const QRegularExpression heroku(QStringLiteral("\"(?:buildpacks|formation|addons|stack)\"\\s*:"));
        if (heroku.match(text).hasMatch())
            platform(QStringLiteral("B"), QStringLiteral("Heroku"), QStringLiteral("Heroku app.json"));
    }

    // app.yaml is a common name; App Engine's starts from a `runtime:` key.
    void appEngine()
    {
        QString text;
        if (!readText(&text))
            return;
        static const QRegularExpression runtime(QStringLiteral("^runtime:"), QRegularExpression::MultilineOption);
        if (runtime.match(text).hasMatch())
            platform(QStringLiteral("A"), QStringLiteral("Google Cloud (App Engine)"),
                     QStringLiteral("App Engine app.yaml"));
    }

    void serverless()
    {
        QString text;
        if (!readText(&text))
            return;
        static const QRegularExpression provider(
            QStringLiteral("^provider:[ \\t]*\\n(?:[ \\t]+.*\\n)*?[ \\t]+name:[ \\t]*(\\w+)|^provider:[ \\t]*(\\w+)"),
            QRegularExpression::MultilineOption);
        const auto m = provider.match(text);
        const QString name = (m.captured(1) + m.captured(2)).toLower();
        if (name == QLatin1String("google"))
            platform(QStringLiteral("A"), QStringLiteral("Google Cloud Functions"),
                     QStringLiteral("Serverless Framework (google)"));
        else if (name == QLatin1String("azure"))
            platform(QStringLiteral("A"), QStringLiteral("Azure Functions"),
                     QStringLiteral("Serverless Framework (azure)"));
        else
            platform(QStringLiteral("A"), QStringLiteral("AWS Lambda"), QStringLiteral("Serverless Framework (aws)"));
    }

    void terraform()
    {
        QString text;
        if (!readText(&text))
            return;
        struct TfRule {
            const char *pattern;
            const char *question;
            const char *field;
            const char *value;
            const char *platform;
            const char *note;
        };
        static const TfRule rules[] = {
            {"provider\\s+\"aws\"|source\\s*=\\s*\"hashicorp/aws\"", "7.1", "choice", "A", "AWS",
             "Terraform provider \"aws\""},
            {"provider\\s+\"google(?:-beta)?\"|source\\s*=\\s*\"hashicorp/google\"", "7.1", "choice", "A",
             "Google Cloud", "Terraform provider \"google\""},
            {"provider\\s+\"azurerm\"|source\\s*=\\s*\"hashicorp/azurerm\"", "7.1", "choice", "A", "Azure",
             "Terraform provider \"azurerm\""},
            {"terraform-aws-modules/eks/aws|resource\\s+\"aws_eks_cluster\"", "7.1", "choice", "D",
             "Kubernetes (Amazon EKS)", "EKS cluster in Terraform"},
            {"terraform-google-modules/kubernetes-engine|resource\\s+\"google_container_cluster\"", "7.1", "choice",
             "D", "Kubernetes (GKE)", "GKE cluster in Terraform"},
            {"resource\\s+\"azurerm_kubernetes_cluster\"", "7.1", "choice", "D", "Kubernetes (AKS)",
             "AKS cluster in Terraform"},
            {"terraform-aws-modules/ecs/aws|resource\\s+\"aws_ecs_(?:service|cluster)\"", "7.1", "choice", "A",
             "AWS ECS", "ECS in Terraform"},
            {"resource\\s+\"aws_codepipeline\"", "7.4", "platform", "F", nullptr, "CodePipeline in Terraform"},
            {"engine\\s*=\\s*\"(?:aurora-)?postgres(?:ql)?\"", "context", "database", "postgresql", nullptr,
             "RDS engine postgres"},
            {"engine\\s*=\\s*\"(?:aurora-)?mysql\"|engine\\s*=\\s*\"mariadb\"", "context", "database", "mysql", nullptr,
             "RDS engine mysql"},
            {"resource\\s+\"aws_elasticache_\\w+\"", "context", "cache", "redis", nullptr, "ElastiCache in Terraform"},
            {"resource\\s+\"aws_sqs_queue\"", "context", "queue", "sqs", nullptr, "SQS queue in Terraform"},
            {"resource\\s+\"aws_msk_cluster\"", "context", "queue", "kafka", nullptr, "MSK (Kafka) in Terraform"},
        };
        static const QList<QRegularExpression> patterns = [] {
            QList<QRegularExpression> list;
            for (const TfRule &rule : rules)
                list.append(re(QLatin1String(rule.pattern)));
            return list;
        }();
        for (int k = 0; k < int(std::size(rules)); ++k) {
            const TfRule &rule = rules[k];
            if (!patterns.at(k).match(text).hasMatch())
                continue;
            if (rule.platform)
                platform(QLatin1String(rule.value), QLatin1String(rule.platform), QLatin1String(rule.note));
            else
                add(QLatin1String(rule.question), QLatin1String(rule.field), QLatin1String(rule.value),
                    QLatin1String(rule.note));
        }
    }

    void manifest(const QString &runtime)
    {
        QString text;
        QByteArray bytes;
        if (!readText(&text, &bytes))
            return;
        QString error;
        const QStringList deps = manifestDependencies(m_name, text, bytes, &error);
        if (!error.isEmpty()) {
            m_result.notes.append(QStringLiteral("%1 %2; its dependencies were not read.").arg(m_path, error));
            return;
        }
        add(ctx, QStringLiteral("runtime"), runtime, QStringLiteral("%1 manifest").arg(m_name));
        for (const LibraryEvidenceRule &rule : Knowledge::builtIn().libraryRules()) {
            const QString dep = firstMatch(deps, rule.patterns);
            if (dep.isEmpty())
                continue;
            QString note = rule.note;
            note.replace(QLatin1String("{package}"), dep);
            for (const SuggestedAnswer &s : rule.suggests)
                add(s.question, s.field, s.value, note);
        }
    }

    static QString firstMatch(const QStringList &names, const QList<QRegularExpression> &patterns)
    {
        for (const QString &n : names) {
            for (const QRegularExpression &p : patterns) {
                if (p.match(n).hasMatch())
                    return n;
            }
        }
        return {};
    }

    void envExample()
    {
        QString text;
        if (!readText(&text))
            return;
        const QStringList names = envVariableNames(text);
        if (!names.isEmpty())
            add(QStringLiteral("env"), QStringLiteral("variables"), names,
                QStringLiteral("%1 variables in your .env.example").arg(names.size()));
    }

    QString m_root;
    ScanOptions m_options;
    ScanResult m_result;
    QSet<QString> m_seen;
    QFileInfo m_file; // the file being read (the link's target for linked files)
    QString m_path;   // its path as found, relative to the project
    QString m_name;   // its name as found
};

} // namespace

ScanResult scanProject(const QString &projectDir, const ScanOptions &options)
{
    ScanResult result = Scanner(projectDir, options).run();
    // The commands run from the project folder: read off its top-level files only.
    result.findings += localCommandFindings(projectDir, &result.notes);
    return result;
}

QStringList textLines(const QString &text)
{
    QStringList list = text.split(QLatin1Char('\n'));
    for (QString &l : list) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    return list;
}

QString scanparts::captured(const QString &text, const QRegularExpression &pattern, int group)
{
    const auto m = pattern.match(text);
    return m.hasMatch() ? m.captured(group) : QString();
}

QStringList envVariableNames(const QString &text)
{
    static const QRegularExpression assignment(QStringLiteral("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*="));
    QStringList names;
    for (const QString &line : textLines(text)) {
        const QString name = captured(line, assignment);
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace opsflow
