// The client against a server that lies: next-page links that point back to themselves, an
// endless chain of new ones, answers far larger than any page. Every pager must end with a
// clear error, and no answer may fill the memory. The server is a plain TCP socket on loopback
// that speaks just enough HTTP/1.1 for QNetworkAccessManager.

#include "ConnectionListModel.h"
#include "RunsModel.h"
#include "api/ApiClient.h"
#include "auth/Profile.h"
#include "ops/RunCollector.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {

class HostileServer : public QObject
{
public:
    enum class Mode { SelfLink, EndlessChain, HugeLength, HugeChunked };

    explicit HostileServer(Mode mode) : m_mode(mode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }
    QUrl base() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    int requests() const { return m_requests; }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        qsizetype end;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4);
            ++m_requests;
            const QByteArray target = head.split(' ').value(1);
            answer(socket, target);
        }
    }

    void answer(QTcpSocket *socket, const QByteArray &target)
    {
        const QByteArray run =
            R"({"name":"run)" + QByteArray::number(m_requests) +
            R"(","properties":{"status":"Succeeded","startTime":"2026-11-01T10:00:00Z","trigger":{"name":"manual"}}})";
        QByteArray body;
        switch (m_mode) {
        case Mode::SelfLink:
            body = R"({"value":[)" + run + R"(],"nextLink":")" + base().toEncoded() + target + R"("})";
            break;
        case Mode::EndlessChain:
            body = R"({"value":[)" + run + R"(],"nextLink":")" + base().toEncoded() + "/chain/" +
                   QByteArray::number(m_requests) + R"(?api-version=2016-11-01"})";
            break;
        case Mode::HugeLength: {
            // Announces 100 MB and sends 2 MB of it, then stalls.
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n");
            socket->write(QByteArray(2 * 1024 * 1024, ' '));
            return;
        }
        case Mode::HugeChunked: {
            // No length at all: chunks keep coming, 64 KiB each, up to 4 MB.
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            const QByteArray chunk(64 * 1024, ' ');
            for (int i = 0; i < 64; ++i)
                socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
            return;
        }
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    Mode m_mode;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
};

std::unique_ptr<ApiClient> clientFor(const QUrl &base)
{
    Profile profile = Profile::fromPreset(CloudPreset::Custom);
    profile.name = u"Hostile"_s;
    profile.authorityBase = base;
    profile.tenant = u"contoso.example"_s;
    profile.clientId = u"tests"_s;
    profile.flowApiBase = base;
    profile.powerAppsApiBase = base;
    profile.graphBase = base;
    profile.dialect = Dialect::Live;
    auto client = std::make_unique<ApiClient>();
    client->setProfile(profile); // no token provider: requests go without a bearer
    return client;
}

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void collectorRefusesALinkItFollowed();
    void collectorStopsAtThePageCap();
    void runsModelLoadAllStopsOnAnEndlessChain();
    void pagedTableStopsOnALoop();
    void oversizedAnswersAreRefused_data();
    void oversizedAnswersAreRefused();
};

