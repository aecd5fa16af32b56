// The headless commands: generate, summary, check (and --version/--help with them).
#pragma once

namespace opsflow::cli {

// True when argv names a headless subcommand (or --version/--help), so main() must not
// create a QApplication and needs no display.
bool isHeadless(int argc, char **argv);
// Runs the subcommand under a QCoreApplication and returns the process exit code.
int run(int argc, char **argv);

} // namespace opsflow::cli
