#include "Route.h"

#include <QUrl>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

constexpr auto kProcessSimple = "/providers/Microsoft.ProcessSimple"_L1;
const QString kApiVersion = u"2016-11-01"_s;

struct Row
{
    Operation op;
    const char *method;
    Host host;
    const char *specPath; // nullptr: the spec dialect has no such call
    const char *livePath; // nullptr: the live dialect has no such call
    const char *liveQuery = nullptr;
    bool idempotent = true;
    bool versioned = true;
    const char *adminPath = nullptr; // live dialect, admin scope; nullptr: same as livePath
};

constexpr auto kAdminFlow = "scopes/admin/environments/{env}/flows/{flow}";

// Paths below are relative to /providers/Microsoft.ProcessSimple unless they start with '/'.
// POSTs that only change state to a target value (start, stop, cancel, modify owners) are
// idempotent: sending one twice ends in the same state. Create and resubmit are not.
const std::array kRows = {
    Row{Operation::ListEnvironments, "GET", Host::Flow, "environments", "environments"},
    Row{Operation::ListFlows, "GET", Host::Flow, "environments/{env}/flows", "environments/{env}/flows"},
    Row{Operation::CreateFlow, "POST", Host::Flow, "environments/{env}/flows", "environments/{env}/flows",
        nullptr, false},
    Row{Operation::GetFlow, "GET", Host::Flow, "environments/{env}/flows/{flow}",
        "environments/{env}/flows/{flow}"},
    Row{Operation::UpdateFlow, "PATCH", Host::Flow, "environments/{env}/flows/{flow}",
        "environments/{env}/flows/{flow}"},
    Row{Operation::DeleteFlow, "DELETE", Host::Flow, "environments/{env}/flows/{flow}",
        "environments/{env}/flows/{flow}"},
    Row{Operation::TurnOnFlow, "POST", Host::Flow, "environments/{env}/flows/{flow}/start",
        "environments/{env}/flows/{flow}/start"},
    Row{Operation::TurnOffFlow, "POST", Host::Flow, "environments/{env}/flows/{flow}/stop",
        "environments/{env}/flows/{flow}/stop"},
    Row{Operation::ListFlowRuns, "GET", Host::Flow, "environments/{env}/flows/{flow}/runs",
        "environments/{env}/flows/{flow}/runs"},
    Row{Operation::GetFlowRun, "GET", Host::Flow, "environments/{env}/flows/{flow}/runs/{run}",
        "environments/{env}/flows/{flow}/runs/{run}"},
    Row{Operation::CancelFlowRun, "POST", Host::Flow, "environments/{env}/flows/{flow}/runs/{run}/cancel",
        "environments/{env}/flows/{flow}/runs/{run}/cancel"},
    Row{Operation::ResubmitFlowRun, "POST", Host::Flow, "environments/{env}/flows/{flow}/runs/{run}/resubmit",
        "environments/{env}/flows/{flow}/triggers/{trigger}/histories/{run}/resubmit", nullptr, false},
    Row{Operation::ListFlowOwners, "GET", Host::Flow, "environments/{env}/flows/{flow}/owners",
        "environments/{env}/flows/{flow}/permissions"},
    Row{Operation::ModifyFlowOwners, "POST", Host::Flow, "environments/{env}/flows/{flow}/owners",
        "environments/{env}/flows/{flow}/modifyPermissions"},
    Row{Operation::ListCallbackUrl, "POST", Host::Flow, "environments/{env}/flows/{flow}/listCallbackUrl",
        "environments/{env}/flows/{flow}/triggers/manual/listCallbackUrl"},
    Row{Operation::ListConnectors, "GET", Host::Flow, "environments/{env}/apis",
        "/providers/Microsoft.PowerApps/apis", "environment eq '{env}'"},
    Row{Operation::GetConnector, "GET", Host::Flow, "environments/{env}/apis/{api}",
        "/providers/Microsoft.PowerApps/apis/{api}", "environment eq '{env}'"},
    Row{Operation::ListConnections, "GET", Host::Flow, "environments/{env}/connections",
        "/providers/Microsoft.PowerApps/connections", "environment eq '{env}'"},
    Row{Operation::GetEnvironment, "GET", Host::Flow, nullptr, "environments/{env}"},
    Row{Operation::ListTriggers, "GET", Host::Flow, nullptr, "environments/{env}/flows/{flow}/triggers"},
    Row{Operation::ListRunActions, "GET", Host::Flow, nullptr,
        "environments/{env}/flows/{flow}/runs/{run}/actions"},
    Row{Operation::ListFlowsAsAdmin, "GET", Host::Flow, nullptr, "scopes/admin/environments/{env}/v2/flows"},
    Row{Operation::SearchUsers, "GET", Host::Graph, "/v1.0/users", "/v1.0/users", nullptr, true, false},
    Row{Operation::SearchGroups, "GET", Host::Graph, "/v1.0/groups", "/v1.0/groups", nullptr, true, false},
    Row{Operation::GetUser, "GET", Host::Graph, "/v1.0/users/{id}", "/v1.0/users/{id}", nullptr, true, false},
    // Admin scope only (kAdminRows); restoring a restored flow answers 409, the same end state.
    Row{Operation::RestoreFlow, "POST", Host::Flow, nullptr, nullptr},
    Row{Operation::LookupUsers, "GET", Host::Graph, "/v1.0/users", "/v1.0/users", nullptr, true, false},
    Row{Operation::LookupGroups, "GET", Host::Graph, "/v1.0/groups", "/v1.0/groups", nullptr, true, false},
};

