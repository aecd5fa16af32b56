// Loader and validator of the questionnaire data (resources/questionnaire/phase7.json).
#include "questionnaire.h"

#include <cmath>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

Q_LOGGING_CATEGORY(lcQuestionnaire, "opsflow.questionnaire")

#include <algorithm>

namespace opsflow {

QString scopeId(Scope scope)
{
    switch (scope) {
    case Scope::Mvp: return QStringLiteral("mvp");
    case Scope::Production: return QStringLiteral("production");
    case Scope::Enterprise: return QStringLiteral("enterprise");
    }
    return {};
}

QString scopeTitle(Scope scope)
{
    switch (scope) {
    case Scope::Mvp: return QStringLiteral("MVP");
    case Scope::Production: return QStringLiteral("Production-Ready");
    case Scope::Enterprise: return QStringLiteral("Enterprise");
    }
    return {};
}

std::optional<Scope> scopeFromId(const QString &id)
{
    for (Scope s : {Scope::Mvp, Scope::Production, Scope::Enterprise}) {
        if (scopeId(s) == id)
            return s;
    }
    return std::nullopt;
}

QString fieldTypeId(Field::Type type)
{
    switch (type) {
    case Field::Type::Choice: return QStringLiteral("choice");
    case Field::Type::Multi: return QStringLiteral("multi");
    case Field::Type::Text: return QStringLiteral("text");
    case Field::Type::MultiLine: return QStringLiteral("multiline");
    case Field::Type::Number: return QStringLiteral("number");
    case Field::Type::Bool: return QStringLiteral("bool");
    case Field::Type::Table: return QStringLiteral("table");
    }
    return {};
}

namespace {

QString cut(const QString &text, int limit)
{
    if (limit <= 0 || text.size() <= limit)
        return text; // UTF-16 units ≥ code points: no cut needed
    qsizetype points = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate() && ++points > limit)
            return text.left(i);
    }
    return text;
}

} // namespace

QVariant withinLimits(const Field &field, const QVariant &value)
{
    switch (field.type) {
    case Field::Type::Text:
    case Field::Type::MultiLine:
        return value.typeId() == QMetaType::QString ? QVariant(cut(value.toString(), field.maxLength)) : value;
    case Field::Type::Multi: {
        if (value.typeId() != QMetaType::QStringList)
            return value;
        QStringList items = value.toStringList().mid(0, field.maxRows > 0 ? field.maxRows : -1);
        for (QString &item : items)
            item = cut(item, field.maxLength);
        return items;
    }
    case Field::Type::Table: {
        if (value.typeId() != QMetaType::QVariantList)
            return value;
        QVariantList rows = value.toList().mid(0, field.maxRows > 0 ? field.maxRows : -1);
        for (QVariant &row : rows) {
            QVariantMap cells = row.toMap();
            for (const Column &c : field.columns) {
                const auto it = cells.find(c.id);
                if (it != cells.end() && it->typeId() == QMetaType::QString)
                    *it = cut(it->toString(), c.maxLength);
            }
            row = cells;
        }
        return rows;
    }
    default: return value;
    }
}

const Choice *Field::choice(const QString &value) const
{
    for (const Choice &c : choices) {
        if (c.value == value)
            return &c;
    }
    return nullptr;
}

Asked Question::asked(Scope scope) const
{
    switch (scope) {
    case Scope::Mvp: return mvp;
    case Scope::Production: return production;
    case Scope::Enterprise: return enterprise;
    }
    return Asked::Full;
}

const Field *Question::field(const QString &fieldId) const
{
    for (const Field &f : fields) {
        if (f.id == fieldId)
            return &f;
    }
    return nullptr;
}

namespace {

// Collects the first error; every check names where it is ("question 7.4.1, field x: …").
class Reader
{
public:
    QString error;

    bool failed() const { return !error.isEmpty(); }
    void fail(const QString &where, const QString &message)
    {
        if (error.isEmpty())
            error = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }

