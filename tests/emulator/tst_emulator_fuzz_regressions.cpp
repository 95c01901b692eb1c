// What fuzzing the emulator's input (tests/fuzz/fuzz_emulator_*) turned up, and the seams the fuzz
// targets call, checked here in the default run (label emulator):
// - a flow whose actions run after each other against name order (a chain of N actions) took
//   N²/2 look-ups to order: a 500 KB definition held the emulator's thread for 20 s, a 4 MB
//   one for many minutes, on creation and on every read of a run's actions;
// - action names are keys of a run's actions map ($expand=properties/actions): a name with a
//   quote, a backslash or a control character made that answer invalid JSON;
// - the request framing of ConnectionGuard (RequestFramer) gives the same requests whatever the
//   reads the bytes arrive in.
#include "EmulatorTestSupport.h"

#include "ConnectionGuard.h"
#include "FlowDefinition.h"
#include "JsonWriter.h"
#include "StrictJson.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <random>

using namespace Qt::Literals::StringLiterals;
using namespace fc::test;

namespace {

const QString kFlowScope = u"https://service.flow.microsoft.com/.default offline_access"_s;

// The run order as the emulator computed it before: passes over the actions in name order, each
// taking every action whose predecessors have run (quadratic in a chain against name order).
QStringList passOrder(const QJsonObject &definition)
{
    const QJsonObject actions = definition.value("actions"_L1).toObject();
    QStringList order;
    QSet<QString> done;
    QStringList pending = actions.keys();
    while (!pending.isEmpty()) {
        bool progressed = false;
        for (qsizetype i = 0; i < pending.size();) {
            const QJsonObject after = actions.value(pending.at(i)).toObject().value("runAfter"_L1).toObject();
            bool ready = true;
            for (auto it = after.begin(); it != after.end(); ++it)
                ready = ready && (done.contains(it.key()) || !actions.contains(it.key()));
            if (ready) {
                done.insert(pending.at(i));
                order.append(pending.takeAt(i));
                progressed = true;
            } else {
                ++i;
            }
        }
        if (!progressed) {
            order += pending;
            break;
        }
    }
    return order;
}

QJsonObject definitionOf(const QJsonObject &actions)
{
    return QJsonObject{{u"triggers"_s, QJsonObject{{u"manual"_s, QJsonObject{{u"type"_s, u"Request"_s}}}}},
                       {u"actions"_s, actions}};
}

QJsonObject action(const QStringList &runAfter)
{
    QJsonObject after;
    for (const QString &name : runAfter)
        after.insert(name, QJsonArray{u"Succeeded"_s});
    return QJsonObject{{u"type"_s, u"Compose"_s}, {u"runAfter"_s, after}};
}

// n actions, each running after the next by name: the worst case for the passes.
QJsonObject chainAgainstNameOrder(int n)
{
    QJsonObject actions;
    for (int i = 0; i < n; ++i) {
        const auto name = [](int k) -> QString {
            return u"a"_s + QString::number(k).rightJustified(6, u'0');
        };
        actions.insert(name(i), action(i + 1 < n ? QStringList{name(i + 1)} : QStringList{}));
    }
    return definitionOf(actions);
}

bool isStrictJsonObject(const QByteArray &body)
{
    QString problem;
    return fc::emu::parseJsonObjectBody(body, &problem).has_value();
}

class RecordingFramer : public fc::emu::RequestFramer
{
public:
    using RequestFramer::RequestFramer;
    QStringList events;

private:
    void requestStarted() override { events << u"start"_s; }
    bool reserve(qint64 bytes) override
    {
        events << u"body "_s + QString::number(bytes);
        return true;
    }
    void requestComplete() override { events << u"end"_s; }
    void rejected(int status, const QString &code, const QString &) override
    {
        events << QString::number(status) + u' ' + code;
    }
};

} // namespace

