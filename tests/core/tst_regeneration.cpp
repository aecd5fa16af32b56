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

QList<GeneratedFile> generateFor(Scope scope)
{
    AnswerSet answers;
    answers.scope = scope;
    return generate(Resolver(Questionnaire::builtIn(), answers), TemplateSet::builtIn()).files;
}

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
        QVERIFY(plan.plan.files.at(0).newContent.contains("TBD"));
    }

    void shouldReportAnEditedSectionAndKeepIt()
    {
        QTemporaryDir project;
        writeAll(project.path(), planRegeneration(project.path(), generateFor(Scope::Enterprise)).plan);
        const QString ops = project.filePath(s("docs/operations.md"));
        QByteArray text = read(ops);
        text.replace("## Scaling Strategy\n", "## Scaling Strategy\n\nWe scale on Mondays.\n");
        write(ops, text);
        const RegenerationPlan plan = planRegeneration(project.path(), generateFor(Scope::Production));
        QVERIFY(plan.hasConflicts());
        QCOMPARE(plan.merges.at(0).conflicts.at(0).id, s("scaling"));
        QVERIFY(plan.plan.files.at(0).newContent.contains("We scale on Mondays."));

        QHash<QString, QHash<QString, ConflictChoice>> choices;
        choices[s("docs/operations.md")][s("scaling")] = ConflictChoice::TakeNew;
        const RegenerationPlan taken = planRegeneration(project.path(), generateFor(Scope::Production), choices);
        QVERIFY(!taken.plan.files.at(0).newContent.contains("We scale on Mondays."));
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
