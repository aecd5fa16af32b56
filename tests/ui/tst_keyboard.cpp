// The keyboard, offscreen: Tab stays in a pane, F6 moves between the wizard and the preview,
// every page's Alt+letter keys are unique, and Help → Keyboard Shortcuts lists the menus' keys.
#include "answersfile.h"
#include "focuspanes.h"
#include "inertbrowser.h"
#include "mainwindow.h"
#include "previewpane.h"
#include "userguide.h"
#include "wizard.h"
#include "wizardpages.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower-cased; or null.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_project;

    Wizard *wizard() const { return m_window->wizard(); }

    bool openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        if (!m_window->openProject(m_project->path()))
            return false;
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        return QTest::qWaitForWindowActive(m_window.get());
    }

    bool click(const QString &name) const { return clickButton(m_window.get(), name); }

    bool inPreview(const QWidget *widget) const { return widget && m_window->previewWidget()->isAncestorOf(widget); }

    // The Alt+letter keys a user can press on the current page: the menu bar's, and those of
    // every button and labelled field that is on screen; each with what it belongs to.
    QMultiHash<QChar, QString> visibleMnemonics() const
    {
        QMultiHash<QChar, QString> keys;
        for (QAction *menu : m_window->menuBar()->actions()) {
            if (const QChar key = mnemonicOf(menu->text()); !key.isNull())
                keys.insert(key, QStringLiteral("menu ") + menu->text());
        }
        for (auto *button : m_window->findChildren<QAbstractButton *>()) {
            if (button->isVisible() && button->isEnabled())
                if (const QChar key = mnemonicOf(button->text()); !key.isNull())
                    keys.insert(key, QStringLiteral("button ") + button->text());
        }
        for (auto *label : m_window->findChildren<QLabel *>()) {
            if (label->isVisible() && label->buddy() && label->textFormat() != Qt::RichText)
                if (const QChar key = mnemonicOf(label->text()); !key.isNull())
                    keys.insert(key, QStringLiteral("label ") + label->text());
        }
        return keys;
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

    // Tab from a page's first field reaches Back and Next and wraps, never entering the
    // preview; F6 goes to the preview and back to the field that had the focus.
    void shouldKeepTabInItsPaneAndSwitchPanesWithF6()
    {
        QVERIFY(openWindow());
        QVERIFY(click(QStringLiteral("mode/smart")));
        QVERIFY(click(QStringLiteral("scope/production")));
        while (pageKey(wizard()) != QLatin1String("7.2"))
            QVERIFY(clickNext(wizard()));
        QWidget *first = wizard()->currentPage()->findChild<QWidget *>(QStringLiteral("7.2/choice"));
        QVERIFY(first);
        first->setFocus();
        QWidget *start = QApplication::focusWidget();
        QVERIFY(start && wizard()->isAncestorOf(start));

        bool reachedNext = false;
        bool reachedBack = false;
        bool wrapped = false;
        for (int i = 0; i < 80 && !wrapped; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            QVERIFY2(!inPreview(now), qPrintable(now->objectName()));
            QVERIFY2(wizard()->isAncestorOf(now), qPrintable(now->objectName()));
            reachedNext = reachedNext || now == wizard()->button(QWizard::NextButton);
            reachedBack = reachedBack || now == wizard()->button(QWizard::BackButton);
            wrapped = now == start;
        }
        QVERIFY(reachedBack);
        QVERIFY(reachedNext);
        QVERIFY(wrapped);

        // Shift+Tab from the first field goes backwards to the buttons, not into the preview.
        QTest::keyClick(start, Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(wizard()->isAncestorOf(QApplication::focusWidget()));
        QVERIFY(QApplication::focusWidget() != start);

        start->setFocus();
        QTest::keyClick(start, Qt::Key_F6);
        QVERIFY2(inPreview(QApplication::focusWidget()), qPrintable(QApplication::focusWidget()->objectName()));
        // Tab inside the preview stays there too.
        for (int i = 0; i < 10; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QVERIFY(inPreview(QApplication::focusWidget()));
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        QCOMPARE(QApplication::focusWidget(), start);
        QTest::keyClick(start, Qt::Key_F6, Qt::ShiftModifier);
        QVERIFY(inPreview(QApplication::focusWidget()));
    }

    // The start page's two big buttons are reached by Tab and look different with the focus.
    void shouldMarkTheFocusedStartButton()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QCOMPARE(pageKey(wizard()), QStringLiteral("start"));
        for (const QString &name : {QStringLiteral("openFolder"), QStringLiteral("startWithoutFolder")}) {
            auto *button = m_window->findChild<QAbstractButton *>(name);
            QVERIFY(button);
            wizard()->button(QWizard::NextButton)->setFocus();
            const QImage plain = button->grab().toImage();
            for (int i = 0; i < 10 && QApplication::focusWidget() != button; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), button);
            QVERIFY2(button->grab().toImage() != plain, qPrintable(name));
        }
    }

    // The keys the tool tips name act on the table that has the focus.
    void shouldEditTableRowsWithKeys()
    {
        QVERIFY(openWindow());
        QVERIFY(click(QStringLiteral("mode/smart")));
        QVERIFY(click(QStringLiteral("scope/enterprise")));
        while (pageKey(wizard()) != QLatin1String("7.9.3"))
            QVERIFY(clickNext(wizard()));
        auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("7.9.3/policies/table"));
        QVERIFY(table);
        const int rows = table->rowCount();
        const QString first = table->item(0, 0)->text();
        const QString second = table->item(1, 0)->text();
        table->setFocus();
        table->setCurrentCell(1, 0);
        QTest::keyClick(table, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(table->item(0, 0)->text(), second);
        QCOMPARE(table->item(1, 0)->text(), first);
        QTest::keyClick(table, Qt::Key_Insert);
        QCOMPARE(table->rowCount(), rows + 1);
        if (QApplication::focusWidget() != table) // the new row's first cell may be open for typing
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        table->setFocus();
        table->setCurrentCell(rows, 0);
        QTest::keyClick(table, Qt::Key_Delete, Qt::ControlModifier);
        QCOMPARE(table->rowCount(), rows);
        QVERIFY(m_window->findChild<QAbstractButton *>(QStringLiteral("7.9.3/policies/add"))
                    ->toolTip()
                    .contains(QKeySequence(Qt::Key_Insert).toString(QKeySequence::NativeText)));
    }

    // No Alt+letter does two things on any page of the walk (Alt+F was both File and Finish).
    void shouldGiveEveryPageUniqueMnemonics()
    {
        QVERIFY(openWindow());
        const QStringList pages = walkEnterpriseRun(wizard(), [this] {
            const QMultiHash<QChar, QString> keys = visibleMnemonics();
            for (const QChar key : keys.uniqueKeys()) {
                const QStringList owners = keys.values(key);
                QVERIFY2(owners.size() == 1,
                         qPrintable(pageKey(wizard()) + QStringLiteral(": Alt+") + key + QStringLiteral(" is ")
                                    + owners.join(QStringLiteral(", "))));
            }
        });
        QCOMPARE(pages.last(), QStringLiteral("completion"));
        QVERIFY(pages.contains(QStringLiteral("7.10")));
    }

    // The list is read from the actions, so it cannot name a key the menus do not have.
    void shouldListTheMenusShortcuts()
    {
        QVERIFY(openWindow());
        const QString text = m_window->shortcutsText();
        int listed = 0;
        for (QAction *menu : m_window->menuBar()->actions()) {
            for (QAction *action : menu->menu()->actions()) {
                if (action->shortcut().isEmpty())
                    continue;
                QVERIFY2(text.contains(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped()),
                         qPrintable(action->text()));
                ++listed;
            }
        }
        // Export, F6 and Shift+F6 at least; Open and Quit are the platform's keys, if it has them.
        QVERIFY2(listed >= 3, qPrintable(QString::number(listed)));
        QVERIFY(text.contains(QStringLiteral("View → Next Pane")));
        QVERIFY(text.contains(QLatin1String("<b>F6</b>")));
    }

    // F1 opens the guide shipped with the app, rendered, in one window however often asked.
    void f1ShouldOpenTheUserGuide()
    {
        QVERIFY(openWindow());
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        auto *guide = m_window->findChild<UserGuide *>(QStringLiteral("userGuide"));
        QVERIFY(guide);
        QTRY_VERIFY(guide->isVisible());
        const QString text = guide->view()->toPlainText();
        for (const char *heading : {"A run, step by step", "Scopes", "The answers file",
                                    "Regenerating and your own edits", "The command line"})
            QVERIFY2(text.contains(QLatin1String(heading)), heading);
        // Rendered, not Markdown source.
        QVERIFY(!text.contains(QLatin1String("## ")));
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QCOMPARE(m_window->findChildren<UserGuide *>().size(), 1);
        QVERIFY(m_window->shortcutsText().contains(QStringLiteral("User Guide")));
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
