// Reading an existing project folder: ai-flow's config, the project name, context files and
// the facts earlier phases already wrote down. Nothing here writes; nothing here may crash
// on a strange folder (links out of the project, huge files, bytes that are not UTF-8).
#include "projectcontext.h"

#include "evidencescan.h"
#include "knowledge.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

namespace opsflow {

namespace {

const QString configPath = QStringLiteral(".ai-flow/core/config.json");

bool isInside(const QString &canonicalDir, const QString &canonicalPath)
{
    return canonicalPath == canonicalDir || canonicalPath.startsWith(canonicalDir + QLatin1Char('/'));
}

QString sizeText(qint64 bytes)
{
    constexpr qint64 mib = qint64(1024) * 1024;
    if (bytes >= mib && bytes % mib == 0)
        return QStringLiteral("%1 MiB").arg(bytes / mib);
    return QStringLiteral("%1 bytes").arg(bytes);
}

int lineAt(const QString &text, qsizetype offset)
{
    return int(QStringView(text).left(offset).count(QLatin1Char('\n'))) + 1;
}

QString where(const QString &path, int line)
{
    return QStringLiteral("%1:%2").arg(path).arg(line);
}

// Reads each file once, so a document looked at for two reasons gives one note. Returns
// copies (the bytes are shared): a reference into the hash would not survive the next read.
class FileCache
{
public:
    FileCache(const QString &projectDir, QStringList *notes) : m_dir(projectDir), m_notes(notes) { }

    ProjectFile get(const QString &path)
    {
        auto it = m_files.constFind(path);
        if (it == m_files.constEnd()) {
            it = m_files.insert(path, readProjectFile(m_dir, path));
            if (!it->note.isEmpty())
                m_notes->append(it->note);
        }
        return *it;
    }

private:
    QString m_dir;
    QStringList *m_notes;
    QHash<QString, ProjectFile> m_files;
};

// ---- .ai-flow/core/config.json ---------------------------------------------------------

void readAiFlowConfig(FileCache &files, ProjectContext *context)
{
    const ProjectFile file = files.get(configPath);
    if (!file.read)
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.content, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString what = error.error != QJsonParseError::NoError
            ? QStringLiteral("is not valid JSON at line %1 (%2)")
                  .arg(file.content.left(error.offset).count('\n') + 1)
                  .arg(error.errorString())
            : QStringLiteral("does not hold a JSON object");
        context->notes.append(QStringLiteral("%1 %2; its settings were ignored.").arg(configPath, what));
        return;
    }
    context->aiFlowConfig = true;
    const QJsonObject config = doc.object();
    // ai-flow writes the version as a string; tolerate a number rather than drop it.
    const QJsonValue version = config.value(QLatin1String("version"));
    if (version.isString())
        context->aiFlowVersion = version.toString();
    else if (version.isDouble())
        context->aiFlowVersion = QString::number(version.toDouble());

    const QJsonValue type = config.value(QLatin1String("projectType"));
    if (type.isString()) {
        context->projectType = type.toString();
        if (context->projectType != QLatin1String("backend")) {
            context->warning =
                QStringLiteral("%1 says this is a \"%2\" project, but these are "
                               "ai-flow's backend Phase 7 questions: some may not apply. OpsFlow writes the same "
                               "three documents as for a backend service.")
                    .arg(configPath, context->projectType);
        }
    } else if (!type.isUndefined()) {
        context->notes.append(QStringLiteral("%1: projectType must be a string; it was ignored.").arg(configPath));
    }

