// Loads each answers file named on the command line with the real loader and prints one
// line per file: "ok" or "refused<TAB>message". check-answers-schema.py compares that with
// what the JSON Schema says of the same files, thousands per run in one process.
#include "answersfile.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList paths = QCoreApplication::arguments().mid(1);
    for (const QString &path : paths) {
        QString error;
        const auto loaded = opsflow::AnswersFile::load(path, opsflow::Questionnaire::builtIn(), &error);
        out << (loaded ? QStringLiteral("ok") : QStringLiteral("refused\t") + error.replace(u'\n', u' ')) << '\n';
    }
    return 0;
}
