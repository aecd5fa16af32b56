// Template values of the CI/CD Pipeline and Deployment Strategy sections, rolling back included.
#include "templatecontextparts.h"

#include "answerset.h"
#include "operatingcommands.h"
#include "questionnaire.h"

#include <algorithm>

namespace opsflow::contextparts {

// ---- CI/CD -----------------------------------------------------------------------------------

namespace {

QString securityScanText(const QString &runtime, bool docker)
{
    const QString audit = Knowledge::builtIn().runtime(runtime).audit;
    return docker ? QStringLiteral("%1 and an image scan (Trivy); critical findings fail the build").arg(audit)
                  : QStringLiteral("%1; critical findings fail the build").arg(audit);
}

QString stageText(const QString &stage, const Inputs &in, const CiPlatformKnowledge &ci, const QString &strategy)
{
    const bool docker = in.a.text("7.2", "choice") == QLatin1String("A");
    if (stage == QLatin1String("checkout"))
        return QStringLiteral("the commit under test");
    if (stage == QLatin1String("install"))
        return QStringLiteral("dependencies from the lockfile, cached between runs");
    if (stage == QLatin1String("lint"))
        return QStringLiteral("formatting and static analysis");
    if (stage == QLatin1String("test"))
        return QStringLiteral("unit and integration tests with coverage");
    if (stage == QLatin1String("build"))
        return docker
            ? QStringLiteral("the Docker image, tagged with the commit SHA and pushed to %1").arg(in.p.registry)
            : QStringLiteral("the release artifact, versioned with the commit SHA");
    if (stage == QLatin1String("security_scan"))
        return securityScanText(in.a.context("runtime"), docker);
    if (stage == QLatin1String("deploy_staging"))
        return QStringLiteral("the same build to staging, followed by smoke tests against it");
    if (stage == QLatin1String("manual_approval"))
        return QStringLiteral("a person approves the release: ") + ci.approval;
    if (stage == QLatin1String("deploy_production"))
        return strategy.isEmpty()
            ? QStringLiteral("the approved build to production")
            : QStringLiteral("the same build to production, as a %1 (see [Deployment Strategy](#deployment-strategy))")
                  .arg(strategy);
    return {};
}

} // namespace

void addCi(QVariantMap &c, const Inputs &in)
{
    const QString choice = in.a.text("7.4", "platform");
    const CiPlatformKnowledge &ci = Knowledge::builtIn().ciPlatform(choice);
    set(c, "CI_FILE", ci.definition);
    set(c, "CI_SECRETS", ci.secrets);

    static const QHash<QString, QString> strategies = {
        {QStringLiteral("A"), QStringLiteral("rolling deployment")},
        {QStringLiteral("B"), QStringLiteral("blue-green deployment")},
        {QStringLiteral("C"), QStringLiteral("canary deployment")},
        {QStringLiteral("D"), QStringLiteral("rollout behind feature flags")}};
    const QString strategy = strategies.value(in.a.text("7.4.1", "strategy"));
    const Field *stages = in.a.resolver().questionnaire().field(QStringLiteral("7.4"), QStringLiteral("stages"));
    const QStringList chosen = in.a.list("7.4", "stages");
    // The recommended stages deploy to staging; with no staging environment (7.3) that stage
    // is left out unless the user chose it (then the wizard has warned, and it stays).
    const bool stagingStageApplies =
        hasStaging(in.a) || in.a.facts().field(QStringLiteral("7.4"), QStringLiteral("stages")).isAnswer();
    QVariantList items;
    if (stages) {
        for (const Choice &stage : stages->choices) {
            if (stage.value == QLatin1String("deploy_staging") && !stagingStageApplies)
                continue;
            if (chosen.contains(stage.value)) {
                QString name = stage.label;
                name.remove(QStringLiteral(" (optional)"));
                items << item({{"NAME", md(name)}, {"TEXT", stageText(stage.value, in, ci, strategy)}});
            }
        }
    }
    set(c, "CI_STAGES", items);

    set(c, "AUTO_DEPLOY_NAME", chosenLabel(in.a, "7.4", "auto_deploy"));
    set(c, "CI_APPROVAL", ci.approval);
}

// ---- Deployment strategy ---------------------------------------------------------------------

namespace {

// The canary's traffic share at each step: initial, then +step until 100%. Long rollouts are
// cut to nine steps before the final one, which a table can still show.
QVariantList canarySteps(double initial, double step, double minutes, double *totalMinutes)
{
    QVariantList rows;
    double share = std::clamp(initial, 1.0, 100.0);
    step = std::max(step, 1.0);
    while (share < 100 && rows.size() < 9) {
        rows << item({{"PERCENT", num(share) + QLatin1Char('%')}, {"MINUTES", minutesText(minutes)}});
        share += step;
    }
    rows << item({{"PERCENT", QStringLiteral("100%")}, {"MINUTES", QStringLiteral("— (rollout complete)")}});
    *totalMinutes = double(rows.size() - 1) * minutes;
    return rows;
}

// "Lead: `command`." for a command; for prose ("deploy the previous release …") the prose
// itself, as a sentence.
QString asStep(const QString &lead, const QString &action)
{
    if (action.startsWith(QLatin1Char('`')))
        return lead + action + QLatin1Char('.');
    return action.left(1).toUpper() + action.mid(1) + QLatin1Char('.');
}

// The rollback command with its note and, where it needs the release to go back to, the
// command that lists the releases.
QString rollbackHow(const Inputs &in)
{
    const OperatingCommand rollback = in.cmd.operation(QStringLiteral("rollback"));
    QString how = rollback.markdown();
    if (!rollback.note.isEmpty())
        how += QStringLiteral(" (%1)").arg(rollback.note);
    const OperatingCommand history = in.cmd.operation(QStringLiteral("history"));
    if (!rollback.shell.isEmpty() && !history.shell.isEmpty())
        how += QStringLiteral("; %1 lists the releases").arg(history.markdown());
    return how;
}

QString rollbackAction(const Inputs &in, const QString &strategy, const QString &traffic)
{
    const DeployToolKnowledge *tool = in.cmd.deployTool();
    if (strategy == QLatin1String("B")) {
        QString step =
            QStringLiteral("Switch traffic back to the previous environment (%1); it still runs the previous release.")
                .arg(traffic);
        if (tool && tool->commands.contains(QStringLiteral("rollback")))
            step += QStringLiteral(" With %1: %2.").arg(tool->name, rollbackHow(in));
        return step;
    }
    if (strategy == QLatin1String("C"))
        return QStringLiteral(
            "Set the new version's traffic share to 0% and remove its instances; the stable version never stopped serving.");
    if (strategy == QLatin1String("D"))
        return QStringLiteral(
                   "Turn the feature's flag off in the flag service; only when the deploy itself is broken, redeploy the previous version: %1.")
            .arg(rollbackHow(in));
    return asStep(QStringLiteral("Go back to the previous version: "), rollbackHow(in));
}

} // namespace

void addStrategy(QVariantMap &c, const Inputs &in)
{
    const QString strategy = in.a.text("7.4.1", "strategy");
    set(c, "STRATEGY_ROLLING", strategy == QLatin1String("A"));
    set(c, "STRATEGY_BLUE_GREEN", strategy == QLatin1String("B"));
    set(c, "STRATEGY_CANARY", strategy == QLatin1String("C"));
    set(c, "STRATEGY_FEATURE_FLAGS", strategy == QLatin1String("D"));
    set(c, "ROLLING_SETTING", in.p.rollingSetting);
    set(c, "PLATFORM_RELEASE", in.p.release);

    const QString traffic = in.a.text("7.4.1", "traffic_switching");
    set(c, "BG_TRAFFIC", traffic.isEmpty() ? NotDecided : md(traffic));
    set(c, "BG_DNS", mentions(traffic, {"dns"}));
    const QString migrations = in.a.text("7.4.1", "bluegreen_db_migrations");
    set(c, "BG_MIGRATIONS", migrations.isEmpty() ? NotDecided : md(migrations));

    const double initial = in.a.number("7.4.1", "canary_initial_percent", 5);
    const double step = in.a.number("7.4.1", "canary_step_percent", 25);
    const double minutes = in.a.number("7.4.1", "canary_step_minutes", 15);
    double total = 0;
    set(c, "CANARY_STEPS", canarySteps(initial, step, minutes, &total));
    set(c, "CANARY_INITIAL", num(initial) + QLatin1Char('%'));
    set(c, "CANARY_STEP", QStringLiteral("%1 percentage points").arg(num(step)));
    set(c, "CANARY_STEP_MINUTES", minutesText(minutes));
    set(c, "CANARY_TOTAL", minutesText(total));
    const QString criteria = in.a.text("7.4.1", "canary_success_criteria");
    set(c, "CANARY_CRITERIA", criteria.isEmpty() ? NotDecided : md(criteria));
    set(c, "FLAG_PROVIDER", flagProvider(in.a));
    set(c, "FLAG_PROVIDER_CONFIGURATION", flagProviderInConfiguration(in.a));

    const auto rollbackMinutes = in.a.number("7.4.1", "rollback_minutes");
    set(c, "ROLLBACK_MINUTES", rollbackMinutes ? minutesText(*rollbackMinutes) : NotDecided);
    // For templates that write "seconds" after the number (ai-flow's blue-green rollback time).
    set(c, "ROLLBACK_SECONDS", rollbackMinutes ? num(*rollbackMinutes * 60) : QString());
    set(c, "ROLLBACK_WHO", chosenLabel(in.a, "7.4.1", "rollback_who"));
    QStringList triggers;
    if (in.a.has("7.4.1", "rollback_criteria", "error_rate"))
        triggers << QStringLiteral("error rate above %1% after a deploy")
                        .arg(num(in.a.number("7.4.1", "rollback_error_rate_percent", 5)));
    if (in.a.has("7.4.1", "rollback_criteria", "latency"))
        triggers << QStringLiteral("p95 latency above %1 ms after a deploy")
                        .arg(num(in.a.number("7.4.1", "rollback_latency_ms", 2000)));
    if (in.a.has("7.4.1", "rollback_criteria", "manual"))
        triggers << QStringLiteral("a person's decision");
    set(c, "ROLLBACK_TRIGGERS", triggers.isEmpty() ? NotDecided : triggers.join(QStringLiteral("; ")));

    const bool chat = in.f.alertChannels.chat;
    QStringList steps;
    steps << (chat ? QStringLiteral(
                  "Say in the team's Slack/Discord incident channel that a rollback is under way, and who leads it.")
                   : QStringLiteral("Tell the team that a rollback is under way, and who leads it."));
    steps << rollbackAction(in, strategy, traffic.isEmpty() ? QStringLiteral("the traffic switch") : md(traffic));
    steps << QStringLiteral("Watch the error rate and latency until they are back to their usual level.");
    steps << QStringLiteral(
        "Keep the broken release out of the pipeline (revert or fix forward in a new release), and note what happened for the post-mortem.");
    set(c, "ROLLBACK_STEPS", textItems(steps));
    set(c, "ROLLBACK_COMMAND", in.p.rollbackCommand);
}

} // namespace opsflow::contextparts
