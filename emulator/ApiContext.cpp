#include "ApiContext.h"

#include "Directory.h"
#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "RunLedger.h"
#include "Store.h"
#include "StrictJson.h"
#include "Util.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

ApiContext::ApiContext(Store &s, Directory &d, RunLedger &r, const EmulatorOptions &o, QUrl base)
    : store(s)
    , directory(d)
    , runs(r)
    , options(o)
    , baseUrl(std::move(base))
{
    // The key that signs trigger URLs lives in the store, so URLs handed out survive a restart.
    QString key = store.meta(u"callbackKey"_s);
    if (key.isEmpty()) {
        key = QString::fromLatin1(randomToken(32));
        store.setMeta(u"callbackKey"_s, key);
    }
    m_callbackKey = key.toLatin1();
}

Response ApiContext::invalid(const QString &message)
{
    return Response::error(400, u"InvalidRequestContent"_s, message);
}

bool ApiContext::isAdminScope(const Request &req)
{
    return req.segments.size() > 3 && req.segments.at(2).compare("scopes"_L1, Qt::CaseInsensitive) == 0 &&
           req.segments.at(3).compare("admin"_L1, Qt::CaseInsensitive) == 0;
}

Response ApiContext::environmentDenied(const QString &env)
{
    // Live answers an environment that does not exist exactly like one the caller may not use
    // (the m365 CLI's docs quote it), and the same to a non-administrator in scopes/admin
    // (Flow-Studio-Issues#108). The spec has no answer for either; the emulator answered 404
    // EnvironmentNotFound for an unknown one before.
    return Response::error(403, u"EnvironmentAccessDenied"_s,
                           QString(u"Access to the environment '"_s + env + u"' is denied."_s));
}

Response ApiContext::flowNotFound(const QString &flow)
{
    return Response::error(404, u"FlowNotFound"_s, QString(u"Could not find flow '"_s + flow + u"'."_s));
}

Response ApiContext::flowDenied(const Request &req, const QString &flow)
{
    return Response::error(403, u"ConnectionAuthorizationFailed"_s,
                           QString(u"The caller with object id '"_s + req.caller.id +
                                   u"' does not have permission for connection '"_s + flow +
                                   u"' under Api 'shared_logicflows'."_s));
}

std::optional<EnvironmentRow> ApiContext::environment(const Request &req, Response *error,
                                                      const QString &name)
{
    const QString wanted = name.isEmpty() ? req.param(u"env"_s) : name;
    const bool alias = wanted.compare("~default"_L1, Qt::CaseInsensitive) == 0;
    QSqlQuery &q = store.prepared(alias ? u"SELECT name, display_name, description, location, sku, type, "
                                          u"is_default, created_ms, modified_ms"
                                          " FROM environments WHERE is_default=1 LIMIT 1"_s
                                        : u"SELECT name, display_name, description, location, sku, type, "
                                          u"is_default, created_ms, modified_ms"
                                          " FROM environments WHERE name=? COLLATE NOCASE"_s);
    if (!alias)
        q.bindValue(0, wanted);
    q.exec();
    if (!q.next()) {
        q.finish();
        *error = environmentDenied(wanted);
        return std::nullopt;
    }
    EnvironmentRow env{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                       q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                       q.value(6).toInt() != 0, q.value(7).toLongLong(), q.value(8).toLongLong()};
    q.finish();
    if (isAdminScope(req) ? !req.caller.isAdmin : !mayUseEnvironment(req.caller, env.name)) {
        *error = environmentDenied(wanted);
        return std::nullopt;
    }
    return env;
}

bool ApiContext::mayUseEnvironment(const Caller &caller, const QString &env)
{
    if (caller.isAdmin)
        return true;
    if (store.scalar(u"SELECT everyone FROM environments WHERE name=?"_s, {env}).toInt() != 0)
        return true;
    return store
        .scalar(u"SELECT 1 FROM env_access a JOIN memberships m ON m.principal_id=a.principal_id"
                " WHERE a.env=? AND m.user_id=? LIMIT 1"_s,
                {env, caller.id})
        .isValid();
}

