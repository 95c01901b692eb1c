// The live service as real clients (the m365 CLI's flow commands) see it, over real HTTP on
// loopback: the admin scope for one flow, signed run content links, ARM template export, soft
// delete and restore, Graph equality filters and orphaned flows, custom connectors, nextLink on
// the Host the client called, roles of shared owners, admins refused in the user scope, and the
// live wording of errors.
#include "EmulatorTestSupport.h"
#include "Util.h" // stableGuid: the seeded names
#include "ZipWriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc::test;

namespace {
const QString kPowerAppsScope = u"https://service.powerapps.com/.default"_s;
const QString kGraphScope = u"https://graph.microsoft.com/.default"_s;
const QString kVersion = u"api-version=2016-11-01"_s;

QString adminFlowPath(const QString &env, const QString &flow)
{
    return u"/providers/Microsoft.ProcessSimple/scopes/admin/environments/"_s + enc(env) + u"/flows/"_s +
           enc(flow);
}

QString adminListPath(const QString &env)
{
    return u"/providers/Microsoft.ProcessSimple/scopes/admin/environments/"_s + enc(env) + u"/v2/flows"_s;
}

QJsonObject props(const QJsonObject &o)
{
    return o.value("properties"_L1).toObject();
}

QString errorMessage(const HttpResult &r)
{
    return r.json().value("error"_L1).toObject().value("message"_L1).toString();
}
} // namespace

class TstEmulatorFidelity : public QObject
{
    Q_OBJECT

private:
    fc::emu::Emulator *m_emu = nullptr;
    std::unique_ptr<HttpTestClient> m_adele; // the demo user, no administrator
    std::unique_ptr<HttpTestClient> m_admin; // Diego, a Power Platform administrator
    QString m_env;
    QNetworkAccessManager m_nam;

