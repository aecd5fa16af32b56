// A one-line notice across the top of the window ("docs/operations.md changed on disk —
// re-read"), closed with its button or by the next notice.
#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace opsflow {

NoticeBar::NoticeBar(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("notice"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::ToolTipBase);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("notice/text"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setForegroundRole(QPalette::ToolTipText);
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("notice/close"));
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close this notice"));
    close->setAccessibleName(tr("Close notice"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void NoticeBar::showNotice(const QString &text)
{
    m_label->setText(text);
    setAccessibleDescription(text);
    show();
}

QString NoticeBar::text() const
{
    return m_label->text();
}

} // namespace opsflow
