// Tests of escaping user text for markdown, mermaid and .env; hostile input in every context.
#include "escaping.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace opsflow;

namespace {

// Text that tries to break out of every context at once.
QStringList hostileTexts()
{
    return {
        QStringLiteral("\"quotes\""),
        QStringLiteral("[brackets]"),
        QStringLiteral("a --> b"),
        QStringLiteral("end"),
        QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("|pipes|"),
        QStringLiteral("line one\nline two\r\nline three\rfour"),
        QStringLiteral("# not a heading"),
        QStringLiteral("⭐ emoji 🚀 and ZWJ 👩‍💻"),
        QStringLiteral("style A fill:#f00;"),
        QStringLiteral("classDef x fill:#0f0;"),
        QStringLiteral("%% comment"),
        QStringLiteral("$$x^2$$"),
        QStringLiteral("`md string`"),
        QStringLiteral("{braces} (parens) ;semi"),
        QStringLiteral("&amp; &#35; #quot;"),
        QStringLiteral("back\\slash\\"),
        QStringLiteral("\t tab\x01"
                       "control\x7f"),
        QString(),
        QStringLiteral("   "),
        QStringLiteral("KEY=value\nEVIL=1"),
        QStringLiteral("ﬂ°lt¶ß"),
    };
}

} // namespace

class TestEscaping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldEscapeMarkdownText_data();
    void shouldEscapeMarkdownText();
    void shouldKeepMarkdownTextOnOneLine();
    void shouldEscapeTableCells_data();
    void shouldEscapeTableCells();
    void shouldEscapeHeadings();
    void shouldFenceInlineCode_data();
    void shouldFenceInlineCode();
    void shouldEscapeMermaidLabels_data();
    void shouldEscapeMermaidLabels();
    void shouldNeverLeaveMermaidSyntaxInLabels();
    void shouldMakeSafeMermaidIds_data();
    void shouldMakeSafeMermaidIds();
    void shouldKeepEnvCommentsOnOneLine();
    // Long labels are cut so a diagram stays a picture (and under mermaid's maxTextSize).
    void shouldShortenLongMermaidLabels()
    {
        const QString one = escape::mermaidLabel(QString(10000, u'a'));
        QCOMPARE(one, QString(escape::maxMermaidLabelLine - 1, u'a') + QChar(0x2026));
        const QString many = escape::mermaidLabel(QStringLiteral("1\n2\n3\n4\n5\n6"));
        QCOMPARE(many, QStringLiteral("1<br/>2<br/>3<br/>4\u2026"));
        // A cut never splits a surrogate pair.
        const QString rockets = escape::mermaidLabel(QString(QStringLiteral("\U0001F680")).repeated(100));
        QVERIFY(!rockets.chopped(1).back().isHighSurrogate());
        QVERIFY(rockets.size() <= escape::maxMermaidLabelLine);
    }
    void shouldQuoteEnvValues_data();
    void shouldQuoteEnvValues();
    void shouldNeverWriteRawLineBreaksInEnvValues();
    void shouldQuoteNamesForOneLineMessages_data();
    void shouldQuoteNamesForOneLineMessages();
    void dumpSamplesForTheRealTools();
};

