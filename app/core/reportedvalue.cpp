// Answers in words: the labels, the values and the placeholders options leave to other fields.
#include "reportedvalue.h"

#include "answerset.h"
#include "factmodel.h"
#include "projectcontext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace opsflow {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("opsflow::Summary", text);
}

QString number(const QVariant &v, const QString &unit = {})
{
    QString n = QLocale::c().toString(v.toDouble(), 'g', 15);
    if (unit.isEmpty())
        return n;
    if (unit == QLatin1String("%") || unit == QLatin1String("x"))
        return n + unit;
    return n + QLatin1Char(' ') + unit;
}

QString choiceLabel(const Field &f, const QString &value)
{
    const Choice *c = f.choice(value);
    return c ? c->label : value;
}

// The values a choice or multi field holds, in the answer's order.
QStringList chosenValues(const Field &f, const QVariant &v)
{
    return f.type == Field::Type::Choice ? QStringList{v.toString()} : v.toStringList();
}

// A fill's field and fact: a field of the same question, or a project fact.
struct FillSource {
    const Field *field = nullptr;
    Fact fact;
};

FillSource fillSource(const FactModel &facts, const QString &questionId, const QString &fieldId)
{
    const Questionnaire &q = facts.resolver().questionnaire();
    if (questionId == QLatin1String("context"))
        return {q.contextField(fieldId), facts.context(fieldId)};
    return {q.field(questionId, fieldId), facts.field(questionId, fieldId)};
}

} // namespace

QString answeredMark()
{
    return tr("(answered)");
}

QString reportLabel(const Field &field)
{
    if (!field.summaryLabel.isEmpty())
        return field.summaryLabel;
    QString label = field.label.trimmed();
    while (label.endsWith(QLatin1Char('?')) || label.endsWith(QLatin1Char(':')))
        label.chop(1);
    return label.trimmed();
}

QString labelledValue(const QString &label, const QString &value)
{
    if (value.trimmed().isEmpty())
        return {};
    if (label.trimmed().isEmpty())
        return value;
    return tr("%1: %2").arg(label, value);
}

QString describeValue(const Field &f, const QVariant &v)
{
    switch (f.type) {
    case Field::Type::Choice: return choiceLabel(f, v.toString());
    case Field::Type::Multi: {
        QStringList labels;
        for (const QString &value : v.toStringList())
            labels.append(choiceLabel(f, value));
        return labels.join(QStringLiteral(", "));
    }
    case Field::Type::Number: return number(v, f.unit);
    case Field::Type::Bool: return v.toBool() ? tr("yes") : tr("no");
    case Field::Type::Table: {
        const QVariantList rows = v.toList();
        QStringList firsts;
        for (const QVariant &row : rows) {
            const QString first = row.toMap().value(f.columns.value(0).id).toString();
            if (!first.isEmpty())
                firsts.append(first);
        }
        const QString count = rows.size() == 1 ? tr("1 row") : tr("%1 rows").arg(rows.size());
        return count
            + (firsts.isEmpty() ? QString()
                                : QStringLiteral(" (") + firsts.join(QStringLiteral(", ")) + QLatin1Char(')'));
    }
    case Field::Type::Text:
    case Field::Type::MultiLine: return v.toString().simplified();
    }
    return {};
}

QString describeNumber(const QVariant &value, const QString &unit)
{
    return number(value, unit);
}

QString describeFinding(const Finding &finding, const Field &field)
{
    return QStringLiteral("%1 %2: %3 (%4)")
        .arg(finding.questionId, reportLabel(field), describeValue(field, finding.value), finding.evidence);
}

ReportedValue reportedValue(const FactModel &facts, const QString &questionId, const Field &field, const Fact &fact,
                            const QString &mark)
{
    const bool hasFills =
        std::any_of(field.choices.begin(), field.choices.end(), [](const Choice &c) { return !c.fills.isEmpty(); });
    if (!hasFills || isEmptyValue(fact.value))
        return {describeValue(field, fact.value), 0, {}};

    ReportedValue out;
    const bool factIsDefault = fact.provenance == Provenance::QuestionnaireDefault;
    QStringList labels;
    for (const QString &value : chosenValues(field, fact.value)) {
        const Choice *choice = field.choice(value);
        if (!choice) {
            labels.append(value);
            continue;
        }
        QString label = choice->label;
        bool markIt = false;
        bool answered = false;
        for (const Fill &fill : choice->fills) {
            const FillSource source = fillSource(facts, questionId, fill.fieldId);
            const bool known = source.field && source.fact.isKnown() && !isEmptyValue(source.fact.value);
            const QString filled = !known                   ? tr("TBD")
                : source.field->type == Field::Type::Number ? number(source.fact.value)
                                                            : describeValue(*source.field, source.fact.value);
            // Whole words only: the "X" in "Error rate > X%", never an X inside a word.
            const QRegularExpression token(
                QStringLiteral("(?<!\\w)%1(?!\\w)").arg(QRegularExpression::escape(fill.text)));
            const QRegularExpressionMatch m = token.match(label);
            if (m.hasMatch())
                label.replace(m.capturedStart(), m.capturedLength(), filled);
            markIt = markIt || (known && source.fact.provenance == Provenance::QuestionnaireDefault && !factIsDefault);
            // The reverse: a number the user gave inside options that are a default, which the
            // default mark after the whole value (or a Defaults line) would otherwise claim.
            answered = answered
                || (known && factIsDefault
                    && (source.fact.provenance == Provenance::Answered
                        || source.fact.provenance == Provenance::AcceptedSuggestion));
            out.shownFields.append(fill.fieldId);
        }
        if (markIt && !mark.isEmpty()) {
            label += QLatin1Char(' ') + mark;
            ++out.marks;
        }
        if (answered)
            label += QLatin1Char(' ') + answeredMark();
        labels.append(label);
    }
    out.text = labels.join(QStringLiteral(", "));
    return out;
}

} // namespace opsflow
