// OpsFlow's entry point: the headless commands without a display, the wizard otherwise.
#include "cli.h"
#include "diagramrendererloader.h"
#include "generation.h"
#include "mainwindow.h"
#include "plurals.h"
#include "previewpane.h"
#include "questionnaire.h"
#include "summaryexport.h"
#include "summarypdf.h"
#include "wizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QIcon>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cstring>
#include <thread>

namespace {

bool hasArgument(int argc, char **argv, const char *argument)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], argument) == 0)
            return true;
    }
    return false;
}

// The start-up check ctest runs on the real binary: the window builds, shows and starts
// on the start page with the questionnaire loaded.
int selfTest(opsflow::MainWindow &window)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    window.show();
    QApplication::processEvents();
    const int questions = int(opsflow::Questionnaire::builtIn().questions().size());
    QString failure;
    if (questions == 0)
        failure = QStringLiteral("the built-in questionnaire has no questions");
    else if (!window.isVisible())
        failure = QStringLiteral("the main window is not visible");
    else if (window.wizard()->currentId() != opsflow::Wizard::StartPageId)
        failure =
            QStringLiteral("the wizard did not start on the start page (page %1)").arg(window.wizard()->currentId());
    else if (!window.wizard()->questionPage(opsflow::Questionnaire::builtIn().questions().constLast().id))
        failure = QStringLiteral("the wizard has no page for every question");
    // The preview's first result comes from a worker: wait for it (an event loop, not a
    // sleep), so the check, and the start-up measured with it, always include it.
    opsflow::PreviewPane *preview = window.previewPane();
    if (failure.isEmpty() && preview && !preview->hasRendered()) {
        QEventLoop loop;
        QObject::connect(preview, &opsflow::PreviewPane::rendered, &loop, &QEventLoop::quit);
        QTimer::singleShot(std::chrono::minutes(2), &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (failure.isEmpty() && (!preview || !preview->hasRendered()))
        failure = QStringLiteral("the preview did not show the documents");
    // The diagram renderer is only found, not loaded (that starts WebEngine).
    const QString renderer = opsflow::DiagramRendererLoader::pluginPath();
    if (failure.isEmpty() && opsflow::DiagramRendererLoader::built() && renderer.isEmpty())
        failure = QStringLiteral("this build has a diagram renderer, but it is not installed beside the app");
    if (!failure.isEmpty()) {
        err << "self-test: FAILED: " << failure << Qt::endl;
        return 1;
    }
    out << "diagrams: " << (renderer.isEmpty() ? opsflow::DiagramRendererLoader::buildDescription() : renderer)
        << Qt::endl;
    out << "self-test: ok (" << questions << " questions, preview rendered)" << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (opsflow::cli::isHeadless(argc, argv))
        return opsflow::cli::run(argc, argv);

    const bool selfTesting = hasArgument(argc, argv, "--self-test");
    // The self-test must run where there is no display (CI, a build server).
    if (selfTesting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // The questionnaire and the templates are parsed on a worker while Qt starts (platform
    // plugin, fonts): the first window needs both, and neither needs the GUI. Each is a
    // function-local static, so a use before the worker is done simply waits for it.
    // Qt takes the first thread that touches it as the main thread: this one, before the
    // worker starts. Otherwise the worker could win, and the window would then ignore input
    // ("QApplication was not created in the main() thread").
    QThread::currentThread();
    std::thread warmUp([] {
        opsflow::Questionnaire::builtIn();
        opsflow::TemplateSet::builtIn();
    });
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("OpsFlow"));
    QApplication::setOrganizationName(QStringLiteral("OpsFlow"));
    QApplication::setApplicationVersion(QStringLiteral(OPSFLOW_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.opsflow.OpsFlow"));
    opsflow::installPlurals();
    const QString icon = QStringLiteral(":/icons/io.github.opsflow.OpsFlow.svg");
    if (QFile::exists(icon))
        QApplication::setWindowIcon(QIcon(icon));
    // File → Export Summary draws PDFs with Qt Gui, which the core does not link.
    opsflow::setSummaryPdfWriter(&opsflow::summaryPdf);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Plan operations and deployment (ai-flow phase 7) and write the documents into a project."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QApplication::translate("main", "The project folder to open."),
                                 QStringLiteral("[PATH]"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QApplication::translate("main", "Start the window, check it, print the result and quit."));
    parser.addOption(selfTestOption);
    // Joined before anything can end the process (--help and --version exit here).
    warmUp.join();
    parser.process(app);

    if (parser.isSet(selfTestOption)) {
        // Never read or move the user's own saved answers while checking the build.
        QStandardPaths::setTestModeEnabled(true);
        opsflow::MainWindow window;
        return selfTest(window);
    }

    opsflow::MainWindow window;
    const QStringList paths = parser.positionalArguments();
    if (!paths.isEmpty())
        window.openProject(paths.constFirst());
    window.show();
    return app.exec();
}
