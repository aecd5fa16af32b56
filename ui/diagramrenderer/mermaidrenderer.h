// The diagram renderer plugin: mermaid in a hidden Qt WebEngine page, offline (see
// diagramrendererinterface.h for the contract).
#pragma once

#include "diagramrendererinterface.h"

#include <QObject>
#include <QQueue>

class QWebChannel;
class QWebEnginePage;
class QWebEngineProfile;

namespace opsflow {

class RenderBridge;
class RequestGate;

class MermaidRenderer : public QObject, public DiagramRendererInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsFlowDiagramRendererInterface_iid FILE "mermaidrenderer.json")
    Q_INTERFACES(opsflow::DiagramRendererInterface)
public:
    MermaidRenderer();
    ~MermaidRenderer() override;

    QString description() const override;
    void render(const QString &source, bool dark, std::function<void(const DiagramRenderResult &)> done) override;

private:
    struct Request {
        int id = 0;
        QString source;
        bool dark = false;
        std::function<void(const DiagramRenderResult &)> done;
    };

    void start();
    void next();
    void finish(int id, const QString &svg, const QString &error);
    void failAll(const QString &message);

    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    QWebChannel *m_channel = nullptr;
    RenderBridge *m_bridge = nullptr;
    RequestGate *m_gate = nullptr;
    QQueue<Request> m_queue;
    int m_nextId = 1;
    int m_running = 0; // the id the page is drawing, or 0
    bool m_ready = false;
    QString m_broken; // why the page could not load, once it failed
};

} // namespace opsflow
