#include "RunsModel.h"

#include "Formatting.h"
#include "RunDisplay.h"

#include "ops/SlicedRunLoader.h"
#include "store/RunStore.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace fc {

constexpr qint64 kLoadAllBatchMs = 50;

namespace {
constexpr int kLoadAllPageSize = 250; // the service's largest page
constexpr int kMaxParallelGets = 4;
constexpr int kFoldGap = 32; // changed rows closer than this share one dataChanged
} // namespace

RunsModel::RunsModel(ApiClient *client, QObject *parent)
    : PagedModelBase(parent)
    , m_client(client)
    , m_refreshTimer(new QTimer(this))
    , m_flushTimer(new QTimer(this))
{
    connect(m_refreshTimer, &QTimer::timeout, this, &RunsModel::refreshActive);
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &RunsModel::flushChanges);
}

RunsModel::~RunsModel()
{
    cancelCalls();
}

void RunsModel::setFlow(const QString &environment, const QString &flow)
{
    m_env = environment;
    m_flow = flow;
    reload();
}

void RunsModel::setQuery(const QList<RunStatus> &statuses, qint64 fromMs, qint64 toMs)
{
    m_statuses = statuses;
    m_fromMs = fromMs;
    m_toMs = toMs;
    reload();
}

void RunsModel::cancelCalls()
{
    ++m_generation;
    if (m_sliced) {
        m_sliced->stop();
        m_sliced->deleteLater();
        m_sliced = nullptr;
    }
    m_slicedBoundary.clear();
    if (m_client) {
        if (m_call)
            m_client->cancel(m_call);
        for (ApiClient::CallId id : m_refreshCalls)
            m_client->cancel(id);
    }
    m_call = 0;
    m_refreshCalls.clear();
    m_refreshing = false;
    m_toRead.clear();
    m_getsInFlight = 0;
    m_fetchingNew = false;
    m_newFound.clear();
    m_fetchNewAgainFrom = -1;
    m_changedRows.clear();
    m_flushTimer->stop();
    m_loadAllBatch.clear();
    m_batchClock.invalidate();
}

void RunsModel::reload()
{
    const bool wasLoadingAll = m_loadingAll;
    cancelCalls();
    m_loadingAll = false;
    setLoading(false);
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_counts.fill(0);
    m_cursor = {};
    m_cursorWalk.reset();
    m_storeGap = false;
    m_loaded = false;
    m_pagesRead = 0;
    m_storedFrom = 0;
    m_storedBoundary.clear();
    m_unsavedUpdates.clear();
    m_storedShown = 0;
    const bool load = !m_env.isEmpty() && !m_flow.isEmpty();
    m_cursor.done = !load;
    // Loading already, so that a view asking for more on the reset does not start a second
    // first page.
    m_loading = load;
    endResetModel();
    emit countsChanged();
    if (wasLoadingAll)
        emit loadAllFinished(false);
    if (load && openFromStore())
        return;
    if (load) {
        emit loadingChanged(true);
        requestPage();
    }
}

// The stored history of the flow, shown at once; the service is then asked only for what is
// new (and for the state of runs that were still active), and older pages continue below it.
bool RunsModel::openFromStore()
{
    if (!m_store || !unfiltered())
        return false;
    std::optional<RunStore::History> history = m_store->load(m_env, m_flow);
    if (!history || history->runs.empty() || (history->coveredFromMs <= 0 && !history->complete))
        return false;
    m_storedShown = static_cast<int>(history->runs.size());
    m_storedFrom = history->complete ? 0 : history->coveredFromMs;
    const qint64 boundary = m_storedFrom - 1;
    beginInsertRows({}, 0, static_cast<int>(history->runs.size()) - 1);
    for (FlowRun &run : history->runs) {
        if (run.startMs == boundary)
            m_storedBoundary.insert(run.name);
        countRun(run, 1);
        m_rows.push_back(std::move(run));
    }
    endInsertRows();
    m_loaded = true;
    m_cursor.done = history->complete;
    m_loading = false;
    emit loadingChanged(false);
    emit countsChanged();
    emit pageLoaded(m_storedShown);
    // What started since the newest stored run (itself included: dedupe by name), and the runs
    // that were running or waiting when they were stored.
    fetchNewRuns(m_rows.front().startMs);
    if (activeCount() > 0)
        refreshActive();
    return true;
}

