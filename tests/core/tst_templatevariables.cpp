// The template-variable reference: the checked-in templates/VARIABLES.md is what the build
// produces, and it lists every name the built-in templates use.
#include "generation.h"
#include "templatevariables.h"
#include "testfiles.h"

#include <QTest>

using namespace opsflow;
using namespace opsflow::testing;

class TestTemplateVariables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Refresh with OPSFLOW_UPDATE_GOLDEN=1 (or `opsflow templates --variables`), then review.
    void shouldMatchTheCheckedInReference()
    {
        const QString path = QStringLiteral(OPSFLOW_SOURCE_DIR "/templates/VARIABLES.md");
        const QByteArray produced = templateVariablesMarkdown(templateVariables()).toUtf8();
        if (qEnvironmentVariableIsSet("OPSFLOW_UPDATE_GOLDEN"))
            put(path, produced);
        QCOMPARE(QString::fromUtf8(readBytes(path)), QString::fromUtf8(produced));
    }

    // A name is either a row or a field of a row's list: an override author finds them all.
    void shouldListEveryNameTheBuiltInTemplatesUse()
    {
        const QList<TemplateVariable> variables = templateVariables();
        QStringList known;
        for (const TemplateVariable &v : variables) {
            known.append(v.name);
            // Fields, and the fields of a field that is a list: the upper-case words.
            static const QRegularExpression upper(QStringLiteral("\\b[A-Z][A-Z0-9_]*\\b"));
            for (auto it = upper.globalMatch(v.fields.join(QLatin1Char(' '))); it.hasNext();)
                known.append(it.next().captured());
        }
        int checked = 0;
        for (const TemplateSet::Entry &entry : TemplateSet::builtIn().entries()) {
            for (const QString &name : entry.parsed.referencedNames()) {
                QVERIFY2(known.contains(name), qPrintable(entry.fileName + QStringLiteral(": ") + name));
                ++checked;
            }
        }
        QVERIFY(checked > 300);
        // And the other way round: rows say where they are used, or that they are not.
        const auto common = std::find_if(variables.begin(), variables.end(), [](const TemplateVariable &v) {
            return v.name == QLatin1String("LOCAL_INSTALL");
        });
        QVERIFY(common != variables.end());
        QCOMPARE(common->kind, QStringLiteral("text"));
        QCOMPARE(common->usedIn, QStringList{QStringLiteral("operations.md: Common Commands")});
        const auto defaults = std::find_if(variables.begin(), variables.end(), [](const TemplateVariable &v) {
            return v.name == QLatin1String("DEFAULTS_7_1");
        });
        QVERIFY(defaults != variables.end());
        QCOMPARE(defaults->kind, QStringLiteral("list"));
        QCOMPARE(defaults->fields, (QStringList{QStringLiteral("ALL (yes/no)"), QStringLiteral("VALUES (text)")}));
    }
};

QTEST_GUILESS_MAIN(TestTemplateVariables)
#include "tst_templatevariables.moc"
