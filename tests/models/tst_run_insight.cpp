// RunInsight (issue 13) on a RunsModel loaded from the in-process emulator (large:3000): runs per
// local day by status, the top failure codes and the duration percentiles per day, each against
// a direct computation from the model's rows; the incremental aggregation (pages as they arrive)
// equal to one from scratch; a reset starting over; status changes recomputed once, lazily.

#include "RunInsight.h"
#include "RunsModel.h"
#include "RunsTestSession.h"

#include <QDateTime>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {
const QString kLoadEnv = u"5a0ad7e5-7000-4000-8000-00000000beef"_s;
constexpr int kLargeRuns = 3000;

// What the aggregates must be, computed the plain way: a QDateTime per run, a full sort per day.
struct Expected
{
    std::map<qint64, RunInsight::Counts> days;
    std::map<qint64, std::vector<qint64>> durations;
    std::map<QString, int> codes;
    int runs = 0;
};

Expected expectedFrom(const RunsModel &model)
{
    Expected e;
    for (int row = 0; row < model.rowCount(); ++row) {
        const FlowRun &run = model.runAt(row);
        const qint64 day = QDateTime::fromMSecsSinceEpoch(run.startMs).date().toJulianDay();
        ++e.days[day][static_cast<std::size_t>(run.status)];
        if (run.endMs > 0 && run.endMs >= run.startMs)
            e.durations[day].push_back(run.endMs - run.startMs);
        if (run.status == RunStatus::Failed)
            ++e.codes[run.code];
        ++e.runs;
    }
    return e;
}

qint64 sortedPercentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::max<std::size_t>(rank, 1) - 1];
}

// Fails the calling test (QVERIFY/QCOMPARE inside) when the insight differs from the rows.
void checkAgainstRows(const RunInsight &insight, const RunsModel &model)
{
    const Expected e = expectedFrom(model);
    QCOMPARE(insight.runCount(), e.runs);
    QVERIFY(e.runs > 0);
    const std::vector<RunInsight::Day> days = insight.days();
    QVERIFY(!days.empty());
    QCOMPARE(days.front().julianDay, e.days.begin()->first);
    QCOMPARE(days.back().julianDay, e.days.rbegin()->first);
    QCOMPARE(static_cast<qint64>(days.size()), days.back().julianDay - days.front().julianDay + 1);
    RunInsight::Counts totals{};
    for (const RunInsight::Day &day : days) {
        const auto it = e.days.find(day.julianDay);
        const RunInsight::Counts expected = it == e.days.end() ? RunInsight::Counts{} : it->second;
        int total = 0;
        for (std::size_t s = 0; s < expected.size(); ++s) {
            QCOMPARE(day.counts[s], expected[s]);
            total += expected[s];
            totals[s] += day.counts[s];
        }
        QCOMPARE(day.total, total);
        const auto d = e.durations.find(day.julianDay);
        const std::vector<qint64> durations = d == e.durations.end() ? std::vector<qint64>{} : d->second;
        QCOMPARE(day.finished, static_cast<int>(durations.size()));
        QCOMPARE(day.p50Ms, sortedPercentile(durations, 50));
        QCOMPARE(day.p95Ms, sortedPercentile(durations, 95));
    }
    for (std::size_t s = 0; s < totals.size(); ++s)
        QCOMPARE(insight.statusCounts()[s], totals[s]);

    std::vector<RunInsight::Code> codes;
    for (const auto &[code, count] : e.codes)
        codes.push_back({code, count});
    std::stable_sort(codes.begin(), codes.end(),
                     [](const RunInsight::Code &a, const RunInsight::Code &b) { return a.count > b.count; });
    codes.resize(std::min<std::size_t>(codes.size(), RunInsight::kTopCodes));
    const std::vector<RunInsight::Code> top = insight.topFailureCodes();
    QCOMPARE(top.size(), codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        QCOMPARE(top[i].code, codes[i].code);
        QCOMPARE(top[i].count, codes[i].count);
    }
}

