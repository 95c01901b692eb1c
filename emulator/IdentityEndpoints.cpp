#include "IdentityEndpoints.h"

#include "Identity.h"
#include "Util.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
constexpr auto kTenantDomain = "contoso.example"_L1;
constexpr qsizetype kMaxClientIdLength = 256;
constexpr qsizetype kMaxRedirectLength = 2048;

bool isLoopbackRedirect(const QUrl &url)
{
    // RFC 8252 §7.3: a native app may use any port on the loopback interface, over http.
    return url.isValid() && url.scheme() == "http"_L1 && url.port() > 0 &&
           (url.host() == "localhost"_L1 || url.host() == "127.0.0.1"_L1 || url.host() == "[::1]"_L1 ||
            url.host() == "::1"_L1);
}

bool isLoopbackHost(const QString &host)
{
    return host == "localhost"_L1 || host == "127.0.0.1"_L1 || host == "::1"_L1 || host == "[::1]"_L1;
}

// Entra's instance discovery metadata (api-version 1.1): the clouds and their host aliases.
struct Cloud
{
    const char *preferredNetwork;
    const char *preferredCache;
    std::initializer_list<const char *> aliases;
};
const Cloud kClouds[] = {
    {"login.microsoftonline.com",
     "login.windows.net",
     {"login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"}},
    {"login.partner.microsoftonline.cn",
     "login.partner.microsoftonline.cn",
     {"login.partner.microsoftonline.cn", "login.chinacloudapi.cn"}},
    {"login.microsoftonline.de", "login.microsoftonline.de", {"login.microsoftonline.de"}},
    {"login.microsoftonline.us",
     "login.microsoftonline.us",
     {"login.microsoftonline.us", "login.usgovcloudapi.net"}},
    {"login-us.microsoftonline.com", "login-us.microsoftonline.com", {"login-us.microsoftonline.com"}},
};

QJsonObject cloudMetadata(const QString &preferredNetwork, const QString &preferredCache,
                          const QStringList &aliases)
{
    return QJsonObject{{u"preferred_network"_s, preferredNetwork},
                       {u"preferred_cache"_s, preferredCache},
                       {u"aliases"_s, QJsonArray::fromStringList(aliases)}};
}

QString page(const QString &title, const QString &body)
{
    return QString(u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"_s + htmlEscape(title) +
                   u"</title><style>body{font-family:sans-serif;max-width:36em;margin:3em auto}"
                   "a,button{display:block;margin:.4em 0}</style></head><body><h1>"_s +
                   htmlEscape(title) + u"</h1>"_s + body + u"</body></html>"_s);
}
} // namespace

IdentityEndpoints::IdentityEndpoints(Identity &identity, const Directory &directory, QString tenantId,
                                     QUrl baseUrl)
    : m_identity(identity)
    , m_directory(directory)
    , m_tenantId(std::move(tenantId))
    , m_baseUrl(std::move(baseUrl))
{}

void IdentityEndpoints::registerRoutes(Router &router)
{
    router.add("GET", u"{tenant}/oauth2/v2.0/authorize"_s, Area::Identity,
               [this](Request &r) { return authorize(r); });
    router.add("POST", u"{tenant}/oauth2/v2.0/token"_s, Area::Identity,
               [this](Request &r) { return token(r); });
    router.add("POST", u"{tenant}/oauth2/v2.0/devicecode"_s, Area::Identity,
               [this](Request &r) { return deviceCode(r); });
    router.add("GET", u"{tenant}/v2.0/.well-known/openid-configuration"_s, Area::Identity,
               [this](Request &r) { return openIdConfiguration(r); });
    router.add("GET", u"{tenant}/discovery/v2.0/keys"_s, Area::Identity,
               [this](Request &r) { return keys(r); });
    router.add("GET", u"{tenant}/discovery/keys"_s, Area::Identity, [this](Request &r) { return keys(r); });
    router.add("GET", u"{tenant}/discovery/instance"_s, Area::Identity,
               [this](Request &r) { return instanceDiscovery(r); });
    router.add("GET", u"devicelogin"_s, Area::Identity, [this](Request &r) { return deviceLoginPage(r); });
    router.add("POST", u"devicelogin"_s, Area::Identity, [this](Request &r) { return deviceLoginSubmit(r); });
}