    std::unique_ptr<HttpTestClient> clientFor(const QString &upn,
                                              const QString &scope = u"https://service.flow.microsoft.com/"
                                                                     u".default offline_access"_s)
    {
        auto c = std::make_unique<HttpTestClient>(m_emu->baseUrl());
        c->setBearer(m_emu->accessToken(upn, scope));
        return c;
    }
    QString userId(const QString &alias) const { return m_emu->userId(alias + u"@contoso.example"_s); }
    // A seeded flow's name (the Seeder names them from the environment and display name).
    QString seededFlow(const QString &displayName, const QString &env = {}) const
    {
        return fc::emu::stableGuid(u"flow:"_s + (env.isEmpty() ? m_env : env) + u':' + displayName);
    }
    QString createFlow(HttpTestClient &client, const QString &displayName)
    {
        const auto r = client.post(envPath(m_env) + u"/flows?"_s + kVersion,
                                   QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, displayName},
                                                                             {u"state"_s, u"Started"_s}}}});
        return r.json().value("name"_L1).toString();
    }
    // A request with headers of our own (Host, X-Forwarded-Proto), to a path or a full URL.
    HttpResult send(const QByteArray &method, const QString &pathOrUrl, const QByteArray &bearer,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {})
    {
        QNetworkRequest request(HttpTestClient(m_emu->baseUrl()).url(pathOrUrl));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        HttpResult result;
        result.finished = reply->isFinished() || finished.wait(10000);
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        return result;
    }
    // The same URL on the emulator's own origin: what a client gets when the link's host name
    // resolves to the emulator.
    QString onEmulator(const QString &url) const
    {
        const QUrl u = QUrl::fromEncoded(url.toUtf8());
        return m_emu->baseUrl().toString() + u.path(QUrl::FullyEncoded) + u'?' + u.query(QUrl::FullyEncoded);
    }
    // Fetches a content link without a token and checks it against the link's size and hash.
    QJsonDocument fetchContent(const QJsonObject &link)
    {
        const QString uri = link.value("uri"_L1).toString();
        const auto r = send("GET", onEmulator(uri), {});
        if (r.status != 200) {
            qWarning("content link answered %d: %s", r.status, r.body.constData());
            return {};
        }
        const QByteArray md5 = QCryptographicHash::hash(r.body, QCryptographicHash::Md5).toBase64();
        if (link.value("contentSize"_L1).toInteger() != r.body.size() ||
            link.value("contentHash"_L1).toObject().value("value"_L1).toString() !=
                QString::fromLatin1(md5) ||
            link.value("contentHash"_L1).toObject().value("algorithm"_L1).toString() != "md5"_L1 ||
            link.value("contentVersion"_L1).toString() != QString::fromLatin1(md5)) {
            qWarning("content does not match its link: %s", r.body.constData());
            return {};
        }
        QJsonParseError e{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &e);
        return e.error == QJsonParseError::NoError ? doc : QJsonDocument();
    }
    // The newest run of a flow that has ended.
    QJsonObject endedRun(HttpTestClient &client, const QString &flowPathText)
    {
        const auto runs = client.get(flowPathText + u"/runs?$top=50&"_s + kVersion);
        for (const QJsonValue &v : runs.value()) {
            const QString status = props(v.toObject()).value("status"_L1).toString();
            if (status == "Succeeded"_L1 || status == "Failed"_L1)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        fc::emu::EmulatorOptions options;
        options.runDurationMs = 150;
        m_emu = new fc::emu::Emulator(options, this);
        QString error;
        QVERIFY2(m_emu->start(&error), qPrintable(error));
        m_env = m_emu->defaultEnvironmentName();
        m_adele = clientFor(m_emu->demoUserUpn());
        m_admin = clientFor(m_emu->adminUserUpn());
    }

    // 1. Every per-flow call also exists in scopes/admin, for administrators only.
    void adminScopeForOneFlow()
    {
        auto megan = clientFor(u"megan.bowen@contoso.example"_s);
        const QString flow = createFlow(*megan, u"Admin scope test"_s);
        QVERIFY(!flow.isEmpty());
        const QString run = m_emu->startRun(m_env, flow);
        const QString admin = adminFlowPath(m_env, flow);
        // GET with the m365 CLI's $expand.
        const auto got =
            m_admin->get(admin + u"?"_s + kVersion +
                         u"&$expand=swagger,properties.connectionreferences.apidefinition,"
                         u"properties.definitionsummary.operations.apioperation,operationDefinition,"
                         u"plan,properties.throttleData,properties.estimatedsuspensiondata,"
                         u"properties.licenseData"_s);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json().value("name"_L1).toString(), flow);
        QVERIFY(props(got.json()).value("definitionSummary"_L1).toObject().contains("triggers"_L1));
        // PATCH, stop and start.
        QCOMPARE(m_admin
                     ->patch(admin + u"?"_s + kVersion,
                             QJsonObject{
                                 {u"properties"_s, QJsonObject{{u"displayName"_s, u"Renamed by admin"_s}}}})
                     .status,
                 200);
        QCOMPARE(m_admin->send("POST", admin + u"/stop?"_s + kVersion).status, 200);
        QCOMPARE(props(*m_emu->flowJson(m_env, flow)).value("state"_L1).toString(), u"Stopped"_s);
        QCOMPARE(m_admin->send("POST", admin + u"/start?"_s + kVersion).status, 200);
        QCOMPARE(props(*m_emu->flowJson(m_env, flow)).value("state"_L1).toString(), u"Started"_s);
        // Runs: list, one run, its actions, cancel.
        const auto runs = m_admin->get(admin + u"/runs?"_s + kVersion);
        QCOMPARE(runs.status, 200);
        QCOMPARE(runs.value().size(), 1);
        QCOMPARE(
            m_admin->get(admin + u"/runs/"_s + run + u"?$expand=properties/actions&"_s + kVersion).status,
            200);
        QCOMPARE(m_admin->get(admin + u"/runs/"_s + run + u"/actions?"_s + kVersion).status, 200);
        QTRY_VERIFY(m_emu->runStatus(m_env, flow, run) != u"Running"_s);
        QCOMPARE(m_admin->send("POST", admin + u"/runs/"_s + run + u"/cancel?"_s + kVersion).status, 409);
        // Permissions: list and change, on someone else's flow.
        const auto permissions = m_admin->get(admin + u"/permissions?"_s + kVersion);
        QCOMPARE(permissions.status, 200);
        QCOMPARE(permissions.value().size(), 1);
        const auto modified = m_admin->post(
            admin + u"/modifyPermissions?"_s + kVersion,
            QJsonObject{
                {u"put"_s, QJsonArray{QJsonObject{
                               {u"properties"_s,
                                QJsonObject{{u"principal"_s, QJsonObject{{u"id"_s, userId(u"nestor.wilke"_s)},
                                                                         {u"type"_s, u"User"_s}}},
                                            {u"roleName"_s, u"CanEdit"_s}}}}}}});
        QCOMPARE(modified.status, 200);
        QCOMPARE(m_admin->get(admin + u"/permissions?"_s + kVersion).value().size(), 2);

        // Not for anyone else: the demo user is no administrator, not even on her own flows.
        const QString own = m_emu->firstOwnedFlow(m_emu->demoUserUpn());
        for (const QString &f : {flow, own}) {
            const auto denied = m_adele->get(adminFlowPath(m_env, f) + u"?"_s + kVersion);
            QCOMPARE(denied.status, 403);
            QCOMPARE(denied.errorCode(), u"EnvironmentAccessDenied"_s);
            QCOMPARE(m_adele->get(adminFlowPath(m_env, f) + u"/runs?"_s + kVersion).status, 403);
            QCOMPARE(m_adele->get(adminFlowPath(m_env, f) + u"/permissions?"_s + kVersion).status, 403);
            QCOMPARE(m_adele->send("POST", adminFlowPath(m_env, f) + u"/stop?"_s + kVersion).status, 403);
            QCOMPARE(m_adele->del(adminFlowPath(m_env, f) + u"?"_s + kVersion).status, 403);
        }
        QCOMPARE(m_adele->get(adminListPath(m_env) + u"?"_s + kVersion).status, 403);

        // DELETE: 200, then the flow is gone from the admin scope too; again: 204.
        QCOMPARE(m_admin->del(admin + u"?"_s + kVersion).status, 200);
        const auto gone = m_admin->get(admin + u"?"_s + kVersion);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), u"FlowNotFound"_s);
        QCOMPARE(m_admin->del(admin + u"?"_s + kVersion).status, 204);
    }

    // 2. Runs carry signed inputsLink/outputsLink that anyone holding the link can read.
    void runContentLinks()
    {
        // A button flow (manual trigger): trigger inputs and outputs.
        const QString button = seededFlow(u"Log operations requests"_s);
        const QJsonObject run = endedRun(*m_adele, flowPath(m_env, button));
        QVERIFY(!run.isEmpty());
        const QString runName = run.value("name"_L1).toString();
        const QJsonObject trigger = props(run).value("trigger"_L1).toObject();
        QVERIFY2(trigger.contains("inputsLink"_L1) && trigger.contains("outputsLink"_L1),
                 QJsonDocument(trigger).toJson().constData());
        const QString uri = trigger.value("outputsLink"_L1).toObject().value("uri"_L1).toString();
        // Reached on loopback: on the emulator's own base, so our tests can follow it.
        const QString expected = m_emu->baseUrl().toString() + u"/workflows/"_s +
                                 QString(button).remove(u'-') + u"/runs/"_s + runName +
                                 u"/contents/TriggerOutputs?api-version=2016-06-01&se="_s;
        QVERIFY2(uri.startsWith(expected), qPrintable(uri));
        QVERIFY(QRegularExpression(
                    u"&sp=%2Fruns%2F\\w+%2Fcontents%2FTriggerOutputs%2Fread&sv=1\\.0&sig=[\\w-]{43}$"_s)
                    .match(uri)
                    .hasMatch());
        const QJsonDocument outputs = fetchContent(trigger.value("outputsLink"_L1).toObject());
        QVERIFY(outputs.object().contains("body"_L1));
        QVERIFY(outputs.object().value("body"_L1).toObject().contains("text"_L1)); // the button's input
        QVERIFY(fetchContent(trigger.value("inputsLink"_L1).toObject()).isObject());

        // The link is the credential: a wrong signature or another run's grant is refused.
        const auto forged =
            send("GET", QString(uri).replace(QRegularExpression(u"sig=[^&]+"_s), u"sig=forged"_s), {});
        QCOMPARE(forged.status, 403);
        const auto otherKind = send(
            "GET", QString(uri).replace(u"contents/TriggerOutputs?"_s, u"contents/TriggerInputs?"_s), {});
        QCOMPARE(otherKind.status, 403);
        const auto later =
            send("GET", QString(uri).replace(QRegularExpression(u"se=\\d{4}"_s), u"se=2999"_s), {});
        QCOMPARE(later.status, 403);

        // Actions: inputs and outputs, with $expand and from …/actions.
        const auto expanded =
            m_adele->get(runPath(m_env, button, runName) + u"?$expand=properties%2Factions&"_s + kVersion);
        QCOMPARE(expanded.status, 200);
        const QJsonObject actions = props(expanded.json()).value("actions"_L1).toObject();
        QVERIFY(!actions.isEmpty());
        const QJsonObject first = actions.value("Get_items"_L1).toObject();
        QVERIFY(first.contains("inputsLink"_L1));
        QVERIFY2(first.value("inputsLink"_L1)
                     .toObject()
                     .value("uri"_L1)
                     .toString()
                     .contains(u"/actions/Get_items/contents/ActionInputs?"_s),
                 qPrintable(first.value("inputsLink"_L1).toObject().value("uri"_L1).toString()));
        QVERIFY(fetchContent(first.value("inputsLink"_L1).toObject()).object().contains("host"_L1));
        if (first.value("status"_L1).toString() == "Succeeded"_L1) {
            const QJsonDocument out = fetchContent(first.value("outputsLink"_L1).toObject());
            QCOMPARE(out.object().value("statusCode"_L1).toInt(), 200);
        }
        const auto list = m_adele->get(runPath(m_env, button, runName) + u"/actions?"_s + kVersion);
        QVERIFY(props(list.value().first().toObject()).contains("inputsLink"_L1));

        // A Recurrence trigger has no inputs or outputs.
        const QJsonObject scheduled =
            endedRun(*m_adele, flowPath(m_env, seededFlow(u"Daily pipeline digest"_s)));
        QVERIFY(!scheduled.isEmpty());
        const QJsonObject recurrence = props(scheduled).value("trigger"_L1).toObject();
        QVERIFY(!recurrence.contains("outputsLink"_L1) && !recurrence.contains("inputsLink"_L1));

        // A connector's trigger (SharePoint) has both; its outputs are the item.
        const QJsonObject polled =
            endedRun(*m_adele, flowPath(m_env, seededFlow(u"Archive new SharePoint items"_s)));
        QVERIFY(!polled.isEmpty());
        const QJsonObject polledTrigger = props(polled).value("trigger"_L1).toObject();
        QCOMPARE(polledTrigger.value("name"_L1).toString(), u"When_an_item_is_created"_s);
        QVERIFY(fetchContent(polledTrigger.value("outputsLink"_L1).toObject())
                    .object()
                    .value("body"_L1)
                    .toObject()
                    .contains("Title"_L1));

        // What `m365 flow run list --withTrigger` does: every run's outputsLink, without a token.
        const auto page = m_adele->get(flowPath(m_env, button) + u"/runs?"_s + kVersion);
        QVERIFY(page.value().size() > 10);
        for (const QJsonValue &v : page.value()) {
            const QJsonObject link =
                props(v.toObject()).value("trigger"_L1).toObject().value("outputsLink"_L1).toObject();
            QVERIFY(fetchContent(link).isObject());
        }

        // Reached by another name, the links are on a Logic Apps host, and the emulator serves
        // their paths too (for a client that points that host name at it).
        const auto remote = send("GET", flowPath(m_env, button) + u"/runs?$top=1&"_s + kVersion,
                                 m_emu->accessToken(m_emu->demoUserUpn()),
                                 {{"Host", "api.flow.microsoft.com"}, {"X-Forwarded-Proto", "https"}});
        QCOMPARE(remote.status, 200);
        const QJsonObject remoteLink = props(remote.value().first().toObject())
                                           .value("trigger"_L1)
                                           .toObject()
                                           .value("outputsLink"_L1)
                                           .toObject();
        QVERIFY2(
            remoteLink.value("uri"_L1).toString().startsWith(
                u"https://prod-00.westus.logic.azure.com:443/workflows/"_s + QString(button).remove(u'-')),
            qPrintable(remoteLink.value("uri"_L1).toString()));
        QVERIFY(fetchContent(remoteLink).isObject());
    }

    // 3. POST …/exportToARMTemplate: the flow as an ARM template.
    void exportToArmTemplate()
    {
        const QString flow = seededFlow(u"Log operations requests"_s);
        const auto r = m_adele->send("POST", flowPath(m_env, flow) + u"/exportToARMTemplate?"_s + kVersion);
        QCOMPARE(r.status, 200);
        const QJsonObject t = r.json();
        QCOMPARE(t.value("$schema"_L1).toString(),
                 u"https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"_s);
        QCOMPARE(t.value("contentVersion"_L1).toString(), u"1.0.0.0"_s);
        const QJsonArray resources = t.value("resources"_L1).toArray();
        QVERIFY(resources.size() >= 2);
        const QJsonObject workflow = resources.first().toObject();
        QCOMPARE(workflow.value("type"_L1).toString(), u"Microsoft.Logic/workflows"_s);
        const QJsonObject definition = props(workflow).value("definition"_L1).toObject();
        QCOMPARE(definition, props(*m_emu->flowJson(m_env, flow)).value("definition"_L1).toObject());
        // One connection resource per connector the flow uses (SharePoint, Outlook).
        QSet<QString> connectionTypes;
        for (qsizetype i = 1; i < resources.size(); ++i)
            connectionTypes.insert(resources.at(i).toObject().value("type"_L1).toString());
        QCOMPARE(connectionTypes, QSet<QString>{u"MICROSOFT.WEB/CONNECTIONS"_s});
        QCOMPARE(resources.size(), 3);
        QCOMPARE(props(workflow)
                     .value("parameters"_L1)
                     .toObject()
                     .value("$connections"_L1)
                     .toObject()
                     .value("value"_L1)
                     .toObject()
                     .size(),
                 2);
        QVERIFY(t.value("parameters"_L1).toObject().contains("logicAppName"_L1));
        // Someone else's flow: refused like any other call.
        QCOMPARE(clientFor(u"megan.bowen@contoso.example"_s)
                     ->send("POST", flowPath(m_env, flow) + u"/exportToARMTemplate?"_s + kVersion)
                     .status,
                 403);
    }

    // 3b. The zip package (the m365 CLI's `flow export`): listPackageResources, exportPackage and
    // the anonymous download, on the Power Platform host with a Power Apps token.
    void exportPackage()
    {
        QCOMPARE(fc::emu::ZipWriter::crc32("123456789"), 0xCBF43926u); // zip's CRC-32 check value
        const QString flow = seededFlow(u"Log operations requests"_s);
        const QString flowId = u"/providers/Microsoft.Flow/flows/"_s + flow;
        const QString bap = u"/providers/Microsoft.BusinessAppPlatform/environments/"_s + m_env;
        auto maker = clientFor(u"adele.vance@contoso.example"_s,
                               u"https://service.powerapps.com/.default offline_access"_s);
        const QJsonObject ask{{u"baseResourceIds"_s, QJsonArray{flowId}}};
        const auto listed = maker->post(bap + u"/listPackageResources?"_s + kVersion, ask);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json().value("status"_L1).toString(), u"Succeeded"_s);
        const QJsonObject resources = listed.json().value("resources"_L1).toObject();
        QMap<QString, int> types;
        QJsonObject root;
        for (const QJsonValue &v : resources) {
            ++types[v.toObject().value("type"_L1).toString()];
            if (v.toObject().value("hierarchy"_L1).toString() == "Root"_L1)
                root = v.toObject();
        }
        // The flow, and the two connectors it uses with one connection each.
        QCOMPARE(types, (QMap<QString, int>{{u"Microsoft.Flow/flows"_s, 1},
                                            {u"Microsoft.PowerApps/apis"_s, 2},
                                            {u"Microsoft.PowerApps/apis/connections"_s, 2}}));
        QCOMPARE(root.value("id"_L1).toString(), flowId);
        QCOMPARE(root.value("details"_L1).toObject().value("displayName"_L1).toString(),
                 u"Log operations requests"_s);
        QCOMPARE(root.value("dependsOn"_L1).toArray().size(), 4);
        // The BAP host takes Power Apps tokens, not the flow API's; others' flows are refused.
        QCOMPARE(m_adele->post(bap + u"/listPackageResources?"_s + kVersion, ask).status, 401);
        QCOMPARE(clientFor(u"megan.bowen@contoso.example"_s, u"https://service.powerapps.com/.default"_s)
                     ->post(bap + u"/listPackageResources?"_s + kVersion, ask)
                     .status,
                 403);
        QCOMPARE(
            maker
                ->post(bap + u"/listPackageResources?"_s + kVersion,
                       QJsonObject{{u"baseResourceIds"_s, QJsonArray{u"/providers/Microsoft.Web/sites/x"_s}}})
                .status,
            400);

        const QJsonObject request{{u"includedResourceIds"_s, QJsonArray{flowId}},
                                  {u"details"_s, QJsonObject{{u"displayName"_s, u"Ops package"_s}}},
                                  {u"resources"_s, resources}};
        const auto exported = maker->post(bap + u"/exportPackage?"_s + kVersion, request);
        QCOMPARE(exported.status, 200);
        const QString link = exported.json().value("packageLink"_L1).toObject().value("value"_L1).toString();
        QVERIFY2(link.startsWith(m_emu->baseUrl().toString()) && link.contains("Ops_package_"_L1) &&
                     link.contains(".zip?"_L1),
                 qPrintable(link));
        const auto download = send("GET", link, {}); // anonymous, as blob storage links are
        QCOMPARE(download.status, 200);
        // Every entry whole (stored, CRC-32 right), and the flow's definition in it.
        QMap<QString, QByteArray> entries;
        const QByteArray zip = download.body;
        const auto u16 = [&zip](qsizetype at) {
            return quint32(quint8(zip.at(at))) | quint32(quint8(zip.at(at + 1))) << 8;
        };
        const auto u32 = [&u16](qsizetype at) { return u16(at) | u16(at + 2) << 16; };
        qsizetype at = 0;
        while (at + 30 <= zip.size() && u32(at) == 0x04034b50) {
            const quint32 crc = u32(at + 14), size = u32(at + 18);
            const qsizetype nameLength = u16(at + 26), extra = u16(at + 28);
            QCOMPARE(u16(at + 8), 0u); // stored
            const QString name = QString::fromUtf8(zip.mid(at + 30, nameLength));
            const QByteArray content = zip.mid(at + 30 + nameLength + extra, size);
            QCOMPARE(fc::emu::ZipWriter::crc32(content), crc);
            entries.insert(name, content);
            at += 30 + nameLength + extra + size;
        }
        QCOMPARE(u32(at), 0x02014b50u); // the central directory follows the entries
        const QString key = resourceKeyOf(resources, flowId);
        QVERIFY(entries.contains(u"manifest.json"_s));
        QVERIFY(entries.contains(u"Microsoft.Flow/flows/manifest.json"_s));
        const QJsonObject manifest = QJsonDocument::fromJson(entries.value(u"manifest.json"_s)).object();
        QCOMPARE(manifest.value("details"_L1).toObject().value("displayName"_L1).toString(),
                 u"Ops package"_s);
        QCOMPARE(manifest.value("resources"_L1).toObject().keys(), resources.keys());
        const QJsonObject definition =
            QJsonDocument::fromJson(entries.value(u"Microsoft.Flow/flows/"_s + key + u"/definition.json"_s))
                .object();
        QCOMPARE(props(definition).value("displayName"_L1).toString(), u"Log operations requests"_s);
        QCOMPARE(props(definition).value("definition"_L1).toObject(),
                 props(*m_emu->flowJson(m_env, flow)).value("definition"_L1).toObject());
        QCOMPARE(QJsonDocument::fromJson(entries.value(u"Microsoft.Flow/flows/"_s + key + u"/apisMap.json"_s))
                     .object()
                     .size(),
                 2);
        // A link that was tampered with is refused; called by name, the link is on blob storage.
        QCOMPARE(send("GET", QString(link).replace(u"sig="_s, u"sig=A"_s), {}).status, 403);
        const auto byName = send(
            "POST", bap + u"/exportPackage?"_s + kVersion,
            m_emu->accessToken(u"adele.vance@contoso.example"_s, u"https://service.powerapps.com/.default"_s),
            {{"Host", "api.bap.microsoft.com"},
             {"X-Forwarded-Proto", "https"},
             {"Content-Type", "application/json"}},
            QJsonDocument(request).toJson());
        QCOMPARE(byName.status, 200);
        const QUrl blob(QJsonDocument::fromJson(byName.body)
                            .object()
                            .value("packageLink"_L1)
                            .toObject()
                            .value("value"_L1)
                            .toString());
        QCOMPARE(blob.host(), u"bapfeblobprodam.blob.core.windows.net"_s);
        QCOMPARE(
            send("GET", blob.path(QUrl::FullyEncoded) + u'?' + blob.query(QUrl::FullyEncoded), {}).status,
            200);
    }
    static QString resourceKeyOf(const QJsonObject &resources, const QString &id)
    {
        for (auto it = resources.begin(); it != resources.end(); ++it)
            if (it.value().toObject().value("id"_L1).toString() == id)
                return it.key();
        return {};
    }

    // 4. A deleted flow stays 21 days in the admin's recycle bin and can be restored.
    void softDeleteAndRestore()
    {
        const QString bin =
            adminListPath(m_env) + u"?"_s + kVersion + u"&include=softDeletedFlows&$top=250"_s;
        const auto listed = m_admin->get(bin);
        QCOMPARE(listed.status, 200);
        QHash<QString, QString> stateOf;
        for (const QJsonValue &v : listed.value())
            stateOf.insert(props(v.toObject()).value("displayName"_L1).toString(),
                           props(v.toObject()).value("state"_L1).toString());
        for (const QString &name : {u"Old expense tracker"_s, u"Legacy newsletter"_s, u"Temp import job"_s})
            QCOMPARE(stateOf.value(name), u"Deleted"_s);
        QVERIFY(!stateOf.contains(u"Retired survey flow"_s)); // deleted 25 days ago: gone for good
        QCOMPARE(stateOf.value(u"Log operations requests"_s), u"Started"_s);
        // Without include, and in the user scope, deleted flows are not there.
        const auto plain = m_admin->get(adminListPath(m_env) + u"?$top=250&"_s + kVersion);
        QCOMPARE(plain.value().size(), m_emu->flowNames(m_env).size());
        const auto deletedStates = std::count(stateOf.cbegin(), stateOf.cend(), u"Deleted"_s);
        QVERIFY(deletedStates >= 3);
        QCOMPARE(listed.value().size(), plain.value().size() + deletedStates);
        const auto seeded = m_emu->flowDeletion(m_env, seededFlow(u"Temp import job"_s));
        QVERIFY(seeded);
        QCOMPARE(seeded->deletedBy, userId(u"diego.siciliani"_s));

        // Delete one: who and when are kept; restore brings it back turned off, with its owners and runs.
        const QString flow = createFlow(*m_adele, u"Soft delete test"_s);
        m_emu->startRun(m_env, flow);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(m_adele->del(flowPath(m_env, flow) + u"?"_s + kVersion).status, 200);
        const auto deletion = m_emu->flowDeletion(m_env, flow);
        QVERIFY(deletion);
        QCOMPARE(deletion->deletedBy, m_emu->userId(m_emu->demoUserUpn()));
        QVERIFY(deletion->deletedMs >= before && deletion->deletedMs <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!m_emu->flowNames(m_env).contains(flow));
        bool inBin = false;
        for (const QJsonValue &v : m_admin->get(bin).value())
            inBin = inBin || (v.toObject().value("name"_L1).toString() == flow &&
                              props(v.toObject()).value("state"_L1).toString() == "Deleted"_L1);
        QVERIFY(inBin);
        QCOMPARE(m_adele->get(flowPath(m_env, flow)).status, 403);

        QCOMPARE(m_adele->send("POST", adminFlowPath(m_env, flow) + u"/restore?"_s + kVersion).status, 403);
        QCOMPARE(m_admin->send("POST", adminFlowPath(m_env, flow) + u"/restore?"_s + kVersion).status, 200);
        QVERIFY(!m_emu->flowDeletion(m_env, flow));
        QCOMPARE(props(*m_emu->flowJson(m_env, flow)).value("state"_L1).toString(), u"Stopped"_s);
        QCOMPARE(m_adele->get(flowPath(m_env, flow)).status, 200);
        QCOMPARE(m_emu->runCount(m_env, flow), 1);
        // Nothing to restore: a flow that is not deleted, one that never was, one past 21 days.
        QCOMPARE(m_admin->send("POST", adminFlowPath(m_env, flow) + u"/restore?"_s + kVersion).status, 409);
        QCOMPARE(
            m_admin->send("POST", adminFlowPath(m_env, u"no-such-flow"_s) + u"/restore?"_s + kVersion).status,
            404);
        QCOMPARE(m_admin
                     ->send("POST", adminFlowPath(m_env, seededFlow(u"Retired survey flow"_s)) +
                                        u"/restore?"_s + kVersion)
                     .status,
                 404);
        // A seeded one comes back too.
        const QString legacy = seededFlow(u"Legacy newsletter"_s);
        QCOMPARE(m_admin->send("POST", adminFlowPath(m_env, legacy) + u"/restore?"_s + kVersion).status, 200);
        QVERIFY(m_emu->flowNames(m_env).contains(legacy));
    }

    // 5. Graph: eq and in filters, accountEnabled, and what makes a flow orphaned.
    void graphEqualityFiltersAndOrphans()
    {
        auto graph = clientFor(m_emu->demoUserUpn(), kGraphScope);
        const auto byUpn = graph->get(
            u"/v1.0/users?$filter=userPrincipalName%20eq%20'james.miller%40contoso.example'&$select=Id"_s);
        QCOMPARE(byUpn.status, 200);
        QCOMPARE(byUpn.value().size(), 1);
        QCOMPARE(byUpn.value().first().toObject(), (QJsonObject{{u"id"_s, userId(u"james.miller"_s)}}));
        QCOMPARE(
            graph->get(u"/v1.0/users?$filter=mail%20eq%20'JANE.SMITH%40contoso.example'"_s).value().size(),
            1);
        QCOMPARE(graph->get(u"/v1.0/users?$filter=id%20eq%20'"_s + userId(u"megan.bowen"_s) + u"'"_s)
                     .value()
                     .first()
                     .toObject()
                     .value("displayName"_L1)
                     .toString(),
                 u"Megan Bowen"_s);
        const auto group =
            graph->get(u"/v1.0/groups?$filter=displayName%20eq%20'Finance%20Automation'&$select=id"_s);
        QCOMPARE(group.status, 200);
        QCOMPARE(group.value().size(), 1);
        QCOMPARE(group.value().first().toObject().value("id"_L1).toString(),
                 m_emu->groupId(u"Finance Automation"_s));
        const auto pair = graph->get(u"/v1.0/users?$filter=id%20in%20('"_s + userId(u"james.miller"_s) +
                                     u"','"_s + userId(u"jane.smith"_s) + u"')"_s);
        QCOMPARE(pair.status, 200);
        QCOMPARE(pair.value().size(), 2);
        QString sixteen;
        for (int i = 0; i < 16; ++i)
            sixteen += (i ? u","_s : QString()) + u"'x"_s + QString::number(i) + u"'"_s;
        QCOMPARE(graph->get(u"/v1.0/users?$filter=id%20in%20("_s + sixteen + u")"_s).status, 400);
        QCOMPARE(graph->get(u"/v1.0/users?$filter=userPrincipalName%20eq%20'unterminated"_s).status, 400);
        // Disabled accounts are there, with accountEnabled false; deleted ones are not.
        const auto alex =
            graph->get(u"/v1.0/users?$filter=userPrincipalName%20eq%20'alex.wilber%40contoso.example'"_s);
        QCOMPARE(alex.value().size(), 1);
        QCOMPARE(alex.value().first().toObject().value("accountEnabled"_L1), QJsonValue(false));
        QCOMPARE(graph->get(u"/v1.0/users/"_s + userId(u"james.miller"_s)).json().value("accountEnabled"_L1),
                 QJsonValue(true));
        QCOMPARE(graph->get(u"/v1.0/users?$filter=accountEnabled%20eq%20false"_s).value().size(), 2);
        QCOMPARE(
            graph->get(u"/v1.0/users?$filter=userPrincipalName%20eq%20'pradeep.gupta%40contoso.example'"_s)
                .value()
                .size(),
            0);

        // Orphaned flows, found the way an admin tool finds them: every flow's owners, looked up
        // in Graph 15 at a time; a flow whose owners are all disabled or gone is orphaned.
        const auto flows = m_admin->get(adminListPath(m_env) + u"?$top=250&"_s + kVersion);
        QCOMPARE(flows.status, 200);
        QHash<QString, QStringList> ownersOf;
        QSet<QString> principals;
        for (const QJsonValue &v : flows.value()) {
            const QString flow = v.toObject().value("name"_L1).toString();
            const auto permissions = m_admin->get(adminFlowPath(m_env, flow) + u"/permissions?"_s + kVersion);
            QCOMPARE(permissions.status, 200);
            for (const QJsonValue &p : permissions.value()) {
                const QJsonObject principal = props(p.toObject()).value("principal"_L1).toObject();
                const QString id = principal.value("type"_L1).toString() == "Group"_L1
                                       ? u"group:"_s + principal.value("id"_L1).toString()
                                       : principal.value("id"_L1).toString();
                ownersOf[flow].append(id);
                if (!id.startsWith("group:"_L1))
                    principals.insert(id);
            }
        }
        QSet<QString> active;
        const QStringList ids(principals.cbegin(), principals.cend());
        for (qsizetype i = 0; i < ids.size(); i += 15) {
            QStringList quoted;
            for (const QString &id : ids.mid(i, 15))
                quoted.append(u"'"_s + id + u"'"_s);
            const auto found = graph->get(u"/v1.0/users?$select=id,accountEnabled&$filter=id%20in%20("_s +
                                          quoted.join(u',') + u")"_s);
            QCOMPARE(found.status, 200);
            for (const QJsonValue &u : found.value())
                if (u.toObject().value("accountEnabled"_L1).toBool())
                    active.insert(u.toObject().value("id"_L1).toString());
        }
        QStringList orphaned;
        for (auto it = ownersOf.cbegin(); it != ownersOf.cend(); ++it) {
            bool owned = false;
            for (const QString &id : it.value())
                owned = owned || id.startsWith("group:"_L1) || active.contains(id);
            if (!owned)
                orphaned.append(it.key());
        }
        QVERIFY2(orphaned.size() >= 5, qPrintable(orphaned.join(u", "_s)));
        for (const QString &name :
             {u"Quarterly sales forecast"_s, u"Lead assignment"_s, u"Partner portal intake"_s,
              u"Contract renewal reminder"_s, u"Warehouse stock sync"_s})
            QVERIFY2(orphaned.contains(seededFlow(name)), qPrintable(name));
    }

    // 6. The PowerApps host lists an environment's custom connectors.
    void customConnectors()
    {
        auto powerApps = clientFor(m_emu->demoUserUpn(), kPowerAppsScope);
        const auto filtered = [&](const QString &env, const QString &extra) {
            return powerApps->get(
                u"/providers/Microsoft.PowerApps/apis?api-version=2016-11-01&$filter=environment%20eq%20'"_s +
                enc(env) + u"'"_s + extra);
        };
        const auto custom = filtered(m_env, u"%20and%20IsCustomApi%20eq%20'True'"_s);
        QCOMPARE(custom.status, 200);
        QSet<QString> names;
        for (const QJsonValue &v : custom.value()) {
            QVERIFY(props(v.toObject()).value("isCustomApi"_L1).toBool());
            names.insert(v.toObject().value("name"_L1).toString());
        }
        QCOMPARE(names,
                 (QSet<QString>{u"shared_contoso-inventory-5f2e"_s, u"shared_contoso-ticketing-7a1c"_s}));
        // Each environment has its own.
        const QString production = m_emu->environmentNames().at(1);
        const auto other = filtered(production, u"%20and%20IsCustomApi%20eq%20'True'"_s);
        QCOMPARE(other.value().size(), 1);
        QCOMPARE(other.value().first().toObject().value("name"_L1).toString(), u"shared_contoso-erp-3b9d"_s);
        QCOMPARE(
            powerApps
                ->get(
                    u"/providers/Microsoft.PowerApps/apis/shared_contoso-erp-3b9d?$filter=environment%20eq%20'"_s +
                    enc(m_env) + u"'"_s)
                .status,
            404);
        // The other way round, and in either order.
        const auto shared = filtered(m_env, u"%20and%20IsCustomApi%20eq%20'False'"_s);
        QCOMPARE(shared.value().size(), 9);
        QCOMPARE(
            powerApps
                ->get(
                    u"/providers/Microsoft.PowerApps/apis?$filter=IsCustomApi%20eq%20'True'%20and%20environment%20eq%20'"_s +
                    enc(m_env) + u"'"_s)
                .value()
                .size(),
            2);
        QCOMPARE(filtered(m_env, u"%20and%20tier%20eq%20'Premium'"_s).status, 400);
    }

    // 7. nextLink points back at the origin the client called.
    void nextLinkOnRequestHost()
    {
        const QByteArray token = m_emu->accessToken(m_emu->demoUserUpn());
        const QString first = envPath(m_env) + u"/flows?$top=2&"_s + kVersion;
        const auto viaProxy =
            send("GET", first, token, {{"Host", "api.flow.microsoft.com"}, {"X-Forwarded-Proto", "https"}});
        QCOMPARE(viaProxy.status, 200);
        const QString next = viaProxy.json().value("nextLink"_L1).toString();
        QVERIFY2(next.startsWith(
                     u"https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/environments/"_s),
                 qPrintable(next));
        // The same request by another name (the answer is cached per origin, not shared).
        const auto byName = send("GET", first, token, {{"Host", "flowconsole.test:8080"}});
        QVERIFY2(byName.json().value("nextLink"_L1).toString().startsWith(u"http://flowconsole.test:8080/"_s),
                 byName.body.constData());
        // Directly: the emulator's own base.
        QVERIFY(m_adele->get(first)
                    .json()
                    .value("nextLink"_L1)
                    .toString()
                    .startsWith(m_emu->baseUrl().toString()));
        // The link leads to the next page wherever that name points.
        const auto second = send("GET", onEmulator(next), token,
                                 {{"Host", "api.flow.microsoft.com"}, {"X-Forwarded-Proto", "https"}});
        QCOMPARE(second.status, 200);
        QCOMPARE(second.value().size(), 2);
        QVERIFY(second.value().first().toObject().value("name"_L1) !=
                viaProxy.value().first().toObject().value("name"_L1));
        // Runs pages too.
        const auto runs = send(
            "GET", flowPath(m_env, seededFlow(u"Log operations requests"_s)) + u"/runs?$top=5&"_s + kVersion,
            token, {{"Host", "api.flow.microsoft.com"}, {"X-Forwarded-Proto", "https"}});
        QVERIFY(runs.json().value("nextLink"_L1).toString().startsWith(u"https://api.flow.microsoft.com/"_s));
        // A Host that is not a host name is not copied into links.
        const auto odd = send("GET", first, token, {{"Host", "evil\"host/x"}});
        QVERIFY(odd.status != 200 ||
                odd.json().value("nextLink"_L1).toString().startsWith(m_emu->baseUrl().toString()));
    }

    // 8. modifyPermissions keeps the role it is given.
    void modifyPermissionsKeepsTheRole()
    {
        const QString flow = createFlow(*m_adele, u"Roles test"_s);
        const QString james = userId(u"james.miller"_s);
        const auto put = [&](const QString &role) {
            return m_adele->post(
                flowPath(m_env, flow) + u"/modifyPermissions?"_s + kVersion,
                QJsonObject{
                    {u"put"_s,
                     QJsonArray{QJsonObject{
                         {u"properties"_s,
                          QJsonObject{{u"principal"_s, QJsonObject{{u"id"_s, james}, {u"type"_s, u"User"_s}}},
                                      {u"roleName"_s, role}}}}}}});
        };
        const auto roleOf = [&](const QString &id) {
            for (const QJsonValue &v :
                 m_adele->get(flowPath(m_env, flow) + u"/permissions?"_s + kVersion).value())
                if (props(v.toObject()).value("principal"_L1).toObject().value("id"_L1).toString() == id)
                    return props(v.toObject()).value("roleName"_L1).toString();
            return QString();
        };
        QCOMPARE(put(u"CanView"_s).status, 200);
        QCOMPARE(roleOf(james), u"CanView"_s);
        QCOMPARE(roleOf(m_emu->userId(m_emu->demoUserUpn())), u"Owner"_s);
        auto jamesClient = clientFor(u"james.miller@contoso.example"_s);
        QCOMPARE(jamesClient->get(flowPath(m_env, flow)).status, 200); // a viewer reads
        QCOMPARE(jamesClient
                     ->patch(flowPath(m_env, flow),
                             QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, u"x"_s}}}})
                     .status,
                 403); // but does not change
        QCOMPARE(put(u"CanEdit"_s).status, 200);
        QCOMPARE(roleOf(james), u"CanEdit"_s);
        QCOMPARE(jamesClient
                     ->patch(flowPath(m_env, flow),
                             QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, u"x"_s}}}})
                     .status,
                 200);
        QCOMPARE(put(u"CanFly"_s).status, 400);
        QCOMPARE(roleOf(james), u"CanEdit"_s);
    }

    // 9. In the user scope an administrator gets no more than anyone else.
    void userScopeRefusesAdmins()
    {
        const QString adeles = seededFlow(u"Log operations requests"_s);
        QVERIFY(!m_emu->flowsOwnedBy(m_emu->adminUserUpn(), m_env).contains(adeles));
        const auto user = m_admin->get(flowPath(m_env, adeles) + u"?"_s + kVersion);
        QCOMPARE(user.status, 403);
        QCOMPARE(user.errorCode(), u"ConnectionAuthorizationFailed"_s);
        QCOMPARE(m_admin->get(flowPath(m_env, adeles) + u"/runs?"_s + kVersion).status, 403);
        QCOMPARE(m_admin->get(adminFlowPath(m_env, adeles) + u"?"_s + kVersion).status, 200);
        // The admin's own list in the user scope holds only what the admin owns.
        const auto own = m_admin->get(envPath(m_env) + u"/flows?"_s + kVersion);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.value().size(), m_emu->flowsOwnedBy(m_emu->adminUserUpn(), m_env).size());
    }

    // 10. Errors as the live service words them.
    void liveErrorWording()
    {
        const auto env = m_adele->get(envPath(u"no-such-environment"_s) + u"/flows?"_s + kVersion);
        QCOMPARE(env.status, 403);
        QCOMPARE(env.errorCode(), u"EnvironmentAccessDenied"_s);
        QCOMPARE(errorMessage(env), u"Access to the environment 'no-such-environment' is denied."_s);
        // An environment the caller may not use answers the same.
        const auto closed = clientFor(u"lidia.holloway@contoso.example"_s)
                                ->get(envPath(m_emu->environmentNames().at(1)) + u"/flows?"_s + kVersion);
        QCOMPARE(closed.status, 403);
        QCOMPARE(errorMessage(closed), QString(u"Access to the environment '"_s +
                                               m_emu->environmentNames().at(1) + u"' is denied."_s));

        const QString flow = u"3989cb59-ce1a-4a5c-bb78-257c5c39381d"_s;
        const auto unknown = m_adele->get(flowPath(m_env, flow) + u"?"_s + kVersion);
        QCOMPARE(unknown.status, 403);
        QCOMPARE(unknown.errorCode(), u"ConnectionAuthorizationFailed"_s);
        QCOMPARE(errorMessage(unknown),
                 QString(u"The caller with object id '"_s + m_emu->userId(m_emu->demoUserUpn()) +
                         u"' does not have permission for connection '"_s + flow +
                         u"' under Api 'shared_logicflows'."_s));
        QCOMPARE(m_adele->get(flowPath(m_env, flow) + u"/runs?"_s + kVersion).errorCode(),
                 u"ConnectionAuthorizationFailed"_s);

        const QString own = seededFlow(u"Log operations requests"_s);
        const QString run = u"08585329112602833828909892130CU17"_s;
        const auto noRun = m_adele->get(runPath(m_env, own, run) + u"?"_s + kVersion);
        QCOMPARE(noRun.status, 404);
        QCOMPARE(noRun.errorCode(), u"WorkflowRunNotFound"_s);
        QCOMPARE(errorMessage(noRun),
                 QString(u"The workflow '"_s + own + u"' run '"_s + run + u"' could not be found."_s));
        QCOMPARE(m_adele->send("POST", runPath(m_env, own, run) + u"/cancel?"_s + kVersion).errorCode(),
                 u"WorkflowRunNotFound"_s);

        // DELETE of a flow that does not exist: 204, no error.
        const auto deleted = m_adele->del(flowPath(m_env, flow) + u"?"_s + kVersion);
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        // The admin scope names a missing flow.
        const auto adminMissing = m_admin->get(adminFlowPath(m_env, flow) + u"?"_s + kVersion);
        QCOMPARE(adminMissing.status, 404);
        QCOMPARE(adminMissing.errorCode(), u"FlowNotFound"_s);
        QCOMPARE(errorMessage(adminMissing), QString(u"Could not find flow '"_s + flow + u"'."_s));
    }
};

QTEST_GUILESS_MAIN(TstEmulatorFidelity)
#include "tst_emulator_fidelity.moc"
