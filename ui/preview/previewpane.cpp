// The live preview beside the wizard: the three generated documents and the diagrams.
#include "previewpane.h"

#include "answersmodel.h"
#include "diagramdrawer.h"
#include "diagramsview.h"
#include "documentview.h"
#include "previewrenderer.h"
#include "textstyles.h"

#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QPointer>
#include <QStyle>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace opsflow {

namespace {

constexpr int MaxErrorsShown = 3;

} // namespace

PreviewPane::PreviewPane(AnswersModel *model, QWidget *parent)
    : QWidget(parent), m_renderer(new PreviewRenderer(model, TemplateSet::builtIn(), this)),
      m_tabs(new QTabWidget(this)), m_diagrams(new DiagramsView(this)), m_drawer(new DiagramDrawer(this)),
      m_errors(new QLabel(this))
{
    setObjectName(QStringLiteral("previewPane"));
    // Nothing is generated until the pane is first shown.
    m_renderer->setActive(false);

    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setExpanding(false);
    // When the pane is narrow the names shorten ("configur….md") rather than the last tab
    // going behind scroll arrows: every document and the diagrams stay one click away.
    m_tabs->setUsesScrollButtons(false);
    m_tabs->setElideMode(Qt::ElideMiddle);
    m_tabs->tabBar()->setAccessibleDescription(
        tr("The documents OpsFlow will write, and their diagrams; Ctrl+Tab switches between them."));
    const struct {
        const char *path;
        DocumentView::Kind kind;
        QString shortLabel;
    } documents[] = {
        {"docs/operations.md", DocumentView::Kind::Markdown, tr("Operations")},
        {"specs/configuration.md", DocumentView::Kind::Markdown, tr("Config")},
        {".env.example", DocumentView::Kind::DotEnv, tr(".env")},
    };
    for (const auto &spec : documents) {
        const QString path = QString::fromLatin1(spec.path);
        auto *view = new DocumentView(path, spec.kind, model->questionnaire(), m_tabs);
        view->setObjectName(path);
        // The file name alone, so all four tabs fit beside the wizard at the window's usual
        // size (with the folders, Diagrams went behind the tab bar's scroll arrows); the
        // tool tip names the whole path.
        const int index = m_tabs->addTab(view, QFileInfo(path).fileName());
        m_fullLabels.append(QFileInfo(path).fileName());
        m_shortLabels.append(spec.shortLabel);
        m_tabs->setTabToolTip(index, tr("%1, as it will be written").arg(path));
        view->setDrawer(m_drawer);
        connect(view, &DocumentView::questionRequested, this, &PreviewPane::questionRequested);
        connect(view, &DocumentView::documentLinkActivated, this, [this](const QString &path, const QString &anchor) {
            DocumentView *target = this->document(path);
            if (!target)
                return;
            m_tabs->setCurrentWidget(target);
            target->scrollToAnchor(anchor);
        });
        m_documents.append(view);
    }
    m_diagrams->setObjectName(QStringLiteral("diagrams"));
    m_diagrams->setDrawer(m_drawer);
    const int diagramsIndex = m_tabs->addTab(m_diagrams, tr("Diagrams"));
    m_fullLabels.append(tr("Diagrams"));
    m_shortLabels.append(tr("Diagrams"));
    m_tabs->setTabToolTip(diagramsIndex, tr("The mermaid diagrams of docs/operations.md"));

    m_errors->setObjectName(QStringLiteral("templateErrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText); // messages quote template text
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setContentsMargins(6, 4, 6, 4);
    m_errors->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_errors);
    layout->addWidget(m_tabs);

    connect(m_renderer, &PreviewRenderer::resultReady, this, &PreviewPane::apply);
}

QSize PreviewPane::sizeHint() const
{
    const int width = m_tabs->tabBar()->sizeHint().width() + 2 * style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    return {qMax(width, fontMetrics().averageCharWidth() * 60), fontMetrics().height() * 40};
}

DocumentView *PreviewPane::document(const QString &path) const
{
    for (DocumentView *view : m_documents) {
        if (view->path() == path)
            return view;
    }
    return nullptr;
}

void PreviewPane::setProjectFolder(const QString &folder)
{
    m_renderer->setTemplates(folder.isEmpty() ? TemplateSet::builtIn() : TemplateSet::forProject(folder));
}

void PreviewPane::showQuestion(const QString &questionId)
{
    for (DocumentView *view : std::as_const(m_documents))
        view->showQuestion(questionId);
    if (questionId.isEmpty())
        return;
    // The document in front shows the section when it has one; otherwise the first document
    // that does comes to the front. The Diagrams tab is left alone: the user went there.
    auto *current = qobject_cast<DocumentView *>(m_tabs->currentWidget());
    if (!current || current->hasSection(questionId))
        return;
    for (DocumentView *view : std::as_const(m_documents)) {
        if (view->hasSection(questionId)) {
            m_tabs->setCurrentWidget(view);
            return;
        }
    }
}

void PreviewPane::apply(const GenerationResult &result)
{
    m_result = result;
    m_resultPending = true;
    if (isVisible() && !prebuildDocuments())
        showResult();
}

bool PreviewPane::prebuildDocuments()
{
    if (m_prebuilding)
        return true; // the newest result is shown when the documents are built
    QList<QPointer<DocumentView>> views;
    QList<std::function<std::shared_ptr<InertBrowser::Prebuilt>()>> tasks;
    for (const GeneratedFile &file : std::as_const(m_result.files)) {
        DocumentView *view = document(file.path);
        const QString text = QString::fromUtf8(file.content);
        if (view && view->rendersWhole(text)) {
            views.append(view);
            tasks.append(view->prebuildTask(text));
        }
    }
    if (tasks.isEmpty())
        return false;
    m_prebuilding = true;
    using Built = QList<std::shared_ptr<InertBrowser::Prebuilt>>;
    auto *watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, views] {
        watcher->deleteLater();
        m_prebuilding = false;
        const Built built = watcher->result();
        for (int i = 0; i < views.size() && i < built.size(); ++i) {
            if (views.at(i))
                views.at(i)->setPrebuilt(built.at(i));
        }
        if (m_resultPending && isVisible())
            showResult();
    });
    watcher->setFuture(QtConcurrent::run([tasks] {
        Built built;
        for (const auto &task : tasks)
            built.append(task());
        return built;
    }));
    return true;
}

