// Answers → the three Phase 7 documents: one pure function used by the preview, the CLI, the wizard and the tests.
#pragma once

#include "generatedfile.h"
#include "templating.h"

#include <QHash>
#include <QList>
#include <QString>

namespace opsflow {

class Resolver;
struct AiFlowTemplateKnowledge;

struct Diagram {
    QString id;     // "system_architecture", as in 7.10's diagrams field
    QString title;  // "System Architecture"
    QString source; // mermaid source, without the ``` fence
};

struct GenerationResult {
    // With ai-flow's templates: per document written from one, the names it uses that
    // OpsFlow has no value for (left in the document as "[TBD: NAME]").
    QList<GeneratedFile> files;           // in a fixed order: operations, configuration, .env.example
    QList<Diagram> diagrams;              // for the preview's Diagrams tab
    QList<TemplateError> errors;          // "name:line: message"; a file with errors is not generated
    QStringList warnings;                 // one sentence each: what was written other than given
    QHash<QString, QStringList> unfilled; // output path → names
};

// The three templates, each parsed once. Copies are cheap and share the parsed trees, so a
// worker thread can hold its own copy.
class TemplateSet
{
public:
    // The built-in templates (:/templates/…), parsed on first use.
    static TemplateSet builtIn();
    // The built-in templates, each replaced by <projectDir>/.ai-flow/templates/opsflow/<same
    // name> when that file exists. An override that cannot be read or parsed keeps its errors
    // (named by its path in the project); its document is then not generated.
    static TemplateSet forProject(const QString &projectDir);

    struct Entry {
        QString outputPath;          // "docs/operations.md"
        QString fileName;            // "operations.md.template"
        Template parsed;             // invalid when errors is not empty
        QList<TemplateError> errors; // from reading or parsing
        // One of ai-flow's own templates: the names it uses and OpsFlow's values for them.
        const AiFlowTemplateKnowledge *aiFlow = nullptr;
    };
    // On a temporary set (TemplateSet::forProject(dir).entries()) these return a copy: a
    // reference into it would dangle at the end of the statement, as in a range-for.
    const QList<Entry> &entries() const & { return m_entries; }
    QList<Entry> entries() const && { return m_entries; }
    // The project's ai-flow templates that exist, each in place of the OpsFlow template it
    // stands for (forProject reads them; empty for builtIn()).
    const QList<Entry> &aiFlowEntries() const & { return m_aiFlowEntries; }
    QList<Entry> aiFlowEntries() const && { return m_aiFlowEntries; }
    // The entries a generation with this choice renders: ai-flow's where the project has one,
    // OpsFlow's for the rest.
    QList<Entry> chosen(bool aiFlow) const;

    // Where a project keeps its overrides, relative to the project folder.
    static QString overrideDir();

private:
    QList<Entry> m_entries;
    QList<Entry> m_aiFlowEntries;
};

// Deterministic (same answers → byte-identical files; no clock, no hashing order) and
// thread-safe: it reads only its arguments.
GenerationResult generate(const Resolver &answers, const TemplateSet &templates);

} // namespace opsflow
