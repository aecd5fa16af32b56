// A one-line notice across the top of the window ("docs/operations.md changed on disk —
// re-read"), closed with its button or by the next notice.
#pragma once

#include <QFrame>

class QLabel;

namespace opsflow {

class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showNotice(const QString &text);
    QString text() const;

private:
    QLabel *m_label;
};

} // namespace opsflow
