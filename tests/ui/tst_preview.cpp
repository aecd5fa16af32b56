// The live preview: answers reach the documents, views switch, highlighting follows the
// palette, hostile text stays inert, stale results are dropped.
#include "answersmodel.h"
#include "diagramcanvas.h"
#include "diagramrendererloader.h"
#include "diagramsview.h"
#include "documentview.h"
#include "fallbackhighlighter.h"
#include "generation.h"
#include "highlighting.h"
#include "inertbrowser.h"
#include "mainwindow.h"
#include "markdownchunks.h"
#include "mermaidfences.h"
#include "previewpane.h"
#include "previewrenderer.h"
#include "tablebreaks.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QSyntaxHighlighter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtConcurrent/QtConcurrentRun>

using namespace opsflow;

namespace {

const QString Operations = QStringLiteral("docs/operations.md");

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    return palette;
}

// The highlighter's format at a column of a block (what QSyntaxHighlighter put on the
// block's layout), or an empty format.
QTextCharFormat formatAt(const QTextBlock &block, int column)
{
    const auto formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

QTextBlock blockStartingWith(const QTextDocument *document, const QString &prefix)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.text().startsWith(prefix))
            return block;
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

// The largest document the wizard makes: Enterprise, with every section.
QString enterpriseOperations()
{
    AnswersModel model(Questionnaire::builtIn());
    AnswerSet answers;
    answers.scope = Scope::Enterprise;
    answers.mode = Mode::SmartAutoSuggest;
    model.reset(answers);
    for (const GeneratedFile &file : generate(model.resolver(), TemplateSet::builtIn()).files) {
        if (file.path == Operations)
            return QString::fromUtf8(file.content);
    }
    return {};
}

// The n-th line (from 0) that starts with `prefix`, as an offset; -1 when there is none.
qsizetype nthLineStartingWith(const QString &text, const QString &prefix, int n)
{
    qsizetype at = text.startsWith(prefix) ? 0 : text.indexOf(u'\n' + prefix);
    while (at >= 0 && n-- > 0)
        at = text.indexOf(u'\n' + prefix, at + 1);
    return at < 0 ? -1 : (text.at(at) == u'\n' ? at + 1 : at);
}

qsizetype lineEnd(const QString &text, qsizetype at)
{
    const qsizetype end = text.indexOf(u'\n', at);
    return end < 0 ? text.size() : end + 1;
}

// One edit of the kinds the tests splice, by name; the text is unchanged when the name is
// unknown (the test then fails on the splice it expected).
QString edited(const QString &text, const QString &edit)
{
    QString out = text;
    const auto line = [&](const char *prefix, int n) { return nthLineStartingWith(out, QLatin1String(prefix), n); };
    if (edit == u"word in a middle section") {
        out.insert(line("## Alerts", 0) + 20, QStringLiteral(" (edited)"));
    } else if (edit == u"title") {
        out.replace(QStringLiteral("# my-api"), QStringLiteral("# Zebra Payments"));
    } else if (edit == u"last line") {
        out += QStringLiteral("\nA closing paragraph.\n");
    } else if (edit == u"table row added") {
        const qsizetype row = line("| ", 6);
        out.insert(row, out.mid(row, lineEnd(out, row) - row));
    } else if (edit == u"table row removed") {
        const qsizetype row = line("| ", 6);
        out.remove(row, lineEnd(out, row) - row);
    } else if (edit == u"heading added") {
        out.insert(line("## Alerts", 0), QStringLiteral("## A New Section\n\nWith a paragraph.\n\n"));
    } else if (edit == u"heading removed") {
        const qsizetype heading = line("### Logging", 0);
        out.remove(heading, lineEnd(out, heading) - heading);
    } else if (edit == u"heading level") {
        out.replace(QStringLiteral("\n## Scaling Strategy"), QStringLiteral("\n#### Scaling Strategy"));
    } else if (edit == u"code line") {
        out.insert(line("```yaml", 0), QStringLiteral("Before the code.\n\n"));
        out.insert(lineEnd(out, line("```yaml", 0)), QStringLiteral("# an added comment\n"));
    } else if (edit == u"middle sections removed") {
        out.remove(line("## Alerts", 0), line("## Scaling Strategy", 0) - line("## Alerts", 0));
    } else if (edit == u"last sections removed") {
        out.truncate(line("### Infrastructure", 0));
    } else if (edit == u"first sections removed") {
        out.remove(0, line("## Environments", 0));
    } else if (edit == u"everything") {
        out = QStringLiteral("# Something else\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText.\n");
    }
    return out;
}

struct HeadingAt {
    int block;
    int level;
    QString text;
    bool operator==(const HeadingAt &other) const
    {
        return block == other.block && level == other.level && text == other.text;
    }
};

QList<HeadingAt> headingsOf(const QTextDocument *document)
{
    QList<HeadingAt> headings;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (const int level = block.blockFormat().headingLevel(); level > 0)
            headings.append({block.blockNumber(), level, block.text()});
    }
    return headings;
}

int tablesIn(const QTextFrame *frame)
{
    int tables = 0;
    for (const QTextFrame *child : frame->childFrames())
        tables += (qobject_cast<const QTextTable *>(child) ? 1 : 0) + tablesIn(child);
    return tables;
}

// A format as two documents can share it: without the index of the list, table or frame
// it belongs to, which depends on the order the document made them in.
QTextFormat withoutObject(QTextFormat format)
{
    format.clearProperty(QTextFormat::ObjectIndex);
    return format;
}

bool sameBlock(const QTextBlock &a, const QTextBlock &e)
{
    if (a.text() != e.text() || withoutObject(a.blockFormat()) != withoutObject(e.blockFormat())
        || withoutObject(a.charFormat()) != withoutObject(e.charFormat())
        || a.textFormats().size() != e.textFormats().size() || !a.textList() != !e.textList())
        return false;
    if (a.textList()
        && (a.textList()->format() != e.textList()->format()
            || a.textList()->itemNumber(a) != e.textList()->itemNumber(e)))
        return false;
    for (int i = 0; i < a.textFormats().size(); ++i) {
        if (withoutObject(a.textFormats().at(i).format) != withoutObject(e.textFormats().at(i).format))
            return false;
    }
    const QTextFrame *aFrame = QTextCursor(a).currentFrame();
    const QTextFrame *eFrame = QTextCursor(e).currentFrame();
    return withoutObject(aFrame->frameFormat()) == withoutObject(eFrame->frameFormat())
        && (aFrame == a.document()->rootFrame()) == (eFrame == e.document()->rootFrame());
}

// The first block whose text, formats, list or frame differ, or -1.
int firstDifferentBlock(const QTextDocument *actual, const QTextDocument *expected)
{
    QTextBlock a = actual->begin();
    QTextBlock e = expected->begin();
    for (; a.isValid() && e.isValid(); a = a.next(), e = e.next()) {
        if (!sameBlock(a, e))
            return a.blockNumber();
    }
    return a.isValid() || e.isValid() ? a.blockNumber() : -1;
}