    // Rejects keys outside `allowed` (a typo in the data must not be ignored silently).
    void onlyKeys(const QJsonObject &object, std::initializer_list<const char *> allowed, const QString &where)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key(); // converted once: this runs for every key of the file
            const bool known = std::any_of(allowed.begin(), allowed.end(),
                                           [&key](const char *name) { return key == QLatin1String(name); });
            if (!known)
                fail(where, QStringLiteral("unknown key \"%1\"").arg(key));
        }
    }
    QString string(const QJsonObject &o, const char *key, const QString &where, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                fail(where, QStringLiteral("\"%1\" is missing").arg(QLatin1String(key)));
            return {};
        }
        if (!v.isString())
            fail(where, QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
        return v.toString();
    }
    bool boolean(const QJsonObject &o, const char *key, const QString &where, bool fallback)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            fail(where, QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(key)));
        return v.toBool();
    }
    std::optional<double> number(const QJsonObject &o, const char *key, const QString &where)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble()) {
            fail(where, QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return v.toDouble();
    }
    QStringList strings(const QJsonObject &o, const char *key, const QString &where)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        QStringList out;
        if (v.isUndefined())
            return out;
        if (!v.isArray()) {
            fail(where, QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(key)));
            return out;
        }
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                fail(where, QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(key)));
            out.append(item.toString());
        }
        return out;
    }

    Asked asked(const QJsonObject &scopes, const char *key, const QString &where)
    {
        const QString v = scopes.value(QLatin1String(key)).toString();
        if (v == QLatin1String("full"))
            return Asked::Full;
        if (v == QLatin1String("simplified"))
            return Asked::Simplified;
        if (v == QLatin1String("skip"))
            return Asked::Skip;
        fail(where, QStringLiteral("scopes.%1 must be \"full\", \"simplified\" or \"skip\"").arg(QLatin1String(key)));
        return Asked::Full;
    }

    // A whole number of at least 1 (a limit).
    int count(const QJsonObject &o, const char *key, const QString &where, int fallback)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > 1e6 || d != std::floor(d)) {
            fail(where, QStringLiteral("\"%1\" must be a whole number from 1 to 1000000").arg(QLatin1String(key)));
            return fallback;
        }
        return int(d);
    }

    Limits limits;
    Field field(const QJsonValue &value, const QString &questionWhere, QSet<QString> *ids);
    QList<Fill> fills(const QJsonObject &choice, const QString &label, const QString &where);
    void checkFills(const QList<Field> &fields, const QString &where);
    QVariant normaliseDefault(const Field &field, const QJsonValue &value, const QString &where);
};

std::optional<Field::Type> typeFromId(const QString &id)
{
    for (auto t : {Field::Type::Choice, Field::Type::Multi, Field::Type::Text, Field::Type::MultiLine,
                   Field::Type::Number, Field::Type::Bool, Field::Type::Table}) {
        if (fieldTypeId(t) == id)
            return t;
    }
    return std::nullopt;
}

