#include "BulkEngine.h"

#include "Journal.h"
#include "RunCollector.h"
#include "api/ApiClient.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
// How far before the send time a resubmitted run may claim to have started (clock skew).
constexpr qint64 kVerifySkewMs = 5 * 60 * 1000;
constexpr std::size_t kRateWindow = 200;
} // namespace

BulkEngine::BulkEngine(ApiClient *client, Journal *journal, const QString &title, QList<BulkItem> items,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_title(title)
    , m_items(std::move(items))
    , m_wake(new QTimer(this))
{
    for (qsizetype i = 0; i < m_items.size(); ++i)
        m_items[i].seq = i;
    if (m_journal && m_journal->isOpen()) {
        m_operationId = m_journal->createOperation(m_title, m_items);
        if (!m_operationId) {
            // Unrecorded work could be sent twice after a crash: none of it is sent.
            m_stopCause =
                tr("the operation could not be recorded in its journal (%1)").arg(m_journal->lastError());
        }
    }
    init();
}

BulkEngine::~BulkEngine()
{
    if (m_journal && m_operationId)
        m_journal->release(m_operationId);
}

BulkEngine::BulkEngine(ApiClient *client, Journal *journal, qint64 operationId, const QString &title,
                       QList<BulkItem> items, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_operationId(operationId)
    , m_title(title)
    , m_items(std::move(items))
    , m_wake(new QTimer(this))
{
    // What was in flight when the program stopped: an idempotent action is simply sent again;
    // a resubmit may have happened, so it is checked first.
    for (BulkItem &item : m_items) {
        if (item.state == ItemState::InFlight)
            item.state = isIdempotent(item.action) ? ItemState::Pending : ItemState::Unknown;
    }
    init();
}

void BulkEngine::init()
{
    m_wake->setSingleShot(true);
    connect(m_wake, &QTimer::timeout, this, &BulkEngine::pump);
    m_counts.total = static_cast<int>(m_items.size());
    m_countedStates.reserve(m_items.size());
    m_left.assign(static_cast<std::size_t>(m_items.size()), false);
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (!isFinal(m_items[i].state))
            m_queue.push_back(static_cast<int>(i));
        m_countedStates.push_back(m_items[i].state);
        count(m_items[i].state, +1);
    }
    // Throttling seen anywhere on the client slows this operation down at once, before the
    // throttled call itself has finished retrying.
    connect(m_client->transport(), &HttpTransport::throttled, this, [this](const QString &, int retryAfter) {
        if (m_state == OperationState::Running)
            m_limiter.onThrottled(m_clock.isValid() ? m_clock.elapsed() : 0, throttleWaitMs(retryAfter));
    });
}

void BulkEngine::count(ItemState state, int delta)
{
    switch (state) {
    case ItemState::Pending:
        m_counts.pending += delta;
        break;
    case ItemState::InFlight:
        m_counts.inFlight += delta;
        break;
    case ItemState::Succeeded:
        m_counts.succeeded += delta;
        break;
    case ItemState::Failed:
        m_counts.failed += delta;
        break;
    case ItemState::Skipped:
        m_counts.skipped += delta;
        break;
    case ItemState::Unknown:
        m_counts.unknown += delta;
        break;
    }
}

void BulkEngine::noteCompletion()
{
    m_completions.push_back(m_clock.isValid() ? m_clock.elapsed() : 0);
    if (m_completions.size() > kRateWindow)
        m_completions.pop_front();
}

qint64 BulkEngine::elapsedMs() const
{
    return m_activeMs + (m_state == OperationState::Running && m_clock.isValid() ? m_clock.elapsed() : 0);
}

double BulkEngine::itemsPerSecond() const
{
    if (m_completions.size() < 2)
        return 0;
    const qint64 span = m_completions.back() - m_completions.front();
    return span > 0 ? 1000.0 * static_cast<double>(m_completions.size() - 1) / static_cast<double>(span) : 0;
}

qint64 BulkEngine::remainingMs() const
{
    const double rate = itemsPerSecond();
    if (rate <= 0)
        return -1;
    const ItemCounts c = counts();
    return static_cast<qint64>(1000.0 * (c.total - c.done()) / rate);
}

void BulkEngine::setState(OperationState state)
{
    if (m_state == state)
        return;
    if (m_state == OperationState::Running && m_clock.isValid())
        m_activeMs += m_clock.elapsed();
    m_state = state;
    if (state == OperationState::Running)
        m_clock.start();
    if (m_journal && m_operationId)
        m_journal->setOperationState(m_operationId, state);
    emit stateChanged(state);
}

QString BulkEngine::stopReason() const
{
    if (m_stopCause.isEmpty())
        return {};
    const int notSent = m_counts.pending;
    return tr("Stopped because %1. Nothing more was sent and nothing was sent twice; %n item(s) not sent yet "
              "can be resumed once the problem is fixed.",
              nullptr, notSent)
        .arg(m_stopCause);
}

void BulkEngine::stop(const QString &cause)
{
    if (!m_stopCause.isEmpty())
        return;
    m_stopCause = cause;
    m_wake->stop();
    // Requests still queued in the transport see the state at their gate and are held back.
    setState(OperationState::Interrupted);
    emit progressChanged();
}

void BulkEngine::start()
{
    if (!m_stopCause.isEmpty()) {
        setState(OperationState::Interrupted);
        QTimer::singleShot(0, this, &BulkEngine::checkFinished);
        return;
    }
    setState(OperationState::Running);
    // Started from the event loop, so whoever created the engine can connect first.
    QTimer::singleShot(0, this, &BulkEngine::pump);
}

void BulkEngine::pause()
{
    if (m_state == OperationState::Running)
        setState(OperationState::Paused);
}

void BulkEngine::resume()
{
    if (m_state == OperationState::Paused || m_state == OperationState::Interrupted) {
        if (m_journal && m_journal->isOpen() && !m_operationId)
            return; // never recorded: it cannot run safely
        // A stop for a journal failure is tried again: the first write that fails stops it anew.
        m_stopCause.clear();
        m_stopReported = false;
        setState(OperationState::Running);
        pump();
    }
}

void BulkEngine::cancel()
{
    if (m_state == OperationState::Finished || m_state == OperationState::Cancelled)
        return;
    setState(OperationState::Cancelled);
    m_wake->stop();
    if (m_inFlight == 0)
        emit finished();
}

void BulkEngine::retryFailed()
{
    if (m_journal && m_journal->isOpen() && !m_operationId)
        return;
    bool any = false;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        BulkItem &item = m_items[i];
        const int index = static_cast<int>(i);
        if (item.state == ItemState::Failed) {
            item.state = ItemState::Pending;
            item.message.clear();
            record(index);
            m_queue.push_back(index);
            any = true;
        } else if (item.state == ItemState::Unknown &&
                   std::find(m_queue.cbegin(), m_queue.cend(), index) == m_queue.cend()) {
            // Its outcome could not be checked: it is checked again, never simply sent.
            m_queue.push_back(index);
            any = true;
        }
    }
    m_stopCause.clear();
    m_stopReported = false;
    if (!any)
        return;
    emit progressChanged();
    setState(OperationState::Running);
    pump();
}