void explainBlock(const QTextDocument *actual, const QTextDocument *expected, int number)
{
    const QTextBlock a = actual->findBlockByNumber(number);
    const QTextBlock e = expected->findBlockByNumber(number);
    qWarning() << "block" << number << a.text() << e.text() << (a.blockFormat() == e.blockFormat())
               << (a.charFormat() == e.charFormat()) << a.blockFormat().properties() << e.blockFormat().properties()
               << a.charFormat().properties() << e.charFormat().properties();
    for (int i = 0; i < qMin(a.textFormats().size(), e.textFormats().size()); ++i)
        qWarning() << a.textFormats().at(i).format.properties() << e.textFormats().at(i).format.properties();
}

// A pane on screen with its first result rendered.
struct ShownPane {
    ShownPane() : model(Questionnaire::builtIn()), pane(&model) { pane.resize(640, 480); }
    bool show()
    {
        QSignalSpy rendered(&pane, &PreviewPane::rendered);
        pane.show();
        return QTest::qWaitForWindowExposed(&pane) && (rendered.count() > 0 || rendered.wait(10000));
    }
    DocumentView *operations() const { return pane.document(Operations); }

    AnswersModel model;
    PreviewPane pane;
};

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void shouldShowAnAnswerChange();
    void shouldGenerateOnceForABurstOfChanges();
    void shouldSwitchBetweenRenderedAndSource();
    void shouldRenderTablesAndDiagrams();
    void shouldCopyADiagram();
    void diagramsShouldFitANarrowPane();
    void tablesShouldFitANarrowPane();
    void shouldLookForUndrawnFencesOnlyInTheShownArea();

    void fallbackShouldHighlightMarkdown();
    void fallbackShouldHighlightMermaid();
    void fallbackShouldHighlightDotEnv();
    void shouldFollowThePalette();
    void aboutShouldNameTheHighlighter();

    void hostileTextShouldStayInert();
    void rendererShouldNeverLoadResources();
    void viewsShouldRequestNothing();

    void shouldDropStaleResults();
    void shouldRenderNothingWhileHidden();
    void shouldKeepTheScrollPosition();
    void shouldShowTheCurrentQuestionsSection();
    void shouldRequestAQuestionFromAHeadingClick();
    void shouldFollowLinksBetweenDocuments();

    void mermaidDefinitionShouldBeWellFormed();

    void shouldNotStateAnAnswerThePageShowsAsAnError();
    void shouldCutMarkdownAtSections_data();
    void shouldCutMarkdownAtSections();
    void splicedRenderShouldEqualAFullRender_data();
    void splicedRenderShouldEqualAFullRender();
    void prebuiltRenderShouldEqualARenderOnTheUiThread();
};

void TestPreview::initTestCase()
{
    QApplication::setPalette(lightPalette());
}

void TestPreview::shouldShowAnAnswerChange()
{
    ShownPane p;
    QVERIFY(p.show());
    QVERIFY(!p.operations()->renderedView()->toPlainText().contains(QStringLiteral("Zebra Payments")));

    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("Zebra Payments"));

    QTRY_VERIFY_WITH_TIMEOUT(p.operations()->renderedView()->toPlainText().contains(QStringLiteral("Zebra Payments")),
                             60000);
    QVERIFY(p.operations()->text().contains(QStringLiteral("# Zebra Payments")));
}

// 99999 MB is out of 7.2's range: the field shows an error, so the preview must not say
// "about 99999 MB"; a valid size then shows.
void TestPreview::shouldNotStateAnAnswerThePageShowsAsAnError()
{
    ShownPane p;
    QVERIFY(p.show());
    p.model.setValue(QStringLiteral("7.2"), QStringLiteral("image_size_mb"), 99999.0);
    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("Sized Service"));
    QTRY_VERIFY_WITH_TIMEOUT(p.operations()->text().contains(QStringLiteral("# Sized Service")), 60000);
    QVERIFY(!p.operations()->text().contains(QStringLiteral("99999")));

    p.model.setValue(QStringLiteral("7.2"), QStringLiteral("image_size_mb"), 180.0);
    QTRY_VERIFY_WITH_TIMEOUT(p.operations()->text().contains(QStringLiteral("about 180 MB")), 60000);
}

void TestPreview::shouldGenerateOnceForABurstOfChanges()
{
    ShownPane p;
    QVERIFY(p.show());
    const quint64 before = p.pane.renderer()->generation();
    QSignalSpy rendered(&p.pane, &PreviewPane::rendered);

    for (const char *name : {"A", "Ab", "Abc", "Abcd", "Abcde"})
        p.model.setContextValue(QStringLiteral("project_name"), QString::fromLatin1(name));

    QVERIFY(rendered.wait(5000));
    QCOMPARE(p.pane.renderer()->generation(), before + 1);
    QVERIFY(p.operations()->text().contains(QStringLiteral("# Abcde")));
}

