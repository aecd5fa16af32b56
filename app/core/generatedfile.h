// One generated document: where it goes in the project and its bytes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace opsflow {

struct GeneratedFile {
    QString path; // relative to the project folder: "docs/operations.md"
    QByteArray content;
    // OpsFlow's own files (the answers file) are written at their own path only, never
    // through a link: a committed link from it to a document would replace the document.
    bool ownPathOnly = false;
};

} // namespace opsflow
