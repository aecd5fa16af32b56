// Makes the editor for a field, keyed by the field's type.
#pragma once

#include "fieldwidget.h"

#include <QHash>

#include <functional>

namespace opsflow {

class FieldWidgetFactory
{
public:
    using Maker = std::function<FieldWidget *(const FieldBinding &, QWidget *)>;

    // The factory with an editor for every field type of the questionnaire format.
    static const FieldWidgetFactory &standard();

    void add(Field::Type type, const Maker &maker);
    // Never null for the standard factory: the format has no type without an editor.
    FieldWidget *create(const FieldBinding &binding, QWidget *parent) const;

private:
    QHash<int, Maker> m_makers;
};

} // namespace opsflow
