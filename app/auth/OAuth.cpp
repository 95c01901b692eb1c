#include "OAuth.h"

#include "api/JsonParsers.h"
#include "api/NetworkErrors.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace fc::oauth {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fc::oauth", text);
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return base64Url(raw);
}

QByteArray makeCodeVerifier()
{
    return randomUrlSafe(48); // 64 characters, within RFC 7636's 43..128
}

QByteArray codeChallengeS256(const QByteArray &verifier)
{
    return base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

QJsonObject jwtClaims(const QString &token)
{
    const QList<QStringView> parts = QStringView(token).split(u'.');
    if (parts.size() != 3)
        return {};
    const QByteArray payload = QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object();
}

Result<TokenResponse> parseTokenResponse(const QByteArray &body, qint64 nowMs)
{
    auto root = json::parseObject(body);
    if (!root)
        return root.error();
    TokenResponse tokens;
    tokens.accessToken = root->value("access_token"_L1).toString();
    if (tokens.accessToken.isEmpty())
        return ApiError::make(ApiError::Kind::Auth,
                              tr("The identity service answered without an access token."));
    tokens.refreshToken = root->value("refresh_token"_L1).toString();
    tokens.scope = root->value("scope"_L1).toString();
    // expires_in is a number in v2 and a string in v1 answers.
    const QJsonValue expires = root->value("expires_in"_L1);
    const qint64 seconds = expires.isString() ? expires.toString().toLongLong() : expires.toInteger(3600);
    tokens.expiresAtMs = nowMs + qMax<qint64>(0, seconds) * 1000;
    const QJsonObject claims = jwtClaims(tokens.accessToken);
    for (const auto key : {"upn"_L1, "preferred_username"_L1, "unique_name"_L1, "email"_L1}) {
        tokens.account = claims.value(key).toString();
        if (!tokens.account.isEmpty())
            break;
    }
    tokens.displayName = claims.value("name"_L1).toString();
    return tokens;
}

ApiError oauthError(int httpStatus, const QByteArray &body, const QString &operation)
{
    ApiError error;
    error.kind = ApiError::Kind::Auth;
    error.httpStatus = httpStatus;
    error.operation = operation;
    json::parseErrorBody(body, &error.code, &error.message);
    if (error.message.isEmpty())
        error.message = tr("The identity service answered with status %1.").arg(httpStatus);
    // Entra puts trace and correlation ids in the JSON, useful to support staff.
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    error.requestId = root.value("correlation_id"_L1).toString();
    return error;
}

void postForm(QNetworkAccessManager *network, const QUrl &url, const QUrlQuery &form, QObject *context,
              const QString &operation, std::function<void(int, Result<QByteArray>)> callback, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(timeoutMs);
    // Identity endpoints never need a redirect; following one could leak a refresh token.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = network->post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    QObject::connect(
        reply, &QNetworkReply::finished, context, [reply, callback, operation, host = url.host()] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed after abort()
            if (status >= 200 && status < 300)
                return callback(status, body);
            if (status >= 400)
                return callback(status, oauthError(status, body, operation));
            ApiError error;
            if (reply->error() == QNetworkReply::OperationCanceledError) {
                error = ApiError::make(ApiError::Kind::Timeout,
                                       tr("The identity service at %1 did not answer in time.").arg(host),
                                       operation);
            } else if (status >= 300) {
                error = ApiError::make(
                    ApiError::Kind::Refused,
                    tr("The identity service answered with a redirect, which is not followed."), operation);
            } else {
                error =
                    ApiError::make(ApiError::Kind::Network,
                                   networkErrorMessage(reply->error()) + u" ("_s + host + u')', operation);
            }
            callback(status, error);
        });
    // A reply whose context died is aborted, so its callback never runs.
    QObject::connect(context, &QObject::destroyed, reply, &QNetworkReply::abort);
}

} // namespace fc::oauth
