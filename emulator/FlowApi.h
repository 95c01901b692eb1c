#pragma once

#include "Router.h"

#include <QJsonObject>

#include <optional>

namespace fc::emu {

class ApiContext;

// What the 'properties' of a flow body ask for; what the body leaves out is nothing.
struct FlowProperties
{
    std::optional<QString> displayName; // non-empty
    std::optional<QString> state;       // Started, Stopped or Suspended
    std::optional<QJsonObject> definition;
    std::optional<QByteArray> connectionReferences; // an object, as compact JSON
};

// The properties of a POST (create: displayName is required) or PATCH body of a flow, checked;
// or nothing, and `problem` says what is wrong (for a 400 InvalidRequestContent).
std::optional<FlowProperties> readFlowProperties(const QJsonObject &body, bool create, QString *problem);

// Flows: list (own, personal/team, admin with the recycle bin), create, get, update, delete
// (soft), restore, start, stop, export as an ARM template, triggers, callback URLs, and the
// signed trigger URL that starts a run. Calls on one flow exist in the user scope and in
// scopes/admin.
class FlowApi
{
public:
    explicit FlowApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response list(Request &req, bool admin);
    Response create(Request &req);
    Response get(Request &req);
    Response update(Request &req);
    Response remove(Request &req);  // a soft delete
    Response restore(Request &req); // admin scope: back from the recycle bin
    Response exportTemplate(Request &req);
    Response setState(Request &req, const QString &state);
    Response triggers(Request &req);
    Response callbackUrl(Request &req, const QString &trigger);
    Response invoke(Request &req);

    ApiContext &m_ctx;
};

} // namespace fc::emu
