// Writes a .env file of hostile values, each through escape::envValue exactly as the
// generator writes them, and a JSON object of the values every reader must get back for the
// ones envValue calls exact. check-env-sourcing.py and check-dotenv.mjs then read the file
// with bash, python-dotenv and npm dotenv.
//
// Usage: hostile_env OUT.env OUT-expected.json
#include "escaping.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3)
        return 2;
    const QStringList texts = {
        QStringLiteral("it's $(touch PWNED)"),
        QStringLiteral("`touch PWNED` and $(id)"),
        QStringLiteral("${HOME} and $HOME and ${X:-default}"),
        QStringLiteral("say \"hi\" # not a comment"),
        QStringLiteral("a\\b c\\\\d ends\\"),
        QStringLiteral("line one\nline two\rthree"),
        QStringLiteral("~/x:~/y; touch PWNED && echo | tee PWNED2 > PWNED3"),
        QStringLiteral("name=value export X=1"),
        QStringLiteral("tab\there \u202Eevil\u202C \u200Bhidden"),
        QStringLiteral("caf\u00e9 \u2603 \U0001F680"),
        QStringLiteral("plain-value_1.2:3@4%5+6,7=8/9"),
        QStringLiteral(" leading and trailing "),
        QStringLiteral("'"),
        QStringLiteral("\\"),
    };
    QByteArray env = "# Hostile values, written the way OpsFlow writes .env.example values.\n";
    QJsonObject expected;
    for (int i = 0; i < texts.size(); ++i) {
        bool exact = false;
        const QString key = QStringLiteral("HOSTILE_%1").arg(i + 1);
        env += (key + u'=' + opsflow::escape::envValue(texts.at(i), &exact) + u'\n').toUtf8();
        if (exact)
            expected.insert(key, texts.at(i));
    }
    QFile out(args.at(1));
    QFile json(args.at(2));
    if (!out.open(QIODevice::WriteOnly) || out.write(env) != env.size() || !json.open(QIODevice::WriteOnly))
        return 1;
    json.write(QJsonDocument(expected).toJson());
    return 0;
}
