// Finding suggested answers in a project's files (Dockerfile, CI configs, manifests, …) and
// in its existing operations documents, each with the file that shows it.
#pragma once

#include "projectcontext.h"

namespace opsflow {

struct ScanOptions {
    int maxFiles = 20000;                    // files visited before the scan stops
    qint64 maxFileSize = maxProjectFileSize; // larger files are never read
};

struct ScanResult {
    QList<Finding> findings; // deterministic: tree order (names sorted, files first), then rule order
    QStringList notes;       // "scan stopped after 20000 files", files not read, hints
    int filesVisited = 0;
    bool stopped = false; // the file cap was reached
};

// Walks the project (never into .git, node_modules, vendor, build, dist, target, .venv,
// __pycache__, .terraform, .ai-flow/backups, nor through links that leave the project) and
// reports what its files show. A finding repeated with the same value is kept once, with
// the first file that showed it. `.env` itself is never read: it holds real secrets.
// The install and start commands come last (localCommandFindings: top-level files only).
ScanResult scanProject(const QString &projectDir, const ScanOptions &options = {});

// Facts stated in an existing docs/operations.md or docs/deployment.md (ours or hand-written):
// platform (7.1), CI (7.4), deployment strategy (7.4.1) and APM (7.5), with evidence
// "docs/operations.md:LINE". For each field a heading naming a choice wins, then a line
// about the topic (platform, pipeline, strategy, monitoring), then the first mention.
ScanResult importFromDocs(const QString &projectDir);
// The same for one file already read (evidence "<its path>:LINE").
ScanResult importFromDocument(const ProjectFile &file);

// A file's lines, without the \r of CRLF endings.
QStringList textLines(const QString &text);

// The variable names of a .env file's text (`KEY=…`, `export KEY=…`), in order, once each.
QStringList envVariableNames(const QString &text);

} // namespace opsflow
