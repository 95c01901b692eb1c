#pragma once

// Test support for model suites: an in-process emulator and a Session signed in to it as the
// demo user, through the real sign-in (the emulator approves the login_hint at once).

#include "Emulator.h"
#include "api/ApiClient.h"
#include "auth/Session.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace fc::test {

struct EmulatorSession
{
    std::unique_ptr<emu::Emulator> emulator;
    std::unique_ptr<Session> session;

    ~EmulatorSession()
    {
        session.reset(); // before the server it talks to
        emulator.reset();
    }
};

inline std::unique_ptr<EmulatorSession> startEmulatorSession(const QString &seed)
{
    auto s = std::make_unique<EmulatorSession>();
    emu::EmulatorOptions options;
    options.seed = seed;
    s->emulator = std::make_unique<emu::Emulator>(options);
    if (!s->emulator->start())
        return nullptr;
    const QUrl base = s->emulator->baseUrl();
    Profile profile = Profile::fromPreset(CloudPreset::Public);
    profile.name = QStringLiteral("Model tests");
    profile.cloud = CloudPreset::Custom;
    profile.authorityBase = base;
    profile.flowApiBase = base;
    profile.powerAppsApiBase = base;
    profile.graphBase = base;
    profile.tenant = s->emulator->tenantId();
    profile.clientId = QStringLiteral("flowconsole-model-tests");
    profile.dialect = Dialect::Live;
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

} // namespace fc::test
