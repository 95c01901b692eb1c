#include "SignedInSession.h"

#include "auth/AuthSession.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::Literals::StringLiterals;
using namespace fc;
using fc::test::await;

// fc_core against the emulator over real HTTP on loopback, in both dialects.
class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyOperation_data();
    void everyOperation();
    void pagingFollowsNextLink_data();
    void pagingFollowsNextLink();
    void expiredTokenIsRefreshedWithoutTheCallerNoticing();
    void threeHostsRefreshingAtOnceKeepTheSession();
    void stalledTokenRefreshTimesOutAndTheSessionGoesOn();
    void throttleStormLosesNothingAndDuplicatesNothing();
    void droppedConnectionsGiveClearErrors();
    void stallTimesOut();
    void malformedBodiesGiveParseErrors();
    void offOriginNextLinkIsRefusedWithoutSending();
    void profileValidationRefusesPlainHttp();
    void unknownNamesGiveServiceErrors();
    void recordingTheAccountKeepsTheSession();
    void cancelledCallsAnswerOnce();

private:
    std::unique_ptr<Session> newSession(Dialect dialect, emu::Emulator *emulator = nullptr);
    QString defaultEnvironment(Session &session);
    QList<FlowRun> allRuns(Session &session, const QString &env, const QString &flow);

    std::unique_ptr<emu::Emulator> m_emulator;
};

void TestApiClient::initTestCase()
{
    emu::EmulatorOptions options;
    options.seed = u"demo"_s;
    options.runDurationMs = 60000; // runs stay Running long enough to be cancelled
    m_emulator = std::make_unique<emu::Emulator>(options);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
}

std::unique_ptr<Session> TestApiClient::newSession(Dialect dialect, emu::Emulator *emulator)
{
    emu::Emulator *target = emulator ? emulator : m_emulator.get();
    auto session = std::make_unique<Session>();
    const auto refused = session->setProfile(test::emulatorProfile(*target, dialect));
    if (refused) {
        qWarning() << *refused;
        return nullptr;
    }
    RetryPolicy fast;
    fast.baseBackoff = std::chrono::milliseconds(20);
    fast.maxRetryAfter = std::chrono::milliseconds(2000);
    session->client()->transport()->setRetryPolicy(fast);
    if (!test::signIn(*session, target->demoUserUpn()))
        return nullptr;
    return session;
}

QString TestApiClient::defaultEnvironment(Session &session)
{
    auto envs = await<Page<Environment>>([&](auto cb) { session.client()->listEnvironments(this, cb); });
    if (!envs || !envs->ok())
        return {};
    for (const Environment &env : envs->value().items) {
        if (env.isDefault)
            return env.name;
    }
    return {};
}

QList<FlowRun> TestApiClient::allRuns(Session &session, const QString &env, const QString &flow)
{
    QList<FlowRun> runs;
    QString next;
    do {
        RunQuery query;
        query.top = 250;
        auto page = await<Page<FlowRun>>(
            [&](auto cb) { session.client()->listRuns(env, flow, query, this, cb, next); });
        if (!page || !page->ok())
            return {};
        runs += page->value().items;
        next = page->value().nextLink;
    } while (!next.isEmpty());
    return runs;
}

void TestApiClient::everyOperation_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::newRow("spec") << Dialect::Spec;
    QTest::newRow("live") << Dialect::Live;
}

