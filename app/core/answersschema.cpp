// Builds the answers file's JSON Schema from the questionnaire (see answersschema.h).
#include "answersschema.h"

#include "answersfile.h"
#include "questionnaire.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace opsflow {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

// A value may also be null: "not answered" (older files hold it; it is never used).
QJsonArray orNull(std::initializer_list<const char *> types)
{
    QJsonArray out;
    for (const char *type : types)
        out.append(s(type));
    out.append(s("null"));
    return out;
}

// Ranges are the questionnaire's to check (the wizard shows them beside the field, generate
// refuses them): a file the wizard autosaved mid-typing must still load. They are stated in
// the description, so the schema still tells a reader.
QString describe(const Field &f)
{
    QString text = f.label;
    if (f.min && f.max)
        text +=
            QStringLiteral(" (%1 to %2%3)").arg(*f.min).arg(*f.max).arg(f.unit.isEmpty() ? QString() : u' ' + f.unit);
    return text;
}

QJsonObject cellSchema(const Column &c)
{
    QJsonObject o;
    if (c.type == QLatin1String("number")) {
        o.insert(s("type"), orNull({"number", "string"}));
        o.insert(s("maxLength"), c.maxLength);
    } else if (c.type == QLatin1String("choice")) {
        o.insert(s("type"), orNull({"string"}));
        QJsonArray values = QJsonArray::fromStringList(c.choices);
        values.append(QJsonValue::Null);
        o.insert(s("enum"), values);
    } else {
        o.insert(s("type"), orNull({"string"}));
        o.insert(s("maxLength"), c.maxLength);
    }
    return o;
}

QJsonObject fieldSchema(const Field &f)
{
    QJsonObject o;
    o.insert(s("description"), describe(f));
    QJsonArray values;
    for (const Choice &c : f.choices)
        values.append(c.value);
    switch (f.type) {
    case Field::Type::Choice:
        o.insert(s("type"), orNull({"string"}));
        values.append(QJsonValue::Null);
        o.insert(s("enum"), values);
        break;
    case Field::Type::Multi: {
        o.insert(s("type"), orNull({"array"}));
        QJsonObject items;
        if (f.other) {
            // Its own additions are allowed beside the choices.
            items.insert(s("type"), s("string"));
            items.insert(s("maxLength"), f.maxLength);
        } else {
            items.insert(s("enum"), values);
        }
        o.insert(s("items"), items);
        o.insert(s("uniqueItems"), true);
        o.insert(s("maxItems"), f.maxRows);
        break;
    }
    case Field::Type::Text:
    case Field::Type::MultiLine:
        o.insert(s("type"), orNull({"string"}));
        o.insert(s("maxLength"), f.maxLength);
        break;
    case Field::Type::Number: o.insert(s("type"), orNull({"number"})); break;
    case Field::Type::Bool: o.insert(s("type"), orNull({"boolean"})); break;
    case Field::Type::Table: {
        o.insert(s("type"), orNull({"array"}));
        o.insert(s("maxItems"), f.maxRows);
        QJsonObject cells;
        for (const Column &c : f.columns)
            cells.insert(c.id, cellSchema(c));
        o.insert(s("items"),
                 QJsonObject{{s("type"), s("object")}, {s("additionalProperties"), false}, {s("properties"), cells}});
        break;
    }
    }
    return o;
}

QJsonObject enumOf(const QStringList &values, const QString &description = {})
{
    QJsonObject o{{s("type"), s("string")}, {s("enum"), QJsonArray::fromStringList(values)}};
    if (!description.isEmpty())
        o.insert(s("description"), description);
    return o;
}

} // namespace

