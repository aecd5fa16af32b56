// KSyntaxHighlighting as the preview uses it (built only where the library was found: Debian
// 13, not 12): definitions picked by file name and by name, our mermaid definition loaded by
// the library without complaint, each style coloured as the theme says, the theme following a
// light and a dark palette, and the About box naming the library and its version.
#include "fallbackhighlighter.h"
#include "highlighting.h"
#include "mainwindow.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>

#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace opsflow;
using KSyntaxHighlighting::Theme;

namespace {

QPalette paletteWithBase(const QColor &base, const QColor &text)
{
    QPalette palette(base);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    return palette;
}

const QPalette light = paletteWithBase(Qt::white, Qt::black);
const QPalette dark = paletteWithBase(QColor(0x1e, 0x1e, 0x1e), QColor(0xe6, 0xe6, 0xe6));

QTextCharFormat formatAt(const QTextBlock &block, int column)
{
    const auto formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

QTextBlock blockContaining(const QTextDocument *document, const QString &text)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.text().contains(text))
            return block;
    }
    return {};
}

// The format of the first occurrence of `text` in the document.
QTextCharFormat formatOf(const QTextDocument *document, const QString &text)
{
    const QTextBlock block = blockContaining(document, text);
    return block.isValid() ? formatAt(block, int(block.text().indexOf(text))) : QTextCharFormat();
}

// A view holding `text`, highlighted as the preview would for `language` and `fileName`.
struct Highlighted {
    Highlighted(const QString &language, const QString &fileName, const QString &text, const QPalette &palette)
    {
        highlighter = Highlighting::create(language, fileName, view.document(), palette);
        view.setPlainText(text);
    }
    const QTextDocument *document() const { return view.document(); }
    QPlainTextEdit view;
    QSyntaxHighlighter *highlighter = nullptr;
};

const QString mermaidText = QStringLiteral("%% the data layer\n"
                                           "graph TB\n"
                                           "    subgraph \"Data Layer\"\n"
                                           "        Primary[(Primary DB)] -.->|Replication| Replica[(Replica)]\n"
                                           "    end\n"
                                           "    style Primary fill:#e1ffe1\n");

} // namespace

class TestKsHighlighting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldPickDefinitionsByFileNameAndName();
    void shouldLoadOurMermaidDefinitionCleanly();
    void mermaidShouldTakeTheThemesColours_data();
    void mermaidShouldTakeTheThemesColours();
    void markdownShouldBeHighlighted();
    void envFileShouldBeHighlighted();
    void themeShouldFollowThePalette();
    void aboutShouldNameTheLibraryAndVersion();
};

void TestKsHighlighting::shouldPickDefinitionsByFileNameAndName()
{
    const KSyntaxHighlighting::Repository repository;
    Highlighted markdown(QStringLiteral("markdown"), QStringLiteral("docs/operations.md"), QString(), light);
    QCOMPARE(Highlighting::definitionName(markdown.highlighter), QStringLiteral("Markdown"));
    Highlighted configuration(QStringLiteral("markdown"), QStringLiteral("specs/configuration.md"), QString(), light);
    QCOMPARE(Highlighting::definitionName(configuration.highlighter), QStringLiteral("Markdown"));
    // A diagram has no file: by name, our definition from the qrc.
    Highlighted mermaid(QStringLiteral("mermaid"), QString(), QString(), light);
    QCOMPARE(Highlighting::definitionName(mermaid.highlighter), QStringLiteral("Mermaid"));

    // .env.example: whatever the library's own patterns give for that name; only when they
    // give nothing (and it has no "DotEnv" either) does the built-in highlighter take over.
    Highlighted env(QStringLiteral("dotenv"), QStringLiteral(".env.example"), QString(), light);
    auto expected = repository.definitionForFileName(QStringLiteral(".env.example"));
    if (!expected.isValid())
        expected = repository.definitionForName(QStringLiteral("DotEnv"));
    if (expected.isValid()) {
        QCOMPARE(Highlighting::definitionName(env.highlighter), expected.name());
    } else {
        QVERIFY(Highlighting::definitionName(env.highlighter).isEmpty());
        QVERIFY(qobject_cast<FallbackHighlighter *>(env.highlighter));
    }
}

