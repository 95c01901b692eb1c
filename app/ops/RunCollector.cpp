#include "RunCollector.h"

#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace fc {

RunCollector::RunCollector(ApiClient *client, QList<Target> targets, QList<RunStatus> statuses, qint64 fromMs,
                           qint64 toMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_targets(std::move(targets))
    , m_statuses(std::move(statuses))
    , m_fromMs(fromMs)
    , m_toMs(toMs)
{}

void RunCollector::start()
{
    m_targetIndex = 0;
    m_statusIndex = 0;
    m_pages = 0;
    m_found.clear();
    m_queryStart = 0;
    m_boundary.clear();
    m_walk.reset();
    if (m_windows) {
        m_windows->stop();
        std::exchange(m_windows, nullptr)->deleteLater();
    }
    if (m_targets.isEmpty())
        QTimer::singleShot(0, this, &RunCollector::finished);
    else
        fetch({});
}

void RunCollector::cancel()
{
    m_cancelled = true;
    if (m_call)
        m_client->cancel(m_call);
    if (m_windows)
        m_windows->stop();
}

std::optional<RunStatus> RunCollector::status() const
{
    if (m_statuses.isEmpty())
        return std::nullopt;
    return m_statuses[m_statusIndex];
}

void RunCollector::found(const QList<FlowRun> &runs)
{
    const Target &target = m_targets[m_targetIndex];
    for (const FlowRun &run : runs) {
        if (!m_boundary.contains(run.name))
            m_found.append(Found{target, run});
    }
    ++m_pages;
    emit progress(static_cast<int>(m_found.size()), m_pages);
}

bool RunCollector::readWindows(const QList<FlowRun> &firstPage)
{
    // The rest lies below the first page; runs on its oldest start time read already are skipped.
    auto below = SlicedRunLoader::continueBelow(firstPage);
    if (!below)
        return false; // no start times to slice by: the chain it is
    m_boundary = std::move(below->boundary);
    const Target target = m_targets[m_targetIndex];
    m_windows = new SlicedRunLoader(m_client, target.env, target.flow, status(), m_fromMs, below->upperMs,
                                    below->runsPerMs, m_parallelWindows, this);
    m_windows->continueWalk(m_walk);
    m_windows->setLabel(target.label.isEmpty() ? target.flow : target.label);
    connect(m_windows, &SlicedRunLoader::pageLoaded, this, &RunCollector::found);
    auto told = std::make_shared<bool>(false);
    connect(m_windows, &SlicedRunLoader::failed, this, [this, told](const ApiError &error) {
        *told = true;
        if (!m_cancelled)
            emit failed(error);
    });
    connect(m_windows, &SlicedRunLoader::finished, this, [this, told](bool complete) {
        SlicedRunLoader *done = std::exchange(m_windows, nullptr);
        done->deleteLater();
        m_boundary.clear();
        if (m_cancelled)
            return;
        if (complete)
            nextQuery();
        else if (!*told) // its calls were cancelled under it (the client went): said, as one chain does
            emit failed(done->stopError());
    });
    m_windows->start();
    return true;
}

void RunCollector::nextQuery()
{
    if (m_cancelled)
        return;
    // Windows answer in any order; the query's runs are kept newest first, as one chain gives
    // them (the sweep lists and sends them in that order).
    std::stable_sort(m_found.begin() + m_queryStart, m_found.end(), [](const Found &a, const Found &b) {
        return a.run.startMs != b.run.startMs ? a.run.startMs > b.run.startMs : a.run.name < b.run.name;
    });
    m_queryStart = m_found.size();
    // The service filters one status per query ($filter has no "or"), so several statuses are
    // several queries, one after the other per flow.
    const int statusCount = m_statuses.isEmpty() ? 1 : static_cast<int>(m_statuses.size());
    if (++m_statusIndex >= statusCount) {
        m_statusIndex = 0;
        ++m_targetIndex;
    }
    if (m_targetIndex >= m_targets.size()) {
        emit finished();
        return;
    }
    m_walk.reset();
    fetch({});
}

void RunCollector::fetch(const QString &nextLink)
{
    const Target target = m_targets[m_targetIndex];
    RunQuery query;
    query.status = status();
    query.startFromMs = m_fromMs;
    query.startToMs = m_toMs;
    query.top = 250;
    m_call = m_client->listRuns(
        target.env, target.flow, query, this,
        [this, target, first = nextLink.isEmpty()](Result<Page<FlowRun>> page) {
            m_call = 0;
            if (m_cancelled)
                return;
            if (!page) {
                emit failed(page.error());
                return;
            }
            found(page->items);
            if (auto stop = m_walk.admit(
                    page->nextLink, u"listFlowRuns"_s,
                    tr("the runs of '%1'").arg(target.label.isEmpty() ? target.flow : target.label))) {
                emit failed(*stop);
                return;
            }
            if (page->nextLink.isEmpty())
                nextQuery();
            else if (!first || m_parallelWindows <= 1 || !readWindows(page->items))
                fetch(page->nextLink);
        },
        nextLink);
}

} // namespace fc