void TestPreview::shouldSwitchBetweenRenderedAndSource()
{
    ShownPane p;
    QVERIFY(p.show());
    DocumentView *view = p.operations();
    auto *stack = view->findChild<QStackedWidget *>();
    auto *sourceButton = view->findChild<QToolButton *>(QStringLiteral("sourceButton"));
    auto *renderedButton = view->findChild<QToolButton *>(QStringLiteral("renderedButton"));
    QVERIFY(stack && sourceButton && renderedButton);
    QCOMPARE(stack->currentWidget(), view->renderedView());
    QVERIFY(!view->renderedView()->toPlainText().contains(QStringLiteral("## Deployment Environment")));

    QTest::mouseClick(sourceButton, Qt::LeftButton);
    QCOMPARE(view->mode(), DocumentView::Mode::Source);
    QCOMPARE(stack->currentWidget(), view->sourceView());
    QCOMPARE(view->sourceView()->toPlainText(), view->text());
    QCOMPARE(view->sourceView()->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    QVERIFY(view->sourceView()->toPlainText().contains(QStringLiteral("## Deployment Environment")));

    QTest::mouseClick(renderedButton, Qt::LeftButton);
    QCOMPARE(view->mode(), DocumentView::Mode::Rendered);
    QCOMPARE(stack->currentWidget(), view->renderedView());

    // A .env file has no rendered form.
    DocumentView *env = p.pane.document(QStringLiteral(".env.example"));
    QCOMPARE(env->mode(), DocumentView::Mode::Source);
    QVERIFY(!env->findChild<QToolButton *>(QStringLiteral("sourceButton")));
}

void TestPreview::shouldRenderTablesAndDiagrams()
{
    ShownPane p;
    QVERIFY(p.show());
    // GitHub tables become real tables, not pipes.
    QTextDocument *document = p.operations()->renderedView()->document();
    bool hasTable = false;
    for (QTextBlock block = document->begin(); block.isValid() && !hasTable; block = block.next())
        hasTable = QTextCursor(block).currentTable() != nullptr;
    QVERIFY(hasTable);

    p.pane.tabs()->setCurrentWidget(p.pane.diagramsView());
    const QList<QPlainTextEdit *> sources = p.pane.diagramsView()->sourceViews();
    QVERIFY(!sources.isEmpty());
    QCOMPARE(sources.size(), p.pane.result().diagrams.size());
    QCOMPARE(sources.first()->toPlainText(), p.pane.result().diagrams.first().source);

    // Without a renderer (this suite does not point at the plugin; the asan build has none)
    // the sources stay in view and a note says why; tst_diagramrenderer covers drawing.
    if (DiagramRendererLoader::renderer())
        QSKIP("a diagram renderer is installed where this suite looks: the fallback is not shown");
    const auto *note = p.pane.diagramsView()->findChild<QLabel *>(QStringLiteral("diagramNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY2(note->text().startsWith(QStringLiteral("Diagrams are shown as mermaid source: ")),
             qPrintable(note->text()));
    // (Cards added to a shown tab are shown by the event loop.)
    QTRY_VERIFY(sources.constLast()->isVisible());
    for (QPlainTextEdit *source : sources)
        QVERIFY(source->isVisible());
    for (DiagramCanvas *canvas : p.pane.diagramsView()->canvases())
        QVERIFY(!canvas->isVisible());
}

// Beside the wizard on a 1024-pixel screen the pane is about 360 pixels wide: each diagram's
// card fits it (no sideways scrolling to reach Copy or Source), and the mermaid source is
// never broken inside "<br/>" or an identifier: long lines scroll within their card.
void TestPreview::diagramsShouldFitANarrowPane()
{
    ShownPane p;
    p.pane.resize(360, 480);
    QVERIFY(p.show());
    p.pane.tabs()->setCurrentWidget(p.pane.diagramsView());
    const QList<QPlainTextEdit *> sources = p.pane.diagramsView()->sourceViews();
    QVERIFY(!sources.isEmpty());
    if (DiagramRendererLoader::renderer())
        QSKIP("a diagram renderer is installed where this suite looks: the sources are hidden");
    QTRY_VERIFY(sources.constLast()->isVisible());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    auto *scroll = p.pane.diagramsView()->findChild<QScrollArea *>(QStringLiteral("diagramScroll"));
    QVERIFY(scroll);
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    int scrolling = 0;
    for (QPlainTextEdit *source : sources) {
        for (QTextBlock block = source->document()->begin(); block.isValid(); block = block.next()) {
            source->document()->documentLayout()->blockBoundingRect(block); // lays the block out
            QVERIFY2(block.layout()->lineCount() == 1, qPrintable(QStringLiteral("wrapped: %1").arg(block.text())));
        }
        // Every line is in view: the card is as tall as its source, scroll bar included.
        QVERIFY(source->viewport()->height() >= source->document()->blockCount() * source->fontMetrics().lineSpacing());
        if (source->horizontalScrollBar()->maximum() > 0)
            ++scrolling;
    }
    // Some lines are wider than the pane and are reached by scrolling within their card.
    QVERIFY(scrolling > 0);
}

// The configuration document's six-column variable tables fit the pane beside the wizard in
// a 1400-pixel window: the Description column is not behind a sideways scroll (identifiers
// and URLs break after their separators). Copied text has no trace of the break marks. On
// a 1024-pixel screen six columns cannot fit without breaking words, and the view scrolls.
void TestPreview::tablesShouldFitANarrowPane()
{
    ShownPane p;
    p.pane.resize(560, 480);
    QVERIFY(p.show());
    DocumentView *configuration = p.pane.document(QStringLiteral("specs/configuration.md"));
    p.pane.tabs()->setCurrentWidget(configuration);
    QTextEdit *view = configuration->renderedView();
    QTRY_VERIFY(view->isVisible());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // Break marks went into the long words of the tables (copying leaves them out, below).
    QVERIFY(view->toPlainText().contains(TableBreaks::mark));
    QTRY_VERIFY(view->horizontalScrollBar()->maximum() <= InertBrowser::roundingSlack);
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    // Narrower, six columns cannot fit whole words: the view scrolls to the Description.
    p.pane.resize(360, 480);
    QTRY_VERIFY(view->horizontalScrollBar()->isVisible());

    view->selectAll();
    view->copy();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(copied.contains(QStringLiteral("DB_POOL_MAX")));
    QVERIFY(!copied.contains(QChar(0x200B)));
}

void TestPreview::shouldCopyADiagram()
{
    ShownPane p;
    QVERIFY(p.show());
    p.pane.tabs()->setCurrentWidget(p.pane.diagramsView());
    const auto buttons = p.pane.diagramsView()->findChildren<QToolButton *>(QStringLiteral("copyButton"));
    QVERIFY(!buttons.isEmpty());
    QGuiApplication::clipboard()->clear();

    QTest::mouseClick(buttons.constLast(), Qt::LeftButton);

    QCOMPARE(QGuiApplication::clipboard()->text(), p.pane.result().diagrams.constLast().source);
}

void TestPreview::fallbackShouldHighlightMarkdown()
{
    if (Highlighting::usesKSyntaxHighlighting())
        QSKIP("Built with KSyntaxHighlighting: the fallback is not used");
    // On a view's document, as in the preview (a bare QTextDocument keeps no formats).
    QPlainTextEdit view;
    QTextDocument &document = *view.document();
    QSyntaxHighlighter *highlighter =
        Highlighting::create(QStringLiteral("markdown"), QString(), &document, lightPalette());
    QVERIFY(qobject_cast<FallbackHighlighter *>(highlighter));
    document.setPlainText(QStringLiteral("# Operations\n"
                                         "Plain **bold** text and `code`.\n"
                                         "- item\n"
                                         "| A | B |\n"
                                         "| --- | --- |\n"
                                         "```bash\n"
                                         "echo --> not an arrow\n"
                                         "```\n"
                                         "````markdown\n"
                                         "```mermaid\n"
                                         "inside a four-backtick fence\n"
                                         "```\n"
                                         "````\n"
                                         "```mermaid\n"
                                         "graph TD\n"
                                         "    A[Internet] -->|HTTPS| B[(DB)]\n"
                                         "```\n"
                                         "<!-- opsflow:begin after -->\n"
                                         "## After\n"
                                         "<!-- a comment\n"
                                         "# not a heading -->\n"));

    const QTextCharFormat heading = formatAt(blockStartingWith(&document, QStringLiteral("# Operations")), 2);
    QCOMPARE(heading.fontWeight(), int(QFont::Bold));
    QVERIFY(heading.foreground().style() != Qt::NoBrush);
    QCOMPARE(formatAt(blockStartingWith(&document, QStringLiteral("## After")), 3).foreground(), heading.foreground());
    // HTML comments (the documents' section markers), on one line or several.
    const QTextCharFormat comment = formatAt(blockStartingWith(&document, QStringLiteral("<!-- opsflow")), 5);
    QVERIFY(comment.fontItalic());
    QCOMPARE(formatAt(blockStartingWith(&document, QStringLiteral("# not a heading")), 2), comment);

    const QTextBlock inline_ = blockStartingWith(&document, QStringLiteral("Plain"));
    QCOMPARE(formatAt(inline_, 8).fontWeight(), int(QFont::Bold));
    QVERIFY(formatAt(inline_, 27).foreground().style() != Qt::NoBrush); // `code`
    QVERIFY(formatAt(inline_, 0).foreground().style() == Qt::NoBrush);  // plain text
    QVERIFY(formatAt(blockStartingWith(&document, QStringLiteral("- item")), 0).foreground().style() != Qt::NoBrush);
    QVERIFY(formatAt(blockStartingWith(&document, QStringLiteral("| A")), 0).foreground().style() != Qt::NoBrush);

    // Fences: the delimiter lines and the code are formatted; code is not markdown.
    const QTextBlock fence = blockStartingWith(&document, QStringLiteral("```bash"));
    QVERIFY(formatAt(fence, 0).foreground().style() != Qt::NoBrush);
    const QTextBlock code = blockStartingWith(&document, QStringLiteral("echo"));
    const QTextCharFormat codeFormat = formatAt(code, 0);
    QVERIFY(codeFormat.foreground().style() != Qt::NoBrush);
    QCOMPARE(formatAt(code, 5), codeFormat); // "-->" in bash is code, not an arrow
    // ``` inside ```` does not close it.
    QCOMPARE(formatAt(blockStartingWith(&document, QStringLiteral("inside")), 0), codeFormat);

    // Mermaid inside ```mermaid: keyword, arrow, edge label and shapes each formatted.
    const QTextBlock header = blockStartingWith(&document, QStringLiteral("graph TD"));
    QCOMPARE(formatAt(header, 0).fontWeight(), int(QFont::Bold));
    const QTextBlock edge = blockContaining(&document, QStringLiteral("-->|HTTPS|"));
    const int arrowAt = int(edge.text().indexOf(QStringLiteral("-->")));
    const QTextCharFormat arrow = formatAt(edge, arrowAt);
    QCOMPARE(arrow.fontWeight(), int(QFont::Bold));
    QVERIFY(arrow.foreground() != codeFormat.foreground());
    QCOMPARE(formatAt(edge, arrowAt + 2), arrow);
    const QTextCharFormat label = formatAt(edge, int(edge.text().indexOf(QStringLiteral("HTTPS"))));
    QVERIFY(label.foreground().style() != Qt::NoBrush);
    QVERIFY(label.foreground() != arrow.foreground());
    const QTextCharFormat shape = formatAt(edge, int(edge.text().indexOf(QStringLiteral("[("))));
    QVERIFY(shape.foreground().style() != Qt::NoBrush);
    QVERIFY(shape.foreground() != label.foreground());
    QVERIFY(formatAt(edge, int(edge.text().indexOf(QStringLiteral("Internet")))).foreground() != shape.foreground());
}

void TestPreview::fallbackShouldHighlightMermaid()
{
    if (Highlighting::usesKSyntaxHighlighting())
        QSKIP("Built with KSyntaxHighlighting: the fallback is not used");
    QPlainTextEdit view;
    QTextDocument &document = *view.document();
    Highlighting::create(QStringLiteral("mermaid"), QString(), &document, lightPalette());
    document.setPlainText(QStringLiteral("%% the data layer\n"
                                         "graph TB\n"
                                         "    subgraph \"Data Layer [primary]\"\n"
                                         "        Primary[(Primary DB)] -.->|Replication| Replica[(Replica)]\n"
                                         "        App ==> Cache{Cache}\n"
                                         "    end\n"
                                         "    style Primary fill:#e1ffe1,stroke:#333\n"));

    const QTextCharFormat comment = formatAt(document.firstBlock(), 3);
    QVERIFY(comment.fontItalic());
    const QTextBlock graph = blockStartingWith(&document, QStringLiteral("graph"));
    QCOMPARE(formatAt(graph, 0).fontWeight(), int(QFont::Bold));
    QVERIFY(formatAt(graph, 6).foreground() != formatAt(graph, 0).foreground()); // TB
    const QTextBlock subgraph = blockContaining(&document, QStringLiteral("subgraph"));
    const int subgraphAt = int(subgraph.text().indexOf(QStringLiteral("subgraph")));
    QCOMPARE(formatAt(subgraph, subgraphAt), formatAt(graph, 0));
    // A bracket inside a quoted label is text.
    const QTextCharFormat quoted = formatAt(subgraph, int(subgraph.text().indexOf(u'"')) + 1);
    QCOMPARE(formatAt(subgraph, int(subgraph.text().indexOf(u'['))), quoted);

    const QTextBlock dotted = blockContaining(&document, QStringLiteral("-.->"));
    const QTextCharFormat arrow = formatAt(dotted, int(dotted.text().indexOf(QStringLiteral("-.->"))));
    QCOMPARE(arrow.fontWeight(), int(QFont::Bold));
    QCOMPARE(formatAt(dotted, int(dotted.text().indexOf(QStringLiteral("-.->"))) + 3), arrow);
    const QTextBlock thick = blockContaining(&document, QStringLiteral("==>"));
    QCOMPARE(formatAt(thick, int(thick.text().indexOf(QStringLiteral("==>")))), arrow);
    QVERIFY(formatAt(thick, int(thick.text().indexOf(u'{'))).foreground().style() != Qt::NoBrush);
    const QTextBlock end = blockContaining(&document, QStringLiteral("end"));
    QCOMPARE(formatAt(end, int(end.text().indexOf(QStringLiteral("end")))), formatAt(graph, 0));

    const QTextBlock style = blockContaining(&document, QStringLiteral("style"));
    const QString styleText = style.text();
    QCOMPARE(formatAt(style, int(styleText.indexOf(QStringLiteral("style")))), formatAt(graph, 0));
    const QTextCharFormat property = formatAt(style, int(styleText.indexOf(QStringLiteral("fill"))));
    const QTextCharFormat value = formatAt(style, int(styleText.indexOf(QStringLiteral("#e1ffe1"))));
    QVERIFY(property.foreground().style() != Qt::NoBrush);
    QVERIFY(value.foreground().style() != Qt::NoBrush);
    QVERIFY(property.foreground() != value.foreground());
}

void TestPreview::fallbackShouldHighlightDotEnv()
{
    if (Highlighting::usesKSyntaxHighlighting())
        QSKIP("Built with KSyntaxHighlighting: the fallback is not used");
    QPlainTextEdit view;
    QTextDocument &document = *view.document();
    Highlighting::create(QStringLiteral("dotenv"), QString(), &document, lightPalette());
    document.setPlainText(QStringLiteral("# ---- Database ----\n"
                                         "DATABASE_URL=postgres://localhost/app # local only\n"
                                         "APP_NAME=\"my api # not a comment\"\n"));

    const QTextCharFormat comment = formatAt(document.firstBlock(), 0);
    QVERIFY(comment.fontItalic());
    const QTextBlock bare = document.firstBlock().next();
    const QTextCharFormat key = formatAt(bare, 0);
    const QTextCharFormat assignment = formatAt(bare, 12);
    const QTextCharFormat value = formatAt(bare, 13);
    QCOMPARE(key.fontWeight(), int(QFont::Bold));
    QVERIFY(assignment.foreground() != key.foreground());
    QVERIFY(value.foreground() != key.foreground() && value.foreground().style() != Qt::NoBrush);
    QCOMPARE(formatAt(bare, int(bare.text().indexOf(u'#')) + 2), comment);

    const QTextBlock quoted = bare.next();
    const QTextCharFormat string = formatAt(quoted, int(quoted.text().indexOf(u'"')));
    QVERIFY(string.foreground().style() != Qt::NoBrush);
    QCOMPARE(formatAt(quoted, int(quoted.text().indexOf(u'#'))), string);
}

void TestPreview::shouldFollowThePalette()
{
    ShownPane p;
    p.pane.setPalette(lightPalette());
    QVERIFY(p.show());
    DocumentView *view = p.operations();
    view->setMode(DocumentView::Mode::Source);
    const auto headingColor = [view] {
        const QTextBlock heading = blockStartingWith(view->sourceView()->document(), QStringLiteral("## "));
        return formatAt(heading, 3).foreground().color();
    };
    const QColor light = headingColor();
    QVERIFY(light.isValid());

    p.pane.setPalette(darkPalette());
    const QColor dark = headingColor();
    QVERIFY(dark != light);
    QVERIFY(dark.lightness() > light.lightness()); // light text on a dark base

    // The application's palette reaches a pane that has none of its own.
    p.pane.setPalette(QPalette());
    // (QApplication posts ApplicationPaletteChange to the windows.)
    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(headingColor(), dark);
    QApplication::setPalette(lightPalette());
    QTRY_COMPARE(headingColor(), light);
}

void TestPreview::aboutShouldNameTheHighlighter()
{
    const QString about = MainWindow::aboutText();
    QVERIFY2(about.contains(QStringLiteral("Highlighting: ") + Highlighting::description()), qPrintable(about));
    QVERIFY(Highlighting::description().startsWith(
        Highlighting::usesKSyntaxHighlighting() ? QStringLiteral("KSyntaxHighlighting ") : QStringLiteral("built-in")));
    // And what draws the diagrams: in a build without the renderer, why not; with it, not
    // installed where this suite runs from (the plugin is looked for beside the executable).
    const QString expected = DiagramRendererLoader::built()
        ? (DiagramRendererLoader::pluginPath().isEmpty()
               ? QStringLiteral("mermaid sources only: the diagram renderer is not installed")
               : DiagramRendererLoader::buildDescription())
        : DiagramRendererLoader::buildDescription();
    QVERIFY2(about.contains(QStringLiteral("Diagrams: ") + expected.toHtmlEscaped()), qPrintable(about));
    QVERIFY(expected.startsWith(QStringLiteral("drawn by mermaid "))
            || expected.startsWith(QStringLiteral("mermaid sources only: ")));
}

void TestPreview::hostileTextShouldStayInert()
{
    ShownPane p;
    QVERIFY(p.show());
    const QString hostile = QStringLiteral(
        "<img src=\"http://evil.invalid/pixel.png\"> <script>alert(1)</script> "
        "![remote](http://evil.invalid/remote.png) <link rel=stylesheet href=\"http://evil.invalid/x.css\">");
    QSignalSpy rendered(&p.pane, &PreviewPane::rendered);
    p.model.setValue(QStringLiteral("7.1"), QStringLiteral("choice"), QStringLiteral("A"));
    p.model.setValue(QStringLiteral("7.1"), QStringLiteral("why"), hostile);
    p.model.setContextValue(QStringLiteral("project_name"), hostile);
    QVERIFY(rendered.wait(5000));

    InertBrowser *browser = p.operations()->renderedView();
    browser->grab(); // lays out and paints everything, images included
    // What the user typed reads as text; nothing of it became an image, a script or a style.
    const QString shown = browser->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("<script>alert(1)</script>")), qPrintable(shown.left(400)));
    QVERIFY(shown.contains(QStringLiteral("<img src=")));
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it)
            QVERIFY(!it.fragment().charFormat().isImageFormat());
    }
    QCOMPARE(browser->resourceRequests(), 0);
}

