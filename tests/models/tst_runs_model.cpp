// RunsModel and RunsFilterProxy against the in-process emulator over real HTTP, under a
// QAbstractItemModelTester that lives as long as the model: paging, load all, server-side
// filters (several statuses, time range), the text filter and sorting, refresh of running
// rows, rows changing status, new runs of a resubmit.

#include "RunDisplay.h"
#include "RunsFilterProxy.h"
#include "RunsModel.h"
#include "RunsTestSession.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {
const QString kLoadEnv = u"5a0ad7e5-7000-4000-8000-00000000beef"_s;
constexpr int kLargeRuns = 1200;
} // namespace

class TestRunsModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { m_emu.reset(); }
    void init();
    void cleanup();
    void paging();
    void loadAllAndStop();
    void serverFilters();
    void textFilterAndSorting();
    void refreshOfRunningRows();
    void rowsChangingStatus();
    void newRunsOfResubmit();
    void newRunsRespectTheQuery();

private:
    bool waitLoaded(int timeoutMs = 20000);
    std::unique_ptr<test::EmulatorSession> m_emu;
    QString m_largeFlow;
    std::unique_ptr<RunsModel> m_model;
    std::unique_ptr<RunsFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestRunsModel::initTestCase()
{
    emu::EmulatorOptions options;
    options.seed = u"large:%1"_s.arg(kLargeRuns);
    options.runDurationMs = 1500; // runs started by the tests finish quickly
    m_emu = test::startRunsSession(options);
    QVERIFY(m_emu);
    const QStringList flows = m_emu->emulator->flowNames(kLoadEnv);
    for (const QString &flow : flows) {
        if (m_emu->emulator->runCount(kLoadEnv, flow) == kLargeRuns)
            m_largeFlow = flow;
    }
    QVERIFY(!m_largeFlow.isEmpty());
}

void TestRunsModel::init()
{
    m_model = std::make_unique<RunsModel>(m_emu->session->client());
    m_proxy = std::make_unique<RunsFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Paging is under the test's control: the testers must not fetch more themselves.
    m_tester->setUseFetchMore(false);
    m_proxyTester->setUseFetchMore(false);
}

void TestRunsModel::cleanup()
{
    m_proxyTester.reset();
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
}

bool TestRunsModel::waitLoaded(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_model->isLoaded() && !m_model->isLoading(); }, timeoutMs);
}

void TestRunsModel::paging()
{
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));
    m_model->setPageSize(100);
    m_model->setFlow(kLoadEnv, m_largeFlow);
    QVERIFY(m_model->isLoading());
    QVERIFY(!m_model->canFetchMore({})); // not while a page is in flight
    QVERIFY(waitLoaded());
    QCOMPARE(m_model->rowCount(), 100);
    QVERIFY(m_model->canFetchMore({}));
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->fetchMore({});
    QVERIFY(waitLoaded());
    QCOMPARE(m_model->rowCount(), 200);
    QCOMPARE(inserted.size(), 1); // one page, one insertion
    QCOMPARE(inserted.at(0).at(1).toInt(), 100);
    QCOMPARE(inserted.at(0).at(2).toInt(), 199);
    // Every row is a complete run; display and sort roles answer.
    const QModelIndex first = m_model->index(0, RunsModel::StartColumn);
    QVERIFY(first.data(RunsModel::SortRole).toLongLong() > 0);
    QVERIFY(!m_model->index(0, RunsModel::NameColumn).data().toString().isEmpty());
    QVERIFY(!m_model->index(0, RunsModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(m_model->index(0, 0).data(RunsModel::KeyRole).toString(), m_model->runAt(0).name);
}

void TestRunsModel::loadAllAndStop()
{
    m_model->setFlow(kLoadEnv, m_largeFlow);
    QVERIFY(waitLoaded());
    QSignalSpy finished(m_model.get(), &RunsModel::loadAllFinished);
    QSignalSpy progress(m_model.get(), &RunsModel::loadAllProgress);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->loadAll();
    QVERIFY(m_model->isLoadingAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(m_model->rowCount(), kLargeRuns);
    QVERIFY(m_model->isComplete());
    QVERIFY(!m_model->canFetchMore({}));
    // Pages arriving together go in together: never more inserts than pages, at least one.
    QVERIFY(inserted.size() >= 1);
    QVERIFY2(
        inserted.size() <= progress.size(),
        qPrintable(QString::number(inserted.size()) + u" inserts for "_s + QString::number(progress.size())));
    int lastProgress = 0;
    for (const QList<QVariant> &p : std::as_const(progress)) {
        QVERIFY(p.at(0).toInt() > lastProgress);
        lastProgress = p.at(0).toInt();
    }
    QCOMPARE(lastProgress, kLargeRuns);
    int sum = 0;
    for (int n : m_model->statusCounts())
        sum += n;
    QCOMPARE(sum, kLargeRuns);
    // No run twice.
    QSet<QString> names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names.insert(m_model->runAt(row).name);
    QCOMPARE(names.size(), kLargeRuns);

    // Stop: a reload, then load all, stopped before its windows answer (they answer within
    // milliseconds on loopback, so at once); scrolling on reads one more page.
    m_model->reload();
    QVERIFY(waitLoaded());
    finished.clear();
    m_model->loadAll();
    m_model->stopLoadAll();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(waitLoaded());
    QVERIFY(m_model->rowCount() < kLargeRuns);
    QVERIFY(m_model->canFetchMore({}));
    const int before = m_model->rowCount();
    m_model->fetchMore({});
    QTRY_VERIFY(m_model->rowCount() > before);
    QVERIFY(waitLoaded());
    QVERIFY(m_model->rowCount() < kLargeRuns);
    // Load all again picks the windows up where they stopped: every run, once.
    finished.clear();
    m_model->loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(m_model->rowCount(), kLargeRuns);
    names.clear();
    for (int row = 0; row < m_model->rowCount(); ++row)
        names.insert(m_model->runAt(row).name);
    QCOMPARE(names.size(), kLargeRuns);
}

void TestRunsModel::serverFilters()
{
    // Several statuses: one query per status, every row one of them.
    m_model->setFlow(kLoadEnv, m_largeFlow);
    QVERIFY(waitLoaded());
    m_model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), 30000);
    const int failed = m_model->count(RunStatus::Failed);
    const int cancelled = m_model->count(RunStatus::Cancelled);
    QVERIFY(failed > 0);
    QVERIFY(cancelled > 0);

    m_model->setQuery({RunStatus::Failed, RunStatus::Cancelled}, 0, 0);
    QVERIFY(waitLoaded());
    m_model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), 30000);
    QCOMPARE(m_model->rowCount(), failed + cancelled);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const RunStatus s = m_model->runAt(row).status;
        QVERIFY(s == RunStatus::Failed || s == RunStatus::Cancelled);
    }

    // Time range: the last 7 days of the 28 the seed spans.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - 7LL * 24 * 3600 * 1000;
    m_model->setQuery({}, from, now);
    QVERIFY(waitLoaded());
    m_model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), 30000);
    QVERIFY(m_model->rowCount() > 0);
    QVERIFY(m_model->rowCount() < kLargeRuns);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QVERIFY(m_model->runAt(row).startMs >= from);
        QVERIFY(m_model->runAt(row).startMs < now);
    }
}