void TestApiClient::everyOperation()
{
    QFETCH(Dialect, dialect);
    auto session = newSession(dialect);
    QVERIFY(session);
    ApiClient *client = session->client();

    // Environments
    auto envs = await<Page<Environment>>([&](auto cb) { client->listEnvironments(this, cb); });
    QVERIFY(envs && envs->ok());
    QVERIFY(envs->value().items.size() >= 3);
    const QString env = defaultEnvironment(*session);
    QVERIFY(!env.isEmpty());
    if (dialect == Dialect::Live) {
        auto one = await<Environment>([&](auto cb) { client->getEnvironment(env, this, cb); });
        QVERIFY(one && one->ok());
        QCOMPARE(one->value().name, env);
    }

    // Create, read, update, turn off and on
    const QJsonObject definition{
        {u"$schema"_s,
         u"https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#"_s},
        {u"contentVersion"_s, u"1.0.0.0"_s},
        {u"triggers"_s,
         QJsonObject{{u"manual"_s, QJsonObject{{u"type"_s, u"Request"_s}, {u"kind"_s, u"Button"_s}}}}},
        {u"actions"_s, QJsonObject{{u"Compose"_s, QJsonObject{{u"type"_s, u"Compose"_s},
                                                              {u"runAfter"_s, QJsonObject{}},
                                                              {u"inputs"_s, u"hello"_s}}}}}};
    const QString title = u"Integration ü "_s + dialectName(dialect);
    auto created = await<Flow>([&](auto cb) {
        client->createFlow(
            env,
            QJsonObject{{u"displayName"_s, title}, {u"state"_s, u"Started"_s}, {u"definition"_s, definition}},
            this, cb);
    });
    QVERIFY2(created && created->ok(), created ? qPrintable(created->error().toString()) : "no answer");
    const QString flow = created->value().name;
    QVERIFY(!flow.isEmpty());

    auto got = await<Flow>([&](auto cb) { client->getFlow(env, flow, this, cb); });
    QVERIFY(got && got->ok());
    QCOMPARE(got->value().displayName, title);
    QVERIFY(got->value().definition.contains(u"actions"_s));

    auto updated = await<Flow>([&](auto cb) {
        client->updateFlow(env, flow, QJsonObject{{u"displayName"_s, QString(title + u" renamed"_s)}}, this,
                           cb);
    });
    QVERIFY2(updated && updated->ok(), updated ? qPrintable(updated->error().toString()) : "no answer");
    QCOMPARE(updated->value().displayName, QString(title + u" renamed"_s));
    QVERIFY(updated->value().lastModifiedRaw != got->value().lastModifiedRaw);

    auto off = await<Done>([&](auto cb) { client->turnOffFlow(env, flow, this, cb); });
    QVERIFY(off && off->ok());
    got = await<Flow>([&](auto cb) { client->getFlow(env, flow, this, cb); });
    QCOMPARE(got->value().state, FlowState::Stopped);
    auto on = await<Done>([&](auto cb) { client->turnOnFlow(env, flow, this, cb); });
    QVERIFY(on && on->ok());
    got = await<Flow>([&](auto cb) { client->getFlow(env, flow, this, cb); });
    QCOMPARE(got->value().state, FlowState::Started);

    auto callback = await<QString>([&](auto cb) { client->listCallbackUrl(env, flow, this, cb); });
    QVERIFY2(callback && callback->ok(), callback ? qPrintable(callback->error().toString()) : "no answer");
    QVERIFY(QUrl(callback->value()).isValid());

    if (dialect == Dialect::Live) {
        auto triggers = await<Page<Trigger>>([&](auto cb) { client->listTriggers(env, flow, this, cb); });
        QVERIFY(triggers && triggers->ok());
        QCOMPARE(triggers->value().items.value(0).name, u"manual"_s);
    }

    // Runs of a seeded flow: find one that has runs.
    QString seededFlow;
    QList<FlowRun> runs;
    QString next;
    do {
        auto flows = await<Page<Flow>>([&](auto cb) { client->listFlows(env, this, cb, next); });
        QVERIFY(flows && flows->ok());
        for (const Flow &f : flows->value().items) {
            if (f.name == flow)
                continue;
            auto page = await<Page<FlowRun>>([&](auto cb) { client->listRuns(env, f.name, {}, this, cb); });
            QVERIFY(page && page->ok());
            if (!page->value().items.isEmpty() && f.state == FlowState::Started) {
                seededFlow = f.name;
                runs = page->value().items;
                break;
            }
        }
        next = seededFlow.isEmpty() ? flows->value().nextLink : QString();
    } while (!next.isEmpty());
    QVERIFY2(!seededFlow.isEmpty(), "the demo seed has a started flow with runs");

    const FlowRun first = runs.first();
    auto details =
        await<FlowRunDetails>([&](auto cb) { client->getRun(env, seededFlow, first.name, true, this, cb); });
    QVERIFY(details && details->ok());
    QCOMPARE(details->value().run.name, first.name);
    QVERIFY(!details->value().actions.isEmpty());
    if (dialect == Dialect::Live) {
        auto actions = await<Page<RunAction>>(
            [&](auto cb) { client->listRunActions(env, seededFlow, first.name, this, cb); });
        QVERIFY(actions && actions->ok());
        QCOMPARE(actions->value().items.size(), details->value().actions.size());
    }

    // Resubmit makes exactly one new run, which can then be cancelled once.
    const int before = static_cast<int>(allRuns(*session, env, seededFlow).size());
    auto resubmitted =
        await<Done>([&](auto cb) { client->resubmitRun(env, seededFlow, first.name, {}, this, cb); });
    QVERIFY2(resubmitted && resubmitted->ok(),
             resubmitted ? qPrintable(resubmitted->error().toString()) : "no answer");
    const QList<FlowRun> after = allRuns(*session, env, seededFlow);
    QCOMPARE(after.size(), before + 1);
    const FlowRun newest = after.first();
    QCOMPARE(newest.status, RunStatus::Running);
    QCOMPARE(newest.originRun, first.name);

    auto cancelled = await<Done>([&](auto cb) { client->cancelRun(env, seededFlow, newest.name, this, cb); });
    QVERIFY(cancelled && cancelled->ok());
    details = await<FlowRunDetails>(
        [&](auto cb) { client->getRun(env, seededFlow, newest.name, false, this, cb); });
    QCOMPARE(details->value().run.status, RunStatus::Cancelled);
    cancelled = await<Done>([&](auto cb) { client->cancelRun(env, seededFlow, newest.name, this, cb); });
    QVERIFY(cancelled && !cancelled->ok());
    QCOMPARE(cancelled->error().httpStatus, 409);

    // Owners: add a group found in the directory, then remove it.
    auto groups = await<Page<Principal>>([&](auto cb) { client->searchGroups(QString(), 10, this, cb); });
    QVERIFY(groups && groups->ok());
    QVERIFY(!groups->value().items.isEmpty());
    const Principal group = groups->value().items.first();
    auto owners = await<Page<FlowOwner>>([&](auto cb) { client->listOwners(env, flow, this, cb); });
    QVERIFY(owners && owners->ok());
    const auto hasOwner = [](const Page<FlowOwner> &page, const QString &id) {
        return std::any_of(page.items.begin(), page.items.end(),
                           [&](const FlowOwner &o) { return o.principal.id == id; });
    };
    QVERIFY(!owners->value().items.isEmpty());
    QVERIFY(!hasOwner(owners->value(), group.id));
    OwnerChanges add;
    add.add.append(group);
    auto modified = await<Done>([&](auto cb) { client->modifyOwners(env, flow, add, this, cb); });
    QVERIFY2(modified && modified->ok(), modified ? qPrintable(modified->error().toString()) : "no answer");
    owners = await<Page<FlowOwner>>([&](auto cb) { client->listOwners(env, flow, this, cb); });
    QVERIFY(hasOwner(owners->value(), group.id));
    OwnerChanges remove;
    remove.remove.append(group);
    modified = await<Done>([&](auto cb) { client->modifyOwners(env, flow, remove, this, cb); });
    QVERIFY(modified && modified->ok());
    owners = await<Page<FlowOwner>>([&](auto cb) { client->listOwners(env, flow, this, cb); });
    QVERIFY(!hasOwner(owners->value(), group.id));

    auto users = await<Page<Principal>>([&](auto cb) { client->searchUsers(u"a"_s, 5, this, cb); });
    QVERIFY(users && users->ok());
    QVERIFY(!users->value().items.isEmpty());
    const Principal someone = users->value().items.first();
    auto user = await<Principal>([&](auto cb) { client->getUser(someone.id, this, cb); });
    QVERIFY(user && user->ok());
    QCOMPARE(user->value().displayName, someone.displayName);
    for (const Principal &u : users->value().items)
        QVERIFY2(u.displayName.startsWith(u'a', Qt::CaseInsensitive) ||
                     u.email.startsWith(u'a', Qt::CaseInsensitive),
                 qPrintable(u.displayName));

    // Connectors and connections
    auto connectors = await<Page<Connector>>([&](auto cb) { client->listConnectors(env, this, cb); });
    QVERIFY(connectors && connectors->ok());
    QVERIFY(!connectors->value().items.isEmpty());
    const QString api = connectors->value().items.first().name;
    auto connector = await<Connector>([&](auto cb) { client->getConnector(env, api, this, cb); });
    QVERIFY(connector && connector->ok());
    QCOMPARE(connector->value().name, api);
    auto connections = await<Page<Connection>>([&](auto cb) { client->listConnections(env, this, cb); });
    QVERIFY(connections && connections->ok());
    QVERIFY(!connections->value().items.isEmpty());

    // Delete
    auto deleted = await<Done>([&](auto cb) { client->deleteFlow(env, flow, this, cb); });
    QVERIFY(deleted && deleted->ok());
    got = await<Flow>([&](auto cb) { client->getFlow(env, flow, this, cb); });
    QVERIFY(got && !got->ok());
    // The live service answers a flow the caller cannot see (deleted, or never there) with 403
    // ConnectionAuthorizationFailed in the user scope, not 404; the emulator does the same.
    QCOMPARE(got->error().httpStatus, 403);
    QCOMPARE(got->error().code, u"ConnectionAuthorizationFailed"_s);
}

