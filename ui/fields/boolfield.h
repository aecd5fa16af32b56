// A `bool` field: Yes or No, and neither while unanswered.
#pragma once

#include "fieldwidget.h"

class QButtonGroup;

namespace opsflow {

// Two radio buttons rather than a checkbox, because an unticked box would read as "No"
// when the question has not been answered yet.
class BoolField : public FieldWidget
{
    Q_OBJECT
public:
    explicit BoolField(const FieldBinding &binding, QWidget *parent = nullptr);

protected:
    void showValue(const QVariant &value) override;

private:
    QButtonGroup *m_group;
};

} // namespace opsflow