Response IdentityEndpoints::oauthError(const QString &error, const QString &description, int status)
{
    return Response::json(QJsonObject{{u"error"_s, error},
                                      {u"error_description"_s, description},
                                      {u"error_codes"_s, QJsonArray{}},
                                      {u"timestamp"_s, isoTime(nowMs())},
                                      {u"trace_id"_s, newGuid()},
                                      {u"correlation_id"_s, newGuid()}},
                          status);
}

Response IdentityEndpoints::oauthError(const OAuthError &error)
{
    Response r = oauthError(error.error, error.description, error.status);
    if (error.status == 429)
        r.withHeader("Retry-After", "5");
    return r;
}

std::optional<Response> IdentityEndpoints::checkClientId(const QString &clientId)
{
    if (clientId.isEmpty())
        return oauthError(
            u"invalid_request"_s,
            u"AADSTS900144: The request body must contain the following parameter: 'client_id'."_s);
    if (clientId.size() > kMaxClientIdLength)
        return oauthError(u"unauthorized_client"_s,
                          QString(u"AADSTS700016: Application with identifier of "_s +
                                  QString::number(clientId.size()) +
                                  u" characters was not found in the directory."_s));
    return std::nullopt;
}

IdentityEndpoints::Tenant IdentityEndpoints::tenantOf(const QString &tenant) const
{
    if (tenant.compare(m_tenantId, Qt::CaseInsensitive) == 0 ||
        tenant.compare(kTenantDomain, Qt::CaseInsensitive) == 0)
        return Tenant::Own;
    if (tenant.compare("common"_L1, Qt::CaseInsensitive) == 0 ||
        tenant.compare("organizations"_L1, Qt::CaseInsensitive) == 0 ||
        tenant.compare("consumers"_L1, Qt::CaseInsensitive) == 0)
        return Tenant::Shared;
    return Tenant::Unknown;
}

QString IdentityEndpoints::origin(const Request &req) const
{
    // A TLS terminator in front (as a client reaches the real hosts) says so; the emulator's
    // own base URL otherwise. The host is checked so that it can go into URLs and pages as is.
    const QByteArray proto = req.header("X-Forwarded-Proto").split(',').constFirst().trimmed().toLower();
    if (proto != "https" && proto != "http")
        return m_baseUrl.toString();
    QString host = QString::fromLatin1(req.header("X-Forwarded-Host").split(',').constFirst().trimmed());
    if (host.isEmpty())
        host = QString::fromLatin1(req.header("Host").trimmed());
    static const QRegularExpression valid(
        u"^([A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[::1\\])(:[0-9]{1,5})?$"_s);
    if (!valid.match(host).hasMatch())
        return m_baseUrl.toString();
    host = host.toLower();
    if (proto == "https" && host.endsWith(":443"_L1))
        host.chop(4);
    return QString::fromLatin1(proto) + u"://"_s + host;
}

std::optional<Response> IdentityEndpoints::checkTenant(const Request &req) const
{
    const QString tenant = req.param(u"tenant"_s);
    if (tenant.compare("common"_L1, Qt::CaseInsensitive) == 0 ||
        tenant.compare("consumers"_L1, Qt::CaseInsensitive) == 0)
        return oauthError(
            u"invalid_request"_s,
            u"AADSTS50194: Application is not configured as a multi-tenant application. Usage of the "
            "/common endpoint is not supported for such applications. Use a tenant-specific endpoint "
            "or configure the application to be multi-tenant."_s);
    if (tenantOf(tenant) == Tenant::Unknown)
        return oauthError(u"invalid_tenant"_s,
                          QString(u"AADSTS90002: Tenant '"_s + tenant + u"' not found."_s));
    return std::nullopt;
}

