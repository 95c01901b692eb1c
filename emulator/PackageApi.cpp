#include "PackageApi.h"

#include "ApiContext.h"
#include "Store.h"
#include "Util.h"
#include "ZipWriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
const QString kEnvironment = u"providers/Microsoft.BusinessAppPlatform/environments/{env}"_s;
const QString kFlowIdPrefix = u"/providers/Microsoft.Flow/flows/"_s;
const QString kFlowType = u"Microsoft.Flow/flows"_s;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

void PackageApi::registerRoutes(Router &router)
{
    const QStringList versions{u"2016-11-01"_s};
    router.add(
        "POST", kEnvironment + u"/listPackageResources"_s, Area::Management,
        [this](Request &r) { return listResources(r); }, versions);
    router.add(
        "POST", kEnvironment + u"/exportPackage"_s, Area::Management,
        [this](Request &r) { return exportPackage(r); }, versions);
    // The download: signed, no token (live, a blob storage SAS link).
    router.add("GET", u"exportpackages/{token}/{file}"_s, Area::Callback,
               [this](Request &r) { return download(r); }, {});
}

QString PackageApi::resourceKey(const QString &id)
{
    // Live keys are opaque numbers; any stable text that is unique per resource does.
    const QByteArray digest = QCryptographicHash::hash(id.toLower().toUtf8(), QCryptographicHash::Sha256);
    quint64 n = 0;
    for (int i = 0; i < 8; ++i)
        n = (n << 8) | static_cast<unsigned char>(digest.at(i));
    return QString::number(n % 10000000000000000000ULL);
}

std::optional<QList<FlowRow>> PackageApi::flowsNamed(Request &req, const QJsonValue &ids,
                                                     const char *property, Response *error)
{
    const QString name = QString::fromLatin1(property);
    if (!ids.isArray() || ids.toArray().isEmpty()) {
        *error = ApiContext::invalid(u"The required property '"_s + name +
                                     u"' is missing or is not a non-empty array of resource IDs."_s);
        return std::nullopt;
    }
    const auto env = m_ctx.environment(req, error);
    if (!env)
        return std::nullopt;
    QList<FlowRow> flows;
    for (const QJsonValue &value : ids.toArray()) {
        const QString id = value.toString();
        if (!id.startsWith(kFlowIdPrefix, Qt::CaseInsensitive) || id.size() == kFlowIdPrefix.size() ||
            id.mid(kFlowIdPrefix.size()).contains(u'/')) {
            *error = ApiContext::invalid(u"The resource ID '"_s + id + u"' in '"_s + name +
                                         u"' is not a flow ID (/providers/Microsoft.Flow/flows/{name})."_s);
            return std::nullopt;
        }
        req.params.insert(u"flow"_s, id.mid(kFlowIdPrefix.size()));
        const auto flow = m_ctx.flow(req, *env, FlowAccess::Read, error);
        if (!flow)
            return std::nullopt;
        flows.append(*flow);
    }
    return flows;
}

