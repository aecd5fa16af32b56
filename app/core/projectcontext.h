// What an existing project folder already says about itself: ai-flow's config, the project
// name, the context files phase 7 re-reads, and the documents a generation would replace.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace opsflow {

// Files larger than this are never read while looking at a project (they are not docs).
constexpr qint64 maxProjectFileSize = qint64(1024) * 1024;

// One file of the project, read defensively: never outside the project, never huge,
// never a crash on bytes that are not UTF-8.
struct ProjectFile {
    QString path;        // relative to the project: "docs/deployment.md"
    bool exists = false; // something is there (even if it was not read)
    bool read = false;   // content/text hold the file
    QByteArray content;  // raw bytes
    QString text;        // decoded as UTF-8, invalid bytes as U+FFFD
    QString note;        // why it was not read, or that it was not valid UTF-8
};

// Reads <projectDir>/<relativePath>. Refuses (with a note) links that land outside the
// project, anything that is not a regular file, and files over `maxSize`.
ProjectFile readProjectFile(const QString &projectDir, const QString &relativePath,
                            qint64 maxSize = maxProjectFileSize);

// A suggested answer found in the project, with where it was found. Context facts use the
// question id "context" and a context field id ("database", "runtime", …).
struct Finding {
    QString questionId; // "7.4", "context", "env"
    QString fieldId;    // "platform", "database", "variables"
    QVariant value;     // in the field's value form ("A", ["A", "B"], 3000.0, rows)
    QString evidence;   // ".github/workflows/ci.yml" or "docs/operations.md:12"
    QString note;       // one line: "GitHub Actions workflow"

    bool operator==(const Finding &other) const;
    bool operator!=(const Finding &other) const { return !(*this == other); }
};

struct ProjectContext {
    QString projectDir; // canonical
    // .ai-flow/core/config.json
    bool aiFlowConfig = false; // present and readable
    QString aiFlowVersion;
    QString projectType; // "backend", "frontend", "fullstack", "mobile", or empty
    QString warning;     // set when projectType is not "backend"
    // The name for titles: config → README.md's first heading → folder name.
    QString projectName;
    QString projectNameSource; // ".ai-flow/core/config.json", "README.md:1", "folder name"
    // Context files the seed re-reads.
    ProjectFile testing;         // docs/testing.md
    ProjectFile aiInstructions;  // ai-instructions.md
    QString testCommand;         // "npm test", found in docs/testing.md
    QString testCommandEvidence; // "docs/testing.md:14"
    // Documents phase 7 targets or writes.
    ProjectFile deployment;    // docs/deployment.md (the seed's pre-flight target)
    ProjectFile operations;    // docs/operations.md
    ProjectFile configuration; // specs/configuration.md
    ProjectFile envExample;    // .env.example
    // Context answers suggested by the files above and the earlier phases' docs.
    QList<Finding> suggestions;
    QStringList notes; // files not read, not UTF-8, a broken config, …
};

ProjectContext readProjectContext(const QString &projectDir);

// The first test command named in a text ("npm test", "pytest -q", "go test ./..."), with
// its 1-based line; empty when none is found.
QString findTestCommand(const QString &text, int *line = nullptr);

} // namespace opsflow
