// Issue 13's figures in one line, to compare run to run:
//   history-bench load_ratio_loopback=X load_ratio_20ms=X parse_us=X reopen_ms=X max_stall_ms_load=X
//   bytes_per_run=X
// with the raw numbers above it. One flow of the emulator seeded large:N (N = argv[1], 100,000 by
// default), the grid as RunsTab builds it (RunsModel, sorted RunsFilterProxy, a shown QTableView;
// offscreen), its first page asking $top=250 as "Load all" does:
//  - load_ratio_loopback: "Load all" (setFlow, then loadAll at once, until loadAllFinished) over
//    curl fetching the very URLs the grid asked for (recorded from its QNetworkAccessManager on a
//    first load), one after another on one connection. Medians of 3, interleaved. Goal <= 1.5.
//    Also printed: a grid reading one chain of pages (setParallelWindows(1)) against curl on that
//    chain, whose URLs are checked to be the nextLink walk's, byte for byte.
//    Warm: each side's URLs are fetched once before anything is timed (SQLite's pages, the
//    process's heap). The emulator's answer cache is off for everything timed (its noAnswerCache
//    fault): every page is worked out afresh for curl and the grid alike, as the service would,
//    whatever N. (With it on, unfiltered chain pages could be served from memory and the time
//    windows' pages, which it never caches, not: curl would get the cheaper answers.)
//  - load_ratio_20ms: the same with 20 ms added to every answer (the emulator's latency fault),
//    the grid doing what it does (median of 3), curl paging sequentially by nextLink. Goal <= 0.3.
//  - sweep_ratio_20ms: the bulk sweeps' RunCollector over every run at 20 ms per answer, time
//    windows side by side over one chain (setParallelWindows(1)). No goal in the issue; printed
//    to compare run to run.
//  - parse_us: bench_parsers' figure, same page and method: median per 250-run page of
//    json::parseRunPageFast, 15 batches of 40, warm. Goal <= 200.
//  - reopen_ms: a RunsModel with a RunStore (temporary file) loads all runs once; then a new
//    RunStore on that file and a new grid: setFlow() until the view's viewport has painted with
//    rows in it. Median of 3 new grids. Goal <= 300.
//  - max_stall_ms_load: the longest gap between ticks of a 1 ms timer, less 1 ms, during the
//    timed loopback loads (the worst of them). Goal <= 50.
//  - bytes_per_run: heap the loaded rows hold (mallinfo2, uordblks + hblkhd, every arena): after
//    a timed load, and once the model is emptied, nothing asked in between; median of 3. Goal <=
//    400. bench_runs_grid's peak growth during the load is printed too, but mallinfo2 counts the
//    in-process emulator's threads as well, whose answer cache (up to 32 MB, cleared whole when
//    full) moves it by up to ~330 bytes per run either way.

#include "HttpTestClient.h"
#include "RunsFilterProxy.h"
#include "RunsModel.h"
#include "RunsTestSession.h"
#include "SampleRunPage.h"
#include "api/FastRunParser.h"
#include "ops/RunCollector.h"
#include "store/RunStore.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {
const QString kLoadEnv = u"5a0ad7e5-7000-4000-8000-00000000beef"_s;
constexpr int kTimedRounds = 3;
constexpr int kWaitMs = 240000;

qint64 heapBytes()
{
    const struct mallinfo2 m = mallinfo2();
    return static_cast<qint64>(m.uordblks + m.hblkhd);
}

