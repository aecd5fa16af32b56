// Shared look of the wizard's small print, headings and validation messages.
#include "textstyles.h"

#include <QFont>
#include <QLabel>
#include <QPalette>

namespace opsflow::TextStyles {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

QFont smallerFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.9);
    else
        font.setPixelSize(qMax(9, font.pixelSize() * 9 / 10));
    return font;
}

void makeSmallPrint(QLabel *label)
{
    label->setFont(smallerFont(label->font()));
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
}

void makeHeading(QLabel *label)
{
    QFont font = label->font();
    font.setBold(true);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
}

QColor errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

QColor warningColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf5, 0xc2, 0x11) : QColor(0x9a, 0x5b, 0x00);
}

QColor mutedColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor back = palette.color(QPalette::Window);
    const auto mix = [](int a, int b) { return (a * 55 + b * 45) / 100; };
    return QColor(mix(text.red(), back.red()), mix(text.green(), back.green()), mix(text.blue(), back.blue()));
}

QString escapeMnemonic(QString text)
{
    return text.replace(QLatin1Char('&'), QLatin1String("&&"));
}

QString code(const QString &text)
{
    return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped());
}

QLabel *richLabel(const QString &objectName, QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace opsflow::TextStyles