void TestEscaping::shouldEscapeMarkdownText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Team knows AWS"
                           << "Team knows AWS";
    QTest::newRow("snake_case stays") << "max_pool_size"
                                      << "max_pool_size";
    QTest::newRow("underscore emphasis") << "_em_ and __strong__"
                                         << "\\_em\\_ and \\_\\_strong\\_\\_";
    QTest::newRow("star") << "*bold* 2*3"
                          << "\\*bold\\* 2\\*3";
    QTest::newRow("html") << "<script>alert(1)</script>"
                          << "\\<script>alert(1)\\</script>";
    QTest::newRow("autolink") << "<https://x.test>"
                              << "\\<https://x.test>";
    QTest::newRow("pipes") << "|pipes|"
                           << "\\|pipes\\|";
    QTest::newRow("link") << "[link](x)"
                          << "\\[link\\](x)";
    QTest::newRow("image") << "![img](x)"
                           << "!\\[img\\](x)";
    QTest::newRow("heading") << "# not a heading"
                             << "\\# not a heading";
    QTest::newRow("hash inside") << "C# and F#"
                                 << "C# and F#";
    QTest::newRow("list dash") << "- item"
                               << "\\- item";
    QTest::newRow("list plus") << "+ item"
                               << "\\+ item";
    QTest::newRow("ordered list") << "1. first"
                                  << "1\\. first";
    QTest::newRow("ordered paren") << "12) first"
                                   << "12\\) first";
    QTest::newRow("not a list") << "v1.2 and 3.5"
                                << "v1.2 and 3.5";
    QTest::newRow("quote") << "> quote"
                           << "\\> quote";
    QTest::newRow("arrow") << "a --> b"
                           << "a --> b";
    QTest::newRow("arrow first") << "--> b"
                                 << "\\--> b";
    QTest::newRow("thematic break") << "---"
                                    << "\\---";
    QTest::newRow("setext") << "==="
                            << "\\===";
    QTest::newRow("code") << "`code`"
                          << "\\`code\\`";
    QTest::newRow("entity") << "&amp; R&D &#35;"
                            << "\\&amp; R&D \\&#35;";
    QTest::newRow("windows path") << "C:\\Users\\me"
                                  << "C:\\Users\\me";
    QTest::newRow("trailing backslash") << "ends \\"
                                        << "ends \\\\";
    QTest::newRow("escaped star") << "\\*"
                                  << "\\\\\\*";
    QTest::newRow("math and strike") << "$5 ~approx~"
                                     << "\\$5 \\~approx\\~";
    QTest::newRow("emoji") << "⭐ Deploy 🚀"
                           << "⭐ Deploy 🚀";
    QTest::newRow("quotes") << "\"quoted\" 'single'"
                            << "\"quoted\" 'single'";
    QTest::newRow("newlines") << "one\ntwo\r\nthree"
                              << "one two three";
    QTest::newRow("indent") << "    code block?"
                            << "code block?";
    QTest::newRow("controls") << QStringLiteral("a\x01"
                                                "b\x7f")
                              << "ab";
    QTest::newRow("empty") << ""
                           << "";
}

void TestEscaping::shouldEscapeMarkdownText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(escape::markdownText(input), expected);
}

void TestEscaping::shouldKeepMarkdownTextOnOneLine()
{
    for (const QString &text : hostileTexts()) {
        const QString out = escape::markdownText(text);
        QVERIFY2(!out.contains(u'\n') && !out.contains(u'\r') && !out.contains(QChar(0x2028)), qPrintable(out));
        // Every '<' and '|' is escaped: no raw HTML, and safe inside a table row too.
        static const QRegularExpression bareAngle(QStringLiteral("(^|[^\\\\])(\\\\\\\\)*<"));
        QVERIFY2(!bareAngle.match(out).hasMatch(), qPrintable(out));
        static const QRegularExpression barePipe(QStringLiteral("(^|[^\\\\])(\\\\\\\\)*\\|"));
        QVERIFY2(!barePipe.match(out).hasMatch(), qPrintable(out));
    }
}

void TestEscaping::shouldEscapeTableCells_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("pipe") << "a|b"
                          << "a\\|b";
    QTest::newRow("pipes") << "|pipes|"
                           << "\\|pipes\\|";
    QTest::newRow("newline") << "line1\nline2"
                             << "line1<br/>line2";
    QTest::newRow("crlf") << "line1\r\nline2"
                          << "line1<br/>line2";
    QTest::newRow("blank lines at ends") << "\n\nx\n\n"
                                         << "x";
    QTest::newRow("blank line inside") << "a\n\nb"
                                       << "a<br/><br/>b";
    QTest::newRow("html") << "<script>alert(1)</script>"
                          << "\\<script>alert(1)\\</script>";
    QTest::newRow("markup") << "*x* `y`"
                            << "\\*x\\* \\`y\\`";
    QTest::newRow("empty") << ""
                           << "";
}

void TestEscaping::shouldEscapeTableCells()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(escape::markdownTableCell(input), expected);
}

void TestEscaping::shouldEscapeHeadings()
{
    QCOMPARE(escape::markdownHeading(QStringLiteral("Title # 1 #")), QStringLiteral("Title \\# 1 \\#"));
    QCOMPARE(escape::markdownHeading(QStringLiteral("C#\nnext")), QStringLiteral("C\\# next"));
    QCOMPARE(escape::markdownHeading(QStringLiteral("my-api *ops*")), QStringLiteral("my-api \\*ops\\*"));
}

