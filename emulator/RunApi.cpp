#include "RunApi.h"

#include "ApiContext.h"
#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "RunContent.h"
#include "RunFilter.h"
#include "RunLedger.h"
#include "Store.h"
#include "Util.h"

#include <QJsonDocument>
#include <QSqlError>

#include <limits>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
const QString kFlow = u"providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}"_s;
const QString kAdminFlow =
    u"providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows/{flow}"_s;
const QStringList kVersions{u"2016-11-01"_s};

} // namespace

// Where a request's content links point and until when they are valid.
struct RunApi::Links
{
    QString base; // ApiContext::workflowBase
    QString flow;
    qint64 expiresMs = 0;
    FlowDefinition definition{QJsonObject()};
    // Each trigger read from the definition once per request, for all the runs on a page.
    mutable QHash<QString, std::shared_ptr<RunContent::TriggerContent>> triggers;
    const RunContent::TriggerContent &trigger(const QString &name) const
    {
        auto &slot = triggers[name];
        if (!slot)
            slot = std::make_shared<RunContent::TriggerContent>(definition, name);
        return *slot;
    }
};

void RunApi::writeLink(JsonWriter &w, const char *key, const Links &links, const QString &run,
                       const QString &action, ContentKind kind, const QByteArray &content) const
{
    const QString hash = QString::fromLatin1(RunContent::md5Base64(content));
    w.key(key)
        .beginObject()
        .field("uri", m_ctx.contentUri(links.base, links.flow, run, action, kind, links.expiresMs))
        .field("contentVersion", hash)
        .key("contentSize")
        .value(qint64(content.size()))
        .key("contentHash")
        .beginObject()
        .field("algorithm", "md5")
        .field("value", hash)
        .endObject()
        .endObject();
}

void RunApi::writeRun(JsonWriter &w, const QString &idPrefix, const RunRow &r, bool open,
                      const Links &links) const
{
    w.beginObject()
        .field("name", r.name)
        .field("id", QString(idPrefix + r.name))
        .field("type", "Microsoft.ProcessSimple/environments/flows/runs")
        .key("properties")
        .beginObject()
        .timeField("startTime", r.startMs);
    if (r.endMs > 0)
        w.timeField("endTime", r.endMs);
    w.field("status", r.status);
    if (r.status == "Succeeded"_L1)
        w.field("code", "OK");
    else if (r.status == "Failed"_L1)
        w.field("code", "ActionFailed");
    else if (r.status == "Cancelled"_L1)
        w.field("code", "Cancelled");
    if (r.status == "Failed"_L1)
        w.key("error")
            .beginObject()
            .field("code", "ActionFailed")
            .field("message", "An action failed. No dependent actions succeeded.")
            .endObject();
    w.key("correlation").beginObject().field("clientTrackingId", r.correlation).endObject();
    w.key("trigger").beginObject().field("name", r.trigger);
    // What the trigger received and gave, behind signed links (none for a Recurrence trigger).
    const RunContent::TriggerContent &trigger = links.trigger(r.trigger);
    const QByteArray inputs = trigger.inputs();
    if (!inputs.isEmpty())
        writeLink(w, "inputsLink", links, r.name, {}, ContentKind::TriggerInputs, inputs);
    const QByteArray outputs = trigger.outputs(r.name);
    if (!outputs.isEmpty())
        writeLink(w, "outputsLink", links, r.name, {}, ContentKind::TriggerOutputs, outputs);
    w.timeField("startTime", r.startMs)
        .timeField("endTime", r.startMs + 120)
        .field("originHistoryName", r.origin.isEmpty() ? r.name : r.origin)
        .field("code", "OK")
        .field("status", "Succeeded")
        .endObject();
    if (!open)
        w.endObject().endObject();
}