QJsonObject answersSchema(const Questionnaire &questionnaire)
{
    QJsonObject answers;
    QJsonObject imported;
    QStringList questionIds;
    for (const Question &q : questionnaire.questions()) {
        QJsonObject fields;
        QJsonObject importedFields;
        for (const Field &f : q.fields) {
            fields.insert(f.id, fieldSchema(f));
            importedFields.insert(
                f.id,
                QJsonObject{
                    {s("type"), s("object")},
                    {s("additionalProperties"), false},
                    {s("required"), QJsonArray{s("value"), s("evidence")}},
                    {s("properties"),
                     QJsonObject{{s("value"),
                                  QJsonObject{{s("$ref"),
                                               QStringLiteral("#/properties/answers/properties/%1/"
                                                              "properties/%2")
                                                   .arg(q.id, f.id)}}},
                                 {s("evidence"), QJsonObject{{s("type"), s("string")}, {s("pattern"), s("\\S")}}}}}});
        }
        imported.insert(q.id,
                        QJsonObject{{s("type"), s("object")},
                                    {s("additionalProperties"), false},
                                    {s("properties"), importedFields}});
        answers.insert(q.id,
                       QJsonObject{{s("type"), s("object")},
                                   {s("description"), q.title},
                                   {s("additionalProperties"), false},
                                   {s("properties"), fields}});
        questionIds.append(q.id);
    }
    QJsonObject context;
    for (const Field &f : questionnaire.contextFields())
        context.insert(f.id, fieldSchema(f));

    QJsonObject only = {{s("type"), s("array")},
                        {s("items"), enumOf(questionIds)},
                        {s("uniqueItems"), true},
                        {s("description"), s("Pre-flight scenario B: only these questions are asked.")}};
    QJsonObject properties = {
        {s("$schema"), QJsonObject{{s("type"), s("string")}}},
        {s("format"), QJsonObject{{s("const"), s("opsflow-answers")}}},
        {s("version"),
         QJsonObject{{s("type"), s("integer")},
                     {s("minimum"), 1},
                     {s("description"),
                      QStringLiteral("The format version; this OpsFlow reads up to %1 and refuses newer files.")
                          .arg(AnswersFile::currentVersion)}}},
        {s("phase"), QJsonObject{{s("const"), s("7")}}},
        {s("scope"), enumOf({s("mvp"), s("production"), s("enterprise")})},
        {s("mode"), enumOf({s("interactive"), s("smart")})},
        {s("only"), only},
        {s("templates"),
         enumOf({s("opsflow"), s("ai-flow")},
                s("Which templates write the documents: OpsFlow's own (the default), or the project's ai-flow "
                  "templates under .ai-flow/templates/."))},
        {s("preflight"),
         enumOf(preflightActionIds(),
                s("The pre-flight choice for a project with operations documents: keep them, answer only the "
                  "missing questions, answer the full phase, or skip."))},
        {s("context"),
         QJsonObject{{s("type"), s("object")}, {s("additionalProperties"), false}, {s("properties"), context}}},
        {s("imported"),
         QJsonObject{{s("type"), s("object")},
                     {s("additionalProperties"), false},
                     {s("description"),
                      s("Answers generate took from the project's existing operations documents (pre-flight scenario "
                        "B), each with the value taken and the line it came from (\"docs/deployment.md:3\").")},
                     {s("properties"), imported}}},
        {s("answers"),
         QJsonObject{{s("type"), s("object")}, {s("additionalProperties"), false}, {s("properties"), answers}}},
    };
    return {
        {s("$schema"), s("https://json-schema.org/draft/2020-12/schema")},
        {s("$id"), s("https://opsflow.invalid/schemas/answers-1.json")},
        {s("title"), s("OpsFlow answers (ai-flow phase 7)")},
        {s("description"),
         s("The answers file OpsFlow saves at .ai-flow/answers/phase7.json. Question ids are the seed's numbers; "
           "field ids, types, options and limits come from resources/questionnaire/phase7.json, from which this "
           "schema is made (tst_answersschema checks it is current; OPSFLOW_UPDATE_SCHEMA=1 rewrites it). The "
           "loader refuses everything this schema refuses, and also duplicate keys and raw control characters.")},
        {s("type"), s("object")},
        {s("required"), QJsonArray{s("format"), s("version")}},
        {s("additionalProperties"), false},
        {s("properties"), properties},
    };
}

QByteArray answersSchemaJson(const Questionnaire &questionnaire)
{
    return QJsonDocument(answersSchema(questionnaire)).toJson(QJsonDocument::Indented);
}

} // namespace opsflow
