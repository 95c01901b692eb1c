#include "api/JsonParsers.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace json = fc::json;

class TestJsonParsers : public QObject
{
    Q_OBJECT

private slots:
    void times_data();
    void times();
    void runPage();
    void hostileBodies_data();
    void hostileBodies();
    void wrongTypesGiveDefaults();
    void flowProperties();
    void ownersAndDirectory();
    void callbackUrl_data();
    void callbackUrl();
    void errorBodies();
};

void TestJsonParsers::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    const auto ms = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
    };
    QTest::newRow("seconds") << u"2026-01-21T18:19:00Z"_s << ms("2026-01-21T18:19:00Z");
    QTest::newRow("7 digits") << u"2026-01-21T18:19:00.1234567Z"_s << ms("2026-01-21T18:19:00.123Z");
    QTest::newRow("1 digit") << u"2026-01-21T18:19:00.5Z"_s << ms("2026-01-21T18:19:00.500Z");
    QTest::newRow("leap day") << u"2024-02-29T00:00:00Z"_s << ms("2024-02-29T00:00:00Z");
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << qint64(0);
    QTest::newRow("offset") << u"2026-01-21T20:19:00+02:00"_s << ms("2026-01-21T18:19:00Z");
    QTest::newRow("empty") << QString() << qint64(0);
    QTest::newRow("garbage") << u"yesterday"_s << qint64(0);
    QTest::newRow("letters in digits") << u"2026-0x-21T18:19:00Z"_s << qint64(0);
    QTest::newRow("month 13") << u"2026-13-01T00:00:00Z"_s << qint64(0);
}

void TestJsonParsers::times()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QCOMPARE(json::parseTimeMs(text), expected);
}

void TestJsonParsers::runPage()
{
    const QByteArray body = R"({"value":[
        {"name":"08585132316362410016778943264CU43","properties":{"startTime":"2026-01-21T18:19:00Z",
         "endTime":"2026-01-21T18:19:05Z","status":"Failed","code":"BadRequest",
         "correlation":{"clientTrackingId":"0858"},"trigger":{"name":"manual"}}},
        {"name":"r2","properties":{"startTime":"2026-01-21T18:20:00Z","status":"Running"}},
        {"name":"r3","properties":{"status":"Canceled"}},
        "not an object",
        {"name":"r4","properties":{"status":"SomethingNew"}}],
        "nextLink":"https://api.flow.microsoft.com/next?skiptoken=abc"})"_ba;
    const auto page = json::parseRunPage(body);
    QVERIFY2(page.ok(), qPrintable(page.error().toString()));
    QCOMPARE(page->items.size(), 4);
    const fc::FlowRun &first = page->items[0];
    QCOMPARE(first.name, u"08585132316362410016778943264CU43"_s);
    QCOMPARE(first.status, fc::RunStatus::Failed);
    QCOMPARE(first.code, u"BadRequest"_s);
    QCOMPARE(first.endMs - first.startMs, qint64(5000));
    QCOMPARE(first.triggerName, u"manual"_s);
    QCOMPARE(first.correlationId, u"0858"_s);
    QCOMPARE(page->items[1].status, fc::RunStatus::Running);
    QCOMPARE(page->items[1].endMs, qint64(0));
    QCOMPARE(page->items[2].status, fc::RunStatus::Cancelled);
    QCOMPARE(page->items[3].status, fc::RunStatus::Unknown);
    QCOMPARE(page->nextLink, u"https://api.flow.microsoft.com/next?skiptoken=abc"_s);

    const auto odata = json::parseRunPage(R"({"value":[],"@odata.nextLink":"https://x/y"})"_ba);
    QVERIFY(odata.ok());
    QCOMPARE(odata->nextLink, u"https://x/y"_s);
}

void TestJsonParsers::hostileBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("html") << "<html>Bad gateway</html>"_ba << u"not valid JSON"_s;
    QTest::newRow("truncated") << R"({"value":[{"name":"r1","prop)"_ba << u"not valid JSON"_s;
    QTest::newRow("array") << "[1,2,3]"_ba << u"not an object"_s;
    QTest::newRow("no value") << R"({"items":[]})"_ba << u"\"value\""_s;
    QTest::newRow("value is object") << R"({"value":{}})"_ba << u"\"value\""_s;
    QTest::newRow("value is null") << R"({"value":null})"_ba << u"\"value\""_s;
    QTest::newRow("nul byte") << QByteArray("{\"value\":[\0]}", 13) << u"not valid JSON"_s;
}

void TestJsonParsers::hostileBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const auto page = json::parseRunPage(body);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, fc::ApiError::Kind::Parse);
    QVERIFY2(page.error().message.contains(mentions), qPrintable(page.error().message));
}

