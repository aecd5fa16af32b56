// The libFuzzer entry point of one target, chosen at compile time (OPSFLOW_FUZZ_TARGET):
// a broken property aborts with its sentence, so libFuzzer saves the input as a crash.
#include "fuzztargets.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
opsflow::fuzz::TargetFunction target = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    opsflow::fuzz::quietQtMessages();
    target = opsflow::fuzz::targetNamed(OPSFLOW_FUZZ_TARGET);
    if (!target) {
        std::fprintf(stderr, "no fuzz target named %s\n", OPSFLOW_FUZZ_TARGET);
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString failure = target(input);
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "fuzz_%s: property broken: %s\n", OPSFLOW_FUZZ_TARGET, qPrintable(failure));
        std::abort();
    }
    return 0;
}
