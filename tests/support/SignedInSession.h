#pragma once

// Test support: an in-process emulator and a Session signed in to it through the real
// authorization-code + PKCE sign-in, the emulator approving the login_hint at once.

#include "Emulator.h"
#include "api/ApiClient.h"
#include "auth/Session.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

namespace fc::test {

inline Profile emulatorProfile(const QUrl &base, const QString &tenant, Dialect dialect,
                               const QString &name = QStringLiteral("Emulator"))
{
    Profile profile = Profile::fromPreset(CloudPreset::Custom);
    profile.name = name;
    profile.authorityBase = base;
    profile.tenant = tenant;
    profile.clientId = QStringLiteral("flowconsole-tests");
    profile.flowApiBase = base;
    profile.powerAppsApiBase = base;
    profile.graphBase = base;
    profile.flowResource = QStringLiteral("https://service.flow.microsoft.com");
    profile.powerAppsResource = QStringLiteral("https://service.powerapps.com");
    profile.graphResource = QStringLiteral("https://graph.microsoft.com");
    profile.dialect = dialect;
    return profile;
}

inline Profile emulatorProfile(const emu::Emulator &emulator, Dialect dialect,
                               const QString &name = QStringLiteral("Emulator"))
{
    return emulatorProfile(emulator.baseUrl(), emulator.tenantId(), dialect, name);
}

// Signs in as `upn` and returns true once the session holds tokens.
inline bool signIn(Session &session, const QString &upn)
{
    QObject::connect(&session, &Session::openUrl, &session,
                     [&session](const QUrl &url) { visitWithoutBrowser(session.network(), url, &session); });
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy failed(&session, &Session::signInFailed);
    session.setPersistTokens(false);
    session.signInWithBrowser(upn);
    return QTest::qWaitFor([&] { return signedIn.size() > 0 || failed.size() > 0; }, 15000) &&
           signedIn.size() == 1;
}

// Waits for one callback-style call and returns its result.
template <typename T, typename Start>
std::optional<Result<T>> await(Start &&start, int timeoutMs = 15000)
{
    std::optional<Result<T>> result;
    start([&result](Result<T> r) { result.emplace(std::move(r)); });
    [[maybe_unused]] const bool done = QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs);
    return result;
}

// Creates a started flow with a manual trigger and no actions; returns its name (empty on failure).
inline QString createFlow(Session &session, const QString &env, const QString &title)
{
    const QJsonObject definition{
        {QStringLiteral("triggers"),
         QJsonObject{
             {QStringLiteral("manual"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Request")},
                                                    {QStringLiteral("kind"), QStringLiteral("Button")}}}}},
        {QStringLiteral("actions"), QJsonObject{}}};
    auto flow = await<Flow>([&](auto cb) {
        session.client()->createFlow(env,
                                     QJsonObject{{QStringLiteral("displayName"), title},
                                                 {QStringLiteral("state"), QStringLiteral("Started")},
                                                 {QStringLiteral("definition"), definition}},
                                     &session, cb);
    });
    return flow && flow->ok() ? flow->value().name : QString();
}

} // namespace fc::test
