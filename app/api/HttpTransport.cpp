#include "HttpTransport.h"

#include "JsonParsers.h"
#include "NetworkErrors.h"
#include "TokenProvider.h"
#include "auth/Profile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

constexpr int kMaxRedirects = 5;

// Retry-After is either delta-seconds or an HTTP date.
int parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return static_cast<int>(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
    return -1;
}
} // namespace

struct HttpTransport::Call
{
    CallId id = 0;
    HttpRequest request;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    QString origin;
    int attempt = 0;        // retries so far
    bool refreshed = false; // a 401 already led to one token refresh
    QString token;          // the access token the last attempt was sent with
    bool tokenRejected = false;
    bool holdsSlot = false;
    bool cancelled = false;
    bool timedOut = false;
    bool tooLarge = false;
    int redirects = 0;
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> retryTimer;
};

HttpTransport::HttpTransport(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // Connections are reused per origin; HTTP/2 is left to Qt's defaults for https.
    m_network->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
}

HttpTransport::~HttpTransport()
{
    // Callbacks must not run into a half-destroyed owner.
    for (const CallPtr &call : std::as_const(m_calls)) {
        call->callback = nullptr;
        if (call->reply)
            call->reply->abort();
    }
}

QString HttpTransport::originKey(const QUrl &url)
{
    return url.scheme().toLower() + u"://"_s + url.host().toLower() + u':' +
           QString::number(url.port(url.scheme() == "https"_L1 ? 443 : 80));
}

bool HttpTransport::isAllowedOrigin(const QUrl &url) const
{
    if (url.scheme() == "http"_L1 && !isLoopbackHost(url.host()))
        return false;
    if (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)
        return false;
    for (const QUrl &origin : m_allowedOrigins) {
        if (sameOrigin(origin, url))
            return true;
    }
    return false;
}

HttpTransport::CallId HttpTransport::send(HttpRequest request, QObject *context, Callback callback)
{
    auto call = std::make_shared<Call>();
    call->id = m_nextId++;
    call->request = std::move(request);
    call->context = context;
    call->hasContext = context != nullptr;
    call->callback = std::move(callback);
    call->origin = originKey(call->request.url);
    m_calls.insert(call->id, call);
    emit callsInFlightChanged(callsInFlight());

    if (context) {
        // A QWidget emits destroyed() from ~QWidget, before QObject's destructor clears the
        // QPointer: forget the context first, so that the cancel never calls back into it.
        connect(context, &QObject::destroyed, this, [this, id = call->id] {
            if (const CallPtr dying = m_calls.value(id))
                dying->context = nullptr;
            cancel(id);
        });
    }

    const QUrl &url = call->request.url;
    const bool anonymous = call->request.anonymous;
    const bool insecure = url.scheme() == "http"_L1 && !isLoopbackHost(url.host());
    const bool notWeb = url.scheme() != "http"_L1 && url.scheme() != "https"_L1;
    if (insecure || (anonymous && (notWeb || url.host().isEmpty())) ||
        (call->request.authenticated && !anonymous && !isAllowedOrigin(url))) {
        // Refused before anything is sent; answered from the event loop so that callers
        // always see their callback after send() returned.
        HttpResponse response;
        response.error = ApiError::make(
            ApiError::Kind::Refused,
            insecure ? tr("Refused to send a request over plain http to %1, which is not this computer.")
                           .arg(url.host())
            : anonymous
                ? tr("Refused to open %1: only http and https links are followed.").arg(url.toDisplayString())
                : tr("Refused to send the access token to %1, which is not one of the profile's API hosts.")
                      .arg(url.host()),
            call->request.operation);
        QTimer::singleShot(0, this, [this, call, response] { finish(call, response); });
        return call->id;
    }
    enqueue(call);
    return call->id;
}

void HttpTransport::enqueue(const CallPtr &call, bool front)
{
    auto &queue = m_waiting[call->origin];
    if (front)
        queue.prepend(call);
    else
        queue.append(call);
    pump(call->origin);
}

void HttpTransport::pump(const QString &origin)
{
    auto it = m_waiting.find(origin);
    while (it != m_waiting.end() && !it->isEmpty() && m_active.value(origin) < m_maxPerHost) {
        CallPtr call = it->takeFirst();
        if (!m_calls.contains(call->id))
            continue;
        call->holdsSlot = true;
        ++m_active[origin];
        startAttempt(call);
        it = m_waiting.find(origin);
    }
}

