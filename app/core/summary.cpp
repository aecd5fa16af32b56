// The Phase 7 summary: one line per question, in the seed's order and wording.
#include "summary.h"

#include "factmodel.h"
#include "reportedvalue.h"

#include <QCoreApplication>

namespace opsflow {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("opsflow::Summary", text);
}

} // namespace

QString defaultMark()
{
    return tr("(default)");
}

QString defaultsLegend()
{
    return tr("(default): no answer gave this value; the questionnaire's recommended value is used. "
              "Answer the question to replace it.");
}

QList<SummaryLine> summaryLines(const Resolver &resolver)
{
    QList<SummaryLine> lines;
    const FactModel facts(resolver);
    for (const Question &q : resolver.questionnaire().questions()) {
        SummaryLine line;
        line.questionId = q.id;
        line.label = q.summaryLabel;
        if (resolver.isSkipped(q.id)) {
            line.tbd = true;
            line.text = tr("TBD");
        } else {
            // Each value in words first: a field an option's text already shows is not listed again.
            QList<std::pair<const Field *, Fact>> used;
            QList<ReportedValue> values;
            QStringList shownInside;
            for (const Field &f : q.fields) {
                const Fact fact = facts.field(q.id, f.id);
                if (isEmptyValue(fact.value))
                    continue;
                const ReportedValue value = reportedValue(facts, q.id, f, fact, defaultMark());
                if (value.text.isEmpty())
                    continue;
                used.append({&f, fact});
                values.append(value);
                shownInside += value.shownFields;
            }
            QStringList parts;
            for (qsizetype i = 0; i < used.size(); ++i) {
                const auto &[f, fact] = used.at(i);
                if (shownInside.contains(f->id))
                    continue;
                QString text = values.at(i).text;
                line.defaults += values.at(i).marks;
                const bool headline = f->type == Field::Type::Choice && parts.isEmpty();
                if (headline) {
                    // The headline choice leads, with its one-line description ("Yes —
                    // Dockerize application"), as the seed's summary lines do.
                    const Choice *c = f->choice(fact.value.toString());
                    if (c && !c->description.isEmpty())
                        text += QStringLiteral(" — ") + c->description;
                }
                // Where an answer the project's documents gave came from ("from docs/deployment.md:3").
                if (fact.provenance == Provenance::AcceptedSuggestion && !fact.evidence.isEmpty())
                    text += QLatin1Char(' ') + tr("(from %1)").arg(fact.evidence);
                // Not answered: taken from the project's files in Smart Auto-Suggest. Never
                // shown bare, as if the user had answered it.
                if (fact.provenance == Provenance::Detected)
                    text += QLatin1Char(' ') + tr("(found in %1)").arg(fact.evidence);
                if (fact.provenance == Provenance::QuestionnaireDefault) {
                    text += QLatin1Char(' ') + defaultMark();
                    ++line.defaults;
                }
                parts.append(headline ? text : labelledValue(reportLabel(*f), text));
            }
            line.text = parts.isEmpty() ? tr("not answered yet") : parts.join(QStringLiteral("; "));
        }
        lines.append(line);
    }
    return lines;
}

} // namespace opsflow
