// Lays the summary out on PDF pages (A4 or Letter by locale) with QPdfWriter: the shared
// heading, rows kept whole across page breaks and "Page N of M" on every page.
#pragma once

#include "summaryexport.h"

#include <QByteArray>
#include <QString>

namespace opsflow {

// Needs a QGuiApplication (offscreen is enough). Returns the PDF bytes, or empty + *error.
QByteArray summaryPdf(const SummaryContent &content, QString *error);

} // namespace opsflow
