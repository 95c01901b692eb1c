#include "api/Route.h"

#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using fc::Dialect;
using fc::Operation;
using fc::RouteTable;

class TestRouteTable : public QObject
{
    Q_OBJECT

private slots:
    void paths_data();
    void paths();
    void encodesEverySegment_data();
    void encodesEverySegment();
    void missingParameterIsRefused();
    void apiVersionAndFixedQuery();
    void liveOnlyOperationsHaveNoSpecRoute();
    void dialectNames();
};

void TestRouteTable::paths_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    const QString ps = u"/providers/Microsoft.ProcessSimple"_s;
    const QString flow = ps + u"/environments/env1/flows/f1"_s;
    QTest::newRow("listEnvironments")
        << Operation::ListEnvironments << Dialect::Spec << "GET"_ba << ps + u"/environments"_s;
    QTest::newRow("createFlow") << Operation::CreateFlow << Dialect::Spec << "POST"_ba
                                << ps + u"/environments/env1/flows"_s;
    QTest::newRow("updateFlow") << Operation::UpdateFlow << Dialect::Live << "PATCH"_ba << flow;
    QTest::newRow("deleteFlow") << Operation::DeleteFlow << Dialect::Spec << "DELETE"_ba << flow;
    QTest::newRow("turnOn") << Operation::TurnOnFlow << Dialect::Spec << "POST"_ba << flow + u"/start"_s;
    QTest::newRow("turnOff") << Operation::TurnOffFlow << Dialect::Live << "POST"_ba << flow + u"/stop"_s;
    QTest::newRow("runs") << Operation::ListFlowRuns << Dialect::Spec << "GET"_ba << flow + u"/runs"_s;
    QTest::newRow("cancel") << Operation::CancelFlowRun << Dialect::Spec << "POST"_ba
                            << flow + u"/runs/r1/cancel"_s;
    QTest::newRow("resubmit spec") << Operation::ResubmitFlowRun << Dialect::Spec << "POST"_ba
                                   << flow + u"/runs/r1/resubmit"_s;
    QTest::newRow("resubmit live") << Operation::ResubmitFlowRun << Dialect::Live << "POST"_ba
                                   << flow + u"/triggers/manual/histories/r1/resubmit"_s;
    QTest::newRow("owners spec") << Operation::ListFlowOwners << Dialect::Spec << "GET"_ba
                                 << flow + u"/owners"_s;
    QTest::newRow("owners live") << Operation::ListFlowOwners << Dialect::Live << "GET"_ba
                                 << flow + u"/permissions"_s;
    QTest::newRow("modify live") << Operation::ModifyFlowOwners << Dialect::Live << "POST"_ba
                                 << flow + u"/modifyPermissions"_s;
    QTest::newRow("callback spec") << Operation::ListCallbackUrl << Dialect::Spec << "POST"_ba
                                   << flow + u"/listCallbackUrl"_s;
    QTest::newRow("callback live") << Operation::ListCallbackUrl << Dialect::Live << "POST"_ba
                                   << flow + u"/triggers/manual/listCallbackUrl"_s;
    QTest::newRow("connectors spec") << Operation::ListConnectors << Dialect::Spec << "GET"_ba
                                     << ps + u"/environments/env1/apis"_s;
    QTest::newRow("connectors live") << Operation::ListConnectors << Dialect::Live << "GET"_ba
                                     << u"/providers/Microsoft.PowerApps/apis"_s;
    QTest::newRow("connector live") << Operation::GetConnector << Dialect::Live << "GET"_ba
                                    << u"/providers/Microsoft.PowerApps/apis/a1"_s;
    QTest::newRow("connections live") << Operation::ListConnections << Dialect::Live << "GET"_ba
                                      << u"/providers/Microsoft.PowerApps/connections"_s;
    QTest::newRow("admin flows") << Operation::ListFlowsAsAdmin << Dialect::Live << "GET"_ba
                                 << ps + u"/scopes/admin/environments/env1/v2/flows"_s;
    QTest::newRow("users") << Operation::SearchUsers << Dialect::Live << "GET"_ba << u"/v1.0/users"_s;
}

void TestRouteTable::paths()
{
    QFETCH(Operation, op);
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);

    const auto route = RouteTable::route(op, dialect);
    QVERIFY(route);
    QCOMPARE(route->method, method);
    const QHash<QString, QString> params{{u"env"_s, u"env1"_s},
                                         {u"flow"_s, u"f1"_s},
                                         {u"run"_s, u"r1"_s},
                                         {u"trigger"_s, u"manual"_s},
                                         {u"api"_s, u"a1"_s}};
    const auto expanded = RouteTable::expandPath(route->pathTemplate, params);
    QVERIFY(expanded);
    QCOMPARE(*expanded, path);
}

