// Every field of the questionnaire as template variables of its own (see answerVariable()), so
// a template places any answer without a C++ change: adding a field is phase7.json plus the
// template that shows it.
#include "answerset.h"
#include "questionnaire.h"
#include "reportedvalue.h"
#include "templatecontextparts.h"

#include <algorithm>

namespace opsflow {

namespace {

// "7.4.1" → "7_4_1", "method_url" → "METHOD_URL": ids become the upper-case words a tag holds
// (each run of other characters one "_"). Runs on every generation, so no regular expression.
QString nameWord(const QString &id)
{
    QString word;
    word.reserve(id.size());
    bool run = false;
    for (const QChar c : id) {
        const char ascii = c.toLatin1();
        const bool keep =
            (ascii >= 'a' && ascii <= 'z') || (ascii >= 'A' && ascii <= 'Z') || (ascii >= '0' && ascii <= '9');
        if (keep)
            word.append(c.toUpper());
        else if (!run)
            word.append(QLatin1Char('_'));
        run = !keep;
    }
    return word;
}

// Whether `wanted` holds the field's name or one of its forms ("…_IS_A", "…_NUMBER").
bool isWanted(const QSet<QString> &wanted, const QString &name)
{
    return std::any_of(wanted.begin(), wanted.end(), [&name](const QString &w) {
        return w.startsWith(name) && (w.size() == name.size() || w.at(name.size()) == QLatin1Char('_'));
    });
}

// A table's rows as a list: each column by its id, as a table cell shows it (a number with its
// unit), and a number column also bare (`<COLUMN>_NUMBER`).
QVariantList tableItems(const Field &field, const QList<QVariantMap> &rows)
{
    QVariantList items;
    for (const QVariantMap &row : rows) {
        QVariantMap item;
        for (const Column &column : field.columns) {
            const QVariant value = row.value(column.id);
            const QString word = nameWord(column.id);
            if (column.type == QLatin1String("number")) {
                bool ok = false;
                const double n = value.toDouble(&ok);
                const bool known = ok && !value.toString().trimmed().isEmpty();
                item.insert(word, known ? contextparts::cell(describeNumber(n, column.unit)) : QString());
                item.insert(word + QStringLiteral("_NUMBER"), known ? contextparts::num(n) : QString());
            } else {
                item.insert(word, contextparts::cell(value.toString().trimmed()));
            }
        }
        items.append(item);
    }
    return items;
}

// An option's description for the middle of a sentence: "Gradual replacement" → "gradual
// replacement"; a leading acronym keeps its case ("DNS switch").
QString inSentence(const QString &description)
{
    if (description.size() > 1 && description.at(1).isUpper())
        return description;
    QString text = description;
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

bool hasDescriptions(const Field &field)
{
    return std::any_of(field.choices.begin(), field.choices.end(),
                       [](const Choice &choice) { return !choice.description.isEmpty(); });
}

} // namespace

QString answerVariable(const QString &questionId, const QString &fieldId)
{
    return QStringLiteral("ANSWER_%1_%2").arg(nameWord(questionId), nameWord(fieldId));
}

namespace contextparts {

void addAnswers(QVariantMap &c, const AnswerReader &a, const std::optional<QSet<QString>> &wanted)
{
    const FactModel &facts = a.facts();
    for (const Question &question : a.resolver().questionnaire().questions()) {
        for (const Field &field : question.fields) {
            const QString name = answerVariable(question.id, field.id);
            if (wanted && !isWanted(*wanted, name))
                continue;
            const Fact fact = facts.field(question.id, field.id);
            const bool known = fact.isKnown() && fact.value.isValid();
            // In words, as the summary reports it: labels for options (placeholders filled),
            // numbers with their unit.
            const QString words = known ? reportedValue(facts, question.id, field, fact).text : QString();
            switch (field.type) {
            case Field::Type::Text:
            case Field::Type::MultiLine:
                c.insert(name, md(words));
                c.insert(name + QStringLiteral("_CELL"), cell(words));
                break;
            case Field::Type::Number:
                c.insert(name, md(words));
                c.insert(name + QStringLiteral("_NUMBER"), known ? num(fact.value.toDouble()) : QString());
                break;
            case Field::Type::Bool:
                c.insert(name, known && fact.value.toBool());
                c.insert(name + QStringLiteral("_DECIDED"), known);
                break;
            case Field::Type::Choice:
            case Field::Type::Multi: {
                c.insert(name, md(words));
                const QStringList chosen = known && field.type == Field::Type::Multi
                    ? fact.value.toStringList()
                    : QStringList{known ? fact.value.toString() : QString()};
                const QString test =
                    field.type == Field::Type::Multi ? QStringLiteral("_HAS_") : QStringLiteral("_IS_");
                for (const Choice &choice : field.choices)
                    c.insert(name + test + nameWord(choice.value), chosen.contains(choice.value));
                if (field.type == Field::Type::Choice && hasDescriptions(field)) {
                    const Choice *choice = known ? field.choice(chosen.constFirst()) : nullptr;
                    c.insert(name + QStringLiteral("_DESCRIPTION"),
                             choice ? md(inSentence(choice->description)) : QString());
                }
                break;
            }
            case Field::Type::Table:
                c.insert(
                    name,
                    tableItems(field,
                               known ? a.rows(qPrintable(question.id), qPrintable(field.id)) : QList<QVariantMap>{}));
                break;
            }
        }
    }
}

} // namespace contextparts

} // namespace opsflow
