// The generate step's plan: answers → documents, merged into what the project already has
// (hand-written text kept, edited sections offered as conflicts), then new / unchanged /
// changed / blocked per file. Never writes.
#include "generationplanner.h"

#include "answerset.h"
#include "regeneration.h"

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
    plan.records = records;
    return plan;
}

bool GenerationPlanner::isMarkdown(const QString &path)
{
    return path.endsWith(QLatin1String(".md"));
}

GenerationPlan GenerationPlanner::plan(const Resolver &resolver, const QString &projectDir,
                                       const ConflictChoices &choices, const QList<GeneratedFile> &alsoWrite)
{
    GenerationPlan plan;
    const TemplateSet templates = projectDir.isEmpty() ? TemplateSet::builtIn() : TemplateSet::forProject(projectDir);
    const GenerationResult generated = generate(resolver, templates);
    plan.errors = generated.errors;
    plan.warnings = generated.warnings;

    QList<DocumentPlan> documents;
    if (projectDir.isEmpty()) {
        // No folder yet: everything is new; stamped as it will be written.
        for (const GeneratedFile &file : generated.files) {
            DocumentPlan document;
            document.path = file.path;
            document.file.path = file.path;
            document.file.newContent = isMarkdown(file.path) ? stampSections(file.content) : file.content;
            document.file.status = PlannedFile::Status::New;
            documents.append(document);
        }
    } else {
        // The same merge-then-plan as `opsflow generate`: hand-written text kept, edited
        // sections offered as conflicts.
        const RegenerationPlan regeneration = planRegeneration(projectDir, generated.files + alsoWrite, choices);
        plan.projectDir = regeneration.plan.projectDir;
        plan.mismatches = regeneration.warnings;
        plan.records = regeneration.plan.records;
        for (const PlannedFile &file : regeneration.plan.files) {
            DocumentPlan document;
            document.path = file.path;
            document.file = file;
            for (const FileMerge &merge : regeneration.merges) {
                if (merge.path != file.path)
                    continue;
                document.conflicts = merge.conflicts;
                document.notes = merge.notes;
                document.notes += merge.env.notes();
            }
            documents.append(document);
        }
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
    // Then what is written alongside (the answers used), in the order given.
    for (const DocumentPlan &document : std::as_const(documents)) {
        const bool fromTemplate =
            std::any_of(templates.entries().cbegin(), templates.entries().cend(),
                        [&](const TemplateSet::Entry &e) { return e.outputPath == document.path; });
        if (!fromTemplate)
            plan.documents.append(document);
    }
    return plan;
}

} // namespace opsflow