void HttpTransport::startAttempt(const CallPtr &call)
{
    if (!call->request.authenticated || call->request.anonymous || !m_tokens) {
        dispatch(call, {});
        return;
    }
    const QString rejected = call->tokenRejected ? call->token : QString();
    call->tokenRejected = false;
    m_tokens->requestToken(call->request.host, rejected, this,
                           [this, weak = std::weak_ptr<Call>(call)](Result<QString> token) {
                               CallPtr c = weak.lock();
                               if (!c || !m_calls.contains(c->id))
                                   return;
                               if (!token) {
                                   HttpResponse response;
                                   response.error = token.error();
                                   response.error.operation = c->request.operation;
                                   finish(c, response);
                                   return;
                               }
                               dispatch(c, token.value());
                           });
}

void HttpTransport::dispatch(const CallPtr &call, const QString &token)
{
    if (call->request.beforeSend && !call->request.beforeSend()) {
        HttpResponse response;
        response.error = ApiError::make(
            ApiError::Kind::NotSent, tr("The request was held back and not sent."), call->request.operation);
        // From the event loop: dispatch can run inside send(), before the caller has the call's id.
        QTimer::singleShot(0, this, [this, call, response] { finish(call, response); });
        return;
    }
    call->token = token;
    QNetworkRequest request(call->request.url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "FlowConsole/" FC_VERSION);
    request.setRawHeader("x-ms-client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    // The one place a bearer token is put on a request; never on an anonymous one.
    if (!token.isEmpty() && !call->request.anonymous)
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!call->request.body.isEmpty() || call->request.method == "POST" || call->request.method == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setTransferTimeout(timeoutOf(call));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);

    QNetworkReply *reply = m_network->sendCustomRequest(request, call->request.method, call->request.body);
    ++m_requestsSent;
    call->reply = reply;
    connect(reply, &QNetworkReply::redirected, this, [this, call, reply](const QUrl &target) {
        const QUrl resolved = reply->url().resolved(target);
        const bool downgrade = reply->url().scheme() == "https"_L1 && resolved.scheme() != "https"_L1;
        const bool insecure = resolved.scheme() != "https"_L1 &&
                              (resolved.scheme() != "http"_L1 || !isLoopbackHost(resolved.host()));
        // The bearer token travels with a followed redirect: only to configured hosts.
        if (downgrade || insecure || ++call->redirects > kMaxRedirects ||
            (call->request.authenticated && !call->request.anonymous && !isAllowedOrigin(resolved))) {
            reply->abort();
            return;
        }
        emit reply->redirectAllowed();
    });
    // An answer over the size cap is cut off as soon as it is known to be too large, so that a
    // hostile or broken server cannot fill the memory.
    const auto checkSize = [this, call, reply](qint64 bytes) {
        if (bytes > sizeCap(call) && !call->tooLarge) {
            call->tooLarge = true;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, checkSize] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            checkSize(length.toLongLong());
    });
    // downloadProgress is throttled by Qt; readyRead comes with every piece that arrives.
    connect(reply, &QNetworkReply::readyRead, this,
            [reply, checkSize] { checkSize(reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [checkSize](qint64 received, qint64) { checkSize(received); });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { onReplyFinished(call, reply); });
}

qint64 HttpTransport::sizeCap(const CallPtr &call) const
{
    return call->request.maxResponseBytes > 0 ? call->request.maxResponseBytes : m_maxResponseBytes;
}

int HttpTransport::timeoutOf(const CallPtr &call) const
{
    return call->request.timeoutMs > 0 ? call->request.timeoutMs : m_transferTimeoutMs;
}

