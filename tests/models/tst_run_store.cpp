// The local run store (issue 13): round trip and dedupe in SQLite, and the runs model opening a
// flow from it — stored rows at once, then only what is new, older pages below the stored
// history with the boundary run never shown twice.

#include "EmulatorSession.h"
#include "RunsModel.h"
#include "RunsTestSession.h"
#include "store/RunStore.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {

FlowRun makeRun(const QString &name, qint64 start, RunStatus status)
{
    FlowRun run;
    run.name = name;
    run.startMs = start;
    run.endMs = status == RunStatus::Running ? 0 : start + 1000;
    run.status = status;
    run.code = status == RunStatus::Failed ? u"ActionFailed"_s : QString();
    run.triggerName = u"manual"_s;
    run.correlationId = name + u"-c"_s;
    run.originRun = name;
    return run;
}

int distinctNames(const RunsModel &model)
{
    QSet<QString> names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.insert(model.runAt(row).name);
    return static_cast<int>(names.size());
}

} // namespace

class TestRunStore : public QObject
{
    Q_OBJECT
private slots:
    void roundTripAndDedupe();
    void reopenShowsStoredRunsThenOnlyNewOnes();
    void partialHistoryContinuesBelowTheBoundary();
    void limitTrimsTheOldestAndClearForgets();
    void fullDiskLosesNothingStoredAndTheGridGoesOn();
    void twoWindowsWriteTheSameStore();

private:
    QTemporaryDir m_dir;
};

void TestRunStore::roundTripAndDedupe()
{
    RunStore store;
    QVERIFY(store.open(m_dir.filePath(u"roundtrip.sqlite"_s)));
    QList<FlowRun> runs{makeRun(u"A"_s, 3000, RunStatus::Running), makeRun(u"B"_s, 2000, RunStatus::Failed),
                        makeRun(u"C"_s, 1000, RunStatus::Succeeded)};
    runs[1].originRun = u"Z"_s; // a resubmitted run names its source
    QVERIFY(store.save(u"env"_s, u"flow"_s, runs));
    QVERIFY(store.setCoverage(u"env"_s, u"flow"_s, 1001, false));
    // The same run again, finished now: replaced, not added.
    FlowRun finished = runs[0];
    finished.status = RunStatus::Succeeded;
    finished.endMs = 3500;
    QVERIFY(store.save(u"env"_s, u"flow"_s, {finished}));
    QCOMPARE(store.runCount(), 3);

    RunStore again; // another connection, as after a restart
    QVERIFY(again.open(m_dir.filePath(u"roundtrip.sqlite"_s)));
    const auto history = again.load(u"env"_s, u"flow"_s);
    QVERIFY(history);
    QCOMPARE(history->coveredFromMs, 1001);
    QVERIFY(!history->complete);
    QCOMPARE(history->runs.size(), std::size_t(3));
    QCOMPARE(history->runs[0].name, u"A"_s); // newest first
    QCOMPARE(history->runs[0].status, RunStatus::Succeeded);
    QCOMPARE(history->runs[0].endMs, 3500);
    QCOMPARE(history->runs[1].originRun, u"Z"_s);
    QCOMPARE(history->runs[1].code, u"ActionFailed"_s);
    QCOMPARE(history->runs[2].originRun, u"C"_s);
    QCOMPARE(history->runs[2].correlationId, u"C-c"_s);
    QVERIFY(!again.load(u"env"_s, u"other"_s));

    // Names that do not sort newest first (the service's do): loaded newest first all the same.
    QList<FlowRun> shuffled;
    for (int i = 0; i < 50; ++i)
        shuffled << makeRun(u"N%1"_s.arg((i * 37) % 50, 2, 10, QChar(u'0')), 10000 + i * 100,
                            RunStatus::Succeeded);
    QVERIFY(again.save(u"env"_s, u"shuffled"_s, shuffled));
    QVERIFY(again.setCoverage(u"env"_s, u"shuffled"_s, 10000, true));
    const auto sorted = again.load(u"env"_s, u"shuffled"_s);
    QVERIFY(sorted);
    QCOMPARE(sorted->runs.size(), std::size_t(50));
    for (std::size_t i = 0; i < sorted->runs.size(); ++i)
        QCOMPARE(sorted->runs[i].startMs, 10000 + (49 - qint64(i)) * 100);
}