Response IdentityEndpoints::authorize(Request &req)
{
    if (auto bad = checkTenant(req))
        return *bad;
    const QString clientId = req.queryValue(u"client_id"_s);
    const QUrl redirect(req.queryValue(u"redirect_uri"_s));
    if (clientId.isEmpty() || clientId.size() > kMaxClientIdLength)
        return Response::html(
            page(u"Sign-in error"_s, u"<p>AADSTS900144: The request must contain a valid client_id.</p>"_s),
            400);
    if (req.queryValue(u"redirect_uri"_s).size() > kMaxRedirectLength || !isLoopbackRedirect(redirect))
        return Response::html(page(u"Sign-in error"_s,
                                   u"<p>AADSTS50011: The redirect URI must be http://localhost:PORT/… or "
                                   "http://127.0.0.1:PORT/….</p>"_s),
                              400);
    const QString state = req.queryValue(u"state"_s);
    auto fail = [&](const QString &error, const QString &description) {
        QUrl target = redirect;
        QUrlQuery q(target);
        q.addQueryItem(u"error"_s, error);
        q.addQueryItem(u"error_description"_s, QString::fromLatin1(QUrl::toPercentEncoding(description)));
        if (!state.isEmpty())
            q.addQueryItem(u"state"_s, QString::fromLatin1(QUrl::toPercentEncoding(state)));
        target.setQuery(q);
        return Response::redirect(target);
    };
    if (req.queryValue(u"response_type"_s) != "code"_L1)
        return fail(u"unsupported_response_type"_s, u"AADSTS700054: response_type must be 'code'."_s);
    const QString challenge = req.queryValue(u"code_challenge"_s);
    if (challenge.isEmpty() || req.queryValue(u"code_challenge_method"_s) != "S256"_L1)
        return fail(u"invalid_request"_s,
                    u"AADSTS9002325: Proof Key for Code Exchange (S256) is required for public clients."_s);
    if (challenge.size() < 43 || challenge.size() > 128)
        return fail(u"invalid_request"_s, u"AADSTS501491: Invalid size of Code_Challenge parameter."_s);
    if (const auto bad = Identity::checkScope(req.queryValue(u"scope"_s)))
        return fail(bad->error, bad->description);

    const QString hint = req.queryValue(u"login_hint"_s);
    if (const auto user = m_directory.userByUpn(hint)) {
        const QString code = m_identity.createAuthCode(
            Grant{user->id, clientId, req.queryValue(u"scope"_s), req.queryValue(u"nonce"_s)},
            redirect.toString(), challenge);
        QUrl target = redirect;
        QUrlQuery q(target);
        q.addQueryItem(u"code"_s, code);
        if (!state.isEmpty())
            q.addQueryItem(u"state"_s, QString::fromLatin1(QUrl::toPercentEncoding(state)));
        target.setQuery(q);
        return Response::redirect(target);
    }
    // No (known) hint: a page to pick an account; each link repeats the request with a hint.
    QString list;
    for (const DirectoryUser &user : m_directory.users()) {
        QHash<QString, QString> query = req.query;
        query.insert(u"login_hint"_s, user.upn);
        QUrlQuery q;
        for (auto it = query.cbegin(); it != query.cend(); ++it)
            q.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
        QUrl link(origin(req));
        link.setPath(u'/' + req.param(u"tenant"_s) + u"/oauth2/v2.0/authorize"_s);
        link.setQuery(q);
        list += QString(u"<a href=\""_s + htmlEscape(QString::fromLatin1(link.toEncoded())) + u"\">"_s +
                        htmlEscape(user.displayName) + u" &lt;"_s + htmlEscape(user.upn) + u"&gt;</a>"_s);
    }
    return Response::html(page(u"Pick an account"_s, u"<p>FlowConsole emulator – sign in as:</p>"_s + list));
}

