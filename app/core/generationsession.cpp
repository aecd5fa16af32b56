// One run of the generate step, from plan to outcome (see generationsession.h).
#include "generationsession.h"

#include <QDir>

namespace opsflow {

QString outcomeText(FileReport::Outcome outcome)
{
    switch (outcome) {
    case FileReport::Outcome::Written: return GenerationSession::tr("written");
    case FileReport::Outcome::Unchanged: return GenerationSession::tr("unchanged");
    case FileReport::Outcome::Kept: return GenerationSession::tr("kept as you edited it");
    case FileReport::Outcome::Failed: return GenerationSession::tr("failed");
    case FileReport::Outcome::NotWritten: return GenerationSession::tr("not written");
    case FileReport::Outcome::NotGenerated: return GenerationSession::tr("not generated");
    case FileReport::Outcome::Planned: return GenerationSession::tr("planned");
    }
    return {};
}

void GenerationSession::replan(const Resolver &resolver, const QString &projectDir,
                               const QList<GeneratedFile> &alsoWrite)
{
    m_projectDir = projectDir;
    m_plan = GenerationPlanner::plan(resolver, projectDir, m_choices, alsoWrite);
    m_findings = checkAnswers(resolver);
    m_invalid.clear();
    usableAnswers(resolver.questionnaire(), resolver.answers(), &m_invalid);
    forgetOutcome();
}

void GenerationSession::forgetOutcome()
{
    m_attempted = false;
    m_result = WriteResult();
}

QList<RuleFinding> GenerationSession::contradictions() const
{
    QList<RuleFinding> errors;
    for (const RuleFinding &finding : m_findings) {
        if (finding.severity == Severity::Error)
            errors.append(finding);
    }
    return errors;
}

GenerationSession::Blocker GenerationSession::blocker() const
{
    // The answers first: a folder chosen later does not make them writable.
    if (!m_invalid.isEmpty())
        return Blocker::InvalidAnswers;
    if (!m_acceptContradictions && hasErrors(m_findings))
        return Blocker::Contradictions;
    if (m_projectDir.isEmpty())
        return Blocker::NoFolder;
    return Blocker::None;
}

ConflictChoice GenerationSession::choice(const QString &path, const QString &sectionId) const
{
    return m_choices.value(path).value(sectionId, ConflictChoice::KeepMine);
}

void GenerationSession::setChoice(const QString &path, const QString &sectionId, ConflictChoice choice)
{
    m_choices[path][sectionId] = choice;
}

void GenerationSession::takeNewEverywhere()
{
    for (const DocumentPlan &document : std::as_const(m_plan.documents)) {
        for (const SectionConflict &conflict : document.conflicts)
            m_choices[document.path].insert(conflict.id, ConflictChoice::TakeNew);
    }
}

bool GenerationSession::hasConflicts() const
{
    return std::any_of(m_plan.documents.cbegin(), m_plan.documents.cend(),
                       [](const DocumentPlan &d) { return !d.conflicts.isEmpty(); });
}

bool GenerationSession::needsReview() const
{
    return std::any_of(m_plan.documents.cbegin(), m_plan.documents.cend(), [](const DocumentPlan &d) {
        return !d.conflicts.isEmpty() || d.file.status == PlannedFile::Status::Changed;
    });
}

bool GenerationSession::write(const QDateTime &when)
{
    if (blocker() != Blocker::None)
        return false;
    m_result = executePlan(m_plan.writePlan(), when);
    m_attempted = true;
    return m_result.ok;
}

QList<FileReport> GenerationSession::reports() const
{
    QList<FileReport> reports;
    const QDir project(m_projectDir);
    for (const DocumentPlan &document : m_plan.documents) {
        FileReport report;
        report.path = document.path;
        if (!m_projectDir.isEmpty())
            report.absolutePath =
                document.file.target.isEmpty() ? project.filePath(document.path) : document.file.target;
        if (!document.generated || document.file.status == PlannedFile::Status::Blocked) {
            report.outcome = FileReport::Outcome::NotGenerated;
            report.reason = document.file.problem;
        } else if (m_attempted) {
            const auto it = std::find_if(m_result.outcomes.cbegin(), m_result.outcomes.cend(),
                                         [&](const FileOutcome &o) { return o.path == document.path; });
            const FileOutcome::Kind kind = it == m_result.outcomes.cend() ? FileOutcome::Kind::NotWritten : it->kind;
            switch (kind) {
            case FileOutcome::Kind::Written: report.outcome = FileReport::Outcome::Written; break;
            case FileOutcome::Kind::Unchanged:
                // Up to date because the user's edits were kept: say so, not "unchanged".
                report.outcome =
                    document.conflicts.isEmpty() ? FileReport::Outcome::Unchanged : FileReport::Outcome::Kept;
                break;
            case FileOutcome::Kind::Blocked: report.outcome = FileReport::Outcome::NotGenerated; break;
            case FileOutcome::Kind::Failed: report.outcome = FileReport::Outcome::Failed; break;
            case FileOutcome::Kind::NotWritten: report.outcome = FileReport::Outcome::NotWritten; break;
            }
            if (it != m_result.outcomes.cend())
                report.reason = it->reason;
        }
        reports.append(report);
    }
    return reports;
}

QString GenerationSession::outcomeSentence(const QString &phase) const
{
    int written = 0;
    int kept = 0;
    int unchanged = 0;
    int failed = 0;
    int missing = 0;
    const QList<FileReport> all = reports();
    for (const FileReport &report : all) {
        switch (report.outcome) {
        case FileReport::Outcome::Written: ++written; break;
        case FileReport::Outcome::Kept: ++kept; break;
        case FileReport::Outcome::Unchanged: ++unchanged; break;
        case FileReport::Outcome::Failed:
        case FileReport::Outcome::NotWritten: ++failed; break;
        case FileReport::Outcome::NotGenerated:
        case FileReport::Outcome::Planned: ++missing; break;
        }
    }
    // The seed's sentence only when it is true: every document written from the answers.
    if (written == int(all.size()))
        return tr("Documents have been created with all Phase %1 information.").arg(phase);
    QStringList parts;
    if (written > 0)
        parts << tr("%n document(s) written from the answers", nullptr, written);
    if (kept > 0)
        parts << tr("%n kept as you edited it, by your choice", nullptr, kept);
    if (unchanged > 0)
        parts << tr("%n already up to date, not touched", nullptr, unchanged);
    if (failed > 0)
        parts << tr("%n could not be written, left as it was", nullptr, failed);
    if (missing > 0)
        parts << tr("%n not written (see below)", nullptr, missing);
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

} // namespace opsflow