// Finding 4: a nextLink that points to itself was followed forever (852 requests in 40 s).
void TestHostileServer::collectorRefusesALinkItFollowed()
{
    HostileServer server(HostileServer::Mode::SelfLink);
    auto client = clientFor(server.base());
    RunCollector collector(client.get(), {{u"env"_s, u"flow"_s, u"Looping flow"_s}}, {}, 0, 0);
    QSignalSpy failed(&collector, &RunCollector::failed);
    QElapsedTimer clock;
    clock.start();
    collector.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    qInfo("self link: stopped after %d requests in %lld ms", server.requests(), clock.elapsed());
    const ApiError error = failed.first().first().value<ApiError>();
    QVERIFY2(error.message.contains("already sent"_L1), qPrintable(error.message));
    QVERIFY2(error.message.contains("Looping flow"_L1), qPrintable(error.message));
    // The first page, then the time windows read side by side (6): each window's first page
    // links to itself, which is followed once; the first repeat stops them all.
    QVERIFY2(server.requests() >= 3 && server.requests() <= 1 + 2 * 6,
             qPrintable(QString::number(server.requests())));
    QVERIFY(collector.runs().size() >= 2);

    // Reading one chain: the first page, and its link once.
    HostileServer chainServer(HostileServer::Mode::SelfLink);
    auto chainClient = clientFor(chainServer.base());
    RunCollector chain(chainClient.get(), {{u"env"_s, u"flow"_s, u"Looping flow"_s}}, {}, 0, 0);
    chain.setParallelWindows(1);
    QSignalSpy chainFailed(&chain, &RunCollector::failed);
    chain.start();
    QTRY_COMPARE_WITH_TIMEOUT(chainFailed.size(), 1, 10000);
    QVERIFY(chainFailed.first().first().value<ApiError>().message.contains("already sent"_L1));
    QCOMPARE(chainServer.requests(), 2);
    QCOMPARE(chain.runs().size(), 2);
}

void TestHostileServer::collectorStopsAtThePageCap()
{
    HostileServer server(HostileServer::Mode::EndlessChain);
    auto client = clientFor(server.base());
    RunCollector collector(client.get(), {{u"env"_s, u"flow"_s, u"Endless flow"_s}}, {}, 0, 0);
    collector.setMaxPages(100);
    QSignalSpy failed(&collector, &RunCollector::failed);
    QElapsedTimer clock;
    clock.start();
    collector.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    qInfo("endless chain: stopped at the cap of 100 pages in %lld ms", clock.elapsed());
    const ApiError error = failed.first().first().value<ApiError>();
    QVERIFY2(error.message.contains("100 pages"_L1), qPrintable(error.message));
    QCOMPARE(server.requests(), 100);
}

void TestHostileServer::runsModelLoadAllStopsOnAnEndlessChain()
{
    HostileServer server(HostileServer::Mode::EndlessChain);
    auto client = clientFor(server.base());
    RunsModel model(client.get());
    model.setMaxPages(100);
    QSignalSpy failed(&model, &RunsModel::loadFailed);
    QSignalSpy finished(&model, &RunsModel::loadAllFinished);
    model.setFlow(u"env"_s, u"flow"_s);
    model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QCOMPARE(finished.first().first().toBool(), false); // not complete
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().value<ApiError>().message.contains("100 pages"_L1));
    QCOMPARE(server.requests(), 100);
    QCOMPARE(model.rowCount(), 100); // what was read is kept
}

void TestHostileServer::pagedTableStopsOnALoop()
{
    HostileServer server(HostileServer::Mode::SelfLink);
    auto client = clientFor(server.base());
    ConnectionListModel model(client.get());
    QSignalSpy failed(&model, &ConnectionListModel::loadFailed);
    model.setEnvironment(u"env"_s);
    // A view asks for more as long as the model says there is more.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !failed.isEmpty();
        }(),
        10000);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(server.requests(), 2);
}

void TestHostileServer::oversizedAnswersAreRefused_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("Content-Length of 100 MB") << int(HostileServer::Mode::HugeLength);
    QTest::newRow("chunked without end") << int(HostileServer::Mode::HugeChunked);
}

// Finding 4: an answer of 100 MB was accepted whole.
void TestHostileServer::oversizedAnswersAreRefused()
{
    QFETCH(int, mode);
    HostileServer server(static_cast<HostileServer::Mode>(mode));
    auto client = clientFor(server.base());
    client->transport()->setMaxResponseBytes(1024 * 1024);
    std::optional<Result<Page<FlowRun>>> result;
    client->listRuns(u"env"_s, u"flow"_s, {}, this,
                     [&](Result<Page<FlowRun>> r) { result.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Refused);
    QVERIFY2(result->error().message.contains("larger than 1 MB"_L1), qPrintable(result->error().message));
    QCOMPARE(server.requests(), 1); // refused, not retried
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "tst_hostile_server.moc"
