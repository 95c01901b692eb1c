#pragma once

#include "Router.h"

namespace fc::emu {

class Directory;

// The slice of Microsoft Graph the people picker uses: users and groups with
// $filter=startswith(displayName,'…') (also mail and userPrincipalName, joined with or), $top.
class GraphApi
{
public:
    GraphApi(const Directory &directory, QUrl baseUrl) : m_directory(directory), m_baseUrl(std::move(baseUrl))
    {}
    void registerRoutes(Router &router);

private:
    Response users(Request &req);
    Response groups(Request &req);
    Response user(Request &req, const QString &idOrUpn);
    Response group(Request &req);

    const Directory &m_directory;
    QUrl m_baseUrl;
};

} // namespace fc::emu
