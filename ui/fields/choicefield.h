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

    // Side-by-side options may go down to one column: the field is as narrow as its widest
    // option, so a small window or a large font never cuts one off.
    QSize minimumSizeHint() const override;

protected:
    void showValue(const QVariant &value) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // 1 for options with details; up to 4 for short plain ones, which read better side by side.
    int gridColumns() const;
    // The most columns, up to gridColumns(), whose widest options fit in `width`.
    int columnsThatFit(int width) const;
    void placeOptions(int columns);

    QButtonGroup *m_group;
    int m_maxColumns = 1;
    int m_columns = 1;
};

} // namespace opsflow