QString ApiContext::roleOn(const Caller &caller, const QString &env, const QString &flow)
{
    QSqlQuery &q =
        store.prepared(u"SELECT o.role FROM flow_owners o JOIN memberships m ON"
                       " m.principal_id=o.principal_id WHERE o.env=? AND o.flow=? AND m.user_id=?"_s);
    q.bindValue(0, env);
    q.bindValue(1, flow);
    q.bindValue(2, caller.id);
    q.exec();
    const auto rank = [](const QString &role) {
        return role == "Owner"_L1 ? 3 : role == "CanEdit"_L1 ? 2 : 1;
    };
    QString best;
    while (q.next()) {
        const QString role = q.value(0).toString();
        if (best.isEmpty() || rank(role) > rank(best))
            best = role;
    }
    q.finish();
    return best;
}

bool ApiContext::flowExists(const QString &env, const QString &name)
{
    return store.scalar(u"SELECT 1 FROM flows WHERE env=? AND name=? AND deleted_ms IS NULL"_s, {env, name})
        .isValid();
}

void ApiContext::purgeExpiredFlows()
{
    const qint64 cutoff = nowMs() - kSoftDeleteKeepMs;
    if (!store.scalar(u"SELECT 1 FROM flows WHERE deleted_ms<? LIMIT 1"_s, {cutoff}).isValid())
        return;
    store.begin();
    store.run(u"DELETE FROM runs WHERE EXISTS(SELECT 1 FROM flows f WHERE f.env=runs.env AND"
              " f.name=runs.flow AND f.deleted_ms<?)"_s,
              {cutoff});
    store.run(u"DELETE FROM flow_owners WHERE EXISTS(SELECT 1 FROM flows f WHERE f.env=flow_owners.env AND"
              " f.name=flow_owners.flow AND f.deleted_ms<?)"_s,
              {cutoff});
    store.run(u"DELETE FROM flows WHERE deleted_ms<?"_s, {cutoff});
    store.commit();
}

std::optional<FlowRow> ApiContext::loadFlow(const QString &env, const QString &name, bool includeDeleted)
{
    QSqlQuery &q = store.prepared(
        includeDeleted ? u"SELECT display_name, state, definition, conn_refs, summary, created_ms, modified,"
                         " creator, failure_ratio, template, callable, deleted_ms, deleted_by FROM flows"
                         " WHERE env=? AND name=?"_s
                       : u"SELECT display_name, state, definition, conn_refs, summary, created_ms, modified,"
                         " creator, failure_ratio, template, callable, deleted_ms, deleted_by FROM flows"
                         " WHERE env=? AND name=? AND deleted_ms IS NULL"_s);
    q.bindValue(0, env);
    q.bindValue(1, name);
    q.exec();
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    FlowRow f;
    f.env = env;
    f.name = name;
    f.displayName = q.value(0).toString();
    f.state = q.value(1).toString();
    f.definition = q.value(2).toByteArray();
    f.connectionReferences = q.value(3).toByteArray();
    f.summary = q.value(4).toByteArray();
    f.createdMs = q.value(5).toLongLong();
    f.modified = q.value(6).toString();
    f.creator = q.value(7).toString();
    f.failureRatio = q.value(8).toDouble();
    f.templateName = q.value(9).toString();
    f.callableTrigger = q.value(10).toString();
    f.deletedMs = q.value(11).toLongLong();
    f.deletedBy = q.value(12).toString();
    q.finish();
    return f;
}

std::optional<FlowRow> ApiContext::flow(const Request &req, const EnvironmentRow &env, FlowAccess access,
                                        Response *error)
{
    const QString name = req.param(u"flow"_s);
    auto f = loadFlow(env.name, name);
    if (f)
        f->location = env.location;
    if (isAdminScope(req)) {
        // environment() let administrators only through; here they may act on any flow.
        if (!f)
            *error = flowNotFound(name);
        return f;
    }
    // User scope. Live answers a flow that does not exist exactly like someone else's flow,
    // and refuses administrators too (they use scopes/admin): 403 ConnectionAuthorizationFailed,
    // as the m365 CLI's docs quote it. The spec documents 404 for an unknown flow; we follow live.
    const QString role = f ? roleOn(req.caller, env.name, name) : QString();
    const bool mayWrite = role == "Owner"_L1 || role == "CanEdit"_L1;
    if (role.isEmpty() || (access == FlowAccess::Write && !mayWrite)) {
        *error = flowDenied(req, name);
        return std::nullopt;
    }
    return f;
}