    for (const char *key : {"name", "projectName"}) {
        const QString name = config.value(QLatin1String(key)).toString().trimmed();
        if (!name.isEmpty()) {
            context->projectName = name;
            context->projectNameSource = configPath;
            return;
        }
    }
}

// ---- project name ----------------------------------------------------------------------

// The first level-one heading outside code blocks ("# Name" or "Name" over "===").
QString readmeTitle(const QString &text, int *line)
{
    static const QRegularExpression atx(QStringLiteral("^#[ \\t]+(.*?)(?:[ \\t]+#+)?$"));
    static const QRegularExpression setext(QStringLiteral("^ {0,3}=+[ \\t]*$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    bool inFence = false;
    for (int i = 0; i < lines.size(); ++i) {
        QString l = lines.at(i).trimmed();
        if (l.startsWith(QLatin1String("```")) || l.startsWith(QLatin1String("~~~"))) {
            inFence = !inFence;
            continue;
        }
        if (inFence || l.isEmpty())
            continue;
        const auto m = atx.match(l);
        if (m.hasMatch() && !m.captured(1).isEmpty()) {
            *line = i + 1;
            return m.captured(1);
        }
        if (i + 1 < lines.size() && setext.match(lines.at(i + 1).trimmed()).hasMatch()) {
            *line = i + 1;
            return l;
        }
    }
    return {};
}

// ai-flow's own statements of the project's name, the most explicit first: ai-instructions.md's
// "**Name:** NAME", AGENT.md's "**Project Name:** NAME" (phase 8), project-brief.md's
// "> Business context and objectives for NAME" (phase 1).
struct NameLine {
    const char *path;
    const char *pattern;
};
const NameLine aiFlowNameLines[] = {
    {"ai-instructions.md", "^\\s*(?:[-*]\\s+)?\\*\\*Name:\\*\\*\\s*(.+?)\\s*$"},
    {"AGENT.md", "^\\s*(?:[-*]\\s+)?\\*\\*Project Name:\\*\\*\\s*(.+?)\\s*$"},
    {"project-brief.md", "^>\\s*Business context and objectives for\\s+(.+?)\\.?\\s*$"},
};

// A name or value as ai-flow wrote it, or empty when the line still holds a template's placeholder
// ("[Project Name]", "{{PROJECT_NAME}}").
QString statedText(const QString &text)
{
    QString name = text.trimmed();
    if (name.isEmpty() || name.contains(QLatin1String("{{"))
        || (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']'))))
        return {};
    return name;
}

void findAiFlowName(FileCache &files, ProjectContext *context)
{
    for (const NameLine &rule : aiFlowNameLines) {
        const ProjectFile file = files.get(QLatin1String(rule.path));
        if (!file.read)
            continue;
        const QRegularExpression pattern(QLatin1String(rule.pattern));
        const QStringList lines = file.text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const QString name = statedText(pattern.match(lines.at(i)).captured(1));
            if (!name.isEmpty()) {
                context->projectName = name;
                context->projectNameSource = where(file.path, i + 1);
                return;
            }
        }
    }
}

void findProjectName(FileCache &files, const QString &projectDir, ProjectContext *context)
{
    if (context->projectName.isEmpty())
        findAiFlowName(files, context);
    if (context->projectName.isEmpty()) {
        for (const char *name : {"README.md", "Readme.md", "readme.md", "README.markdown"}) {
            const ProjectFile readme = files.get(QLatin1String(name));
            if (!readme.read)
                continue;
            int line = 0;
            const QString title = readmeTitle(readme.text, &line);
            if (!title.isEmpty()) {
                context->projectName = title;
                context->projectNameSource = where(readme.path, line);
            }
            break;
        }
    }
    if (context->projectName.isEmpty()) {
        context->projectName = QFileInfo(projectDir).fileName();
        context->projectNameSource = QStringLiteral("folder name");
    }
    context->suggestions.append({QStringLiteral("context"), QStringLiteral("project_name"), context->projectName,
                                 context->projectNameSource,
                                 QStringLiteral("Project name from %1").arg(context->projectNameSource)});
}

// ---- facts named in earlier phases' documents -----------------------------------------

struct Mention {
    const char *field;
    const char *value;
    const char *label;
    const char *pattern;
};

