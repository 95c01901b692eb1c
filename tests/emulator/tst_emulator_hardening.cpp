// The emulator against hostile or broken clients (label reliability): request size and
// header limits answered before the body is read, connections that idle or stall, the
// connection cap, ambiguous framing, strict JSON, $filter limits, token audiences, and what
// the emulator keeps in memory (device codes, prepared statements). Raw requests go through
// a QTcpSocket, so each byte on the wire is the test's choice; waits are on signals.
// (No raw string literals here: Qt 6.4's moc does not read past them.)
#include "EmulatorTestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace fc::test;

namespace {

const QString kFlowScope = u"https://service.flow.microsoft.com/.default offline_access"_s;
const QString kPowerAppsScope = u"https://service.powerapps.com/.default offline_access"_s;
const QString kGraphScope = u"https://graph.microsoft.com/.default offline_access"_s;
const QString kRedirect = u"http://localhost:53123/callback"_s;

// One connection under the test's control: what it sends is exactly what goes on the wire.
class RawConnection
{
public:
    explicit RawConnection(quint16 port) : m_closed(&m_socket, &QAbstractSocket::disconnected)
    {
        QObject::connect(&m_socket, &QIODevice::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected =
            QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    bool isConnected() const { return m_connected; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // True once the server has closed the connection (the test never closes it first).
    bool waitClosedByServer(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return m_closed.size() > 0; }, timeoutMs);
    }
    bool waitForBytes(const QByteArray &text, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return received().contains(text); }, timeoutMs);
    }
    QByteArray received()
    {
        m_received += m_socket.readAll();
        return m_received;
    }
    int status() { return received().startsWith("HTTP/1.1 ") ? received().mid(9, 3).toInt() : 0; }
    int answers() { return int(received().count("HTTP/1.1 ")); }
    void close() { m_socket.abort(); }

private:
    QTcpSocket m_socket;
    QSignalSpy m_closed;
    QByteArray m_received;
    bool m_connected = false;
};

QByteArray challengeOf(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject claims(const QString &jwt)
{
    const QByteArray payload = jwt.section(u'.', 1, 1).toLatin1();
    return QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding)).object();
}

std::unique_ptr<fc::emu::Emulator> startEmulator(const fc::emu::EmulatorOptions &options)
{
    auto emu = std::make_unique<fc::emu::Emulator>(options);
    QString error;
    if (!emu->start(&error))
        qWarning("%s", qPrintable(error));
    return emu;
}

} // namespace

class TstEmulatorHardening : public QObject
{
    Q_OBJECT

private:
    // The shared emulator has small limits, so that tests stay quick.
    static constexpr qint64 kMaxBody = 64 * 1024;
    static constexpr int kMaxHeader = 8 * 1024;
    static constexpr int kMaxHeaders = 50;

    std::unique_ptr<fc::emu::Emulator> m_emu;
    QString m_env;
    QString m_flow; // owned by the demo user

