// The window's keyboard panes: Tab stays in a pane, F6 moves between panes.
#include "focuspanes.h"

#include <QApplication>
#include <QWidget>

namespace opsflow {

namespace {

// The rule Qt's own Tab order uses: takes Tab focus, is not a proxy's front, is shown and
// enabled. (Qt keeps only the checked radio button of a group in the Tab order itself.)
bool takesTab(const QWidget *widget, const QWidget *pane)
{
    return (widget->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && !widget->focusProxy()
        && widget->isVisibleTo(pane->window()) && widget->isEnabled() && pane->isAncestorOf(widget);
}

QWidget *firstTabStop(QWidget *pane)
{
    QWidget *widget = pane;
    do {
        if (takesTab(widget, pane))
            return widget;
        widget = widget->nextInFocusChain();
    } while (widget && widget != pane);
    return nullptr;
}

} // namespace

FocusPanes::FocusPanes(QObject *parent) : QObject(parent)
{
    connect(qApp, &QApplication::focusChanged, this, &FocusPanes::onFocusChanged);
}

void FocusPanes::setPanes(const QList<QWidget *> &panes)
{
    m_panes.clear();
    for (QWidget *pane : panes)
        m_panes.append(pane);
}

QList<QWidget *> FocusPanes::livePanes() const
{
    QList<QWidget *> panes;
    for (const QPointer<QWidget> &pane : m_panes) {
        if (pane && pane->isVisible())
            panes.append(pane);
    }
    return panes;
}

QWidget *FocusPanes::paneOf(const QWidget *widget) const
{
    if (!widget)
        return nullptr;
    for (QWidget *pane : livePanes()) {
        if (pane == widget || pane->isAncestorOf(widget))
            return pane;
    }
    return nullptr;
}

bool FocusPanes::moveWithinPane(bool next)
{
    QWidget *start = QApplication::focusWidget();
    QWidget *pane = paneOf(start);
    if (!pane)
        return false;
    QWidget *widget = start;
    // The focus chain is a ring over the whole window: walk it once, keep to this pane.
    for (;;) {
        widget = next ? widget->nextInFocusChain() : widget->previousInFocusChain();
        if (!widget || widget == start)
            return true; // the pane's only stop: the focus stays
        if (takesTab(widget, pane)) {
            widget->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return true;
        }
    }
}

void FocusPanes::moveToOtherPane(bool forward)
{
    const QList<QWidget *> panes = livePanes();
    if (panes.isEmpty())
        return;
    const int current = int(panes.indexOf(paneOf(QApplication::focusWidget())));
    const int count = int(panes.size());
    for (int step = 1; step <= count; ++step) {
        const int index = current < 0 ? (forward ? step - 1 : count - step)
                                      : ((current + (forward ? step : -step)) % count + count) % count;
        QWidget *pane = panes.at(index);
        QWidget *target = m_lastFocus.value(pane);
        if (!target || !takesTab(target, pane))
            target = firstTabStop(pane);
        if (target) {
            target->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void FocusPanes::onFocusChanged(QWidget *, QWidget *now)
{
    if (QWidget *pane = paneOf(now))
        m_lastFocus.insert(pane, now);
}

} // namespace opsflow
