// The baseline for `opsflow generate`: a bare QCoreApplication that writes three files of
// the given sizes atomically (QSaveFile), into the folders OpsFlow writes them to.
//   bare_writer DIR OPERATIONS_BYTES CONFIGURATION_BYTES ENV_BYTES
#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5)
        return 2;
    const QDir dir(args.at(1));
    const QStringList paths = {QStringLiteral("docs/operations.md"), QStringLiteral("specs/configuration.md"),
                               QStringLiteral(".env.example")};
    for (int i = 0; i < paths.size(); ++i) {
        const QString path = dir.filePath(paths.at(i));
        QByteArray content(args.at(2 + i).toLongLong(), 'x');
        for (qsizetype n = 79; n < content.size(); n += 80)
            content[n] = '\n';
        QSaveFile file(path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly)
            || file.write(content) != content.size() || !file.commit())
            return 1;
    }
    return 0;
}
