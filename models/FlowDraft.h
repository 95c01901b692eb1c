#pragma once

#include "api/Types.h"

#include <QJsonObject>

#include <optional>

namespace fc {

// What the flow editor edits: the properties a user can change. Pure values, so that the
// request a save sends can be computed (and tested) without a network.
struct FlowDraft
{
    QString displayName;
    FlowState state = FlowState::Stopped;
    QJsonObject definition;
    QJsonObject connectionReferences; // as the service spells them: key -> {connectionName, id, ...}

    bool operator==(const FlowDraft &other) const = default;
};

FlowDraft draftFromFlow(const Flow &flow);

// The "properties" of a PATCH: only what differs between the draft as opened and as edited.
// Empty when nothing changed.
QJsonObject changedProperties(const FlowDraft &before, const FlowDraft &after);

// The "properties" of a POST that creates the flow.
QJsonObject creationProperties(const FlowDraft &draft);

// The properties of a flow the way the editor's conflict view shows them: pretty JSON of
// displayName, state, definition and connectionReferences.
QString draftToDisplayJson(const FlowDraft &draft);

// An export file: {"name": ..., "properties": {displayName, state, definition, connectionReferences}}.
QJsonObject exportFlow(const Flow &flow);
// Reads an export file, or a bare definition (an object with triggers or actions); nullopt when
// the object is neither.
std::optional<FlowDraft> draftFromImport(const QJsonObject &object);

} // namespace fc