void TestRunStore::reopenShowsStoredRunsThenOnlyNewOnes()
{
    auto s = test::startEmulatorSession(u"large:1200"_s);
    QVERIFY(s);
    const test::SeededFlow seeded = test::flowWithRuns(*s->emulator, 1200);
    const QString loadEnv = seeded.environment;
    const QString loadFlow = seeded.flow;
    QVERIFY(!loadFlow.isEmpty());
    RunStore store;
    QVERIFY(store.open(m_dir.filePath(u"reopen.sqlite"_s)));

    {
        RunsModel first(s->session->client());
        first.setRunStore(&store);
        first.setFlow(loadEnv, loadFlow);
        QCOMPARE(first.storedRowsShown(), 0);
        QSignalSpy done(&first, &RunsModel::loadAllFinished);
        first.loadAll();
        QVERIFY(done.wait(30000));
        QCOMPARE(first.rowCount(), 1200);
    }
    const auto coverage = store.coverage(loadEnv, loadFlow);
    QVERIFY(coverage && coverage->second);
    QCOMPARE(store.runCount(), 1200);

    // Three runs start while the flow is closed.
    QStringList fresh;
    for (int i = 0; i < 3; ++i)
        fresh << s->emulator->startRun(loadEnv, loadFlow);

    RunsModel second(s->session->client());
    QAbstractItemModelTester tester(&second, QAbstractItemModelTester::FailureReportingMode::QtTest);
    second.setRunStore(&store);
    second.setFlow(loadEnv, loadFlow);
    // At once, from the disk: setFlow returned without the event loop running, so no answer of
    // the service can be among these rows.
    QCOMPARE(second.rowCount(), 1200);
    QCOMPARE(second.storedRowsShown(), 1200);
    QVERIFY(second.isComplete());
    // Then the new ones, at the top, and nothing twice.
    QTRY_COMPARE_WITH_TIMEOUT(second.rowCount(), 1203, 15000);
    QCOMPARE(distinctNames(second), 1203);
    QSet<QString> top;
    for (int row = 0; row < 3; ++row)
        top.insert(second.runAt(row).name);
    QCOMPARE(top, QSet<QString>(fresh.cbegin(), fresh.cend()));
    QTRY_COMPARE_WITH_TIMEOUT(store.runCount(), 1203, 15000);
}

void TestRunStore::partialHistoryContinuesBelowTheBoundary()
{
    auto s = test::startEmulatorSession(u"large:700"_s);
    QVERIFY(s);
    const test::SeededFlow seeded = test::flowWithRuns(*s->emulator, 700);
    const QString loadEnv = seeded.environment;
    const QString loadFlow = seeded.flow;
    QVERIFY(!loadFlow.isEmpty());
    RunStore store;
    QVERIFY(store.open(m_dir.filePath(u"partial.sqlite"_s)));
    {
        RunsModel first(s->session->client());
        first.setRunStore(&store);
        first.setFlow(loadEnv, loadFlow);
        QTRY_VERIFY_WITH_TIMEOUT(first.rowCount() > 0 && !first.isLoading(), 15000);
        QCOMPARE(first.rowCount(), 50); // one page
    }
    const auto coverage = store.coverage(loadEnv, loadFlow);
    QVERIFY(coverage && !coverage->second && coverage->first > 0);

    RunsModel second(s->session->client());
    QAbstractItemModelTester tester(&second, QAbstractItemModelTester::FailureReportingMode::QtTest);
    second.setRunStore(&store);
    second.setFlow(loadEnv, loadFlow);
    QCOMPARE(second.storedRowsShown(), 50);
    QVERIFY(!second.isComplete());
    QSignalSpy done(&second, &RunsModel::loadAllFinished);
    second.loadAll();
    QVERIFY(done.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(second.rowCount() >= 700, 15000);
    // Every run once: the run on the boundary (read again by the first older page) is not doubled.
    QCOMPARE(second.rowCount(), 700);
    QCOMPARE(distinctNames(second), 700);
    QCOMPARE(store.runCount(), 700);
    QVERIFY(store.coverage(loadEnv, loadFlow)->second);
}

void TestRunStore::limitTrimsTheOldestAndClearForgets()
{
    RunStore store;
    QVERIFY(store.open(m_dir.filePath(u"limit.sqlite"_s)));
    QList<FlowRun> runs;
    for (int i = 0; i < 20000; ++i)
        runs << makeRun(u"run-%1-with-a-long-enough-name"_s.arg(i, 6, 10, QChar(u'0')), 1000000 + i,
                        RunStatus::Succeeded);
    QVERIFY(store.save(u"env"_s, u"flow"_s, runs));
    QVERIFY(store.setCoverage(u"env"_s, u"flow"_s, 1000000, true));
    const qint64 before = store.sizeBytes();
    QVERIFY(before > 1024 * 1024);
    QVERIFY2(store.enforceLimit(before / 2), qPrintable(store.lastError()));
    QVERIFY2(store.sizeBytes() <= before / 2,
             qPrintable(
                 u"%1 bytes of %2 left, %3 runs"_s.arg(store.sizeBytes()).arg(before).arg(store.runCount())));
    const auto history = store.load(u"env"_s, u"flow"_s);
    QVERIFY(history);
    QVERIFY(!history->complete); // its oldest runs are gone: no longer whole
    QVERIFY(history->runs.size() < 20000);
    QCOMPARE(history->runs.front().startMs, 1000000 + 19999); // the newest stay
    QVERIFY(history->coveredFromMs > history->runs.back().startMs);
    QVERIFY(store.clear());
    QCOMPARE(store.runCount(), 0);
    QVERIFY(!store.load(u"env"_s, u"flow"_s));
}

// The store's own SQLite connection, to make its disk "full": max_page_count caps the file at
// the pages it has, and SQLite then answers every growing write with SQLITE_FULL.
static QSqlDatabase connectionOf(const RunStore &store)
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.databaseName() == store.path())
            return db;
    }
    return {};
}

