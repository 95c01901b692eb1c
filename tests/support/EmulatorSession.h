#pragma once

// Test support: an in-process emulator and a Session signed in to it as the demo user, through
// the real sign-in (the emulator approves the login_hint at once).

#include "SignedInSession.h"

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

inline std::unique_ptr<EmulatorSession>
startEmulatorSession(const emu::EmulatorOptions &options, Dialect dialect = Dialect::Live,
                     const QString &profileName = QStringLiteral("Tests"))
{
    auto s = std::make_unique<EmulatorSession>();
    s->emulator = std::make_unique<emu::Emulator>(options);
    if (!s->emulator->start())
        return nullptr;
    s->session = std::make_unique<Session>();
    if (s->session->setProfile(emulatorProfile(*s->emulator, dialect, profileName)))
        return nullptr;
    if (!signIn(*s->session, s->emulator->demoUserUpn()))
        return nullptr;
    return s;
}

// The flow a "large:N" seed made: the one with exactly this many runs, in whichever environment.
struct SeededFlow
{
    QString environment;
    QString flow;
    bool isValid() const { return !flow.isEmpty(); }
};

inline SeededFlow flowWithRuns(const emu::Emulator &emulator, int runs)
{
    for (const QString &env : emulator.environmentNames()) {
        for (const QString &flow : emulator.flowNames(env)) {
            if (emulator.runCount(env, flow) == runs)
                return {env, flow};
        }
    }
    return {};
}

inline std::unique_ptr<EmulatorSession> startEmulatorSession(const QString &seed)
{
    emu::EmulatorOptions options;
    options.seed = seed;
    return startEmulatorSession(options, Dialect::Live, QStringLiteral("Model tests"));
}

} // namespace fc::test