qint64 BulkEngine::throttleWaitMs(int retryAfterSeconds) const
{
    // The same cap the client applies to its own retries.
    return m_client->transport()->retryPolicy().cappedRetryAfter(retryAfterSeconds).count();
}

void BulkEngine::pump()
{
    if (m_state != OperationState::Running) {
        // Paused or cancelled: nothing new starts, but the last answer may end the operation.
        checkFinished();
        return;
    }
    const qint64 now = m_clock.elapsed();
    while (!m_queue.empty() && m_limiter.mayStart(m_inFlight, now)) {
        const int index = m_queue.front();
        m_queue.pop_front();
        if (isFinal(m_items[index].state))
            continue;
        launch(index);
    }
    if (!m_queue.empty() && m_limiter.blockedUntilMs() > now && !m_wake->isActive())
        m_wake->start(static_cast<int>(m_limiter.blockedUntilMs() - now));
    checkFinished();
}

void BulkEngine::launch(int index)
{
    BulkItem &item = m_items[index];
    if (item.state == ItemState::Unknown && item.action == BulkAction::ResubmitRun) {
        verifyResubmit(index);
        return;
    }
    // In flight for the engine (it counts against the concurrency limit), but recorded as such
    // only when the request really leaves: see admit().
    item.state = ItemState::InFlight;
    recount(index);
    m_left[index] = false;
    ++m_inFlight;
    emit itemChanged(index);

    const auto done = [this, index](Result<Done> result) { complete(index, result.error()); };
    const ApiClient::SendGate gate = [engine = QPointer<BulkEngine>(this), index] {
        return engine && engine->admit(index);
    };
    ApiClient *client = item.scope == Scope::Admin ? m_client->adminScope() : m_client;
    switch (item.action) {
    case BulkAction::CancelRun:
        client->cancelRun(item.env, item.flow, item.run, this, done, gate);
        break;
    case BulkAction::ResubmitRun:
        client->resubmitRun(item.env, item.flow, item.run, {}, this, done, gate);
        break;
    case BulkAction::TurnOnFlow:
        client->turnOnFlow(item.env, item.flow, this, done, gate);
        break;
    case BulkAction::TurnOffFlow:
        client->turnOffFlow(item.env, item.flow, this, done, gate);
        break;
    case BulkAction::DeleteFlow:
        client->deleteFlow(item.env, item.flow, this, done, gate);
        break;
    case BulkAction::RestoreFlow:
        client->restoreFlow(item.env, item.flow, this, done, gate);
        break;
    case BulkAction::AddOwner:
    case BulkAction::RemoveOwner: {
        Principal principal;
        principal.id = item.principalId;
        principal.type = item.principalType;
        OwnerChanges changes;
        (item.action == BulkAction::AddOwner ? changes.add : changes.remove).append(principal);
        client->modifyOwners(item.env, item.flow, changes, this, done, gate);
        break;
    }
    }
}

