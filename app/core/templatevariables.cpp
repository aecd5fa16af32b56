// The template-variable reference (see templatevariables.h).
#include "templatevariables.h"

#include "answerset.h"
#include "envcatalog.h"
#include "escaping.h"
#include "generation.h"
#include "questionnaire.h"
#include "reportedvalue.h"
#include "templatecontext.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>

namespace opsflow {

namespace {

// The contexts of the recommended answers in each scope, Production-Ready first (the examples).
QList<QVariantMap> recommendedContexts()
{
    QList<QVariantMap> contexts;
    for (const Scope scope : {Scope::Production, Scope::Mvp, Scope::Enterprise}) {
        AnswerSet answers;
        answers.scope = scope;
        answers.scopeChosen = true;
        answers.mode = Mode::SmartAutoSuggest;
        const Resolver resolver(Questionnaire::builtIn(), answers);
        const DeploymentFacts facts = deploymentFacts(resolver);
        contexts.append(
            templateContext(resolver, facts, envCatalog(resolver, facts), plannedDiagrams(resolver, facts)));
    }
    return contexts;
}

QString scalarKind(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool: return QStringLiteral("yes/no");
    case QMetaType::Double:
    case QMetaType::Int:
    case QMetaType::LongLong: return QStringLiteral("number");
    default: return QStringLiteral("text");
    }
}

QString exampleOf(const QVariant &value)
{
    constexpr qsizetype longest = 60;
    switch (value.typeId()) {
    case QMetaType::Bool: return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QMetaType::QVariantList: {
        const qsizetype n = value.toList().size();
        return n == 1 ? QStringLiteral("1 item") : QStringLiteral("%1 items").arg(n);
    }
    default: break;
    }
    QString text = value.toString();
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const bool cut = lineEnd >= 0 || text.size() > longest;
    text = text.left(lineEnd >= 0 ? qMin(lineEnd, longest) : longest).trimmed();
    return cut ? text + QStringLiteral(" …") : text;
}

struct TemplateUses {
    QMap<QString, QStringList> where;      // name → "operations.md: Common Commands", …
    QMap<QString, QStringList> itemFields; // list → names used inside its EACH (may include outer names)
};

// Where the built-in templates use each name, by document and "## " section, and the names
// used inside each EACH: a list empty in every recommended context still shows its fields.
TemplateUses usesInTemplates()
{
    static const QRegularExpression tag(QStringLiteral("\\{\\{([^}]*)\\}\\}"));
    static const QRegularExpression block(QStringLiteral("^([#/])(IF|EACH)(?:[\\s_]+!?\\s*([A-Z][A-Z0-9_]*))?$"));
    static const QRegularExpression plain(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    TemplateUses uses;
    for (const TemplateSet::Entry &entry : TemplateSet::builtIn().entries()) {
        QFile file(QStringLiteral(":/templates/") + entry.fileName);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString document = entry.outputPath.section(QLatin1Char('/'), -1);
        QString section;
        QStringList loops; // open EACH blocks, innermost last
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("## ")))
                section = line.mid(3).trimmed();
            const QString where = section.isEmpty() ? document : QStringLiteral("%1: %2").arg(document, section);
            for (auto it = tag.globalMatch(line); it.hasNext();) {
                const QString inner = it.next().captured(1).trimmed();
                QString name;
                if (const QRegularExpressionMatch b = block.match(inner); b.hasMatch()) {
                    const bool each = b.captured(2) == QLatin1String("EACH");
                    if (each && b.captured(1) == QLatin1String("/")) {
                        if (!loops.isEmpty())
                            loops.removeLast();
                        continue;
                    }
                    name = b.captured(3);
                    if (!name.isEmpty() && !loops.isEmpty())
                        uses.itemFields[loops.last()].append(name);
                    if (each && !name.isEmpty())
                        loops.append(name);
                } else if (plain.match(inner).hasMatch() && inner != QLatin1String("ELSE")) {
                    name = inner;
                    if (!loops.isEmpty())
                        uses.itemFields[loops.last()].append(name);
                }
                if (name.isEmpty())
                    continue;
                QStringList &list = uses.where[name];
                if (!list.contains(where))
                    list.append(where);
            }
        }
    }
    return uses;
}

