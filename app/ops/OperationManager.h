#pragma once

#include "BulkTypes.h"
#include "api/ApiClient.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace fc {

class BulkEngine;
class Journal;

// Owns the console's bulk operations and the journal they are written to. Every operation
// started anywhere in the console goes through start() (journalled) or is shown through
// track() (an engine started elsewhere, which it adopts), so that the activity panel lists them all. At
// sign-in, operations the journal holds unfinished are read back, paused, for the user to resume or discard;
// an engine built from journal items never repeats a finished item.
class OperationManager : public QObject
{
    Q_OBJECT
public:
    explicit OperationManager(ApiClient *client, QObject *parent = nullptr);
    ~OperationManager() override;

    // FLOWCONSOLE_JOURNAL when set (tests, portable set-ups), else Journal::defaultPath().
    static QString journalPath();
    // Opens the journal once; later calls with the same path do nothing. False (with why) when
    // it cannot be opened: operations then run unjournalled.
    bool openJournal(const QString &path, QString *error = nullptr);
    Journal *journal() const { return m_journal.get(); }
    // Whose operations are journalled and offered for resume: the profile and account signed in.
    void setScope(const QString &scope);

    // A new journalled operation, started at once. The manager owns it.
    BulkEngine *start(const QString &title, QList<BulkItem> items);
    // Shows an operation someone else created, and adopts it so it stays listed until cleared
    // even when its creator moves on; forgotten if it is destroyed anyway.
    void track(BulkEngine *engine);

    QList<BulkEngine *> operations() const;
    bool owns(const BulkEngine *engine) const;
    // Forgets finished or cancelled operations (and removes the journalled ones from the journal).
    void clearFinished();

    // Reads the unfinished operations of the journal back, paused; emits unfinishedFound.
    int loadUnfinished();
    QList<BulkEngine *> unfinished() const;
    void resumeUnfinished();
    void discardUnfinished();

    ApiClient *client() const { return m_client; }
    // Operations still running (or with requests in flight): what quitting would interrupt.
    int activeCount() const;
    // Pauses every operation: nothing new is sent, answers in flight are still recorded. Used on quit.
    void pauseAll();
    // At sign-out or a change of profile: the operations listed belong to the account that
    // leaves. Finished ones are cleared, unfinished ones read back from the journal are let go
    // (they stay in the journal for that account's next sign-in). Running ones are paused and let
    // go too; returns how many were running.
    int releaseAll();

signals:
    void operationAdded(fc::BulkEngine *engine);
    void operationRemoved(fc::BulkEngine *engine);
    void operationFinished(fc::BulkEngine *engine);
    void unfinishedFound(int count);
    // Unfinished operations of this account that another FlowConsole process is running: not
    // offered here (they would be sent twice).
    void heldElsewhere(int count);
    void unfinishedResolved();

private:
    void add(BulkEngine *engine);
    void remove(BulkEngine *engine);

    QPointer<ApiClient> m_client;
    std::unique_ptr<Journal> m_journal;
    QString m_journalPath;
    // Raw pointers for identity: an engine leaves these lists from its destroyed() signal, when a
    // QPointer to it would already read null.
    QList<BulkEngine *> m_operations;
    QList<BulkEngine *> m_unfinished; // read back at start-up, waiting for the user's word
    bool m_loaded = false;
    int m_heldElsewhere = 0;
};

} // namespace fc