bool BulkEngine::admit(int index)
{
    // Paused, cancelled or stopped since it was queued: it does not leave.
    if (m_state != OperationState::Running)
        return false;
    BulkItem &item = m_items[index];
    item.state = ItemState::InFlight;
    item.sentAtMs = QDateTime::currentMSecsSinceEpoch();
    ++item.attempts;
    // Durable (and checked) before the request leaves: after a crash this item is known to be
    // maybe-sent. A failed write stops the operation and this request stays unsent.
    if (!record(index)) {
        --item.attempts;
        return false;
    }
    m_left[index] = true;
    return true;
}

void BulkEngine::complete(int index, const ApiError &error)
{
    --m_inFlight;
    BulkItem &item = m_items[index];
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;

    if (error.kind == ApiError::Kind::NotSent) {
        // Held back at its gate (paused, cancelled, stopped): it never left, so it is simply
        // pending again. An earlier attempt of it may have left, but only to be refused with a
        // 429 or 401, which the service did not process.
        item.state = ItemState::Pending;
        m_queue.push_front(index);
        record(index);
        emit itemChanged(index);
        emit progressChanged();
        pump();
        return;
    }
    if (!error.isError()) {
        item.state = ItemState::Succeeded;
        item.message.clear();
        m_limiter.onSuccess();
    } else if (error.kind == ApiError::Kind::Cancelled) {
        item.state = isIdempotent(item.action) || !m_left[index] ? ItemState::Pending : ItemState::Unknown;
        m_queue.push_front(index);
    } else if (!isIdempotent(item.action) && m_left[index] && error.kind == ApiError::Kind::Refused) {
        // Refused after it left (a redirect elsewhere, an answer too large): it may have been processed.
        item.state = ItemState::Unknown;
        item.message = error.toString();
        m_queue.push_front(index);
    } else if (error.isThrottled() && (error.httpStatus == 429 || isIdempotent(item.action))) {
        // Still throttled after the client's own retries: not processed; try again later.
        m_limiter.onThrottled(now, throttleWaitMs(error.retryAfterSeconds));
        item.state = ItemState::Pending;
        m_queue.push_back(index);
    } else if (item.action == BulkAction::CancelRun && error.kind == ApiError::Kind::Http &&
               error.httpStatus == 409) {
        item.state = ItemState::Skipped;
        item.message = tr("The run had already finished.");
    } else if (item.action == BulkAction::RestoreFlow && error.kind == ApiError::Kind::Http &&
               error.httpStatus == 409) {
        item.state = ItemState::Skipped;
        item.message = tr("The flow was not deleted (restored already).");
    } else if (!isIdempotent(item.action) &&
               (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout ||
                (error.kind == ApiError::Kind::Http && error.httpStatus >= 500))) {
        // The request left, the answer did not come back: it may have been processed.
        item.state = ItemState::Unknown;
        item.message = error.toString();
        m_queue.push_front(index);
    } else {
        item.state = ItemState::Failed;
        item.message = error.toString();
    }
    if (isFinal(item.state))
        noteCompletion();
    record(index);
    emit itemChanged(index);
    emit progressChanged();
    pump();
}