QJsonObject PackageApi::resourcesOf(const FlowRow &flow) const
{
    QJsonObject resources;
    QJsonArray flowDependsOn;
    const QJsonObject references = QJsonDocument::fromJson(flow.connectionReferences).object();
    for (auto it = references.begin(); it != references.end(); ++it) {
        const QJsonObject ref = it.value().toObject();
        const QString apiId = ref.value("id"_L1).toString();
        const QString api = apiId.section(u'/', -1);
        QString apiName = ref.value("displayName"_L1).toString(), iconUri;
        QSqlQuery &c = m_ctx.store.prepared(u"SELECT display_name, icon_uri FROM connectors WHERE name=?"_s);
        c.bindValue(0, api);
        if (c.exec() && c.next()) {
            apiName = c.value(0).toString();
            iconUri = c.value(1).toString();
        }
        c.finish();
        const QString apiKey = resourceKey(apiId);
        if (!resources.contains(apiKey)) {
            resources.insert(apiKey, QJsonObject{{u"id"_s, apiId},
                                                 {u"name"_s, api},
                                                 {u"type"_s, u"Microsoft.PowerApps/apis"_s},
                                                 {u"suggestedCreationType"_s, u"Existing"_s},
                                                 {u"details"_s, QJsonObject{{u"displayName"_s, apiName},
                                                                            {u"iconUri"_s, iconUri}}},
                                                 {u"configurableBy"_s, u"System"_s},
                                                 {u"hierarchy"_s, u"Child"_s},
                                                 {u"dependsOn"_s, QJsonArray()}});
            flowDependsOn.append(apiKey);
        }
        const QString connection = ref.value("connectionName"_L1).toString();
        if (connection.isEmpty())
            continue;
        QString connectionName = connection;
        QSqlQuery &q = m_ctx.store.prepared(u"SELECT display_name FROM connections WHERE env=? AND name=?"_s);
        q.bindValue(0, flow.env);
        q.bindValue(1, connection);
        if (q.exec() && q.next() && !q.value(0).toString().isEmpty())
            connectionName = q.value(0).toString();
        q.finish();
        const QString connectionId = apiId + u"/connections/"_s + connection;
        const QString connectionKey = resourceKey(connectionId);
        resources.insert(connectionKey,
                         QJsonObject{{u"id"_s, connectionId},
                                     {u"name"_s, connection},
                                     {u"type"_s, u"Microsoft.PowerApps/apis/connections"_s},
                                     {u"suggestedCreationType"_s, u"Existing"_s},
                                     {u"creationType"_s, u"Existing"_s},
                                     {u"details"_s, QJsonObject{{u"displayName"_s, connectionName}}},
                                     {u"configurableBy"_s, u"User"_s},
                                     {u"hierarchy"_s, u"Child"_s},
                                     {u"dependsOn"_s, QJsonArray{apiKey}}});
        flowDependsOn.append(connectionKey);
    }
    const QString flowId = kFlowIdPrefix + flow.name;
    resources.insert(resourceKey(flowId),
                     QJsonObject{{u"id"_s, flowId},
                                 {u"name"_s, flow.name},
                                 {u"type"_s, kFlowType},
                                 {u"suggestedCreationType"_s, u"Update"_s},
                                 {u"creationType"_s, u"Existing, New, Update"_s},
                                 {u"details"_s, QJsonObject{{u"displayName"_s, flow.displayName}}},
                                 {u"configurableBy"_s, u"User"_s},
                                 {u"hierarchy"_s, u"Root"_s},
                                 {u"dependsOn"_s, flowDependsOn}});
    return resources;
}

Response PackageApi::listResources(Request &req)
{
    Response error;
    const auto body = m_ctx.jsonBody(req, &error);
    if (!body)
        return error;
    const QJsonValue ids = body->value("baseResourceIds"_L1);
    const auto flows = flowsNamed(req, ids, "baseResourceIds", &error);
    if (!flows)
        return error;
    QJsonObject resources;
    for (const FlowRow &flow : *flows) {
        const QJsonObject own = resourcesOf(flow);
        for (auto it = own.begin(); it != own.end(); ++it)
            resources.insert(it.key(), it.value());
    }
    return Response::json(QJsonObject{
        {u"baseResourceIds"_s, ids.toArray()}, {u"resources"_s, resources}, {u"status"_s, u"Succeeded"_s}});
}

QByteArray PackageApi::packageZip(const QList<FlowRow> &flows, const QJsonObject &details,
                                  const QJsonObject &resources) const
{
    ZipWriter zip;
    zip.add(
        u"manifest.json"_s,
        compact(QJsonObject{{u"schema"_s, u"1.0"_s}, {u"details"_s, details}, {u"resources"_s, resources}}));
    QJsonArray assets;
    for (const FlowRow &flow : flows) {
        const QString key = resourceKey(kFlowIdPrefix + flow.name);
        assets.append(key);
        const QString folder = u"Microsoft.Flow/flows/"_s + key + u'/';
        const QJsonObject references = QJsonDocument::fromJson(flow.connectionReferences).object();
        QJsonObject apisMap, connectionsMap;
        for (auto it = references.begin(); it != references.end(); ++it) {
            const QJsonObject ref = it.value().toObject();
            const QString apiId = ref.value("id"_L1).toString();
            apisMap.insert(it.key(), resourceKey(apiId));
            const QString connection = ref.value("connectionName"_L1).toString();
            if (!connection.isEmpty())
                connectionsMap.insert(it.key(), resourceKey(apiId + u"/connections/"_s + connection));
        }
        zip.add(folder + u"definition.json"_s,
                compact(QJsonObject{
                    {u"name"_s, flow.name},
                    {u"id"_s, m_ctx.flowId(flow.env, flow.name)},
                    {u"type"_s, u"Microsoft.Flow/flows"_s},
                    {u"properties"_s,
                     QJsonObject{{u"apiId"_s, u"/providers/Microsoft.PowerApps/apis/shared_logicflows"_s},
                                 {u"displayName"_s, flow.displayName},
                                 {u"definition"_s, QJsonDocument::fromJson(flow.definition).object()},
                                 {u"connectionReferences"_s, references},
                                 {u"flowFailureAlertSubscribed"_s, false},
                                 {u"isManaged"_s, false}}}}));
        zip.add(folder + u"apisMap.json"_s, compact(apisMap));
        zip.add(folder + u"connectionsMap.json"_s, compact(connectionsMap));
    }
    zip.add(u"Microsoft.Flow/flows/manifest.json"_s,
            compact(QJsonObject{{u"packageSchemaVersion"_s, u"1.0"_s},
                                {u"flowAssets"_s, QJsonObject{{u"assetPaths"_s, assets}}}}));
    return zip.finish();
}

