// The main window's size and place (see windowgeometry.h).
#include "windowgeometry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QWidget>

#include <algorithm>

namespace opsflow {

namespace {

const QString settingsKey = QStringLiteral("window/geometry");
// Room left for the window frame on a screen smaller than the preferred size (panels are
// outside the available area already): the window manager adds a title bar of up to about
// 40 px above the size asked for, so at 1024×700 a margin of 24 put the status bar off-screen.
const QSize frameRoom(24, 56);
const QSize preferred(1200, 740);

} // namespace

QSize firstWindowSize(const QRect &available, const QSize &minimum)
{
    const QSize room = available.size() - frameRoom;
    return preferred.boundedTo(room).expandedTo(minimum);
}

QRect keptInside(const QRect &frame, const QRect &available, const QSize &minimum)
{
    QRect r(frame.topLeft(), frame.size().boundedTo(available.size()).expandedTo(minimum));
    // Move it in: right and bottom edges first, so the top-left corner (title bar) wins.
    if (r.right() > available.right())
        r.moveRight(available.right());
    if (r.bottom() > available.bottom())
        r.moveBottom(available.bottom());
    if (r.left() < available.left())
        r.moveLeft(available.left());
    if (r.top() < available.top())
        r.moveTop(available.top());
    return r;
}

void restoreWindowGeometry(QWidget *window)
{
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
    const QSize minimum = window->minimumSizeHint().boundedTo(available.size());
    if (window->restoreGeometry(QSettings().value(settingsKey).toByteArray())) {
        window->setGeometry(keptInside(window->geometry(), available, minimum));
        return;
    }
    const QSize size = firstWindowSize(available, minimum);
    window->resize(size);
    window->move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

void saveWindowGeometry(const QWidget *window)
{
    QSettings().setValue(settingsKey, window->saveGeometry());
}

} // namespace opsflow
