#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>

class QTcpSocket;
class QTimer;

namespace fc::emu {

// What one client may send and how long it may take; 0 switches a limit off.
struct ConnectionLimits
{
    qint64 maxBodyBytes = 0;     // per request: 413 beyond
    int maxHeaderBytes = 0;      // request line and headers together: 431 beyond
    int maxHeaderCount = 0;      // 431 beyond
    int idleTimeoutMs = 0;       // nothing under way (or answers not read for this long): closed
    int requestTimeoutMs = 0;    // from a request's first byte to its last: 408 and closed
    qint64 maxBufferedBytes = 0; // request bodies of all connections together: 503 beyond
    int lingerMs = 2000;         // after a refusal, how long the client may still send before a reset
};

// The HTTP/1.1 framing a ConnectionGuard follows, without a socket: fed the bytes of one
// connection as they arrive, in reads of any size, it finds where each request's head and body
// end (request line, headers, Content-Length or chunked body) and rejects a request that breaks
// a size limit (maxHeaderBytes, maxHeaderCount, maxBodyBytes), or whose framing is ambiguous,
// before the rest of it arrives. What a request's start and end, a body's size and a rejection
// mean for the connection is up to the subclass, through the virtual functions below.
class RequestFramer
{
public:
    enum class Phase { Idle, Head, Body, ChunkSize, ChunkData, ChunkEnd, LastChunkEnd, Closing };

    explicit RequestFramer(const ConnectionLimits &limits) : m_limits(limits) {}
    virtual ~RequestFramer() = default;
    RequestFramer(const RequestFramer &) = delete;
    RequestFramer &operator=(const RequestFramer &) = delete;

    // The next bytes of the connection. Once rejected (Closing), bytes are ignored.
    void consume(QByteArrayView data);
    Phase phase() const { return m_phase; }
    const ConnectionLimits &limits() const { return m_limits; }

protected:
    // Closing from now on; then rejected() says why.
    void reject(int status, const QString &code, const QString &message);
    // Closing from now on, without an answer.
    void close() { m_phase = Phase::Closing; }

    // The first byte of a request (past the blank bytes between requests) has come.
    virtual void requestStarted() {}
    // A body of `bytes` more bytes is announced (by Content-Length or a chunk size). False if it
    // may not come, after calling reject().
    virtual bool reserve(qint64 bytes)
    {
        Q_UNUSED(bytes);
        return true;
    }
    // The last byte of a request has come; the phase is Idle again.
    virtual void requestComplete() {}
    // The request is refused with this answer; the phase is Closing.
    virtual void rejected(int status, const QString &code, const QString &message)
    {
        Q_UNUSED(status);
        Q_UNUSED(code);
        Q_UNUSED(message);
    }

private:
    static constexpr int kMaxChunkLine = 1024;

    void startRequest();
    void headComplete();
    void finishRequest();

    ConnectionLimits m_limits;
    Phase m_phase = Phase::Idle;
    QByteArray m_head; // request line and headers of the request under way
    qsizetype m_requestLineEnd = -1;
    QByteArray m_line; // a chunk-size line
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    int m_crlf = 0; // bytes of a chunk's closing CRLF seen
};

class GuardedTcpServer;

// Watches one connection on behalf of QAbstractHttpServer, which in Qt 6.4 reads a whole request,
// body included (and kept twice, in the socket's transaction and in the request), before the
// server sees it, and never times a connection out. The guard's readyRead handler is connected
// before Qt's, so it runs first on every read: it looks at the new bytes with peek(), follows the
// HTTP/1.1 framing (RequestFramer) and refuses a request that breaks a limit, or whose framing is
// ambiguous, before Qt reads any of it: it cuts Qt's handler off, answers 400/408/413/431/501/503
// and closes. A second handler, connected after
// Qt's, notes how much Qt left unread, so that each byte is looked at once.
class ConnectionGuard : public QObject, private RequestFramer
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits, GuardedTcpServer *owner,
                    QObject *httpServer);
    ~ConnectionGuard() override;

    // Once the HTTP server has connected its own readyRead handler.
    void watchAfterServer();
    // One answer to a request of this connection went out.
    void answered();

    static ConnectionGuard *of(QTcpSocket *socket);
    // Writes `response` (which must say Connection: close), then closes once the client has had it.
    static void refuse(QTcpSocket *socket, const QByteArray &response, int lingerMs);

private:
    // Reading pauses while this many requests wait for their answers, or this much of the
    // answers waits to be sent.
    static constexpr int kMaxUnanswered = 16;
    static constexpr qint64 kMaxUnsentBytes = 1024 * 1024;

    void beforeServer();
    void afterServer();
    void requestStarted() override;
    bool reserve(qint64 bytes) override;
    void requestComplete() override;
    void rejected(int status, const QString &code, const QString &message) override;
    void release();
    void rearm();
    void updateReading();
    void timedOut();

    QTcpSocket *m_socket;
    QPointer<GuardedTcpServer> m_owner; // null while the server itself goes
    QObject *m_httpServer;
    QTimer *m_timer;
    qint64 m_seenAvailable = 0; // bytes Qt had not read when its handler returned
    qint64 m_reserved = 0;      // of the owner's buffered-bytes budget
    int m_unanswered = 0;       // whole requests whose answer has not gone out
    bool m_paused = false;      // reading stopped until the server catches up
};

// A QTcpServer that puts a ConnectionGuard in front of QAbstractHttpServer for every connection
// and caps how many connections are open at once (beyond the cap: 503 and closed at once).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(const ConnectionLimits &limits, int maxConnections, QObject *httpServer);

    int openConnections() const { return m_open; }
    qint64 bufferedBytes() const { return m_buffered; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    friend class ConnectionGuard;

    ConnectionLimits m_limits;
    int m_maxConnections;
    QObject *m_httpServer;
    int m_open = 0;
    qint64 m_buffered = 0;
};

} // namespace fc::emu
