#pragma once

#include "api/ApiClient.h"
#include "api/PageWalk.h"
#include "ops/SlicedRunLoader.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <algorithm>
#include <optional>

namespace fc {

// Reads the runs of one or more flows that match a query (one or several statuses, a time
// range). Each query reads its newest page first; when there are more, the rest of the range is
// read in time windows side by side (SlicedRunLoader), as the run grid's "Load all" does, so a
// sweep over 100,000 runs is not one chain of 400 pages. Used for "Cancel all running runs",
// "Resubmit failed runs…" (with a dry-run count first) and to check a resubmit's outcome.
class RunCollector : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QString env;
        QString flow;
        QString label; // the flow's display name
    };
    struct Found
    {
        Target target;
        FlowRun run;
    };

    RunCollector(ApiClient *client, QList<Target> targets, QList<RunStatus> statuses, qint64 fromMs,
                 qint64 toMs, QObject *parent = nullptr);

    void start();
    void cancel();
    // At most this many pages per query (default: PageWalk::kDefaultMaxPages).
    void setMaxPages(int pages) { m_walk.setMaxPages(pages); }
    // Time windows read side by side (1: one nextLink chain per query).
    void setParallelWindows(int windows) { m_parallelWindows = std::max(1, windows); }
    const QList<Found> &runs() const { return m_found; } // per query, newest first

signals:
    void progress(int runsFound, int pagesRead);
    void finished(); // all pages of all targets read
    void failed(const fc::ApiError &error);

private:
    void nextQuery();
    void fetch(const QString &nextLink);
    bool readWindows(const QList<FlowRun> &firstPage); // false: nothing to slice by
    void found(const QList<FlowRun> &runs);
    std::optional<RunStatus> status() const;

    ApiClient *m_client;
    QList<Target> m_targets;
    QList<RunStatus> m_statuses; // empty: every status
    qint64 m_fromMs;
    qint64 m_toMs;
    int m_targetIndex = 0;
    int m_statusIndex = -1;
    int m_pages = 0;
    PageWalk m_walk;
    ApiClient::CallId m_call = 0;
    bool m_cancelled = false;
    int m_parallelWindows = 6;
    SlicedRunLoader *m_windows = nullptr; // the current query's older runs
    QSet<QString> m_boundary;             // runs of the first page on its oldest start time, read already
    QList<Found> m_found;
    qsizetype m_queryStart = 0; // where the current query's runs begin in m_found
};

} // namespace fc
