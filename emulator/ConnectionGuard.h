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

class GuardedTcpServer;

// Watches one connection on behalf of QAbstractHttpServer, which in Qt 6.4 reads a whole request,
// body included (and kept twice, in the socket's transaction and in the request), before the
// server sees it, and never times a connection out. The guard's readyRead handler is connected
// before Qt's, so it runs first on every read: it looks at the new bytes with peek(), follows the
// HTTP/1.1 framing (request line, headers, Content-Length or chunked body) and refuses a request
// that breaks a limit, or whose framing is ambiguous, before Qt reads any of it: it cuts Qt's
// handler off, answers 400/408/413/431/501/503 and closes. A second handler, connected after
// Qt's, notes how much Qt left unread, so that each byte is looked at once.
class ConnectionGuard : public QObject
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
    enum class Phase { Idle, Head, Body, ChunkSize, ChunkData, ChunkEnd, LastChunkEnd, Closing };
    // Reading pauses while this many requests wait for their answers, or this much of the
    // answers waits to be sent.
    static constexpr int kMaxUnanswered = 16;
    static constexpr qint64 kMaxUnsentBytes = 1024 * 1024;

    void beforeServer();
    void afterServer();
    void consume(QByteArrayView data);
    void startRequest();
    void headComplete();
    void requestComplete();
    bool reserve(qint64 bytes);
    void release();
    void rearm();
    void updateReading();
    void timedOut();
    void reject(int status, const QString &code, const QString &message);

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    QPointer<GuardedTcpServer> m_owner; // null while the server itself goes
    QObject *m_httpServer;
    QTimer *m_timer;
    Phase m_phase = Phase::Idle;
    qint64 m_seenAvailable = 0; // bytes Qt had not read when its handler returned
    QByteArray m_head;          // request line and headers of the request under way
    qsizetype m_requestLineEnd = -1;
    QByteArray m_line; // a chunk-size line
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_reserved = 0; // of the owner's buffered-bytes budget
    int m_crlf = 0;        // bytes of a chunk's closing CRLF seen
    int m_unanswered = 0;  // whole requests whose answer has not gone out
    bool m_paused = false; // reading stopped until the server catches up
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
