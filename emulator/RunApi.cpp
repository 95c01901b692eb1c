#include "RunApi.h"

#include "ApiContext.h"
#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "RunFilter.h"
#include "RunLedger.h"
#include "Store.h"
#include "Util.h"

#include <QJsonDocument>
#include <QSqlError>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
const QString kRuns = u"providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}/runs"_s;
const QStringList kVersions{u"2016-11-01"_s};

void writeRun(JsonWriter &w, const QString &idPrefix, const RunRow &r, bool open)
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
    w.key("trigger")
        .beginObject()
        .field("name", r.trigger)
        .timeField("startTime", r.startMs)
        .timeField("endTime", r.startMs + 120)
        .field("originHistoryName", r.origin.isEmpty() ? r.name : r.origin)
        .field("code", "OK")
        .field("status", "Succeeded")
        .endObject();
    if (!open)
        w.endObject().endObject();
}
} // namespace

void RunApi::registerRoutes(Router &router)
{
    const Area api = Area::Management;
    router.add(
        "GET", kRuns, api, [this](Request &r) { return list(r); }, kVersions);
    router.add(
        "GET", kRuns + u"/{run}"_s, api, [this](Request &r) { return get(r); }, kVersions);
    router.add(
        "GET", kRuns + u"/{run}/actions"_s, api, [this](Request &r) { return actions(r); }, kVersions);
    router.add(
        "POST", kRuns + u"/{run}/cancel"_s, api, [this](Request &r) { return cancel(r); }, kVersions);
    router.add(
        "POST", kRuns + u"/{run}/resubmit"_s, api,
        [this](Request &r) {
            if (!r.hasQuery(u"triggerName"_s) || r.queryValue(u"triggerName"_s).isEmpty())
                return ApiContext::invalid(u"The required query parameter 'triggerName' is missing."_s);
            return resubmit(r, r.queryValue(u"triggerName"_s));
        },
        kVersions);
    router.add(
        "POST",
        u"providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}/triggers/{trigger}/histories/{run}/resubmit"_s,
        api, [this](Request &r) { return resubmit(r, r.param(u"trigger"_s)); }, kVersions);
}

Response RunApi::runNotFound(const QString &run) const
{
    return Response::error(404, u"WorkflowRunNotFound"_s,
                           QString(u"The workflow run '"_s + run + u"' could not be found."_s));
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
    const QString sql =
        u"SELECT name, trigger_name, start_ms, end_ms, status, due_ms, final_status, correlation, origin"
        " FROM runs WHERE env=:env AND flow=:flow AND name>:after"_s +
        filter.sql() + u" ORDER BY name LIMIT :limit"_s;
    QSqlQuery &q = m_ctx.store.prepared(sql);
    q.bindValue(u":env"_s, env->name);
    q.bindValue(u":flow"_s, flow->name);
    q.bindValue(u":after"_s, *after);
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
    QByteArray items;
    items.reserve(*top * 700);
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
        writeRun(w, idPrefix, r, false);
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
    // A filtered page may change when a run ends, so only unfiltered pages are cached.
    resp.cacheUntilMs = filter.sql().isEmpty() ? validUntil : 0;
    return resp;
}

void RunApi::writeActions(JsonWriter &w, const FlowRow &flow, const RunRow &run, const QString &runId,
                          bool asMap)
{
    const FlowDefinition def(QJsonDocument::fromJson(flow.definition).object());
    const QStringList names = def.actionsInOrder();
    const qsizetype n = names.size();
    const qint64 end = run.endMs > 0 ? run.endMs : nowMs();
    const qint64 step = n > 0 ? std::max<qint64>(1, (end - run.startMs) / n) : 1;
    // Where the run stopped: the failing action is chosen from the run name, so it is stable.
    qsizetype stopAt = n;
    if (run.status == "Failed"_L1)
        stopAt = n > 0 ? static_cast<qsizetype>(qHash(run.name) % size_t(n)) : 0;
    else if (run.status != "Succeeded"_L1)
        stopAt = n > 0 ? std::min<qsizetype>(n - 1, (nowMs() - run.startMs) / step) : 0;
    if (asMap)
        w.beginObject();
    else
        w.beginArray();
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
        const QJsonObject action = def.action(names.at(i));
        if (asMap) {
            w.key(names.at(i).toUtf8().constData());
        } else {
            w.beginObject()
                .field("name", names.at(i))
                .field("id", QString(runId + u"/actions/"_s + names.at(i)))
                .field("type", "Microsoft.ProcessSimple/environments/flows/runs/actions")
                .key("properties");
        }
        w.beginObject()
            .field("type", action.value("type"_L1).toString())
            .timeField("startTime", run.startMs + i * step);
        if (status != "Running"_L1 && status != "Waiting"_L1)
            w.timeField("endTime", run.startMs + (i + 1) * step);
        w.field("status", status);
        w.field("code", status == "Succeeded"_L1 ? "OK"
                        : status == "Failed"_L1  ? "BadRequest"
                        : status == "Skipped"_L1 ? "ActionSkipped"
                                                 : "NotSpecified");
        w.key("correlation")
            .beginObject()
            .field("actionTrackingId", stableGuid(run.name + names.at(i)))
            .endObject();
        if (status == "Failed"_L1)
            w.key("error")
                .beginObject()
                .field("code", "BadRequest")
                .field(
                    "message",
                    QString(
                        u"The action '"_s + names.at(i) +
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
        *error = runNotFound(req.param(u"run"_s));
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
    QByteArray out;
    JsonWriter w(out);
    writeRun(w, idPrefix, run, true);
    if (!expand.isEmpty()) {
        w.key("actions");
        writeActions(w, flow, run, idPrefix + run.name, true);
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
    writeActions(w, flow, run, m_ctx.flowId(env.name, flow.name) + u"/runs/"_s + run.name, false);
    out.append('}');
    return Response::rawJson(out);
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