void RunsModel::storePage(const QList<FlowRun> &runs, bool lastPage)
{
    if (!m_store || !unfiltered())
        return;
    if (m_storeGap)
        return; // a page of this chain was not stored: claiming coverage below it would hide the gap
    if (!runs.isEmpty() && !m_store->save(m_env, m_flow, runs)) {
        m_storeGap = true; // a store that cannot be written (a full disk) only costs the next open its speed
        return;
    }
    // This chain of pages runs from the newest run (or from the stored history's end) down
    // without a gap: every run started after the oldest one read is stored now.
    qint64 oldest = 0;
    for (const FlowRun &run : runs)
        oldest = oldest == 0 ? run.startMs : std::min(oldest, run.startMs);
    const auto known = m_store->coverage(m_env, m_flow);
    qint64 covered = known && known->first > 0 ? known->first : 0;
    if (oldest > 0)
        covered = covered == 0 ? oldest + 1 : std::min(covered, oldest + 1);
    if (covered > 0 || lastPage)
        m_store->setCoverage(m_env, m_flow, covered, lastPage);
}

RunQuery RunsModel::queryAt(int index) const
{
    RunQuery query;
    if (!m_statuses.isEmpty())
        query.status = m_statuses.at(index);
    query.startFromMs = m_fromMs;
    query.startToMs = m_toMs;
    // Below the stored history (its boundary time included: runs there may be on both sides).
    if (m_storedFrom > 0 && unfiltered())
        query.startToMs = m_storedFrom;
    query.top = m_loadingAll ? kLoadAllPageSize : m_pageSize;
    return query;
}

bool RunsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_loadingAll && hasMorePages() && !m_env.isEmpty();
}

void RunsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_sliced) {
        // After a stopped "Load all" the rows come from its windows: one more page of them.
        setLoading(true);
        m_sliced->start();
        return;
    }
    requestPage();
}

void RunsModel::loadAll()
{
    if (m_loadingAll || !hasMorePages() || m_env.isEmpty())
        return;
    m_loadingAll = true;
    if (m_sliced) {
        m_sliced->start(); // resumed where it stopped
        return;
    }
    if (m_loading)
        return; // the page in flight continues (and may start the windows)
    if (queryCount() == 1 && m_parallelWindows > 1 && !m_rows.empty())
        startSliced();
    else
        requestPage();
}

void RunsModel::startSliced()
{
    // Below the oldest run read so far; those on its start time already here are skipped by name.
    auto below = SlicedRunLoader::continueBelow(m_rows);
    if (!below) {
        requestPage();
        return;
    }
    m_slicedBoundary = std::move(below->boundary);
    const std::optional<RunStatus> status =
        m_statuses.isEmpty() ? std::nullopt : std::optional<RunStatus>(m_statuses.first());
    m_sliced = new SlicedRunLoader(m_client, m_env, m_flow, status, m_fromMs, below->upperMs,
                                   below->runsPerMs, m_parallelWindows, this);
    m_sliced->continueWalk(m_cursorWalk);
    connect(m_sliced, &SlicedRunLoader::pageLoaded, this, &RunsModel::onSlicedPage);
    connect(m_sliced, &SlicedRunLoader::finished, this, &RunsModel::onSlicedFinished);
    connect(m_sliced, &SlicedRunLoader::failed, this, &RunsModel::loadFailed);
    setLoading(true);
    m_sliced->start();
}

void RunsModel::onSlicedPage(const QList<FlowRun> &runs)
{
    QList<FlowRun> fresh = runs;
    if (!m_slicedBoundary.isEmpty())
        fresh.removeIf([this](const FlowRun &run) { return m_slicedBoundary.contains(run.name); });
    ++m_pagesRead;
    // Pages of different windows arrive in any order: stored, but the coverage waits for the end.
    if (m_store && unfiltered() && !fresh.isEmpty() && !m_store->save(m_env, m_flow, fresh))
        m_storeGap = true;
    const int added = static_cast<int>(fresh.size());
    m_loadAllBatch.append(std::move(fresh));
    if (!m_batchClock.isValid() || m_batchClock.elapsed() >= kLoadAllBatchMs)
        flushLoadAllBatch();
    emit pageLoaded(added);
    if (!m_loadingAll) {
        // Scrolling asked for one page: that was it.
        m_sliced->stop();
        flushLoadAllBatch();
        setLoading(false);
        return;
    }
    emit loadAllProgress(rowCount() + static_cast<int>(m_loadAllBatch.size()), m_pagesRead);
}

