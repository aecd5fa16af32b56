// The values the outputs use that no answer gave: the questionnaire's defaults, including the
// details of a question the scope simplifies. The documents, the summary and its exports list
// them, so a default is never taken for the user's answer.
#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace opsflow {

class FactModel;
struct Field;
struct Question;

struct DefaultedValue {
    QString fieldId;          // "total_timeout_s"
    QString label;            // the label its value is reported with (reportLabel), "Why"
    QString text;             // the value in words, "30 s"
    bool shownInside = false; // another listed value's text shows it ("Error rate > 5%")
};

// The fields of `question` that are used and hold a questionnaire default, in the question's order.
QList<DefaultedValue> defaultedValues(const FactModel &facts, const Question &question);

// The project facts (context fields) that no answer, file or scan gave.
QList<DefaultedValue> defaultedContext(const FactModel &facts, const QList<Field> &contextFields);

// The project facts (context fields) no answer gave and the project's files show, each text
// with its evidence: "Parcel Tracking Service (README.md:1)".
QList<DefaultedValue> detectedContext(const FactModel &facts, const QList<Field> &contextFields);

// The questions' fields no answer gave that take what the project's files show, in the
// questionnaire's order, each labelled with its question and shown with its evidence:
// "Migration tool (7.7.1)" = "Prisma Migrate (ai-instructions.md:13)".
QList<DefaultedValue> detectedAnswers(const FactModel &facts, const QList<Question> &questions);

// Whether every used field of `question` that has a value holds a default (and at least one does).
bool allValuesDefaulted(const FactModel &facts, const Question &question);

} // namespace opsflow
