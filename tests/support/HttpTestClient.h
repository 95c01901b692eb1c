#pragma once

// A small blocking-looking HTTP client for Qt Test suites: each call waits for its reply
// with QSignalSpy::wait (the test's own event loop), never with sleeps. Header-only, so any
// suite can use it against the emulator or another loopback peer.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace fc::test {

struct HttpResult
{
    int status = 0; // 0: no HTTP answer (dropped, timed out)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray value() const { return json().value(QLatin1StringView("value")).toArray(); }
    bool isJson() const
    {
        QJsonParseError e{};
        QJsonDocument::fromJson(body, &e);
        return e.error == QJsonParseError::NoError;
    }
    QString errorCode() const
    {
        const QJsonValue e = json().value(QLatin1StringView("error"));
        return e.isObject() ? e.toObject().value(QLatin1StringView("code")).toString() : e.toString();
    }
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers)
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

class HttpTestClient
{
public:
    explicit HttpTestClient(QUrl base) : m_base(std::move(base)) {}

    void setBearer(const QByteArray &token) { m_bearer = token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    QNetworkAccessManager &manager() { return m_nam; }

    // path may be absolute (http://…) or relative to the base; it is sent as given, so
    // callers percent-encode segments themselves.
    QUrl url(const QString &path) const
    {
        if (path.startsWith(QLatin1StringView("http")))
            return QUrl::fromEncoded(path.toUtf8());
        return QUrl::fromEncoded(QByteArray(m_base.toEncoded() + path.toUtf8()));
    }

    HttpResult get(const QString &path) { return send("GET", path); }
    HttpResult del(const QString &path) { return send("DELETE", path); }
    HttpResult post(const QString &path, const QJsonObject &body)
    {
        return send("POST", path, QJsonDocument(body).toJson());
    }
    HttpResult patch(const QString &path, const QJsonObject &body)
    {
        return send("PATCH", path, QJsonDocument(body).toJson());
    }
    HttpResult postForm(const QString &path, const QUrlQuery &form)
    {
        return send("POST", path, form.toString(QUrl::FullyEncoded).toUtf8(),
                    "application/x-www-form-urlencoded");
    }

    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QByteArray &contentType = "application/json")
    {
        QNetworkRequest request(url(path));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(m_timeoutMs);
        if (!m_bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_bearer);
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, method, body));
        HttpResult result;
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        result.finished = reply->isFinished() || finished.wait(m_timeoutMs + 2000);
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        return result;
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QByteArray m_bearer;
    int m_timeoutMs = 10000;
};

} // namespace fc::test
