// What a screen reader gets: on every page of a full walk, every widget the keyboard can
// reach has an accessible name and a description, read through Qt's accessibility layer
// (the interface an assistive technology queries), not from our own properties.
#include "answersfile.h"
#include "mainwindow.h"
#include "testfiles.h"
#include "windowgeometry.h"
#include "wizard.h"
#include "wizardpages.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace opsflow;
using namespace opsflow::testing;

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_project;

    Wizard *wizard() const { return m_window->wizard(); }

    // "objectName (class): what is missing" for each reachable widget that lacks a name or a
    // description.
    QStringList gapsOnScreen() const
    {
        QStringList gaps;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if ((widget->focusPolicy() & Qt::TabFocus) != Qt::TabFocus || widget->focusProxy() || !widget->isVisible())
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
            if (!iface)
                continue;
            // A tab bar is read tab by tab: each tab needs the words, the bar has none of its own.
            QList<QAccessibleInterface *> spoken{iface};
            if (iface->role() == QAccessible::PageTabList) {
                spoken.clear();
                for (int i = 0; i < iface->childCount(); ++i) {
                    if (iface->child(i)->role() == QAccessible::PageTab)
                        spoken << iface->child(i);
                }
            }
            QStringList missing;
            for (QAccessibleInterface *part : std::as_const(spoken)) {
                if (part->text(QAccessible::Name).trimmed().isEmpty())
                    missing << QStringLiteral("name");
                if (part->text(QAccessible::Description).trimmed().isEmpty())
                    missing << QStringLiteral("description");
            }
            missing.removeDuplicates();
            if (!missing.isEmpty())
                gaps << QStringLiteral("%1 (%2): %3")
                            .arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()),
                                 missing.join(QStringLiteral(", ")));
        }
        return gaps;
    }

    // What a page cuts off: for each scroll area that shows no horizontal scroll bar and
    // whose content is wider than it, the widgets that cannot shrink to fit, which make it so
    // ("objectName (class) 'text': needs 612 of 540").
    QStringList clippedOnScreen() const
    {
        QStringList clipped;
        QWidget *page = wizard()->currentPage();
        // A wrapped text squeezed below the height its lines need shows only its first lines:
        // on the page, and in the wizard's header (the page's subtitle).
        for (QLabel *label : wizard()->findChildren<QLabel *>()) {
            if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty())
                continue;
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height() + 1)
                clipped << QStringLiteral("%1 (QLabel) '%2': %3 px high, its lines need %4")
                               .arg(label->objectName(), label->text().left(50))
                               .arg(label->height())
                               .arg(needed);
        }
        for (QScrollArea *area : page->findChildren<QScrollArea *>()) {
            QWidget *content = area->widget();
            if (!area->isVisible() || !content || area->horizontalScrollBar()->isVisible())
                continue;
            const int room = area->viewport()->width();
            if (content->width() <= room)
                continue;
            for (QWidget *child : content->findChildren<QWidget *>()) {
                if (!child->isVisible() || !child->findChildren<QWidget *>(Qt::FindDirectChildrenOnly).isEmpty())
                    continue;
                const int right = child->mapTo(content, QPoint(0, 0)).x() + child->minimumSizeHint().width();
                if (right <= room)
                    continue;
                QString text;
                if (auto *label = qobject_cast<QLabel *>(child))
                    text = label->text();
                else if (auto *button = qobject_cast<QAbstractButton *>(child))
                    text = button->text();
                clipped << QStringLiteral("%1 (%2) '%3': needs %4 of %5")
                               .arg(child->objectName(), QString::fromLatin1(child->metaObject()->className()),
                                    text.left(50))
                               .arg(right)
                               .arg(room);
            }
        }
        return clipped;
    }

private:
    std::unique_ptr<QTemporaryDir> m_settings;