qint64 statusKb(const QByteArray &field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

template <typename T>
T median(std::vector<T> values)
{
    if (values.empty())
        return T{};
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// bench_parsers' method: 20 warm-up parses, then the median per page of 15 batches of 40.
double parseMedianUs()
{
    const QByteArray page = fc::test::runPage(250, 0);
    for (int i = 0; i < 20; ++i)
        (void)json::parseRunPageFast(page);
    std::vector<double> perPageUs;
    for (int batch = 0; batch < 15; ++batch) {
        QElapsedTimer timer;
        timer.start();
        const int iterations = 40;
        for (int i = 0; i < iterations; ++i) {
            auto result = json::parseRunPageFast(page);
            if (!result || result->items.size() != 250)
                return -1.0;
        }
        perPageUs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1000.0 / iterations);
    }
    return median(perPageUs);
}

// The grid as RunsTab builds it, shown. The first page asks for 250 runs, as "Load all" does, so
// that its URL is the one curl fetches first.
struct Grid
{
    RunsModel model;
    RunsFilterProxy proxy;
    QTableView view;

    Grid(ApiClient *client, RunStore *store) : model(client)
    {
        model.setRunStore(store);
        model.setPageSize(250);
        proxy.setSourceModel(&model);
        view.setModel(&proxy);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        view.setEditTriggers(QAbstractItemView::NoEditTriggers);
        view.setSortingEnabled(true);
        view.sortByColumn(RunsModel::StartColumn, Qt::DescendingOrder);
        view.setAlternatingRowColors(true);
        view.setWordWrap(false);
        view.verticalHeader()->hide();
        view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
        view.horizontalHeader()->setStretchLastSection(true);
        view.horizontalHeader()->setHighlightSections(false);
        view.resize(1200, 700);
        view.show();
        (void)QTest::qWaitForWindowExposed(&view);
    }
};

// The longest event-loop task: gaps between ticks of a 1 ms timer, less the 1 ms; and the peak
// heap, sampled on every tick.
class StallProbe
{
public:
    explicit StallProbe(QObject *context)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] { tick(); });
    }
    void start()
    {
        m_worstMs = 0;
        m_heapPeak = heapBytes();
        m_clock.start();
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    void sampleHeap() { m_heapPeak = std::max(m_heapPeak, heapBytes()); }
    double worstMs() const { return m_worstMs; }
    qint64 heapPeak() const { return m_heapPeak; }

private:
    void tick()
    {
        const double gapMs = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
        m_clock.restart();
        m_worstMs = std::max(m_worstMs, gapMs - 1.0);
        sampleHeap();
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_worstMs = 0;
    qint64 m_heapPeak = 0;
};

struct LoadResult
{
    qint64 ms = -1;
    int rows = 0;
    bool complete = false;
};

// setFlow, then "Load all" at once (the first page in flight continues the chain), until
// loadAllFinished. A plain event loop: QTest::qWaitFor sleeps 10 ms between rounds.
LoadResult loadAll(Grid &grid, const QString &flow, StallProbe *probe = nullptr)
{
    LoadResult result;
    QEventLoop loop;
    QObject::connect(&grid.model, &RunsModel::loadAllFinished, &loop, [&](bool complete) {
        result.complete = complete;
        loop.quit();
    });
    QObject::connect(&grid.model, &RunsModel::loadFailed, &loop, [&](const ApiError &error) {
        std::fprintf(stderr, "load failed: %s\n", qPrintable(error.message));
        loop.quit();
    });
    QMetaObject::Connection pages;
    if (probe)
        pages =
            QObject::connect(&grid.model, &RunsModel::pageLoaded, &loop, [probe] { probe->sampleHeap(); });
    QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    if (probe)
        probe->start();
    grid.model.setFlow(kLoadEnv, flow);
    grid.model.loadAll();
    if (grid.model.isLoadingAll())
        loop.exec();
    result.ms = clock.elapsed();
    if (probe)
        probe->stop();
    QObject::disconnect(pages);
    result.rows = grid.model.rowCount();
    return result;
}

// curl over these URLs, one after another on one connection.
class Curl
{
public:
    Curl(const QString &path, const QByteArray &bearer, const QStringList &urls) : m_path(path)
    {
        QFile config(path);
        if (!config.open(QIODevice::WriteOnly))
            return;
        config.write("silent\nfail\nheader = \"Authorization: Bearer " + bearer + "\"\n");
        for (const QString &u : urls)
            config.write("url = \"" + u.toUtf8() + "\"\noutput = \"/dev/null\"\n");
    }
    qint64 run() const
    {
        QProcess curl;
        QElapsedTimer clock;
        clock.start();
        curl.start(u"curl"_s, {u"--config"_s, m_path});
        if (!curl.waitForFinished(kWaitMs) || curl.exitStatus() != QProcess::NormalExit ||
            curl.exitCode() != 0)
            return -1;
        return clock.elapsed();
    }

private:
    QString m_path;
};

double ratio(qint64 a, qint64 b)
{
    return a < 0 || b <= 0 ? -1.0 : double(a) / double(b);
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    bool ok = true;

    // 0. Parsing, first, while nothing else runs in the process.
    const double parseUs = parseMedianUs();
    std::printf("parse 250-run page, parseRunPageFast, median of 15 batches of 40 (bench_parsers' method): "
                "%.1f us (goal <= 200)\n",
                parseUs);
    std::fflush(stdout);

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
    std::fflush(stdout);
    ApiClient *client = emu->session->client();
    const QByteArray bearer = emu->emulator->accessToken(emu->emulator->demoUserUpn());

    // The URLs the grid asks for: every finished list-runs reply of the session's network.
    QStringList *recordInto = nullptr;
    QObject::connect(client->transport()->network(), &QNetworkAccessManager::finished, &app,
                     [&](QNetworkReply *reply) {
                         const QUrl url = reply->request().url();
                         if (recordInto && url.path().endsWith("/runs"_L1))
                             recordInto->append(url.toString(QUrl::FullyEncoded));
                     });
    const auto recordLoad = [&](Grid &grid, QStringList &urls) {
        urls.clear();
        recordInto = &urls;
        const LoadResult r = loadAll(grid, flow);
        recordInto = nullptr;
        ok = ok && r.complete && r.rows == runs;
        return r;
    };

    // The nextLink chain as a plain client walks it: $top=250, then nextLink after nextLink.
    test::HttpTestClient http(emu->emulator->baseUrl());
    http.setBearer(bearer);
    QStringList walkUrls;
    qint64 pageBytes = 0;
    QString url = u"/providers/Microsoft.ProcessSimple/environments/"_s + kLoadEnv + u"/flows/"_s + flow +
                  u"/runs?api-version=2016-11-01&$top=250"_s;
    while (!url.isEmpty()) {
        const test::HttpResult page = http.get(url);
        if (page.status != 200) {
            std::fprintf(stderr, "listing pages failed: %d\n", page.status);
            return 1;
        }
        pageBytes += page.body.size();
        walkUrls.append(http.url(url).toString(QUrl::FullyEncoded));
        url = page.json().value("nextLink"_L1).toString();
    }
    std::printf("nextLink chain: %lld pages, %.1f MB of JSON; the emulator's answer cache is off from "
                "here on: every answer is worked out afresh, for curl and the grid alike\n",
                static_cast<long long>(walkUrls.size()), double(pageBytes) / 1048576.0);
    emu::Faults cold;
    cold.noAnswerCache = true;
    emu->emulator->setFaults(cold);

    // 1. Loopback. A first load of each grid records its URLs; curl's first pass over them warms
    // what can be warmed (SQLite's pages, the heap) for exactly those URLs.
    // The grid as the console has it (time windows side by side), and one reading the chain.
    QTemporaryDir dir;
    auto grid = std::make_unique<Grid>(client, nullptr);
    Grid chainGrid(client, nullptr);
    chainGrid.model.setParallelWindows(1);
    QStringList gridUrls, chainUrls;
    const LoadResult first = recordLoad(*grid, gridUrls);
    const LoadResult chainFirst = recordLoad(chainGrid, chainUrls);
    const auto filtered = [](const QStringList &urls) {
        return static_cast<long long>(std::count_if(
            urls.cbegin(), urls.cend(), [](const QString &u) { return u.contains("filter="_L1); }));
    };
    std::printf("first loads (record the URLs, warm): %lld ms, %d rows; one chain: %lld ms, %d rows\n",
                first.ms, first.rows, chainFirst.ms, chainFirst.rows);
    std::printf(
        "the grid asked %lld URLs (%lld with $filter: the emulator caches none of those); reading one "
        "chain, %lld URLs: %s the nextLink walk's\n",
        static_cast<long long>(gridUrls.size()), filtered(gridUrls), static_cast<long long>(chainUrls.size()),
        chainUrls == walkUrls ? "identical to" : "DIFFERENT from");
    if (chainUrls != walkUrls) {
        for (qsizetype i = 0; i < std::min(chainUrls.size(), walkUrls.size()); ++i) {
            if (chainUrls[i] != walkUrls[i]) {
                std::printf("  first difference, URL %lld:\n    grid: %s\n    walk: %s\n",
                            static_cast<long long>(i), qPrintable(chainUrls[i]), qPrintable(walkUrls[i]));
                break;
            }
        }
    }
    const Curl curl(dir.filePath(u"grid-urls.conf"_s), bearer, gridUrls);
    const Curl curlChain(dir.filePath(u"chain-urls.conf"_s), bearer, chainUrls);
    const qint64 warmGrid = curl.run();
    const qint64 warmChain = curlChain.run();
    std::printf("curl warming passes: the grid's URLs %lld ms, the chain's %lld ms\n", warmGrid, warmChain);
    std::fflush(stdout);

    StallProbe probe(&app);
    std::vector<qint64> gridMs, curlMs, chainMs, curlChainMs, heapPerRun, heldRuns, rssRuns;
    std::vector<double> stalls;
    for (int round = 0; round < kTimedRounds; ++round) {
        // Both grids empty: the rows of the last load are not freed inside the next one's time.
        grid->model.setFlow({}, {});
        chainGrid.model.setFlow({}, {});
        QCoreApplication::processEvents();
        const qint64 c = curl.run();
        malloc_trim(0);
        const qint64 heapBefore = heapBytes();
        const LoadResult r = loadAll(*grid, flow, &probe);
        ok = ok && c >= 0 && r.complete && r.rows == runs;
        const qint64 perRun = (probe.heapPeak() - heapBefore) / std::max(1, r.rows);
        // What the loaded rows hold: the heap now, and once they are gone (nothing asked between).
        const qint64 heapLoaded = heapBytes(), rssLoaded = statusKb("VmRSS:");
        grid->model.setFlow({}, {});
        QCoreApplication::processEvents();
        malloc_trim(0);
        const qint64 held = (heapLoaded - heapBytes()) / std::max(1, r.rows);
        const qint64 rss = (rssLoaded - statusKb("VmRSS:")) * 1024 / std::max(1, r.rows);
        heldRuns.push_back(held);
        rssRuns.push_back(rss);
        curlMs.push_back(c);
        gridMs.push_back(r.ms);
        stalls.push_back(probe.worstMs());
        heapPerRun.push_back(perRun);
        const qint64 cc = curlChain.run();
        const LoadResult rc = loadAll(chainGrid, flow);
        ok = ok && cc >= 0 && rc.complete && rc.rows == runs;
        curlChainMs.push_back(cc);
        chainMs.push_back(rc.ms);
        std::printf(
            "round %d: load all %lld ms (%d rows), curl over its URLs %lld ms; longest stall %.1f ms; "
            "per run: held %lld bytes, peak heap growth %lld, VmRSS given back %lld | one chain: load all "
            "%lld ms, curl %lld ms\n",
            round + 1, r.ms, r.rows, c, probe.worstMs(), held, perRun, rss, rc.ms, cc);
        std::fflush(stdout);
    }
    const double loopbackRatio = ratio(median(gridMs), median(curlMs));
    const double chainRatio = ratio(median(chainMs), median(curlChainMs));
    const double worstStall = *std::max_element(stalls.cbegin(), stalls.cend());
    const qint64 bytesPerRun = median(heldRuns);

    // 2. 20 ms per answer: curl paging sequentially by nextLink, the grid doing what it does.
    emu::Faults slow = cold;
    slow.latencyMs = 20;
    emu->emulator->setFaults(slow);
    QStringList slowUrls;
    std::vector<qint64> slowMs;
    for (int round = 0; round < kTimedRounds; ++round) {
        const LoadResult r = recordLoad(*grid, slowUrls);
        ok = ok && r.complete && r.rows == runs;
        slowMs.push_back(r.ms);
        std::printf("20 ms per answer, round %d: load all %lld ms (%lld requests)\n", round + 1, r.ms,
                    static_cast<long long>(slowUrls.size()));
        std::fflush(stdout);
    }
    const qint64 curlSlow = curlChain.run();
    ok = ok && curlSlow >= 0;
    const double slowRatio = ratio(median(slowMs), curlSlow);
    std::printf("20 ms per answer: load all %lld ms (median of %d); curl over the chain %lld ms (%lld "
                "requests); ratio %.3f (goal <= 0.3)\n",
                median(slowMs), kTimedRounds, curlSlow, static_cast<long long>(chainUrls.size()), slowRatio);
    // The bulk sweeps' collector ("Cancel all running", "Resubmit failed…") over every run, also at
    // 20 ms: time windows side by side against one chain.
    const auto sweep = [&](int parallel) {
        RunCollector collector(client, {{kLoadEnv, flow, u"Load test"_s}}, {}, 0, 0);
        collector.setParallelWindows(parallel);
        QEventLoop loop;
        QObject::connect(&collector, &RunCollector::finished, &loop, &QEventLoop::quit);
        QObject::connect(&collector, &RunCollector::failed, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        collector.start();
        loop.exec();
        const qint64 ms = clock.elapsed();
        ok = ok && collector.runs().size() == runs;
        std::printf("sweep collector at 20 ms, %d window(s) at once: %lld ms, %lld runs\n", parallel, ms,
                    static_cast<long long>(collector.runs().size()));
        std::fflush(stdout);
        return ms;
    };
    const qint64 sweepWindows = sweep(6);
    const qint64 sweepChain = sweep(1);
    const double sweepRatio = ratio(sweepWindows, sweepChain);
    emu->emulator->setFaults(cold);
    grid.reset();
    std::fflush(stdout);

    // 3. Reopening from the run store.
    const QString storePath = dir.filePath(u"runs.sqlite"_s);
    qint64 storedRuns = 0;
    {
        RunStore store;
        QString error;
        if (!store.open(storePath, &error)) {
            std::fprintf(stderr, "could not open the run store: %s\n", qPrintable(error));
            return 1;
        }
        Grid storing(client, &store);
        const LoadResult r = loadAll(storing, flow);
        storedRuns = store.runCount();
        ok = ok && r.complete && r.rows == runs && storedRuns == runs;
        std::printf("load all into the run store: %lld ms, %d rows; %lld runs stored, %.1f MB\n", r.ms,
                    r.rows, storedRuns, double(store.sizeBytes()) / 1048576.0);
    }
    std::vector<qint64> reopenMs;
    for (int round = 0; round < kTimedRounds; ++round) {
        RunStore store;
        if (!store.open(storePath))
            return 1;
        Grid reopened(client, &store);
        bool painted = false;
        struct PaintWatch : QObject
        {
            QAbstractItemModel *rows = nullptr;
            bool *painted = nullptr;
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::Paint && rows->rowCount() > 0)
                    *painted = true;
                return false;
            }
        } watch;
        watch.rows = &reopened.proxy;
        watch.painted = &painted;
        reopened.view.viewport()->installEventFilter(&watch);
        QElapsedTimer clock;
        clock.start();
        reopened.model.setFlow(kLoadEnv, flow);
        // The paint is delivered within processEvents: when it returns, the rows are painted.
        while (!painted && clock.elapsed() < kWaitMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        const qint64 ms = clock.elapsed();
        reopened.view.viewport()->removeEventFilter(&watch);
        ok = ok && painted && reopened.model.storedRowsShown() == runs;
        std::printf(
            "reopen %d: new store and grid, setFlow to painted rows: %lld ms (%d stored rows shown)\n",
            round + 1, ms, reopened.model.storedRowsShown());
        std::fflush(stdout);
        reopenMs.push_back(ms);
        // Let the fetch of newer runs it started finish before the grid goes.
        (void)QTest::qWaitFor([&] { return !reopened.model.isLoading(); }, 10000);
    }
    const qint64 reopen = median(reopenMs);

    std::printf("runs: %d, pages: %lld\n", runs, static_cast<long long>(walkUrls.size()));
    std::printf(
        "1. load all, loopback, warm, curl over the same URLs: %lld ms; curl %lld ms (medians of %d); "
        "ratio %.3f (goal <= 1.5); reading one chain: %lld ms, curl %lld ms, ratio %.3f\n",
        median(gridMs), median(curlMs), kTimedRounds, loopbackRatio, median(chainMs), median(curlChainMs),
        chainRatio);
    std::printf(
        "2. load all at 20 ms per answer: %lld ms; curl sequential %lld ms; ratio %.3f (goal <= 0.3)\n",
        median(slowMs), curlSlow, slowRatio);
    std::printf("2b. sweep collector over every run at 20 ms per answer: windows %lld ms, one chain %lld ms, "
                "ratio %.3f\n",
                sweepWindows, sweepChain, sweepRatio);
    std::printf("3. parse a 250-run page (fast parser): %.1f us (goal <= 200)\n", parseUs);
    std::printf("4. reopen 100,000 stored runs to painted rows: %lld ms, median of %d (goal <= 300)\n",
                reopen, kTimedRounds);
    std::printf(
        "5. longest event-loop stall during load all, view shown: %.1f ms, worst of %d (goal <= 50)\n",
        worstStall, kTimedRounds);
    std::printf(
        "6. heap held per loaded run: %lld bytes, median of %d (goal <= 400); peak heap growth during the "
        "load %lld (bench_runs_grid's way: the in-process emulator's cache, up to 32 MB, moves it); VmRSS "
        "given back when the rows go %lld\n",
        bytesPerRun, kTimedRounds, median(heapPerRun), median(rssRuns));
    std::printf("history-bench load_ratio_loopback=%.3f load_ratio_20ms=%.3f parse_us=%.1f reopen_ms=%lld "
                "max_stall_ms_load=%.1f bytes_per_run=%lld sweep_ratio_20ms=%.3f\n",
                loopbackRatio, slowRatio, parseUs, reopen, worstStall, bytesPerRun, sweepRatio);
    return ok ? 0 : 1;
}