Field Reader::field(const QJsonValue &value, const QString &questionWhere, QSet<QString> *ids)
{
    Field f;
    if (!value.isObject()) {
        fail(questionWhere, QStringLiteral("every field must be an object"));
        return f;
    }
    const QJsonObject o = value.toObject();
    f.id = string(o, "id", questionWhere + QStringLiteral(", a field"), true);
    const QString where = questionWhere + QStringLiteral(", field ") + f.id;
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!idPattern.match(f.id).hasMatch())
        fail(where, QStringLiteral("field ids are lower_snake_case"));
    if (ids->contains(f.id))
        fail(where, QStringLiteral("duplicate field id"));
    ids->insert(f.id);
    onlyKeys(o, {"id",       "type",     "label",   "summaryLabel", "section",   "help",   "placeholder",
                 "required", "headline", "default", "when",         "choices",   "other",  "min",
                 "max",      "integer",  "unit",    "columns",      "maxLength", "maxRows"},
             where);
    const QString type = string(o, "type", where, true);
    if (const auto t = typeFromId(type))
        f.type = *t;
    else
        fail(where, QStringLiteral("unknown type \"%1\"").arg(type));
    f.label = string(o, "label", where, true);
    f.summaryLabel = string(o, "summaryLabel", where, false);
    if (o.contains(QLatin1String("summaryLabel")) && f.summaryLabel.trimmed().isEmpty())
        fail(where, QStringLiteral("\"summaryLabel\" must not be empty"));
    f.section = string(o, "section", where, false);
    f.help = string(o, "help", where, false);
    f.placeholder = string(o, "placeholder", where, false);
    f.required = boolean(o, "required", where, false);
    f.headline = boolean(o, "headline", where, false);
    f.when = string(o, "when", where, false);
    f.other = boolean(o, "other", where, false);
    f.min = number(o, "min", where);
    f.max = number(o, "max", where);
    f.integer = boolean(o, "integer", where, true);
    f.unit = string(o, "unit", where, false);
    if (f.min && f.max && *f.min > *f.max)
        fail(where, QStringLiteral("min is greater than max"));
    // The questionnaire's limits, narrowed per field where the data says so.
    const bool isText = f.type == Field::Type::Text || f.type == Field::Type::MultiLine || f.type == Field::Type::Multi;
    if (o.contains(QLatin1String("maxLength")) && !isText)
        fail(where, QStringLiteral("only text, multiline and multi fields have \"maxLength\""));
    if (o.contains(QLatin1String("maxRows")) && f.type != Field::Type::Table && f.type != Field::Type::Multi)
        fail(where, QStringLiteral("only table and multi fields have \"maxRows\""));
    const int lengthLimit = f.type == Field::Type::MultiLine ? limits.multiline : limits.text;
    if (isText)
        f.maxLength = std::min(count(o, "maxLength", where, lengthLimit), lengthLimit);
    if (f.type == Field::Type::Table)
        f.maxRows = std::min(count(o, "maxRows", where, limits.tableRows), limits.tableRows);
    if (f.type == Field::Type::Multi)
        f.maxRows = std::min(count(o, "maxRows", where, limits.listItems), limits.listItems);

    const bool hasChoices = f.type == Field::Type::Choice || f.type == Field::Type::Multi;
    if (o.contains(QLatin1String("choices")) != hasChoices)
        fail(where,
             hasChoices ? QStringLiteral("a %1 field needs \"choices\"").arg(type)
                        : QStringLiteral("only choice and multi fields have \"choices\""));
    QSet<QString> values;
    for (const QJsonValue &cv : o.value(QLatin1String("choices")).toArray()) {
        const QJsonObject co = cv.toObject();
        Choice c;
        c.value = string(co, "value", where, true);
        const QString choiceWhere = where + QStringLiteral(", choice ") + c.value;
        onlyKeys(co, {"value", "label", "marker", "description", "items", "fill"}, choiceWhere);
        c.label = string(co, "label", choiceWhere, true);
        c.marker = string(co, "marker", choiceWhere, false);
        c.description = string(co, "description", choiceWhere, false);
        c.items = strings(co, "items", choiceWhere);
        c.fills = fills(co, c.label, choiceWhere);
        if (values.contains(c.value))
            fail(choiceWhere, QStringLiteral("duplicate choice value"));
        values.insert(c.value);
        f.choices.append(c);
    }
    if (o.contains(QLatin1String("columns")) != (f.type == Field::Type::Table))
        fail(where, QStringLiteral("a table field (and only a table field) has \"columns\""));
    QSet<QString> columnIds;
    for (const QJsonValue &cv : o.value(QLatin1String("columns")).toArray()) {
        const QJsonObject co = cv.toObject();
        Column c;
        c.id = string(co, "id", where, true);
        const QString columnWhere = where + QStringLiteral(", column ") + c.id;
        onlyKeys(co, {"id", "label", "type", "choices", "unit"}, columnWhere);
        c.label = string(co, "label", columnWhere, true);
        c.type = co.contains(QLatin1String("type")) ? string(co, "type", columnWhere, true) : QStringLiteral("text");
        if (c.type != QLatin1String("text") && c.type != QLatin1String("number") && c.type != QLatin1String("choice"))
            fail(columnWhere, QStringLiteral("column type must be text, number or choice"));
        c.choices = strings(co, "choices", columnWhere);
        c.unit = string(co, "unit", columnWhere, false);
        c.maxLength = limits.cell;
        if (columnIds.contains(c.id))
            fail(columnWhere, QStringLiteral("duplicate column id"));
        columnIds.insert(c.id);
        f.columns.append(c);
    }
    if (o.contains(QLatin1String("default"))) {
        f.defaultValue = normaliseDefault(f, o.value(QLatin1String("default")), where);
    } else if (f.type == Field::Type::Choice) {
        // A choice defaults to its recommended (⭐) option: Smart Auto-Suggest's answer.
        for (const Choice &c : f.choices) {
            if (c.marker.contains(QStringLiteral("⭐"))) {
                f.defaultValue = c.value;
                break;
            }
        }
    }
    if (!f.when.isEmpty()) {
        QString message;
        f.condition = Expression::parse(f.when, &message);
        if (!message.isEmpty())
            fail(where, QStringLiteral("bad condition \"%1\": %2").arg(f.when, message));
    }
    return f;
}