void RunApi::registerRoutes(Router &router)
{
    const Area api = Area::Management;
    // Each also in scopes/admin, where administrators reach anyone's flow.
    for (const QString &flow : {kFlow, kAdminFlow}) {
        const QString runs = flow + u"/runs"_s;
        router.add(
            "GET", runs, api, [this](Request &r) { return list(r); }, kVersions);
        router.add(
            "GET", runs + u"/{run}"_s, api, [this](Request &r) { return get(r); }, kVersions);
        router.add(
            "GET", runs + u"/{run}/actions"_s, api, [this](Request &r) { return actions(r); }, kVersions);
        router.add(
            "POST", runs + u"/{run}/cancel"_s, api, [this](Request &r) { return cancel(r); }, kVersions);
        router.add(
            "POST", runs + u"/{run}/resubmit"_s, api,
            [this](Request &r) {
                if (!r.hasQuery(u"triggerName"_s) || r.queryValue(u"triggerName"_s).isEmpty())
                    return ApiContext::invalid(u"The required query parameter 'triggerName' is missing."_s);
                return resubmit(r, r.queryValue(u"triggerName"_s));
            },
            kVersions);
        router.add(
            "POST", flow + u"/triggers/{trigger}/histories/{run}/resubmit"_s, api,
            [this](Request &r) { return resubmit(r, r.param(u"trigger"_s)); }, kVersions);
    }
    // Run contents behind the signed links: no token, as on the live Logic Apps hosts.
    const QStringList contentVersions{u"2016-06-01"_s};
    router.add(
        "GET", u"workflows/{workflow}/runs/{run}/contents/{kind}"_s, Area::Callback,
        [this](Request &r) { return content(r); }, contentVersions);
    router.add(
        "GET", u"workflows/{workflow}/runs/{run}/actions/{action}/contents/{kind}"_s, Area::Callback,
        [this](Request &r) { return content(r); }, contentVersions);
}

Response RunApi::runNotFound(const QString &flow, const QString &run)
{
    // The live wording (the m365 CLI's docs of run cancel and resubmit).
    return Response::error(
        404, u"WorkflowRunNotFound"_s,
        QString(u"The workflow '"_s + flow + u"' run '"_s + run + u"' could not be found."_s));
}

RunApi::Links RunApi::linksFor(const Request &req, const FlowRow &flow) const
{
    Links links;
    links.base = m_ctx.workflowBase(req, flow.location);
    links.flow = flow.name;
    links.expiresMs = ApiContext::contentLinkExpiry(nowMs());
    links.definition = FlowDefinition(QJsonDocument::fromJson(flow.definition).object());
    return links;
}

std::optional<RunRow> RunApi::loadRun(const QString &env, const QString &flow, const QString &run)
{
    QSqlQuery &q =
        m_ctx.store.prepared(u"SELECT trigger_name, start_ms, end_ms, status, due_ms, final_status,"
                             " correlation, origin FROM runs WHERE env=? AND flow=? AND name=?"_s);
    q.bindValue(0, env);
    q.bindValue(1, flow);
    q.bindValue(2, run);
    q.exec();
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    RunRow r =
        RunRow::fromStored(run, q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                           q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString(),
                           q.value(6).toString(), nowMs(), q.value(7).toString());
    q.finish();
    return r;
}

// Runs are kept in name order, which is the paging order; a startTime window is a stretch of
// that order, but SQLite cannot know where it begins and ends and would walk every newer run to
// reach a window deep in the history, and every older one after its last run. The covering
// index runs_by_start gives the window's first and last names in one short range scan.
bool RunApi::nameSpan(const QString &env, const QString &flow, const RunFilter &filter, NameSpan *span,
                      Response *error)
{
    *span = {};
    if (filter.startTimeSql().isEmpty())
        return true;
    // Every page of a window asks again; the span holds until a run is added or anything changes.
    QString key = env + u'/' + flow + filter.startTimeSql();
    const QVariantMap binds = filter.startTimeBindings();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        key += u' ' + it.value().toString();
    if (m_spansVersion != m_ctx.store.version() || m_spans.size() >= kMaxSpans) {
        m_spans.clear();
        m_spansVersion = m_ctx.store.version();
    }
    if (const auto known = m_spans.constFind(key); known != m_spans.constEnd()) {
        *span = *known;
        return true;
    }
    QSqlQuery &q = m_ctx.store.prepared(
        u"SELECT min(name), max(name) FROM runs WHERE env=:env AND flow=:flow"_s + filter.startTimeSql());
    q.bindValue(u":env"_s, env);
    q.bindValue(u":flow"_s, flow);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec() || !q.next()) {
        *error = ApiContext::readFailed(u"runs"_s, q);
        q.finish();
        return false;
    }
    span->bounded = true;
    span->empty = q.value(0).isNull();
    span->first = q.value(0).toString();
    span->last = q.value(1).toString();
    q.finish();
    m_spans.insert(key, *span);
    return true;
}

