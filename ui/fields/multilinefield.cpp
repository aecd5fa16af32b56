// A `multiline` field: a few lines of free text.
#include "multilinefield.h"

#include <QHBoxLayout>
#include <QPlainTextEdit>

namespace opsflow {

MultiLineField::MultiLineField(const FieldBinding &binding, QWidget *parent)
    : FieldWidget(binding, parent), m_edit(new QPlainTextEdit(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Grows up to its maximum width, then the stretch keeps it on the left.
    layout->addWidget(m_edit, 1);
    layout->addStretch(0);
    m_edit->setPlaceholderText(field().placeholder);
    m_edit->setAccessibleName(field().label);
    m_edit->setTabChangesFocus(true); // keyboard users must be able to leave the field
    const QFontMetrics metrics = m_edit->fontMetrics();
    m_edit->setFixedHeight(metrics.lineSpacing() * 4 + 2 * m_edit->frameWidth() + 8);
    m_edit->setMaximumWidth(metrics.averageCharWidth() * 100);
    setFocusProxy(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] { write(m_edit->toPlainText()); });
}

void MultiLineField::showValue(const QVariant &value)
{
    const QString text = value.toString();
    if (m_edit->toPlainText() == text)
        return;
    const QSignalBlocker blocker(m_edit);
    m_edit->setPlainText(text);
}

} // namespace opsflow
