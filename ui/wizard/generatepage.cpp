// The generate step: the context re-read from earlier phases, then per document its plan
// (new / unchanged / changed with a diff / blocked), merge conflicts to decide, template
// errors, and the button that writes (with backups).
#include "generatepage.h"

#include "answersmodel.h"
#include "consistency.h"
#include "diffview.h"
#include "generation.h"
#include "knowledge.h"
#include "projectsession.h"
#include "textdiff.h"
#include "textstyles.h"
#include "uilogging.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace opsflow {

namespace {

void countLines(const QString &diff, int *added, int *removed)
{
    *added = 0;
    *removed = 0;
    for (const QStringView line : QStringView(diff).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---")))
            continue;
        if (line.startsWith(QLatin1Char('+')))
            ++*added;
        else if (line.startsWith(QLatin1Char('-')))
            ++*removed;
    }
}

} // namespace

GeneratePage::GeneratePage(AnswersModel *model, ProjectSession *project, GenerationSession *session, QWidget *parent)
    : QWizardPage(parent), m_model(model), m_project(project), m_session(session),
      m_context(TextStyles::richLabel(QStringLiteral("generate/context"), this)),
      m_folder(TextStyles::richLabel(QStringLiteral("generate/folder"), this)),
      m_errors(TextStyles::richLabel(QStringLiteral("generate/errors"), this)),
      m_warnings(TextStyles::richLabel(QStringLiteral("generate/warnings"), this)),
      m_rules(TextStyles::richLabel(QStringLiteral("generate/rules"), this)),
      m_acceptErrors(new QCheckBox(tr("Write the documents &anyway, with these contradictions in them"), this)),
      m_aiFlowTemplates(new QCheckBox(tr("&Use the project's own ai-flow templates"), this)),
      m_scroll(new QScrollArea(this)), m_outcome(TextStyles::richLabel(QStringLiteral("generate/outcome"), this)),
      m_generate(new QPushButton(tr("&Generate"), this))
{
    setObjectName(QStringLiteral("generate"));
    setTitle(tr("📄 Generate Phase %1 Documents").arg(model->questionnaire().phase()));
    setSubTitle(tr("What will be written, file by file. Your own text in existing documents is kept; "
                   "a copy of every file replaced goes to .ai-flow/backups/phase7/."));

    m_errors->hide();
    m_warnings->hide();
    m_rules->hide();
    m_acceptErrors->setObjectName(QStringLiteral("generate/acceptErrors"));
    m_acceptErrors->hide();
    m_aiFlowTemplates->setObjectName(QStringLiteral("generate/aiFlowTemplates"));
    m_aiFlowTemplates->setAccessibleDescription(
        tr("Writes the documents from the templates under .ai-flow/templates/ instead of OpsFlow's own; names "
           "OpsFlow has no value for stay as TBD marks. Saved with the answers."));
    m_aiFlowTemplates->hide();
    m_scroll->setWidgetResizable(true);
    m_scroll->setAccessibleName(tr("Documents to write"));
    m_scroll->setAccessibleDescription(tr("What will happen to each document; arrow keys scroll."));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_outcome->hide();
    m_generate->setObjectName(QStringLiteral("generate/write"));
    m_generate->setAccessibleDescription(
        tr("Writes the documents listed on this page into the project folder, as planned above."));
    m_generate->setAutoDefault(false);
    m_generate->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_outcome, 1);
    bottom->addStretch(0);
    bottom->addWidget(m_generate, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_context);
    layout->addWidget(m_folder);
    layout->addWidget(m_aiFlowTemplates);
    layout->addWidget(m_errors);
    layout->addWidget(m_warnings);
    layout->addWidget(m_rules);
    layout->addWidget(m_acceptErrors);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(bottom);

    connect(m_generate, &QPushButton::clicked, this, &GeneratePage::generate);
    connect(m_acceptErrors, &QCheckBox::toggled, this, [this](bool accepted) {
        m_session->setAcceptContradictions(accepted);
        updateGenerateButton();
    });
    connect(m_aiFlowTemplates, &QCheckBox::toggled, this, [this](bool theirs) {
        m_model->setTemplates(theirs ? TemplateChoice::AiFlow : TemplateChoice::OpsFlow);
        replan();
    });
    connect(m_project, &ProjectSession::folderChanged, this, [this] {
        m_session->clearChoices();
        if (isVisible())
            replan();
    });
}