Response IdentityEndpoints::token(Request &req)
{
    if (auto bad = checkTenant(req))
        return *bad;
    const QHash<QString, QString> form = Request::parseForm(req.body);
    const QString clientId = form.value(u"client_id"_s);
    if (auto bad = checkClientId(clientId))
        return *bad;
    // Checked before any grant is redeemed: a refused scope leaves a refresh token unspent.
    if (const auto bad = Identity::checkScope(form.value(u"scope"_s)))
        return oauthError(*bad);
    const QString grantType = form.value(u"grant_type"_s);
    std::variant<Grant, OAuthError> grant = OAuthError{};
    if (grantType == "authorization_code"_L1) {
        grant = m_identity.redeemAuthCode(form.value(u"code"_s), clientId,
                                          QUrl(form.value(u"redirect_uri"_s)).toString(),
                                          form.value(u"code_verifier"_s));
    } else if (grantType == "refresh_token"_L1) {
        grant =
            m_identity.redeemRefreshToken(form.value(u"refresh_token"_s), clientId, form.value(u"scope"_s));
    } else if (grantType == "urn:ietf:params:oauth:grant-type:device_code"_L1 ||
               grantType == "device_code"_L1) {
        const QString code = form.value(u"device_code"_s, form.value(u"code"_s));
        grant = m_identity.pollDeviceCode(code, clientId);
    } else {
        return oauthError(
            u"unsupported_grant_type"_s,
            QString(u"AADSTS70003: The app requested an unsupported grant type '"_s + grantType + u"'."_s));
    }
    if (const auto *error = std::get_if<OAuthError>(&grant))
        return oauthError(*error);
    const auto tokens = m_identity.issue(std::get<Grant>(grant), origin(req));
    if (const auto *error = std::get_if<OAuthError>(&tokens))
        return oauthError(*error);
    const auto &t = std::get<Identity::Tokens>(tokens);
    QJsonObject body{{u"token_type"_s, u"Bearer"_s},
                     {u"scope"_s, t.scope},
                     {u"expires_in"_s, t.expiresIn},
                     {u"ext_expires_in"_s, t.expiresIn},
                     {u"access_token"_s, QString::fromLatin1(t.accessToken)},
                     {u"id_token"_s, QString::fromLatin1(t.idToken)}};
    if (!t.refreshToken.isEmpty())
        body.insert(u"refresh_token"_s, QString::fromLatin1(t.refreshToken));
    // MSAL asks for it on every grant and keys its account cache by it (uid.utid).
    if (form.value(u"client_info"_s) == "1"_L1)
        body.insert(u"client_info"_s, QString::fromLatin1(t.clientInfo));
    return Response::json(body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
}

Response IdentityEndpoints::deviceCode(Request &req)
{
    if (auto bad = checkTenant(req))
        return *bad;
    const QHash<QString, QString> form = Request::parseForm(req.body);
    const QString clientId = form.value(u"client_id"_s);
    if (auto bad = checkClientId(clientId))
        return *bad;
    if (const auto bad = Identity::checkScope(form.value(u"scope"_s)))
        return oauthError(*bad);
    const auto started = m_identity.startDeviceCode(Grant{{}, clientId, form.value(u"scope"_s), {}});
    if (const auto *error = std::get_if<OAuthError>(&started))
        return oauthError(*error);
    const DeviceCodeStart &start = std::get<DeviceCodeStart>(started);
    const QString verification = origin(req) + u"/devicelogin"_s;
    return Response::json(QJsonObject{
        {u"device_code"_s, start.deviceCode},
        {u"user_code"_s, start.userCode},
        {u"verification_uri"_s, verification},
        {u"expires_in"_s, start.expiresIn},
        {u"interval"_s, start.interval},
        {u"message"_s, QString(u"To sign in, use a web browser to open the page "_s + verification +
                               u" and enter the code "_s + start.userCode + u" to authenticate."_s)},
    });
}

Response IdentityEndpoints::deviceLoginPage(Request &req)
{
    QString options;
    for (const DirectoryUser &user : m_directory.users())
        options += QString(u"<option value=\""_s + htmlEscape(user.upn) + u"\">"_s +
                           htmlEscape(user.displayName) + u"</option>"_s);
    const QString form =
        u"<form method=\"post\" action=\"/devicelogin\"><label>Code <input name=\"user_code\" value=\""_s +
        htmlEscape(req.queryValue(u"otc"_s)) + u"\"></label><label> Account <select name=\"upn\">"_s +
        options +
        u"</select></label><button name=\"action\" value=\"approve\">Sign in</button>"
        "<button name=\"action\" value=\"deny\">Cancel</button></form>"_s;
    return Response::html(page(u"Enter code"_s, form));
}

Response IdentityEndpoints::deviceLoginSubmit(Request &req)
{
    const QHash<QString, QString> form = Request::parseForm(req.body);
    const QString userCode = form.value(u"user_code"_s);
    if (form.value(u"action"_s) == "deny"_L1) {
        if (!m_identity.denyDeviceCode(userCode))
            return Response::html(page(u"Unknown code"_s, u"<p>That code is not valid or has expired.</p>"_s),
                                  400);
        return Response::html(page(u"Sign-in cancelled"_s, u"<p>You can close this window.</p>"_s));
    }
    const auto user = m_directory.userByUpn(form.value(u"upn"_s));
    if (!user || !m_identity.approveDeviceCode(userCode, user->id))
        return Response::html(
            page(u"Unknown code"_s, u"<p>That code or account is not valid, or the code has expired.</p>"_s),
            400);
    return Response::html(page(u"You are signed in"_s, QString(u"<p>Signed in as "_s + htmlEscape(user->upn) +
                                                               u". You can close this window.</p>"_s)));
}

Response IdentityEndpoints::openIdConfiguration(Request &req)
{
    const QString tenant = req.param(u"tenant"_s);
    const Tenant kind = tenantOf(tenant);
    if (kind == Tenant::Unknown)
        return oauthError(u"invalid_tenant"_s,
                          QString(u"AADSTS90002: Tenant '"_s + tenant + u"' not found."_s));
    // As Entra's: a tenant's own document names it by ID; the shared ones keep their segment in
    // the endpoints and leave the issuer's tenant as a template for the client to fill in.
    const QString host = origin(req);
    const QString segment = kind == Tenant::Own ? m_tenantId : tenant.toLower();
    const QString root = host + u'/' + segment;
    const QString issuerTenant = kind == Tenant::Own ? m_tenantId : u"{tenantid}"_s;
    const auto list = [](std::initializer_list<const char *> items) {
        QJsonArray out;
        for (const char *item : items)
            out.append(QString::fromLatin1(item));
        return out;
    };
    return Response::json(QJsonObject{
        {u"token_endpoint"_s, QString(root + u"/oauth2/v2.0/token"_s)},
        {u"token_endpoint_auth_methods_supported"_s,
         list({"client_secret_post", "private_key_jwt", "client_secret_basic"})},
        {u"jwks_uri"_s, QString(root + u"/discovery/v2.0/keys"_s)},
        {u"response_modes_supported"_s, list({"query", "fragment", "form_post"})},
        {u"subject_types_supported"_s, list({"pairwise"})},
        {u"id_token_signing_alg_values_supported"_s, list({"RS256"})},
        {u"response_types_supported"_s, list({"code", "id_token", "code id_token", "id_token token"})},
        {u"scopes_supported"_s, list({"openid", "profile", "email", "offline_access"})},
        {u"issuer"_s, QString(host + u'/' + issuerTenant + u"/v2.0"_s)},
        {u"request_uri_parameter_supported"_s, false},
        {u"authorization_endpoint"_s, QString(root + u"/oauth2/v2.0/authorize"_s)},
        {u"device_authorization_endpoint"_s, QString(root + u"/oauth2/v2.0/devicecode"_s)},
        {u"http_logout_supported"_s, true},
        {u"frontchannel_logout_supported"_s, true},
        {u"claims_supported"_s,
         list({"sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name",
               "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name",
               "tid", "ver", "at_hash", "c_hash", "email"})},
        {u"tenant_region_scope"_s, kind == Tenant::Own ? QJsonValue(u"NA"_s) : QJsonValue()},
        {u"cloud_instance_name"_s, u"microsoftonline.com"_s},
        {u"cloud_graph_host_name"_s, u"graph.windows.net"_s},
        {u"msgraph_host"_s, u"graph.microsoft.com"_s},
        {u"rbac_url"_s, u"https://pas.windows.net"_s},
    });
}

Response IdentityEndpoints::keys(Request &req)
{
    const QString tenant = req.param(u"tenant"_s);
    const Tenant kind = tenantOf(tenant);
    if (kind == Tenant::Unknown)
        return oauthError(u"invalid_tenant"_s,
                          QString(u"AADSTS90002: Tenant '"_s + tenant + u"' not found."_s));
    const QString issuer =
        origin(req) + u'/' + (kind == Tenant::Own ? m_tenantId : u"{tenantid}"_s) + u"/v2.0"_s;
    const SigningKey *key = m_identity.signingKey();
    if (!key)
        return oauthError(u"temporarily_unavailable"_s, u"AADSTS90033: No signing key is available."_s, 503);
    return Response::json(QJsonObject{{u"keys"_s, QJsonArray{key->jwk(issuer)}}})
        .withHeader("Cache-Control", "max-age=86400, private");
}

Response IdentityEndpoints::instanceDiscovery(Request &req)
{
    // What MSAL asks before it trusts an authority it has no built-in metadata for: the hosts
    // that are one cloud (one token cache) and where the OpenID configuration is.
    const QString tenant = req.param(u"tenant"_s);
    if (tenantOf(tenant) == Tenant::Unknown)
        return oauthError(u"invalid_tenant"_s,
                          QString(u"AADSTS90002: Tenant '"_s + tenant + u"' not found."_s));
    const QString version = req.queryValue(u"api-version"_s);
    if (version.isEmpty())
        return oauthError(u"invalid_request"_s,
                          u"AADSTS90014: The required field 'api-version' is missing."_s);
    if (version != "1.0"_L1 && version != "1.1"_L1)
        return oauthError(u"invalid_request"_s, QString(u"AADSTS90010: The api-version '"_s + version +
                                                        u"' is not supported; use 1.1."_s));
    const QString endpointText = req.queryValue(u"authorization_endpoint"_s);
    if (endpointText.isEmpty())
        return oauthError(u"invalid_request"_s,
                          u"AADSTS90014: The required field 'authorization_endpoint' is missing."_s);
    const QUrl endpoint(endpointText, QUrl::StrictMode);
    const QString host = endpoint.host().toLower();
    const bool https = endpoint.scheme() == "https"_L1;
    const int defaultPort = https ? 443 : 80;
    const QString hostAndPort = endpoint.port(defaultPort) == defaultPort
                                    ? host
                                    : QString(host + u':' + QString::number(endpoint.port()));
    const QStringList path = endpoint.path().split(u'/', Qt::SkipEmptyParts);
    const Cloud *cloud = nullptr;
    for (const Cloud &c : kClouds) {
        for (const char *alias : c.aliases) {
            if (host == QLatin1StringView(alias))
                cloud = &c;
        }
    }
    // The emulator's own host (as the client reached it) and loopback stand for a cloud of their own.
    const bool own = !cloud && (isLoopbackHost(host) || QUrl(origin(req)).host().toLower() == host);
    const bool valid = endpoint.isValid() && (https || (own && endpoint.scheme() == "http"_L1)) &&
                       !path.isEmpty() && (cloud || own);
    if (!valid)
        return oauthError(u"invalid_instance"_s, u"AADSTS50049: Unknown or invalid instance."_s);
    const bool v2 = path.contains("v2.0"_L1);
    QJsonArray metadata;
    if (own)
        metadata.append(cloudMetadata(hostAndPort, hostAndPort, {hostAndPort}));
    for (const Cloud &c : kClouds) {
        QStringList aliases;
        for (const char *alias : c.aliases)
            aliases << QString::fromLatin1(alias);
        metadata.append(cloudMetadata(QString::fromLatin1(c.preferredNetwork),
                                      QString::fromLatin1(c.preferredCache), aliases));
    }
    return Response::json(QJsonObject{
        {u"tenant_discovery_endpoint"_s,
         QString(endpoint.scheme() + u"://"_s + hostAndPort + u'/' + path.constFirst() +
                 (v2 ? u"/v2.0"_s : QString()) + u"/.well-known/openid-configuration"_s)},
        {u"api-version"_s, version},
        {u"metadata"_s, metadata},
    });
}

} // namespace fc::emu
