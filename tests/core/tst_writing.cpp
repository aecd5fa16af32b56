// Planning and writing documents into a project: statuses, diffs, backups, and the
// refusals that keep files outside the project (and hand-made files) safe.
#include "durablefile.h"
#include "testfiles.h"
#include "textdiff.h"
#include "writing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// Applies a unified diff to the old lines: what `patch` would make of it. Empty on a
// malformed diff or a context line that does not match.
std::optional<QStringList> applyDiff(const QStringList &old, const QString &diff)
{
    QStringList out;
    int at = 0; // next old line not yet copied
    const QStringList lines = diff.split(u'\n');
    static const QRegularExpression hunk(QStringLiteral("^@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@$"));
    for (int i = 2; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.isEmpty())
            continue;
        const auto m = hunk.match(line);
        if (m.hasMatch()) {
            const int start = m.captured(2).toInt() == 0 ? m.captured(1).toInt() : m.captured(1).toInt() - 1;
            if (start < at)
                return std::nullopt;
            while (at < start)
                out.append(old.at(at++));
            continue;
        }
        const QString text = line.mid(1);
        if (line.startsWith(u' ') || line.startsWith(u'-')) {
            if (at >= old.size() || old.at(at) != text)
                return std::nullopt;
            ++at;
            if (line.startsWith(u' '))
                out.append(text);
        } else if (line.startsWith(u'+')) {
            out.append(text);
        } else {
            return std::nullopt;
        }
    }
    while (at < old.size())
        out.append(old.at(at++));
    return out;
}

// The fewest lines a diff can change: |a| + |b| − 2·LCS (dynamic programming, small inputs).
int fewestChanges(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<int>> lcs(size_t(a.size()) + 1, std::vector<int>(size_t(b.size()) + 1, 0));
    for (int i = int(a.size()) - 1; i >= 0; --i)
        for (int j = int(b.size()) - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a.at(i) == b.at(j)
                ? lcs[size_t(i) + 1][size_t(j) + 1] + 1
                : std::max(lcs[size_t(i) + 1][size_t(j)], lcs[size_t(i)][size_t(j) + 1]);
    return int(a.size() + b.size()) - 2 * lcs[0][0];
}

const QList<GeneratedFile> threeFiles = {
    {QStringLiteral("docs/operations.md"), "# Operations\n\nnew text\n"},
    {QStringLiteral("specs/configuration.md"), "# Configuration\n"},
    {QStringLiteral(".env.example"), "PORT=3000\n"},
};

} // namespace