void GeneratePage::initializePage()
{
    m_acceptErrors->setChecked(false);
    m_session->setAcceptContradictions(false);
    m_outcome->hide();
    replan();
    Q_EMIT completeChanged();
}

void GeneratePage::cleanupPage()
{
    // Back to the summary: what was written is history; the next visit plans afresh
    // (initializePage), so nothing is generated here.
    m_session->forgetOutcome();
}

bool GeneratePage::isComplete() const
{
    return m_session->succeeded();
}

ConflictChoice GeneratePage::choice(const QString &path, const QString &sectionId) const
{
    return m_session->choice(path, sectionId);
}

void GeneratePage::setChoice(const QString &path, const QString &sectionId, ConflictChoice choice)
{
    if (this->choice(path, sectionId) == choice)
        return;
    m_session->setChoice(path, sectionId, choice);
    replan();
}

void GeneratePage::replan()
{
    // The choice is offered only where there is something to choose: the project's own ai-flow
    // templates, named so the user knows which files will write the documents.
    QStringList sources;
    if (m_project->isOpen()) {
        for (const TemplateSet::Entry &entry : TemplateSet::forProject(m_project->folder()).aiFlowEntries())
            sources.append(entry.aiFlow->source);
    }
    const bool theirs = m_model->snapshot().templates == TemplateChoice::AiFlow;
    m_aiFlowTemplates->setVisible(!sources.isEmpty() || theirs);
    m_aiFlowTemplates->setToolTip(sources.join(u'\n'));
    m_aiFlowTemplates->setText(
        sources.isEmpty() ? tr("&Use the project's own ai-flow templates (none found)")
                          : tr("&Use the project's own ai-flow templates (%n file(s))", nullptr, int(sources.size())));
    {
        const QSignalBlocker blocker(m_aiFlowTemplates);
        m_aiFlowTemplates->setChecked(theirs);
    }
    showContext();
    m_session->replan(m_model->resolver(), m_project->folder());
    showPlan();
}

void GeneratePage::updateGenerateButton()
{
    // Without a folder the button asks for one; otherwise it is as usable as the session.
    const GenerationSession::Blocker blocker = m_session->blocker();
    m_generate->setEnabled(blocker == GenerationSession::Blocker::None
                           || blocker == GenerationSession::Blocker::NoFolder);
}

void GeneratePage::showContext()
{
    // The seed re-reads the earlier phases' context before it generates.
    QStringList lines{tr("📖 Loading context from previous phases…")};
    if (!m_project->isOpen()) {
        lines.append(tr("No project folder yet: there are no context files to read."));
    } else {
        for (const QString &path : {QStringLiteral("docs/testing.md"), QStringLiteral("ai-instructions.md")}) {
            const ProjectFile file = readProjectFile(m_project->folder(), path);
            if (file.read)
                lines.append(tr("✅ Re-reading %1").arg(TextStyles::code(path)));
            else if (file.exists)
                lines.append(tr("⚠️ %1 — %2").arg(TextStyles::code(path), file.note.toHtmlEscaped()));
            else
                lines.append(tr("✗ %1 — not found").arg(TextStyles::code(path)));
        }
    }
    m_context->setText(lines.join(QStringLiteral("<br>")));
}

