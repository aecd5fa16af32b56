// The small declarative condition language of the questionnaire (`when`, `checks`).
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace opsflow {

struct ExpressionNode;

// A parsed expression. Names are field references: `strategy` (same question) or
// `7.4.1:strategy`. Evaluation returns an invalid QVariant for "unknown yet" (null).
class Expression
{
public:
    using Resolver = std::function<QVariant(const QString &questionId, const QString &fieldId)>;

    Expression();
    static Expression parse(const QString &text, QString *error);

    bool isNull() const { return !m_root; }
    QString text() const { return m_text; }
    // Every referenced name, qualified with `currentQuestion` when unqualified.
    QList<QPair<QString, QString>> references(const QString &currentQuestion) const;

    QVariant evaluate(const QString &currentQuestion, const Resolver &resolve) const;
    // true when the value is true; null counts as `nullIs`.
    bool test(const QString &currentQuestion, const Resolver &resolve, bool nullIs) const;

private:
    std::shared_ptr<const ExpressionNode> m_root;
    QString m_text;
};

} // namespace opsflow
