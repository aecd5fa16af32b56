// Answers → the three Phase 7 documents: templates parsed once, one context per generation, rendered three times.
#include "generation.h"

#include "answerset.h"
#include "envcatalog.h"
#include "escaping.h"
#include "knowledge.h"
#include "projectcontext.h"
#include "templatecontext.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace opsflow {

namespace {

struct TemplateFile {
    const char *outputPath;
    const char *fileName;
};

// The order here is the order of GenerationResult::files.
constexpr TemplateFile templateFiles[] = {
    {"docs/operations.md", "operations.md.template"},
    {"specs/configuration.md", "configuration.md.template"},
    {".env.example", "env.example.template"},
};

// Templates are a few dozen KiB; anything this large is not one.
constexpr qint64 maxTemplateSize = qint64(1024) * 1024;

// Parses one template's bytes; `displayName` is what errors call it.
TemplateSet::Entry parseTemplate(const TemplateFile &file, const QByteArray &bytes, const QString &displayName)
{
    TemplateSet::Entry entry{QString::fromLatin1(file.outputPath), QString::fromLatin1(file.fileName), {}, {}};
    if (bytes.size() > maxTemplateSize) {
        entry.errors.append({displayName, 0, QStringLiteral("is larger than 1 MiB; not read")});
        return entry;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (utf8.hasError()) {
        entry.errors.append({displayName, 0, QStringLiteral("is not valid UTF-8")});
        return entry;
    }
    entry.parsed = Template::parse(displayName, text, &entry.errors);
    return entry;
}

// A built-in template, from the resources.
TemplateSet::Entry loadBuiltIn(const TemplateFile &file)
{
    const QString name = QString::fromLatin1(file.fileName);
    QFile in(QStringLiteral(":/templates/") + name);
    if (!in.open(QIODevice::ReadOnly)) {
        TemplateSet::Entry entry{QString::fromLatin1(file.outputPath), name, {}, {}};
        entry.errors.append({name, 0, QStringLiteral("cannot be read: %1").arg(in.errorString())});
        return entry;
    }
    return parseTemplate(file, in.readAll(), name);
}

// The context an ai-flow template reads: OpsFlow's values, plus each of ai-flow's names that
// the knowledge file maps to one (lists rebuilt with ai-flow's item field names).
QVariantMap aiFlowContext(const QVariantMap &context, const AiFlowTemplateKnowledge &known)
{
    QVariantMap out = context;
    for (auto it = known.variables.begin(); it != known.variables.end(); ++it) {
        // An empty text is no value: ai-flow's template has no IF around it, so it stays TBD.
        const auto value = context.constFind(it.value());
        if (value != context.cend() && !(value->typeId() == QMetaType::QString && value->toString().isEmpty()))
            out.insert(it.key(), *value);
    }
    for (auto it = known.lists.begin(); it != known.lists.end(); ++it) {
        const auto list = context.constFind(it->from);
        if (list == context.cend())
            continue;
        QVariantList items;
        int position = 0;
        for (const QVariant &item : list->toList()) {
            QVariantMap fields = item.toMap();
            ++position;
            for (auto field = it->fields.begin(); field != it->fields.end(); ++field) {
                if (field.value() == QLatin1String("INDEX"))
                    fields.insert(field.key(), position);
                else if (fields.contains(field.value()))
                    fields.insert(field.key(), fields.value(field.value()));
            }
            items.append(fields);
        }
        out.insert(it.key(), items);
    }
    return out;
}

// A Markdown document written from an ai-flow template, cut into OpsFlow sections at its
// "## " headings (outside code fences), so that regenerating it merges the team's edits line
// by line like OpsFlow's own documents instead of keeping or replacing the whole file. A
// template that places its own opsflow markers is left as it is.
QString inSections(const QString &markdown)
{
    if (markdown.contains(QLatin1String("<!-- opsflow:")))
        return markdown;
    static const QRegularExpression fence(QStringLiteral("^\\s{0,3}(```|~~~)"));
    static const QRegularExpression notSlug(QStringLiteral("[^a-z0-9]+"));
    QStringList out;
    QString open;
    QSet<QString> used;
    bool inFence = false;
    const auto close = [&] {
        if (!open.isEmpty())
            out.append(QStringLiteral("<!-- opsflow:end %1 -->").arg(open));
        open.clear();
    };
    const auto begin = [&](const QString &title) {
        QString slug = title.toLower().replace(notSlug, QStringLiteral("-"));
        while (slug.startsWith(u'-'))
            slug.remove(0, 1);
        while (slug.endsWith(u'-'))
            slug.chop(1);
        const QString id = QStringLiteral("aiflow-") + (slug.isEmpty() ? QStringLiteral("section") : slug);
        QString unique = id;
        for (int n = 2; used.contains(unique); ++n)
            unique = id + u'-' + QString::number(n);
        used.insert(unique);
        open = unique;
        out.append(QStringLiteral("<!-- opsflow:begin %1 -->").arg(open));
    };
    const QStringList lines = markdown.split(u'\n');
    for (const QString &line : lines) {
        if (fence.match(line).hasMatch())
            inFence = !inFence;
        if (!inFence && line.startsWith(QLatin1String("## "))) {
            close();
            begin(line.mid(3));
        } else if (open.isEmpty() && !line.trimmed().isEmpty()) {
            begin(QStringLiteral("top"));
        }
        out.append(line);
    }
    // The last section ends before the document's final blank lines.
    while (!out.isEmpty() && out.constLast().trimmed().isEmpty())
        out.removeLast();
    close();
    return out.join(u'\n') + u'\n';
}

// Every document ends with exactly one newline, whatever an override's last line looks like,
// and holds no bidi control, invisible character or control but \n and \t, wherever its text
// came from (an answer, a project file, an override).
QByteArray finish(QString text)
{
    text = escape::withoutInvisible(text);
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    text.append(QLatin1Char('\n'));
    return text.toUtf8();
}

} // namespace

QString TemplateSet::overrideDir()
{
    return QStringLiteral(".ai-flow/templates/opsflow");
}

TemplateSet TemplateSet::builtIn()
{
    // Parsed once per process; copies share the parsed trees.
    static const TemplateSet builtIn = [] {
        TemplateSet set;
        for (const TemplateFile &file : templateFiles)
            set.m_entries.append(loadBuiltIn(file));
        return set;
    }();
    return builtIn;
}

TemplateSet TemplateSet::forProject(const QString &projectDir)
{
    TemplateSet set = builtIn();
    for (qsizetype i = 0; i < set.m_entries.size(); ++i) {
        const QString relative = overrideDir() + QLatin1Char('/') + set.m_entries.at(i).fileName;
        // Read like any project file: never through a link leading out of the project, never
        // from a pipe or device (which would block), never beyond the size limit.
        const ProjectFile found = readProjectFile(projectDir, relative, maxTemplateSize);
        if (!found.exists)
            continue;
        if (!found.read) {
            TemplateSet::Entry entry{set.m_entries.at(i).outputPath, set.m_entries.at(i).fileName, {}, {}};
            QString why = found.note;
            if (why.startsWith(relative + QLatin1Char(' ')))
                why = why.mid(relative.size() + 1);
            entry.errors.append({relative, 0, why});
            set.m_entries[i] = entry;
            continue;
        }
        set.m_entries[i] = parseTemplate(templateFiles[i], found.content, relative);
    }
    // ai-flow's own templates, read the same way; rendered only when the answers choose them.
    for (const AiFlowTemplateKnowledge &known : Knowledge::builtIn().aiFlowTemplates()) {
        for (const TemplateFile &file : templateFiles) {
            if (known.replaces != QLatin1String(file.fileName))
                continue;
            const ProjectFile found = readProjectFile(projectDir, known.source, maxTemplateSize);
            if (!found.exists)
                continue;
            TemplateSet::Entry entry = found.read
                ? parseTemplate(file, found.content, known.source)
                : TemplateSet::Entry{QString::fromLatin1(file.outputPath), QString::fromLatin1(file.fileName), {}, {}};
            if (!found.read)
                entry.errors.append({known.source, 0, found.note});
            entry.aiFlow = &known;
            set.m_aiFlowEntries.append(entry);
        }
    }
    return set;
}

QList<TemplateSet::Entry> TemplateSet::chosen(bool aiFlow) const
{
    QList<Entry> out = m_entries;
    if (!aiFlow)
        return out;
    for (Entry &entry : out) {
        for (const Entry &theirs : m_aiFlowEntries) {
            if (theirs.fileName == entry.fileName)
                entry = theirs;
        }
    }
    return out;
}

namespace {

// An override in OpsFlow's folder written in ai-flow's names (the stock template copied
// there): the errors alone would list a hundred unknown names without saying what to do.
std::optional<TemplateError> aiFlowNamesHint(const TemplateSet::Entry &entry, const QVariantMap &context)
{
    const AiFlowTemplateKnowledge *known = nullptr;
    for (const AiFlowTemplateKnowledge &k : Knowledge::builtIn().aiFlowTemplates()) {
        if (k.replaces == entry.fileName)
            known = &k;
    }
    if (!known)
        return std::nullopt;
    QStringList theirs;
    for (const QString &name : entry.parsed.referencedNames()) {
        if (!context.contains(name) && (known->variables.contains(name) || known->lists.contains(name)))
            theirs.append(name);
    }
    // One shared name could be a typo; three are ai-flow's dialect.
    constexpr int enough = 3;
    if (theirs.size() < enough)
        return std::nullopt;
    return TemplateError{
        entry.parsed.name(), 0,
        QStringLiteral("uses ai-flow's template names (%1, …): it is ai-flow's own template, which "
                       "belongs at %2 and is used by choosing ai-flow's templates (--templates "
                       "ai-flow, or on the generate page); %3/ holds templates in OpsFlow's names")
            .arg(theirs.mid(0, enough).join(QStringLiteral(", ")), known->source, TemplateSet::overrideDir())};
}

// The answers' own names (answerVariable()) the entries use, directly or through ai-flow's
// names, so that the context builds only those fields: all 113 of them would add about a
// tenth to every preview update.
QSet<QString> answerNamesUsed(const QList<TemplateSet::Entry> &entries)
{
    QSet<QString> names;
    const auto keep = [&names](const QString &name) {
        if (name.startsWith(QLatin1String("ANSWER_")))
            names.insert(name);
    };
    for (const TemplateSet::Entry &entry : entries) {
        for (const QString &name : entry.parsed.referencedNames())
            keep(name);
        if (entry.aiFlow) {
            for (const QString &name : entry.aiFlow->variables)
                keep(name);
            for (const AiFlowListAlias &list : entry.aiFlow->lists)
                keep(list.from);
        }
    }
    return names;
}

} // namespace

GenerationResult generate(const Resolver &answers, const TemplateSet &templates)
{
    GenerationResult result;
    const bool aiFlow = answers.answers().templates == TemplateChoice::AiFlow;
    const QList<TemplateSet::Entry> chosen = templates.chosen(aiFlow);
    const DeploymentFacts facts = deploymentFacts(answers);
    const QList<EnvVar> catalog = envCatalog(answers, facts);
    result.diagrams = plannedDiagrams(answers, facts);
    const QVariantMap context = templateContext(answers, facts, catalog, result.diagrams, answerNamesUsed(chosen));
    for (const EnvVar &var : catalog) {
        bool exact = true;
        escape::envValue(var.example, &exact);
        if (!exact)
            result.warnings.append(
                QStringLiteral("The example value of %1 in .env.example was changed to a form a shell and every dotenv "
                               "reader take literally (quotes, line breaks or backslashes replaced).")
                    .arg(var.name));
    }
    if (!aiFlow && !templates.aiFlowEntries().isEmpty()) {
        QStringList sources;
        for (const TemplateSet::Entry &entry : templates.aiFlowEntries())
            sources.append(entry.aiFlow->source);
        result.warnings.append(
            QStringLiteral("The project has ai-flow's own templates (%1); OpsFlow writes the documents "
                           "with its own. Choose ai-flow's templates to write them from yours.")
                .arg(sources.join(QStringLiteral(", "))));
    }
    if (aiFlow && templates.aiFlowEntries().isEmpty())
        result.warnings.append(QStringLiteral("ai-flow's templates were chosen, but the project has none under "
                                              ".ai-flow/templates/; OpsFlow writes the documents with its own."));
    for (const TemplateSet::Entry &entry : chosen) {
        if (!entry.errors.isEmpty()) {
            result.errors += entry.errors;
            continue;
        }
        // A document with holes is worse than none: it is left out, and the errors say why.
        // ai-flow's templates name things OpsFlow may not know: those stay visible as TBD.
        QList<TemplateError> errors;
        QStringList unfilled;
        QString text = entry.aiFlow ? entry.parsed.render(aiFlowContext(context, *entry.aiFlow), &errors, &unfilled)
                                    : entry.parsed.render(context, &errors);
        if (entry.aiFlow && entry.outputPath.endsWith(QLatin1String(".md")) && errors.isEmpty()) {
            // ai-flow's templates cannot mark a default: say how many the document holds.
            const int defaults = context.value(QStringLiteral("DEFAULTS_COUNT")).toInt();
            QString note =
                QStringLiteral("\n## About this document\n\nWritten by OpsFlow from `%1`.").arg(entry.aiFlow->source);
            if (defaults > 0)
                note += QStringLiteral(" Of the values behind it, %1 are the questionnaire's recommended defaults "
                                       "rather than answers (the template cannot mark them); `opsflow summary` marks "
                                       "each one. Answer those questions in OpsFlow to replace them.")
                            .arg(defaults);
            if (!unfilled.isEmpty())
                note += QStringLiteral(" OpsFlow has no value for what reads [TBD: NAME].");
            text = inSections(text + note);
        }
        if (!unfilled.isEmpty()) {
            result.unfilled.insert(entry.outputPath, unfilled);
            result.warnings.append(
                QStringLiteral("%1 is written from %2; OpsFlow has no value for %3 of its names, left "
                               "as [TBD: NAME]: %4.")
                    .arg(entry.outputPath, entry.aiFlow->source)
                    .arg(unfilled.size())
                    .arg(unfilled.join(QStringLiteral(", "))));
        }
        if (!errors.isEmpty()) {
            if (const auto hint = entry.aiFlow ? std::nullopt : aiFlowNamesHint(entry, context))
                result.errors.append(*hint);
            result.errors += errors;
            continue;
        }
        if (entry.outputPath == QLatin1String(".env.example")) {
            // Sourcing the file (set -a; . .env.example) must never run anything, whatever a
            // project's template put there.
            QStringList changed;
            text = escape::envFileSafe(text, &changed);
            if (!changed.isEmpty())
                result.warnings.append(QStringLiteral("%1 written from %2 was made safe to source: %3.")
                                           .arg(entry.outputPath, entry.aiFlow ? entry.aiFlow->source : entry.fileName,
                                                changed.join(QStringLiteral("; "))));
        }
        result.files.append({entry.outputPath, finish(text)});
    }
    return result;
}

} // namespace opsflow
