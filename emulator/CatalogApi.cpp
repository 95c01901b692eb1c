#include "CatalogApi.h"

#include "ApiContext.h"
#include "JsonWriter.h"
#include "Store.h"

#include <QRegularExpression>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
const QString kEnvs = u"providers/Microsoft.ProcessSimple/environments"_s;
const QString kPowerApps = u"providers/Microsoft.PowerApps"_s;
const QStringList kVersions{u"2016-11-01"_s};
} // namespace

void CatalogApi::registerRoutes(Router &router)
{
    const Area api = Area::Management;
    router.add(
        "GET", kEnvs, api, [this](Request &r) { return environments(r); }, kVersions);
    router.add(
        "GET", kEnvs + u"/{env}"_s, api, [this](Request &r) { return environment(r); }, kVersions);
    router.add(
        "GET", kEnvs + u"/{env}/apis"_s, api, [this](Request &r) { return connectors(r, r.param(u"env"_s)); },
        kVersions);
    router.add(
        "GET", kEnvs + u"/{env}/apis/{api}"_s, api,
        [this](Request &r) { return connector(r, r.param(u"env"_s)); }, kVersions);
    router.add(
        "GET", kEnvs + u"/{env}/connections"_s, api,
        [this](Request &r) { return connections(r, r.param(u"env"_s)); }, kVersions);
    const QStringList powerAppsVersions{u"2016-11-01"_s, u"2020-06-01"_s};
    auto withFilter = [this](Response (CatalogApi::*fn)(Request &, const QString &)) {
        return [this, fn](Request &r) {
            Response error;
            const auto env = environmentFilter(r, &error);
            return env ? (this->*fn)(r, *env) : error;
        };
    };
    router.add("GET", kPowerApps + u"/apis"_s, api, withFilter(&CatalogApi::connectors), powerAppsVersions);
    router.add("GET", kPowerApps + u"/apis/{api}"_s, api, withFilter(&CatalogApi::connector),
               powerAppsVersions);
    router.add("GET", kPowerApps + u"/connections"_s, api, withFilter(&CatalogApi::connections),
               powerAppsVersions);
}

