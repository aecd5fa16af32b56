// The wizard's pages by what the user sees, for the suites that walk the real wizard.
#pragma once

#include "wizard.h"

#include <QAbstractButton>
#include <QString>
#include <QTest>

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

} // namespace opsflow::testing
