#include "RunInsight.h"

#include "RunsModel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace fc {

namespace {
constexpr qint64 kQuarterHourMs = 15 * 60 * 1000;
} // namespace

RunInsight::RunInsight(QObject *parent) : QObject(parent), m_recomputeTimer(new QTimer(this))
{
    m_recomputeTimer->setSingleShot(true);
    m_recomputeTimer->setInterval(200);
    connect(m_recomputeTimer, &QTimer::timeout, this, &RunInsight::recompute);
}

RunInsight::~RunInsight() = default;

void RunInsight::setRecomputeDelay(int ms)
{
    m_recomputeTimer->setInterval(ms);
}

bool RunInsight::isStale() const
{
    return m_recomputeTimer->isActive();
}

void RunInsight::setModel(RunsModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = model;
    if (model) {
        m_connections.append(connect(model, &QAbstractItemModel::rowsInserted, this,
                                     [this](const QModelIndex &parent, int first, int last) {
                                         if (parent.isValid())
                                             return;
                                         QElapsedTimer clock;
                                         clock.start();
                                         addRows(first, last);
                                         m_longestInsertNs =
                                             std::max(m_longestInsertNs, clock.nsecsElapsed());
                                         emit changed();
                                     }));
        m_connections.append(connect(model, &QAbstractItemModel::modelReset, this, &RunInsight::recompute));
        m_connections.append(
            connect(model, &QAbstractItemModel::dataChanged, this, &RunInsight::scheduleRecompute));
        m_connections.append(
            connect(model, &QAbstractItemModel::rowsRemoved, this, &RunInsight::scheduleRecompute));
        m_connections.append(
            connect(model, &QAbstractItemModel::layoutChanged, this, &RunInsight::scheduleRecompute));
        m_connections.append(connect(model, &QObject::destroyed, this, [this] {
            m_connections.clear();
            clear();
            emit changed();
        }));
    }
    recompute();
}

void RunInsight::scheduleRecompute()
{
    // Debounced: a burst of status changes (a refresh, a bulk cancel) is one recompute.
    m_recomputeTimer->start();
}

void RunInsight::clear()
{
    m_days.clear();
    m_codes.clear();
    m_counts = {};
    m_runCount = 0;
    m_minStart = 0;
    m_maxStart = 0;
}

void RunInsight::recompute()
{
    m_recomputeTimer->stop();
    QElapsedTimer clock;
    clock.start();
    clear();
    if (m_model) {
        const int rows = m_model->rowCount();
        if (rows > 0)
            addRows(0, rows - 1);
    }
    m_lastRecomputeNs = clock.nsecsElapsed();
    emit changed();
}

void RunInsight::addRows(int first, int last)
{
    if (!m_model)
        return;
    for (int row = first; row <= last; ++row)
        addRun(m_model->runAt(row));
}

qint64 RunInsight::localDay(qint64 ms) const
{
    // Time zone offsets are whole quarter hours and change on quarter hours, so local midnight
    // falls on a quarter hour and every instant of one quarter hour has the same local day.
    const qint64 quarter = ms >= 0 ? ms / kQuarterHourMs : -((-ms + kQuarterHourMs - 1) / kQuarterHourMs);
    const auto it = m_dayCache.constFind(quarter);
    if (it != m_dayCache.cend())
        return *it;
    const qint64 day = QDateTime::fromMSecsSinceEpoch(quarter * kQuarterHourMs).date().toJulianDay();
    if (m_dayCache.size() > 200000)
        m_dayCache.clear();
    m_dayCache.insert(quarter, day);
    return day;
}

void RunInsight::addRun(const FlowRun &run)
{
    const auto status = static_cast<std::size_t>(run.status);
    if (status >= static_cast<std::size_t>(kStatusCount))
        return;
    if (m_runCount == 0) {
        m_minStart = m_maxStart = run.startMs;
    } else {
        m_minStart = std::min(m_minStart, run.startMs);
        m_maxStart = std::max(m_maxStart, run.startMs);
    }
    ++m_runCount;
    ++m_counts[status];
    DayData &day = m_days[localDay(run.startMs)];
    ++day.counts[status];
    ++day.total;
    if (run.endMs > 0 && run.endMs >= run.startMs) {
        day.durations.push_back(run.endMs - run.startMs);
        day.percentilesValid = false;
    }
    if (run.status == RunStatus::Failed)
        ++m_codes[run.code];
}

qint64 RunInsight::percentile(std::vector<qint64> &values, double p)
{
    if (values.empty())
        return -1;
    const auto n = static_cast<double>(values.size());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
    rank = std::clamp<std::size_t>(rank, 1, values.size());
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

std::vector<RunInsight::Day> RunInsight::days() const
{
    std::vector<Day> out;
    if (m_days.empty())
        return out;
    const qint64 firstDay = m_days.begin()->first;
    const qint64 lastDay = m_days.rbegin()->first;
    out.reserve(static_cast<std::size_t>(lastDay - firstDay + 1));
    auto it = m_days.begin();
    for (qint64 jd = firstDay; jd <= lastDay; ++jd) {
        Day day;
        day.julianDay = jd;
        if (it != m_days.end() && it->first == jd) {
            const DayData &data = it->second;
            if (!data.percentilesValid) {
                // nth_element reorders; the durations of a day are a multiset, so that is fine.
                data.p50 = percentile(data.durations, 50);
                data.p95 = percentile(data.durations, 95);
                data.percentilesValid = true;
            }
            day.counts = data.counts;
            day.total = data.total;
            day.p50Ms = data.p50;
            day.p95Ms = data.p95;
            day.finished = static_cast<int>(data.durations.size());
            ++it;
        }
        out.push_back(day);
    }
    return out;
}

std::vector<RunInsight::Code> RunInsight::topFailureCodes(int n) const
{
    return rankCodes(m_codes, n);
}

std::vector<RunInsight::Code> RunInsight::rankCodes(const QHash<QString, int> &counts, int n)
{
    std::vector<Code> codes;
    codes.reserve(static_cast<std::size_t>(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        codes.push_back({it.key(), it.value()});
    const auto byCount = [](const Code &a, const Code &b) {
        return a.count != b.count ? a.count > b.count : a.code < b.code;
    };
    const auto keep = std::min<std::size_t>(codes.size(), static_cast<std::size_t>(std::max(0, n)));
    std::partial_sort(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(keep), codes.end(), byCount);
    codes.resize(keep);
    return codes;
}

} // namespace fc
