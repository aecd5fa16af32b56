// The object the renderer's page sees over QWebChannel: it asks for a diagram with
// renderRequested and answers with finish().
#pragma once

#include <QObject>

namespace opsflow {

class RenderBridge : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void renderRequested(int id, const QString &source, bool dark);
    void ready();
    void finished(int id, const QString &svg, const QString &error);

public Q_SLOTS:
    // Called by the page's script.
    void pageReady() { Q_EMIT ready(); }
    void finish(int id, const QString &svg, const QString &error) { Q_EMIT finished(id, svg, error); }
};

} // namespace opsflow