void GeneratePage::showPlan()
{
    QString into = m_project->isOpen()
        ? tr("Into <b>%1</b>").arg(QDir::toNativeSeparators(m_project->folder()).toHtmlEscaped())
        : tr("<b>No project folder is open.</b> Generate asks for one and moves your answers there.");
    // The pre-flight choice to keep the existing documents: Generate writes OpsFlow's beside
    // them all the same, so say so (the command line writes nothing without --force).
    const auto &preflight = m_model->snapshot().preflight;
    if (m_project->isOpen() && preflight && keepsExistingDocuments(*preflight))
        into += tr("<br>You chose on the pre-flight page to keep the existing documentation "
                   "(%1). Generate writes these documents beside it; to leave the folder as it is, "
                   "close OpsFlow without generating.")
                    .arg(TextStyles::code(m_project->preflight().targetFile));
    m_folder->setText(into);
    m_generate->setText(m_project->isOpen() ? tr("&Generate") : tr("Choose Folder and &Generate…"));

    QStringList errors;
    for (const TemplateError &error : m_session->plan().errors)
        errors.append(TextStyles::code(error.toString()));
    m_errors->setText(QStringLiteral("<span style=\"color:%1\"><b>%2</b><br>%3</span>")
                          .arg(TextStyles::errorColor(palette()).name(),
                               tr("Template errors — the documents they belong to are not written:"),
                               errors.join(QStringLiteral("<br>"))));
    m_errors->setVisible(!errors.isEmpty());
    // What will be written other than the answers give (a value made safe for .env, ai-flow's
    // names OpsFlow has no value for): the command line prints these too.
    QStringList warnings;
    for (const QString &warning : m_session->plan().warnings)
        warnings.append(warning.toHtmlEscaped());
    m_warnings->setText(QStringLiteral("<span style=\"color:%1\"><b>%2</b><br>%3</span>")
                            .arg(TextStyles::warningColor(palette()).name(), tr("⚠️ Before you generate:"),
                                 warnings.join(QStringLiteral("<br>"))));
    m_warnings->setVisible(!warnings.isEmpty());
    showRuleErrors();

    // Rebuilt on every plan; the focus and the scroll position stay where they were.
    const QWidget *focus = focusWidget();
    const QString focusName =
        focus && m_scroll->widget() && m_scroll->widget()->isAncestorOf(focus) ? focus->objectName() : QString();
    const int scrolled = m_scroll->verticalScrollBar()->value();
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("generate/documents"));
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 8, 0);
    column->setSpacing(10);
    for (const DocumentPlan &document : m_session->plan().documents)
        column->addWidget(documentWidget(document, content));
    column->addStretch();
    m_scroll->setWidget(content);
    m_scroll->verticalScrollBar()->setValue(scrolled);
    if (!focusName.isEmpty()) {
        if (auto *again = content->findChild<QWidget *>(focusName))
            again->setFocus();
    }
}

void GeneratePage::showRuleErrors()
{
    QStringList messages;
    for (const RuleFinding &finding : m_session->contradictions())
        messages.append(finding.message.toHtmlEscaped());
    const bool contradictions = !messages.isEmpty();
    const QString count = messages.size() == 1 ? tr("One answer contradicts another")
                                               : tr("%1 answers contradict others").arg(messages.size());
    QString text = contradictions
        ? QStringLiteral("<span style=\"color:%1\"><b>⛔ %2</b> — the documents would state both. "
                         "Go back and change one of them, or write the documents anyway:</span>"
                         "<ul><li>%3</li></ul>")
              .arg(TextStyles::errorColor(palette()).name(), count, messages.join(QStringLiteral("</li><li>")))
        : QString();
    // An answer out of range or not an option (from a file edited by hand) is never written:
    // no "anyway" for these.
    const QList<Issue> &invalid = m_session->invalidAnswers();
    if (!invalid.isEmpty()) {
        QStringList named;
        for (const Issue &issue : invalid) {
            const Field *field = m_model->questionnaire().field(issue.questionId, issue.fieldId);
            named << tr("%1 %2: %3")
                         .arg(issue.questionId, field ? field->label : issue.fieldId, issue.message)
                         .toHtmlEscaped();
        }
        text += QStringLiteral("<span style=\"color:%1\"><b>⛔ %2</b></span><ul><li>%3</li></ul>")
                    .arg(TextStyles::errorColor(palette()).name(),
                         tr("Answers that are not valid — go back and correct them; nothing is written until then:"),
                         named.join(QStringLiteral("</li><li>")));
    }
    m_rules->setText(text);
    m_rules->setVisible(contradictions || !invalid.isEmpty());
    m_acceptErrors->setVisible(contradictions);
    updateGenerateButton();
}

