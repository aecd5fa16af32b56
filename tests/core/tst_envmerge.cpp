// Regenerating .env.example over the team's edits: every line the team wrote stays where it
// was, a value the team set for a generated variable is kept, OpsFlow's own earlier lines
// follow the new generation, and the result reads the same in every dotenv reader.
#include "envfile.h"
#include "envmerge.h"
#include "testfiles.h"

#include <QTest>

#include <algorithm>

using namespace opsflow;
using namespace opsflow::testing;

namespace {

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A generation as OpsFlow writes it (header, groups, a comment above each variable).
const QByteArray lastGeneration = "# Environment variables of payments-api.\n"
                                  "# Copy this file to .env.\n"
                                  "\n"
                                  "# ---- Application ----\n"
                                  "\n"
                                  "# REQUIRED: Which environment this is.\n"
                                  "APP_ENV=development\n"
                                  "\n"
                                  "# OPTIONAL: Port the HTTP server listens on. Default: 3000.\n"
                                  "PORT=3000\n"
                                  "\n"
                                  "# ---- Alerts ----\n"
                                  "\n"
                                  "# REQUIRED: SMTP relay for alert mail.\n"
                                  "SMTP_HOST=smtp.example.com\n"
                                  "\n"
                                  "# REQUIRED: Pager key.\n"
                                  "PAGER_KEY=change-me\n";

// The next generation: PORT's default changed, the pager is gone, a cache came in.
const QByteArray nextGeneration = "# Environment variables of payments-api.\n"
                                  "# Copy this file to .env.\n"
                                  "\n"
                                  "# ---- Application ----\n"
                                  "\n"
                                  "# REQUIRED: Which environment this is.\n"
                                  "APP_ENV=development\n"
                                  "\n"
                                  "# OPTIONAL: Port the HTTP server listens on. Default: 8080.\n"
                                  "PORT=8080\n"
                                  "\n"
                                  "# ---- Cache ----\n"
                                  "\n"
                                  "# REQUIRED: Redis URL.\n"
                                  "REDIS_URL=redis://localhost:6379\n"
                                  "\n"
                                  "# ---- Alerts ----\n"
                                  "\n"
                                  "# REQUIRED: SMTP relay for alert mail.\n"
                                  "SMTP_HOST=smtp.example.com\n";

} // namespace

class TestEnvMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Entries are compared by their normalized text: line ends of any kind read alike, and
    // normalizing what was normalized changes nothing (a merge's result is merged again).
    void normalizedLineEndsReadAlikeAndSettle_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("lf") << QByteArray("A=1\n");
        QTest::newRow("crlf") << QByteArray("A=1\r\n");
        QTest::newRow("cr cr lf") << QByteArray("A=1\r\r\n");
        QTest::newRow("lone cr at end") << QByteArray("A=1\r");
        QTest::newRow("no line end") << QByteArray("A=1");
        QTest::newRow("cr runs at end") << QByteArray("A=1\r\r");
    }
    void normalizedLineEndsReadAlikeAndSettle()
    {
        QFETCH(QByteArray, raw);
        const QList<EnvEntry> entries = parseEnvFile(raw);
        QCOMPARE(entries.size(), 1);
        const QByteArray once = entries.constFirst().normalized();
        QCOMPARE(once, QByteArray("A=1\n"));
        EnvEntry again = entries.constFirst();
        again.raw = once;
        QCOMPARE(again.normalized(), once);
        QCOMPARE(entries.constFirst().value, QStringLiteral("1"));
    }
    void normalizedKeepsLineEndsInsideAQuotedValue()
    {
        const QList<EnvEntry> entries = parseEnvFile("K=\"one\r\r\ntwo\"\r\n");
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().normalized(), QByteArray("K=\"one\ntwo\"\n"));
    }

    // Every way the team may have edited the file, found by the adversarial run: nothing
    // is lost, nothing is cut, and what changed is reported.
    void shouldKeepEveryLineTheTeamWrote()
    {
        QByteArray edited = lastGeneration;
        edited.prepend("# Team header: ask #payments before changing.\n");
        edited.replace("# REQUIRED: SMTP relay for alert mail.\n",
                       "# REQUIRED: SMTP relay for alert mail.\n# We use the internal relay.\n");
        edited.replace("SMTP_HOST=smtp.example.com\n", "SMTP_HOST=relay.internal.corp\n");
        edited.replace("PORT=3000\n",
                       "PORT=3000\nfeature.flags-url=https://flags.test\nLEGACY: yes\nbareword\n"
                       "MULTI=\"line1\nline2\"\n");
        edited.append("\n# Trailing note from the team.\n");
        EnvMergeReport report;
        const QByteArray merged = mergeEnvExample(edited, nextGeneration, lastGeneration, &report);

        for (const char *line :
             {"# Team header: ask #payments before changing.\n", "# We use the internal relay.\n",
              "SMTP_HOST=relay.internal.corp\n", "feature.flags-url=https://flags.test\n", "LEGACY: yes\n",
              "bareword\n", "MULTI=\"line1\nline2\"\n", "# Trailing note from the team.\n"})
            QVERIFY2(merged.contains(line), line);
        // Where they were: after the same lines of OpsFlow's as before.
        QVERIFY(merged.startsWith("# Team header: ask #payments before changing.\n# Environment variables"));
        QVERIFY(merged.contains("PORT=8080\nfeature.flags-url=https://flags.test\nLEGACY: yes\nbareword\nMULTI="));
        QVERIFY(merged.contains("# REQUIRED: SMTP relay for alert mail.\n# We use the internal relay.\n"
                                "SMTP_HOST=relay.internal.corp\n"));
        // The new generation is there; OpsFlow's own earlier variable it no longer makes is gone.
        QVERIFY(merged.contains("REDIS_URL=redis://localhost:6379\n"));
        QVERIFY(!merged.contains("PORT=3000"));
        QVERIFY(!merged.contains("PAGER_KEY"));
        QVERIFY(!merged.contains("smtp.example.com"));

        QCOMPARE(report.keptValues, QStringList{QStringLiteral("SMTP_HOST")});
        QCOMPARE(report.keptVariables, (QStringList{QStringLiteral("feature.flags-url"), QStringLiteral("MULTI")}));
        QCOMPARE(report.removedVariables, QStringList{QStringLiteral("PAGER_KEY")});
        QCOMPARE(report.keptLines, 5); // team header, relay comment, LEGACY, bareword, trailing note
        QVERIFY(!report.withoutBase);

        // The multi-line value is one entry, read back whole.
        const QList<EnvEntry> entries = parseEnvFile(merged);
        const auto multi = std::find_if(entries.cbegin(), entries.cend(),
                                        [](const EnvEntry &e) { return e.key == QLatin1String("MULTI"); });
        QVERIFY(multi != entries.cend());
        QCOMPARE(multi->value, QStringLiteral("line1\nline2"));
        // Joining the entries gives the bytes back.
        QCOMPARE(joinEnvEntries(entries), merged);
        // Stable: the next run (whose base is this generation) changes nothing.
        QCOMPARE(mergeEnvExample(merged, nextGeneration, nextGeneration), merged);
    }

    // Enterprise → MVP: the variables OpsFlow generated for Enterprise go, because the record
    // of the last generation says they were OpsFlow's (they were once kept and labelled
    // "kept your variable").
    void shouldRemoveWhatItNoLongerGenerates()
    {
        const QByteArray enterprise =
            read(QStringLiteral(OPSFLOW_SOURCE_DIR "/tests/golden/enterprise-defaults/.env.example"));
        const QByteArray mvp = read(QStringLiteral(OPSFLOW_SOURCE_DIR "/tests/golden/mvp-defaults/.env.example"));
        QVERIFY(!enterprise.isEmpty() && !mvp.isEmpty());
        EnvMergeReport report;
        const QByteArray merged = mergeEnvExample(enterprise + "MY_TEAM_VAR=keep\n", mvp, enterprise, &report);
        QCOMPARE(merged, mvp + "MY_TEAM_VAR=keep\n");
        // Exactly the variables Enterprise generates and MVP does not, in their order.
        QStringList dropped;
        const QList<EnvEntry> kept = parseEnvFile(mvp);
        for (const EnvEntry &e : parseEnvFile(enterprise)) {
            const bool inMvp =
                std::any_of(kept.cbegin(), kept.cend(), [&](const EnvEntry &k) { return k.key == e.key; });
            if (e.kind == EnvEntry::Kind::Assignment && !inMvp)
                dropped << e.key;
        }
        QVERIFY(dropped.size() > 10);
        QCOMPARE(report.removedVariables, dropped);
        QCOMPARE(report.keptVariables, QStringList{QStringLiteral("MY_TEAM_VAR")});
        QVERIFY(report.keptValues.isEmpty());
    }

    // A file from before OpsFlow kept a record: the older layout (the team's variables under
    // "Kept from your .env.example"), or a hand-written file.
    void shouldGuessItsOwnLinesWithoutARecord()
    {
        const QByteArray older =
            lastGeneration + "\n# ---- Kept from your .env.example ----\n\n# Ours\nMY_TEAM_VAR=keep\n";
        EnvMergeReport report;
        const QByteArray merged = mergeEnvExample(older, nextGeneration, std::nullopt, &report);
        QVERIFY(report.withoutBase);
        // Without a record, a value that differs from the generation may be the team's: it is
        // kept and reported, never dropped (here PORT, which the generation changed).
        QCOMPARE(report.keptValues, QStringList{QStringLiteral("PORT")});
        QVERIFY(merged.startsWith(QByteArray(nextGeneration).replace("PORT=8080", "PORT=3000")));
        QVERIFY(merged.endsWith("# Ours\nMY_TEAM_VAR=keep\n"));
        QVERIFY(!merged.contains("Kept from your .env.example"));
        QVERIFY(!merged.contains("PAGER_KEY"));
        QCOMPARE(report.keptVariables, QStringList{QStringLiteral("MY_TEAM_VAR")});

        // Hand-written (tests/fixtures/node-api): every line kept; the team's DATABASE_URL
        // value wins over the generated placeholder.
        const QByteArray handWritten = read(fixture("node-api/.env.example"));
        const QByteArray generated = "# ---- Application ----\n"
                                     "PORT=3000\n"
                                     "DATABASE_URL=postgres://app:change-me@localhost:5432/app\n";
        EnvMergeReport second;
        const QByteArray kept = mergeEnvExample(handWritten, generated, std::nullopt, &second);
        for (const QByteArray &line : handWritten.split('\n'))
            QVERIFY2(kept.contains(line), line.constData());
        QVERIFY(!kept.contains("change-me"));
        QCOMPARE(second.keptValues, QStringList{QStringLiteral("DATABASE_URL")});
        QCOMPARE(second.keptVariables,
                 (QStringList{QStringLiteral("NODE_ENV"), QStringLiteral("REDIS_URL"), QStringLiteral("SENTRY_DSN"),
                              QStringLiteral("STRIPE_WEBHOOK_SECRET")}));
    }

    // The parser reads what the dotenv readers read, and never loses a byte.
    void shouldReadDotenvEntries()
    {
        const QByteArray text = "export A=1 # note\r\nB='x # y'\nC=\"multi\nline\\n\" # c\nD=\"never closed\n"
                                "E=`tick`\n  # indented comment\n\nF.G-H=ok\nno newline at end";
        const QList<EnvEntry> entries = parseEnvFile(text);
        QCOMPARE(joinEnvEntries(entries), text);
        QStringList keys;
        QStringList values;
        for (const EnvEntry &e : entries) {
            if (e.kind == EnvEntry::Kind::Assignment) {
                keys.append(e.key);
                values.append(e.value);
            }
        }
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("E"),
                              QStringLiteral("F.G-H")}));
        QCOMPARE(values,
                 (QStringList{QStringLiteral("1"), QStringLiteral("x # y"), QStringLiteral("multi\nline\n"),
                              QStringLiteral("tick"), QStringLiteral("ok")}));
        QCOMPARE(entries.at(3).kind, EnvEntry::Kind::Other); // D's unclosed quote: its line as is
    }
};

QTEST_GUILESS_MAIN(TestEnvMerge)
#include "tst_envmerge.moc"