class TstEmulatorFuzzRegressions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<fc::emu::Emulator> m_emu;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_env;

    QString createFlow(const QJsonObject &definition)
    {
        const QJsonObject body{{u"properties"_s, QJsonObject{{u"displayName"_s, u"Fuzz regression"_s},
                                                             {u"definition"_s, definition}}}};
        const auto r = m_http->send("POST", envPath(m_env) + u"/flows?api-version=2016-11-01"_s,
                                    QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (r.status != 201)
            qWarning("create: %d %s", r.status, r.body.left(500).constData());
        return r.status == 201 ? r.json().value("name"_L1).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        fc::emu::EmulatorOptions options;
        options.runDurationMs = 0; // runs end at once: every action of a run has a status
        m_emu = std::make_unique<fc::emu::Emulator>(options);
        QString error;
        QVERIFY2(m_emu->start(&error), qPrintable(error));
        m_env = m_emu->defaultEnvironmentName();
        m_http = std::make_unique<HttpTestClient>(m_emu->baseUrl());
        m_http->setBearer(m_emu->accessToken(m_emu->demoUserUpn(), kFlowScope));
    }

    // --- run order of a flow's actions --------------------------------------------------------

    void actionOrderIsThePassOrder_data()
    {
        QTest::addColumn<QJsonObject>("definition");
        QTest::addColumn<QStringList>("order");
        QTest::newRow("chain with name order")
            << definitionOf({{u"a"_s, action({})}, {u"b"_s, action({u"a"_s})}, {u"c"_s, action({u"b"_s})}})
            << QStringList{u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("chain against name order")
            << definitionOf({{u"a"_s, action({u"b"_s})}, {u"b"_s, action({u"c"_s})}, {u"c"_s, action({})}})
            << QStringList{u"c"_s, u"b"_s, u"a"_s};
        // b waits for d (later by name): a second pass; c runs in the first, after a.
        QTest::newRow("passes") << definitionOf({{u"a"_s, action({})},
                                                 {u"b"_s, action({u"d"_s})},
                                                 {u"c"_s, action({u"a"_s})},
                                                 {u"d"_s, action({u"a"_s, u"elsewhere"_s})}})
                                << QStringList{u"a"_s, u"c"_s, u"d"_s, u"b"_s};
        QTest::newRow("cycle and what waits for it, last in name order")
            << definitionOf({{u"a"_s, action({u"b"_s})},
                             {u"b"_s, action({u"a"_s})},
                             {u"c"_s, action({})},
                             {u"d"_s, action({u"d"_s})},
                             {u"e"_s, action({u"a"_s, u"c"_s})}})
            << QStringList{u"c"_s, u"a"_s, u"b"_s, u"d"_s, u"e"_s};
        QTest::newRow("no actions") << definitionOf({}) << QStringList{};
    }
    void actionOrderIsThePassOrder()
    {
        QFETCH(QJsonObject, definition);
        QFETCH(QStringList, order);
        QCOMPARE(passOrder(definition), order); // the cases say what the passes did
        QCOMPARE(fc::emu::FlowDefinition(definition).actionsInOrder(), order);
    }

    void actionOrderMatchesThePassesOnRandomGraphs()
    {
        std::mt19937 random(15);
        for (int round = 0; round < 2000; ++round) {
            const int n = int(random() % 12);
            QJsonObject actions;
            for (int i = 0; i < n; ++i) {
                QStringList after;
                const int edges = int(random() % 4);
                for (int e = 0; e < edges; ++e)
                    after << QString(QChar(u'a' + int(random() % (n + 2)))); // some are no action
                actions.insert(QString(QChar(u'a' + i)), action(after));
            }
            const QJsonObject definition = definitionOf(actions);
            QCOMPARE(fc::emu::FlowDefinition(definition).actionsInOrder(), passOrder(definition));
        }
    }

    void longChainOrderedInLinearTime()
    {
        // About 4 MB as a request body. The quadratic order took minutes here (20 s for 528 KB):
        // the test's timeout is what catches it; the time it takes now is printed, not asserted.
        const QJsonObject definition = chainAgainstNameOrder(60000);
        QElapsedTimer timer;
        timer.start();
        const QStringList order = fc::emu::FlowDefinition(definition).actionsInOrder();
        qInfo("60,000 chained actions ordered in %lld ms", timer.elapsed());
        QCOMPARE(order.size(), 60000);
        QCOMPARE(order.first(), u"a059999"_s);
        QCOMPARE(order.last(), u"a000000"_s);
    }

    void longChainCreatedAndItsRunRead()
    {
        // Over HTTP, within the client's 10 s: before, creating it alone took minutes.
        const QString flow = createFlow(chainAgainstNameOrder(20000));
        QVERIFY(!flow.isEmpty());
        const QString run = m_emu->startRun(m_env, flow);
        const auto actions = m_http->get(runPath(m_env, flow, run) + u"/actions"_s);
        QCOMPARE(actions.status, 200);
        QCOMPARE(actions.value().size(), 20000);
        QCOMPARE(actions.value().first().toObject().value("name"_L1).toString(), u"a019999"_s);
    }

    // --- action names in JSON answers ------------------------------------------------------------

    void actionNamesWithQuotesAndControlsStayJson()
    {
        // The input the json fuzz target keeps as seeds-json/action-names.bin.
        const QStringList names{u"Say \"hi\""_s, u"back\\slash\ttab"_s, u"line\nbreak \u00e9\u4e2d"_s};
        const QString flow = createFlow(definitionOf({{names.at(0), action({})},
                                                      {names.at(1), action({names.at(0)})},
                                                      {names.at(2), action({names.at(1)})}}));
        QVERIFY(!flow.isEmpty());
        const QString run = m_emu->startRun(m_env, flow);

        const auto expanded = m_http->get(runPath(m_env, flow, run) + u"?$expand=properties/actions"_s);
        QCOMPARE(expanded.status, 200);
        QVERIFY2(isStrictJsonObject(expanded.body), expanded.body.constData());
        const QJsonObject map =
            expanded.json().value("properties"_L1).toObject().value("actions"_L1).toObject();
        QCOMPARE(map.keys().size(), 3);
        for (const QString &name : names)
            QVERIFY2(map.contains(name), qPrintable(name));

        const auto list = m_http->get(runPath(m_env, flow, run) + u"/actions"_s);
        QCOMPARE(list.status, 200);
        QVERIFY2(isStrictJsonObject(list.body), list.body.constData());
        QCOMPARE(list.value().size(), 3);
        QCOMPARE(list.value().at(2).toObject().value("name"_L1).toString(), names.at(2));
    }

    void jsonWriterEscapesKeys()
    {
        QByteArray out;
        fc::emu::JsonWriter w(out);
        w.beginObject()
            .key("plain")
            .value(qint64(1))
            .key("q\"b\\c\n\x01")
            .value(true)
            .key(u"wide \u00e9 \"x\""_s)
            .value(false)
            .endObject();
        QVERIFY2(isStrictJsonObject(out), out.constData());
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(o.value("plain"_L1).toInteger(), 1);
        QVERIFY(o.value(u"q\"b\\c\n\x01"_s).toBool());
        QVERIFY(o.contains(u"wide \u00e9 \"x\""_s));
    }

    // --- request framing, as the framing fuzz target calls it ------------------------------------

    void framingDoesNotDependOnReads_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QStringList>("events");
        const QByteArray head = "POST /organizations/oauth2/v2.0/devicecode HTTP/1.1\r\nHost: x\r\n";
        QTest::newRow("chunked, then a GET")
            << QByteArray(head + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;x=y\r\nabc\r\n0\r\n\r\n" +
                          "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            << QStringList{u"start"_s, u"body 5"_s, u"body 3"_s, u"end"_s, u"start"_s, u"end"_s};
        QTest::newRow("length, then smuggling")
            << QByteArray(head + "Content-Length: 2\r\n\r\nokGET / HTTP/1.1\r\nContent-Length: 1\r\n" +
                          "Transfer-Encoding: chunked\r\n\r\n")
            << QStringList{u"start"_s, u"body 2"_s, u"end"_s, u"start"_s, u"400 BadRequest"_s};
        QTest::newRow("body over the limit")
            << QByteArray(head + "Transfer-Encoding: chunked\r\n\r\n40\r\n" + QByteArray(64, 'x') +
                          "\r\n1\r\n")
            << QStringList{u"start"_s, u"body 64"_s, u"413 RequestEntityTooLarge"_s};
    }
    void framingDoesNotDependOnReads()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QStringList, events);
        fc::emu::ConnectionLimits limits;
        limits.maxBodyBytes = 64;
        limits.maxHeaderBytes = 1024;
        limits.maxHeaderCount = 10;
        for (const qsizetype piece : {stream.size(), qsizetype(1), qsizetype(2), qsizetype(7)}) {
            RecordingFramer framer(limits);
            for (qsizetype at = 0; at < stream.size(); at += piece)
                framer.consume(QByteArrayView(stream).sliced(at, std::min(piece, stream.size() - at)));
            QCOMPARE(framer.events, events);
        }
    }
};

QTEST_GUILESS_MAIN(TstEmulatorFuzzRegressions)
#include "tst_emulator_fuzz_regressions.moc"
