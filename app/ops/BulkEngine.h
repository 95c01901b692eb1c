#pragma once

#include "AdaptiveLimiter.h"
#include "BulkTypes.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>
#include <vector>

class QTimer;

namespace fc {

class ApiClient;
class Journal;

// Runs one bulk operation: a list of actions sent with bounded, adaptive concurrency (AIMD on
// 429s, honouring Retry-After), pausable, cancellable, journalled item by item so a crash loses
// nothing. A resubmit whose answer was lost is never sent again blindly: the engine looks for a
// run resubmitted from it and reports what it found.
class BulkEngine : public QObject
{
    Q_OBJECT
public:
    // A new operation: written to the journal (if any) before anything is sent.
    BulkEngine(ApiClient *client, Journal *journal, const QString &title, QList<BulkItem> items,
               QObject *parent = nullptr);
    // An operation read back from the journal after a restart.
    BulkEngine(ApiClient *client, Journal *journal, qint64 operationId, const QString &title,
               QList<BulkItem> items, QObject *parent = nullptr);

    qint64 operationId() const { return m_operationId; }
    QString title() const { return m_title; }
    OperationState state() const { return m_state; }
    const QList<BulkItem> &items() const { return m_items; }
    const ItemCounts &counts() const { return m_counts; }
    double itemsPerSecond() const;
    qint64 remainingMs() const; // -1 while unknown
    qint64 elapsedMs() const;
    AdaptiveLimiter &limiter() { return m_limiter; }
    int inFlight() const { return m_inFlight; }

    void start();
    void pause();
    void resume();
    // Sends nothing more; calls already in flight finish and are recorded.
    void cancel();
    // Puts failed (and unknown) items back in the queue and runs again.
    void retryFailed();

signals:
    void itemChanged(int index);
    void progressChanged();
    void stateChanged(fc::OperationState state);
    void finished();

private:
    void init();
    void setState(OperationState state);
    void pump();
    void launch(int index);
    void verifyResubmit(int index);
    void complete(int index, const ApiError &error);
    void record(int index);
    void checkFinished();
    qint64 throttleWaitMs(int retryAfterSeconds) const;
    void count(ItemState state, int delta);
    void noteCompletion();

    ApiClient *m_client;
    Journal *m_journal;
    qint64 m_operationId = 0;
    QString m_title;
    QList<BulkItem> m_items;
    std::deque<int> m_queue; // indices of items to send (or verify)
    AdaptiveLimiter m_limiter;
    OperationState m_state = OperationState::Paused;
    int m_inFlight = 0;
    QTimer *m_wake;
    QElapsedTimer m_clock;
    qint64 m_activeMs = 0;            // time spent running, pauses excluded
    std::deque<qint64> m_completions; // clock times of recent completions, for the rate
    ItemCounts m_counts;
    std::vector<ItemState> m_countedStates; // the state each item is counted under
};

} // namespace fc