Response RunApi::list(Request &req)
{
    Response error;
    const auto env = m_ctx.environment(req, &error);
    const auto flow = env ? m_ctx.flow(req, *env, FlowAccess::Read, &error) : std::nullopt;
    if (!flow)
        return error;
    const auto top = m_ctx.top(req, 50, 250, &error);
    const auto after = top ? m_ctx.skipKey(req, &error) : std::nullopt;
    if (!top || !after)
        return error;
    RunFilter filter;
    if (req.hasQuery(u"$filter"_s)) {
        filter = RunFilter::parse(req.queryValue(u"$filter"_s), m_ctx.options.maxFilterClauses);
        if (!filter.isValid())
            return ApiContext::invalid(filter.error());
    }
    const qint64 now = nowMs();
    NameSpan span;
    if (!nameSpan(env->name, flow->name, filter, &span, &error))
        return error;
    if (span.empty) // nothing in the time window: an empty page without walking the history
        return ApiContext::listResponse({}, QString());
    // One lower bound only: given two, SQLite seeks by one and merely tests the other, so the
    // walk would still start at the newest run.
    const bool fromFirst = span.bounded && span.first > *after;
    const QString sql =
        u"SELECT name, trigger_name, start_ms, end_ms, status, due_ms, final_status, correlation, origin"
        " FROM runs WHERE env=:env AND flow=:flow"_s +
        (fromFirst ? u" AND name>=:from"_s : u" AND name>:from"_s) +
        (span.bounded ? u" AND name<=:last"_s : QString()) + filter.sql() + u" ORDER BY name LIMIT :limit"_s;
    QSqlQuery &q = m_ctx.store.prepared(sql);
    q.bindValue(u":env"_s, env->name);
    q.bindValue(u":flow"_s, flow->name);
    q.bindValue(u":from"_s, fromFirst ? span.first : *after);
    if (span.bounded)
        q.bindValue(u":last"_s, span.last);
    q.bindValue(u":limit"_s, *top + 1);
    if (sql.contains(":now"_L1))
        q.bindValue(u":now"_s, now);
    const QVariantMap binds = filter.bindings();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec()) {
        const Response failed = ApiContext::readFailed(u"runs"_s, q);
        q.finish();
        return failed;
    }
    const QString idPrefix = m_ctx.flowId(env->name, flow->name) + u"/runs/"_s;
    const Links links = linksFor(req, *flow);
    QByteArray items;
    items.reserve(*top * 1600);
    JsonWriter w(items);
    int count = 0;
    bool more = false;
    QString last;
    qint64 validUntil = std::numeric_limits<qint64>::max();
    while (q.next()) {
        if (count == *top) {
            more = true;
            break;
        }
        const RunRow r =
            RunRow::fromStored(q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                               q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toLongLong(),
                               q.value(6).toString(), q.value(7).toString(), now, q.value(8).toString());
        if (r.status == "Running"_L1 && q.value(5).toLongLong() > 0)
            validUntil = std::min(validUntil, q.value(5).toLongLong());
        writeRun(w, idPrefix, r, false, links);
        last = r.name;
        ++count;
    }
    if (q.lastError().isValid()) {
        const Response failed = ApiContext::readFailed(u"runs"_s, q);
        q.finish();
        return failed;
    }
    q.finish();
    Response resp = ApiContext::listResponse(items, more ? m_ctx.nextLink(req, last) : QString());
    // A filtered page may change when a run ends, so only unfiltered pages are cached; and
    // only within the hour, so the content links it carries stay hours from expiring.
    constexpr qint64 hour = 3600 * 1000;
    resp.cacheUntilMs = filter.sql().isEmpty() ? std::min(validUntil, (now / hour + 1) * hour) : 0;
    return resp;
}

QList<RunApi::ActionState> RunApi::actionStates(const FlowDefinition &def, const RunRow &run)
{
    const QStringList names = def.actionsInOrder();
    const qsizetype n = names.size();
    const qint64 now = nowMs();
    const qint64 end = run.endMs > 0 ? run.endMs : now;
    const qint64 step = n > 0 ? std::max<qint64>(1, (end - run.startMs) / n) : 1;
    // Where the run stopped: the failing action is chosen from the run name, so it is stable.
    qsizetype stopAt = n;
    if (run.status == "Failed"_L1)
        stopAt = n > 0 ? static_cast<qsizetype>(qHash(run.name) % size_t(n)) : 0;
    else if (run.status != "Succeeded"_L1)
        stopAt = n > 0 ? std::min<qsizetype>(n - 1, (now - run.startMs) / step) : 0;
    QList<ActionState> out;
    for (qsizetype i = 0; i < n; ++i) {
        QString status;
        if (i < stopAt)
            status = u"Succeeded"_s;
        else if (i == stopAt)
            status = run.status == "Failed"_L1      ? u"Failed"_s
                     : run.status == "Cancelled"_L1 ? u"Cancelled"_s
                                                    : run.status;
        else if (RunLedger::isFinal(run.status))
            status = u"Skipped"_s;
        else
            break; // not reached yet
        out.append({names.at(i), status, run.startMs + i * step, run.startMs + (i + 1) * step});
    }
    return out;
}

