// A `choice` field: one of several options, as radio buttons with the seed's markers.
#pragma once

#include "fieldwidget.h"

class QButtonGroup;

namespace opsflow {

class ChoiceField : public FieldWidget
{
    Q_OBJECT
public:
    explicit ChoiceField(const FieldBinding &binding, QWidget *parent = nullptr);

protected:
    void showValue(const QVariant &value) override;

private:
    // 1 for options with details; up to 4 for short plain ones, which read better side by side.
    int gridColumns() const;

    QButtonGroup *m_group;
};

} // namespace opsflow
