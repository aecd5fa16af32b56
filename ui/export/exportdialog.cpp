// File → Export Summary: pick a format (or the clipboard) before choosing where to save.
#include "exportdialog.h"

#include "summaryexporter.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace opsflow {

namespace {

constexpr int ClipboardId = 100;
const QString lastFormatKey = QStringLiteral("export/lastFormat");

} // namespace

ExportDialog::ExportDialog(QWidget *parent) : QDialog(parent), m_formats(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Summary"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Export the Phase 7 summary as:"), this);
    layout->addWidget(intro);
    const QList<SummaryFormat> formats = SummaryExporter::formats();
    const QStringList mnemonics = {tr("&Markdown (.md)"), tr("Plain &text (.txt)"),
                                   tr("&JSON — the summary and the answers (.json)"), tr("&HTML (.html)"),
                                   tr("&PDF (.pdf)")};
    for (int i = 0; i < formats.size(); ++i) {
        auto *button = new QRadioButton(mnemonics.value(i, SummaryExporter::formatName(formats.at(i))), this);
        button->setObjectName(QStringLiteral("export/") + summaryFormatId(formats.at(i)));
        m_formats->addButton(button, int(formats.at(i)));
        layout->addWidget(button);
    }
    auto *clipboard = new QRadioButton(tr("&Copy to the clipboard (Markdown and formatted text)"), this);
    clipboard->setObjectName(QStringLiteral("export/clipboard"));
    m_formats->addButton(clipboard, ClipboardId);
    layout->addWidget(clipboard);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    const auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setText(m_formats->checkedId() == ClipboardId ? tr("Copy") : tr("Save…"));
    };
    connect(m_formats, &QButtonGroup::idClicked, this, updateOk);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings().setValue(lastFormatKey, m_formats->checkedId());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const int last = QSettings().value(lastFormatKey, int(SummaryFormat::Markdown)).toInt();
    if (QAbstractButton *button = m_formats->button(last))
        button->setChecked(true);
    else
        m_formats->button(int(SummaryFormat::Markdown))->setChecked(true);
    updateOk();
}

std::optional<SummaryFormat> ExportDialog::format() const
{
    const int id = m_formats->checkedId();
    if (id == ClipboardId || id < 0)
        return std::nullopt;
    return SummaryFormat(id);
}

void ExportDialog::setFormat(std::optional<SummaryFormat> format)
{
    if (QAbstractButton *button = m_formats->button(format ? int(*format) : ClipboardId))
        button->click();
}

} // namespace opsflow