void TestRunsModel::textFilterAndSorting()
{
    m_model->setFlow(kLoadEnv, m_largeFlow);
    QVERIFY(waitLoaded());
    m_model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isComplete(), 30000);
    const QString name = m_model->runAt(123).name;
    m_proxy->setTextFilter(name.right(10));
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, RunsModel::NameColumn).data().toString(), name);
    m_proxy->setTextFilter(RunDisplay::statusText(RunStatus::Failed).toLower());
    QCOMPARE(m_proxy->rowCount(), m_model->count(RunStatus::Failed));
    m_proxy->setTextFilter({});
    QCOMPARE(m_proxy->rowCount(), kLargeRuns);

    // Sorting by raw values on every column.
    for (int column = 0; column < RunsModel::ColumnCount; ++column) {
        m_proxy->sort(column, Qt::AscendingOrder);
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const QVariant a = m_proxy->index(row - 1, column).data(RunsModel::SortRole);
            const QVariant b = m_proxy->index(row, column).data(RunsModel::SortRole);
            if (column == RunsModel::DurationColumn)
                continue; // running rows sort by elapsed time, which moves
            QVERIFY2(QVariant::compare(a, b) <= 0, qPrintable(u"column %1 row %2"_s.arg(column).arg(row)));
        }
    }
    m_proxy->sort(RunsModel::StartColumn, Qt::DescendingOrder);
    QVERIFY(m_proxy->index(0, RunsModel::StartColumn).data(RunsModel::SortRole).toLongLong() >=
            m_proxy->index(1, RunsModel::StartColumn).data(RunsModel::SortRole).toLongLong());
}

void TestRunsModel::refreshOfRunningRows()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    const QString flow = test::busiestOwnedFlow(*m_emu->emulator, env);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_emu->emulator->startRun(env, flow).isEmpty());
    m_model->setQuery({RunStatus::Running}, 0, 0);
    m_model->setFlow(env, flow);
    QVERIFY(waitLoaded());
    m_model->loadAll();
    QTRY_VERIFY(m_model->isComplete());
    const int running = m_model->count(RunStatus::Running);
    QVERIFY(running >= 3);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model.get(), &RunsModel::runsUpdated);
    m_model->setRefreshInterval(400);
    // The emulator ends the started runs after 1.5 s; the refresh picks that up.
    QTRY_VERIFY_WITH_TIMEOUT(m_model->count(RunStatus::Running) <= running - 3, 15000);
    m_model->setRefreshInterval(0);
    QVERIFY(!changed.isEmpty());
    QVERIFY(!updated.isEmpty());
    int rowsChanged = 0;
    for (const auto &args : updated)
        rowsChanged += args.at(0).toInt();
    // Folded: no more signals than rows that changed, one per row at most.
    QVERIFY(changed.size() <= rowsChanged);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const FlowRun &run = m_model->runAt(row);
        if (!isRunActive(run.status))
            QVERIFY(run.endMs > 0);
    }
}

