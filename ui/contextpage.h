// The project page: facts the documents need that phase 7 does not ask (name, database, …).
#pragma once

#include <QWizardPage>

namespace opsflow {

class AnswersModel;
class FieldRow;

class ContextPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ContextPage(AnswersModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    AnswersModel *m_model;
    QList<FieldRow *> m_rows;
    bool m_stale = true;
};

} // namespace opsflow
