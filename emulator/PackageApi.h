#pragma once

#include "Router.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace fc::emu {

class ApiContext;
struct FlowRow;

// The portal's "Export > Package (.zip)" on the Power Platform (BAP) host, as the m365 CLI's
// `flow export` drives it: listPackageResources names what a flow takes with it (the flow, its
// connectors and connections), exportPackage builds the package and answers a signed, anonymous
// download link (live: blob storage), which serves the zip: manifest.json, and under
// Microsoft.Flow/flows/ the flow's definition.json, apisMap.json and connectionsMap.json.
class PackageApi
{
public:
    explicit PackageApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response listResources(Request &req);
    Response exportPackage(Request &req);
    Response download(Request &req);

    // The flows a body's resource IDs name ("/providers/Microsoft.Flow/flows/{name}"), each
    // checked for the caller's access; a bad ID or an inaccessible flow gives *error.
    std::optional<QList<FlowRow>> flowsNamed(Request &req, const QJsonValue &ids, const char *property,
                                             Response *error);
    QJsonObject resourcesOf(const FlowRow &flow) const;
    static QString resourceKey(const QString &id); // stable per resource ID
    QByteArray packageZip(const QList<FlowRow> &flows, const QJsonObject &details,
                          const QJsonObject &resources) const;

    ApiContext &m_ctx;
    static constexpr qsizetype kKeptPackages = 32; // the oldest download goes first
    QHash<QString, QByteArray> m_packages;         // by download token
    QStringList m_packageOrder;
};

} // namespace fc::emu
