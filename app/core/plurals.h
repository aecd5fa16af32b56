// English plural forms for the tr(…, n) strings, from the catalogue built out of
// resources/translations/opsflow_en.ts. Qt picks "1 row" or "2 rows" only through a
// translator; without one it shows the source text "%n row(s)".
#pragma once

namespace opsflow {

// Installs the catalogue into the running QCoreApplication (once; later calls do nothing).
// False when it is missing from the build, which tst_plurals would have caught.
bool installPlurals();

} // namespace opsflow
