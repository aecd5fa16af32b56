// Stamp, merge with what is on disk, then plan: the one way documents reach a project.
#include "regeneration.h"

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
            file.newContent = mergeEnvExample(file.oldContent, file.newContent, &merge.env);
        }
        refresh(file);
        result.merges.append(merge);
    }
    return result;
}

} // namespace opsflow
