// How a choice's option reads on a radio button or checkbox, shared by both field kinds.
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace opsflow {

struct Choice;

// Marker and label ("⭐ Cloud Platform"), led by the seed's letter ("A) ") when the option
// has one: the answers file and the seed speak of options by letter. Safe as button text.
QString optionButtonText(const Choice &choice);

// The option's description and item list as wrapped small print under its button, indented
// to line up with the button's text; nullptr when it has neither. A button cannot wrap, so
// text longer than a label lives here and the page never has to be wider than the window.
QLabel *optionDetails(const Choice &choice, int indent, QWidget *parent);

} // namespace opsflow
