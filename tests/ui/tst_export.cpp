// File → Export Summary: every format written and read back, the clipboard, the dialogs,
// and the error when the target cannot be written.
#include "answersfile.h"
#include "answersmodel.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "summary.h"
#include "summaryexporter.h"
#include "summarypdf.h"
#include "wizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>

#include <functional>
#include <memory>

using namespace opsflow;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString simplified(const QString &text)
{
    return text.simplified();
}

// The words of a text as pdftotext reads them back: typographic ligatures undone.
QStringList words(QString text)
{
    text.replace(QChar(0xFB00), QLatin1String("ff"))
        .replace(QChar(0xFB01), QLatin1String("fi"))
        .replace(QChar(0xFB02), QLatin1String("fl"))
        .replace(QChar(0xFB03), QLatin1String("ffi"))
        .replace(QChar(0xFB04), QLatin1String("ffl"));
    return text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// Whether `line`'s words appear in `pdf` in order. A wrapped table cell may break a word
// after a hyphen ("Auto-" "deploy"), interleave the next column ("7.9.1") or, at a page
// break, repeat a line: the words may be split and other words may come between.
bool containsInOrder(const QStringList &pdf, const QStringList &line)
{
    qsizetype at = 0;
    for (const QString &word : line) {
        bool found = false;
        for (qsizetype start = at; start < pdf.size() && !found; ++start) {
            QString joined;
            qsizetype end = start;
            while (end < pdf.size() && joined.size() < word.size() && word.startsWith(joined + pdf.at(end)))
                joined += pdf.at(end++);
            if (joined == word) {
                found = true;
                at = end;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;

    AnswersModel *model() const { return m_window->answersModel(); }
    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Runs `step` on each modal dialog as it opens (the export's dialogs block in exec()).
    void onNextModal(const std::function<void(QWidget *)> &step)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [timer, step] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            timer->stop();
            timer->deleteLater();
            step(modal);
        });
        timer->start();
    }

    void answerSomething()
    {
        model()->setScope(Scope::Enterprise);
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("choice"), QStringLiteral("B"));
        model()->setValue(QStringLiteral("7.1"), QStringLiteral("platform"), QStringLiteral("Fly.io <staging & prod>"));
        model()->setValue(QStringLiteral("7.7"), QStringLiteral("rto_minutes"), 45);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("OpsFlow-tests"));
        m_settings = std::make_unique<QTemporaryDir>();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings->path());
        // As main() does.
        setSummaryPdfWriter(&summaryPdf);
    }

    void init()
    {
        QFile::remove(AnswersFile::pathForProject(QString()));
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_window = std::make_unique<MainWindow>();
        // The preview is not under test here: hidden, it renders nothing.
        m_window->previewWidget()->hide();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openProject(m_dir->path()));
        answerSomething();
    }

    void cleanup()
    {
        m_window.reset();
        m_dir.reset();
    }

    void shouldNameTheFileAfterThePhase()
    {
        const SummaryExporter exporter(model());
        QCOMPARE(exporter.defaultPath(SummaryFormat::Markdown, m_dir->path()),
                 path(QStringLiteral("phase7-summary.md")));
        QCOMPARE(exporter.defaultPath(SummaryFormat::Pdf, m_dir->path()), path(QStringLiteral("phase7-summary.pdf")));
        QCOMPARE(exporter.defaultPath(SummaryFormat::Json, QString()),
                 QDir::home().filePath(QStringLiteral("phase7-summary.json")));
        QCOMPARE(SummaryExporter::nameFilter(SummaryFormat::Html), QStringLiteral("HTML (*.html)"));
    }

    void shouldWriteMarkdownAndText()
    {
        const Resolver resolver = model()->resolver();
        QVERIFY(m_window->exportSummaryTo(SummaryFormat::Markdown, path(QStringLiteral("s.md"))));
        QCOMPARE(QString::fromUtf8(readAll(path(QStringLiteral("s.md")))), summaryMarkdown(resolver));
        QVERIFY(m_window->exportSummaryTo(SummaryFormat::Text, path(QStringLiteral("s.txt"))));
        const QString text = QString::fromUtf8(readAll(path(QStringLiteral("s.txt"))));
        QCOMPARE(text, summaryText(resolver));
        for (const SummaryLine &line : summaryLines(resolver))
            QVERIFY2(text.contains(line.label), qPrintable(line.label));
        QVERIFY(text.contains(QLatin1String("Fly.io <staging & prod>")));
    }

    void shouldWriteJsonThatReadsBackToTheSameAnswers()
    {
        QVERIFY(m_window->exportSummaryTo(SummaryFormat::Json, path(QStringLiteral("s.json"))));
        const QJsonObject root = QJsonDocument::fromJson(readAll(path(QStringLiteral("s.json")))).object();
        QCOMPARE(root.value(QLatin1String("summary")).toArray().size(), summaryLines(model()->resolver()).size());
        QString error;
        const auto answers = AnswersFile::fromJson(
            QJsonDocument(root.value(QLatin1String("answers")).toObject()).toJson(), model()->questionnaire(), &error);
        QVERIFY2(answers, qPrintable(error));
        QCOMPARE(*answers, model()->snapshot());
    }

    void shouldWriteHtmlWithEveryLine()
    {
        QVERIFY(m_window->exportSummaryTo(SummaryFormat::Html, path(QStringLiteral("s.html"))));
        QTextDocument document;
        document.setHtml(QString::fromUtf8(readAll(path(QStringLiteral("s.html")))));
        const QString text = simplified(document.toPlainText());
        for (const SummaryLine &line : summaryLines(model()->resolver())) {
            QVERIFY2(text.contains(simplified(line.label)), qPrintable(line.label));
            QVERIFY2(text.contains(simplified(line.text)), qPrintable(line.text));
        }
    }

    void shouldWritePdfWithEveryLine()
    {
        const QString pdf = path(QStringLiteral("s.pdf"));
        QVERIFY(m_window->exportSummaryTo(SummaryFormat::Pdf, pdf));
        QVERIFY(readAll(pdf).startsWith("%PDF-"));
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (tool.isEmpty())
            QSKIP("pdftotext is not installed (poppler-utils): the PDF's text cannot be read back");
        QProcess process;
        process.start(tool, {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QStringList text = words(QString::fromUtf8(process.readAllStandardOutput()));
        for (const SummaryLine &line : summaryLines(model()->resolver())) {
            QVERIFY2(containsInOrder(text, words(line.label)), qPrintable(line.label));
            QVERIFY2(containsInOrder(text, words(line.text)), qPrintable(line.text));
        }
    }

    void shouldCopyTextAndHtmlToTheClipboard()
    {
        QApplication::clipboard()->clear();
        m_window->copySummary();
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text(), summaryMarkdown(model()->resolver()));
        QVERIFY(mime->hasHtml());
        QCOMPARE(mime->html(), summaryHtml(model()->resolver()));
    }

    void shouldExplainAFileThatCannotBeWritten()
    {
        // A file where a folder should be: refused even to root, unlike permissions.
        QFile blocker(path(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString target = path(QStringLiteral("blocked/phase7-summary.md"));
        QVERIFY(!m_window->exportSummaryTo(SummaryFormat::Markdown, target));
        QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage")));
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"));
        QVERIFY(box->text().startsWith(QStringLiteral("Cannot write %1").arg(QDir::toNativeSeparators(target))));
        QCOMPARE(box->windowTitle(), QStringLiteral("Cannot Export the Summary"));
        box->close();
        QCOMPARE(QFileInfo(path(QStringLiteral("blocked"))).size(), 0);
    }

    void shouldPickTheFormatInADialog()
    {
        ExportDialog dialog(m_window.get());
        for (const SummaryFormat format : SummaryExporter::formats()) {
            dialog.setFormat(format);
            QCOMPARE(dialog.format(), std::optional<SummaryFormat>(format));
        }
        dialog.setFormat(std::nullopt);
        QVERIFY(!dialog.format());
        QVERIFY(dialog.findChild<QAbstractButton *>(QStringLiteral("export/clipboard"))->isChecked());
    }

    void shouldExportFromTheMenuIntoTheProjectFolder()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("exportSummaryAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));

        QString suggested;
        onNextModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<ExportDialog *>(modal);
            QVERIFY(dialog);
            dialog->setFormat(SummaryFormat::Markdown);
            // Then the file dialog, offered in the project folder under the phase's name.
            onNextModal([&](QWidget *files) {
                auto *save = qobject_cast<QFileDialog *>(files);
                QVERIFY(save);
                suggested = save->selectedFiles().value(0);
                QMetaObject::invokeMethod(save, "accept");
            });
            dialog->accept();
        });
        action->trigger();
        QCOMPARE(suggested, path(QStringLiteral("phase7-summary.md")));
        QCOMPARE(QString::fromUtf8(readAll(suggested)), summaryMarkdown(model()->resolver()));
    }

    void shouldAskBeforeReplacingAFile()
    {
        const QString target = path(QStringLiteral("phase7-summary.md"));
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me\n");
        existing.close();

        bool asked = false;
        onNextModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<ExportDialog *>(modal);
            QVERIFY(dialog);
            dialog->setFormat(SummaryFormat::Markdown);
            onNextModal([&](QWidget *files) {
                auto *save = qobject_cast<QFileDialog *>(files);
                QVERIFY(save);
                // The confirmation comes up over the file dialog: "No" keeps the file.
                onNextModal([&](QWidget *question) {
                    auto *box = qobject_cast<QMessageBox *>(question);
                    QVERIFY(box);
                    asked = box->text().contains(QLatin1String("phase7-summary.md"));
                    box->button(QMessageBox::No)->click();
                    QMetaObject::invokeMethod(save, "reject", Qt::QueuedConnection);
                });
                QMetaObject::invokeMethod(save, "accept");
            });
            dialog->accept();
        });
        m_window->exportSummary();
        QVERIFY(asked);
        QCOMPARE(readAll(target), QByteArray("keep me\n"));
    }

    void shouldOpenTheExportFromTheSummaryPage()
    {
        bool opened = false;
        onNextModal([&](QWidget *modal) {
            opened = qobject_cast<ExportDialog *>(modal) != nullptr;
            static_cast<QDialog *>(modal)->reject();
        });
        Wizard *wizard = m_window->wizard();
        while (wizard->currentId() != Wizard::SummaryPageId)
            wizard->next();
        auto *button = m_window->findChild<QPushButton *>(QStringLiteral("summary/export"));
        QVERIFY(button && button->isVisible());
        button->click();
        QVERIFY(opened);
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
