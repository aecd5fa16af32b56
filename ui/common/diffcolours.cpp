// The colours of a unified diff, one format per line by its first character.
#include "diffcolours.h"

#include "textstyles.h"

#include <QPalette>

namespace opsflow {

DiffColours::DiffColours(QTextDocument *document, const QPalette &palette) : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void DiffColours::setPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_added.setForeground(dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37));
    m_added.setBackground(dark ? QColor(0x12, 0x36, 0x1f) : QColor(0xe6, 0xff, 0xec));
    m_removed.setForeground(TextStyles::errorColor(palette));
    m_removed.setBackground(dark ? QColor(0x49, 0x1a, 0x1a) : QColor(0xff, 0xeb, 0xe9));
    m_hunk.setForeground(dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x05, 0x50, 0xae));
    m_header.setFontWeight(QFont::Bold);
    rehighlight();
}

void DiffColours::highlightBlock(const QString &text)
{
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---")))
        setFormat(0, int(text.size()), m_header);
    else if (text.startsWith(QLatin1Char('+')))
        setFormat(0, int(text.size()), m_added);
    else if (text.startsWith(QLatin1Char('-')))
        setFormat(0, int(text.size()), m_removed);
    else if (text.startsWith(QLatin1String("@@")))
        setFormat(0, int(text.size()), m_hunk);
}

} // namespace opsflow