void TestApiClient::pagingFollowsNextLink_data()
{
    everyOperation_data();
}

void TestApiClient::pagingFollowsNextLink()
{
    QFETCH(Dialect, dialect);
    auto session = newSession(dialect);
    QVERIFY(session);
    const QString env = defaultEnvironment(*session);
    // Small pages: the runs of every flow, page by page, no duplicates.
    int pages = 0;
    QSet<QString> seen;
    QString next;
    do {
        auto flows = await<Page<Flow>>([&](auto cb) { session->client()->listFlows(env, this, cb, next); });
        QVERIFY(flows && flows->ok());
        for (const Flow &f : flows->value().items) {
            QVERIFY2(!seen.contains(f.name), qPrintable(f.name));
            seen.insert(f.name);
        }
        next = flows->value().nextLink;
        ++pages;
    } while (!next.isEmpty() && pages < 100);
    QVERIFY(!seen.isEmpty());
    QVERIFY(pages < 100);
}

void TestApiClient::expiredTokenIsRefreshedWithoutTheCallerNoticing()
{
    emu::EmulatorOptions options;
    options.tokenLifetimeSeconds = 3;
    emu::Emulator shortLived(options);
    QVERIFY(shortLived.start());
    auto session = newSession(Dialect::Live, &shortLived);
    QVERIFY(session);
    // Make the client believe its token is good long after it expired, so the server's 401 is
    // what triggers the refresh (the path a token revoked or expired early takes).
    session->auth()->setExpirySkewMs(-3600 * 1000);
    QSignalSpy rotated(session->auth(), &AuthSession::refreshTokenChanged);
    const qint64 expiredAt = QDateTime::currentMSecsSinceEpoch() + 3500;
    QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentMSecsSinceEpoch() > expiredAt; }, 8000));
    const quint64 sentBefore = session->client()->transport()->requestsSent();

    // Several calls at once: one refresh, then every call replayed once, all succeed.
    std::vector<std::optional<Result<Page<Environment>>>> results(4);
    for (auto &slot : results)
        session->client()->listEnvironments(
            this, [&slot](Result<Page<Environment>> r) { slot.emplace(std::move(r)); });
    QVERIFY(QTest::qWaitFor(
        [&] { return std::all_of(results.begin(), results.end(), [](auto &r) { return r.has_value(); }); },
        15000));
    for (auto &r : results)
        QVERIFY2(r->ok(), qPrintable(r->error().toString()));
    QCOMPARE(rotated.size(), 1); // exactly one refresh (with rotation)
    QCOMPARE(session->client()->transport()->requestsSent() - sentBefore,
             quint64(8)); // 4 refused, 4 replayed
}

