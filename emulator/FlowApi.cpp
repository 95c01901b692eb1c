#include "FlowApi.h"

#include "ApiContext.h"
#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "RunLedger.h"
#include "Store.h"
#include "Util.h"

#include <QJsonDocument>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
const QString kFlows = u"providers/Microsoft.ProcessSimple/environments/{env}/flows"_s;
const QStringList kVersions{u"2016-11-01"_s};

bool isState(const QString &s)
{
    return s == "Started"_L1 || s == "Stopped"_L1 || s == "Suspended"_L1;
}
} // namespace

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
        "GET", u"providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows"_s, api,
        [](Request &) {
            return Response::error(
                403, u"Forbidden"_s,
                u"This API is no longer available; use /scopes/admin/environments/{env}/v2/flows."_s);
        },
        kVersions);
    router.add(
        "GET", kFlows + u"/{flow}"_s, api, [this](Request &r) { return get(r); }, kVersions);
    router.add(
        "PATCH", kFlows + u"/{flow}"_s, api, [this](Request &r) { return update(r); }, kVersions);
    router.add(
        "DELETE", kFlows + u"/{flow}"_s, api, [this](Request &r) { return remove(r); }, kVersions);
    router.add(
        "POST", kFlows + u"/{flow}/start"_s, api, [this](Request &r) { return setState(r, u"Started"_s); },
        kVersions);
    router.add(
        "POST", kFlows + u"/{flow}/stop"_s, api, [this](Request &r) { return setState(r, u"Stopped"_s); },
        kVersions);
    router.add(
        "GET", kFlows + u"/{flow}/triggers"_s, api, [this](Request &r) { return triggers(r); }, kVersions);
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
    const auto env = m_ctx.environment(req, &error);
    if (!env)
        return error;
    if (admin && !req.caller.isAdmin)
        return Response::error(403, u"Forbidden"_s,
                               QString(u"The user '"_s + req.caller.upn +
                                       u"' is not an administrator of environment '"_s + env->name +
                                       u"'."_s));
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
    const QString owned = admin ? QString()
                                : u" AND EXISTS(SELECT 1 FROM flow_owners o JOIN memberships m ON"
                                  " m.principal_id=o.principal_id WHERE o.env=f.env AND o.flow=f.name AND"
                                  " m.user_id=:user)"_s;
    QSqlQuery &q =
        m_ctx.store.prepared(u"SELECT f.name, f.display_name, f.state, f.conn_refs, f.summary, f.created_ms, "
                             u"f.modified, f.creator,"
                             " f.template, f.callable FROM flows f WHERE f.env=:env AND f.name>:after"_s +
                             owned + scope + u" ORDER BY f.name LIMIT :limit"_s);
    q.bindValue(u":env"_s, env->name);
    q.bindValue(u":after"_s, *after);
    if (!owned.isEmpty() || !scope.isEmpty())
        q.bindValue(u":user"_s, req.caller.id);
    q.bindValue(u":limit"_s, *top + 1);
    if (!q.exec()) {
        const Response failed = ApiContext::readFailed(u"flows"_s, q);
        q.finish();
        return failed;
    }
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
        m_ctx.writeFlow(w, f, false);
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
    r.cacheUntilMs = std::numeric_limits<qint64>::max();
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
    const QJsonValue props = body->value("properties"_L1);
    if (!props.isObject())
        return m_ctx.invalid(u"The required property 'properties' is missing or is not an object."_s);
    const QJsonObject p = props.toObject();
    if (!p.value("displayName"_L1).isString() || p.value("displayName"_L1).toString().trimmed().isEmpty())
        return m_ctx.invalid(
            u"The required property 'properties.displayName' is missing or is not a non-empty string."_s);
    const QString state = p.value("state"_L1).toString(u"Started"_s);
    if (p.contains("state"_L1) && (!p.value("state"_L1).isString() || !isState(state)))
        return m_ctx.invalid(
            u"The property 'properties.state' must be 'Started', 'Stopped' or 'Suspended'."_s);
    QJsonObject definition = FlowDefinition::defaultDefinition();
    if (p.contains("definition"_L1)) {
        if (!p.value("definition"_L1).isObject())
            return m_ctx.invalid(u"The property 'properties.definition' must be an object."_s);
        definition = p.value("definition"_L1).toObject();
        const QString problem = FlowDefinition(definition).validate();
        if (!problem.isEmpty())
            return m_ctx.invalid(problem);
    }
    if (p.contains("connectionReferences"_L1) && !p.value("connectionReferences"_L1).isObject())
        return m_ctx.invalid(u"The property 'properties.connectionReferences' must be an object."_s);

    FlowRow f;
    f.env = env->name;
    f.name = newGuid();
    f.displayName = p.value("displayName"_L1).toString();
    f.state = state;
    f.connectionReferences =
        QJsonDocument(p.value("connectionReferences"_L1).toObject()).toJson(QJsonDocument::Compact);
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
    m_ctx.writeFlow(w, *saved, true);
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
    m_ctx.writeFlow(w, *flow, true);
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
    const QJsonValue props = body->value("properties"_L1);
    if (!props.isObject())
        return m_ctx.invalid(u"The required property 'properties' is missing or is not an object."_s);
    const QJsonObject p = props.toObject();
    // PATCH merges: only the properties present change.
    if (p.contains("displayName"_L1)) {
        if (!p.value("displayName"_L1).isString() || p.value("displayName"_L1).toString().trimmed().isEmpty())
            return m_ctx.invalid(u"The property 'properties.displayName' must be a non-empty string."_s);
        flow->displayName = p.value("displayName"_L1).toString();
    }
    if (p.contains("state"_L1)) {
        if (!p.value("state"_L1).isString() || !isState(p.value("state"_L1).toString()))
            return m_ctx.invalid(
                u"The property 'properties.state' must be 'Started', 'Stopped' or 'Suspended'."_s);
        flow->state = p.value("state"_L1).toString();
    }
    QJsonObject definition = QJsonDocument::fromJson(flow->definition).object();
    if (p.contains("definition"_L1)) {
        if (!p.value("definition"_L1).isObject())
            return m_ctx.invalid(u"The property 'properties.definition' must be an object."_s);
        definition = p.value("definition"_L1).toObject();
        const QString problem = FlowDefinition(definition).validate();
        if (!problem.isEmpty())
            return m_ctx.invalid(problem);
    }
    if (p.contains("connectionReferences"_L1)) {
        if (!p.value("connectionReferences"_L1).isObject())
            return m_ctx.invalid(u"The property 'properties.connectionReferences' must be an object."_s);
        flow->connectionReferences =
            QJsonDocument(p.value("connectionReferences"_L1).toObject()).toJson(QJsonDocument::Compact);
    }
    flow->modified = m_ctx.newModifiedTime();
    m_ctx.saveFlow(*flow, definition, false);
    const auto saved = m_ctx.loadFlow(flow->env, flow->name);
    QByteArray out;
    JsonWriter w(out);
    m_ctx.writeFlow(w, *saved, true);
    return Response::rawJson(out);
}

Response FlowApi::remove(Request &req)
{
    Response error;
    const auto flow = m_ctx.requestedFlow(req, FlowAccess::Write, &error);
    if (!flow)
        return error;
    m_ctx.store.begin();
    m_ctx.store.run(u"DELETE FROM runs WHERE env=? AND flow=?"_s, {flow->env, flow->name});
    m_ctx.store.run(u"DELETE FROM flow_owners WHERE env=? AND flow=?"_s, {flow->env, flow->name});
    m_ctx.store.run(u"DELETE FROM flows WHERE env=? AND name=?"_s, {flow->env, flow->name});
    m_ctx.store.commit();
    return Response::empty(204);
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
    const QString url = m_ctx.triggerUri(flow->env, flow->name, name);
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
