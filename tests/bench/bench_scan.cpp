// How long the evidence scan takes on a big project: a generated 50,000-file tree with the
// usual mix (sources, docs, manifests, Kubernetes YAML, a vendored node_modules).
#include "evidencescan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;

namespace {

constexpr int totalFiles = 50000;
constexpr int vendoredFiles = 5000; // under node_modules: never visited
constexpr int packages = 50;

bool write(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class BenchScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A monorepo: packages/pNN/{src,docs,k8s}, each with a manifest and a Dockerfile.
        const int perPackage = (totalFiles - vendoredFiles) / packages;
        int written = 0;
        for (int p = 0; p < packages; ++p) {
            const QString base = m_dir.filePath(QStringLiteral("packages/p%1").arg(p, 2, 10, QLatin1Char('0')));
            for (const char *sub : {"src/a", "src/b", "docs", "k8s"})
                QVERIFY(QDir().mkpath(base + QLatin1Char('/') + QLatin1String(sub)));
            QVERIFY(write(base + QStringLiteral("/package.json"), R"({"dependencies":{"pino":"8","pg":"8"}})"));
            QVERIFY(write(base + QStringLiteral("/Dockerfile"), "FROM node:20-alpine\nEXPOSE 3000\n"));
            QVERIFY(write(base + QStringLiteral("/k8s/deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\n"));
            written += 3;
            for (int i = 3; i < perPackage; ++i, ++written) {
                const char *sub = i % 10 == 0 ? "docs" : i % 25 == 0 ? "k8s" : i % 2 ? "src/a" : "src/b";
                const char *ext = qstrcmp(sub, "docs") == 0 ? "md" : qstrcmp(sub, "k8s") == 0 ? "yaml" : "ts";
                QVERIFY(
                    write(QStringLiteral("%1/%2/f%3.%4").arg(base, QLatin1String(sub)).arg(i).arg(QLatin1String(ext)),
                          "export const x = 1;\n"));
            }
        }
        const QString vendored = m_dir.filePath(QStringLiteral("node_modules/lib"));
        QVERIFY(QDir().mkpath(vendored));
        for (int i = 0; i < vendoredFiles; ++i, ++written)
            QVERIFY(write(QStringLiteral("%1/m%2.js").arg(vendored).arg(i), "module.exports = 1;\n"));
        QCOMPARE(written, totalFiles);
    }

    // The default cap: the scan stops after 20,000 files.
    void scanWithDefaultCap()
    {
        ScanResult result;
        QBENCHMARK
        {
            result = scanProject(m_dir.path());
        }
        QVERIFY(result.stopped);
        QCOMPARE(result.filesVisited, ScanOptions().maxFiles);
    }

    // No cap: every file outside node_modules is visited.
    void scanWholeTree()
    {
        ScanOptions options;
        options.maxFiles = totalFiles * 2;
        ScanResult result;
        QBENCHMARK
        {
            result = scanProject(m_dir.path(), options);
        }
        QVERIFY(!result.stopped);
        QCOMPARE(result.filesVisited, totalFiles - vendoredFiles);
        QVERIFY(!result.findings.isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(BenchScan)
#include "bench_scan.moc"
