// What one answer edit costs the live preview, against Qt's own markdown rendering of the
// same document, and how long the UI thread is blocked while the user types.
//
// The case is the largest the wizard makes: Enterprise scope, Smart defaults, and 20-row
// retry (7.9.3) and masking (7.9.4) tables. "Rendered" means fully laid out, for both sides.
//
//   bench_preview                          all, with medians and the ratio printed (and the
//                                          UI thread's share of an edit, and a whole rebuild)
//   bench_preview -callgrind editToRendered setMarkdownAlone setMarkdownDetached
//                                          instruction counts (the others measure wall time)
#include "answersmodel.h"
#include "documentview.h"
#include "generation.h"
#include "inertbrowser.h"
#include "previewpane.h"
#include "previewrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include <algorithm>

using namespace opsflow;

namespace {

// Rows of each of the two tables; perf-report.sh sets OPSFLOW_BENCH_TABLE_ROWS=200 to see how
// the cost of an edit grows with them.
const int TableRows = qEnvironmentVariableIsSet("OPSFLOW_BENCH_TABLE_ROWS")
    ? qEnvironmentVariableIntValue("OPSFLOW_BENCH_TABLE_ROWS")
    : 20;
constexpr int Samples = 25;
constexpr int TypedEdits = 100;

AnswerSet enterpriseAnswers()
{
    AnswerSet answers;
    answers.scope = Scope::Enterprise;
    answers.mode = Mode::SmartAutoSuggest;
    QVariantList policies;
    QVariantList masking;
    for (int i = 1; i <= TableRows; ++i) {
        policies.append(QVariantMap{
            {QStringLiteral("service"), QStringLiteral("Dependency %1").arg(i)},
            {QStringLiteral("timeout_ms"), 1000.0 * i},
            {QStringLiteral("retries"), double(i % 4)},
            {QStringLiteral("backoff"), QStringLiteral("Exponential (1s,2s,4s)")},
            {QStringLiteral("notes"), QStringLiteral("Idempotent calls only, row %1").arg(i)},
        });
        masking.append(QVariantMap{
            {QStringLiteral("pattern"), QStringLiteral("field_%1, secret_%1").arg(i)},
            {QStringLiteral("strategy"), QStringLiteral("Show last 4 chars only")},
        });
    }
    answers.answers[QStringLiteral("7.9.3")].insert(QStringLiteral("policies"), policies);
    answers.answers[QStringLiteral("7.9.4")].insert(QStringLiteral("masking"), masking);
    return answers;
}

// QTextDocumentLayout lays out large documents in steps from a timer: ask for the last
// block's position to have all of it done now.
void layOutCompletely(QTextDocument *document)
{
    document->documentLayout()->blockBoundingRect(document->lastBlock());
}

QString operationsOf(const GenerationResult &result)
{
    for (const GeneratedFile &file : result.files) {
        if (file.path == u"docs/operations.md")
            return QString::fromUtf8(file.content);
    }
    return {};
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

class BenchPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editToRendered();
    void setMarkdownAlone();
    void setMarkdownDetached();
    void summary();
    void typingLatency();

private:
    void showDetached();
    // One edit, as the preview handles it: the model changes, the documents are generated,
    // the markdown is rendered, and its source is set and highlighted.
    void editAndRender();
    // A new text of the document after an edit, and showing it: the two halves of
    // editAndRender(), the worker's and the UI thread's.
    QString edited(int sample);
    void showOnUiThread(const QString &text);

    std::unique_ptr<AnswersModel> m_model;
    TemplateSet m_templates = TemplateSet::builtIn();
    std::unique_ptr<DocumentView> m_view;
    std::unique_ptr<InertBrowser> m_baseline;
    int m_edit = 0;
    QString m_finalText;
};

void BenchPreview::initTestCase()
{
    m_model = std::make_unique<AnswersModel>(Questionnaire::builtIn());
    m_model->reset(enterpriseAnswers());
    m_view = std::make_unique<DocumentView>(QStringLiteral("docs/operations.md"), DocumentView::Kind::Markdown,
                                            Questionnaire::builtIn());
    m_view->resize(640, 800);
    m_view->show();
    m_baseline = std::make_unique<InertBrowser>();
    m_baseline->resize(m_view->renderedView()->size());
    m_baseline->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(QTest::qWaitForWindowExposed(m_baseline.get()));
    QCoreApplication::processEvents(); // the highlighter's first (queued) pass

    editAndRender();
    QVERIFY(m_view->text().size() > 20000);
    QVERIFY(m_view->text().contains(QStringLiteral("Dependency %1").arg(TableRows)));
    QVERIFY(m_view->text().contains(QStringLiteral("secret_%1").arg(TableRows)));
    qInfo("docs/operations.md: %lld characters, %d blocks", qint64(m_view->text().size()),
          m_view->renderedView()->document()->blockCount());
}

void BenchPreview::editAndRender()
{
    m_model->setValue(QStringLiteral("7.1"), QStringLiteral("why"),
                      QStringLiteral("The team runs AWS already; edit %1").arg(++m_edit));
    const GenerationResult result = generate(m_model->resolver(), m_templates);
    m_finalText = operationsOf(result);
    m_view->setMode(DocumentView::Mode::Rendered);
    m_view->setText(m_finalText);
    layOutCompletely(m_view->renderedView()->document());
    m_view->setMode(DocumentView::Mode::Source); // set and highlighted now
}

QString BenchPreview::edited(int sample)
{
    m_model->setValue(QStringLiteral("7.1"), QStringLiteral("why"),
                      QStringLiteral("The team runs AWS already; sample %1").arg(sample));
    return operationsOf(generate(m_model->resolver(), m_templates));
}

void BenchPreview::showOnUiThread(const QString &text)
{
    m_view->setMode(DocumentView::Mode::Rendered);
    m_view->setText(text);
    layOutCompletely(m_view->renderedView()->document());
    m_view->setMode(DocumentView::Mode::Source);
}

void BenchPreview::editToRendered()
{
    QBENCHMARK
    {
        editAndRender();
    }
}

void BenchPreview::setMarkdownAlone()
{
    QTextDocument *document = m_baseline->document();
    QBENCHMARK
    {
        document->setMarkdown(m_finalText, QTextDocument::MarkdownDialectGitHub);
        layOutCompletely(document);
    }
}

// Qt's fastest way to show the same text: parse into a document no view lays out yet, then
// show it (what InertBrowser does). The gap to editToRendered is OpsFlow's own cost.
void BenchPreview::setMarkdownDetached()
{
    QBENCHMARK
    {
        showDetached();
    }
}

void BenchPreview::showDetached()
{
    auto *document = new QTextDocument(m_baseline.get());
    document->setUndoRedoEnabled(false);
    document->setMarkdown(m_finalText, QTextDocument::MarkdownDialectGitHub);
    // Whose the old document is must be asked before setDocument(): the view deletes a
    // document its own text control created, which left this pointer dangling.
    QTextDocument *previous = m_baseline->document();
    const bool ours = previous->parent() == m_baseline.get();
    m_baseline->setDocument(document);
    layOutCompletely(document);
    if (ours)
        delete previous;
}

void BenchPreview::summary()
{
    QList<double> edits;
    QList<double> baselines;
    QList<double> detached;
    QList<double> generations;
    QList<double> uiShares;
    QList<double> rebuilds;
    for (int i = 0; i < Samples; ++i) {
        QElapsedTimer timer;
        timer.start();
        editAndRender();
        edits.append(milliseconds(timer));

        // The part of an edit the UI thread does (the worker generates).
        const QString text = edited(i);
        timer.restart();
        showOnUiThread(text);
        uiShares.append(milliseconds(timer));

        // A new document from every section: the first show, a palette change.
        timer.restart();
        m_view->renderedView()->invalidateShownMarkdown();
        showOnUiThread(m_finalText);
        rebuilds.append(milliseconds(timer));

        timer.restart();
        m_baseline->document()->setMarkdown(m_finalText, QTextDocument::MarkdownDialectGitHub);
        layOutCompletely(m_baseline->document());
        baselines.append(milliseconds(timer));

        timer.restart();
        showDetached();
        detached.append(milliseconds(timer));

        timer.restart();
        const GenerationResult result = generate(m_model->resolver(), m_templates);
        generations.append(milliseconds(timer));
        QVERIFY(result.errors.isEmpty());
    }
    const double edit = median(edits);
    const double baseline = median(baselines);
    const double fastest = median(detached);
    qInfo("one edit -> generated, rendered and highlighted: median %7.2f ms", edit);
    qInfo("setMarkdown of the same text alone (shown):     median %7.2f ms  ratio %.2f", baseline, edit / baseline);
    qInfo("setMarkdown detached, then shown:               median %7.2f ms  ratio %.2f", fastest, edit / fastest);
    qInfo("generation alone (runs in the worker):          median %7.2f ms", median(generations));
    qInfo("UI thread's share of an edit (render, highlight): median %7.2f ms", median(uiShares));
    qInfo("whole document rebuilt (first show, palette):   median %7.2f ms", median(rebuilds));
}

// The user types 100 characters (60 ms apart, a pause after every ten, which lets the
// debounce fire); a 1 ms timer on the UI thread measures the longest time it was blocked.
void BenchPreview::typingLatency()
{
    AnswersModel model(Questionnaire::builtIn());
    model.reset(enterpriseAnswers());
    PreviewPane pane(&model);
    pane.resize(640, 800);
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    // The first result may be rendered while the window is being exposed (the worker can be
    // done before the expose event is).
    QVERIFY(rendered.count() > 0 || rendered.wait(10000));
    rendered.clear();

    QElapsedTimer clock;
    qint64 last = -1;
    QList<double> gaps;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            gaps.append(double(now - last) / 1e6);
        last = now;
    });

    QString typed;
    int edits = 0;
    QTimer typist;
    typist.setSingleShot(true);
    connect(&typist, &QTimer::timeout, this, [&] {
        typed += QChar(u'a' + edits % 26);
        model.setValue(QStringLiteral("7.1"), QStringLiteral("why"), typed);
        ++edits;
        if (edits < TypedEdits)
            typist.start(edits % 10 == 0 ? 400 : 60);
    });

    clock.start();
    tick.start();
    typist.start(0);
    QTRY_VERIFY_WITH_TIMEOUT(edits == TypedEdits, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(pane.document(QStringLiteral("docs/operations.md"))->text().contains(typed), 10000);
    QTest::qWait(100); // the layout's last steps
    tick.stop();

    std::sort(gaps.begin(), gaps.end());
    const auto over = std::count_if(gaps.cbegin(), gaps.cend(), [](double gap) { return gap > 50; });
    qInfo("typing %d edits: %lld renders; gaps between 1 ms ticks on the UI thread: longest %.1f ms, "
          "99th percentile %.1f ms, %lld over 50 ms",
          TypedEdits, qint64(rendered.count()), gaps.constLast(), gaps.at(gaps.size() * 99 / 100), qint64(over));
}

QTEST_MAIN(BenchPreview)
#include "bench_preview.moc"
