#include "Identity.h"

#include "Util.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
constexpr qint64 kCodeLifetimeMs = 10 * 60 * 1000;
constexpr qsizetype kMaxScopeLength = 2048;
constexpr int kExpiredDeviceCodesKept = 1024;

// The resources the emulator serves, as their tokens' audiences spell them (without the
// trailing slash; a client asking for "https://service.powerapps.com//.default" gets one).
constexpr QLatin1StringView kFlowResource("https://service.flow.microsoft.com");
constexpr QLatin1StringView kArmResource("https://management.azure.com");
constexpr QLatin1StringView kPowerAppsResource("https://service.powerapps.com");
constexpr QLatin1StringView kGraphResource("https://graph.microsoft.com");
constexpr QLatin1StringView kResources[] = {kFlowResource, kArmResource, kPowerAppsResource, kGraphResource};

bool isOpenIdScope(const QString &scope)
{
    return scope.compare("offline_access"_L1, Qt::CaseInsensitive) == 0 ||
           scope.compare("openid"_L1, Qt::CaseInsensitive) == 0 ||
           scope.compare("profile"_L1, Qt::CaseInsensitive) == 0 ||
           scope.compare("email"_L1, Qt::CaseInsensitive) == 0;
}

// For "https://host[/]/name": the known resource it names (with "/" if it was spelt with one)
// and whether the scope is well formed; an unknown resource gives an empty audience.
struct ScopeResource
{
    bool qualified = false; // names a resource at all
    bool wellFormed = true;
    QString audience;
    QString resource; // as the client spelt it
};

ScopeResource resourceOfScope(const QString &scope)
{
    ScopeResource r;
    const qsizetype schemeEnd = scope.indexOf("://"_L1);
    if (schemeEnd < 0)
        return r;
    r.qualified = true;
    const qsizetype slash = scope.lastIndexOf(u'/');
    if (slash <= schemeEnd + 2 || slash == scope.size() - 1) {
        r.wellFormed = false; // no scope name after the resource
        r.resource = scope;
        return r;
    }
    r.resource = scope.left(slash);
    const bool trailingSlash = r.resource.endsWith(u'/');
    const QString base = trailingSlash ? r.resource.chopped(1) : r.resource;
    for (const QLatin1StringView known : kResources) {
        if (base.compare(known, Qt::CaseInsensitive) == 0) {
            r.audience = known + (trailingSlash ? u"/"_s : QString());
            break;
        }
    }
    return r;
}

template <typename Map>
void trimOldest(Map &map, qsizetype keep)
{
    // Drops the entries that expire first until `keep` are left.
    if (map.size() <= keep)
        return;
    std::vector<qint64> expiries;
    expiries.reserve(size_t(map.size()));
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        expiries.push_back(it->expiresMs);
    const auto nth = expiries.begin() + (map.size() - keep);
    std::nth_element(expiries.begin(), nth, expiries.end());
    const qint64 threshold = *nth;
    for (auto it = map.begin(); it != map.end() && map.size() > keep;)
        it = it->expiresMs <= threshold ? map.erase(it) : std::next(it);
}

QString scopesFor(const QString &scope)
{
    // .default asks for everything the app was granted: answer with the delegated scopes a
    // registered FlowConsole app would hold for that resource.
    QStringList out;
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        const QString lower = s.toLower();
        if (lower == "offline_access"_L1 || lower == "openid"_L1 || lower == "profile"_L1 ||
            lower == "email"_L1)
            continue;
        if (lower.endsWith("/.default"_L1)) {
            if (lower.contains("service.flow.microsoft.com"_L1))
                out << u"Flows.Manage.All"_s << u"Flows.Read.All"_s << u"User"_s;
            else if (lower.contains("graph.microsoft.com"_L1))
                out << u"User.Read"_s << u"User.ReadBasic.All"_s << u"GroupMember.Read.All"_s;
            else
                out << u"user_impersonation"_s;
        } else {
            const qsizetype slash = s.lastIndexOf(u'/');
            out << (slash >= 0 ? s.mid(slash + 1) : s);
        }
    }
    out.removeDuplicates();
    return out.join(u' ');
}

QString codeChars(int n)
{
    static const char alphabet[] = "BCDFGHJKLMNPQRSTVWXZ23456789";
    QString out;
    for (int i = 0; i < n; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return out;
}
} // namespace

Identity::Identity(const Directory &directory, std::unique_ptr<SigningKeySource> keys, QString tenantId,
                   QString issuer)
    : m_directory(directory)
    , m_keys(std::move(keys))
    , m_tenantId(std::move(tenantId))
    , m_issuer(std::move(issuer))
{}

