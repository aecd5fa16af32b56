// The "PHASE 7 SUMMARY" of the seed, filled from the answers, and its export formats.
#pragma once

#include "answerset.h"

namespace opsflow {

struct SummaryLine {
    QString questionId; // "7.4.1"
    QString label;      // "Deployment Strategy"
    QString text;       // filled from the answers, or "TBD"
    bool tbd = false;   // skipped by the scope
    int defaults = 0;   // values in `text` that are defaults, each followed by defaultMark()
};

// The mark after a value no answer gave, "(default)", and the sentence that explains it.
QString defaultMark();
QString defaultsLegend();

// Every line of the seed's block in its order, plus 7.9.3 and 7.9.4 (which the seed forgot).
QList<SummaryLine> summaryLines(const Resolver &resolver);

} // namespace opsflow
