#include "diagramdrawer.h"

#include "diagramrendererloader.h"

#include <QPointer>

namespace opsflow {

namespace {

// Enough for every diagram of a few answer sets in both themes; beyond it the cache starts
// again with what is wanted now.
constexpr qsizetype cacheLimit = 64;

} // namespace

DiagramDrawer::DiagramDrawer(QObject *parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DiagramDrawer::drawNext);
}

void DiagramDrawer::want(const QObject *client, const QStringList &sources)
{
    if (sources.isEmpty()) {
        m_wanted.remove(client);
        return;
    }
    if (!m_renderer && m_whyNot.isEmpty()) {
        m_renderer = DiagramRendererLoader::renderer();
        if (!m_renderer) {
            m_whyNot = DiagramRendererLoader::whyNot();
            Q_EMIT unavailable();
        }
    }
    if (!m_wanted.contains(client))
        connect(client, &QObject::destroyed, this, [this, client] { m_wanted.remove(client); });
    m_wanted.insert(client, sources);
    if (m_renderer)
        m_debounce.start();
}

void DiagramDrawer::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    if (m_renderer && !m_wanted.isEmpty())
        m_debounce.start();
}

std::optional<DiagramRenderResult> DiagramDrawer::drawing(const QString &source) const
{
    const auto it = m_cache.constFind(key(source));
    if (it == m_cache.constEnd())
        return std::nullopt;
    return *it;
}

QString DiagramDrawer::normalized(const QString &source)
{
    qsizetype end = source.size();
    while (end > 0 && source.at(end - 1) == u'\n')
        --end;
    return source.left(end);
}

QString DiagramDrawer::key(const QString &source) const
{
    return (m_dark ? QStringLiteral("dark\n") : QStringLiteral("light\n")) + normalized(source);
}

// One request at a time: the next wanted source without a drawing goes when the last one
// came back, so a burst of edits never queues drawings nobody will see.
void DiagramDrawer::drawNext()
{
    if (!m_renderer || !m_inFlight.isEmpty())
        return;
    QStringList wanted;
    for (const QStringList &sources : std::as_const(m_wanted)) {
        for (const QString &source : sources)
            wanted.append(normalized(source));
    }
    if (m_cache.size() > cacheLimit) {
        QHash<QString, DiagramRenderResult> kept;
        for (const QString &source : std::as_const(wanted)) {
            const auto it = m_cache.constFind(key(source));
            if (it != m_cache.constEnd())
                kept.insert(it.key(), *it);
        }
        m_cache = kept;
    }
    for (const QString &source : std::as_const(wanted)) {
        const QString k = key(source);
        if (m_cache.contains(k))
            continue;
        m_inFlight.insert(k);
        const bool dark = m_dark;
        QPointer<DiagramDrawer> self(this);
        m_renderer->render(source, dark, [self, k, source](const DiagramRenderResult &result) {
            if (!self)
                return;
            self->m_inFlight.remove(k);
            self->m_cache.insert(k, result);
            if (self->key(source) == k)
                Q_EMIT self->drawn(source);
            self->drawNext();
        });
        return;
    }
}

} // namespace opsflow
