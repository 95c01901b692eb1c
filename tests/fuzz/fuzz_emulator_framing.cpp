// libFuzzer target over what a stranger sends the emulator's port, below the socket: the HTTP/1.1
// framing and limits of ConnectionGuard (its RequestFramer), then, for the first request line,
// what EmulatorServer::handleRequest does with the target (path segments, query, route).
//
// Input: one byte of settings, then the bytes of the connection.
//   settings & 3:        the limits (0: the emulator's defaults, 1-3: small ones, 2: none at all)
//   (settings >> 2) & 7: k, how many of the first connection bytes after it are read lengths
//                        (1-256 each, used in turn over and over); 0: one read
// Oracles: the events (request start, body announced, request end, refusal) are the same
// whether the bytes come in one read or in pieces; a refusal is the last event and is one of the
// guard's answers; no announced body breaks maxBodyBytes; bodies held at once stay within
// maxBufferedBytes, as the guard keeps them.
#include "ConnectionGuard.h"
#include "Http.h"
#include "Router.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using fc::emu::ConnectionLimits;
using fc::emu::RequestFramer;

[[noreturn]] void fail(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "FUZZ ORACLE FAILED: %s\n", what);
    std::fwrite(detail.constData(), 1, size_t(std::min<qsizetype>(detail.size(), 4000)), stderr);
    std::fputc('\n', stderr);
    std::abort();
}

ConnectionLimits limitsFor(int profile)
{
    ConnectionLimits limits;
    switch (profile) {
    case 0: // EmulatorOptions' defaults
        limits.maxBodyBytes = 4 * 1024 * 1024;
        limits.maxHeaderBytes = 32 * 1024;
        limits.maxHeaderCount = 100;
        limits.maxBufferedBytes = 64 * 1024 * 1024;
        break;
    case 1: // small, so that short inputs reach every refusal
        limits.maxBodyBytes = 64;
        limits.maxHeaderBytes = 200;
        limits.maxHeaderCount = 4;
        limits.maxBufferedBytes = 100;
        break;
    case 2: // every limit off
        break;
    default:
        limits.maxBodyBytes = 1024;
        limits.maxHeaderBytes = 1024;
        limits.maxHeaderCount = 16;
        limits.maxBufferedBytes = 48;
        break;
    }
    return limits;
}

// Writes down what the framer tells the guard, and keeps the buffered-bytes budget as the
// guard does (a request's reservation is released when the next one starts, when it ends and
// when it is refused).
class RecordingFramer : public RequestFramer
{
public:
    explicit RecordingFramer(const ConnectionLimits &limits) : RequestFramer(limits) {}

    QByteArray events;
    int completed = 0;
    int rejectedStatus = 0;

private:
    void requestStarted() override
    {
        afterRefusal("start");
        m_reserved = 0;
        m_inRequest = true;
        m_requestBody = 0;
        events += "S;";
    }
    bool reserve(qint64 bytes) override
    {
        afterRefusal("reserve");
        if (!m_inRequest || bytes <= 0)
            fail("a body was announced outside a request or with no bytes", events);
        m_requestBody += bytes;
        if (limits().maxBodyBytes > 0 && m_requestBody > limits().maxBodyBytes)
            fail("a body beyond maxBodyBytes got past the framer", events);
        events += "B" + QByteArray::number(bytes) + ';';
        if (limits().maxBufferedBytes > 0 && m_reserved + bytes > limits().maxBufferedBytes) {
            reject(503, QStringLiteral("ServerBusy"), QStringLiteral("busy"));
            return false;
        }
        m_reserved += bytes;
        return true;
    }
    void requestComplete() override
    {
        afterRefusal("end");
        if (!m_inRequest)
            fail("a request ended that never started", events);
        if (phase() != Phase::Idle)
            fail("a request ended, the framer is not idle", events);
        m_inRequest = false;
        m_reserved = 0;
        ++completed;
        events += "E;";
    }
    void rejected(int status, const QString &code, const QString &message) override
    {
        afterRefusal("refusal");
        if (phase() != Phase::Closing)
            fail("a refusal left the framer open", events);
        switch (status) {
        case 400:
        case 413:
        case 431:
        case 501:
        case 503:
            break;
        default:
            fail("a refusal with a status the guard never answers", events);
        }
        if (code.isEmpty() || message.isEmpty())
            fail("a refusal without a code or message", events);
        m_reserved = 0;
        rejectedStatus = status;
        events += "R" + QByteArray::number(status) + ':' + code.toLatin1() + ';';
    }
    void afterRefusal(const char *what)
    {
        if (rejectedStatus != 0)
            fail(what, "after a refusal: " + events);
    }