void TestKsHighlighting::shouldLoadOurMermaidDefinitionCleanly()
{
    // The library's loader reports what it cannot use (unknown rules, attributes, contexts
    // or lists) in its log category; our definition must give it nothing to say.
    static QStringList complaints;
    complaints.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (type != QtDebugMsg && QByteArray(context.category ? context.category : "").startsWith("kf.syntax"))
                complaints << message;
        });
    KSyntaxHighlighting::Repository repository;
    repository.addCustomSearchPath(QStringLiteral(":/"));
    const auto definition = repository.definitionForName(QStringLiteral("Mermaid"));
    const bool valid = definition.isValid();
    const auto formats = definition.formats(); // loads the whole definition
    // (Not "*.mmd": the library's Markdown definition claims it too, for MultiMarkdown, with
    // a higher priority; OpsFlow picks diagrams' definition by name.)
    const auto byExtension = repository.definitionForFileName(QStringLiteral("diagram.mermaid"));
    qInstallMessageHandler(previous);

    QVERIFY(valid);
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints.join(u'\n')));
    QCOMPARE(formats.size(), 13);
    QCOMPARE(byExtension.name(), QStringLiteral("Mermaid"));
    QCOMPARE(definition.singleLineCommentMarker(), QStringLiteral("%%"));
}

void TestKsHighlighting::mermaidShouldTakeTheThemesColours_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("theme");
    QTest::addRow("light") << light << int(KSyntaxHighlighting::Repository::LightTheme);
    QTest::addRow("dark") << dark << int(KSyntaxHighlighting::Repository::DarkTheme);
}

void TestKsHighlighting::mermaidShouldTakeTheThemesColours()
{
    QFETCH(QPalette, palette);
    QFETCH(int, theme);
    const KSyntaxHighlighting::Repository repository;
    const Theme expected = repository.defaultTheme(KSyntaxHighlighting::Repository::DefaultTheme(theme));
    Highlighted h(QStringLiteral("mermaid"), QString(), mermaidText, palette);
    const QTextDocument *document = h.document();
    const auto colour = [](const QTextCharFormat &format) { return format.foreground().color(); };
    const auto themed = [&expected](Theme::TextStyle style) { return QColor(expected.textColor(style)); };

    // Each attribute of resources/syntax/mermaid.xml, by its default style.
    QCOMPARE(colour(formatOf(document, QStringLiteral("%% the"))), themed(Theme::Comment));
    QCOMPARE(colour(formatOf(document, QStringLiteral("graph"))), themed(Theme::Keyword));
    QCOMPARE(colour(formatOf(document, QStringLiteral("TB"))), themed(Theme::Constant));
    QCOMPARE(colour(formatOf(document, QStringLiteral("subgraph"))), themed(Theme::ControlFlow));
    QCOMPARE(colour(formatOf(document, QStringLiteral("\"Data"))), themed(Theme::String));
    QCOMPARE(colour(formatOf(document, QStringLiteral("Primary["))), themed(Theme::Variable));
    QCOMPARE(colour(formatOf(document, QStringLiteral("[("))), themed(Theme::SpecialChar));
    const QTextCharFormat arrow = formatOf(document, QStringLiteral("-.->"));
    QCOMPARE(colour(arrow), themed(Theme::Operator));
    QCOMPARE(arrow.fontWeight(), int(QFont::Bold)); // bold="true" in the definition
    QCOMPARE(colour(formatOf(document, QStringLiteral("Replication|"))), themed(Theme::SpecialString));
    QCOMPARE(colour(formatOf(document, QStringLiteral("fill"))), themed(Theme::Attribute));
    QCOMPARE(colour(formatOf(document, QStringLiteral("#e1ffe1"))), themed(Theme::DecVal));
    QCOMPARE(colour(formatOf(document, QStringLiteral("end"))), themed(Theme::ControlFlow));
}