    std::unique_ptr<HttpTestClient> clientFor(const QString &scope, fc::emu::Emulator *emu = nullptr)
    {
        emu = emu ? emu : m_emu.get();
        auto c = std::make_unique<HttpTestClient>(emu->baseUrl());
        c->setBearer(emu->accessToken(emu->demoUserUpn(), scope));
        return c;
    }
    QByteArray requestHead(const QByteArray &method, const QString &path, const QByteArray &extraHeaders = {})
    {
        return method + ' ' + path.toUtf8() +
               " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_emu->port()) + "\r\n" + extraHeaders +
               "\r\n";
    }
    QString runsPath() const { return flowPath(m_env, m_flow) + u"/runs?api-version=2016-11-01"_s; }
    static QString andClauses(int n, const QString &clause = u"status eq 'Failed'"_s)
    {
        QStringList parts;
        for (int i = 0; i < n; ++i)
            parts << clause;
        return parts.join(u" and "_s);
    }
    // Signs in through the authorization code flow; the token endpoint's answer.
    QJsonObject signIn(fc::emu::Emulator &emu, const QString &clientId, const QString &scope)
    {
        const QByteArray verifier = "hardening-verifier-hardening-verifier-hardening-0123";
        HttpTestClient http(emu.baseUrl());
        QUrlQuery q;
        q.addQueryItem(u"client_id"_s, enc(clientId));
        q.addQueryItem(u"response_type"_s, u"code"_s);
        q.addQueryItem(u"redirect_uri"_s, enc(kRedirect));
        q.addQueryItem(u"scope"_s, enc(scope));
        q.addQueryItem(u"code_challenge"_s, QString::fromLatin1(challengeOf(verifier)));
        q.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
        q.addQueryItem(u"login_hint"_s, enc(emu.demoUserUpn()));
        const auto redirect =
            http.get(u'/' + emu.tenantId() + u"/oauth2/v2.0/authorize?"_s + q.query(QUrl::FullyEncoded));
        const QString code =
            QUrlQuery(QUrl::fromEncoded(redirect.header("Location"))).queryItemValue(u"code"_s);
        QUrlQuery form;
        form.addQueryItem(u"client_id"_s, enc(clientId));
        form.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
        form.addQueryItem(u"code"_s, code);
        form.addQueryItem(u"redirect_uri"_s, enc(kRedirect));
        form.addQueryItem(u"code_verifier"_s, QString::fromLatin1(verifier));
        return http.postForm(u'/' + emu.tenantId() + u"/oauth2/v2.0/token"_s, form).json();
    }
    HttpResult refresh(const QString &clientId, const QString &refreshToken, const QString &scope)
    {
        QUrlQuery form;
        form.addQueryItem(u"client_id"_s, enc(clientId));
        form.addQueryItem(u"grant_type"_s, u"refresh_token"_s);
        form.addQueryItem(u"refresh_token"_s, enc(refreshToken));
        form.addQueryItem(u"scope"_s, enc(scope));
        return HttpTestClient(m_emu->baseUrl())
            .postForm(u'/' + m_emu->tenantId() + u"/oauth2/v2.0/token"_s, form);
    }
    static HttpResult deviceCode(fc::emu::Emulator &emu, const QString &clientId, const QString &scope)
    {
        QUrlQuery form;
        form.addQueryItem(u"client_id"_s, enc(clientId));
        form.addQueryItem(u"scope"_s, enc(scope));
        return HttpTestClient(emu.baseUrl()).postForm(u"/organizations/oauth2/v2.0/devicecode"_s, form);
    }

private Q_SLOTS:
    void initTestCase()
    {
        fc::emu::EmulatorOptions options;
        options.maxBodyBytes = kMaxBody;
        options.maxHeaderBytes = kMaxHeader;
        options.maxHeaderCount = kMaxHeaders;
        m_emu = startEmulator(options);
        QVERIFY(m_emu->isRunning());
        m_env = m_emu->defaultEnvironmentName();
        m_flow = m_emu->firstOwnedFlow(m_emu->demoUserUpn());
        QVERIFY(!m_flow.isEmpty());
    }

    // --- request size and framing, before Qt reads the request -----------------------------

    void hugeContentLengthAnsweredBeforeTheBody()
    {
        RawConnection c(m_emu->port());
        QVERIFY(c.isConnected());
        // 4 GiB announced, not one byte of it sent: the answer comes from the headers alone.
        c.send(requestHead("POST", envPath(m_env) + u"/flows"_s,
                           "Content-Type: application/json\r\nContent-Length: 4294967296\r\n"));
        QVERIFY2(c.waitClosedByServer(), c.received().constData());
        QCOMPARE(c.status(), 413);
        QVERIFY(c.received().contains("RequestEntityTooLarge"));
        QVERIFY(c.received().contains("Connection: close"));
    }

