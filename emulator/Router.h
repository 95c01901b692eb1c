#pragma once

#include "Http.h"

#include <QByteArrayList>

#include <functional>
#include <vector>

namespace fc::emu {

// Which part of the service a route belongs to: decides authentication, api-version rules,
// throttling and faults.
enum class Area {
    Management, // Power Automate / PowerApps: bearer token, api-version, throttling, faults
    Graph,      // Microsoft Graph: bearer token, throttling, faults, no api-version
    Identity,   // sign-in endpoints and pages: open
    Callback,   // flow trigger URLs: signed, no token
    Control,    // /_emulator/*: only with --control
};

using Handler = std::function<Response(Request &)>;

struct Route
{
    QByteArray method;
    QStringList pattern; // literal segments, or {name} to capture
    Area area = Area::Management;
    QStringList apiVersions; // accepted values; a missing api-version is accepted
    Handler handler;
};

// Method + path pattern to handler. Unlike QHttpServer 6.4's router it tells an unknown path
// (404) from a known path called with the wrong method (405 with Allow).
class Router
{
public:
    void add(QByteArray method, const QString &pattern, Area area, Handler handler,
             QStringList apiVersions = {});

    struct Match
    {
        enum Kind { Found, NotFound, MethodNotAllowed } kind = NotFound;
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QByteArrayList allowed;
    };
    Match match(const QByteArray &method, const QStringList &segments) const;

    static QStringList splitPath(QByteArrayView encodedPath);

private:
    static bool matches(const Route &route, const QStringList &segments, QHash<QString, QString> *params);
    std::vector<Route> m_routes;
};

} // namespace fc::emu
