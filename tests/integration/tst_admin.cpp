// The administrator's work against the emulator over real HTTP: every flow through the admin
// scope, orphaned flows found and rescued in bulk (also under throttling and dropped
// connections), the recycle bin, and a non-administrator who is refused once and never again.

#include "EmulatorSession.h"

#include "AdminFlowsModel.h"
#include "RecycleBinModel.h"
#include "ops/BulkEngine.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {

std::unique_ptr<test::EmulatorSession> startAs(const QString &seed, bool admin)
{
    emu::EmulatorOptions options;
    options.seed = seed;
    auto s = std::make_unique<test::EmulatorSession>();
    s->emulator = std::make_unique<emu::Emulator>(options);
    if (!s->emulator->start())
        return nullptr;
    s->session = std::make_unique<Session>();
    if (s->session->setProfile(test::emulatorProfile(*s->emulator, Dialect::Live, u"Admin tests"_s)))
        return nullptr;
    const QString upn = admin ? s->emulator->adminUserUpn() : s->emulator->demoUserUpn();
    if (!test::signIn(*s->session, upn))
        return nullptr;
    return s;
}

QList<BulkItem> addOwnerItems(const QStringList &flows, const QString &env, const QString &principal)
{
    QList<BulkItem> items;
    for (const QString &flow : flows) {
        BulkItem item;
        item.action = BulkAction::AddOwner;
        item.env = env;
        item.flow = flow;
        item.label = flow;
        item.principalId = principal;
        item.principalType = PrincipalType::User;
        item.scope = Scope::Admin;
        items.append(item);
    }
    return items;
}

bool loadAll(AdminFlowsModel &model, const QString &env, int timeoutMs)
{
    model.load(env);
    return QTest::qWaitFor([&] { return !model.isBusy(); }, timeoutMs);
}

} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT
private slots:
    void nonAdministratorIsRefusedOnceAndNeverAsksAgain();
    void orphanedFlowsAreTheEmulatorsOrphanedSet();
    void coOwnerRescuesEveryOrphanedFlow();
    void recycleBinListsAndRestores();
    void rescueUnderThrottlingAndDropsAddsEachOwnerOnce();
    void specDialectHasNoAdminScope();
};

void TestAdmin::nonAdministratorIsRefusedOnceAndNeverAsksAgain()
{
    auto s = startAs(u"demo"_s, false);
    QVERIFY(s);
    ApiClient *client = s->session->client();
    const QString env = s->emulator->defaultEnvironmentName();
    QSignalSpy verdict(client, &ApiClient::adminAccessChanged);
    auto first =
        test::await<Page<Flow>>([&](auto cb) { client->listAllFlows(env, false, s->session.get(), cb); });
    QVERIFY(first && !first->ok());
    QCOMPARE(first->error().httpStatus, 403);
    QCOMPARE(client->adminAccess(), ApiClient::AdminAccess::Denied);
    QCOMPARE(verdict.size(), 1);

    // Nothing more leaves for the admin scope: refused here, with no HTTP status.
    const quint64 sentBefore = client->transport()->requestsSent();
    auto second = test::await<Page<FlowOwner>>([&](auto cb) {
        client->adminScope()->listOwners(env, s->emulator->firstOwnedFlow(s->emulator->demoUserUpn()),
                                         s->session.get(), cb);
    });
    QVERIFY(second && !second->ok());
    QCOMPARE(second->error().kind, ApiError::Kind::Refused);
    QCOMPARE(second->error().httpStatus, 0);
    QCOMPARE(client->transport()->requestsSent(), sentBefore);

    // The user scope still works.
    auto mine = test::await<Page<Flow>>([&](auto cb) { client->listFlows(env, s->session.get(), cb); });
    QVERIFY(mine && mine->ok());
    QVERIFY(!mine->value().items.isEmpty());
}

