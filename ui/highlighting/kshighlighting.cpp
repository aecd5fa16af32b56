// The KSyntaxHighlighting side of Highlighting (see highlighting.cpp); ui/CMakeLists.txt
// compiles this file only when KF6SyntaxHighlighting (or a Qt 6 KF5 build) was found.
#include "uilogging.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

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

} // namespace

QSyntaxHighlighter *create(const QString &language, QTextDocument *document, bool dark)
{
    static const QHash<QString, QString> definitionNames = {
        {QStringLiteral("markdown"), QStringLiteral("Markdown")},
        {QStringLiteral("mermaid"), QStringLiteral("Mermaid")},
        {QStringLiteral("dotenv"), QStringLiteral("DotEnv")},
    };
    const auto definition = s_repository->definitionForName(definitionNames.value(language));
    if (!definition.isValid()) {
        qCInfo(lcUi) << "KSyntaxHighlighting has no definition for" << language << "- using the built-in highlighter";
        return nullptr;
    }
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setTheme(themeFor(dark));
    highlighter->setDefinition(definition);
    return highlighter;
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
