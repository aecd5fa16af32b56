// Template values of the Common Commands section (see localcommandscontext.h).
#include "localcommandscontext.h"

#include "escaping.h"

namespace opsflow {

namespace {

// <KEY> is the command as inline code (empty while undecided); <KEY>_FROM the file it was read
// off, when the user did not give it.
void addCommand(QVariantMap &c, const QString &key, const Fact &fact)
{
    const QString command = fact.isKnown() ? fact.value.toString().trimmed() : QString();
    c.insert(key, escape::inlineCode(command));
    const bool found = fact.provenance == Provenance::Detected || fact.provenance == Provenance::AcceptedSuggestion;
    c.insert(key + QStringLiteral("_FROM"),
             found && !command.isEmpty() ? escape::markdownText(fact.evidence) : QString());
}

} // namespace

void addLocalCommands(QVariantMap &c, const Fact &install, const Fact &start, const OperatingCommands &commands)
{
    addCommand(c, QStringLiteral("LOCAL_INSTALL"), install);
    addCommand(c, QStringLiteral("LOCAL_START"), start);
    c.insert(QStringLiteral("LOCAL_MIGRATE"), commands.migration(QStringLiteral("run")).markdown());
}

} // namespace opsflow
