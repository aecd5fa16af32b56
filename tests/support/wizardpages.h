// The wizard's pages by what the user sees, for the suites that walk the real wizard.
#pragma once

#include "wizard.h"

#include <QAbstractButton>
#include <QString>
#include <QStringList>
#include <QTest>

#include <functional>

namespace opsflow::testing {

// "start", "mode", "context", "preflight", a question id, "summary", "generate", "completion".
inline QString pageKey(const Wizard *wizard)
{
    switch (wizard->currentId()) {
    case Wizard::StartPageId: return QStringLiteral("start");
    case Wizard::ModeScopePageId: return QStringLiteral("mode");
    case Wizard::ContextPageId: return QStringLiteral("context");
    case Wizard::PreflightPageId: return QStringLiteral("preflight");
    case Wizard::SummaryPageId: return QStringLiteral("summary");
    case Wizard::GeneratePageId: return QStringLiteral("generate");
    case Wizard::CompletionPageId: return QStringLiteral("completion");
    default: return wizard->questionIdOf(wizard->currentId());
    }
}

// Clicks Next; true when the wizard moved on. A question page keeps Next enabled and stays
// put when its answers are incomplete, so "enabled" alone says nothing.
inline bool clickNext(Wizard *wizard)
{
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    if (!next->isVisible() || !next->isEnabled())
        return false;
    const int before = wizard->currentId();
    QTest::mouseClick(next, Qt::LeftButton);
    return wizard->currentId() != before;
}

// Clicks the named button of `root` near its left edge (a radio button reacts only on its
// indicator and text); false when it is missing, hidden or disabled.
inline bool clickButton(const QWidget *root, const QString &name)
{
    auto *button = root->findChild<QAbstractButton *>(name);
    if (!button || !button->isVisible() || !button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(qMin(8, button->width() / 2), button->height() / 2));
    return true;
}

// From the mode page of an opened project: Smart, Enterprise, every page to the completion
// page ("Yes" on the summary, Generate on the generate step), calling `onPage` on each
// page first. Returns the keys of the pages seen; the last is "completion" when it got there.
inline QStringList walkEnterpriseRun(Wizard *wizard, const std::function<void()> &onPage)
{
    QStringList pages;
    if (!clickButton(wizard, QStringLiteral("mode/smart")) || !clickButton(wizard, QStringLiteral("scope/enterprise")))
        return pages;
    for (int guard = 0; guard < 40; ++guard) {
        onPage();
        const QString key = pageKey(wizard);
        pages << key;
        if (key == QLatin1String("completion"))
            break;
        if (key == QLatin1String("generate")) {
            if (!clickButton(wizard, QStringLiteral("generate/write")))
                break;
            continue;
        }
        if (key == QLatin1String("summary") && !clickButton(wizard, QStringLiteral("summary/yes")))
            break;
        if (!clickNext(wizard))
            break;
    }
    return pages;
}

} // namespace opsflow::testing