QWidget *GeneratePage::documentWidget(const DocumentPlan &document, QWidget *parent)
{
    auto *box = new QGroupBox(document.path, parent);
    box->setObjectName(QStringLiteral("generate/") + document.path);
    auto *layout = new QVBoxLayout(box);
    auto *status = TextStyles::richLabel(box->objectName() + QStringLiteral("/status"), box);
    const PlannedFile &file = document.file;
    const QString diffText = file.diff(); // made once, on demand: empty unless changed
    QString text;
    // After a write that failed, the card says what became of the file, not what was planned.
    const bool failedWrite = m_session->hasWritten() && !m_session->succeeded();
    const QList<FileReport> reports = failedWrite ? m_session->reports() : QList<FileReport>();
    const auto report =
        std::find_if(reports.cbegin(), reports.cend(), [&](const FileReport &r) { return r.path == document.path; });
    if (failedWrite && report != reports.cend()
        && (report->outcome == FileReport::Outcome::Failed || report->outcome == FileReport::Outcome::NotWritten)) {
        text =
            QStringLiteral("<span style=\"color:%1\">%2</span>")
                .arg(TextStyles::errorColor(palette()).name(),
                     report->outcome == FileReport::Outcome::Failed
                         ? tr("⛔ <b>failed</b> — %1 The file is as it was.").arg(report->reason.toHtmlEscaped())
                         : tr("⏸️ <b>not written</b> — another file of the set failed, so this one was left as "
                              "it was."));
    } else if (!document.generated) {
        text = tr("⛔ <b>not generated</b> — its template has errors (listed above); the file is left as it is.");
    } else if (!m_project->isOpen()) {
        text = tr("🆕 <b>new</b> — written once you choose the project folder.");
    } else {
        switch (file.status) {
        case PlannedFile::Status::New: text = tr("🆕 <b>new</b> — will be created."); break;
        case PlannedFile::Status::Unchanged:
            text = document.conflicts.isEmpty() ? tr("✔️ <b>unchanged</b> — nothing to write.")
                                                : tr("✔️ <b>unchanged</b> — your version is kept as it is.");
            break;
        case PlannedFile::Status::Changed: {
            int added = 0;
            int removed = 0;
            countLines(diffText, &added, &removed);
            text = tr("✏️ <b>changed</b> — %1, %2; the current file is backed up first.")
                       .arg(tr("%n line(s) added", nullptr, added), tr("%n removed", nullptr, removed));
            break;
        }
        case PlannedFile::Status::Blocked:
            text = QStringLiteral("<span style=\"color:%1\">%2</span>")
                       .arg(TextStyles::errorColor(palette()).name(),
                            tr("⛔ <b>blocked</b> — %1").arg(file.problem.toHtmlEscaped()));
            break;
        }
    }
    status->setText(text);
    layout->addWidget(status);

    // Where the merged configuration and .env.example disagree is said beside the latter.
    const QStringList noteLines = document.notes
        + (document.path == QLatin1String(".env.example") ? m_session->plan().mismatches : QStringList());
    if (!noteLines.isEmpty()) {
        auto *notes = TextStyles::richLabel(box->objectName() + QStringLiteral("/notes"), box);
        notes->setTextFormat(Qt::PlainText);
        notes->setText(noteLines.join(QLatin1Char('\n')));
        TextStyles::makeSmallPrint(notes);
        layout->addWidget(notes);
    }
    for (const SectionConflict &conflict : document.conflicts)
        layout->addWidget(conflictWidget(document, conflict, box));

    if (document.generated && file.status == PlannedFile::Status::Changed) {
        auto *diff = new DiffView(box);
        diff->setObjectName(box->objectName() + QStringLiteral("/diff"));
        diff->setAccessibleName(tr("Changes to %1").arg(document.path));
        diff->setDiff(diffText);
        diff->setMaximumLines(14);
        layout->addWidget(diff);
    }
    return box;
}

