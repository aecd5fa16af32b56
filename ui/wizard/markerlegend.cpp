// The compact legend of the seed's emoji markers (⭐ Recommended · 🔥 Popular · …).
#include "markerlegend.h"

#include "textstyles.h"

namespace opsflow {

MarkerLegend::MarkerLegend(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("markerLegend"));
    setTextFormat(Qt::PlainText);
    TextStyles::makeSmallPrint(this);
}

void MarkerLegend::setMarkers(const QList<Marker> &markers, const QStringList &used)
{
    QStringList parts;
    // Every marker the page shows, option icons (🏢 🐳 🚀 📝 📄) too: "🚀 Two environments"
    // does not say what the rocket means. The questionnaire's "(option icon)" note is for
    // its readers, not for the legend.
    static const QString iconNote = QStringLiteral(" (option icon)");
    for (const Marker &marker : markers) {
        if (!used.contains(marker.emoji))
            continue;
        QString meaning = marker.meaning;
        if (meaning.endsWith(iconNote))
            meaning.chop(iconNote.size());
        parts.append(marker.emoji + QLatin1Char(' ') + meaning);
    }
    // Non-breaking spaces keep each emoji on the line of its meaning when the legend wraps.
    setText(parts.join(QStringLiteral("\u00a0\u00a0·\u00a0\u00a0")));
    // Only a change of state: setVisible(true) on a label that was never hidden still
    // processes its parent's pending layout requests (a fifth of the start-up, 17 pages).
    const bool shown = !parts.isEmpty();
    if (isHidden() == shown)
        setVisible(shown);
}

} // namespace opsflow
