// The "PHASE 7 SUMMARY" page: every line (each a link to its question), "Is this correct?"
// with a way back, and the summary's export.
#pragma once

#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QPushButton;
class QScrollArea;

namespace opsflow {

class AnswersModel;

class SummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryPage(AnswersModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    // Finish only once the user said the summary is correct.
    bool isComplete() const override;

Q_SIGNALS:
    void goToQuestionRequested(const QString &questionId);
    void exportRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum Answer { Yes = 1, No = 2 };
    void refresh();
    void updateControls();

    AnswersModel *m_model;
    QScrollArea *m_scroll;
    QButtonGroup *m_correct;
    QComboBox *m_questions;
    QPushButton *m_go;
    bool m_stale = true;
};

} // namespace opsflow