void TestEscaping::shouldFenceInlineCode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("inTable");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "npm ci" << false << "`npm ci`";
    QTest::newRow("backtick inside") << "a`b" << false << "``a`b``";
    QTest::newRow("double backtick inside") << "a``b`c" << false << "```a``b`c```";
    QTest::newRow("leading backtick") << "`tick" << false << "`` `tick ``";
    QTest::newRow("only backticks") << "``" << false << "``` `` ```";
    QTest::newRow("ends trimmed") << " x\t" << false << "`x`";
    QTest::newRow("inner spaces kept") << "a  b\tc" << false << "`a  b c`";
    QTest::newRow("all spaces") << "  " << false << "";
    QTest::newRow("newline") << "a\nb" << false << "`a b`";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("pipe in prose") << "a|b" << false << "`a|b`";
    QTest::newRow("pipe in table") << "a|b" << true << "a\\|b";
    QTest::newRow("plain in table") << "postgres://db" << true << "`postgres://db`";
}

void TestEscaping::shouldFenceInlineCode()
{
    QFETCH(QString, input);
    QFETCH(bool, inTable);
    QFETCH(QString, expected);
    QCOMPARE(escape::inlineCode(input, inTable ? escape::CodeContext::TableCell : escape::CodeContext::Prose),
             expected);
}

void TestEscaping::shouldEscapeMermaidLabels_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "API Server"
                           << "API Server";
    QTest::newRow("quotes") << "\"quotes\""
                            << "#quot;quotes#quot;";
    QTest::newRow("brackets") << "[brackets]"
                              << "#91;brackets#93;";
    QTest::newRow("parens braces") << "(a) {b}"
                                   << "#40;a#41; #123;b#125;";
    QTest::newRow("arrow") << "a --> b"
                           << "a --#62; b";
    QTest::newRow("dotted arrow") << "a -.-> b"
                                  << "a -.-#62; b";
    QTest::newRow("end") << "end"
                         << "#101;nd";
    QTest::newRow("End") << " End "
                         << "#69;nd";
    QTest::newRow("end in a sentence") << "the end"
                                       << "the end";
    QTest::newRow("script") << "<script>alert(1)</script>"
                            << "#60;script#62;alert#40;1#41;#60;/script#62;";
    QTest::newRow("pipes") << "|pipes|"
                           << "#124;pipes#124;";
    QTest::newRow("newline") << "a\nb"
                             << "a<br/>b";
    QTest::newRow("crlf and blank ends") << "\r\na\r\nb\r\n"
                                         << "a<br/>b";
    QTest::newRow("hash and semicolon") << "#1; x"
                                        << "#35;1#59; x";
    QTest::newRow("entity typed") << "&amp;"
                                  << "#38;amp#59;";
    QTest::newRow("emoji") << "⭐ 🚀"
                           << "⭐ 🚀";
    QTest::newRow("empty") << ""
                           << " ";
    QTest::newRow("blank") << " \n "
                           << " ";
    QTest::newRow("style") << "my style: 1"
                           << "my #115;tyle: 1";
    QTest::newRow("classDef") << "classDef"
                              << "#99;lassDef";
    // Mermaid decodes #36; before it looks for KaTeX's "$$" pairs (found by the label
    // fuzzer through real mermaid): adjacent dollars get a space between them.
    QTest::newRow("katex") << "$$x$$"
                           << "#36; #36;x#36; #36;";
    QTest::newRow("dollar runs") << "a$$$b $c"
                                 << "a#36; #36; #36;b #36;c";
    QTest::newRow("percent") << "100% %%"
                             << "100#37; #37;#37;";
    QTest::newRow("markdown string") << "`md`"
                                     << "#96;md#96;";
    QTest::newRow("ligature") << "ﬂow"
                              << "flow";
    QTest::newRow("tab") << "a\tb"
                         << "a b";
}

void TestEscaping::shouldEscapeMermaidLabels()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(escape::mermaidLabel(input), expected);
}

void TestEscaping::shouldNeverLeaveMermaidSyntaxInLabels()
{
    static const QRegularExpression entity(QStringLiteral("#\\w+;"));
    for (const QString &text : hostileTexts()) {
        const QString label = escape::mermaidLabel(text);
        QVERIFY(!label.isEmpty());
        QString rest = label;
        rest.remove(QLatin1String("<br/>")).remove(entity);
        for (const QChar c : QStringLiteral("\"[](){}|<>;#&`$%\n\r"))
            QVERIFY2(!rest.contains(c), qPrintable(label));
        QVERIFY2(!rest.contains(QLatin1String("style")) && !rest.contains(QLatin1String("classDef")),
                 qPrintable(label));
        QVERIFY2(rest.trimmed().compare(QLatin1String("end"), Qt::CaseInsensitive) != 0, qPrintable(label));
    }
}

