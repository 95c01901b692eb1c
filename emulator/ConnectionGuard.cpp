#include "ConnectionGuard.h"

#include "Http.h"

#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
bool isBlank(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v';
}

QByteArray refusal(int status, const QString &code, const QString &message)
{
    Response r = Response::error(status, code, message);
    if (status == 503)
        r.withHeader("Retry-After", "1");
    return r.wire(false);
}

// Ends our side of the stream once the answer is out, but keeps reading (and dropping) what
// the client still sends: closing with unread data would reset the connection, and the client
// could lose the answer before reading it.
void shutdownWrite(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    if (socket->state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#else
    socket->disconnectFromHost();
#endif
}
} // namespace

void RequestFramer::consume(QByteArrayView data)
{
    qsizetype i = 0;
    const qsizetype n = data.size();
    while (i < n && m_phase != Phase::Closing) {
        switch (m_phase) {
        case Phase::Idle:
            // As Qt does, blank bytes between requests are skipped.
            if (isBlank(data[i])) {
                ++i;
                break;
            }
            startRequest();
            break;
        case Phase::Head:
            while (i < n) {
                const char c = data[i++];
                m_head.append(c);
                if (m_limits.maxHeaderBytes > 0 && m_head.size() > m_limits.maxHeaderBytes) {
                    reject(431, u"RequestHeaderFieldsTooLarge"_s,
                           QString(u"The request line and headers are larger than "_s +
                                   QString::number(m_limits.maxHeaderBytes) + u" bytes."_s));
                    return;
                }
                if (c != '\n')
                    continue;
                if (m_requestLineEnd < 0) {
                    m_requestLineEnd = m_head.size(); // headers (or the empty line) follow
                    continue;
                }
                if (m_head.endsWith("\n\n") || m_head.endsWith("\n\r\n")) {
                    headComplete();
                    break;
                }
            }
            break;
        case Phase::Body: {
            const qint64 take = std::min<qint64>(m_remaining, n - i);
            m_remaining -= take;
            i += take;
            if (m_remaining == 0)
                finishRequest();
            break;
        }
        case Phase::ChunkSize: {
            const char c = data[i++];
            if (c != '\n') {
                m_line.append(c);
                if (m_line.size() > kMaxChunkLine)
                    reject(400, u"InvalidChunkedEncoding"_s, u"A chunk-size line is too long."_s);
                break;
            }
            QByteArray size = m_line;
            m_line.clear();
            if (size.endsWith('\r'))
                size.chop(1);
            const qsizetype semicolon = size.indexOf(';');
            if (semicolon >= 0)
                size.truncate(semicolon);
            size = size.trimmed();
            bool ok = !size.isEmpty() && size.size() <= 15;
            const qint64 chunk = ok ? size.toLongLong(&ok, 16) : 0;
            if (!ok || chunk < 0) {
                reject(400, u"InvalidChunkedEncoding"_s, u"A chunk size is not a hexadecimal number."_s);
                break;
            }
            if (chunk == 0) {
                m_crlf = 0;
                m_phase = Phase::LastChunkEnd;
                break;
            }
            m_bodyBytes += chunk;
            if (m_limits.maxBodyBytes > 0 && m_bodyBytes > m_limits.maxBodyBytes) {
                reject(413, u"RequestEntityTooLarge"_s,
                       QString(u"The request body is larger than "_s +
                               QString::number(m_limits.maxBodyBytes) + u" bytes."_s));
                break;
            }
            if (!reserve(chunk))
                break;
            m_remaining = chunk;
            m_phase = Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const qint64 take = std::min<qint64>(m_remaining, n - i);
            m_remaining -= take;
            i += take;
            if (m_remaining == 0) {
                m_crlf = 0;
                m_phase = Phase::ChunkEnd;
            }
            break;
        }
        case Phase::ChunkEnd:
        case Phase::LastChunkEnd: {
            const char c = data[i++];
            const bool last = m_phase == Phase::LastChunkEnd;
            if (m_crlf == 0 && c == '\r') {
                m_crlf = 1;
            } else if (c == '\n' && (m_crlf == 1 || last)) {
                if (last)
                    finishRequest();
                else
                    m_phase = Phase::ChunkSize;
            } else {
                reject(400, u"InvalidChunkedEncoding"_s,
                       last ? u"Trailers after the last chunk are not supported."_s
                            : u"A chunk does not end with CRLF where its size says."_s);
            }
            break;
        }
        case Phase::Closing:
            break;
        }
    }
}

void RequestFramer::startRequest()
{
    m_phase = Phase::Head;
    m_head.clear();
    m_requestLineEnd = -1;
    m_bodyBytes = 0;
    requestStarted();
}

