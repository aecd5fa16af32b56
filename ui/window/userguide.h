// Help → User Guide: the guide shipped with the app (resources/guide/user-guide.md), shown
// in a window of its own beside the wizard.
#pragma once

#include <QDialog>

namespace opsflow {

class InertBrowser;

class UserGuide : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuide(QWidget *parent = nullptr);

    // The guide's Markdown as shipped; empty only if the resource is missing from the build.
    static QString markdown();
    InertBrowser *view() const { return m_view; }

private:
    InertBrowser *m_view;
};

} // namespace opsflow
