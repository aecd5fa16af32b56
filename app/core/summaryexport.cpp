// Export formats of the Phase 7 summary.
#include "summaryexport.h"

#include "answersfile.h"
#include "factmodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace opsflow {

namespace {

PdfWriter g_pdfWriter = nullptr;

QString tr(const char *text)
{
    return QCoreApplication::translate("opsflow::Summary", text);
}

// The project's name says where it came from, like every value of the summary: found in the
// project's files, or the questionnaire's default.
QString scopeLine(const Resolver &resolver)
{
    const Fact name = FactModel(resolver).context(QStringLiteral("project_name"));
    QString shown = name.value.toString();
    if (name.provenance == Provenance::Detected)
        shown = tr("%1 (found in %2)").arg(shown, name.evidence);
    else if (name.provenance == Provenance::QuestionnaireDefault)
        shown += u' ' + defaultMark();
    return tr("Project: %1 · Scope: %2").arg(shown, scopeTitle(resolver.answers().scope));
}

bool anyDefaults(const QList<SummaryLine> &lines)
{
    return std::any_of(lines.begin(), lines.end(), [](const SummaryLine &line) { return line.defaults > 0; });
}

// Markdown text that can't break the list item it sits in.
QString mdEscape(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    for (const char c : {'*', '_', '`', '[', ']', '<', '>', '#', '|'})
        text.replace(QLatin1Char(c), QString(QLatin1Char('\\')) + QLatin1Char(c));
    return text.simplified();
}

} // namespace

QString summaryHeadingMark()
{
    return QStringLiteral("📋");
}

QString summaryHeadingTitle()
{
    return QStringLiteral("PHASE 7 SUMMARY");
}

QString summaryHeading()
{
    return summaryHeadingMark() + QLatin1Char(' ') + summaryHeadingTitle();
}

SummaryContent summaryContent(const Resolver &resolver)
{
    SummaryContent content;
    content.lines = summaryLines(resolver);
    content.notes.append(scopeLine(resolver));
    if (anyDefaults(content.lines))
        content.notes.append(defaultsLegend());
    return content;
}

std::optional<SummaryFormat> summaryFormatFromId(const QString &id)
{
    for (auto f :
         {SummaryFormat::Markdown, SummaryFormat::Text, SummaryFormat::Json, SummaryFormat::Html, SummaryFormat::Pdf}) {
        if (summaryFormatId(f) == id)
            return f;
    }
    return std::nullopt;
}

QString summaryFormatId(SummaryFormat format)
{
    switch (format) {
    case SummaryFormat::Markdown: return QStringLiteral("md");
    case SummaryFormat::Text: return QStringLiteral("txt");
    case SummaryFormat::Json: return QStringLiteral("json");
    case SummaryFormat::Html: return QStringLiteral("html");
    case SummaryFormat::Pdf: return QStringLiteral("pdf");
    }
    return {};
}

QString summaryMarkdown(const Resolver &resolver)
{
    const QList<SummaryLine> lines = summaryLines(resolver);
    QString out = QStringLiteral("# ") + summaryHeading() + QStringLiteral("\n\n") + mdEscape(scopeLine(resolver))
        + QStringLiteral("\n\n");
    if (anyDefaults(lines))
        out += QLatin1Char('_') + mdEscape(defaultsLegend()) + QStringLiteral("_\n\n");
    for (const SummaryLine &line : lines) {
        out +=
            QStringLiteral("- **%1:** %2 (%3)\n")
                .arg(mdEscape(line.label), line.tbd ? QStringLiteral("_TBD_") : mdEscape(line.text), line.questionId);
    }
    return out;
}

