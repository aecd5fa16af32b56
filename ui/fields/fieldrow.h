// One field on a page: its label, help, editor and validation messages.
#pragma once

#include "answerset.h"
#include "fieldbinding.h"

#include <QPointer>
#include <QWidget>

class QLabel;

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

    // Off under a section heading that already says the label ("Alert channels").
    void setLabelShown(bool shown);
    void refresh();
    // Also read out by screen readers: each control's description ends with the messages.
    void setIssues(const QList<Issue> &issues);

private:
    // What a screen reader says about each control of the editor besides its name: the
    // option's description, or the field's help.
    void describeControls(const Field &field);
    void updateDescriptions(const QString &messages);

    QList<std::pair<QPointer<QWidget>, QString>> m_descriptions; // control → its own words
    QString m_fieldId;
    QLabel *m_label = nullptr;
    FieldWidget *m_editor = nullptr;
    IssueLabel *m_issues;
};

} // namespace opsflow