void TestEscaping::shouldMakeSafeMermaidIds_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("words") << "Payment API"
                           << "Payment_API";
    QTest::newRow("end") << "end"
                         << "End";
    QTest::newRow("graph") << "graph"
                           << "Graph";
    QTest::newRow("subgraph") << "subgraph"
                              << "Subgraph";
    QTest::newRow("style") << "style"
                           << "Style";
    QTest::newRow("class") << "class"
                           << "Class";
    QTest::newRow("click") << "click"
                           << "Click";
    QTest::newRow("leading digit") << "3rd party"
                                   << "N3rd_party";
    QTest::newRow("accents") << "Café Ünïcode"
                             << "Cafe_Unicode";
    QTest::newRow("emoji only") << "🚀"
                                << "Node";
    QTest::newRow("empty") << ""
                           << "Node";
    QTest::newRow("punctuation") << "--> evil; [x]"
                                 << "Evil_x";
    QTest::newRow("file storage") << "File storage (S3)"
                                  << "File_storage_S3";
}

void TestEscaping::shouldMakeSafeMermaidIds()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(escape::mermaidId(input), expected);
}

void TestEscaping::shouldKeepEnvCommentsOnOneLine()
{
    QCOMPARE(escape::envComment(QStringLiteral("line1\nline2\r\nKEY=evil")), QStringLiteral("line1 line2 KEY=evil"));
    QCOMPARE(escape::envComment(QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b") + QChar(0x85) + u'c'),
             QStringLiteral("a b c"));
    for (const QString &text : hostileTexts()) {
        const QString out = escape::envComment(text);
        for (const QChar c : out)
            QVERIFY2(c.unicode() >= 0x20 && c != QChar(0x2028) && c != QChar(0x2029), qPrintable(out));
    }
}

void TestEscaping::shouldQuoteEnvValues_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("exact");
    QTest::newRow("empty") << ""
                           << "" << true;
    QTest::newRow("plain") << "3000"
                           << "3000" << true;
    QTest::newRow("url") << "postgres://user:pass@localhost:5432/db"
                         << "postgres://user:pass@localhost:5432/db" << true;
    QTest::newRow("query string") << "https://x.test/?a=1&b=2"
                                  << "'https://x.test/?a=1&b=2'" << true;
    QTest::newRow("space") << "hello world"
                           << "'hello world'" << true;
    QTest::newRow("hash") << "a#b"
                          << "'a#b'" << true;
    QTest::newRow("dollar") << "$HOME"
                            << "'$HOME'" << true;
    QTest::newRow("single quote") << "it's" << QStringLiteral("'it\u2019s'") << false;
    QTest::newRow("both quotes") << "it's \"x\"" << QStringLiteral("'it\u2019s \"x\"'") << false;
    QTest::newRow("command substitution") << "$(touch PWNED) `id`"
                                          << "'$(touch PWNED) `id`'" << true;
    QTest::newRow("python-dotenv expansion") << "${HOME}"
                                             << "'$ {HOME}'" << false;
    QTest::newRow("tilde") << "~/x"
                           << "'~/x'" << true;
    QTest::newRow("multi-line") << "line1\nline2"
                                << "'line1 line2'" << false;
    QTest::newRow("multi-line crlf") << "line1\r\nline2"
                                     << "'line1 line2'" << false;
    QTest::newRow("multi-line quote") << "it's\nx" << QStringLiteral("'it\u2019s x'") << false;
    QTest::newRow("literal backslash n") << "a\\n"
                                         << "'a\\n'" << true;
    QTest::newRow("double backslash") << "a\\\\b" << QStringLiteral("'a\u2216\u2216b'") << false;
    QTest::newRow("multi-line double quote") << "say \"hi\"\nbye"
                                             << "'say \"hi\" bye'" << false;
    QTest::newRow("every quote") << "a ' \" ` b" << QStringLiteral("'a \u2019 \" ` b'") << false;
    QTest::newRow("control") << QStringLiteral("x\x01y") << "xy" << false;
    QTest::newRow("injection") << "v\nEVIL=1"
                               << "'v EVIL=1'" << false;
    QTest::newRow("trailing backslash") << "a b\\" << QStringLiteral("'a b\u2216'") << false;
    QTest::newRow("bidi override") << QStringLiteral("abc\u202Edef") << "abcdef" << false;
}

void TestEscaping::shouldQuoteEnvValues()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(bool, exact);
    bool wasExact = !exact;
    QCOMPARE(escape::envValue(input, &wasExact), expected);
    QCOMPARE(wasExact, exact);
}

