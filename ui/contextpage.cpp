// The project page: facts the documents need that phase 7 does not ask (name, database, …).
#include "contextpage.h"

#include "answersmodel.h"
#include "fieldrow.h"
#include "textstyles.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace opsflow {

ContextPage::ContextPage(AnswersModel *model, QWidget *parent)
    : QWizardPage(parent), m_model(model)
{
    setObjectName(QStringLiteral("context"));
    setTitle(tr("Project"));
    setSubTitle(tr("Facts the documents need that Phase %1 does not ask. The defaults are "
                   "shown; change what differs in your project.").arg(model->questionnaire().phase()));

    auto *content = new QWidget;
    auto *fields = new QVBoxLayout(content);
    fields->setContentsMargins(0, 0, 8, 0);
    fields->setSpacing(12);
    for (const Field &field : model->questionnaire().contextFields()) {
        auto *row = new FieldRow(FieldBinding::forContext(model, field), content);
        fields->addWidget(row);
        m_rows.append(row);
    }
    if (m_rows.isEmpty()) {
        auto *none = new QLabel(tr("This questionnaire needs no project facts."), content);
        TextStyles::makeSmallPrint(none);
        fields->addWidget(none);
    }
    fields->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);

    connect(m_model, &AnswersModel::changed, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
}

void ContextPage::initializePage()
{
    refresh();
}

void ContextPage::cleanupPage()
{
    // Keep the answers when going Back: they live in the model, not in registered fields.
}

void ContextPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        refresh();
    QWizardPage::showEvent(event);
}

void ContextPage::refresh()
{
    m_stale = false;
    for (FieldRow *row : std::as_const(m_rows))
        row->refresh();
}

} // namespace opsflow