bool sameAggregates(const RunInsight &a, const RunInsight &b)
{
    const auto da = a.days(), db = b.days();
    if (da.size() != db.size() || a.runCount() != b.runCount() || a.statusCounts() != b.statusCounts())
        return false;
    for (std::size_t i = 0; i < da.size(); ++i) {
        if (da[i].julianDay != db[i].julianDay || da[i].counts != db[i].counts ||
            da[i].p50Ms != db[i].p50Ms || da[i].p95Ms != db[i].p95Ms || da[i].finished != db[i].finished)
            return false;
    }
    const auto ca = a.topFailureCodes(), cb = b.topFailureCodes();
    if (ca.size() != cb.size())
        return false;
    for (std::size_t i = 0; i < ca.size(); ++i) {
        if (ca[i].code != cb[i].code || ca[i].count != cb[i].count)
            return false;
    }
    return true;
}
} // namespace

class TestRunInsight : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { m_emu.reset(); }
    void percentiles();
    void rankingOfCodes();
    void firstPageAgainstRows();
    void incrementalEqualsFromScratch();
    void resetStartsOver();
    void statusChangesRecomputeLazily();

private:
    bool waitLoaded(RunsModel &model)
    {
        return QTest::qWaitFor([&] { return model.isLoaded() && !model.isLoading(); }, 30000);
    }
    std::unique_ptr<test::EmulatorSession> m_emu;
    QString m_flow;
};

void TestRunInsight::initTestCase()
{
    emu::EmulatorOptions options;
    options.seed = u"large:%1"_s.arg(kLargeRuns);
    m_emu = test::startRunsSession(options);
    QVERIFY(m_emu);
    for (const QString &flow : m_emu->emulator->flowNames(kLoadEnv)) {
        if (m_emu->emulator->runCount(kLoadEnv, flow) == kLargeRuns)
            m_flow = flow;
    }
    QVERIFY(!m_flow.isEmpty());
}

void TestRunInsight::percentiles()
{
    std::vector<qint64> hundred;
    for (qint64 i = 100; i >= 1; --i)
        hundred.push_back(i);
    QCOMPARE(RunInsight::percentile(hundred, 50), 50);
    QCOMPARE(RunInsight::percentile(hundred, 95), 95);
    QCOMPARE(RunInsight::percentile(hundred, 100), 100);
    std::vector<qint64> one{7};
    QCOMPARE(RunInsight::percentile(one, 50), 7);
    QCOMPARE(RunInsight::percentile(one, 95), 7);
    std::vector<qint64> none;
    QCOMPARE(RunInsight::percentile(none, 50), -1);
    std::vector<qint64> three{30, 10, 20};
    QCOMPARE(RunInsight::percentile(three, 50), 20);
    QCOMPARE(RunInsight::percentile(three, 95), 30);
}

void TestRunInsight::rankingOfCodes()
{
    // Twelve codes: the ten most frequent kept, most frequent first, ties by code.
    QHash<QString, int> counts;
    for (int i = 0; i < 12; ++i)
        counts.insert(u"Code%1"_s.arg(i, 2, 10, QChar(u'0')), i % 6 + 1);
    counts.insert(QString(), 4); // failed runs without a code are ranked too (first of a tie)
    const std::vector<RunInsight::Code> top = RunInsight::rankCodes(counts, RunInsight::kTopCodes);
    QCOMPARE(top.size(), std::size_t(10));
    const QStringList expected{u"Code05"_s, u"Code11"_s, u"Code04"_s, u"Code10"_s, QString(),
                               u"Code03"_s, u"Code09"_s, u"Code02"_s, u"Code08"_s, u"Code01"_s};
    const QList<int> expectedCounts{6, 6, 5, 5, 4, 4, 4, 3, 3, 2};
    for (std::size_t i = 0; i < top.size(); ++i) {
        QCOMPARE(top[i].code, expected.at(static_cast<qsizetype>(i)));
        QCOMPARE(top[i].count, expectedCounts.at(static_cast<qsizetype>(i)));
    }
    QCOMPARE(RunInsight::rankCodes(counts, 0).size(), std::size_t(0));
    QCOMPARE(RunInsight::rankCodes(counts, 100).size(), std::size_t(13));
    QCOMPARE(RunInsight::rankCodes({}, 10).size(), std::size_t(0));
}

