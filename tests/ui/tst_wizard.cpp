// Walks the real wizard offscreen: page order per scope, conditions, validation, autosave.
#include "answersfile.h"
#include "answersmodel.h"
#include "autosaver.h"
#include "commandlink.h"
#include "contextpage.h"
#include "fieldrow.h"
#include "fieldwidget.h"
#include "issuelabel.h"
#include "mainwindow.h"
#include "previewpane.h"
#include "questionpage.h"
#include "summary.h"
#include "testfiles.h"
#include "windowgeometry.h"
#include "wizard.h"
#include "wizardpages.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

const QStringList allQuestions = {QStringLiteral("7.1"),   QStringLiteral("7.2"),   QStringLiteral("7.3"),
                                  QStringLiteral("7.4"),   QStringLiteral("7.4.1"), QStringLiteral("7.5"),
                                  QStringLiteral("7.6"),   QStringLiteral("7.7"),   QStringLiteral("7.7.1"),
                                  QStringLiteral("7.7.2"), QStringLiteral("7.8"),   QStringLiteral("7.9"),
                                  QStringLiteral("7.9.1"), QStringLiteral("7.9.2"), QStringLiteral("7.9.3"),
                                  QStringLiteral("7.9.4"), QStringLiteral("7.10")};

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_project;

    Wizard *wizard() const { return m_window->wizard(); }
    AnswersModel *model() const { return m_window->answersModel(); }

    // The preview beside the wizard is tested in tst_preview; here it is hidden (it then
    // renders nothing).
    bool openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->previewWidget()->hide();
        if (!m_window->openProject(m_project->path()))
            return false;
        m_window->show();
        // Active, so focus moves (leaving a field shows its messages) happen as for a user.
        QApplication::setActiveWindow(m_window.get());
        return QTest::qWaitForWindowActive(m_window.get());
    }

    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    // The editor of a field's widget, e.g. the line edit inside "7.1/platform".
    template<typename T>
    T *editorOf(const QString &name) const
    {
        auto *field = find<FieldWidget>(name);
        return field ? field->findChild<T *>() : nullptr;
    }

    bool click(const QString &name) const
    {
        auto *button = find<QAbstractButton>(name);
        if (!button || !button->isVisible() || !button->isEnabled())
            return false;
        // Near the left edge: a radio button only reacts on its indicator and text, and a
        // layout may stretch it far wider than that.
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(qMin(8, button->width() / 2), button->height() / 2));
        return true;
    }

    bool clickNext() const { return testing::clickNext(wizard()); }

    bool isNextEnabled() const { return wizard()->button(QWizard::NextButton)->isEnabled(); }

    void typeInto(QLineEdit *edit, const QString &text) const
    {
        edit->setFocus();
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
    }

    // From the start page (or the mode page an opened project lands on): mode and scope,
    // then Next until the page of `target`.
    bool walkTo(const QString &mode, const QString &scope, const QString &target)
    {
        if (pageKey(wizard()) == QLatin1String("start") && !clickNext())
            return false;
        if (!click(QStringLiteral("mode/") + mode) || !click(QStringLiteral("scope/") + scope))
            return false;
        return nextUntil(target);
    }

    bool nextUntil(const QString &target) const
    {
        while (pageKey(wizard()) != target) {
            if (pageKey(wizard()) == QLatin1String("summary") || !clickNext())
                return false;
        }
        return true;
    }

    // Labels and buttons on `page` whose text does not fit: narrower than their text, or
    // reaching past the right edge of the scroll area or page that holds them when that
    // area shows no horizontal scroll bar. Text the user cannot read at this size.
    static QStringList clippedTexts(QWidget *page)
    {
        QStringList found;
        const auto check = [&](QWidget *w, const QString &text, bool wraps) {
            if (!w->isVisibleTo(page) || text.isEmpty())
                return;
            QWidget *frame = page;
            for (QWidget *p = w->parentWidget(); p && p != page; p = p->parentWidget()) {
                if (auto *area = qobject_cast<QAbstractScrollArea *>(p)) {
                    if (area->horizontalScrollBar()->isVisible())
                        return;
                    frame = area->viewport();
                    break;
                }
            }
            const int needed = wraps ? w->minimumSizeHint().width() : w->sizeHint().width();
            const int right = w->mapTo(frame, QPoint(qMin(w->width(), needed), 0)).x();
            if (w->width() < needed || right > frame->width())
                found << QStringLiteral("\"%1\" needs %2 px, shows %3 of them")
                             .arg(text.left(40))
                             .arg(needed)
                             .arg(qMin(w->width(), needed) - qMax(0, right - frame->width()));
        };
        for (QLabel *label : page->findChildren<QLabel *>())
            check(label, label->text(), label->wordWrap());
        for (QAbstractButton *button : page->findChildren<QAbstractButton *>())
            check(button, button->text(), false);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("OpsFlow-tests"));
    }

    // The start page's command links remember their height per width; what they remember must
    // be what Qt measures, and must follow a new description or font.
    void commandLinkHeightFollowsTextAndFont()
    {
        CommandLink link(QStringLiteral("Open"), QStringLiteral("Short."));
        QCommandLinkButton plain(QStringLiteral("Open"), QStringLiteral("Short."));
        for (const int width : {160, 320, 640})
            QCOMPARE(link.heightForWidth(width), plain.heightForWidth(width));
        const QString longer = QStringLiteral("A description long enough to wrap onto several lines at a "
                                              "narrow width, so that its height depends on the width.");
        const int before = link.heightForWidth(160);
        link.setDescription(longer);
        plain.setDescription(longer);
        QCOMPARE(link.heightForWidth(160), plain.heightForWidth(160));
        QVERIFY(link.heightForWidth(160) > before);
        QFont larger = link.font();
        larger.setPointSizeF(larger.pointSizeF() * 2);
        const int small = link.heightForWidth(320);
        link.setFont(larger);
        plain.setFont(larger);
        QCOMPARE(link.heightForWidth(320), plain.heightForWidth(320));
        QVERIFY(link.heightForWidth(320) > small);
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

    void shouldWalkThePagesOfTheScope_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QStringList>("pages");
        // An opened project starts on the mode page; a folder has a pre-flight check.
        const QStringList head = {QStringLiteral("mode"), QStringLiteral("context"), QStringLiteral("preflight")};
        QTest::newRow("mvp") << QStringLiteral("mvp")
                             << head + allQuestions.mid(0, 4) + QStringList{QStringLiteral("summary")};
        QTest::newRow("production") << QStringLiteral("production")
                                    << head + allQuestions + QStringList{QStringLiteral("summary")};
        QTest::newRow("enterprise") << QStringLiteral("enterprise")
                                    << head + allQuestions + QStringList{QStringLiteral("summary")};
    }

    void shouldWalkThePagesOfTheScope()
    {
        QFETCH(QString, scope);
        QFETCH(QStringList, pages);
        QVERIFY(openWindow());

        QStringList seen{pageKey(wizard())};
        QVERIFY(click(QStringLiteral("mode/smart")));
        QVERIFY(click(QStringLiteral("scope/") + scope));
        while (pageKey(wizard()) != QLatin1String("summary")) {
            if (pageKey(wizard()) == QLatin1String("7.1")) {
                QVERIFY(click(QStringLiteral("7.1/choice/B")));
                typeInto(editorOf<QLineEdit>(QStringLiteral("7.1/platform")), QStringLiteral("Fly.io"));
            }
            QVERIFY2(clickNext(), qPrintable(QStringLiteral("Next is disabled on ") + pageKey(wizard())));
            seen.append(pageKey(wizard()));
        }
        QCOMPARE(seen, pages);

        // "Is this correct?" Yes leads on to the generate step, which saves the answers.
        QVERIFY(!isNextEnabled());
        QVERIFY(click(QStringLiteral("summary/yes")));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("generate"));
        QVERIFY(!isNextEnabled());
        QVERIFY(click(QStringLiteral("generate/write")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("completion"));
        QAbstractButton *finish = wizard()->button(QWizard::FinishButton);
        QVERIFY(finish->isVisible() && finish->isEnabled());
        QTest::mouseClick(finish, Qt::LeftButton);
        QVERIFY(wizard()->isVisible()); // Finish must not close the embedded wizard
        for (const QString &file : {QStringLiteral("docs/operations.md"), QStringLiteral("specs/configuration.md"),
                                    QStringLiteral(".env.example")})
            QVERIFY2(QFile::exists(QDir(m_project->path()).filePath(file)), qPrintable(file));

        const QString path = QDir(m_project->path()).filePath(QStringLiteral(".ai-flow/answers/phase7.json"));
        QCOMPARE(m_window->answersPath(), path);
        QVERIFY(!m_window->autoSaver()->isDirty());
        const QJsonObject saved = readJson(path);
        QCOMPARE(saved.value(QLatin1String("format")).toString(), QStringLiteral("opsflow-answers"));
        QCOMPARE(saved.value(QLatin1String("scope")).toString(), scope);
        QCOMPARE(saved.value(QLatin1String("mode")).toString(), QStringLiteral("smart"));
        const QJsonObject answers = saved.value(QLatin1String("answers")).toObject();
        QCOMPARE(answers.keys(), QStringList{QStringLiteral("7.1")}); // Smart pre-fills are not stored
        const QJsonObject first = answers.value(QLatin1String("7.1")).toObject();
        QCOMPARE(first.value(QLatin1String("choice")).toString(), QStringLiteral("B"));
        QCOMPARE(first.value(QLatin1String("platform")).toString(), QStringLiteral("Fly.io"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), AnswersFile::toJson(model()->snapshot()));
    }

    void shouldShowTheProgressOfTheScope_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("progress");
        QTest::newRow("mvp 7.3") << QStringLiteral("mvp") << QStringLiteral("7.3")
                                 << QStringLiteral(
                                        "Phase 7: Operations & Deployment | Question 3/4 | Phase Progress: 75%");
        QTest::newRow("production 7.4.1")
            << QStringLiteral("production") << QStringLiteral("7.4.1")
            << QStringLiteral("Phase 7: Operations & Deployment | Question 5/17 | Phase Progress: 29%");
        QTest::newRow("enterprise 7.10")
            << QStringLiteral("enterprise") << QStringLiteral("7.10")
            << QStringLiteral("Phase 7: Operations & Deployment | Question 17/17 | Phase Progress: 100%");
    }

    void shouldShowTheProgressOfTheScope()
    {
        QFETCH(QString, scope);
        QFETCH(QString, question);
        QFETCH(QString, progress);
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), scope, question));
        auto *label = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("progress"));
        QVERIFY(label);
        QCOMPARE(label->text(), progress);
    }

    void shouldShowTheBlockOfTheChosenDeploymentStrategy()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("7.4.1")));
        const auto rowShown = [this](const QString &field) {
            return find<FieldRow>(QStringLiteral("7.4.1/") + field + QStringLiteral("/row"))->isVisible();
        };
        QVERIFY(!rowShown(QStringLiteral("canary_initial_percent")));
        QVERIFY(!rowShown(QStringLiteral("traffic_switching")));

        QVERIFY(click(QStringLiteral("7.4.1/strategy/C")));
        QCOMPARE(model()->stored(QStringLiteral("7.4.1"), QStringLiteral("strategy")).toString(), QStringLiteral("C"));
        QVERIFY(rowShown(QStringLiteral("canary_initial_percent")));
        QVERIFY(rowShown(QStringLiteral("canary_success_criteria")));
        QVERIFY(!rowShown(QStringLiteral("traffic_switching")));
        QCOMPARE(editorOf<QLineEdit>(QStringLiteral("7.4.1/canary_initial_percent"))->text(), QStringLiteral("5"));

        QVERIFY(click(QStringLiteral("7.4.1/strategy/B")));
        QVERIFY(rowShown(QStringLiteral("traffic_switching")));
        QVERIFY(rowShown(QStringLiteral("bluegreen_db_migrations")));
        QVERIFY(!rowShown(QStringLiteral("canary_initial_percent")));
    }

    // "Reward early, punish late": a message waits until the user leaves the field (or
    // presses Next), and goes the moment the value is fixed.
    void shouldExplainMinAboveMaxOnceTheFieldIsLeft()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("7.7.2")));
        auto *issues = find<IssueLabel>(QStringLiteral("7.7.2/max_connections/issues"));
        QVERIFY(issues);
        QVERIFY(!issues->isVisible());

        auto *min = editorOf<QLineEdit>(QStringLiteral("7.7.2/min_connections"));
        auto *max = editorOf<QLineEdit>(QStringLiteral("7.7.2/max_connections"));
        typeInto(min, QStringLiteral("20"));
        QCOMPARE(QApplication::focusWidget(), min);
        QVERIFY(!issues->isVisible()); // still typing
        QTest::keyClick(min, Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != min);
        QVERIFY(issues->isVisible());
        QVERIFY(issues->text().contains(QLatin1String("Min connections must not exceed max connections.")));
        QVERIFY(!clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.7.2"));

        typeInto(max, QStringLiteral("50"));
        QVERIFY(!issues->isVisible());
        QCOMPARE(model()->stored(QStringLiteral("7.7.2"), QStringLiteral("max_connections")).toDouble(), 50.0);
        QVERIFY(clickNext());
    }

    void shouldExplainAnOutOfRangeNumberWhenNextIsPressed()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("7.4.1")));
        QVERIFY(click(QStringLiteral("7.4.1/strategy/A")));
        auto *rollback = editorOf<QLineEdit>(QStringLiteral("7.4.1/rollback_minutes"));
        typeInto(rollback, QStringLiteral("0"));
        auto *issues = find<IssueLabel>(QStringLiteral("7.4.1/rollback_minutes/issues"));
        QVERIFY(!issues->isVisible());

        // Next stays on the page, says why beside the field, and puts the focus there.
        wizard()->button(QWizard::NextButton)->setFocus();
        QVERIFY(!clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.4.1"));
        QVERIFY(issues->isVisible());
        QVERIFY(issues->text().contains(QLatin1String("Must be between 1 and 1440 minutes.")));
        QCOMPARE(QApplication::focusWidget(), rollback);
        // A screen reader hears the message with the field.
        QVERIFY(
            rollback->accessibleDescription().contains(QLatin1String("Error: Must be between 1 and 1440 minutes.")));

        // An emptied number is unanswered: Smart mode falls back to the pre-fill.
        typeInto(rollback, QString());
        QVERIFY(!model()->stored(QStringLiteral("7.4.1"), QStringLiteral("rollback_minutes")).isValid());
        QVERIFY(!issues->isVisible());
        QVERIFY(!rollback->accessibleDescription().contains(QLatin1String("Error:")));
        QVERIFY(clickNext());
    }

    // The seed's letters on its options, and a legend for every marker the page shows (the
    // rocket of "🚀 Two environments" included).
    void shouldShowOptionLettersAndTheWholeLegend()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("7.1")));
        QVERIFY(find<QRadioButton>(QStringLiteral("7.1/choice/A"))->text().startsWith(QStringLiteral("A) ⭐")));
        QVERIFY(find<QRadioButton>(QStringLiteral("7.1/choice/B"))->text().startsWith(QStringLiteral("B) 🔥")));
        QVERIFY(nextUntil(QStringLiteral("7.3")));
        QVERIFY(find<QRadioButton>(QStringLiteral("7.3/environments/C"))->text().startsWith(QStringLiteral("C) 🚀")));
        auto *legend = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("markerLegend"));
        QVERIFY(legend && legend->isVisible());
        QVERIFY2(legend->text().contains(QStringLiteral("🚀 Fast and lean")), qPrintable(legend->text()));
        QVERIFY(!legend->text().contains(QLatin1String("option icon")));
    }

    // A section heading that says the field's label is not followed by the label again.
    void shouldNotRepeatAHeadingAsTheLabel()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("7.6")));
        int shown = 0;
        for (auto *label : find<FieldRow>(QStringLiteral("7.6/channels/row"))->findChildren<QLabel *>())
            shown += label->isVisible() && label->text() == QLatin1String("Alert channels");
        for (auto *label : wizard()->currentPage()->findChildren<QLabel *>())
            shown += label->isVisible() && label->text() == QLatin1String("Alert channels")
                && !find<FieldRow>(QStringLiteral("7.6/channels/row"))->isAncestorOf(label);
        QCOMPARE(shown, 1);
    }

    void shouldAskForAChoiceOnlyWhenNextIsPressed()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("interactive"), QStringLiteral("mvp"), QStringLiteral("7.1")));
        for (const QString &value :
             {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")})
            QVERIFY(!find<QRadioButton>(QStringLiteral("7.1/choice/") + value)->isChecked());
        auto *issues = find<IssueLabel>(QStringLiteral("7.1/choice/issues"));
        QVERIFY(!issues->isVisible()); // an untouched page greets nobody with an error

        QVERIFY(!clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.1"));
        QVERIFY(issues->isVisible());
        QVERIFY(issues->text().contains(QLatin1String("An answer is required.")));
        QCOMPARE(QApplication::focusWidget(), find<QRadioButton>(QStringLiteral("7.1/choice/A")));

        QVERIFY(click(QStringLiteral("7.1/choice/A")));
        QVERIFY(!issues->isVisible());
        QVERIFY(clickNext());
    }

    void shouldKeepHiddenAnswersWhenTheScopeChanges()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("7.5")));
        typeInto(editorOf<QLineEdit>(QStringLiteral("7.5/custom_metrics")), QStringLiteral("signups"));

        while (pageKey(wizard()) != QLatin1String("mode"))
            QTest::mouseClick(wizard()->button(QWizard::BackButton), Qt::LeftButton);
        QVERIFY(click(QStringLiteral("scope/mvp")));
        QVERIFY(click(QStringLiteral("mode/interactive")));
        QCOMPARE(model()->stored(QStringLiteral("7.5"), QStringLiteral("custom_metrics")).toString(),
                 QStringLiteral("signups"));
        QVERIFY(!model()->resolver().isAsked(QStringLiteral("7.5")));

        QVERIFY(m_window->flushAnswers());
        const QJsonObject saved = readJson(m_window->answersPath());
        QCOMPARE(saved.value(QLatin1String("scope")).toString(), QStringLiteral("mvp"));
        QCOMPARE(saved.value(QLatin1String("answers"))
                     .toObject()
                     .value(QLatin1String("7.5"))
                     .toObject()
                     .value(QLatin1String("custom_metrics"))
                     .toString(),
                 QStringLiteral("signups"));

        // …and shows it again when the scope asks the question again.
        QVERIFY(click(QStringLiteral("scope/enterprise")));
        QVERIFY(click(QStringLiteral("mode/smart")));
        QVERIFY(nextUntil(QStringLiteral("7.5")));
        QCOMPARE(editorOf<QLineEdit>(QStringLiteral("7.5/custom_metrics"))->text(), QStringLiteral("signups"));
    }

    void shouldEmphasiseReliabilityOnlyInEnterprise_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<bool>("badge");
        QTest::newRow("production") << QStringLiteral("production") << false;
        QTest::newRow("enterprise") << QStringLiteral("enterprise") << true;
    }

    void shouldEmphasiseReliabilityOnlyInEnterprise()
    {
        QFETCH(QString, scope);
        QFETCH(bool, badge);
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), scope, QStringLiteral("7.7")));
        auto *label = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("emphasisBadge"));
        QCOMPARE(label->isVisible(), badge);
        QVERIFY(
            label->text().contains(QStringLiteral("Reliability & disaster recovery — emphasised in Enterprise scope")));
    }

    void shouldAskOnlyHeadlinesOfSimplifiedQuestions()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("7.9.1")));
        auto *note = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("simplifiedNote"));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QLatin1String("Details you answered before are kept")));
        QVERIFY(!note->text().contains(QLatin1String("Kept:")));
        QVERIFY(find<FieldRow>(QStringLiteral("7.9.1/choice/row"))->isVisible());
        QVERIFY(!find<FieldRow>(QStringLiteral("7.9.1/total_timeout_s/row"))->isVisible());

        // A detail answered before (in Enterprise, or in the file) is named as kept, not replaced.
        model()->setValue(QStringLiteral("7.9.1"), QStringLiteral("total_timeout_s"), 40.0);
        QVERIFY2(note->text().contains(QLatin1String("Kept: Total shutdown timeout.")), qPrintable(note->text()));
        // An invalid kept value is reported on the page, naming the hidden detail.
        model()->setValue(QStringLiteral("7.9.1"), QStringLiteral("total_timeout_s"), -1.0);
        auto *issues = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("pageIssues"));
        QVERIFY(issues);
        QVERIFY(issues->isVisible());
        QVERIFY2(issues->text().contains(QLatin1String("Total shutdown timeout (an answer this scope does not ask)")),
                 qPrintable(issues->text()));
    }

    void shouldEditTableRows()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("enterprise"), QStringLiteral("7.9.3")));
        auto *table = find<QTableWidget>(QStringLiteral("7.9.3/policies/table"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Database queries"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("5000"));

        table->item(0, 1)->setText(QStringLiteral("2500"));
        QVariantList rows = model()->stored(QStringLiteral("7.9.3"), QStringLiteral("policies")).toList();
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.at(0).toMap().value(QStringLiteral("timeout_ms")).toDouble(), 2500.0);

        table->setCurrentCell(0, 0);
        QVERIFY(click(QStringLiteral("7.9.3/policies/down")));
        rows = model()->stored(QStringLiteral("7.9.3"), QStringLiteral("policies")).toList();
        QCOMPARE(rows.at(1).toMap().value(QStringLiteral("service")).toString(), QStringLiteral("Database queries"));
        QCOMPARE(rows.at(0).toMap().value(QStringLiteral("service")).toString(), QStringLiteral("Redis cache"));

        QVERIFY(click(QStringLiteral("7.9.3/policies/add")));
        QCOMPARE(model()->stored(QStringLiteral("7.9.3"), QStringLiteral("policies")).toList().size(), 7);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        table->setCurrentCell(6, 0);
        QVERIFY(click(QStringLiteral("7.9.3/policies/remove")));
        QCOMPARE(model()->stored(QStringLiteral("7.9.3"), QStringLiteral("policies")).toList().size(), 6);

        // A number cell that is not a whole number is reported with its row and column.
        table->item(2, 2)->setText(QStringLiteral("1.5"));
        QVERIFY(!clickNext());
        QVERIFY(find<IssueLabel>(QStringLiteral("7.9.3/policies/issues"))->text().contains(QLatin1String("Row 3")));
    }

    // Values no answer gave carry "(default)" on the summary page, with the legend on top.
    void shouldMarkDefaultsOnTheSummaryPage()
    {
        QVERIFY(openWindow());
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("choice"), QStringLiteral("B"));
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("platform"), QStringLiteral("Fly.io"));
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("summary")));
        auto *legend = find<QLabel>(QStringLiteral("summary/legend"));
        QVERIFY(legend);
        QVERIFY(legend->isVisible());
        QCOMPARE(legend->text(), defaultsLegend());
        const QString platform = find<QLabel>(QStringLiteral("summary/7.1"))->text();
        QVERIFY2(platform.contains(QLatin1String("Fly.io")), qPrintable(platform));
        QVERIFY2(!platform.contains(QLatin1String("(default)")), qPrintable(platform));
        const QString pooling = find<QLabel>(QStringLiteral("summary/7.7.2"))->text();
        QVERIFY2(pooling.contains(QLatin1String("(default)")), qPrintable(pooling));
    }

    // The consistency rules: on the page of each question whose answer takes part, and on
    // the summary above the lines; gone once the answers agree.
    void shouldShowConsistencyFindingsWhereTheValuesAreEntered()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("enterprise"), QStringLiteral("7.6")));
        auto *alerts = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("pageIssues"));
        QVERIFY(alerts);
        QVERIFY(!alerts->isVisible());
        typeInto(editorOf<QLineEdit>(QStringLiteral("7.6/disk_percent")), QStringLiteral("100"));
        QVERIFY(alerts->isVisible());
        QVERIFY2(alerts->text().contains(QLatin1String("fires only above 100%")), qPrintable(alerts->text()));
        QVERIFY(isNextEnabled()); // the rules stop `generate`, not the wizard

        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.7"));
        auto *backups = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("pageIssues"));
        QVERIFY(!backups->isVisible());
        model()->setValue(QStringLiteral("7.7"), QStringLiteral("strategy"), QStringLiteral("B"));
        typeInto(editorOf<QLineEdit>(QStringLiteral("7.7/rpo_minutes")), QStringLiteral("15"));
        QVERIFY(backups->isVisible());
        QVERIFY2(backups->text().contains(QLatin1String("An RPO of 15 minutes")), qPrintable(backups->text()));
        QVERIFY(backups->text().contains(QLatin1String("Continuous backups")));

        // A rule across questions shows on both pages: the retries (7.9.3) and the breaker (7.9.2).
        QVERIFY(nextUntil(QStringLiteral("7.9.2")));
        auto *breaker = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("pageIssues"));
        QVERIFY2(breaker->text().contains(QLatin1String("circuit breaker's call timeout of 5000 ms")),
                 qPrintable(breaker->text()));

        QVERIFY(nextUntil(QStringLiteral("summary")));
        auto *rules = find<QLabel>(QStringLiteral("summary/rules"));
        QVERIFY(rules);
        QVERIFY(rules->isVisible());
        QVERIFY(find<QLabel>(QStringLiteral("summary/rulesHeading"))->isVisible());
        QVERIFY(rules->text().contains(QLatin1String("An RPO of 15 minutes")));
        QVERIFY(rules->text().contains(QLatin1String("Error:")));
        QVERIFY(rules->text().contains(QLatin1String("Warning:")));
        // The summary lines stay below the findings.
        auto *line = find<QLabel>(QStringLiteral("summary/7.1"));
        QVERIFY(rules->mapTo(m_window.get(), QPoint()).y() < line->mapTo(m_window.get(), QPoint()).y());

        // Answers that agree: the error goes.
        model()->setValue(QStringLiteral("7.6"), QStringLiteral("disk_percent"), 80.0);
        rules = find<QLabel>(QStringLiteral("summary/rules"));
        QVERIFY(rules);
        QVERIFY(!rules->text().contains(QLatin1String("Error:")));
        QVERIFY(rules->text().contains(QLatin1String("An RPO of 15 minutes")));

        // The questionnaire's own checks are listed too, as `opsflow generate` reports them:
        // an on-call rotation whose alerts page nobody.
        model()->setValue(QStringLiteral("7.6"), QStringLiteral("on_call"), QStringLiteral("A"));
        model()->setValue(QStringLiteral("7.6"), QStringLiteral("channels"),
                          QStringList{QStringLiteral("A"), QStringLiteral("B")});
        rules = find<QLabel>(QStringLiteral("summary/rules"));
        QVERIFY(rules);
        QVERIFY2(rules->text().contains(QLatin1String("7.6 Alerts: An on-call rotation needs alerts that page")),
                 qPrintable(rules->text()));
    }

    // The window fits a 1024×700 screen and keeps a remembered frame on the screen.
    void shouldFitSmallScreens()
    {
        const QRect small(0, 0, 1024, 700);
        const QSize first = firstWindowSize(small, QSize(600, 400));
        // With room for the frame: a 40 px title bar and borders must not push the status bar off.
        QVERIFY(first.width() + 16 <= small.width() && first.height() + 48 <= small.height());
        QCOMPARE(firstWindowSize(QRect(0, 0, 2560, 1440), QSize(600, 400)), QSize(1200, 740));
        // A frame from a bigger screen, or one that is gone, comes back inside this one.
        const QRect kept = keptInside(QRect(1800, 900, 1400, 900), small, QSize(600, 400));
        QVERIFY2(
            small.contains(kept),
            qPrintable(QStringLiteral("%1,%2 %3x%4").arg(kept.x()).arg(kept.y()).arg(kept.width()).arg(kept.height())));
        QCOMPARE(kept.size(), QSize(1024, 700));
        QCOMPARE(keptInside(QRect(-500, -50, 800, 600), small, QSize(600, 400)).topLeft(), QPoint(0, 0));

        // The real window's minimum fits that screen, so Back and Next can always be reached.
        QVERIFY(openWindow());
        m_window->previewWidget()->show();
        const QSize minimum = m_window->minimumSizeHint();
        QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 700,
                 qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    }

    void shouldGoBackToAQuestionFromTheSummary()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("mvp"), QStringLiteral("summary")));
        auto *lines = find<QLabel>(QStringLiteral("summary/7.5"));
        QVERIFY(lines);
        QCOMPARE(lines->text(), QStringLiteral("TBD"));
        QVERIFY(!find<QComboBox>(QStringLiteral("summary/questions"))->isEnabled());

        QVERIFY(click(QStringLiteral("summary/no")));
        auto *questions = find<QComboBox>(QStringLiteral("summary/questions"));
        QCOMPARE(questions->count(), 4);
        questions->setCurrentIndex(questions->findData(QStringLiteral("7.2")));
        QVERIFY(click(QStringLiteral("summary/go")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.2"));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.3"));
    }

    void shouldLinkEverySummaryLineToItsQuestion()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("mvp"), QStringLiteral("summary")));
        const QList<SummaryLine> lines = summaryLines(model()->resolver());
        QVERIFY(lines.size() >= 17);
        for (const SummaryLine &line : lines) {
            auto *label = find<QLabel>(QStringLiteral("summary/%1/label").arg(line.questionId));
            QVERIFY2(label, qPrintable(line.questionId));
            QVERIFY(label->text().contains(line.label.toHtmlEscaped()));
            // Only the questions this scope asks have a page to go to.
            QCOMPARE(label->text().contains(QLatin1String("<a href")), !line.tbd);
        }
        auto *label = find<QLabel>(QStringLiteral("summary/7.3/label"));
        Q_EMIT label->linkActivated(QStringLiteral("7.3"));
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.3"));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.4"));
    }

    void shouldFollowThePreview()
    {
        QVERIFY(openWindow());
        PreviewPane *preview = m_window->previewPane();
        QVERIFY(preview);
        QCOMPARE(m_window->previewWidget(), preview);
        QCOMPARE(preview->parentWidget()->objectName(), QStringLiteral("splitter"));
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("production"), QStringLiteral("summary")));
        // A click on a section of a rendered document goes to its question.
        Q_EMIT preview->questionRequested(QStringLiteral("7.4.1"));
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.4.1"));
    }

    void shouldNameEveryFieldWidgetByQuestionAndField()
    {
        QVERIFY(openWindow());
        // A page not visited yet has no field widgets: they are made on its first visit.
        QVERIFY(!find<FieldWidget>(QStringLiteral("7.10/api_docs")));
        for (const Question &question : model()->questionnaire().questions()) {
            QVERIFY(wizard()->questionPage(question.id));
            wizard()->questionPage(question.id)->ensureFields();
            for (const Field &field : question.fields) {
                const QString name = question.id + QLatin1Char('/') + field.id;
                QVERIFY2(find<FieldWidget>(name), qPrintable(name));
            }
        }
        QVERIFY(!find<FieldWidget>(QStringLiteral("context/") + model()->questionnaire().contextFields().first().id));
        wizard()->contextPage()->ensureContent();
        for (const Field &field : model()->questionnaire().contextFields())
            QVERIFY(find<FieldWidget>(QStringLiteral("context/") + field.id));
    }

    void shouldAutosaveShortlyAfterAChange()
    {
        QVERIFY(openWindow());
        QVERIFY(walkTo(QStringLiteral("smart"), QStringLiteral("mvp"), QStringLiteral("7.1")));
        QSignalSpy saved(m_window->autoSaver(), &AutoSaver::saved);
        typeInto(editorOf<QLineEdit>(QStringLiteral("7.1/platform")), QStringLiteral("AWS ECS"));
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.count(), 1); // one write for the whole burst of typing
        QCOMPARE(readJson(m_window->answersPath())
                     .value(QLatin1String("answers"))
                     .toObject()
                     .value(QLatin1String("7.1"))
                     .toObject()
                     .value(QLatin1String("platform"))
                     .toString(),
                 QStringLiteral("AWS ECS"));
    }

    // Before the mode page is passed the preview calls the scope the recommended one, not
    // the user's; Next there accepts it and the note goes.
    void shouldNotPresentTheRecommendedScopeAsChosen()
    {
        QVERIFY(openWindow());
        auto *pane = qobject_cast<PreviewPane *>(m_window->previewWidget());
        QVERIFY(pane);
        pane->show();
        const auto scopeLine = [pane] {
            for (const GeneratedFile &file : pane->result().files) {
                if (file.path == QLatin1String("docs/operations.md")) {
                    const QString text = QString::fromUtf8(file.content);
                    const qsizetype at = text.indexOf(QLatin1String("- **Scope:** "));
                    return at < 0 ? QString() : text.mid(at, text.indexOf(QLatin1Char('\n'), at) - at);
                }
            }
            return QString();
        };
        QTRY_COMPARE(scopeLine(),
                     QStringLiteral("- **Scope:** Production-Ready (the recommended scope; not chosen yet)"));
        if (pageKey(wizard()) == QLatin1String("start"))
            QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("mode"));
        QVERIFY(clickNext());
        QTRY_COMPARE(scopeLine(), QStringLiteral("- **Scope:** Production-Ready"));
        QVERIFY(model()->snapshot().scopeChosen);
    }

    void shouldRestoreTheAnswersOfTheProject()
    {
        AnswerSet answers;
        answers.scope = Scope::Enterprise;
        answers.scopeChosen = true;
        answers.mode = Mode::Interactive;
        answers.answers[QStringLiteral("7.1")].insert(QStringLiteral("choice"), QStringLiteral("D"));
        QVERIFY(AnswersFile::save(AnswersFile::pathForProject(m_project->path()), answers, nullptr));

        QVERIFY(openWindow());
        QCOMPARE(model()->snapshot(), answers);
        QVERIFY(find<QRadioButton>(QStringLiteral("scope/enterprise"))->isChecked());
        QVERIFY(walkTo(QStringLiteral("interactive"), QStringLiteral("enterprise"), QStringLiteral("7.1")));
        QVERIFY(find<QRadioButton>(QStringLiteral("7.1/choice/D"))->isChecked());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("OpsFlow — ") + QDir(m_project->path()).dirName());
    }

    void shouldKeepABadAnswersFileAside()
    {
        const QString path = AnswersFile::pathForProject(m_project->path());
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile bad(path);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ \"format\": ");
        bad.close();

        QVERIFY(openWindow());
        QTRY_VERIFY(find<QMessageBox>(QStringLiteral("errorMessage")));
        auto *box = find<QMessageBox>(QStringLiteral("errorMessage"));
        QVERIFY(box->text().contains(QLatin1String("is not valid JSON")));
        box->close();
        QVERIFY(!QFile::exists(path));
        const QStringList aside =
            QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("phase7.json.bad-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
    }

    // A missing folder (a recent project moved since) is named as missing, not as "not a
    // folder"; a file is "not a folder". Neither opens.
    void shouldSayWhyAFolderCannotBeOpened_data()
    {
        QTest::addColumn<bool>("createAsFile");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << false << QStringLiteral("gone does not exist.");
        QTest::newRow("file") << true << QStringLiteral("gone is not a folder.");
    }

    void shouldSayWhyAFolderCannotBeOpened()
    {
        QFETCH(bool, createAsFile);
        QFETCH(QString, message);
        QVERIFY(openWindow());
        const QString opened = m_window->projectFolder();
        const QString path = QDir(m_project->path()).filePath(QStringLiteral("gone"));
        if (createAsFile)
            put(path, "not a folder");
        QVERIFY(!m_window->openProject(path));
        QTRY_VERIFY(find<QMessageBox>(QStringLiteral("errorMessage")));
        auto *box = find<QMessageBox>(QStringLiteral("errorMessage"));
        QVERIFY2(box->text().endsWith(message), qPrintable(box->text()));
        box->close();
        QCOMPARE(m_window->projectFolder(), opened);
    }

    void shouldWorkWithoutAFolder()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->previewWidget()->hide();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("OpsFlow — No folder"));
        QCOMPARE(m_window->answersPath(),
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/phase7.json"));
        QVERIFY(click(QStringLiteral("startWithoutFolder")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("mode"));
        QVERIFY(click(QStringLiteral("scope/mvp")));
        QVERIFY(m_window->flushAnswers());
        QCOMPARE(readJson(m_window->answersPath()).value(QLatin1String("scope")).toString(), QStringLiteral("mvp"));

        // Choosing a folder later carries the answers into it.
        QVERIFY(m_window->openProject(m_project->path()));
        QCOMPARE(model()->scope(), Scope::Mvp);
        QVERIFY(m_window->flushAnswers());
        QCOMPARE(readJson(AnswersFile::pathForProject(m_project->path())).value(QLatin1String("scope")).toString(),
                 QStringLiteral("mvp"));
    }

    void shouldWorkWithTheKeyboardAlone()
    {
        // Beside the wizard, something that takes the focus (as the preview's tabs do):
        // answering must not hand the focus over to it.
        QVERIFY(openWindow());
        m_window->setPreviewWidget(new QLineEdit);
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

        // An opened project starts on the mode page.
        QCOMPARE(pageKey(wizard()), QStringLiteral("mode"));
        QTest::keyClick(m_window.get(), Qt::Key_M, Qt::AltModifier); // &MVP
        QTRY_COMPARE(model()->scope(), Scope::Mvp);
        QTest::keyClick(m_window.get(), Qt::Key_I, Qt::AltModifier); // &Interactive
        QTRY_COMPARE(model()->mode(), Mode::Interactive);
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(pageKey(wizard()), QStringLiteral("context"));
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(pageKey(wizard()), QStringLiteral("preflight"));
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(pageKey(wizard()), QStringLiteral("7.1"));
        QVERIFY(find<IssueLabel>(QStringLiteral("7.1/choice/issues"))->isHidden());

        // Tab reaches the options; the arrow keys choose one, as in any radio group.
        const QString prefix = QStringLiteral("7.1/choice/");
        for (int i = 0; i < 40 && !QApplication::focusWidget()->objectName().startsWith(prefix); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), prefix + QLatin1Char('A'));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(model()->stored(QStringLiteral("7.1"), QStringLiteral("choice")).toString(), QStringLiteral("A"));
        // Answering must not move the focus away (to the preview beside the wizard).
        QCOMPARE(QApplication::focusWidget()->objectName(), prefix + QLatin1Char('A'));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(model()->stored(QStringLiteral("7.1"), QStringLiteral("choice")).toString(), QStringLiteral("B"));
        QVERIFY(isNextEnabled());

        // Tab moves on to the platform; Enter means Next, as in any dialog.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->parentWidget()->objectName(), QStringLiteral("7.1/platform"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Render"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(pageKey(wizard()), QStringLiteral("7.2"));
        QCOMPARE(model()->stored(QStringLiteral("7.1"), QStringLiteral("platform")).toString(),
                 QStringLiteral("Render"));
    }

    // At 1024×700 with the preview beside the wizard, no page moves Back or Next (a click
    // where Next was must never land on Back) and no text is cut off without a scroll bar.
    void shouldKeepEveryPageInPlaceOnASmallScreen()
    {
        QVERIFY(openWindow());
        m_window->previewWidget()->show();
        m_window->resize(1024, 700);
        QAbstractButton *next = wizard()->button(QWizard::NextButton);
        QAbstractButton *back = wizard()->button(QWizard::BackButton);
        const auto settle = [] {
            for (int i = 0; i < 3; ++i)
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        };
        settle();
        const QPoint nextAt = next->mapTo(m_window.get(), QPoint());
        const QPoint backAt = back->mapTo(m_window.get(), QPoint());
        QStringList moved;
        QStringList clipped;
        const QStringList pages = walkEnterpriseRun(wizard(), [&] {
            settle();
            const QString key = pageKey(wizard());
            if (next->isVisible() && next->mapTo(m_window.get(), QPoint()) != nextAt)
                moved << key + QStringLiteral(": Next");
            if (back->isVisible() && back->mapTo(m_window.get(), QPoint()) != backAt)
                moved << key + QStringLiteral(": Back");
            for (const QString &where : clippedTexts(wizard()->currentPage()))
                clipped << key + QStringLiteral(": ") + where;
            // A question's progress line stays one line; its subtitle ends in words.
            if (auto *progress = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("progress"))) {
                if (progress->height() >= 2 * progress->fontMetrics().lineSpacing())
                    clipped << key + QStringLiteral(": the progress line wraps");
                if (wizard()->currentPage()->subTitle().endsWith(QLatin1Char(':')))
                    clipped << key + QStringLiteral(": the subtitle ends in a colon");
            }
        });
        QCOMPARE(pages.value(pages.size() - 1), QStringLiteral("completion"));
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1String("\n"))));
        QVERIFY2(moved.isEmpty(), qPrintable(moved.join(QLatin1String(", "))));
    }

    void shouldKeepTheSplitterForAPreview()
    {
        QVERIFY(openWindow());
        auto *preview = new QLabel(QStringLiteral("preview"));
        m_window->setPreviewWidget(preview);
        QCOMPARE(m_window->previewWidget(), preview);
        QVERIFY(preview->isVisible());
        QCOMPARE(preview->parentWidget()->objectName(), QStringLiteral("splitter"));
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
