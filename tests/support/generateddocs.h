// The generated documents of an answer set, and the parts of them suites look at.
#pragma once

#include "answerset.h"
#include "generation.h"
#include "questionnaire.h"

#include <QString>

namespace opsflow::testing {

// The file at `path` ("docs/operations.md", "specs/configuration.md", ".env.example") as the
// built-in templates write it for `answers`; template errors are printed, so a failing suite
// says why the text is missing.
inline QString documentFor(const AnswerSet &answers, const QString &path)
{
    const Resolver resolver(Questionnaire::builtIn(), answers);
    const GenerationResult result = generate(resolver, TemplateSet::builtIn());
    for (const TemplateError &e : result.errors)
        qWarning("%s", qPrintable(e.toString()));
    for (const GeneratedFile &f : result.files) {
        if (f.path == path)
            return QString::fromUtf8(f.content);
    }
    return {};
}

inline QString operationsFor(const AnswerSet &answers)
{
    return documentFor(answers, QStringLiteral("docs/operations.md"));
}

// The text of the "## title" section, up to the next one; empty when there is none.
inline QString sectionOf(const QString &markdown, const QString &title)
{
    const qsizetype start = markdown.indexOf(QStringLiteral("\n## ") + title + QLatin1Char('\n'));
    if (start < 0)
        return {};
    const qsizetype end = markdown.indexOf(QStringLiteral("\n## "), start + 1);
    return markdown.mid(start, end < 0 ? -1 : end - start);
}

} // namespace opsflow::testing
