#pragma once

#include "Directory.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <variant>

namespace fc::emu {

struct OAuthError
{
    QString error;       // invalid_grant, authorization_pending, ...
    QString description; // AADSTS-style text
};

// What a code, refresh token or device code grants: a user, an app, a scope.
struct Grant
{
    QString userId;
    QString clientId;
    QString scope;
};

struct TokenCheck
{
    enum Kind { Valid, Missing, Invalid, Expired } kind = Missing;
    QString userId;
};

struct DeviceCodeStart
{
    QString deviceCode;
    QString userCode;
    int expiresIn = 900;
    int interval = 5;
};

// Entra ID's side of sign-in: JWT access tokens signed with a per-instance secret,
// authorization codes bound to a PKCE challenge, rotating refresh tokens, device codes.
// State is in memory on purpose: a restart invalidates every token, as a new secret would.
class Identity
{
public:
    Identity(const Directory &directory, QString tenantId, QString issuerBase);

    void setTokenLifetime(int seconds) { m_tokenLifetime = seconds; }
    int tokenLifetime() const { return m_tokenLifetime; }
    void setDeviceCodeTiming(int intervalSeconds, int lifetimeSeconds);

    struct Tokens
    {
        QByteArray accessToken;
        QByteArray idToken;
        QByteArray refreshToken; // empty unless offline_access was asked for
        QString scope;
        int expiresIn = 0;
    };
    std::variant<Tokens, OAuthError> issue(const Grant &grant);
    TokenCheck verify(QByteArrayView authorizationHeader);
    QByteArray accessTokenFor(const DirectoryUser &user, const QString &scope);

    QString createAuthCode(const Grant &grant, const QString &redirectUri, const QString &challenge);
    std::variant<Grant, OAuthError> redeemAuthCode(const QString &code, const QString &clientId,
                                                   const QString &redirectUri, const QString &verifier);
    std::variant<Grant, OAuthError> redeemRefreshToken(const QString &token, const QString &clientId,
                                                       const QString &scope);

    DeviceCodeStart startDeviceCode(const Grant &grant);
    std::variant<Grant, OAuthError> pollDeviceCode(const QString &deviceCode, const QString &clientId);
    bool approveDeviceCode(const QString &userCode, const QString &userId);
    bool denyDeviceCode(const QString &userCode);
    bool hasPendingUserCode(const QString &userCode) const;

    static QString audienceOf(const QString &scope);

private:
    QByteArray sign(const QJsonObject &payload) const;

    struct AuthCode
    {
        Grant grant;
        QString redirectUri;
        QString challenge;
        qint64 expiresMs = 0;
    };
    struct DeviceCode
    {
        Grant grant; // userId set once approved
        QString userCode;
        qint64 expiresMs = 0;
        qint64 lastPollMs = 0;
        bool denied = false;
    };

    const Directory &m_directory;
    QString m_tenantId;
    QString m_issuer;
    QByteArray m_secret;
    int m_tokenLifetime = 3600;
    int m_deviceInterval = 5;
    int m_deviceLifetime = 900;
    QHash<QString, AuthCode> m_codes;
    QHash<QString, Grant> m_refreshTokens;
    QHash<QString, DeviceCode> m_deviceCodes;   // by device code
    QHash<QString, QString> m_deviceByUserCode; // user code -> device code
    // Verified tokens, so that each request does not recompute an HMAC: token -> (user, exp).
    QHash<QByteArray, std::pair<QString, qint64>> m_verified;
};

} // namespace fc::emu
