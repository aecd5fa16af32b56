// The JSON Schema of the answers file, made from the questionnaire: the one description of
// what AnswersFile::fromJson accepts (resources/answers.schema.json is this, written out;
// tst_answersschema keeps the two identical, and tools/ checks the loader refuses whatever
// the schema refuses).
#pragma once

#include <QJsonObject>

namespace opsflow {

class Questionnaire;

QJsonObject answersSchema(const Questionnaire &questionnaire);

// The schema as the file holds it: indented JSON, keys sorted, a final newline.
QByteArray answersSchemaJson(const Questionnaire &questionnaire);

} // namespace opsflow
