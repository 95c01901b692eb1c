#include "FlowApi.h"

#include "ApiContext.h"
#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "RunLedger.h"
#include "Store.h"
#include "Util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
const QString kFlows = u"providers/Microsoft.ProcessSimple/environments/{env}/flows"_s;
// Every call on one flow also exists here, for administrators, on anyone's flow.
const QString kAdminFlows = u"providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows"_s;
const QStringList kVersions{u"2016-11-01"_s};

bool isState(const QString &s)
{
    return s == "Started"_L1 || s == "Stopped"_L1 || s == "Suspended"_L1;
}
} // namespace

std::optional<FlowProperties> readFlowProperties(const QJsonObject &body, bool create, QString *problem)
{
    const auto invalid = [problem](const QString &message) {
        *problem = message;
        return std::nullopt;
    };
    const QJsonValue props = body.value("properties"_L1);
    if (!props.isObject())
        return invalid(u"The required property 'properties' is missing or is not an object."_s);
    const QJsonObject p = props.toObject();
    FlowProperties out;
    if (create || p.contains("displayName"_L1)) {
        if (!p.value("displayName"_L1).isString() || p.value("displayName"_L1).toString().trimmed().isEmpty())
            return invalid(
                create
                    ? u"The required property 'properties.displayName' is missing or is not a non-empty string."_s
                    : u"The property 'properties.displayName' must be a non-empty string."_s);
        out.displayName = p.value("displayName"_L1).toString();
    }
    if (p.contains("state"_L1)) {
        if (!p.value("state"_L1).isString() || !isState(p.value("state"_L1).toString()))
            return invalid(u"The property 'properties.state' must be 'Started', 'Stopped' or 'Suspended'."_s);
        out.state = p.value("state"_L1).toString();
    }
    if (p.contains("definition"_L1)) {
        if (!p.value("definition"_L1).isObject())
            return invalid(u"The property 'properties.definition' must be an object."_s);
        const QJsonObject definition = p.value("definition"_L1).toObject();
        const QString definitionProblem = FlowDefinition(definition).validate();
        if (!definitionProblem.isEmpty())
            return invalid(definitionProblem);
        out.definition = definition;
    }
    if (p.contains("connectionReferences"_L1)) {
        if (!p.value("connectionReferences"_L1).isObject())
            return invalid(u"The property 'properties.connectionReferences' must be an object."_s);
        out.connectionReferences =
            QJsonDocument(p.value("connectionReferences"_L1).toObject()).toJson(QJsonDocument::Compact);
    }
    return out;
}

void FlowApi::registerRoutes(Router &router)
{
    const Area api = Area::Management;
    router.add(
        "GET", kFlows, api, [this](Request &r) { return list(r, false); }, kVersions);
    router.add(
        "POST", kFlows, api, [this](Request &r) { return create(r); }, kVersions);
    router.add(
        "GET", u"providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/v2/flows"_s, api,
        [this](Request &r) { return list(r, true); }, kVersions);
    router.add(
        "GET", kAdminFlows, api,
        [](Request &) {
            // The live wording (pnp/powershell#4182).
            return Response::error(403, u"Forbidden"_s,
                                   u"The List Flows as Admin API is no longer supported. Please use the List "
                                   u"Flows as Admin (V2) API."_s);
        },
        kVersions);
    for (const QString &flows : {kFlows, kAdminFlows}) {
        router.add(
            "GET", flows + u"/{flow}"_s, api, [this](Request &r) { return get(r); }, kVersions);
        router.add(
            "PATCH", flows + u"/{flow}"_s, api, [this](Request &r) { return update(r); }, kVersions);
        router.add(
            "DELETE", flows + u"/{flow}"_s, api, [this](Request &r) { return remove(r); }, kVersions);
        router.add(
            "POST", flows + u"/{flow}/start"_s, api, [this](Request &r) { return setState(r, u"Started"_s); },
            kVersions);
        router.add(
            "POST", flows + u"/{flow}/stop"_s, api, [this](Request &r) { return setState(r, u"Stopped"_s); },
            kVersions);
        router.add(
            "GET", flows + u"/{flow}/triggers"_s, api, [this](Request &r) { return triggers(r); }, kVersions);
    }
    router.add(
        "POST", kAdminFlows + u"/{flow}/restore"_s, api, [this](Request &r) { return restore(r); },
        kVersions);
    router.add(
        "POST", kFlows + u"/{flow}/exportToARMTemplate"_s, api,
        [this](Request &r) { return exportTemplate(r); }, kVersions);
    router.add(
        "POST", kFlows + u"/{flow}/listCallbackUrl"_s, api, [this](Request &r) { return callbackUrl(r, {}); },
        kVersions);
    router.add(
        "POST", kFlows + u"/{flow}/triggers/{trigger}/listCallbackUrl"_s, api,
        [this](Request &r) { return callbackUrl(r, r.param(u"trigger"_s)); }, kVersions);
    router.add("POST", u"workflows/{flow}/triggers/{trigger}/paths/invoke"_s, Area::Callback,
               [this](Request &r) { return invoke(r); }, {u"2016-06-01"_s, u"2016-10-01"_s});
}