void Identity::setDeviceCodeTiming(int intervalSeconds, int lifetimeSeconds)
{
    m_deviceInterval = intervalSeconds;
    m_deviceLifetime = lifetimeSeconds;
}

QString Identity::audienceOf(const QString &scope)
{
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        const ScopeResource r = resourceOfScope(s);
        if (r.qualified)
            return r.wellFormed ? r.audience : QString();
    }
    return kGraphResource; // bare scopes like User.Read belong to Graph
}

std::optional<OAuthError> Identity::checkScope(const QString &scope)
{
    const auto invalid = [](const QString &description) {
        return OAuthError{u"invalid_scope"_s, description};
    };
    if (scope.size() > kMaxScopeLength)
        return invalid(QString(u"AADSTS70011: The provided value for the input parameter 'scope' is not "
                               "valid: it is longer than "_s +
                               QString::number(kMaxScopeLength) + u" characters."_s));
    static const QRegularExpression permission(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (isOpenIdScope(s))
            continue;
        const ScopeResource r = resourceOfScope(s);
        if (!r.qualified) {
            if (permission.match(s).hasMatch())
                continue; // a Graph permission such as User.Read
            return invalid(QString(u"AADSTS70011: The provided value for the input parameter 'scope' is not "
                                   "valid. The scope '"_s +
                                   s + u"' is not valid."_s));
        }
        if (!r.wellFormed)
            return invalid(QString(u"AADSTS70011: The provided value for the input parameter 'scope' is not "
                                   "valid. The scope '"_s +
                                   s + u"' names no permission; use '"_s + s + u"/.default'."_s));
        if (r.audience.isEmpty())
            return invalid(QString(
                u"AADSTS500011: The resource principal named "_s + r.resource +
                u" was not found in the tenant. The scope '"_s + s +
                u"' is not valid: this service only issues tokens for "_s +
                QStringList{kFlowResource, kArmResource, kPowerAppsResource, kGraphResource}.join(u", "_s) +
                u'.'));
    }
    return std::nullopt;
}

QStringList Identity::audiencesFor(Api api)
{
    // As the live services list them in InvalidAuthenticationTokenAudience.
    const auto both = [](QLatin1StringView resource) { return QStringList{resource + u"/"_s, resource}; };
    switch (api) {
    case Api::Flow:
        return both(kFlowResource) + both(kArmResource);
    case Api::PowerApps:
        return both(kPowerAppsResource);
    case Api::Graph:
        return both(kGraphResource);
    }
    return {};
}

QString Identity::responseScope(const QString &scope)
{
    // Entra answers with the permissions granted, fully qualified for every resource but Graph,
    // and echoes a .default scope as it was asked: MSAL finds a cached token by comparing the
    // scopes it asks for with these. OpenID scopes come back for Graph only, offline_access never.
    const bool graph = audienceOf(scope).startsWith(kGraphResource);
    QStringList out;
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (isOpenIdScope(s)) {
            if (graph && s.compare("offline_access"_L1, Qt::CaseInsensitive) != 0)
                out << s.toLower();
            continue;
        }
        const ScopeResource r = resourceOfScope(s);
        const bool isGraph = !r.qualified || r.audience.startsWith(kGraphResource);
        const QString prefix = isGraph ? QString() : QString(r.resource + u'/');
        if (s.endsWith("/.default"_L1, Qt::CaseInsensitive)) {
            for (const QString &permission : scopesFor(s).split(u' ', Qt::SkipEmptyParts))
                out << prefix + permission;
            out << s;
        } else {
            out << prefix + scopesFor(s);
        }
    }
    out.removeDuplicates();
    return out.join(u' ');
}

QByteArray Identity::accessTokenFor(const DirectoryUser &user, const QString &scope, const QString &clientId)
{
    if (checkScope(scope))
        return {};
    const qint64 now = nowMs() / 1000;
    // A v1.0 access token, as Entra issues for these resources (their apps accept v1 tokens).
    const QJsonObject payload{
        {u"aud"_s, audienceOf(scope)},
        // What kind of token this is: an API takes access tokens only, never ID tokens.
        {u"token_use"_s, u"access"_s},
        {u"iss"_s, QString(u"https://sts.windows.net/"_s + m_tenantId + u'/')},
        {u"iat"_s, now},
        {u"nbf"_s, now},
        {u"exp"_s, now + m_tokenLifetime},
        {u"acr"_s, u"1"_s},
        {u"amr"_s, QJsonArray{u"pwd"_s}},
        {u"appid"_s, clientId.isEmpty() ? u"00000000-0000-0000-0000-000000000000"_s : clientId},
        {u"appidacr"_s, u"0"_s}, // a public client
        {u"idtyp"_s, u"user"_s},
        {u"oid"_s, user.id},
        {u"sub"_s, user.id},
        {u"upn"_s, user.upn},
        {u"unique_name"_s, user.upn},
        {u"name"_s, user.displayName},
        {u"tid"_s, m_tenantId},
        {u"scp"_s, scopesFor(scope)},
        {u"uti"_s, QString::fromLatin1(randomToken(16))},
        {u"ver"_s, u"1.0"_s},
    };
    const SigningKey *key = signingKey();
    return key ? key->signJwt(payload, true) : QByteArray();
}

