// The project page: what OpsFlow found in the folder (ai-flow's config, the name, context
// files, existing documents) and the facts the documents need that phase 7 does not ask
// (name, database, …), each with what the project's files suggest.
#include "contextpage.h"

#include "answersmodel.h"
#include "fieldrow.h"
#include "projectsession.h"
#include "suggestionbox.h"
#include "textstyles.h"

#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace opsflow {

ContextPage::ContextPage(AnswersModel *model, ProjectSession *project, QWidget *parent)
    : QWizardPage(parent), m_model(model), m_project(project)
{
    setObjectName(QStringLiteral("context"));
    setTitle(tr("Project"));
    setSubTitle(tr("What OpsFlow found in the project, and the facts the documents need that "
                   "Phase %1 does not ask.")
                    .arg(model->questionnaire().phase()));

    // The content is made and enters the scroll area when the page is first shown
    // (ensureContent): making and sizing its word-wrapped labels at start-up cost every
    // start as much as a bare wizard's whole start.
    auto *scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setAccessibleName(tr("Project facts"));
    scroll->setAccessibleDescription(tr("What OpsFlow found in the project; arrow keys scroll."));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);

    connect(m_model, &AnswersModel::changed, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    connect(m_project, &ProjectSession::contextChanged, this, &ContextPage::showProject);
    connect(m_project, &ProjectSession::evidenceChanged, this, &ContextPage::showEvidence);
}

void ContextPage::buildContent()
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 8, 0);
    column->setSpacing(12);

    // What was found.
    auto *foundBox = new QGroupBox(tr("Found in the project folder"), content);
    foundBox->setObjectName(QStringLiteral("project/found"));
    auto *foundLayout = new QVBoxLayout(foundBox);
    m_noFolder = new QLabel(tr("No project folder is open: the defaults below are used. Open a "
                               "folder (File → Open Project Folder…) to fill them in from its files."),
                            foundBox);
    m_noFolder->setObjectName(QStringLiteral("project/noFolder"));
    m_noFolder->setWordWrap(true);
    foundLayout->addWidget(m_noFolder);
    m_found = new QWidget(foundBox);
    auto *form = m_form = new QFormLayout(m_found);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_config = TextStyles::richLabel(QStringLiteral("project/config"), m_found);
    m_warning = TextStyles::richLabel(QStringLiteral("project/warning"), m_found);
    m_name = TextStyles::richLabel(QStringLiteral("project/name"), m_found);
    m_contextFiles = TextStyles::richLabel(QStringLiteral("project/contextFiles"), m_found);
    m_documents = TextStyles::richLabel(QStringLiteral("project/documents"), m_found);
    m_evidence = TextStyles::richLabel(QStringLiteral("project/evidence"), m_found);
    m_notes = TextStyles::richLabel(QStringLiteral("project/notes"), m_found);
    TextStyles::makeSmallPrint(m_notes);
    form->addRow(tr("ai-flow:"), m_config);
    form->addRow(QString(), m_warning);
    form->addRow(tr("Project name:"), m_name);
    form->addRow(tr("Context files:"), m_contextFiles);
    form->addRow(tr("Existing documents:"), m_documents);
    form->addRow(tr("Evidence:"), m_evidence);
    form->addRow(QString(), m_notes);
    foundLayout->addWidget(m_found);
    column->addWidget(foundBox);

    // The facts.
    auto *factsHeading = new QLabel(tr("Project facts"), content);
    TextStyles::makeHeading(factsHeading);
    m_acceptAll = new QPushButton(tr("&Accept All Suggestions"), content);
    m_acceptAll->setObjectName(QStringLiteral("context/acceptAll"));
    m_acceptAll->setAutoDefault(false);
    m_acceptAll->setToolTip(tr("Takes the first suggestion of every fact below"));
    auto *heading = new QHBoxLayout;
    heading->addWidget(factsHeading, 1);
    heading->addWidget(m_acceptAll);
    column->addLayout(heading);
    auto *factsNote = new QLabel(tr("What the project's files agree on is used (marked \"✓ In use\"), else the "
                                    "default; change what differs, or accept a suggestion where files disagree."),
                                 content);
    factsNote->setTextFormat(Qt::PlainText);
    TextStyles::makeSmallPrint(factsNote);
    column->addWidget(factsNote);
    for (const Field &field : m_model->questionnaire().contextFields()) {
        auto *row = new FieldRow(FieldBinding::forContext(m_model, field), content);
        column->addWidget(row);
        m_rows.append(row);
        auto *box = new SuggestionBox(m_model, SuggestionBox::Style::ContextField, content);
        box->setObjectName(QStringLiteral("context/%1/suggestions").arg(field.id));
        column->addWidget(box);
        m_suggestions.insert(field.id, box);
    }
    if (m_rows.isEmpty()) {
        auto *none = new QLabel(tr("This questionnaire needs no project facts."), content);
        TextStyles::makeSmallPrint(none);
        column->addWidget(none);
    }
    column->addStretch();

    m_content = content;
    connect(m_acceptAll, &QPushButton::clicked, this, [this] {
        for (SuggestionBox *box : std::as_const(m_suggestions)) {
            if (box->firstIsUnused())
                box->use(0);
        }
    });
}

