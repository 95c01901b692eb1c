#include "FlowDraft.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace fc {

FlowDraft draftFromFlow(const Flow &flow)
{
    FlowDraft d;
    d.displayName = flow.displayName;
    d.state = flow.state;
    const QJsonObject props = flow.raw.value("properties"_L1).toObject();
    d.definition = flow.definition.isEmpty() ? props.value("definition"_L1).toObject() : flow.definition;
    d.connectionReferences = props.value("connectionReferences"_L1).toObject();
    return d;
}

QJsonObject changedProperties(const FlowDraft &before, const FlowDraft &after)
{
    QJsonObject changed;
    if (before.displayName != after.displayName)
        changed.insert("displayName"_L1, after.displayName);
    if (before.state != after.state)
        changed.insert("state"_L1, flowStateName(after.state));
    if (before.definition != after.definition)
        changed.insert("definition"_L1, after.definition);
    if (before.connectionReferences != after.connectionReferences)
        changed.insert("connectionReferences"_L1, after.connectionReferences);
    return changed;
}

QJsonObject creationProperties(const FlowDraft &draft)
{
    QJsonObject props;
    props.insert("displayName"_L1, draft.displayName);
    props.insert("state"_L1, flowStateName(draft.state));
    props.insert("definition"_L1, draft.definition);
    props.insert("connectionReferences"_L1, draft.connectionReferences);
    return props;
}

QString draftToDisplayJson(const FlowDraft &draft)
{
    return QString::fromUtf8(QJsonDocument(creationProperties(draft)).toJson(QJsonDocument::Indented));
}

QJsonObject exportFlow(const Flow &flow)
{
    QJsonObject out;
    out.insert("name"_L1, flow.name);
    out.insert("properties"_L1, creationProperties(draftFromFlow(flow)));
    return out;
}

std::optional<FlowDraft> draftFromImport(const QJsonObject &object)
{
    const QJsonObject props = object.value("properties"_L1).toObject();
    if (props.value("definition"_L1).isObject()) {
        FlowDraft d;
        d.displayName = props.value("displayName"_L1).toString();
        // An import starts off: it runs only once someone has looked at it.
        d.state = FlowState::Stopped;
        d.definition = props.value("definition"_L1).toObject();
        d.connectionReferences = props.value("connectionReferences"_L1).toObject();
        return d;
    }
    if (object.value("triggers"_L1).isObject() || object.value("actions"_L1).isObject()) {
        FlowDraft d;
        d.state = FlowState::Stopped;
        d.definition = object;
        return d;
    }
    return std::nullopt;
}

} // namespace fc
