// Where the main window opens: its last size and place, or a size that suits the screen,
// always inside the screen's available area so Back and Next are never off-screen.
#pragma once

#include <QRect>
#include <QSize>

class QWidget;

namespace opsflow {

// The size for a first start: 1200×740 where it fits, else the available area less a margin,
// never below the window's minimum.
QSize firstWindowSize(const QRect &available, const QSize &minimum);

// A remembered frame moved and shrunk into the available area (a screen can be gone or
// smaller than when the window was closed).
QRect keptInside(const QRect &frame, const QRect &available, const QSize &minimum);

// Restores the window's geometry from the settings ("window/geometry"), or sizes it for a first
// start, then makes sure it fits the screen it is on.
void restoreWindowGeometry(QWidget *window);
void saveWindowGeometry(const QWidget *window);

} // namespace opsflow
