#include "projectlogging.h"

Q_LOGGING_CATEGORY(lcProject, "opsflow.project", QtInfoMsg)
