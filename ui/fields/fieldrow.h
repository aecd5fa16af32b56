// One field on a page: its label, help, editor and validation messages.
#pragma once

#include "answerset.h"
#include "fieldbinding.h"

#include <QWidget>

namespace opsflow {

class FieldWidget;
class IssueLabel;

class FieldRow : public QWidget
{
    Q_OBJECT
public:
    explicit FieldRow(const FieldBinding &binding, QWidget *parent = nullptr);

    QString fieldId() const { return m_fieldId; }
    FieldWidget *editor() const { return m_editor; }
    IssueLabel *issueLabel() const { return m_issues; }

    void refresh();
    void setIssues(const QList<Issue> &issues);

private:
    QString m_fieldId;
    FieldWidget *m_editor = nullptr;
    IssueLabel *m_issues;
};

} // namespace opsflow
