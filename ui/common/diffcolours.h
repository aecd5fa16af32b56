// The colours of a unified diff, one format per line by its first character.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace opsflow {

class DiffColours : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    DiffColours(QTextDocument *document, const QPalette &palette);

    // Light and dark themes get their own green and red.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_added;
    QTextCharFormat m_removed;
    QTextCharFormat m_hunk;
    QTextCharFormat m_header;
};

} // namespace opsflow