    void bodyJustOverTheLimitRefusedAtTheLimitServed()
    {
        // Over by one byte, sent in full: still 413, and the client gets to read it.
        RawConnection over(m_emu->port());
        over.send(requestHead("POST", u"/organizations/oauth2/v2.0/devicecode"_s,
                              "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                  QByteArray::number(kMaxBody + 1) + "\r\n") +
                  QByteArray(kMaxBody + 1, 'a'));
        QVERIFY(over.waitClosedByServer());
        QCOMPARE(over.status(), 413);
        // At the limit: served (a form without client_id: the identity service's own 400).
        RawConnection at(m_emu->port());
        at.send(requestHead("POST", u"/organizations/oauth2/v2.0/devicecode"_s,
                            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                QByteArray::number(kMaxBody) + "\r\n") +
                QByteArray(kMaxBody, 'a'));
        QVERIFY(at.waitForBytes("\r\n\r\n"));
        QCOMPARE(at.status(), 400);
        QTRY_VERIFY(at.received().contains("AADSTS900144"));
    }

    void chunkedBodiesCountedToo()
    {
        RawConnection big(m_emu->port());
        // One chunk announced larger than the limit: refused before its data comes.
        big.send(requestHead("POST", envPath(m_env) + u"/flows"_s,
                             "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n") +
                 QByteArray::number(kMaxBody + 1, 16) + "\r\n");
        QVERIFY(big.waitClosedByServer());
        QCOMPARE(big.status(), 413);
        // Small chunks adding up past the limit.
        RawConnection many(m_emu->port());
        QByteArray body;
        const QByteArray chunk(1024, 'x');
        for (qint64 sent = 0; sent <= kMaxBody; sent += chunk.size())
            body += "400\r\n" + chunk + "\r\n";
        many.send(requestHead("POST", envPath(m_env) + u"/flows"_s,
                              "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n") +
                  body);
        QVERIFY(many.waitClosedByServer());
        QCOMPARE(many.status(), 413);
    }

    void chunkedAndPipelinedRequestsStillServed()
    {
        RawConnection c(m_emu->port());
        const QByteArray form = "client_id=chunky&scope=" + QUrl::toPercentEncoding(kFlowScope);
        const QByteArray chunked = requestHead("POST", u"/organizations/oauth2/v2.0/devicecode"_s,
                                               "Content-Type: application/x-www-form-urlencoded\r\n"
                                               "Transfer-Encoding: chunked\r\n") +
                                   QByteArray::number(10, 16) + "\r\n" + form.left(10) + "\r\n" +
                                   QByteArray::number(form.size() - 10, 16) + "\r\n" + form.mid(10) +
                                   "\r\n0\r\n\r\n";
        // Three requests in one write: a chunked POST and two GETs.
        c.send(chunked + requestHead("GET", envPath(m_env)) +
               requestHead("GET", envPath(m_env), "Connection: close\r\n"));
        QVERIFY(c.waitClosedByServer());
        QCOMPARE(c.answers(), 3);
        QCOMPARE(c.status(), 200);
        QVERIFY(c.received().contains("\"user_code\""));
        QCOMPARE(c.received().count("InvalidAuthenticationToken"), 2); // the GETs carried no token
    }

    void deepPipelineAnsweredInFull()
    {
        // Far more requests in one write than the guard lets wait for answers: reading pauses
        // and resumes, and every request is answered, in order.
        RawConnection c(m_emu->port());
        QByteArray burst;
        for (int i = 0; i < 300; ++i)
            burst += requestHead("GET", envPath(m_env) + u"?i="_s + QString::number(i));
        c.send(burst + requestHead("GET", envPath(m_env), "Connection: close\r\n"));
        QVERIFY(c.waitClosedByServer(20000));
        QCOMPARE(c.answers(), 301);
    }

    void bodiesBeingReceivedShareABudget()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.maxBufferedBytes = 100 * 1024;
        const auto emu = startEmulator(options);
        const QByteArray head = "POST /organizations/oauth2/v2.0/devicecode HTTP/1.1\r\nHost: x\r\n"
                                "Content-Length: 61440\r\n\r\n";
        // The first body (60 KiB) is under way; a second would take the total past 100 KiB.
        RawConnection first(emu->port());
        first.send(head + "x=");
        RawConnection second(emu->port());
        second.send(head);
        QVERIFY(second.waitClosedByServer());
        QCOMPARE(second.status(), 503);
        QVERIFY(second.received().contains("Retry-After: 1"));
        // Once the first is in, its share is free again.
        first.send(QByteArray(61440 - 2, 'a'));
        QVERIFY(first.waitForBytes("AADSTS900144"));
        RawConnection third(emu->port());
        third.send(head + "x=" + QByteArray(61440 - 2, 'a'));
        QVERIFY(third.waitForBytes("AADSTS900144"));
    }

