#include "SlicedRunLoader.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kHistoryMs = 31 * kDayMs; // the service keeps 28 to 30 days of runs
constexpr qint64 kMinWidthMs = 60 * 1000;
} // namespace

SlicedRunLoader::SlicedRunLoader(ApiClient *client, const QString &env, const QString &flow,
                                 std::optional<RunStatus> status, qint64 lowerMs, qint64 upperMs,
                                 double runsPerMs, int parallel, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_env(env)
    , m_flow(flow)
    , m_status(status)
    , m_parallel(std::max(1, parallel))
{
    // The planned range: down to lowerMs, or to the service's retention when open (the oldest
    // window stays open below, so a run older than expected is still read).
    const qint64 bottom = lowerMs > 0 ? lowerMs : upperMs - kHistoryMs;
    const qint64 span = std::max<qint64>(1, upperMs - bottom);
    qint64 width = runsPerMs > 0 ? static_cast<qint64>(kRunsPerWindow / runsPerMs) : span / (2 * m_parallel);
    width = std::max(width, kMinWidthMs);
    qint64 count = std::clamp<qint64>((span + width - 1) / width, 1, kMaxWindows);
    // At least as many windows as can be read side by side, when the range is wide enough.
    count = std::max<qint64>(count, std::min<qint64>(m_parallel, span / kMinWidthMs));
    count = std::max<qint64>(count, 1);
    width = (span + count - 1) / count;
    for (qint64 i = 0; i < count; ++i) {
        Window w;
        w.toMs = upperMs - i * width;
        w.fromMs = i == count - 1 ? (lowerMs > 0 ? lowerMs : 0) : std::max(bottom, upperMs - (i + 1) * width);
        m_windows.push_back(std::move(w));
    }
    m_calls.assign(m_windows.size(), 0);
}

SlicedRunLoader::~SlicedRunLoader()
{
    stop();
}

bool SlicedRunLoader::isDone() const
{
    return std::all_of(m_windows.cbegin(), m_windows.cend(), [](const Window &w) { return w.done; });
}

void SlicedRunLoader::start()
{
    if (m_running)
        return;
    m_running = true;
    pump();
}

void SlicedRunLoader::stop()
{
    ++m_generation;
    m_running = false;
    for (std::size_t i = 0; i < m_calls.size(); ++i) {
        if (m_calls[i] && m_client)
            m_client->cancel(m_calls[i]);
        m_calls[i] = 0;
    }
    for (Window &w : m_windows)
        w.busy = false;
    m_inFlight = 0;
}

void SlicedRunLoader::launch()
{
    // Within the page cap, counting the pages on their way.
    const auto budget = [this] { return m_walk.pages() + m_inFlight < m_walk.maxPages(); };
    for (std::size_t i = 0; i < m_windows.size() && m_running && m_inFlight < m_parallel && budget(); ++i) {
        if (!m_windows[i].done && !m_windows[i].busy)
            request(static_cast<int>(i));
    }
}

void SlicedRunLoader::pump()
{
    launch();
    if (!m_running || m_inFlight > 0)
        return;
    if (isDone()) {
        m_running = false;
        emit finished(true);
        return;
    }
    // Windows left, and the page cap reached between them.
    stop();
    const QString pages = QLocale().toString(m_walk.pages());
    emit failed(ApiError::make(
        ApiError::Kind::Refused,
        m_label.isEmpty()
            ? tr("Stopped reading the runs of this flow after %1 pages. What was read is shown.").arg(pages)
            : tr("Stopped reading the runs of '%1' after %2 pages. What was read is shown.")
                  .arg(m_label, pages),
        u"listFlowRuns"_s));
    emit finished(false);
}

void SlicedRunLoader::request(int index)
{
    if (!m_client)
        return;
    Window &w = m_windows[static_cast<std::size_t>(index)];
    RunQuery query;
    query.status = m_status;
    query.startFromMs = w.fromMs;
    query.startToMs = w.toMs;
    query.top = kPageSize;
    const QString link = w.started ? w.nextLink : QString();
    w.started = true;
    w.busy = true;
    ++m_inFlight;
    m_calls[static_cast<std::size_t>(index)] = m_client->listRuns(
        m_env, m_flow, query, this,
        [this, index, generation = m_generation](Result<Page<FlowRun>> result) {
            if (generation != m_generation)
                return;
            Window &win = m_windows[static_cast<std::size_t>(index)];
            m_calls[static_cast<std::size_t>(index)] = 0;
            win.busy = false;
            --m_inFlight;
            if (!result) {
                // The window keeps its place: resuming asks for the same page again.
                if (win.nextLink.isEmpty())
                    win.started = false;
                stop();
                m_stopError = result.error();
                if (result.error().kind != ApiError::Kind::Cancelled)
                    emit failed(result.error());
                emit finished(false);
                return;
            }
            Page<FlowRun> page = std::move(result).value();
            ++m_pages;
            const QString what =
                m_label.isEmpty() ? tr("the runs of this flow") : tr("the runs of '%1'").arg(m_label);
            if (auto loop = m_walk.admit(page.nextLink, u"listFlowRuns"_s, what)) {
                stop();
                emit pageLoaded(page.items);
                emit failed(*loop);
                emit finished(false);
                return;
            }
            win.nextLink = page.nextLink;
            win.done = page.nextLink.isEmpty();
            // The next request leaves before this page's rows go in: the service works meanwhile.
            launch();
            emit pageLoaded(page.items);
            pump(); // and the end is told after the last rows
        },
        link);
}

} // namespace fc
