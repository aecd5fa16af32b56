// The baseline for OpsFlow's start-up: a bare QApplication with a one-page QWizard that quits
// as soon as the page is shown, started the way `opsflow --self-test` starts the real window.
#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>
#include <QWizardPage>

#include <cstdio>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QWizard wizard;
    auto *page = new QWizardPage;
    page->setTitle(QStringLiteral("Start"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(QStringLiteral("Open a project folder, or start without one.")));
    wizard.addPage(page);
    wizard.resize(1100, 720);
    wizard.show();
    QApplication::processEvents();
    if (!wizard.isVisible() || wizard.currentPage() != page)
        return 1;
    std::printf("bare wizard: shown\n");
    return 0;
}
