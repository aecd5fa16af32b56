// The reference of the names a template may use (`opsflow templates --variables`, checked in
// as templates/VARIABLES.md): produced from the template context itself, so it cannot drift
// from what generation gives a template.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace opsflow {

struct TemplateVariable {
    QString name;       // "LOCAL_INSTALL"
    QString kind;       // "text", "yes/no", "number", "list"
    QStringList fields; // a list's item fields: "ALL (yes/no)", or a bare name only a template shows
    QString example;    // what the Production-Ready recommended answers give, shortened; may be empty
    QStringList usedIn; // "operations.md: Common Commands", per built-in template and section
};

// Every name of the template context, sorted, as the recommended answers of each scope give
// it (a list's item fields from every item seen), with where the built-in templates use it.
QList<TemplateVariable> templateVariables();

// The reference as Markdown: an introduction and one table row per name.
QString templateVariablesMarkdown(const QList<TemplateVariable> &variables);

} // namespace opsflow
