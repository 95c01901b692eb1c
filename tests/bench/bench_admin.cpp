// Benchmark (label bench): the administrator's view against the in-process emulator, seeded with
// 10,000 flows of 1,000 makers, 1,000 of the flows orphaned, every answer 20 ms late.
//  admin-list-10000-ms   listing every flow through the admin scope (page by page)
//  owners-check-10000-ms listing plus every flow's owners read and resolved
//  owner-names-calls     Graph calls made to resolve the owners (limit: one per 15 distinct owners)
//  co-owner-1000-ratio   adding one co-owner to the 1,000 orphaned flows, against the ideal
//                        N x latency / concurrency (goal <= 1.2)
#include "EmulatorSession.h"

#include "AdminFlowsModel.h"
#include "ops/BulkEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSet>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int flows = 10000, orphaned = 1000;
    const int latencyMs = qEnvironmentVariableIsSet("FC_BENCH_LATENCY_MS")
                              ? qEnvironmentVariableIntValue("FC_BENCH_LATENCY_MS")
                              : 20;
    emu::EmulatorOptions options;
    options.seed = u"admin:%1:%2"_s.arg(flows).arg(orphaned);
    emu::Emulator emulator(options);
    QElapsedTimer seeding;
    seeding.start();
    if (!emulator.start())
        return 1;
    out << "seeded " << flows << " flows in " << seeding.elapsed() << " ms\n";
    Session session;
    if (session.setProfile(test::emulatorProfile(emulator, Dialect::Live)) ||
        !test::signIn(session, emulator.adminUserUpn()))
        return 2;
    const QString env = emu::Emulator::adminScaleEnvironmentName();
    emu::Faults faults;
    faults.latencyMs = latencyMs;
    emulator.setFaults(faults);

    // 1. List every flow, then check every owner.
    AdminFlowsModel model(session.client());
    QElapsedTimer clock;
    qint64 listedMs = -1;
    QEventLoop loop;
    QObject::connect(&model, &AdminFlowsModel::progressChanged, &loop, [&] {
        if (listedMs < 0 && !model.isListing())
            listedMs = clock.elapsed();
    });
    QObject::connect(&model, &AdminFlowsModel::finished, &loop, &QEventLoop::quit);
    clock.start();
    model.load(env);
    loop.exec();
    const qint64 checkedMs = clock.elapsed();
    QSet<QString> owners;
    for (int row = 0; row < model.rowCount(); ++row) {
        owners.insert(model.rowAt(row).flow.creatorObjectId);
        for (const FlowOwner &o : model.rowAt(row).owners)
            owners.insert(o.principal.id);
    }
    const int calls = model.directory()->graphCalls();
    const int limit =
        (static_cast<int>(owners.size()) + ApiClient::kLookupBatch - 1) / ApiClient::kLookupBatch;
    const QStringList found = model.orphanedFlowNames();
    out << "admin-list-10000-ms " << listedMs << "\n";
    out << "owners-check-10000-ms " << checkedMs << " (" << model.rowCount() << " flows, " << found.size()
        << " orphaned, " << latencyMs << " ms per answer)\n";
    out << "owner-names-calls " << calls << " (" << owners.size() << " distinct owners and creators; limit "
        << limit << ")\n";
    out.flush();

    // 2. One co-owner for the 1,000 orphaned flows.
    const int concurrency = 6; // Qt opens at most 6 connections to one host
    session.client()->transport()->setMaxConcurrentPerHost(concurrency);
    QList<BulkItem> items;
    const QString rescuer = emulator.userId(emulator.adminUserUpn());
    for (const QString &flow : found) {
        BulkItem item;
        item.action = BulkAction::AddOwner;
        item.env = env;
        item.flow = flow;
        item.principalId = rescuer;
        item.scope = Scope::Admin;
        items.append(item);
    }
    BulkEngine engine(session.client(), nullptr, u"bench"_s, items);
    engine.limiter().setMaximum(concurrency);
    QEventLoop bulkLoop;
    QObject::connect(&engine, &BulkEngine::finished, &bulkLoop, &QEventLoop::quit);
    clock.restart();
    engine.start();
    bulkLoop.exec();
    const qint64 bulkMs = clock.elapsed();
    const double ideal = double(items.size()) * latencyMs / concurrency;
    out << "co-owner-1000-ratio " << QString::number(bulkMs / ideal, 'f', 2) << " (" << bulkMs
        << " ms, ideal " << ideal << " ms, " << engine.counts().succeeded << " succeeded, goal <= 1.2)\n";
    emulator.setFaults({});
    const bool ok = found.size() == orphaned && engine.counts().succeeded == orphaned && calls <= limit &&
                    emulator.orphanedFlowNames(env).isEmpty();
    out << (ok ? "ok\n" : "FAILED\n");
    return ok ? 0 : 3;
}
