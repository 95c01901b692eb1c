#pragma once

#include "Router.h"

#include <QJsonObject>

#include <optional>

namespace fc::emu {

class ApiContext;
struct FlowRow;

struct OwnerChange
{
    QString id;
    QString type; // User or Group; empty when the body does not say
    QString role; // put: CanView, CanViewWithShare or CanEdit; empty: CanEdit
};

struct OwnerChanges
{
    QList<OwnerChange> add;
    QList<OwnerChange> remove;
};

// The changes a POST …/owners body ({"add": [{id, type}], "remove": [{id}]}) or a POST
// …/modifyPermissions body ({"put": [{properties: {principal: {id, type}}}], "delete": [{id}]})
// asks for, at least one; or nothing, and `problem` says what is wrong (for a 400).
std::optional<OwnerChanges> readOwnerChanges(const QJsonObject &body, QString *problem);
std::optional<OwnerChanges> readPermissionChanges(const QJsonObject &body, QString *problem);

// Flow owners: the spec's GET/POST …/owners and the live service's GET …/permissions and
// POST …/modifyPermissions (also in scopes/admin), on one table of (flow, principal, role).
class OwnerApi
{
public:
    explicit OwnerApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response list(Request &req);
    Response modifySpec(Request &req);
    Response modifyLive(Request &req);

    using Change = OwnerChange;
    Response apply(Request &req, const QList<Change> &add, const QList<Change> &remove);
    // The owners as list items; a 500 answer when they cannot be read.
    Response ownersList(const FlowRow &flow);

    ApiContext &m_ctx;
};

} // namespace fc::emu
