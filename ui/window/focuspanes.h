// The window's keyboard panes (the wizard, the preview): Tab and Shift+Tab stay inside the
// pane that has the focus, F6 and Shift+F6 move between panes, as in KDE applications and
// browsers. Without it Tab walked from a page's last field through the preview's tabs and
// every link of the rendered documents before it reached Back and Next.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QWidget;

namespace opsflow {

class FocusPanes : public QObject
{
    Q_OBJECT
public:
    explicit FocusPanes(QObject *parent = nullptr);

    // In F6 order. A pane deleted later simply drops out.
    void setPanes(const QList<QWidget *> &panes);
    // The pane holding `widget`, or null.
    QWidget *paneOf(const QWidget *widget) const;

    // Tab inside the pane of the focus widget, wrapping at its ends. False when the focus is
    // in no pane (then the window's own Tab order applies).
    bool moveWithinPane(bool next);
    // F6 (forward) and Shift+F6: the next shown pane gets the focus back where it was
    // last, or on its first widget that takes Tab.
    void moveToOtherPane(bool forward);

private:
    void onFocusChanged(QWidget *old, QWidget *now);
    QList<QWidget *> livePanes() const;

    QList<QPointer<QWidget>> m_panes;
    QHash<const QWidget *, QPointer<QWidget>> m_lastFocus; // pane → its last focus widget
};

} // namespace opsflow
