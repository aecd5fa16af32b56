// The generate step's plan: answers → documents, merged into what the project already has
// (hand-written text kept, edited sections offered as conflicts), then new / unchanged /
// changed / blocked per file. Never writes.
#include "generationplanner.h"

#include "answerset.h"

namespace opsflow {

const DocumentPlan *GenerationPlan::document(const QString &path) const
{
    for (const DocumentPlan &document : documents) {
        if (document.path == path)
            return &document;
    }
    return nullptr;
}

WritePlan GenerationPlan::writePlan() const
{
    WritePlan plan;
    plan.projectDir = projectDir;
    for (const DocumentPlan &document : documents) {
        if (document.generated)
            plan.files.append(document.file);
    }
    return plan;
}

bool GenerationPlanner::isMarkdown(const QString &path)
{
    return path.endsWith(QLatin1String(".md"));
}

GenerationPlan GenerationPlanner::plan(const Resolver &resolver, const QString &projectDir,
                                       const ConflictChoices &choices)
{
    GenerationPlan plan;
    const TemplateSet templates = projectDir.isEmpty() ? TemplateSet::builtIn() : TemplateSet::forProject(projectDir);
    const GenerationResult generated = generate(resolver, templates);
    plan.errors = generated.errors;

    // Stamped, so the next generation can tell our sections from the team's edits.
    QList<GeneratedFile> files;
    for (GeneratedFile file : generated.files) {
        if (isMarkdown(file.path))
            file.content = stampSections(file.content);
        files.append(file);
    }

    QList<DocumentPlan> documents;
    if (projectDir.isEmpty()) {
        for (const GeneratedFile &file : std::as_const(files)) {
            DocumentPlan document;
            document.path = file.path;
            document.file.path = file.path;
            document.file.newContent = file.content;
            document.file.status = PlannedFile::Status::New;
            documents.append(document);
        }
    } else {
        // First what is there, then the merge of the new text into it, then the real plan.
        const WritePlan first = planWrite(projectDir, files);
        QList<GeneratedFile> merged;
        for (int i = 0; i < files.size(); ++i) {
            GeneratedFile file = files.at(i);
            const PlannedFile &there = first.files.at(i);
            DocumentPlan document;
            document.path = file.path;
            if (there.status == PlannedFile::Status::Changed) {
                if (isMarkdown(file.path)) {
                    const MergeResult result = mergeDocument(there.oldContent, file.content, choices.value(file.path));
                    file.content = result.content;
                    document.conflicts = result.conflicts;
                    document.notes = result.notes;
                } else {
                    EnvMergeReport report;
                    file.content = mergeEnvExample(there.oldContent, file.content, &report);
                    if (!report.keptVariables.isEmpty())
                        document.notes.append(tr("Your own variables are kept at the end: %1.")
                                                  .arg(report.keptVariables.join(QLatin1String(", "))));
                    if (!report.changedValues.isEmpty())
                        document.notes.append(tr(".env.example holds placeholders, so the values you set for %1 "
                                                 "are replaced (a backup is kept).")
                                                  .arg(report.changedValues.join(QLatin1String(", "))));
                }
            }
            merged.append(file);
            documents.append(document);
        }
        const WritePlan second = planWrite(projectDir, merged);
        plan.projectDir = second.projectDir;
        for (int i = 0; i < documents.size(); ++i)
            documents[i].file = second.files.at(i);
    }

    // In the templates' order, with the documents their errors kept from being generated.
    for (const TemplateSet::Entry &entry : templates.entries()) {
        const auto it = std::find_if(documents.cbegin(), documents.cend(),
                                     [&](const DocumentPlan &d) { return d.path == entry.outputPath; });
        if (it != documents.cend()) {
            plan.documents.append(*it);
            continue;
        }
        DocumentPlan missing;
        missing.path = entry.outputPath;
        missing.generated = false;
        missing.file.path = entry.outputPath;
        missing.file.status = PlannedFile::Status::Blocked;
        missing.file.problem = tr("%1 is not generated because its template has errors.").arg(entry.outputPath);
        plan.documents.append(missing);
    }
    return plan;
}

} // namespace opsflow
