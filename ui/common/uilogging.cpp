// The logging category of the widgets layer.
#include "uilogging.h"

namespace opsflow {
Q_LOGGING_CATEGORY(lcUi, "opsflow.ui", QtInfoMsg)
}
