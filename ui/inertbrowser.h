// The rendered view of a generated document: a QTextBrowser that never fetches anything.
#pragma once

#include <QTextBrowser>

#include <functional>

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

    // Never loads: images get an empty placeholder, everything else empty text. Every
    // request is counted, so tests can prove nothing was asked for.
    QVariant loadResource(int type, const QUrl &name) override;
    int resourceRequests() const { return m_resourceRequests; }

    // Shows `markdown` (GitHub dialect, so tables render) in a new document, each image
    // replaced by its alternative text so not even a placeholder is requested. The document
    // is built detached and shown whole: Qt lays out a displayed document after every
    // insertion, which for the generated documents costs 20 times as much. `prepare` may
    // restyle it before it is shown.
    void showMarkdown(const QString &markdown, const std::function<void(QTextDocument *)> &prepare = {});

    // Headings become clickable (pointing hand, headingClicked) when they have a tool tip
    // here; the view sets them after each render.
    void setHeadingToolTips(const QHash<int, QString> &toolTipByBlockNumber);

Q_SIGNALS:
    void headingClicked(int blockNumber);
    void relativeLinkClicked(const QUrl &url);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    int clickableHeadingAt(const QPoint &viewportPos) const;
    QVariant refuseResource(int type, const QUrl &name);
    static void replaceImagesByText(QTextDocument *document);

    int m_resourceRequests = 0;
    QHash<int, QString> m_headingToolTips;
    QPoint m_pressPos;
    int m_pressedHeading = -1;
};

} // namespace opsflow
