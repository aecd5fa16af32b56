// The fuzz targets: each feeds one input to a parser or merger of user data and checks the
// properties its header promises, beyond "does not crash".
#include "fuzztargets.h"

#include "answersfile.h"
#include "envfile.h"
#include "envmerge.h"
#include "escaping.h"
#include "generation.h"
#include "preflight.h"
#include "sectionmerge.h"
#include "summaryexport.h"
#include "templating.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace opsflow::fuzz {

namespace {

QString fromUtf8(const QByteArray &input)
{
    return QString::fromUtf8(input);
}

QString firstLine(const QString &text)
{
    return text.left(200).section(QLatin1Char('\n'), 0, 0);
}

// ---- templating ------------------------------------------------------------------------

// The context every fuzzed template is rendered with: each kind of value the engine knows.
const QVariantMap &templateContext()
{
    static const QVariantMap context = [] {
        QVariantList rows;
        for (int i = 1; i <= 2; ++i) {
            rows.append(QVariantMap{
                {QStringLiteral("KEY"), QStringLiteral("KEY_%1").arg(i)},
                {QStringLiteral("VALUE"), double(i)},
                {QStringLiteral("ON"), i == 1},
                {QStringLiteral("TAGS"), QStringList{QStringLiteral("a"), QStringLiteral("b")}},
            });
        }
        return QVariantMap{
            {QStringLiteral("NAME"), QStringLiteral("payments-api")},
            {QStringLiteral("EMPTY"), QString()},
            {QStringLiteral("YES"), true},
            {QStringLiteral("NO"), false},
            {QStringLiteral("COUNT"), 3.0},
            {QStringLiteral("HALF"), 0.5},
            {QStringLiteral("ZERO"), 0.0},
            {QStringLiteral("NOTHING"), QVariant()},
            {QStringLiteral("ROWS"), rows},
            {QStringLiteral("WORDS"), QStringList{QStringLiteral("x"), QStringLiteral("y")}},
            {QStringLiteral("NONE"), QVariantList()},
            {QStringLiteral("MAP"), QVariantMap{{QStringLiteral("A"), 1.0}}},
        };
    }();
    return context;
}

QString templating(const QByteArray &input)
{
    const QString text = fromUtf8(input);
    QList<TemplateError> parseErrors;
    const Template parsed = Template::parse(QStringLiteral("fuzz.template"), text, &parseErrors);
    if (parsed.isValid() != parseErrors.isEmpty())
        return QStringLiteral("parse() returned a valid template with errors, or an invalid one without");
    const int lines = int(text.count(QLatin1Char('\n'))) + 1;
    for (const TemplateError &e : std::as_const(parseErrors)) {
        if (e.line < 0 || e.line > lines)
            return QStringLiteral("a parse error names line %1 of a %2-line template").arg(e.line).arg(lines);
        if (e.message.isEmpty())
            return QStringLiteral("a parse error has no message");
    }
    if (!parsed.isValid())
        return {};
    (void)parsed.referencedNames();
    // Nested EACH over the two-item lists doubles the output per level: a template may ask
    // for that, but it is the author's choice, not a bug, so deep nests are only parsed.
    if (text.count(QLatin1String("EACH")) > 12)
        return {};
    QList<TemplateError> first;
    QList<TemplateError> second;
    const QString a = parsed.render(templateContext(), &first);
    const QString b = parsed.render(templateContext(), &second);
    if (a != b || first.size() != second.size())
        return QStringLiteral("rendering the same template twice gave different results");
    for (int i = 1; i < first.size(); ++i) {
        if (first.at(i).line < first.at(i - 1).line)
            return QStringLiteral("render errors are not sorted by line");
    }
    return {};
}

// ---- answers file ----------------------------------------------------------------------

QString answersFile(const QByteArray &input)
{
    const Questionnaire &questionnaire = Questionnaire::builtIn();
    QString error;
    const auto loaded = AnswersFile::fromJson(input, questionnaire, &error);
    if (!loaded) {
        if (error.isEmpty())
            return QStringLiteral("fromJson() refused the file without a message");
        // A key is quoted into the one-line message the CLI prints: no line breaks or escape
        // sequences may reach the terminal (regressions/answersfile/key-with-newline.json).
        if (std::any_of(error.cbegin(), error.cend(), [](QChar c) { return c.unicode() < 0x20; }))
            return QStringLiteral("the error message holds control characters: %1").arg(firstLine(error));
        return {};
    }
    const QByteArray saved = AnswersFile::toJson(*loaded);
    QString again;
    const auto reloaded = AnswersFile::fromJson(saved, questionnaire, &again);
    if (!reloaded)
        return QStringLiteral("a loaded file, saved again, does not load: %1").arg(firstLine(again));
    // A question object with no values ("7.3": {} or only nulls) loads as an empty entry
    // that saving leaves out; both mean "nothing answered", so compare without them.
    auto withoutEmpty = [](AnswerSet set) {
        set.answers.removeIf([](const auto &entry) { return entry.value().isEmpty(); });
        return set;
    };
    if (withoutEmpty(*reloaded) != withoutEmpty(*loaded))
        return QStringLiteral("loading what was saved gives other answers");
    if (AnswersFile::toJson(*reloaded) != saved)
        return QStringLiteral("saving is not stable: save(load(save(x))) != save(x)");
    const Resolver resolver(questionnaire, *loaded);
    for (const Question &question : questionnaire.questions()) {
        (void)validateQuestion(resolver, question.id);
        (void)resolver.isAsked(question.id);
    }
    return {};
}

// ---- generation from a fuzzed answers file ---------------------------------------------

QString generation(const QByteArray &input)
{
    const Questionnaire &questionnaire = Questionnaire::builtIn();
    QString error;
    const auto answers = AnswersFile::fromJson(input, questionnaire, &error);
    if (!answers)
        return {};
    // Any JSON number reaches the generator (ranges are the wizard's job): none may overflow
    // a conversion (regressions/generation/port-1e308.json).
    static const TemplateSet templates = TemplateSet::builtIn();
    const Resolver resolver(questionnaire, *answers);
    const GenerationResult result = generate(resolver, templates);
    if (!result.errors.isEmpty())
        return QStringLiteral("an answers file that loads does not generate: %1").arg(result.errors.first().toString());
    if (result.files.size() != 3)
        return QStringLiteral("generation gave %1 files instead of 3").arg(result.files.size());
    // .env.example: every line a comment, blank, or one KEY=value; nothing typed may start
    // a line of its own (a multi-line value is written with "\n" escapes).
    static const QRegularExpression envLine(QStringLiteral("^(#.*|[A-Za-z_][A-Za-z0-9_]*=.*|)$"));
    const QString env = QString::fromUtf8(result.files.at(2).content);
    const QStringList lines = env.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (!envLine.match(lines.at(i)).hasMatch())
            return QStringLiteral(".env.example line %1 is neither a comment nor KEY=value: %2")
                .arg(i + 1)
                .arg(lines.at(i).left(80));
    }
    for (const SummaryFormat format : {SummaryFormat::Markdown, SummaryFormat::Json}) {
        QByteArray bytes;
        if (!exportSummary(resolver, format, &bytes, &error) || bytes.isEmpty())
            return QStringLiteral("the %1 summary failed: %2").arg(summaryFormatId(format), error);
    }
    return {};
}

