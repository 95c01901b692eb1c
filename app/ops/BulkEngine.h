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
//
// Exactly once: a request is marked InFlight in the journal, and the write checked, at the moment
// it leaves (the transport's send gate), not when it is queued; a request that is still queued
// when the operation is paused, cancelled or stopped is held back and stays Pending. Any journal
// failure stops the operation before anything more is sent (stopReason() says what happened).
class BulkEngine : public QObject
{
    Q_OBJECT
public:
    // A new operation: written to the journal (if any) before anything is sent.
    BulkEngine(ApiClient *client, Journal *journal, const QString &title, QList<BulkItem> items,
               QObject *parent = nullptr);
    // An operation read back from the journal after a restart. The caller has acquired it
    // (Journal::acquire) before reading its items; the engine releases it when destroyed.
    BulkEngine(ApiClient *client, Journal *journal, qint64 operationId, const QString &title,
               QList<BulkItem> items, QObject *parent = nullptr);
    ~BulkEngine() override;

    // Why the operation stopped on its own (its journal could not be written, or another process
    // took it over); empty otherwise. Shown to the user as it is.
    QString stopReason() const;
    // An unknown resubmit is looked for only once this long has passed since it was sent, so that
    // a request the service is still working on is not taken for one it never got.
    void setVerifySettleMs(qint64 ms) { m_verifySettleMs = ms; }

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
    bool admit(int index);
    void verifyResubmit(int index);
    void complete(int index, const ApiError &error);
    void concludeVerify(int index, const ApiError &error, const QString &resubmitted);
    bool record(int index);
    void recount(int index);
    void stop(const QString &why);
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
    std::vector<bool> m_left;               // whether the item's current request has left
    QString m_stopCause; // why it stopped on its own, as in "its journal could not be written (…)"
    bool m_stopReported = false;
    qint64 m_verifySettleMs = 10000;
};

} // namespace fc