// A choice's "fill": { "X": "error_rate_percent" }, each placeholder a whole word of its label.
QList<Fill> Reader::fills(const QJsonObject &choice, const QString &label, const QString &where)
{
    QList<Fill> out;
    const QJsonValue v = choice.value(QLatin1String("fill"));
    if (v.isUndefined())
        return out;
    if (!v.isObject() || v.toObject().isEmpty()) {
        fail(where, QStringLiteral("\"fill\" must be an object of placeholders and field ids"));
        return out;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QRegularExpression word(QStringLiteral("(?<!\\w)%1(?!\\w)").arg(QRegularExpression::escape(it.key())));
        if (it.key().trimmed().isEmpty() || !word.match(label).hasMatch())
            fail(where, QStringLiteral("\"fill\" placeholder \"%1\" is not a word of the label").arg(it.key()));
        if (!it.value().isString())
            fail(where, QStringLiteral("\"fill\" must name a field id for \"%1\"").arg(it.key()));
        out.append({it.key(), it.value().toString()});
    }
    return out;
}

// Every field a "fill" names must be one of `fields` (the same question's, or the context's).
void Reader::checkFills(const QList<Field> &fields, const QString &where)
{
    for (const Field &f : fields) {
        for (const Choice &c : f.choices) {
            for (const Fill &fill : c.fills) {
                const bool known = std::any_of(fields.begin(), fields.end(),
                                               [&](const Field &other) { return other.id == fill.fieldId; });
                const QString at = where + QStringLiteral(", field ") + f.id + QStringLiteral(", choice ") + c.value;
                if (!known)
                    fail(at, QStringLiteral("\"fill\" names unknown field \"%1\"").arg(fill.fieldId));
                else if (fill.fieldId == f.id)
                    fail(at, QStringLiteral("\"fill\" names the choice's own field \"%1\"").arg(fill.fieldId));
            }
        }
    }
}

// Checks a default against its field type and brings it to the value form answers use.
QVariant Reader::normaliseDefault(const Field &f, const QJsonValue &value, const QString &where)
{
    const QString at = where + QStringLiteral(", default");
    switch (f.type) {
    case Field::Type::Choice:
        if (!value.isString() || !f.choice(value.toString()))
            fail(at, QStringLiteral("must be one of the choices' values"));
        return value.toString();
    case Field::Type::Multi: {
        QStringList list;
        for (const QJsonValue &v : value.toArray()) {
            if (!v.isString() || (!f.other && !f.choice(v.toString())))
                fail(at, QStringLiteral("must list choices' values"));
            list.append(v.toString());
        }
        if (!value.isArray())
            fail(at, QStringLiteral("must be a list"));
        return list;
    }
    case Field::Type::Text:
    case Field::Type::MultiLine:
        if (!value.isString())
            fail(at, QStringLiteral("must be a string"));
        return value.toString();
    case Field::Type::Number:
        if (!value.isDouble())
            fail(at, QStringLiteral("must be a number"));
        else if ((f.min && value.toDouble() < *f.min) || (f.max && value.toDouble() > *f.max))
            fail(at, QStringLiteral("is outside min/max"));
        return value.toDouble();
    case Field::Type::Bool:
        if (!value.isBool())
            fail(at, QStringLiteral("must be true or false"));
        return value.toBool();
    case Field::Type::Table: {
        QVariantList rows;
        if (!value.isArray())
            fail(at, QStringLiteral("must be a list of rows"));
        for (const QJsonValue &row : value.toArray()) {
            const QJsonObject r = row.toObject();
            for (auto it = r.begin(); it != r.end(); ++it) {
                const bool known =
                    std::any_of(f.columns.begin(), f.columns.end(), [&](const Column &c) { return c.id == it.key(); });
                if (!known)
                    fail(at, QStringLiteral("row has unknown column \"%1\"").arg(it.key()));
            }
            rows.append(r.toVariantMap());
        }
        return rows;
    }
    }
    return {};
}

} // namespace

