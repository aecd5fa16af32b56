// The first page: open a project folder, or start without one.
#include "startpage.h"

#include "questionnaire.h"
#include "textstyles.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QLabel>
#include <QVBoxLayout>

namespace opsflow {

StartPage::StartPage(const Questionnaire &questionnaire, QWidget *parent)
    : QWizardPage(parent), m_location(new QLabel(this))
{
    setObjectName(QStringLiteral("start"));
    setTitle(tr("Phase %1: %2").arg(questionnaire.phase(), questionnaire.title()));
    setSubTitle(tr("%1 It takes about %2.").arg(questionnaire.objective(), questionnaire.duration()));

    auto *intro = new QLabel(tr("OpsFlow asks the Phase %1 questions one page at a time and writes "
                                "docs/operations.md, specs/configuration.md and .env.example into "
                                "your project folder.").arg(questionnaire.phase()), this);
    intro->setWordWrap(true);

    auto *open = new QCommandLinkButton(tr("&Open Project Folder…"),
        tr("Read what the project already has; answers are saved in the project, in "
           ".ai-flow/answers/phase7.json, so the team can commit them."), this);
    open->setObjectName(QStringLiteral("openFolder"));
    auto *without = new QCommandLinkButton(tr("Start &Without Folder"),
        tr("Answer now and choose the folder later; until then answers are kept on this computer."), this);
    without->setObjectName(QStringLiteral("startWithoutFolder"));
    // Enter must still mean "Next" in a wizard.
    open->setAutoDefault(false);
    without->setAutoDefault(false);

    m_location->setObjectName(QStringLiteral("answersLocation"));
    m_location->setTextFormat(Qt::PlainText);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    TextStyles::makeSmallPrint(m_location);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(12);
    layout->addWidget(open);
    layout->addWidget(without);
    layout->addSpacing(12);
    layout->addWidget(m_location);
    layout->addStretch();

    connect(open, &QCommandLinkButton::clicked, this, &StartPage::openFolderRequested);
    connect(without, &QCommandLinkButton::clicked, this, &StartPage::startWithoutFolderRequested);
}

void StartPage::setProjectFolder(const QString &folder, const QString &answersPath)
{
    const QString where = QDir::toNativeSeparators(answersPath);
    m_location->setText(folder.isEmpty()
        ? tr("No folder open: answers are saved in %1").arg(where)
        : tr("Project folder %1: answers are saved in %2").arg(QDir::toNativeSeparators(folder), where));
}

} // namespace opsflow