void RunsModel::onSlicedFinished(bool complete)
{
    flushLoadAllBatch();
    setLoading(false);
    if (complete) {
        m_cursor.done = true;
        m_cursor.nextLink.clear();
        m_sliced->deleteLater();
        m_sliced = nullptr;
        m_slicedBoundary.clear();
        // Complete only when every page went in: a page the store refused (a full disk) leaves
        // the history open, to be read again next time.
        if (m_store && unfiltered() && !m_storeGap) {
            qint64 oldest = 0;
            for (const FlowRun &run : m_rows)
                oldest = oldest == 0 ? run.startMs : std::min(oldest, run.startMs);
            m_store->setCoverage(m_env, m_flow, oldest > 0 ? oldest : 1, true);
        }
    }
    if (m_loadingAll) {
        m_loadingAll = false;
        emit loadAllFinished(complete);
    }
}

void RunsModel::stopLoadAll()
{
    if (!m_loadingAll)
        return;
    if (m_sliced) {
        m_sliced->stop();
        flushLoadAllBatch();
        setLoading(false);
    }
    m_loadingAll = false;
    // The page in flight still arrives and is shown; nothing is requested after it.
    emit loadAllFinished(false);
}

void RunsModel::requestPage()
{
    if (!m_client || m_call)
        return; // one page at a time
    setLoading(true);
    const quint64 generation = m_generation;
    m_call = m_client->listRuns(
        m_env, m_flow, queryAt(m_cursor.query), this,
        [this, generation](Result<Page<FlowRun>> result) {
            if (generation == m_generation)
                onPage(std::move(result));
        },
        m_cursor.nextLink);
}

void RunsModel::flushLoadAllBatch()
{
    m_batchClock.start();
    if (!m_loadAllBatch.isEmpty())
        appendRows(std::exchange(m_loadAllBatch, {}));
}

void RunsModel::onPage(Result<Page<FlowRun>> result)
{
    m_call = 0;
    m_loaded = true;
    if (!result) {
        flushLoadAllBatch();
        setLoading(false);
        const bool wasLoadingAll = m_loadingAll;
        m_loadingAll = false;
        if (result.error().kind != ApiError::Kind::Cancelled)
            emit loadFailed(result.error());
        if (wasLoadingAll)
            emit loadAllFinished(false);
        return;
    }
    Page<FlowRun> page = std::move(result).value();
    ++m_pagesRead;
    // A server that loops (a link already followed, or links without end) stops here: the rows
    // read so far are kept and the failure is reported once they are in.
    const std::optional<ApiError> stop =
        m_cursorWalk.admit(page.nextLink, u"listFlowRuns"_s, tr("the runs of this flow"));
    m_cursor.nextLink = stop ? QString() : page.nextLink;
    if (stop) {
        m_cursor.done = true;
    } else if (m_cursor.nextLink.isEmpty()) {
        m_cursorWalk.reset();
        if (++m_cursor.query >= queryCount())
            m_cursor.done = true;
    }
    // While loading everything, the next page is asked for before this one is inserted, so
    // the server works while the rows go in.
    const bool continueAll = m_loadingAll && hasMorePages();
    const bool slice = continueAll && queryCount() == 1 && m_parallelWindows > 1;
    if (continueAll && !slice)
        requestPage();
    else
        setLoading(false);
    if (!m_storedBoundary.isEmpty()) {
        page.items.removeIf([this](const FlowRun &run) { return m_storedBoundary.contains(run.name); });
    }
    storePage(page.items, m_cursor.done && !stop);
    const int added = static_cast<int>(page.items.size());
    m_loadAllBatch.append(std::move(page.items));
    if (!continueAll || !m_batchClock.isValid() || m_batchClock.elapsed() >= kLoadAllBatchMs)
        flushLoadAllBatch();
    emit pageLoaded(added);
    if (slice) {
        flushLoadAllBatch();
        startSliced();
        emit loadAllProgress(rowCount(), m_pagesRead);
        return;
    }
    if (m_loadingAll) {
        emit loadAllProgress(rowCount() + static_cast<int>(m_loadAllBatch.size()), m_pagesRead);
        if (!continueAll) {
            m_loadingAll = false;
            emit loadAllFinished(!stop);
        }
    }
    if (stop)
        emit loadFailed(*stop);
}

