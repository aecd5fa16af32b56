// Stamp, merge with what is on disk, then plan: the one way documents reach a project.
#include "regeneration.h"

#include "projectcontext.h"

#include <algorithm>

namespace opsflow {

namespace {

bool isMarkdown(const QString &path)
{
    return path.endsWith(QLatin1String(".md"));
}

bool isEnvExample(const QString &path)
{
    return path == QLatin1String(".env.example") || path.endsWith(QLatin1String("/.env.example"));
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
    for (PlannedFile &file : result.plan.files) {
        if (file.status != PlannedFile::Status::Changed)
            continue; // new, unchanged or blocked: nothing on disk to merge with
        FileMerge merge;
        merge.path = file.path;
        if (isMarkdown(file.path)) {
            const MergeResult merged = mergeDocument(file.oldContent, file.newContent, choices.value(file.path));
            file.newContent = merged.content;
            merge.conflicts = merged.conflicts;
            merge.notes = merged.notes;
        } else if (isEnvExample(file.path)) {
            const ProjectFile last =
                readProjectFile(projectDir, lastGeneratedPath(file.path), qint64(16) * 1024 * 1024);
            file.newContent =
                mergeEnvExample(file.oldContent, file.newContent,
                                last.read ? std::optional<QByteArray>(last.content) : std::nullopt, &merge.env);
        }
        refresh(file);
        result.merges.append(merge);
    }
    // The record of this generation, for the next merge: only for documents that are not
    // blocked, and only written along with them (executePlan).
    QList<GeneratedFile> records;
    for (const GeneratedFile &file : stamped) {
        const auto planned = std::find_if(result.plan.files.cbegin(), result.plan.files.cend(),
                                          [&](const PlannedFile &p) { return p.path == file.path; });
        if (planned != result.plan.files.cend() && planned->status != PlannedFile::Status::Blocked)
            records.append({lastGeneratedPath(file.path), file.content});
    }
    for (const PlannedFile &record : planWrite(projectDir, records).files) {
        if (record.status == PlannedFile::Status::New || record.status == PlannedFile::Status::Changed)
            result.plan.records.append(record);
    }
    return result;
}

} // namespace opsflow
