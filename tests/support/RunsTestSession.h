#pragma once

// Test support for the run grid and owners suites: an in-process emulator with the options a
// test needs (run duration, seed) and a Session signed in to it as the demo user.

#include "EmulatorSession.h"

#include <QtTest>

#include <optional>

namespace fc::test {

inline std::unique_ptr<EmulatorSession> startRunsSession(const emu::EmulatorOptions &options,
                                                         Dialect dialect = Dialect::Live)
{
    auto s = std::make_unique<EmulatorSession>();
    s->emulator = std::make_unique<emu::Emulator>(options);
    if (!s->emulator->start())
        return nullptr;
    const QUrl base = s->emulator->baseUrl();
    Profile profile = Profile::fromPreset(CloudPreset::Public);
    profile.name = QStringLiteral("Run tests");
    profile.cloud = CloudPreset::Custom;
    profile.authorityBase = base;
    profile.flowApiBase = base;
    profile.powerAppsApiBase = base;
    profile.graphBase = base;
    profile.tenant = s->emulator->tenantId();
    profile.clientId = QStringLiteral("flowconsole-run-tests");
    profile.dialect = dialect;
    s->session = std::make_unique<Session>();
    if (s->session->setProfile(profile))
        return nullptr;
    Session *session = s->session.get();
    QObject::connect(session, &Session::openUrl, session,
                     [session](const QUrl &url) { visitWithoutBrowser(session->network(), url, session); });
    QSignalSpy signedIn(session, &Session::signedIn);
    session->setPersistTokens(false);
    session->signInWithBrowser(s->emulator->demoUserUpn());
    if (!QTest::qWaitFor([&] { return signedIn.size() > 0; }, 20000))
        return nullptr;
    return s;
}

// Waits for one callback-style call and returns its result.
template <typename T, typename Start>
std::optional<Result<T>> awaitResult(Start &&start, int timeoutMs = 20000)
{
    std::optional<Result<T>> result;
    start([&result](Result<T> r) { result.emplace(std::move(r)); });
    [[maybe_unused]] const bool done = QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs);
    return result;
}

// The flow of the environment with the most runs that the demo user owns.
inline QString busiestOwnedFlow(const emu::Emulator &emulator, const QString &env)
{
    QString best;
    int most = -1;
    for (const QString &flow : emulator.flowsOwnedBy(emulator.demoUserUpn(), env)) {
        const int n = emulator.runCount(env, flow);
        if (n > most) {
            most = n;
            best = flow;
        }
    }
    return best;
}

} // namespace fc::test
