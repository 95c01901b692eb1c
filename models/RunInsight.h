#pragma once

#include "api/Types.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <array>
#include <map>
#include <vector>

class QTimer;

namespace fc {

class RunsModel;

// Insight into the runs loaded in a RunsModel (issue 13): runs per local day by status, the most
// common failure codes, and the median and 95th percentile of the duration of finished runs per
// day. Aggregated incrementally: rows inserted are added as they arrive (only the new rows), a
// reset starts over, and status changes (dataChanged, rows removed) recompute once the model
// has been quiet for a moment, so a stream of changes to 100,000 rows costs one pass. The
// percentiles of a day are computed (nth_element) when asked for and kept until the day changes.
class RunInsight : public QObject
{
    Q_OBJECT
public:
    static constexpr int kStatusCount = 8; // values of RunStatus
    static constexpr int kTopCodes = 10;
    using Counts = std::array<int, kStatusCount>;

    struct Day
    {
        qint64 julianDay = 0; // QDate::toJulianDay() of the local day
        Counts counts{};
        int total = 0;
        qint64 p50Ms = -1; // -1: no finished run that day
        qint64 p95Ms = -1;
        int finished = 0;
    };
    struct Code
    {
        QString code; // empty: failed runs without a code
        int count = 0;
    };

    explicit RunInsight(QObject *parent = nullptr);
    ~RunInsight() override;

    // Follows this model (nullptr: none) and aggregates what it holds now.
    void setModel(RunsModel *model);
    RunsModel *model() const { return m_model; }
    // How long after the last status change the lazy recompute runs (default 200 ms).
    void setRecomputeDelay(int ms);

    // Every day from the first run's to the last run's, days without runs included, oldest first.
    std::vector<Day> days() const;
    // The most common failure codes of failed runs, most frequent first (ties by code), at most n.
    std::vector<Code> topFailureCodes(int n = kTopCodes) const;
    int runCount() const { return m_runCount; }
    const Counts &statusCounts() const { return m_counts; }
    int count(RunStatus status) const { return m_counts[static_cast<std::size_t>(status)]; }
    // The start times of the oldest and newest runs aggregated (0 when there are none).
    qint64 firstStartMs() const { return m_runCount ? m_minStart : 0; }
    qint64 lastStartMs() const { return m_runCount ? m_maxStart : 0; }
    // Whether a lazy recompute is waiting (what is shown may be up to the delay behind).
    bool isStale() const;
    // Recomputes now from every row of the model.
    void recompute();

    // The n most frequent codes of a count per code, most frequent first, ties by code.
    static std::vector<Code> rankCodes(const QHash<QString, int> &counts, int n);
    // The nearest-rank percentile (0 < p <= 100) of values, reordering them; -1 when empty.
    static qint64 percentile(std::vector<qint64> &values, double p);
    // The local day (Julian day number) of a time, cached per quarter hour.
    qint64 localDay(qint64 ms) const;

    // Time spent in the last recompute and in the longest insert, for the benchmark.
    qint64 lastRecomputeNs() const { return m_lastRecomputeNs; }
    qint64 longestInsertNs() const { return m_longestInsertNs; }

signals:
    // The aggregates changed (rows added, reset or recomputed).
    void changed();

private:
    struct DayData
    {
        Counts counts{};
        int total = 0;
        mutable std::vector<qint64> durations; // reordered by the percentiles
        mutable bool percentilesValid = false;
        mutable qint64 p50 = -1;
        mutable qint64 p95 = -1;
    };
    void clear();
    void addRows(int first, int last);
    void addRun(const FlowRun &run);
    void scheduleRecompute();

    QPointer<RunsModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    std::map<qint64, DayData> m_days;
    QHash<QString, int> m_codes;
    Counts m_counts{};
    int m_runCount = 0;
    qint64 m_minStart = 0;
    qint64 m_maxStart = 0;
    QTimer *m_recomputeTimer;
    mutable QHash<qint64, qint64> m_dayCache; // quarter hour since the epoch -> Julian day
    qint64 m_lastRecomputeNs = 0;
    qint64 m_longestInsertNs = 0;
};

} // namespace fc
