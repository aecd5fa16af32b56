// Draws the summary's HTML into a PDF (A4 or Letter by locale) with QPdfWriter.
#pragma once

#include <QByteArray>
#include <QString>

namespace opsflow {

// Needs a QGuiApplication (offscreen is enough). Returns the PDF bytes, or empty + *error.
QByteArray summaryPdf(const QString &html, QString *error);

} // namespace opsflow