// The item fields of a list, from every item of every context it has (`lists`), each with its
// kind; a field that is a list itself shows its own fields. Names the templates use inside
// the loop that no context has at the top are fields too, kind unknown.
QStringList describeFields(const QVariantList &lists, const QString &listName, const TemplateUses &uses,
                           const QStringList &topNames)
{
    QMap<QString, QVariantList> values;
    for (const QVariant &list : lists) {
        for (const QVariant &item : list.toList()) {
            const QVariantMap map = item.toMap();
            for (auto it = map.begin(); it != map.end(); ++it)
                values[it.key()].append(it.value());
        }
    }
    for (const QString &field : uses.itemFields.value(listName)) {
        if (!values.contains(field) && !topNames.contains(field))
            values.insert(field, {});
    }
    QStringList out;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.value().isEmpty())
            out.append(it.key());
        else if (it.value().first().typeId() == QMetaType::QVariantList)
            out.append(
                QStringLiteral("%1 (list of: %2)")
                    .arg(it.key(), describeFields(it.value(), it.key(), uses, topNames).join(QStringLiteral(", "))));
        else
            out.append(QStringLiteral("%1 (%2)").arg(it.key(), scalarKind(it.value().first())));
    }
    return out;
}

} // namespace

QList<TemplateVariable> templateVariables()
{
    const QList<QVariantMap> contexts = recommendedContexts();
    QStringList names;
    for (const QVariantMap &context : contexts) {
        for (auto it = context.begin(); it != context.end(); ++it) {
            if (!names.contains(it.key()))
                names.append(it.key());
        }
    }
    names.sort();
    const TemplateUses uses = usesInTemplates();
    QList<TemplateVariable> out;
    for (const QString &name : std::as_const(names)) {
        // Production-Ready's value when it has one (some names exist in one scope only).
        const auto holder =
            std::find_if(contexts.begin(), contexts.end(), [&name](const QVariantMap &c) { return c.contains(name); });
        const QVariant value = holder->value(name);
        TemplateVariable v{name, scalarKind(value), {}, exampleOf(value), uses.where.value(name)};
        if (value.typeId() == QMetaType::QVariantList) {
            v.kind = QStringLiteral("list");
            QVariantList lists;
            for (const QVariantMap &context : contexts)
                lists.append(context.value(name));
            v.fields = describeFields(lists, name, uses, names);
        }
        out.append(v);
    }
    return out;
}