void RunsModel::compact(FlowRun &run)
{
    // The service names a run's origin even when it is the run itself: share the name's data.
    if (run.originRun == run.name)
        run.originRun = run.name;
}

void RunsModel::countRun(const FlowRun &run, int delta)
{
    m_counts[static_cast<std::size_t>(run.status) % m_counts.size()] += delta;
}

void RunsModel::appendRows(QList<FlowRun> &&runs)
{
    if (runs.isEmpty())
        return;
    flushChanges(); // pending row numbers stay valid: rows only go in at the end here
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(runs.size()) - 1);
    for (FlowRun &run : runs) {
        compact(run);
        countRun(run, 1);
        m_rows.push_back(std::move(run));
    }
    endInsertRows();
    emit countsChanged();
}

int RunsModel::findRow(const QString &name) const
{
    const auto it =
        std::find_if(m_rows.cbegin(), m_rows.cend(), [&name](const FlowRun &r) { return r.name == name; });
    return it == m_rows.cend() ? -1 : static_cast<int>(it - m_rows.cbegin());
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static qint64 durationOf(const FlowRun &run)
{
    if (run.startMs <= 0)
        return -1;
    const qint64 end = run.endMs > 0 ? run.endMs : QDateTime::currentMSecsSinceEpoch();
    return std::max<qint64>(0, end - run.startMs);
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FlowRun &run = runAt(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StatusColumn:
            return RunDisplay::statusText(run.status);
        case StartColumn:
            return formatTime(run.startMs);
        case EndColumn:
            return formatTime(run.endMs);
        case DurationColumn:
            return RunDisplay::durationText(durationOf(run));
        case TriggerColumn:
            return run.triggerName;
        case CodeColumn:
            return run.code;
        case NameColumn:
            return run.name;
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return RunDisplay::statusIcon(run.status);
        break;
    case Qt::ToolTipRole:
        if (column == NameColumn && !run.originRun.isEmpty() && run.originRun != run.name)
            return tr("Resubmitted from %1").arg(run.originRun);
        break;
    case Qt::TextAlignmentRole:
        if (column == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SortRole:
        switch (column) {
        case StatusColumn:
            return static_cast<int>(run.status);
        case StartColumn:
            return run.startMs;
        case EndColumn:
            return run.endMs;
        case DurationColumn:
            return durationOf(run);
        case TriggerColumn:
            return run.triggerName;
        case CodeColumn:
            return run.code;
        case NameColumn:
            return run.name;
        case ColumnCount:
            break;
        }
        break;
    case KeyRole:
        return run.name;
    default:
        break;
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case DurationColumn:
        return tr("Duration");
    case TriggerColumn:
        return tr("Trigger");
    case CodeColumn:
        return tr("Code");
    case NameColumn:
        return tr("Run");
    default:
        return {};
    }
}

// --- refresh of Running and Waiting rows -------------------------------------------------

void RunsModel::setRefreshInterval(int intervalMs)
{
    m_refreshIntervalMs = std::max(0, intervalMs);
    setRefreshPaused(m_refreshPaused);
}

void RunsModel::setRefreshPaused(bool paused)
{
    m_refreshPaused = paused;
    if (m_refreshIntervalMs > 0 && !paused) {
        if (m_refreshTimer->interval() != m_refreshIntervalMs || !m_refreshTimer->isActive())
            m_refreshTimer->start(m_refreshIntervalMs);
    } else {
        m_refreshTimer->stop();
    }
}

void RunsModel::refreshActive()
{
    if (m_refreshing || !m_client || m_env.isEmpty() || activeCount() == 0)
        return;
    m_refreshing = true;
    m_listedActive.clear();
    m_refreshWalk.reset();
    refreshQuery(0, {});
}

void RunsModel::refreshQuery(int index, const QString &nextLink)
{
    static const RunStatus kActive[] = {RunStatus::Running, RunStatus::Waiting};
    qint64 oldest = 0;
    for (const FlowRun &run : m_rows) {
        if (isRunActive(run.status) && run.startMs > 0 && (oldest == 0 || run.startMs < oldest))
            oldest = run.startMs;
    }
    RunQuery query;
    query.status = kActive[index];
    query.startFromMs = oldest;
    query.top = kLoadAllPageSize;
    const quint64 generation = m_generation;
    const ApiClient::CallId id = m_client->listRuns(
        m_env, m_flow, query, this,
        [this, generation, index](Result<Page<FlowRun>> page) {
            if (generation != m_generation)
                return;
            m_refreshCalls.clear();
            if (!page) {
                m_refreshing = false;
                emit refreshFinished();
                return;
            }
            m_listedActive.append(page->items);
            if (auto stop = m_refreshWalk.admit(page->nextLink, u"listFlowRuns"_s, tr("the running runs"))) {
                m_refreshing = false;
                emit loadFailed(*stop);
                emit refreshFinished();
                return;
            }
            if (!page->nextLink.isEmpty()) {
                refreshQuery(index, page->nextLink);
            } else if (index == 0) {
                m_refreshWalk.reset();
                refreshQuery(1, {});
            } else {
                refreshListed();
            }
        },
        nextLink);
    m_refreshCalls = {id};
}

void RunsModel::refreshListed()
{
    QHash<QString, int> listed;
    listed.reserve(m_listedActive.size());
    for (int i = 0; i < m_listedActive.size(); ++i)
        listed.insert(m_listedActive.at(i).name, i);
    m_toRead.clear();
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const FlowRun &run = m_rows[row];
        if (!isRunActive(run.status))
            continue;
        const auto it = listed.constFind(run.name);
        if (it == listed.cend())
            m_toRead.push_back(run.name); // no longer active: read what became of it
        else
            applyUpdate(m_listedActive.at(it.value()), static_cast<int>(row));
    }
    m_listedActive.clear();
    pumpGets();
}

void RunsModel::pumpGets()
{
    const quint64 generation = m_generation;
    while (!m_toRead.empty() && m_getsInFlight < kMaxParallelGets) {
        const QString name = m_toRead.back();
        m_toRead.pop_back();
        ++m_getsInFlight;
        m_client->getRun(m_env, m_flow, name, false, this,
                         [this, generation](Result<FlowRunDetails> details) {
                             if (generation != m_generation)
                                 return;
                             --m_getsInFlight;
                             if (details)
                                 applyUpdate(details->run);
                             pumpGets();
                         });
    }
    if (m_refreshing && m_toRead.empty() && m_getsInFlight == 0) {
        m_refreshing = false;
        flushChanges();
        emit refreshFinished();
    }
}

void RunsModel::reloadRun(const QString &name)
{
    if (!m_client || m_env.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_client->getRun(m_env, m_flow, name, false, this, [this, generation](Result<FlowRunDetails> details) {
        if (generation == m_generation && details)
            applyUpdate(details->run);
    });
}

void RunsModel::applyUpdate(const FlowRun &fresh, int rowHint)
{
    const int row = rowHint >= 0 && rowHint < rowCount() && runAt(rowHint).name == fresh.name
                        ? rowHint
                        : findRow(fresh.name);
    if (row < 0)
        return;
    FlowRun &run = m_rows[static_cast<std::size_t>(row)];
    if (run.status == fresh.status && run.endMs == fresh.endMs && run.code == fresh.code)
        return;
    countRun(run, -1);
    run.status = fresh.status;
    run.endMs = fresh.endMs;
    run.code = fresh.code;
    countRun(run, 1);
    if (m_store)
        m_unsavedUpdates.append(run);
    markChanged(row);
}

void RunsModel::markChanged(int row)
{
    m_changedRows.push_back(row);
    if (!m_flushTimer->isActive())
        m_flushTimer->start(0);
}

void RunsModel::flushChanges()
{
    m_flushTimer->stop();
    if (m_store && !m_unsavedUpdates.isEmpty())
        m_store->save(m_env, m_flow, std::exchange(m_unsavedUpdates, {}));
    if (m_changedRows.empty())
        return;
    std::vector<int> rows;
    rows.swap(m_changedRows);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Neighbouring rows go out together: a view repaints a span as cheaply as one row, and a
    // proxy re-checks each row of the span once.
    std::size_t i = 0;
    while (i < rows.size()) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] - rows[j] <= kFoldGap)
            ++j;
        emit dataChanged(index(rows[i], 0), index(rows[j], ColumnCount - 1));
        i = j + 1;
    }
    emit countsChanged();
    emit runsUpdated(static_cast<int>(rows.size()));
}