std::variant<Identity::Tokens, OAuthError> Identity::issue(const Grant &grant, const QString &origin)
{
    const auto user = m_directory.userById(grant.userId);
    if (!user)
        return OAuthError{u"invalid_grant"_s,
                          u"AADSTS50034: The user account does not exist in the directory."_s};
    if (auto bad = checkScope(grant.scope))
        return *bad;
    Tokens t;
    t.scope = responseScope(grant.scope);
    t.expiresIn = m_tokenLifetime;
    t.accessToken = accessTokenFor(*user, grant.scope, grant.clientId);
    const qint64 now = nowMs() / 1000;
    QJsonObject id{{u"aud"_s, grant.clientId},
                   {u"token_use"_s, u"id"_s},
                   {u"iss"_s, origin.isEmpty() ? m_issuer : QString(origin + u'/' + m_tenantId + u"/v2.0"_s)},
                   {u"iat"_s, now},
                   {u"nbf"_s, now},
                   {u"exp"_s, now + m_tokenLifetime},
                   {u"oid"_s, user->id},
                   {u"sub"_s, user->id},
                   {u"name"_s, user->displayName},
                   {u"preferred_username"_s, user->upn},
                   {u"tid"_s, m_tenantId},
                   {u"uti"_s, QString::fromLatin1(randomToken(16))},
                   {u"ver"_s, u"2.0"_s}};
    if (!grant.nonce.isEmpty())
        id.insert(u"nonce"_s, grant.nonce);
    if (const SigningKey *key = signingKey())
        t.idToken = key->signJwt(id);
    t.clientInfo = base64Url(QJsonDocument(QJsonObject{{u"uid"_s, user->id}, {u"utid"_s, m_tenantId}})
                                 .toJson(QJsonDocument::Compact));
    if (t.accessToken.isEmpty() || t.idToken.isEmpty())
        return OAuthError{u"temporarily_unavailable"_s, u"AADSTS90033: The token could not be signed."_s,
                          503};
    if (grant.scope.split(u' ').contains("offline_access"_L1, Qt::CaseInsensitive)) {
        if (m_refreshTokens.size() >= kMaxRefreshTokens) {
            purgeExpired(nowMs());
            trimOldest(m_refreshTokens, kMaxRefreshTokens * 9 / 10);
        }
        t.refreshToken = randomToken(48);
        m_refreshTokens.insert(QString::fromLatin1(t.refreshToken),
                               RefreshToken{grant, nowMs() + kRefreshTokenLifetimeMs});
    }
    return t;
}

TokenCheck Identity::verify(QByteArrayView authorizationHeader, Api api)
{
    TokenCheck check;
    if (authorizationHeader.isEmpty())
        return check;
    if (!authorizationHeader.startsWith("Bearer ") && !authorizationHeader.startsWith("bearer ")) {
        check.kind = TokenCheck::Invalid;
        return check;
    }
    const QByteArray token = authorizationHeader.sliced(7).trimmed().toByteArray();
    auto cached = m_verified.constFind(token);
    if (cached == m_verified.constEnd()) {
        check.kind = TokenCheck::Invalid;
        const SigningKey *key = signingKey();
        if (!key || !key->verifyJwt(token))
            return check;
        const QList<QByteArray> parts = token.split('.');
        bool ok = false;
        const QJsonObject payload = QJsonDocument::fromJson(fromBase64Url(parts[1], &ok)).object();
        if (!ok)
            return check;
        Verified v;
        v.exp = payload.value("exp"_L1).toInteger();
        v.userId = payload.value("oid"_L1).toString();
        v.audience = payload.value("aud"_L1).toString();
        v.isAccessToken = payload.value("token_use"_L1).toString() == "access"_L1;
        if (!m_directory.userById(v.userId))
            return check;
        if (m_verified.size() > 10000)
            m_verified.clear();
        cached = m_verified.insert(token, v);
    }
    check.userId = cached->userId;
    check.audience = cached->audience;
    if (nowMs() / 1000 >= cached->exp)
        check.kind = TokenCheck::Expired;
    else if (!audiencesFor(api).contains(cached->audience))
        check.kind = TokenCheck::WrongAudience;
    else if (!cached->isAccessToken)
        check.kind = TokenCheck::NotAccessToken;
    else
        check.kind = TokenCheck::Valid;
    return check;
}