void TestPreview::rendererShouldNeverLoadResources()
{
    // Straight into the view, past the generator's escaping: the view itself must hold.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString imagePath = dir.filePath(QStringLiteral("local.png"));
    QImage red(16, 16, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(imagePath));
    const QString fileUrl = QUrl::fromLocalFile(imagePath).toString();

    InertBrowser browser;
    browser.resize(400, 300);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    const auto showsNoImage = [&browser] {
        browser.grab(); // lays out and paints everything
        for (QTextBlock block = browser.document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isImageFormat())
                    return false;
            }
        }
        return true;
    };
    // Markdown images, and raw HTML ones (md4c passes HTML blocks to Qt's HTML importer).
    browser.showMarkdown(
        QStringLiteral("# Hostile\n\n![alt text](%1) ![remote](http://evil.invalid/b.png)\n").arg(fileUrl));
    QVERIFY(showsNoImage());
    QVERIFY(browser.toPlainText().contains(QStringLiteral("[image: alt text]")));
    QVERIFY(browser.toPlainText().contains(QStringLiteral("[image: remote]")));
    browser.showMarkdown(QStringLiteral("<img src=\"%1\">\n\nText\n").arg(fileUrl));
    QVERIFY(showsNoImage());
    browser.showMarkdown(
        QStringLiteral("Text <img src=\"http://evil.invalid/a.png\"> <script>document.write('INJECTED')</script>\n"));
    QVERIFY(showsNoImage());
    QVERIFY2(!browser.toPlainText().contains(QStringLiteral("INJECTED")), qPrintable(browser.toPlainText()));
    // The local file was never read into the document.
    const QVariant cached = browser.document()->resource(QTextDocument::ImageResource, QUrl(fileUrl));
    QVERIFY(cached.value<QImage>().size() != red.size());

    // And asked directly, it answers placeholders for everything.
    const int before = browser.resourceRequests();
    for (const QString &url : {QStringLiteral("http://evil.invalid/a.png"), fileUrl, QStringLiteral("local.png")}) {
        const QVariant image = browser.loadResource(QTextDocument::ImageResource, QUrl(url));
        QCOMPARE(image.value<QImage>().size(), QSize(1, 1));
        QCOMPARE(image.value<QImage>().pixelColor(0, 0).alpha(), 0);
        QVERIFY(browser.loadResource(QTextDocument::StyleSheetResource, QUrl(url)).toString().isEmpty());
        QVERIFY(browser.loadResource(QTextDocument::HtmlResource, QUrl(url)).toString().isEmpty());
    }
    QCOMPARE(browser.resourceRequests(), before + 9);
    QVERIFY(!browser.openLinks());
    QVERIFY(!browser.openExternalLinks());
}