// In each field's group, the most mentioned engine wins; ties go to the earlier row.
const Mention mentions[] = {
    {"database", "postgresql", "PostgreSQL", "\\bpostgres(?:ql)?\\b"},
    {"database", "mysql", "MySQL", "\\b(?:mysql|mariadb)\\b"},
    {"database", "mongodb", "MongoDB", "\\bmongo(?:db)?\\b"},
    {"database", "sqlite", "SQLite", "\\bsqlite3?\\b"},
    {"cache", "redis", "Redis", "\\bredis\\b"},
    {"cache", "memcached", "Memcached", "\\bmemcached?\\b"},
    {"queue", "rabbitmq", "RabbitMQ", "\\brabbitmq\\b"},
    {"queue", "kafka", "Apache Kafka", "\\bkafka\\b"},
    {"queue", "sqs", "Amazon SQS", "\\bsqs\\b"},
};

struct Tally {
    int lines = 0;
    QString firstEvidence;
};

// The earlier phases' docs: docs/*.md, specs/*.md and ai-instructions.md. The files phase 7
// writes itself are left out: they repeat our own previous answers, not the team's choices.
QStringList earlierDocs(const QString &projectDir)
{
    QStringList paths;
    for (const char *folder : {"docs", "specs"}) {
        const QDir dir(QDir(projectDir).filePath(QLatin1String(folder)));
        const QStringList names = dir.entryList({QStringLiteral("*.md")}, QDir::Files | QDir::Hidden, QDir::Name);
        for (const QString &name : names)
            paths.append(QLatin1String(folder) + QLatin1Char('/') + name);
    }
    paths.append(QStringLiteral("ai-instructions.md"));
    paths.removeAll(QStringLiteral("docs/operations.md"));
    paths.removeAll(QStringLiteral("specs/configuration.md"));
    return paths;
}

void suggestFromMentions(FileCache &files, const QString &projectDir, ProjectContext *context)
{
    constexpr int count = int(std::size(mentions));
    static const QList<QRegularExpression> patterns = [] {
        QList<QRegularExpression> list;
        for (const Mention &m : mentions)
            list.append(QRegularExpression(QLatin1String(m.pattern), QRegularExpression::CaseInsensitiveOption));
        return list;
    }();
    Tally tallies[count];
    for (const QString &path : earlierDocs(projectDir)) {
        const ProjectFile file = files.get(path);
        if (!file.read)
            continue;
        const QStringList lines = file.text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            for (int k = 0; k < count; ++k) {
                if (!patterns.at(k).match(lines.at(i)).hasMatch())
                    continue;
                if (tallies[k].lines++ == 0)
                    tallies[k].firstEvidence = where(path, i + 1);
            }
        }
    }
    for (const char *field : {"database", "cache", "queue"}) {
        int best = -1;
        for (int k = 0; k < count; ++k) {
            if (qstrcmp(mentions[k].field, field) == 0 && tallies[k].lines > 0
                && (best < 0 || tallies[k].lines > tallies[best].lines))
                best = k;
        }
        if (best < 0)
            continue;
        const Mention &m = mentions[best];
        context->suggestions.append({QStringLiteral("context"), QLatin1String(m.field), QString::fromLatin1(m.value),
                                     tallies[best].firstEvidence,
                                     QStringLiteral("%1 is named in the earlier phases' docs (%2 line%3)")
                                         .arg(QLatin1String(m.label))
                                         .arg(tallies[best].lines)
                                         .arg(tallies[best].lines == 1 ? QString() : QStringLiteral("s"))});
    }
}

