#pragma once

#include "ApiContext.h"
#include "Router.h"

namespace fc::emu {

class ApiContext;
class JsonWriter;
struct RunRow;
struct FlowRow;

// Run history: list with keyset paging and $filter, details with actions, cancel, resubmit
// (spec and live paths).
class RunApi
{
public:
    explicit RunApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response list(Request &req);
    Response get(Request &req);
    Response actions(Request &req);
    Response cancel(Request &req);
    Response resubmit(Request &req, const QString &trigger);

    std::optional<RunRow> loadRun(const QString &env, const QString &flow, const QString &run);
    // The environment, flow and run a request names, checked for access; or the error to answer.
    struct Target;
    std::optional<Target> resolve(Request &req, FlowAccess access, Response *error);
    Response runNotFound(const QString &run) const;
    void writeActions(JsonWriter &w, const FlowRow &flow, const RunRow &run, const QString &runId,
                      bool asMap);

    ApiContext &m_ctx;
};

} // namespace fc::emu
