// The Phase 7 summary: one line per question, in the seed's order and wording.
#include "summary.h"

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

// One field's answer in words, e.g. "Canary Deployment" or "5 %" or "3 rows: …".
QString describe(const Field &f, const QVariant &v)
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

} // namespace

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
            QStringList parts;
            for (const Field &f : q.fields) {
                const QVariant v = facts.field(q.id, f.id).value;
                if (isEmptyValue(v))
                    continue;
                const QString text = describe(f, v);
                if (text.isEmpty())
                    continue;
                if (f.type == Field::Type::Choice && parts.isEmpty()) {
                    // The headline choice leads, with its one-line description ("Yes —
                    // Dockerize application"), as the seed's summary lines do.
                    const Choice *c = f.choice(v.toString());
                    parts.append(c && !c->description.isEmpty() ? text + QStringLiteral(" — ") + c->description : text);
                } else {
                    parts.append(f.label + QStringLiteral(": ") + text);
                }
            }
            line.text = parts.isEmpty() ? tr("not answered yet") : parts.join(QStringLiteral("; "));
        }
        lines.append(line);
    }
    return lines;
}

} // namespace opsflow