// The Flow, Power Apps and Graph hosts each need their own access token, got with the one
// refresh token — which the identity service rotates and accepts once. Asked at the same moment,
// the three refreshes go one after another, each with the newest token; sent side by side, the
// second and third were refused as "already used" and the session ended (found by the connections
// tab, whose connector look-ups and list ask the Power Apps host while the flow page asks Graph).
// The identity service hangs during a refresh: that refresh fails as a Timeout naming the
// identity service (and no token), the session is kept, the refresh waiting behind it goes on,
// and once the service answers again everything works.
void TestApiClient::stalledTokenRefreshTimesOutAndTheSessionGoesOn()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    AuthSession *auth = session->auth();
    auth->setRefreshTimeoutMs(600);
    QSignalSpy expired(auth, &AuthSession::sessionExpired);
    QSignalSpy signedOut(auth, &AuthSession::signedOut);
    emu::Faults stalled;
    stalled.stallIdentity = true;
    m_emulator->setFaults(stalled);
    auto clearFaults = qScopeGuard([this] { m_emulator->setFaults({}); });
    std::optional<Result<QString>> first, second;
    auth->refreshNow(Host::Flow, this, [&](Result<QString> t) {
        first.emplace(std::move(t));
        m_emulator->setFaults({}); // the service is back before the next refresh leaves
    });
    auth->refreshNow(Host::PowerApps, this, [&](Result<QString> t) { second.emplace(std::move(t)); });
    QVERIFY(QTest::qWaitFor([&] { return first.has_value() && second.has_value(); }, 10000));
    QVERIFY(!first->ok());
    QCOMPARE(first->error().kind, ApiError::Kind::Timeout);
    QVERIFY2(first->error().message.contains("identity service"_L1), qPrintable(first->error().message));
    QVERIFY2(second->ok(), qPrintable(second->error().toString()));
    QVERIFY(expired.isEmpty());
    QVERIFY(signedOut.isEmpty());
    QVERIFY(auth->isSignedIn());
    // The host whose refresh timed out gets its token on the next call.
    std::optional<Result<QString>> again;
    auth->refreshNow(Host::Flow, this, [&](Result<QString> t) { again.emplace(std::move(t)); });
    QVERIFY(QTest::qWaitFor([&] { return again.has_value(); }, 10000));
    QVERIFY2(again->ok(), qPrintable(again->error().toString()));
    QVERIFY(!defaultEnvironment(*session).isEmpty());
    QVERIFY(expired.isEmpty());
}

