#pragma once

#include "Identity.h"
#include "Router.h"

namespace fc::emu {

class Identity;
class Directory;

// The Entra ID v2 endpoints on the emulator's base URL: /{tenant}/oauth2/v2.0/authorize,
// /token, /devicecode, the /devicelogin page where a user code is approved, and what clients
// discover first: the OpenID configuration, its jwks_uri and MSAL's instance discovery.
// Behind a TLS terminator (X-Forwarded-Proto, Host) every URL they hand out is on the origin
// the client reached, e.g. https://login.microsoftonline.com.
class IdentityEndpoints
{
public:
    IdentityEndpoints(Identity &identity, const Directory &directory, QString tenantId, QUrl baseUrl);
    void registerRoutes(Router &router);

private:
    Response authorize(Request &req);
    Response token(Request &req);
    Response deviceCode(Request &req);
    Response deviceLoginPage(Request &req);
    Response deviceLoginSubmit(Request &req);
    Response openIdConfiguration(Request &req);
    Response keys(Request &req);
    Response instanceDiscovery(Request &req);

    enum class Tenant { Own, Shared, Unknown }; // Shared: common, organizations, consumers
    Tenant tenantOf(const QString &tenant) const;
    std::optional<Response> checkTenant(const Request &req) const;
    QString origin(const Request &req) const;
    static Response oauthError(const QString &error, const QString &description, int status = 400);
    static Response oauthError(const OAuthError &error);
    // invalid_request for a missing or absurdly long client_id (its value is kept with codes).
    static std::optional<Response> checkClientId(const QString &clientId);

    Identity &m_identity;
    const Directory &m_directory;
    QString m_tenantId;
    QUrl m_baseUrl;
};

} // namespace fc::emu