void TestPreview::viewsShouldRequestNothing()
{
    // Inertness is what the views ask for, not which libraries are loaded: KSyntaxHighlighting
    // (KF6) links Qt Network for its definition downloader, which OpsFlow never creates.
    ShownPane p;
    QVERIFY(p.show());
    const QString hostile =
        QStringLiteral("![remote](http://127.0.0.1:9/a.png) <img src=\"file:///etc/hostname\"> "
                       "<link rel=stylesheet href=\"http://127.0.0.1:9/x.css\"> [l](http://127.0.0.1:9/)");
    QSignalSpy rendered(&p.pane, &PreviewPane::rendered);
    p.model.setValue(QStringLiteral("7.1"), QStringLiteral("choice"), QStringLiteral("A"));
    p.model.setValue(QStringLiteral("7.1"), QStringLiteral("why"), hostile);
    p.model.setValue(QStringLiteral("7.1"), QStringLiteral("platform"), hostile);
    p.model.setContextValue(QStringLiteral("project_name"), hostile);
    QVERIFY(rendered.wait(5000));

    // Every view, rendered and source, each document and the diagrams, laid out and painted.
    for (int i = 0; i < p.pane.tabs()->count(); ++i) {
        p.pane.tabs()->setCurrentIndex(i);
        for (auto *view : p.pane.findChildren<DocumentView *>()) {
            for (const auto mode : {DocumentView::Mode::Rendered, DocumentView::Mode::Source}) {
                view->setMode(mode);
                p.pane.grab();
            }
        }
    }
    const auto browsers = p.pane.findChildren<InertBrowser *>();
    QVERIFY(!browsers.isEmpty());
    for (const InertBrowser *browser : browsers)
        QCOMPARE(browser->resourceRequests(), 0);
    for (const QObject *object : qApp->findChildren<QObject *>() + p.pane.findChildren<QObject *>())
        QVERIFY2(!object->inherits("QNetworkAccessManager"), object->metaObject()->className());
}

