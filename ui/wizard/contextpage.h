// The project page: what OpsFlow found in the folder (ai-flow's config, the name, context
// files, existing documents) and the facts the documents need that phase 7 does not ask
// (name, database, …), each with what the project's files suggest.
#pragma once

#include <QHash>
#include <QWizardPage>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace opsflow {

class AnswersModel;
class FieldRow;
class ProjectSession;
class SuggestionBox;

class ContextPage : public QWizardPage
{
    Q_OBJECT
public:
    ContextPage(AnswersModel *model, ProjectSession *project, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

    SuggestionBox *suggestions(const QString &fieldId) const { return m_suggestions.value(fieldId); }
    // The page's content is made on its first show; this makes it now (tests, tools).
    void ensureContent();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildContent();
    void refresh();
    void showProject();
    void showEvidence();
    void updateAcceptAll();

    AnswersModel *m_model;
    ProjectSession *m_project;
    QList<FieldRow *> m_rows;
    QHash<QString, SuggestionBox *> m_suggestions;
    QLabel *m_config;
    QLabel *m_warning;
    QLabel *m_name;
    QLabel *m_contextFiles;
    QLabel *m_documents;
    QLabel *m_evidence;
    QLabel *m_notes;
    QWidget *m_found;
    QFormLayout *m_form;
    QLabel *m_noFolder;
    QPushButton *m_acceptAll;
    QWidget *m_content = nullptr; // made on the first show, then in m_scroll
    QScrollArea *m_scroll;
    bool m_stale = true;
};

} // namespace opsflow
