#include "DefinitionValidator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace fc {

// lupdate files these strings under "fc" (the namespace of the functions that ask for them):
// the context asked for must be the same, or no translation is ever found.
static QString tr(const char *text)
{
    return QCoreApplication::translate("fc", text);
}

TextPosition positionOfOffset(const QString &text, qsizetype offset)
{
    TextPosition pos;
    const qsizetype end = qMin(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text[i] == u'\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
    }
    return pos;
}

QList<ValidationIssue> validateWorkflowDefinition(const QJsonObject &definition)
{
    QList<ValidationIssue> issues;
    auto add = [&issues](QString message) { issues.append({0, 0, std::move(message)}); };

    const QJsonValue schema = definition.value("$schema"_L1);
    if (!schema.isString() || schema.toString().trimmed().isEmpty())
        add(tr("The definition has no \"$schema\"."));

    const QJsonValue triggers = definition.value("triggers"_L1);
    if (!triggers.isObject())
        add(tr("The definition has no \"triggers\" object."));
    else if (triggers.toObject().isEmpty())
        add(tr("The definition has no trigger."));

    const QJsonValue actionsValue = definition.value("actions"_L1);
    if (!actionsValue.isObject()) {
        add(tr("The definition has no \"actions\" object."));
        return issues;
    }
    const QJsonObject actions = actionsValue.toObject();
    // runAfter refers to actions of the same scope; collect every action name at every depth so
    // that nested scopes (If, Foreach, Scope) are not reported falsely.
    QSet<QString> names;
    std::function<void(const QJsonObject &)> collect = [&](const QJsonObject &scope) {
        for (auto it = scope.begin(); it != scope.end(); ++it) {
            names.insert(it.key());
            const QJsonObject action = it.value().toObject();
            collect(action.value("actions"_L1).toObject());
            collect(action.value("else"_L1).toObject().value("actions"_L1).toObject());
        }
    };
    collect(actions);

    std::function<void(const QJsonObject &)> check = [&](const QJsonObject &scope) {
        for (auto it = scope.begin(); it != scope.end(); ++it) {
            if (!it.value().isObject()) {
                add(tr("The action \"%1\" is not an object.").arg(it.key()));
                continue;
            }
            const QJsonObject action = it.value().toObject();
            if (!action.value("type"_L1).isString())
                add(tr("The action \"%1\" has no \"type\".").arg(it.key()));
            const QJsonValue runAfter = action.value("runAfter"_L1);
            if (!runAfter.isUndefined() && !runAfter.isObject()) {
                add(tr("The \"runAfter\" of \"%1\" is not an object.").arg(it.key()));
            } else {
                const QJsonObject after = runAfter.toObject();
                for (auto a = after.begin(); a != after.end(); ++a) {
                    if (a.key() == it.key())
                        add(tr("The action \"%1\" runs after itself.").arg(it.key()));
                    else if (!names.contains(a.key()))
                        add(tr("The action \"%1\" runs after \"%2\", which does not exist.")
                                .arg(it.key(), a.key()));
                }
            }
            check(action.value("actions"_L1).toObject());
            check(action.value("else"_L1).toObject().value("actions"_L1).toObject());
        }
    };
    check(actions);
    return issues;
}

// Where the first quoted name of an issue appears as a key in the text, to point at its line.
static TextPosition locate(const QString &text, const QString &message)
{
    const qsizetype open = message.indexOf(u'"');
    const qsizetype close = open < 0 ? -1 : message.indexOf(u'"', open + 1);
    if (close < 0)
        return {0, 0};
    const QString key = message.mid(open, close - open + 1) + u':';
    qsizetype at = text.indexOf(key);
    if (at < 0)
        at = text.indexOf(message.mid(open, close - open + 1));
    return at < 0 ? TextPosition{0, 0} : positionOfOffset(text, at);
}

QList<ValidationIssue> validateDefinitionText(const QString &text, QJsonObject *parsed, bool *jsonOk)
{
    if (jsonOk)
        *jsonOk = false;
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The parser counts UTF-8 bytes; the editor counts characters.
        const qsizetype chars = QString::fromUtf8(utf8.left(error.offset)).size();
        const TextPosition pos = positionOfOffset(text, chars);
        return {{pos.line, pos.column, error.errorString()}};
    }
    if (!doc.isObject()) {
        return {{1, 1, tr("The definition must be a JSON object.")}};
    }
    if (jsonOk)
        *jsonOk = true;
    const QJsonObject definition = doc.object();
    if (parsed)
        *parsed = definition;
    QList<ValidationIssue> issues = validateWorkflowDefinition(definition);
    for (ValidationIssue &issue : issues) {
        // runAfter problems point at the action that has them, others at the top.
        const TextPosition pos = locate(text, issue.message);
        issue.line = pos.line ? pos.line : 1;
        issue.column = pos.line ? pos.column : 1;
    }
    return issues;
}

} // namespace fc
