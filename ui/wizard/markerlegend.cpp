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
    for (const Marker &marker : markers) {
        // FORMAT.md lists 🏢 🐳 🚀 📝 📄 as option icons, not legend markers: they sit
        // beside a label that already says what they mean.
        if (marker.meaning.contains(QLatin1String("option icon")))
            continue;
        if (used.contains(marker.emoji))
            parts.append(marker.emoji + QLatin1Char(' ') + marker.meaning);
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