Response FlowApi::list(Request &req, bool admin)
{
    Response error;
    const auto env = m_ctx.environment(req, &error); // in the admin scope, administrators only
    if (!env)
        return error;
    const auto top = m_ctx.top(req, 50, 250, &error);
    const auto after = top ? m_ctx.skipKey(req, &error) : std::nullopt;
    if (!top || !after)
        return error;
    QString scope;
    if (req.hasQuery(u"$filter"_s)) {
        const QString filter = req.queryValue(u"$filter"_s).simplified().toLower().remove(u' ');
        if (filter == "search('personal')"_L1)
            scope = u" AND f.creator=:user"_s;
        else if (filter == "search('team')"_L1)
            scope = u" AND f.creator<>:user"_s;
        else
            return m_ctx.invalid(QString(u"The $filter '"_s + req.queryValue(u"$filter"_s) +
                                         u"' is not supported; use search('personal') or search('team')."_s));
    }
    // The recycle bin: include=softDeletedFlows adds the flows deleted in the last 21 days, in
    // state Deleted (admin scope only, as the m365 CLI's recyclebinitem list reads it).
    bool withDeleted = false;
    if (admin) {
        for (const QString &part : req.queryValue(u"include"_s).split(u','))
            withDeleted =
                withDeleted || part.trimmed().compare("softDeletedFlows"_L1, Qt::CaseInsensitive) == 0;
    }
    if (withDeleted)
        m_ctx.purgeExpiredFlows();
    const QString alive = withDeleted ? u" AND (f.deleted_ms IS NULL OR f.deleted_ms>=:cutoff)"_s
                                      : u" AND f.deleted_ms IS NULL"_s;
    const QString owned = admin ? QString()
                                : u" AND EXISTS(SELECT 1 FROM flow_owners o JOIN memberships m ON"
                                  " m.principal_id=o.principal_id WHERE o.env=f.env AND o.flow=f.name AND"
                                  " m.user_id=:user)"_s;
    QSqlQuery &q =
        m_ctx.store.prepared(u"SELECT f.name, f.display_name, f.state, f.conn_refs, f.summary, f.created_ms, "
                             u"f.modified, f.creator,"
                             " f.template, f.callable, f.deleted_ms FROM flows f WHERE f.env=:env AND"
                             " f.name>:after"_s +
                             alive + owned + scope + u" ORDER BY f.name LIMIT :limit"_s);
    q.bindValue(u":env"_s, env->name);
    if (withDeleted)
        q.bindValue(u":cutoff"_s, nowMs() - ApiContext::kSoftDeleteKeepMs);
    q.bindValue(u":after"_s, *after);
    if (!owned.isEmpty() || !scope.isEmpty())
        q.bindValue(u":user"_s, req.caller.id);
    q.bindValue(u":limit"_s, *top + 1);
    if (!q.exec()) {
        const Response failed = ApiContext::readFailed(u"flows"_s, q);
        q.finish();
        return failed;
    }
    const QString workflowBase = m_ctx.workflowBase(req, env->location);
    QByteArray items;
    items.reserve(*top * 1200);
    JsonWriter w(items);
    int count = 0;
    QString last;
    bool more = false;
    while (q.next()) {
        if (count == *top) {
            more = true;
            break;
        }
        FlowRow f;
        f.env = env->name;
        f.name = q.value(0).toString();
        f.displayName = q.value(1).toString();
        f.state = q.value(2).toString();
        f.connectionReferences = q.value(3).toByteArray();
        f.summary = q.value(4).toByteArray();
        f.createdMs = q.value(5).toLongLong();
        f.modified = q.value(6).toString();
        f.creator = q.value(7).toString();
        f.templateName = q.value(8).toString();
        f.callableTrigger = q.value(9).toString();
        f.deletedMs = q.value(10).toLongLong();
        m_ctx.writeFlow(w, f, false, workflowBase, f.deletedMs > 0);
        last = f.name;
        ++count;
    }
    if (q.lastError().isValid()) {
        const Response failed = ApiContext::readFailed(u"flows"_s, q);
        q.finish();
        return failed;
    }
    q.finish();
    Response r = ApiContext::listResponse(items, more ? m_ctx.nextLink(req, last) : QString());
    // A recycle bin page changes when a deletion passes 21 days: not cached.
    r.cacheUntilMs = withDeleted ? 0 : std::numeric_limits<qint64>::max();
    return r;
}

