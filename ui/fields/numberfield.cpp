// A `number` field: a line edit that may stay empty (unanswered), with its unit and range.
#include "numberfield.h"

#include "textstyles.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpressionValidator>

#include <cmath>

namespace opsflow {

NumberField::NumberField(const FieldBinding &binding, QWidget *parent)
    : FieldWidget(binding, parent), m_edit(new QLineEdit(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);

    const Field &f = field();
    // Digits, one sign and one decimal point: anything else can never be a number.
    m_edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?[0-9]*([.][0-9]*)?")), m_edit));
    m_edit->setAccessibleName(f.label);
    m_edit->setPlaceholderText(f.placeholder);
    m_edit->setAlignment(Qt::AlignRight);
    m_edit->setFixedWidth(m_edit->fontMetrics().averageCharWidth() * 14);
    setFocusProxy(m_edit);

    if (!f.unit.isEmpty()) {
        auto *unit = new QLabel(f.unit, this);
        unit->setTextFormat(Qt::PlainText);
        unit->setBuddy(m_edit);
        layout->addWidget(unit);
    }
    QString range;
    if (f.min && f.max)
        range = tr("%1 to %2").arg(format(*f.min), format(*f.max));
    else if (f.min)
        range = tr("at least %1").arg(format(*f.min));
    else if (f.max)
        range = tr("at most %1").arg(format(*f.max));
    if (!range.isEmpty()) {
        auto *hint = new QLabel(QStringLiteral("(%1)").arg(range), this);
        hint->setTextFormat(Qt::PlainText);
        TextStyles::makeSmallPrint(hint);
        // It wraps rather than widen the page past a small window ("(0 to" over "1000000000)").
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    layout->addStretch();

    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) { write(parse(text)); });
}

QVariant NumberField::parse(const QString &text)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(text.trimmed(), &ok);
    return ok && std::isfinite(value) ? QVariant(value) : QVariant();
}

QString NumberField::format(const QVariant &value)
{
    if (!value.isValid())
        return {};
    return QLocale::c().toString(value.toDouble(), 'g', 15);
}

void NumberField::showValue(const QVariant &value)
{
    // "5" and "5.0" are the same answer: only a different number replaces the text.
    const QVariant current = parse(m_edit->text());
    const bool same =
        current.isValid() == value.isValid() && (!value.isValid() || current.toDouble() == value.toDouble());
    if (same)
        return;
    const QSignalBlocker blocker(m_edit);
    m_edit->setText(format(value));
}

} // namespace opsflow
