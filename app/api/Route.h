#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace fc {

// The two shapes of the Management API FlowConsole speaks: the OpenAPI document the user gave
// us ("spec") and what api.flow.microsoft.com answers today ("live"). See docs/WIRE.md.
enum class Dialect { Spec, Live };

QString dialectName(Dialect dialect);
std::optional<Dialect> dialectFromName(const QString &name);

// The service a route is sent to; each has its own base URL in the profile.
enum class Host { Flow, PowerApps, Graph };

// Whose flows a call reaches: the signed-in user's own (and shared) flows, or, for a Power
// Platform administrator, any flow of the environment through scopes/admin/environments/...
// Only the live dialect has an admin scope.
enum class Scope { User, Admin };

// Every call the client can make. The first block are the spec's 18 operations; the rest exist
// only in the live dialect (or are the directory look-ups of the people picker).
enum class Operation {
    ListEnvironments,
    ListFlows,
    CreateFlow,
    GetFlow,
    UpdateFlow,
    DeleteFlow,
    TurnOnFlow,
    TurnOffFlow,
    ListFlowRuns,
    GetFlowRun,
    CancelFlowRun,
    ResubmitFlowRun,
    ListFlowOwners,
    ModifyFlowOwners,
    ListCallbackUrl,
    ListConnectors,
    GetConnector,
    ListConnections,
    // live extras
    GetEnvironment,
    ListTriggers,
    ListRunActions,
    ListFlowsAsAdmin,
    SearchUsers,
    SearchGroups,
    GetUser,
    RestoreFlow, // admin scope only: a soft-deleted flow back from the recycle bin
    LookupUsers, // Graph: users by object ID, up to 15 a call
    LookupGroups,
};

QString operationName(Operation op);

// One row of the route table: everything needed to turn an operation and its parameters into a
// request. Path templates name their parameters in braces: {env}, {flow}, {run}, {trigger}, {api}.
struct Route
{
    Operation operation = Operation::ListEnvironments;
    QByteArray method;
    Host host = Host::Flow;
    QString pathTemplate;
    QString apiVersion; // empty: the call carries no api-version
    // Extra query items the dialect always adds, e.g. $filter=environment eq '{env}'.
    QString fixedQuery;
    bool idempotent = true;
};

class RouteTable
{
public:
    // The route of an operation in a dialect and scope; nullopt when there is no such call. In the
    // admin scope, calls on flows take their scopes/admin path; calls that are not about flows
    // (environments, connectors, the directory) are the same in both scopes.
    static std::optional<Route> route(Operation op, Dialect dialect, Scope scope = Scope::User);

    // Substitutes {name} placeholders with the percent-encoded values. Every segment is encoded
    // from its value, so a name holding '/', '?', '%' or non-ASCII characters can never change
    // the shape of the path. Returns nullopt when a placeholder has no value.
    static std::optional<QString> expandPath(const QString &pathTemplate,
                                             const QHash<QString, QString> &params);

    // The query of a route: api-version plus the fixed items, with placeholders filled in.
    static QUrlQuery baseQuery(const Route &route, const QHash<QString, QString> &params);
};

} // namespace fc