QWidget *GeneratePage::conflictWidget(const DocumentPlan &document, const SectionConflict &conflict, QWidget *parent)
{
    const bool wholeFile = conflict.id == QLatin1String(wholeFileConflictId);
    const QString name = QStringLiteral("generate/%1/conflict/%2").arg(document.path, conflict.id);
    auto *frame = new QFrame(parent);
    frame->setObjectName(name);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 6);
    auto *reason = TextStyles::richLabel(name + QStringLiteral("/reason"), frame);
    reason->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                        .arg(TextStyles::warningColor(palette()).name(),
                             tr("⚠️ <b>Conflict:</b> %1").arg(conflict.reason.toHtmlEscaped())));
    layout->addWidget(reason);

    auto *keep = new QRadioButton(wholeFile ? tr("&Keep my file as it is") : tr("&Keep mine"), frame);
    keep->setObjectName(name + QStringLiteral("/keep"));
    auto *take = new QRadioButton(wholeFile ? tr("&Take the generated document (mine goes to the backup)")
                                      : conflict.theirs.isEmpty() ? tr("&Take new (remove the section)")
                                                                  : tr("&Take new"),
                                  frame);
    take->setObjectName(name + QStringLiteral("/take"));
    auto *group = new QButtonGroup(frame);
    group->addButton(keep, int(ConflictChoice::KeepMine));
    group->addButton(take, int(ConflictChoice::TakeNew));
    (choice(document.path, conflict.id) == ConflictChoice::TakeNew ? take : keep)->setChecked(true);
    auto *showDiff = new QPushButton(tr("Show &diff"), frame);
    showDiff->setObjectName(name + QStringLiteral("/showDiff"));
    showDiff->setCheckable(true);
    showDiff->setAutoDefault(false);
    auto *row = new QHBoxLayout;
    row->addWidget(keep);
    row->addWidget(take);
    row->addStretch();
    row->addWidget(showDiff);
    layout->addLayout(row);

    auto *diff = new DiffView(frame);
    diff->setObjectName(name + QStringLiteral("/diff"));
    diff->setAccessibleName(tr("Your text against the generated text"));
    diff->setDiff(unifiedDiff(QString::fromUtf8(conflict.mine), QString::fromUtf8(conflict.theirs), tr("yours"),
                              tr("generated")));
    diff->setMaximumLines(12);
    diff->hide();
    layout->addWidget(diff);

    const QString path = document.path;
    const QString id = conflict.id;
    connect(group, &QButtonGroup::idClicked, this, [this, path, id](int choice) {
        // Re-planned after the click is handled: the plan rebuilds this very button.
        QMetaObject::invokeMethod(
            this, [this, path, id, choice] { setChoice(path, id, ConflictChoice(choice)); }, Qt::QueuedConnection);
    });
    connect(showDiff, &QPushButton::toggled, diff, [diff, showDiff](bool on) {
        diff->setVisible(on);
        showDiff->setText(on ? tr("Hide &diff") : tr("Show &diff"));
    });
    return frame;
}

bool GeneratePage::generate()
{
    if (!m_project->isOpen()) {
        Q_EMIT projectFolderRequested();
        return false;
    }
    // What is on disk now, with the choices made: the plan shown may be a moment old.
    replan();
    switch (m_session->blocker()) {
    case GenerationSession::Blocker::InvalidAnswers:
        m_outcome->setText(tr("Nothing written: some answers are not valid (listed above)."));
        m_outcome->show();
        return false;
    case GenerationSession::Blocker::Contradictions:
        m_outcome->setText(tr("Nothing written: some answers contradict each other (listed above)."));
        m_outcome->show();
        return false;
    case GenerationSession::Blocker::NoFolder:
    case GenerationSession::Blocker::None: break;
    }
    m_session->write();
    const WriteResult &result = m_session->result();
    QStringList lines;
    if (result.ok) {
        lines.append(result.written.isEmpty() ? tr("Nothing to write: every file is up to date.")
                                              : tr("Written: %1.").arg(result.written.join(QLatin1String(", "))));
    } else {
        lines.append(QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(TextStyles::errorColor(palette()).name(), result.error.toHtmlEscaped()));
        // What became of each file is said on its card.
        showPlan();
        qCWarning(lcUi) << "generate failed:" << result.error;
    }
    m_outcome->setText(lines.join(QStringLiteral("<br>")));
    m_outcome->show();
    Q_EMIT completeChanged();
    if (result.ok)
        Q_EMIT generated();
    return result.ok;
}

void GeneratePage::continueInFolder()
{
    replan();
    if (m_session->needsReview()) {
        m_outcome->setText(tr("The folder already has some of these documents: review the changes, then Generate."));
        m_outcome->show();
        return;
    }
    generate();
}

} // namespace opsflow
