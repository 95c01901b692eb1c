#pragma once

#include "PagedModelBase.h"
#include "api/ApiClient.h"
#include "api/PageWalk.h"

#include <QElapsedTimer>
#include <QPointer>

#include <array>
#include <deque>
#include <vector>

class QTimer;

namespace fc {

class RunStore;
class SlicedRunLoader;

// The runs of one flow, loaded page by page as the view scrolls, or all at once with progress.
// The server filters by status (one query per status: the service's $filter has no "or") and
// start time. Rows are FlowRun structs kept in a deque, so a hundred thousand of them never
// need one big reallocation. Runs that are Running or Waiting are re-read at a settable
// interval, and rows whose status changed are announced in few dataChanged signals.
class RunsModel : public PagedModelBase
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        StartColumn,
        EndColumn,
        DurationColumn,
        TriggerColumn,
        CodeColumn,
        NameColumn,
        ColumnCount
    };
    static constexpr int kStatusCount = 8; // values of RunStatus
    using Counts = std::array<int, kStatusCount>;

    explicit RunsModel(ApiClient *client, QObject *parent = nullptr);
    ~RunsModel() override;

    // Keeps the runs it reads in this store, and opens a flow from it: stored runs at once, then
    // only the runs started since the newest stored one, the active ones refreshed, and older
    // pages from where the stored history ends. nullptr: none (every open reads from scratch).
    void setRunStore(RunStore *store) { m_store = store; }
    RunStore *runStore() const { return m_store; }
    // How many of the rows shown came from the store on the last open.
    int storedRowsShown() const { return m_storedShown; }

    // Empties the table and loads the first page of this flow's runs (empty flow: nothing).
    void setFlow(const QString &environment, const QString &flow);
    const QString &environment() const { return m_env; }
    const QString &flow() const { return m_flow; }
    // Server-side filters: the statuses (empty: every status) and [fromMs, toMs) of the start
    // time (0: open). Reloads.
    void setQuery(const QList<RunStatus> &statuses, qint64 fromMs, qint64 toMs);
    const QList<RunStatus> &statuses() const { return m_statuses; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    void reload();
    // Whether every page of every query has been read.
    bool isComplete() const { return m_loaded && !hasMorePages(); }

    // Fetches every remaining page, reporting progress, until the end or stopLoadAll().
    void loadAll();
    void stopLoadAll();
    bool isLoadingAll() const { return m_loadingAll; }

    // Re-reads the Running and Waiting runs every intervalMs (0: never) unless paused.
    void setRefreshInterval(int intervalMs);
    int refreshInterval() const { return m_refreshIntervalMs; }
    void setRefreshPaused(bool paused);
    void refreshActive();
    bool isRefreshing() const { return m_refreshing; }

    const FlowRun &runAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    int findRow(const QString &name) const; // -1 when not loaded
    const Counts &statusCounts() const { return m_counts; }
    int count(RunStatus status) const { return m_counts[static_cast<std::size_t>(status)]; }
    int activeCount() const { return count(RunStatus::Running) + count(RunStatus::Waiting); }

    // Re-reads one run (after a cancel) and updates its row.
    void reloadRun(const QString &name);
    // Inserts at the top the runs started at or after sinceMs that are not loaded yet: the new
    // runs of a resubmit. They are shown whatever the status filter, until the next reload.
    void fetchNewRuns(qint64 sinceMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // At most this many pages are read per query before the model stops with an error.
    void setMaxPages(int pages)
    {
        m_cursorWalk.setMaxPages(pages);
        m_refreshWalk.setMaxPages(pages);
        m_newWalk.setMaxPages(pages);
    }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void countsChanged();
    void loadAllProgress(int rows, int pages);
    void loadAllFinished(bool complete);
    void refreshFinished();
    void runsUpdated(int rows);  // rows whose status or end changed
    void runsInserted(int rows); // new runs put at the top
    // A look for new runs (fetchNewRuns) is over; `inserted` of them matched the query.
    void newRunsChecked(int inserted);

private:
    struct Cursor
    {
        int query = 0; // index into m_statuses (0 when there are none)
        QString nextLink;
        bool done = false;
    };
    int queryCount() const { return m_statuses.isEmpty() ? 1 : static_cast<int>(m_statuses.size()); }
    bool hasMorePages() const { return !m_cursor.done; }
    RunQuery queryAt(int index) const;
    void cancelCalls();
    void requestPage();
    void onPage(Result<Page<FlowRun>> result);
    void appendRows(QList<FlowRun> &&runs);
    void countRun(const FlowRun &run, int delta);
    static void compact(FlowRun &run);

    // Refresh of active rows: list Running and Waiting runs, then read one by one the rows that
    // were active and are no longer listed (they finished).
    void refreshQuery(int index, const QString &nextLink);
    void refreshListed();
    void pumpGets();
    void applyUpdate(const FlowRun &fresh, int rowHint = -1);
    void markChanged(int row);
    void flushChanges();
    void fetchNewPage(qint64 sinceMs, const QString &nextLink);
    void finishNewRuns(QList<FlowRun> found, bool whole);
    bool matchesQuery(const FlowRun &run) const;

    // "Load all" by time windows read side by side (see SlicedRunLoader), below the rows the
    // page cursor read so far; its rows are stitched without a gap or a duplicate.
    void startSliced();
    void onSlicedPage(const QList<FlowRun> &runs);
    void onSlicedFinished(bool complete);
    SlicedRunLoader *m_sliced = nullptr;
    QSet<QString> m_slicedBoundary; // rows at the windows' upper edge, read already
    bool m_storeGap = false;        // a page of the current load was not stored (e.g. the disk is full)
    int m_parallelWindows = 6;

public:
    // How many time windows "Load all" reads at once (1: one chain of pages, as before).
    void setParallelWindows(int windows) { m_parallelWindows = std::max(1, windows); }

private:
    bool unfiltered() const { return m_statuses.isEmpty() && m_fromMs == 0 && m_toMs == 0; }
    bool openFromStore();
    void storePage(const QList<FlowRun> &runs, bool lastPage);
    RunStore *m_store = nullptr;
    qint64 m_storedFrom = 0;         // older pages are read below this start time (0: from the top)
    QSet<QString> m_storedBoundary;  // stored runs at the boundary time, not shown twice
    QList<FlowRun> m_unsavedUpdates; // status changes not written to the store yet
    int m_storedShown = 0;

    QPointer<ApiClient> m_client;
    QString m_env;
    QString m_flow;
    QList<RunStatus> m_statuses;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_pageSize = 50;
    std::deque<FlowRun> m_rows;
    Counts m_counts{};
    Cursor m_cursor;
    PageWalk m_cursorWalk;  // the pages of the shown query
    PageWalk m_refreshWalk; // the pages of a refresh of active runs
    PageWalk m_newWalk;     // the pages of new runs after a resubmit
    ApiClient::CallId m_call = 0;
    quint64 m_generation = 0; // bumped on reload: answers of an older query are dropped
    bool m_loadingAll = false;
    int m_pagesRead = 0;
    // "Load all" gathers pages and inserts them together every kLoadAllBatchMs: a shown, sorted
    // view pays per insert, so 400 pages in a few inserts instead of 400 is several times faster.
    QList<FlowRun> m_loadAllBatch;
    QElapsedTimer m_batchClock;
    void flushLoadAllBatch();

    int m_refreshIntervalMs = 0;
    bool m_refreshPaused = false;
    bool m_refreshing = false;
    QTimer *m_refreshTimer;
    QList<FlowRun> m_listedActive; // what the refresh queries found
    std::vector<QString> m_toRead; // active rows no longer listed: read one by one
    int m_getsInFlight = 0;
    std::vector<ApiClient::CallId> m_refreshCalls;

    std::vector<int> m_changedRows;
    QTimer *m_flushTimer;
    bool m_fetchingNew = false;
    QList<FlowRun> m_newFound;
    qint64 m_fetchNewAgainFrom = -1;
};

} // namespace fc
