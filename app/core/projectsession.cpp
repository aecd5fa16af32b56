// The open project folder as the wizard sees it: its context, its pre-flight result and the
// evidence found in its files (scanned once per open, off the UI thread).
#include "projectsession.h"

#include "projectfacts.h"
#include "projectlogging.h"
#include "questionnaire.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonValue>
#include <QPromise>
#include <QThreadPool>

namespace opsflow {

namespace {

// Values compared by what they mean, not their C++ type (3000 and 3000.0, a string list
// and a list of strings).
QByteArray valueKey(const QVariant &value)
{
    return QJsonDocument::fromVariant(QVariantList{value}).toJson(QJsonDocument::Compact);
}

} // namespace

ProjectSession::ProjectSession(QObject *parent) : QObject(parent) { }

ProjectSession::~ProjectSession()
{
    // A running scan finishes in the pool; its result is simply dropped.
    ++m_scanGeneration;
}

void ProjectSession::setFolder(const QString &folder)
{
    const QString canonical = folder.isEmpty() ? QString() : QFileInfo(folder).canonicalFilePath();
    m_folder = canonical;
    m_context = ProjectContext();
    m_preflight = PreflightResult();
    m_scanned.clear();
    m_scannedProject.clear();
    m_findings.clear();
    m_scanNotes.clear();
    m_filesScanned = 0;
    m_evidenceReady = false;
    ++m_scanGeneration;
    m_scanning = false;
    if (!m_folder.isEmpty()) {
        m_context = readProjectContext(m_folder);
        m_preflight = runPreflight(m_folder);
        rebuildFindings({});
        startScan();
    }
    Q_EMIT folderChanged(m_folder);
    Q_EMIT contextChanged();
    Q_EMIT evidenceChanged();
}

QString ProjectSession::displayName() const
{
    if (m_folder.isEmpty())
        return {};
    return m_context.projectName.isEmpty() ? QFileInfo(m_folder).fileName() : m_context.projectName;
}

void ProjectSession::reread()
{
    if (m_folder.isEmpty())
        return;
    m_context = readProjectContext(m_folder);
    m_preflight = runPreflight(m_folder);
    rebuildFindings(m_scanned);
    Q_EMIT contextChanged();
    Q_EMIT evidenceChanged();
}

QList<Finding> ProjectSession::findingsFor(const QString &questionId) const
{
    QList<Finding> found;
    for (const Finding &finding : m_findings) {
        if (finding.questionId == questionId)
            found.append(finding);
    }
    return found;
}

QHash<QString, Finding> ProjectSession::projectFacts() const
{
    return agreedContextFacts(m_context.suggestions + m_scannedProject);
}

QHash<QString, Finding> ProjectSession::projectAnswerFacts() const
{
    return agreedAnswerFacts(m_context.suggestions + m_scannedProject, Questionnaire::builtIn());
}

void ProjectSession::startScan()
{
    m_scanning = true;
    const int generation = m_scanGeneration;
    const QString folder = m_folder;
    delete m_watcher;
    m_watcher = new QFutureWatcher<Scan>(this);
    connect(m_watcher, &QFutureWatcher<Scan>::finished, this, [this, generation] {
        if (generation != m_scanGeneration || !m_watcher)
            return;
        const Scan scan = m_watcher->result();
        m_watcher->deleteLater();
        m_watcher = nullptr;
        applyScan(scan);
    });
    // A worker of the global pool, through QPromise: Qt Core alone, no QtConcurrent.
    auto promise = std::make_shared<QPromise<Scan>>();
    m_watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, folder] {
        Scan scan;
        scan.project = scanProject(folder);
        scan.documents = importFromDocs(folder);
        promise->addResult(scan);
        promise->finish();
    });
}

void ProjectSession::applyScan(const Scan &scan)
{
    m_scanning = false;
    m_evidenceReady = true;
    m_filesScanned = scan.project.filesVisited;
    m_scanNotes = scan.project.notes + scan.documents.notes;
    m_scanned = scan.project.findings + scan.documents.findings;
    m_scannedProject = scan.project.findings;
    rebuildFindings(m_scanned);
    qCDebug(lcProject) << "evidence for" << m_folder << ":" << m_findings.size() << "findings";
    Q_EMIT evidenceChanged();
}

void ProjectSession::rebuildFindings(const QList<Finding> &scanned)
{
    m_findings.clear();
    QSet<QByteArray> seen;
    const auto add = [&](const Finding &finding) {
        const QByteArray key = finding.questionId.toUtf8() + '\n' + finding.fieldId.toUtf8() + '\n'
            + valueKey(finding.value) + '\n' + finding.evidence.toUtf8();
        if (seen.contains(key))
            return;
        seen.insert(key);
        m_findings.append(finding);
    };
    for (const Finding &finding : m_context.suggestions)
        add(finding);
    for (const Finding &finding : scanned)
        add(finding);
}

} // namespace opsflow
