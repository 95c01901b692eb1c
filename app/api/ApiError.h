#pragma once

#include <QMetaType>
#include <QString>

namespace fc {

// Every failure of a call, as a value. It never carries a token or a request body: its text is
// shown to users and written to logs.
struct ApiError
{
    enum class Kind {
        None,
        Http,        // the server answered with a non-2xx status
        Network,     // connection refused, dropped, TLS, DNS ...
        Timeout,     // no complete answer within the transfer timeout
        Cancelled,   // the caller cancelled the call
        Parse,       // the body is not what the operation answers
        Auth,        // no token could be had (not signed in, refresh failed)
        Refused,     // the client refused to send (insecure URL, off-origin nextLink ...)
        Unsupported, // the dialect has no such operation
        NotSent,     // held back by its sender's gate just before it would have left: never sent
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;      // the service's error code, e.g. FlowNotFound
    QString message;   // the service's or the client's words
    QString requestId; // x-ms-request-id or x-ms-correlation-request-id
    int retryAfterSeconds = -1;
    QString operation; // which call failed, e.g. "getFlow"

    bool isError() const { return kind != Kind::None; }
    bool isThrottled() const { return kind == Kind::Http && (httpStatus == 429 || httpStatus == 503); }

    // One line for a message box or a log: names the call, the status and the service's words.
    QString toString() const;

    static ApiError make(Kind kind, const QString &message, const QString &operation = {});
};

} // namespace fc

Q_DECLARE_METATYPE(fc::ApiError)
