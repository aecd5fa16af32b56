// A command link (the start page's big buttons) that shows when it has the focus: Fusion
// draws no focus mark on command links, so a keyboard user could not tell where Tab went.
#pragma once

#include <QCommandLinkButton>
#include <QHash>

namespace opsflow {

class CommandLink : public QCommandLinkButton
{
    Q_OBJECT
public:
    CommandLink(const QString &text, const QString &description, QWidget *parent = nullptr);

    // QCommandLinkButton lays its description out again on every call, and a layout pass asks
    // each width several times (about 50 calls for the two start-page buttons at start-up).
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    mutable QHash<int, int> m_heights; // width → height, for this text, font and style
    mutable QString m_heightsFor;      // the text and description m_heights were measured with
};

} // namespace opsflow