ApiError HttpTransport::errorFromReply(const CallPtr &call, QNetworkReply *reply, int status,
                                       const QByteArray &body) const
{
    ApiError error;
    error.operation = call->request.operation;
    if (call->tooLarge) {
        error.kind = ApiError::Kind::Refused;
        error.message = tr("The answer from %1 is larger than %2 MB; it was refused.")
                            .arg(call->request.url.host())
                            .arg(QLocale().toString(double(sizeCap(call)) / (1024 * 1024), 'g', 3));
        return error;
    }
    if (status == 0) {
        if (call->cancelled) {
            error.kind = ApiError::Kind::Cancelled;
            error.message = tr("The request was cancelled.");
        } else if (reply->error() == QNetworkReply::OperationCanceledError) {
            // Qt reports its transfer timeout as a cancel; an abort from a refused redirect too.
            if (call->redirects > 0) {
                error.kind = ApiError::Kind::Refused;
                error.message =
                    tr("The server redirected to %1, which is not an allowed host (or from https to "
                       "http); the request was stopped.")
                        .arg(reply->url().host());
            } else {
                error.kind = ApiError::Kind::Timeout;
                error.message = tr("No answer from %1 within %2 seconds.")
                                    .arg(call->request.url.host())
                                    .arg(QLocale().toString(timeoutOf(call) / 1000.0, 'g', 3));
            }
        } else {
            error.kind = ApiError::Kind::Network;
            error.message = networkErrorMessage(reply->error()) + u" ("_s + call->request.url.host() + u')';
        }
        return error;
    }
    if (status >= 200 && status < 300) {
        // A success status with a broken transfer: the body is incomplete, so it is a network
        // failure (retried when idempotent), not an answer to parse.
        error.kind = ApiError::Kind::Network;
        error.message = tr("The connection to %1 broke before the whole answer arrived (%2).")
                            .arg(call->request.url.host(), networkErrorMessage(reply->error()));
        return error;
    }
    error.kind = ApiError::Kind::Http;
    error.httpStatus = status;
    json::parseErrorBody(body, &error.code, &error.message);
    if (error.message.isEmpty()) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        error.message = reason.isEmpty() ? tr("The server answered with status %1.").arg(status) : reason;
    }
    error.requestId = QString::fromLatin1(reply->rawHeader("x-ms-request-id"));
    if (error.requestId.isEmpty())
        error.requestId = QString::fromLatin1(reply->rawHeader("x-ms-correlation-request-id"));
    error.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));
    return error;
}

void HttpTransport::onReplyFinished(const CallPtr &call, QNetworkReply *reply)
{
    reply->deleteLater();
    if (call->reply == reply)
        call->reply = nullptr;
    if (!m_calls.contains(call->id))
        return;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed after abort()

    if (status >= 200 && status < 300 && reply->error() == QNetworkReply::NoError) {
        finish(call, HttpResponse{status, body, {}, reply->rawHeaderPairs()});
        return;
    }

    ApiError error = errorFromReply(call, reply, status, body);
    if (error.kind == ApiError::Kind::Cancelled || error.kind == ApiError::Kind::Refused) {
        finish(call, HttpResponse{status, body, error, {}});
        return;
    }

    // An expired or revoked token: refresh once and replay, holding the slot meanwhile.
    if (status == 401 && call->request.authenticated && !call->request.anonymous && m_tokens &&
        !call->refreshed) {
        call->refreshed = true;
        call->tokenRejected = true;
        startAttempt(call);
        return;
    }

    if (error.isThrottled())
        emit throttled(error.operation, error.retryAfterSeconds);

    const double jitter = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    const auto delay = m_policy.retryDelay(error, call->request.idempotent, call->attempt + 1, jitter);
    if (!delay) {
        finish(call, HttpResponse{status, body, error, reply->rawHeaderPairs()});
        return;
    }
    ++call->attempt;
    // Waiting for a retry gives the slot to another call.
    releaseSlot(call);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    call->retryTimer = timer;
    connect(timer, &QTimer::timeout, this, [this, call, timer] {
        timer->deleteLater();
        if (m_calls.contains(call->id))
            enqueue(call, true);
    });
    timer->start(delay->count());
}

void HttpTransport::releaseSlot(const CallPtr &call)
{
    if (!call->holdsSlot)
        return;
    call->holdsSlot = false;
    if (--m_active[call->origin] <= 0)
        m_active.remove(call->origin);
    // Another call of this origin may start now, but not from inside this one's callback chain.
    QTimer::singleShot(0, this, [this, origin = call->origin] { pump(origin); });
}

void HttpTransport::finish(const CallPtr &call, HttpResponse response)
{
    if (!m_calls.remove(call->id))
        return;
    releaseSlot(call);
    if (call->retryTimer)
        call->retryTimer->deleteLater();
    auto waiting = m_waiting.find(call->origin);
    if (waiting != m_waiting.end())
        waiting->removeAll(call);
    emit callsInFlightChanged(callsInFlight());
    if (!call->callback || (call->hasContext && !call->context))
        return;
    Callback callback = std::move(call->callback);
    callback(response);
}

void HttpTransport::cancel(CallId id)
{
    const CallPtr call = m_calls.value(id);
    if (!call)
        return;
    call->cancelled = true;
    if (call->reply) {
        call->reply->abort(); // finished() follows and reports Cancelled
        return;
    }
    HttpResponse response;
    response.error =
        ApiError::make(ApiError::Kind::Cancelled, tr("The request was cancelled."), call->request.operation);
    finish(call, response);
}

void HttpTransport::cancelAll()
{
    const auto ids = m_calls.keys();
    for (CallId id : ids)
        cancel(id);
}

} // namespace fc