void PreviewPane::showResult()
{
    m_resultPending = false;
    for (const GeneratedFile &file : std::as_const(m_result.files)) {
        if (DocumentView *view = document(file.path))
            view->setText(QString::fromUtf8(file.content));
    }
    m_diagrams->setDiagrams(m_result.diagrams);
    const QString diagrams =
        m_result.diagrams.isEmpty() ? tr("Diagrams") : tr("Diagrams (%1)").arg(m_result.diagrams.size());
    m_fullLabels.last() = diagrams;
    m_shortLabels.last() = diagrams;
    fitTabLabels();
    showErrors();
    m_hasRendered = true;
    Q_EMIT rendered();
}

void PreviewPane::showErrors()
{
    const QList<TemplateError> &errors = m_result.errors;
    if (errors.isEmpty()) {
        m_errors->hide();
        return;
    }
    QStringList lines;
    for (int i = 0; i < errors.size() && i < MaxErrorsShown; ++i)
        lines.append(errors.at(i).toString());
    if (errors.size() > MaxErrorsShown)
        lines.append(tr("… and %n more template error(s)", nullptr, int(errors.size() - MaxErrorsShown)));
    m_errors->setText(lines.join(u'\n'));
    QPalette palette = m_errors->palette();
    palette.setColor(QPalette::WindowText, TextStyles::errorColor(this->palette()));
    m_errors->setPalette(palette);
    m_errors->show();
}

void PreviewPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_resultPending)
        showResult();
    m_renderer->setActive(true);
}

void PreviewPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_renderer->setActive(false);
}

void PreviewPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTabLabels();
}

void PreviewPane::fitTabLabels()
{
    const QTabBar *bar = m_tabs->tabBar();
    const QFontMetrics metrics = bar->fontMetrics();
    // Each tab as wide as QTabBar makes it: the text, the style's padding, then the style's
    // frame around that.
    QStyleOptionTab option;
    option.initFrom(bar);
    option.shape = bar->shape();
    option.documentMode = m_tabs->documentMode();
    const int padding = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, &option, bar);
    const auto fits = [&](const QStringList &labels) {
        int width = 0;
        for (const QString &label : labels) {
            option.text = label;
            const QSize content(metrics.size(Qt::TextShowMnemonic, label).width() + padding, metrics.height());
            width += bar->style()->sizeFromContents(QStyle::CT_TabBarTab, &option, content, bar).width();
        }
        return width <= m_tabs->width();
    };
    const QStringList &labels = fits(m_fullLabels) ? m_fullLabels : m_shortLabels;
    for (int i = 0; i < labels.size() && i < m_tabs->count(); ++i) {
        if (m_tabs->tabText(i) != labels.at(i))
            m_tabs->setTabText(i, labels.at(i));
    }
}

void PreviewPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitTabLabels();
    if (event->type() == QEvent::PaletteChange && m_errors->isVisibleTo(this))
        showErrors();
}

} // namespace opsflow
