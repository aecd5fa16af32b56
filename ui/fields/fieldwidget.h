// Base of the editors the field widget factory makes: a view of one field of the model.
#pragma once

#include "fieldbinding.h"

#include <QWidget>

namespace opsflow {

// Answers never live in the widget: edits go straight to the model, and refresh() shows
// whatever the model holds (the stored answer or its pre-fill).
class FieldWidget : public QWidget
{
    Q_OBJECT
public:
    explicit FieldWidget(const FieldBinding &binding, QWidget *parent = nullptr);

    const FieldBinding &binding() const { return m_binding; }
    const Field &field() const { return m_binding.field(); }

    // Shows the model's value. Skipped while this widget is the one writing, so the model's
    // echo never fights what is being typed (e.g. "1." while typing "1.5").
    void refresh();

protected:
    // Called with signals of the editors blocked; must not write to the model.
    virtual void showValue(const QVariant &value) = 0;
    void write(const QVariant &value);
    // Name of a child editor: "7.4.1/strategy/C" for the option C.
    QString childName(const QString &part) const;

private:
    FieldBinding m_binding;
    bool m_writing = false;
};

} // namespace opsflow
