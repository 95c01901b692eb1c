#pragma once

#include "ApiError.h"
#include "RetryPolicy.h"
#include "Route.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <random>

class QNetworkAccessManager;
class QNetworkReply;

namespace fc {

class TokenProvider;

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    Host host = Host::Flow;
    QByteArray body;
    bool idempotent = true;
    bool authenticated = true;
    // A link that carries its own credential (a run's content link, a trigger's callback URL,
    // SAS-signed on another host): sent with no Authorization header and no token asked for,
    // to any host, since no token can leak; plain http still only to loopback, and the size cap
    // and timeout apply. Its redirects follow the same rules.
    bool anonymous = false;
    qint64 maxResponseBytes = 0; // 0: the transport's cap
    int timeoutMs = 0;           // 0: the transport's transfer timeout
    QString operation;           // for error texts, e.g. "listFlowRuns"
    // Called on each attempt right before the request goes on the wire (after the concurrency
    // limit and the token): false holds it back, and the call ends with ApiError::Kind::NotSent.
    // The bulk engine records "in flight" here, so a request queued but never sent is never
    // taken for one that may have been processed.
    std::function<bool()> beforeSend;
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    ApiError error;                                   // kind None on success
    QList<std::pair<QByteArray, QByteArray>> headers; // of the answer, when there was one
};

// Sends requests: one QNetworkAccessManager, the bearer token injected in one place, a limit of
// concurrent requests per origin, a transfer timeout on every request, retries by RetryPolicy,
// one token refresh after a 401 (then the request is replayed once), redirects only to
// configured origins and never from https to http, cancellation, and callbacks bound to a
// context object that are never called after it died.
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;
    using CallId = quint64;

    explicit HttpTransport(QObject *parent = nullptr);
    ~HttpTransport() override;

    void setTokenProvider(TokenProvider *provider) { m_tokens = provider; }
    // The origins a bearer token may be sent to; requests elsewhere are refused unsent.
    void setAllowedOrigins(const QList<QUrl> &origins) { m_allowedOrigins = origins; }
    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    int transferTimeout() const { return m_transferTimeoutMs; }
    void setMaxConcurrentPerHost(int count) { m_maxPerHost = qMax(1, count); }
    // Answers larger than this are refused (aborted as soon as their size is known or exceeded).
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }
    static constexpr qint64 kDefaultMaxResponseBytes = 64LL * 1024 * 1024;
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }

    CallId send(HttpRequest request, QObject *context, Callback callback);
    void cancel(CallId id);
    void cancelAll();

    int callsInFlight() const { return static_cast<int>(m_calls.size()); }
    // Requests put on the wire since construction, retries included; for tests and figures.
    quint64 requestsSent() const { return m_requestsSent; }
    QNetworkAccessManager *network() const { return m_network; }

    // Whether a URL may receive a bearer token: its origin is configured, and plain http only
    // to loopback.
    bool isAllowedOrigin(const QUrl &url) const;

signals:
    void callsInFlightChanged(int count);
    // A 429 or 503 arrived (the call itself is retried): lets bulk work slow down at once.
    void throttled(const QString &operation, int retryAfterSeconds);

private:
    struct Call;
    using CallPtr = std::shared_ptr<Call>;

    static QString originKey(const QUrl &url);
    void enqueue(const CallPtr &call, bool front = false);
    void pump(const QString &origin);
    void startAttempt(const CallPtr &call);
    void dispatch(const CallPtr &call, const QString &token);
    void onReplyFinished(const CallPtr &call, QNetworkReply *reply);
    void finish(const CallPtr &call, HttpResponse response);
    void releaseSlot(const CallPtr &call);
    qint64 sizeCap(const CallPtr &call) const;
    int timeoutOf(const CallPtr &call) const;
    ApiError errorFromReply(const CallPtr &call, QNetworkReply *reply, int status,
                            const QByteArray &body) const;

    QNetworkAccessManager *m_network = nullptr;
    TokenProvider *m_tokens = nullptr;
    QList<QUrl> m_allowedOrigins;
    RetryPolicy m_policy;
    int m_transferTimeoutMs = 30000;
    int m_maxPerHost = 6;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
    CallId m_nextId = 1;
    quint64 m_requestsSent = 0;
    QHash<CallId, CallPtr> m_calls;
    QHash<QString, int> m_active;
    QHash<QString, QList<CallPtr>> m_waiting;
    std::mt19937 m_random{std::random_device{}()};
};

} // namespace fc
