// One generated document: where it goes in the project and its bytes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace opsflow {

struct GeneratedFile {
    QString path; // relative to the project folder: "docs/operations.md"
    QByteArray content;
};

} // namespace opsflow
