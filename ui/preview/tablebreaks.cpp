// Break opportunities inside the long words of a rendered table.
#include "tablebreaks.h"

#include <QList>
#include <QTextCursor>
#include <QTextTable>

namespace opsflow::TableBreaks {

namespace {

// Words up to this many characters fit any column; longer ones get break marks.
constexpr int shortWord = 8;

bool isSeparator(QChar c)
{
    static const QString separators = QStringLiteral("_/.:@=,-");
    return separators.contains(c);
}

// Positions (within `text`) just after each separator of each long word, last first.
QList<int> breakPositions(const QString &text)
{
    QList<int> positions;
    int wordStart = 0;
    for (int i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !text.at(i).isSpace() && text.at(i) != mark)
            continue;
        if (i - wordStart > shortWord) {
            // Not after the word's last character: a break there is the space's job.
            for (int j = wordStart + 1; j < i - 1; ++j) {
                if (isSeparator(text.at(j)) && !isSeparator(text.at(j + 1)))
                    positions.prepend(j + 1);
            }
        }
        wordStart = i + 1;
    }
    return positions;
}

} // namespace

void allowBreaksInLongWords(QTextTable *table)
{
    for (int row = 0; row < table->rows(); ++row) {
        for (int column = 0; column < table->columns(); ++column) {
            const QTextTableCell cell = table->cellAt(row, column);
            QTextCursor cursor = cell.firstCursorPosition();
            const int start = cursor.position();
            cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
            const QString text = cursor.selectedText();
            // Inserted from the end, so the earlier positions stay valid. The mark takes the
            // character format of the separator before it (a code span stays code).
            for (const int at : breakPositions(text)) {
                QTextCursor insert(table->document());
                insert.setPosition(start + at);
                insert.insertText(QString(mark));
            }
        }
    }
}

} // namespace opsflow::TableBreaks
