// The answers file (.ai-flow/answers/phase7.json): load, validate against the questionnaire,
// save atomically. Format documented in README and resources/answers.schema.json.
#pragma once

#include "answerset.h"

namespace opsflow {

namespace AnswersFile {

constexpr int currentVersion = 1;

QByteArray toJson(const AnswerSet &answers);
// Parses and checks every key and type; on error returns nothing and sets *error to one
// sentence (with the offending key path, and line for JSON syntax errors).
std::optional<AnswerSet> fromJson(const QByteArray &json, const Questionnaire &questionnaire, QString *error);

// File variants: `error` names the file. Files over 8 MiB are refused unread.
std::optional<AnswerSet> load(const QString &path, const Questionnaire &questionnaire, QString *error);
bool save(const QString &path, const AnswerSet &answers, QString *error);
// Moves a file that could not be loaded aside (phase7.json → phase7.json.bad-<stamp>) so it
// is never overwritten silently; returns the new path, or empty on failure.
QString keepAside(const QString &path);

// Where answers live: <project>/.ai-flow/answers/phase7.json, or the application's data
// location when no project folder is open.
QString pathForProject(const QString &projectDir);

} // namespace AnswersFile

} // namespace opsflow
