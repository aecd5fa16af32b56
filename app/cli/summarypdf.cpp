// PDF export of the summary: the same HTML the HTML export writes, laid out by QTextDocument.
#include "summarypdf.h"

#include "summaryexport.h"

#include <QBuffer>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QScreen>
#include <QTextDocument>

namespace opsflow {

QByteArray summaryPdf(const QString &html, QString *error)
{
    if (!QGuiApplication::instance() || !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("PDF export needs a GUI application instance.");
        return {};
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        // Letter where people use it, A4 everywhere else.
        const auto country = QLocale().territory();
        const bool letter = country == QLocale::UnitedStates || country == QLocale::Canada;
        writer.setPageSize(QPageSize(letter ? QPageSize::Letter : QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setTitle(summaryHeadingTitle());
        writer.setCreator(QStringLiteral("OpsFlow"));
        QTextDocument document;
        // Lay the text out on the page's own width (in the document's screen units, which
        // print() scales to the page), so the table fills the page.
        const QScreen *screen = QGuiApplication::primaryScreen();
        const qreal unitsPerPoint = (screen ? screen->logicalDotsPerInch() : 96.0) / 72.0;
        document.setPageSize(writer.pageLayout().paintRect(QPageLayout::Point).size() * unitsPerPoint);
        document.setDocumentMargin(0);
        QFont font = document.defaultFont();
        font.setPointSizeF(9.5);
        document.setDefaultFont(font);
        document.setHtml(html);
        document.print(&writer);
    }
    if (buffer.data().isEmpty())
        *error = QStringLiteral("The PDF could not be drawn.");
    return buffer.data();
}

} // namespace opsflow
