// Answers in words, as the summary, its exports, the documents' Defaults lines and the
// wizard's suggestions report them. The one place that composes "Label: value": with the
// label a person writes (never "Question?: value"), never a label with nothing after its
// colon, and with a chosen option's placeholder ("Error rate > X%") showing the number the
// field that gives it holds ("Error rate > 5%").
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace opsflow {

class FactModel;
struct Fact;
struct Finding;
struct Field;

// The label where a field's value is reported: its `summaryLabel`, else its label without a
// trailing "?" or ":" ("Why?" → "Why").
QString reportLabel(const Field &field);

// "Label: value"; the value alone when the label is empty; empty when the value is empty, so
// no label is ever left hanging.
QString labelledValue(const QString &label, const QString &value);

// One field's value in words, e.g. "Canary Deployment", "5%", "30 s" or "3 rows (a, b, c)".
// Options read as the questionnaire labels them, placeholders and all.
QString describeValue(const Field &field, const QVariant &value);

// A number with a field's or column's unit, as describeValue() writes it: "5%", "30 s", "2".
QString describeNumber(const QVariant &value, const QString &unit);

// A value found in the project, one line: "7.4 CI/CD platform: GitLab CI (docs/deployment.md:9)".
QString describeFinding(const Finding &finding, const Field &field);

struct ReportedValue {
    QString text;            // "Error rate > 5% (default), Manual"
    int marks = 0;           // how many `mark`s (defaults) `text` holds inside it
    QStringList shownFields; // fields whose values `text` shows inside its options
};

// The mark after an option whose placeholder an answer filled while the option itself is a
// default: "(answered)".
QString answeredMark();

// A used field's fact in words, as describeValue() puts it, with each chosen option's
// placeholders filled from the fields of the question (`questionId`, or "context") that give
// them. A fill that is a questionnaire default where `fact` is not is followed by `mark`
// (when given); a fill an answer gave where `fact` is a default is followed by answeredMark();
// a fill without a value reads "TBD": the text never claims a number nobody gave.
ReportedValue reportedValue(const FactModel &facts, const QString &questionId, const Field &field, const Fact &fact,
                            const QString &mark = {});

} // namespace opsflow