std::optional<QString> CatalogApi::environmentFilter(const Request &req, Response *error)
{
    if (!req.hasQuery(u"$filter"_s))
        return u"~default"_s;
    static const QRegularExpression re(u"^\\s*environment\\s+eq\\s+'([^']*)'\\s*$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(req.queryValue(u"$filter"_s));
    if (!m.hasMatch()) {
        *error = ApiContext::invalid(QString(u"The $filter '"_s + req.queryValue(u"$filter"_s) +
                                             u"' is not supported; use environment eq '{name}'."_s));
        return std::nullopt;
    }
    return m.captured(1);
}

Response CatalogApi::environments(Request &req)
{
    QSqlQuery &q = m_ctx.store.prepared(u"SELECT name FROM environments ORDER BY ord, name"_s);
    const bool ran = q.exec();
    QStringList names;
    while (q.next())
        names.append(q.value(0).toString());
    if (!ran || q.lastError().isValid()) {
        const Response failed = ApiContext::readFailed(u"environments"_s, q);
        q.finish();
        return failed;
    }
    q.finish();
    QByteArray items;
    JsonWriter w(items);
    for (const QString &name : names) {
        Response ignored;
        if (const auto env = m_ctx.environment(req, &ignored, name))
            m_ctx.writeEnvironment(w, *env);
    }
    return ApiContext::listResponse(items, {});
}

Response CatalogApi::environment(Request &req)
{
    Response error;
    const auto env = m_ctx.environment(req, &error);
    if (!env)
        return error;
    QByteArray out;
    JsonWriter w(out);
    m_ctx.writeEnvironment(w, *env);
    return Response::rawJson(out);
}

Response CatalogApi::connectors(Request &req, const QString &envName)
{
    Response error;
    if (!m_ctx.environment(req, &error, envName))
        return error;
    QSqlQuery &q = m_ctx.store.prepared(
        u"SELECT name, display_name, description, publisher, tier, icon_uri, is_custom FROM connectors ORDER BY ord, name"_s);
    const bool ran = q.exec();
    QByteArray items;
    JsonWriter w(items);
    while (q.next()) {
        w.beginObject()
            .field("name", q.value(0).toString())
            .field("id", QString(u"/providers/Microsoft.PowerApps/apis/"_s + q.value(0).toString()))
            .field("type", "Microsoft.PowerApps/apis")
            .key("properties")
            .beginObject()
            .field("displayName", q.value(1).toString())
            .field("description", q.value(2).toString())
            .field("publisher", q.value(3).toString())
            .field("tier", q.value(4).toString())
            .field("iconUri", q.value(5).toString())
            .key("isCustomApi")
            .value(q.value(6).toInt() != 0)
            .endObject()
            .endObject();
    }
    if (!ran || q.lastError().isValid()) {
        const Response failed = ApiContext::readFailed(u"connectors"_s, q);
        q.finish();
        return failed;
    }
    q.finish();
    return ApiContext::listResponse(items, {});
}

Response CatalogApi::connector(Request &req, const QString &envName)
{
    Response error;
    if (!m_ctx.environment(req, &error, envName))
        return error;
    const QString name = req.param(u"api"_s);
    QSqlQuery &q = m_ctx.store.prepared(
        u"SELECT name, display_name, description, publisher, tier, icon_uri, is_custom FROM connectors WHERE name=? COLLATE NOCASE"_s);
    q.bindValue(0, name);
    q.exec();
    if (!q.next()) {
        q.finish();
        return Response::error(404, u"ConnectorNotFound"_s,
                               QString(u"The connector '"_s + name + u"' could not be found."_s));
    }
    QByteArray out;
    JsonWriter w(out);
    w.beginObject()
        .field("name", q.value(0).toString())
        .field("id", QString(u"/providers/Microsoft.PowerApps/apis/"_s + q.value(0).toString()))
        .field("type", "Microsoft.PowerApps/apis")
        .key("properties")
        .beginObject()
        .field("displayName", q.value(1).toString())
        .field("description", q.value(2).toString())
        .field("publisher", q.value(3).toString())
        .field("tier", q.value(4).toString())
        .field("iconUri", q.value(5).toString())
        .key("isCustomApi")
        .value(q.value(6).toInt() != 0)
        .key("capabilities")
        .beginArray()
        .value(u"actions"_s)
        .endArray()
        .endObject()
        .endObject();
    q.finish();
    return Response::rawJson(out);
}

Response CatalogApi::connections(Request &req, const QString &envName)
{
    Response error;
    const auto env = m_ctx.environment(req, &error, envName);
    if (!env)
        return error;
    QSqlQuery &q =
        m_ctx.store.prepared(u"SELECT c.name, c.api, c.display_name, c.created_ms, c.modified_ms, c.status,"
                             " c.created_by, a.display_name FROM connections c LEFT JOIN connectors a ON"
                             " a.name=c.api WHERE c.env=? ORDER BY c.name"_s);
    q.bindValue(0, env->name);
    const bool ran = q.exec();
    QByteArray items;
    JsonWriter w(items);
    while (q.next()) {
        const QString apiId = u"/providers/Microsoft.PowerApps/apis/"_s + q.value(1).toString();
        w.beginObject()
            .field("name", q.value(0).toString())
            .field("id", QString(apiId + u"/connections/"_s + q.value(0).toString()))
            .field("type", "Microsoft.PowerApps/apis/connections")
            .key("properties")
            .beginObject()
            .field("apiId", apiId)
            .field("displayName", q.value(2).toString())
            .field("connectorDisplayName", q.value(7).toString())
            .timeField("createdTime", q.value(3).toLongLong())
            .timeField("lastModifiedTime", q.value(4).toLongLong())
            .key("statuses")
            .beginArray()
            .beginObject()
            .field("status", q.value(5).toString())
            .endObject()
            .endArray()
            .key("environment")
            .beginObject()
            .field("name", env->name)
            .field("id", QString(u"/providers/Microsoft.PowerApps/environments/"_s + env->name))
            .endObject()
            .key("createdBy")
            .beginObject()
            .field("id", q.value(6).toString())
            .endObject()
            .endObject()
            .endObject();
    }
    if (!ran || q.lastError().isValid()) {
        const Response failed = ApiContext::readFailed(u"connections"_s, q);
        q.finish();
        return failed;
    }
    q.finish();
    return ApiContext::listResponse(items, {});
}

} // namespace fc::emu