    void oversizedHeadersAnswered431()
    {
        RawConnection big(m_emu->port());
        big.send(requestHead("GET", envPath(m_env), "X-Padding: " + QByteArray(kMaxHeader, 'p') + "\r\n"));
        QVERIFY(big.waitClosedByServer());
        QCOMPARE(big.status(), 431);
        QVERIFY(big.received().contains("RequestHeaderFieldsTooLarge"));

        RawConnection many(m_emu->port());
        QByteArray headers;
        for (int i = 0; i <= kMaxHeaders; ++i)
            headers += "X-H" + QByteArray::number(i) + ": v\r\n";
        many.send(requestHead("GET", envPath(m_env), headers));
        QVERIFY(many.waitClosedByServer());
        QCOMPARE(many.status(), 431);

        // Headers that never end count too: no terminator needed to be refused.
        RawConnection endless(m_emu->port());
        endless.send("GET / HTTP/1.1\r\nX-Endless: " + QByteArray(kMaxHeader + 1, 'e'));
        QVERIFY(endless.waitClosedByServer());
        QCOMPARE(endless.status(), 431);
    }

    void ambiguousFramingRefused_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("two different Content-Length")
            << QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n") << 400
            << QByteArray("more than one Content-Length");
        QTest::newRow("two equal Content-Length") << QByteArray("Content-Length: 6\r\nContent-Length: 6\r\n")
                                                  << 400 << QByteArray("more than one Content-Length");
        QTest::newRow("list in Content-Length")
            << QByteArray("Content-Length: 6, 6\r\n") << 400 << QByteArray("not a number");
        QTest::newRow("signed Content-Length")
            << QByteArray("Content-Length: +6\r\n") << 400 << QByteArray("not a number");
        QTest::newRow("Content-Length and chunked")
            << QByteArray("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n") << 400
            << QByteArray("both Content-Length and Transfer-Encoding");
        QTest::newRow("unknown transfer coding")
            << QByteArray("Transfer-Encoding: gzip, chunked\r\n") << 501 << QByteArray("chunked");
        QTest::newRow("space before colon")
            << QByteArray("Content-Length : 6\r\n") << 400 << QByteArray("is malformed");
        QTest::newRow("folded header")
            << QByteArray("X-Folded: a\r\n b\r\nContent-Length: 6\r\n") << 400 << QByteArray("is malformed");
    }
    void ambiguousFramingRefused()
    {
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        QFETCH(QByteArray, message);
        RawConnection c(m_emu->port());
        c.send(requestHead("POST", u"/organizations/oauth2/v2.0/devicecode"_s, headers) + "hello!");
        QVERIFY(c.waitClosedByServer());
        QCOMPARE(c.status(), status);
        QVERIFY2(c.received().contains(message), c.received().constData());
        QCOMPARE(c.answers(), 1); // nothing of the request reached a handler
    }

    // --- connections that idle, stall or are too many ------------------------------------------

    void halfSentRequestTimesOut_data()
    {
        QTest::addColumn<QByteArray>("partial");
        QTest::newRow("headers unfinished") << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QTest::newRow("body unfinished")
            << QByteArray("POST /organizations/oauth2/v2.0/devicecode HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Length: 100\r\n\r\nclient_id=");
        QTest::newRow("chunks unfinished")
            << QByteArray("POST /organizations/oauth2/v2.0/devicecode HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n5\r\nclien");
    }
    void halfSentRequestTimesOut()
    {
        QFETCH(QByteArray, partial);
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.requestTimeoutMs = 300;
        options.idleTimeoutMs = 60000; // not what closes it
        const auto emu = startEmulator(options);
        RawConnection c(emu->port());
        QElapsedTimer timer;
        timer.start();
        c.send(partial);
        QVERIFY2(c.waitClosedByServer(), "the server kept a half-sent request open");
        QVERIFY(timer.elapsed() >= 200); // not closed at once: after the (coarse) timeout
        QCOMPARE(c.status(), 408);
        QVERIFY(c.received().contains("RequestTimeout"));
    }

    void trickleDoesNotExtendTheRequestTimeout()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.requestTimeoutMs = 300;
        const auto emu = startEmulator(options);
        RawConnection c(emu->port());
        c.send("GET / HTTP/1.1\r\n");
        // One header byte every 50 ms: a request that never ends is still cut at the timeout.
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, &trickle, [&c] { c.send("X"); });
        trickle.start(50);
        QVERIFY(c.waitClosedByServer());
        QCOMPARE(c.status(), 408);
    }

    void idleConnectionClosed()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.idleTimeoutMs = 300;
        const auto emu = startEmulator(options);
        RawConnection silent(emu->port());
        QVERIFY(silent.isConnected());
        QVERIFY2(silent.waitClosedByServer(), "an idle connection was kept open");
        QVERIFY(silent.received().isEmpty());

        // After an answer on a kept-alive connection, the idle clock starts again.
        RawConnection used(emu->port());
        used.send("GET /providers/Microsoft.ProcessSimple/environments HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(used.waitForBytes("InvalidAuthenticationToken"));
        QVERIFY(used.waitClosedByServer());
        QCOMPARE(used.answers(), 1);
    }

    void connectionCap()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.maxConnections = 3;
        const auto emu = startEmulator(options);
        std::vector<std::unique_ptr<RawConnection>> open;
        for (int i = 0; i < 3; ++i) {
            open.push_back(std::make_unique<RawConnection>(emu->port()));
            QVERIFY(open.back()->isConnected());
        }
        QTRY_COMPARE(emu->openConnectionCount(), 3);
        RawConnection fourth(emu->port());
        QVERIFY2(fourth.waitClosedByServer(), "a connection beyond the cap was kept");
        QCOMPARE(fourth.status(), 503);
        QVERIFY(fourth.received().contains("Retry-After: 1"));
        QCOMPARE(emu->openConnectionCount(), 3);

        // A closed connection frees its place.
        open.front()->close();
        QTRY_COMPARE(emu->openConnectionCount(), 2);
        RawConnection next(emu->port());
        next.send("GET /providers/Microsoft.ProcessSimple/environments HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(next.waitForBytes("InvalidAuthenticationToken"));
        QCOMPARE(next.status(), 401);
    }

    // --- bodies and queries ----------------------------------------------------------------------

    void controlCharactersInJsonStringsRefused_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("NUL") << QByteArray("a\0b", 3);
        QTest::newRow("unit separator") << QByteArray("a\x1f"
                                                      "b");
        QTest::newRow("newline") << QByteArray("a\nb");
    }
    void controlCharactersInJsonStringsRefused()
    {
        QFETCH(QByteArray, raw);
        const auto flows = clientFor(kFlowScope);
        const QByteArray body = "{\"properties\":{\"displayName\":\"" + raw + "\",\"state\":\"Started\"}}";
        const auto r = flows->send("POST", envPath(m_env) + u"/flows?api-version=2016-11-01"_s, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"InvalidRequestContent"_s);
        QVERIFY2(r.body.contains("must be escaped"), r.body.constData());
        // Escaped, the same characters are good JSON.
        const auto escaped =
            flows->send("POST", envPath(m_env) + u"/flows?api-version=2016-11-01"_s,
                        "{\"properties\":{\"displayName\":\"a\\u0000b\\u001f\\n\",\"state\":\"Started\"}}");
        QCOMPARE(escaped.status, 201);
    }

    void filterClauseLimit()
    {
        fc::emu::EmulatorOptions options;
        options.maxHeaderBytes = 256 * 1024; // room for a long $filter
        const auto emu = startEmulator(options);
        const auto flows = clientFor(kFlowScope, emu.get());
        const QString path =
            flowPath(emu->defaultEnvironmentName(), emu->firstOwnedFlow(emu->demoUserUpn())) + u"/runs"_s;
        const auto huge = flows->get(path + u"?$filter="_s + enc(andClauses(999)));
        QCOMPARE(huge.status, 400);
        QCOMPARE(huge.errorCode(), u"InvalidRequestContent"_s);
        const QString message = huge.json().value("error"_L1).toObject().value("message"_L1).toString();
        QVERIFY2(message.contains("999"_L1) && message.contains("at most 32"_L1), qPrintable(message));
        QCOMPARE(flows->get(path + u"?$filter="_s + enc(andClauses(33))).status, 400);
        QCOMPARE(flows->get(path + u"?$filter="_s + enc(andClauses(32))).status, 200);
    }

    void sqlErrorOnAListIs500NotAnEmptyPage()
    {
        // Without the clause limit, SQLite refuses the statement (expression too deep): the
        // answer must say so, not be an empty page.
        fc::emu::EmulatorOptions options;
        options.maxHeaderBytes = 256 * 1024;
        options.maxFilterClauses = 0;
        const auto emu = startEmulator(options);
        const auto flows = clientFor(kFlowScope, emu.get());
        const QString path =
            flowPath(emu->defaultEnvironmentName(), emu->firstOwnedFlow(emu->demoUserUpn())) + u"/runs"_s;
        const auto r = flows->get(path + u"?$filter="_s + enc(andClauses(999)));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.errorCode(), u"InternalServerError"_s);
        QVERIFY2(r.body.contains("The runs could not be read"), r.body.constData());
    }

    // --- token audiences ---------------------------------------------------------------------------

    void tokensAreForTheirOwnApi_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        const QString flowApi = u"/providers/Microsoft.ProcessSimple/environments"_s;
        const QString powerApps = u"/providers/Microsoft.PowerApps/apis"_s;
        const QString graph = u"/v1.0/users"_s;
        QTest::newRow("flow token, flow API") << kFlowScope << flowApi << 200;
        QTest::newRow("flow token with slash, flow API")
            << u"https://service.flow.microsoft.com//.default"_s << flowApi << 200;
        QTest::newRow("ARM token, flow API") << u"https://management.azure.com/.default"_s << flowApi << 200;
        QTest::newRow("ARM token with slash, flow API")
            << u"https://management.azure.com//user_impersonation"_s << flowApi << 200;
        QTest::newRow("graph token, flow API") << kGraphScope << flowApi << 401;
        QTest::newRow("bare graph scope, flow API") << u"User.Read"_s << flowApi << 401;
        QTest::newRow("powerapps token, flow API") << kPowerAppsScope << flowApi << 401;
        QTest::newRow("powerapps token, PowerApps API") << kPowerAppsScope << powerApps << 200;
        QTest::newRow("powerapps token with slash, PowerApps API")
            << u"https://service.powerapps.com//.default"_s << powerApps << 200;
        QTest::newRow("flow token, PowerApps API") << kFlowScope << powerApps << 401;
        QTest::newRow("graph token, Graph") << kGraphScope << graph << 200;
        QTest::newRow("flow token, Graph") << kFlowScope << graph << 401;
        QTest::newRow("ARM token, Graph") << u"https://management.azure.com/.default"_s << graph << 401;
    }
    void tokensAreForTheirOwnApi()
    {
        QFETCH(QString, scope);
        QFETCH(QString, path);
        QFETCH(int, status);
        const auto client = clientFor(scope);
        const auto r = client->get(path);
        QCOMPARE(r.status, status);
        if (status != 401)
            return;
        QCOMPARE(r.errorCode(), u"InvalidAuthenticationTokenAudience"_s);
        const QString message = r.json().value("error"_L1).toObject().value("message"_L1).toString();
        QVERIFY2(
            message.startsWith("The access token has been obtained for wrong audience or resource '"_L1) &&
                message.contains("It should exactly match with one of the allowed audiences '"_L1),
            qPrintable(message));
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer "));
    }

    void idTokensAreNotAccessTokens()
    {
        // An ID token's audience is the client: refused as any other audience is.
        const QJsonObject tokens = signIn(*m_emu, u"hardening-app"_s, kFlowScope);
        const QString idToken = tokens.value("id_token"_L1).toString();
        QVERIFY(!idToken.isEmpty());
        HttpTestClient api(m_emu->baseUrl());
        api.setBearer(idToken.toLatin1());
        const auto r = api.get(u"/providers/Microsoft.ProcessSimple/environments"_s);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"InvalidAuthenticationTokenAudience"_s);
        QVERIFY(r.body.contains("'hardening-app'"));

        // Even when the client ID is the API's own audience, an ID token is no access token.
        const QJsonObject sneaky = signIn(*m_emu, u"https://service.flow.microsoft.com"_s, kFlowScope);
        QCOMPARE(claims(sneaky.value("id_token"_L1).toString()).value("aud"_L1).toString(),
                 u"https://service.flow.microsoft.com"_s);
        api.setBearer(sneaky.value("id_token"_L1).toString().toLatin1());
        const auto s = api.get(u"/providers/Microsoft.ProcessSimple/environments"_s);
        QCOMPARE(s.status, 401);
        QCOMPARE(s.errorCode(), u"InvalidAuthenticationToken"_s);
        QVERIFY(s.body.contains("ID token"));
        // The access token of that same sign-in is fine.
        api.setBearer(sneaky.value("access_token"_L1).toString().toLatin1());
        QCOMPARE(api.get(u"/providers/Microsoft.ProcessSimple/environments"_s).status, 200);
    }

    void noTokensForUnknownResources()
    {
        QVERIFY(m_emu->accessToken(m_emu->demoUserUpn(), u"https://evil.example/.default"_s).isEmpty());
        QVERIFY(m_emu
                    ->accessToken(m_emu->demoUserUpn(),
                                  u"https://service.flow.microsoft.com.evil.example/.default"_s)
                    .isEmpty());
        const auto device = deviceCode(*m_emu, u"hardening-app"_s, u"https://evil.example/.default"_s);
        QCOMPARE(device.status, 400);
        QCOMPARE(device.json().value("error"_L1).toString(), u"invalid_scope"_s);
        QVERIFY(device.json().value("error_description"_L1).toString().startsWith("AADSTS"_L1));
        // At the authorize endpoint the error goes back to the redirect URI, as Entra does.
        QUrlQuery q;
        q.addQueryItem(u"client_id"_s, u"hardening-app"_s);
        q.addQueryItem(u"response_type"_s, u"code"_s);
        q.addQueryItem(u"redirect_uri"_s, enc(kRedirect));
        q.addQueryItem(u"scope"_s, enc(u"https://evil.example/.default"_s));
        q.addQueryItem(u"code_challenge"_s,
                       QString::fromLatin1(challengeOf("v-v-v-v-v-v-v-v-v-v-v-v-v-v-v-v")));
        q.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
        q.addQueryItem(u"login_hint"_s, enc(m_emu->demoUserUpn()));
        const auto redirect =
            HttpTestClient(m_emu->baseUrl())
                .get(u"/organizations/oauth2/v2.0/authorize?"_s + q.query(QUrl::FullyEncoded));
        QCOMPARE(redirect.status, 302);
        QCOMPARE(QUrlQuery(QUrl::fromEncoded(redirect.header("Location"))).queryItemValue(u"error"_s),
                 u"invalid_scope"_s);
    }

    void refreshOnlyToKnownResources()
    {
        const QJsonObject tokens = signIn(*m_emu, u"hardening-app"_s, kFlowScope);
        const QString refreshToken = tokens.value("refresh_token"_L1).toString();
        QVERIFY(!refreshToken.isEmpty());
        const auto evil =
            refresh(u"hardening-app"_s, refreshToken, u"https://evil.example/.default offline_access"_s);
        QCOMPARE(evil.status, 400);
        QCOMPARE(evil.json().value("error"_L1).toString(), u"invalid_scope"_s);
        QVERIFY(evil.json().value("error_description"_L1).toString().startsWith("AADSTS"_L1));
        // The refused request spent nothing: the refresh token still works, for a known resource.
        const auto arm =
            refresh(u"hardening-app"_s, refreshToken, u"https://management.azure.com/.default"_s);
        QCOMPARE(arm.status, 200);
        QCOMPARE(claims(arm.json().value("access_token"_L1).toString()).value("aud"_L1).toString(),
                 u"https://management.azure.com"_s);
    }

    void noAuthModeStillServesEveryApi()
    {
        fc::emu::EmulatorOptions options;
        options.noAuth = true;
        const auto emu = startEmulator(options);
        HttpTestClient http(emu->baseUrl());
        QCOMPARE(http.get(u"/providers/Microsoft.ProcessSimple/environments"_s).status, 200);
        QCOMPARE(http.get(u"/providers/Microsoft.PowerApps/apis"_s).status, 200);
        QCOMPARE(http.get(u"/v1.0/users"_s).status, 200);
    }

    // --- what the emulator keeps -----------------------------------------------------------------------

    void expiredDeviceCodesArePurged()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.deviceCodeLifetimeSeconds = 1;
        options.deviceCodeIntervalSeconds = 0;
        options.housekeepingIntervalMs = 100;
        const auto emu = startEmulator(options);
        QString first;
        for (int i = 0; i < 20; ++i) {
            const auto r = deviceCode(*emu, u"client-"_s + QString::number(i % 4), kFlowScope);
            QCOMPARE(r.status, 200);
            if (first.isEmpty())
                first = r.json().value("device_code"_L1).toString();
        }
        QCOMPARE(emu->pendingDeviceCodeCount(), 20);
        // No request needed: the emulator purges them on its own once they expire.
        QTRY_COMPARE_WITH_TIMEOUT(emu->pendingDeviceCodeCount(), 0, 5000);
        // Polling a purged code still says it expired.
        QUrlQuery poll;
        poll.addQueryItem(u"client_id"_s, u"client-0"_s);
        poll.addQueryItem(u"grant_type"_s, u"device_code"_s);
        poll.addQueryItem(u"device_code"_s, first);
        QCOMPARE(HttpTestClient(emu->baseUrl())
                     .postForm(u"/organizations/oauth2/v2.0/token"_s, poll)
                     .json()
                     .value("error"_L1)
                     .toString(),
                 u"expired_token"_s);
    }

    void pendingDeviceCodesPerClientCapped()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        options.maxDeviceCodesPerClient = 5;
        const auto emu = startEmulator(options);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(deviceCode(*emu, u"greedy"_s, kFlowScope).status, 200);
        const auto refused = deviceCode(*emu, u"greedy"_s, kFlowScope);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.json().value("error"_L1).toString(), u"temporarily_unavailable"_s);
        QVERIFY(refused.header("Retry-After").toInt() > 0);
        QCOMPARE(emu->pendingDeviceCodeCount(), 5);
        QCOMPARE(deviceCode(*emu, u"another-app"_s, kFlowScope).status, 200);
    }

    void preparedStatementCacheIsBounded()
    {
        const auto flows = clientFor(kFlowScope);
        // 4 operators x 25 lengths: 100 distinct SQL texts.
        int shapes = 0;
        for (const QString &op : {u"ge"_s, u"gt"_s, u"le"_s, u"lt"_s}) {
            for (int n = 1; n <= 25; ++n, ++shapes) {
                const QString filter = andClauses(n, u"startTime "_s + op + u" 2000-01-01T00:00:00Z"_s);
                QCOMPARE(flows->get(runsPath() + u"&$filter="_s + enc(filter)).status, 200);
            }
        }
        QCOMPARE(shapes, 100);
        QCOMPARE(m_emu->cachedStatementCount(), 64);
        // Still correct after evictions: a shape seen long ago is prepared again.
        QCOMPARE(flows->get(runsPath() + u"&$filter="_s + enc(u"startTime ge 2000-01-01T00:00:00Z"_s)).status,
                 200);
        QCOMPARE(m_emu->cachedStatementCount(), 64);
    }
};

QTEST_GUILESS_MAIN(TstEmulatorHardening)
#include "tst_emulator_hardening.moc"
