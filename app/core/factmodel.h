// The fact model: every value an output uses, with where it came from. The only reader of
// answers by id for the documents, the summary and the diagrams.
#pragma once

#include "projectcontext.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace opsflow {

class Resolver;

// Where a value came from. The documents, the summary and the preview can say so: a
// default is never presented as the user's answer.
enum class Provenance {
    Answered,             // the user's answer (typed, chosen, or in the answers file)
    AcceptedSuggestion,   // the user's answer, equal to what the project's files show (evidence), or
                          // taken from the existing operations documents by generate (AnswerSet::imported)
    Detected,             // not answered: found in the project's files (evidence)
    QuestionnaireDefault, // not answered: the questionnaire's default (Smart mode, a simplified question, …)
    PlatformDefault,      // derived from the platform's knowledge (stop window, commands, …)
    NotAsked,             // the scope skips the question, or its condition is false: never used
    Undecided,            // asked but not answered and without a default: TBD
};

// "answered", "accepted-suggestion", "detected", "questionnaire-default", "platform-default",
// "not-asked", "tbd": the ids the template-variable reference and the JSON summary use.
QString provenanceId(Provenance provenance);

struct Fact {
    QVariant value; // null for NotAsked and Undecided
    Provenance provenance = Provenance::Undecided;
    QString evidence; // for AcceptedSuggestion and Detected: "package.json", "docs/operations.md:12"

    // A value the outputs may use.
    bool isKnown() const { return provenance != Provenance::NotAsked && provenance != Provenance::Undecided; }
    // The user said so (directly, or by accepting a suggestion).
    bool isAnswer() const { return provenance == Provenance::Answered || provenance == Provenance::AcceptedSuggestion; }
};

class FactModel
{
public:
    // `findings` are the project's evidence (the scan, the documents, the context files):
    // an answer equal to one is an accepted suggestion, and a field nobody answered and
    // without a default takes what the project shows, marked Detected.
    explicit FactModel(const Resolver &resolver, QList<Finding> findings = {});

    const Resolver &resolver() const { return m_resolver; }

    // A questionnaire field ("7.9.2", "tool"), resolved by the scope's and the conditions'
    // rules (Resolver::value) and labelled with its provenance.
    Fact field(const QString &questionId, const QString &fieldId) const;
    // A context fact ("database", "project_name").
    Fact context(const QString &fieldId) const;

private:
    const Finding *finding(const QString &questionId, const QString &fieldId) const;
    Fact answered(const QString &questionId, const QString &fieldId, const QVariant &value) const;

    const Resolver &m_resolver;
    QList<Finding> m_findings;
};

} // namespace opsflow