void TestPreview::shouldDropStaleResults()
{
    ShownPane p;
    QVERIFY(p.show());
    PreviewRenderer *renderer = p.pane.renderer();
    QSignalSpy rendered(&p.pane, &PreviewPane::rendered);
    QSignalSpy dropped(renderer, &PreviewRenderer::staleResultDropped);

    // Two snapshots in flight at once: the first finishes (or not) after the second started,
    // so its result is stale whatever the threads do.
    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("First Snapshot"));
    renderer->generateNow();
    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("Second Snapshot"));
    renderer->generateNow();

    QTRY_VERIFY_WITH_TIMEOUT(!renderer->isRunning(), 60000);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(rendered.count(), 1);
    QVERIFY(p.operations()->text().contains(QStringLiteral("Second Snapshot")));
    QVERIFY(!p.operations()->text().contains(QStringLiteral("First Snapshot")));
}

void TestPreview::shouldRenderNothingWhileHidden()
{
    ShownPane p;
    QVERIFY(p.show());
    p.pane.hide();
    const quint64 before = p.pane.renderer()->generation();
    QSignalSpy rendered(&p.pane, &PreviewPane::rendered);

    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("While Hidden"));
    QCoreApplication::processEvents();
    QVERIFY(!p.pane.renderer()->isScheduled()); // not even the debounce runs
    QVERIFY(!p.pane.renderer()->isRunning());
    QCOMPARE(p.pane.renderer()->generation(), before);
    QCOMPARE(rendered.count(), 0);
    QVERIFY(p.pane.renderer()->isOutOfDate());

    p.pane.show();
    QVERIFY(rendered.wait(5000));
    QCOMPARE(p.pane.renderer()->generation(), before + 1);
    QVERIFY(p.operations()->renderedView()->toPlainText().contains(QStringLiteral("While Hidden")));

    // A tab not on screen is not rendered until it is shown.
    DocumentView *configuration = p.pane.document(QStringLiteral("specs/configuration.md"));
    QVERIFY(configuration->renderedView()->document()->isEmpty());
    p.pane.tabs()->setCurrentWidget(configuration);
    QVERIFY(!configuration->renderedView()->document()->isEmpty());
}

void TestPreview::shouldKeepTheScrollPosition()
{
    ShownPane p;
    QVERIFY(p.show());
    QScrollBar *rendered = p.operations()->renderedView()->verticalScrollBar();
    QTRY_VERIFY(rendered->maximum() > 1000);
    rendered->setValue(rendered->maximum() / 2);
    const int position = rendered->value();

    QSignalSpy done(&p.pane, &PreviewPane::rendered);
    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("Scrolled"));
    QVERIFY(done.wait(5000));
    QVERIFY(p.operations()->renderedView()->toPlainText().contains(QStringLiteral("Scrolled")));
    QTRY_COMPARE(rendered->value(), position);

    p.operations()->setMode(DocumentView::Mode::Source);
    QScrollBar *source = p.operations()->sourceView()->verticalScrollBar();
    source->setValue(source->maximum() / 2);
    const int line = source->value();
    QVERIFY(line > 0);
    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("Scrolled Again"));
    QVERIFY(done.wait(5000));
    QVERIFY(p.operations()->sourceView()->toPlainText().contains(QStringLiteral("Scrolled Again")));
    QCOMPARE(source->value(), line);
}

void TestPreview::shouldShowTheCurrentQuestionsSection()
{
    ShownPane p;
    QVERIFY(p.show());
    DocumentView *view = p.operations();
    InertBrowser *browser = view->renderedView();
    QCOMPARE(browser->verticalScrollBar()->value(), 0);

    p.pane.showQuestion(QStringLiteral("7.9.2"));

    QTRY_VERIFY(browser->verticalScrollBar()->value() > 0);
    const auto marks = browser->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().cursor.block().text(), QStringLiteral("Circuit Breakers & Resilience"));
    QVERIFY(marks.first().cursor.block().blockFormat().headingLevel() > 0);
    // The heading is at the top of the view.
    const QRectF heading = browser->document()->documentLayout()->blockBoundingRect(marks.first().cursor.block());
    QVERIFY(qAbs(heading.top() - browser->verticalScrollBar()->value()) < browser->fontMetrics().height() * 2);

    // Questions whose heading differs from their title: the aliases find them.
    for (const char *id : {"7.3", "7.9.4", "7.10"}) {
        p.pane.showQuestion(QString::fromLatin1(id));
        QCOMPARE(browser->extraSelections().size(), 1);
    }
    // Every question of the questionnaire has a section in operations.md.
    for (const Question &question : Questionnaire::builtIn().questions())
        QVERIFY2(view->hasSection(question.id), qPrintable(question.id));

    // The source view marks the same heading, and a re-render keeps the mark.
    p.pane.showQuestion(QStringLiteral("7.6"));
    view->setMode(DocumentView::Mode::Source);
    QCOMPARE(view->sourceView()->extraSelections().size(), 1);
    QCOMPARE(view->sourceView()->extraSelections().first().cursor.block().text(), QStringLiteral("## Alerts"));
    QSignalSpy done(&p.pane, &PreviewPane::rendered);
    p.model.setContextValue(QStringLiteral("project_name"), QStringLiteral("Marked"));
    QVERIFY(done.wait(5000));
    QCOMPARE(view->sourceView()->extraSelections().size(), 1);

    // A page that is not a question clears the mark.
    p.pane.showQuestion(QString());
    QVERIFY(view->sourceView()->extraSelections().isEmpty());

    // The .env file marks its group; a question without a section there brings
    // operations.md to the front.
    DocumentView *env = p.pane.document(QStringLiteral(".env.example"));
    p.pane.tabs()->setCurrentWidget(env);
    p.pane.showQuestion(QStringLiteral("7.5"));
    QCOMPARE(p.pane.tabs()->currentWidget(), env);
    QCOMPARE(env->sourceView()->extraSelections().size(), 1);
    p.pane.showQuestion(QStringLiteral("7.2"));
    QCOMPARE(p.pane.tabs()->currentWidget(), view);
}

