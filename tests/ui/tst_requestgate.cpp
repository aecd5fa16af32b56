// The diagram renderer's request gate (ui/diagramrenderer/requestgate.h) refuses what a page
// asks for from outside its own compiled-in files. Shown with a real WebEngine page and a
// local server standing for the network: without the gate the same page reaches the server,
// with it the server sees nothing and the gate counts the refusal.
#include "requestgate.h"

#include <QApplication>
#include <QTcpServer>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>

#include <memory>

#include <unistd.h>

using namespace opsflow;

namespace {

// A page whose image lives on `server`, loading; `finished` is set when the load ends (it
// does not while the server holds the image's request open).
std::unique_ptr<QWebEnginePage> loadPageThatReaches(QWebEngineProfile *profile, const QTcpServer &server,
                                                    bool *finished)
{
    auto page = std::make_unique<QWebEnginePage>(profile);
    QObject::connect(page.get(), &QWebEnginePage::loadFinished, [finished] { *finished = true; });
    page->setHtml(QStringLiteral("<img src=\"http://127.0.0.1:%1/leak.png\">").arg(server.serverPort()),
                  QUrl(QStringLiteral("qrc:///opsflow-diagrams/")));
    return page;
}

} // namespace

class TestRequestGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As the plugin does: Chromium's sandbox will not start as root.
        if (::geteuid() == 0)
            qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    }

    // The control: the page does make the request, so the next test can tell a gate that works.
    void shouldReachTheServerWithoutTheGate()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QWebEngineProfile profile;
        bool finished = false;
        const auto page = loadPageThatReaches(&profile, server, &finished);
        QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 30000);
    }

    void shouldRefuseEveryRequestOutsideThePage()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QWebEngineProfile profile;
        RequestGate gate;
        profile.setUrlRequestInterceptor(&gate);
        bool finished = false;
        const auto page = loadPageThatReaches(&profile, server, &finished);
        // Refused, the image fails at once and the load ends.
        QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
        QVERIFY(gate.refused() > 0);
        QVERIFY(!server.waitForNewConnection(0));
        QVERIFY(!server.hasPendingConnections());
    }
};

// This suite uses WebEngine directly, not through the plugin (which provides the share
// context itself): it asks for the context the usual way, before the application starts.
int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestRequestGate test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_requestgate.moc"