    qint64 m_reserved = 0;
    qint64 m_requestBody = 0;
    bool m_inRequest = false;
};

// What EmulatorServer::handleRequest makes of a request target, with the routes' shapes.
void routeTarget(const QByteArray &requestLine)
{
    const QList<QByteArray> parts = requestLine.trimmed().split(' ');
    if (parts.size() != 3)
        return;
    static const fc::emu::Router router = [] {
        fc::emu::Router r;
        const auto none = [](fc::emu::Request &) { return fc::emu::Response::empty(204); };
        const char *const patterns[] = {
            "providers/Microsoft.ProcessSimple/environments",
            "providers/Microsoft.ProcessSimple/environments/{env}",
            "providers/Microsoft.ProcessSimple/environments/~default",
            "providers/Microsoft.ProcessSimple/environments/{env}/flows",
            "providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}",
            "providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}/runs",
            "providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}/runs/{run}",
            "providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}/modifyPermissions",
            "workflows/{flow}/triggers/{trigger}/paths/invoke",
            "{tenant}/oauth2/v2.0/token",
            "v1.0/users",
        };
        for (const char *p : patterns) {
            r.add("GET", QString::fromLatin1(p), fc::emu::Area::Management, none);
            r.add("POST", QString::fromLatin1(p), fc::emu::Area::Management, none);
        }
        return r;
    }();
    const QUrl url = QUrl::fromEncoded(parts.at(1));
    const QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    const QStringList segments = fc::emu::Router::splitPath(path);
    const QHash<QString, QString> query = fc::emu::Request::parseForm(url.query(QUrl::FullyEncoded).toUtf8());
    const fc::emu::Router::Match match = router.match(parts.at(0), segments);
    if (match.kind == fc::emu::Router::Match::Found && match.route->pattern.size() != segments.size())
        fail("a route matched a path of another length", requestLine);
    (void)query;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int settings = data[0];
    const ConnectionLimits limits = limitsFor(settings & 3);
    const int k = (settings >> 2) & 7;
    std::size_t offset = 1;
    QList<int> pieces;
    for (int j = 0; j < k && offset < size; ++j, ++offset)
        pieces.append(int(data[offset]) + 1);
    const QByteArrayView stream(reinterpret_cast<const char *>(data + offset), qsizetype(size - offset));

    RecordingFramer whole(limits);
    whole.consume(stream);

    RecordingFramer split(limits);
    qsizetype at = 0;
    for (qsizetype j = 0; at < stream.size(); ++j) {
        const qsizetype n = pieces.isEmpty()
                                ? stream.size()
                                : std::min<qsizetype>(pieces.at(j % pieces.size()), stream.size() - at);
        split.consume(stream.sliced(at, n));
        at += n;
    }
    if (whole.events != split.events || whole.phase() != split.phase())
        fail("the framing depends on how the bytes are split into reads",
             "whole: " + whole.events + "\nsplit: " + split.events);
    if (whole.rejectedStatus != 0 && whole.phase() != RequestFramer::Phase::Closing)
        fail("refused, yet not closing", whole.events);

    const qsizetype lineEnd = stream.indexOf('\n');
    routeTarget(stream.first(lineEnd < 0 ? stream.size() : lineEnd).toByteArray());
    return 0;
}