Response FlowApi::create(Request &req)
{
    Response error;
    const auto env = m_ctx.environment(req, &error);
    if (!env)
        return error;
    const auto body = m_ctx.jsonBody(req, &error);
    if (!body)
        return error;
    QString problem;
    const auto p = readFlowProperties(*body, true, &problem);
    if (!p)
        return m_ctx.invalid(problem);
    const QString state = p->state.value_or(u"Started"_s);
    const QJsonObject definition = p->definition.value_or(FlowDefinition::defaultDefinition());

    FlowRow f;
    f.env = env->name;
    f.name = newGuid();
    f.displayName = p->displayName.value_or(QString());
    f.state = state;
    f.connectionReferences = p->connectionReferences.value_or(QByteArray("{}"));
    f.createdMs = nowMs();
    f.modified = m_ctx.newModifiedTime();
    f.creator = req.caller.id;
    f.failureRatio = 0.1;
    f.templateName = u""_s;
    m_ctx.saveFlow(f, definition, true);
    m_ctx.addOwner(f.env, f.name, req.caller.id, u"User"_s, u"Owner"_s);
    const auto saved = m_ctx.loadFlow(f.env, f.name);
    QByteArray out;
    JsonWriter w(out);
    m_ctx.writeFlow(w, *saved, true, m_ctx.workflowBase(req, env->location));
    return Response::rawJson(out, 201);
}

Response FlowApi::get(Request &req)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Read, &error);
    if (!flow)
        return error;
    QByteArray out;
    JsonWriter w(out);
    m_ctx.writeFlow(w, *flow, true, m_ctx.workflowBase(req, flow->location));
    return Response::rawJson(out);
}

Response FlowApi::update(Request &req)
{
    Response error;
    auto flow = m_ctx.requestedFlow(req, FlowAccess::Write, &error);
    if (!flow)
        return error;
    const auto body = m_ctx.jsonBody(req, &error);
    if (!body)
        return error;
    QString problem;
    const auto p = readFlowProperties(*body, false, &problem);
    if (!p)
        return m_ctx.invalid(problem);
    // PATCH merges: only the properties present change.
    if (p->displayName)
        flow->displayName = *p->displayName;
    if (p->state)
        flow->state = *p->state;
    const QJsonObject definition =
        p->definition ? *p->definition : QJsonDocument::fromJson(flow->definition).object();
    if (p->connectionReferences)
        flow->connectionReferences = *p->connectionReferences;
    flow->modified = m_ctx.newModifiedTime();
    m_ctx.saveFlow(*flow, definition, false);
    const auto saved = m_ctx.loadFlow(flow->env, flow->name);
    QByteArray out;
    JsonWriter w(out);
    m_ctx.writeFlow(w, *saved, true, m_ctx.workflowBase(req, flow->location));
    return Response::rawJson(out);
}

Response FlowApi::remove(Request &req)
{
    Response error;
    const auto env = m_ctx.environment(req, &error);
    if (!env)
        return error;
    // Live answers 204 for a flow that does not exist (or is deleted already) and 200 when it
    // deletes one; the m365 CLI's flow remove tells them apart that way (pnp/cli-microsoft365
    // #1063). The spec says 204 for a deletion and 404 for an unknown flow; we follow live.
    if (!m_ctx.loadFlow(env->name, req.param(u"flow"_s)))
        return Response::empty(204);
    const auto flow = m_ctx.flow(req, *env, FlowAccess::Write, &error);
    if (!flow)
        return error;
    m_ctx.purgeExpiredFlows();
    // A soft delete: the flow, its runs and owners stay for 21 days, and an administrator can
    // restore it (POST scopes/admin/…/restore) until then. Who and when are kept.
    const qint64 now = nowMs();
    m_ctx.store.run(u"UPDATE flows SET deleted_ms=?, deleted_by=?, modified=? WHERE env=? AND name=?"_s,
                    {now, req.caller.id, m_ctx.newModifiedTime(), flow->env, flow->name});
    return Response::empty(200);
}