QString Identity::createAuthCode(const Grant &grant, const QString &redirectUri, const QString &challenge)
{
    if (m_codes.size() >= kMaxAuthCodes) {
        purgeExpired(nowMs());
        trimOldest(m_codes, kMaxAuthCodes * 9 / 10);
    }
    const QString code = QString::fromLatin1(randomToken(32));
    m_codes.insert(code, AuthCode{grant, redirectUri, challenge, nowMs() + kCodeLifetimeMs});
    return code;
}

std::variant<Grant, OAuthError> Identity::redeemAuthCode(const QString &code, const QString &clientId,
                                                         const QString &redirectUri, const QString &verifier)
{
    const auto it = m_codes.constFind(code);
    if (it == m_codes.constEnd())
        return OAuthError{
            u"invalid_grant"_s,
            u"AADSTS70008: The provided authorization code or refresh token has expired or was already redeemed."_s};
    const AuthCode entry = *it;
    m_codes.erase(it); // a code is good for one redemption only, right or wrong
    if (entry.expiresMs < nowMs())
        return OAuthError{u"invalid_grant"_s, u"AADSTS70008: The provided authorization code has expired."_s};
    if (entry.grant.clientId != clientId)
        return OAuthError{u"invalid_grant"_s, u"AADSTS70000: The code was issued to another client."_s};
    if (entry.redirectUri != redirectUri)
        return OAuthError{u"invalid_grant"_s,
                          u"AADSTS50148: The redirect_uri does not match the one used to get the code."_s};
    if (verifier.isEmpty())
        return OAuthError{u"invalid_request"_s, u"AADSTS50148: The code_verifier is missing."_s};
    const QByteArray computed =
        base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
    if (QString::fromLatin1(computed) != entry.challenge)
        return OAuthError{
            u"invalid_grant"_s,
            u"AADSTS501481: The code_verifier does not match the code_challenge supplied in the authorization request."_s};
    return entry.grant;
}

std::variant<Grant, OAuthError> Identity::redeemRefreshToken(const QString &token, const QString &clientId,
                                                             const QString &scope)
{
    const auto it = m_refreshTokens.constFind(token);
    if (it == m_refreshTokens.constEnd())
        return OAuthError{u"invalid_grant"_s,
                          u"AADSTS70000: The provided refresh token is invalid or was already used."_s};
    Grant grant = it->grant;
    grant.nonce.clear(); // a nonce belongs to one authorization request, not to its refreshes
    const bool expired = it->expiresMs <= nowMs();
    m_refreshTokens.erase(it); // rotation: the old refresh token is spent
    if (expired)
        return OAuthError{u"invalid_grant"_s,
                          u"AADSTS700082: The refresh token has expired due to inactivity."_s};
    if (grant.clientId != clientId)
        return OAuthError{u"invalid_grant"_s,
                          u"AADSTS70000: The refresh token was issued to another client."_s};
    if (!scope.isEmpty()) {
        grant.scope = scope;
        if (!scope.contains("offline_access"_L1))
            grant.scope += " offline_access"_L1; // a refresh grant always keeps its refresh token
    }
    return grant;
}

