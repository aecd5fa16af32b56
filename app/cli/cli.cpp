// The headless commands: the same engine as the wizard, under a QCoreApplication.
#include "cli.h"

#include "answersfile.h"
#include "consistency.h"
#include "documentimport.h"
#include "durablefile.h"
#include "generation.h"
#include "generationsession.h"
#include "plurals.h"
#include "preflight.h"
#include "projectfacts.h"
#include "reportedvalue.h"
#include "summaryexport.h"
#include "summarypdf.h"
#include "templatevariables.h"
#include "terminaloutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

#include <unistd.h>

namespace opsflow::cli {

namespace {

// Documented in README ("Exit codes").
enum ExitCode {
    Ok = 0,
    Failed = 1,       // a write failed; nothing half-written
    Usage = 2,        // bad command line
    BadAnswers = 3,   // the answers file is missing, unreadable or invalid
    BadTemplate = 4,  // a project template override does not parse
    Refused = 5,      // edits were kept in a conflict (use --force) or a path leaves the project
    Inconsistent = 6, // a consistency rule of severity error fired; nothing written (--accept-errors writes)
};

// Everything printed goes through TerminalOutput: a project file or an answer holding ESC or
// a bidi override is shown escaped, never acted on by the terminal.
QTextStream &out()
{
    static TerminalOutput device(stdout);
    static QTextStream stream(&device);
    return stream;
}

QTextStream &err()
{
    static TerminalOutput device(stderr);
    static QTextStream stream(&device);
    return stream;
}

// One line on stderr: a message is one sentence, so a line break inside it (from a path or
// a file's text) is shown as \n rather than starting a line of its own.
int fail(int code, const QString &message)
{
    out().flush();
    err() << "opsflow: " << QString(message).replace(u'\n', QLatin1String("\\n")) << '\n';
    err().flush();
    return code;
}

void warn(const QString &message)
{
    out().flush();
    err() << "opsflow: warning: " << QString(message).replace(u'\n', QLatin1String("\\n")) << '\n';
    err().flush();
}

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("opsflow::cli", text, disambiguation, n);
}

const char *const usageText =
    "Usage: opsflow [PATH]                      open the wizard (on PATH)\n"
    "       opsflow generate PROJECT_DIR [--answers FILE] [--scope mvp|production|enterprise]\n"
    "                                    [--defaults] [--dry-run] [--diff] [--force] [--no-save]\n"
    "                                    [--accept-errors] [--templates opsflow|ai-flow]\n"
    "       opsflow summary  PROJECT_DIR [--answers FILE] [--format md|txt|json|html|pdf] [-o FILE]\n"
    "       opsflow check    PROJECT_DIR [--answers FILE] [--scope SCOPE] [--defaults] [--format txt|json]\n"
    "       opsflow templates --variables\n"
    "       opsflow --version | --help\n";

// Loads the answers a command works on: --answers FILE, else the project's own file, else
// (with --defaults) the recommended answers; with the project facts its files show, used
// where no answer gives one, so --defaults means the recommended answers plus those.
std::optional<AnswerSet> loadAnswers(const QCommandLineParser &parser, const QString &projectDir,
                                     const ProjectReading &project, int *code, QString *error)
{
    const Questionnaire &questionnaire = Questionnaire::builtIn();
    AnswerSet answers;
    const bool defaults = parser.isSet(QStringLiteral("defaults"));
    QString path = parser.value(QStringLiteral("answers"));
    if (path.isEmpty() && !defaults) {
        path = AnswersFile::pathForProject(projectDir);
        if (!QFileInfo::exists(path)) {
            *code = BadAnswers;
            *error = tr("%1 has no answers yet (%2); pass --answers FILE, or --defaults for the recommended answers.")
                         .arg(projectDir, path);
            return std::nullopt;
        }
    }
    if (!path.isEmpty()) {
        auto loaded = AnswersFile::load(path, questionnaire, error);
        if (!loaded) {
            *code = BadAnswers;
            return std::nullopt;
        }
        answers = *loaded;
    } else {
        answers.mode = Mode::SmartAutoSuggest;
    }
    answers.detectedContext = project.facts;
    answers.detectedAnswers = project.answers;
    if (parser.isSet(QStringLiteral("scope"))) {
        const auto scope = scopeFromId(parser.value(QStringLiteral("scope")));
        if (!scope) {
            *code = Usage;
            *error = tr("unknown scope \"%1\" (use mvp, production or enterprise)")
                         .arg(parser.value(QStringLiteral("scope")));
            return std::nullopt;
        }
        answers.scope = *scope;
        answers.scopeChosen = true;
    }
    if (parser.isSet(QStringLiteral("templates"))) {
        const auto choice = templateChoiceFromId(parser.value(QStringLiteral("templates")));
        if (!choice) {
            *code = Usage;
            *error =
                tr("unknown templates \"%1\" (use opsflow or ai-flow)").arg(parser.value(QStringLiteral("templates")));
            return std::nullopt;
        }
        answers.templates = *choice;
    }
    // A value the wizard would not let through (out of range, not an option) is never
    // written into a document: name each and stop.
    QList<Issue> invalid;
    usableAnswers(questionnaire, answers, &invalid);
    if (!invalid.isEmpty()) {
        QStringList named;
        for (const Issue &issue : std::as_const(invalid)) {
            const Field *field = issue.questionId == QLatin1String("context")
                ? questionnaire.contextField(issue.fieldId)
                : questionnaire.field(issue.questionId, issue.fieldId);
            named << tr("%1 %2 (%3): %4")
                         .arg(issue.questionId, field ? field->label : issue.fieldId, issue.fieldId, issue.message);
        }
        *code = BadAnswers;
        // One line: the error printer shows control characters, a line break included, escaped.
        *error = tr("%1 holds answers that are not valid (correct them in OpsFlow or in the file): %2")
                     .arg(path, named.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    return answers;
}

// The project folder argument: it must exist and be a folder.
bool checkProject(const QString &dir, QString *error)
{
    const QFileInfo info(dir);
    if (!info.exists()) {
        *error = tr("the project folder %1 does not exist").arg(dir);
        return false;
    }
    if (!info.isDir()) {
        *error = tr("%1 is not a folder").arg(dir);
        return false;
    }
    return true;
}

int generateCommand(const QCommandLineParser &parser, const QString &projectDir)
{
    int code = Ok;
    QString error;
    const ProjectReading project = readProjectFacts(projectDir);
    auto answers = loadAnswers(parser, projectDir, project, &code, &error);
    if (!answers)
        return fail(code, error);
    // Generate follows pre-flight: the choice saved with the answers, else the scenario's
    // recommendation when the existing documents are the team's own (not OpsFlow's).
    const bool force = parser.isSet(QStringLiteral("force"));
    const PreflightResult preflight = runPreflight(projectDir);
    const auto saved = savedChoice(preflight, answers->preflight);
    const bool teamsDocuments = preflightReadTeamDocuments(projectDir, preflight);
    std::optional<PreflightOption> recommended;
    for (const PreflightOption &option : preflight.options) {
        if (option.recommended && !answers->preflight && teamsDocuments)
            recommended = option;
    }
    // Keeping the existing documents means nothing is generated, unless --force says to
    // write OpsFlow's documents anyway.
    if (saved && keepsExistingDocuments(saved->action) && !force) {
        out() << tr("nothing was written: the answers' pre-flight choice is \"%1\" (%2 is kept as it is); pass "
                    "--force to generate the documents anyway, or choose again in OpsFlow")
                     .arg(saved->label, preflight.targetFile)
              << '\n';
        return Ok;
    }
    if (recommended && keepsExistingDocuments(recommended->action) && !force) {
        out() << tr("nothing was written: pre-flight finds operations and deployment documented in %1 (scenario "
                    "A%2), so phase 7 keeps it; pass --force to generate OpsFlow's documents anyway, or choose in "
                    "OpsFlow")
                     .arg(preflight.targetFile,
                          preflight.score ? tr(", consistency %1%").arg(*preflight.score, 0, 'f', 0) : QString())
              << '\n';
        return Ok;
    }
    // Scenario B: what the team's documents state becomes the answer wherever none is given,
    // with the line it came from; those documents are only read.
    QList<Finding> imported;
    const bool answerMissing = (saved && saved->action == PreflightAction::AnswerMissing)
        || (recommended && recommended->action == PreflightAction::AnswerMissing);
    if (answerMissing) {
        imported = importDocumentAnswers(&*answers, teamDocumentFacts(projectDir, preflight), Questionnaire::builtIn());
        for (const Finding &finding : std::as_const(imported)) {
            const Field *field = Questionnaire::builtIn().field(finding.questionId, finding.fieldId);
            out() << tr("imported  %1").arg(describeFinding(finding, *field)) << '\n';
        }
    }
    // A project ai-flow calls something other than a backend: say what OpsFlow does with it.
    if (!project.notice.isEmpty())
        warn(project.notice);
    const Resolver resolver(Questionnaire::builtIn(), *answers);
    // The answers used are saved in the project with the documents (backed up and written in
    // the same transaction), so `summary`, the next regeneration and a teammate's run see the
    // same answers. Not when they are the project's own file unchanged, or with --no-save.
    QList<GeneratedFile> alsoWrite;
    // Absolute first: relative to a relative project folder ("api") the path would keep the
    // folder's name and land in api/api/.ai-flow/.
    const QString answersPath =
        QDir(projectDir).relativeFilePath(QFileInfo(AnswersFile::pathForProject(projectDir)).absoluteFilePath());
    const bool fromProjectFile = !parser.isSet(QStringLiteral("answers")) && !parser.isSet(QStringLiteral("defaults"));
    if (!parser.isSet(QStringLiteral("no-save"))
        && (!fromProjectFile || parser.isSet(QStringLiteral("scope")) || parser.isSet(QStringLiteral("templates"))
            || !imported.isEmpty()))
        alsoWrite.append({answersPath, AnswersFile::toJson(*answers), true});

    // The same session as the wizard's generate step: plan, choices, write, outcome.
    GenerationSession session;
    session.setAcceptContradictions(parser.isSet(QStringLiteral("accept-errors")));
    session.replan(resolver, projectDir, alsoWrite);
    // The consistency rules first: an error stops the run before anything is written,
    // unless --accept-errors.
    for (const RuleFinding &finding : session.findings()) {
        if (finding.severity == Severity::Error)
            fail(Ok, findingLine(finding)); // "opsflow: error: …"
        else
            warn(finding.message);
    }
    if (session.blocker() == GenerationSession::Blocker::Contradictions)
        return fail(Inconsistent,
                    tr("nothing was written: the answers contradict each other (the errors above); change them, "
                       "or pass --accept-errors to write the documents anyway"));
    for (const TemplateError &e : session.plan().errors)
        err() << "opsflow: " << e.toString() << '\n';
    err().flush();
    for (const QString &warning : session.plan().warnings)
        warn(warning);

    // --force takes the new text in every conflict (the old file is backed up first);
    // without it, sections the user edited and hand-written files are kept.
    if (force && session.hasConflicts()) {
        session.takeNewEverywhere();
        session.replan(resolver, projectDir, alsoWrite);
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool showDiff = parser.isSet(QStringLiteral("diff"));
    int attention = 0;
    for (const DocumentPlan &document : session.plan().documents) {
        // One whose template has errors was named with those errors above.
        if (!document.generated)
            continue;
        const PlannedFile &file = document.file;
        out() << statusText(file.status).leftJustified(9) << ' ' << file.path << '\n';
        if (file.status == PlannedFile::Status::Blocked) {
            out() << "          " << file.problem << '\n';
            ++attention;
        }
        for (const SectionConflict &conflict : document.conflicts) {
            const bool whole = conflict.id == QLatin1String(wholeFileConflictId);
            if (force) {
                out() << "          "
                      << (whole ? tr("replaced the hand-written file (backed up)")
                                : tr("replaced your edits in section \"%1\" (backed up)").arg(conflict.title))
                      << '\n';
            } else {
                out()
                    << "          "
                    << (whole
                            ? tr("kept the whole file (use --force to replace it; a backup is made)")
                            : tr("kept your edits in section \"%1\" (use --force to take the new text; a backup is made)")
                                  .arg(conflict.title))
                    << '\n';
                out() << "            " << conflict.reason << '\n';
                ++attention;
            }
        }
        for (const QString &note : document.notes)
            out() << "          " << note << '\n';
        if (showDiff)
            out() << file.diff();
    }
    for (const QString &mismatch : session.plan().mismatches)
        warn(mismatch);
    const bool templateErrors = !session.plan().errors.isEmpty();
    if (dryRun) {
        out() << tr("dry run: nothing was written") << '\n';
        return templateErrors ? BadTemplate : Ok;
    }
    session.write();
    const WriteResult &written = session.result();
    for (const QString &name : written.cleaned)
        out() << tr("removed a temporary file a stopped run left: %1").arg(name) << '\n';
    for (const QString &backup : written.backups)
        out() << tr("backup    %1").arg(QDir(session.plan().projectDir).relativeFilePath(backup)) << '\n';
    if (!written.ok) {
        // Say what became of each file: a failed set leaves every file as it was.
        for (const FileReport &report : session.reports()) {
            if (report.outcome == FileReport::Outcome::Failed || report.outcome == FileReport::Outcome::NotWritten)
                out() << outcomeText(report.outcome).leftJustified(11) << ' ' << report.path << '\n';
        }
        return fail(Failed, written.error);
    }
    for (const QString &path : written.written)
        out() << (path == answersPath ? QStringLiteral("✅ Saved the answers used: ") : QStringLiteral("✅ Generated: "))
              << path << '\n';
    // The project's own answers replaced (by --defaults or --answers FILE): said plainly, with
    // where the earlier ones are, since the next wizard session opens the new ones.
    for (const QString &backup : written.backups) {
        if (backup.endsWith(QLatin1Char('/') + answersPath))
            warn(tr("the project's saved answers were replaced by %1; the earlier answers are kept in %2")
                     .arg(parser.isSet(QStringLiteral("defaults")) ? tr("the recommended answers (--defaults)")
                                                                   : tr("the answers given"),
                          QDir(session.plan().projectDir).relativeFilePath(backup)));
    }
    if (templateErrors)
        return BadTemplate;
    return attention ? Refused : Ok;
}

// The file of the project that a summary written to `output` would replace, when OpsFlow
// generates or keeps it (docs/operations.md, anything under .ai-flow/): writing there would
// put the summary over the team's document with no backup. Empty for any other file.
QString managedFileAt(const QString &projectDir, const QString &output)
{
    const QString target = QFileInfo(output).canonicalFilePath(); // empty when there is none yet
    const QString project = QFileInfo(projectDir).canonicalFilePath();
    if (target.isEmpty() || project.isEmpty())
        return {};
    for (const TemplateSet::Entry &entry : TemplateSet::forProject(projectDir).entries()) {
        if (QFileInfo(QDir(project).filePath(entry.outputPath)).canonicalFilePath() == target)
            return entry.outputPath;
    }
    const QString own = project + QStringLiteral("/.ai-flow/");
    return target.startsWith(own) ? QDir(project).relativeFilePath(target) : QString();
}

int summaryCommand(const QCommandLineParser &parser, const QString &projectDir)
{
    int code = Ok;
    QString error;
    const auto answers = loadAnswers(parser, projectDir, readProjectFacts(projectDir), &code, &error);
    if (!answers)
        return fail(code, error);
    const QString formatId = parser.value(QStringLiteral("format"));
    const auto format = summaryFormatFromId(formatId.isEmpty() ? QStringLiteral("md") : formatId);
    if (!format)
        return fail(Usage, tr("unknown format \"%1\" (use md, txt, json, html or pdf)").arg(formatId));
    const QString output = parser.value(QStringLiteral("output"));
    if (*format == SummaryFormat::Pdf && output.isEmpty())
        return fail(Usage, tr("PDF needs an output file: add -o FILE"));
    if (const QString managed = managedFileAt(projectDir, output); !managed.isEmpty())
        return fail(Usage,
                    tr("%1 is %2 of the project, which OpsFlow writes itself; the summary was not written over "
                       "it. Choose another file for -o.")
                        .arg(output, managed));
    const Resolver resolver(Questionnaire::builtIn(), *answers);
    QByteArray bytes;
    if (!exportSummary(resolver, *format, &bytes, &error))
        return fail(Failed, error);
    if (output.isEmpty()) {
        // Text formats only (PDF needs -o), through the terminal filter like everything else.
        out() << QString::fromUtf8(bytes);
        out().flush();
        return Ok;
    }
    if (!writeFileDurably(output, bytes, output, &error))
        return fail(Failed, error);
    return Ok;
}

QJsonObject findingJson(const RuleFinding &finding)
{
    return {{QStringLiteral("id"), finding.ruleId},
            {QStringLiteral("severity"), severityId(finding.severity)},
            {QStringLiteral("message"), finding.message},
            {QStringLiteral("where"), QJsonArray::fromStringList(finding.where)}};
}

QJsonObject preflightJson(const PreflightResult &r)
{
    return {{QStringLiteral("scenario"), scenarioLetter(r.scenario)},
            {QStringLiteral("score"), r.score ? QJsonValue(*r.score) : QJsonValue()},
            {QStringLiteral("from_audit_data"), r.fromAuditData},
            {QStringLiteral("target_file"), r.targetFile},
            {QStringLiteral("docs_exist"), r.docsExist},
            {QStringLiteral("recommendation"), r.recommendation},
            {QStringLiteral("documented"), QJsonArray::fromStringList(r.documented)},
            {QStringLiteral("gaps"), QJsonArray::fromStringList(r.gaps)},
            {QStringLiteral("missing_questions"), QJsonArray::fromStringList(r.missingQuestions)},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(r.reasons)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(r.notes)}};
}

// The pre-flight report, then the consistency rules the answers break (the project's
// answers, --answers FILE or --defaults; none when there are no answers yet). Informational:
// it exits 0 whatever it finds, unless the answers cannot be read (3).
int checkCommand(const QCommandLineParser &parser, const QString &projectDir)
{
    const QString formatId = parser.value(QStringLiteral("format"));
    if (!formatId.isEmpty() && formatId != QLatin1String("txt") && formatId != QLatin1String("json"))
        return fail(Usage, tr("unknown format \"%1\" for check (use txt or json)").arg(formatId));
    const bool json = formatId == QLatin1String("json");
    const bool haveAnswers = parser.isSet(QStringLiteral("answers")) || parser.isSet(QStringLiteral("defaults"))
        || QFileInfo::exists(AnswersFile::pathForProject(projectDir));
    const ProjectReading project = readProjectFacts(projectDir);
    std::optional<AnswerSet> answers;
    if (haveAnswers) {
        int code = Ok;
        QString error;
        answers = loadAnswers(parser, projectDir, project, &code, &error);
        if (!answers)
            return fail(code, error);
    }
    QList<RuleFinding> findings;
    if (answers)
        findings = checkAnswers(Resolver(Questionnaire::builtIn(), *answers));
    const PreflightResult preflight = runPreflight(projectDir);
    const QHash<QString, Finding> &facts = project.facts;
    const QList<Field> &contextFields = Questionnaire::builtIn().contextFields();
    if (json) {
        QJsonArray factsJson;
        for (const Field &field : contextFields) {
            if (const auto fact = facts.constFind(field.id); fact != facts.cend())
                factsJson.append(QJsonObject{{QStringLiteral("field"), field.id},
                                             {QStringLiteral("value"), QJsonValue::fromVariant(fact->value)},
                                             {QStringLiteral("evidence"), fact->evidence}});
        }
        QJsonArray answersJson;
        for (const Question &question : Questionnaire::builtIn().questions()) {
            for (const Field &field : question.fields) {
                const auto fact = project.answers.constFind(answerKey(question.id, field.id));
                if (fact != project.answers.cend())
                    answersJson.append(QJsonObject{{QStringLiteral("question"), question.id},
                                                   {QStringLiteral("field"), field.id},
                                                   {QStringLiteral("value"), QJsonValue::fromVariant(fact->value)},
                                                   {QStringLiteral("evidence"), fact->evidence}});
            }
        }
        QJsonArray rules;
        for (const RuleFinding &finding : std::as_const(findings))
            rules.append(findingJson(finding));
        const QJsonObject report{
            {QStringLiteral("preflight"), preflightJson(preflight)},
            {QStringLiteral("project_facts"), factsJson},
            {QStringLiteral("project_answers"), answersJson},
            {QStringLiteral("saved_choice"),
             answers && answers->preflight ? QJsonValue(preflightActionId(*answers->preflight)) : QJsonValue()},
            {QStringLiteral("rules_checked"), bool(answers)},
            {QStringLiteral("rules"), rules}};
        out() << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
        out().flush();
        return Ok;
    }
    out() << preflightReport(preflight);
    if (!project.notice.isEmpty())
        out() << tr("Notice: %1").arg(project.notice) << '\n';
    const QStringList factLines = projectFactLines(facts, contextFields);
    out() << (factLines.isEmpty() ? tr("Project facts: none found in the project; the documents use the answers and "
                                       "the recommended defaults.")
                                  : tr("Project facts found in the project (used where no answer gives one):"))
          << '\n';
    for (const QString &line : factLines)
        out() << "  " << line << '\n';
    const QStringList answerLines = projectAnswerLines(project.answers, Questionnaire::builtIn());
    if (!answerLines.isEmpty())
        out() << tr("Answers found in the project (Smart Auto-Suggest uses them where no answer gives one):") << '\n';
    for (const QString &line : answerLines)
        out() << "  " << line << '\n';
    if (answers && answers->preflight)
        out() << savedChoiceReport(preflight, *answers->preflight) << '\n';
    out() << '\n';
    if (!answers) {
        out() << tr(
            "Operational consistency rules: not checked, the project has no answers yet (pass --answers FILE or --defaults).")
              << '\n';
    } else if (findings.isEmpty()) {
        out() << tr("Operational consistency rules: the answers break none.") << '\n';
    } else {
        const auto errors = std::count_if(findings.begin(), findings.end(),
                                          [](const RuleFinding &f) { return f.severity == Severity::Error; });
        out() << tr("Operational consistency rules: %1, %2")
                     .arg(tr("%n error(s)", nullptr, int(errors)),
                          tr("%n warning(s)", nullptr, int(findings.size() - errors)))
              << '\n';
        for (const RuleFinding &finding : std::as_const(findings)) {
            out() << "  " << findingLine(finding) << " [" << finding.ruleId << "]\n";
            for (const QString &where : finding.where)
                out() << "      " << where << '\n';
        }
    }
    out().flush();
    return Ok;
}

} // namespace

bool isHeadless(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    for (const char *command : {"generate", "summary", "check", "templates", "--version", "-v", "--help", "-h"}) {
        if (std::strcmp(first, command) == 0)
            return true;
    }
    return false;
}

// A PDF summary is laid out with Qt Gui; everything else needs Qt Core only.
bool wantsPdf(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format=pdf") == 0
            || (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0))
            return true;
    }
    return false;
}

