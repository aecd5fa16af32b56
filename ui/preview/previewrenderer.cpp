// Turns answer changes into generated documents off the UI thread.
#include "previewrenderer.h"

#include "answersmodel.h"
#include "uilogging.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace opsflow {

PreviewRenderer::PreviewRenderer(AnswersModel *model, const TemplateSet &templates, QObject *parent)
    : QObject(parent), m_model(model), m_questionnaire(std::make_shared<const Questionnaire>(model->questionnaire())),
      m_templates(templates), m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &PreviewRenderer::generateNow);
    connect(model, &AnswersModel::changed, this, &PreviewRenderer::schedule);
}

PreviewRenderer::~PreviewRenderer() = default;

void PreviewRenderer::setTemplates(const TemplateSet &templates)
{
    m_templates = templates;
    schedule();
}

void PreviewRenderer::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (!active)
        m_debounce->stop();
    else if (m_outOfDate)
        generateNow();
}

bool PreviewRenderer::isScheduled() const
{
    return m_debounce->isActive();
}

void PreviewRenderer::setDebounceInterval(int milliseconds)
{
    m_debounce->setInterval(milliseconds);
}

int PreviewRenderer::debounceInterval() const
{
    return m_debounce->interval();
}

void PreviewRenderer::schedule()
{
    m_outOfDate = true;
    if (m_active)
        m_debounce->start();
}

void PreviewRenderer::generateNow()
{
    m_debounce->stop();
    if (!m_active) {
        m_outOfDate = true;
        return;
    }
    m_outOfDate = false;

    // Everything the worker reads is its own: a value snapshot of the answers, the shared
    // immutable questionnaire, a copy of the (implicitly shared, immutable) templates.
    const quint64 generation = ++m_generation;
    // An answer the page shows as an error is not stated as the user's (usableAnswers).
    auto run = [questionnaire = m_questionnaire, answers = m_model->snapshot(), templates = m_templates] {
        return generate(Resolver(*questionnaire, usableAnswers(*questionnaire, answers)), templates);
    };
    auto *watcher = new QFutureWatcher<GenerationResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_running;
        if (generation != m_generation) {
            qCDebug(lcUi) << "Preview: dropped result" << generation << "- newest is" << m_generation;
            Q_EMIT staleResultDropped(generation);
            return;
        }
        Q_EMIT resultReady(watcher->result());
    });
    ++m_running;
    watcher->setFuture(QtConcurrent::run(std::move(run)));
}

} // namespace opsflow
