// The first page: open a project folder (or a recent one), or start without one.
#include "startpage.h"

#include "commandlink.h"

#include "questionnaire.h"
#include "textstyles.h"

#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace opsflow {

StartPage::StartPage(const Questionnaire &questionnaire, QWidget *parent)
    : QWizardPage(parent), m_location(new QLabel(this)), m_recentLabel(new QLabel(tr("&Recent projects:"), this)),
      m_recent(new QListWidget(this))
{
    setObjectName(QStringLiteral("start"));
    setTitle(tr("Phase %1: %2").arg(questionnaire.phase(), questionnaire.title()));
    setSubTitle(tr("%1 It takes about %2.").arg(questionnaire.objective(), questionnaire.duration()));

    auto *intro = new QLabel(tr("OpsFlow asks the Phase %1 questions one page at a time and writes "
                                "docs/operations.md, specs/configuration.md and .env.example into "
                                "your project folder.")
                                 .arg(questionnaire.phase()),
                             this);
    intro->setWordWrap(true);

    auto *open = new CommandLink(tr("&Open Project Folder…"),
                                 tr("Read what the project already has; answers are saved in the project, in "
                                    ".ai-flow/answers/phase7.json, so the team can commit them. You can also drop a "
                                    "folder on this window."),
                                 this);
    open->setObjectName(QStringLiteral("openFolder"));
    auto *without = new CommandLink(
        tr("Start &Without Folder"),
        tr("Answer now and choose the folder later; until then answers are kept on this computer."), this);
    without->setObjectName(QStringLiteral("startWithoutFolder"));

    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setAccessibleName(tr("Recent projects"));
    m_recent->setAccessibleDescription(
        tr("Project folders opened before; Enter or a double-click opens the one selected."));
    m_recent->setToolTip(tr("Double-click or press Enter to open"));
    m_recent->setMaximumHeight(m_recent->fontMetrics().lineSpacing() * 2 * 4 + 12);
    m_recent->installEventFilter(this);
    m_recentLabel->setBuddy(m_recent);

    m_location->setObjectName(QStringLiteral("answersLocation"));
    m_location->setTextFormat(Qt::PlainText);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    TextStyles::makeSmallPrint(m_location);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(12);
    layout->addWidget(open);
    layout->addWidget(without);
    layout->addSpacing(8);
    layout->addWidget(m_recentLabel);
    layout->addWidget(m_recent);
    layout->addSpacing(12);
    layout->addWidget(m_location);
    layout->addStretch();

    connect(open, &QCommandLinkButton::clicked, this, &StartPage::openFolderRequested);
    connect(without, &QCommandLinkButton::clicked, this, &StartPage::startWithoutFolderRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT recentFolderRequested(item->data(Qt::UserRole).toString()); });
    setRecentFolders({});
}

void StartPage::setProjectFolder(const QString &folder, const QString &answersPath)
{
    const QString where = QDir::toNativeSeparators(answersPath);
    m_location->setText(
        folder.isEmpty()
            ? tr("No folder open: answers are saved in %1").arg(where)
            : tr("Project folder %1: answers are saved in %2").arg(QDir::toNativeSeparators(folder), where));
}

void StartPage::setRecentFolders(const QStringList &folders)
{
    m_recent->clear();
    for (const QString &folder : folders) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(QFileInfo(folder).fileName(), QDir::toNativeSeparators(folder)), m_recent);
        item->setData(Qt::UserRole, folder);
        item->setToolTip(QDir::toNativeSeparators(folder));
    }
    if (m_recent->count() > 0)
        m_recent->setCurrentRow(0);
    m_recent->setVisible(!folders.isEmpty());
    m_recentLabel->setVisible(!folders.isEmpty());
}

bool StartPage::eventFilter(QObject *watched, QEvent *event)
{
    // The list opens its folder on Enter; the wizard must not take that Enter as "Next" too.
    if (watched == m_recent && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && m_recent->currentItem()) {
            Q_EMIT recentFolderRequested(m_recent->currentItem()->data(Qt::UserRole).toString());
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

} // namespace opsflow
