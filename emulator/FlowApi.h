#pragma once

#include "Router.h"

namespace fc::emu {

class ApiContext;

// Flows: list (own, personal/team, admin), create, get, update, delete, start, stop,
// triggers, callback URLs, and the signed trigger URL that starts a run.
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
    Response remove(Request &req);
    Response setState(Request &req, const QString &state);
    Response triggers(Request &req);
    Response callbackUrl(Request &req, const QString &trigger);
    Response invoke(Request &req);

    ApiContext &m_ctx;
};

} // namespace fc::emu
