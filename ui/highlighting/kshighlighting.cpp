// The KSyntaxHighlighting side of Highlighting (see highlighting.cpp); ui/CMakeLists.txt
// compiles this file only when KF6SyntaxHighlighting (or a Qt 6 KF5 build) was found.
#include "uilogging.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>

#include <QGlobalStatic>
#include <QHash>
#include <QTextDocument>

namespace opsflow::Highlighting::Ksh {

namespace {

// Loading a repository reads every definition there is, so the application keeps one for
// its whole lifetime. KSyntaxHighlighting has no mermaid definition before 6.22: ours is in
// the qrc at :/syntax/mermaid.xml, and custom search paths are searched in "<path>/syntax".
struct ApplicationRepository : KSyntaxHighlighting::Repository {
    ApplicationRepository() { addCustomSearchPath(QStringLiteral(":/")); }
};
Q_GLOBAL_STATIC(ApplicationRepository, s_repository)

KSyntaxHighlighting::Theme themeFor(bool dark)
{
    return s_repository->defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                           : KSyntaxHighlighting::Repository::LightTheme);
}

// The file's own name first: the library's patterns know which definition fits a file
// (".env.example" included, where it has a definition for it); then the definition's name,
// for text that has no file (a diagram).
KSyntaxHighlighting::Definition definitionFor(const QString &language, const QString &fileName)
{
    if (!fileName.isEmpty()) {
        const auto byFileName = s_repository->definitionForFileName(fileName);
        if (byFileName.isValid())
            return byFileName;
    }
    static const QHash<QString, QString> definitionNames = {
        {QStringLiteral("markdown"), QStringLiteral("Markdown")},
        {QStringLiteral("mermaid"), QStringLiteral("Mermaid")},
        {QStringLiteral("dotenv"), QStringLiteral("DotEnv")},
    };
    return s_repository->definitionForName(definitionNames.value(language));
}

} // namespace

QString version()
{
    return QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING);
}

QSyntaxHighlighter *create(const QString &language, const QString &fileName, QTextDocument *document, bool dark)
{
    const auto definition = definitionFor(language, fileName);
    if (!definition.isValid()) {
        qCInfo(lcUi) << "KSyntaxHighlighting" << version() << "has no definition for" << language << fileName
                     << "- using the built-in highlighter";
        return nullptr;
    }
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setTheme(themeFor(dark));
    highlighter->setDefinition(definition);
    return highlighter;
}

QString definitionName(const QSyntaxHighlighter *highlighter)
{
    const auto *ksh = qobject_cast<const KSyntaxHighlighting::SyntaxHighlighter *>(highlighter);
    return ksh ? ksh->definition().name() : QString();
}

QString themeName(const QSyntaxHighlighter *highlighter)
{
    const auto *ksh = qobject_cast<const KSyntaxHighlighting::SyntaxHighlighter *>(highlighter);
    return ksh ? ksh->theme().name() : QString();
}

bool setDark(QSyntaxHighlighter *highlighter, bool dark)
{
    auto *ksh = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(highlighter);
    if (!ksh)
        return false;
    const auto theme = themeFor(dark);
    if (ksh->theme().name() != theme.name()) {
        ksh->setTheme(theme);
        ksh->rehighlight();
    }
    return true;
}

} // namespace opsflow::Highlighting::Ksh
