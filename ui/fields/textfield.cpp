// A `text` field: one line of free text.
#include "textfield.h"

#include <QHBoxLayout>
#include <QLineEdit>

namespace opsflow {

TextField::TextField(const FieldBinding &binding, QWidget *parent)
    : FieldWidget(binding, parent), m_edit(new QLineEdit(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Grows up to its maximum width, then the stretch keeps it on the left.
    layout->addWidget(m_edit, 1);
    layout->addStretch(0);
    m_edit->setPlaceholderText(field().placeholder);
    m_edit->setMaxLength(field().maxLength); // what the answers file may hold
    m_edit->setAccessibleName(field().label);
    // Wide enough for a sentence, not the whole page: long lines are hard to read.
    m_edit->setMaximumWidth(m_edit->fontMetrics().averageCharWidth() * 80);
    setFocusProxy(m_edit);
    // An emptied field is stored as "" (answered: nothing), so a Smart pre-fill does not
    // come back while the user is clearing it.
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) { write(text); });
}

void TextField::showValue(const QVariant &value)
{
    const QString text = value.toString();
    if (m_edit->text() == text)
        return;
    const QSignalBlocker blocker(m_edit);
    m_edit->setText(text);
}

} // namespace opsflow