private Q_SLOTS:
    // The recent-projects list the tests fill must not reach the user's settings, nor a
    // later run of this test (a run stopped before cleanup would leave its folder listed).
    void initTestCase()
    {
        m_settings = std::make_unique<QTemporaryDir>();
        QVERIFY(m_settings->isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings->path());
        // One recent project, so that the start page's list is shown and walked too.
        QSettings().setValue(QStringLiteral("recentProjects"), QStringList{m_settings->path()});
    }

    void init()
    {
        QFile::remove(AnswersFile::pathForProject(QString()));
        m_project = std::make_unique<QTemporaryDir>();
        QVERIFY(m_project->isValid());
    }

    void cleanup()
    {
        m_window.reset();
        m_project.reset();
    }

    void shouldNameAndDescribeEveryReachableWidget()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QStringList problems;
        const auto check = [&] {
            for (const QString &gap : gapsOnScreen())
                problems << pageKey(wizard()) + QStringLiteral(": ") + gap;
        };
        check(); // the start page, before any folder
        QVERIFY(m_window->openProject(m_project->path()));
        const QStringList pages = walkEnterpriseRun(wizard(), check);
        QCOMPARE(pages.last(), QStringLiteral("completion"));
        problems.removeDuplicates();
        // One line each: Qt Test cuts a long failure message short.
        for (const QString &problem : std::as_const(problems))
            qWarning().noquote() << "gap:" << problem;
        QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + QStringLiteral(" gaps")));
    }

    // A small screen and a larger font: on every page of a full run (pre-flight with
    // documents, every question, the summary, generate and completion) nothing is cut off at
    // the right; what does not fit wraps or scrolls. The window stays within the screen.
    void shouldCutNothingOffOnASmallScreenWithALargeFont()
    {
        const QFont font = QApplication::font();
        QFont large = font;
        large.setPointSizeF(qMax(font.pointSizeF(), 9.0) * 1.25);
        QApplication::setFont(large);
        const auto restoreFont = qScopeGuard([font] { QApplication::setFont(font); });
        const QString folder = m_project->filePath(QStringLiteral("project"));
        QVERIFY(copyTree(fixture("aiflow-b"), folder));

        m_window = std::make_unique<MainWindow>();
        const QRect screen(0, 0, 1024, 700);
        m_window->resize(firstWindowSize(screen, m_window->minimumSizeHint()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QStringList problems;
        int wizardWidth = -1;
        const auto check = [&] {
            if (pageKey(wizard()) == QLatin1String("preflight"))
                clickButton(wizard(), QStringLiteral("preflight/answerAll"));
            QCoreApplication::processEvents();
            for (const QString &cut : clippedOnScreen())
                problems << pageKey(wizard()) + QStringLiteral(": ") + cut;
            // Back and Next stay where they were: no page widens the wizard and moves the splitter.
            if (wizardWidth < 0)
                wizardWidth = wizard()->width();
            else if (wizard()->width() != wizardWidth)
                problems << pageKey(wizard())
                        + QStringLiteral(": the wizard is %1 px wide, not %2").arg(wizard()->width()).arg(wizardWidth);
            if (m_window->width() > screen.width() || m_window->height() > screen.height())
                problems << pageKey(wizard())
                        + QStringLiteral(": the window grew to %1x%2").arg(m_window->width()).arg(m_window->height());
        };
        QCOMPARE(pageKey(wizard()), QStringLiteral("start"));
        check();
        QVERIFY(m_window->openProject(folder));
        const QStringList pages = walkEnterpriseRun(wizard(), check);
        QCOMPARE(pages.last(), QStringLiteral("completion"));
        QVERIFY(pages.contains(QStringLiteral("preflight")));
        QVERIFY(pages.contains(QStringLiteral("7.9.3")));
        problems.removeDuplicates();
        for (const QString &problem : std::as_const(problems))
            qWarning().noquote() << "cut:" << problem;
        QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + QStringLiteral(" cut off")));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
