// A read-only unified diff: monospace, added lines green, removed lines red.
#pragma once

#include <QPlainTextEdit>

namespace opsflow {

class DiffColours;

class DiffView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);

    void setDiff(const QString &diff);
    // At most this many lines tall; the diff scrolls inside.
    void setMaximumLines(int lines);

protected:
    void changeEvent(QEvent *event) override;

private:
    DiffColours *m_colours = nullptr;
};

} // namespace opsflow
