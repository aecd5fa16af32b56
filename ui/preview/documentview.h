// One generated document in the preview: rendered or highlighted source, and its sections.
#pragma once

#include "inertbrowser.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAbstractButton;
class QPlainTextEdit;
class QScrollBar;
class QStackedWidget;
class QSyntaxHighlighter;
class QTextDocument;

namespace opsflow {

class DiagramDrawer;
class Questionnaire;

class DocumentView : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Markdown, DotEnv }; // a .env file has no rendered form
    enum class Mode { Rendered, Source };

    DocumentView(const QString &path, Kind kind, const Questionnaire &questionnaire, QWidget *parent = nullptr);

    QString path() const { return m_path; }
    Kind kind() const { return m_kind; }
    QString text() const { return m_text; }
    // Shown now when visible; otherwise on the next show, so hidden tabs cost nothing.
    void setText(const QString &text);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    InertBrowser *renderedView() const { return m_rendered; }
    QPlainTextEdit *sourceView() const { return m_source; }
    QSyntaxHighlighter *highlighter() const { return m_highlighter; }

    // Whether the document has a section for the question (after the last render).
    bool hasSection(const QString &questionId) const;
    // Marks the question's section heading; with `scroll`, brings it to the top of the view.
    // The mark follows re-renders; an empty id clears it.
    void showQuestion(const QString &questionId, bool scroll = true);
    QString shownQuestion() const { return m_question; }

    // Scrolls to the heading with this GitHub anchor ("monitoring--logging"), as the
    // documents' links name them.
    bool scrollToAnchor(const QString &anchor);

    // Where the rendered view gets drawings of its mermaid fences. They are asked for once a
    // fence scrolls into view (or once another view loaded the renderer), so reading the
    // document alone never starts WebEngine.
    void setDrawer(DiagramDrawer *drawer);
    // How many fences the rendered view shows drawn (after the last render).
    int drawnDiagrams() const;

    // Whether setText(text) now would build the rendered document whole (the first render,
    // or the first after a palette or font change): the work prebuildTask() can do on a
    // worker, so the UI thread only lays the document out.
    bool rendersWhole(const QString &text) const;
    // Builds that document on any thread, styled as this view styles it now.
    std::function<std::shared_ptr<InertBrowser::Prebuilt>()> prebuildTask(const QString &text);
    // The next render takes it, unless the text, the style or the drawings changed meanwhile.
    void setPrebuilt(std::shared_ptr<InertBrowser::Prebuilt> prebuilt);

Q_SIGNALS:
    // A heading of the rendered view was clicked: the wizard may go to its question.
    void questionRequested(const QString &questionId);
    // A link to another generated document ("specs/configuration.md", "secrets").
    void documentLinkActivated(const QString &path, const QString &anchor);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Heading {
        int block; // block number, in the view it was read from
        int level; // 1 for "#"
        QString text;
    };
    // Which heading is each question's section, and which question owns each heading (its
    // own, or the enclosing section's), for one view's headings.
    struct Sections {
        QHash<QString, int> blockByQuestion;
        QHash<int, QString> questionByBlock;
    };

    void renderVisible();
    void renderRendered();
    void renderSource();
    void styleRendered(QTextDocument *document) const;
    // What styleRendered() reads from the widgets, so that a document can be styled off the
    // UI thread.
    struct RenderedStyle {
        QFont font; // the rendered view's
        QColor base;
        QColor text;
        qreal lineHeight = 0;
        bool operator==(const RenderedStyle &other) const
        {
            return font == other.font && base == other.base && text == other.text && lineHeight == other.lineHeight;
        }
        bool operator!=(const RenderedStyle &other) const { return !(*this == other); }
    };
    RenderedStyle renderedStyle() const;
    // styleRendered() but for the drawn diagrams: touches no widget.
    static void styleText(QTextDocument *document, const RenderedStyle &style);
    bool hasDrawings() const;
    Sections sectionsOf(const QList<Heading> &headings) const;
    QList<Heading> renderedHeadings() const;
    QList<Heading> sourceHeadings() const;
    void updateHeadingLinks();
    void applyMark();

    // A view's scroll position survives a re-render, even when the layout grows later
    // than the text is set (QTextDocumentLayout lays out large documents lazily).
    void keepScrollPosition(QScrollBar *bar, int value);

    const QString m_path;
    const Kind m_kind;
    const Questionnaire &m_questionnaire;
    QString m_text;
    QString m_sourceText; // what the source view shows: the next text replaces only what differs
    Mode m_mode = Mode::Rendered;
    bool m_sourceFontSet = false;
    bool m_renderedStale = false;
    bool m_sourceStale = false;
    QString m_question;
    bool m_scrollRenderedToMark = false;
    bool m_scrollSourceToMark = false;

    QAbstractButton *m_renderedButton = nullptr;
    QAbstractButton *m_sourceButton = nullptr;
    QStackedWidget *m_stack;
    InertBrowser *m_rendered = nullptr;
    QPlainTextEdit *m_source;
    QSyntaxHighlighter *m_highlighter = nullptr;
    Sections m_renderedSections;
    Sections m_sourceSections;
    QHash<QScrollBar *, int> m_pendingScroll;

    void requestDrawings();
    void redrawDiagramsAfter(int delayMs);
    DiagramDrawer *m_drawer = nullptr;
    QStringList m_fenceSources;                     // the mermaid fences of m_text
    mutable QHash<QString, QImage> m_diagramImages; // by image name, for the rendered view
    bool m_redrawPending = false;
    std::shared_ptr<InertBrowser::Prebuilt> m_prebuilt;
    RenderedStyle m_prebuiltStyle; // of the document prebuildTask() builds
};

} // namespace opsflow
