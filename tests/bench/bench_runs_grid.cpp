// "Load all" into the run grid (RunsModel + sorted RunsFilterProxy + QTableView, offscreen) from
// an emulator seeded large:100000, against curl fetching the same pages one after another.
// Prints four figures: time ratio (goal <= 1.5), peak heap growth per run (goal <= 400 bytes;
// mallinfo2 of the main arena, where the model lives: the in-process emulator allocates in its
// own thread's arena), the longest event-loop block during the load (goal <= 50 ms; lateness of
// a 5 ms timer), and the text filter over 100,000 rows (goal <= 100 ms).

#include "HttpTestClient.h"
#include "RunsFilterProxy.h"
#include "RunsModel.h"
#include "RunsTestSession.h"
#include "store/RunStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <malloc.h>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {
const QString kLoadEnv = u"5a0ad7e5-7000-4000-8000-00000000beef"_s;

qint64 heapBytes()
{
    const struct mallinfo2 m = mallinfo2();
    return static_cast<qint64>(m.uordblks + m.hblkhd);
}

qint64 vmHwmKb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;

    emu::EmulatorOptions options;
    options.seed = u"large:%1"_s.arg(runs);
    QElapsedTimer seedClock;
    seedClock.start();
    auto emu = test::startRunsSession(options);
    if (!emu) {
        std::fprintf(stderr, "could not start the emulator session\n");
        return 1;
    }
    const QString flow = test::flowWithRuns(*emu->emulator, runs).flow;
    std::printf("emulator seeded with %d runs in %lld ms\n", runs, seedClock.elapsed());

    // The pages the model reads ($top=250, no filter), listed once by following nextLink; this
    // also warms the emulator's page cache for both contenders.
    test::HttpTestClient http(emu->emulator->baseUrl());
    http.setBearer(emu->emulator->accessToken(emu->emulator->demoUserUpn()));
    QStringList urls;
    QString url = u"/providers/Microsoft.ProcessSimple/environments/"_s + kLoadEnv + u"/flows/"_s + flow +
                  u"/runs?api-version=2016-11-01&$top=250"_s;
    while (!url.isEmpty()) {
        const test::HttpResult page = http.get(url);
        if (page.status != 200) {
            std::fprintf(stderr, "listing pages failed: %d\n", page.status);
            return 1;
        }
        urls.append(http.url(url).toString(QUrl::FullyEncoded));
        url = page.json().value("nextLink"_L1).toString();
    }

    // curl, one page after another on one connection.
    QTemporaryDir dir;
    QFile config(dir.filePath(u"curl.conf"_s));
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write("silent\nfail\nheader = \"Authorization: Bearer " +
                 emu->emulator->accessToken(emu->emulator->demoUserUpn()) + "\"\n");
    for (const QString &u : urls)
        config.write("url = \"" + u.toUtf8() + "\"\noutput = \"/dev/null\"\n");
    config.close();
    const auto curlMs = [&] {
        QProcess curl;
        QElapsedTimer clock;
        clock.start();
        curl.start(u"curl"_s, {u"--config"_s, config.fileName()});
        (void)QTest::qWaitFor([&] { return curl.state() == QProcess::NotRunning; }, 300000);
        return curl.exitCode() == 0 ? clock.elapsed() : -1;
    };
    const qint64 curl1 = curlMs();

    // The grid: model, sorted proxy, a table view that is shown.
    RunsModel model(emu->session->client());
    RunsFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(RunsModel::StartColumn, Qt::DescendingOrder);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(RunsModel::StartColumn, Qt::DescendingOrder);
    view.resize(1200, 700);
    view.show();
    model.setPageSize(250);
    model.setFlow(kLoadEnv, flow);
    (void)QTest::qWaitFor([&] { return model.isLoaded() && !model.isLoading(); }, 30000);

    malloc_trim(0);
    const qint64 heapBefore = heapBytes();
    const qint64 hwmBefore = vmHwmKb();
    qint64 heapPeak = heapBefore;
    const int rowsBefore = model.rowCount();

    // The event loop's longest block: how late a 5 ms timer fires.
    QElapsedTimer tick;
    qint64 worstBlockMs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        worstBlockMs = std::max(worstBlockMs, tick.restart() - 5);
        heapPeak = std::max(heapPeak, heapBytes());
    });
    QObject::connect(&model, &RunsModel::pageLoaded, &app,
                     [&] { heapPeak = std::max(heapPeak, heapBytes()); });

    QElapsedTimer loadClock;
    loadClock.start();
    tick.start();
    probe.start();
    // A plain event loop: QTest::qWaitFor sleeps 10 ms between rounds, which would be measured.
    QEventLoop loop;
    QObject::connect(&model, &RunsModel::loadAllFinished, &loop, &QEventLoop::quit);
    model.loadAll();
    loop.exec();
    const qint64 loadMs = loadClock.elapsed();
    probe.stop();
    heapPeak = std::max(heapPeak, heapBytes());
    const qint64 hwmAfter = vmHwmKb();
    const int loaded = model.rowCount();
    const qint64 curl2 = curlMs();
    const qint64 curlBest = curl1 < 0 ? curl2 : (curl2 < 0 ? curl1 : std::min(curl1, curl2));

    // The text filter over every loaded row (typed text, a rare match, then cleared).
    qint64 filterWorst = 0;
    for (const QString &text : {u"CU4"_s, u"ActionFailed"_s, u"zzz-no-match"_s, QString()}) {
        QElapsedTimer clock;
        clock.start();
        proxy.setTextFilter(text);
        filterWorst = std::max(filterWorst, clock.elapsed());
        std::printf("  filter %-14s -> %7d rows in %lld ms\n", qPrintable(u'"' + text + u'"'),
                    proxy.rowCount(), clock.elapsed());
    }

    // The same comparison over a network that takes 20 ms per answer, as a real service does
    // (the emulator's latency fault applies to curl and to the grid alike).
    emu::Faults slow;
    slow.latencyMs = 20;
    emu->emulator->setFaults(slow);
    const qint64 curlSlow = curlMs();
    model.reload();
    QEventLoop firstPage;
    QObject::connect(&model, &RunsModel::pageLoaded, &firstPage, &QEventLoop::quit);
    firstPage.exec();
    QElapsedTimer slowClock;
    slowClock.start();
    QEventLoop slowLoop;
    QObject::connect(&model, &RunsModel::loadAllFinished, &slowLoop, &QEventLoop::quit);
    model.loadAll();
    slowLoop.exec();
    const qint64 slowMs = slowClock.elapsed() + 20; // the first page, read before the clock started
    emu->emulator->setFaults({});

    const double perRun = double(heapPeak - heapBefore) / double(std::max(1, loaded - rowsBefore));
    std::printf("runs loaded: %d (%lld pages)\n", loaded, static_cast<long long>(urls.size()));
    std::printf("1. load all: %lld ms; curl, same %lld pages one after another: %lld ms (runs %lld / %lld); "
                "ratio %.2f (goal <= 1.5)\n",
                loadMs, static_cast<long long>(urls.size()), curlBest, curl1, curl2,
                double(loadMs) / double(std::max<qint64>(1, curlBest)));
    std::printf("1b. with 20 ms per answer: load all %lld ms; curl %lld ms; ratio %.2f\n", slowMs, curlSlow,
                double(slowMs) / double(std::max<qint64>(1, curlSlow)));
    std::printf("2. peak heap growth per run: %.0f bytes (goal <= 400); VmHWM growth per run %.0f bytes "
                "(whole process, emulator included)\n",
                perRun, double(hwmAfter - hwmBefore) * 1024.0 / double(std::max(1, loaded - rowsBefore)));
    std::printf("3. longest event-loop block during the load: %lld ms (goal <= 50)\n", worstBlockMs);
    std::printf("4. text filter over %d rows: %lld ms worst (goal <= 100)\n", loaded, filterWorst);

    // 5. Reopening the flow from the local run store: every loaded run stored (coverage whole), then a
    //    new model and view — setFlow() to the first paint of the rows, cold for the model and view.
    QTemporaryDir storeDir;
    RunStore store;
    qint64 reopenMs = -1;
    int reopened = 0;
    if (store.open(storeDir.filePath(QStringLiteral("runs.sqlite")))) {
        QList<FlowRun> all;
        all.reserve(model.rowCount());
        qint64 oldest = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            all.append(model.runAt(row));
            oldest = oldest == 0 ? all.last().startMs : std::min(oldest, all.last().startMs);
        }
        store.save(kLoadEnv, flow, all);
        store.setCoverage(kLoadEnv, flow, oldest, true);
        RunsModel again(emu->session->client());
        again.setRunStore(&store);
        RunsFilterProxy againProxy;
        againProxy.setSourceModel(&again);
        QTableView againView;
        againView.setModel(&againProxy);
        againView.setSortingEnabled(true);
        againView.sortByColumn(RunsModel::StartColumn, Qt::DescendingOrder);
        againView.resize(1200, 700);
        againView.show();
        QElapsedTimer reopen;
        reopen.start();
        again.setFlow(kLoadEnv, flow);
        (void)againView.viewport()->grab(); // paints the rows now shown
        reopenMs = reopen.elapsed();
        reopened = again.storedRowsShown();
    }
    std::printf("5. reopen from the run store: %d stored runs to the painted grid in %lld ms (goal <= 300)\n",
                reopened, reopenMs);
    return loaded == runs ? 0 : 1;
}
