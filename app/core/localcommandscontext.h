// The template values of operations.md's "Common Commands" section: the commands a developer
// runs from the project folder (install, migrate, start), each with where it came from.
// ai-flow's phase 8 copies them into the README and the contributing guide. The sentences
// are in the template; this only says what is there.
#pragma once

#include "factmodel.h"
#include "operatingcommands.h"

#include <QVariantMap>

namespace opsflow {

// `install` and `start` are the context facts install_command and start_command; the
// migration command is the migration tool's run command (OperatingCommands).
void addLocalCommands(QVariantMap &c, const Fact &install, const Fact &start, const OperatingCommands &commands);

} // namespace opsflow