// ---- pre-flight: OpsFlow's own audit of document text ----------------------------------

QString auditText(const QByteArray &input)
{
    // Up to the first NUL: docs/deployment.md; after it: docs/operations.md.
    const qsizetype cut = input.indexOf('\0');
    QList<ProjectFile> documents;
    const QList<QPair<const char *, QByteArray>> parts = {
        {"docs/deployment.md", cut < 0 ? input : input.left(cut)},
        {"docs/operations.md", cut < 0 ? QByteArray() : input.mid(cut + 1)},
    };
    for (const auto &[path, bytes] : parts) {
        ProjectFile file;
        file.path = QLatin1String(path);
        file.exists = file.read = cut >= 0 || path == parts.first().first;
        file.content = bytes;
        file.text = QString::fromUtf8(bytes);
        documents.append(file);
    }
    const PreflightResult r = auditDocuments(documents);
    if (!r.docsExist)
        return QStringLiteral("a document was read, yet docsExist is false");
    if (!r.score || *r.score < 0 || *r.score > 100)
        return QStringLiteral("the score is missing or out of 0–100");
    int documented = 0;
    for (const AuditItem &item : r.items)
        documented += item.documented ? 1 : 0;
    if (int(*r.score) != documented * 100 / int(r.items.size()))
        return QStringLiteral("score %1 does not match %2 of %3 items")
            .arg(*r.score)
            .arg(documented)
            .arg(r.items.size());
    const PreflightScenario expected = *r.score >= 95 ? PreflightScenario::KeepExisting
        : *r.score >= 80                              ? PreflightScenario::AnswerMissing
                                                      : PreflightScenario::FullPhase;
    if (r.scenario != expected)
        return QStringLiteral("score %1 gave scenario %2").arg(*r.score).arg(scenarioLetter(r.scenario));
    if (r.options.isEmpty())
        return QStringLiteral("no options offered");
    (void)preflightReport(r);
    return {};
}