std::optional<int> ApiContext::top(const Request &req, int byDefault, int max, Response *error)
{
    if (!req.hasQuery(u"$top"_s))
        return byDefault;
    bool ok = false;
    const int value = req.queryValue(u"$top"_s).toInt(&ok);
    if (!ok || value < 1) {
        *error = invalid(u"The query parameter '$top' must be a positive integer."_s);
        return std::nullopt;
    }
    return std::min(value, max);
}

std::optional<QString> ApiContext::skipKey(const Request &req, Response *error)
{
    const QString token = req.queryValue(u"$skiptoken"_s);
    if (token.isEmpty())
        return u""_s; // not a null QString: that would bind as SQL NULL
    bool ok = false;
    const QByteArray decoded = fromBase64Url(token.toLatin1(), &ok);
    if (!ok || !decoded.startsWith("k1:")) {
        *error = invalid(u"The query parameter '$skiptoken' is not valid."_s);
        return std::nullopt;
    }
    return QString::fromUtf8(decoded.mid(3));
}

QString ApiContext::nextLink(const Request &req, const QString &lastKey) const
{
    // Keep every query parameter of the request but the skip token, then add the new one.
    QUrlQuery q;
    for (auto it = req.query.cbegin(); it != req.query.cend(); ++it) {
        if (it.key() != "$skiptoken"_L1)
            q.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(it.key(), "$")),
                           QString::fromLatin1(QUrl::toPercentEncoding(it.value(), "$'():,")));
    }
    q.addQueryItem(u"$skiptoken"_s, QString::fromLatin1(base64Url("k1:" + lastKey.toUtf8())));
    return QString(requestBase(req) + QString::fromLatin1(req.rawPath) + u'?' + q.query(QUrl::FullyEncoded));
}

QString ApiContext::requestBase(const Request &req) const
{
    // A host name or address, with a port: anything else (or nothing, HTTP/1.0) falls back to
    // the emulator's own base, so a forged Host cannot put other text into a link.
    static const QRegularExpression valid(
        u"^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?$"_s);
    const QString host = QString::fromLatin1(req.header("Host").trimmed()).toLower();
    if (host.isEmpty() || !valid.match(host).hasMatch())
        return baseUrl.toString();
    const QByteArray proto = req.header("X-Forwarded-Proto").split(',').constFirst().trimmed();
    const bool https = proto.compare("https", Qt::CaseInsensitive) == 0;
    return QString((https ? u"https://"_s : u"http://"_s) + host);
}

QString ApiContext::regionOf(const QString &location)
{
    return location == "europe"_L1 ? u"westeurope"_s : u"westus"_s;
}

QString ApiContext::workflowBase(const Request &req, const QString &location) const
{
    const QString base = requestBase(req);
    const QString host = QUrl(base).host();
    if (host.isEmpty() || host == "localhost"_L1 || QHostAddress(host).isLoopback())
        return base;
    return QString(u"https://prod-00."_s + regionOf(location) + u".logic.azure.com:443"_s);
}

std::optional<QJsonObject> ApiContext::jsonBody(const Request &req, Response *error)
{
    QString problem;
    auto object = parseJsonObjectBody(req.body, &problem);
    if (!object)
        *error = invalid(problem);
    return object;
}

Response ApiContext::readFailed(const QString &what, const QSqlQuery &query)
{
    return Response::error(500, u"InternalServerError"_s,
                           QString(u"The "_s + what + u" could not be read: "_s + query.lastError().text()));
}

Response ApiContext::listResponse(const QByteArray &items, const QString &nextLink)
{
    QByteArray out;
    out.reserve(items.size() + 256);
    out.append("{\"value\":[").append(items).append(']');
    if (!nextLink.isEmpty()) {
        out.append(",\"nextLink\":");
        JsonWriter::appendEscaped(out, nextLink);
    }
    out.append('}');
    return Response::rawJson(std::move(out));
}

QString ApiContext::flowId(const QString &env, const QString &flow) const
{
    return QString(u"/providers/Microsoft.ProcessSimple/environments/"_s + env + u"/flows/"_s + flow);
}

QByteArray ApiContext::signature(const QString &env, const QString &flow, const QString &trigger)
{
    return base64Url(hmacSha256(m_callbackKey, QString(env + u'|' + flow + u'|' + trigger).toUtf8()));
}

