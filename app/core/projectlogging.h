// The logging category of the open project's state (opsflow.project): folder switches,
// answers loaded and saved, the evidence scan.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcProject)
