// Benchmark (label bench): the bulk engine against the in-process emulator.
//  1. 1,000 cancels and 1,000 resubmits with 20 ms of added latency: wall time against the
//     ideal, items x latency / concurrency (goal: at most 1.2x).
//  2. 1,500 resubmits under the emulator's --rate throttle of 1,200 calls a minute: total time
//     against the minimum the token bucket allows (goal: at most 1.1x).
#include "BulkTestSupport.h"

#include "ops/BulkEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {

QTextStream out(stdout);

// Runs one operation to its end and returns the wall time in ms (or -1).
qint64 run(Session &session, QList<BulkItem> items, int concurrency, ItemCounts *counts)
{
    BulkEngine engine(session.client(), nullptr, u"bench"_s, std::move(items));
    engine.limiter().setMaximum(concurrency);
    QElapsedTimer clock;
    clock.start();
    // A plain event loop: QTest::qWaitFor sleeps 10 ms between rounds, which would be measured.
    QEventLoop loop;
    QObject::connect(&engine, &BulkEngine::finished, &loop, &QEventLoop::quit);
    engine.start();
    loop.exec();
    *counts = engine.counts();
    return clock.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    emu::EmulatorOptions options;
    options.seed = u"empty"_s;
    options.runDurationMs = 30 * 60 * 1000;
    emu::Emulator emulator(options);
    if (!emulator.start())
        return 1;
    Session session;
    if (session.setProfile(test::emulatorProfile(emulator, Dialect::Live)) ||
        !test::signIn(session, emulator.demoUserUpn()))
        return 2;
    const QString env = emulator.defaultEnvironmentName();
    // Qt's HTTP/1.1 stack opens at most 6 connections to one host, so 6 is the real ceiling of
    // concurrent requests (the client's per-host default too).
    const int concurrency = 6;
    session.client()->transport()->setMaxConcurrentPerHost(concurrency);

    int failures = 0;
    const int latencyMs = qEnvironmentVariableIsSet("FC_BENCH_LATENCY_MS")
                              ? qEnvironmentVariableIntValue("FC_BENCH_LATENCY_MS")
                              : 20;
    for (const BulkAction action : {BulkAction::CancelRun, BulkAction::ResubmitRun}) {
        const QString flow = test::createFlow(session, env, bulkActionName(action));
        QStringList runs;
        for (int i = 0; i < 1000; ++i)
            runs.append(emulator.startRun(env, flow));
        emu::Faults faults;
        faults.latencyMs = latencyMs;
        emulator.setFaults(faults);
        ItemCounts counts;
        const qint64 ms = run(session, test::bulkItems(action, env, flow, runs), concurrency, &counts);
        emulator.setFaults({});
        const double ideal = 1000.0 * latencyMs / concurrency;
        const double ratio = ms / ideal;
        out << bulkActionName(action) << " x1000, " << latencyMs << " ms latency, concurrency " << concurrency
            << ": " << ms << " ms, ideal " << ideal << " ms, ratio " << QString::number(ratio, 'f', 2)
            << " (goal <= 1.2); " << counts.succeeded << " succeeded, " << counts.failed << " failed\n";
        out.flush();
        failures += counts.succeeded == 1000 ? 0 : 1;
    }

    // Throttled by the token bucket: capacity = one minute's worth, refilled at rate/60 per second.
    const int rate = 1200, items = 1500;
    const QString flow = test::createFlow(session, env, u"rate"_s);
    QStringList runs;
    for (int i = 0; i < items; ++i)
        runs.append(emulator.startRun(env, flow));
    emulator.setRatePerMinute(rate);
    ItemCounts counts;
    const qint64 ms =
        run(session, test::bulkItems(BulkAction::ResubmitRun, env, flow, runs), concurrency, &counts);
    emulator.setRatePerMinute(0);
    const double minimum = (items - rate) * 60000.0 / rate;
    out << "resubmitRun x" << items << " under --rate " << rate << "/min: " << ms
        << " ms, minimum the rate allows " << minimum << " ms, ratio "
        << QString::number(ms / minimum, 'f', 3) << " (goal <= 1.1); " << counts.succeeded << " succeeded, "
        << counts.failed << " failed\n";
    failures += counts.succeeded == items ? 0 : 1;
    out << (3 - failures) << " passed, " << failures << " failed\n";
    return failures == 0 ? 0 : 1;
}
