// The diagram renderer plugin (ui/diagramrenderer): every golden case's diagrams are drawn by
// the real mermaid, as SVG that QSvgRenderer draws with the diagrams' own labels in it; a
// diagram that does not parse comes back with mermaid's message; and text in a diagram cannot
// make the page reach the network. Skips, saying why, in a build without the plugin.
#include "diagramcanvas.h"
#include "diagramdrawer.h"
#include "diagramrendererinterface.h"
#include "diagramrendererloader.h"
#include "diagramsview.h"
#include "documentview.h"
#include "inertbrowser.h"
#include "questionnaire.h"

#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QToolButton>

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTcpServer>
#include <QTest>
#include <QXmlStreamReader>
#include <QtMath>

using namespace opsflow;

namespace {

struct Drawing {
    bool done = false;
    DiagramRenderResult result;
};

// Waits for the renderer's answer (it runs in WebEngine's own processes).
DiagramRenderResult draw(DiagramRendererInterface *renderer, const QString &source, bool dark = false)
{
    auto drawing = std::make_shared<Drawing>();
    renderer->render(source, dark, [drawing](const DiagramRenderResult &result) {
        drawing->result = result;
        drawing->done = true;
    });
    if (!QTest::qWaitFor([&] { return drawing->done; }, 60000))
        return DiagramRenderResult{QByteArray(), QStringLiteral("no answer within 60 s")};
    return drawing->result;
}

// The mermaid fences of a document.
QStringList diagramsIn(const QString &markdown)
{
    static const QRegularExpression fence(QStringLiteral("```mermaid\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    QStringList out;
    for (auto it = fence.globalMatch(markdown); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

// The words of the node labels written as id["label"], as mermaid shows them: its entity codes
// (#36; for $) and <br/> line breaks read back, words compared one by one because mermaid
// wraps long labels into lines of their own.
QStringList labelWords(const QString &source)
{
    static const QRegularExpression label(QStringLiteral("\\w\\[\\(?\"([^\"]+)\"\\)?\\]"));
    static const QRegularExpression entity(QStringLiteral("#(\\d+|quot);"));
    QStringList words;
    for (auto it = label.globalMatch(source); it.hasNext();) {
        QString text = it.next().captured(1);
        text.replace(QStringLiteral("<br/>"), QStringLiteral(" "));
        QString decoded;
        qsizetype last = 0;
        for (auto e = entity.globalMatch(text); e.hasNext();) {
            const auto m = e.next();
            const QChar c = m.captured(1) == QLatin1String("quot") ? QChar(u'"') : QChar(m.captured(1).toInt());
            decoded += text.mid(last, m.capturedStart() - last) + c;
            last = m.capturedEnd();
        }
        decoded += text.mid(last);
        words += decoded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return words;
}

// All text of an SVG, one space between text nodes.
QString svgText(const QByteArray &svg)
{
    QXmlStreamReader reader(svg);
    QString text;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::Characters)
            text += reader.text().toString() + QLatin1Char(' ');
    }
    return text;
}

// The elements of an SVG that could make a viewer load something: links, images, scripts,
// and any attribute naming `host`. (Text that merely reads like a link is fine.)
QStringList elementsReaching(const QByteArray &svg, const QString &host)
{
    QXmlStreamReader reader(svg);
    QStringList found;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = reader.name().toString();
        if (name == QLatin1String("a") || name == QLatin1String("image") || name == QLatin1String("script")
            || name == QLatin1String("foreignObject"))
            found.append(name);
        for (const QXmlStreamAttribute &attribute : reader.attributes()) {
            if (attribute.value().contains(host))
                found.append(name + QLatin1Char('@') + attribute.name().toString());
        }
    }
    return found;
}

} // namespace

class TestDiagramRenderer : public QObject
{
    Q_OBJECT

private:
    DiagramRendererInterface *m_renderer = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
#ifndef OPSFLOW_TEST_PLUGIN_DIR
        QSKIP("this build has no diagram renderer: " OPSFLOW_TEST_DIAGRAMS);
#else
        qputenv("OPSFLOW_PLUGIN_PATH", OPSFLOW_TEST_PLUGIN_DIR);
        m_renderer = DiagramRendererLoader::renderer();
        QVERIFY2(m_renderer, qPrintable(DiagramRendererLoader::whyNot()));
        QVERIFY(m_renderer->description().startsWith(QStringLiteral("mermaid 11.")));
#endif
    }

    void shouldDrawEveryGoldenDiagram_data()
    {
        QTest::addColumn<QString>("source");
        QDirIterator cases(QStringLiteral(OPSFLOW_TEST_DATA "/golden"), QDir::Dirs | QDir::NoDotAndDotDot);
        QStringList names;
        while (cases.hasNext())
            names.append(cases.next());
        names.sort();
        for (const QString &folder : std::as_const(names)) {
            QFile file(folder + QStringLiteral("/docs/operations.md"));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QStringList diagrams = diagramsIn(QString::fromUtf8(file.readAll()));
            for (qsizetype i = 0; i < diagrams.size(); ++i)
                QTest::addRow("%s/%lld", qPrintable(QDir(folder).dirName()), qlonglong(i + 1)) << diagrams.at(i);
        }
    }

    void shouldDrawEveryGoldenDiagram()
    {
        QFETCH(QString, source);
        const DiagramRenderResult drawn = draw(m_renderer, source);
        QVERIFY2(drawn.error.isEmpty(), qPrintable(drawn.error));
        // What QSvgRenderer cannot draw is gone.
        QVERIFY(!drawn.svg.contains("foreignObject"));
        QVERIFY(!drawn.svg.contains("<marker"));
        QVERIFY(!drawn.svg.contains("<style"));
        QSvgRenderer svg(drawn.svg);
        QVERIFY(svg.isValid());
        QVERIFY(svg.defaultSize().width() > 50 && svg.defaultSize().height() > 50);
        // Every label's words are drawn.
        // Compared without white space: mermaid breaks lines where it likes.
        const QString text = svgText(drawn.svg).remove(QRegularExpression(QStringLiteral("\\s")));
        const QStringList words = labelWords(source);
        QVERIFY(!words.isEmpty());
        for (const QString &word : words)
            QVERIFY2(text.contains(QString(word).remove(QRegularExpression(QStringLiteral("\\s")))),
                     qPrintable(word + QStringLiteral(" is not in the drawing: ") + text.left(400)));
        // Edges end in arrowheads of their own.
        if (source.contains(QStringLiteral("-->")))
            QVERIFY(drawn.svg.contains("<polygon"));
    }

    void shouldDrawInTheDarkTheme()
    {
        const QString source = QStringLiteral("flowchart LR\n    A[\"Client\"] --> B[\"API\"]\n");
        const DiagramRenderResult light = draw(m_renderer, source, false);
        const DiagramRenderResult dark = draw(m_renderer, source, true);
        QVERIFY(light.error.isEmpty() && dark.error.isEmpty());
        QVERIFY(light.svg != dark.svg);
    }

    void shouldSayWhyADiagramDoesNotParse()
    {
        const DiagramRenderResult drawn = draw(m_renderer, QStringLiteral("flowchart LR\n    A[\"open --> \n"));
        QVERIFY(drawn.svg.isEmpty());
        QVERIFY2(drawn.error.contains(QStringLiteral("Parse error"), Qt::CaseInsensitive), qPrintable(drawn.error));
        // The page goes on drawing after a failure.
        QVERIFY(draw(m_renderer, QStringLiteral("flowchart LR\n    A --> B\n")).error.isEmpty());
    }

    // A local server stands for the network: hostile diagram text tries the ways mermaid
    // has to point at something (an init directive's CSS, HTML in a label, a link, a style);
    // the server sees nothing and the drawing refers to nothing outside itself.
    // (tst_requestgate shows the page's gate refusing a request that does get made.)
    void shouldNotReachTheNetwork()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1/leak").arg(server.serverPort());
        const QStringList hostile = {
            QStringLiteral(
                "%%{init: {\"themeCSS\": \"@import url('%1/css'); .node { background: url('%1/bg'); }\"}}%%\n"
                "flowchart LR\n    A --> B\n")
                .arg(url),
            QStringLiteral("flowchart LR\n    A[\"<img src='%1/img'>\"] --> B\n    click A href \"%1/click\"\n")
                .arg(url),
            QStringLiteral("flowchart LR\n    A[\"<a href='%1/a'>x</a><image href='%1/i'/>\"] --> B\n").arg(url),
        };
        for (const QString &source : hostile) {
            const DiagramRenderResult drawn = draw(m_renderer, source);
            QVERIFY2(drawn.error.isEmpty(), qPrintable(drawn.error));
            QCOMPARE(elementsReaching(drawn.svg, QStringLiteral("127.0.0.1")), QStringList());
        }
        // A further round trip through the page, then the server is asked.
        QVERIFY(draw(m_renderer, QStringLiteral("flowchart LR\n    A --> B\n")).error.isEmpty());
        QVERIFY(!server.waitForNewConnection(0));
        QVERIFY(!server.hasPendingConnections());
    }

