// English plural forms for the tr(…, n) strings.
#include "plurals.h"

#include <QCoreApplication>
#include <QTranslator>

namespace opsflow {

bool installPlurals()
{
    static QTranslator *installed = nullptr;
    if (installed)
        return true;
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(":/i18n/opsflow_en.qm"))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed = translator;
    return true;
}

} // namespace opsflow
