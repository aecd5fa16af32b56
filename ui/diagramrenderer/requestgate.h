// Refuses every request of the renderer's page except its own compiled-in files (qrc:), so
// text in a diagram cannot make the page load anything from the network or the disk.
#pragma once

#include <QAtomicInt>
#include <QWebEngineUrlRequestInterceptor>

namespace opsflow {

class RequestGate : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    int refused() const { return m_refused.loadRelaxed(); }

private:
    QAtomicInt m_refused; // interceptRequest runs on WebEngine's IO thread
};

} // namespace opsflow
