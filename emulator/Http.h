#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>
#include <vector>

namespace fc::emu {

// The signed-in caller of a management call.
struct Caller
{
    QString id; // object ID
    QString upn;
    QString displayName;
    QString mail;
    bool isAdmin = false;
    QStringList principalIds; // the user and the groups it belongs to
    bool isValid() const { return !id.isEmpty(); }
};

// One request as the handlers see it: method, percent-decoded path segments, decoded query.
struct Request
{
    QByteArray method;
    QByteArray rawPath;             // as sent, still percent-encoded
    QByteArray rawQuery;            // as sent, without '?'
    QStringList segments;           // decoded, one per path segment
    QHash<QString, QString> params; // captured from {placeholders} of the route
    QHash<QString, QString> query;  // decoded; '+' reads as a space
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Caller caller;

    QByteArray header(QByteArrayView name) const;
    QString param(const QString &name) const { return params.value(name); }
    QString queryValue(const QString &name) const { return query.value(name); }
    bool hasQuery(const QString &name) const { return query.contains(name); }

    static QHash<QString, QString> parseForm(QByteArrayView encoded);
};

// One answer. Handlers build it; the server adds faults, latency and the wire format.
struct Response
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    // A GET answer that stays right until the data changes or until this time (ms since the
    // epoch; 0: never cache). Runs that end lazily bound it.
    qint64 cacheUntilMs = 0;

    static Response json(const QJsonObject &object, int status = 200);
    static Response rawJson(QByteArray body, int status = 200);
    static Response error(int status, const QString &code, const QString &message);
    static Response empty(int status);
    static Response html(const QString &page, int status = 200);
    static Response redirect(const QUrl &location);

    Response &withHeader(QByteArray name, QByteArray value);
    QByteArray wire(bool keepAlive) const;
};

QByteArray reasonPhrase(int status);
QString htmlEscape(const QString &text);

} // namespace fc::emu
