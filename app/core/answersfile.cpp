// Reading and writing the answers file, strictly: a wrong key or type is reported, never
// guessed at, because the file is committed by teams and regenerated from later.
#include "answersfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "durablefile.h"
#include "escaping.h"
#include "jsonstructure.h"

#include <algorithm>
#include <cmath>

namespace opsflow::AnswersFile {

namespace {

constexpr qint64 maxFileSize = qint64(8) * 1024 * 1024;

// Line and column of a byte offset, for JSON syntax errors people can find in an editor.
QString lineOf(const QByteArray &json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = offset - int(before.lastIndexOf('\n'));
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

QJsonValue toJsonValue(const QVariant &v)
{
    return QJsonValue::fromVariant(v);
}

// Characters as JSON Schema's maxLength counts them: code points, not UTF-16 units.
qsizetype codePoints(const QString &text)
{
    qsizetype n = 0;
    for (const QChar c : text)
        n += c.isLowSurrogate() ? 0 : 1;
    return n;
}

QString tooLong(int limit)
{
    return QStringLiteral("is longer than %1 characters").arg(limit);
}

// The value shown in a message about it: quoted, one line, cut after 60 characters.
QString shown(const QString &value)
{
    return u'"' + escape::messageQuote(value) + u'"';
}

// Converts one answer to the field's value form, or explains why it can't be. The rules are
// the ones answersSchema() writes down; tools/check-answers-schema.py checks they agree.
std::optional<QVariant> readValue(const Field &f, const QJsonValue &v, QString *why)
{
    QStringList choiceValues;
    for (const Choice &c : f.choices)
        choiceValues.append(c.value);
    switch (f.type) {
    case Field::Type::Choice:
        if (!v.isString()) {
            *why = QStringLiteral("must be a string (one of %1)").arg(choiceValues.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (!f.choice(v.toString())) {
            *why = QStringLiteral("must be one of %1, not %2")
                       .arg(choiceValues.join(QStringLiteral(", ")), shown(v.toString()));
            return std::nullopt;
        }
        return QVariant(v.toString());
    case Field::Type::Multi: {
        if (!v.isArray()) {
            *why = QStringLiteral("must be a list of strings");
            return std::nullopt;
        }
        if (v.toArray().size() > f.maxRows) {
            *why = QStringLiteral("has more than %1 entries").arg(f.maxRows);
            return std::nullopt;
        }
        QStringList list;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString()) {
                *why = QStringLiteral("must be a list of strings");
                return std::nullopt;
            }
            const QString text = item.toString();
            if (!f.other && !f.choice(text)) {
                *why = QStringLiteral("lists %1, which is not one of %2")
                           .arg(shown(text), choiceValues.join(QStringLiteral(", ")));
                return std::nullopt;
            }
            if (codePoints(text) > f.maxLength) {
                *why = QStringLiteral("has an entry that ") + tooLong(f.maxLength);
                return std::nullopt;
            }
            if (list.contains(text)) {
                *why = QStringLiteral("lists %1 twice").arg(shown(text));
                return std::nullopt;
            }
            list.append(text);
        }
        return QVariant(list);
    }
    case Field::Type::Text:
    case Field::Type::MultiLine:
        if (!v.isString()) {
            *why = QStringLiteral("must be a string");
            return std::nullopt;
        }
        if (codePoints(v.toString()) > f.maxLength) {
            *why = tooLong(f.maxLength);
            return std::nullopt;
        }
        return QVariant(v.toString());
    case Field::Type::Number:
        if (v.isDouble())
            return QVariant(v.toDouble());
        *why = QStringLiteral("must be a number");
        return std::nullopt;
    case Field::Type::Bool:
        if (v.isBool())
            return QVariant(v.toBool());
        *why = QStringLiteral("must be true or false");
        return std::nullopt;
    case Field::Type::Table: {
        if (!v.isArray()) {
            *why = QStringLiteral("must be a list of rows");
            return std::nullopt;
        }
        if (v.toArray().size() > f.maxRows) {
            *why = QStringLiteral("has %1 rows; at most %2 are allowed").arg(v.toArray().size()).arg(f.maxRows);
            return std::nullopt;
        }
        QVariantList rows;
        for (const QJsonValue &row : v.toArray()) {
            if (!row.isObject()) {
                *why = QStringLiteral("every row must be an object");
                return std::nullopt;
            }
            const QJsonObject o = row.toObject();
            QVariantMap cells;
            for (auto it = o.begin(); it != o.end(); ++it) {
                const auto column =
                    std::find_if(f.columns.begin(), f.columns.end(), [&](const Column &c) { return c.id == it.key(); });
                if (column == f.columns.end()) {
                    *why = QStringLiteral("a row has unknown column \"%1\"").arg(escape::messageQuote(it.key()));
                    return std::nullopt;
                }
                const QString name = escape::messageQuote(it.key());
                if (it->isNull())
                    continue;
                const bool numeric = column->type == QLatin1String("number");
                if (!(it->isString() || (numeric && it->isDouble()))) {
                    *why = QStringLiteral("column \"%1\" must be %2")
                               .arg(name, numeric ? QStringLiteral("a number") : QStringLiteral("a string"));
                    return std::nullopt;
                }
                if (column->type == QLatin1String("choice") && !column->choices.contains(it->toString())) {
                    *why = QStringLiteral("column \"%1\" must be one of %2, not %3")
                               .arg(name, column->choices.join(QStringLiteral(", ")), shown(it->toString()));
                    return std::nullopt;
                }
                if (it->isString() && codePoints(it->toString()) > column->maxLength) {
                    *why = QStringLiteral("column \"%1\" ").arg(name) + tooLong(column->maxLength);
                    return std::nullopt;
                }
                cells.insert(it.key(), it->toVariant());
            }
            rows.append(cells);
        }
        return QVariant(rows);
    }
    }
    return std::nullopt;
}

} // namespace

QByteArray toJson(const AnswerSet &answers)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("opsflow-answers"));
    root.insert(QStringLiteral("version"), currentVersion);
    root.insert(QStringLiteral("phase"), QStringLiteral("7"));
    // Written once chosen: a file saved before the choice must not make the default look
    // like the user's answer when it is read back.
    if (answers.scopeChosen)
        root.insert(QStringLiteral("scope"), scopeId(answers.scope));
    root.insert(QStringLiteral("mode"), modeId(answers.mode));
    if (!answers.onlyQuestions.isEmpty())
        root.insert(QStringLiteral("only"), QJsonArray::fromStringList(answers.onlyQuestions));
    if (answers.preflight)
        root.insert(QStringLiteral("preflight"), preflightActionId(*answers.preflight));
    // Written only when it is not the default, so files saved before the choice existed stay as they were.
    if (answers.templates != TemplateChoice::OpsFlow)
        root.insert(QStringLiteral("templates"), templateChoiceId(answers.templates));
    if (!answers.imported.isEmpty()) {
        QJsonObject imported;
        for (const Finding &finding : answers.imported) {
            QJsonObject fields = imported.value(finding.questionId).toObject();
            fields.insert(finding.fieldId,
                          QJsonObject{{QStringLiteral("value"), toJsonValue(finding.value)},
                                      {QStringLiteral("evidence"), finding.evidence}});
            imported.insert(finding.questionId, fields);
        }
        root.insert(QStringLiteral("imported"), imported);
    }
    QJsonObject context;
    for (auto it = answers.context.begin(); it != answers.context.end(); ++it)
        context.insert(it.key(), toJsonValue(it.value()));
    root.insert(QStringLiteral("context"), context);
    QJsonObject all;
    for (auto q = answers.answers.begin(); q != answers.answers.end(); ++q) {
        if (q->isEmpty())
            continue;
        QJsonObject fields;
        for (auto f = q->begin(); f != q->end(); ++f)
            fields.insert(f.key(), toJsonValue(f.value()));
        all.insert(q.key(), fields);
    }
    root.insert(QStringLiteral("answers"), all);
    // QJsonObject sorts keys, so the same answers always give the same bytes.
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<AnswerSet> fromJson(const QByteArray &json, const Questionnaire &questionnaire, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("is not valid JSON (%1 at %2)")
                        .arg(parseError.errorString(), lineOf(json, parseError.offset)));
    if (!doc.isObject())
        return fail(QStringLiteral("must hold a JSON object"));
    const QJsonObject root = doc.object();
    // What QJsonDocument lets through: a key given twice (it would keep the last silently),
    // raw control characters in strings.
    const QString structure = jsonStructureProblem(json);
    if (!structure.isEmpty())
        return fail(structure);
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList known = {
            QStringLiteral("format"),    QStringLiteral("version"),  QStringLiteral("phase"),
            QStringLiteral("scope"),     QStringLiteral("mode"),     QStringLiteral("answers"),
            QStringLiteral("context"),   QStringLiteral("only"),     QStringLiteral("$schema"),
            QStringLiteral("preflight"), QStringLiteral("imported"), QStringLiteral("templates")};
        if (!known.contains(it.key()))
            return fail(QStringLiteral("has an unknown key \"%1\"").arg(escape::messageQuote(it.key())));
    }
    if (root.contains(QLatin1String("$schema")) && !root.value(QLatin1String("$schema")).isString())
        return fail(QStringLiteral("\"$schema\" must be a string"));
    if (!root.value(QLatin1String("format")).isString()
        || root.value(QLatin1String("format")).toString() != QLatin1String("opsflow-answers"))
        return fail(QStringLiteral("is not an OpsFlow answers file (\"format\" must be \"opsflow-answers\")"));
    const QJsonValue version = root.value(QLatin1String("version"));
    const double versionNumber = version.toDouble();
    if (!version.isDouble() || versionNumber != std::floor(versionNumber) || versionNumber < 1)
        return fail(QStringLiteral("has no valid \"version\" (a whole number)"));
    if (versionNumber > currentVersion)
        return fail(QStringLiteral("was written by a newer OpsFlow (answers version %1; this one reads up to %2)")
                        .arg(versionNumber, 0, 'g', 17)
                        .arg(currentVersion));
    if (root.contains(QLatin1String("phase"))
        && (!root.value(QLatin1String("phase")).isString()
            || root.value(QLatin1String("phase")).toString() != QLatin1String("7")))
        return fail(QStringLiteral("is for another phase (\"phase\" must be \"7\")"));

    AnswerSet set;
    if (root.contains(QLatin1String("scope"))) {
        const QJsonValue scopeValue = root.value(QLatin1String("scope"));
        const auto scope = scopeValue.isString() ? scopeFromId(scopeValue.toString()) : std::nullopt;
        if (!scope)
            return fail(QStringLiteral("has an unknown \"scope\" (use mvp, production or enterprise)"));
        set.scope = *scope;
        set.scopeChosen = true;
    }
    if (root.contains(QLatin1String("mode"))) {
        const QJsonValue modeValue = root.value(QLatin1String("mode"));
        const auto mode = modeValue.isString() ? modeFromId(modeValue.toString()) : std::nullopt;
        if (!mode)
            return fail(QStringLiteral("has an unknown \"mode\" (use interactive or smart)"));
        set.mode = *mode;
    }
    const QJsonValue only = root.value(QLatin1String("only"));
    if (!only.isUndefined() && !only.isArray())
        return fail(QStringLiteral("\"only\" must be a list of question ids"));
    for (const QJsonValue &id : only.toArray()) {
        if (!id.isString() || !questionnaire.question(id.toString()))
            return fail(QStringLiteral("lists unknown question %1 in \"only\"")
                            .arg(id.isString() ? u'"' + escape::messageQuote(id.toString()) + u'"'
                                               : QStringLiteral("(not a string)")));
        if (set.onlyQuestions.contains(id.toString()))
            return fail(QStringLiteral("lists question \"%1\" twice in \"only\"").arg(id.toString()));
        set.onlyQuestions.append(id.toString());
    }
    if (root.contains(QLatin1String("preflight"))) {
        const QJsonValue value = root.value(QLatin1String("preflight"));
        const auto action = value.isString() ? preflightActionFromId(value.toString()) : std::nullopt;
        if (!action)
            return fail(QStringLiteral("has an unknown \"preflight\" choice (use %1)")
                            .arg(preflightActionIds().join(QLatin1String(", "))));
        set.preflight = *action;
    }
    if (root.contains(QLatin1String("templates"))) {
        const QJsonValue value = root.value(QLatin1String("templates"));
        const auto choice = value.isString() ? templateChoiceFromId(value.toString()) : std::nullopt;
        if (!choice)
            return fail(QStringLiteral("has an unknown \"templates\" choice (use opsflow or ai-flow)"));
        set.templates = *choice;
    }
    const QJsonValue context = root.value(QLatin1String("context"));
    if (!context.isUndefined() && !context.isObject())
        return fail(QStringLiteral("\"context\" must be an object"));
    const QJsonObject contextObject = context.toObject();
    for (auto it = contextObject.begin(); it != contextObject.end(); ++it) {
        const Field *f = questionnaire.contextField(it.key());
        if (!f)
            return fail(QStringLiteral("has an unknown context key \"%1\"").arg(escape::messageQuote(it.key())));
        if (it.value().isNull())
            continue;
        QString why;
        const auto v = readValue(*f, it.value(), &why);
        if (!v)
            return fail(QStringLiteral("context.%1 %2").arg(escape::messageQuote(it.key()), why));
        set.context.insert(it.key(), *v);
    }
    const QJsonValue answers = root.value(QLatin1String("answers"));
    if (!answers.isUndefined() && !answers.isObject())
        return fail(QStringLiteral("\"answers\" must be an object keyed by question id"));
    const QJsonObject answersObject = answers.toObject();
    for (auto q = answersObject.begin(); q != answersObject.end(); ++q) {
        const Question *question = questionnaire.question(q.key());
        if (!question)
            return fail(QStringLiteral("answers an unknown question \"%1\"").arg(escape::messageQuote(q.key())));
        if (!q->isObject())
            return fail(QStringLiteral("answers.\"%1\" must be an object keyed by field id")
                            .arg(escape::messageQuote(q.key())));
        const QJsonObject fields = q->toObject();
        QVariantMap values;
        for (auto f = fields.begin(); f != fields.end(); ++f) {
            const Field *field = question->field(f.key());
            if (!field)
                return fail(QStringLiteral("answers.\"%1\" has an unknown field \"%2\"")
                                .arg(escape::messageQuote(q.key()), escape::messageQuote(f.key())));
            if (f->isNull())
                continue;
            QString why;
            const auto v = readValue(*field, f.value(), &why);
            if (!v)
                return fail(QStringLiteral("answers.\"%1\".%2 %3")
                                .arg(escape::messageQuote(q.key()), escape::messageQuote(f.key()), why));
            values.insert(f.key(), *v);
        }
        set.answers.insert(q.key(), values);
    }
    const QJsonValue imported = root.value(QLatin1String("imported"));
    if (!imported.isUndefined() && !imported.isObject())
        return fail(QStringLiteral("\"imported\" must be an object keyed by question id"));
    const QJsonObject importedObject = imported.toObject();
    for (auto q = importedObject.begin(); q != importedObject.end(); ++q) {
        const Question *question = questionnaire.question(q.key());
        if (!question || !q->isObject())
            return fail(QStringLiteral("imported.\"%1\" must be a question id holding an object keyed by field id")
                            .arg(escape::messageQuote(q.key())));
        const QJsonObject fields = q->toObject();
        for (auto f = fields.begin(); f != fields.end(); ++f) {
            const Field *field = question->field(f.key());
            const QString where =
                QStringLiteral("imported.\"%1\".%2").arg(escape::messageQuote(q.key()), escape::messageQuote(f.key()));
            if (!field)
                return fail(QStringLiteral("%1 names an unknown field").arg(where));
            const QJsonObject entry = f->toObject();
            const QJsonValue evidence = entry.value(QLatin1String("evidence"));
            if (!f->isObject() || entry.size() != 2 || !entry.contains(QLatin1String("value")) || !evidence.isString()
                || evidence.toString().trimmed().isEmpty())
                return fail(QStringLiteral("%1 must hold exactly \"value\" and \"evidence\" (the line it came from)")
                                .arg(where));
            // A null value, like a null answer, is "not answered": nothing was taken.
            if (entry.value(QLatin1String("value")).isNull())
                continue;
            QString why;
            const auto v = readValue(*field, entry.value(QLatin1String("value")), &why);
            if (!v)
                return fail(QStringLiteral("%1.value %2").arg(where, why));
            set.imported.append({q.key(), f.key(), *v, evidence.toString(), {}});
        }
    }
    return set;
}