Response FlowApi::restore(Request &req)
{
    Response error;
    const auto env = m_ctx.environment(req, &error); // administrators only
    if (!env)
        return error;
    m_ctx.purgeExpiredFlows();
    const QString name = req.param(u"flow"_s);
    const auto flow = m_ctx.loadFlow(env->name, name, true);
    if (!flow)
        return ApiContext::flowNotFound(name);
    if (flow->deletedMs == 0)
        return Response::error(
            409, u"FlowNotDeleted"_s,
            QString(u"The flow '"_s + name + u"' is not deleted; there is nothing to restore."_s));
    // A restored flow comes back turned off (the m365 CLI's docs of recyclebinitem restore).
    m_ctx.store.run(u"UPDATE flows SET deleted_ms=NULL, deleted_by=NULL, state='Stopped', modified=?"
                    " WHERE env=? AND name=?"_s,
                    {m_ctx.newModifiedTime(), env->name, name});
    return Response::empty(200);
}

Response FlowApi::exportTemplate(Request &req)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Read, &error);
    if (!flow)
        return error;
    // The portal's "Export > Logic Apps template (.json)": an ARM deployment template with the
    // flow as a Microsoft.Logic/workflows resource and one Microsoft.Web/connections resource
    // (and parameters) per connector it uses.
    const QJsonObject definition = QJsonDocument::fromJson(flow->definition).object();
    const QJsonObject references = QJsonDocument::fromJson(flow->connectionReferences).object();
    const auto stringParameter = [](const QString &value, const QString &description) {
        return QJsonObject{{u"type"_s, u"string"_s},
                           {u"defaultValue"_s, value},
                           {u"metadata"_s, QJsonObject{{u"description"_s, description}}}};
    };
    QJsonObject parameters{
        {u"logicAppName"_s, stringParameter(flow->displayName, u"Name of the Logic App."_s)},
        {u"logicAppLocation"_s,
         stringParameter(u"[resourceGroup().location]"_s, u"Location of the Logic App."_s)},
    };
    QJsonArray dependsOn;
    QJsonObject connections;
    QJsonArray connectionResources;
    int index = 0;
    for (auto it = references.begin(); it != references.end(); ++it) {
        const QJsonObject ref = it.value().toObject();
        const QString api = ref.value("id"_L1).toString().section(u'/', -1).mid(7); // without "shared_"
        const QString prefix = api + u'_' + QString::number(++index) + u"_Connection_"_s;
        parameters.insert(prefix + u"Name"_s,
                          stringParameter(api + u'-' + QString::number(index), u"Name of the connection."_s));
        parameters.insert(prefix + u"DisplayName"_s, stringParameter(ref.value("displayName"_L1).toString(),
                                                                     u"Display name of the connection."_s));
        const QString managedApi = u"[concat(subscription().id, '/providers/Microsoft.Web/locations/', "
                                   u"parameters('logicAppLocation'), '/managedApis/', '"_s +
                                   api + u"')]"_s;
        const QString connectionId =
            u"[resourceId('Microsoft.Web/connections', parameters('"_s + prefix + u"Name'))]"_s;
        const QString nameParameter = u"[parameters('"_s + prefix + u"Name')]"_s;
        const QString displayNameParameter = u"[parameters('"_s + prefix + u"DisplayName')]"_s;
        dependsOn.append(connectionId);
        connections.insert(it.key(), QJsonObject{{u"id"_s, managedApi},
                                                 {u"connectionId"_s, connectionId},
                                                 {u"connectionName"_s, nameParameter}});
        connectionResources.append(QJsonObject{
            {u"type"_s, u"MICROSOFT.WEB/CONNECTIONS"_s},
            {u"apiVersion"_s, u"2018-07-01-preview"_s},
            {u"name"_s, nameParameter},
            {u"location"_s, u"[parameters('logicAppLocation')]"_s},
            {u"properties"_s, QJsonObject{{u"api"_s, QJsonObject{{u"id"_s, managedApi}}},
                                          {u"displayName"_s, displayNameParameter}}},
        });
    }
    QJsonArray resources{QJsonObject{
        {u"type"_s, u"Microsoft.Logic/workflows"_s},
        {u"apiVersion"_s, u"2016-06-01"_s},
        {u"name"_s, u"[parameters('logicAppName')]"_s},
        {u"location"_s, u"[parameters('logicAppLocation')]"_s},
        {u"dependsOn"_s, dependsOn},
        {u"properties"_s,
         QJsonObject{
             {u"definition"_s, definition},
             {u"parameters"_s, QJsonObject{{u"$connections"_s, QJsonObject{{u"value"_s, connections}}}}},
             {u"state"_s, flow->state == "Started"_L1 ? u"Enabled"_s : u"Disabled"_s}}},
    }};
    for (const QJsonValue &c : connectionResources)
        resources.append(c);
    return Response::json(QJsonObject{
        {u"$schema"_s, u"https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"_s},
        {u"contentVersion"_s, u"1.0.0.0"_s},
        {u"parameters"_s, parameters},
        {u"variables"_s, QJsonObject{}},
        {u"resources"_s, resources},
        {u"outputs"_s, QJsonObject{}},
    });
}

