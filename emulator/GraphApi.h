#pragma once

#include "Router.h"

#include <optional>

namespace fc::emu {

class Directory;

// One clause of a Graph $filter: startswith(p,'v'), p eq 'v' (p eq true|false for booleans)
// or p in ('a','b',…).
struct GraphClause
{
    enum class Op { StartsWith, Equals, In };
    Op op = Op::Equals;
    QString property;   // as written in the filter; matched case-insensitively
    QStringList values; // one, or the list of an 'in'; "true"/"false" for a boolean
};

// Parses clauses joined with 'or' over the given properties (booleans: only with eq and an
// unquoted true or false). At most 15 values in an 'in' and 32 clauses. Nothing, and `problem`
// set (for a 400 Request_UnsupportedQuery), when the text is anything else.
std::optional<QList<GraphClause>> parseGraphFilter(const QString &filter, const QStringList &properties,
                                                   const QStringList &booleanProperties, QString *problem);

// The slice of Microsoft Graph clients use: users and groups with $filter (startswith, eq, in,
// joined with or; the people picker's startswith(displayName,'…'), the m365 CLI's
// userPrincipalName eq '…', displayName eq '…', id in (…)), $select and $top; one user or
// group by ID (a user also by UPN). Deleted users are not there; disabled ones are, with
// accountEnabled false.
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
