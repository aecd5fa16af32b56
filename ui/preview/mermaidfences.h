// The mermaid fences of a rendered document: which sources it holds, and replacing the ones
// DiagramDrawer has drawn by their drawings, in place, as GitHub shows them. A fence without
// a drawing (not drawn yet, no renderer, mermaid cannot parse it) stays a code block.
#pragma once

#include <QHash>
#include <QImage>
#include <QRectF>
#include <QStringList>

class QTextDocument;

namespace opsflow {

class DiagramDrawer;

namespace MermaidFences {

// The sources of the ```mermaid fences in `markdown`, in order.
QStringList sourcesIn(const QString &markdown);

// Replaces each drawn fence of `document` (parsed from markdown whose fences hold
// `sources`, without final newlines) by an image named "opsflow-diagram:<sha1 of the SVG>-<width>"
// no wider than `maxWidth`; the images go into `images` by name, at twice that size for
// high-density screens. Returns how many fences were replaced.
int drawInto(QTextDocument *document, const QStringList &sources, const DiagramDrawer &drawer, int maxWidth,
             QHash<QString, QImage> *images);

// How many drawings drawInto() put into `document` (or a document spliced from such).
int drawnIn(QTextDocument *document);

// True when a fence still shown as code intersects `area` (document coordinates).
bool undrawnFenceIn(QTextDocument *document, const QRectF &area);

} // namespace MermaidFences

} // namespace opsflow