// --- new runs (from a resubmit) -----------------------------------------------------------

void RunsModel::fetchNewRuns(qint64 sinceMs)
{
    if (!m_client || m_env.isEmpty())
        return;
    if (m_fetchingNew) {
        // One look at a time; another one follows with the earliest time asked for.
        m_fetchNewAgainFrom = m_fetchNewAgainFrom < 0 ? sinceMs : std::min(m_fetchNewAgainFrom, sinceMs);
        return;
    }
    m_fetchingNew = true;
    m_newFound.clear();
    m_newWalk.reset();
    fetchNewPage(sinceMs, {});
}

void RunsModel::fetchNewPage(qint64 sinceMs, const QString &nextLink)
{
    RunQuery query;
    query.startFromMs = sinceMs;
    query.top = kLoadAllPageSize;
    const quint64 generation = m_generation;
    m_client->listRuns(
        m_env, m_flow, query, this,
        [this, generation, sinceMs](Result<Page<FlowRun>> page) {
            if (generation != m_generation)
                return;
            bool whole = false;
            if (page) {
                m_newFound.append(page->items);
                if (auto stop = m_newWalk.admit(page->nextLink, u"listFlowRuns"_s, tr("the new runs"))) {
                    emit loadFailed(*stop);
                } else if (!page->nextLink.isEmpty()) {
                    fetchNewPage(sinceMs, page->nextLink);
                    return;
                } else {
                    whole = true;
                }
            }
            finishNewRuns(std::exchange(m_newFound, {}), whole);
        },
        nextLink);
}