// ai-instructions.md states the stack in a "Runtime:" or "Language:" line.
void suggestRuntime(FileCache &files, ProjectContext *context)
{
    const ProjectFile file = files.get(QStringLiteral("ai-instructions.md"));
    if (!file.read)
        return;
    static const QRegularExpression cue(QStringLiteral("\\b(?:runtime|language|stack|framework)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = file.text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (!cue.match(lines.at(i)).hasMatch())
            continue;
        for (const RuntimeKnowledge &r : Knowledge::builtIn().runtimeNames()) {
            if (r.names.isValid() && !r.names.pattern().isEmpty() && r.names.match(lines.at(i)).hasMatch()) {
                context->suggestions.append({QStringLiteral("context"), QStringLiteral("runtime"), r.id,
                                             where(file.path, i + 1),
                                             QStringLiteral("Runtime named in ai-instructions.md")});
                return;
            }
        }
    }
}

// ai-instructions.md's Tech Stack names how the service is deployed, contained, built and
// migrated: suggestions for 7.1, 7.2, 7.4 and 7.7.1, each with its line. Deployment and CI/CD
// are read by the same document rules as a hand-written deployment document.
void suggestFromTechStack(FileCache &files, ProjectContext *context)
{
    const ProjectFile file = files.get(QStringLiteral("ai-instructions.md"));
    if (!file.read)
        return;
    static const QRegularExpression entry(
        QStringLiteral("^\\s*[-*]\\s+\\*\\*(Deployment|CI/CD|Containerization|Migrations):\\*\\*\\s*(.+?)\\s*$"));
    static const QRegularExpression nothing(QStringLiteral("^(?:(?:none|no|n/?a|not used)\\b|-+$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression containers(QStringLiteral("\\b(?:docker|podman|containers?|oci)\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
    // Only the Deployment and CI/CD lines go to the document rules, at their own line numbers.
    ProjectFile stack = file;
    QStringList kept;
    const QStringList lines = file.text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = entry.match(lines.at(i));
        const QString key = m.captured(1);
        const QString value = statedText(m.captured(2));
        const bool stated = m.hasMatch() && !value.isEmpty();
        kept.append(stated && (key == u"Deployment" || key == u"CI/CD") ? lines.at(i) : QString());
        if (!stated)
            continue;
        const QString at = where(file.path, i + 1);
        if (key == u"Containerization") {
            const bool none = nothing.match(value).hasMatch();
            if (none || containers.match(value).hasMatch())
                context->suggestions.append({QStringLiteral("7.2"), QStringLiteral("choice"),
                                             none ? QStringLiteral("B") : QStringLiteral("A"), at,
                                             QStringLiteral("Containerization in ai-instructions.md: %1").arg(value)});
        } else if (key == u"Migrations" && !nothing.match(value).hasMatch()) {
            context->suggestions.append({QStringLiteral("7.7.1"), QStringLiteral("tool"), value, at,
                                         QStringLiteral("Migrations in ai-instructions.md")});
        }
    }
    stack.text = kept.join(QLatin1Char('\n'));
    for (Finding finding : importFromDocument(stack).findings) {
        finding.note = QStringLiteral("Tech Stack in ai-instructions.md");
        context->suggestions.append(finding);
    }
}

} // namespace

bool Finding::operator==(const Finding &other) const
{
    return questionId == other.questionId && fieldId == other.fieldId && value == other.value
        && evidence == other.evidence && note == other.note;
}

ProjectFile readProjectFile(const QString &projectDir, const QString &relativePath, qint64 maxSize)
{
    ProjectFile file;
    file.path = relativePath;
    const QFileInfo info(QDir(projectDir).filePath(relativePath));
    if (!info.exists() && !info.isSymLink())
        return file;
    file.exists = true;

    // Resolving every link (of the file and of its folders) is what tells us where the bytes
    // really are; a document that lives outside the project is not the project's to read.
    const QString root = QFileInfo(projectDir).canonicalFilePath();
    const QString real = info.canonicalFilePath();
    if (real.isEmpty()) {
        file.note = QStringLiteral("%1 is a broken link; it was not read.").arg(relativePath);
        return file;
    }
    if (root.isEmpty() || !isInside(root, real)) {
        file.note = QStringLiteral("%1 links outside the project; it was not read.").arg(relativePath);
        return file;
    }
    const QFileInfo target(real);
    if (!target.isFile()) {
        file.note = QStringLiteral("%1 is not a regular file; it was not read.").arg(relativePath);
        return file;
    }
    if (target.size() > maxSize) {
        file.note = QStringLiteral("%1 is larger than %2; it was skipped.").arg(relativePath, sizeText(maxSize));
        return file;
    }
    QFile f(real);
    if (!f.open(QIODevice::ReadOnly)) {
        file.note = QStringLiteral("%1 could not be opened (%2).").arg(relativePath, f.errorString());
        return file;
    }
    // Read at most one byte past the limit: the file may have grown since it was measured.
    file.content = f.read(maxSize + 1);
    if (file.content.size() > maxSize) {
        file.content.clear();
        file.note = QStringLiteral("%1 is larger than %2; it was skipped.").arg(relativePath, sizeText(maxSize));
        return file;
    }
    file.read = true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    file.text = decoder(file.content);
    if (decoder.hasError()) {
        file.note = QStringLiteral("%1 is not valid UTF-8; it was read with replacement characters.").arg(relativePath);
    }
    return file;
}

QString findTestCommand(const QString &text, int *line)
{
    // Commands as typed in a terminal, with their flags and path arguments, but not the prose
    // that follows ("pytest for unit tests" gives "pytest").
    static const QRegularExpression command(
        QStringLiteral("(?<![\\w./-])("
                       "(?:npm|pnpm|yarn)[ \\t]+(?:run[ \\t]+)?test(?::[\\w:-]+)?"
                       "|npx[ \\t]+(?:jest|vitest|mocha)"
                       "|(?:python3?[ \\t]+-m[ \\t]+)?pytest"
                       "|go[ \\t]+test"
                       "|mvn[ \\t]+(?:-\\S+[ \\t]+)*(?:test|verify)"
                       "|(?:\\./)?gradlew[ \\t]+test|gradle[ \\t]+test"
                       "|dotnet[ \\t]+test|cargo[ \\t]+test|make[ \\t]+test|bundle[ \\t]+exec[ \\t]+rspec"
                       ")(?:[ \\t]+(?:-{1,2}[\\w=.:/-]+|[\\w.-]*/[\\w./-]*|[\\w./-]*\\.\\.\\.))*(?![\\w])"));
    static const QRegularExpression codeSpan(QStringLiteral("`([^`\\n]+)`"));

    // What the docs show as code is what the team runs; prose mentions only come second.
    const QStringList lines = text.split(QLatin1Char('\n'));
    bool inFence = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (l.trimmed().startsWith(QLatin1String("```")) || l.trimmed().startsWith(QLatin1String("~~~"))) {
            inFence = !inFence;
            continue;
        }
        QStringList code;
        if (inFence)
            code.append(l);
        for (auto it = codeSpan.globalMatch(l); it.hasNext();)
            code.append(it.next().captured(1));
        for (const QString &c : std::as_const(code)) {
            const auto m = command.match(c);
            if (m.hasMatch()) {
                if (line)
                    *line = i + 1;
                return m.captured(0).simplified();
            }
        }
    }
    const auto m = command.match(text);
    if (!m.hasMatch())
        return {};
    if (line)
        *line = lineAt(text, m.capturedStart());
    return m.captured(0).simplified();
}

ProjectContext readProjectContext(const QString &projectDir)
{
    ProjectContext context;
    context.projectDir = QFileInfo(projectDir).canonicalFilePath();
    FileCache files(projectDir, &context.notes);

    readAiFlowConfig(files, &context);
    findProjectName(files, projectDir, &context);

    context.testing = files.get(QStringLiteral("docs/testing.md"));
    context.aiInstructions = files.get(QStringLiteral("ai-instructions.md"));
    context.deployment = files.get(QStringLiteral("docs/deployment.md"));
    context.operations = files.get(QStringLiteral("docs/operations.md"));
    context.configuration = files.get(QStringLiteral("specs/configuration.md"));
    context.envExample = files.get(QStringLiteral(".env.example"));

    for (const ProjectFile *source : {&context.testing, &context.aiInstructions}) {
        int line = 0;
        context.testCommand = findTestCommand(source->text, &line);
        if (!context.testCommand.isEmpty()) {
            context.testCommandEvidence = where(source->path, line);
            break;
        }
    }

    suggestRuntime(files, &context);
    suggestFromMentions(files, projectDir, &context);
    suggestFromTechStack(files, &context);
    return context;
}

} // namespace opsflow
