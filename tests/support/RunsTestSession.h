#pragma once

// Test support for the run grid and owners suites: an in-process emulator with the options a
// test needs (run duration, seed) and a Session signed in to it as the demo user.

#include "EmulatorSession.h"

namespace fc::test {

inline std::unique_ptr<EmulatorSession> startRunsSession(const emu::EmulatorOptions &options,
                                                         Dialect dialect = Dialect::Live)
{
    return startEmulatorSession(options, dialect, QStringLiteral("Run tests"));
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