// ---- pre-flight: ai-flow's audit-data.json, through a project on disk ------------------
// preflight.h has no parser of audit JSON alone, so each input is written into one
// temporary project made at start-up; runPreflight() then reads it as `opsflow check` does.

QString auditData(const QByteArray &input)
{
    static const auto project = [] {
        auto dir = std::make_unique<QTemporaryDir>();
        QDir().mkpath(dir->filePath(QStringLiteral(".ai-flow/cache")));
        QDir().mkpath(dir->filePath(QStringLiteral("docs")));
        QFile doc(dir->filePath(QStringLiteral("docs/deployment.md")));
        if (doc.open(QIODevice::WriteOnly))
            doc.write("# Deployment\n\n## CI/CD Pipeline\n\nGitHub Actions.\n\n## Monitoring\n\nDatadog.\n");
        return dir;
    }();
    QFile audit(project->filePath(QStringLiteral(".ai-flow/cache/audit-data.json")));
    if (!audit.open(QIODevice::WriteOnly | QIODevice::Truncate) || audit.write(input) != input.size())
        return {}; // the disk, not the code under test
    audit.close();
    const PreflightResult r = runPreflight(project->path());
    if (r.fromAuditData) {
        if (!r.auditDataError.isEmpty())
            return QStringLiteral("audit data used, yet an error is set: %1").arg(r.auditDataError);
        if (r.score && (*r.score < 0 || *r.score > 100))
            return QStringLiteral("audit score %1 outside 0–100").arg(*r.score);
    } else if (r.auditDataError.contains(QLatin1Char('\n'))) {
        return QStringLiteral("the audit-data error spans lines: %1").arg(firstLine(r.auditDataError));
    }
    (void)preflightReport(r);
    return {};
}

// ---- section merge ---------------------------------------------------------------------

const QByteArray &generatedDocument(int index)
{
    static const QList<QByteArray> documents = [] {
        AnswerSet answers;
        answers.scope = Scope::Enterprise;
        answers.mode = Mode::SmartAutoSuggest;
        const Resolver resolver(Questionnaire::builtIn(), answers);
        QList<QByteArray> contents;
        for (const GeneratedFile &file : generate(resolver, TemplateSet::builtIn()).files)
            contents.append(file.content);
        return contents;
    }();
    static const QByteArray none;
    return index < documents.size() ? documents.at(index) : none;
}

QString sectionMerge(const QByteArray &input)
{
    static const QByteArray stamped = stampSections(generatedDocument(0));
    // Stamping stamped text gives the same bytes, whatever the text.
    const QByteArray once = stampSections(input);
    if (stampSections(once) != once)
        return QStringLiteral("stampSections() is not idempotent on this text");

    const MergeResult merged = mergeDocument(input, stamped);
    for (const SectionConflict &conflict : merged.conflicts) {
        if (conflict.id.isEmpty() || conflict.reason.isEmpty())
            return QStringLiteral("a conflict without id or reason");
    }
    if (merged.wholeFile() && merged.content != input)
        return QStringLiteral("a whole-file conflict did not keep the file as it was");
    if (merged.conflicts.isEmpty()) {
        // A clean merge is stable: merging the same generation again changes nothing.
        const MergeResult again = mergeDocument(merged.content, stamped);
        if (!again.conflicts.isEmpty())
            return QStringLiteral("merging again after a clean merge gives conflict \"%1\"")
                .arg(again.conflicts.first().id);
        if (again.content != merged.content)
            return QStringLiteral("merging again after a clean merge changes the document");
    } else {
        QHash<QString, ConflictChoice> takeNew;
        for (const SectionConflict &conflict : merged.conflicts)
            takeNew.insert(conflict.id, ConflictChoice::TakeNew);
        (void)mergeDocument(input, stamped, takeNew);
    }
    // With a record of the last generation (here: the same generation), a three-way merge
    // never loses the team's text outside our sections and is stable too.
    const MergeResult withBase = mergeDocument(input, stamped, {}, stamped);
    if (withBase.wholeFile() && withBase.content != input)
        return QStringLiteral("a whole-file conflict (with a base) did not keep the file as it was");
    if (withBase.conflicts.isEmpty()) {
        const MergeResult again = mergeDocument(withBase.content, stamped, {}, stamped);
        if (!again.conflicts.isEmpty() || again.content != withBase.content)
            return QStringLiteral("merging again with a base after a clean merge changes the document");
    }
    return {};
}