void TestPreview::shouldRequestAQuestionFromAHeadingClick()
{
    ShownPane p;
    QVERIFY(p.show());
    InertBrowser *browser = p.operations()->renderedView();
    p.pane.showQuestion(QStringLiteral("7.7"));
    const QTextBlock heading = browser->extraSelections().first().cursor.block();
    QSignalSpy requested(&p.pane, &PreviewPane::questionRequested);

    const QRectF rect = browser->document()->documentLayout()->blockBoundingRect(heading);
    const QPoint inHeading(int(rect.left()) + 20, int(rect.center().y()) - browser->verticalScrollBar()->value());
    QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, inHeading);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("7.7"));

    // A sub-heading belongs to its section.
    const QTextBlock sub = blockStartingWith(browser->document(), QStringLiteral("Restoring after a disaster"));
    QVERIFY(sub.isValid());
    browser->verticalScrollBar()->setValue(int(browser->document()->documentLayout()->blockBoundingRect(sub).top())
                                           - 10);
    const QRectF subRect = browser->document()->documentLayout()->blockBoundingRect(sub);
    QTest::mouseClick(
        browser->viewport(), Qt::LeftButton, {},
        QPoint(int(subRect.left()) + 20, int(subRect.center().y()) - browser->verticalScrollBar()->value()));
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.last().first().toString(), QStringLiteral("7.7"));

    // Body text is not a link.
    const QTextBlock body = heading.next();
    const QRectF bodyRect = browser->document()->documentLayout()->blockBoundingRect(body);
    QTest::mouseClick(
        browser->viewport(), Qt::LeftButton, {},
        QPoint(int(bodyRect.left()) + 5, int(bodyRect.top()) + 3 - browser->verticalScrollBar()->value()));
    QCOMPARE(requested.count(), 2);
}

void TestPreview::shouldFollowLinksBetweenDocuments()
{
    ShownPane p;
    QVERIFY(p.show());
    InertBrowser *browser = p.operations()->renderedView();
    // The table of contents links to "#monitoring--logging".
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("#monitoring--logging")));
    QVERIFY(browser->verticalScrollBar()->value() > 0);
    // "../specs/configuration.md" from docs/ is specs/configuration.md.
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("../specs/configuration.md#secrets")));
    DocumentView *configuration = p.pane.document(QStringLiteral("specs/configuration.md"));
    QCOMPARE(p.pane.tabs()->currentWidget(), configuration);
    QTRY_VERIFY(configuration->renderedView()->verticalScrollBar()->value() > 0);
}

void TestPreview::mermaidDefinitionShouldBeWellFormed()
{
    // KSyntaxHighlighting is not on the build machines, so this is what checks the file it
    // would load: names, extensions, regular expressions and references.
    QFile file(QStringLiteral(":/syntax/mermaid.xml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QSet<QString> contexts{QStringLiteral("#stay"), QStringLiteral("#pop")};
    QSet<QString> lists;
    QSet<QString> items;
    QStringList usedContexts;
    QStringList usedAttributes;
    QStringList usedLists;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attributes = xml.attributes();
        const QString element = xml.name().toString();
        if (element == u"language") {
            QCOMPARE(attributes.value(QLatin1String("name")).toString(), QStringLiteral("Mermaid"));
            QCOMPARE(attributes.value(QLatin1String("extensions")).toString(), QStringLiteral("*.mmd;*.mermaid"));
            QVERIFY(!attributes.value(QLatin1String("kateversion")).isEmpty());
        } else if (element == u"context") {
            contexts.insert(attributes.value(QLatin1String("name")).toString());
            usedContexts << attributes.value(QLatin1String("lineEndContext")).toString();
            usedAttributes << attributes.value(QLatin1String("attribute")).toString();
        } else if (element == u"list") {
            lists.insert(attributes.value(QLatin1String("name")).toString());
        } else if (element == u"itemData") {
            items.insert(attributes.value(QLatin1String("name")).toString());
            QVERIFY(attributes.value(QLatin1String("defStyleNum")).startsWith(u"ds"));
        } else if (element == u"keyword") {
            usedLists << attributes.value(QLatin1String("String")).toString();
        }
        if (attributes.hasAttribute(QLatin1String("context")) && element != u"IncludeRules")
            usedContexts << attributes.value(QLatin1String("context")).toString();
        if (attributes.hasAttribute(QLatin1String("attribute")) && element != u"context")
            usedAttributes << attributes.value(QLatin1String("attribute")).toString();
        if (element == u"RegExpr") {
            const QRegularExpression expression(attributes.value(QLatin1String("String")).toString());
            QVERIFY2(expression.isValid(),
                     qPrintable(expression.pattern() + QStringLiteral(": ") + expression.errorString()));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (QString context : std::as_const(usedContexts)) {
        // "#pop!Name" pops, then enters Name.
        context.remove(QRegularExpression(QStringLiteral("^(#pop)+!?")));
        QVERIFY2(context.isEmpty() || contexts.contains(context), qPrintable(context));
    }
    for (const QString &attribute : std::as_const(usedAttributes))
        QVERIFY2(items.contains(attribute), qPrintable(attribute));
    for (const QString &list : std::as_const(usedLists))
        QVERIFY2(lists.contains(list), qPrintable(list));
}

void TestPreview::shouldCutMarkdownAtSections_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("chunks"); // empty: not cut at all

    const auto row = [](const char *name, const char *markdown, const QStringList &chunks) {
        QTest::newRow(name) << QString::fromUtf8(markdown) << chunks;
    };
    row("headings after blank lines", "# A\n\ntext\n\n## B\n\n- x\n\n### C\n",
        {QStringLiteral("# A\n\ntext\n\n"), QStringLiteral("## B\n\n- x\n\n"), QStringLiteral("### C\n")});
    row("text before the first heading", "intro\n\n# A\n", {QStringLiteral("intro\n\n"), QStringLiteral("# A\n")});
    row("a section mark above its heading", "# A\n\n<!-- begin b -->\n## B\nx\n",
        {QStringLiteral("# A\n\n"), QStringLiteral("<!-- begin b -->\n## B\nx\n")});
    row("no blank line before the heading", "- item\n# A\n", {QStringLiteral("- item\n# A\n")});
    row("indented, not a heading", "x\n\n    # code\n", {QStringLiteral("x\n\n    # code\n")});
    row("#hashtag is no heading", "x\n\n#tag\n", {QStringLiteral("x\n\n#tag\n")});
    row("headings in a fence", "x\n\n```sh\n\n# comment\n```\n\n# A\n",
        {QStringLiteral("x\n\n```sh\n\n# comment\n```\n\n"), QStringLiteral("# A\n")});
    row("a longer fence", "x\n\n````\n```\n\n# in\n````\n", {QStringLiteral("x\n\n````\n```\n\n# in\n````\n")});
    row("headings in a comment", "x\n\n<!--\n\n# in\n-->\n\n# A\n",
        {QStringLiteral("x\n\n<!--\n\n# in\n-->\n\n"), QStringLiteral("# A\n")});
    row("headings in a pre block", "x\n\n<pre>\n\n# in\n</pre>\n", {QStringLiteral("x\n\n<pre>\n\n# in\n</pre>\n")});
    row("a link definition reaches everywhere", "# A\n\n[x]: http://a\n\n# B\n[x]\n", {});
}

void TestPreview::shouldCutMarkdownAtSections()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, chunks);
    const QStringList cut = MarkdownChunks::split(markdown);
    QCOMPARE(cut, chunks);
    if (!cut.isEmpty())
        QCOMPARE(cut.join(QString()), markdown);
}

