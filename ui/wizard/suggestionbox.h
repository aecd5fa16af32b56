// "Suggested from your project": answers found in the project's files, each with the file
// that shows it and a button that puts it into the model. Ignoring a suggestion changes nothing.
#pragma once

#include "projectcontext.h"

#include <QGroupBox>

class QGridLayout;
class QLabel;
class QPushButton;

namespace opsflow {

class AnswersModel;
struct Field;

class SuggestionBox : public QGroupBox
{
    Q_OBJECT
public:
    // Context facts say "Accept" and sit under their field; question pages say "Use" and
    // name the field of each suggestion.
    enum class Style { QuestionPage, ContextField };

    SuggestionBox(AnswersModel *model, Style style, QWidget *parent = nullptr);

    // Hidden while there is nothing to suggest. Findings of fields the questionnaire does not
    // have are left out; the same value found in several files is one suggestion.
    void setFindings(const QList<Finding> &findings);
    int suggestionCount() const { return int(m_suggestions.size()); }
    // The suggestion's button, in the order shown (objectName "suggestion/<question>/<field>/<n>").
    QPushButton *button(int index) const;
    QString suggestionText(int index) const;

    // Marks the suggestions already in use (the model holds their value).
    void refresh();
    // Puts a suggestion's value into the model, as its button does.
    void use(int index);
    // Whether the first suggestion's value is not what the model holds.
    bool firstIsUnused() const;

    // Values compared by meaning (3000 and 3000.0, a string list and a list of strings).
    static bool sameValue(const QVariant &a, const QVariant &b);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Suggestion {
        QString questionId;
        QString fieldId;
        QVariant value;
        QStringList evidence;
        QStringList notes;
        QLabel *label = nullptr;
        QPushButton *button = nullptr;
    };
    const Field *fieldOf(const QString &questionId, const QString &fieldId) const;
    QVariant currentValue(const Suggestion &suggestion) const;

    AnswersModel *m_model;
    Style m_style;
    QGridLayout *m_grid;
    QList<Suggestion> m_suggestions;
    bool m_stale = false;
};

} // namespace opsflow