static bool capPages(QSqlDatabase db, bool full)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA page_count"_s) || !q.next())
        return false;
    const qint64 pages = q.value(0).toLongLong();
    return q.exec(u"PRAGMA max_page_count = %1"_s.arg(full ? pages : 1073741823));
}

void TestRunStore::fullDiskLosesNothingStoredAndTheGridGoesOn()
{
    RunStore store;
    QVERIFY(store.open(m_dir.filePath(u"full.sqlite"_s)));
    QList<FlowRun> first;
    for (int i = 0; i < 500; ++i)
        first.append(makeRun(u"R%1"_s.arg(100000 - i), 1'000'000 - i * 10, RunStatus::Succeeded));
    QVERIFY(store.save(u"env"_s, u"flow"_s, first));
    QVERIFY(store.setCoverage(u"env"_s, u"flow"_s, first.last().startMs, false));
    QSqlDatabase db = connectionOf(store);
    QVERIFY(db.isValid());
    QVERIFY(capPages(db, true));

    // A page of 5,000 more runs does not fit: refused whole, with SQLite's reason, nothing half written.
    QList<FlowRun> more;
    for (int i = 0; i < 5000; ++i)
        more.append(makeRun(u"Q%1"_s.arg(100000 - i), 500'000 - i * 10, RunStatus::Failed));
    QVERIFY(!store.save(u"env"_s, u"flow"_s, more));
    QVERIFY2(store.lastError().contains(u"full"_s, Qt::CaseInsensitive), qPrintable(store.lastError()));
    QCOMPARE(store.runCount(), 500);
    const auto history = store.load(u"env"_s, u"flow"_s);
    QVERIFY(history);
    QCOMPARE(history->runs.size(), std::size_t(500));
    QCOMPARE(history->coveredFromMs, first.last().startMs);

    // A grid on that store still shows every run of the flow from the service.
    auto s = test::startEmulatorSession(u"large:600"_s);
    QVERIFY(s);
    const test::SeededFlow seeded = test::flowWithRuns(*s->emulator, 600);
    const QString env = seeded.environment;
    const QString flow = seeded.flow;
    RunsModel model(s->session->client());
    model.setRunStore(&store);
    model.setFlow(env, flow);
    QSignalSpy done(&model, &RunsModel::loadAllFinished);
    model.loadAll();
    QVERIFY(done.wait(30000));
    QCOMPARE(model.rowCount(), 600);
    QCOMPARE(distinctNames(model), 600);
    const auto coverage = store.coverage(env, flow);
    QVERIFY(!coverage || !coverage->second); // never claimed complete: nothing of it was stored

    // Room again: the next save goes through.
    QVERIFY(capPages(db, false));
    QVERIFY(store.save(u"env"_s, u"flow"_s, more));
    QCOMPARE(store.runCount(), 5500);
}

// Two windows of one profile share the file: both write at the same time (here from two
// threads, each with its own connection as each window has), one waiting on SQLite's busy
// timeout while the other commits, and neither loses a run.
void TestRunStore::twoWindowsWriteTheSameStore()
{
    const QString path = m_dir.filePath(u"shared.sqlite"_s);
    const auto batch = [](const QString &who, int round, RunStatus status) {
        QList<FlowRun> runs;
        for (int i = 0; i < 100; ++i)
            runs.append(makeRun(u"%1%2-%3"_s.arg(who).arg(round).arg(i), round * 1000 + i, status));
        runs.append(makeRun(u"shared"_s, 1, status)); // the same run from both: one row
        return runs;
    };
    RunStore a;
    QVERIFY(a.open(path));
    std::atomic<int> failuresB{0};
    QString errorB;
    std::thread other([&] {
        RunStore b;
        if (!b.open(path)) {
            failuresB = 1000;
            errorB = b.lastError();
            return;
        }
        for (int round = 0; round < 30; ++round) {
            if (!b.save(u"env"_s, u"flow"_s, batch(u"B"_s, round, RunStatus::Failed))) {
                ++failuresB;
                errorB = b.lastError();
            }
        }
    });
    int failuresA = 0;
    QString errorA;
    for (int round = 0; round < 30; ++round) {
        if (!a.save(u"env"_s, u"flow"_s, batch(u"A"_s, round, RunStatus::Succeeded))) {
            ++failuresA;
            errorA = a.lastError();
        }
    }
    other.join();
    QVERIFY2(failuresA == 0, qPrintable(errorA));
    QVERIFY2(failuresB == 0, qPrintable(errorB));
    QCOMPARE(a.runCount(), 30 * 200 + 1);
    const auto history = a.load(u"env"_s, u"flow"_s);
    QVERIFY(history);
    QCOMPARE(history->runs.size(), std::size_t(30 * 200 + 1));
}

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_run_store.moc"