void TestPreview::splicedRenderShouldEqualAFullRender_data()
{
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<bool>("spliced"); // the shown document is kept, not replaced

    const auto row = [](const char *name, const QStringList &edits, bool spliced) {
        QTest::newRow(name) << edits << spliced;
    };
    row("identical text", {QString()}, true);
    row("one section changed", {QStringLiteral("word in a middle section")}, true);
    row("first section", {QStringLiteral("title")}, true);
    row("last section", {QStringLiteral("last line")}, true);
    row("table grown", {QStringLiteral("table row added")}, true);
    row("table shrunk", {QStringLiteral("table row removed")}, true);
    row("heading added", {QStringLiteral("heading added")}, true);
    row("heading removed", {QStringLiteral("heading removed")}, true);
    row("heading level changed", {QStringLiteral("heading level")}, true);
    row("code block changed", {QStringLiteral("code line")}, true);
    row("middle sections removed", {QStringLiteral("middle sections removed")}, true);
    row("last sections removed", {QStringLiteral("last sections removed")}, true);
    row("first sections removed", {QStringLiteral("first sections removed")}, true);
    row("everything changed", {QStringLiteral("everything")}, false);
    row("a sequence",
        {QStringLiteral("table row added"), QStringLiteral("heading added"), QStringLiteral("title"),
         QStringLiteral("heading removed"), QStringLiteral("last sections removed"),
         QStringLiteral("table row removed"), QStringLiteral("last line")},
        true);
}

// Each edit is spliced into the shown document; after each, it must be what parsing the
// whole text gives, down to the formats, and the sections must be found where they are.
void TestPreview::splicedRenderShouldEqualAFullRender()
{
    QFETCH(QStringList, edits);
    QFETCH(bool, spliced);
    QString text = enterpriseOperations();
    QVERIFY(text.size() > 20000);

    DocumentView view(Operations, DocumentView::Kind::Markdown, Questionnaire::builtIn());
    DocumentView whole(Operations, DocumentView::Kind::Markdown, Questionnaire::builtIn());
    whole.renderedView()->setSplicing(false);
    for (DocumentView *v : {&view, &whole}) {
        v->resize(640, 480);
        v->show();
    }
    view.setText(text);
    view.setMode(DocumentView::Mode::Source); // each edit below also reaches the source view
    view.setMode(DocumentView::Mode::Rendered);
    const QTextDocument *shown = view.renderedView()->document();

    for (const QString &edit : std::as_const(edits)) {
        const QString next = edit.isEmpty() ? text : edited(text, edit);
        QVERIFY2(edit.isEmpty() || next != text, qPrintable(edit));
        text = next;
        view.setText(text);
        whole.setText(text);
        const QTextDocument *actual = view.renderedView()->document();
        const QTextDocument *expected = whole.renderedView()->document();
        QCOMPARE(actual->toPlainText(), expected->toPlainText());
        QCOMPARE(actual->toMarkdown(), expected->toMarkdown());
        QCOMPARE(actual->blockCount(), expected->blockCount());
        QCOMPARE(tablesIn(actual->rootFrame()), tablesIn(expected->rootFrame()));
        QCOMPARE(tablesIn(actual->rootFrame()), int(text.count(QRegularExpression(QStringLiteral("\n\\|[ :]*---")))));
        QVERIFY(headingsOf(actual) == headingsOf(expected));
        if (firstDifferentBlock(actual, expected) >= 0)
            explainBlock(actual, expected, firstDifferentBlock(actual, expected));
        QCOMPARE(firstDifferentBlock(actual, expected), -1);
        for (const Question &question : Questionnaire::builtIn().questions()) {
            QCOMPARE(view.hasSection(question.id), whole.hasSection(question.id));
            view.showQuestion(question.id, false);
            whole.showQuestion(question.id, false);
            const auto marks = view.renderedView()->extraSelections();
            QCOMPARE(marks.size(), whole.renderedView()->extraSelections().size());
            if (!marks.isEmpty())
                QCOMPARE(marks.first().cursor.blockNumber(),
                         whole.renderedView()->extraSelections().first().cursor.blockNumber());
        }

        view.setMode(DocumentView::Mode::Source);
        QCOMPARE(view.sourceView()->toPlainText(), text);
        QCOMPARE(view.sourceView()->document()->blockCount(), int(text.count(u'\n')) + 1);
        view.setMode(DocumentView::Mode::Rendered);
    }
    QCOMPARE(view.renderedView()->document() == shown, spliced);
}

// The first render's document is built on a worker (the pane does so for the first result):
// it must be the one the view builds itself, and the next edit must splice into it.
void TestPreview::prebuiltRenderShouldEqualARenderOnTheUiThread()
{
    QString text = enterpriseOperations();
    DocumentView view(Operations, DocumentView::Kind::Markdown, Questionnaire::builtIn());
    DocumentView here(Operations, DocumentView::Kind::Markdown, Questionnaire::builtIn());
    for (DocumentView *v : {&view, &here}) {
        v->resize(640, 480);
        v->show();
    }
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.rendersWhole(text));
    const auto task = view.prebuildTask(text);
    const std::shared_ptr<InertBrowser::Prebuilt> prebuilt = QtConcurrent::run(task).result();
    QVERIFY(prebuilt && prebuilt->document);
    QCOMPARE(prebuilt->document->thread(), view.thread());
    const QTextDocument *built = prebuilt->document.get();
    view.setPrebuilt(prebuilt);

    for (const QString &edit : {QString(), QStringLiteral("table row added"), QStringLiteral("heading added")}) {
        text = edit.isEmpty() ? text : edited(text, edit);
        view.setText(text);
        here.setText(text);
        const QTextDocument *actual = view.renderedView()->document();
        const QTextDocument *expected = here.renderedView()->document();
        QCOMPARE(actual, built); // taken, not built again; then spliced into
        QCOMPARE(actual->toPlainText(), expected->toPlainText());
        QCOMPARE(actual->toMarkdown(), expected->toMarkdown());
        if (firstDifferentBlock(actual, expected) >= 0)
            explainBlock(actual, expected, firstDifferentBlock(actual, expected));
        QCOMPARE(firstDifferentBlock(actual, expected), -1);
        QCOMPARE(actual->documentMargin(), expected->documentMargin());
        for (const Question &question : Questionnaire::builtIn().questions())
            QCOMPARE(view.hasSection(question.id), here.hasSection(question.id));
    }
    QVERIFY(!view.rendersWhole(text + QStringLiteral("\nMore.\n")));
}

// The check that starts the diagram renderer must not lay out the whole document: it walks
// the blocks in order and stops below the shown area.
void TestPreview::shouldLookForUndrawnFencesOnlyInTheShownArea()
{
    QTextDocument document;
    document.setTextWidth(400);
    QString markdown;
    for (int i = 0; i < 300; ++i)
        markdown += QStringLiteral("Paragraph %1 of the text above the diagram.\n\n").arg(i);
    markdown += QStringLiteral("```mermaid\nflowchart LR\n  a --> b\n```\n");
    document.setMarkdown(markdown);
    QVERIFY(!MermaidFences::undrawnFenceIn(&document, QRectF(0, 0, 400, 300)));
    // Nothing near the end was laid out: its blocks have no lines yet.
    const QTextBlock last = document.lastBlock().previous();
    QCOMPARE(last.layout()->lineCount(), 0);
    QCOMPARE(last.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage), QStringLiteral("mermaid"));
    const QRectF fence = document.documentLayout()->blockBoundingRect(last);
    QVERIFY(fence.top() > 300);
    QVERIFY(MermaidFences::undrawnFenceIn(&document, QRectF(0, fence.top() - 100, 400, 300)));
}

QTEST_MAIN(TestPreview)
#include "tst_preview.moc"
