// Validation messages under a field: errors in red, warnings in amber, in words.
#pragma once

#include "answerset.h"

#include <QLabel>

namespace opsflow {

class IssueLabel : public QLabel
{
    Q_OBJECT
public:
    explicit IssueLabel(QWidget *parent = nullptr);

    // Hidden when there is nothing to say.
    void setIssues(const QList<Issue> &issues);
    QList<Issue> issues() const { return m_issues; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QList<Issue> m_issues;
};

} // namespace opsflow
