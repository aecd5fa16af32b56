// Turns answer changes into generated documents off the UI thread: debounce, snapshot,
// worker, and only the newest result.
#pragma once

#include "generation.h"

#include <QObject>

#include <memory>

class QTimer;

namespace opsflow {

class AnswersModel;
class Questionnaire;

class PreviewRenderer : public QObject
{
    Q_OBJECT
public:
    PreviewRenderer(AnswersModel *model, const TemplateSet &templates, QObject *parent = nullptr);
    ~PreviewRenderer() override;

    // Project folders may override the templates: the next run uses these.
    void setTemplates(const TemplateSet &templates);

    // While inactive (the preview is hidden) nothing is generated; a change only marks the
    // preview out of date, and activating it generates at once.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    bool isOutOfDate() const { return m_outOfDate; }
    // A change waits for the debounce to end.
    bool isScheduled() const;

    // Quiet time after the last change before generating, in ms (typing speed).
    void setDebounceInterval(int milliseconds);
    int debounceInterval() const;

    // Runs started so far; each result carries its number, and only the newest is delivered.
    quint64 generation() const { return m_generation; }
    bool isRunning() const { return m_running > 0; }

public Q_SLOTS:
    // Restarts the debounce: a burst of changes generates once, after the burst.
    void schedule();
    // Generates now, skipping the debounce (activation, tests, benchmarks).
    void generateNow();

Q_SIGNALS:
    // The result of the newest run. Not emitted for a run that a newer one overtook.
    void resultReady(const opsflow::GenerationResult &result);
    void staleResultDropped(quint64 generation);

private:
    AnswersModel *m_model;
    // A copy, shared with the workers: the model's questionnaire outlives neither this nor
    // a worker still running when the window closes.
    std::shared_ptr<const Questionnaire> m_questionnaire;
    TemplateSet m_templates;
    QTimer *m_debounce;
    quint64 m_generation = 0;
    int m_running = 0;
    bool m_active = true;
    bool m_outOfDate = true;
};

} // namespace opsflow