QString ApiContext::triggerUri(const QString &workflowBase, const QString &env, const QString &flow,
                               const QString &trigger)
{
    return QString(workflowBase + u"/workflows/"_s + QString::fromLatin1(QUrl::toPercentEncoding(flow)) +
                   u"/triggers/"_s + QString::fromLatin1(QUrl::toPercentEncoding(trigger)) +
                   u"/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2F"_s +
                   QString::fromLatin1(QUrl::toPercentEncoding(trigger)) + u"%2Frun&sv=1.0&env="_s +
                   QString::fromLatin1(QUrl::toPercentEncoding(env)) + u"&sig="_s +
                   QString::fromLatin1(signature(env, flow, trigger)));
}

QString ApiContext::workflowId(const QString &flow)
{
    return QString(flow).remove(u'-').toLower();
}

QString ApiContext::flowNameOfWorkflowId(const QString &id)
{
    static const QRegularExpression hex(u"^[0-9a-f]{32}$"_s);
    if (!hex.match(id).hasMatch())
        return {};
    return QString(id.mid(0, 8) + u'-' + id.mid(8, 4) + u'-' + id.mid(12, 4) + u'-' + id.mid(16, 4) + u'-' +
                   id.mid(20));
}

QString ApiContext::contentKindName(ContentKind kind)
{
    switch (kind) {
    case ContentKind::TriggerInputs:
        return u"TriggerInputs"_s;
    case ContentKind::TriggerOutputs:
        return u"TriggerOutputs"_s;
    case ContentKind::ActionInputs:
        return u"ActionInputs"_s;
    case ContentKind::ActionOutputs:
        return u"ActionOutputs"_s;
    }
    return {};
}

