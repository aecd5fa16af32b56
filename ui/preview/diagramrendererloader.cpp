#include "diagramrendererloader.h"

#include "diagramrendererinterface.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPluginLoader>
#include <QStringList>

namespace opsflow::DiagramRendererLoader {

namespace {

struct State {
    bool tried = false;
    QObject *instance = nullptr;
    DiagramRendererInterface *renderer = nullptr;
    QString whyNot;
};

State &state()
{
    static State s;
    return s;
}

// The renderer's page must go before WebEngine shuts down with the application. Post
// routines run last-registered first, and this one is registered after WebEngine's own.
void unloadRenderer()
{
    State &s = state();
    delete s.instance;
    s.instance = nullptr;
    s.renderer = nullptr;
}

// Loading WebEngine from a plugin makes it warn that Qt::AA_ShareOpenGLContexts was not set
// before the application started. The plugin provides that context itself when it loads
// (see mermaidrenderer.cpp), on purpose: the warning is dropped, everything else passes.
QtMessageHandler previousHandler = nullptr;

void dropShareContextWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Qt 6.4 says the first, Qt 6.8 (which sets the attribute itself, too late) the second.
    if (message.startsWith(QLatin1String("Qt WebEngine seems to be initialized from a plugin."))
        || message.startsWith(QLatin1String("Attribute Qt::AA_ShareOpenGLContexts must be set before")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
    else
        qt_message_output(type, context, message);
}

const char *const pluginFile = "libopsflow-diagramrenderer.so";

// $OPSFLOW_PLUGIN_PATH (the tests), then beside the executable (the build tree), then where
// `cmake --install` and the .deb put it, relative to the executable (so any prefix works).
QStringList searchFolders()
{
    QStringList folders;
    const QString fromEnvironment = qEnvironmentVariable("OPSFLOW_PLUGIN_PATH");
    if (!fromEnvironment.isEmpty())
        folders += fromEnvironment.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    const QDir executable(QCoreApplication::applicationDirPath());
    folders += executable.filePath(QStringLiteral("plugins"));
    folders += QDir::cleanPath(executable.filePath(QStringLiteral(OPSFLOW_PLUGIN_RELATIVE_DIR)));
    return folders;
}

void load(State &s)
{
    if (!QStringLiteral(OPSFLOW_DIAGRAMS_WHY_NOT).isEmpty()) {
        s.whyNot = QCoreApplication::translate("DiagramRendererLoader", "Diagrams are shown as mermaid source: %1.")
                       .arg(QStringLiteral(OPSFLOW_DIAGRAMS_WHY_NOT));
        return;
    }
    const QString path = pluginPath();
    if (path.isEmpty()) {
        s.whyNot = QCoreApplication::translate("DiagramRendererLoader",
                                               "Diagrams are shown as mermaid source: the diagram renderer (%1) is "
                                               "not installed.")
                       .arg(QString::fromLatin1(pluginFile));
        return;
    }
    QPluginLoader loader(path);
    previousHandler = qInstallMessageHandler(dropShareContextWarning);
    QObject *instance = loader.instance();
    qInstallMessageHandler(previousHandler);
    if (auto *renderer = qobject_cast<DiagramRendererInterface *>(instance)) {
        s.instance = instance;
        s.renderer = renderer;
        qAddPostRoutine(unloadRenderer);
        return;
    }
    s.whyNot = QCoreApplication::translate("DiagramRendererLoader",
                                           "Diagrams are shown as mermaid source: the diagram renderer did not load "
                                           "(%1).")
                   .arg(loader.errorString());
}

} // namespace

QString pluginPath()
{
    for (const QString &folder : searchFolders()) {
        QString path = QDir(folder).filePath(QString::fromLatin1(pluginFile));
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

bool built()
{
    return QStringLiteral(OPSFLOW_DIAGRAMS_WHY_NOT).isEmpty();
}

DiagramRendererInterface *renderer()
{
    State &s = state();
    if (!s.tried) {
        s.tried = true;
        load(s);
    }
    return s.renderer;
}

QString whyNot()
{
    renderer();
    return state().whyNot;
}

QString buildDescription()
{
    return QStringLiteral(OPSFLOW_DIAGRAMS);
}

} // namespace opsflow::DiagramRendererLoader
