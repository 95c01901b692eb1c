#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace fc::emu {

// Reads a Workflow Definition Language document: its triggers, its actions in run order,
// the summary the service derives from it.
class FlowDefinition
{
public:
    explicit FlowDefinition(QJsonObject definition) : m_definition(std::move(definition)) {}

    // An error message naming the field, or empty when the definition is usable.
    QString validate() const;
    QJsonObject summary() const;
    QStringList triggerNames() const;
    QJsonObject trigger(const QString &name) const;
    QString callableTrigger() const; // the first trigger of type Request
    QStringList actionsInOrder() const;
    QJsonObject action(const QString &name) const;

    static QJsonObject defaultDefinition();

private:
    QJsonObject m_definition;
};

} // namespace fc::emu