void RunApi::writeActions(JsonWriter &w, const Links &links, const RunRow &run, const QString &runId,
                          bool asMap) const
{
    if (asMap)
        w.beginObject();
    else
        w.beginArray();
    for (const ActionState &state : actionStates(links.definition, run)) {
        const QString &name = state.name;
        const QString &status = state.status;
        const QJsonObject action = links.definition.action(name);
        if (asMap) {
            w.key(name);
        } else {
            w.beginObject()
                .field("name", name)
                .field("id", QString(runId + u"/actions/"_s + name))
                .field("type", "Microsoft.ProcessSimple/environments/flows/runs/actions")
                .key("properties");
        }
        w.beginObject().field("type", action.value("type"_L1).toString());
        for (const ContentKind kind : {ContentKind::ActionInputs, ContentKind::ActionOutputs}) {
            const QByteArray content = RunContent::action(links.definition, name, run.name, status, kind);
            if (!content.isEmpty())
                writeLink(w, kind == ContentKind::ActionInputs ? "inputsLink" : "outputsLink", links,
                          run.name, name, kind, content);
        }
        w.timeField("startTime", state.startMs);
        if (status != "Running"_L1 && status != "Waiting"_L1)
            w.timeField("endTime", state.endMs);
        w.field("status", status);
        w.field("code", status == "Succeeded"_L1 ? "OK"
                        : status == "Failed"_L1  ? "BadRequest"
                        : status == "Skipped"_L1 ? "ActionSkipped"
                                                 : "NotSpecified");
        w.key("correlation").beginObject().field("actionTrackingId", stableGuid(run.name + name)).endObject();
        if (status == "Failed"_L1)
            w.key("error")
                .beginObject()
                .field("code", "BadRequest")
                .field(
                    "message",
                    QString(
                        u"The action '"_s + name +
                        u"' failed: the remote service answered 400 Bad Request (the item was not found)."_s))
                .endObject();
        w.endObject();
        if (!asMap)
            w.endObject();
    }
    if (asMap)
        w.endObject();
    else
        w.endArray();
}

struct RunApi::Target
{
    EnvironmentRow env;
    FlowRow flow;
    RunRow run;
};

std::optional<RunApi::Target> RunApi::resolve(Request &req, FlowAccess access, Response *error)
{
    const auto env = m_ctx.environment(req, error);
    const auto flow = env ? m_ctx.flow(req, *env, access, error) : std::nullopt;
    if (!flow)
        return std::nullopt;
    auto run = loadRun(env->name, flow->name, req.param(u"run"_s));
    if (!run) {
        *error = runNotFound(flow->name, req.param(u"run"_s));
        return std::nullopt;
    }
    return Target{*env, *flow, std::move(*run)};
}

Response RunApi::get(Request &req)
{
    Response error;
    const auto target = resolve(req, FlowAccess::Read, &error);
    if (!target)
        return error;
    const auto &[env, flow, run] = *target;
    const QString expand = req.queryValue(u"$expand"_s);
    if (!expand.isEmpty() && expand.compare("properties/actions"_L1, Qt::CaseInsensitive) != 0)
        return ApiContext::invalid(
            QString(u"The $expand value '"_s + expand + u"' is not supported; use properties/actions."_s));
    const QString idPrefix = m_ctx.flowId(env.name, flow.name) + u"/runs/"_s;
    const Links links = linksFor(req, flow);
    QByteArray out;
    JsonWriter w(out);
    writeRun(w, idPrefix, run, true, links);
    if (!expand.isEmpty()) {
        w.key("actions");
        writeActions(w, links, run, idPrefix + run.name, true);
    }
    w.endObject().endObject();
    return Response::rawJson(out);
}

Response RunApi::actions(Request &req)
{
    Response error;
    const auto target = resolve(req, FlowAccess::Read, &error);
    if (!target)
        return error;
    const auto &[env, flow, run] = *target;
    QByteArray out("{\"value\":");
    JsonWriter w(out);
    writeActions(w, linksFor(req, flow), run, m_ctx.flowId(env.name, flow.name) + u"/runs/"_s + run.name,
                 false);
    out.append('}');
    return Response::rawJson(out);
}

