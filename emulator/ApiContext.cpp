#include "ApiContext.h"

#include "Directory.h"
#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "RunLedger.h"
#include "Store.h"
#include "StrictJson.h"
#include "Util.h"

#include <QJsonDocument>
#include <QJsonParseError>
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
        *error = Response::error(404, u"EnvironmentNotFound"_s,
                                 QString(u"The environment '"_s + wanted + u"' could not be found."_s));
        return std::nullopt;
    }
    EnvironmentRow env{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                       q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                       q.value(6).toInt() != 0, q.value(7).toLongLong(), q.value(8).toLongLong()};
    q.finish();
    if (!mayUseEnvironment(req.caller, env.name)) {
        *error = Response::error(403, u"EnvironmentAccessDenied"_s,
                                 QString(u"The user '"_s + req.caller.upn +
                                         u"' does not have access to environment '"_s + env.name + u"'."_s));
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

bool ApiContext::ownsFlow(const Caller &caller, const QString &env, const QString &flow)
{
    return store
        .scalar(u"SELECT 1 FROM flow_owners o JOIN memberships m ON m.principal_id=o.principal_id"
                " WHERE o.env=? AND o.flow=? AND m.user_id=? LIMIT 1"_s,
                {env, flow, caller.id})
        .isValid();
}

bool ApiContext::flowExists(const QString &env, const QString &name)
{
    return store.scalar(u"SELECT 1 FROM flows WHERE env=? AND name=?"_s, {env, name}).isValid();
}

std::optional<FlowRow> ApiContext::loadFlow(const QString &env, const QString &name)
{
    QSqlQuery &q = store.prepared(u"SELECT display_name, state, definition, conn_refs, summary, created_ms, "
                                  u"modified, creator, failure_ratio,"
                                  " template, callable FROM flows WHERE env=? AND name=?"_s);
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
    q.finish();
    return f;
}

std::optional<FlowRow> ApiContext::flow(const Request &req, const EnvironmentRow &env, FlowAccess access,
                                        Response *error)
{
    const QString name = req.param(u"flow"_s);
    auto f = loadFlow(env.name, name);
    if (!f) {
        *error =
            Response::error(404, u"FlowNotFound"_s, QString(u"Could not find flow '"_s + name + u"'."_s));
        return std::nullopt;
    }
    const bool owner = ownsFlow(req.caller, env.name, name);
    if (!owner && !(access == FlowAccess::Read && req.caller.isAdmin)) {
        // What the live service answers a user for someone else's flow.
        *error = Response::error(403, u"ConnectionAuthorizationFailed"_s,
                                 QString(u"The caller with object id '"_s + req.caller.id +
                                         u"' does not have permission for connection '"_s + name +
                                         u"' under Api 'flow'."_s));
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
    return QString(baseUrl.toString() + QString::fromLatin1(req.rawPath) + u'?' +
                   q.query(QUrl::FullyEncoded));
}

std::optional<QJsonObject> ApiContext::jsonBody(const Request &req, Response *error)
{
    if (const auto problem = strictJsonProblem(req.body)) {
        *error = invalid(*problem);
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = invalid(QString(u"The request content is not valid JSON: "_s + parseError.errorString() +
                                 u" at offset "_s + QString::number(parseError.offset) + u'.'));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = invalid(u"The request content must be a JSON object."_s);
        return std::nullopt;
    }
    return doc.object();
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

QString ApiContext::triggerUri(const QString &env, const QString &flow, const QString &trigger)
{
    return QString(baseUrl.toString() + u"/workflows/"_s +
                   QString::fromLatin1(QUrl::toPercentEncoding(flow)) + u"/triggers/"_s +
                   QString::fromLatin1(QUrl::toPercentEncoding(trigger)) +
                   u"/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2F"_s +
                   QString::fromLatin1(QUrl::toPercentEncoding(trigger)) + u"%2Frun&sv=1.0&env="_s +
                   QString::fromLatin1(QUrl::toPercentEncoding(env)) + u"&sig="_s +
                   QString::fromLatin1(signature(env, flow, trigger)));
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
        .field("azureRegionHint", env.location == "europe"_L1 ? "westeurope" : "westus")
        .endObject()
        .endObject();
}

void ApiContext::writeFlow(JsonWriter &w, const FlowRow &flow, bool withDefinition)
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
        .field("state", flow.state)
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
    if (!flow.callableTrigger.isEmpty())
        w.field("flowTriggerUri", triggerUri(flow.env, flow.name, flow.callableTrigger));
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