    // The Diagrams tab with the renderer: a diagram is drawn (source hidden until asked for),
    // one that does not parse shows mermaid's message and its source, zoom works, and both
    // export formats write what is drawn.
    void viewShouldDrawZoomAndSave()
    {
        DiagramDrawer drawer;
        DiagramsView view;
        view.setDrawer(&drawer);
        view.resize(600, 800);
        view.setDiagrams({Diagram{QStringLiteral("system_architecture"), QStringLiteral("System Architecture"),
                                  QStringLiteral("flowchart LR\n    A[\"Client\"] --> B[\"API\"]\n")},
                          Diagram{QStringLiteral("data_flow"), QStringLiteral("Data Flow"),
                                  QStringLiteral("flowchart LR\n    A[\"open --> \n")}});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QList<DiagramCanvas *> canvases = view.canvases();
        const QList<QPlainTextEdit *> sources = view.sourceViews();
        const auto statuses = view.findChildren<QLabel *>(QStringLiteral("diagramStatus"));
        QCOMPARE(canvases.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(canvases.at(0)->isVisible(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(statuses.at(1)->text().contains(QStringLiteral("Parse error")), 60000);
        QVERIFY(!sources.at(0)->isVisible());
        QVERIFY(sources.at(1)->isVisible() && !canvases.at(1)->isVisible());
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("diagramNote"))->isVisible());

        // "Source" shows the drawn diagram's source under it.
        const auto sourceButtons = view.findChildren<QToolButton *>(QStringLiteral("sourceButton"));
        sourceButtons.at(0)->click();
        QVERIFY(sources.at(0)->isVisible());

        // Fit never enlarges; zooming in doubles as asked.
        DiagramCanvas *canvas = canvases.at(0);
        QCOMPARE(canvas->zoom(), qreal(0));
        QVERIFY(canvas->effectiveZoom() <= 1);
        canvas->setZoom(2);
        QCOMPARE(canvas->effectiveZoom(), qreal(2));
        QCOMPARE(canvas->heightForWidth(10), qCeil(canvas->drawingSize().height() * 2.0));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY2(view.saveDiagram(0, dir.filePath(QStringLiteral("a.svg")), DiagramsView::Format::Svg, &error),
                 qPrintable(error));
        QFile svg(dir.filePath(QStringLiteral("a.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QCOMPARE(svg.readAll(), canvas->svg());
        QVERIFY2(view.saveDiagram(0, dir.filePath(QStringLiteral("a.png")), DiagramsView::Format::Png, &error),
                 qPrintable(error));
        const QImage png(dir.filePath(QStringLiteral("a.png")));
        QCOMPARE(png.size(), canvas->drawingSize() * 2);
        // A diagram that was not drawn, and a folder that does not exist: a clear no.
        QVERIFY(!view.saveDiagram(1, dir.filePath(QStringLiteral("b.svg")), DiagramsView::Format::Svg, &error));
        QCOMPARE(error, QStringLiteral("The diagram has not been drawn."));
        QVERIFY(!view.saveDiagram(0, dir.filePath(QStringLiteral("missing/a.svg")), DiagramsView::Format::Svg, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing/a.svg"))));
    }

    // Edits in a burst are drawn once they settle, and only the latest sources are drawn.
    void drawerShouldDrawOnlyWhatIsStillWanted()
    {
        DiagramDrawer drawer;
        QObject client;
        QStringList drawn;
        connect(&drawer, &DiagramDrawer::drawn, &drawer, [&drawn](const QString &source) { drawn.append(source); });
        for (int i = 1; i <= 5; ++i)
            drawer.want(&client, {QStringLiteral("flowchart LR\n    A --> B%1\n").arg(i)});
        const QString last = QStringLiteral("flowchart LR\n    A --> B5\n");
        QTRY_VERIFY_WITH_TIMEOUT(drawer.drawing(last).has_value(), 60000);
        QCOMPARE(drawn, QStringList{DiagramDrawer::normalized(last)});
        // Cached: asking again draws nothing new.
        drawer.want(&client, {last});
        QVERIFY(drawer.drawing(last).has_value());
        // The other theme is a drawing of its own.
        drawer.setDark(true);
        QVERIFY(!drawer.drawing(last).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(drawer.drawing(last).has_value(), 60000);
        QCOMPARE(drawn.size(), 2);
    }

    // The rendered document shows each drawable fence as its drawing, in place; reading the
    // top of the document does not start the renderer, scrolling to a fence does.
    void documentShouldDrawItsFencesOnceInView()
    {
        QString markdown = QStringLiteral("# Operations\n\n");
        for (int i = 0; i < 80; ++i)
            markdown += QStringLiteral("Paragraph %1 of the text above the diagrams.\n\n").arg(i);
        // A wide diagram (six boxes in a row): it must shrink to the view.
        markdown += QStringLiteral(
            "## Diagrams\n\n```mermaid\nflowchart LR\n    A[\"Client one\"] --> B[\"API server two\"] --> "
            "C[\"Queue three\"] --> D[\"Worker four\"] --> E[\"Database five\"] --> "
            "F[\"Backups six\"]\n```\n\n"
            "```mermaid\nflowchart LR\n    A[\"open --> \n```\n");
        DiagramDrawer drawer;
        DocumentView view(QStringLiteral("docs/operations.md"), DocumentView::Kind::Markdown, Questionnaire::builtIn());
        view.setDrawer(&drawer);
        view.resize(600, 400);
        view.setText(markdown);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!drawer.active());
        QCOMPARE(view.drawnDiagrams(), 0);

        QScrollBar *bar = view.renderedView()->verticalScrollBar();
        bar->setValue(bar->maximum());
        QVERIFY(drawer.active());
        QTRY_COMPARE_WITH_TIMEOUT(view.drawnDiagrams(), 1, 60000);
        // The broken fence is answered too, and stays code.
        QTRY_VERIFY_WITH_TIMEOUT(drawer.drawing(QStringLiteral("flowchart LR\n    A[\"open --> ")).has_value(), 60000);
        QCOMPARE(view.drawnDiagrams(), 1);
        QVERIFY(view.renderedView()->toPlainText().contains(QStringLiteral("open -->")));
        QVERIFY(!view.renderedView()->toPlainText().contains(QStringLiteral("A[\"Client one\"]")));
        // No wider than the view, before and after the view narrows.
        QScrollBar *sideways = view.renderedView()->horizontalScrollBar();
        QCOMPARE(sideways->maximum(), 0);
        view.resize(380, 400);
        QTRY_COMPARE(sideways->maximum(), 0);
        QCOMPARE(view.drawnDiagrams(), 1);
        // The drawing is the view's own image, not a refused request.
        QCOMPARE(view.renderedView()->resourceRequests(), 0);
    }
};

// No Qt::AA_ShareOpenGLContexts here, as in the app: the plugin provides WebEngine's share
// context itself when it loads.
QTEST_MAIN(TestDiagramRenderer)
#include "tst_diagramrenderer.moc"
