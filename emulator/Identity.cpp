#include "Identity.h"

#include "Util.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
constexpr qint64 kCodeLifetimeMs = 10 * 60 * 1000;

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

Identity::Identity(const Directory &directory, QString tenantId, QString issuerBase)
    : m_directory(directory)
    , m_tenantId(std::move(tenantId))
    , m_issuer(std::move(issuerBase))
{
    m_secret = randomToken(32);
}

void Identity::setDeviceCodeTiming(int intervalSeconds, int lifetimeSeconds)
{
    m_deviceInterval = intervalSeconds;
    m_deviceLifetime = lifetimeSeconds;
}

QString Identity::audienceOf(const QString &scope)
{
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (!s.contains("://"_L1))
            continue;
        const qsizetype slash = s.lastIndexOf(u'/');
        const qsizetype schemeEnd = s.indexOf("://"_L1) + 3;
        return slash > schemeEnd ? s.left(slash) : s;
    }
    return u"https://graph.microsoft.com"_s; // bare scopes like User.Read belong to Graph
}

QByteArray Identity::sign(const QJsonObject &payload) const
{
    static const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray signingInput =
        header + '.' + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return signingInput + '.' + base64Url(hmacSha256(m_secret, signingInput));
}

QByteArray Identity::accessTokenFor(const DirectoryUser &user, const QString &scope)
{
    const qint64 now = nowMs() / 1000;
    const QJsonObject payload{
        {u"aud"_s, audienceOf(scope)},
        {u"iss"_s, m_issuer},
        {u"iat"_s, now},
        {u"nbf"_s, now},
        {u"exp"_s, now + m_tokenLifetime},
        {u"oid"_s, user.id},
        {u"sub"_s, user.id},
        {u"upn"_s, user.upn},
        {u"unique_name"_s, user.upn},
        {u"name"_s, user.displayName},
        {u"tid"_s, m_tenantId},
        {u"scp"_s, scopesFor(scope)},
        {u"ver"_s, u"1.0"_s},
    };
    return sign(payload);
}

std::variant<Identity::Tokens, OAuthError> Identity::issue(const Grant &grant)
{
    const auto user = m_directory.userById(grant.userId);
    if (!user)
        return OAuthError{u"invalid_grant"_s,
                          u"AADSTS50034: The user account does not exist in the directory."_s};
    Tokens t;
    t.scope = scopesFor(grant.scope);
    t.expiresIn = m_tokenLifetime;
    t.accessToken = accessTokenFor(*user, grant.scope);
    const qint64 now = nowMs() / 1000;
    t.idToken = sign(QJsonObject{{u"aud"_s, grant.clientId},
                                 {u"iss"_s, m_issuer},
                                 {u"iat"_s, now},
                                 {u"nbf"_s, now},
                                 {u"exp"_s, now + m_tokenLifetime},
                                 {u"oid"_s, user->id},
                                 {u"sub"_s, user->id},
                                 {u"name"_s, user->displayName},
                                 {u"preferred_username"_s, user->upn},
                                 {u"tid"_s, m_tenantId},
                                 {u"ver"_s, u"2.0"_s}});
    if (grant.scope.split(u' ').contains("offline_access"_L1, Qt::CaseInsensitive)) {
        t.refreshToken = randomToken(48);
        m_refreshTokens.insert(QString::fromLatin1(t.refreshToken), grant);
    }
    return t;
}

TokenCheck Identity::verify(QByteArrayView authorizationHeader)
{
    TokenCheck check;
    if (authorizationHeader.isEmpty())
        return check;
    if (!authorizationHeader.startsWith("Bearer ") && !authorizationHeader.startsWith("bearer ")) {
        check.kind = TokenCheck::Invalid;
        return check;
    }
    const QByteArray token = authorizationHeader.sliced(7).trimmed().toByteArray();
    const qint64 now = nowMs() / 1000;
    const auto cached = m_verified.constFind(token);
    if (cached != m_verified.constEnd()) {
        check.userId = cached->first;
        check.kind = now >= cached->second ? TokenCheck::Expired : TokenCheck::Valid;
        return check;
    }
    check.kind = TokenCheck::Invalid;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return check;
    const QByteArray expected = base64Url(hmacSha256(m_secret, parts[0] + '.' + parts[1]));
    if (expected != parts[2])
        return check;
    bool ok = false;
    const QJsonObject payload = QJsonDocument::fromJson(fromBase64Url(parts[1], &ok)).object();
    if (!ok)
        return check;
    const qint64 exp = payload.value("exp"_L1).toInteger();
    check.userId = payload.value("oid"_L1).toString();
    if (!m_directory.userById(check.userId)) {
        check.kind = TokenCheck::Invalid;
        return check;
    }
    if (m_verified.size() > 10000)
        m_verified.clear();
    m_verified.insert(token, {check.userId, exp});
    check.kind = now >= exp ? TokenCheck::Expired : TokenCheck::Valid;
    return check;
}

QString Identity::createAuthCode(const Grant &grant, const QString &redirectUri, const QString &challenge)
{
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
    Grant grant = *it;
    m_refreshTokens.erase(it); // rotation: the old refresh token is spent
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

DeviceCodeStart Identity::startDeviceCode(const Grant &grant)
{
    DeviceCodeStart start;
    start.deviceCode = QString::fromLatin1(randomToken(48));
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
    return start;
}

std::variant<Grant, OAuthError> Identity::pollDeviceCode(const QString &deviceCode, const QString &clientId)
{
    auto it = m_deviceCodes.find(deviceCode);
    if (it == m_deviceCodes.end() || it->grant.clientId != clientId)
        return OAuthError{u"invalid_grant"_s, u"AADSTS70000: The device code is not valid."_s};
    const qint64 now = nowMs();
    if (it->expiresMs <= now)
        return OAuthError{
            u"expired_token"_s,
            u"AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired."_s};
    if (it->denied)
        return OAuthError{u"access_denied"_s, u"AADSTS70016: The user declined the sign-in request."_s};
    if (!it->grant.userId.isEmpty()) {
        const Grant grant = it->grant;
        m_deviceByUserCode.remove(it->userCode);
        m_deviceCodes.erase(it);
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
