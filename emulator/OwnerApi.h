#pragma once

#include "Router.h"

namespace fc::emu {

class ApiContext;
struct FlowRow;

// Flow owners: the spec's GET/POST …/owners and the live service's GET …/permissions and
// POST …/modifyPermissions, on one table of (flow, principal, role).
class OwnerApi
{
public:
    explicit OwnerApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response list(Request &req);
    Response modifySpec(Request &req);
    Response modifyLive(Request &req);

    struct Change
    {
        QString id;
        QString type;
    };
    Response apply(Request &req, const QList<Change> &add, const QList<Change> &remove);
    // The owners as list items; a 500 answer when they cannot be read.
    Response ownersList(const FlowRow &flow);

    ApiContext &m_ctx;
};

} // namespace fc::emu
