// What each fuzz target does with one input, shared by the libFuzzer binaries (clang) and
// the replay suite tests/reliability/tst_fuzzregressions (any compiler, every ctest run).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace opsflow::fuzz {

// Runs one input through a target and checks its properties. Returns an empty string when
// they hold, otherwise one sentence saying which property broke (the binaries abort with it,
// so libFuzzer keeps the input as a crash). Memory errors are the sanitizers' to report.
using TargetFunction = QString (*)(const QByteArray &input);

struct Target {
    const char *name; // "templating": binary fuzz_templating, corpus tests/fuzz/corpus/templating
    TargetFunction run;
};

const QList<Target> &targets();
TargetFunction targetNamed(const char *name);

// Qt's warnings about bad input are expected by the thousand while fuzzing: silence them.
void quietQtMessages();

} // namespace opsflow::fuzz
