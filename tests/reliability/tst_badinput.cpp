// Bad input to the real binary that the other suites do not try: oversized, non-UTF-8 and
// strangely typed answers files, files where folders should be, links, and hostile text.
// Each row is one line of the table in tests/README.md.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Run {
    int code = -1; // -2: killed or crashed; -3: did not finish in time
    QString out;
    QString err;
};

Run opsflow(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(s("DISPLAY"));
    env.remove(s("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(s(OPSFLOW_BINARY), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-3, {}, {}};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray answersWith(const QByteArray &answers, const QByteArray &context = "{}")
{
    return R"({"format": "opsflow-answers", "version": 1, "phase": "7", "scope": "enterprise", "mode": "smart", "context": )"
        + context + R"(, "answers": )" + answers + "}";
}

// What each row puts where before the run. Paths are relative to the temporary folder,
// which holds the project in "project/" and the answers file (when any) in "answers.json".
enum class Setup {
    AnswersFile,         // `content` → answers.json
    AnswersDirectory,    // answers.json is a folder
    AnswersDangling,     // answers.json → a missing file
    AnswersLinked,       // answers.json → real.json (content)
    AnswersFifo,         // answers.json is a named pipe nobody writes to
    DocsIsAFile,         // project/docs is a regular file
    OperationsIsAFolder, // project/docs/operations.md is a folder
    ProjectIsAFile,      // the project path is a regular file
    HugeExisting,        // project/docs/operations.md is 17 MiB
    TemplateOutside,     // the operations template override links to a file outside
    TemplateFifo,        // the configuration template override is a named pipe
    BackupsOutside,      // project/.ai-flow/backups links to a folder outside
};

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldRefuseBadInputClearly_data()
    {
        QTest::addColumn<int>("setup_"); // a Setup
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message"); // in stderr (or stdout for a blocked file)
        QTest::addColumn<bool>("writes");     // whether the documents are written

        // (No raw string literal ending in a quote here: moc misreads it and loses the class.)
        const QByteArray huge =
            answersWith("{\"7.1\": {\"choice\": \"A\", \"why\": \"" + QByteArray(9 * 1024 * 1024, 'x') + "\"}}");
        QTest::newRow("answers over 8 MiB")
            << int(Setup::AnswersFile) << huge << 3
            << s("is too large to be an answers file (9 MiB; the limit is 8 MiB)") << false;
        QTest::newRow("answers not UTF-8")
            << int(Setup::AnswersFile) << answersWith("{\"7.1\": {\"why\": \"caf\xe9 \xff\xfe\"}}") << 3
            << s("is not valid JSON") << false;
        QTest::newRow("answers with a UTF-8 BOM")
            << int(Setup::AnswersFile) << QByteArray("\xef\xbb\xbf") + answersWith("{}") << 0 << QString() << true;
        QTest::newRow("empty answers file")
            << int(Setup::AnswersFile) << QByteArray() << 3 << s("is not valid JSON") << false;
        QTest::newRow("answers nested 5000 deep")
            << int(Setup::AnswersFile) << QByteArray(5000, '[') + QByteArray(5000, ']') << 3 << s("is not valid JSON")
            << false;
        QTest::newRow("answers a JSON array")
            << int(Setup::AnswersFile) << QByteArray("[]") << 3 << s("must hold a JSON object") << false;
        QTest::newRow("answers with a NUL in a value")
            << int(Setup::AnswersFile) << answersWith(R"({"7.1": {"why": "a\u0000b"}})") << 0 << QString() << true;
        QTest::newRow("answers folder") << int(Setup::AnswersDirectory) << QByteArray() << 3 << s("Cannot read")
                                        << false;
        QTest::newRow("answers dangling link")
            << int(Setup::AnswersDangling) << QByteArray() << 3 << s("Cannot read") << false;
        QTest::newRow("answers through a link")
            << int(Setup::AnswersLinked) << answersWith("{}") << 0 << QString() << true;
        QTest::newRow("answers a named pipe")
            << int(Setup::AnswersFifo) << QByteArray() << 3 << s("answers.json: it is not a regular file") << false;
        QTest::newRow("docs is a file") << int(Setup::DocsIsAFile) << QByteArray() << 5
                                        << s("docs/operations.md cannot be created: docs is a file, not a folder")
                                        << false;
        QTest::newRow("operations.md is a folder") << int(Setup::OperationsIsAFolder) << QByteArray() << 5
                                                   << s("docs/operations.md is a folder, not a file") << false;
        QTest::newRow("project is a file")
            << int(Setup::ProjectIsAFile) << QByteArray() << 2 << s("is not a folder") << false;
        QTest::newRow("existing file over 16 MiB") << int(Setup::HugeExisting) << QByteArray() << 5
                                                   << s("is larger than 16 MiB; OpsFlow will not replace it") << false;
        QTest::newRow("template override links outside")
            << int(Setup::TemplateOutside) << QByteArray() << 4
            << s("operations.md.template: links outside the project; it was not read") << false;
        QTest::newRow("template override a named pipe")
            << int(Setup::TemplateFifo) << QByteArray() << 4
            << s("configuration.md.template: is not a regular file; it was not read") << false;
        QTest::newRow("backups folder links outside") << int(Setup::BackupsOutside) << QByteArray() << 1
                                                      << s("Cannot back up to .ai-flow/backups: it leads to") << false;
    }

    void shouldRefuseBadInputClearly()
    {
        QFETCH(int, setup_);
        const auto setup = Setup(setup_);
        QFETCH(QByteArray, content);
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(bool, writes);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString project = dir.filePath(s("project"));
        QVERIFY(QDir().mkpath(project));
        QString answers = dir.filePath(s("answers.json"));
        switch (setup) {
        case Setup::AnswersFile: QVERIFY(write(answers, content)); break;
        case Setup::AnswersDirectory: QVERIFY(QDir().mkpath(answers)); break;
        case Setup::AnswersDangling: QVERIFY(QFile::link(dir.filePath(s("missing.json")), answers)); break;
        case Setup::AnswersLinked:
            QVERIFY(write(dir.filePath(s("real.json")), content));
            QVERIFY(QFile::link(dir.filePath(s("real.json")), answers));
            break;
        case Setup::AnswersFifo: QVERIFY(mkfifo(QFile::encodeName(answers).constData(), 0600) == 0); break;
        case Setup::DocsIsAFile: QVERIFY(write(dir.filePath(s("project/docs")), "not a folder\n")); break;
        case Setup::OperationsIsAFolder: QVERIFY(QDir().mkpath(dir.filePath(s("project/docs/operations.md")))); break;
        case Setup::ProjectIsAFile:
            project = dir.filePath(s("file"));
            QVERIFY(write(project, "x"));
            break;
        case Setup::TemplateOutside:
            QVERIFY(write(dir.filePath(s("outside/credentials")), "aws_secret_access_key = CANARY-SECRET\n"));
            QVERIFY(QDir().mkpath(dir.filePath(s("project/.ai-flow/templates/opsflow"))));
            QVERIFY(QFile::link(dir.filePath(s("outside/credentials")),
                                dir.filePath(s("project/.ai-flow/templates/opsflow/operations.md.template"))));
            break;
        case Setup::TemplateFifo:
            QVERIFY(QDir().mkpath(dir.filePath(s("project/.ai-flow/templates/opsflow"))));
            QVERIFY(mkfifo(QFile::encodeName(
                               dir.filePath(s("project/.ai-flow/templates/opsflow/configuration.md.template")))
                               .constData(),
                           0600)
                    == 0);
            break;
        case Setup::BackupsOutside:
            // A generation to replace, then the team's edit, then the link.
            QVERIFY(opsflow({s("generate"), project, s("--defaults")}).code == 0);
            QVERIFY(write(dir.filePath(s("project/.env.example")), "EDITED=1\n"));
            QVERIFY(QDir().mkpath(dir.filePath(s("outside"))));
            QVERIFY(QDir().mkpath(dir.filePath(s("project/.ai-flow"))));
            QVERIFY(QFile::link(dir.filePath(s("outside")), dir.filePath(s("project/.ai-flow/backups"))));
            break;
        case Setup::HugeExisting: {
            QFile big(dir.filePath(s("project/docs/operations.md")));
            QVERIFY(QDir().mkpath(dir.filePath(s("project/docs"))));
            QVERIFY(big.open(QIODevice::WriteOnly));
            QVERIFY(big.resize(17 * 1024 * 1024));
            break;
        }
        }
        const bool usesAnswers = setup <= Setup::AnswersFifo;
        QStringList arguments{s("generate"), project};
        arguments += usesAnswers ? QStringList{s("--answers"), answers} : QStringList{s("--defaults")};
        if (setup == Setup::HugeExisting || setup == Setup::BackupsOutside)
            arguments.append(s("--force"));
        const Run run = opsflow(arguments, 8000);

        // Every way this row can go wrong, reported together.
        QStringList problems;
        auto expect = [&problems](bool ok, const QString &what) {
            if (!ok)
                problems.append(what);
        };
        const QString output = run.err + run.out;
        expect(run.code != -3, s("opsflow did not finish within 8 s"));
        expect(run.code != -2, s("opsflow crashed: ") + run.err.right(2000));
        expect(run.code == code, QStringLiteral("exit %1, expected %2").arg(run.code).arg(code));
        expect(message.isEmpty() || output.contains(message), s("the message does not name ") + message);
        // Warnings ("opsflow: warning: …") may come first; the error is one line.
        QStringList errors = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        errors.removeIf([](const QString &line) { return line.startsWith(QLatin1String("opsflow: warning: ")); });
        expect(run.code == 0 || errors.size() <= 1, s("the error is not one line"));
        const QString operations = dir.filePath(s("project/docs/operations.md"));
        switch (setup) {
        case Setup::TemplateOutside:
            expect(!read(operations).contains("CANARY-SECRET"),
                   s("a file outside the project was copied into docs/operations.md"));
            break;
        case Setup::BackupsOutside:
            expect(QDir(dir.filePath(s("outside"))).isEmpty(), s("a backup was written outside the project"));
            expect(read(dir.filePath(s("project/.env.example"))) == "EDITED=1\n", s("the edited file was replaced"));
            break;
        case Setup::DocsIsAFile:
            // Found by the plan, like a folder where the file goes: that one file is blocked
            // and named, the file in its way untouched, the others written.
            expect(QFileInfo::exists(dir.filePath(s("project/specs/configuration.md"))),
                   s("configuration.md was not written"));
            expect(read(dir.filePath(s("project/docs"))) == "not a folder\n", s("the blocking file changed"));
            break;
        case Setup::HugeExisting:
            expect(QFileInfo(operations).size() == 17 * 1024 * 1024, s("the big file was replaced"));
            break;
        case Setup::ProjectIsAFile:
        case Setup::OperationsIsAFolder:
        case Setup::TemplateFifo: break;
        default:
            expect(QFileInfo::exists(operations) == writes
                       && QFileInfo::exists(dir.filePath(s("project/.env.example"))) == writes,
                   writes ? s("the documents were not written") : s("documents were written"));
            break;
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(problems.join(s("; ")) + s(" — stderr: ") + run.err.left(400) + s(" stdout: ")
                            + run.out.left(400)));
    }

    // An unknown key is quoted in the message; a key holding a line break or an escape
    // sequence must not break the one-line message or reach the terminal raw.
    // A device never ends (/dev/zero) or blocks (a terminal): refused before it is read.
    void shouldRefuseADeviceAsAnswers()
    {
        QTemporaryDir dir;
        const Run run = opsflow({s("generate"), dir.path(), s("--answers"), s("/dev/zero")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(s("/dev/zero: it is not a regular file")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(s("docs/operations.md"))));
    }

    void shouldKeepTheMessageOnOneLine()
    {
        QTemporaryDir dir;
        const QString answers = dir.filePath(s("answers.json"));
        // Escaped in the JSON: the key itself holds the line break and the escape.
        QVERIFY(
            write(answers, QByteArray("{\"format\": \"opsflow-answers\", \"version\": 1, \"a\\n\\u001b[2Jb\": 1}")));
        Run run = opsflow({s("generate"), dir.path(), s("--answers"), answers});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(s("has an unknown key \"a\\n\\u001b[2Jb\"")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QChar(0x1b)) && run.err.count(QLatin1Char('\n')) == 1, qPrintable(run.err));
        // Raw in the JSON (which JSON forbids inside a string): refused for that, on one line.
        QVERIFY(write(answers, QByteArray("{\"format\": \"opsflow-answers\", \"version\": 1, \"a\n\x1b[2Jb\": 1}")));
        run = opsflow({s("generate"), dir.path(), s("--answers"), answers});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(s("has a raw control character (U+000a) inside a string at line 1, column 47")),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(QChar(0x1b)) && run.err.count(QLatin1Char('\n')) == 1, qPrintable(run.err));
    }

    // The loader takes any JSON number; generation refuses an answer beyond its field's range
    // (exit 3, naming it) and writes nothing. A project fact beyond its range (the port) too:
    // it once wrote "PORT=-2147483648", then quietly the default 3000.
    void shouldNeverWriteANumberBeyondItsRange()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(s("project"));
        QVERIFY(QDir().mkpath(project));
        const QString answers = dir.filePath(s("answers.json"));
        QVERIFY(write(answers, answersWith(R"({"7.8": {"initial_load_rpm": 1e300, "year1_load_rpm": 1e300}})", "{}")));
        const Run refused = opsflow({s("generate"), project, s("--answers"), answers});
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains(s("7.8 Initial (initial_load_rpm): Must be between 0 and 1000000000")),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(s("year1_load_rpm")));
        QVERIFY(QDir(project).isEmpty());

        QVERIFY(write(answers, answersWith("{}", R"({"port": 1e308})")));
        const Run run = opsflow({s("generate"), project, s("--answers"), answers});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(s("context Service port (port): Must be between 1 and 65535.")), qPrintable(run.err));
        QVERIFY(QDir(project).isEmpty());
    }

    // Typed text of every kind reaches the documents only escaped: no control characters,
    // every .env.example line a comment or KEY=value, nothing else written.
    void shouldEscapeHostileText()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(s("project"));
        QVERIFY(QDir().mkpath(project));
        // Built with QJsonObject, which escapes what JSON must (and keeps moc away from
        // raw strings full of quotes).
        const QJsonObject answers{
            {s("7.1"),
             QJsonObject{
                 {s("choice"), s("A")},
                 {s("platform"), s("AWS\x1b[31m red \a bell ") + QChar(0) + s(" nul \u202e evil\u202c")},
                 {s("why"),
                  s("first\r\nsecond\rthird\u2028fourth\u0085fifth\n\nDATABASE_URL=postgres://injected\n# comment")},
             }},
            {s("7.7.2"), QJsonObject{{s("pool_tool"), QString(200, QLatin1Char('y'))}}}, // the longest allowed
        };
        const QJsonObject context{{s("project_name"), s("name\nINJECTED=1 ' \" ` $HOME $(rm -rf /) \\")}};
        const QByteArray hostile = answersWith(QJsonDocument(answers).toJson(QJsonDocument::Compact),
                                               QJsonDocument(context).toJson(QJsonDocument::Compact));
        QVERIFY(write(dir.filePath(s("answers.json")), hostile));
        const Run run = opsflow({s("generate"), project, s("--answers"), dir.filePath(s("answers.json"))});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        for (const char *file : {"docs/operations.md", "specs/configuration.md", ".env.example"}) {
            const QByteArray bytes = read(QDir(project).filePath(QLatin1String(file)));
            QVERIFY2(!bytes.isEmpty(), file);
            for (const char c : bytes)
                QVERIFY2(uchar(c) >= 0x20 || c == '\n' || c == '\t',
                         qPrintable(QStringLiteral("%1 holds control character 0x%2")
                                        .arg(QLatin1String(file))
                                        .arg(uchar(c), 2, 16, QLatin1Char('0'))));
        }
        const QStringList env =
            QString::fromUtf8(read(QDir(project).filePath(s(".env.example")))).split(QLatin1Char('\n'));
        static const QRegularExpression line(s("^(#.*|[A-Za-z_][A-Za-z0-9_]*=.*|)$"));
        for (const QString &l : env)
            QVERIFY2(line.match(l).hasMatch(), qPrintable(l.left(200)));
        QVERIFY(!env.contains(s("INJECTED=1")));
        QVERIFY(!env.contains(s("DATABASE_URL=postgres://injected")));
        // Bidi overrides and invisible characters reach no document.
        for (const char *file : {"docs/operations.md", "specs/configuration.md", ".env.example"}) {
            const QString text = QString::fromUtf8(read(QDir(project).filePath(QLatin1String(file))));
            for (const char16_t u : {char16_t(0x202E), char16_t(0x202C), char16_t(0x200B), char16_t(0x200F)})
                QVERIFY2(!text.contains(QChar(u)),
                         qPrintable(QStringLiteral("%1 holds U+%2").arg(QLatin1String(file)).arg(int(u), 4, 16)));
        }
    }

    // `check` prints what phase 0's audit says; an ESC or BEL in it (a cloned repository
    // can hold anything) is shown escaped, never sent to the terminal.
    void shouldNeverPrintRawControlCharacters()
    {
        QTemporaryDir dir;
        const QJsonObject phase7{{s("exists"), true},
                                 {s("file"), s("docs/deployment.md")},
                                 {s("consistencyScore"), 86},
                                 {s("recommendation"), s("HYBRID\x1b]0;pwned\x07")},
                                 {s("gaps"), QJsonArray{s("\x1b[2Jclear \u202eevil"), s("bell\x07")}}};
        QVERIFY(write(dir.filePath(s(".ai-flow/cache/audit-data.json")),
                      QJsonDocument(QJsonObject{{s("phases"), QJsonObject{{s("phase7"), phase7}}}}).toJson()));
        QVERIFY(write(dir.filePath(s("docs/deployment.md")), "# Deployment\n"));
        const Run run = opsflow({s("check"), dir.path()});
        QCOMPARE(run.code, 0);
        for (const QChar c : run.out + run.err)
            QVERIFY2(c.unicode() >= 0x20 || c == u'\n' || c == u'\t',
                     qPrintable(QStringLiteral("raw U+%1 printed").arg(c.unicode(), 4, 16, QLatin1Char('0'))));
        QVERIFY(!(run.out + run.err).contains(QChar(0x202e)));
        QVERIFY2(run.out.contains(s("\\u001b")), qPrintable(run.out));
    }

    // Limits: an answer longer than the questionnaire allows, or a table with too many rows,
    // is refused when the answers load, naming the field (a 10,000-character service name
    // once made two diagrams too large for mermaid; 100,000 rows a 34 MB document).
    void shouldRefuseAnswersBeyondTheLimits_data()
    {
        QTest::addColumn<QByteArray>("answers");
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QString>("message");
        QJsonArray rows;
        for (int i = 0; i < 51; ++i)
            rows.append(QJsonObject{{s("service"), s("svc%1").arg(i)}, {s("timeout_ms"), 1000}});
        QTest::newRow("long name") << QByteArray("{}")
                                   << QJsonDocument(QJsonObject{{s("project_name"), QString(10000, u'n')}}).toJson()
                                   << s("context.project_name is longer than 200 characters");
        QTest::newRow("too many rows")
            << QJsonDocument(QJsonObject{{s("7.9.3"), QJsonObject{{s("policies"), rows}}}}).toJson() << QByteArray("{}")
            << s("answers.\"7.9.3\".policies has 51 rows; at most 50 are allowed");
        QTest::newRow("long cell")
            << QJsonDocument(QJsonObject{{s("7.9.4"),
                                          QJsonObject{{s("masking"),
                                                       QJsonArray{QJsonObject{{s("pattern"), QString(201, u'p')}}}}}}})
                   .toJson()
            << QByteArray("{}") << s("answers.\"7.9.4\".masking column \"pattern\" is longer than 200 characters");
        QTest::newRow("not an option")
            << QJsonDocument(QJsonObject{{s("7.9.3"), QJsonObject{{s("default_backoff"), s("it's $(touch PWNED)")}}}})
                   .toJson()
            << QByteArray("{}")
            << s("answers.\"7.9.3\".default_backoff must be one of none, fixed, exponential, not \"it's $(touch PWNED)\"");
    }

    void shouldRefuseAnswersBeyondTheLimits()
    {
        QFETCH(QByteArray, answers);
        QFETCH(QByteArray, context);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(s("answers.json")), answersWith(answers, context)));
        const Run run = opsflow({s("generate"), dir.path(), s("--answers"), dir.filePath(s("answers.json"))});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(s("docs/operations.md"))));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
