#pragma once

#include "Router.h"

#include <optional>

namespace fc::emu {

class ApiContext;

// What the PowerApps host's $filter asks for: environment eq '{env}', and for connectors
// optionally IsCustomApi eq 'True' (or 'False'), in either order.
struct CatalogFilter
{
    QString environment;
    std::optional<bool> customApis;
};
// The filter read from the $filter text; or nothing, and `problem` says why (for a 400).
std::optional<CatalogFilter> parseCatalogFilter(const QString &filter, QString *problem);

// Environments, connectors (shared, and each environment's custom ones) and connections: the
// spec's paths under Microsoft.ProcessSimple and the live ones under Microsoft.PowerApps with
// $filter=environment eq '{env}'.
class CatalogApi
{
public:
    explicit CatalogApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response environments(Request &req);
    Response environment(Request &req);
    // Shared connectors and the environment's custom ones; customApis: only those, or none of them.
    Response connectors(Request &req, const QString &env, std::optional<bool> customApis = {});
    Response connector(Request &req, const QString &env);
    Response connections(Request &req, const QString &env);
    std::optional<CatalogFilter> filter(const Request &req, Response *error);

    ApiContext &m_ctx;
};

} // namespace fc::emu
