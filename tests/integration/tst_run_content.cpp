// Run contents and Run now (issue 13) through fc_core, over real HTTP on loopback: content
// links and callback URLs are fetched with no bearer token, even on a host that may receive one;
// plain http to another host is refused unsent; answers over the cap are cut off; the emulator's
// signed links give the run's documents; a POST to the callback URL starts exactly one run.

#include "EmulatorSession.h"
#include "api/TokenProvider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace fc;
using fc::test::await;

namespace {

// Speaks just enough HTTP/1.1 for QNetworkAccessManager and keeps each request's head, so that
// a test can read which headers arrived. "/huge" announces 100 MB and sends 2 MB of it.
class HeaderRecorder : public QObject
{
public:
    HeaderRecorder()
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
    const QList<QByteArray> &heads() const { return m_heads; }
    static bool hasAuthorization(const QByteArray &head)
    {
        return head.toLower().contains("\r\nauthorization:");
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return; // the body is still on its way
            buffer.remove(0, end + 4 + length);
            m_heads.append(head);
            answer(socket, head.split(' ').value(1));
        }
    }

    static void answer(QTcpSocket *socket, const QByteArray &target)
    {
        if (target.startsWith("/huge")) {
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n");
            socket->write(QByteArray(2 * 1024 * 1024, ' '));
            return;
        }
        const QByteArray body =
            target.contains("/contents/") ? R"({"body":{"hello":"world"}})"_ba : R"({"value":[]})"_ba;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-ms-workflow-run-id: RUN42\r\n"
                      "Content-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_heads;
};

class FixedToken : public TokenProvider
{
public:
    void requestToken(Host, const QString &, QObject *, Callback callback) override
    {
        callback(u"s3cret-token"_s);
    }
};

} // namespace

class TestRunContent : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void contentAndCallbacksCarryNoBearer();
    void plainHttpToAnotherHostIsRefusedUnsent();
    void oversizedContentIsCutOff();
    void emulatorLinksGiveTheRunsDocuments();
    void tamperedLinkIsRefusedInPlainWords();
    void callbackPostStartsExactlyOneRun();

private:
    std::unique_ptr<test::EmulatorSession> m_emu;
    QString m_env;
};

void TestRunContent::initTestCase()
{
    emu::EmulatorOptions options;
    options.seed = u"demo"_s;
    m_emu = test::startEmulatorSession(options, Dialect::Live, u"Run content tests"_s);
    QVERIFY(m_emu);
    m_env = m_emu->emulator->defaultEnvironmentName();
}

void TestRunContent::cleanupTestCase()
{
    m_emu.reset();
}

// The recorder is one of the profile's API hosts, so the allow-list would let the token through:
// only the anonymous mode keeps it off content links and callback URLs.
void TestRunContent::contentAndCallbacksCarryNoBearer()
{
    HeaderRecorder recorder;
    FixedToken tokens;
    ApiClient client;
    client.setProfile(test::emulatorProfile(recorder.base(), u"tenant"_s, Dialect::Live));
    client.transport()->setTokenProvider(&tokens);

    auto envs = await<Page<Environment>>([&](auto cb) { client.listEnvironments(&client, cb); });
    QVERIFY(envs && envs->ok());
    QCOMPARE(recorder.heads().size(), 1);
    QVERIFY(recorder.heads().at(0).contains("Bearer s3cret-token")); // API calls do carry it

    QUrl link = recorder.base();
    link.setPath(u"/workflows/abc/runs/r1/contents/TriggerOutputs"_s);
    link.setQuery(u"api-version=2016-06-01&sp=%2Fruns%2Fr1&sv=1.0&sig=xyz"_s);
    auto content = await<QByteArray>([&](auto cb) { client.fetchContent(link, &client, cb); });
    QVERIFY(content && content->ok());
    QCOMPARE(content->value(), R"({"body":{"hello":"world"}})"_ba);
    QCOMPARE(recorder.heads().size(), 2);
    QVERIFY2(!HeaderRecorder::hasAuthorization(recorder.heads().at(1)), recorder.heads().at(1).constData());
    QVERIFY(!recorder.heads().at(1).contains("s3cret"));

    QUrl callback = recorder.base();
    callback.setPath(u"/workflows/abc/triggers/manual/paths/invoke"_s);
    callback.setQuery(u"api-version=2016-06-01&sig=xyz"_s);
    auto run =
        await<QString>([&](auto cb) { client.invokeCallback(callback, R"({"a":1})"_ba, &client, cb); });
    QVERIFY(run && run->ok());
    QCOMPARE(run->value(), u"RUN42"_s);
    QCOMPARE(recorder.heads().size(), 3);
    QVERIFY(recorder.heads().at(2).startsWith("POST "));
    QVERIFY2(!HeaderRecorder::hasAuthorization(recorder.heads().at(2)), recorder.heads().at(2).constData());

    // And the next API call carries it again: the anonymous mode is per request.
    envs = await<Page<Environment>>([&](auto cb) { client.listEnvironments(&client, cb); });
    QVERIFY(envs && envs->ok());
    QCOMPARE(recorder.heads().size(), 4);
    QVERIFY(HeaderRecorder::hasAuthorization(recorder.heads().at(3)));
}

