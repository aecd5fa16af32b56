// The wizard's pages by what the user sees, for the suites that walk the real wizard.
#pragma once

#include "wizard.h"

#include <QString>

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

} // namespace opsflow::testing
