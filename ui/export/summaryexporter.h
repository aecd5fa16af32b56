// Writes the Phase 7 summary to a file (Markdown, text, JSON, HTML, PDF) or the clipboard.
#pragma once

#include "summaryexport.h"

#include <QCoreApplication>

namespace opsflow {

class AnswersModel;

class SummaryExporter
{
    Q_DECLARE_TR_FUNCTIONS(opsflow::SummaryExporter)
public:
    explicit SummaryExporter(const AnswersModel *model);

    static QList<SummaryFormat> formats();
    static QString formatName(SummaryFormat format); // "Markdown"
    static QString nameFilter(SummaryFormat format); // "Markdown (*.md)"
    // "phase7-summary.md" in the project folder, or in the home folder without one.
    QString defaultPath(SummaryFormat format, const QString &projectFolder) const;

    // Atomic and durable: the file is the old one or the whole new one. *error names the file.
    bool write(SummaryFormat format, const QString &path, QString *error) const;
    // Markdown as text and HTML as rich text, so a wiki editor pastes a table.
    void copyToClipboard() const;

private:
    const AnswersModel *m_model;
};

} // namespace opsflow
