// Makes the editor for a field, keyed by the field's type.
#include "fieldwidgetfactory.h"

#include "boolfield.h"
#include "choicefield.h"
#include "multifield.h"
#include "multilinefield.h"
#include "numberfield.h"
#include "tablefield.h"
#include "textfield.h"
#include "uilogging.h"

namespace opsflow {

namespace {

template<typename Widget>
FieldWidgetFactory::Maker maker()
{
    return [](const FieldBinding &binding, QWidget *parent) -> FieldWidget * { return new Widget(binding, parent); };
}

} // namespace

const FieldWidgetFactory &FieldWidgetFactory::standard()
{
    static const FieldWidgetFactory factory = [] {
        FieldWidgetFactory f;
        f.add(Field::Type::Choice, maker<ChoiceField>());
        f.add(Field::Type::Multi, maker<MultiField>());
        f.add(Field::Type::Text, maker<TextField>());
        f.add(Field::Type::MultiLine, maker<MultiLineField>());
        f.add(Field::Type::Number, maker<NumberField>());
        f.add(Field::Type::Bool, maker<BoolField>());
        f.add(Field::Type::Table, maker<TableField>());
        return f;
    }();
    return factory;
}

void FieldWidgetFactory::add(Field::Type type, const Maker &maker)
{
    m_makers.insert(int(type), maker);
}

FieldWidget *FieldWidgetFactory::create(const FieldBinding &binding, QWidget *parent) const
{
    const auto it = m_makers.constFind(int(binding.field().type));
    if (it == m_makers.cend()) {
        qCWarning(lcUi) << "no editor for field type" << fieldTypeId(binding.field().type) << "of"
                        << binding.objectName();
        return nullptr;
    }
    return (*it)(binding, parent);
}

} // namespace opsflow
