// A `bool` field: Yes or No, and neither while unanswered.
#include "boolfield.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QRadioButton>

namespace opsflow {

namespace {
enum Answer { No = 0, Yes = 1 };
}

BoolField::BoolField(const FieldBinding &binding, QWidget *parent)
    : FieldWidget(binding, parent), m_group(new QButtonGroup(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *yes = new QRadioButton(tr("Yes"), this);
    auto *no = new QRadioButton(tr("No"), this);
    yes->setObjectName(childName(QStringLiteral("yes")));
    no->setObjectName(childName(QStringLiteral("no")));
    m_group->addButton(yes, Yes);
    m_group->addButton(no, No);
    layout->addWidget(yes);
    layout->addWidget(no);
    layout->addStretch();
    setFocusProxy(yes);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) { write(id == Yes); });
}

void BoolField::showValue(const QVariant &value)
{
    const QSignalBlocker blocker(m_group);
    if (value.isValid() && !value.isNull()) {
        m_group->button(value.toBool() ? Yes : No)->setChecked(true);
        return;
    }
    m_group->setExclusive(false);
    for (QAbstractButton *button : m_group->buttons())
        button->setChecked(false);
    m_group->setExclusive(true);
}

} // namespace opsflow
