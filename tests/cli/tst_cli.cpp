// The headless commands, run as a user runs them: the real binary, its output and exit codes.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run opsflow(const QStringList &arguments, const QString &workingDirectory = {})
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(s("DISPLAY")); // the headless commands must not need one
    env.remove(s("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(s(OPSFLOW_BINARY), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// A project generated with the defaults, then a note written by hand into its document.
bool generateWithANote(const QString &project)
{
    if (!QDir().mkpath(project) || opsflow({s("generate"), project, s("--defaults")}).code != 0)
        return false;
    QFile note(project + s("/docs/operations.md"));
    return note.open(QIODevice::Append) && note.write("\nMy hand-written note.\n") > 0;
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
}

// A copy of a fixture project (tests/fixtures/NAME, hidden folders included) at `to`.
bool copyFixture(const char *name, const QString &to)
{
    const QDir from(s(OPSFLOW_TEST_DATA "/fixtures/") + s(name));
    int copied = 0;
    for (QDirIterator it(from.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        const QString source = it.next();
        const QString target = to + u'/' + from.relativeFilePath(source);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
        ++copied;
    }
    return copied > 0;
}

// The text of each page of a PDF, in the order it was drawn (pdftotext -raw), so that a
// wrapped label reads as one phrase instead of interleaving with the value beside it.
QStringList pdfPages(const QString &pdftotext, const QString &pdf)
{
    QProcess text;
    text.start(pdftotext, {s("-raw"), pdf, s("-")});
    if (!text.waitForFinished(30000) || text.exitCode() != 0)
        return {};
    QStringList pages = QString::fromUtf8(text.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast(); // pdftotext ends the last page with a form feed too
    return pages;
}

// The label of each summary line, by question id, as the JSON export gives them.
QHash<QString, QString> summaryLabels(const QJsonArray &summary)
{
    QHash<QString, QString> labels;
    for (const QJsonValue &line : summary)
        labels.insert(line[QLatin1String("question")].toString(), line[QLatin1String("label")].toString());
    return labels;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The user guide shipped with the app shows command lines: each names a real command
    // and only options that `opsflow --help` lists, so a reader never copies one that fails.
    void userGuideShouldShowOnlyRealCommands()
    {
        const QString guide = QString::fromUtf8(read(s(OPSFLOW_USER_GUIDE)));
        QVERIFY(!guide.isEmpty());
        const Run help = opsflow({s("--help")});
        QCOMPARE(help.code, 0);
        static const QRegularExpression commandLine(s("^opsflow (\\S+)(.*)$"), QRegularExpression::MultilineOption);
        static const QRegularExpression option(s("(?<![\\w-])(--?[a-z][a-z-]*)"));
        const QStringList commands{s("generate"), s("summary"), s("check")};
        int lines = 0;
        int options = 0;
        for (auto it = commandLine.globalMatch(guide); it.hasNext(); ++lines) {
            const QRegularExpressionMatch line = it.next();
            QVERIFY2(commands.contains(line.captured(1)) || help.out.contains(line.captured(1)),
                     qPrintable(line.captured(0)));
            for (auto o = option.globalMatch(line.captured(2)); o.hasNext(); ++options) {
                const QString name = o.next().captured(1);
                QVERIFY2(help.out.contains(QStringLiteral("  ") + name)
                             || help.out.contains(QStringLiteral(", ") + name),
                         qPrintable(name + s(" in: ") + line.captured(0)));
            }
        }
        QVERIFY(lines >= 3);
        QVERIFY(options >= 5);
        // Every long option anywhere in the guide (continuation lines, the prose) is real too.
        static const QRegularExpression anyOption(s("(?<![\\w-])(--[a-z][a-z-]*)"));
        for (auto it = anyOption.globalMatch(guide); it.hasNext();) {
            const QString name = it.next().captured(1);
            QVERIFY2(help.out.contains(QStringLiteral("  ") + name), qPrintable(name));
            ++options;
        }
        QVERIFY(options >= 15);
    }

    void shouldPrintVersionAndHelp()
    {
        const Run version = opsflow({s("--version")});
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out.trimmed(), s("opsflow " OPSFLOW_VERSION));
        const Run help = opsflow({s("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(s("opsflow generate PROJECT_DIR")));
        QVERIFY(help.out.contains(s("--dry-run")));
        QVERIFY(help.out.contains(s("--accept-errors")));
    }

    void shouldGenerateTheThreeFilesWithDefaults()
    {
        QTemporaryDir project;
        const Run run = opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("enterprise")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        for (const char *file : {"docs/operations.md", "specs/configuration.md", ".env.example"}) {
            QVERIFY2(!read(project.filePath(QLatin1String(file))).isEmpty(), file);
            QVERIFY2(run.out.contains(s("✅ Generated: ") + QLatin1String(file)), qPrintable(run.out));
        }
        QVERIFY(read(project.filePath(s("docs/operations.md"))).contains("```mermaid"));

        // Again: nothing changes, nothing is written (the answers file neither).
        const Run again = opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("enterprise")});
        QCOMPARE(again.code, 0);
        QCOMPARE(again.out.count(s("unchanged")), 4);
        QVERIFY(!again.out.contains(s("Generated")));
    }

    // What ai-flow's phase 8 copies into the README and the contributing guide: the install,
    // migrate and start commands and whether Docker is used, read here the way a reader of
    // the Common Commands section would, first as the project's files show them, then as
    // the answers give them.
    void shouldWriteTheCommandsPhase8Reads()
    {
        QTemporaryDir project;
        write(project.filePath(s("package.json")),
              "{\n  \"name\": \"orders-api\",\n  \"scripts\": {\n    \"start\": \"node dist/server.js\"\n  },\n"
              "  \"dependencies\": { \"express\": \"^4.18.2\" }\n}\n");
        write(project.filePath(s("package-lock.json")), "{}\n");
        const auto commands = [&project] {
            QHash<QString, QString> found;
            static const QRegularExpression item(s("^- \\*\\*(.+?):\\*\\* (.*)$"));
            const QString text = QString::fromUtf8(read(project.filePath(s("docs/operations.md"))));
            const QString section = text.section(s("## Common Commands"), 1).section(s("<!-- opsflow:end"), 0, 0);
            for (const QString &line : section.split(QLatin1Char('\n'))) {
                const QRegularExpressionMatch m = item.match(line);
                if (m.hasMatch())
                    found.insert(m.captured(1), m.captured(2));
            }
            return found;
        };

        const Run run = opsflow({s("generate"), project.path(), s("--defaults")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QHash<QString, QString> found = commands();
        QCOMPARE(found.value(s("Install the dependencies")), s("`npm ci` (read off package-lock.json)"));
        QCOMPARE(found.value(s("Start the service")), s("`npm start` (read off package.json:4)"));
        QCOMPARE(found.value(s("Apply the database migrations")), s("not decided yet: the migration tool (7.7.1)."));
        QVERIFY2(found.value(s("Docker")).startsWith(s("used;")), qPrintable(found.value(s("Docker"))));
        // `check` shows the same facts with their evidence.
        const Run check = opsflow({s("check"), project.path()});
        QVERIFY2(check.out.contains(s("Install command: npm ci (package-lock.json)")), qPrintable(check.out));
        QVERIFY2(check.out.contains(s("Start command: npm start (package.json:4)")), qPrintable(check.out));

        // The user's answers win over what the files show, and say nothing of a file.
        const QString answers = project.filePath(s("answers.json"));
        write(answers,
              "{\"format\": \"opsflow-answers\", \"version\": 1, \"mode\": \"smart\", \"scope\": \"production\","
              " \"context\": {\"start_command\": \"make serve\"},"
              " \"answers\": {\"7.2\": {\"choice\": \"B\"}, \"7.7.1\": {\"tool\": \"Prisma Migrate\"}}}");
        const Run again = opsflow({s("generate"), project.path(), s("--answers"), answers});
        QVERIFY2(again.code == 0, qPrintable(again.err + again.out));
        found = commands();
        QCOMPARE(found.value(s("Install the dependencies")), s("`npm ci` (read off package-lock.json)"));
        QCOMPARE(found.value(s("Start the service")), s("`make serve`"));
        QCOMPARE(found.value(s("Apply the database migrations")),
                 s("`npx prisma migrate deploy` (Prisma Migrate, 7.7.1)"));
        QCOMPARE(found.value(s("Docker")), s("not used; the service runs without containers."));
    }

    // Hand-written text outside OpsFlow's sections survives regeneration without --force.
    // The answers a run used are saved with the documents, so `summary` and the next run
    // see them (summary once failed right after `generate --defaults`).
    void shouldSaveTheAnswersItUsed()
    {
        QTemporaryDir project;
        const QString saved = project.filePath(s(".ai-flow/answers/phase7.json"));
        QCOMPARE(opsflow({s("generate"), project.path(), s("--defaults"), s("--no-save")}).code, 0);
        QVERIFY(!QFile::exists(saved));
        const Run run = opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("mvp")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(s("✅ Saved the answers used: .ai-flow/answers/phase7.json")), qPrintable(run.out));
        QVERIFY(read(saved).contains("\"scope\": \"mvp\""));
        const Run summary = opsflow({s("summary"), project.path()});
        QVERIFY2(summary.code == 0, qPrintable(summary.err));
        QVERIFY(summary.out.contains(s("Scope: MVP")));
        // The project's own answers, regenerated as they are: the file is not touched.
        const Run again = opsflow({s("generate"), project.path()});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(s("unchanged .ai-flow/answers/phase7.json"))
                     || !again.out.contains(s("phase7.json")),
                 qPrintable(again.out));
        // --answers FILE imports: the project's file becomes those answers (the old one backed up).
        const QString other = project.filePath(s("other.json"));
        write(other, "{\"format\": \"opsflow-answers\", \"version\": 1, \"scope\": \"enterprise\"}");
        const Run imported = opsflow({s("generate"), project.path(), s("--answers"), other});
        QCOMPARE(imported.code, 0);
        QVERIFY(read(saved).contains("\"scope\": \"enterprise\""));
        QVERIFY2(imported.err.contains(s("opsflow: warning: the project's saved answers were replaced by the answers "
                                         "given; the earlier answers are kept in .ai-flow/backups/phase7/")),
                 qPrintable(imported.err));
        // --defaults over them says so too, and where the replaced answers are.
        const Run defaults = opsflow({s("generate"), project.path(), s("--defaults")});
        QCOMPARE(defaults.code, 0);
        const QString backup =
            QRegularExpression(s("kept in (\\S+)\n")).match(defaults.err).captured(1); // the warning's path
        QVERIFY2(defaults.err.contains(s("the project's saved answers were replaced by the recommended answers "
                                         "(--defaults)")),
                 qPrintable(defaults.err));
        QVERIFY(backup.endsWith(s("/.ai-flow/answers/phase7.json")));
        QVERIFY(read(project.filePath(backup)).contains("\"scope\": \"enterprise\""));
    }

    void shouldKeepTheTeamsLinesWhenRegenerating()
    {
        QTemporaryDir project;
        QCOMPARE(opsflow({s("generate"), project.path(), s("--defaults")}).code, 0);
        const QString ops = project.filePath(s("docs/operations.md"));
        write(ops, read(ops) + "\nA line the team wrote.\n");

        const Run dry = opsflow(
            {s("generate"), project.path(), s("--defaults"), s("--scope"), s("mvp"), s("--dry-run"), s("--diff")});
        QCOMPARE(dry.code, 0);
        QVERIFY(dry.out.contains(s("nothing was written")));
        QVERIFY2(dry.out.contains(s("--- a/docs/operations.md")), qPrintable(dry.out));

        const Run run = opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("mvp")});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QVERIFY(read(ops).endsWith("A line the team wrote.\n"));
        QVERIFY(read(ops).contains("\n## Decided Later\n")); // the MVP layout replaced the Production one
        QVERIFY(!read(ops).contains("\n## Graceful Shutdown\n"));
        QVERIFY2(run.out.contains(s("backup    .ai-flow/backups/phase7/")), qPrintable(run.out));
    }

    // .env.example after a scope change: the team's variable and value stay, OpsFlow's own
    // earlier variables go, and the command says so (it said nothing before).
    void shouldReportWhatTheEnvMergeDid()
    {
        QTemporaryDir project;
        QCOMPARE(opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("enterprise")}).code, 0);
        QVERIFY(QFile::exists(project.filePath(s(".ai-flow/opsflow/last-generated/.env.example"))));
        const QString env = project.filePath(s(".env.example"));
        QByteArray edited = read(env);
        edited.replace("\nAPP_ENV=development\n", "\nAPP_ENV=local\n");
        write(env, edited + "MY_TEAM_VAR=keep\n");
        const Run run = opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("mvp")});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(s("Kept your value for APP_ENV.")), qPrintable(run.out));
        QVERIFY2(run.out.contains(s("Kept your variable MY_TEAM_VAR where it was.")), qPrintable(run.out));
        QVERIFY2(run.out.contains(s("Removed DB_POOL_MIN")), qPrintable(run.out));
        const QByteArray after = read(env);
        QVERIFY(after.contains("\nAPP_ENV=local\n") && after.contains("\nMY_TEAM_VAR=keep\n"));
        QVERIFY(!after.contains("DB_POOL_MIN"));
    }

    // An edit inside a generated section is merged with the new generation where they touch
    // different lines; where both changed the same lines it is a conflict: kept (exit 5)
    // unless --force, which takes the new text after backing the old file up.
    void shouldKeepEditedSectionsUnlessForced()
    {
        QTemporaryDir project;
        QCOMPARE(opsflow({s("generate"), project.path(), s("--defaults")}).code, 0);
        const QString ops = project.filePath(s("docs/operations.md"));
        QByteArray text = read(ops);
        // One edit apart from what the new answers change (a row of its own), one on the
        // very line they change (the error-rate threshold).
        const qsizetype pool = text.indexOf("| Connection pool exhausted |");
        QVERIFY(pool > 0);
        text.insert(text.indexOf('\n', pool) + 1, "| Queue lag | the orders queue lags | Warning | Slack/Discord |\n");
        const QByteArray row = "| Error rate | more than 1% of requests fail over 5 minutes |";
        QVERIFY(text.contains(row));
        text.replace(row, "| Error rate | more than 2% of requests fail over 5 minutes |");
        write(ops, text);
        const QString answers = project.filePath(s("answers.json"));
        write(answers,
              "{\"format\": \"opsflow-answers\", \"version\": 1, \"mode\": \"smart\","
              " \"answers\": {\"7.6\": {\"error_rate_percent\": 5}}}");

        const Run kept = opsflow({s("generate"), project.path(), s("--answers"), answers});
        QCOMPARE(kept.code, 5);
        QVERIFY2(kept.out.contains(s("kept your edits in section \"Alerts\"")), qPrintable(kept.out));
        QVERIFY2(kept.out.contains(s("you and the new generation changed the same lines")), qPrintable(kept.out));
        QVERIFY(read(ops).contains("more than 2% of requests"));

        // Without the clash, the team's row and the new threshold are merged: no conflict.
        text.replace("| Error rate | more than 2% of requests fail over 5 minutes |", row);
        write(ops, text);
        const Run merged = opsflow({s("generate"), project.path(), s("--answers"), answers});
        QVERIFY2(merged.code == 0, qPrintable(merged.out + merged.err));
        QVERIFY2(merged.out.contains(s("Section \"Alerts\": your edits were kept and merged with the new text.")),
                 qPrintable(merged.out));
        QVERIFY(read(ops).contains("| Queue lag |") && read(ops).contains("more than 5% of requests"));

        // A clash taken with --force: the new text, the old file backed up.
        text = read(ops);
        text.replace("more than 5% of requests", "more than 3% of requests");
        write(ops, text);
        write(answers,
              "{\"format\": \"opsflow-answers\", \"version\": 1, \"mode\": \"smart\","
              " \"answers\": {\"7.6\": {\"error_rate_percent\": 4}}}");
        const Run forced = opsflow({s("generate"), project.path(), s("--answers"), answers, s("--force")});
        QCOMPARE(forced.code, 0);
        QVERIFY(read(ops).contains("more than 4% of requests") && !read(ops).contains("more than 3% of requests"));
        const QStringList stamps =
            QDir(project.filePath(s(".ai-flow/backups/phase7"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(!stamps.isEmpty());
        QVERIFY(read(project.filePath(s(".ai-flow/backups/phase7/") + stamps.last() + s("/docs/operations.md")))
                    .contains("more than 3% of requests"));
    }

    // A note of the team's that shows the markers in a code fence is text, not a section:
    // regenerating, even with --force, keeps it byte for byte (its example was once read as
    // an edited section no longer generated, which --force deleted).
    void shouldKeepAFencedExampleOfTheMarkers()
    {
        QTemporaryDir project;
        QCOMPARE(opsflow({s("generate"), project.path(), s("--defaults")}).code, 0);
        const QString ops = project.filePath(s("docs/operations.md"));
        const QByteArray note = "How our markers look:\n\n```markdown\n<!-- opsflow:begin my-block -->\n"
                                "Our text.\n<!-- opsflow:end my-block -->\n```\n";
        write(ops, read(ops) + "\n" + note);
        const Run run = opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("mvp"), s("--force")});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QVERIFY2(read(ops).endsWith("\n" + note), read(ops).constData());
        QVERIFY2(!run.out.contains(s("my-block")), qPrintable(run.out));
        QVERIFY(read(ops).contains("\n## Decided Later\n")); // the sections were regenerated
    }

    void shouldKeepAHandWrittenFileUnlessForced()
    {
        QTemporaryDir project;
        const QString ops = project.filePath(s("docs/operations.md"));
        write(ops, "# Our operations\n\nWritten by hand.\n");
        const Run kept = opsflow({s("generate"), project.path(), s("--defaults")});
        QCOMPARE(kept.code, 5);
        QVERIFY2(
            kept.out.contains(s(
                "kept the whole file (use --force to replace it; a backup is made)\n            The existing file has no OpsFlow markers (it was written by hand).")),
            qPrintable(kept.out));
        QCOMPARE(read(ops), QByteArray("# Our operations\n\nWritten by hand.\n"));
        QVERIFY(!read(project.filePath(s(".env.example"))).isEmpty()); // the other files were written
    }

    void shouldExplainBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("answers"); // written to <project>/answers.json when not empty
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no answers") << QStringList{s("generate"), s("PROJECT")} << QByteArray() << 3
                                    << "has no answers yet";
        QTest::newRow("missing folder") << QStringList{s("generate"), s("/nonexistent/opsflow-project")} << QByteArray()
                                        << 2
                                        << "opsflow: the project folder /nonexistent/opsflow-project does not exist";
        QTest::newRow("bad scope") << QStringList{s("generate"), s("PROJECT"), s("--defaults"), s("--scope"), s("huge")}
                                   << QByteArray() << 2 << "unknown scope \"huge\"";
        QTest::newRow("corrupt answers") << QStringList{s("generate"), s("PROJECT"), s("--answers"), s("ANSWERS")}
                                         << QByteArray("{\n \"format\": \"opsflow-answers\",\n  ]") << 3
                                         << "answers.json is not valid JSON";
        QTest::newRow("newer answers") << QStringList{s("summary"), s("PROJECT"), s("--answers"), s("ANSWERS")}
                                       << QByteArray(R"({"format": "opsflow-answers", "version": 9})") << 3
                                       << "was written by a newer OpsFlow";
        // Out of range in the file (the wizard would not let it through): never written.
        QTest::newRow("invalid answer")
            << QStringList{s("generate"), s("PROJECT"), s("--answers"), s("ANSWERS")}
            << QByteArray(
                   R"({"format": "opsflow-answers", "version": 1, "answers": {"7.2": {"image_size_mb": 99999}}})")
            << 3 << "7.2 Estimated image size (image_size_mb): Must be between 1 and 20000 MB.";
        QTest::newRow("unknown command") << QStringList{s("generate"), s("PROJECT"), s("extra")} << QByteArray() << 2
                                         << "needs exactly one PROJECT_DIR";
        QTest::newRow("pdf to stdout") << QStringList{s("summary"), s("PROJECT"), s("--defaults"), s("--format"),
                                                      s("pdf")}
                                       << QByteArray() << 2 << "PDF needs an output file";
        QTest::newRow("unknown format") << QStringList{s("summary"), s("PROJECT"), s("--defaults"), s("--format"),
                                                       s("docx")}
                                        << QByteArray() << 2 << "unknown format \"docx\"";
    }
    void shouldExplainBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, answers);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir project;
        const QString answersPath = project.filePath(s("answers.json"));
        if (!answers.isEmpty())
            write(answersPath, answers);
        arguments.replaceInStrings(s("PROJECT"), project.path());
        arguments.replaceInStrings(s("ANSWERS"), answersPath);
        const Run run = opsflow(arguments);
        QCOMPARE(run.code, code);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one clear sentence
        QVERIFY(!QFile::exists(project.filePath(s("docs/operations.md"))));
    }

    void shouldPrintTheSummaryInEachFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("md") << "md"
                            << "# 📋 PHASE 7 SUMMARY";
        QTest::newRow("txt") << "txt"
                             << "📋 PHASE 7 SUMMARY";
        QTest::newRow("json") << "json"
                              << "{\n    \"answers\": {";
        QTest::newRow("html") << "html"
                              << "<!DOCTYPE html>";
    }
    void shouldPrintTheSummaryInEachFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, expected);
        QTemporaryDir project;
        const Run run = opsflow({s("summary"), project.path(), s("--defaults"), s("--format"), format});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(expected), qPrintable(run.out.left(200)));
        QVERIFY(run.out.contains(format == QLatin1String("html") ? s("Retry &amp; Timeout Policies")
                                                                 : s("Retry & Timeout Policies")));
    }

    // `opsflow summary` reads as a person writes: short labels, thresholds inside their options.
    void shouldPrintTheSummaryInWords()
    {
        QTemporaryDir project;
        const Run run = opsflow(
            {s("summary"), project.path(), s("--defaults"), s("--scope"), s("enterprise"), s("--format"), s("txt")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(s("Rollback time: 5 minutes (default)")), qPrintable(run.out));
        QVERIFY2(run.out.contains(s("Rollback triggers: Error rate > 5%, Latency > 2000 ms, Manual (default)")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(s("Alert conditions: Error rate > 1%, Response time > 1000 ms, ")),
                 qPrintable(run.out));
        for (const char *leftover : {"?:", "X%", "Y ms", "X ms", "threshold (X)"})
            QVERIFY2(!run.out.contains(s(leftover)), leftover);
    }

    void shouldWriteAReadablePdf()
    {
        const QString pdftotext = QStandardPaths::findExecutable(s("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QTemporaryDir project;
        const QString pdf = project.filePath(s("phase7-summary.pdf"));
        const Run run = opsflow({s("summary"), project.path(), s("--defaults"), s("--scope"), s("enterprise"),
                                 s("--format"), s("pdf"), s("-o"), pdf});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(read(pdf).startsWith("%PDF-"));
        QProcess text;
        text.start(pdftotext, {pdf, s("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString content = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        for (const char *label : {"Deployment Environment", "Containerization", "CI/CD Pipeline", "Deployment Strategy",
                                  "Backup & Disaster Recovery", "Circuit Breakers & Resilience",
                                  "Retry & Timeout Policies", "Request Logging & Masking", "Documentation & Runbooks"})
            QVERIFY2(content.contains(QLatin1String(label)), label);
    }

    // tests/cli/data/long-values.answers.json fills four rows with long values, each word run
    // carrying a marker word of its own row; 7.1's, in capitals, is taller than a page.
    void shouldNumberPdfPagesAndKeepRowsWithTheirLabels()
    {
        const QString pdftotext = QStandardPaths::findExecutable(s("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QTemporaryDir project;
        const QString answers = s(OPSFLOW_TEST_DATA "/cli/data/long-values.answers.json");
        const QString pdf = project.filePath(s("long.pdf"));
        const Run run =
            opsflow({s("summary"), project.path(), s("--answers"), answers, s("--format"), s("pdf"), s("-o"), pdf});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QStringList pages = pdfPages(pdftotext, pdf);
        QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size())));

        for (int i = 0; i < pages.size(); ++i) {
            const QString number = s("Page %1 of %2").arg(i + 1).arg(pages.size());
            QVERIFY2(pages.at(i).contains(number), qPrintable(number));
        }

        // The Markdown heading, but for its emoji mark, which the PDF draws as a picture.
        const Run markdown = opsflow({s("summary"), project.path(), s("--answers"), answers});
        const QString pdfHeading = pages.first().section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(markdown.out.section(QLatin1Char('\n'), 0, 0), s("# 📋 ") + pdfHeading);

        const Run json = opsflow({s("summary"), project.path(), s("--answers"), answers, s("--format"), s("json")});
        const QHash<QString, QString> labels =
            summaryLabels(QJsonDocument::fromJson(json.out.toUtf8())[QLatin1String("summary")].toArray());
        const QList<std::pair<QString, QString>> markers{
            {s("KESTREL"), s("7.1")}, {s("Marmot"), s("7.4.1")}, {s("Ocelot"), s("7.5")}, {s("Heron"), s("7.7.1")}};
        for (const auto &[marker, question] : markers) {
            const QString label = labels.value(question);
            QVERIFY2(!label.isEmpty(), qPrintable(question));
            int pagesWithValue = 0;
            for (int i = 0; i < pages.size(); ++i) {
                const QString page = pages.at(i).simplified();
                if (!page.contains(marker))
                    continue;
                ++pagesWithValue;
                // Its label on every page it is on; after the first, saying it goes on.
                const QString expected = pagesWithValue == 1 ? label : label + s(" (continued)");
                QVERIFY2(page.contains(expected),
                         qPrintable(s("%1 on page %2 without \"%3\"").arg(marker).arg(i + 1).arg(expected)));
            }
            // 7.1 is taller than a page, so it must split; the others fit on one and must not.
            if (question == QLatin1String("7.1"))
                QVERIFY2(pagesWithValue >= 2, qPrintable(QString::number(pagesWithValue)));
            else
                QVERIFY2(pagesWithValue == 1, qPrintable(s("%1 on %2 pages").arg(marker).arg(pagesWithValue)));
        }
    }

    void shouldPrintThePreflightReport_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("scenario");
        QTest::newRow("A") << "aiflow-a"
                           << "Scenario: A";
        QTest::newRow("B") << "aiflow-b"
                           << "Scenario: B";
        QTest::newRow("C") << "aiflow-c"
                           << "Scenario: C";
    }
    void shouldPrintThePreflightReport()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, scenario);
        const Run run = opsflow({s("check"), s(OPSFLOW_TEST_DATA "/fixtures/") + fixture});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(scenario), qPrintable(run.out));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    // The project facts its files show are used where no answer gives one, in every headless
    // command: the documents name the project, not "my-api", and say where each fact was found.
    void shouldUseTheProjectFactsTheFilesShow()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("orders"));
        QVERIFY(copyFixture("node-api", project));
        const Run check = opsflow({s("check"), project});
        QCOMPARE(check.code, 0);
        for (const char *line : {"  Project name: Orders API (README.md:1)", "  Runtime: Node.js (package.json)",
                                 "  Service port: 3000 (Dockerfile)"})
            QVERIFY2(check.out.contains(s(line)), qPrintable(check.out));
        const QJsonArray facts =
            QJsonDocument::fromJson(
                opsflow({s("check"), project, s("--format"), s("json")}).out.toUtf8())[s("project_facts")]
                .toArray();
        QVERIFY(!facts.isEmpty());
        QCOMPARE(facts.first()[s("field")].toString(), s("project_name"));
        QCOMPARE(facts.first()[s("evidence")].toString(), s("README.md:1"));

        QCOMPARE(opsflow({s("generate"), project, s("--defaults")}).code, 0);
        const QString operations = QString::fromUtf8(read(project + s("/docs/operations.md")));
        QVERIFY(operations.contains(s("# Orders API: Operations & Deployment")));
        QVERIFY(
            operations.contains(s("*Found in the project (project facts):* Project name: Orders API (README.md:1)")));
        QVERIFY(!operations.contains(s("my-api")));
        QVERIFY(operations.contains(s("orders-api")));
        // Not saved as answers: they are read from the project each time.
        QVERIFY(!read(project + s("/.ai-flow/answers/phase7.json")).contains("Orders API"));
        const Run summary = opsflow({s("summary"), project, s("--format"), s("txt")});
        QCOMPARE(summary.code, 0);
        QVERIFY2(summary.out.contains(s("Project: Orders API (found in README.md:1) · Scope:")),
                 qPrintable(summary.out));
    }

    // ai-flow says this is not a backend: check and generate say so, and what OpsFlow does.
    void shouldSayWhatItDoesForAProjectThatIsNotABackend()
    {
        QTemporaryDir project;
        write(project.filePath(s(".ai-flow/core/config.json")),
              R"({"version": "2.9.1", "projectType": "frontend", "backend": false})");
        const Run check = opsflow({s("check"), project.path()});
        QCOMPARE(check.code, 0);
        QVERIFY2(check.out.contains(s("Notice: .ai-flow/core/config.json says this is a \"frontend\" project")),
                 qPrintable(check.out));
        QVERIFY(check.out.contains(s("OpsFlow writes the same three documents as for a backend service.")));
        const Run generate = opsflow({s("generate"), project.path(), s("--defaults")});
        QCOMPARE(generate.code, 0);
        QVERIFY2(generate.err.contains(s("opsflow: warning: .ai-flow/core/config.json says this is a \"frontend\"")),
                 qPrintable(generate.err));
        // A backend says nothing of the kind.
        write(project.filePath(s(".ai-flow/core/config.json")), R"({"version": "2.9.1", "projectType": "backend"})");
        QVERIFY(!opsflow({s("check"), project.path()}).out.contains(s("Notice:")));
    }

    // The pre-flight choice saved with the answers: check names it; keeping the existing
    // documents means generate writes nothing unless --force; a choice the scenario no
    // longer offers (the documents changed since) is not acted on.
    void shouldFollowTheSavedPreflightChoice()
    {
        QTemporaryDir root;
        const QString keep = root.filePath(s("keep"));
        const QString full = root.filePath(s("full"));
        QVERIFY(copyFixture("aiflow-a", keep));
        QVERIFY(copyFixture("aiflow-c", full));
        const QByteArray answers =
            R"({"format": "opsflow-answers", "version": 1, "scope": "mvp", "preflight": "use-existing"})";
        for (const QString &project : {keep, full})
            write(project + s("/.ai-flow/answers/phase7.json"), answers);

        const Run check = opsflow({s("check"), keep});
        QCOMPARE(check.code, 0);
        QVERIFY2(check.out.contains(s("Saved choice: Use the existing documentation (skip phase 7).")),
                 qPrintable(check.out));
        const Run json = opsflow({s("check"), keep, s("--format"), s("json")});
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())[s("saved_choice")].toString(), s("use-existing"));

        const QString operations = keep + s("/docs/operations.md");
        const Run kept = opsflow({s("generate"), keep});
        QCOMPARE(kept.code, 0);
        QVERIFY2(kept.out.contains(s("nothing was written")) && kept.out.contains(s("docs/deployment.md is kept")),
                 qPrintable(kept.out));
        QVERIFY(!QFile::exists(operations));
        QCOMPARE(opsflow({s("generate"), keep, s("--force")}).code, 0);
        QVERIFY(QFile::exists(operations));

        // Scenario C offers no such choice: the check says so and generate writes.
        const Run stale = opsflow({s("check"), full});
        QVERIFY2(stale.out.contains(s("Saved choice: \"use-existing\", which scenario C does not offer")),
                 qPrintable(stale.out));
        QCOMPARE(opsflow({s("generate"), full}).code, 0);
        QVERIFY(QFile::exists(full + s("/docs/operations.md")));

        // An unknown choice is refused like any other bad value in the file.
        write(keep + s("/.ai-flow/answers/phase7.json"),
              R"({"format": "opsflow-answers", "version": 1, "preflight": "maybe"})");
        const Run bad = opsflow({s("check"), keep});
        QCOMPARE(bad.code, 3);
        QVERIFY2(
            bad.err.contains(s("unknown \"preflight\" choice (use use-existing, answer-missing, answer-all, skip)")),
            qPrintable(bad.err));
    }

    // Without a saved choice generate follows pre-flight's recommendation for the team's own
    // documents: scenario A keeps them (nothing written unless --force); scenario B takes
    // what docs/deployment.md states as answers, with its lines, and never changes that file.
    void shouldFollowThePreflightScenarioWithoutASavedChoice()
    {
        QTemporaryDir root;
        const QString documented = root.filePath(s("documented"));
        QVERIFY(copyFixture("aiflow-a", documented));
        const Run kept = opsflow({s("generate"), documented, s("--defaults")});
        QCOMPARE(kept.code, 0);
        QVERIFY2(kept.out.contains(s("nothing was written: pre-flight finds operations and deployment documented in "
                                     "docs/deployment.md (scenario A, consistency 97%)")),
                 qPrintable(kept.out));
        QVERIFY(!QFile::exists(documented + s("/docs/operations.md")));
        QCOMPARE(opsflow({s("generate"), documented, s("--defaults"), s("--force")}).code, 0);
        QVERIFY(QFile::exists(documented + s("/docs/operations.md")));

        // Run from the folder that holds the project, named relatively, as a user types it.
        QVERIFY(copyFixture("aiflow-b", root.filePath(s("partly"))));
        const QByteArray deployment = read(root.filePath(s("partly/docs/deployment.md")));
        const Run partly = opsflow({s("generate"), s("partly"), s("--defaults")}, root.path());
        QCOMPARE(partly.code, 0);
        for (const char *line : {"imported  7.1 Platform: Kubernetes (GKE) (docs/deployment.md:5)",
                                 "imported  7.4 CI/CD platform: GitLab CI (docs/deployment.md:9)",
                                 "✅ Saved the answers used: .ai-flow/answers/phase7.json"})
            QVERIFY2(partly.out.contains(s(line)), qPrintable(partly.out));
        QCOMPARE(read(root.filePath(s("partly/docs/deployment.md"))), deployment);
        QVERIFY(!QFile::exists(root.filePath(s("partly/partly"))));
        const QJsonObject saved =
            QJsonDocument::fromJson(read(root.filePath(s("partly/.ai-flow/answers/phase7.json")))).object();
        QCOMPARE(saved[s("imported")][s("7.4")][s("platform")][s("evidence")].toString(), s("docs/deployment.md:9"));
        const QString operations = QString::fromUtf8(read(root.filePath(s("partly/docs/operations.md"))));
        QVERIFY(operations.contains(s("GitLab CI")));
        QVERIFY(operations.contains(s("kubectl")));

        // The summary says which answers came from the document; one changed since is the user's.
        const Run summary = opsflow({s("summary"), root.filePath(s("partly")), s("--format"), s("txt")});
        QVERIFY2(summary.out.contains(s("CI/CD Pipeline: GitLab CI — If using GitLab (from docs/deployment.md:9)")),
                 qPrintable(summary.out));
        QJsonObject answers = saved;
        QJsonObject ci = answers[s("answers")][s("7.4")].toObject();
        QVERIFY(ci.contains(s("platform")));
        ci[s("platform")] = s("A");
        QJsonObject all = answers[s("answers")].toObject();
        all[s("7.4")] = ci;
        answers[s("answers")] = all;
        write(root.filePath(s("partly/.ai-flow/answers/phase7.json")), QJsonDocument(answers).toJson());
        const Run changed = opsflow({s("summary"), root.filePath(s("partly")), s("--format"), s("txt")});
        QCOMPARE(changed.code, 0);
        QVERIFY2(!changed.out.contains(s("(from docs/deployment.md:9)")), qPrintable(changed.out));
        QVERIFY(changed.out.contains(s("(from docs/deployment.md:5)")));

        // A second run: the imported answers are answers now; nothing is imported twice.
        const Run again = opsflow({s("generate"), root.filePath(s("partly"))});
        QCOMPARE(again.code, 0);
        QVERIFY2(!again.out.contains(s("imported  7.1")), qPrintable(again.out));
    }

    // ai-flow's configuration template lists the required and the optional variables in two
    // tables; written from it, configuration.md names every variable .env.example holds, with
    // the same defaults, so the two never disagree.
    void shouldListEveryVariableInAiFlowsConfigurationTables()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("project"));
        QVERIFY(copyFixture("aiflow-stack", project));
        write(
            project + s("/.ai-flow/templates/specs/configuration.template.md"),
            "# Configuration Specifications: {{PROJECT_NAME}}\n\n"
            "## Required Variables\n\n| Variable | Description | Type | Example |\n| --- | --- | --- | --- |\n"
            "{{#EACH REQUIRED_VAR}}| `{{VAR_NAME}}` | {{VAR_DESCRIPTION}} | {{VAR_TYPE}} | {{VAR_EXAMPLE}} |\n{{/EACH}}\n"
            "## Optional Variables\n\n| Variable | Description | Type | Default | Example |\n"
            "| --- | --- | --- | --- | --- |\n"
            "{{#EACH OPTIONAL_VAR}}| `{{VAR_NAME}}` | {{VAR_DESCRIPTION}} | {{VAR_TYPE}} | {{VAR_DEFAULT}} | "
            "{{VAR_EXAMPLE}} |\n{{/EACH}}");
        const Run run = opsflow({s("generate"), project, s("--defaults"), s("--templates"), s("ai-flow")});
        QCOMPARE(run.code, 0);
        QVERIFY2(!run.err.contains(s("but not in specs/configuration.md")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(s("but not in .env.example")), qPrintable(run.err));
        const QString configuration = QString::fromUtf8(read(project + s("/specs/configuration.md")));
        QVERIFY2(!configuration.contains(s("[TBD:")), qPrintable(configuration));
        const qsizetype optionalAt = configuration.indexOf(s("## Optional Variables"));
        QVERIFY(optionalAt > 0);
        // Required above, optional below, each with its own columns.
        const qsizetype databaseUrl = configuration.indexOf(s("| `DATABASE_URL` |"));
        QVERIFY2(databaseUrl > 0 && databaseUrl < optionalAt, qPrintable(configuration));
        const qsizetype poolMax = configuration.indexOf(s("| `DB_POOL_MAX` |"));
        QVERIFY2(poolMax > optionalAt, qPrintable(configuration));
        QVERIFY2(configuration.mid(poolMax).section(u'\n', 0, 0).contains(s("| `10` |")), qPrintable(configuration));
        // Every variable of .env.example is a row.
        const QString env = QString::fromUtf8(read(project + s("/.env.example")));
        static const QRegularExpression assignment(s("^([A-Z][A-Z0-9_]*)="), QRegularExpression::MultilineOption);
        int rows = 0;
        for (auto it = assignment.globalMatch(env); it.hasNext(); ++rows) {
            const QString name = it.next().captured(1);
            QVERIFY2(configuration.contains(s("| `%1` |").arg(name)), qPrintable(name));
        }
        QVERIFY(rows >= 5);
    }

    // ai-flow's own templates in the project: said once when OpsFlow's are used; with
    // --templates ai-flow (remembered) they write the documents, every name OpsFlow has a
    // value for filled, the rest visible as [TBD: NAME] and listed; the team's edits inside a
    // section survive the next generation.
    void shouldWriteWithTheProjectsAiFlowTemplates()
    {
        QTemporaryDir root;
        const QString own = root.filePath(s("own"));
        QVERIFY(copyFixture("aiflow-templates", own));
        const Run withOurs = opsflow({s("generate"), own, s("--defaults")});
        QCOMPARE(withOurs.code, 0);
        QCOMPARE(withOurs.err.count(s("The project has ai-flow's own templates")), 1);
        QVERIFY2(withOurs.err.contains(s("(.ai-flow/templates/docs/operations.template.md, "
                                         ".ai-flow/templates/specs/configuration.template.md, "
                                         ".ai-flow/templates/.env.example.template); OpsFlow writes the documents with "
                                         "its own")),
                 qPrintable(withOurs.err));
        QVERIFY(read(own + s("/docs/operations.md")).contains("Operations & Deployment"));

        const QString theirs = root.filePath(s("theirs"));
        QVERIFY(copyFixture("aiflow-templates", theirs));
        const Run run = opsflow({s("generate"), theirs, s("--defaults"), s("--templates"), s("ai-flow")});
        QCOMPARE(run.code, 0);
        QVERIFY(!run.err.contains(s("The project has ai-flow's own templates")));
        QVERIFY2(
            run.err.contains(s("docs/operations.md is written from .ai-flow/templates/docs/operations.template.md; "
                               "OpsFlow has no value for 2 of its names, left as [TBD: NAME]: DEPLOYMENT_REGIONS, "
                               "SSL_CERTIFICATE_PROVIDER.")),
            qPrintable(run.err));
        const QString operations = QString::fromUtf8(read(theirs + s("/docs/operations.md")));
        for (const char *expected :
             {"# Operations Guide: Ledger Service", "We deploy on **AWS ECS (Fargate)** ([TBD: DEPLOYMENT_REGIONS]).",
              "The service ships as a container image.", "Rolling: instances are replaced one at a time.",
              "| Production | Live traffic |", "1. Checkout code", "- RTO: 1 hour",
              "Certificates come from [TBD: SSL_CERTIFICATE_PROVIDER].",
              "<!-- opsflow:begin aiflow-deployment sha256:", "A rollback finishes in under 300 seconds.",
              "1. Keep serving for 5 s while the platform takes the instance out",
              "| Production | info | Minimal | Yes |",
              "Written by OpsFlow from "
              "`.ai-flow/templates/docs/operations.template.md`."})
            QVERIFY2(operations.contains(s(expected)), expected);
        QVERIFY(!operations.contains(s("Blue-green")));
        // Names that mean the same fact on both sides (strategy, image build, alert rules, backup
        // frequency, health response, circuit breakers, retry and timeout tables, secrets) are
        // filled; ai-flow counts attempts where OpsFlow counts retries: 2 retries are 3 attempts.
        for (const char *expected :
             {"Strategy: Rolling Deployment.", "```bash\ndocker build -t ledger-service .\n```",
              "- **Error rate** (Critical): more than 1% of requests fail over 5 minutes;",
              "; notifies Slack/Discord, Email.", "Frequency: Automated daily backups; kept for 30 days.",
              "\"status\": \"healthy\",", "- Payment API: opens at 50% failures; fallback: Return error gracefully",
              "- Database queries: backoff None (fail fast), at most 3 attempts",
              "| Payment API | 30000ms | 3 | Exponential (1s,2s,4s) | Must complete |",
              "The pipeline runs on GitHub Actions.",
              "Pool: 2 to 10 connections; a connection waits at most 30000ms, idles 600000ms and lives 1800000ms.",
              "Migrations run without downtime (Expand/Contract).", "| password, secret | Completely redact |",
              "| token, api_key | Show last 4 chars only |",
              "Shutdown timeout: 30s; health check grace period 5s; connections drain for 15s.",
              "Default HTTP timeout: 10000ms.",
              "Tool: The stack's resilience library (e.g. Resilience4j, Polly, opossum)."})
            QVERIFY2(operations.contains(s(expected)), expected);
        for (const char *mapped :
             {"DEPLOYMENT_STRATEGY", "DOCKER_BUILD_COMMAND", "ALERT_RULE", "ALERT_NAME", "ALERT_RECIPIENTS",
              "BACKUP_FREQUENCY", "HEALTH_CHECK_RESPONSE_EXAMPLE", "CIRCUIT_BREAKER", "FAILURE_THRESHOLD",
              "RETRY_POLICY", "BACKOFF_STRATEGY", "MAX_ATTEMPTS", "TIMEOUT_POLICY", "TIMEOUT"})
            QVERIFY2(!operations.contains(s("[TBD: %1]").arg(s(mapped))), mapped);
        const QString configuration = QString::fromUtf8(read(theirs + s("/specs/configuration.md")));
        QVERIFY2(configuration.contains(s("- `DATABASE_URL`")), qPrintable(configuration));
        QVERIFY2(configuration.contains(s("Pool: 2 to 10 connections, idle timeout 600000ms.")),
                 qPrintable(configuration));
        QVERIFY2(configuration.contains(s("Storage: AWS Secrets Manager.")), qPrintable(configuration));
        QVERIFY(!configuration.contains(s("[TBD:")));
        const QByteArray env = read(theirs + s("/.env.example"));
        QVERIFY(env.contains("(ledger team template)"));
        QVERIFY2(env.contains("\nPORT=3000\nDB_POOL_MIN=2\nDB_POOL_MAX=10\n"), env.constData());
        QCOMPARE(QJsonDocument::fromJson(read(theirs + s("/.ai-flow/answers/phase7.json")))[s("templates")].toString(),
                 s("ai-flow"));

        // The team edits a line; an answer changes; both survive the next run, which
        // remembers the choice.
        QString edited = operations;
        edited.replace(s("APM: Datadog."), s("APM: Datadog. Dashboards live in the team wiki."));
        write(theirs + s("/docs/operations.md"), edited.toUtf8());
        QJsonObject answers = QJsonDocument::fromJson(read(theirs + s("/.ai-flow/answers/phase7.json"))).object();
        QJsonObject all = answers[s("answers")].toObject();
        all[s("7.7")] = QJsonObject{{s("rto_minutes"), 240}};
        all[s("7.4.1")] = QJsonObject{{s("strategy"), s("C")},
                                      {s("canary_step_percent"), 20},
                                      {s("canary_success_criteria"), s("checkout errors stay under 1%")}};
        answers[s("answers")] = all;
        write(theirs + s("/.ai-flow/answers/phase7.json"), QJsonDocument(answers).toJson());
        const Run again = opsflow({s("generate"), theirs});
        QCOMPARE(again.code, 0);
        const QString merged = QString::fromUtf8(read(theirs + s("/docs/operations.md")));
        QVERIFY2(merged.contains(s("APM: Datadog. Dashboards live in the team wiki.")), qPrintable(merged));
        QVERIFY(merged.contains(s("- RTO: 4 hours")));
        QVERIFY(merged.contains(s("Strategy: Canary Deployment.")));
        QVERIFY2(merged.contains(s("Canary: 5% of traffic first, then 20 percentage points more at a time while "
                                   "checkout errors stay under 1%.")),
                 qPrintable(merged));
        QVERIFY2(merged.contains(s("Traffic grows by 20% every 15 minutes.")), qPrintable(merged));
        // ai-flow's templates write the unit after the tag: OpsFlow gives those names bare numbers.
        static const QRegularExpression twoUnits(
            s("\\d\\s*(?>minutes|minute|seconds|second|ms|%|s)\\s*(?>minutes|seconds|ms|%|s)(?![A-Za-z])"));
        for (const QString &document : {operations, merged}) {
            const QRegularExpressionMatch m = twoUnits.match(document);
            QVERIFY2(!m.hasMatch(), qPrintable(m.captured()));
        }

        const Run bad = opsflow({s("generate"), theirs, s("--templates"), s("copier")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(s("unknown templates \"copier\" (use opsflow or ai-flow)")), qPrintable(bad.err));
    }

    // OpsFlow's record of a generation lands at its own path only: a record path that is a
    // link (committed by mistake, or on purpose) to the document is never written through.
    void shouldNeverWriteARecordThroughALink()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("linked"));
        QVERIFY(generateWithANote(project));
        const QString document = project + s("/docs/operations.md");
        const QString record = project + s("/.ai-flow/opsflow/last-generated/docs/operations.md");
        QVERIFY(QFile::remove(record));
        QVERIFY(QFile::link(s("../../../../docs/operations.md"), record));
        const Run run = opsflow({s("generate"), project, s("--scope"), s("enterprise")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains(s("The record .ai-flow/opsflow/last-generated/docs/operations.md was not written: it "
                                    "leads through a link to another file.")),
                 qPrintable(run.err));
        const QByteArray written = read(document);
        QVERIFY(written.contains("My hand-written note."));
        QVERIFY(written.contains("opsflow:begin"));
        QVERIFY(QFileInfo(record).isSymLink());
    }

    // A generated document whose end marker was deleted: kept whole, with the reason named
    // (not "no OpsFlow sections"), and not taken for the team's documentation (scenario A).
    void shouldKeepADocumentWithBrokenMarkersAndSayWhy()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("broken"));
        QVERIFY(QDir().mkpath(project));
        QCOMPARE(opsflow({s("generate"), project, s("--defaults")}).code, 0);
        const QString document = project + s("/docs/operations.md");
        QByteArray text = read(document);
        QVERIFY(text.contains("<!-- opsflow:end deployment-environment -->\n"));
        text.replace("<!-- opsflow:end deployment-environment -->\n", "My note where the marker was.\n");
        QFile file(document);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();
        const Run run = opsflow({s("generate"), project, s("--scope"), s("enterprise")});
        QCOMPARE(run.code, 5);
        QVERIFY2(run.out.contains(s("kept the whole file (use --force to replace it; a backup is made)\n"
                                    "            The OpsFlow markers in the existing file are broken: line ")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(s("inside section \"deployment-environment\".")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(s("no OpsFlow sections")), qPrintable(run.out));
        QCOMPARE(read(document), text);
        const Run check = opsflow({s("check"), project});
        QVERIFY2(check.out.contains(s("docs/operations.md was written by OpsFlow, but its markers are broken")),
                 qPrintable(check.out + check.err));
    }

    // The answers file a generate saves is OpsFlow's own too: a link from it to the document
    // is refused, named, and the document keeps the team's note.
    void shouldNeverWriteTheAnswersThroughALink()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("linked"));
        QVERIFY(generateWithANote(project));
        const QString document = project + s("/docs/operations.md");
        const QString answers = project + s("/.ai-flow/answers/phase7.json");
        const QString imported = root.filePath(s("answers.json"));
        QVERIFY(QFile::rename(answers, imported));
        QVERIFY(QFile::link(s("../../docs/operations.md"), answers));
        const Run run = opsflow({s("generate"), project, s("--answers"), imported});
        QVERIFY2(run.out.contains(s(".ai-flow/answers/phase7.json leads through a link to docs/operations.md; OpsFlow "
                                    "writes its own files only at their own path.")),
                 qPrintable(run.out + run.err));
        QCOMPARE(run.code, 5);
        const QByteArray written = read(document);
        QVERIFY(written.contains("My hand-written note."));
        QVERIFY(!written.contains("\"answers\""));
        QVERIFY(QFileInfo(answers).isSymLink());
    }

    // A project's own .env template may put an answer or a [TBD: NAME] where a shell would run
    // it: the written file is made safe to source, and the warning names each changed line.
    void shouldKeepAnOverriddenEnvFileSafeToSource()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("override"));
        QVERIFY(QDir().mkpath(project + s("/.ai-flow/templates/opsflow")));
        const QString marker = root.filePath(s("ran"));
        write(project + s("/.ai-flow/templates/opsflow/env.example.template"),
              "# {{PROJECT_ENV}}\nPORT={{PORT}}\nECS_CLUSTER={{ANSWER_7_1_CLUSTER}}\n{{ANSWER_7_1_CLUSTER}}\n"
              "KEPT=\"plain ${PORT}\"\nQUOTED='as is'\n");
        const QString answers = root.filePath(s("answers.json"));
        write(answers,
              QStringLiteral("{\"format\":\"opsflow-answers\",\"version\":1,\"phase\":\"7\",\"answers\":"
                             "{\"7.1\":{\"choice\":\"A\",\"platform\":\"AWS ECS\",\"cluster\":"
                             "\"prod; touch %1 $(touch %1)\"}}}")
                  .arg(marker)
                  .toUtf8());
        const Run run = opsflow({s("generate"), project, s("--answers"), answers, s("--no-save")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains(s(".env.example written from env.example.template was made safe to source: line 3: "
                                    "the value of ECS_CLUSTER was quoted; line 4: not KEY=VALUE, made a comment.")),
                 qPrintable(run.err));
        const QString env = QString::fromUtf8(read(project + s("/.env.example")));
        // ANSWER_ names are escaped for Markdown (\\$); in single quotes that stays literal too.
        QVERIFY2(env.contains(s("ECS_CLUSTER='prod; touch %1 \\$(touch %1)'\n").arg(marker)), qPrintable(env));
        QVERIFY2(env.contains(s("KEPT=\"plain ${PORT}\"\nQUOTED='as is'\n")), qPrintable(env));
        QProcess shell;
        shell.setWorkingDirectory(project);
        shell.start(s("sh"), {s("-c"), s("set -a; . ./.env.example; printf '%s' \"$ECS_CLUSTER\"")});
        QVERIFY(shell.waitForFinished());
        QCOMPARE(shell.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), s("prod; touch %1 \\$(touch %1)").arg(marker));
        QVERIFY(!QFile::exists(marker));
    }

    // ai-flow's stock template copied into OpsFlow's override folder: the run fails (exit 4,
    // nothing written for that document) and says first where the template belongs.
    void shouldSayWhereAnAiFlowTemplateBelongs()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("misplaced"));
        QVERIFY(copyFixture("aiflow-templates", project));
        QDir(project).mkpath(s(".ai-flow/templates/opsflow"));
        QVERIFY(QFile::copy(project + s("/.ai-flow/templates/docs/operations.template.md"),
                            project + s("/.ai-flow/templates/opsflow/operations.md.template")));
        const Run run = opsflow({s("generate"), project, s("--defaults")});
        QCOMPARE(run.code, 4);
        QVERIFY(!QFile::exists(project + s("/docs/operations.md")));
        const QString hint = s(".ai-flow/templates/opsflow/operations.md.template: uses ai-flow's template names (");
        QVERIFY2(run.err.contains(hint), qPrintable(run.err));
        QVERIFY2(run.err.contains(s("belongs at .ai-flow/templates/docs/operations.template.md and is used by choosing "
                                    "ai-flow's templates (--templates ai-flow")),
                 qPrintable(run.err));
        // Before the list of unknown names, not after it.
        QVERIFY(run.err.indexOf(hint) < run.err.indexOf(s("unknown variable")));

        // A hand-written override with one unknown name gets the plain error only.
        write(project + s("/.ai-flow/templates/opsflow/operations.md.template"),
              "# {{PROJECT_HEADING}} {{APM_TOOL}}\n");
        const Run typo = opsflow({s("generate"), project, s("--defaults")});
        QCOMPARE(typo.code, 4);
        QVERIFY2(typo.err.contains(s("unknown variable {{APM_TOOL}}")), qPrintable(typo.err));
        QVERIFY(!typo.err.contains(s("uses ai-flow's template names")));
    }

    // A project as ai-flow leaves it has no README and no name in its config: the name comes
    // from ai-instructions.md (with its line), in the documents and in `check`.
    void shouldNameTheProjectAsAiFlowDoes()
    {
        QTemporaryDir root;
        const QString project = root.filePath(s("payments"));
        QVERIFY(copyFixture("aiflow-stack", project));
        const Run run = opsflow({s("generate"), project, s("--defaults")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        const QString operations = QString::fromUtf8(read(project + s("/docs/operations.md")));
        QVERIFY2(operations.contains(s("# Payments API: Operations & Deployment")), qPrintable(operations.left(400)));
        QVERIFY(operations.contains(s("Project name: Payments API (ai-instructions.md:3)")));
        QVERIFY(!operations.contains(s("my-api")));
        // --defaults means the recommended answers plus what the project shows: the migration
        // tool ai-instructions.md names, with its line, not "not decided".
        QVERIFY2(operations.contains(s("Migration tool (7.7.1): Prisma Migrate (ai-instructions.md:13)")),
                 qPrintable(operations.left(1600)));
        QVERIFY(operations.contains(s("npx prisma migrate deploy")));
        const Run check = opsflow({s("check"), project});
        QVERIFY2(check.out.contains(s("  Project name: Payments API (ai-instructions.md:3)")), qPrintable(check.out));
        QVERIFY2(check.out.contains(s("  Migration tool (7.7.1): Prisma Migrate (ai-instructions.md:13)\n")),
                 qPrintable(check.out));
    }

    // The template-variable reference the README links: the command prints the checked-in file.
    void shouldPrintTheTemplateVariables()
    {
        const Run run = opsflow({s("templates"), s("--variables")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QString::fromUtf8(read(s(OPSFLOW_SOURCE_DIR "/templates/VARIABLES.md"))));
        QVERIFY(run.out.contains(s("| `LOCAL_INSTALL` | text |")));
        const Run bad = opsflow({s("templates"), s("/tmp")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(s("templates takes --variables and no folder")), qPrintable(bad.err));
    }

    // A port out of range in a hand-edited file: said, not quietly replaced by the default.
    void shouldRefuseAContextNumberOutOfRange()
    {
        QTemporaryDir project;
        const QString answers = project.filePath(s("answers.json"));
        write(answers, R"({"format": "opsflow-answers", "version": 1, "scope": "mvp", "mode": "smart",
                           "context": {"port": 70000}})");
        const Run refused = opsflow({s("generate"), project.path(), s("--answers"), answers});
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains(s("holds answers that are not valid (correct them in OpsFlow or in the file): "
                                        "context Service port (port): Must be between 1 and 65535.")),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(project.filePath(s("docs/operations.md"))));
        write(answers, R"({"format": "opsflow-answers", "version": 1, "scope": "mvp", "mode": "smart",
                           "context": {"port": 8080}})");
        QCOMPARE(opsflow({s("generate"), project.path(), s("--answers"), answers}).code, 0);
        QVERIFY(read(project.filePath(s(".env.example"))).contains("PORT=8080\n"));
    }

    // Answers that break a rule of severity error: generate says why and writes nothing
    // (exit 6) unless --accept-errors; check lists the findings, as text and as JSON.
    void shouldRefuseContradictoryAnswers()
    {
        QTemporaryDir project;
        const QString answers = project.filePath(s("answers.json"));
        write(answers, R"({"format": "opsflow-answers", "version": 1, "scope": "enterprise", "mode": "smart",
                           "answers": {"7.7.2": {"min_connections": 20, "max_connections": 10}}})");
        const Run refused = opsflow({s("generate"), project.path(), s("--answers"), answers});
        QCOMPARE(refused.code, 6);
        QVERIFY2(refused.err.contains(s("opsflow: error: The pool's minimum of 20 connections")),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(s("--accept-errors")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(s("opsflow: warning: ")), qPrintable(refused.err)); // the defaults' warnings too
        QVERIFY(!QFile::exists(project.filePath(s("docs/operations.md"))));
        QVERIFY(!QFile::exists(project.filePath(s(".ai-flow/answers/phase7.json"))));
        QVERIFY(!refused.out.contains(s("Generated")));

        const Run dry = opsflow({s("generate"), project.path(), s("--answers"), answers, s("--dry-run")});
        QCOMPARE(dry.code, 6);

        const Run accepted = opsflow({s("generate"), project.path(), s("--answers"), answers, s("--accept-errors")});
        QVERIFY2(accepted.code == 0, qPrintable(accepted.err));
        QVERIFY(accepted.err.contains(s("opsflow: error: The pool's minimum of 20 connections")));
        QVERIFY(QFile::exists(project.filePath(s("docs/operations.md"))));

        // The project's answers are now the contradictory ones: check finds the rule.
        const Run check = opsflow({s("check"), project.path()});
        QCOMPARE(check.code, 0);
        QVERIFY2(check.out.contains(s("Scenario: ")), qPrintable(check.out)); // the pre-flight report first
        QVERIFY2(check.out.contains(s("error: The pool's minimum of 20 connections")), qPrintable(check.out));
        QVERIFY(check.out.contains(s("[pool-min-max]")));
        QVERIFY(check.out.indexOf(s("Scenario: ")) < check.out.indexOf(s("[pool-min-max]")));

        const Run json = opsflow({s("check"), project.path(), s("--format"), s("json")});
        QCOMPARE(json.code, 0);
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + json.out.left(300)));
        QVERIFY(report.value(s("preflight")).toObject().contains(s("scenario")));
        QCOMPARE(report.value(s("rules_checked")).toBool(), true);
        bool found = false;
        for (const QJsonValue &v : report.value(s("rules")).toArray()) {
            const QJsonObject rule = v.toObject();
            QVERIFY(!rule.value(s("message")).toString().isEmpty());
            QVERIFY(!rule.value(s("where")).toArray().isEmpty());
            if (rule.value(s("id")).toString() != s("pool-min-max"))
                continue;
            found = true;
            QCOMPARE(rule.value(s("severity")).toString(), s("error"));
            QVERIFY(rule.value(s("message")).toString().contains(s("20")));
            QVERIFY(rule.value(s("where")).toArray().at(0).toString().startsWith(s("7.7.2 ")));
        }
        QVERIFY(found);
    }

    // The questionnaire's own checks, shown by the wizard on their page, are also reported by
    // generate and check when the answers come from a file.
    void shouldReportTheQuestionnairesChecks()
    {
        QTemporaryDir project;
        const QString answers = project.filePath(s("answers.json"));
        write(answers, R"({"format": "opsflow-answers", "version": 1, "scope": "production", "mode": "smart",
                           "answers": {"7.6": {"on_call": "A", "channels": ["A", "B"]}}})");
        const QString expected = s("7.6 Alerts: An on-call rotation needs alerts that page the person on call");
        const Run run = opsflow({s("generate"), project.path(), s("--answers"), answers});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains(s("opsflow: warning: ") + expected), qPrintable(run.err));
        const Run check = opsflow({s("check"), project.path()});
        QCOMPARE(check.code, 0);
        QVERIFY2(check.out.contains(s("warning: ") + expected), qPrintable(check.out));
        QVERIFY(check.out.contains(s("[questionnaire-check]")));
    }

    // The recommended answers raise warnings at most: generate writes and exits 0.
    void shouldOnlyWarnOnTheDefaults()
    {
        QTemporaryDir project;
        const Run run = opsflow({s("generate"), project.path(), s("--defaults"), s("--scope"), s("enterprise")});
        QCOMPARE(run.code, 0);
        QVERIFY2(!run.err.contains(s("error:")), qPrintable(run.err));
        const Run check = opsflow({s("check"), project.path(), s("--format"), s("json")});
        QCOMPARE(check.code, 0);
        for (const QJsonValue &v : QJsonDocument::fromJson(check.out.toUtf8()).object().value(s("rules")).toArray())
            QCOMPARE(v.toObject().value(s("severity")).toString(), s("warning"));
        // Without answers there is nothing to check, and JSON says so.
        QTemporaryDir empty;
        const Run none = opsflow({s("check"), empty.path(), s("--format"), s("json")});
        QCOMPARE(none.code, 0);
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).object().value(s("rules_checked")).toBool(true), false);
        QCOMPARE(opsflow({s("check"), empty.path(), s("--format"), s("md")}).code, 2);
    }

    void shouldReportAnUnwritableSummaryTarget()
    {
        QTemporaryDir project;
        write(project.filePath(s("blocked")), "a file, not a folder\n");
        const Run run = opsflow(
            {s("summary"), project.path(), s("--defaults"), s("-o"), project.filePath(s("blocked/summary.md"))});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.startsWith(s("opsflow: Cannot write ")), qPrintable(run.err));
    }

    // -o naming a document OpsFlow generates (directly or through a link), or its answers:
    // refused, the file as it was. Any other file, existing or new, takes the summary.
    void shouldNotWriteTheSummaryOverAManagedFile()
    {
        QTemporaryDir project;
        QCOMPARE(opsflow({s("generate"), project.path(), s("--defaults")}).code, 0);
        const QString document = project.filePath(s("docs/operations.md"));
        const QByteArray before = read(document);
        const Run run = opsflow({s("summary"), project.path(), s("-o"), document});
        QCOMPARE(run.code, 2);
        QCOMPARE(run.err,
                 s("opsflow: %1 is docs/operations.md of the project, which OpsFlow writes itself; the "
                   "summary was not written over it. Choose another file for -o.\n")
                     .arg(document));
        QCOMPARE(read(document), before);
        QVERIFY(QFile::link(document, project.filePath(s("summary-link.md"))));
        QCOMPARE(opsflow({s("summary"), project.path(), s("-o"), project.filePath(s("summary-link.md"))}).code, 2);
        const QString answers = project.filePath(s(".ai-flow/answers/phase7.json"));
        const QByteArray answersBefore = read(answers);
        QCOMPARE(opsflow({s("summary"), project.path(), s("-o"), answers}).code, 2);
        QCOMPARE(read(answers), answersBefore);
        QCOMPARE(read(document), before);

        write(project.filePath(s("summary.md")), "an old summary\n");
        QCOMPARE(opsflow({s("summary"), project.path(), s("-o"), project.filePath(s("summary.md"))}).code, 0);
        QVERIFY(read(project.filePath(s("summary.md"))).startsWith("# "));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
