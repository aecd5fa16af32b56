// The Phase 7 summary in the formats a team pastes into its wiki: Markdown, plain text,
// JSON (summary plus answers), self-contained HTML; PDF is drawn from summaryContent() by
// the caller (it needs Qt Gui, which core does not link).
#pragma once

#include "summary.h"

#include <optional>

namespace opsflow {

enum class SummaryFormat { Markdown, Text, Json, Html, Pdf };
std::optional<SummaryFormat> summaryFormatFromId(const QString &id); // md, txt, json, html, pdf
QString summaryFormatId(SummaryFormat format);

// The heading every export opens with, "📋 PHASE 7 SUMMARY": the seed's mark, then its title.
// Apart because a PDF cannot carry a colour emoji as text: it draws the mark as a picture.
QString summaryHeadingMark();
QString summaryHeadingTitle();
QString summaryHeading();

// What the laid-out exports show under the heading: notes (the scope line, then the defaults
// legend when a value is a default) and one row per summary line.
struct SummaryContent {
    QStringList notes;
    QList<SummaryLine> lines;
};
SummaryContent summaryContent(const Resolver &resolver);

QString summaryMarkdown(const Resolver &resolver);
QString summaryText(const Resolver &resolver);
QByteArray summaryJson(const Resolver &resolver);
// A self-contained page for a wiki or a browser.
QString summaryHtml(const Resolver &resolver);

// Markdown, text, JSON and HTML into *out. PDF goes through the registered PDF writer (the
// app registers one at start-up; without it this returns false with a clear *error).
bool exportSummary(const Resolver &resolver, SummaryFormat format, QByteArray *out, QString *error);

using PdfWriter = QByteArray (*)(const SummaryContent &content, QString *error);
void setSummaryPdfWriter(PdfWriter writer);

} // namespace opsflow