void TestAdmin::orphanedFlowsAreTheEmulatorsOrphanedSet()
{
    auto s = startAs(u"demo"_s, true);
    QVERIFY(s);
    const QString env = s->emulator->defaultEnvironmentName();
    AdminFlowsModel model(s->session->client());
    QSignalSpy failed(&model, &AdminFlowsModel::loadFailed);
    QVERIFY(loadAll(model, env, 30000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(s->session->client()->adminAccess(), ApiClient::AdminAccess::Granted);
    // Every flow of the environment, not only the administrator's own.
    QCOMPARE(model.rowCount(), s->emulator->flowNames(env).size());
    QVERIFY(model.rowCount() > s->emulator->flowsOwnedBy(s->emulator->adminUserUpn(), env).size());

    QStringList found = model.orphanedFlowNames();
    found.sort();
    const QStringList expected = s->emulator->orphanedFlowNames(env);
    QVERIFY(expected.size() >= 5);
    QCOMPARE(found, expected);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.ownerCheck(row) != AdminFlowsModel::OwnerCheck::Pending);

    // The CSV holds every flow and says which have no valid owner.
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    QVERIFY(model.writeCsv(csv));
    const QList<QByteArray> lines = csv.data().split('\n');
    QCOMPARE(lines.size() - 2, model.rowCount()); // header and the empty tail after the last \r\n
    QCOMPARE(csv.data().count("No valid owner"), expected.size());
}

void TestAdmin::coOwnerRescuesEveryOrphanedFlow()
{
    auto s = startAs(u"demo"_s, true);
    QVERIFY(s);
    const QString env = s->emulator->defaultEnvironmentName();
    const QStringList orphaned = s->emulator->orphanedFlowNames(env);
    QVERIFY(!orphaned.isEmpty());
    const QString rescuer = s->emulator->userId(s->emulator->adminUserUpn());

    BulkEngine engine(s->session->client(), nullptr, u"Add co-owner"_s,
                      addOwnerItems(orphaned, env, rescuer));
    QSignalSpy finished(&engine, &BulkEngine::finished);
    engine.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(engine.counts().succeeded, orphaned.size());

    for (const QString &flow : orphaned)
        QCOMPARE(s->emulator->flowOwnerIds(env, flow).count(rescuer), 1);
    QVERIFY(s->emulator->orphanedFlowNames(env).isEmpty());

    // And the model, read again, agrees.
    AdminFlowsModel model(s->session->client());
    QVERIFY(loadAll(model, env, 30000));
    QCOMPARE(model.orphanedCount(), 0);
}

void TestAdmin::recycleBinListsAndRestores()
{
    auto s = startAs(u"demo"_s, true);
    QVERIFY(s);
    const QString env = s->emulator->defaultEnvironmentName();
    RecycleBinModel bin(s->session->client());
    QSignalSpy loaded(&bin, &RecycleBinModel::loaded);
    bin.load(env);
    QVERIFY(loaded.wait(15000));
    QStringList listed;
    for (int row = 0; row < bin.rowCount(); ++row)
        listed << bin.flowAt(row).name;
    listed.sort();
    QStringList expected = s->emulator->softDeletedFlowNames(env);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(listed, expected);

    // Restore one: it is back, turned off, in its creator's own list.
    const QString flow = expected.first();
    const auto deletion = s->emulator->flowDeletion(env, flow);
    QVERIFY(deletion);
    BulkItem item;
    item.action = BulkAction::RestoreFlow;
    item.env = env;
    item.flow = flow;
    item.scope = Scope::Admin;
    BulkEngine engine(s->session->client(), nullptr, u"Restore"_s, {item, item});
    QSignalSpy finished(&engine, &BulkEngine::finished);
    engine.start();
    QVERIFY(finished.wait(15000));
    // The second restore of the same flow finds it restored already: skipped, not failed.
    QCOMPARE(engine.counts().succeeded + engine.counts().skipped, 2);
    QCOMPARE(engine.counts().failed, 0);
    QVERIFY(!s->emulator->softDeletedFlowNames(env).contains(flow));
    QVERIFY(s->emulator->flowNames(env).contains(flow));

    const auto creatorFlow = s->emulator->flowJson(env, flow);
    QVERIFY(creatorFlow);
    const QString creator = creatorFlow->value("properties"_L1)
                                .toObject()
                                .value("creator"_L1)
                                .toObject()
                                .value("objectId"_L1)
                                .toString();
    QString creatorUpn;
    for (const QString &upn : s->emulator->userPrincipalNames()) {
        if (s->emulator->userId(upn) == creator)
            creatorUpn = upn;
    }
    QVERIFY(!creatorUpn.isEmpty());
    QVERIFY(s->emulator->flowsOwnedBy(creatorUpn, env).contains(flow));
}

void TestAdmin::rescueUnderThrottlingAndDropsAddsEachOwnerOnce()
{
    auto s = startAs(u"admin:1000:1000"_s, true);
    QVERIFY(s);
    const QString env = emu::Emulator::adminScaleEnvironmentName();
    const QStringList orphaned = s->emulator->orphanedFlowNames(env);
    QCOMPARE(orphaned.size(), 1000);
    const QString rescuer = s->emulator->userId(s->emulator->adminUserUpn());

    emu::Faults faults;
    faults.throttleRate = 0.10;
    faults.dropRate = 0.02;
    s->emulator->setFaults(faults);
    BulkEngine engine(s->session->client(), nullptr, u"Add co-owner"_s,
                      addOwnerItems(orphaned, env, rescuer));
    QSignalSpy finished(&engine, &BulkEngine::finished);
    engine.start();
    QVERIFY(finished.wait(240000));
    s->emulator->setFaults({});
    QCOMPARE(engine.counts().failed, 0);
    QCOMPARE(engine.counts().succeeded, 1000);

    int missed = 0, twice = 0;
    for (const QString &flow : orphaned) {
        const int n = static_cast<int>(s->emulator->flowOwnerIds(env, flow).count(rescuer));
        missed += n == 0 ? 1 : 0;
        twice += n > 1 ? 1 : 0;
    }
    QCOMPARE(missed, 0);
    QCOMPARE(twice, 0);
    QVERIFY(s->emulator->orphanedFlowNames(env).isEmpty());
}

void TestAdmin::specDialectHasNoAdminScope()
{
    emu::EmulatorOptions options;
    auto s = test::startEmulatorSession(options, Dialect::Spec, u"Spec admin"_s);
    QVERIFY(s);
    auto result = test::await<Page<Flow>>([&](auto cb) {
        s->session->client()->listAllFlows(s->emulator->defaultEnvironmentName(), false, s->session.get(),
                                           cb);
    });
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Unsupported);
}

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
