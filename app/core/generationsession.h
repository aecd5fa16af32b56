// One run of the generate step, from plan to outcome. The wizard's generate and completion
// pages show it and `opsflow generate` drives it, so both decide the same way: the plan for
// the project as it is on disk, the conflict choices, what stops a write (answers that are
// not valid, answers that contradict each other), the write, and what became of each file.
#pragma once

#include "answerset.h"
#include "consistency.h"
#include "generationplanner.h"

#include <QCoreApplication>
#include <QDateTime>

namespace opsflow {

// What became of one document, said the same way on every screen and in the terminal.
struct FileReport {
    enum class Outcome {
        Written,      // the new text is on disk
        Unchanged,    // already up to date; not touched
        Kept,         // left as the user edited it, by their choice (or without --force)
        Failed,       // its write failed; the file is as it was
        NotWritten,   // another file failed, so the set was left as it was
        NotGenerated, // its template has errors, or the plan refused it
        Planned       // not written yet
    };
    QString path;         // relative: "docs/operations.md"
    QString absolutePath; // where it is (or would be) on disk; empty without a folder
    Outcome outcome = Outcome::Planned;
    QString reason; // one sentence for Failed, NotWritten and NotGenerated
};
QString outcomeText(FileReport::Outcome outcome); // "written", "kept as you edited it", …

class GenerationSession
{
    Q_DECLARE_TR_FUNCTIONS(opsflow::GenerationSession)
public:
    // In this order: the first that applies.
    enum class Blocker {
        None,
        InvalidAnswers, // a value out of range or not an option: never written
        Contradictions, // consistency errors, until accepted
        NoFolder        // nothing to write into yet
    };

    // Plans again from the answers and the project as it is now. Choices and the acceptance
    // of contradictions stay; an earlier write's outcome is forgotten. `alsoWrite`: files
    // written in the same transaction (the answers `opsflow generate` used).
    void replan(const Resolver &resolver, const QString &projectDir, const QList<GeneratedFile> &alsoWrite = {});
    const GenerationPlan &plan() const { return m_plan; }
    QString projectDir() const { return m_projectDir; }

    const QList<RuleFinding> &findings() const { return m_findings; }
    QList<RuleFinding> contradictions() const; // the findings that are errors
    const QList<Issue> &invalidAnswers() const { return m_invalid; }
    void setAcceptContradictions(bool accept) { m_acceptContradictions = accept; }
    bool acceptsContradictions() const { return m_acceptContradictions; }
    Blocker blocker() const;

    // A conflict not chosen keeps the user's text. Takes effect at the next replan().
    ConflictChoice choice(const QString &path, const QString &sectionId) const;
    void setChoice(const QString &path, const QString &sectionId, ConflictChoice choice);
    // --force: the new text in every conflict of the current plan.
    void takeNewEverywhere();
    // A different project: the choices made for the old one mean nothing there.
    void clearChoices() { m_choices.clear(); }
    bool hasConflicts() const;
    // A changed file or a conflict: worth a look before writing.
    bool needsReview() const;

    // Writes the plan unless blocker() says otherwise (then nothing happens and false).
    bool write(const QDateTime &when = QDateTime::currentDateTimeUtc());
    bool hasWritten() const { return m_attempted; }
    // The plan stays; what the last write did is history (the user went back to change answers).
    void forgetOutcome();
    bool succeeded() const { return m_attempted && m_result.ok; }
    const WriteResult &result() const { return m_result; }

    // One report per document of the plan, in the plan's order.
    QList<FileReport> reports() const;
    // The completion page's subtitle: the seed's "Documents have been created…" only when
    // every document was written; otherwise what happened, counted.
    QString outcomeSentence(const QString &phase) const;

private:
    QString m_projectDir;
    GenerationPlan m_plan;
    ConflictChoices m_choices;
    QList<RuleFinding> m_findings;
    QList<Issue> m_invalid;
    bool m_acceptContradictions = false;
    bool m_attempted = false;
    WriteResult m_result;
};

} // namespace opsflow
