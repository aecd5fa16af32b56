#include "requestgate.h"

namespace opsflow {

void RequestGate::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    if (info.requestUrl().scheme() == QLatin1String("qrc"))
        return;
    info.block(true);
    m_refused.ref();
}

} // namespace opsflow