void RequestFramer::headComplete()
{
    QList<QByteArray> lines = m_head.split('\n');
    m_head.clear();
    for (QByteArray &line : lines)
        if (line.endsWith('\r'))
            line.chop(1);
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || requestLine.at(1).isEmpty() ||
        (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0")) {
        reject(400, u"BadRequest"_s, u"The request line is not 'METHOD target HTTP/1.1'."_s);
        return;
    }
    QList<QByteArray> lengths;
    QList<QByteArray> encodings;
    int count = 0;
    for (qsizetype k = 1; k < lines.size(); ++k) {
        const QByteArray &line = lines.at(k);
        if (line.isEmpty())
            continue;
        if (m_limits.maxHeaderCount > 0 && ++count > m_limits.maxHeaderCount) {
            reject(431, u"RequestHeaderFieldsTooLarge"_s,
                   QString(u"The request has more than "_s + QString::number(m_limits.maxHeaderCount) +
                           u" headers."_s));
            return;
        }
        // Folded lines and whitespace before the colon are how requests get smuggled past
        // proxies that read them differently (RFC 9112 §5.1, §5.2): refused.
        const qsizetype colon = line.indexOf(':');
        if (line.startsWith(' ') || line.startsWith('\t') || colon <= 0 || line.left(colon).contains(' ') ||
            line.left(colon).contains('\t')) {
            reject(
                400, u"BadRequest"_s,
                QString(u"The header line '"_s + QString::fromLatin1(line.left(64)) + u"' is malformed."_s));
            return;
        }
        const QByteArray name = line.left(colon).toLower();
        if (name == "content-length")
            lengths.append(line.mid(colon + 1).trimmed());
        else if (name == "transfer-encoding")
            encodings.append(line.mid(colon + 1).trimmed().toLower());
    }
    if (!encodings.isEmpty() && !lengths.isEmpty()) {
        reject(400, u"BadRequest"_s,
               u"A request must not carry both Content-Length and Transfer-Encoding."_s);
        return;
    }
    if (lengths.size() > 1) {
        reject(400, u"BadRequest"_s, u"The request has more than one Content-Length header."_s);
        return;
    }
    if (encodings.size() > 1 || (encodings.size() == 1 && encodings.constFirst() != "chunked")) {
        reject(501, u"NotImplemented"_s, u"Of the transfer codings only 'chunked' (alone) is supported."_s);
        return;
    }
    if (encodings.size() == 1) {
        m_line.clear();
        m_phase = Phase::ChunkSize;
        return;
    }
    qint64 length = 0;
    if (!lengths.isEmpty()) {
        const QByteArray &text = lengths.constFirst();
        bool ok = !text.isEmpty() && text.size() <= 18;
        for (const char c : text)
            ok = ok && c >= '0' && c <= '9';
        length = ok ? text.toLongLong(&ok) : -1;
        if (!ok) {
            reject(400, u"BadRequest"_s, u"The Content-Length header is not a number."_s);
            return;
        }
    }
    if (m_limits.maxBodyBytes > 0 && length > m_limits.maxBodyBytes) {
        reject(413, u"RequestEntityTooLarge"_s,
               QString(u"The request body of "_s + QString::number(length) + u" bytes is larger than "_s +
                       QString::number(m_limits.maxBodyBytes) + u" bytes."_s));
        return;
    }
    if (length == 0) {
        finishRequest();
        return;
    }
    if (!reserve(length))
        return;
    m_remaining = length;
    m_phase = Phase::Body;
}

void RequestFramer::finishRequest()
{
    m_phase = Phase::Idle;
    requestComplete();
}

void RequestFramer::reject(int status, const QString &code, const QString &message)
{
    m_phase = Phase::Closing;
    rejected(status, code, message);
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits, GuardedTcpServer *owner,
                                 QObject *httpServer)
    : QObject(socket)
    , RequestFramer(limits)
    , m_socket(socket)
    , m_owner(owner)
    , m_httpServer(httpServer)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    // Connected before the HTTP server's handler, so it runs first.
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::beforeServer);
    connect(m_socket, &QIODevice::bytesWritten, this, [this] {
        updateReading();
        rearm();
    });
    rearm();
}

ConnectionGuard::~ConnectionGuard()
{
    release();
}

void ConnectionGuard::watchAfterServer()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::afterServer);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::answered()
{
    if (m_unanswered > 0)
        --m_unanswered;
    updateReading();
    rearm();
}

void ConnectionGuard::beforeServer()
{
    if (phase() == Phase::Closing) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_seenAvailable;
    m_seenAvailable = available;
    if (fresh <= 0)
        return;
    // peek() starts where Qt stopped reading: what Qt left unread last time (seen already), then
    // what came since.
    const QByteArray bytes = m_socket->peek(available);
    consume(QByteArrayView(bytes).sliced(std::max<qsizetype>(0, bytes.size() - fresh)));
    updateReading();
}

void ConnectionGuard::afterServer()
{
    if (phase() == Phase::Closing) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    m_seenAvailable = m_socket->bytesAvailable();
}

void ConnectionGuard::requestStarted()
{
    release();
    if (limits().requestTimeoutMs > 0)
        m_timer->start(limits().requestTimeoutMs);
    else
        m_timer->stop();
}