void TestJsonParsers::wrongTypesGiveDefaults()
{
    const auto page = json::parseFlowPage(
        R"({"value":[{"name":42,"properties":{"displayName":["x"],"state":7,"createdTime":false,
            "connectionReferences":"none","definition":"text"}},{"properties":null}]})"_ba);
    QVERIFY(page.ok());
    QCOMPARE(page->items.size(), 2);
    QCOMPARE(page->items[0].name, QString());
    QCOMPARE(page->items[0].state, fc::FlowState::Unknown);
    QCOMPARE(page->items[0].createdMs, qint64(0));
    QVERIFY(page->items[0].connectionReferences.isEmpty());
    QVERIFY(page->items[0].definition.isEmpty());
}

void TestJsonParsers::flowProperties()
{
    const auto root = json::parseObject(R"({
      "name":"3fa85f64-5717-4562-b3fc-2c963f66afa6",
      "id":"/providers/Microsoft.ProcessSimple/environments/Default-123/flows/3fa85f64-5717-4562-b3fc-2c963f66afa6",
      "properties":{"displayName":"Daily report","state":"Suspended","flowSuspensionReason":"ConnectionAuth",
        "lastModifiedTime":"2026-04-10T14:30:00.1234567Z","creator":{"objectId":"u1"},
        "definitionSummary":{"triggers":[{"type":"Request","kind":"Button"}]},
        "connectionReferences":{"shared_office365":{"connectionName":"c1","displayName":"Outlook",
          "id":"/providers/Microsoft.PowerApps/apis/shared_office365"}},
        "definition":{"triggers":{"manual":{"type":"Request"}},"actions":{}}}})"_ba);
    QVERIFY(root.ok());
    const fc::Flow flow = json::parseFlow(root.value());
    QCOMPARE(flow.environment, u"Default-123"_s);
    QCOMPARE(flow.displayName, u"Daily report"_s);
    QCOMPARE(flow.state, fc::FlowState::Suspended);
    QCOMPARE(flow.suspensionReason, u"ConnectionAuth"_s);
    QCOMPARE(flow.lastModifiedRaw, u"2026-04-10T14:30:00.1234567Z"_s);
    QCOMPARE(flow.triggerType, u"Request/Button"_s);
    QCOMPARE(flow.creatorObjectId, u"u1"_s);
    QCOMPARE(flow.connectionReferences.size(), 1);
    QCOMPARE(flow.connectionReferences[0].key, u"shared_office365"_s);
    QCOMPARE(flow.connectionReferences[0].apiId, u"/providers/Microsoft.PowerApps/apis/shared_office365"_s);
    QVERIFY(flow.definition.contains(u"triggers"_s));
}

void TestJsonParsers::ownersAndDirectory()
{
    const auto owners = json::parseOwnerPage(R"({"value":[{"name":"p1","properties":{"roleName":"Owner",
        "principal":{"id":"u1","displayName":"Adele","email":"adele@x","type":"User"}}},
        {"name":"p2","properties":{"roleName":"CanEdit","principal":{"id":"g1","type":"Group"}}}]})"_ba);
    QVERIFY(owners.ok());
    QCOMPARE(owners->items.size(), 2);
    QCOMPARE(owners->items[0].principal.type, fc::PrincipalType::User);
    QCOMPARE(owners->items[0].principal.email, u"adele@x"_s);
    QCOMPARE(owners->items[1].roleName, u"CanEdit"_s);
    QCOMPARE(owners->items[1].principal.type, fc::PrincipalType::Group);

    const auto users = json::parseDirectoryPage(
        R"({"value":[{"id":"u2","displayName":"Jamie","mail":"jamie@x","userPrincipalName":"jamie@x"}]})"_ba,
        fc::PrincipalType::User);
    QVERIFY(users.ok());
    QCOMPARE(users->items[0].type, fc::PrincipalType::User);
    QCOMPARE(users->items[0].email, u"jamie@x"_s);
}

void TestJsonParsers::callbackUrl_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("url");
    QTest::newRow("spec") << R"({"response":{"value":"https://cb/1"}})"_ba << u"https://cb/1"_s;
    QTest::newRow("live") << R"({"value":"https://cb/2","method":"POST"})"_ba << u"https://cb/2"_s;
    QTest::newRow("none") << R"({"response":{}})"_ba << QString();
    QTest::newRow("garbage") << "nope"_ba << QString();
}

void TestJsonParsers::callbackUrl()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, url);
    const auto result = json::parseCallbackUrl(body);
    QCOMPARE(result.ok(), !url.isEmpty());
    if (result.ok())
        QCOMPARE(result.value(), url);
}

void TestJsonParsers::errorBodies()
{
    QString code, message;
    json::parseErrorBody(R"({"error":{"code":"FlowNotFound","message":"Could not find flow 'x'."}})"_ba,
                         &code, &message);
    QCOMPARE(code, u"FlowNotFound"_s);
    QCOMPARE(message, u"Could not find flow 'x'."_s);
    json::parseErrorBody(R"({"error":"invalid_grant","error_description":"AADSTS70008: expired"})"_ba, &code,
                         &message);
    QCOMPARE(code, u"invalid_grant"_s);
    QCOMPARE(message, u"AADSTS70008: expired"_s);
}

QTEST_GUILESS_MAIN(TestJsonParsers)
#include "tst_json_parsers.moc"
