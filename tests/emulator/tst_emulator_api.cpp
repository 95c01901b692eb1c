// Every operation of the spec and every live path of WIRE.md, over real HTTP on loopback:
// status codes, body shapes, errors, permissions and awkward names.
#include "EmulatorTestSupport.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc::test;

class TstEmulatorApi : public QObject
{
    Q_OBJECT

private:
    fc::emu::Emulator *m_emu = nullptr;
    std::unique_ptr<HttpTestClient> m_adele;
    QString m_env;
    QString m_flow; // owned by the demo user

    // A token is for one API: the flow API's by default.
    std::unique_ptr<HttpTestClient>
    clientFor(const QString &upn,
              const QString &scope = u"https://service.flow.microsoft.com/.default offline_access"_s)
    {
        auto c = std::make_unique<HttpTestClient>(m_emu->baseUrl());
        c->setBearer(m_emu->accessToken(upn, scope));
        return c;
    }
    QString createFlow(const QString &displayName)
    {
        const auto r =
            m_adele->post(envPath(m_env) + u"/flows?api-version=2016-11-01"_s,
                          QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, displayName},
                                                                    {u"state"_s, u"Started"_s}}}});
        return r.json().value("name"_L1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        fc::emu::EmulatorOptions options;
        options.runDurationMs = 150;
        m_emu = new fc::emu::Emulator(options, this);
        QString error;
        QVERIFY2(m_emu->start(&error), qPrintable(error));
        m_adele = clientFor(m_emu->demoUserUpn());
        m_env = m_emu->defaultEnvironmentName();
        m_flow = m_emu->firstOwnedFlow(m_emu->demoUserUpn());
        QVERIFY(!m_flow.isEmpty());
    }

    void environments()
    {
        const auto r =
            m_adele->get(u"/providers/Microsoft.ProcessSimple/environments?api-version=2016-11-01"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value().size(), 3);
        const QJsonObject first = r.value().first().toObject();
        QCOMPARE(first.value("name"_L1).toString(), m_env);
        QVERIFY(first.value("properties"_L1).toObject().value("isDefault"_L1).toBool());
        for (const char *key : {"displayName", "createdTime", "environmentSku", "provisioningState"})
            QVERIFY2(first.value("properties"_L1).toObject().contains(QLatin1StringView(key)), key);
        // Megan sees the default and the production environment only.
        QCOMPARE(clientFor(u"megan.bowen@contoso.example"_s)
                     ->get(u"/providers/Microsoft.ProcessSimple/environments"_s)
                     .value()
                     .size(),
                 2);
        // Live: one environment, and the ~default alias.
        const auto one = m_adele->get(envPath(u"~default"_s) + u"?api-version=2016-11-01"_s);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value("name"_L1).toString(), m_env);
        // Live answers an unknown environment like a forbidden one.
        const auto unknown = m_adele->get(envPath(u"nope"_s));
        QCOMPARE(unknown.status, 403);
        QCOMPARE(unknown.errorCode(), u"EnvironmentAccessDenied"_s);
        const auto denied =
            clientFor(u"lidia.holloway@contoso.example"_s)->get(envPath(m_emu->environmentNames().at(1)));
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.errorCode(), u"EnvironmentAccessDenied"_s);
    }

    void listFlowsShowsOnlyOwnedFlows()
    {
        const auto r = m_adele->get(envPath(m_env) + u"/flows?api-version=2016-11-01"_s);
        QCOMPARE(r.status, 200);
        QSet<QString> names;
        for (const QJsonValue &v : r.value()) {
            const QJsonObject f = v.toObject();
            names.insert(f.value("name"_L1).toString());
            QCOMPARE(f.value("type"_L1).toString(), u"Microsoft.ProcessSimple/environments/flows"_s);
            QVERIFY(f.value("id"_L1).toString().endsWith(f.value("name"_L1).toString()));
            const QJsonObject p = f.value("properties"_L1).toObject();
            for (const char *key : {"displayName", "state", "createdTime", "lastModifiedTime", "creator",
                                    "definitionSummary", "connectionReferences"})
                QVERIFY2(p.contains(QLatin1StringView(key)), key);
        }
        const QStringList owned = m_emu->flowsOwnedBy(m_emu->demoUserUpn(), m_env);
        QCOMPARE(names, QSet<QString>(owned.cbegin(), owned.cend()));
        QVERIFY(!names.contains(m_emu->flowNotOwnedBy(m_emu->demoUserUpn())));
        // search('personal') is a subset; an unknown filter names itself.
        const auto personal = m_adele->get(envPath(m_env) + u"/flows?$filter=search('personal')"_s);
        QCOMPARE(personal.status, 200);
        QVERIFY(personal.value().size() <= r.value().size());
        const auto bad = m_adele->get(envPath(m_env) + u"/flows?$filter=state%20eq%20'x'"_s);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json()
                    .value("error"_L1)
                    .toObject()
                    .value("message"_L1)
                    .toString()
                    .contains("state eq 'x'"_L1));
    }

    void adminFlows()
    {
        const QString path = u"/providers/Microsoft.ProcessSimple/scopes/admin/environments/"_s + enc(m_env) +
                             u"/v2/flows?$top=250"_s;
        const auto r = clientFor(m_emu->adminUserUpn())->get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value().size(), m_emu->flowNames(m_env).size());
        QCOMPARE(clientFor(u"james.miller@contoso.example"_s)->get(path).status, 403);
        QCOMPARE(m_adele->get(path).status, 403); // the demo user is no administrator
    }

    void createGetUpdateDelete()
    {
        const auto created =
            m_adele->post(envPath(m_env) + u"/flows?api-version=2016-11-01"_s,
                          QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, u"Created by test"_s},
                                                                    {u"state"_s, u"Stopped"_s}}}});
        QCOMPARE(created.status, 201);
        const QString name = created.json().value("name"_L1).toString();
        QVERIFY(!name.isEmpty());
        QCOMPARE(created.json().value("properties"_L1).toObject().value("state"_L1).toString(), u"Stopped"_s);

        const auto got = m_adele->get(flowPath(m_env, name));
        QCOMPARE(got.status, 200);
        const QJsonObject p = got.json().value("properties"_L1).toObject();
        QVERIFY(p.value("definition"_L1).toObject().contains("triggers"_L1));
        const QString modified = p.value("lastModifiedTime"_L1).toString();
        QVERIFY2(QRegularExpression(u"\\.\\d{7}Z$"_s).match(modified).hasMatch(), qPrintable(modified));

        const auto patched =
            m_adele->patch(flowPath(m_env, name),
                           QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, u"Renamed"_s}}}});
        QCOMPARE(patched.status, 200);
        const QJsonObject pp = patched.json().value("properties"_L1).toObject();
        QCOMPARE(pp.value("displayName"_L1).toString(), u"Renamed"_s);
        QCOMPARE(pp.value("state"_L1).toString(), u"Stopped"_s); // merged, not replaced
        QVERIFY(pp.value("lastModifiedTime"_L1).toString() != modified);
        QCOMPARE(m_emu->flowJson(m_env, name)
                     ->value("properties"_L1)
                     .toObject()
                     .value("displayName"_L1)
                     .toString(),
                 u"Renamed"_s);

        QCOMPARE(m_adele->send("POST", flowPath(m_env, name) + u"/start"_s).status, 200);
        QCOMPARE(m_emu->flowJson(m_env, name)->value("properties"_L1).toObject().value("state"_L1).toString(),
                 u"Started"_s);
        QCOMPARE(m_adele->send("POST", flowPath(m_env, name) + u"/stop"_s).status, 200);
        QCOMPARE(m_emu->flowJson(m_env, name)->value("properties"_L1).toObject().value("state"_L1).toString(),
                 u"Stopped"_s);

        // Live: 200 when a flow is deleted, 204 when there was none; a deleted flow answers
        // like anyone else's in the user scope.
        QCOMPARE(m_adele->del(flowPath(m_env, name)).status, 200);
        const auto gone = m_adele->get(flowPath(m_env, name));
        QCOMPARE(gone.status, 403);
        QCOMPARE(gone.errorCode(), u"ConnectionAuthorizationFailed"_s);
        QCOMPARE(m_adele->del(flowPath(m_env, name)).status, 204);
    }

    void badBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{\"properties\":") << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"JSON object"_s;
        QTest::newRow("no properties") << QByteArray("{}") << u"'properties'"_s;
        QTest::newRow("displayName type")
            << QByteArray(R"({"properties":{"displayName":5}})") << u"properties.displayName"_s;
        QTest::newRow("state value") << QByteArray(R"({"properties":{"displayName":"x","state":"On"}})")
                                     << u"properties.state"_s;
        QTest::newRow("definition type")
            << QByteArray(R"({"properties":{"displayName":"x","definition":"y"}})")
            << u"properties.definition"_s;
        QTest::newRow("no triggers")
            << QByteArray(R"({"properties":{"displayName":"x","definition":{"actions":{}}}})")
            << u"properties.definition.triggers"_s;
    }
    void badBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        for (const QByteArray &method : {QByteArray("POST"), QByteArray("PATCH")}) {
            const QString path = method == "POST" ? envPath(m_env) + u"/flows"_s : flowPath(m_env, m_flow);
            const auto r = m_adele->send(method, path, body);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), u"InvalidRequestContent"_s);
            QVERIFY2(r.json().value("error"_L1).toObject().value("message"_L1).toString().contains(mentions),
                     r.body.constData());
        }
    }

    void methodsAndVersions()
    {
        const auto wrong = m_adele->send("PUT", flowPath(m_env, m_flow));
        QCOMPARE(wrong.status, 405);
        QVERIFY(wrong.header("Allow").contains("PATCH"));
        QCOMPARE(m_adele->get(u"/providers/Microsoft.ProcessSimple/nothing"_s).status, 404);
        QCOMPARE(m_adele->get(flowPath(m_env, m_flow) + u"?api-version=2016-11-01"_s).status, 200);
        QCOMPARE(m_adele->get(flowPath(m_env, m_flow)).status, 200); // the spec declares no api-version
        const auto bad = m_adele->get(flowPath(m_env, m_flow) + u"?api-version=2020-01-01"_s);
        QCOMPARE(bad.status, 400);
        QCOMPARE(m_adele->get(flowPath(m_env, m_flow) + u"/owners?api-version=2017-06-01"_s).status, 200);
    }

    void runsListGetActions()
    {
        const auto list = m_adele->get(flowPath(m_env, m_flow) + u"/runs?api-version=2016-11-01"_s);
        QCOMPARE(list.status, 200);
        QVERIFY(list.value().size() > 0 && list.value().size() <= 50);
        const QJsonObject run = list.value().first().toObject();
        QCOMPARE(run.value("type"_L1).toString(), u"Microsoft.ProcessSimple/environments/flows/runs"_s);
        const QJsonObject p = run.value("properties"_L1).toObject();
        for (const char *key : {"startTime", "status", "trigger", "correlation"})
            QVERIFY2(p.contains(QLatin1StringView(key)), key);
        const QString name = run.value("name"_L1).toString();
        QVERIFY(QRegularExpression(u"^\\d{29}CU\\d{2}$"_s).match(name).hasMatch());
        // newest first
        QVERIFY(p.value("startTime"_L1).toString() >= list.value()
                                                          .last()
                                                          .toObject()
                                                          .value("properties"_L1)
                                                          .toObject()
                                                          .value("startTime"_L1)
                                                          .toString());

        const auto one = m_adele->get(runPath(m_env, m_flow, name) + u"?$expand=properties/actions"_s);
        QCOMPARE(one.status, 200);
        QVERIFY(one.json().value("properties"_L1).toObject().value("actions"_L1).toObject().size() > 0);
        const auto actions = m_adele->get(runPath(m_env, m_flow, name) + u"/actions"_s);
        QCOMPARE(actions.status, 200);
        QVERIFY(actions.value().size() > 0);
        QVERIFY(actions.value().first().toObject().value("properties"_L1).toObject().contains("status"_L1));
        const auto missing = m_adele->get(runPath(m_env, m_flow, u"08580000000000000000000000000CU00"_s));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"WorkflowRunNotFound"_s);
    }

    void cancelAndResubmit()
    {
        const QString flow = createFlow(u"Cancel and resubmit"_s);
        const QString running = m_emu->startRun(m_env, flow);
        // A run of 150 ms may already be over: cancel answers 200 while running, 409 after.
        const auto cancel = m_adele->send("POST", runPath(m_env, flow, running) + u"/cancel"_s);
        QVERIFY(cancel.status == 200 || cancel.status == 409);
        QTRY_VERIFY(m_emu->runStatus(m_env, flow, running) != u"Running"_s);
        const auto again = m_adele->send("POST", runPath(m_env, flow, running) + u"/cancel"_s);
        QCOMPARE(again.status, 409);

        const int before = m_emu->runCount(m_env, flow);
        QCOMPARE(
            m_adele->send("POST", runPath(m_env, flow, running) + u"/resubmit?triggerName=manual"_s).status,
            202);
        QCOMPARE(m_emu->runCount(m_env, flow), before + 1);
        QCOMPARE(m_adele
                     ->send("POST", flowPath(m_env, flow) + u"/triggers/manual/histories/"_s + running +
                                        u"/resubmit"_s)
                     .status,
                 202);
        QCOMPARE(m_emu->runCount(m_env, flow), before + 2);
        QCOMPARE(m_adele
                     ->send("POST", flowPath(m_env, flow) + u"/triggers/other/histories/"_s + running +
                                        u"/resubmit"_s)
                     .status,
                 404);
        QCOMPARE(m_adele->send("POST", runPath(m_env, flow, running) + u"/resubmit"_s).status, 400);
        QCOMPARE(m_emu->runCount(m_env, flow), before + 2);
        // New runs end on their own.
        const QString newest = m_emu->runNames(m_env, flow).first();
        QTRY_VERIFY(m_emu->runStatus(m_env, flow, newest) == u"Succeeded"_s ||
                    m_emu->runStatus(m_env, flow, newest) == u"Failed"_s);

        const auto triggers = m_adele->get(flowPath(m_env, flow) + u"/triggers"_s);
        QCOMPARE(triggers.status, 200);
        QCOMPARE(triggers.value().first().toObject().value("name"_L1).toString(), u"manual"_s);
    }

    void owners()
    {
        const QString flow = createFlow(u"Owners test"_s);
        const QString james = m_emu->userId(u"james.miller@contoso.example"_s);
        const QString group = m_emu->groupId(u"Finance Automation"_s);
        auto spec = m_adele->get(flowPath(m_env, flow) + u"/owners"_s);
        QCOMPARE(spec.status, 200);
        QCOMPARE(spec.value().size(), 1);
        const QJsonObject principal = spec.value()
                                          .first()
                                          .toObject()
                                          .value("properties"_L1)
                                          .toObject()
                                          .value("principal"_L1)
                                          .toObject();
        for (const char *key : {"id", "displayName", "email", "userPrincipalName", "type", "tenantId"})
            QVERIFY2(principal.contains(QLatin1StringView(key)), key);

        const auto added = m_adele->post(
            flowPath(m_env, flow) + u"/owners?api-version=2017-06-01"_s,
            QJsonObject{{u"add"_s, QJsonArray{QJsonObject{{u"id"_s, james}, {u"type"_s, u"User"_s}}}}});
        QCOMPARE(added.status, 200);
        QCOMPARE(m_adele->get(flowPath(m_env, flow) + u"/permissions"_s).value().size(), 2);
        // James now sees and may change it.
        auto jamesClient = clientFor(u"james.miller@contoso.example"_s);
        QCOMPARE(jamesClient->get(flowPath(m_env, flow)).status, 200);

        const auto live = m_adele->post(
            flowPath(m_env, flow) + u"/modifyPermissions"_s,
            QJsonObject{
                {u"put"_s,
                 QJsonArray{QJsonObject{
                     {u"properties"_s,
                      QJsonObject{{u"principal"_s, QJsonObject{{u"id"_s, group}, {u"type"_s, u"Group"_s}}},
                                  {u"roleName"_s, u"CanEdit"_s}}}}}}});
        QCOMPARE(live.status, 200);
        QCOMPARE(live.value().size(), 3);
        QCOMPARE(m_adele
                     ->post(flowPath(m_env, flow) + u"/modifyPermissions"_s,
                            QJsonObject{{u"delete"_s, QJsonArray{QJsonObject{{u"id"_s, group}}}}})
                     .status,
                 200);
        const auto unknown =
            m_adele->post(flowPath(m_env, flow) + u"/owners"_s,
                          QJsonObject{{u"add"_s, QJsonArray{QJsonObject{{u"id"_s, u"no-such-user"_s}}}}});
        QCOMPARE(unknown.status, 400);
        // Removing everyone is refused, and nothing changes.
        const auto last = m_adele->post(
            flowPath(m_env, flow) + u"/owners"_s,
            QJsonObject{
                {u"remove"_s, QJsonArray{QJsonObject{{u"id"_s, james}},
                                         QJsonObject{{u"id"_s, m_emu->userId(m_emu->demoUserUpn())}}}}});
        QCOMPARE(last.status, 400);
        QCOMPARE(m_adele->get(flowPath(m_env, flow) + u"/owners"_s).value().size(), 2);
        QCOMPARE(m_adele->post(flowPath(m_env, flow) + u"/owners"_s, QJsonObject{{u"add"_s, u"x"_s}}).status,
                 400);
    }

    void permissionDenials()
    {
        auto megan = clientFor(u"megan.bowen@contoso.example"_s);
        const QString foreign = m_flow; // Adele's, not shared with Megan
        QVERIFY(!m_emu->flowsOwnedBy(u"megan.bowen@contoso.example"_s, m_env).contains(foreign));
        QCOMPARE(megan->get(flowPath(m_env, foreign)).status, 403);
        QCOMPARE(megan
                     ->patch(flowPath(m_env, foreign),
                             QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, u"x"_s}}}})
                     .status,
                 403);
        QCOMPARE(megan->send("POST", flowPath(m_env, foreign) + u"/stop"_s).status, 403);
        QCOMPARE(megan->del(flowPath(m_env, foreign)).status, 403);
        QCOMPARE(megan->get(flowPath(m_env, foreign) + u"/runs"_s).status, 403);
        QCOMPARE(megan
                     ->post(flowPath(m_env, foreign) + u"/owners"_s,
                            QJsonObject{
                                {u"add"_s, QJsonArray{QJsonObject{
                                               {u"id"_s, m_emu->userId(u"megan.bowen@contoso.example"_s)}}}}})
                     .status,
                 403);
        // Group ownership counts: Jane owns flows through Finance Automation.
        const QStringList janes = m_emu->flowsOwnedBy(u"jane.smith@contoso.example"_s, m_env);
        QVERIFY(janes.size() > 2);
        for (const QString &f : janes)
            QCOMPARE(clientFor(u"jane.smith@contoso.example"_s)->get(flowPath(m_env, f)).status, 200);
    }

    void callbackUrl()
    {
        const QString flow = createFlow(u"Callback test"_s);
        const auto spec =
            m_adele->send("POST", flowPath(m_env, flow) + u"/listCallbackUrl?api-version=2016-11-01"_s);
        QCOMPARE(spec.status, 200);
        const QString url = spec.json().value("response"_L1).toObject().value("value"_L1).toString();
        QVERIFY(url.startsWith(m_emu->baseUrl().toString()));
        QVERIFY(url.contains("sig="_L1));
        const auto live =
            m_adele->send("POST", flowPath(m_env, flow) + u"/triggers/manual/listCallbackUrl"_s);
        QCOMPARE(live.json().value("value"_L1).toString(), url);
        QCOMPARE(m_emu->flowJson(m_env, flow)
                     ->value("properties"_L1)
                     .toObject()
                     .value("flowTriggerUri"_L1)
                     .toString(),
                 url);

        HttpTestClient anonymous(m_emu->baseUrl());
        const int before = m_emu->runCount(m_env, flow);
        QCOMPARE(anonymous.send("POST", url, "{}").status, 202);
        QCOMPARE(m_emu->runCount(m_env, flow), before + 1);
        QCOMPARE(
            anonymous
                .send("POST", QString(url).replace(QRegularExpression(u"sig=[^&]+"_s), u"sig=forged"_s), "{}")
                .status,
            401);
        QCOMPARE(m_adele->send("POST", flowPath(m_env, flow) + u"/stop"_s).status, 200);
        QCOMPARE(anonymous.send("POST", url, "{}").status, 409);
        QCOMPARE(m_emu->runCount(m_env, flow), before + 1);
    }

    void connectorsAndConnections()
    {
        const auto list = m_adele->get(envPath(m_env) + u"/apis?api-version=2016-11-01"_s);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.value().size(), 11); // 9 shared and the environment's 2 custom connectors
        const auto one = m_adele->get(envPath(m_env) + u"/apis/shared_sharepointonline"_s);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value("properties"_L1).toObject().value("displayName"_L1).toString(),
                 u"SharePoint"_s);
        QCOMPARE(m_adele->get(envPath(m_env) + u"/apis/shared_nope"_s).errorCode(), u"ConnectorNotFound"_s);
        const auto connections = m_adele->get(envPath(m_env) + u"/connections"_s);
        QCOMPARE(connections.status, 200);
        QCOMPARE(connections.value().size(), 6);
        // The live paths are the PowerApps host's, which takes tokens for its own audience.
        const auto powerApps = clientFor(m_emu->demoUserUpn(), u"https://service.powerapps.com/.default"_s);
        const QString filter =
            u"?api-version=2016-11-01&$filter=environment%20eq%20'"_s + enc(m_env) + u"'"_s;
        QCOMPARE(powerApps->get(u"/providers/Microsoft.PowerApps/apis"_s + filter).value().size(), 11);
        QCOMPARE(powerApps->get(u"/providers/Microsoft.PowerApps/apis/shared_office365"_s + filter).status,
                 200);
        const auto liveConnections = powerApps->get(u"/providers/Microsoft.PowerApps/connections"_s + filter);
        QCOMPARE(liveConnections.value().size(), 6);
        QVERIFY(liveConnections.value()
                    .first()
                    .toObject()
                    .value("properties"_L1)
                    .toObject()
                    .contains("apiId"_L1));
        QCOMPARE(
            powerApps->get(u"/providers/Microsoft.PowerApps/connections?$filter=name%20eq%20'x'"_s).status,
            400);
    }

    void graphDirectory()
    {
        const auto graph = clientFor(m_emu->demoUserUpn(), u"https://graph.microsoft.com/.default"_s);
        const auto users = graph->get(u"/v1.0/users?$filter=startswith(displayName,'ja')&$top=10"_s);
        QCOMPARE(users.status, 200);
        QCOMPARE(users.value().size(), 2); // James Miller, Jane Smith
        for (const QJsonValue &v : users.value())
            for (const char *key : {"id", "displayName", "mail", "userPrincipalName"})
                QVERIFY(v.toObject().contains(QLatin1StringView(key)));
        QCOMPARE(graph->get(u"/v1.0/users?$filter=startswith(displayName,'ja')&$top=1"_s).value().size(), 1);
        QCOMPARE(graph->get(u"/v1.0/users"_s).value().size(), 9); // deleted users are not listed
        const auto groups = graph->get(u"/v1.0/groups?$filter=startswith(displayName,'fin')"_s);
        QCOMPARE(groups.value().size(), 1);
        QCOMPARE(groups.value().first().toObject().value("displayName"_L1).toString(),
                 u"Finance Automation"_s);
        QCOMPARE(graph->get(u"/v1.0/users?$filter=endswith(displayName,'a')"_s).status, 400);
        QCOMPARE(graph->get(u"/v1.0/users?$filter=startswith(displayName,'%C3%9C')"_s).value().size(), 0);
    }

    void awkwardNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("percent") << u"100%"_s;
        QTest::newRow("space") << u"my flow"_s;
        QTest::newRow("non-ascii") << u"Überweisung-流程"_s;
    }
    void awkwardNames()
    {
        QFETCH(QString, name);
        const auto flow = m_adele->get(flowPath(m_env, name));
        QCOMPARE(flow.status, 403);
        QCOMPARE(flow.errorCode(), u"ConnectionAuthorizationFailed"_s);
        QVERIFY2(flow.json().value("error"_L1).toObject().value("message"_L1).toString().contains(name),
                 flow.body.constData());
        const auto env = m_adele->get(envPath(name) + u"/flows"_s);
        QCOMPARE(env.status, 403);
        QVERIFY(env.json().value("error"_L1).toObject().value("message"_L1).toString().contains(name));
        QCOMPARE(m_adele->get(runPath(m_env, m_flow, name)).errorCode(), u"WorkflowRunNotFound"_s);
        // A display name with the same characters survives a round trip.
        const QString created = createFlow(name + u" – flow"_s);
        QCOMPARE(m_adele->get(flowPath(m_env, created))
                     .json()
                     .value("properties"_L1)
                     .toObject()
                     .value("displayName"_L1)
                     .toString(),
                 QString(name + u" – flow"_s));
    }
};

QTEST_GUILESS_MAIN(TstEmulatorApi)
#include "tst_emulator_api.moc"
