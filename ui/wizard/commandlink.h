// A command link (the start page's big buttons) that shows when it has the focus: Fusion
// draws no focus mark on command links, so a keyboard user could not tell where Tab went.
#pragma once

#include <QCommandLinkButton>

namespace opsflow {

class CommandLink : public QCommandLinkButton
{
    Q_OBJECT
public:
    CommandLink(const QString &text, const QString &description, QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace opsflow