void TestApiClient::threeHostsRefreshingAtOnceKeepTheSession()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    AuthSession *auth = session->auth();
    QSignalSpy expired(auth, &AuthSession::sessionExpired);
    QSignalSpy rotated(auth, &AuthSession::refreshTokenChanged);
    std::vector<std::optional<Result<QString>>> tokens(3);
    const Host hosts[] = {Host::Flow, Host::PowerApps, Host::Graph};
    for (int i = 0; i < 3; ++i)
        auth->refreshNow(hosts[i], this,
                         [&tokens, i](Result<QString> t) { tokens[std::size_t(i)].emplace(std::move(t)); });
    QVERIFY(QTest::qWaitFor(
        [&] { return std::all_of(tokens.begin(), tokens.end(), [](auto &t) { return t.has_value(); }); },
        15000));
    for (auto &t : tokens)
        QVERIFY2(t->ok(), qPrintable(t->error().toString()));
    QVERIFY(expired.isEmpty());
    QVERIFY(auth->isSignedIn());
    QCOMPARE(rotated.size(), 3); // three redemptions, each with the token the one before returned
}

void TestApiClient::throttleStormLosesNothingAndDuplicatesNothing()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    ApiClient *client = session->client();
    const QString env = defaultEnvironment(*session);
    // A fresh flow whose runs we start through its callback URL, so the counts are ours alone.
    auto flows = await<Page<Flow>>([&](auto cb) { client->listFlows(env, this, cb); });
    QVERIFY(flows && flows->ok());
    QString flow;
    QList<FlowRun> runs;
    for (const Flow &f : flows->value().items) {
        if (f.state != FlowState::Started)
            continue;
        runs = allRuns(*session, env, f.name);
        if (runs.size() >= 12) {
            flow = f.name;
            break;
        }
    }
    QVERIFY2(!flow.isEmpty(), "a started demo flow with at least 12 runs");
    runs = runs.mid(0, 12);

    emu::Faults faults;
    faults.throttleRate = 0.4;
    m_emulator->setFaults(faults);
    const int before = static_cast<int>(allRuns(*session, env, flow).size());
    int answered = 0, succeeded = 0;
    for (const FlowRun &run : runs) {
        client->resubmitRun(env, flow, run.name, run.triggerName, this, [&](Result<Done> r) {
            ++answered;
            succeeded += r.ok() ? 1 : 0;
        });
    }
    QVERIFY(QTest::qWaitFor([&] { return answered == runs.size(); }, 60000));
    m_emulator->setFaults({});
    QCOMPARE(succeeded, static_cast<int>(runs.size()));
    const QList<FlowRun> after = allRuns(*session, env, flow);
    QCOMPARE(after.size(), before + runs.size());
    QHash<QString, int> perOrigin;
    for (const FlowRun &r : after) {
        if (!r.originRun.isEmpty())
            ++perOrigin[r.originRun];
    }
    for (const FlowRun &run : runs)
        QVERIFY2(perOrigin.value(run.name) >= 1, qPrintable(run.name));
}