std::variant<DeviceCodeStart, OAuthError> Identity::startDeviceCode(const Grant &grant)
{
    const auto clientFull = [this, &grant] {
        return m_maxDeviceCodesPerClient > 0 &&
               m_deviceCodesPerClient.value(grant.clientId) >= m_maxDeviceCodesPerClient;
    };
    if (m_deviceCodes.size() >= kMaxDeviceCodes || clientFull())
        purgeExpired(nowMs());
    const auto busy = [](const QString &why) {
        return OAuthError{u"temporarily_unavailable"_s,
                          QString(u"AADSTS90055: There are too many pending device code sign-ins "_s + why +
                                  u"; complete or let some expire, then try again."_s),
                          429};
    };
    if (m_deviceCodes.size() >= kMaxDeviceCodes)
        return busy(u"for this tenant"_s);
    if (clientFull())
        return busy(QString(u"for the application '"_s + grant.clientId + u"' ("_s +
                            QString::number(m_maxDeviceCodesPerClient) + u" at most)"_s));
    DeviceCodeStart start;
    start.deviceCode = QString::fromLatin1(randomToken(48));
    start.userCode = codeChars(9);
    while (m_deviceByUserCode.contains(start.userCode))
        start.userCode = codeChars(9);
    start.interval = m_deviceInterval;
    start.expiresIn = m_deviceLifetime;
    DeviceCode entry;
    entry.grant = grant;
    entry.grant.userId.clear();
    entry.userCode = start.userCode;
    entry.expiresMs = nowMs() + qint64(m_deviceLifetime) * 1000;
    m_deviceCodes.insert(start.deviceCode, entry);
    m_deviceByUserCode.insert(start.userCode, start.deviceCode);
    ++m_deviceCodesPerClient[grant.clientId];
    return start;
}

QHash<QString, Identity::DeviceCode>::iterator
Identity::dropDeviceCode(QHash<QString, DeviceCode>::iterator it)
{
    m_deviceByUserCode.remove(it->userCode);
    const auto count = m_deviceCodesPerClient.find(it->grant.clientId);
    if (count != m_deviceCodesPerClient.end() && --*count <= 0)
        m_deviceCodesPerClient.erase(count);
    return m_deviceCodes.erase(it);
}

void Identity::purgeExpired(qint64 now)
{
    for (auto it = m_codes.begin(); it != m_codes.end();)
        it = it->expiresMs <= now ? m_codes.erase(it) : std::next(it);
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end();)
        it = it->expiresMs <= now ? m_refreshTokens.erase(it) : std::next(it);
    for (auto it = m_deviceCodes.begin(); it != m_deviceCodes.end();) {
        if (it->expiresMs > now) {
            ++it;
            continue;
        }
        m_expiredDeviceCodes.insert(it.key());
        m_expiredDeviceOrder.enqueue(it.key());
        it = dropDeviceCode(it);
    }
    while (m_expiredDeviceOrder.size() > kExpiredDeviceCodesKept)
        m_expiredDeviceCodes.remove(m_expiredDeviceOrder.dequeue());
}

std::variant<Grant, OAuthError> Identity::pollDeviceCode(const QString &deviceCode, const QString &clientId)
{
    const OAuthError expired{
        u"expired_token"_s,
        u"AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired."_s};
    auto it = m_deviceCodes.find(deviceCode);
    if (it == m_deviceCodes.end() && m_expiredDeviceCodes.contains(deviceCode))
        return expired;
    if (it == m_deviceCodes.end() || it->grant.clientId != clientId)
        return OAuthError{u"invalid_grant"_s, u"AADSTS70000: The device code is not valid."_s};
    const qint64 now = nowMs();
    if (it->expiresMs <= now)
        return expired;
    if (it->denied)
        return OAuthError{u"access_denied"_s, u"AADSTS70016: The user declined the sign-in request."_s};
    if (!it->grant.userId.isEmpty()) {
        const Grant grant = it->grant;
        dropDeviceCode(it);
        return grant;
    }
    const bool tooFast = it->lastPollMs > 0 && now - it->lastPollMs < qint64(m_deviceInterval) * 1000;
    it->lastPollMs = now;
    if (tooFast)
        return OAuthError{u"slow_down"_s, u"AADSTS70000: Polling faster than the interval; slow down."_s};
    return OAuthError{
        u"authorization_pending"_s,
        u"AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling."_s};
}

bool Identity::approveDeviceCode(const QString &userCode, const QString &userId)
{
    const auto dc = m_deviceByUserCode.constFind(userCode.trimmed().toUpper());
    if (dc == m_deviceByUserCode.constEnd())
        return false;
    auto it = m_deviceCodes.find(*dc);
    if (it == m_deviceCodes.end() || it->expiresMs <= nowMs() || !m_directory.userById(userId))
        return false;
    it->grant.userId = userId;
    return true;
}

bool Identity::denyDeviceCode(const QString &userCode)
{
    const auto dc = m_deviceByUserCode.constFind(userCode.trimmed().toUpper());
    if (dc == m_deviceByUserCode.constEnd())
        return false;
    auto it = m_deviceCodes.find(*dc);
    if (it == m_deviceCodes.end())
        return false;
    it->denied = true;
    return true;
}

bool Identity::hasPendingUserCode(const QString &userCode) const
{
    return m_deviceByUserCode.contains(userCode.trimmed().toUpper());
}

} // namespace fc::emu
