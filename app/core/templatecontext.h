// The answers turned into what the templates place: every value computed and escaped here, once per generation.
#pragma once

#include "diagrams.h"
#include "factmodel.h"
#include "generation.h"

#include <QSet>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace opsflow {

class Resolver;
struct EnvVar;

// Typed reads of the facts the documents use (FactModel::field): empty or nothing when a
// field is unused (hidden, skipped by the scope) or undecided, so no hidden answer can leak.
class AnswerReader
{
public:
    explicit AnswerReader(const Resolver &resolver) : m_facts(resolver) { }

    const Resolver &resolver() const { return m_facts.resolver(); }
    const FactModel &facts() const { return m_facts; }
    bool skipped(const char *question) const;
    QString text(const char *question, const char *field) const; // trimmed; choices give their value
    std::optional<double> number(const char *question, const char *field) const;
    double number(const char *question, const char *field, double fallback) const;
    std::optional<bool> flag(const char *question, const char *field) const;
    QStringList list(const char *question, const char *field) const;
    bool has(const char *question, const char *field, const char *value) const;
    QList<QVariantMap> rows(const char *question, const char *field) const;
    QString context(const char *field) const;
    double contextNumber(const char *field, double fallback) const;

private:
    QVariant value(const char *question, const char *field) const;

    FactModel m_facts;
};

// A setting of 7.9.4's "log levels by environment" table for the environment whose name
// starts with `environment` ("Production"), lower-cased; the usual value when the table has
// none or an unknown one (debug and full in development, info and minimal elsewhere).
enum class LogSetting { Level, BodyLogging };
QString environmentLogSetting(const AnswerReader &a, const QString &environment, LogSetting setting);

// Text a user typed, escaped for Markdown prose and for a table cell (a typed "{{", URL or
// e-mail address stays literal text).
QString markdownUserText(const QString &text);
QString markdownUserCell(const QString &text);

// "My API!" → "my-api": for resource names, commands and .env values; never empty.
QString projectSlug(const QString &projectName);

// What the diagrams (and the platform-specific text) are drawn from.
DeploymentFacts deploymentFacts(const Resolver &answers);

// The diagrams 7.10 asks for, in the questionnaire's order; none when 7.10 is skipped, its
// diagrams are not chosen, or documentation is planned "Later" or "critical ones only".
QList<Diagram> plannedDiagrams(const Resolver &answers, const DeploymentFacts &facts);

// The name under which a template finds one field's answer: ("7.4.1", "rollback_minutes") →
// "ANSWER_7_4_1_ROLLBACK_MINUTES". The context also holds, per field type, `_CELL` (text
// for a table cell), `_NUMBER` (a number without its unit), `_DECIDED` (a yes/no field was
// answered), `_IS_<CHOICE>` and `_HAS_<CHOICE>` (an option is chosen); a table is a list of
// rows by column id. Empty, false or no rows when the field is unused or undecided.
QString answerVariable(const QString &questionId, const QString &fieldId);

// One context for all three templates: strings, booleans and lists of maps only, every user
// text already escaped for the one place the built-in templates put it. `answerNames`, when
// given, limits the answers' own names to the fields those names belong to (what the
// templates being rendered use); without it the context holds every field's.
QVariantMap templateContext(const Resolver &answers, const DeploymentFacts &facts, const QList<EnvVar> &catalog,
                            const QList<Diagram> &diagrams,
                            const std::optional<QSet<QString>> &answerNames = std::nullopt);

} // namespace opsflow