Response FlowApi::setState(Request &req, const QString &state)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Write, &error);
    if (!flow)
        return error;
    if (flow->state != state)
        m_ctx.store.run(u"UPDATE flows SET state=?, modified=? WHERE env=? AND name=?"_s,
                        {state, m_ctx.newModifiedTime(), flow->env, flow->name});
    return Response::empty(200);
}

Response FlowApi::triggers(Request &req)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Read, &error);
    if (!flow)
        return error;
    const FlowDefinition def(QJsonDocument::fromJson(flow->definition).object());
    QByteArray items;
    JsonWriter w(items);
    const QString base = m_ctx.flowId(flow->env, flow->name);
    for (const QString &name : def.triggerNames()) {
        const QJsonObject t = def.trigger(name);
        w.beginObject()
            .field("name", name)
            .field("id", QString(base + u"/triggers/"_s + name))
            .field("type", "Microsoft.ProcessSimple/environments/flows/triggers")
            .key("properties")
            .beginObject()
            .field("type", t.value("type"_L1).toString())
            .field("kind", t.value("kind"_L1).toString())
            .field("state", flow->state == "Started"_L1 ? "Enabled" : "Disabled")
            .endObject()
            .endObject();
    }
    return ApiContext::listResponse(items, {});
}

Response FlowApi::callbackUrl(Request &req, const QString &trigger)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Read, &error);
    if (!flow)
        return error;
    const FlowDefinition def(QJsonDocument::fromJson(flow->definition).object());
    const QString name = trigger.isEmpty() ? flow->callableTrigger : trigger;
    if (name.isEmpty() || !def.triggerNames().contains(name))
        return Response::error(
            404, u"TriggerNotFound"_s,
            QString(u"The flow has no trigger '"_s + (name.isEmpty() ? u"manual"_s : name) + u"'."_s));
    if (def.trigger(name).value("type"_L1).toString() != "Request"_L1)
        return Response::error(
            400, u"TriggerNotCallable"_s,
            QString(u"The trigger '"_s + name + u"' is not a Request trigger and has no callback URL."_s));
    const QString url =
        m_ctx.triggerUri(m_ctx.workflowBase(req, flow->location), flow->env, flow->name, name);
    return Response::json(
        QJsonObject{{u"value"_s, url},
                    {u"method"_s, u"POST"_s},
                    {u"basePath"_s, url.section(u'?', 0, 0)},
                    {u"response"_s, QJsonObject{{u"value"_s, url}, {u"method"_s, u"POST"_s}}}});
}

Response FlowApi::invoke(Request &req)
{
    const QString env = req.queryValue(u"env"_s);
    const QString flowName = req.param(u"flow"_s);
    const QString trigger = req.param(u"trigger"_s);
    const QByteArray sig = req.queryValue(u"sig"_s).toLatin1();
    if (sig.isEmpty() || sig != m_ctx.signature(env, flowName, trigger))
        return Response::error(401, u"DirectApiAuthorizationRequired"_s,
                               u"The request must be authenticated with a valid signature (sig)."_s);
    const auto flow = m_ctx.loadFlow(env, flowName);
    if (!flow)
        return Response::error(404, u"WorkflowNotFound"_s,
                               QString(u"The workflow '"_s + flowName + u"' could not be found."_s));
    if (flow->state != "Started"_L1)
        return Response::error(409, u"WorkflowNotEnabled"_s,
                               QString(u"The workflow '"_s + flowName + u"' is in state '"_s + flow->state +
                                       u"' and cannot be triggered; turn it on first."_s));
    const QString run =
        m_ctx.runs.start(flow->env, flow->name, trigger, m_ctx.options.runDurationMs, flow->failureRatio);
    return Response::empty(202)
        .withHeader("x-ms-workflow-run-id", run.toLatin1())
        .withHeader("x-ms-workflow-name", flowName.toUtf8());
}

} // namespace fc::emu