// The look for new runs asks for every run since a time (a resubmit's run has whichever status
// it has by then); only those the grid's own query would have listed join its rows.
bool RunsModel::matchesQuery(const FlowRun &run) const
{
    if (!m_statuses.isEmpty() && !m_statuses.contains(run.status))
        return false;
    if (m_fromMs > 0 && run.startMs < m_fromMs)
        return false;
    return m_toMs <= 0 || run.startMs < m_toMs;
}

void RunsModel::finishNewRuns(QList<FlowRun> found, bool whole)
{
    m_fetchingNew = false;
    // Every run since the newest stored one: stored without a gap. A walk that broke off would
    // leave one, so its runs are only shown.
    if (m_store && whole && !found.isEmpty() && m_store->coverage(m_env, m_flow))
        m_store->save(m_env, m_flow, found);
    qint64 earliest = 0;
    for (const FlowRun &run : found)
        earliest = earliest == 0 ? run.startMs : std::min(earliest, run.startMs);
    // Which of them are loaded already: only rows started as late can be.
    QHash<QString, int> loaded;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].startMs >= earliest)
            loaded.insert(m_rows[row].name, static_cast<int>(row));
    }
    QList<FlowRun> fresh;
    QSet<QString> seen;
    for (FlowRun &run : found) {
        const auto it = loaded.constFind(run.name);
        if (it != loaded.cend())
            applyUpdate(run, it.value());
        else if (!seen.contains(run.name) && matchesQuery(run)) {
            seen.insert(run.name);
            fresh.append(std::move(run));
        }
    }
    if (!fresh.isEmpty()) {
        flushChanges(); // before the rows move down
        std::sort(fresh.begin(), fresh.end(),
                  [](const FlowRun &a, const FlowRun &b) { return a.startMs > b.startMs; });
        beginInsertRows({}, 0, static_cast<int>(fresh.size()) - 1);
        for (auto it = fresh.rbegin(); it != fresh.rend(); ++it) {
            compact(*it);
            countRun(*it, 1);
            m_rows.push_front(std::move(*it));
        }
        endInsertRows();
        emit countsChanged();
        emit runsInserted(static_cast<int>(fresh.size()));
    }
    emit newRunsChecked(static_cast<int>(fresh.size()));
    if (m_fetchNewAgainFrom >= 0) {
        const qint64 again = m_fetchNewAgainFrom;
        m_fetchNewAgainFrom = -1;
        fetchNewRuns(again);
    }
}

} // namespace fc
