// Shared look of the wizard's small print, headings and validation messages.
#pragma once

#include <QColor>
#include <QString>

class QFont;
class QLabel;
class QPalette;
class QWidget;

namespace opsflow::TextStyles {

// Help text, item lists and hints: a step smaller than the body text.
QFont smallerFont(const QFont &base);
// Turns a label into grey, wrapped small print (palette's placeholder colour, so it follows
// light and dark themes).
void makeSmallPrint(QLabel *label);
// A bold heading a step larger than the body text.
void makeHeading(QLabel *label);

// The only hard-coded colours: validation must read as "error" and "warning" on any palette,
// so each has a dark variant for light themes and a light one for dark themes.
QColor errorColor(const QPalette &palette);
QColor warningColor(const QPalette &palette);

// Secondary text inside rich text (paths, notes): the text colour blended into the
// background, opaque, since an HTML colour has no alpha.
QColor mutedColor(const QPalette &palette);

// Data text shown on a button: a literal '&' must not become a mnemonic.
QString escapeMnemonic(QString text);

// A path or identifier inside rich text: escaped, in the monospace font.
QString code(const QString &text);
// The pages' rich-text label: wrapped, selectable with the mouse, found by its object name.
QLabel *richLabel(const QString &objectName, QWidget *parent, const QString &text = QString());

} // namespace opsflow::TextStyles