void TestRouteTable::encodesEverySegment_data()
{
    QTest::addColumn<QString>("flowName");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("slash") << u"a/b"_s << u"a%2Fb"_s;
    QTest::newRow("dot-dot") << u"../admin"_s << u"..%2Fadmin"_s;
    QTest::newRow("percent") << u"100%"_s << u"100%25"_s;
    QTest::newRow("space") << u"my flow"_s << u"my%20flow"_s;
    QTest::newRow("query") << u"x?api-version=1"_s << u"x%3Fapi-version%3D1"_s;
    QTest::newRow("hash") << u"x#y"_s << u"x%23y"_s;
    QTest::newRow("non-ascii") << u"Café"_s << u"Caf%C3%A9"_s;
    QTest::newRow("guid") << u"0b5c2c9e-1a2b-4c3d-8e9f-001122334455"_s
                          << u"0b5c2c9e-1a2b-4c3d-8e9f-001122334455"_s;
}

void TestRouteTable::encodesEverySegment()
{
    QFETCH(QString, flowName);
    QFETCH(QString, encoded);
    const auto route = RouteTable::route(Operation::GetFlow, Dialect::Spec);
    QVERIFY(route);
    const auto path =
        RouteTable::expandPath(route->pathTemplate, {{u"env"_s, u"e"_s}, {u"flow"_s, flowName}});
    QVERIFY(path);
    QCOMPARE(*path, u"/providers/Microsoft.ProcessSimple/environments/e/flows/"_s + encoded);

    // The encoded path survives a round trip through QUrl without a segment being decoded.
    QUrl url(u"https://api.flow.microsoft.com"_s);
    url.setPath(*path, QUrl::StrictMode);
    QVERIFY(url.isValid());
    QVERIFY(url.toString(QUrl::FullyEncoded).endsWith(encoded));
    QCOMPARE(url.path(QUrl::FullyEncoded).count(u'/'), 6);
}

void TestRouteTable::missingParameterIsRefused()
{
    const auto route = RouteTable::route(Operation::GetFlowRun, Dialect::Spec);
    QVERIFY(route);
    QVERIFY(!RouteTable::expandPath(route->pathTemplate, {{u"env"_s, u"e"_s}, {u"flow"_s, u"f"_s}}));
    QVERIFY(!RouteTable::expandPath(route->pathTemplate,
                                    {{u"env"_s, u"e"_s}, {u"flow"_s, u"f"_s}, {u"run"_s, QString()}}));
    QVERIFY(!RouteTable::expandPath(u"/x/{unterminated"_s, {}));
}

void TestRouteTable::apiVersionAndFixedQuery()
{
    const auto runs = RouteTable::route(Operation::ListFlowRuns, Dialect::Live);
    QVERIFY(runs);
    QCOMPARE(RouteTable::baseQuery(*runs, {}).queryItemValue(u"api-version"_s), u"2016-11-01"_s);

    const auto connections = RouteTable::route(Operation::ListConnections, Dialect::Live);
    QVERIFY(connections);
    const QUrlQuery query = RouteTable::baseQuery(*connections, {{u"env"_s, u"O'Brien env"_s}});
    QCOMPARE(query.queryItemValue(u"$filter"_s, QUrl::FullyDecoded), u"environment eq 'O''Brien env'"_s);

    const auto users = RouteTable::route(Operation::SearchUsers, Dialect::Live);
    QVERIFY(users);
    QVERIFY(!RouteTable::baseQuery(*users, {}).hasQueryItem(u"api-version"_s));
    QCOMPARE(users->host, fc::Host::Graph);
    QCOMPARE(connections->host, fc::Host::PowerApps);
    QCOMPARE(RouteTable::route(Operation::ListConnections, Dialect::Spec)->host, fc::Host::Flow);
}

void TestRouteTable::liveOnlyOperationsHaveNoSpecRoute()
{
    QVERIFY(!RouteTable::route(Operation::ListTriggers, Dialect::Spec));
    QVERIFY(!RouteTable::route(Operation::ListFlowsAsAdmin, Dialect::Spec));
    QVERIFY(RouteTable::route(Operation::ListTriggers, Dialect::Live));
    // Create and resubmit are the calls that must never be sent twice blindly.
    QVERIFY(!RouteTable::route(Operation::CreateFlow, Dialect::Spec)->idempotent);
    QVERIFY(!RouteTable::route(Operation::ResubmitFlowRun, Dialect::Live)->idempotent);
    QVERIFY(RouteTable::route(Operation::CancelFlowRun, Dialect::Live)->idempotent);
}

void TestRouteTable::dialectNames()
{
    QCOMPARE(fc::dialectFromName(u"LIVE"_s), Dialect::Live);
    QCOMPARE(fc::dialectFromName(u"spec"_s), Dialect::Spec);
    QVERIFY(!fc::dialectFromName(u"v2"_s));
    QCOMPARE(fc::operationName(Operation::SearchGroups), u"searchGroups"_s);
    QCOMPARE(fc::operationName(Operation::ListConnections), u"listConnections"_s);
}

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_route_table.moc"
