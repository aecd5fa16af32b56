// The compact legend of the seed's emoji markers (⭐ Recommended · 🔥 Popular · …).
#pragma once

#include "questionnaire.h"

#include <QLabel>

namespace opsflow {

class MarkerLegend : public QLabel
{
    Q_OBJECT
public:
    explicit MarkerLegend(QWidget *parent = nullptr);

    // Lists the markers, in the questionnaire's order, that appear in `used` (the ones on
    // the page). Hidden when nothing is left to explain.
    void setMarkers(const QList<Marker> &markers, const QStringList &used);
};

} // namespace opsflow
