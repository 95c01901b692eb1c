#pragma once

#include "api/ApiClient.h"
#include "api/PageWalk.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>

namespace fc {

// Reads every run of a flow in a time range by slicing the range into windows of start time
// (startTime ge a and lt b) and walking several windows side by side, up to the per-host limit.
// Paging is a chain — each page's nextLink comes with the page before — so one chain is bound by
// latency; windows are independent chains. Windows are disjoint and together cover the range, so
// no run is read twice and none is missed; the oldest window is open below, so nothing older
// than the planned range is lost either. Window width follows the density of runs seen so far
// (about eight pages a window), newest windows first so that the top of the grid fills first.
class SlicedRunLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 250;       // the service's largest page
    static constexpr int kRunsPerWindow = 2000; // eight pages
    static constexpr int kMaxWindows = 256;

    // Where windows go on below runs read already (a first page, a grid's rows): below their
    // oldest start time, that time included — runs sharing it may lie on both sides of a page
    // break, so the ones read are named in `boundary`, to be skipped — at the density they show.
    // nullopt when the runs carry no start time to slice by.
    struct Continuation
    {
        qint64 upperMs = 0; // lt
        double runsPerMs = 0;
        QSet<QString> boundary;
    };
    template <typename Runs>
    static std::optional<Continuation> continueBelow(const Runs &runs)
    {
        qint64 oldest = 0, newest = 0;
        for (const FlowRun &run : runs) {
            oldest = oldest == 0 ? run.startMs : std::min(oldest, run.startMs);
            newest = std::max(newest, run.startMs);
        }
        if (oldest <= 0)
            return std::nullopt;
        Continuation c;
        c.upperMs = oldest + 1;
        for (const FlowRun &run : runs) {
            if (run.startMs == oldest)
                c.boundary.insert(run.name);
        }
        c.runsPerMs = newest > oldest ? double(std::size(runs)) / double(newest - oldest) : 0.0;
        return c;
    }

    struct Window
    {
        qint64 fromMs = 0; // ge; 0: open (the oldest window)
        qint64 toMs = 0;   // lt
        QString nextLink;
        bool started = false;
        bool done = false;
        bool busy = false; // a page of it is being read
    };

    // Runs with start in [lowerMs, upperMs) (lowerMs 0: every run before upperMs). runsPerMs: the
    // density seen so far (0: unknown). status: the server filter, if any.
    SlicedRunLoader(ApiClient *client, const QString &env, const QString &flow,
                    std::optional<RunStatus> status, qint64 lowerMs, qint64 upperMs, double runsPerMs,
                    int parallel, QObject *parent = nullptr);
    ~SlicedRunLoader() override;

    // Goes on from the walk of the pages read before the windows began: its page cap (an endless
    // chain stops there with an error, and no request beyond the cap is ever sent), the pages it
    // counted, and the links it followed (a window answering one of them is a loop).
    void continueWalk(const PageWalk &walk) { m_walk = walk; }
    // How errors name the list ("the runs of 'Expense approval'"); default: "the runs of this flow".
    void setLabel(const QString &flowLabel) { m_label = flowLabel; }
    // Starts, or resumes after stop(): windows not read to the end go on from where they were.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool isDone() const;
    int pagesRead() const { return m_pages; }
    const std::vector<Window> &windows() const { return m_windows; }
    // What ended the last read that did not complete, also a call cancelled under it (which is
    // not told through failed()).
    const ApiError &stopError() const { return m_stopError; }

signals:
    void pageLoaded(const QList<fc::FlowRun> &runs);
    void failed(const fc::ApiError &error);
    void finished(bool complete); // complete: every window read to its end

private:
    void launch(); // requests for windows waiting, up to the parallel limit
    void pump();   // launch(), then finished() when every window is read
    void request(int window);

    QPointer<ApiClient> m_client;
    QString m_env;
    QString m_flow;
    QString m_label;
    std::optional<RunStatus> m_status;
    std::vector<Window> m_windows;
    std::vector<ApiClient::CallId> m_calls; // per window, 0 when none in flight
    int m_parallel;
    int m_inFlight = 0;
    int m_pages = 0;
    PageWalk m_walk; // every window's links (no link followed twice) and the page cap
    bool m_running = false;
    quint64 m_generation = 0;
    ApiError m_stopError;
};

} // namespace fc