std::optional<ContentKind> ApiContext::contentKindFromName(const QString &name)
{
    for (ContentKind kind : {ContentKind::TriggerInputs, ContentKind::TriggerOutputs,
                             ContentKind::ActionInputs, ContentKind::ActionOutputs}) {
        if (name == contentKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QString ApiContext::contentPermission(const QString &run, const QString &action, ContentKind kind)
{
    return QString(u"/runs/"_s + run + (action.isEmpty() ? QString() : QString(u"/actions/"_s + action)) +
                   u"/contents/"_s + contentKindName(kind) + u"/read"_s);
}

QByteArray ApiContext::contentSignature(const QString &flow, const QString &permission,
                                        const QString &expiry) const
{
    return base64Url(hmacSha256(m_callbackKey,
                                QString(u"contents|"_s + flow + u'|' + permission + u'|' + expiry).toUtf8()));
}

qint64 ApiContext::contentLinkExpiry(qint64 now)
{
    constexpr qint64 hour = 3600 * 1000;
    return (now / hour) * hour + 4 * hour;
}

QString ApiContext::contentUri(const QString &workflowBase, const QString &flow, const QString &run,
                               const QString &action, ContentKind kind, qint64 expiresMs) const
{
    const auto enc = [](const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    const QString expiry = isoTime(expiresMs);
    const QString permission = contentPermission(run, action, kind);
    QString uri = workflowBase + u"/workflows/"_s + workflowId(flow) + u"/runs/"_s + enc(run);
    if (!action.isEmpty())
        uri += u"/actions/"_s + enc(action);
    uri += u"/contents/"_s + contentKindName(kind) + u"?api-version=2016-06-01&se="_s + enc(expiry) +
           u"&sp="_s + enc(permission) + u"&sv=1.0&sig="_s +
           QString::fromLatin1(contentSignature(flow, permission, expiry));
    return uri;
}

QString ApiContext::newModifiedTime()
{
    // Seven fractional digits like the live service; the last four count changes within one
    // millisecond, so two PATCHes in a row never share a lastModifiedTime.
    const qint64 now = nowMs();
    if (now <= m_lastModifiedMs) {
        ++m_modifiedSequence;
    } else {
        m_lastModifiedMs = now;
        m_modifiedSequence = 0;
    }
    QString text = isoTime(m_lastModifiedMs);
    text.replace(text.size() - 5, 4, QString::number(m_modifiedSequence % 10000).rightJustified(4, u'0'));
    return text;
}

void ApiContext::writeEnvironment(JsonWriter &w, const EnvironmentRow &env)
{
    w.beginObject()
        .field("name", env.name)
        .field("location", env.location)
        .field("id", QString(u"/providers/Microsoft.ProcessSimple/environments/"_s + env.name))
        .field("type", "Microsoft.ProcessSimple/environments")
        .key("properties")
        .beginObject()
        .field("displayName", env.displayName)
        .field("description", env.description)
        .timeField("createdTime", env.createdMs)
        .timeField("lastModifiedTime", env.modifiedMs)
        .field("provisioningState", "Succeeded")
        .field("environmentSku", env.sku)
        .field("environmentType", env.type)
        .key("isDefault")
        .value(env.isDefault)
        .field("azureRegionHint", regionOf(env.location))
        .endObject()
        .endObject();
}

void ApiContext::writeFlow(JsonWriter &w, const FlowRow &flow, bool withDefinition,
                           const QString &workflowBase, bool deletedState)
{
    w.beginObject()
        .field("name", flow.name)
        .field("id", flowId(flow.env, flow.name))
        .field("type", "Microsoft.ProcessSimple/environments/flows")
        .key("properties")
        .beginObject()
        .field("apiId", "/providers/Microsoft.PowerApps/apis/shared_logicflows")
        .field("displayName", flow.displayName)
        .field("userType", "Owner")
        .field("state", deletedState ? u"Deleted"_s : flow.state)
        .timeField("createdTime", flow.createdMs)
        .field("lastModifiedTime", flow.modified)
        .field("templateName", flow.templateName)
        .field("installationStatus", "Installed")
        .field("flowSuspensionReason", "None")
        .key("environment")
        .beginObject()
        .field("name", flow.env)
        .field("type", "Microsoft.ProcessSimple/environments")
        .field("id", QString(u"/providers/Microsoft.ProcessSimple/environments/"_s + flow.env))
        .endObject()
        .key("creator")
        .beginObject()
        .field("tenantId", "00000000-0000-4000-8000-00000000c0de")
        .field("objectId", flow.creator)
        .field("userId", flow.creator)
        .field("userType", "ActiveDirectory")
        .endObject()
        .key("connectionReferences")
        .raw(flow.connectionReferences.isEmpty() ? QByteArrayView("{}")
                                                 : QByteArrayView(flow.connectionReferences))
        .key("definitionSummary")
        .raw(flow.summary.isEmpty() ? QByteArrayView("{}") : QByteArrayView(flow.summary));
    if (!flow.callableTrigger.isEmpty() && !deletedState)
        w.field("flowTriggerUri", triggerUri(workflowBase, flow.env, flow.name, flow.callableTrigger));
    if (withDefinition)
        w.key("definition").raw(flow.definition);
    w.endObject().endObject();
}

bool ApiContext::saveFlow(const FlowRow &flow, const QJsonObject &definition, bool insert)
{
    const FlowDefinition def(definition);
    const QByteArray definitionText = QJsonDocument(definition).toJson(QJsonDocument::Compact);
    const QByteArray summary = QJsonDocument(def.summary()).toJson(QJsonDocument::Compact);
    const QByteArray refs =
        flow.connectionReferences.isEmpty() ? QByteArray("{}") : flow.connectionReferences;
    if (insert)
        return store.run(
            u"INSERT INTO flows(env, name, display_name, state, definition, conn_refs, summary, created_ms,"
            " modified, creator, failure_ratio, template, callable) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"_s,
            {flow.env, flow.name, flow.displayName, flow.state, QString::fromUtf8(definitionText),
             QString::fromUtf8(refs), QString::fromUtf8(summary), flow.createdMs, flow.modified, flow.creator,
             flow.failureRatio, flow.templateName, def.callableTrigger()});
    return store.run(
        u"UPDATE flows SET display_name=?, state=?, definition=?, conn_refs=?, summary=?, modified=?,"
        " callable=? WHERE env=? AND name=?"_s,
        {flow.displayName, flow.state, QString::fromUtf8(definitionText), QString::fromUtf8(refs),
         QString::fromUtf8(summary), flow.modified, def.callableTrigger(), flow.env, flow.name});
}

void ApiContext::addOwner(const QString &env, const QString &flow, const QString &principalId,
                          const QString &type, const QString &role)
{
    store.run(u"INSERT OR IGNORE INTO flow_owners(env, flow, principal_id, principal_type, role, added_ms)"
              " VALUES(?,?,?,?,?,?)"_s,
              {env, flow, principalId, type, role, nowMs()});
}

std::optional<FlowRow> ApiContext::requestedFlow(const Request &req, FlowAccess access, Response *error)
{
    const auto env = environment(req, error);
    return env ? flow(req, *env, access, error) : std::nullopt;
}

} // namespace fc::emu
