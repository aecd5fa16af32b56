// Highlighters for the preview: KSyntaxHighlighting when the build found it, else built-in.
#include "highlighting.h"

#include "fallbackhighlighter.h"
#include "uilogging.h"

#include <QPalette>

#include <optional>

namespace opsflow::Highlighting {

#ifdef OPSFLOW_HAVE_KSYNTAXHIGHLIGHTING
// kshighlighting.cpp, compiled only when KSyntaxHighlighting was found. create returns null
// when the repository has no definition for the language.
namespace Ksh {
QString version();
QSyntaxHighlighter *create(const QString &language, const QString &fileName, QTextDocument *document, bool dark);
bool setDark(QSyntaxHighlighter *highlighter, bool dark);
QString definitionName(const QSyntaxHighlighter *highlighter);
QString themeName(const QSyntaxHighlighter *highlighter);
} // namespace Ksh
#endif

namespace {

std::optional<FallbackHighlighter::Language> fallbackLanguage(const QString &language)
{
    if (language == u"markdown")
        return FallbackHighlighter::Language::Markdown;
    if (language == u"mermaid")
        return FallbackHighlighter::Language::Mermaid;
    if (language == u"dotenv")
        return FallbackHighlighter::Language::DotEnv;
    return std::nullopt;
}

} // namespace

QString backendName()
{
    return usesKSyntaxHighlighting() ? QStringLiteral("KSyntaxHighlighting") : QStringLiteral("built-in");
}

bool usesKSyntaxHighlighting()
{
#ifdef OPSFLOW_HAVE_KSYNTAXHIGHLIGHTING
    return true;
#else
    return false;
#endif
}

QString description()
{
#ifdef OPSFLOW_HAVE_KSYNTAXHIGHLIGHTING
    const QString version = Ksh::version();
    return QStringLiteral("KSyntaxHighlighting %1 (KDE Frameworks %2)").arg(version, version.section(u'.', 0, 0));
#else
    return QStringLiteral("built-in (this build found no KSyntaxHighlighting for Qt 6)");
#endif
}

QString definitionName(const QSyntaxHighlighter *highlighter)
{
#ifdef OPSFLOW_HAVE_KSYNTAXHIGHLIGHTING
    return Ksh::definitionName(highlighter);
#else
    Q_UNUSED(highlighter)
    return QString();
#endif
}

QString themeName(const QSyntaxHighlighter *highlighter)
{
#ifdef OPSFLOW_HAVE_KSYNTAXHIGHLIGHTING
    return Ksh::themeName(highlighter);
#else
    Q_UNUSED(highlighter)
    return QString();
#endif
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QSyntaxHighlighter *create(const QString &language, const QString &fileName, QTextDocument *document,
                           const QPalette &palette)
{
    const auto fallback = fallbackLanguage(language);
    if (!fallback) {
        qCWarning(lcUi) << "No highlighter for" << language;
        return nullptr;
    }
#ifdef OPSFLOW_HAVE_KSYNTAXHIGHLIGHTING
    // An older KSyntaxHighlighting may lack a definition (DotEnv came late): the built-in
    // one is better than none.
    if (auto *highlighter = Ksh::create(language, fileName, document, isDark(palette)))
        return highlighter;
#else
    Q_UNUSED(fileName)
#endif
    auto *highlighter = new FallbackHighlighter(*fallback, document);
    highlighter->setDark(isDark(palette));
    return highlighter;
}

void setPalette(QSyntaxHighlighter *highlighter, const QPalette &palette)
{
    if (!highlighter)
        return;
    if (auto *fallback = qobject_cast<FallbackHighlighter *>(highlighter)) {
        fallback->setDark(isDark(palette));
        return;
    }
#ifdef OPSFLOW_HAVE_KSYNTAXHIGHLIGHTING
    Ksh::setDark(highlighter, isDark(palette));
#endif
}

} // namespace opsflow::Highlighting