void TestApiClient::droppedConnectionsGiveClearErrors()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    emu::Faults faults;
    faults.dropRate = 1.0;
    m_emulator->setFaults(faults);
    auto envs = await<Page<Environment>>([&](auto cb) { session->client()->listEnvironments(this, cb); });
    m_emulator->setFaults({});
    QVERIFY(envs && !envs->ok());
    QCOMPARE(envs->error().kind, ApiError::Kind::Network);
    QVERIFY2(envs->error().toString().contains(u"listEnvironments"_s), qPrintable(envs->error().toString()));
    QVERIFY2(envs->error().toString().contains(u"127.0.0.1"_s), qPrintable(envs->error().toString()));
}

void TestApiClient::stallTimesOut()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    session->client()->transport()->setTransferTimeout(400);
    RetryPolicy none;
    none.maxTransientRetries = 0;
    session->client()->transport()->setRetryPolicy(none);
    emu::Faults faults;
    faults.stall = true;
    m_emulator->setFaults(faults);
    auto envs = await<Page<Environment>>([&](auto cb) { session->client()->listEnvironments(this, cb); });
    m_emulator->setFaults({});
    QVERIFY(envs && !envs->ok());
    QCOMPARE(envs->error().kind, ApiError::Kind::Timeout);
    QVERIFY2(envs->error().message.contains(u"No answer"_s), qPrintable(envs->error().message));
}

void TestApiClient::malformedBodiesGiveParseErrors()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    emu::Faults faults;
    faults.malformedRate = 1.0;
    m_emulator->setFaults(faults);
    auto envs = await<Page<Environment>>([&](auto cb) { session->client()->listEnvironments(this, cb); });
    faults = {};
    faults.truncateRate = 1.0;
    m_emulator->setFaults(faults);
    auto truncated =
        await<Page<Environment>>([&](auto cb) { session->client()->listEnvironments(this, cb); });
    m_emulator->setFaults({});
    QVERIFY(envs && !envs->ok());
    QCOMPARE(envs->error().kind, ApiError::Kind::Parse);
    QVERIFY2(envs->error().toString().startsWith(u"listEnvironments: "_s),
             qPrintable(envs->error().toString()));
    // A body cut short by a closed connection is a broken transfer, not a body to parse.
    QVERIFY(truncated && !truncated->ok());
    QCOMPARE(truncated->error().kind, ApiError::Kind::Network);
    QVERIFY2(truncated->error().message.contains(u"before the whole answer arrived"_s),
             qPrintable(truncated->error().message));
}