void ConnectionGuard::requestComplete()
{
    ++m_unanswered;
    // Qt hands the request to the server in this same readyRead, so its body leaves the budget.
    release();
    rearm();
}

bool ConnectionGuard::reserve(qint64 bytes)
{
    if (limits().maxBufferedBytes > 0 && m_owner && m_owner->m_buffered + bytes > limits().maxBufferedBytes) {
        reject(503, u"ServerBusy"_s,
               u"The emulator holds as many request bodies as it will at once; try again in 1 second."_s);
        return false;
    }
    m_reserved += bytes;
    if (m_owner)
        m_owner->m_buffered += bytes;
    return true;
}

void ConnectionGuard::release()
{
    if (m_owner)
        m_owner->m_buffered -= m_reserved;
    m_reserved = 0;
}

void ConnectionGuard::rearm()
{
    if (phase() == Phase::Closing)
        return;
    if (phase() != Phase::Idle)
        return; // the request timer runs from the request's first byte
    if (limits().idleTimeoutMs <= 0)
        m_timer->stop();
    else if (m_socket->bytesToWrite() > 0)
        m_timer->start(limits().idleTimeoutMs); // answers are going out: restarted while they do
    else if (m_unanswered > 0)
        m_timer->stop(); // the server owes an answer: not idle
    else
        m_timer->start(limits().idleTimeoutMs);
}

void ConnectionGuard::updateReading()
{
    // A client that sends requests faster than it reads the answers would have both buffers
    // grow without end: reading stops until the server has caught up. (A socket takes from the
    // network only while its read buffer is under readBufferSize.)
    const bool pause = phase() != Phase::Closing &&
                       (m_unanswered >= kMaxUnanswered || m_socket->bytesToWrite() >= kMaxUnsentBytes);
    if (pause == m_paused)
        return;
    m_paused = pause;
    m_socket->setReadBufferSize(pause ? 1 : 0);
}

void ConnectionGuard::timedOut()
{
    if (phase() == Phase::Closing)
        return;
    if (phase() == Phase::Idle) {
        const bool stuck = m_socket->bytesToWrite() > 0; // the client stopped reading its answers
        close();
        release();
        if (stuck)
            m_socket->abort();
        else
            m_socket->disconnectFromHost();
        return;
    }
    reject(408, u"RequestTimeout"_s,
           QString(u"The request did not arrive in full within "_s +
                   QString::number(limits().requestTimeoutMs) + u" ms."_s));
}

void ConnectionGuard::rejected(int status, const QString &code, const QString &message)
{
    m_timer->stop();
    release();
    m_socket->setReadBufferSize(0); // drained from now on, whatever comes
    // Qt's handler must not read this request: cut it off (also during this emission).
    disconnect(m_socket, &QIODevice::readyRead, m_httpServer, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    refuse(m_socket, refusal(status, code, message), limits().lingerMs);
}

void ConnectionGuard::refuse(QTcpSocket *socket, const QByteArray &response, int lingerMs)
{
    socket->write(response);
    if (socket->bytesToWrite() == 0) {
        shutdownWrite(socket);
    } else {
        connect(socket, &QIODevice::bytesWritten, socket, [socket] {
            if (socket->bytesToWrite() == 0)
                shutdownWrite(socket);
        });
    }
    // Whatever the client still sends is dropped; after lingerMs the connection is reset.
    QTimer::singleShot(std::max(lingerMs, 0), socket, [socket] { socket->abort(); });
}

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &limits, int maxConnections, QObject *httpServer)
    : QTcpServer(httpServer)
    , m_limits(limits)
    , m_maxConnections(maxConnections)
    , m_httpServer(httpServer)
{
    // Out of descriptors, QTcpServer stops accepting for good; try again shortly instead.
    connect(this, &QTcpServer::acceptError, this,
            [this] { QTimer::singleShot(250, this, [this] { resumeAccepting(); }); });
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    if (m_maxConnections > 0 && m_open >= m_maxConnections) {
        const QByteArray busy =
            refusal(503, u"ServerBusy"_s,
                    QString(u"The emulator already serves "_s + QString::number(m_maxConnections) +
                            u" connections; try again in 1 second."_s));
#ifdef Q_OS_UNIX
        // Under a flood of connections, a refusal must cost next to nothing: no socket object,
        // no buffers, no timer. The answer fits in the empty send buffer of a new connection.
        [[maybe_unused]] const auto sent =
            ::send(int(handle), busy.constData(), size_t(busy.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(int(handle), SHUT_WR);
        ::close(int(handle));
#else
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QIODevice::readyRead, socket, [socket] { socket->skip(socket->bytesAvailable()); });
        ConnectionGuard::refuse(socket, busy, m_limits.lingerMs);
#endif
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    auto *guard = new ConnectionGuard(socket, m_limits, this, m_httpServer);
    addPendingConnection(socket); // QAbstractHttpServer connects its readyRead handler here
    guard->watchAfterServer();
}

} // namespace fc::emu
