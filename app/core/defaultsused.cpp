// Which values came from the questionnaire's defaults, and every value in words.
#include "defaultsused.h"

#include "answerset.h"
#include "factmodel.h"

#include <QCoreApplication>
#include <QLocale>

namespace opsflow {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("opsflow::Summary", text);
}

QString number(const QVariant &v, const QString &unit)
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

} // namespace

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

namespace {

// The fields whose fact (as `factOf` reads it) holds a questionnaire default, in their order.
template<typename FactOf>
QList<DefaultedValue> defaulted(const QList<Field> &fields, FactOf factOf)
{
    QList<DefaultedValue> out;
    for (const Field &f : fields) {
        const Fact fact = factOf(f);
        if (fact.provenance != Provenance::QuestionnaireDefault)
            continue;
        const QString text = describeValue(f, fact.value);
        if (!text.isEmpty())
            out.append({f.id, f.label, text});
    }
    return out;
}

} // namespace

QList<DefaultedValue> defaultedValues(const FactModel &facts, const Question &question)
{
    return defaulted(question.fields, [&](const Field &f) { return facts.field(question.id, f.id); });
}

QList<DefaultedValue> defaultedContext(const FactModel &facts, const QList<Field> &contextFields)
{
    return defaulted(contextFields, [&](const Field &f) { return facts.context(f.id); });
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
