#include "Http.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QHash<QString, QString> Request::parseForm(QByteArrayView encoded)
{
    QHash<QString, QString> out;
    if (encoded.isEmpty())
        return out;
    const QList<QByteArray> pairs = encoded.toByteArray().split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        const QByteArray k = eq < 0 ? pair : pair.left(eq);
        const QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        out.insert(QUrl::fromPercentEncoding(k), QUrl::fromPercentEncoding(v));
    }
    return out;
}

Response Response::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

Response Response::rawJson(QByteArray body, int status)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response Response::error(int status, const QString &code, const QString &message)
{
    return json(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}}, status);
}

Response Response::empty(int status)
{
    Response r;
    r.status = status;
    r.contentType.clear();
    return r;
}

Response Response::html(const QString &page, int status)
{
    Response r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = page.toUtf8();
    return r;
}

Response Response::redirect(const QUrl &location)
{
    Response r = empty(302);
    r.headers.emplace_back("Location", location.toEncoded());
    return r;
}

Response &Response::withHeader(QByteArray name, QByteArray value)
{
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

QByteArray Response::wire(bool keepAlive) const
{
    QByteArray out;
    out.reserve(body.size() + 256);
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reasonPhrase(status));
    out.append("\r\nContent-Length: ").append(QByteArray::number(body.size()));
    if (!contentType.isEmpty())
        out.append("\r\nContent-Type: ").append(contentType);
    for (const auto &[name, value] : headers)
        out.append("\r\n").append(name).append(": ").append(value);
    out.append(keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
    out.append(body);
    return out;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace fc::emu