std::optional<Questionnaire> Questionnaire::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("not a JSON object (%1 at offset %2)")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    Reader r;
    const QJsonObject root = doc.object();
    r.onlyKeys(
        root,
        {"format", "version", "phase", "title", "duration", "objective", "markers", "limits", "questions", "context"},
        QStringLiteral("questionnaire"));
    if (root.value(QLatin1String("format")).toString() != QLatin1String("opsflow-questionnaire"))
        r.fail(QString(), QStringLiteral("\"format\" must be \"opsflow-questionnaire\""));
    if (root.value(QLatin1String("version")).toInt() != 1)
        r.fail(QString(), QStringLiteral("unsupported questionnaire version"));

    Questionnaire q;
    const QString top = QStringLiteral("questionnaire");
    q.m_phase = r.string(root, "phase", top, true);
    q.m_title = r.string(root, "title", top, true);
    q.m_duration = r.string(root, "duration", top, false);
    q.m_objective = r.string(root, "objective", top, false);
    for (const QJsonValue &mv : root.value(QLatin1String("markers")).toArray()) {
        const QJsonObject mo = mv.toObject();
        r.onlyKeys(mo, {"emoji", "meaning"}, QStringLiteral("markers"));
        q.m_markers.append({r.string(mo, "emoji", QStringLiteral("markers"), true),
                            r.string(mo, "meaning", QStringLiteral("markers"), true)});
    }

    if (!root.value(QLatin1String("limits")).isObject())
        r.fail(QStringLiteral("limits"), QStringLiteral("\"limits\" must be an object"));
    const QJsonObject limits = root.value(QLatin1String("limits")).toObject();
    r.onlyKeys(limits, {"text", "multiline", "tableRows", "cell", "listItems"}, QStringLiteral("limits"));
    for (const char *key : {"text", "multiline", "tableRows", "cell", "listItems"}) {
        if (!limits.contains(QLatin1String(key)))
            r.fail(QStringLiteral("limits"), QStringLiteral("\"%1\" is missing").arg(QLatin1String(key)));
    }
    r.limits = {
        r.count(limits, "text", QStringLiteral("limits"), 1), r.count(limits, "multiline", QStringLiteral("limits"), 1),
        r.count(limits, "tableRows", QStringLiteral("limits"), 1), r.count(limits, "cell", QStringLiteral("limits"), 1),
        r.count(limits, "listItems", QStringLiteral("limits"), 1)};
    q.m_limits = r.limits;

    const QJsonValue questions = root.value(QLatin1String("questions"));
    if (!questions.isArray() || questions.toArray().isEmpty())
        r.fail(QString(), QStringLiteral("\"questions\" must be a non-empty list"));
    for (const QJsonValue &qv : questions.toArray()) {
        const QJsonObject qo = qv.toObject();
        Question question;
        question.id = r.string(qo, "id", QStringLiteral("a question"), true);
        const QString where = QStringLiteral("question ") + question.id;
        if (q.m_index.contains(question.id))
            r.fail(where, QStringLiteral("duplicate question id"));
        r.onlyKeys(qo, {"id", "title", "prompt", "help", "scopes", "emphasis", "summary", "fields", "checks"}, where);
        question.title = r.string(qo, "title", where, true);
        question.prompt = r.string(qo, "prompt", where, true);
        question.help = r.string(qo, "help", where, false);
        question.emphasis = r.boolean(qo, "emphasis", where, false);
        const QJsonObject scopes = qo.value(QLatin1String("scopes")).toObject();
        r.onlyKeys(scopes, {"mvp", "production", "enterprise"}, where + QStringLiteral(", scopes"));
        question.mvp = r.asked(scopes, "mvp", where);
        question.production = r.asked(scopes, "production", where);
        question.enterprise = r.asked(scopes, "enterprise", where);
        const QJsonObject summary = qo.value(QLatin1String("summary")).toObject();
        r.onlyKeys(summary, {"label", "hint"}, where + QStringLiteral(", summary"));
        question.summaryLabel = r.string(summary, "label", where + QStringLiteral(", summary"), true);
        question.summaryHint = r.string(summary, "hint", where + QStringLiteral(", summary"), false);
        QSet<QString> fieldIds;
        for (const QJsonValue &fv : qo.value(QLatin1String("fields")).toArray())
            question.fields.append(r.field(fv, where, &fieldIds));
        if (question.fields.isEmpty())
            r.fail(where, QStringLiteral("a question needs at least one field"));
        r.checkFills(question.fields, where);
        for (const QJsonValue &cv : qo.value(QLatin1String("checks")).toArray()) {
            const QJsonObject co = cv.toObject();
            r.onlyKeys(co, {"assert", "message", "fields", "severity"}, where + QStringLiteral(", a check"));
            Check check;
            check.assertion = r.string(co, "assert", where, true);
            check.message = r.string(co, "message", where, true);
            check.fields = r.strings(co, "fields", where);
            const QString severity = r.string(co, "severity", where, false);
            if (!severity.isEmpty() && severity != QLatin1String("error") && severity != QLatin1String("warning"))
                r.fail(where, QStringLiteral("check severity must be \"error\" or \"warning\""));
            check.warning = severity == QLatin1String("warning");
            QString message;
            check.expression = Expression::parse(check.assertion, &message);
            if (!message.isEmpty())
                r.fail(where, QStringLiteral("bad check \"%1\": %2").arg(check.assertion, message));
            for (const QString &fid : check.fields) {
                if (!question.field(fid))
                    r.fail(where, QStringLiteral("check names unknown field \"%1\"").arg(fid));
            }
            question.checks.append(check);
        }
        q.m_index.insert(question.id, int(q.m_questions.size()));
        q.m_questions.append(question);
    }
    QSet<QString> contextIds;
    for (const QJsonValue &fv : root.value(QLatin1String("context")).toArray())
        q.m_contextFields.append(r.field(fv, QStringLiteral("context"), &contextIds));
    r.checkFills(q.m_contextFields, QStringLiteral("context"));

    // Every name a condition or check uses must exist: a typo would hide a block forever.
    auto checkReferences = [&](const Expression &e, const QString &questionId, const QString &where) {
        for (const auto &[qid, fid] : e.references(questionId)) {
            const bool known = qid == QLatin1String("context") ? q.contextField(fid) != nullptr
                : qid == QLatin1String("answers")              ? fid == QLatin1String("scope")
                                                               : q.field(qid, fid) != nullptr;
            if (!known)
                r.fail(where, QStringLiteral("condition names unknown field \"%1:%2\"").arg(qid, fid));
        }
    };
    for (const Question &question : std::as_const(q.m_questions)) {
        const QString where = QStringLiteral("question ") + question.id;
        for (const Field &f : question.fields)
            checkReferences(f.condition, question.id, where + QStringLiteral(", field ") + f.id);
        for (const Check &c : question.checks)
            checkReferences(c.expression, question.id, where);
    }
    for (const Field &f : std::as_const(q.m_contextFields))
        checkReferences(f.condition, QStringLiteral("context"), QStringLiteral("context, field ") + f.id);

    if (r.failed()) {
        if (error)
            *error = r.error;
        return std::nullopt;
    }
    return q;
}

std::optional<Questionnaire> Questionnaire::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString message;
    auto q = fromJson(file.readAll(), &message);
    if (!q && error)
        *error = QStringLiteral("%1: %2").arg(path, message);
    return q;
}

const Questionnaire &Questionnaire::builtIn()
{
    // Loaded once; the file is ours and tested, so failing here is a build defect.
    static const Questionnaire instance = [] {
        QString error;
        auto q = fromFile(QStringLiteral(":/resources/questionnaire/phase7.json"), &error);
        if (!q)
            qFatal("built-in questionnaire is invalid: %s", qPrintable(error));
        return *q;
    }();
    return instance;
}

const Question *Questionnaire::question(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_questions.at(*it);
}

const Field *Questionnaire::field(const QString &questionId, const QString &fieldId) const
{
    const Question *q = question(questionId);
    return q ? q->field(fieldId) : nullptr;
}

const Field *Questionnaire::contextField(const QString &id) const
{
    for (const Field &f : m_contextFields) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

QList<const Question *> Questionnaire::askedQuestions(Scope scope) const
{
    QList<const Question *> out;
    for (const Question &q : m_questions) {
        if (q.asked(scope) != Asked::Skip)
            out.append(&q);
    }
    return out;
}

} // namespace opsflow
