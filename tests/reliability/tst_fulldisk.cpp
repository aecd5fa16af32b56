// A full disk never costs a byte: on a small tmpfs, the free space is swept from 0 upward
// while regenerating over hand-written text. At every level the run either succeeds with every
// file new and every hand-written line kept, or fails with the system's reason and leaves every
// file exactly as it was (and no temporary file behind). The answers file's autosave and the
// CLI are swept the same way.
//
// Mounting a tmpfs needs root (CI runs as root); elsewhere the suite says so and skips.
#include "answersfile.h"
#include "generation.h"
#include "questionnaire.h"
#include "regeneration.h"
#include "testfiles.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

constexpr qint64 page = 4096;

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// The project as the team left it: documents OpsFlow wrote once (MVP), each with a line added
// by hand outside the generated sections, and a variable of their own in .env.example.
struct Project {
    QHash<QString, QByteArray> files; // relative path → bytes
};

qint64 freeBytes(const QString &path)
{
    struct statvfs st { };
    return statvfs(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.f_bavail) * qint64(st.f_frsize) : -1;
}

// Fills the filesystem, then gives back `free` bytes (rounded down to whole pages).
bool leaveFree(const QString &mount, qint64 free)
{
    const QString filler = mount + s("/filler");
    const int fd = ::open(QFile::encodeName(filler).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return false;
    static const QByteArray block(64 * 1024, 'x');
    qint64 size = 0;
    for (;;) {
        const ssize_t n = ::write(fd, block.constData(), size_t(block.size()));
        if (n <= 0)
            break;
        size += n;
    }
    const bool ok = ::ftruncate(fd, std::max<qint64>(0, size - free)) == 0;
    ::close(fd);
    return ok;
}

// What is on the small disk besides the file that fills it.
QStringList writtenFiles(const QString &dir)
{
    QStringList found = filesUnder(dir);
    found.removeAll(s("filler"));
    return found;
}

GenerationResult generateFor(Scope scope)
{
    AnswerSet answers;
    answers.scope = scope;
    answers.mode = Mode::SmartAutoSuggest;
    const Resolver resolver(Questionnaire::builtIn(), answers);
    return generate(resolver, TemplateSet::builtIn());
}

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_mount;
    bool m_mounted = false;
    Project m_before;
    QList<GeneratedFile> m_mvp;
    QList<GeneratedFile> m_enterprise;

    // Empties the tmpfs and puts the project back as it was.
    void resetProject()
    {
        QDir(m_mount).removeRecursively();
        QDir().mkpath(m_mount);
        for (auto it = m_before.files.cbegin(); it != m_before.files.cend(); ++it)
            put(m_mount + u'/' + it.key(), it.value());
    }

    void checkUntouched(const QString &where)
    {
        for (auto it = m_before.files.cbegin(); it != m_before.files.cend(); ++it) {
            QVERIFY2(read(m_mount + u'/' + it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1: %2 is not as it was").arg(where, it.key())));
        }
        // No temporary file and no half-made backup of a document is left behind.
        for (const QString &name : writtenFiles(m_mount)) {
            QVERIFY2(m_before.files.contains(name) || !name.contains(s(".opsflow-")),
                     qPrintable(QStringLiteral("%1: left %2 behind").arg(where, name)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("Mounting a small tmpfs needs root; CI runs this suite as root.");
        QVERIFY(m_dir.isValid());
        m_mount = m_dir.filePath(s("disk"));
        QVERIFY(QDir().mkpath(m_mount));
        if (::mount("tmpfs", QFile::encodeName(m_mount).constData(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
            != 0)
            QSKIP(qPrintable(s("Cannot mount a tmpfs here (") + QString::fromLocal8Bit(std::strerror(errno))
                             + s("); CI runs this suite as root on a machine that can.")));
        m_mounted = true;

        // What the team has: the MVP documents as generated, plus their own lines.
        QTemporaryDir seed;
        const GenerationResult mvp = generateFor(Scope::Mvp);
        QVERIFY(mvp.errors.isEmpty());
        const RegenerationPlan first = planRegeneration(seed.path(), mvp.files);
        QVERIFY(executePlan(first.plan).ok);
        for (const GeneratedFile &file : mvp.files) {
            QByteArray bytes = read(seed.filePath(file.path));
            if (file.path.endsWith(s(".md")))
                bytes.prepend("Hand-written: the on-call rota lives in the team wiki.\n\n");
            else
                bytes.append("\n# Our own variable.\nMY_TEAM_VAR=keep\n");
            m_before.files.insert(file.path, bytes);
        }
        m_mvp = mvp.files;
        const GenerationResult enterprise = generateFor(Scope::Enterprise);
        QVERIFY(enterprise.errors.isEmpty());
        m_enterprise = enterprise.files;
        // Files over the 16 KiB that Qt 6.4's QSaveFile buffered are the case that lost data.
        QVERIFY(std::any_of(m_enterprise.cbegin(), m_enterprise.cend(),
                            [](const GeneratedFile &f) { return f.content.size() > 16 * 1024; }));
    }

    void cleanupTestCase()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_mount).constData(), MNT_DETACH);
    }

    // Every free-space level from none to enough, a page at a time: the same scope again
    // (small files; Qt 6.4's QSaveFile once wrote a 0-byte .env.example and exited 0 here),
    // and MVP to Enterprise (files larger than QSaveFile's buffer).
    void shouldNeverLoseTextOnAFullDisk_data()
    {
        QTest::addColumn<bool>("enterprise");
        QTest::newRow("same scope again") << false;
        QTest::newRow("MVP to Enterprise") << true;
    }

    void shouldNeverLoseTextOnAFullDisk()
    {
        QFETCH(bool, enterprise);
        int failed = 0;
        int succeeded = 0;
        QStringList reasons;
        for (qint64 free = 0;; free += page) {
            resetProject();
            QVERIFY(leaveFree(m_mount, free));
            const QString where = QStringLiteral("%1 KiB free").arg(freeBytes(m_mount) / 1024);
            const RegenerationPlan regeneration = planRegeneration(m_mount, enterprise ? m_enterprise : m_mvp);
            const WriteResult result = executePlan(regeneration.plan);
            if (!result.ok) {
                ++failed;
                QVERIFY2(result.error.contains(s("No space left on device")),
                         qPrintable(where + QStringLiteral(": ") + result.error));
                for (const FileOutcome &outcome : result.outcomes)
                    QVERIFY2(outcome.kind != FileOutcome::Kind::Written,
                             qPrintable(where + QStringLiteral(": ") + outcome.path));
                checkUntouched(where);
                const QString step = result.error.section(u' ', 0, 2); // "Cannot back up", "Cannot write docs/…"
                if (!reasons.contains(step))
                    reasons.append(step);
                continue;
            }
            ++succeeded;
            // Enough room: every file new, every hand-written line still there.
            QCOMPARE(result.written.size(), enterprise ? 3 : 1); // the same scope changes .env.example only
            QVERIFY(read(m_mount + s("/docs/operations.md")).startsWith("Hand-written: the on-call rota"));
            QVERIFY(read(m_mount + s("/specs/configuration.md")).startsWith("Hand-written: the on-call rota"));
            QVERIFY(read(m_mount + s("/.env.example")).contains("\nMY_TEAM_VAR=keep\n"));
            for (const QString &backup : result.backups) {
                const QString relative = QDir(m_mount).relativeFilePath(backup).section(u'/', 4);
                QCOMPARE(read(backup), m_before.files.value(relative));
            }
            break;
        }
        qInfo("%d levels refused with the system's reason (%s), then written whole", failed,
              qPrintable(reasons.join(s("; "))));
        QVERIFY2(failed >= 2, "the sweep must cross levels where the disk is too full");
        QCOMPARE(succeeded, 1);
    }

    // The autosave of the answers: a full disk is an error, and the old file stays whole.
    void shouldKeepTheAnswersFileWholeOnAFullDisk()
    {
        AnswerSet answers;
        answers.scope = Scope::Enterprise;
        answers.context.insert(s("project_name"), s("before"));
        const QString path = m_mount + s("/.ai-flow/answers/phase7.json");
        AnswerSet bigger = answers;
        bigger.context.insert(s("project_name"), QString(40000, u'n'));
        int refused = 0;
        for (qint64 free = 0;; free += page) {
            QDir(m_mount).removeRecursively();
            QDir().mkpath(m_mount);
            QString error;
            QVERIFY(AnswersFile::save(path, answers, &error));
            const QByteArray old = read(path);
            QVERIFY(leaveFree(m_mount, free));
            if (AnswersFile::save(path, bigger, &error)) {
                QVERIFY(read(path).contains(QByteArray(40000, 'n')));
                break;
            }
            ++refused;
            QVERIFY2(error.contains(s("No space left on device")), qPrintable(error));
            QCOMPARE(read(path), old);
        }
        QVERIFY(refused >= 5);
    }

    // The real binary, swept the same way: exit 1 with the reason and every file untouched,
    // or exit 0 with every hand-written line kept. Never "✅ Generated" over an empty file.
    void shouldFailTheCommandWithTheReason()
    {
        int refused = 0;
        for (qint64 free = 0;; free += page) {
            resetProject();
            QVERIFY(leaveFree(m_mount, free));
            const QString where = QStringLiteral("%1 KiB free").arg(free / 1024);
            QProcess run;
            run.start(s(OPSFLOW_BINARY),
                      {s("generate"), m_mount, s("--defaults"), s("--scope"), s("mvp"), s("--force")});
            QVERIFY(run.waitForFinished(60000));
            const QString out = QString::fromUtf8(run.readAllStandardOutput());
            const QString err = QString::fromUtf8(run.readAllStandardError());
            if (run.exitCode() == 0) {
                QVERIFY2(read(m_mount + s("/.env.example")).contains("\nMY_TEAM_VAR=keep\n"), qPrintable(where));
                QVERIFY2(read(m_mount + s("/docs/operations.md")).startsWith("Hand-written"), qPrintable(where));
                break;
            }
            ++refused;
            QVERIFY2(run.exitCode() == 1, qPrintable(where + QStringLiteral(": exit %1: ").arg(run.exitCode()) + err));
            QVERIFY2(err.contains(s("No space left on device")), qPrintable(where + QStringLiteral(": ") + err));
            QVERIFY2(!out.contains(s("Generated")), qPrintable(where + QStringLiteral(": ") + out));
            QVERIFY2(out.contains(s("not written")) || out.contains(s("failed")), qPrintable(out));
            checkUntouched(where);
        }
        QVERIFY(refused >= 2);
    }

    // A read-only backups folder (a read-only tmpfs mounted there): the reason, nothing
    // replaced (it used to say "(Unknown error)").
    void shouldReportAReadOnlyBackupsFolder()
    {
        resetProject();
        const QString backups = m_mount + s("/.ai-flow/backups");
        QVERIFY(QDir().mkpath(backups));
        QVERIFY(::mount("tmpfs", QFile::encodeName(backups).constData(), "tmpfs", MS_RDONLY, "size=64k") == 0);
        QProcess run;
        run.start(s(OPSFLOW_BINARY), {s("generate"), m_mount, s("--defaults"), s("--scope"), s("enterprise")});
        QVERIFY(run.waitForFinished(60000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QVERIFY(::umount2(QFile::encodeName(backups).constData(), MNT_DETACH) == 0);
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(err.contains(s("Read-only file system")) && err.contains(s("nothing was written")), qPrintable(err));
        checkUntouched(s("read-only backups"));
    }

    // A read-only filesystem (mounted read-only, so root is refused too): exit 1 with the
    // system's reason, nothing changed.
    void shouldReportAReadOnlyFileSystem()
    {
        resetProject();
        QVERIFY(::mount(nullptr, QFile::encodeName(m_mount).constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr)
                == 0);
        QProcess run;
        run.start(s(OPSFLOW_BINARY), {s("generate"), m_mount, s("--defaults"), s("--scope"), s("enterprise")});
        QVERIFY(run.waitForFinished(60000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QVERIFY(::mount(nullptr, QFile::encodeName(m_mount).constData(), nullptr, MS_REMOUNT, nullptr) == 0);
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(err.contains(s("Read-only file system")), qPrintable(err));
        checkUntouched(s("read-only"));
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
