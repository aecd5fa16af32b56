// Drawings of mermaid diagrams for the preview, from the optional renderer plugin: asked for
// by the views that show diagrams, drawn one at a time in the renderer's own processes (never
// on the UI thread), debounced while the answers change, cached by source and theme. Only
// the latest wanted sources are sent; a drawing that arrives for a source no view shows any
// more is kept in the cache and changes nothing on screen.
#pragma once

#include "diagramrendererinterface.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace opsflow {

class DiagramDrawer : public QObject
{
    Q_OBJECT
public:
    explicit DiagramDrawer(QObject *parent = nullptr);

    // Replaces what `client` wants drawn (its diagrams' sources). Loads the renderer on the
    // first non-empty call; nothing before that touches WebEngine.
    void want(const QObject *client, const QStringList &sources);
    void setDark(bool dark);
    bool dark() const { return m_dark; }

    // True once the renderer is loaded; false before the first want() and where there is none.
    bool active() const { return m_renderer != nullptr; }
    // Why diagrams are shown as sources; empty while a renderer is there (or not yet asked).
    QString whyNot() const { return m_whyNot; }

    // The drawing of `source` in the current theme, when there is one.
    std::optional<DiagramRenderResult> drawing(const QString &source) const;

    // Sources that differ only in final newlines are one diagram (a fence's text has none).
    static QString normalized(const QString &source);

    // How long the answers must be still before drawing starts.
    static constexpr int debounceMs = 250;

Q_SIGNALS:
    // A drawing (or mermaid's error) for `source` (normalized()) in the current theme is ready.
    void drawn(const QString &source);
    // The renderer could not be loaded; whyNot() says why.
    void unavailable();

private:
    QString key(const QString &source) const;
    void drawNext();

    DiagramRendererInterface *m_renderer = nullptr;
    QString m_whyNot;
    bool m_dark = false;
    QHash<const QObject *, QStringList> m_wanted;
    QHash<QString, DiagramRenderResult> m_cache;
    QSet<QString> m_inFlight;
    QTimer m_debounce;
};

} // namespace opsflow
