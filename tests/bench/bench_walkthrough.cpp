// Peak memory of a whole session: the real main window (with its preview) opens a project
// and Next is clicked through every Enterprise page to the summary, as a user would. The
// process's peak RSS is what tests/bench/perf-report.sh reads (GNU time, or the VmHWM line
// printed at the end).
#include "mainwindow.h"
#include "previewpane.h"
#include "wizard.h"

#include <QAbstractButton>
#include <QFile>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "fieldwidget.h"

using namespace opsflow;

namespace {

// Peak resident set size so far, from /proc (kB), or -1.
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class BenchWalkthrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("OpsFlow-bench"));
    }

    void walkEveryEnterprisePage()
    {
        QTemporaryDir project;
        MainWindow window;
        QVERIFY(window.openProject(project.path()));
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Wizard *wizard = window.wizard();

        auto click = [&window](const QString &name) {
            auto *button = window.findChild<QAbstractButton *>(name);
            if (!button || !button->isVisible() || !button->isEnabled())
                return false;
            QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(qMin(8, button->width() / 2), button->height() / 2));
            return true;
        };
        QVERIFY(click(QStringLiteral("mode/smart")));
        QVERIFY(click(QStringLiteral("scope/enterprise")));
        int pages = 1;
        while (wizard->currentId() != Wizard::SummaryPageId) {
            if (wizard->questionIdOf(wizard->currentId()) == QLatin1String("7.1")) {
                QVERIFY(click(QStringLiteral("7.1/choice/A")));
                auto *platform = window.findChild<FieldWidget *>(QStringLiteral("7.1/platform"));
                QVERIFY(platform);
                auto *edit = platform->findChild<QLineEdit *>();
                QVERIFY(edit);
                edit->setFocus();
                QTest::keyClicks(edit, QStringLiteral("AWS ECS"));
            }
            QAbstractButton *next = wizard->button(QWizard::NextButton);
            QVERIFY2(next->isEnabled(),
                     qPrintable(QStringLiteral("Next is disabled on page %1").arg(wizard->currentId())));
            QTest::mouseClick(next, Qt::LeftButton);
            ++pages;
            QTest::qWait(50); // the preview's debounce and render, as between real clicks
        }
        QTest::qWait(1000); // the last preview render lands
        qInfo("walked %d pages to the summary; peak RSS %lld kB (VmHWM)", pages, peakRssKb());
        QVERIFY(pages >= 20);
    }
};

QTEST_MAIN(BenchWalkthrough)
#include "bench_walkthrough.moc"
