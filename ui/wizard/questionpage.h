// The one generic wizard page: renders any question of the questionnaire from its data.
#pragma once

#include "answersmodel.h"
#include "projectcontext.h"

#include <QSet>
#include <QWizardPage>

class QLabel;
class QScrollArea;

namespace opsflow {

class FieldRow;
class IssueLabel;
class MarkerLegend;
class SuggestionBox;

class QuestionPage : public QWizardPage
{
    Q_OBJECT
public:
    QuestionPage(AnswersModel *model, const Question &question, QWidget *parent = nullptr);

    QString questionId() const { return m_question.id; }
    FieldRow *row(const QString &fieldId) const;
    // "Suggested from your project": the findings of this question, with their evidence.
    void setFindings(const QList<Finding> &findings);
    SuggestionBox *suggestionBox() const { return m_suggestions; }

    // Makes the field widgets; the first visit does it, so a page never shown costs little.
    void ensureFields();

    void initializePage() override;
    void cleanupPage() override;
    // Next stays enabled, so a user who does not know what is missing can ask: pressing it
    // on an incomplete page shows every message and puts the focus on the first field named.
    bool validatePage() override;

    // "Phase 7: Operations & Deployment | Question 5/17 | Phase Progress: 29%", counting
    // only the questions the current scope asks.
    static QString progressText(const Resolver &resolver, const QString &questionId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Section {
        QLabel *heading = nullptr; // null for the fields before the first heading
        QList<FieldRow *> rows;
    };

    void onModelChanged();
    void refresh();
    void showIssues(const Resolver &resolver);
    void onFocusChanged(QWidget *old, QWidget *now);
    FieldRow *rowContaining(const QWidget *widget) const;
    // Whether a message about these fields may show yet: not before the user left one of
    // them or pressed Next ("An answer is required." greeting an untouched page is noise).
    bool isRevealed(const QStringList &fieldIds) const;

    AnswersModel *m_model;
    const Question &m_question;
    QLabel *m_progress;
    QLabel *m_badge;
    QLabel *m_simplified;
    MarkerLegend *m_legend;
    IssueLabel *m_pageIssues;
    SuggestionBox *m_suggestions;
    QWidget *m_fields = nullptr;     // the scrolling part: help, suggestions, field rows
    QScrollArea *m_scroll = nullptr; // holds m_fields from the first show on
    QList<Section> m_sections;
    QList<FieldRow *> m_rows;
    // Pages that are not on screen catch up when shown instead of on every keystroke.
    bool m_stale = true;
    QSet<QString> m_leftFields; // fields the user has moved the focus out of
    bool m_nextPressed = false;
};

} // namespace opsflow