int run(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (wantsPdf(argc, argv)) {
        // Headless by design: draw offscreen whether or not a display is there, and give
        // Qt the private runtime folder it wants instead of a warning on stderr.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QString runtime = QDir::temp().filePath(QStringLiteral("opsflow-runtime-%1").arg(getuid()));
            if (QDir().mkpath(runtime)
                && QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
        setSummaryPdfWriter(&summaryPdf);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("OpsFlow"));
    QCoreApplication::setOrganizationName(QStringLiteral("OpsFlow"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPSFLOW_VERSION));
    installPlurals();

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Plan operations & deployment (ai-flow phase 7) and write its documents."));
    parser.addPositionalArgument(QStringLiteral("command"), tr("generate, summary or check"));
    parser.addPositionalArgument(QStringLiteral("project"), tr("the project folder"));
    parser.addOptions({
        {QStringLiteral("answers"), tr("Read the answers from FILE instead of the project's own."),
         QStringLiteral("FILE")},
        {QStringLiteral("scope"), tr("Override the scope: mvp, production or enterprise."), QStringLiteral("SCOPE")},
        {QStringLiteral("defaults"), tr("Use the recommended (⭐) answers.")},
        {QStringLiteral("templates"),
         tr("Write with OpsFlow's templates (opsflow) or the project's own ai-flow templates under .ai-flow/templates/ "
            "(ai-flow); remembered in the answers file."),
         QStringLiteral("WHICH")},
        {QStringLiteral("dry-run"), tr("Show what would be written; write nothing.")},
        {QStringLiteral("diff"), tr("Show a unified diff of each changed file.")},
        {QStringLiteral("force"), tr("Replace changed files (each is backed up first).")},
        {QStringLiteral("no-save"), tr("Do not save the answers used into the project's answers file.")},
        {QStringLiteral("accept-errors"),
         tr("Write the documents even when the answers break a consistency rule of severity error.")},
        {QStringLiteral("format"), tr("Summary format: md, txt, json, html or pdf; check: txt or json."),
         QStringLiteral("FORMAT")},
        {{QStringLiteral("o"), QStringLiteral("output")}, tr("Write the summary to FILE."), QStringLiteral("FILE")},
        {QStringLiteral("variables"),
         tr("templates: print the names a template override may use (Markdown; templates/VARIABLES.md).")},
    });
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(Usage, parser.errorText());
    if (parser.isSet(help)) {
        out() << usageText << '\n' << parser.helpText();
        return Ok;
    }
    if (parser.isSet(version)) {
        out() << "opsflow " << OPSFLOW_VERSION << '\n';
        return Ok;
    }
    const QStringList args = parser.positionalArguments();
    if (args.value(0) == QLatin1String("templates")) {
        if (args.size() != 1 || !parser.isSet(QStringLiteral("variables")))
            return fail(Usage, tr("templates takes --variables and no folder"));
        out() << templateVariablesMarkdown(templateVariables());
        out().flush();
        return Ok;
    }
    if (args.size() != 2)
        return fail(Usage, tr("%1 needs exactly one PROJECT_DIR").arg(args.value(0)));
    const QString &command = args.at(0);
    const QString &projectDir = args.at(1);
    QString error;
    if (!checkProject(projectDir, &error))
        return fail(Usage, error);
    if (command == QLatin1String("generate"))
        return generateCommand(parser, projectDir);
    if (command == QLatin1String("summary"))
        return summaryCommand(parser, projectDir);
    if (command == QLatin1String("check"))
        return checkCommand(parser, projectDir);
    return fail(Usage, tr("unknown command \"%1\"").arg(command));
}

} // namespace opsflow::cli
