// Finds and loads the optional diagram renderer plugin (ui/diagramrenderer) the first time a
// diagram is shown, once per process. Where the build or the machine has none, the caller
// shows mermaid sources and whyNot() says why.
#pragma once

#include <QString>

namespace opsflow {

class DiagramRendererInterface;

namespace DiagramRendererLoader {

// The renderer, loading it on the first call; null when there is none.
DiagramRendererInterface *renderer();

// Why renderer() is null, as a sentence for the Diagrams tab; empty when it is not.
QString whyNot();

// What this build draws diagrams with, without loading anything (for the About box).
QString buildDescription();

// True when this build made the renderer plugin.
bool built();

// Where the plugin would be loaded from, without loading it; empty when it is nowhere.
QString pluginPath();

} // namespace DiagramRendererLoader

} // namespace opsflow