void ContextPage::ensureContent()
{
    if (m_content)
        return;
    buildContent();
    showProject(); // and the evidence
    m_scroll->setWidget(m_content);
}

void ContextPage::initializePage()
{
    ensureContent();
    refresh();
}

void ContextPage::cleanupPage()
{
    // Keep the answers when going Back: they live in the model, not in registered fields.
}

void ContextPage::showEvent(QShowEvent *event)
{
    ensureContent();
    if (m_stale)
        refresh();
    QWizardPage::showEvent(event);
}

void ContextPage::refresh()
{
    if (!m_content)
        return; // made, and so filled, on first show
    m_stale = false;
    for (FieldRow *row : std::as_const(m_rows))
        row->refresh();
    updateAcceptAll();
}

void ContextPage::updateAcceptAll()
{
    if (!m_content)
        return;
    bool any = false;
    for (SuggestionBox *box : std::as_const(m_suggestions))
        any = any || box->firstIsUnused();
    m_acceptAll->setEnabled(any);
    m_acceptAll->setVisible(m_project->isOpen());
}

void ContextPage::showProject()
{
    if (!m_content)
        return;
    const bool open = m_project->isOpen();
    m_noFolder->setVisible(!open);
    m_found->setVisible(open);
    if (!open)
        return;
    const ProjectContext &c = m_project->context();

    if (c.aiFlowConfig) {
        QStringList facts;
        if (!c.aiFlowVersion.isEmpty())
            facts.append(tr("version %1").arg(c.aiFlowVersion.toHtmlEscaped()));
        facts.append(c.projectType.isEmpty() ? tr("no project type")
                                             : tr("project type <b>%1</b>").arg(c.projectType.toHtmlEscaped()));
        m_config->setText(
            tr("✅ %1 — %2")
                .arg(TextStyles::code(QStringLiteral(".ai-flow/core/config.json")), facts.join(QLatin1String(", "))));
    } else {
        m_config->setText(tr("❌ No %1: this folder has not run ai-flow yet; that is fine.")
                              .arg(TextStyles::code(QStringLiteral(".ai-flow/core/config.json"))));
    }
    m_form->setRowVisible(m_warning, !c.warning.isEmpty());
    m_warning->setText(QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
                           .arg(TextStyles::warningColor(palette()).name(), tr("Warning:").toHtmlEscaped(),
                                c.warning.toHtmlEscaped()));

    const QString name = m_project->displayName();
    m_name->setText(
        tr("<b>%1</b> — from %2")
            .arg(name.toHtmlEscaped(),
                 c.projectNameSource.isEmpty() ? tr("the folder name") : TextStyles::code(c.projectNameSource)));

    const auto fileLine = [](const ProjectFile &file, const QString &extra) {
        if (file.read)
            return tr("✅ %1%2").arg(TextStyles::code(file.path), extra);
        if (file.exists)
            return tr("⚠️ %1 — %2").arg(TextStyles::code(file.path), file.note.toHtmlEscaped());
        return tr("❌ %1 — not found").arg(TextStyles::code(file.path));
    };
    QString testing;
    if (!c.testCommand.isEmpty())
        testing =
            tr(" (test command %1, %2)").arg(TextStyles::code(c.testCommand), TextStyles::code(c.testCommandEvidence));
    m_contextFiles->setText(fileLine(c.testing, testing) + QStringLiteral("<br>") + fileLine(c.aiInstructions, {}));

    QStringList documents;
    for (const ProjectFile *file : {&c.deployment, &c.operations, &c.configuration, &c.envExample})
        documents.append(fileLine(*file, {}));
    m_documents->setText(documents.join(QStringLiteral("<br>")));
    showEvidence();
}

void ContextPage::showEvidence()
{
    if (!m_content)
        return;
    // Facts suggested by the context files and the scan, under their field.
    const QList<Finding> found = m_project->findingsFor(QStringLiteral("context"));
    for (auto it = m_suggestions.cbegin(); it != m_suggestions.cend(); ++it) {
        QList<Finding> forField;
        for (const Finding &finding : found) {
            if (finding.fieldId == it.key())
                forField.append(finding);
        }
        it.value()->setFindings(forField);
    }
    updateAcceptAll();
    if (!m_project->isOpen())
        return;
    if (m_project->isScanning()) {
        m_evidence->setText(tr("Scanning the project's files for evidence…"));
    } else {
        const int suggestions = int(m_project->findings().size());
        m_evidence->setText(tr("%n suggested answer(s)", nullptr, suggestions) + QLatin1Char(' ')
                            + tr("from %n file(s) scanned; each is shown on the page of its question.", nullptr,
                                 m_project->filesScanned()));
    }
    QStringList notes = m_project->context().notes + m_project->scanNotes();
    for (QString &note : notes)
        note = note.toHtmlEscaped();
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    m_form->setRowVisible(m_notes, !notes.isEmpty());
}

} // namespace opsflow
