// The live preview beside the wizard: the three generated documents and the diagrams.
#pragma once

#include "generation.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace opsflow {

class AnswersModel;
class DiagramDrawer;
class DiagramsView;
class DocumentView;
class PreviewRenderer;

class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(AnswersModel *model, QWidget *parent = nullptr);

    PreviewRenderer *renderer() const { return m_renderer; }
    QTabWidget *tabs() const { return m_tabs; }
    // "docs/operations.md", "specs/configuration.md" or ".env.example"; null otherwise.
    DocumentView *document(const QString &path) const;
    DiagramsView *diagramsView() const { return m_diagrams; }
    // The drawings of the diagrams, shared by the Diagrams tab and the rendered documents.
    DiagramDrawer *drawer() const { return m_drawer; }
    // The result on screen (or waiting for the pane to be shown).
    const GenerationResult &result() const { return m_result; }

    // Wide enough for the four tabs and a table or two side by side with the wizard.
    QSize sizeHint() const override;

    // Templates follow the project: its own overrides in .ai-flow/templates/opsflow/, else
    // the built-in ones (an empty folder).
    void setProjectFolder(const QString &folder);

public Q_SLOTS:
    // Brings the section the question produces into view and marks it; an empty id (a page
    // that is not a question) clears the mark.
    void showQuestion(const QString &questionId);

    // A result reached the views at least once.
    bool hasRendered() const { return m_hasRendered; }

Q_SIGNALS:
    // A section heading was clicked in a rendered document.
    void questionRequested(const QString &questionId);
    // A new result reached the views.
    void rendered();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // The file names where they fit, else short names ("Operations", "Config"), so a narrow
    // pane or a large font never shows "ope….md"; the tool tips name the whole path.
    void fitTabLabels();
    void apply(const GenerationResult &result);
    // Builds the documents the result's render would build whole (the first ones) on a
    // worker, then shows the result; false when there are none to build.
    bool prebuildDocuments();
    void showResult();
    void showErrors();

    PreviewRenderer *m_renderer;
    QTabWidget *m_tabs;
    QList<DocumentView *> m_documents;
    DiagramsView *m_diagrams;
    DiagramDrawer *m_drawer;
    QLabel *m_errors;
    GenerationResult m_result;
    bool m_resultPending = false;
    bool m_hasRendered = false;
    bool m_prebuilding = false;
    QStringList m_fullLabels;
    QStringList m_shortLabels;
};

} // namespace opsflow
