// Regenerating into a project that has the documents already: merge, then plan.
#include "answerset.h"
#include "generation.h"
#include "regeneration.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opsflow;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QList<GeneratedFile> generateFor(Scope scope, int errorRatePercent = 0)
{
    AnswerSet answers;
    answers.scope = scope;
    if (errorRatePercent > 0)
        answers.answers[s("7.6")].insert(s("error_rate_percent"), errorRatePercent);
    return generate(Resolver(Questionnaire::builtIn(), answers), TemplateSet::builtIn()).files;
}

const QByteArray errorRateRow = "| Error rate | more than 1% of requests fail over 5 minutes | Critical |";
const QByteArray poolRow = "| Connection pool exhausted |";

void writeAll(const QString &dir, const WritePlan &plan)
{
    QVERIFY(executePlan(plan).ok);
    Q_UNUSED(dir)
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestRegeneration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldBeUnchangedTheSecondTime()
    {
        QTemporaryDir project;
        writeAll(project.path(), planRegeneration(project.path(), generateFor(Scope::Enterprise)).plan);
        const RegenerationPlan again = planRegeneration(project.path(), generateFor(Scope::Enterprise));
        for (const PlannedFile &f : again.plan.files)
            QCOMPARE(statusText(f.status), s("unchanged"));
        QVERIFY(!again.hasConflicts());
    }

    void shouldKeepLinesOutsideTheMarkersAndFollowNewAnswers()
    {
        QTemporaryDir project;
        writeAll(project.path(), planRegeneration(project.path(), generateFor(Scope::Enterprise)).plan);
        const QString ops = project.filePath(s("docs/operations.md"));
        const QByteArray mine = "\n## Team notes\n\nCall Dana before any Friday deploy.\n";
        write(ops, read(ops) + mine);
        const RegenerationPlan plan = planRegeneration(project.path(), generateFor(Scope::Mvp));
        QCOMPARE(plan.plan.files.at(0).status, PlannedFile::Status::Changed);
        QVERIFY(!plan.hasConflicts());
        QVERIFY(plan.plan.files.at(0).newContent.endsWith(mine));
        // The sections MVP does not ask are gone, listed once under "Decided Later".
        QVERIFY(plan.plan.files.at(0).newContent.contains("\n## Decided Later\n"));
        QVERIFY(!plan.plan.files.at(0).newContent.contains("\n## Graceful Shutdown\n"));
    }

    // An edit inside a generated section and the generator's changes to other lines of it
    // are merged three ways against the record of the last generation: no conflict.
    void shouldMergeAnEditWithTheNewGeneration()
    {
        QTemporaryDir project;
        writeAll(project.path(), planRegeneration(project.path(), generateFor(Scope::Production)).plan);
        QVERIFY(QFile::exists(project.filePath(s(".ai-flow/opsflow/last-generated/docs/operations.md"))));
        const QString ops = project.filePath(s("docs/operations.md"));
        QByteArray text = read(ops);
        const qsizetype pool = text.indexOf(poolRow);
        QVERIFY(pool > 0 && text.contains(errorRateRow));
        const QByteArray mine = "| Queue lag | the orders queue is 5 minutes behind | Warning | Slack/Discord |\n";
        text.insert(text.indexOf('\n', pool) + 1, mine);
        write(ops, text);
        // The new generation changes the error-rate row, four rows above the team's.
        const RegenerationPlan plan = planRegeneration(project.path(), generateFor(Scope::Production, 5));
        QVERIFY(!plan.hasConflicts());
        const QByteArray merged = plan.plan.files.at(0).newContent;
        QVERIFY(merged.contains(poolRow) && merged.contains(mine));
        QVERIFY(merged.contains("| Error rate | more than 5% of requests fail"));
        QVERIFY(!merged.contains(errorRateRow));
        QVERIFY(plan.merges.at(0).notes.join(u' ').contains(s("Section \"Alerts\": your edits were kept and merged")));
        // Written, the next run sees the team's row as an edit again and keeps it again.
        writeAll(project.path(), plan.plan);
        const RegenerationPlan again = planRegeneration(project.path(), generateFor(Scope::Production, 5));
        QCOMPARE(again.plan.files.at(0).status, PlannedFile::Status::Unchanged);
        QVERIFY(!again.hasConflicts());
    }

    // Where the team and the generator changed the same lines: a conflict, the team's text
    // kept unless they take the new one.
    void shouldReportAConflictWhereBothChangedTheSameLines()
    {
        QTemporaryDir project;
        writeAll(project.path(), planRegeneration(project.path(), generateFor(Scope::Production)).plan);
        const QString ops = project.filePath(s("docs/operations.md"));
        QByteArray text = read(ops);
        text.replace(errorRateRow, "| Error rate | more than 2% of requests fail over 5 minutes | Critical |");
        write(ops, text);
        const RegenerationPlan plan = planRegeneration(project.path(), generateFor(Scope::Production, 5));
        QVERIFY(plan.hasConflicts());
        QCOMPARE(plan.merges.at(0).conflicts.at(0).id, s("alerts"));
        QVERIFY2(plan.merges.at(0).conflicts.at(0).reason.contains(s("changed the same lines (at line 5 of")),
                 qPrintable(plan.merges.at(0).conflicts.at(0).reason));
        QVERIFY(plan.plan.files.at(0).newContent.contains("more than 2% of requests"));

        QHash<QString, QHash<QString, ConflictChoice>> choices;
        choices[s("docs/operations.md")][s("alerts")] = ConflictChoice::TakeNew;
        const RegenerationPlan taken = planRegeneration(project.path(), generateFor(Scope::Production, 5), choices);
        QVERIFY(taken.plan.files.at(0).newContent.contains("more than 5% of requests"));
        QVERIFY(!taken.plan.files.at(0).newContent.contains("more than 2% of requests"));
    }

    // ai-flow's /flow-docs-sync adds a variable row to the configuration table: the row
    // survives regeneration, and the variable missing from .env.example is reported.
    void shouldKeepARowAddedToAGeneratedTable()
    {
        QTemporaryDir project;
        writeAll(project.path(), planRegeneration(project.path(), generateFor(Scope::Production)).plan);
        const QString configuration = project.filePath(s("specs/configuration.md"));
        QByteArray text = read(configuration);
        const qsizetype at = text.indexOf("| `PORT` |");
        QVERIFY(at > 0);
        const QByteArray row =
            "| `FEATURE_SYNC_URL` | No | URL | `https://sync.test` | — | Added by flow-docs-sync. |\n";
        text.insert(at, row);
        write(configuration, text);
        const RegenerationPlan plan = planRegeneration(project.path(), generateFor(Scope::Enterprise));
        QVERIFY(!plan.hasConflicts());
        QVERIFY(plan.plan.files.at(1).newContent.contains(row));
        // Only that one: the alerting secrets (Slack, mail) are in configuration.md and not in
        // .env.example by design, and are not reported.
        QCOMPARE(plan.warnings,
                 QStringList{s("FEATURE_SYNC_URL is in specs/configuration.md but not in .env.example.")});
        QVERIFY(read(configuration).contains("| `SLACK_WEBHOOK_URL` |"));
        writeAll(project.path(), plan.plan);
        QVERIFY(read(configuration).contains(row));
    }

    void shouldKeepTheTeamsEnvVariables()
    {
        QTemporaryDir project;
        writeAll(project.path(), planRegeneration(project.path(), generateFor(Scope::Production)).plan);
        const QString env = project.filePath(s(".env.example"));
        write(env, read(env) + "\n# Our payment provider's webhook secret\nSTRIPE_WEBHOOK_SECRET=change-me\n");
        const RegenerationPlan plan = planRegeneration(project.path(), generateFor(Scope::Enterprise));
        const PlannedFile &file = plan.plan.files.at(2);
        QVERIFY(file.newContent.contains("STRIPE_WEBHOOK_SECRET=change-me"));
        QCOMPARE(plan.merges.constLast().env.keptVariables, QStringList{s("STRIPE_WEBHOOK_SECRET")});
    }
};

QTEST_GUILESS_MAIN(TestRegeneration)
#include "tst_regeneration.moc"