void TestRunInsight::firstPageAgainstRows()
{
    RunsModel model(m_emu->session->client());
    RunInsight insight;
    insight.setModel(&model);
    QCOMPARE(insight.runCount(), 0);
    QVERIFY(insight.days().empty());
    model.setPageSize(250);
    model.setFlow(kLoadEnv, m_flow);
    QVERIFY(waitLoaded(model));
    QCOMPARE(model.rowCount(), 250);
    checkAgainstRows(insight, model);
}

void TestRunInsight::incrementalEqualsFromScratch()
{
    RunsModel model(m_emu->session->client());
    RunInsight insight;
    insight.setModel(&model);
    QSignalSpy changed(&insight, &RunInsight::changed);
    model.setPageSize(250);
    model.setFlow(kLoadEnv, m_flow);
    QVERIFY(waitLoaded(model));
    // Two more pages, one at a time, then every page.
    for (int i = 0; i < 2; ++i) {
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(waitLoaded(model));
        RunInsight scratch;
        scratch.setModel(&model);
        QVERIFY(sameAggregates(insight, scratch));
        checkAgainstRows(insight, model);
    }
    QCOMPARE(model.rowCount(), 750);
    QSignalSpy finished(&model, &RunsModel::loadAllFinished);
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(model.rowCount() > 2000);
    QVERIFY(!insight.isStale());
    checkAgainstRows(insight, model);
    RunInsight scratch;
    scratch.setModel(&model);
    QVERIFY(sameAggregates(insight, scratch));
    QVERIFY(changed.size() >= 3);
    // The seed has failed runs, and more than one day.
    QVERIFY(!insight.topFailureCodes().empty());
    QVERIFY(insight.count(RunStatus::Failed) > 0);
    QVERIFY(insight.days().size() >= 2);
    // Percentiles were asked for above; new rows on a day make them computed again.
    QVERIFY(insight.days().front().p95Ms >= insight.days().front().p50Ms);
}

void TestRunInsight::resetStartsOver()
{
    RunsModel model(m_emu->session->client());
    RunInsight insight;
    insight.setModel(&model);
    model.setPageSize(250);
    model.setFlow(kLoadEnv, m_flow);
    QVERIFY(waitLoaded(model));
    model.fetchMore({});
    QVERIFY(waitLoaded(model));
    QCOMPARE(insight.runCount(), 500);
    // A server filter reloads: only failed runs, the aggregates follow (no run counted twice).
    model.setQuery({RunStatus::Failed}, 0, 0);
    QVERIFY(waitLoaded(model));
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(insight.runCount(), model.rowCount());
    QCOMPARE(insight.count(RunStatus::Failed), model.rowCount());
    QCOMPARE(insight.count(RunStatus::Succeeded), 0);
    checkAgainstRows(insight, model);
    // Another flow: nothing of the first one is left.
    model.setFlow({}, {});
    QCOMPARE(insight.runCount(), 0);
    QVERIFY(insight.days().empty());
    QVERIFY(insight.topFailureCodes().empty());
}

void TestRunInsight::statusChangesRecomputeLazily()
{
    RunsModel model(m_emu->session->client());
    RunInsight insight;
    insight.setRecomputeDelay(50);
    insight.setModel(&model);
    model.setPageSize(250);
    model.setFlow(kLoadEnv, m_flow);
    QVERIFY(waitLoaded(model));
    QSignalSpy changed(&insight, &RunInsight::changed);
    // A burst of changes (as a refresh announces them): nothing at once, one recompute later.
    for (int row = 0; row < 20; ++row)
        emit model.dataChanged(model.index(row, 0), model.index(row, RunsModel::ColumnCount - 1));
    QCOMPARE(changed.size(), 0);
    QVERIFY(insight.isStale());
    QTRY_VERIFY_WITH_TIMEOUT(!insight.isStale(), 5000);
    QCOMPARE(changed.size(), 1);
    checkAgainstRows(insight, model);
    // The model going away leaves nothing behind.
    insight.setModel(nullptr);
    QCOMPARE(insight.runCount(), 0);
}

QTEST_GUILESS_MAIN(TestRunInsight)
#include "tst_run_insight.moc"