std::optional<AnswerSet> load(const QString &path, const Questionnaire &questionnaire, QString *error)
{
    // A pipe or device would block the read or never end: only regular files (or links to
    // them) are answers files.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        if (error)
            *error = QStringLiteral("Cannot read %1: it is not a regular file (a pipe, socket or device)").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // At most one byte past the limit: the file may grow between the size check and the read.
    const QByteArray bytes = file.size() > maxFileSize ? QByteArray() : file.read(maxFileSize + 1);
    if (file.size() > maxFileSize || bytes.size() > maxFileSize) {
        if (error)
            *error = QStringLiteral("%1 is too large to be an answers file (%2 MiB; the limit is 8 MiB)")
                         .arg(path)
                         .arg(std::max(file.size(), qint64(bytes.size())) / (qint64(1024) * 1024));
        return std::nullopt;
    }
    QString message;
    auto set = fromJson(bytes, questionnaire, &message);
    if (!set && error)
        *error = QStringLiteral("%1 %2").arg(path, message);
    return set;
}

bool save(const QString &path, const AnswerSet &answers, QString *error)
{
    const QFileInfo info(path);
    QString reason;
    if (!makeFolders(info.absolutePath(), &reason)) {
        if (error)
            *error = QStringLiteral("Cannot create the folder %1: %2").arg(info.absolutePath(), reason);
        return false;
    }
    // Durable: a full disk is an error here, never an empty answers file behind a success.
    QString message;
    if (!writeFileDurably(path, toJson(answers), path, &message)) {
        if (error)
            *error = message;
        return false;
    }
    return true;
}

QString keepAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.bad-%2").arg(path, stamp);
    for (int n = 2; QFile::exists(target); ++n)
        target = QStringLiteral("%1.bad-%2-%3").arg(path, stamp).arg(n);
    return QFile::rename(path, target) ? target : QString();
}

QString pathForProject(const QString &projectDir)
{
    if (projectDir.isEmpty()) {
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/phase7.json");
    }
    return QDir(projectDir).filePath(QStringLiteral(".ai-flow/answers/phase7.json"));
}

} // namespace opsflow::AnswersFile