void TestRunsModel::rowsChangingStatus()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    const QString flow = test::busiestOwnedFlow(*m_emu->emulator, env);
    // Two runs that last long enough to be cancelled.
    m_emu->emulator->setFaults({});
    QStringList started;
    for (int i = 0; i < 2; ++i)
        started << m_emu->emulator->startRun(env, flow);
    m_model->setFlow(env, flow);
    QVERIFY(waitLoaded());
    for (const QString &name : started)
        QVERIFY(m_model->findRow(name) >= 0);
    ApiClient *client = m_emu->session->client();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    for (const QString &name : started) {
        const auto done =
            test::await<Done>([&](auto cb) { client->cancelRun(env, flow, name, m_model.get(), cb); });
        QVERIFY(done && (done->ok() || done->error().httpStatus == 409));
        m_model->reloadRun(name);
    }
    QTRY_VERIFY(!isRunActive(m_model->runAt(m_model->findRow(started[0])).status) &&
                !isRunActive(m_model->runAt(m_model->findRow(started[1])).status));
    QVERIFY(!changed.isEmpty());
    const int row = m_model->findRow(started[0]);
    QVERIFY(m_model->index(row, RunsModel::StatusColumn).data().toString() !=
            RunDisplay::statusText(RunStatus::Running));
}

void TestRunsModel::newRunsOfResubmit()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    const QString flow = test::busiestOwnedFlow(*m_emu->emulator, env);
    m_model->setFlow(env, flow);
    QVERIFY(waitLoaded());
    QVERIFY(m_model->rowCount() > 0);
    QString origin;
    for (int row = 0; row < m_model->rowCount() && origin.isEmpty(); ++row) {
        if (!isRunActive(m_model->runAt(row).status))
            origin = m_model->runAt(row).name;
    }
    QVERIFY(!origin.isEmpty());
    const qint64 sent = QDateTime::currentMSecsSinceEpoch();
    ApiClient *client = m_emu->session->client();
    const auto done =
        test::await<Done>([&](auto cb) { client->resubmitRun(env, flow, origin, {}, m_model.get(), cb); });
    QVERIFY(done && done->ok());
    QSignalSpy inserted(m_model.get(), &RunsModel::runsInserted);
    const int before = m_model->rowCount();
    m_model->fetchNewRuns(sent - 60000);
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), before + inserted.at(0).at(0).toInt());
    bool found = false;
    for (int row = 0; row < inserted.at(0).at(0).toInt(); ++row)
        found = found || m_model->runAt(row).originRun == origin;
    QVERIFY(found);
    // Asking again inserts nothing twice.
    m_model->fetchNewRuns(sent - 60000);
    QTest::qWait(0);
    QTRY_VERIFY(!m_model->isRefreshing());
    QSet<QString> names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names.insert(m_model->runAt(row).name);
    QCOMPARE(names.size(), m_model->rowCount());
}

// New runs found after a resubmit join the grid only when its query would list them: under a
// Failed filter a new Running run stays out (issue 14, item 9).
void TestRunsModel::newRunsRespectTheQuery()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    const QString flow = test::busiestOwnedFlow(*m_emu->emulator, env);
    m_model->setQuery({RunStatus::Failed}, 0, 0);
    m_model->setFlow(env, flow);
    QVERIFY(waitLoaded());
    QVERIFY(m_model->rowCount() > 0);
    const QString origin = m_model->runAt(0).name;
    const qint64 sent = QDateTime::currentMSecsSinceEpoch();
    ApiClient *client = m_emu->session->client();
    const auto done =
        test::await<Done>([&](auto cb) { client->resubmitRun(env, flow, origin, {}, m_model.get(), cb); });
    QVERIFY(done && done->ok());
    // The service has the resubmitted run, with the status it has now.
    const auto listed = test::await<Page<FlowRun>>([&](auto cb) {
        RunQuery query;
        query.startFromMs = sent - 60000;
        client->listRuns(env, flow, query, m_model.get(), cb);
    });
    QVERIFY(listed && *listed && !(*listed)->items.isEmpty());
    QSignalSpy checked(m_model.get(), &RunsModel::newRunsChecked);
    m_model->fetchNewRuns(sent - 60000);
    QTRY_COMPARE(checked.size(), 1);
    for (const FlowRun &run : (*listed)->items) {
        const int row = m_model->findRow(run.name);
        if (run.status == RunStatus::Failed)
            continue; // may have been listed already or join now: both fine
        QVERIFY2(row < 0, qPrintable(u"a %1 run joined a Failed-only grid"_s.arg(runStatusName(run.status))));
    }
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->runAt(row).status, RunStatus::Failed);
}

QTEST_MAIN(TestRunsModel)
#include "tst_runs_model.moc"
