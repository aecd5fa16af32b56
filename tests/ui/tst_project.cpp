// Opening projects in the real window: evidence on the pages of its questions, the project
// page, the pre-flight scenarios, the title, the recent list and saving before a switch.
#include "answersfile.h"
#include "answersmodel.h"
#include "autosaver.h"
#include "contextpage.h"
#include "mainwindow.h"
#include "preflightpage.h"
#include "previewpane.h"
#include "projectsession.h"
#include "questionpage.h"
#include "recentprojects.h"
#include "startpage.h"
#include "suggestionbox.h"
#include "summary.h"
#include "testfiles.h"
#include "wizard.h"
#include "wizardpages.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace opsflow;
using namespace opsflow::testing;

class TestProject : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_settings;
    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<MainWindow> m_window;

    Wizard *wizard() const { return m_window->wizard(); }

    // The preview is not under test here: hidden, it renders nothing (and costs nothing).
    static std::unique_ptr<MainWindow> newWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->previewWidget()->hide();
        return window;
    }
    AnswersModel *model() const { return m_window->answersModel(); }

    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    // A copy of a fixture under the test's own folder.
    QString project(const char *name) const
    {
        const QString to = m_root->filePath(QLatin1String(name));
        return copyTree(fixture(name), to) ? to : QString();
    }

    bool openWindow(const QString &folder)
    {
        m_window = newWindow();
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()) || !m_window->openProject(folder))
            return false;
        return true;
    }

    bool click(const QString &name) const
    {
        auto *button = find<QAbstractButton>(name);
        if (!button || !button->isVisible() || !button->isEnabled())
            return false;
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(qMin(8, button->width() / 2), button->height() / 2));
        return true;
    }

    bool clickNext() const { return testing::clickNext(wizard()); }

    // The text the preview generated for `path` (it renders once shown).
    QString previewText(const char *path) const
    {
        auto *pane = qobject_cast<PreviewPane *>(m_window->previewWidget());
        if (!pane)
            return {};
        pane->show();
        for (const GeneratedFile &file : pane->result().files) {
            if (file.path == QLatin1String(path))
                return QString::fromUtf8(file.content);
        }
        return {};
    }

    // Answers the "Use This Folder?" question, which opening a folder without .ai-flow/ from
    // the recent list or a drop asks, once it shows; *asked tells whether it did.
    void answerFolderQuestion(bool use, bool *asked) const
    {
        *asked = false;
        auto *timer = new QTimer(m_window.get());
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, timer, [timer, use, asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("confirmFolder"))
                return;
            timer->stop();
            timer->deleteLater();
            *asked = true;
            box->findChild<QAbstractButton *>(use ? QStringLiteral("confirmFolder/use")
                                                  : QStringLiteral("confirmFolder/cancel"))
                ->click();
        });
        timer->start();
    }

    bool nextUntil(const QString &target) const
    {
        while (pageKey(wizard()) != target) {
            if (pageKey(wizard()) == QLatin1String("summary") || !clickNext())
                return false;
        }
        return true;
    }

    // Next until the summary, the keys of every page on the way (the current one first).
    QStringList walkToSummary() const
    {
        QStringList seen{pageKey(wizard())};
        while (pageKey(wizard()) != QLatin1String("summary") && clickNext())
            seen.append(pageKey(wizard()));
        return seen;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("OpsFlow-tests"));
        // The recent list lives in QSettings: never the user's own.
        m_settings = std::make_unique<QTemporaryDir>();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings->path());
    }

    void init()
    {
        QFile::remove(AnswersFile::pathForProject(QString()));
        QSettings().clear();
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
    }

    void cleanup()
    {
        m_window.reset();
        m_root.reset();
    }

    // At the window's usual size and on a 1024×700 screen the preview's four tabs all fit
    // beside the wizard: the Diagrams tab is never behind scroll arrows, and no name is cut.
    void previewTabsShouldAllBeInView_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<qreal>("fontScale");
        QTest::addColumn<QString>("firstLabel");
        // Where the file names fit with room to spare they are shown; where they clearly do not,
        // the short names. In between (the style's metrics decide) either, but never cut.
        QTest::newRow("wide") << QSize(1400, 900) << 1.0 << "operations.md";
        QTest::newRow("usual") << QSize(1200, 740) << 1.0 << "";
        QTest::newRow("small screen") << QSize(1024, 700) << 1.0 << "";
        QTest::newRow("small screen, large font") << QSize(1000, 644) << 1.25 << "Operations";
    }

    void previewTabsShouldAllBeInView()
    {
        QFETCH(QSize, size);
        QFETCH(qreal, fontScale);
        QFETCH(QString, firstLabel);
        const QFont font = QApplication::font();
        QFont scaled = font;
        scaled.setPointSizeF(qMax(font.pointSizeF(), 9.0) * fontScale);
        QApplication::setFont(scaled);
        const auto restoreFont = qScopeGuard([font] { QApplication::setFont(font); });
        m_window = std::make_unique<MainWindow>();
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("previewTabs"));
        QVERIFY(tabs && tabs->isVisible());
        QTabBar *bar = tabs->tabBar();
        QCOMPARE(bar->count(), 4);
        const QRect last = bar->tabRect(bar->count() - 1);
        QVERIFY2(
            last.right() < bar->width(),
            qPrintable(QStringLiteral("the last tab ends at %1 in a bar %2 wide").arg(last.right()).arg(bar->width())));
        if (!firstLabel.isEmpty())
            QCOMPARE(bar->tabText(0), firstLabel);
        else
            QVERIFY(bar->tabText(0) == QLatin1String("operations.md")
                    || bar->tabText(0) == QLatin1String("Operations"));
        QCOMPARE(bar->tabToolTip(0), QStringLiteral("docs/operations.md, as it will be written"));
        // No tab shortens its text ("ope….md"): each is as wide as its text and padding.
        const int padding = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
        for (int i = 0; i < bar->count(); ++i)
            QVERIFY2(bar->fontMetrics().horizontalAdvance(bar->tabText(i)) + padding <= bar->tabRect(i).width(),
                     qPrintable(bar->tabText(i)));
    }

    void shouldShowEvidenceOnThePageOfItsQuestion_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("questionId");
        QTest::addColumn<QString>("fieldId");
        QTest::addColumn<QString>("evidence");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("node-api CI") << "node-api"
                                     << "7.4"
                                     << "platform"
                                     << ".github/workflows/ci.yml"
                                     << "GitHub Actions" << QVariant(QStringLiteral("A"));
        QTest::newRow("node-api base image") << "node-api"
                                             << "7.2"
                                             << "base_image"
                                             << "Dockerfile"
                                             << "node:20-alpine" << QVariant(QStringLiteral("node:20-alpine"));
        QTest::newRow("node-api breaker") << "node-api"
                                          << "7.9.2"
                                          << "tool"
                                          << "package.json"
                                          << "opossum" << QVariant(QStringLiteral("opossum"));
        QTest::newRow("python-fly platform") << "python-fly"
                                             << "7.1"
                                             << "platform"
                                             << "fly.toml"
                                             << "Fly.io" << QVariant(QStringLiteral("Fly.io"));
        QTest::newRow("python-fly PaaS") << "python-fly"
                                         << "7.1"
                                         << "choice"
                                         << "fly.toml"
                                         << "Platform-as-a-Service" << QVariant(QStringLiteral("B"));
        QTest::newRow("helm-eks orchestration") << "helm-eks"
                                                << "7.1"
                                                << "choice"
                                                << "charts/billing/Chart.yaml"
                                                << "Container Orchestration" << QVariant(QStringLiteral("D"));
        QTest::newRow("helm-eks EKS") << "helm-eks"
                                      << "7.1"
                                      << "platform"
                                      << "infra/main.tf"
                                      << "Kubernetes (Amazon EKS)"
                                      << QVariant(QStringLiteral("Kubernetes (Amazon EKS)"));
        QTest::newRow("helm-eks GitLab") << "helm-eks"
                                         << "7.4"
                                         << "platform"
                                         << ".gitlab-ci.yml"
                                         << "GitLab CI" << QVariant(QStringLiteral("B"));
    }

    void shouldShowEvidenceOnThePageOfItsQuestion()
    {
        QFETCH(QString, fixtureName);
        QFETCH(QString, questionId);
        QFETCH(QString, fieldId);
        QFETCH(QString, evidence);
        QFETCH(QString, shown);
        QFETCH(QVariant, value);
        const QString folder = project(fixtureName.toLatin1().constData());
        QVERIFY(!folder.isEmpty());
        QVERIFY(openWindow(folder));
        // The scan runs in a worker; its results reach the pages when it is done.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->project()->hasEvidence(),
                                 60000); // the scan runs in a thread pool; CI is loaded
        QVERIFY(click(QStringLiteral("scope/enterprise")));
        QVERIFY(nextUntil(questionId));

        SuggestionBox *box = wizard()->questionPage(questionId)->suggestionBox();
        QVERIFY(box->isVisible());
        QCOMPARE(box->title(), QStringLiteral("Suggested from your project"));
        int index = -1;
        for (int i = 0; i < box->suggestionCount(); ++i) {
            if (box->button(i)->objectName().startsWith(QStringLiteral("suggestion/%1/%2/").arg(questionId, fieldId))
                && box->suggestionText(i).contains(evidence) && box->suggestionText(i).contains(shown))
                index = i;
        }
        QVERIFY2(index >= 0, qPrintable(QStringLiteral("no suggestion of %1 found in %2").arg(shown, evidence)));
        QVERIFY(box->suggestionText(index).contains(QStringLiteral("found <code>%1</code>").arg(evidence)));

        // A suggestion the answer already matches (a ⭐ pre-fill) is marked as in use.
        QPushButton *use = box->button(index);
        if (SuggestionBox::sameValue(model()->resolver().shownValue(questionId, fieldId), value)) {
            QCOMPARE(use->text(), QStringLiteral("✓ In use"));
            QVERIFY(!use->isEnabled());
            return;
        }
        // Ignoring it changes nothing; Use sets the answer through the model.
        QVERIFY(!model()->stored(questionId, fieldId).isValid());
        QCOMPARE(use->text(), QStringLiteral("Use"));
        QVERIFY(click(use->objectName()));
        QVERIFY(SuggestionBox::sameValue(model()->stored(questionId, fieldId), value));
        QVERIFY(!use->isEnabled());
        QVERIFY(m_window->flushAnswers());
        QVERIFY(readJson(m_window->answersPath()).value(QLatin1String("answers")).toObject().contains(questionId));
    }

    // Smart Auto-Suggest fills a question with what the project's files agree on, before the
    // recommended default: the migration tool ai-instructions.md names is in use, unanswered.
    void shouldFillTheAnswersTheProjectShows()
    {
        const QString folder = project("aiflow-stack");
        QVERIFY(!folder.isEmpty());
        QVERIFY(openWindow(folder));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->project()->hasEvidence(),
                                 60000); // the scan runs in a thread pool; CI is loaded
        QCOMPARE(model()->mode(), Mode::SmartAutoSuggest);
        const QString q = QStringLiteral("7.7.1");
        const QString tool = QStringLiteral("tool");
        QVERIFY(nextUntil(q));
        QCOMPARE(model()->resolver().shownValue(q, tool).toString(), QStringLiteral("Prisma Migrate"));
        QVERIFY(!model()->stored(q, tool).isValid());
        SuggestionBox *box = wizard()->questionPage(q)->suggestionBox();
        QCOMPARE(box->suggestionCount(), 1);
        QVERIFY(box->suggestionText(0).contains(QLatin1String("found <code>ai-instructions.md:13</code>")));
        QCOMPARE(box->button(0)->text(), QStringLiteral("✓ In use"));
        QVERIFY(!box->button(0)->isEnabled());
    }

    void shouldSuggestProjectFactsWithTheirEvidence()
    {
        // In a locale that groups digits, as a user's may.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
        const QString folder = project("node-api");
        QVERIFY(openWindow(folder));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->project()->hasEvidence(),
                                 60000); // the scan runs in a thread pool; CI is loaded
        QVERIFY(nextUntil(QStringLiteral("context")));
        ContextPage *page = wizard()->contextPage();

        SuggestionBox *name = page->suggestions(QStringLiteral("project_name"));
        QVERIFY(name->isVisible());
        QCOMPARE(name->suggestionCount(), 1);
        QVERIFY(name->suggestionText(0).contains(QLatin1String("Orders API")));
        QVERIFY(name->suggestionText(0).contains(QLatin1String("found <code>README.md:1</code>")));
        // The files agree on it, so the documents use it already (marked as found, not as
        // the user's answer): nothing to accept.
        QCOMPARE(name->button(0)->text(), QStringLiteral("✓ In use"));
        QVERIFY(!name->button(0)->isEnabled());
        QVERIFY(model()->snapshot().context.value(QStringLiteral("project_name")).isNull());
        QCOMPARE(model()->resolver().contextValue(QStringLiteral("project_name")).toString(),
                 QStringLiteral("Orders API"));

        // PostgreSQL is named by the earlier docs and by the compose file: one suggestion, both files.
        SuggestionBox *database = page->suggestions(QStringLiteral("database"));
        QCOMPARE(database->suggestionCount(), 1);
        QVERIFY(database->suggestionText(0).contains(QLatin1String("docs/architecture.md:4")));
        QVERIFY(database->suggestionText(0).contains(QLatin1String("docker-compose.yml")));
        QVERIFY(page->suggestions(QStringLiteral("port"))
                    ->suggestionText(0)
                    .contains(QLatin1String("found <code>Dockerfile</code>")));
        // A port is a number nobody groups, in any locale ("3,000" once said otherwise).
        QVERIFY2(page->suggestions(QStringLiteral("port"))->suggestionText(0).contains(QLatin1String("<b>3000</b>")),
                 qPrintable(page->suggestions(QStringLiteral("port"))->suggestionText(0)));
        // The install command is read off the manifest at the top (no lockfile there).
        QVERIFY2(page->suggestions(QStringLiteral("install_command"))
                     ->suggestionText(0)
                     .contains(QStringLiteral("<b>npm install</b> — found <code>package.json</code>")),
                 qPrintable(page->suggestions(QStringLiteral("install_command"))->suggestionText(0)));
        QVERIFY(page->suggestions(QStringLiteral("cache"))->suggestionText(0).contains(QLatin1String("Redis")));

        QTRY_VERIFY(previewText("docs/operations.md").contains(QLatin1String("# Orders API: Operations & Deployment")));
        QVERIFY(previewText("docs/operations.md")
                    .contains(QLatin1String("*Found in the project (project facts):* Project name: Orders API "
                                            "(README.md:1)")));

        // A typed name is the user's answer and wins over the one found.
        model()->setContextValue(QStringLiteral("project_name"), QStringLiteral("Orders"));
        QTRY_COMPARE(name->button(0)->text(), QStringLiteral("Accept"));
        QVERIFY(click(name->button(0)->objectName()));
        QCOMPARE(model()->snapshot().context.value(QStringLiteral("project_name")).toString(),
                 QStringLiteral("Orders API"));
        QVERIFY(!name->button(0)->isEnabled());
        // Everything the files agree on is in use already: nothing is left to accept.
        QVERIFY(!page->suggestions(QStringLiteral("port"))->button(0)->isEnabled());
        QCOMPARE(model()->resolver().contextValue(QStringLiteral("cache")).toString(), QStringLiteral("redis"));
        QCOMPARE(model()->resolver().contextValue(QStringLiteral("port")).toDouble(), 3000.0);
        QVERIFY(!find<QPushButton>(QStringLiteral("context/acceptAll"))->isEnabled());
    }

    void shouldShowWhatWasFoundInTheProject()
    {
        QVERIFY(openWindow(project("aiflow-c")));
        QVERIFY(nextUntil(QStringLiteral("context")));
        const QString config = find<QLabel>(QStringLiteral("project/config"))->text();
        QVERIFY(config.contains(QLatin1String(".ai-flow/core/config.json")));
        QVERIFY(config.contains(QLatin1String("version 2.2.0")));
        QVERIFY(config.contains(QLatin1String("fullstack")));
        auto *warning = find<QLabel>(QStringLiteral("project/warning"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QLatin1String("&quot;fullstack&quot; project")));
        QVERIFY(find<QLabel>(QStringLiteral("project/name"))->text().contains(QLatin1String("aiflow-c")));
        QVERIFY(find<QLabel>(QStringLiteral("project/documents"))
                    ->text()
                    .contains(QStringLiteral("✅ <code>docs/deployment.md</code>")));

        // A backend project shows no warning; its context files are listed found or not.
        QVERIFY(m_window->openProject(project("python-fly")));
        QVERIFY(nextUntil(QStringLiteral("context")));
        QVERIFY(!find<QLabel>(QStringLiteral("project/warning"))->isVisible());
        const QString files = find<QLabel>(QStringLiteral("project/contextFiles"))->text();
        QVERIFY(files.contains(QStringLiteral("✅ <code>docs/testing.md</code>")));
        QVERIFY(files.contains(QStringLiteral("✅ <code>ai-instructions.md</code>")));
        QVERIFY(files.contains(QLatin1String("pytest -q tests/")));
        QVERIFY(find<QLabel>(QStringLiteral("project/config"))->text().startsWith(QStringLiteral("❌")));
        QVERIFY(find<QLabel>(QStringLiteral("project/name"))
                    ->text()
                    .contains(QLatin1String("from <code>README.md:1</code>")));
    }

    void shouldOfferToKeepTheDocumentsInScenarioA()
    {
        QVERIFY(openWindow(project("aiflow-a")));
        QVERIFY(nextUntil(QStringLiteral("preflight")));
        QVERIFY(find<QLabel>(QStringLiteral("preflight/scenario"))->text().contains(QLatin1String("Scenario A")));
        QVERIFY(find<QLabel>(QStringLiteral("preflight/source"))
                    ->text()
                    .contains(QLatin1String("From ai-flow's audit data")));
        QVERIFY(find<QLabel>(QStringLiteral("preflight/documented"))->text().contains(QLatin1String("CI/CD pipeline")));
        QCOMPARE(find<QWidget>(QStringLiteral("preflight/choices"))->property("title").toString(),
                 QStringLiteral("Use existing documentation? (Y/n)"));
        QVERIFY(find<QRadioButton>(QStringLiteral("preflight/useExisting"))->isChecked());

        // Yes: straight to the summary, nothing asked.
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("summary"));
        // A summary line still leads to its question, and from there back to the summary.
        QVERIFY(wizard()->goToQuestion(QStringLiteral("7.4")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.4"));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("summary"));

        // No: the full phase.
        QVERIFY(wizard()->goToQuestion(QStringLiteral("7.1")));
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.1"));
        while (pageKey(wizard()) != QLatin1String("preflight"))
            wizard()->back();
        QVERIFY(click(QStringLiteral("preflight/answerAll")));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.1"));
        QCOMPARE(walkToSummary().size(), 18); // 17 questions and the summary
    }

    void shouldAskOnlyTheMissingQuestionsInScenarioB()
    {
        QVERIFY(openWindow(project("aiflow-b")));
        QVERIFY(click(QStringLiteral("scope/enterprise")));
        QVERIFY(nextUntil(QStringLiteral("preflight")));
        const PreflightResult &result = m_window->project()->preflight();
        QCOMPARE(result.scenario, PreflightScenario::AnswerMissing);
        QVERIFY(!result.missingQuestions.isEmpty());
        QVERIFY(result.missingQuestions.size() < 17);
        QVERIFY(find<QLabel>(QStringLiteral("preflight/scenario"))->text().contains(QLatin1String("Scenario B")));
        QVERIFY(find<QLabel>(QStringLiteral("preflight/gaps"))->text().contains(QLatin1String("Incident runbooks")));
        QVERIFY(find<QLabel>(QStringLiteral("preflight/documented"))->isVisible());
        QVERIFY(find<QRadioButton>(QStringLiteral("preflight/answerMissing"))->isChecked());
        QVERIFY(find<QRadioButton>(QStringLiteral("preflight/answerAll")));
        QVERIFY(!find<QLabel>(QStringLiteral("preflight/warning"))->isVisible());

        // Skip shows its warning.
        QVERIFY(click(QStringLiteral("preflight/skip")));
        auto *warning = find<QLabel>(QStringLiteral("preflight/warning"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QLatin1String("The gaps stay undocumented")));

        // The page says what docs/deployment.md answers; going on takes it, with its lines.
        const QString missing = find<QLabel>(QStringLiteral("preflight/missing"))->text();
        QVERIFY2(missing.contains(QLatin1String("<b>Taken from docs/deployment.md</b> as answers when you answer only "
                                                "the missing questions")),
                 qPrintable(missing));
        QVERIFY2(missing.contains(QLatin1String("<br>7.1 Deployment target: Container Orchestration "
                                                "(docs/deployment.md:5)<br>")),
                 qPrintable(missing));
        QVERIFY(!model()->stored(QStringLiteral("7.4"), QStringLiteral("platform")).isValid());

        // "Answer only the missing": the wizard asks exactly those, in the seed's order.
        QVERIFY(click(QStringLiteral("preflight/answerMissing")));
        QVERIFY(clickNext());
        QCOMPARE(model()->snapshot().onlyQuestions, result.missingQuestions);
        QCOMPARE(model()->stored(QStringLiteral("7.4"), QStringLiteral("platform")).toString(), QStringLiteral("B"));
        QStringList summary;
        for (const SummaryLine &line : summaryLines(model()->resolver()))
            summary.append(line.text);
        QVERIFY2(
            summary.join(u'\n').contains(QStringLiteral("GitLab CI — If using GitLab (from docs/deployment.md:9)")),
            qPrintable(summary.join(u'\n')));
        const QStringList pages = walkToSummary();
        QCOMPARE(pages, result.missingQuestions + QStringList{QStringLiteral("summary")});
        QVERIFY(m_window->flushAnswers());
        QCOMPARE(readJson(m_window->answersPath()).value(QLatin1String("only")).toVariant().toStringList(),
                 result.missingQuestions);

        // Re-answer everything: the full phase again.
        while (pageKey(wizard()) != QLatin1String("preflight"))
            wizard()->back();
        QVERIFY(find<QRadioButton>(QStringLiteral("preflight/answerMissing"))->isChecked());
        QVERIFY(click(QStringLiteral("preflight/answerAll")));
        QVERIFY(clickNext());
        QVERIFY(model()->snapshot().onlyQuestions.isEmpty());
        QCOMPARE(walkToSummary().size(), 18);

        // Skip: to the summary.
        while (pageKey(wizard()) != QLatin1String("preflight"))
            wizard()->back();
        QVERIFY(click(QStringLiteral("preflight/skip")));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("summary"));
    }

    // MVP skips most of what phase 0 reports missing: the hybrid path still asks those
    // questions, in full, and the pre-flight and question pages say why.
    void shouldAskTheMissingQuestionsMvpSkipsOnTheHybridPath()
    {
        QVERIFY(openWindow(project("aiflow-b")));
        QVERIFY(click(QStringLiteral("scope/mvp")));
        QVERIFY(nextUntil(QStringLiteral("preflight")));
        const PreflightResult &result = m_window->project()->preflight();
        QCOMPARE(result.scenario, PreflightScenario::AnswerMissing);
        QVERIFY(result.missingQuestions.contains(QStringLiteral("7.7")));
        const QString missing = find<QLabel>(QStringLiteral("preflight/missing"))->text();
        QStringList skippedByMvp;
        for (const QString &id : result.missingQuestions) {
            if (model()->questionnaire().question(id)->asked(Scope::Mvp) == Asked::Skip)
                skippedByMvp.append(id);
        }
        QVERIFY(skippedByMvp.contains(QStringLiteral("7.7")));
        QVERIFY2(missing.contains(QStringLiteral("MVP scope skips %1;").arg(skippedByMvp.join(QLatin1String(", ")))),
                 qPrintable(missing));
        QVERIFY(missing.contains(QLatin1String("asks them in full")));

        QVERIFY(click(QStringLiteral("preflight/answerMissing")));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), result.missingQuestions.first());
        const QStringList pages = walkToSummary();
        QCOMPARE(pages, result.missingQuestions + QStringList{QStringLiteral("summary")});
        // 7.7 is asked in full, with the note that MVP would have skipped it.
        QVERIFY(wizard()->goToQuestion(QStringLiteral("7.7")));
        auto *note = wizard()->currentPage()->findChild<QLabel *>(QStringLiteral("simplifiedNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("MVP scope skips this question; it is asked because")),
                 qPrintable(note->text()));
        QVERIFY(!model()->resolver().isSkipped(QStringLiteral("7.7")));
    }

    // The choice is saved with the answers: a restart shows it again, and the wizard follows it.
    void shouldRememberThePreflightChoiceAfterARestart()
    {
        const QString folder = project("aiflow-b");
        QVERIFY(openWindow(folder));
        QVERIFY(nextUntil(QStringLiteral("preflight")));
        QVERIFY(click(QStringLiteral("preflight/skip")));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("summary"));
        QVERIFY(m_window->flushAnswers());
        QCOMPARE(readJson(m_window->answersPath()).value(QLatin1String("preflight")).toString(),
                 QStringLiteral("skip"));

        m_window.reset();
        QVERIFY(openWindow(folder));
        QCOMPARE(model()->snapshot().preflight, std::optional(PreflightAction::Skip));
        QVERIFY(nextUntil(QStringLiteral("preflight")));
        QVERIFY(find<QRadioButton>(QStringLiteral("preflight/skip"))->isChecked());
        QVERIFY(!find<QRadioButton>(QStringLiteral("preflight/answerMissing"))->isChecked());
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("summary"));
        // The generate step says that it writes beside the documents the user chose to keep.
        QVERIFY(click(QStringLiteral("summary/yes")));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("generate"));
        QVERIFY(find<QLabel>(QStringLiteral("generate/folder"))
                    ->text()
                    .contains(QLatin1String("You chose on the pre-flight page to keep the existing documentation")));
    }

    void shouldAskTheFullPhaseInScenarioC()
    {
        QVERIFY(openWindow(project("aiflow-c")));
        QVERIFY(nextUntil(QStringLiteral("preflight")));
        QVERIFY(find<QLabel>(QStringLiteral("preflight/scenario"))->text().contains(QLatin1String("Scenario C")));
        auto *reasons = find<QLabel>(QStringLiteral("preflight/reasons"));
        QVERIFY(reasons->isVisible());
        QVERIFY(reasons->text().contains(QLatin1String("below 80%")));
        QVERIFY(find<QRadioButton>(QStringLiteral("preflight/answerAll"))->isChecked());
        QVERIFY(!find<QRadioButton>(QStringLiteral("preflight/answerMissing")));
        QVERIFY(!find<QRadioButton>(QStringLiteral("preflight/skip")));
        QVERIFY(clickNext());
        QCOMPARE(pageKey(wizard()), QStringLiteral("7.1"));
        QCOMPARE(walkToSummary().size(), 18);
    }

    void shouldSayWhenOpsFlowAuditedTheDocumentsItself()
    {
        QVERIFY(openWindow(project("audit-corrupt")));
        QVERIFY(nextUntil(QStringLiteral("preflight")));
        QCOMPARE(find<QLabel>(QStringLiteral("preflight/source"))->text(),
                 QStringLiteral("No audit data from ai-flow: OpsFlow audited <code>docs/deployment.md</code> itself."));
        auto *error = find<QLabel>(QStringLiteral("preflight/auditError"));
        QVERIFY(error->isVisible());
        const QString sentence = m_window->project()->preflight().auditDataError;
        QVERIFY(!sentence.isEmpty());
        QVERIFY(error->text().contains(sentence.toHtmlEscaped()));
        QVERIFY(sentence.contains(QLatin1String("audit-data.json")));
    }

    void shouldNameTheProjectInTheTitle()
    {
        QVERIFY(openWindow(project("node-api")));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("OpsFlow — Orders API"));
        QVERIFY(m_window->openProject(project("aiflow-a")));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("OpsFlow — Ledger API"));
        QVERIFY(m_window->openProject(project("aiflow-c")));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("OpsFlow — aiflow-c"));
    }

    void shouldKeepTheRecentProjects()
    {
        const QString first = project("node-api");
        const QString second = project("python-fly");
        QVERIFY(openWindow(first));
        QVERIFY(m_window->openProject(second));
        QCOMPARE(m_window->recentProjects()->folders(),
                 (QStringList{QFileInfo(second).canonicalFilePath(), QFileInfo(first).canonicalFilePath()}));
        QListWidget *list = wizard()->startPage()->recentList();
        QCOMPARE(list->count(), 2);

        // At most eight, newest first; folders that vanished are dropped.
        for (int i = 0; i < 9; ++i) {
            const QString folder = m_root->filePath(QStringLiteral("p%1").arg(i));
            QVERIFY(QDir().mkpath(folder));
            m_window->recentProjects()->add(folder);
        }
        QCOMPARE(m_window->recentProjects()->folders().size(), RecentProjects::MaxEntries);
        QCOMPARE(QFileInfo(m_window->recentProjects()->folders().first()).fileName(), QStringLiteral("p8"));
        QVERIFY(QDir(m_root->filePath(QStringLiteral("p8"))).removeRecursively());
        QCOMPARE(QFileInfo(m_window->recentProjects()->folders().first()).fileName(), QStringLiteral("p7"));
        QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList().size(), 7);

        // Enter on the start page's list opens the folder, and only that: the wizard goes to
        // the page after the start page, not one further.
        m_window->recentProjects()->add(first);
        wizard()->restart();
        QCOMPARE(list->count(), 8);
        list->setCurrentRow(0);
        list->setFocus();
        bool asked = false;
        answerFolderQuestion(true, &asked);
        QTest::keyClick(list, Qt::Key_Return);
        QVERIFY(asked); // node-api has no .ai-flow/
        QCOMPARE(m_window->projectFolder(), QFileInfo(first).canonicalFilePath());
        QCOMPARE(pageKey(wizard()), QStringLiteral("mode"));

        // A double-click opens one too.
        wizard()->restart();
        const QString other = list->item(1)->data(Qt::UserRole).toString();
        QCOMPARE(QFileInfo(other).fileName(), QStringLiteral("p7"));
        const QPoint at = list->visualItemRect(list->item(1)).center();
        answerFolderQuestion(true, &asked);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(m_window->projectFolder(), other);
        QCOMPARE(pageKey(wizard()), QStringLiteral("mode"));
    }

    void shouldOpenAFolderDroppedOnTheWindow()
    {
        const QString folder = project("python-fly");
        m_window = newWindow();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        bool asked = false;
        answerFolderQuestion(true, &asked);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(asked);
        QCOMPARE(m_window->projectFolder(), QFileInfo(folder).canonicalFilePath());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("OpsFlow — Weather Service"));

        // A file is not a project.
        QMimeData file;
        file.setUrls({QUrl::fromLocalFile(QDir(folder).filePath(QStringLiteral("fly.toml")))});
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QApplication::sendEvent(m_window.get(), &refused);
        QVERIFY(!refused.isAccepted());
    }

    // A folder from the recent list that is not an ai-flow project is not written into
    // without a yes: Cancel leaves it untouched and the current project open.
    void shouldAskBeforeUsingAFolderWithoutAiFlow()
    {
        const QString current = project("aiflow-a");
        const QString plain = project("node-api");
        QVERIFY(openWindow(current));
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("platform"), QStringLiteral("Fly.io"));
        bool asked = false;
        answerFolderQuestion(false, &asked);
        Q_EMIT wizard()->recentFolderRequested(plain);
        QVERIFY(asked);
        QCOMPARE(m_window->projectFolder(), QFileInfo(current).canonicalFilePath());
        QVERIFY(m_window->flushAnswers());
        QVERIFY(!QFileInfo::exists(QDir(plain).filePath(QStringLiteral(".ai-flow"))));

        // Yes: it becomes the project, and what was typed is saved into it.
        answerFolderQuestion(true, &asked);
        Q_EMIT wizard()->recentFolderRequested(plain);
        QVERIFY(asked);
        QCOMPARE(m_window->projectFolder(), QFileInfo(plain).canonicalFilePath());

        // An ai-flow project opens without a question.
        answerFolderQuestion(false, &asked);
        Q_EMIT wizard()->recentFolderRequested(current);
        QVERIFY(!asked);
        QCOMPARE(m_window->projectFolder(), QFileInfo(current).canonicalFilePath());
    }

    void shouldSaveTheAnswersBeforeSwitchingProjects()
    {
        const QString first = project("node-api");
        const QString second = project("python-fly");
        QVERIFY(openWindow(first));
        m_window->autoSaver()->setDelay(60 * 60 * 1000); // only the switch may save
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("platform"), QStringLiteral("AWS ECS"));
        QVERIFY(m_window->autoSaver()->isDirty());
        QVERIFY(m_window->openProject(second));
        const QJsonObject saved = readJson(AnswersFile::pathForProject(first));
        QCOMPARE(saved.value(QLatin1String("answers"))
                     .toObject()
                     .value(QLatin1String("7.1"))
                     .toObject()
                     .value(QLatin1String("platform"))
                     .toString(),
                 QStringLiteral("AWS ECS"));
        QCOMPARE(m_window->answersPath(), AnswersFile::pathForProject(QFileInfo(second).canonicalFilePath()));
    }

    void shouldScanAgainForEachProject()
    {
        QVERIFY(openWindow(project("node-api")));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->project()->hasEvidence(),
                                 60000); // the scan runs in a thread pool; CI is loaded
        QVERIFY(!wizard()->questionPage(QStringLiteral("7.4"))->suggestionBox()->isHidden());
        QVERIFY(m_window->openProject(project("python-fly")));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->project()->hasEvidence(),
                                 60000); // the scan runs in a thread pool; CI is loaded
        // node-api's GitHub Actions must not linger on python-fly's pages.
        QVERIFY(wizard()->questionPage(QStringLiteral("7.4"))->suggestionBox()->isHidden());
        QVERIFY(!wizard()->questionPage(QStringLiteral("7.1"))->suggestionBox()->isHidden());
    }
};

QTEST_MAIN(TestProject)
#include "tst_project.moc"
