#pragma once

#include "ApiContext.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fc::emu {

class FlowDefinition;

// The documents behind a run's content links (TriggerInputs, TriggerOutputs, ActionInputs,
// ActionOutputs), made up from the flow's definition and the run's name: the same on every
// read, and nothing to store for 100,000 runs.
namespace RunContent {

// One trigger's contents, for every run of it: read from the definition once (a page of 250
// runs writes 500 links), then made per run.
class TriggerContent
{
public:
    TriggerContent(const FlowDefinition &definition, const QString &trigger);
    // Empty when the trigger has no such content: Recurrence triggers have neither.
    QByteArray inputs() const { return m_inputs; } // the same for every run
    QByteArray outputs(const QString &run) const;

private:
    enum class Kind { None, Request, Button, Connector };
    Kind m_kind = Kind::None;
    QByteArray m_inputs;
    QList<std::pair<QString, QString>> m_fields; // Request triggers: schema property, type
    QList<QString> m_titles;                     // and its title
};

// A trigger's content of either kind; empty when it has none.
QByteArray trigger(const FlowDefinition &definition, const QString &trigger, const QString &run,
                   ContentKind kind);
// Empty when the action has no such content in this status: skipped ones have none, ones
// still running or cancelled have inputs only, actions without inputs (conditions) none.
QByteArray action(const FlowDefinition &definition, const QString &action, const QString &run,
                  const QString &status, ContentKind kind);
// The MD5 of the content, base64: contentHash.value and contentVersion of a link.
QByteArray md5Base64(const QByteArray &content);

} // namespace RunContent

} // namespace fc::emu
