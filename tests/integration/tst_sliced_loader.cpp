// Time-sliced loading (issue 13): windows read side by side cover the range with no gap and no
// duplicate — a run exactly on a window's edge is read once, runs added while loading do not
// disturb it — against the emulator over loopback HTTP.

#include "EmulatorSession.h"

#include "api/HttpTransport.h"
#include "ops/RunCollector.h"
#include "ops/SlicedRunLoader.h"

#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {

QList<FlowRun> listAll(Session &session, const QString &env, const QString &flow)
{
    QList<FlowRun> runs;
    QString next;
    do {
        RunQuery query;
        query.top = 250;
        auto page = test::await<Page<FlowRun>>(
            [&](auto cb) { session.client()->listRuns(env, flow, query, &session, cb, next); });
        if (!page || !page->ok())
            return {};
        runs += page->value().items;
        next = page->value().nextLink;
    } while (!next.isEmpty());
    return runs;
}

QStringList readAll(SlicedRunLoader &loader, bool *complete)
{
    QStringList names;
    QObject::connect(&loader, &SlicedRunLoader::pageLoaded, &loader, [&names](const QList<FlowRun> &runs) {
        for (const FlowRun &run : runs)
            names << run.name;
    });
    QSignalSpy finished(&loader, &SlicedRunLoader::finished);
    loader.start();
    *complete = finished.wait(30000) && finished.at(0).at(0).toBool();
    return names;
}

} // namespace

class TestSlicedLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_s = test::startEmulatorSession(u"large:1500"_s);
        QVERIFY(m_s);
        const test::SeededFlow seeded = test::flowWithRuns(*m_s->emulator, 1500);
        m_env = seeded.environment;
        m_flow = seeded.flow;
        QVERIFY(!m_flow.isEmpty());
        m_all = listAll(*m_s->session, m_env, m_flow);
        QCOMPARE(m_all.size(), 1500);
    }

    void windowsCoverEverythingOnce()
    {
        const qint64 upper = m_all.first().startMs + 1;
        SlicedRunLoader loader(m_s->session->client(), m_env, m_flow, std::nullopt, 0, upper, 0.0, 6);
        QVERIFY(loader.windows().size() >= 6);
        bool complete = false;
        const QStringList names = readAll(loader, &complete);
        QVERIFY(complete);
        QCOMPARE(names.size(), 1500);
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 1500);
    }

    // The bulk sweeps' collector reads past its first page in windows side by side, and finds
    // exactly the runs a single chain finds: two statuses, a range starting mid-history.
    void collectorReadsInWindowsWhatAChainReads()
    {
        const qint64 from = m_all.at(m_all.size() * 2 / 3).startMs; // newest first: a third is older
        const QList<RunStatus> statuses{RunStatus::Succeeded, RunStatus::Failed};
        QSet<QString> expected;
        for (const FlowRun &run : std::as_const(m_all))
            if (run.startMs >= from && statuses.contains(run.status))
                expected.insert(run.name);
        QVERIFY(expected.size() > 500);
        const auto collect = [&](int parallel, int *maxInFlight, int *pages) {
            RunCollector collector(m_s->session->client(), {{m_env, m_flow, u"Load test"_s}}, statuses, from,
                                   0);
            collector.setParallelWindows(parallel);
            HttpTransport *transport = m_s->session->client()->transport();
            *maxInFlight = 0;
            const auto watch = connect(transport, &HttpTransport::callsInFlightChanged, this,
                                       [maxInFlight](int n) { *maxInFlight = std::max(*maxInFlight, n); });
            connect(&collector, &RunCollector::progress, this, [pages](int, int read) { *pages = read; });
            QSignalSpy finished(&collector, &RunCollector::finished);
            QSignalSpy failed(&collector, &RunCollector::failed);
            collector.start();
            const bool done = finished.wait(30000);
            disconnect(watch);
            QStringList names;
            if (!done || !failed.isEmpty())
                return names;
            for (const RunCollector::Found &found : collector.runs())
                names << found.run.name;
            // Per status, newest first, as one chain reads them.
            for (qsizetype i = 1; i < collector.runs().size(); ++i) {
                const FlowRun &a = collector.runs().at(i - 1).run, &b = collector.runs().at(i).run;
                if (a.status == b.status && a.startMs < b.startMs)
                    return QStringList{u"out of order: "_s + a.name + u" before "_s + b.name};
            }
            return names;
        };
        int chainInFlight = 0, chainPages = 0, windowsInFlight = 0, windowsPages = 0;
        const QStringList chain = collect(1, &chainInFlight, &chainPages);
        const QStringList windows = collect(6, &windowsInFlight, &windowsPages);
        QCOMPARE(chain.size(), expected.size());
        QCOMPARE(QSet<QString>(chain.cbegin(), chain.cend()), expected);
        QCOMPARE(windows, chain); // the same runs in the same order: no run twice
        QCOMPARE(QSet<QString>(windows.cbegin(), windows.cend()), expected);
        QCOMPARE(chainInFlight, 1);
        QVERIFY2(windowsInFlight > 1, qPrintable(QString::number(windowsInFlight))); // side by side
        qInfo("chain: %d pages; windows: %d pages, up to %d at once", chainPages, windowsPages,
              windowsInFlight);
    }

    // The client's calls cancelled under the windows (a sign-out): the collector says so instead
    // of leaving a sweep dialog counting for ever.
    void collectorSaysWhenItsWindowsAreCancelled()
    {
        emu::Faults slow;
        slow.latencyMs = 300;
        m_s->emulator->setFaults(slow);
        auto clearFaults = qScopeGuard([this] { m_s->emulator->setFaults({}); });
        RunCollector collector(m_s->session->client(), {{m_env, m_flow, u"Load test"_s}}, {}, 0, 0);
        QSignalSpy failed(&collector, &RunCollector::failed);
        QSignalSpy finished(&collector, &RunCollector::finished);
        HttpTransport *transport = m_s->session->client()->transport();
        connect(&collector, &RunCollector::progress, this, [transport](int, int pages) {
            if (pages == 1) // the first page is in; the windows leave now and answer in 300 ms
                QTimer::singleShot(100, transport, [transport] { transport->cancelAll(); });
        });
        collector.start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(finished.isEmpty());
    }

    void runOnTheEdgeIsReadOnce()
    {
        // Two windows whose shared edge is exactly the start time of one run.
        const FlowRun &edge = m_all.at(700);
        const qint64 half = 3 * 24 * 3600 * 1000LL;
        SlicedRunLoader loader(m_s->session->client(), m_env, m_flow, std::nullopt, edge.startMs - half,
                               edge.startMs + half, 0.0, 1);
        QCOMPARE(loader.windows().size(), std::size_t(2));
        QCOMPARE(loader.windows().at(0).fromMs, edge.startMs);
        QCOMPARE(loader.windows().at(1).toMs, edge.startMs);
        bool complete = false;
        const QStringList names = readAll(loader, &complete);
        QVERIFY(complete);
        QCOMPARE(names.count(edge.name), 1);
        QSet<QString> expected;
        for (const FlowRun &run : std::as_const(m_all)) {
            if (run.startMs >= edge.startMs - half && run.startMs < edge.startMs + half)
                expected.insert(run.name);
        }
        QCOMPARE(names.size(), expected.size());
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()), expected);
    }

    void runsAddedWhileLoadingChangeNothing()
    {
        const qint64 upper = m_all.first().startMs + 1;
        SlicedRunLoader loader(m_s->session->client(), m_env, m_flow, std::nullopt, 0, upper, 0.0, 3);
        int added = 0;
        connect(&loader, &SlicedRunLoader::pageLoaded, this, [&] {
            if (added < 5) {
                m_s->emulator->startRun(m_env, m_flow);
                ++added;
            }
        });
        bool complete = false;
        const QStringList names = readAll(loader, &complete);
        QVERIFY(complete);
        QCOMPARE(added, 5);
        QCOMPARE(names.size(), 1500); // the new runs started after the range: not in it, not doubled
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 1500);
    }

private:
    std::unique_ptr<test::EmulatorSession> m_s;
    QString m_env, m_flow;
    QList<FlowRun> m_all;
};

QTEST_GUILESS_MAIN(TestSlicedLoader)
#include "tst_sliced_loader.moc"