QString summaryText(const Resolver &resolver)
{
    // The seed's own layout: "Label: text (7.x)" lines under the heading.
    const QList<SummaryLine> lines = summaryLines(resolver);
    QString out = summaryHeading() + QStringLiteral("\n\n") + scopeLine(resolver) + QStringLiteral("\n\n");
    if (anyDefaults(lines))
        out += defaultsLegend() + QStringLiteral("\n\n");
    for (const SummaryLine &line : lines)
        out += QStringLiteral("%1: %2 (%3)\n").arg(line.label, line.text.simplified(), line.questionId);
    return out;
}

QByteArray summaryJson(const Resolver &resolver)
{
    QJsonArray lines;
    for (const SummaryLine &line : summaryLines(resolver)) {
        lines.append(QJsonObject{{QStringLiteral("question"), line.questionId},
                                 {QStringLiteral("label"), line.label},
                                 {QStringLiteral("text"), line.text},
                                 {QStringLiteral("tbd"), line.tbd},
                                 {QStringLiteral("defaults"), line.defaults}});
    }
    // The answers file embedded as is, so the export reads back to the same answers.
    const QJsonObject answers = QJsonDocument::fromJson(AnswersFile::toJson(resolver.answers())).object();
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("opsflow-summary")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("scope"), scopeId(resolver.answers().scope)},
                           {QStringLiteral("defaultMark"), defaultMark()},
                           {QStringLiteral("defaultsLegend"), defaultsLegend()},
                           {QStringLiteral("summary"), lines},
                           {QStringLiteral("answers"), answers}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString summaryHtml(const Resolver &resolver)
{
    const QList<SummaryLine> lines = summaryLines(resolver);
    QString rows;
    for (const SummaryLine &line : lines) {
        rows += QStringLiteral("<tr%4><th width=\"24%\">%1</th><td>%2</td><td class=\"id\" width=\"7%\">%3</td></tr>\n")
                    .arg(line.label.toHtmlEscaped(), line.text.toHtmlEscaped(), line.questionId,
                         line.tbd ? QStringLiteral(" class=\"tbd\"") : QString());
    }
    // Self-contained and printable: inline style only, nothing fetched.
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<title>%4</title>\n<style>\n"
               "body { font-family: sans-serif; margin: 2em; color: #1a1a1a; }\n"
               "h1 { font-size: 1.5em; margin-bottom: 4px; }\n"
               "p.scope { color: #555; margin-top: 0; }\n"
               "table { border-collapse: collapse; width: 100%; }\n"
               "th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #ccc; }\n"
               "td.id { color: #666; white-space: nowrap; }\n"
               "tr.tbd td { color: #888; font-style: italic; }\n"
               "</style>\n</head>\n<body>\n<h1>%1</h1>\n<p class=\"scope\">%2</p>\n%5"
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\">\n%3</table>\n</body>\n</html>\n")
        .arg(summaryHeading().toHtmlEscaped(), scopeLine(resolver).toHtmlEscaped(), rows,
             summaryHeadingTitle().toHtmlEscaped(),
             anyDefaults(lines) ? QStringLiteral("<p class=\"scope\">%1</p>\n").arg(defaultsLegend().toHtmlEscaped())
                                : QString());
}

bool exportSummary(const Resolver &resolver, SummaryFormat format, QByteArray *out, QString *error)
{
    switch (format) {
    case SummaryFormat::Markdown: *out = summaryMarkdown(resolver).toUtf8(); return true;
    case SummaryFormat::Text: *out = summaryText(resolver).toUtf8(); return true;
    case SummaryFormat::Json: *out = summaryJson(resolver); return true;
    case SummaryFormat::Html: *out = summaryHtml(resolver).toUtf8(); return true;
    case SummaryFormat::Pdf:
        if (!g_pdfWriter) {
            *error = tr("PDF export is not available in this build.");
            return false;
        }
        *out = g_pdfWriter(summaryContent(resolver), error);
        return !out->isEmpty();
    }
    return false;
}

void setSummaryPdfWriter(PdfWriter writer)
{
    g_pdfWriter = writer;
}

} // namespace opsflow
