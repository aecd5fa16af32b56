// Help → User Guide.
#include "userguide.h"

#include "inertbrowser.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QScreen>
#include <QVBoxLayout>

namespace opsflow {

UserGuide::UserGuide(QWidget *parent) : QDialog(parent), m_view(new InertBrowser(this))
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("OpsFlow User Guide"));
    // A window to read beside the wizard, not a question that blocks it.
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose, false);

    m_view->setObjectName(QStringLiteral("userGuide/text"));
    m_view->setAccessibleName(tr("User guide"));
    m_view->setAccessibleDescription(
        tr("What OpsFlow does, the scopes, the answers file, regenerating and the command line."));
    m_view->showMarkdown(markdown());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    // About 80 characters of text a line, and never larger than the screen it opens on.
    const QSize wanted(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 40);
    const QRect available = screen()->availableGeometry();
    resize(wanted.boundedTo(available.size() * 0.9));
}

QString UserGuide::markdown()
{
    QFile file(QStringLiteral(":/guide/user-guide.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace opsflow