Response RunApi::content(Request &req)
{
    const QString flowName = ApiContext::flowNameOfWorkflowId(req.param(u"workflow"_s));
    const QString runName = req.param(u"run"_s);
    const QString actionName = req.param(u"action"_s); // empty: the trigger's
    const auto kind = ApiContext::contentKindFromName(req.param(u"kind"_s));
    const bool forAction =
        kind && (*kind == ContentKind::ActionInputs || *kind == ContentKind::ActionOutputs);
    if (!kind || forAction == actionName.isEmpty() || flowName.isEmpty())
        return Response::error(404, u"NotFound"_s,
                               QString(u"No content matches '"_s + QString::fromUtf8(req.rawPath) + u"'."_s));
    // The link is its own credential: sp names what it grants, se when that ends, sig signs both.
    const QString permission = req.queryValue(u"sp"_s);
    const QString expiry = req.queryValue(u"se"_s);
    const QByteArray sig = req.queryValue(u"sig"_s).toLatin1();
    const QByteArray expected = m_ctx.contentSignature(flowName, permission, expiry);
    bool same = sig.size() == expected.size();
    for (qsizetype i = 0; same && i < sig.size(); ++i)
        same = sig.at(i) == expected.at(i);
    if (!same || permission != ApiContext::contentPermission(runName, actionName, *kind))
        return Response::error(403, u"AuthorizationFailed"_s,
                               u"The signature (sig) of this content link is not valid."_s);
    const auto expires = parseIsoTime(expiry);
    if (!expires || *expires <= nowMs())
        return Response::error(
            403, u"AuthorizationFailed"_s,
            QString(u"This content link expired at "_s + expiry + u"; read the run again for a new one."_s));
    const QString env =
        m_ctx.store.scalar(u"SELECT env FROM flows WHERE name=? AND deleted_ms IS NULL"_s, {flowName})
            .toString();
    const auto flow = env.isEmpty() ? std::nullopt : m_ctx.loadFlow(env, flowName);
    if (!flow)
        return Response::error(
            404, u"WorkflowNotFound"_s,
            QString(u"The workflow '"_s + req.param(u"workflow"_s) + u"' could not be found."_s));
    const auto run = loadRun(env, flowName, runName);
    if (!run)
        return runNotFound(flowName, runName);
    const FlowDefinition def(QJsonDocument::fromJson(flow->definition).object());
    QByteArray content;
    if (!forAction) {
        content = RunContent::trigger(def, run->trigger, run->name, *kind);
    } else {
        for (const ActionState &state : actionStates(def, *run)) {
            if (state.name == actionName)
                content = RunContent::action(def, actionName, run->name, state.status, *kind);
        }
    }
    if (content.isEmpty())
        return Response::error(
            404, u"ContentNotFound"_s,
            QString(u"The run '"_s + runName + u"' has no "_s + req.param(u"kind"_s) +
                    (forAction ? QString(u" for the action '"_s + actionName + u"'."_s) : u"."_s)));
    return Response::rawJson(content);
}

Response RunApi::cancel(Request &req)
{
    Response error;
    const auto target = resolve(req, FlowAccess::Write, &error);
    if (!target)
        return error;
    const auto &[env, flow, run] = *target;
    if (run.status != "Running"_L1 && run.status != "Waiting"_L1)
        return Response::error(409, u"WorkflowRunNotInProgress"_s,
                               QString(u"The workflow run '"_s + run.name +
                                       u"' cannot be cancelled: its status is '"_s + run.status + u"'."_s));
    m_ctx.store.run(
        u"UPDATE runs SET status='Cancelled', end_ms=?, due_ms=NULL WHERE env=? AND flow=? AND name=?"_s,
        {nowMs(), env.name, flow.name, run.name});
    return Response::empty(200);
}

Response RunApi::resubmit(Request &req, const QString &trigger)
{
    Response error;
    const auto target = resolve(req, FlowAccess::Write, &error);
    if (!target)
        return error;
    const auto &[env, flow, run] = *target;
    const FlowDefinition def(QJsonDocument::fromJson(flow.definition).object());
    if (!def.triggerNames().contains(trigger))
        return Response::error(404, u"TriggerNotFound"_s,
                               QString(u"The flow has no trigger '"_s + trigger + u"'."_s));
    const QString name = m_ctx.runs.start(env.name, flow.name, trigger, m_ctx.options.runDurationMs,
                                          flow.failureRatio, run.name);
    return Response::empty(202).withHeader("x-ms-workflow-run-id", name.toLatin1());
}

} // namespace fc::emu
