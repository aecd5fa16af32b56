// The open project folder as the wizard sees it: its context, its pre-flight result and the
// evidence found in its files (scanned once per open, off the UI thread).
#pragma once

#include "evidencescan.h"
#include "preflight.h"
#include "projectcontext.h"

#include <QObject>

template<typename T>
class QFutureWatcher;

namespace opsflow {

class ProjectSession : public QObject
{
    Q_OBJECT
public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    // An empty folder closes the project. Reads the context and runs the pre-flight check
    // at once (a few small files) and starts the evidence scan in a worker.
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    bool isOpen() const { return !m_folder.isEmpty(); }

    // The name for titles: ai-flow's config, README's first heading, else the folder's name.
    QString displayName() const;

    const ProjectContext &context() const { return m_context; }
    const PreflightResult &preflight() const { return m_preflight; }
    // Reads the context and the pre-flight check again (the files changed on disk).
    void reread();

    bool isScanning() const { return m_scanning; }
    // The scan is done for the open folder (false while it runs and without a folder).
    bool hasEvidence() const { return m_evidenceReady; }
    // The project's suggested answers: the context files' facts, then what the scan and the
    // existing operations documents show. The same value may come with several pieces of
    // evidence; the views group them.
    const QList<Finding> &findings() const { return m_findings; }
    QList<Finding> findingsFor(const QString &questionId) const;
    // The project facts its own files agree on (not OpsFlow's documents): what the documents
    // use where the user gave no answer (see projectfacts.h).
    QHash<QString, Finding> projectFacts() const;
    // What the same files show for the questions' fields (agreedAnswerFacts).
    QHash<QString, Finding> projectAnswerFacts() const;
    const QStringList &scanNotes() const { return m_scanNotes; }
    int filesScanned() const { return m_filesScanned; }

Q_SIGNALS:
    void folderChanged(const QString &folder);
    void contextChanged();
    void evidenceChanged();

private:
    struct Scan {
        ScanResult project;
        ScanResult documents;
    };
    void startScan();
    void applyScan(const Scan &scan);
    void rebuildFindings(const QList<Finding> &scanned);

    QString m_folder;
    ProjectContext m_context;
    PreflightResult m_preflight;
    QList<Finding> m_scanned;
    QList<Finding> m_scannedProject; // the scan of the project's own files alone
    QList<Finding> m_findings;
    QStringList m_scanNotes;
    int m_filesScanned = 0;
    bool m_scanning = false;
    bool m_evidenceReady = false;
    // A scan started for an earlier folder may finish after a new one was opened.
    int m_scanGeneration = 0;
    QFutureWatcher<Scan> *m_watcher = nullptr;
};

} // namespace opsflow
