#pragma once

#include "Router.h"

namespace fc::emu {

class ApiContext;

// Environments, connectors and connections: the spec's paths under Microsoft.ProcessSimple
// and the live ones under Microsoft.PowerApps with $filter=environment eq '{env}'.
class CatalogApi
{
public:
    explicit CatalogApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response environments(Request &req);
    Response environment(Request &req);
    Response connectors(Request &req, const QString &env);
    Response connector(Request &req, const QString &env);
    Response connections(Request &req, const QString &env);
    std::optional<QString> environmentFilter(const Request &req, Response *error);

    ApiContext &m_ctx;
};

} // namespace fc::emu