QString envMerge(const QByteArray &input)
{
    const QByteArray &generated = generatedDocument(2);
    for (const bool withBase : {true, false}) {
        const std::optional<QByteArray> base = withBase ? std::optional<QByteArray>(generated) : std::nullopt;
        EnvMergeReport report;
        const QByteArray merged = mergeEnvExample(input, generated, base, &report);
        // Nothing the team wrote is lost: every entry that is not OpsFlow's own (with a base,
        // those identical to it) is there whole.
        QSet<QByteArray> ours;
        for (const EnvEntry &entry : parseEnvFile(generated))
            ours.insert(entry.normalized());
        for (const EnvEntry &entry : parseEnvFile(input)) {
            QByteArray bytes = entry.raw;
            if (!bytes.endsWith('\n'))
                bytes += '\n';
            if (withBase && !ours.contains(entry.normalized()) && !merged.contains(bytes))
                return QStringLiteral("an entry of the team's is missing after the merge: %1")
                    .arg(QString::fromUtf8(entry.raw.left(80)));
        }
        // Every generated variable is there, as generated or with the team's value.
        const QList<EnvEntry> result = parseEnvFile(merged);
        for (const EnvEntry &entry : parseEnvFile(generated)) {
            if (entry.kind != EnvEntry::Kind::Assignment)
                continue;
            const bool present = std::any_of(result.cbegin(), result.cend(), [&](const EnvEntry &e) {
                return e.kind == EnvEntry::Kind::Assignment && e.key == entry.key;
            });
            if (!present)
                return QStringLiteral("generated variable %1 is missing after the merge").arg(entry.key);
        }
        // Stable: merging the result again with the generation as its base changes nothing.
        // (regressions/envmerge/stray-cr-in-comment.env: a lone CR once made it differ.)
        if (mergeEnvExample(merged, generated, generated) != merged)
            return QStringLiteral("merging the merged .env.example again changes it");
    }
    return {};
}

// ---- mermaid labels --------------------------------------------------------------------

// Appends the label to $OPSFLOW_MERMAID_SAMPLES as a diagram, one input in
// $OPSFLOW_MERMAID_SAMPLE_EVERY (default 1), for tests/fuzz/check-mermaid-labels.sh.
void sampleLabel(const QString &label)
{
    static const QByteArray path = qgetenv("OPSFLOW_MERMAID_SAMPLES");
    static const int every = qMax(1, qEnvironmentVariableIntValue("OPSFLOW_MERMAID_SAMPLE_EVERY"));
    static int seen = 0;
    if (path.isEmpty() || seen++ % every != 0)
        return;
    QFile out(QString::fromLocal8Bit(path));
    if (!out.open(QIODevice::Append))
        return;
    const QByteArray l = label.toUtf8();
    out.write("```mermaid\nflowchart LR\n    A[\"" + l + "\"] --> B\n    B -->|\"" + l + "\"| C[(\"" + l
              + "\")]\n    subgraph S1 [\"" + l + "\"]\n        D\n    end\n```\n\n");
}

QString mermaidLabel(const QByteArray &input)
{
    const QString label = escape::mermaidLabel(fromUtf8(input));
    sampleLabel(label);
    if (label.isEmpty())
        return QStringLiteral("an empty label");
    if (label != label.trimmed() && label != QLatin1String(" "))
        return QStringLiteral("the label is not trimmed");
    // What the escaper may write for special characters: <br/> for a line break and entity
    // codes (#quot;, #35;). Without those, none of the characters that end a string, open a
    // shape or an edge, start markup, a comment or a directive may be left.
    static const QRegularExpression allowed(QStringLiteral("<br/>|#(quot|[0-9]+);"));
    QString rest = label;
    rest.remove(allowed);
    for (const QChar c : std::as_const(rest)) {
        if (QStringView(u"\"[](){}|<>;#&`$%").contains(c))
            return QStringLiteral("an unescaped '%1' in the label %2").arg(c).arg(label.left(80));
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x85 || c.unicode() == 0x2028
            || c.unicode() == 0x2029 || c.unicode() == 0xfb02)
            return QStringLiteral("control, line-break or U+FB02 character U+%1 in the label")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    if (label.compare(QLatin1String("end"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("the label is the bare keyword \"end\"");
    return {};
}

} // namespace

const QList<Target> &targets()
{
    static const QList<Target> all = {
        {"templating", &templating}, {"answersfile", &answersFile},   {"generation", &generation},
        {"audittext", &auditText},   {"auditdata", &auditData},       {"sectionmerge", &sectionMerge},
        {"envmerge", &envMerge},     {"mermaidlabel", &mermaidLabel},
    };
    return all;
}

TargetFunction targetNamed(const char *name)
{
    for (const Target &target : targets()) {
        if (std::strcmp(target.name, name) == 0)
            return target.run;
    }
    return nullptr;
}

void quietQtMessages()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "%s\n", qPrintable(message));
            std::abort();
        }
    });
}

} // namespace opsflow::fuzz
