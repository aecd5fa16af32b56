// The English plural catalogue (resources/translations/opsflow_en.ts) against the sources:
// every tr(…, n) string of app/ and ui/ is in it with both forms filled, no form keeps "(s)",
// and the built catalogue gives "1 row" and "2 rows".
#include "plurals.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Catalogue {
    QSet<QString> sources;
    QStringList problems;
};

Catalogue readCatalogue()
{
    Catalogue catalogue;
    QFile file(QStringLiteral(OPSFLOW_SOURCE_DIR "/resources/translations/opsflow_en.ts"));
    if (!file.open(QIODevice::ReadOnly)) {
        catalogue.problems << QStringLiteral("cannot read opsflow_en.ts");
        return catalogue;
    }
    QXmlStreamReader xml(&file);
    QString source;
    QStringList forms;
    bool unfinished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
            source.clear();
            forms.clear();
            unfinished = false;
        } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
        } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
            forms << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            catalogue.sources.insert(source);
            if (unfinished || forms.size() != 2)
                catalogue.problems << QStringLiteral("not filled in: ") + source;
            for (const QString &form : std::as_const(forms)) {
                if (form.contains(QLatin1String("(s)")) || !form.contains(QLatin1String("%n")))
                    catalogue.problems << QStringLiteral("bad form: ") + form;
            }
        }
    }
    if (xml.hasError())
        catalogue.problems << xml.errorString();
    return catalogue;
}

} // namespace

class TestPlurals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveEveryFormFilledIn()
    {
        const Catalogue catalogue = readCatalogue();
        QVERIFY2(catalogue.problems.isEmpty(), qPrintable(catalogue.problems.join(QLatin1Char('\n'))));
        QVERIFY(catalogue.sources.size() >= 10);
    }

    // A string that counts ("%n …") or hedges ("(s)") in a tr() call is in the catalogue;
    // run `lupdate -pluralonly` (tests/README.md) when this fails.
    void shouldCoverEveryCountingStringOfTheSources()
    {
        const Catalogue catalogue = readCatalogue();
        // tr("…") or translate("context", "…"): the first literal of the call. (No raw
        // strings here: moc's parser stops at them.)
        static const QRegularExpression call(
            QStringLiteral("(?:\\btr|\\btranslate)\\(\\s*(?:\"[^\"]*\"\\s*,\\s*)?((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)"));
        static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
        QStringList missing;
        int counted = 0;
        for (const char *folder : {"/app", "/ui"}) {
            QDirIterator it(QStringLiteral(OPSFLOW_SOURCE_DIR) + QLatin1String(folder), {QStringLiteral("*.cpp")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.contains(QLatin1String("node_modules")))
                    continue;
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString code = QString::fromUtf8(file.readAll());
                for (auto match = call.globalMatch(code); match.hasNext();) {
                    QString text;
                    for (auto part = literal.globalMatch(match.next().captured(1)); part.hasNext();)
                        text += part.next().captured(1);
                    text.replace(QLatin1String("\\\""), QLatin1String("\""));
                    if (!text.contains(QLatin1String("%n")) && !text.contains(QLatin1String("(s)")))
                        continue;
                    ++counted;
                    if (text.contains(QLatin1String("(s)")) && !text.contains(QLatin1String("%n")))
                        missing << path + QStringLiteral(": \"(s)\" without %n: ") + text;
                    else if (!catalogue.sources.contains(text))
                        missing << path + QStringLiteral(": not in opsflow_en.ts: ") + text;
                }
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
        QVERIFY(counted >= 10);
    }

    void shouldSayOneRowAndTwoRows()
    {
        QVERIFY(opsflow::installPlurals());
        QCOMPARE(QCoreApplication::translate("opsflow::SuggestionBox", "%n row(s)", nullptr, 1),
                 QStringLiteral("1 row"));
        QCOMPARE(QCoreApplication::translate("opsflow::SuggestionBox", "%n row(s)", nullptr, 2),
                 QStringLiteral("2 rows"));
        QCOMPARE(QCoreApplication::translate("opsflow::cli", "%n error(s)", nullptr, 0), QStringLiteral("0 errors"));
    }
};

QTEST_GUILESS_MAIN(TestPlurals)
#include "tst_plurals.moc"
