// The contract between the preview and the optional diagram renderer plugin
// (ui/diagramrenderer, built on Qt WebEngine). Header only: the app never links the plugin,
// it loads it with QPluginLoader when a diagram is first shown (DiagramRendererLoader).
#pragma once

#include <QByteArray>
#include <QString>
#include <QtPlugin>

#include <functional>

namespace opsflow {

struct DiagramRenderResult {
    QByteArray svg; // an SVG that QSvgRenderer draws (no foreignObject, no markers, no CSS)
    QString error;  // mermaid's own message when the source does not parse; else empty
};

class DiagramRendererInterface
{
public:
    virtual ~DiagramRendererInterface() = default;

    // "mermaid 11.17.2 in Qt WebEngine 6.4.2", for the About box and the tab's notes.
    virtual QString description() const = 0;

    // Renders one diagram. `done` is called exactly once, later, on the caller's thread
    // (never from inside render()). Requests are served in order. `dark` picks mermaid's
    // dark theme.
    virtual void render(const QString &source, bool dark, std::function<void(const DiagramRenderResult &)> done) = 0;
};

} // namespace opsflow

#define OpsFlowDiagramRendererInterface_iid "io.github.opsflow.OpsFlow.DiagramRenderer/1"
Q_DECLARE_INTERFACE(opsflow::DiagramRendererInterface, OpsFlowDiagramRendererInterface_iid)