// The admin scope's paths (the m365 CLI's --asAdmin calls; docs/WIRE.md), beside kRows so that
// the user scope's table stays readable. Operations on flows that are missing here have no admin
// form (create, callback URLs) and keep their user path.
struct AdminRow
{
    Operation op;
    const char *path;
};
const std::array kAdminRows = {
    AdminRow{Operation::ListFlows, "scopes/admin/environments/{env}/v2/flows"},
    AdminRow{Operation::ListFlowsAsAdmin, "scopes/admin/environments/{env}/v2/flows"},
    AdminRow{Operation::GetFlow, kAdminFlow},
    AdminRow{Operation::UpdateFlow, kAdminFlow},
    AdminRow{Operation::DeleteFlow, kAdminFlow},
    AdminRow{Operation::TurnOnFlow, "scopes/admin/environments/{env}/flows/{flow}/start"},
    AdminRow{Operation::TurnOffFlow, "scopes/admin/environments/{env}/flows/{flow}/stop"},
    AdminRow{Operation::ListTriggers, "scopes/admin/environments/{env}/flows/{flow}/triggers"},
    AdminRow{Operation::ListFlowRuns, "scopes/admin/environments/{env}/flows/{flow}/runs"},
    AdminRow{Operation::GetFlowRun, "scopes/admin/environments/{env}/flows/{flow}/runs/{run}"},
    AdminRow{Operation::ListRunActions, "scopes/admin/environments/{env}/flows/{flow}/runs/{run}/actions"},
    AdminRow{Operation::CancelFlowRun, "scopes/admin/environments/{env}/flows/{flow}/runs/{run}/cancel"},
    AdminRow{Operation::ResubmitFlowRun,
             "scopes/admin/environments/{env}/flows/{flow}/triggers/{trigger}/histories/{run}/resubmit"},
    AdminRow{Operation::ListFlowOwners, "scopes/admin/environments/{env}/flows/{flow}/permissions"},
    AdminRow{Operation::ModifyFlowOwners, "scopes/admin/environments/{env}/flows/{flow}/modifyPermissions"},
    AdminRow{Operation::RestoreFlow, "scopes/admin/environments/{env}/flows/{flow}/restore"},
};

const Row *findRow(Operation op)
{
    for (const Row &row : kRows) {
        if (row.op == op)
            return &row;
    }
    return nullptr;
}

const char *adminPathOf(Operation op)
{
    for (const AdminRow &row : kAdminRows) {
        if (row.op == op)
            return row.path;
    }
    return nullptr;
}

QString fillPlaceholders(QString text, const QHash<QString, QString> &params)
{
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        text.replace(u'{' + it.key() + u'}', it.value());
    return text;
}

} // namespace

