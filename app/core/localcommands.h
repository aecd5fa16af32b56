// The commands a developer runs from the project folder (install the dependencies, start
// the service), read off the project's top-level files by the rules of
// resources/knowledge/localcommands.json. ai-flow's phase 8 copies them from
// docs/operations.md into the README and the contributing guide.
#pragma once

#include "projectcontext.h"

namespace opsflow {

// Context findings "install_command" and "start_command", each with the file (and line) that
// shows it: at most one of each. Files are read as readProjectFile reads them (no link out of
// the project, size-capped); a file that is not valid UTF-8 gives no command, only a note.
QList<Finding> localCommandFindings(const QString &projectDir, QStringList *notes = nullptr);

} // namespace opsflow