namespace {

QString usedInCell(const QStringList &usedIn)
{
    return usedIn.isEmpty() ? QStringLiteral("not used by the built-in templates")
                            : escape::markdownTableCell(usedIn.join(QStringLiteral("; ")));
}

// The names of one field beside its answer name, as a row of the second table shows them:
// "`ANSWER_7_4_1_STRATEGY` (text), `_IS_A`, `_IS_B`".
QString fieldNames(const QString &name, const QList<TemplateVariable> &variables, const TemplateVariable &main)
{
    QString names = QStringLiteral("`%1` (%2)")
                        .arg(name,
                             escape::markdownTableCell(
                                 main.fields.isEmpty()
                                     ? main.kind
                                     : QStringLiteral("list of: %1").arg(main.fields.join(QStringLiteral(", ")))));
    static const QRegularExpression form(
        QStringLiteral("^_(CELL|NUMBER|DECIDED|DESCRIPTION|IS_[A-Z0-9_]+|HAS_[A-Z0-9_]+)$"));
    for (const TemplateVariable &v : variables) {
        const QString suffix = v.name.mid(name.size());
        if (v.name.startsWith(name) && form.match(suffix).hasMatch())
            names += QStringLiteral(", `%1`").arg(suffix);
    }
    return names;
}

// One row per questionnaire field, in the questionnaire's order.
QString answersTable(const QList<TemplateVariable> &variables)
{
    QMap<QString, const TemplateVariable *> byName;
    for (const TemplateVariable &v : variables)
        byName.insert(v.name, &v);
    QString md =
        QStringLiteral("\n## One name per answer\n\n"
                       "Every field of the questionnaire is also a name of its own, `ANSWER_` and the question and\n"
                       "field ids in upper case, so a template can place any answer, a field added to\n"
                       "`resources/questionnaire/phase7.json` included, without a change to OpsFlow's code. The\n"
                       "value is what the documents use: the answer, a value found in the project, or the\n"
                       "recommended default; empty (or no, or no rows) when the scope or a condition leaves the\n"
                       "field out or nothing decides it. Text reads as the summary reports it (options by their\n"
                       "labels, numbers with their unit), escaped for prose; `_CELL` is the same text for a table\n"
                       "cell, `_NUMBER` the number alone, `_DECIDED` whether a yes/no field has a value,\n"
                       "`_IS_<OPTION>` and `_HAS_<OPTION>` whether an option is chosen, `_DESCRIPTION` the chosen\n"
                       "option's description for the middle of a sentence. A table is a list of its\n"
                       "rows, each column by its id (a number column also as `<COLUMN>_NUMBER`).\n\n"
                       "| Field | Names | Example | Used in |\n"
                       "| --- | --- | --- | --- |\n");
    for (const Question &question : Questionnaire::builtIn().questions()) {
        for (const Field &field : question.fields) {
            const QString name = answerVariable(question.id, field.id);
            const TemplateVariable *main = byName.value(name);
            if (!main)
                continue;
            const bool text = main->kind == QLatin1String("text");
            md +=
                QStringLiteral("| %1 %2 | %3 | %4 | %5 |\n")
                    .arg(question.id, escape::markdownTableCell(reportLabel(field)), fieldNames(name, variables, *main),
                         text ? escape::inlineCode(main->example, escape::CodeContext::TableCell)
                              : escape::markdownTableCell(main->example),
                         usedInCell(main->usedIn));
        }
    }
    return md;
}

} // namespace

QString templateVariablesMarkdown(const QList<TemplateVariable> &variables)
{
    QString md =
        QStringLiteral("# Template variables\n\n"
                       "The names a template in `.ai-flow/templates/opsflow/` may use, in the dialect the built-in\n"
                       "templates use: `{{NAME}}`, `{{#IF NAME}}`…`{{ELSE}}`…`{{/IF}}` (`{{#IF !NAME}}` for not),\n"
                       "`{{#EACH NAME}}`…`{{/EACH}}` over a list, whose item fields are names inside the loop.\n"
                       "Text is already escaped for the place the built-in template puts it (a table cell, prose\n"
                       "or code), so an override should put it in the same kind of place. An unknown name is an\n"
                       "error that names the template and line; nothing is written for that document.\n\n"
                       "This file is generated: `opsflow templates --variables` prints it, and a test fails when\n"
                       "it differs from what the build produces. The example is what the Production-Ready\n"
                       "recommended answers give (or, for a name only another scope has, that scope's),\n"
                       "shortened to one line. The first table holds what OpsFlow derives from the answers;\n"
                       "the second, [one name per answer](#one-name-per-answer), each field as it was answered.\n\n"
                       "## Derived from the answers\n\n"
                       "| Name | Kind | Example | Used in |\n"
                       "| --- | --- | --- | --- |\n");
    for (const TemplateVariable &v : variables) {
        if (v.name.startsWith(QLatin1String("ANSWER_")))
            continue;
        // Text as code, exactly what the template receives; yes/no and counts as words.
        const bool text = v.kind == QLatin1String("text");
        const QString kind =
            v.fields.isEmpty() ? v.kind : QStringLiteral("%1 of: %2").arg(v.kind, v.fields.join(QStringLiteral(", ")));
        md += QStringLiteral("| `%1` | %2 | %3 | %4 |\n")
                  .arg(v.name, escape::markdownTableCell(kind),
                       text ? escape::inlineCode(v.example, escape::CodeContext::TableCell)
                            : escape::markdownTableCell(v.example),
                       usedInCell(v.usedIn));
    }
    return md + answersTable(variables);
}

} // namespace opsflow