QString dialectName(Dialect dialect)
{
    return dialect == Dialect::Spec ? u"spec"_s : u"live"_s;
}

std::optional<Dialect> dialectFromName(const QString &name)
{
    if (name.compare("spec"_L1, Qt::CaseInsensitive) == 0)
        return Dialect::Spec;
    if (name.compare("live"_L1, Qt::CaseInsensitive) == 0)
        return Dialect::Live;
    return std::nullopt;
}

QString operationName(Operation op)
{
    static const char *const names[] = {
        "listEnvironments", "listFlows",        "createFlow",      "getFlow",          "updateFlow",
        "deleteFlow",       "turnOnFlow",       "turnOffFlow",     "listFlowRuns",     "getFlowRun",
        "cancelFlowRun",    "resubmitFlowRun",  "listFlowOwners",  "modifyFlowOwners", "listCallbackUrl",
        "listConnectors",   "getConnector",     "listConnections", "getEnvironment",   "listTriggers",
        "listRunActions",   "listFlowsAsAdmin", "searchUsers",     "searchGroups",     "getUser",
        "restoreFlow",      "lookupUsers",      "lookupGroups",
    };
    return QString::fromLatin1(names[static_cast<int>(op)]);
}

std::optional<Route> RouteTable::route(Operation op, Dialect dialect, Scope scope)
{
    const Row *row = findRow(op);
    if (!row)
        return std::nullopt;
    const char *path = dialect == Dialect::Spec ? row->specPath : row->livePath;
    if (scope == Scope::Admin) {
        // The spec knows no admin scope: nothing is sent rather than a user call in its place.
        const char *admin = adminPathOf(op);
        if (admin && dialect == Dialect::Spec)
            return std::nullopt;
        if (admin)
            path = admin;
    }
    if (!path)
        return std::nullopt;

    Route route;
    route.operation = op;
    route.method = row->method;
    route.host = row->host;
    route.idempotent = row->idempotent;
    const QString relative = QString::fromLatin1(path);
    route.pathTemplate = relative.startsWith(u'/') ? relative : kProcessSimple + u'/' + relative;
    if (row->versioned)
        route.apiVersion = kApiVersion;
    if (dialect == Dialect::Live && row->liveQuery)
        route.fixedQuery = QString::fromLatin1(row->liveQuery);
    // In the live service, connectors and connections are served by the PowerApps host.
    if (route.pathTemplate.startsWith("/providers/Microsoft.PowerApps/"_L1))
        route.host = Host::PowerApps;
    return route;
}

std::optional<QString> RouteTable::expandPath(const QString &pathTemplate,
                                              const QHash<QString, QString> &params)
{
    QString out;
    out.reserve(pathTemplate.size() + 64);
    qsizetype pos = 0;
    while (pos < pathTemplate.size()) {
        const qsizetype open = pathTemplate.indexOf(u'{', pos);
        if (open < 0) {
            out += QStringView(pathTemplate).mid(pos);
            break;
        }
        const qsizetype close = pathTemplate.indexOf(u'}', open);
        if (close < 0)
            return std::nullopt;
        out += QStringView(pathTemplate).mid(pos, open - pos);
        const QString key = pathTemplate.mid(open + 1, close - open - 1);
        const auto it = params.constFind(key);
        if (it == params.cend() || it->isEmpty())
            return std::nullopt;
        out += QString::fromLatin1(QUrl::toPercentEncoding(*it));
        pos = close + 1;
    }
    return out;
}

QUrlQuery RouteTable::baseQuery(const Route &route, const QHash<QString, QString> &params)
{
    QUrlQuery query;
    if (!route.apiVersion.isEmpty())
        query.addQueryItem(u"api-version"_s, route.apiVersion);
    if (!route.fixedQuery.isEmpty()) {
        // Values in an OData literal escape a quote by doubling it.
        QHash<QString, QString> quoted = params;
        for (auto &value : quoted)
            value.replace(u"'"_s, u"''"_s);
        query.addQueryItem(u"$filter"_s, QString::fromUtf8(QUrl::toPercentEncoding(
                                             fillPlaceholders(route.fixedQuery, quoted))));
    }
    return query;
}

} // namespace fc