void TestKsHighlighting::markdownShouldBeHighlighted()
{
    Highlighted h(QStringLiteral("markdown"), QStringLiteral("docs/operations.md"),
                  QStringLiteral("# Operations\n"
                                 "\n"
                                 "Plain **bold** text and `code`.\n"
                                 "\n"
                                 "<!-- opsflow:begin deployment hash=1 -->\n"),
                  light);
    const QTextDocument *document = h.document();
    const QTextCharFormat plain = formatOf(document, QStringLiteral("Plain"));
    const QTextCharFormat heading = formatOf(document, QStringLiteral("Operations"));
    QVERIFY(heading.foreground().style() != Qt::NoBrush);
    QVERIFY(heading.foreground() != plain.foreground());
    QCOMPARE(formatOf(document, QStringLiteral("bold**")).fontWeight(), int(QFont::Bold));
    const QTextCharFormat code = formatOf(document, QStringLiteral("`code"));
    QVERIFY(code.foreground().style() != Qt::NoBrush && code.foreground() != plain.foreground());
    // The section markers are comments, in the theme's comment colour.
    const KSyntaxHighlighting::Repository repository;
    const Theme theme = repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme);
    QCOMPARE(formatOf(document, QStringLiteral("opsflow:begin")).foreground().color(),
             QColor(theme.textColor(Theme::Comment)));
}

void TestKsHighlighting::envFileShouldBeHighlighted()
{
    Highlighted h(QStringLiteral("dotenv"), QStringLiteral(".env.example"),
                  QStringLiteral("# ---- Database ----\n"
                                 "DATABASE_URL=postgres://localhost/app\n"),
                  light);
    QVERIFY(h.highlighter);
    const QTextDocument *document = h.document();
    const QTextCharFormat comment = formatOf(document, QStringLiteral("# ----"));
    const QTextCharFormat key = formatOf(document, QStringLiteral("DATABASE_URL"));
    const QTextCharFormat value = formatOf(document, QStringLiteral("postgres"));
    // Whichever definition (or the built-in highlighter) took .env.example: the comment,
    // the key and the value each stand out, and differ from each other.
    QVERIFY(comment.foreground().style() != Qt::NoBrush);
    QVERIFY(key.foreground().style() != Qt::NoBrush);
    QVERIFY(comment.foreground() != key.foreground());
    QVERIFY(key.foreground() != value.foreground());
}

void TestKsHighlighting::themeShouldFollowThePalette()
{
    Highlighted h(QStringLiteral("mermaid"), QString(), mermaidText, light);
    QCOMPARE(Highlighting::themeName(h.highlighter), QStringLiteral("Breeze Light"));
    const QColor lightKeyword = formatOf(h.document(), QStringLiteral("graph")).foreground().color();

    Highlighting::setPalette(h.highlighter, dark);
    QCOMPARE(Highlighting::themeName(h.highlighter), QStringLiteral("Breeze Dark"));
    const QColor darkKeyword = formatOf(h.document(), QStringLiteral("graph")).foreground().color();
    QVERIFY(darkKeyword != lightKeyword);
    QVERIFY(darkKeyword.lightness() > lightKeyword.lightness());

    Highlighting::setPalette(h.highlighter, light);
    QCOMPARE(formatOf(h.document(), QStringLiteral("graph")).foreground().color(), lightKeyword);
}

void TestKsHighlighting::aboutShouldNameTheLibraryAndVersion()
{
    QVERIFY(Highlighting::usesKSyntaxHighlighting());
    const QString about = MainWindow::aboutText();
    QVERIFY2(about.contains(QStringLiteral("KSyntaxHighlighting " KSYNTAXHIGHLIGHTING_VERSION_STRING)),
             qPrintable(about));
}

QTEST_MAIN(TestKsHighlighting)
#include "tst_kshighlighting.moc"