class TestWriting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldDiffLikeDiffU()
    {
        const QString diff = unifiedDiff(s("a\nb\nc\nd\n"), s("a\nB\nc\nd\ne\n"), s("a/f"), s("b/f"));
        QCOMPARE(diff, s("--- a/f\n+++ b/f\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+e\n"));
        QVERIFY(unifiedDiff(s("same\n"), s("same\n"), s("a"), s("b")).isEmpty());
    }

    void shouldSplitDistantChangesIntoHunks()
    {
        QStringList oldLines;
        for (int i = 1; i <= 20; ++i)
            oldLines.append(QString::number(i));
        QStringList newLines = oldLines;
        newLines[1] = s("two");
        newLines[17] = s("eighteen");
        const QString diff = unifiedDiff(oldLines.join(u'\n') + u'\n', newLines.join(u'\n') + u'\n', s("a"), s("b"));
        QCOMPARE(diff.count(s("@@ -")), 2);
        QVERIFY2(diff.contains(s("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n")), qPrintable(diff));
        QVERIFY2(diff.contains(s("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n")), qPrintable(diff));
    }

    // Random texts from a small vocabulary (many repeated lines, like blank lines in prose):
    // the diff always turns the old text into the new one, and is as short as possible.
    void shouldDiffCorrectlyAndMinimally()
    {
        QRandomGenerator random(20261203);
        const QStringList words = {s("a"), s("b"), s("c"), s(""), s("d"), s("e")};
        for (int round = 0; round < 400; ++round) {
            QStringList a;
            QStringList b;
            for (int i = int(random.bounded(40)); i > 0; --i)
                a.append(words.at(random.bounded(int(words.size()))));
            b = a;
            for (int edits = int(random.bounded(12)); edits > 0; --edits) {
                const int where = b.isEmpty() ? 0 : int(random.bounded(int(b.size()) + 1));
                if (random.bounded(2) == 0 && where < b.size())
                    b.removeAt(where);
                else
                    b.insert(where, words.at(random.bounded(int(words.size()))));
            }
            const QString oldText = a.isEmpty() ? QString() : a.join(u'\n') + u'\n';
            const QString newText = b.isEmpty() ? QString() : b.join(u'\n') + u'\n';
            const QString diff = unifiedDiff(oldText, newText, s("a"), s("b"));
            if (oldText == newText) {
                QVERIFY(diff.isEmpty());
                continue;
            }
            const auto patched = applyDiff(a, diff);
            QVERIFY2(patched && *patched == b, qPrintable(QStringLiteral("round %1:\n%2").arg(round).arg(diff)));
            const int changed = int(diff.count(s("\n+")) + diff.count(s("\n-"))) - 1; // minus the +++ header
            QVERIFY2(changed == fewestChanges(a, b),
                     qPrintable(QStringLiteral("round %1: %2 changed lines, %3 needed\n%4")
                                    .arg(round)
                                    .arg(changed)
                                    .arg(fewestChanges(a, b))
                                    .arg(diff)));
        }
    }

    // Two unrelated texts of tens of thousands of lines: still a correct diff (the search
    // gives up being minimal rather than taking quadratic time).
    void shouldDiffLargeUnrelatedTexts()
    {
        QStringList a;
        QStringList b;
        for (int i = 0; i < 40000; ++i) {
            a.append(i % 5 == 4 ? QString() : QStringLiteral("old %1").arg(i % 977));
            b.append(i % 7 == 6 ? QString() : QStringLiteral("new %1").arg(i % 613));
        }
        const QString diff = unifiedDiff(a.join(u'\n') + u'\n', b.join(u'\n') + u'\n', s("a"), s("b"));
        const auto patched = applyDiff(a, diff);
        QVERIFY(patched && *patched == b);
    }

    void shouldPlanNewUnchangedAndChanged()
    {
        QTemporaryDir dir;
        put(dir.filePath(s("specs/configuration.md")), "# Configuration\n");
        put(dir.filePath(s("docs/operations.md")), "# Operations\n\nold text\n");
        const WritePlan plan = planWrite(dir.path(), threeFiles);
        QCOMPARE(plan.files.size(), 3);
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::Changed);
        QCOMPARE(plan.files.at(1).status, PlannedFile::Status::Unchanged);
        QCOMPARE(plan.files.at(2).status, PlannedFile::Status::New);
        QVERIFY2(plan.files.at(0).diff().contains(s("-old text\n+new text\n")), qPrintable(plan.files.at(0).diff()));
        QVERIFY(plan.hasChanges());
        QVERIFY(!plan.hasBlocked());
    }

    // A private .env.example (0600) keeps its permissions in its backup and when replaced.
    void shouldKeepAFilesPermissionsInItsBackup()
    {
        QTemporaryDir dir;
        const QString env = dir.filePath(s(".env.example"));
        put(env, "SECRET_HINT=1\n");
        QVERIFY(::chmod(QFile::encodeName(env).constData(), 0600) == 0);
        const QDateTime when(QDate(2026, 11, 27), QTime(10, 30, 0), Qt::UTC);
        const WriteResult result = executePlan(planWrite(dir.path(), threeFiles), when);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QString backup = dir.filePath(s(".ai-flow/backups/phase7/20261127-103000/.env.example"));
        struct stat info { };
        QVERIFY(::stat(QFile::encodeName(backup).constData(), &info) == 0);
        QCOMPARE(int(info.st_mode & 07777), 0600);
        QVERIFY(::stat(QFile::encodeName(env).constData(), &info) == 0);
        QCOMPARE(int(info.st_mode & 07777), 0600);
        QCOMPARE(read(backup), QByteArray("SECRET_HINT=1\n"));
    }

    void shouldBackUpBeforeReplacing()
    {
        QTemporaryDir dir;
        put(dir.filePath(s("docs/operations.md")), "# Operations\n\nhand-written\n");
        const QDateTime when(QDate(2026, 11, 27), QTime(10, 30, 0), Qt::UTC);
        const WriteResult result = executePlan(planWrite(dir.path(), threeFiles), when);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.written,
                 QStringList({s("docs/operations.md"), s("specs/configuration.md"), s(".env.example")}));
        const QString backup = dir.filePath(s(".ai-flow/backups/phase7/20261127-103000/docs/operations.md"));
        QCOMPARE(result.backups, QStringList{backup});
        QCOMPARE(read(backup), QByteArray("# Operations\n\nhand-written\n"));
        QCOMPARE(read(dir.filePath(s("docs/operations.md"))), threeFiles.at(0).content);
        QCOMPARE(read(dir.filePath(s(".env.example"))), threeFiles.at(2).content);

        // A second run at the same second keeps the first backup and makes another.
        put(dir.filePath(s("docs/operations.md")), "# Operations\n\nedited again\n");
        const WriteResult again = executePlan(planWrite(dir.path(), threeFiles), when);
        QVERIFY(again.ok);
        QCOMPARE(again.backups,
                 QStringList{dir.filePath(s(".ai-flow/backups/phase7/20261127-103000-2/docs/operations.md"))});
        QCOMPARE(read(backup), QByteArray("# Operations\n\nhand-written\n"));
    }

    void shouldNeverWriteThroughASymlinkOutside()
    {
        QTemporaryDir project;
        QTemporaryDir outside;
        const QString victim = outside.filePath(s("precious.md"));
        put(victim, "do not touch\n");
        QDir().mkpath(project.filePath(s("docs")));
        QVERIFY(QFile::link(victim, project.filePath(s("docs/operations.md"))));
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::Blocked);
        QVERIFY2(plan.files.at(0).problem.contains(s("outside the project folder")),
                 qPrintable(plan.files.at(0).problem));
        const WriteResult result = executePlan(plan);
        QVERIFY(result.ok);
        QVERIFY(!result.written.contains(s("docs/operations.md")));
        QCOMPARE(read(victim), QByteArray("do not touch\n"));
    }

    void shouldNeverWriteIntoALinkedFolderOutside()
    {
        QTemporaryDir project;
        QTemporaryDir outside;
        QVERIFY(QFile::link(outside.path(), project.filePath(s("specs"))));
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(1).status, PlannedFile::Status::Blocked);
        executePlan(plan);
        QVERIFY(!QFile::exists(outside.filePath(s("configuration.md"))));
    }

    void shouldFollowASymlinkInsideTheProject()
    {
        QTemporaryDir project;
        put(project.filePath(s("shared/env.example")), "OLD=1\n");
        QVERIFY(QFile::link(project.filePath(s("shared/env.example")), project.filePath(s(".env.example"))));
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(2).status, PlannedFile::Status::Changed);
        QVERIFY(executePlan(plan).ok);
        QVERIFY(QFileInfo(project.filePath(s(".env.example"))).isSymLink()); // the link stays a link
        QCOMPARE(read(project.filePath(s("shared/env.example"))), QByteArray("PORT=3000\n"));
    }

    // specs/configuration.md linked to docs/operations.md: writing both would leave one
    // document's text in place of the other. The file at its own path is written; the link
    // is refused and named.
    void shouldWriteOnlyOneOfTwoFilesThatLandOnTheSameFile()
    {
        QTemporaryDir project;
        put(project.filePath(s("docs/operations.md")), "# Operations\n\nnotes\n");
        QDir().mkpath(project.filePath(s("specs")));
        QVERIFY(QFile::link(project.filePath(s("docs/operations.md")), project.filePath(s("specs/configuration.md"))));
        // Either order: the link loses to the file standing at its own path.
        const QList<GeneratedFile> linkFirst = {threeFiles.at(1), threeFiles.at(0)};
        const WritePlan plan = planWrite(project.path(), linkFirst);
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::Blocked);
        QCOMPARE(plan.files.at(0).problem,
                 s("specs/configuration.md leads through a link to docs/operations.md, which OpsFlow writes as "
                   "docs/operations.md; remove the link and try again."));
        QCOMPARE(plan.files.at(1).status, PlannedFile::Status::Changed);
        QVERIFY(executePlan(plan).ok);
        QCOMPARE(read(project.filePath(s("docs/operations.md"))), threeFiles.at(0).content);
    }

    // The answers file linked to a document: never written through the link, even when
    // the document itself is not part of this write.
    void shouldNeverWriteAnOwnFileThroughALink()
    {
        QTemporaryDir project;
        put(project.filePath(s("docs/operations.md")), "# Operations\n\nnotes\n");
        QDir().mkpath(project.filePath(s(".ai-flow/answers")));
        QVERIFY(QFile::link(project.filePath(s("docs/operations.md")),
                            project.filePath(s(".ai-flow/answers/phase7.json"))));
        const WritePlan plan = planWrite(project.path(), {{s(".ai-flow/answers/phase7.json"), "{}\n", true}});
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::Blocked);
        QCOMPARE(plan.files.at(0).problem,
                 s(".ai-flow/answers/phase7.json leads through a link to docs/operations.md; OpsFlow writes its own "
                   "files only at their own path. Remove the link and try again."));
        QVERIFY(executePlan(plan).ok);
        QCOMPARE(read(project.filePath(s("docs/operations.md"))), QByteArray("# Operations\n\nnotes\n"));
        // Without the link the same file is written as usual.
        QVERIFY(QFile::remove(project.filePath(s(".ai-flow/answers/phase7.json"))));
        QCOMPARE(planWrite(project.path(), {{s(".ai-flow/answers/phase7.json"), "{}\n", true}}).files.at(0).status,
                 PlannedFile::Status::New);
    }

    void shouldBlockABrokenSymlink()
    {
        QTemporaryDir project;
        QVERIFY(QFile::link(project.filePath(s("nowhere/at/all")), project.filePath(s(".env.example"))));
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(2).status, PlannedFile::Status::Blocked);
    }

    // Opening a pipe for reading blocks until someone writes to it: never opened at all.
    void shouldBlockAPipe()
    {
        QTemporaryDir project;
        QVERIFY(mkfifo(QFile::encodeName(project.filePath(s(".env.example"))).constData(), 0600) == 0);
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(2).status, PlannedFile::Status::Blocked);
        QCOMPARE(plan.files.at(2).problem, s(".env.example is not a regular file (a pipe, socket or device)."));
    }

    // A folder linked to itself (docs → docs): blocked before anything is created through
    // it (it used to fail later with exit 1, "Cannot create the folder").
    void shouldBlockALinkLoop()
    {
        QTemporaryDir project;
        QVERIFY(QFile::link(s("docs"), project.filePath(s("docs"))));
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::Blocked);
        QVERIFY2(plan.files.at(0).problem.contains(s("link loop")), qPrintable(plan.files.at(0).problem));
        QCOMPARE(plan.files.at(1).status, PlannedFile::Status::New);
    }

    // A file where the backups folder should be: the system's reason, nothing replaced (it
    // used to say "Unknown error").
    void shouldGiveTheReasonABackupCannotBeMade()
    {
        QTemporaryDir project;
        put(project.filePath(s(".ai-flow/backups")), "a file, not a folder\n");
        put(project.filePath(s(".env.example")), "KEEP=1\n");
        const WriteResult result = executePlan(planWrite(project.path(), threeFiles));
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(s("Not a directory")) && result.error.contains(s("nothing was written")),
                 qPrintable(result.error));
        QCOMPARE(read(project.filePath(s(".env.example"))), QByteArray("KEEP=1\n"));
        QVERIFY(!QFile::exists(project.filePath(s("docs/operations.md"))));
        for (const FileOutcome &outcome : result.outcomes)
            QVERIFY2(outcome.kind != FileOutcome::Kind::Written, qPrintable(outcome.path));
    }

    // A run killed between writing and renaming leaves a temporary file; the next run
    // removes it, but never one of a live process or a name that is not ours.
    // A file planned as new, staged, and then made by someone else before the rename (an
    // editor saving it while the other files were synced) is never replaced.
    void shouldNotReplaceAFileThatAppearedBeforeTheRename()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(s("new.md"));
        StagedFile staged;
        QString error;
        QVERIFY(staged.stage(target, "generated\n", s("new.md"), &error));
        put(target, "typed meanwhile\n");
        QVERIFY(!staged.commit(&error, StagedFile::Replace::OnlyIfAbsent));
        QCOMPARE(error, s("new.md appeared on disk after OpsFlow compared it, and was not replaced"));
        QCOMPARE(read(target), QByteArray("typed meanwhile\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{s("new.md")}); // no temporary

        // Absent, it is written as usual.
        QVERIFY(QFile::remove(target));
        QVERIFY(staged.stage(target, "generated\n", s("new.md"), &error));
        QVERIFY2(staged.commit(&error, StagedFile::Replace::OnlyIfAbsent), qPrintable(error));
        QCOMPARE(read(target), QByteArray("generated\n"));
    }

    void shouldRemoveOnlyStaleTemporariesOfOurs()
    {
        QTemporaryDir project;
        const QString dead = project.filePath(s("docs/.operations.md.opsflow-999999999-abcdEFGH.tmp"));
        const QString live =
            project.filePath(s("docs/.operations.md.opsflow-%1-abcdEFGH.tmp").arg(QCoreApplication::applicationPid()));
        const QString foreign = project.filePath(s("docs/operations.md.EngwjW"));
        put(dead, "half");
        put(live, "half");
        put(foreign, "not ours");
        const WriteResult result = executePlan(planWrite(project.path(), threeFiles));
        QVERIFY(result.ok);
        QCOMPARE(result.cleaned, QStringList{s("docs/.operations.md.opsflow-999999999-abcdEFGH.tmp")});
        QVERIFY(!QFile::exists(dead));
        QVERIFY(QFile::exists(live));
        QVERIFY(QFile::exists(foreign));
    }

    void shouldRefusePathsThatClimbOut()
    {
        QTemporaryDir project;
        const WritePlan plan = planWrite(project.path(), {{s("../escape.md"), "x"}, {s("/etc/passwd"), "x"}});
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::Blocked);
        QCOMPARE(plan.files.at(1).status, PlannedFile::Status::Blocked);
    }

    void shouldKeepNonUtf8FilesAndSaySoInTheDiff()
    {
        QTemporaryDir project;
        const QByteArray latin1 = "# Op\xe9rations\n";
        put(project.filePath(s("docs/operations.md")), latin1);
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::Changed);
        QVERIFY(plan.files.at(0).diff().startsWith(s("Binary or non-UTF-8 content")));
        const WriteResult result = executePlan(plan);
        QVERIFY(result.ok);
        QCOMPARE(read(result.backups.value(0)), latin1);
    }

    // Works for root too: the folder to create is blocked by a plain file, so the first
    // write fails; the files after it must stay as they were.
    void shouldLeaveOtherFilesUntouchedWhenAWriteFails()
    {
        QTemporaryDir project;
        put(project.filePath(s(".env.example")), "KEEP=1\n");
        const WritePlan plan = planWrite(project.path(), threeFiles);
        // The folder to create is blocked by a plain file made after the plan was shown.
        put(project.filePath(s("docs")), "a file where a folder should be\n");
        const WriteResult result = executePlan(plan);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(s("docs/operations.md")), qPrintable(result.error));
        QCOMPARE(read(project.filePath(s(".env.example"))), QByteArray("KEEP=1\n"));
    }

    void shouldBlockAFileStandingWhereAFolderMustBeMade()
    {
        QTemporaryDir project;
        put(project.filePath(s("specs")), "a file where a folder should be\n");
        const WritePlan plan = planWrite(project.path(), threeFiles);
        QCOMPARE(plan.files.at(0).status, PlannedFile::Status::New);
        QCOMPARE(plan.files.at(1).status, PlannedFile::Status::Blocked);
        QCOMPARE(plan.files.at(1).problem,
                 s("specs/configuration.md cannot be created: specs is a file, not a folder."));
        // The others are written; the blocked one and the file in its way are left alone.
        const WriteResult result = executePlan(plan);
        QVERIFY(result.ok);
        QVERIFY(QFile::exists(project.filePath(s("docs/operations.md"))));
        QCOMPARE(read(project.filePath(s("specs"))), QByteArray("a file where a folder should be\n"));
    }

    void shouldReportAReadOnlyFolder()
    {
        if (geteuid() == 0)
            QSKIP("root ignores permission bits; covered by shouldLeaveOtherFilesUntouchedWhenAWriteFails");
        QTemporaryDir project;
        put(project.filePath(s("docs/operations.md")), "old\n");
        QFile::setPermissions(project.filePath(s("docs")), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const WriteResult result = executePlan(planWrite(project.path(), threeFiles));
        QFile::setPermissions(project.filePath(s("docs")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!result.ok);
        QCOMPARE(read(project.filePath(s("docs/operations.md"))), QByteArray("old\n"));
    }
};

QTEST_GUILESS_MAIN(TestWriting)
#include "tst_writing.moc"