void BulkEngine::verifyResubmit(int index)
{
    BulkItem &item = m_items[index];
    ++m_inFlight;
    const qint64 settleLeft = item.sentAtMs + m_verifySettleMs - QDateTime::currentMSecsSinceEpoch();
    if (settleLeft > 0) {
        // Too early to conclude from the service's run list; the operation stays open meanwhile.
        QTimer::singleShot(settleLeft, this, [this, index] {
            --m_inFlight;
            m_queue.push_front(index);
            pump();
        });
        return;
    }
    const qint64 from = item.sentAtMs > 0 ? item.sentAtMs - kVerifySkewMs : 0;
    auto *collector = new RunCollector(item.scope == Scope::Admin ? m_client->adminScope() : m_client,
                                       {{item.env, item.flow, item.label}}, {}, from, 0, this);
    // One chain: a check counts as one request against the engine's limiter (which adapts to
    // throttling), and the runs since a send are usually a page or two.
    collector->setParallelWindows(1);
    connect(collector, &RunCollector::finished, this, [this, index, collector] {
        collector->deleteLater();
        QString resubmitted;
        for (const RunCollector::Found &found : collector->runs()) {
            // A run that was not resubmitted names itself as its origin.
            if (found.run.originRun == m_items[index].run && found.run.name != m_items[index].run) {
                resubmitted = found.run.name;
                break;
            }
        }
        concludeVerify(index, {}, resubmitted);
    });
    connect(collector, &RunCollector::failed, this, [this, index, collector](const ApiError &error) {
        collector->deleteLater();
        concludeVerify(index, error, {});
    });
    collector->start();
}

void BulkEngine::concludeVerify(int index, const ApiError &error, const QString &resubmitted)
{
    --m_inFlight;
    BulkItem &it = m_items[index];
    if (error.isError()) {
        // Could not look: it stays unknown, and is never sent without a look.
        it.state = ItemState::Unknown;
        it.message =
            tr("Outcome unknown: the answer to the resubmit was lost and the flow's runs could not be "
               "checked (%1). Retry checks again before anything is sent.")
                .arg(error.toString());
    } else if (!resubmitted.isEmpty()) {
        it.state = ItemState::Succeeded;
        it.message =
            tr("The answer was lost, but the flow has run %1 resubmitted from this run.").arg(resubmitted);
        noteCompletion();
    } else {
        // Checked: the service never processed it, so sending it now sends it once.
        it.state = ItemState::Pending;
        it.message =
            tr("The answer to an earlier resubmit was lost; the flow has no run resubmitted from this "
               "one, so it was sent again.");
        m_queue.push_back(index);
    }
    record(index);
    emit itemChanged(index);
    emit progressChanged();
    pump();
}

void BulkEngine::recount(int index)
{
    // Every change of an item's state passes here: the counts follow without a scan.
    ItemState &counted = m_countedStates[index];
    if (counted != m_items[index].state) {
        count(counted, -1);
        counted = m_items[index].state;
        count(counted, +1);
    }
}

bool BulkEngine::record(int index)
{
    recount(index);
    if (!m_journal || !m_operationId)
        return true;
    if (m_journal->updateItem(m_operationId, m_items[index]))
        return true;
    // The journal says what could not be written and why, in words for people.
    stop(m_journal->lastError());
    return false;
}

void BulkEngine::checkFinished()
{
    if (m_inFlight > 0)
        return;
    if (!m_stopCause.isEmpty()) {
        if (!std::exchange(m_stopReported, true))
            emit finished();
        return;
    }
    if (m_state == OperationState::Cancelled) {
        emit finished();
        return;
    }
    if (m_state == OperationState::Running && m_queue.empty()) {
        setState(OperationState::Finished);
        emit finished();
    }
}

} // namespace fc
