// Regenerating into edited documents: stamps, byte-exact keeping of the team's text,
// conflicts for edited sections, hand-written and broken files, and .env.example merging.
#include "sectionmerge.h"
#include "threewaymerge.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace opsflow;

namespace {

QByteArray section(const char *id, const QByteArray &body)
{
    return QByteArray("<!-- opsflow:begin ") + id + " -->\n" + body + "<!-- opsflow:end " + id + " -->\n";
}

// A generated document the way the generator writes it: a title, then marked sections.
QByteArray generated(const QByteArray &ciBody = "GitHub Actions, 8 stages.\n",
                     const QByteArray &monitoringBody = "Datadog APM.\n", bool withScaling = false)
{
    QByteArray doc = "# Operations — orders-api\n\n";
    doc += section("deployment", "## Deployment\n\nAWS ECS.\n") + "\n";
    doc += section("ci-cd", "## CI/CD\n\n" + ciBody) + "\n";
    if (withScaling)
        doc += section("scaling", "## Scaling\n\nHorizontal.\n") + "\n";
    doc += section("monitoring", "## Monitoring\n\n" + monitoringBody);
    return doc;
}

QByteArray fixture(const char *path)
{
    QFile f(QStringLiteral(OPSFLOW_SOURCE_DIR "/tests/fixtures/") + QLatin1String(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray body(const QByteArray &doc, const char *id)
{
    const QRegularExpression re(
        QStringLiteral("<!-- opsflow:begin %1[^\\n]*-->\\n(.*?)<!-- opsflow:end %1 -->").arg(QLatin1String(id)),
        QRegularExpression::DotMatchesEverythingOption);
    return re.match(QString::fromUtf8(doc)).captured(1).toUtf8();
}

QStringList ids(const QList<SectionConflict> &conflicts)
{
    QStringList list;
    for (const SectionConflict &c : conflicts)
        list.append(c.id);
    return list;
}

} // namespace

class TestSectionMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldStampEachSectionWithTheHashOfItsBody()
    {
        const QByteArray stamped = stampSections(generated());
        const QRegularExpression begin(QStringLiteral("^<!-- opsflow:begin ([a-z-]+) sha256:([0-9a-f]{16}) -->$"),
                                       QRegularExpression::MultilineOption);
        QStringList stampedIds;
        for (auto it = begin.globalMatch(QString::fromUtf8(stamped)); it.hasNext();)
            stampedIds.append(it.next().captured(1));
        QCOMPARE(stampedIds,
                 (QStringList{QStringLiteral("deployment"), QStringLiteral("ci-cd"), QStringLiteral("monitoring")}));
        QVERIFY(stamped.endsWith("<!-- opsflow:sections deployment ci-cd monitoring -->\n"));
        // Only the markers change: the bodies and the text around them are as generated.
        QCOMPARE(body(stamped, "ci-cd"), body(generated(), "ci-cd"));
        QVERIFY(stamped.startsWith("# Operations — orders-api\n\n<!-- opsflow:begin deployment sha256:"));
        // The same body always gets the same stamp; a different body another one.
        QCOMPARE(stampSections(stamped), stamped);
        QVERIFY(stampSections(generated("Jenkins.\n")) != stamped);
    }

    // A note that shows the markers in a code fence (``` or ~~~, indented up to three spaces)
    // is the team's text: the example is kept byte for byte, nothing is "removed", "added" or
    // a conflict (which --force would resolve by deleting it), and the real sections are
    // still merged.
    void shouldReadMarkersInTheTeamsCodeFencesAsText_data()
    {
        QTest::addColumn<QByteArray>("note");
        QTest::newRow("backquotes, empty example")
            << QByteArray("```markdown\n<!-- opsflow:begin my-block -->\n<!-- opsflow:end my-block -->\n```\n");
        QTest::newRow("tildes, example with a body")
            << QByteArray("  ~~~~\n<!-- opsflow:begin ci-cd -->\nOur text.\n<!-- opsflow:end ci-cd -->\n~~~~~\n");
        QTest::newRow("index line") << QByteArray("```\n<!-- opsflow:sections deployment -->\n```\n");
        QTest::newRow("a begin marker alone") << QByteArray("```\n<!-- opsflow:begin my-block -->\n```\n");
        QTest::newRow("not closed by a shorter fence") << QByteArray("````\n```\n<!-- opsflow:end ci-cd -->\n````\n");
        QTest::newRow("a marker OpsFlow cannot read") << QByteArray("```\n<!-- opsflow:begin -->\n```\n");
    }
    void shouldReadMarkersInTheTeamsCodeFencesAsText()
    {
        QFETCH(QByteArray, note);
        const QByteArray old = stampSections(generated());
        QByteArray edited = old;
        const QByteArray before = "\n\n<!-- opsflow:begin ci-cd";
        QVERIFY(edited.contains(before));
        edited.replace(before, "\n\nHow our markers look:\n\n" + note + before);
        const QByteArray next = stampSections(generated("GitLab CI, 6 stages.\n"));
        QHash<QString, ConflictChoice> force;
        for (const char *id : {"my-block", "ci-cd", "deployment", wholeFileConflictId})
            force.insert(QLatin1String(id), ConflictChoice::TakeNew);
        for (const auto &choices : {QHash<QString, ConflictChoice>(), force}) {
            const MergeResult merged = mergeDocument(edited, next, choices);
            QVERIFY2(merged.conflicts.isEmpty(),
                     merged.conflicts.isEmpty() ? "" : qPrintable(merged.conflicts.first().reason));
            QVERIFY2(merged.notes.isEmpty(), qPrintable(merged.notes.join(u'|')));
            QVERIFY(merged.content.contains("How our markers look:\n\n" + note));
            QVERIFY2(merged.content.contains("\n## CI/CD\n\nGitLab CI, 6 stages.\n"), merged.content.constData());
            QVERIFY(merged.content.endsWith("\n<!-- opsflow:sections deployment ci-cd monitoring -->\n"));
            QCOMPARE(mergeDocument(merged.content, next).content, merged.content);
        }
        QCOMPARE(stampSections(edited), edited);
        QCOMPARE(withoutGeneratedSections(edited).count("opsflow:"), note.count("opsflow:"));
    }

    // A fence that is never closed is text itself: the markers after it are real, also when
    // the sections hold code blocks of their own (the fence must not close in a section and
    // hide its begin marker, neither now nor after the merge wrote new bodies).
    void shouldReadMarkersAfterAFenceThatIsNeverClosed_data()
    {
        QTest::addColumn<QByteArray>("opener");
        QTest::addColumn<QByteArray>("newCi");
        QTest::newRow("backquotes") << QByteArray("```\n") << QByteArray("GitLab CI, 6 stages.\n");
        QTest::newRow("tildes, with an info string")
            << QByteArray("~~~ text\n") << QByteArray("GitLab CI:\n\n~~~yaml\nstages: 6\n~~~\n");
        QTest::newRow("new body with a code block")
            << QByteArray("```\n") << QByteArray("GitLab CI:\n\n```yaml\nstages: 6\n```\n");
        QTest::newRow("old and new body with code blocks")
            << QByteArray("```sh\n") << QByteArray("GitLab CI:\n\n```\nstages: 6\n```\n");
    }
    void shouldReadMarkersAfterAFenceThatIsNeverClosed()
    {
        QFETCH(QByteArray, opener);
        QFETCH(QByteArray, newCi);
        const bool oldCode = QByteArray(QTest::currentDataTag()).startsWith("old");
        const QByteArray old =
            stampSections(generated(oldCode ? "GitHub Actions:\n\n```\nstages: 8\n```\n" : "GitHub Actions.\n"));
        QByteArray edited = old;
        edited.replace("# Operations — orders-api\n", "# Operations — orders-api\n\nA stray fence:\n" + opener);
        QVERIFY(hasGeneratedSections(edited));
        QCOMPARE(stampSections(edited), edited);

        const QByteArray next = stampSections(generated(newCi));
        const MergeResult merged = mergeDocument(edited, next);
        QVERIFY2(merged.conflicts.isEmpty(),
                 merged.conflicts.isEmpty() ? "" : qPrintable(merged.conflicts.first().reason));
        QVERIFY2(merged.notes.isEmpty(), qPrintable(merged.notes.join(u'|')));
        QVERIFY(merged.content.startsWith("# Operations — orders-api\n\nA stray fence:\n" + opener));
        QCOMPARE(body(merged.content, "ci-cd"), "## CI/CD\n\n" + newCi);
        QCOMPARE(merged.content.count("opsflow:sections"), 1);
        // Stable: the new bodies do not change how the stray fence is read.
        const MergeResult again = mergeDocument(merged.content, next);
        QVERIFY(again.conflicts.isEmpty());
        QCOMPARE(again.content, merged.content);
        QCOMPARE(stampSections(merged.content), merged.content);
    }

    // Stamping stamped text gives the same bytes when a fence is left open after (or between)
    // the sections: the index line stamping appends is read as the index, not as code
    // (regressions/sectionmerge/unclosed-fence-after-section.md).
    void shouldStampTextWithAnUnclosedFenceOnce_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("index");
        QTest::newRow("after the last section")
            << QByteArray("<!-- opsflow:begin header -->\n<!-- opsflow:end header -->\n```")
            << QByteArray("\n```\n<!-- opsflow:sections header -->\n");
        QTest::newRow("before the index line")
            << QByteArray("<!-- opsflow:begin header -->\n# Ops\n<!-- opsflow:end header -->\n~~~~\n"
                          "<!-- opsflow:sections header -->\n")
            << QByteArray("\n~~~~\n<!-- opsflow:sections header -->\n");
        QTest::newRow("a fence in the section, one outside")
            << QByteArray("<!-- opsflow:begin header -->\n```\n<!-- opsflow:end header -->\n```\n")
            << QByteArray("\n```\n<!-- opsflow:sections header -->\n");
        QTest::newRow("between sections")
            << QByteArray("<!-- opsflow:begin header -->\n<!-- opsflow:end header -->\n```\n"
                          "<!-- opsflow:begin b -->\n```\n<!-- opsflow:end b -->\n")
            << QByteArray("-->\n<!-- opsflow:sections header b -->\n");
    }
    void shouldStampTextWithAnUnclosedFenceOnce()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, index);
        const QByteArray once = stampSections(text);
        QCOMPARE(stampSections(once), once);
        QCOMPARE(once.count("<!-- opsflow:sections "), 1);
        QVERIFY2(once.endsWith(index), once.constData());
    }

    void shouldLeaveTextWithoutSectionsAlone()
    {
        QCOMPARE(stampSections("# Just text\n"), QByteArray("# Just text\n"));
        QCOMPARE(stampSections(""), QByteArray());
    }

    void shouldGiveIdenticalBytesWhenRegeneratedTwice()
    {
        const QByteArray first = stampSections(generated());
        const MergeResult again = mergeDocument(first, first);
        QCOMPARE(again.content, first);
        QVERIFY(again.conflicts.isEmpty());

        // Edited outside the markers, regenerated with new answers, then regenerated again.
        QByteArray edited = first;
        edited.replace("# Operations — orders-api\n", "# Operations — orders-api\n\nOwner: team payments.\n");
        const QByteArray next = stampSections(generated("GitLab CI, 6 stages.\n"));
        const MergeResult once = mergeDocument(edited, next);
        const MergeResult twice = mergeDocument(once.content, next);
        QVERIFY(once.conflicts.isEmpty());
        QCOMPARE(twice.content, once.content);
        QVERIFY(twice.conflicts.isEmpty());
    }

    void shouldKeepEditsOutsideMarkersByteForByte()
    {
        const QByteArray old = stampSections(generated());
        // Before, between and after our sections, with odd spacing and no final newline.
        QByteArray edited = old;
        edited.prepend("<!-- team header -->\r\nKeep   this\t line.\n\n");
        edited.replace("\n\n<!-- opsflow:begin ci-cd", "\n\nA note between sections.  \n\n<!-- opsflow:begin ci-cd");
        edited += "\nFooter without a newline";

        const QByteArray next = stampSections(generated("GitLab CI, 6 stages.\n"));
        const MergeResult merged = mergeDocument(edited, next);
        QVERIFY(merged.conflicts.isEmpty());

        // Expected: the team's file with only the ci-cd body and its stamp replaced.
        const QRegularExpression ciBegin(QStringLiteral("<!-- opsflow:begin ci-cd sha256:[0-9a-f]+ -->"));
        QByteArray expected = edited;
        expected.replace(body(old, "ci-cd"), "## CI/CD\n\nGitLab CI, 6 stages.\n");
        expected.replace(ciBegin.match(QString::fromUtf8(old)).captured(0).toUtf8(),
                         ciBegin.match(QString::fromUtf8(next)).captured(0).toUtf8());
        QCOMPARE(merged.content, expected);
        QVERIFY(merged.content.startsWith("<!-- team header -->\r\nKeep   this\t line.\n\n# Operations"));
        QVERIFY(merged.content.endsWith("-->\n\nFooter without a newline"));
    }

    void shouldReportAnEditInsideASectionAndKeepIt()
    {
        const QByteArray old = stampSections(generated());
        QByteArray edited = old;
        edited.replace("Datadog APM.\n", "Datadog APM, plus our own Grafana board.\n");
        const QByteArray next = stampSections(generated("GitLab CI, 6 stages.\n", "New Relic APM.\n"));

        const MergeResult kept = mergeDocument(edited, next);
        QCOMPARE(ids(kept.conflicts), QStringList{QStringLiteral("monitoring")});
        QCOMPARE(kept.conflicts.first().mine,
                 QByteArray("## Monitoring\n\nDatadog APM, plus our own Grafana board.\n"));
        QCOMPARE(kept.conflicts.first().theirs, QByteArray("## Monitoring\n\nNew Relic APM.\n"));
        QCOMPARE(body(kept.content, "monitoring"), kept.conflicts.first().mine);
        // The person reads the section's heading, never its marker id.
        QCOMPARE(kept.conflicts.first().title, QStringLiteral("Monitoring"));
        QCOMPARE(kept.conflicts.first().reason,
                 QStringLiteral("Section \"Monitoring\" was edited since OpsFlow wrote it."));
        QCOMPARE(body(kept.content, "ci-cd"), QByteArray("## CI/CD\n\nGitLab CI, 6 stages.\n")); // untouched: updated
        // The kept edit keeps its old stamp, so the next run still sees it as the team's.
        QCOMPARE(ids(mergeDocument(kept.content, next).conflicts), QStringList{QStringLiteral("monitoring")});
        QCOMPARE(mergeDocument(kept.content, next).content, kept.content);

        const MergeResult taken =
            mergeDocument(edited, next, {{QStringLiteral("monitoring"), ConflictChoice::TakeNew}});
        QCOMPARE(body(taken.content, "monitoring"), QByteArray("## Monitoring\n\nNew Relic APM.\n"));
        QCOMPARE(taken.content, next);
        QVERIFY(mergeDocument(taken.content, next).conflicts.isEmpty());
    }

    void shouldNameASectionByItsHeading()
    {
        // The heading's Markdown escapes are not part of the name; without a heading (a shell
        // comment in a code block is none), the id is all there is.
        const QByteArray old = stampSections(section("header", "# orders\\_api: Operations ##\n\nIntro.\n")
                                             + section("notes", "```sh\n# restart the service\n```\n\nPlain text.\n"));
        QByteArray edited = old;
        edited.replace("Intro.\n", "Intro, edited.\n").replace("Plain text.\n", "Plain text, edited.\n");
        const MergeResult merged = mergeDocument(
            edited,
            stampSections(section("header", "# orders\\_api: Operations ##\n\nNew.\n") + section("notes", "New.\n")));
        QCOMPARE(merged.conflicts.size(), 2);
        QCOMPARE(merged.conflicts.at(0).title, QStringLiteral("orders_api: Operations"));
        QCOMPARE(merged.conflicts.at(1).title, QStringLiteral("notes"));
        QCOMPARE(merged.conflicts.at(1).reason, QStringLiteral("Section \"notes\" was edited since OpsFlow wrote it."));
    }

    void shouldNotCallIdenticalTextAConflict()
    {
        // The team typed exactly what the generator now produces.
        QByteArray edited = stampSections(generated());
        edited.replace("Datadog APM.\n", "New Relic APM.\n");
        const QByteArray next = stampSections(generated("GitHub Actions, 8 stages.\n", "New Relic APM.\n"));
        const MergeResult merged = mergeDocument(edited, next);
        QVERIFY(merged.conflicts.isEmpty());
        QCOMPARE(merged.content, next);
    }

    void shouldKeepTheTeamsSectionBetweenTwoGeneratedOnes()
    {
        QByteArray edited = stampSections(generated());
        const QByteArray ours = "## On-call rota\n\nSee the wiki; phone +1 555 0100.\n\n";
        edited.replace("<!-- opsflow:begin ci-cd", ours + "<!-- opsflow:begin ci-cd");
        const MergeResult merged = mergeDocument(edited, stampSections(generated("Jenkins.\n")));
        QVERIFY(merged.conflicts.isEmpty());
        const qsizetype deployment = merged.content.indexOf("<!-- opsflow:end deployment -->");
        const qsizetype rota = merged.content.indexOf(ours);
        const qsizetype ci = merged.content.indexOf("<!-- opsflow:begin ci-cd");
        QVERIFY(deployment >= 0 && rota > deployment && ci > rota);
        QCOMPARE(body(merged.content, "ci-cd"), QByteArray("## CI/CD\n\nJenkins.\n"));
    }

    void shouldTreatAHandWrittenFileAsOneConflict()
    {
        const QByteArray handWritten = fixture("hand-written/docs/operations.md");
        QVERIFY(!handWritten.isEmpty());
        const QByteArray next = stampSections(generated());
        const MergeResult merged = mergeDocument(handWritten, next);
        QVERIFY(merged.wholeFile());
        QCOMPARE(merged.conflicts.first().id, QString::fromLatin1(wholeFileConflictId));
        QVERIFY(merged.conflicts.first().reason.contains(QLatin1String("no OpsFlow markers")));
        QCOMPARE(merged.conflicts.first().mine, handWritten);
        QCOMPARE(merged.conflicts.first().theirs, next);
        QCOMPARE(merged.content, handWritten); // kept whole, nothing appended

        const MergeResult taken =
            mergeDocument(handWritten, next, {{QString::fromLatin1(wholeFileConflictId), ConflictChoice::TakeNew}});
        QCOMPARE(taken.content, next);
    }

    void shouldNeverLoseTextWhenMarkersAreBroken_data()
    {
        QTest::addColumn<QByteArray>("existing");
        QTest::addColumn<QString>("reason");
        QTest::newRow("begin without end") << QByteArray("# Ops\n<!-- opsflow:begin ci-cd sha256:00 -->\nmine\n")
                                           << QStringLiteral("has no end marker");
        QTest::newRow("nested") << QByteArray(
            "<!-- opsflow:begin a -->\n<!-- opsflow:begin b -->\nx\n<!-- opsflow:end b -->\n<!-- opsflow:end a -->\n")
                                << QStringLiteral("inside section \"a\"");
        QTest::newRow("duplicate id") << QByteArray(
            "<!-- opsflow:begin a -->\nx\n<!-- opsflow:end a -->\n<!-- opsflow:begin a -->\ny\n<!-- opsflow:end a -->\n")
                                      << QStringLiteral("appears twice");
        QTest::newRow("end without begin")
            << QByteArray("text\n<!-- opsflow:end a -->\n") << QStringLiteral("was not begun");
        QTest::newRow("unreadable marker")
            << QByteArray("<!-- opsflow:begin -->\nx\n") << QStringLiteral("cannot read");
    }

    void shouldNeverLoseTextWhenMarkersAreBroken()
    {
        QFETCH(QByteArray, existing);
        QFETCH(QString, reason);
        const MergeResult merged = mergeDocument(existing, stampSections(generated()));
        QVERIFY(merged.wholeFile());
        QVERIFY2(merged.conflicts.first().reason.contains(reason), qPrintable(merged.conflicts.first().reason));
        QCOMPARE(merged.content, existing);
    }

    void shouldInsertNewSectionsAfterThePreviousOne()
    {
        QByteArray edited = stampSections(generated());
        edited.replace("<!-- opsflow:begin monitoring",
                       "Team text before monitoring.\n\n<!-- opsflow:begin monitoring");
        const QByteArray next = stampSections(generated("GitHub Actions, 8 stages.\n", "Datadog APM.\n", true));
        const MergeResult merged = mergeDocument(edited, next);
        QVERIFY(merged.conflicts.isEmpty());
        QVERIFY(merged.notes.contains(QStringLiteral("Section \"Scaling\" is new; it was added.")));
        const qsizetype ciEnd = merged.content.indexOf("<!-- opsflow:end ci-cd -->\n");
        const qsizetype scaling = merged.content.indexOf("\n<!-- opsflow:begin scaling sha256:");
        const qsizetype team = merged.content.indexOf("Team text before monitoring.");
        QVERIFY(ciEnd >= 0 && scaling > ciEnd && team > scaling);
        QVERIFY(merged.content.endsWith("<!-- opsflow:sections deployment ci-cd scaling monitoring -->\n"));
        QCOMPARE(mergeDocument(merged.content, next).content, merged.content);
    }

    void shouldKeepADeletedSectionDeleted()
    {
        QByteArray edited = stampSections(generated());
        const qsizetype from = edited.indexOf("<!-- opsflow:begin ci-cd");
        const qsizetype to =
            edited.indexOf("<!-- opsflow:end ci-cd -->\n") + qsizetype(strlen("<!-- opsflow:end ci-cd -->\n"));
        edited.remove(from, to - from);
        const MergeResult merged = mergeDocument(edited, stampSections(generated("Jenkins.\n")));
        QVERIFY(merged.conflicts.isEmpty());
        QVERIFY(!merged.content.contains("opsflow:begin ci-cd"));
        QVERIFY(
            merged.notes.contains(QStringLiteral("Section \"CI/CD\" was deleted from the file; it stays deleted.")));
        // Still listed in the index, so it stays deleted next time too.
        QVERIFY(merged.content.endsWith("<!-- opsflow:sections deployment ci-cd monitoring -->\n"));
        QVERIFY(!mergeDocument(merged.content, stampSections(generated("Jenkins.\n")))
                     .content.contains("opsflow:begin ci-cd"));
    }

    void shouldRemoveASectionNoLongerGeneratedUnlessEdited()
    {
        const QByteArray withScaling = stampSections(generated("GitHub Actions, 8 stages.\n", "Datadog APM.\n", true));
        const MergeResult removed = mergeDocument(withScaling, stampSections(generated()));
        QVERIFY(removed.conflicts.isEmpty());
        QVERIFY(!removed.content.contains("opsflow:begin scaling"));
        QVERIFY(removed.notes.contains(QStringLiteral("Section \"Scaling\" is no longer generated; it was removed.")));

        QByteArray edited = withScaling;
        edited.replace("Horizontal.\n", "Horizontal, max 12 pods (agreed with finance).\n");
        const MergeResult kept = mergeDocument(edited, stampSections(generated()));
        QCOMPARE(ids(kept.conflicts), QStringList{QStringLiteral("scaling")});
        QVERIFY(kept.content.contains("max 12 pods"));
    }

    void shouldFollowAFileThatWasTurnedIntoCrlf()
    {
        QByteArray crlf = stampSections(generated());
        crlf.replace("\n", "\r\n");
        const MergeResult merged = mergeDocument(crlf, stampSections(generated("Jenkins.\n")));
        QVERIFY(merged.conflicts.isEmpty());
        QVERIFY(merged.content.contains("## CI/CD\r\n\r\nJenkins.\r\n"));
        QCOMPARE(merged.content.count("\r\n"), merged.content.count('\n'));
    }

    void shouldTreatAnUnstampedSectionThatDiffersAsAConflict()
    {
        // Written by an OpsFlow that did not stamp yet: we cannot know whether it was edited.
        QByteArray unstamped = generated();
        unstamped.replace("Datadog APM.\n", "Datadog APM (edited?).\n");
        const MergeResult merged = mergeDocument(unstamped, stampSections(generated()));
        QCOMPARE(ids(merged.conflicts), QStringList{QStringLiteral("monitoring")});
        QVERIFY(merged.conflicts.first().reason.contains(QLatin1String("no stamp")));
        QVERIFY(merged.content.contains("Datadog APM (edited?)."));
        // An unstamped section equal to the new text just gets its stamp.
        QVERIFY(!merged.content.contains("<!-- opsflow:begin ci-cd -->"));
    }

    void shouldStartFromTheGeneratedFileWhenThereIsNone()
    {
        const QByteArray next = stampSections(generated());
        QCOMPARE(mergeDocument(QByteArray(), next).content, next);
    }

    // The line merge itself: each side's changes are taken where only it changed; the same
    // change on both sides is no conflict; different changes to the same lines are.
    void shouldMergeLinesThreeWays_data()
    {
        QTest::addColumn<QByteArray>("base");
        QTest::addColumn<QByteArray>("mine");
        QTest::addColumn<QByteArray>("theirs");
        QTest::addColumn<bool>("clean");
        QTest::addColumn<QByteArray>("merged");
        const QByteArray base = "a\nb\nc\nd\ne\n";
        QTest::newRow("only mine") << base << QByteArray("a\nB\nc\nd\ne\n") << base << true
                                   << QByteArray("a\nB\nc\nd\ne\n");
        QTest::newRow("only theirs") << base << base << QByteArray("a\nb\nc\nD\ne\n") << true
                                     << QByteArray("a\nb\nc\nD\ne\n");
        QTest::newRow("apart") << base << QByteArray("a\nB\nc\nd\ne\n") << QByteArray("a\nb\nc\nD\ne\n") << true
                               << QByteArray("a\nB\nc\nD\ne\n");
        QTest::newRow("same change") << base << QByteArray("a\nX\nc\nd\ne\n") << QByteArray("a\nX\nc\nd\ne\n") << true
                                     << QByteArray("a\nX\nc\nd\ne\n");
        QTest::newRow("row added, row changed")
            << base << QByteArray("a\nb\nc\nd\ne\nnew row\n") << QByteArray("A\nb\nc\nd\ne\n") << true
            << QByteArray("A\nb\nc\nd\ne\nnew row\n");
        QTest::newRow("clash") << base << QByteArray("a\nb\nmine\nd\ne\n") << QByteArray("a\nb\ntheirs\nd\ne\n")
                               << false << QByteArray();
    }

    void shouldMergeLinesThreeWays()
    {
        QFETCH(QByteArray, base);
        QFETCH(QByteArray, mine);
        QFETCH(QByteArray, theirs);
        QFETCH(bool, clean);
        QFETCH(QByteArray, merged);
        const LineMergeResult result = mergeLines(base, mine, theirs);
        QCOMPARE(result.clean, clean);
        QCOMPARE(result.merged, merged);
        if (!clean)
            QCOMPARE(result.conflictLines, QList<int>{3});
    }

    // A kept conflict keeps its old base in the record; other sections take the new one.
    void shouldKeepTheOldBaseOfAKeptSection()
    {
        const QByteArray oldGeneration = stampSections("<!-- opsflow:begin a -->\nold a\n<!-- opsflow:end a -->\n"
                                                       "<!-- opsflow:begin b -->\nold b\n<!-- opsflow:end b -->\n");
        const QByteArray newGeneration = stampSections("<!-- opsflow:begin a -->\nnew a\n<!-- opsflow:end a -->\n"
                                                       "<!-- opsflow:begin b -->\nnew b\n<!-- opsflow:end b -->\n");
        const QByteArray record = withSectionsFrom(newGeneration, oldGeneration, {QStringLiteral("a")});
        QVERIFY(record.contains("old a") && record.contains("new b"));
        QVERIFY(!record.contains("new a") && !record.contains("old b"));
    }
};

QTEST_GUILESS_MAIN(TestSectionMerge)
#include "tst_sectionmerge.moc"
