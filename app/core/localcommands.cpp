// Reading the install and start commands off a project's top-level files (see localcommands.h).
#include "localcommands.h"

#include "knowledge.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace opsflow {

namespace {

class Reader
{
public:
    Reader(const QString &projectDir, QStringList *notes) : m_dir(projectDir), m_notes(notes) { }

    // The files a name stands for: itself, or for "*.ext" every such file at the top, sorted.
    QStringList present(const QString &name) const
    {
        if (!name.startsWith(QLatin1String("*.")))
            return QFileInfo::exists(QDir(m_dir).filePath(name)) || QFileInfo(QDir(m_dir).filePath(name)).isSymLink()
                ? QStringList{name}
                : QStringList();
        return QDir(m_dir).entryList({name}, QDir::Files | QDir::Hidden, QDir::Name);
    }

    // The file as text, read once; null when it cannot be used (the note says why).
    const ProjectFile *text(const QString &path)
    {
        auto it = m_files.find(path);
        if (it == m_files.end())
            it = m_files.insert(path, readProjectFile(m_dir, path));
        const ProjectFile &file = *it;
        if (!file.note.isEmpty() && m_notes && !m_notes->contains(file.note))
            m_notes->append(file.note);
        // Replacement characters in a command would be a command nobody can run.
        return file.read && file.note.isEmpty() ? &file : nullptr;
    }

    // The rule's command and its evidence when the project satisfies it.
    std::optional<Finding> start(const LocalCommandRule &rule)
    {
        for (const QString &path : present(rule.file)) {
            if (!rule.script.isEmpty()) {
                if (const auto line = scriptLine(path, rule.script))
                    return found(rule.command, evidence(path, *line));
                continue;
            }
            if (!rule.line.isValid() || rule.line.pattern().isEmpty())
                return found(rule.command, path);
            const ProjectFile *file = text(path);
            if (!file)
                continue;
            const QStringList lines = file->text.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                QString line = lines.at(i);
                if (line.endsWith(QLatin1Char('\r')))
                    line.chop(1);
                const QRegularExpressionMatch m = rule.line.match(line);
                if (!m.hasMatch())
                    continue;
                QString command = rule.command;
                for (int g = rule.line.captureCount(); g >= 1; --g)
                    command.replace(QStringLiteral("{%1}").arg(g), m.captured(g).trimmed());
                if (!command.trimmed().isEmpty())
                    return found(command.trimmed(), evidence(path, int(i) + 1));
            }
        }
        return std::nullopt;
    }

private:
    static QString evidence(const QString &path, int line) { return QStringLiteral("%1:%2").arg(path).arg(line); }

    static Finding found(const QString &command, const QString &evidence)
    {
        return {QStringLiteral("context"), QStringLiteral("start_command"), command, evidence,
                QStringLiteral("Starts the service")};
    }

    // The line of package.json where scripts.<name> is given, when it is a command.
    std::optional<int> scriptLine(const QString &path, const QString &name)
    {
        const ProjectFile *file = text(path);
        if (!file)
            return std::nullopt;
        QJsonParseError error{};
        const QJsonDocument json = QJsonDocument::fromJson(file->content, &error);
        const QJsonValue script = json.object().value(QLatin1String("scripts")).toObject().value(name);
        if (error.error != QJsonParseError::NoError || script.toString().trimmed().isEmpty())
            return std::nullopt;
        // The first "<name>": after the line that opens "scripts".
        const QStringList lines = file->text.split(QLatin1Char('\n'));
        const QString key = QLatin1Char('"') + name + QStringLiteral("\"");
        bool inScripts = false;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            inScripts = inScripts || lines.at(i).contains(QLatin1String("\"scripts\""));
            if (inScripts && lines.at(i).contains(key))
                return int(i) + 1;
        }
        return 1;
    }

    QString m_dir;
    QStringList *m_notes;
    QHash<QString, ProjectFile> m_files;
};

} // namespace

QList<Finding> localCommandFindings(const QString &projectDir, QStringList *notes)
{
    const LocalCommandsKnowledge &known = Knowledge::builtIn().localCommands();
    Reader reader(projectDir, notes);
    QList<Finding> findings;
    QList<LocalCommandRule> startRules;
    for (const PackageManagerKnowledge &manager : known.packageManagers) {
        QStringList shown;
        for (const QString &name : manager.files)
            shown += reader.present(name);
        if (shown.isEmpty())
            continue;
        findings.append({QStringLiteral("context"), QStringLiteral("install_command"), manager.install, shown.first(),
                         QStringLiteral("Installs the dependencies with %1").arg(manager.name)});
        startRules = manager.start;
        break;
    }
    startRules += known.start;
    for (const LocalCommandRule &rule : std::as_const(startRules)) {
        if (const auto start = reader.start(rule)) {
            findings.append(*start);
            break;
        }
    }
    return findings;
}

} // namespace opsflow
