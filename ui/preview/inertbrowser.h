// The rendered view of a generated document: a QTextBrowser that never fetches anything.
#pragma once

#include <QFont>
#include <QPointer>
#include <QTextBrowser>

#include <functional>
#include <memory>

namespace opsflow {

// Generated documents hold text the user typed, so the view must stay inert whatever that
// text is: no resource (image, stylesheet, page) is ever loaded, from the network or from
// disk, and links do nothing until clicked. A click on an http(s) link opens the system
// browser; a relative link ("#heading", "../specs/configuration.md#secrets") is reported,
// as it points into the generated documents; anything else is ignored.
class InertBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit InertBrowser(QWidget *parent = nullptr);

    // Pixels a document may overflow the view by through rounding without a scroll bar.
    static constexpr int roundingSlack = 2;

    // Never loads: images get an empty placeholder, everything else empty text. Every
    // request is counted, so tests can prove nothing was asked for.
    QVariant loadResource(int type, const QUrl &name) override;
    int resourceRequests() const { return m_resourceRequests; }

    // Shows `markdown` (GitHub dialect, so tables render), each image replaced by its
    // alternative text so not even a placeholder is requested. `prepare` may restyle what was
    // parsed before it is shown, and must style a part of the text as it would the whole.
    // When this view shows an earlier text of this function, only the sections (markdown
    // chunks) that differ are parsed and spliced into the shown document, so Qt lays out only
    // them again; otherwise, or when most of the text changed, a new document is built
    // detached and shown whole: Qt lays out a displayed document after every insertion,
    // which for the generated documents costs 20 times as much.
    void showMarkdown(const QString &markdown, const std::function<void(QTextDocument *)> &prepare = {});

    // The new document showMarkdown() builds when it shows a text whole, built ahead on any
    // thread (a worker: the UI thread stays free) and handed to the thread that shows it.
    struct Prebuilt {
        QString markdown;
        QFont font;
        bool splicing = true;
        QStringList chunks; // empty when the document was parsed whole
        QList<int> chunkLengths;
        std::unique_ptr<QTextDocument> document;
    };
    // `prepare` runs on the calling thread: it must not touch a widget. The document is moved
    // to `target` (the thread of the view that will show it).
    static std::shared_ptr<Prebuilt> prebuild(const QString &markdown, const QFont &font, bool splicing,
                                              const std::function<void(QTextDocument *)> &prepare, QThread *target);
    // As showMarkdown(), but a new document is `prebuilt`'s when it was built for this text and
    // font (and is then taken from it); otherwise it is built here.
    void showMarkdown(const QString &markdown, const std::function<void(QTextDocument *)> &prepare,
                      const std::shared_ptr<Prebuilt> &prebuilt);
    bool splicing() const { return m_splicing; }
    // Whether the shown document is one showMarkdown() built from chunks (the next text can
    // be spliced into it).
    bool showsChunks() const { return !m_shownChunks.isEmpty() && document() == m_shownDocument; }
    // The next showMarkdown() builds a new document: what `prepare` does has changed (the
    // palette, the font).
    void invalidateShownMarkdown();
    // Off, every showMarkdown() parses the whole text into a new document (tests compare
    // the two ways).
    void setSplicing(bool on) { m_splicing = on; }

    // Headings become clickable (pointing hand, headingClicked) when they have a tool tip
    // here; the view sets them after each render.
    void setHeadingToolTips(const QHash<int, QString> &toolTipByBlockNumber);

    // Images the view itself made (drawn diagrams, "opsflow-diagram:…"): answered from
    // `provider`, never from the network or the disk, and not counted as requests.
    void setOwnImages(std::function<QImage(const QString &name)> provider) { m_ownImages = std::move(provider); }

Q_SIGNALS:
    void headingClicked(int blockNumber);
    void relativeLinkClicked(const QUrl &url);

protected:
    // Copied text leaves out the break marks the view adds inside long table words.
    QMimeData *createMimeDataFromSelection() const override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    int clickableHeadingAt(const QPoint &viewportPos) const;
    QVariant refuseResource(int type, const QUrl &name);
    using Prepare = std::function<void(QTextDocument *)>;
    using Parse = std::function<std::unique_ptr<QTextDocument>(const QString &markdown)>;
    // An empty document for a render, and the markdown parsed into it (images made text).
    static std::unique_ptr<QTextDocument> emptyDocument(const QFont &font);
    static void fill(QTextDocument *document, const QString &markdown, const Prepare &prepare);
    static std::unique_ptr<QTextDocument> parseDetached(const QString &markdown, const QFont &font,
                                                        const Prepare &prepare);
    std::unique_ptr<QTextDocument> parse(const QString &markdown, const Prepare &prepare);
    // The document of a whole text: assembled from its chunks, or (when they do not add up to
    // the whole) parsed whole; `chunks` and `lengths` are then cleared.
    static std::unique_ptr<QTextDocument> assemble(const QString &markdown, QStringList &chunks, QList<int> &lengths,
                                                   const Parse &parse);
    void showWhole(const QString &markdown, const QStringList &chunks, const Prepare &prepare,
                   const std::shared_ptr<Prebuilt> &prebuilt = {});
    bool spliceChanged(const QStringList &chunks, const Prepare &prepare);
    static QList<int> insertChunks(QTextCursor &cursor, const QStringList &chunks, int from, int to,
                                   const Parse &parse);
    void setShownDocument(QTextDocument *document);
    void refuseResourcesOf(QTextDocument *document);
    static void replaceImagesByText(QTextDocument *document);

    // The markdown chunks of the shown document, and how many of its characters each one
    // became; empty when the document was not built from chunks.
    QStringList m_shownChunks;
    QList<int> m_chunkLengths;
    QPointer<QTextDocument> m_shownDocument;
    bool m_splicing = true;

    int m_resourceRequests = 0;
    std::function<QImage(const QString &name)> m_ownImages;
    QHash<int, QString> m_headingToolTips;
    QPoint m_pressPos;
    int m_pressedHeading = -1;
};

} // namespace opsflow
