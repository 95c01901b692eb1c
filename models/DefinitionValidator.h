#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fc {

// One problem in a definition, with where it is (1-based; 0 when it has no place in the text).
struct ValidationIssue
{
    int line = 0;
    int column = 0;
    QString message;

    bool operator==(const ValidationIssue &other) const = default;
};

struct TextPosition
{
    int line = 1;
    int column = 1;
};

// The line and column of a character offset in text (1-based).
TextPosition positionOfOffset(const QString &text, qsizetype offset);

// Checks Workflow Definition Language basics on parsed JSON: a $schema, triggers and actions
// objects, every action with a type, and every runAfter naming an action that exists (and not
// the action itself). Messages name the action.
QList<ValidationIssue> validateWorkflowDefinition(const QJsonObject &definition);

// Parses the editor's text and validates it: a JSON syntax error with its line and column, or
// the WDL issues, placed on the line of the key they concern where that can be found.
// On success (no JSON error) *parsed receives the object, even if WDL issues remain.
QList<ValidationIssue> validateDefinitionText(const QString &text, QJsonObject *parsed = nullptr,
                                              bool *jsonOk = nullptr);

} // namespace fc
