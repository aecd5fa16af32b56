// The seed's "Phase 7 Complete!": the documents written, ways to open them, the backups
// made, and the pointer to phase 8.
#include "completionpage.h"

#include "answersmodel.h"
#include "projectsession.h"
#include "textstyles.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

namespace opsflow {

namespace {

QPushButton *openButton(const QString &name, const QString &text, const QString &path, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAutoDefault(false);
    button->setToolTip(QDir::toNativeSeparators(path));
    QObject::connect(button, &QPushButton::clicked, button,
                     [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    return button;
}

} // namespace

CompletionPage::CompletionPage(AnswersModel *model, ProjectSession *project, const GenerationSession *session,
                               QWidget *parent)
    : QWizardPage(parent), m_model(model), m_project(project), m_session(session), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("completion"));
    setTitle(tr("✅ Phase %1 Complete!").arg(model->questionnaire().phase()));
    setFinalPage(true);
}

QString CompletionPage::phase8Prompt()
{
    return QStringLiteral(".ai-flow/prompts/backend/flow-build-phase-8.md");
}

void CompletionPage::showOutcome()
{
    m_changed.clear();
    setSubTitle(m_session->outcomeSentence(m_model->questionnaire().phase()));
    refresh();
}

void CompletionPage::initializePage()
{
    refresh();
}

void CompletionPage::filesChangedOnDisk(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (!m_changed.contains(path))
            m_changed.append(path);
    }
    refresh();
}

void CompletionPage::refresh()
{
    delete m_content;
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setAccessibleName(tr("What was written"));
    scroll->setAccessibleDescription(tr("The outcome for each document, and where to go next; arrow keys scroll."));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = scroll;
    m_layout->addWidget(scroll);
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 8, 0);
    column->setSpacing(10);
    scroll->setWidget(content);

    const QString folder = m_project->folder();
    const QDir project(folder);

    column->addWidget(
        TextStyles::richLabel(QStringLiteral("completion/heading"), content, tr("<b>Generated documents:</b>")));
    auto *files = new QGridLayout;
    files->setColumnStretch(0, 1);
    int row = 0;
    QStringList onDisk; // what "Review the Documents" opens
    for (const FileReport &report : m_session->reports()) {
        const QString &absolute = report.absolutePath;
        const bool written = report.outcome == FileReport::Outcome::Written
            || report.outcome == FileReport::Outcome::Unchanged || report.outcome == FileReport::Outcome::Kept;
        const bool there = written && QFileInfo::exists(absolute);
        if (there)
            onDisk.append(absolute);
        QString text;
        if (there) {
            text = tr("✅ %1 <span style=\"color:%2\">(%3) — %4</span>")
                       .arg(TextStyles::code(report.path), TextStyles::mutedColor(palette()).name(),
                            outcomeText(report.outcome), QDir::toNativeSeparators(absolute).toHtmlEscaped());
        } else {
            const QString why = report.reason.isEmpty() ? outcomeText(report.outcome) : report.reason;
            text = tr("⛔ %1 — %2").arg(TextStyles::code(report.path), why.toHtmlEscaped());
        }
        files->addWidget(TextStyles::richLabel(QStringLiteral("completion/file/") + report.path, content, text), row,
                         0);
        if (there)
            files->addWidget(
                openButton(QStringLiteral("completion/open/") + report.path, tr("Open"), absolute, content), row, 1,
                Qt::AlignTop);
        ++row;
    }
    column->addLayout(files);
    if (!folder.isEmpty()) {
        auto *openFolder =
            openButton(QStringLiteral("completion/openFolder"), tr("Open the &Project Folder"), folder, content);
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(openFolder);
        buttons->addStretch();
        column->addLayout(buttons);
    }

    if (!m_changed.isEmpty()) {
        QStringList lines;
        for (const QString &path : std::as_const(m_changed))
            lines.append(tr("🔄 %1 changed on disk — re-read").arg(TextStyles::code(path)));
        column->addWidget(
            TextStyles::richLabel(QStringLiteral("completion/changed"), content, lines.join(QStringLiteral("<br>"))));
    }

    QStringList backups;
    for (const QString &backup : m_session->result().backups)
        backups.append(TextStyles::code(QDir::toNativeSeparators(project.relativeFilePath(backup))));
    auto *backupLabel = TextStyles::richLabel(
        QStringLiteral("completion/backups"), content,
        backups.isEmpty()
            ? tr("No existing file was replaced, so no backup was needed.")
            : tr("<b>Backups of the replaced files:</b><br>%1").arg(backups.join(QStringLiteral("<br>"))));
    if (backups.isEmpty())
        TextStyles::makeSmallPrint(backupLabel);
    column->addWidget(backupLabel);

    // The seed's closing question, answered with a button: review opens every document that
    // is on disk (edits are noticed and re-read); continuing opens the phase 8 prompt.
    const QString prompt = phase8Prompt();
    const bool hasPrompt = !folder.isEmpty() && QFileInfo::exists(project.filePath(prompt));
    if (!onDisk.isEmpty() || hasPrompt) {
        column->addWidget(
            TextStyles::richLabel(QStringLiteral("completion/review"), content,
                                  tr("📝 Would you like to review these documents before proceeding to Phase 8?")));
        auto *answers = new QHBoxLayout;
        if (!onDisk.isEmpty()) {
            auto *review = new QPushButton(tr("&Yes, Review the Documents"), content);
            review->setObjectName(QStringLiteral("completion/reviewDocuments"));
            review->setAutoDefault(false);
            review->setToolTip(tr("Opens each document in its default application. OpsFlow notices your edits "
                                  "and keeps them when it generates again."));
            review->setAccessibleDescription(review->toolTip());
            connect(review, &QPushButton::clicked, review, [onDisk] {
                for (const QString &path : onDisk)
                    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
            });
            answers->addWidget(review);
        }
        if (hasPrompt) {
            auto *next = openButton(QStringLiteral("completion/openPhase8"), tr("No, &Continue to Phase 8"),
                                    project.filePath(prompt), content);
            next->setAccessibleDescription(tr("Opens the phase 8 prompt: %1").arg(prompt));
            answers->addWidget(next);
        }
        answers->addStretch();
        column->addLayout(answers);
    }
    column->addWidget(TextStyles::richLabel(
        QStringLiteral("completion/nextPhase"), content,
        hasPrompt ? tr("<b>Next Phase:</b> Phase 8 - Project Setup &amp; Final Documentation<br>Read: %1")
                        .arg(TextStyles::code(prompt))
                  : tr("<b>Next Phase:</b> Phase 8 - Project Setup &amp; Final Documentation, run with ai-flow "
                       "(this folder has no %1).")
                        .arg(TextStyles::code(prompt))));
    column->addStretch();
}

} // namespace opsflow
