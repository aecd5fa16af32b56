// What a screen reader gets: on every page of a full walk, every widget the keyboard can
// reach has an accessible name and a description, read through Qt's accessibility layer
// (the interface an assistive technology queries), not from our own properties.
#include "answersfile.h"
#include "mainwindow.h"
#include "wizard.h"
#include "wizardpages.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
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

private Q_SLOTS:
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
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
