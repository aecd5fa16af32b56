// The logging category of the widgets layer.
#pragma once

#include <QLoggingCategory>

namespace opsflow {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
}
