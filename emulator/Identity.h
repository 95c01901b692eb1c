#pragma once

#include "Directory.h"
#include "IdentityKeys.h"

#include <QByteArray>
#include <QHash>
#include <QQueue>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <variant>

namespace fc::emu {

struct OAuthError
{
    QString error;       // invalid_grant, authorization_pending, ...
    QString description; // AADSTS-style text
    int status = 400;
};

// The APIs the emulator serves; each takes tokens for its own audiences only.
enum class Api { Flow, PowerApps, Graph };

// What a code, refresh token or device code grants: a user, an app, a scope.
struct Grant
{
    QString userId;
    QString clientId;
    QString scope;
    QString nonce; // from the authorization request, echoed in the ID token
};

struct TokenCheck
{
    enum Kind { Valid, Missing, Invalid, Expired, WrongAudience, NotAccessToken } kind = Missing;
    QString userId;
    QString audience; // the token's, once its signature is good
};

struct DeviceCodeStart
{
    QString deviceCode;
    QString userCode;
    int expiresIn = 900;
    int interval = 5;
};

// Entra ID's side of sign-in: RS256 JWTs signed with the store's key (published at jwks_uri, so
// clients can check them; with --data they outlive a restart), authorization codes bound to a
// PKCE challenge, rotating refresh tokens, device codes. Codes and refresh tokens are in memory
// on purpose: a restart ends every sign-in, and clients sign in again.
// Tokens are only minted for the resources the emulator serves, and each API takes only
// access tokens (never ID tokens) for its own audiences, as the live services do. Codes and
// refresh tokens expire and are purged; there are at most so many of each.
class Identity
{
public:
    static constexpr int kMaxAuthCodes = 10000;
    static constexpr int kMaxRefreshTokens = 20000;
    static constexpr int kMaxDeviceCodes = 10000;
    static constexpr qint64 kRefreshTokenLifetimeMs = 90LL * 24 * 3600 * 1000; // Entra's default

    // `issuer` is the ID tokens' issuer when a request names no origin (…/{tenant}/v2.0).
    Identity(const Directory &directory, std::unique_ptr<SigningKeySource> keys, QString tenantId,
             QString issuer);

    // Null only if OpenSSL could not make a key; the first call may wait for it to be made.
    const SigningKey *signingKey() { return m_keys->get(); }

    void setTokenLifetime(int seconds) { m_tokenLifetime = seconds; }
    int tokenLifetime() const { return m_tokenLifetime; }
    void setDeviceCodeTiming(int intervalSeconds, int lifetimeSeconds);
    void setMaxPendingDeviceCodesPerClient(int count) { m_maxDeviceCodesPerClient = count; }

    struct Tokens
    {
        QByteArray accessToken;
        QByteArray idToken;
        QByteArray refreshToken; // empty unless offline_access was asked for
        QByteArray clientInfo;   // base64url {"uid":oid,"utid":tid}, as MSAL keys its cache
        QString scope;           // as Entra answers it: fully qualified, .default echoed
        int expiresIn = 0;
    };
    // `origin` (scheme://host[:port]) is where the client reached the identity endpoints; the
    // ID token's issuer is that origin's, as the OpenID configuration served there says.
    std::variant<Tokens, OAuthError> issue(const Grant &grant, const QString &origin = {});
    TokenCheck verify(QByteArrayView authorizationHeader, Api api);
    // Empty when the scope names a resource the emulator does not serve.
    QByteArray accessTokenFor(const DirectoryUser &user, const QString &scope, const QString &clientId = {});

    // The `scope` of a token answer for this request, as Entra spells it.
    static QString responseScope(const QString &scope);

    QString createAuthCode(const Grant &grant, const QString &redirectUri, const QString &challenge);
    std::variant<Grant, OAuthError> redeemAuthCode(const QString &code, const QString &clientId,
                                                   const QString &redirectUri, const QString &verifier);
    std::variant<Grant, OAuthError> redeemRefreshToken(const QString &token, const QString &clientId,
                                                       const QString &scope);

    std::variant<DeviceCodeStart, OAuthError> startDeviceCode(const Grant &grant);
    std::variant<Grant, OAuthError> pollDeviceCode(const QString &deviceCode, const QString &clientId);
    bool approveDeviceCode(const QString &userCode, const QString &userId);
    bool denyDeviceCode(const QString &userCode);
    bool hasPendingUserCode(const QString &userCode) const;

    // Drops expired authorization codes, device codes and refresh tokens.
    void purgeExpired(qint64 nowMs);
    int pendingDeviceCodeCount() const { return int(m_deviceCodes.size()); }
    int authCodeCount() const { return int(m_codes.size()); }
    int refreshTokenCount() const { return int(m_refreshTokens.size()); }

    // The audience a token for this scope carries: the first resource named, spelt as the
    // emulator's list of resources spells it (with the trailing slash if one was asked for),
    // Graph when only bare or OpenID scopes are asked for; empty if the resource is unknown.
    static QString audienceOf(const QString &scope);
    // invalid_scope unless every scope belongs to a resource the emulator serves (or is an
    // OpenID Connect scope, or a bare Graph permission).
    static std::optional<OAuthError> checkScope(const QString &scope);
    static QStringList audiencesFor(Api api);

private:
    struct AuthCode
    {
        Grant grant;
        QString redirectUri;
        QString challenge;
        qint64 expiresMs = 0;
    };
    struct RefreshToken
    {
        Grant grant;
        qint64 expiresMs = 0;
    };
    struct Verified
    {
        QString userId;
        qint64 exp = 0;
        QString audience;
        bool isAccessToken = false;
    };
    struct DeviceCode
    {
        Grant grant; // userId set once approved
        QString userCode;
        qint64 expiresMs = 0;
        qint64 lastPollMs = 0;
        bool denied = false;
    };
    QHash<QString, DeviceCode>::iterator dropDeviceCode(QHash<QString, DeviceCode>::iterator it);

    const Directory &m_directory;
    std::unique_ptr<SigningKeySource> m_keys;
    QString m_tenantId;
    QString m_issuer;
    int m_tokenLifetime = 3600;
    int m_deviceInterval = 5;
    int m_deviceLifetime = 900;
    int m_maxDeviceCodesPerClient = 50;
    QHash<QString, AuthCode> m_codes;
    QHash<QString, RefreshToken> m_refreshTokens;
    QHash<QString, DeviceCode> m_deviceCodes;   // by device code
    QHash<QString, QString> m_deviceByUserCode; // user code -> device code
    QHash<QString, int> m_deviceCodesPerClient;
    // Device codes purged after they expired, so that polling one still answers expired_token.
    QSet<QString> m_expiredDeviceCodes;
    QQueue<QString> m_expiredDeviceOrder;
    // Verified tokens, so that each request does not check an RSA signature again.
    QHash<QByteArray, Verified> m_verified;
};

} // namespace fc::emu