Response PackageApi::exportPackage(Request &req)
{
    Response error;
    const auto body = m_ctx.jsonBody(req, &error);
    if (!body)
        return error;
    const auto flows = flowsNamed(req, body->value("includedResourceIds"_L1), "includedResourceIds", &error);
    if (!flows)
        return error;
    if (!body->value("resources"_L1).isObject())
        return ApiContext::invalid(u"The required property 'resources' is missing or is not an object "
                                   u"(listPackageResources answers it)."_s);
    // Every resource the package takes: those the client sends, or what the flows need.
    QJsonObject resources = body->value("resources"_L1).toObject();
    for (const FlowRow &flow : *flows) {
        const QJsonObject own = resourcesOf(flow);
        for (auto it = own.begin(); it != own.end(); ++it) {
            if (!resources.contains(it.key()))
                resources.insert(it.key(), it.value());
        }
    }
    const QJsonObject given = body->value("details"_L1).toObject();
    const auto text = [&given](const char *key, const QString &fallback) {
        const QString value = given.value(QLatin1StringView(key)).toString();
        return value.isEmpty() ? fallback : value;
    };
    const qint64 now = nowMs();
    const QJsonObject details{
        {u"displayName"_s, text("displayName", flows->first().displayName)},
        {u"description"_s, text("description", QString())},
        {u"creator"_s, text("creator", req.caller.displayName)},
        {u"sourceEnvironment"_s, text("sourceEnvironment", req.param(u"env"_s))},
        {u"createdTime"_s, isoTime(now)},
        {u"packageTelemetryId"_s, newGuid()},
    };
    const QString token = newGuid().remove(u'-');
    m_packages.insert(token, packageZip(*flows, details, resources));
    m_packageOrder.append(token);
    while (m_packageOrder.size() > kKeptPackages)
        m_packages.remove(m_packageOrder.takeFirst());
    // The file name the portal gives: the package's name and when it was made.
    QString file = details.value("displayName"_L1).toString();
    file.replace(QRegularExpression(u"[^A-Za-z0-9_-]+"_s), u"_"_s);
    file += u'_' + QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(u"yyyyMMddHHmmss"_s) + u".zip"_s;
    const QString base = m_ctx.requestBase(req);
    const QString host = QUrl(base).host();
    const bool loopback = host.isEmpty() || host == "localhost"_L1 || QHostAddress(host).isLoopback();
    const QString expiry = isoTime(ApiContext::contentLinkExpiry(now));
    const QString link = (loopback ? base : u"https://bapfeblobprodam.blob.core.windows.net"_s) +
                         u"/exportpackages/"_s + token + u'/' + file + u"?sv=2018-03-28&sr=b&sp=r&se="_s +
                         QString::fromLatin1(QUrl::toPercentEncoding(expiry)) + u"&sig="_s +
                         QString::fromLatin1(m_ctx.contentSignature(u"exportpackage"_s,
                                                                    u"/exportpackages/"_s + token, expiry));
    return Response::json(QJsonObject{{u"details"_s, details},
                                      {u"resources"_s, resources},
                                      {u"status"_s, u"Succeeded"_s},
                                      {u"packageLink"_s, QJsonObject{{u"value"_s, link}}}});
}

Response PackageApi::download(Request &req)
{
    const QString token = req.param(u"token"_s);
    const QString expiry = req.queryValue(u"se"_s);
    const QByteArray expected =
        m_ctx.contentSignature(u"exportpackage"_s, u"/exportpackages/"_s + token, expiry);
    const auto expires = QDateTime::fromString(expiry, Qt::ISODateWithMs);
    // Blob storage's answers to a link that is wrong or too old, and to a package no longer kept.
    if (req.queryValue(u"sig"_s).toLatin1() != expected || !expires.isValid())
        return Response::error(403, u"AuthenticationFailed"_s,
                               u"Server failed to authenticate the request. Make sure the value of "
                               u"Authorization header is formed correctly including the signature."_s);
    if (expires.toMSecsSinceEpoch() < nowMs())
        return Response::error(403, u"AuthenticationFailed"_s, u"Signed expiry time has passed."_s);
    const auto it = m_packages.constFind(token);
    if (it == m_packages.constEnd())
        return Response::error(404, u"BlobNotFound"_s, u"The specified blob does not exist."_s);
    Response zip;
    zip.contentType = "application/x-zip-compressed";
    zip.body = *it;
    return zip;
}

} // namespace fc::emu
