// Writes the Phase 7 summary to a file (Markdown, text, JSON, HTML, PDF) or the clipboard.
#include "summaryexporter.h"

#include "durablefile.h"

#include "answersmodel.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QMimeData>

namespace opsflow {

SummaryExporter::SummaryExporter(const AnswersModel *model) : m_model(model) { }

QList<SummaryFormat> SummaryExporter::formats()
{
    return {SummaryFormat::Markdown, SummaryFormat::Text, SummaryFormat::Json, SummaryFormat::Html, SummaryFormat::Pdf};
}

QString SummaryExporter::formatName(SummaryFormat format)
{
    switch (format) {
    case SummaryFormat::Markdown: return tr("Markdown");
    case SummaryFormat::Text: return tr("Plain text");
    case SummaryFormat::Json: return tr("JSON (summary and answers)");
    case SummaryFormat::Html: return tr("HTML");
    case SummaryFormat::Pdf: return tr("PDF");
    }
    return {};
}

QString SummaryExporter::nameFilter(SummaryFormat format)
{
    return tr("%1 (*.%2)").arg(formatName(format), summaryFormatId(format));
}

QString SummaryExporter::defaultPath(SummaryFormat format, const QString &projectFolder) const
{
    const QString name =
        QStringLiteral("phase%1-summary.%2").arg(m_model->questionnaire().phase(), summaryFormatId(format));
    return QDir(projectFolder.isEmpty() ? QDir::homePath() : projectFolder).filePath(name);
}

bool SummaryExporter::write(SummaryFormat format, const QString &path, QString *error) const
{
    const QString where = QDir::toNativeSeparators(path);
    QByteArray bytes;
    QString problem;
    if (!exportSummary(m_model->resolver(), format, &bytes, &problem)) {
        if (error)
            *error = tr("Cannot export the summary to %1: %2").arg(where, problem);
        return false;
    }
    // Durable, like the documents: a full disk is reported, never a 0-byte file behind "done".
    if (!writeFileDurably(path, bytes, where, &problem)) {
        if (error)
            *error = problem + QLatin1Char('.');
        return false;
    }
    return true;
}

void SummaryExporter::copyToClipboard() const
{
    const Resolver resolver = m_model->resolver();
    auto *mime = new QMimeData;
    mime->setText(summaryMarkdown(resolver));
    mime->setHtml(summaryHtml(resolver));
    QGuiApplication::clipboard()->setMimeData(mime);
}

} // namespace opsflow
