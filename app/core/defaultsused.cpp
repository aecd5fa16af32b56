// Which values came from the questionnaire's defaults.
#include "defaultsused.h"

#include "answerset.h"
#include "factmodel.h"
#include "reportedvalue.h"

namespace opsflow {

namespace {

// The fields of `questionId` ("context": the project facts) that hold a questionnaire default,
// in their order. A default another listed default shows inside its text ("Error rate > 5%")
// is marked shownInside, so a line names it once.
QList<DefaultedValue> defaulted(const FactModel &facts, const QString &questionId, const QList<Field> &fields)
{
    QList<DefaultedValue> out;
    QStringList shownInside;
    for (const Field &f : fields) {
        const Fact fact = questionId == QLatin1String("context") ? facts.context(f.id) : facts.field(questionId, f.id);
        if (fact.provenance != Provenance::QuestionnaireDefault)
            continue;
        const ReportedValue value = reportedValue(facts, questionId, f, fact);
        if (value.text.isEmpty())
            continue;
        out.append({f.id, reportLabel(f), value.text});
        shownInside += value.shownFields;
    }
    for (DefaultedValue &v : out)
        v.shownInside = shownInside.contains(v.fieldId);
    return out;
}

} // namespace

QList<DefaultedValue> defaultedValues(const FactModel &facts, const Question &question)
{
    return defaulted(facts, question.id, question.fields);
}

QList<DefaultedValue> defaultedContext(const FactModel &facts, const QList<Field> &contextFields)
{
    return defaulted(facts, QStringLiteral("context"), contextFields);
}

QList<DefaultedValue> detectedContext(const FactModel &facts, const QList<Field> &contextFields)
{
    QList<DefaultedValue> out;
    for (const Field &f : contextFields) {
        const Fact fact = facts.context(f.id);
        if (fact.provenance != Provenance::Detected)
            continue;
        const QString text = describeValue(f, fact.value);
        if (!text.isEmpty())
            out.append({f.id, reportLabel(f), QStringLiteral("%1 (%2)").arg(text, fact.evidence)});
    }
    return out;
}

QList<DefaultedValue> detectedAnswers(const FactModel &facts, const QList<Question> &questions)
{
    QList<DefaultedValue> out;
    for (const Question &question : questions) {
        for (const Field &f : question.fields) {
            const Fact fact = facts.field(question.id, f.id);
            if (fact.provenance != Provenance::Detected)
                continue;
            const QString text = describeValue(f, fact.value);
            if (!text.isEmpty())
                out.append({f.id, QStringLiteral("%1 (%2)").arg(reportLabel(f), question.id),
                            QStringLiteral("%1 (%2)").arg(text, fact.evidence)});
        }
    }
    return out;
}

bool allValuesDefaulted(const FactModel &facts, const Question &question)
{
    bool any = false;
    for (const Field &f : question.fields) {
        const Fact fact = facts.field(question.id, f.id);
        if (fact.isAnswer() || fact.provenance == Provenance::Detected)
            return false;
        any = any || fact.provenance == Provenance::QuestionnaireDefault;
    }
    return any;
}

} // namespace opsflow
