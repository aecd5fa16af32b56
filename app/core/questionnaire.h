// The Phase 7 questionnaire as data: questions, fields, choices, markers, scopes, conditions.
#pragma once

#include "expression.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace opsflow {

enum class Scope { Mvp, Production, Enterprise };
QString scopeId(Scope scope);    // "mvp", "production", "enterprise"
QString scopeTitle(Scope scope); // "MVP", "Production-Ready", "Enterprise"
std::optional<Scope> scopeFromId(const QString &id);

// How a question is asked in a scope.
enum class Asked { Full, Simplified, Skip };

// A placeholder in a choice's label that another field of the question gives: "X" in
// "Error rate > X%" is the error-rate threshold. Where a chosen value is reported, the
// placeholder shows that field's number.
struct Fill {
    QString text;    // "X", as it appears in the label
    QString fieldId; // "error_rate_percent"
};

struct Choice {
    QString value;       // "A"
    QString label;       // "Cloud Platform"
    QString marker;      // "⭐" or empty
    QString description; // "Gradual replacement"
    QStringList items;   // "AWS (ECS, Fargate, Lambda, EC2)", …
    QList<Fill> fills;   // placeholders in `label` and the fields that give them
};

struct Column {
    QString id;
    QString label;
    QString type = QStringLiteral("text"); // text | number | choice
    QStringList choices;
    QString unit;
    int maxLength = 0; // longest text a cell may hold (the questionnaire's limits.cell)
};

// How much an answer may hold: sane bounds, so no answers file can make a document or a
// diagram that its readers cannot take (mermaid's maxTextSize, a 34 MB operations.md).
// The questionnaire's "limits" object; a field may narrow its own with maxLength / maxRows.
struct Limits {
    int text = 0;      // characters in a one-line text
    int multiline = 0; // characters in a multi-line text
    int tableRows = 0; // rows in a table
    int cell = 0;      // characters in a table cell
    int listItems = 0; // entries in a checklist (its own additions included)
};

struct Field {
    enum class Type { Choice, Multi, Text, MultiLine, Number, Bool, Table };
    QString id;
    Type type = Type::Text;
    QString label;
    QString summaryLabel; // where a value is reported ("Rollback time"); empty: the label
    QString section;
    QString help;
    QString placeholder;
    bool required = false;
    bool headline = false;
    QVariant defaultValue; // already normalised to the type's value form
    QString when;          // source text of the condition, empty = always
    Expression condition;  // parsed `when`
    QList<Choice> choices;
    bool other = false;
    std::optional<double> min;
    std::optional<double> max;
    bool integer = true;
    QString unit;
    QList<Column> columns;
    int maxLength = 0; // text, multiline: most characters; multi: most characters per entry
    int maxRows = 0;   // table: most rows; multi: most entries

    const Choice *choice(const QString &value) const;
};
QString fieldTypeId(Field::Type type);

// The value cut to the field's limits (maxLength, maxRows, each cell's maxLength), so what
// the wizard stores is always what the answers file may hold: an autosave can never write
// a file the loader would refuse on the next start.
QVariant withinLimits(const Field &field, const QVariant &value);

struct Check {
    QString assertion;
    Expression expression;
    QString message;
    QStringList fields;
    bool warning = false;
};

struct Question {
    QString id;
    QString title;
    QString prompt;
    QString help;
    Asked mvp = Asked::Full;
    Asked production = Asked::Full;
    Asked enterprise = Asked::Full;
    bool emphasis = false;
    QString summaryLabel;
    QString summaryHint;
    QList<Field> fields;
    QList<Check> checks;

    Asked asked(Scope scope) const;
    const Field *field(const QString &id) const;
};

struct Marker {
    QString emoji;
    QString meaning;
};

class Questionnaire
{
public:
    // Loads and validates; on failure returns nothing and sets *error to one sentence
    // naming the question (and field) at fault.
    static std::optional<Questionnaire> fromJson(const QByteArray &json, QString *error);
    static std::optional<Questionnaire> fromFile(const QString &path, QString *error);
    // The built-in Phase 7 questionnaire (resources/questionnaire/phase7.json, in the qrc).
    static const Questionnaire &builtIn();

    QString phase() const { return m_phase; }
    QString title() const { return m_title; }
    QString duration() const { return m_duration; }
    QString objective() const { return m_objective; }
    const QList<Marker> &markers() const { return m_markers; }
    const Limits &limits() const { return m_limits; }
    const QList<Question> &questions() const { return m_questions; }
    // Facts phase 7 does not ask but the documents need (project name, database, …).
    const QList<Field> &contextFields() const { return m_contextFields; }
    const Field *contextField(const QString &id) const;
    const Question *question(const QString &id) const;
    const Field *field(const QString &questionId, const QString &fieldId) const;

    // The questions a scope asks, in order (Full or Simplified).
    QList<const Question *> askedQuestions(Scope scope) const;

private:
    QString m_phase;
    QString m_title;
    QString m_duration;
    QString m_objective;
    QList<Marker> m_markers;
    Limits m_limits;
    QList<Question> m_questions;
    QList<Field> m_contextFields;
    QHash<QString, int> m_index;
};

} // namespace opsflow
