#include "RunCollector.h"

#include <QTimer>

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
    m_walk.reset();
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
}

void RunCollector::nextQuery()
{
    if (m_cancelled)
        return;
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
    if (!m_statuses.isEmpty())
        query.status = m_statuses[m_statusIndex];
    query.startFromMs = m_fromMs;
    query.startToMs = m_toMs;
    query.top = 250;
    m_call = m_client->listRuns(
        target.env, target.flow, query, this,
        [this, target](Result<Page<FlowRun>> page) {
            m_call = 0;
            if (m_cancelled)
                return;
            if (!page) {
                emit failed(page.error());
                return;
            }
            for (const FlowRun &run : page->items)
                m_found.append(Found{target, run});
            ++m_pages;
            emit progress(static_cast<int>(m_found.size()), m_pages);
            if (auto stop = m_walk.admit(
                    page->nextLink, u"listFlowRuns"_s,
                    tr("the runs of '%1'").arg(target.label.isEmpty() ? target.flow : target.label))) {
                emit failed(*stop);
                return;
            }
            if (!page->nextLink.isEmpty())
                fetch(page->nextLink);
            else
                nextQuery();
        },
        nextLink);
}

} // namespace fc
