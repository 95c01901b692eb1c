#pragma once

#include "api/ApiError.h"
#include "api/Result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace fc {

// What the token endpoint answers. Tokens live only in memory (and the refresh token in the
// keychain); nothing here is ever logged.
struct TokenResponse
{
    QString accessToken;
    QString refreshToken;
    qint64 expiresAtMs = 0;
    QString scope;
    QString account;     // upn / preferred_username from the token, for display and keychain key
    QString displayName; // name claim
};

namespace oauth {

// PKCE (RFC 7636): a random verifier and its S256 challenge.
QByteArray makeCodeVerifier();
QByteArray codeChallengeS256(const QByteArray &verifier);
QByteArray randomUrlSafe(int bytes);

// Reads the unverified claims of a JWT (for display only: the server verifies the signature).
QJsonObject jwtClaims(const QString &token);

// Parses a token endpoint answer; nowMs anchors expires_in.
Result<TokenResponse> parseTokenResponse(const QByteArray &body, qint64 nowMs);

// An OAuth 2.0 error answer ({"error","error_description"}) as an ApiError that keeps the
// service's words, e.g. "[invalid_grant] AADSTS70008: The refresh token has expired".
ApiError oauthError(int httpStatus, const QByteArray &body, const QString &operation);

// POSTs a form to the token (or device code) endpoint and reports the parsed JSON or error.
void postForm(QNetworkAccessManager *network, const QUrl &url, const QUrlQuery &form, QObject *context,
              const QString &operation, std::function<void(int status, Result<QByteArray>)> callback,
              int timeoutMs = 30000);

} // namespace oauth
} // namespace fc
