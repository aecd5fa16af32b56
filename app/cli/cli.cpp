// The headless commands (filled in by the generator issue).
#include "cli.h"

#include <QCoreApplication>

#include <cstring>

namespace opsflow::cli {

bool isHeadless(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    for (const char *command : {"generate", "summary", "check", "--version", "-v", "--help", "-h"}) {
        if (std::strcmp(first, command) == 0)
            return true;
    }
    return false;
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return 0;
}

} // namespace opsflow::cli
