// File → Export Summary: pick a format (or the clipboard) before choosing where to save.
#pragma once

#include "summaryexport.h"

#include <QDialog>

class QButtonGroup;

namespace opsflow {

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    // Empty when the clipboard was chosen.
    std::optional<SummaryFormat> format() const;
    void setFormat(std::optional<SummaryFormat> format);

private:
    QButtonGroup *m_formats;
};

} // namespace opsflow
