// Answers → the three Phase 7 documents: templates parsed once, one context per generation, rendered three times.
#include "generation.h"

#include "answerset.h"
#include "envcatalog.h"
#include "escaping.h"
#include "projectcontext.h"
#include "templatecontext.h"

#include <QDir>
#include <QFile>
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
    return set;
}

GenerationResult generate(const Resolver &answers, const TemplateSet &templates)
{
    GenerationResult result;
    const DeploymentFacts facts = deploymentFacts(answers);
    const QList<EnvVar> catalog = envCatalog(answers, facts);
    result.diagrams = plannedDiagrams(answers, facts);
    const QVariantMap context = templateContext(answers, facts, catalog, result.diagrams);
    for (const EnvVar &var : catalog) {
        bool exact = true;
        escape::envValue(var.example, &exact);
        if (!exact)
            result.warnings.append(
                QStringLiteral("The example value of %1 in .env.example was changed to a form a shell and every dotenv "
                               "reader take literally (quotes, line breaks or backslashes replaced).")
                    .arg(var.name));
    }
    for (const TemplateSet::Entry &entry : templates.entries()) {
        if (!entry.errors.isEmpty()) {
            result.errors += entry.errors;
            continue;
        }
        // A document with holes is worse than none: it is left out, and the errors say why.
        QList<TemplateError> errors;
        const QString text = entry.parsed.render(context, &errors);
        if (!errors.isEmpty()) {
            result.errors += errors;
            continue;
        }
        result.files.append({entry.outputPath, finish(text)});
    }
    return result;
}

} // namespace opsflow