void TestApiClient::offOriginNextLinkIsRefusedWithoutSending()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    const QString env = defaultEnvironment(*session);
    const quint64 sent = session->client()->transport()->requestsSent();
    const QStringList links = {
        u"https://evil.example.com/providers/Microsoft.ProcessSimple/environments?skiptoken=1"_s,
        u"http://127.0.0.2:"_s + QString::number(m_emulator->port()) + u"/providers/x"_s,
        u"http://127.0.0.1:1/providers/x"_s,
    };
    for (const QString &link : links) {
        auto flows = await<Page<Flow>>([&](auto cb) { session->client()->listFlows(env, this, cb, link); });
        QVERIFY(flows && !flows->ok());
        QCOMPARE(flows->error().kind, ApiError::Kind::Refused);
        QVERIFY(flows->error().message.contains(u"no token was sent"_s));
    }
    QCOMPARE(session->client()->transport()->requestsSent(), sent);
}

void TestApiClient::profileValidationRefusesPlainHttp()
{
    Session session;
    Profile profile = test::emulatorProfile(*m_emulator, Dialect::Live);
    QVERIFY(!session.setProfile(profile));
    profile.graphBase = QUrl(u"http://graph.example.com"_s);
    const auto error = session.setProfile(profile);
    QVERIFY(error);
    QVERIFY2(error->contains(u"plain http"_s), qPrintable(*error));
}

void TestApiClient::recordingTheAccountKeepsTheSession()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    Profile profile = session->profile();
    profile.account = session->account();
    profile.dialect = Dialect::Spec;
    QVERIFY(!session->setProfile(profile));
    QVERIFY(session->isSignedIn());
    auto envs = await<Page<Environment>>([&](auto cb) { session->client()->listEnvironments(this, cb); });
    QVERIFY(envs && envs->ok());
    // Another tenant is another sign-in.
    profile.tenant = u"organizations"_s;
    QVERIFY(!session->setProfile(profile));
    QVERIFY(!session->isSignedIn());
}

void TestApiClient::unknownNamesGiveServiceErrors()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    const QString env = defaultEnvironment(*session);
    for (const QString &name : {u"does-not-exist"_s, u"a/b"_s, u"100%"_s, u"with space"_s, u"Ünïcødé"_s}) {
        auto flow = await<Flow>([&](auto cb) { session->client()->getFlow(env, name, this, cb); });
        QVERIFY(flow && !flow->ok());
        QCOMPARE(flow->error().httpStatus, 403);
        QCOMPARE(flow->error().code, u"ConnectionAuthorizationFailed"_s);
        QVERIFY(flow->error().message.contains("shared_logicflows"_L1));
    }
    auto envFlow =
        await<Page<Flow>>([&](auto cb) { session->client()->listFlows(u"no-such-env"_s, this, cb); });
    QVERIFY(envFlow && !envFlow->ok());
    QCOMPARE(envFlow->error().httpStatus, 403);
    QCOMPARE(envFlow->error().code, u"EnvironmentAccessDenied"_s);
}

void TestApiClient::cancelledCallsAnswerOnce()
{
    auto session = newSession(Dialect::Live);
    QVERIFY(session);
    emu::Faults faults;
    faults.latencyMs = 2000;
    m_emulator->setFaults(faults);
    int answers = 0;
    ApiError error;
    const auto id = session->client()->listEnvironments(this, [&](Result<Page<Environment>> r) {
        ++answers;
        error = r.error();
    });
    session->client()->cancel(id);
    QVERIFY(QTest::qWaitFor([&] { return answers > 0; }, 5000));
    m_emulator->setFaults({});
    QCOMPARE(answers, 1);
    QCOMPARE(error.kind, ApiError::Kind::Cancelled);
    // A context that dies takes its pending callbacks with it.
    auto *context = new QObject;
    bool called = false;
    session->client()->listEnvironments(context, [&](Result<Page<Environment>>) { called = true; });
    delete context;
    QTest::qWait(200);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
