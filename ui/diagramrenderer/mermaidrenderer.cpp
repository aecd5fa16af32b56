#include "mermaidrenderer.h"

#include "renderbridge.h"
#include "requestgate.h"

#include <QCoreApplication>
#include <QOpenGLContext>
#include <QTimer>
#include <QUrl>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

#include <unistd.h>

// QtGui's setter of the global share context: exported, but not in its public headers.
QT_BEGIN_NAMESPACE
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext *context);
QT_END_NAMESPACE

namespace opsflow {

namespace {

QOpenGLContext *shareContext = nullptr;

void deleteShareContext()
{
    delete shareContext;
    shareContext = nullptr;
}

// WebEngine needs a global OpenGL share context. The usual way is
// Qt::AA_ShareOpenGLContexts before the application starts, but that makes every start of
// OpsFlow create one (70% longer and 57 MiB more under Xvfb), for a renderer most runs
// never load. So the plugin makes it when it loads, as QtWebEngineQuick::initialize() does.
// Where no context can be made (offscreen) WebEngine draws without the GPU, which the
// hidden page does anyway.
void provideShareContext()
{
    if (QOpenGLContext::globalShareContext())
        return;
    shareContext = new QOpenGLContext;
    shareContext->setFormat(QSurfaceFormat::defaultFormat());
    shareContext->create();
    qt_gl_set_global_share_context(shareContext);
    qAddPostRoutine(deleteShareContext);
}

// Chromium will not start its sandbox as root (CI, containers). The page loads nothing but
// its own files, so there it runs unsandboxed rather than not at all; a user's normal
// account keeps the sandbox. Must happen before WebEngine starts.
void allowRootWithoutSandbox()
{
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
}

} // namespace

MermaidRenderer::MermaidRenderer()
{
    allowRootWithoutSandbox();
    provideShareContext();
    // Off the record: no cache, cookies or storage on disk.
    m_profile = new QWebEngineProfile(this);
    m_gate = new RequestGate(m_profile);
    m_profile->setUrlRequestInterceptor(m_gate);
    m_page = new QWebEnginePage(m_profile, this);
    QWebEngineSettings *settings = m_page->settings();
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadImages, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);

    m_bridge = new RenderBridge(this);
    m_channel = new QWebChannel(this);
    m_channel->registerObject(QStringLiteral("bridge"), m_bridge);
    m_page->setWebChannel(m_channel);
    connect(m_bridge, &RenderBridge::ready, this, [this] {
        m_ready = true;
        next();
    });
    connect(m_bridge, &RenderBridge::finished, this, &MermaidRenderer::finish);
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (!ok)
            failAll(tr("The diagram page did not load."));
    });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus, int code) {
                failAll(tr("The diagram renderer stopped (exit code %1).").arg(code));
            });
    m_page->load(QUrl(QStringLiteral("qrc:///opsflow-diagrams/render.html")));
}

MermaidRenderer::~MermaidRenderer()
{
    // The page goes before its profile (WebEngine warns otherwise).
    delete m_page;
    m_page = nullptr;
}

QString MermaidRenderer::description() const
{
    return tr("mermaid %1 in Qt WebEngine %2")
        .arg(QStringLiteral(OPSFLOW_MERMAID_VERSION), QString::fromLatin1(qVersion()));
}

void MermaidRenderer::render(const QString &source, bool dark, std::function<void(const DiagramRenderResult &)> done)
{
    m_queue.enqueue(Request{m_nextId++, source, dark, std::move(done)});
    if (!m_broken.isEmpty()) {
        // Still later, never from inside render().
        QTimer::singleShot(0, this, [this] { failAll(m_broken); });
        return;
    }
    next();
}

void MermaidRenderer::next()
{
    if (!m_ready || m_running != 0 || m_queue.isEmpty())
        return;
    const Request &request = m_queue.head();
    m_running = request.id;
    Q_EMIT m_bridge->renderRequested(request.id, request.source, request.dark);
}

void MermaidRenderer::finish(int id, const QString &svg, const QString &error)
{
    if (id != m_running || m_queue.isEmpty() || m_queue.head().id != id)
        return;
    const Request request = m_queue.dequeue();
    m_running = 0;
    DiagramRenderResult result;
    result.svg = svg.toUtf8();
    result.error = error;
    if (result.svg.isEmpty() && result.error.isEmpty())
        result.error = tr("mermaid drew nothing.");
    request.done(result);
    next();
}

void MermaidRenderer::failAll(const QString &message)
{
    m_broken = message;
    m_ready = false;
    m_running = 0;
    const QQueue<Request> queue = std::exchange(m_queue, {});
    for (const Request &request : queue)
        request.done(DiagramRenderResult{QByteArray(), message});
}

} // namespace opsflow
