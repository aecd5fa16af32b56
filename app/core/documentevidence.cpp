// Facts read out of existing operations documents (docs/operations.md, docs/deployment.md).
#include "evidencescan.h"

#include "knowledge.h"

#include <QMap>
#include <QSet>

namespace opsflow {

namespace {

// The platform text a 7.1 rule suggests for a line: the rule's own ("Azure"), unless the
// classifier reads the whole line as a more specific platform ("Azure Container Apps" is
// Container Apps, not App Service): then that platform's name, so that accepting the
// suggestion gives the documents the platform the line names.
QString platformText(const DocumentEvidenceRule &rule, const QString &line)
{
    const Knowledge &k = Knowledge::builtIn();
    const PlatformKnowledge *byLine = k.classify(rule.value, line, true).platform;
    const PlatformKnowledge *bySays = k.classify(rule.value, rule.says, true).platform;
    return byLine && byLine != bySays ? byLine->name : rule.says;
}

// One document's best line for each question/field, as findings. A heading states a choice
// more surely than a line about the topic (a "cue"), which beats a mention in passing; among
// equals the first line wins. The rules are resources/knowledge/evidence/documents.json.
void importDocument(const ProjectFile &file, ScanResult *result, QSet<QString> *seen)
{
    struct Pick {
        int rule = -1;
        int line = 0;
        int rank = -1;
    };
    const QList<DocumentEvidenceRule> &rules = Knowledge::builtIn().documentRules();
    QMap<QString, Pick> picks; // "7.4.1/strategy" → the line that states it
    QStringList order;         // groups in the rules' order
    for (const DocumentEvidenceRule &r : rules) {
        const QString group = r.question + QLatin1Char('/') + r.field;
        if (!order.contains(group))
            order.append(group);
    }
    const QStringList text = textLines(file.text);
    for (int i = 0; i < text.size(); ++i) {
        const QString &line = text.at(i);
        const bool heading = line.trimmed().startsWith(QLatin1Char('#'));
        QSet<QString> matchedHere;
        for (int k = 0; k < int(rules.size()); ++k) {
            const DocumentEvidenceRule &rule = rules.at(k);
            const QString group = rule.question + QLatin1Char('/') + rule.field;
            if (matchedHere.contains(group) || !rule.pattern.match(line).hasMatch())
                continue;
            matchedHere.insert(group);
            const int rank = heading                                                     ? 2
                : Knowledge::builtIn().documentCue(rule.question).match(line).hasMatch() ? 1
                                                                                         : 0;
            Pick &pick = picks[group];
            if (rank > pick.rank)
                pick = {k, i + 1, rank};
        }
    }
    for (const QString &group : std::as_const(order)) {
        if (!picks.contains(group))
            continue;
        const Pick &pick = picks.value(group);
        const DocumentEvidenceRule &rule = rules.at(pick.rule);
        const QString evidence = QStringLiteral("%1:%2").arg(file.path).arg(pick.line);
        const QString note = QStringLiteral("%1 named in %2").arg(rule.label, file.path);
        QList<Finding> found = {{rule.question, rule.field, rule.value, evidence, note}};
        if (!rule.says.isEmpty())
            found.append({rule.question, QStringLiteral("platform"), platformText(rule, text.at(pick.line - 1)),
                          evidence, note});
        for (const Finding &f : found) {
            const QString key = f.questionId + QLatin1Char('/') + f.fieldId + QLatin1Char('=') + f.value.toString();
            if (!seen->contains(key)) {
                seen->insert(key);
                result->findings.append(f);
            }
        }
    }
}

} // namespace

ScanResult importFromDocs(const QString &projectDir)
{
    ScanResult result;
    QSet<QString> seen;
    for (const char *path : {"docs/operations.md", "docs/deployment.md"}) {
        const ProjectFile file = readProjectFile(projectDir, QLatin1String(path));
        if (!file.note.isEmpty())
            result.notes.append(file.note);
        if (file.read)
            importDocument(file, &result, &seen);
    }
    return result;
}

ScanResult importFromDocument(const ProjectFile &file)
{
    ScanResult result;
    QSet<QString> seen;
    if (file.read)
        importDocument(file, &result, &seen);
    return result;
}

} // namespace opsflow
