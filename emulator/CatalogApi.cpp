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

void writeConnector(JsonWriter &w, const QSqlQuery &q, bool details)
{
    // Columns: name, display_name, description, publisher, tier, icon_uri, is_custom, env
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
        .value(q.value(6).toInt() != 0);
    if (!q.value(7).toString().isEmpty())
        w.key("environment")
            .beginObject()
            .field("name", q.value(7).toString())
            .field("id", QString(u"/providers/Microsoft.PowerApps/environments/"_s + q.value(7).toString()))
            .endObject();
    if (details)
        w.key("capabilities").beginArray().value(u"actions"_s).endArray();
    w.endObject().endObject();
}
} // namespace

std::optional<CatalogFilter> parseCatalogFilter(const QString &filter, QString *problem)
{
    static const QRegularExpression andSplit(u"\\s+and\\s+"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression clause(u"^\\s*(\\w+)\\s+eq\\s+(?:'([^']*)'|(true|false))\\s*$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    CatalogFilter out;
    bool haveEnvironment = false;
    for (const QString &part : filter.split(andSplit)) {
        const auto m = clause.match(part);
        const QString key = m.captured(1);
        const QString value = m.hasCaptured(2) ? m.captured(2) : m.captured(3);
        if (m.hasMatch() && key.compare("environment"_L1, Qt::CaseInsensitive) == 0 && m.hasCaptured(2) &&
            !haveEnvironment) {
            out.environment = value;
            haveEnvironment = true;
        } else if (m.hasMatch() && key.compare("IsCustomApi"_L1, Qt::CaseInsensitive) == 0 &&
                   !out.customApis &&
                   (value.compare("true"_L1, Qt::CaseInsensitive) == 0 ||
                    value.compare("false"_L1, Qt::CaseInsensitive) == 0)) {
            out.customApis = value.compare("true"_L1, Qt::CaseInsensitive) == 0;
        } else {
            *problem =
                QString(u"The $filter '"_s + filter +
                        u"' is not supported; use environment eq '{name}' [and IsCustomApi eq 'True']."_s);
            return std::nullopt;
        }
    }
    if (!haveEnvironment) {
        *problem =
            QString(u"The $filter '"_s + filter + u"' names no environment; use environment eq '{name}'."_s);
        return std::nullopt;
    }
    return out;
}

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
    router.add(
        "GET", kPowerApps + u"/apis"_s, api,
        [this](Request &r) {
            Response error;
            const auto f = filter(r, &error);
            return f ? connectors(r, f->environment, f->customApis) : error;
        },
        powerAppsVersions);
    auto environmentOnly = [this](Response (CatalogApi::*fn)(Request &, const QString &)) {
        return [this, fn](Request &r) {
            Response error;
            const auto f = filter(r, &error);
            if (f && f->customApis)
                return ApiContext::invalid(u"IsCustomApi filters connectors only, not this resource."_s);
            return f ? (this->*fn)(r, f->environment) : error;
        };
    };
    router.add("GET", kPowerApps + u"/apis/{api}"_s, api, environmentOnly(&CatalogApi::connector),
               powerAppsVersions);
    router.add("GET", kPowerApps + u"/connections"_s, api, environmentOnly(&CatalogApi::connections),
               powerAppsVersions);
}

std::optional<CatalogFilter> CatalogApi::filter(const Request &req, Response *error)
{
    if (!req.hasQuery(u"$filter"_s))
        return CatalogFilter{u"~default"_s, std::nullopt};
    QString problem;
    auto f = parseCatalogFilter(req.queryValue(u"$filter"_s), &problem);
    if (!f)
        *error = ApiContext::invalid(problem);
    return f;
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

Response CatalogApi::connectors(Request &req, const QString &envName, std::optional<bool> customApis)
{
    Response error;
    const auto env = m_ctx.environment(req, &error, envName);
    if (!env)
        return error;
    // Shared connectors, and the custom connectors of this environment only.
    QSqlQuery &q =
        m_ctx.store.prepared(customApis ? u"SELECT name, display_name, description, publisher, tier, "
                                          u"icon_uri, is_custom, env FROM connectors"
                                          " WHERE (env IS NULL OR env=?) AND is_custom=? ORDER BY ord, name"_s
                                        : u"SELECT name, display_name, description, publisher, tier, "
                                          u"icon_uri, is_custom, env FROM connectors"
                                          " WHERE (env IS NULL OR env=?) ORDER BY ord, name"_s);
    q.bindValue(0, env->name);
    if (customApis)
        q.bindValue(1, *customApis ? 1 : 0);
    const bool ran = q.exec();
    QByteArray items;
    JsonWriter w(items);
    while (q.next())
        writeConnector(w, q, false);
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
    const auto env = m_ctx.environment(req, &error, envName);
    if (!env)
        return error;
    const QString name = req.param(u"api"_s);
    QSqlQuery &q = m_ctx.store.prepared(
        u"SELECT name, display_name, description, publisher, tier, icon_uri, is_custom, env FROM connectors"
        " WHERE name=? COLLATE NOCASE AND (env IS NULL OR env=?)"_s);
    q.bindValue(0, name);
    q.bindValue(1, env->name);
    q.exec();
    if (!q.next()) {
        q.finish();
        return Response::error(404, u"ConnectorNotFound"_s,
                               QString(u"The connector '"_s + name + u"' could not be found."_s));
    }
    QByteArray out;
    JsonWriter w(out);
    writeConnector(w, q, true);
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
            .field("status", q.value(5).toString());
        // As the service words a connection whose sign-in has lapsed.
        if (q.value(5).toString() == "Error"_L1) {
            w.field("target", "token")
                .key("error")
                .beginObject()
                .field("code", "Unauthenticated")
                .field("message", QString(u"Failed to refresh access token for service: "_s +
                                          q.value(1).toString() + u". The user must sign in again."_s))
                .endObject();
        }
        w.endObject()
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