void TestEscaping::shouldNeverWriteRawLineBreaksInEnvValues()
{
    for (const QString &text : hostileTexts()) {
        const QString out = escape::envValue(text);
        for (const QChar c : out)
            QVERIFY2((c.unicode() >= 0x20 || c == u'\t') && c != QChar(0x2028) && c != QChar(0x2029)
                         && c != QChar(0x85),
                     qPrintable(out));
    }
}

// With OPSFLOW_ESCAPING_SAMPLES=DIR set, writes hostile.env (+ hostile.expected.json, what
// dotenv must read back) and hostile.md for tests/tools/check-dotenv.mjs and
// check-markdown.mjs; otherwise skipped.
void TestEscaping::dumpSamplesForTheRealTools()
{
    const QString dir = qEnvironmentVariable("OPSFLOW_ESCAPING_SAMPLES");
    if (dir.isEmpty())
        QSKIP("set OPSFLOW_ESCAPING_SAMPLES=DIR to write samples for the real tools");
    QVERIFY(QDir().mkpath(dir));

    QString env = QStringLiteral("# Hostile values, escaped by escape::envValue\n");
    QJsonObject expected;
    const QStringList texts = hostileTexts()
        + QStringList{QStringLiteral("postgres://user:pass@localhost:5432/db"),
                      QStringLiteral("it's"),
                      QStringLiteral("it's \"x\""),
                      QStringLiteral("a b\\"),
                      QStringLiteral("a#b\\"),
                      QStringLiteral("it's a\\n"),
                      QStringLiteral("$HOME and ${HOME}")};
    int n = 0;
    for (const QString &text : texts) {
        bool exact = false;
        const QString key = QStringLiteral("VALUE_%1").arg(++n);
        env += QStringLiteral("# ") + escape::envComment(text) + u'\n';
        env += key + u'=' + escape::envValue(text, &exact) + u'\n';
        if (exact) {
            QString clean = text;
            clean.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n');
            clean.remove(QRegularExpression(QStringLiteral("[\\x00-\\x08\\x0b-\\x1f\\x7f]")));
            expected.insert(key, clean);
        }
    }
    QFile envFile(dir + QStringLiteral("/hostile.env"));
    QVERIFY(envFile.open(QIODevice::WriteOnly));
    envFile.write(env.toUtf8());
    QFile expectedFile(dir + QStringLiteral("/hostile.expected.json"));
    QVERIFY(expectedFile.open(QIODevice::WriteOnly));
    expectedFile.write(QJsonDocument(expected).toJson());

    QString md = QStringLiteral("# Hostile text, escaped per context\n\n## ")
        + escape::markdownHeading(QStringLiteral("Heading with # and *stars* ")) + QStringLiteral("\n\n");
    for (const QString &text : hostileTexts()) {
        const QString item = (escape::markdownText(text) + u' ' + escape::inlineCode(text)).trimmed();
        if (!item.isEmpty())
            md += QStringLiteral("- ") + item + u'\n';
    }
    md += QStringLiteral("\n| Text | Code |\n| --- | --- |\n");
    for (const QString &text : hostileTexts()) {
        md += QStringLiteral("| ") + escape::markdownTableCell(text) + QStringLiteral(" | ")
            + escape::inlineCode(text, escape::CodeContext::TableCell) + QStringLiteral(" |\n");
    }
    QFile mdFile(dir + QStringLiteral("/hostile.md"));
    QVERIFY(mdFile.open(QIODevice::WriteOnly));
    mdFile.write(md.toUtf8());
}

void TestEscaping::shouldQuoteNamesForOneLineMessages_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("colour") << QStringLiteral("colour");
    QTest::newRow("accents and emoji stay") << QStringLiteral("café ⭐") << QStringLiteral("café ⭐");
    QTest::newRow("line breaks") << QStringLiteral("a\nb\r\nc") << QStringLiteral("a\\nb\\r\\nc");
    QTest::newRow("escape sequence") << QStringLiteral("a\x1b[2Jb") << QStringLiteral("a\\u001b[2Jb");
    QTest::newRow("tab, NUL, DEL") << (QStringLiteral("\t") + QChar(0) + QChar(0x7f))
                                   << QStringLiteral("\\t\\u0000\\u007f");
    QTest::newRow("unicode line separator") << QStringLiteral("a\u2028b") << QStringLiteral("a\\u2028b");
    QTest::newRow("cut after 60") << QString(61, u'k') << QString(60, u'k') + QChar(0x2026);
}

void TestEscaping::shouldQuoteNamesForOneLineMessages()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(escape::messageQuote(input), expected);
}

QTEST_GUILESS_MAIN(TestEscaping)
#include "tst_escaping.moc"
