// How generation grows with the tables: generate() once with the seed's retry (7.9.3) and
// masking (7.9.4) rows repeated N times, Enterprise scope. Run under callgrind with
//   valgrind --tool=callgrind --toggle-collect='opsflow::generate(*' table_scaling N
// so only generate() is counted (the questionnaire and template parsing are done before).
//   table_scaling N    prints the documents' sizes; N ≥ 1
#include "answerset.h"
#include "generation.h"

#include <QCoreApplication>

#include <cstdio>

using namespace opsflow;

namespace {

// The field's default rows, N times, each copy's text made distinct.
QVariantList repeated(const QString &questionId, const QString &fieldId, int times)
{
    const Field *field = Questionnaire::builtIn().question(questionId)->field(fieldId);
    const QVariantList rows = field->defaultValue.toList();
    QVariantList out;
    for (int copy = 0; copy < times; ++copy) {
        for (const QVariant &row : rows) {
            QVariantMap cells = row.toMap();
            for (auto it = cells.begin(); it != cells.end(); ++it) {
                if (it->typeId() == QMetaType::QString && copy > 0)
                    *it = QStringLiteral("%1 %2").arg(it->toString()).arg(copy + 1);
            }
            out.append(cells);
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int times = argc > 1 ? QByteArray(argv[1]).toInt() : 1;
    if (times < 1)
        return 2;
    AnswerSet answers;
    answers.scope = Scope::Enterprise;
    answers.mode = Mode::SmartAutoSuggest;
    answers.answers[QStringLiteral("7.9.3")].insert(
        QStringLiteral("policies"), repeated(QStringLiteral("7.9.3"), QStringLiteral("policies"), times));
    answers.answers[QStringLiteral("7.9.4")].insert(
        QStringLiteral("masking"), repeated(QStringLiteral("7.9.4"), QStringLiteral("masking"), times));
    const TemplateSet templates = TemplateSet::builtIn();
    const Resolver resolver(Questionnaire::builtIn(), answers);
    const GenerationResult result = generate(resolver, templates);
    if (!result.errors.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(result.errors.first().toString()));
        return 1;
    }
    for (const GeneratedFile &file : result.files)
        std::printf("%s %lld\n", qPrintable(file.path), qint64(file.content.size()));
    return 0;
}
