// Stamp, merge with what is on disk, then plan: the one way documents reach a project.
#include "regeneration.h"

#include "envfile.h"
#include "projectcontext.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace opsflow {

namespace {

// A record is what OpsFlow generated: far below this, unless someone put something else there.
constexpr qint64 recordLimit = qint64(16) * 1024 * 1024;

bool isMarkdown(const QString &path)
{
    return path.endsWith(QLatin1String(".md"));
}

bool isEnvExample(const QString &path)
{
    return path == QLatin1String(".env.example") || path.endsWith(QLatin1String("/.env.example"));
}

bool isConfiguration(const QString &path)
{
    return path == QLatin1String("specs/configuration.md");
}

// The part of a configuration document that lists what the service reads: its "Environment
// Variables" section when it has one (the deployment and alerting secrets further down are
// read by other tools and are not in .env.example by design), else all of it.
QString variablesPart(const QString &document)
{
    static const QRegularExpression heading(QStringLiteral("^## Environment Variables[ \\t]*$"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression next(QStringLiteral("^## "), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch start = heading.match(document);
    if (!start.hasMatch())
        return document;
    const QRegularExpressionMatch end = next.match(document, start.capturedEnd());
    return document.mid(start.capturedStart(),
                        end.hasMatch() ? end.capturedStart() - start.capturedStart() : qsizetype(-1));
}

// The variables a configuration document lists: the first cell of its table rows, in code.
QStringList configurationVariables(const QByteArray &text)
{
    static const QRegularExpression row(QStringLiteral("^\\|\\s*`([A-Za-z_][A-Za-z0-9_.-]*)`\\s*\\|"),
                                        QRegularExpression::MultilineOption);
    QStringList names;
    for (auto it = row.globalMatch(variablesPart(QString::fromUtf8(text))); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QStringList envVariables(const QByteArray &text)
{
    QStringList names;
    for (const EnvEntry &entry : parseEnvFile(text)) {
        if (entry.kind == EnvEntry::Kind::Assignment && !names.contains(entry.key))
            names.append(entry.key);
    }
    return names;
}

// After a merge the team's rows and variables are in one file: say where the two differ.
QStringList disagreements(const WritePlan &plan)
{
    const PlannedFile *configuration = nullptr;
    const PlannedFile *env = nullptr;
    for (const PlannedFile &file : plan.files) {
        if (file.status == PlannedFile::Status::Blocked)
            continue;
        if (isConfiguration(file.path))
            configuration = &file;
        else if (isEnvExample(file.path))
            env = &file;
    }
    if (!configuration || !env)
        return {};
    const QStringList documented = configurationVariables(configuration->newContent);
    const QStringList listed = envVariables(env->newContent);
    QStringList out;
    for (const QString &name : documented) {
        if (!listed.contains(name))
            out.append(QStringLiteral("%1 is in specs/configuration.md but not in .env.example.").arg(name));
    }
    for (const QString &name : listed) {
        if (!documented.contains(name))
            out.append(QStringLiteral("%1 is in .env.example but not in specs/configuration.md.").arg(name));
    }
    return out;
}

// The plan's verdict after the new content changed.
void refresh(PlannedFile &file)
{
    file.status = file.oldContent == file.newContent ? PlannedFile::Status::Unchanged : PlannedFile::Status::Changed;
}

} // namespace

QString lastGeneratedPath(const QString &documentPath)
{
    return QStringLiteral(".ai-flow/opsflow/last-generated/") + documentPath;
}

bool RegenerationPlan::hasConflicts() const
{
    return std::any_of(merges.begin(), merges.end(), [](const FileMerge &m) { return !m.conflicts.isEmpty(); });
}

RegenerationPlan planRegeneration(const QString &projectDir, const QList<GeneratedFile> &generated,
                                  const QHash<QString, QHash<QString, ConflictChoice>> &choices)
{
    // Markdown is written stamped (each section's hash in its begin marker), so the next
    // regeneration can tell a section the user edited from one it may replace.
    QList<GeneratedFile> stamped = generated;
    for (GeneratedFile &file : stamped) {
        if (isMarkdown(file.path))
            file.content = stampSections(file.content);
    }
    RegenerationPlan result;
    result.plan = planWrite(projectDir, stamped);
    // What each document's record will hold: the generation, but see below.
    QHash<QString, QByteArray> recordOf;
    for (const GeneratedFile &file : stamped)
        recordOf.insert(file.path, file.content);
    for (PlannedFile &file : result.plan.files) {
        if (file.status != PlannedFile::Status::Changed)
            continue; // new, unchanged or blocked: nothing on disk to merge with
        FileMerge merge;
        merge.path = file.path;
        if (isMarkdown(file.path)) {
            const ProjectFile last = readProjectFile(projectDir, lastGeneratedPath(file.path), recordLimit);
            const MergeResult merged = mergeDocument(file.oldContent, file.newContent, choices.value(file.path),
                                                     last.read ? last.content : QByteArray());
            // Sections where the team's text was kept over a conflict keep their old base.
            QStringList keptIds;
            for (const SectionConflict &conflict : merged.conflicts) {
                if (choices.value(file.path).value(conflict.id, ConflictChoice::KeepMine) == ConflictChoice::KeepMine)
                    keptIds.append(conflict.id);
            }
            if (last.read && !keptIds.isEmpty())
                recordOf.insert(file.path, withSectionsFrom(recordOf.value(file.path), last.content, keptIds));
            file.newContent = merged.content;
            merge.conflicts = merged.conflicts;
            merge.notes = merged.notes;
        } else if (isEnvExample(file.path)) {
            const ProjectFile last = readProjectFile(projectDir, lastGeneratedPath(file.path), recordLimit);
            file.newContent =
                mergeEnvExample(file.oldContent, file.newContent,
                                last.read ? std::optional<QByteArray>(last.content) : std::nullopt, &merge.env);
        }
        refresh(file);
        result.merges.append(merge);
    }
    result.warnings = disagreements(result.plan);

    // The record of this generation, for the next merge: only for documents that are not
    // blocked, and only written along with them (executePlan).
    QList<GeneratedFile> records;
    for (const GeneratedFile &file : stamped) {
        const auto planned = std::find_if(result.plan.files.cbegin(), result.plan.files.cend(),
                                          [&](const PlannedFile &p) { return p.path == file.path; });
        if (planned != result.plan.files.cend() && planned->status != PlannedFile::Status::Blocked)
            records.append({lastGeneratedPath(file.path), recordOf.value(file.path)});
    }
    // A record lands at its own path only: one that leads through a link (a committed
    // last-generated/docs/operations.md → ../../../../docs/operations.md) would overwrite the
    // document it records, or another file, with OpsFlow's bookkeeping.
    QSet<QString> documentTargets;
    for (const PlannedFile &file : std::as_const(result.plan.files))
        documentTargets.insert(file.target);
    for (const PlannedFile &record : planWrite(projectDir, records).files) {
        if (record.status != PlannedFile::Status::New && record.status != PlannedFile::Status::Changed)
            continue;
        const QString own = QDir(result.plan.projectDir).absoluteFilePath(record.path);
        if (record.target != own || documentTargets.contains(record.target)) {
            result.warnings.append(QStringLiteral("The record %1 was not written: it leads through a link to "
                                                  "another file. Remove the link; the next generate writes it.")
                                       .arg(record.path));
            continue;
        }
        result.plan.records.append(record);
    }
    return result;
}

} // namespace opsflow