void TestRunContent::plainHttpToAnotherHostIsRefusedUnsent()
{
    ApiClient *client = m_emu->session->client();
    const quint64 sentBefore = client->transport()->requestsSent();
    for (const QString &text :
         {u"http://prod-07.westeurope.logic.azure.com/workflows/a/runs/b/contents/"
          u"TriggerOutputs?sig=x"_s,
          u"http://10.1.2.3:8080/contents?sig=x"_s, u"file:///etc/passwd"_s, u"ftp://example.com/x"_s}) {
        auto content = await<QByteArray>([&](auto cb) { client->fetchContent(QUrl(text), client, cb); });
        QVERIFY2(content && !content->ok(), qPrintable(text));
        QCOMPARE(content->error().kind, ApiError::Kind::Refused);
        QVERIFY(!content->error().message.isEmpty());
    }
    auto run = await<QString>([&](auto cb) {
        client->invokeCallback(QUrl(u"http://example.com/workflows/a/triggers/manual/paths/invoke?sig=x"_s),
                               "{}", client, cb);
    });
    QVERIFY(run && !run->ok());
    QCOMPARE(run->error().kind, ApiError::Kind::Refused);
    QCOMPARE(client->transport()->requestsSent(), sentBefore); // nothing left the machine
}

void TestRunContent::oversizedContentIsCutOff()
{
    HeaderRecorder recorder;
    ApiClient client;
    QUrl link = recorder.base();
    link.setPath(u"/huge/contents/ActionOutputs"_s);
    auto content =
        await<QByteArray>([&](auto cb) { client.fetchContent(link, &client, cb, 1024 * 1024); }, 20000);
    QVERIFY(content && !content->ok());
    QCOMPARE(content->error().kind, ApiError::Kind::Refused);
    QVERIFY2(content->error().message.contains("larger than"_L1), qPrintable(content->error().message));
}

void TestRunContent::emulatorLinksGiveTheRunsDocuments()
{
    ApiClient *client = m_emu->session->client();
    emu::Emulator &emulator = *m_emu->emulator;
    // A finished run of a flow with actions: its trigger and each action have documents.
    QString flow, runName;
    for (const QString &f : emulator.flowsOwnedBy(emulator.demoUserUpn(), m_env)) {
        for (const QString &r : emulator.runNames(m_env, f)) {
            if (emulator.runStatus(m_env, f, r) == "Succeeded"_L1) {
                flow = f;
                runName = r;
                break;
            }
        }
        if (!flow.isEmpty())
            break;
    }
    QVERIFY(!flow.isEmpty());
    auto details =
        await<FlowRunDetails>([&](auto cb) { client->getRun(m_env, flow, runName, true, client, cb); });
    QVERIFY(details && details->ok());
    const FlowRunDetails &d = details->value();
    QVERIFY(!d.triggerOutputsLink.isEmpty());
    QVERIFY(QUrl(d.triggerOutputsLink).query().contains("sig="_L1));

    auto outputs =
        await<QByteArray>([&](auto cb) { client->fetchContent(QUrl(d.triggerOutputsLink), client, cb); });
    QVERIFY2(outputs && outputs->ok(), outputs ? qPrintable(outputs->error().toString()) : "no answer");
    const QJsonDocument doc = QJsonDocument::fromJson(outputs->value());
    QVERIFY(doc.isObject());
    QVERIFY(doc.object().contains("body"_L1));

    // Each action of the run names its own links, and they answer.
    int fetched = 0;
    for (const RunAction &a : d.actions) {
        if (a.outputsLink.isEmpty())
            continue;
        auto body =
            await<QByteArray>([&](auto cb) { client->fetchContent(QUrl(a.outputsLink), client, cb); });
        QVERIFY2(body && body->ok(), qPrintable(a.name));
        QVERIFY(!body->value().isEmpty());
        ++fetched;
    }
    QVERIFY(fetched > 0);
    const bool anyInputs = std::any_of(d.actions.cbegin(), d.actions.cend(),
                                       [](const RunAction &a) { return !a.inputsLink.isEmpty(); });
    QVERIFY(anyInputs);
}

void TestRunContent::tamperedLinkIsRefusedInPlainWords()
{
    ApiClient *client = m_emu->session->client();
    emu::Emulator &emulator = *m_emu->emulator;
    const QString flow = emulator.firstOwnedFlow(emulator.demoUserUpn(), m_env);
    const QString run = emulator.runNames(m_env, flow).value(0);
    QVERIFY(!run.isEmpty());
    auto details =
        await<FlowRunDetails>([&](auto cb) { client->getRun(m_env, flow, run, false, client, cb); });
    QVERIFY(details && details->ok());
    QString link = details->value().triggerInputsLink;
    if (link.isEmpty())
        link = details->value().triggerOutputsLink;
    QVERIFY(!link.isEmpty());
    link.replace(u"sig="_s, u"sig=A"_s);
    auto content = await<QByteArray>([&](auto cb) { client->fetchContent(QUrl(link), client, cb); });
    QVERIFY(content && !content->ok());
    QCOMPARE(content->error().httpStatus, 403);
}

void TestRunContent::callbackPostStartsExactlyOneRun()
{
    Session &session = *m_emu->session;
    const QString flow = test::createFlow(session, m_env, u"Run now from the client"_s);
    QVERIFY(!flow.isEmpty());
    const int before = m_emu->emulator->runCount(m_env, flow);
    auto url = await<QString>([&](auto cb) { session.client()->listCallbackUrl(m_env, flow, &session, cb); });
    QVERIFY(url && url->ok());
    auto run = await<QString>([&](auto cb) {
        session.client()->invokeCallback(QUrl(url->value()), R"({"note":"hi"})", &session, cb);
    });
    QVERIFY2(run && run->ok(), run ? qPrintable(run->error().toString()) : "no answer");
    QCOMPARE(m_emu->emulator->runCount(m_env, flow), before + 1);
    QVERIFY(!run->value().isEmpty());
    QCOMPARE(m_emu->emulator->runNames(m_env, flow).value(0), run->value());
}

QTEST_MAIN(TestRunContent)
#include "tst_run_content.moc"
