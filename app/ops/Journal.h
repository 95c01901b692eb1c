#pragma once

#include "BulkTypes.h"

#include <QList>
#include <QLockFile>
#include <QString>

class QSqlError;

#include <map>
#include <memory>
#include <optional>

namespace fc {

struct OperationRecord
{
    qint64 id = 0;
    QString title;
    qint64 createdMs = 0;
    OperationState state = OperationState::Running;
    ItemCounts counts;
};

// The on-disk record of bulk operations (SQLite, WAL), so that quitting or crashing in the
// middle loses nothing. An item is marked InFlight, durably, before its request is sent: after a
// crash, an InFlight resubmit is known to have maybe happened, and is checked, not resent.
//
// Durability: the InFlight mark of a non-idempotent request (a resubmit) is committed with
// synchronous=FULL: it is on the disk before the request leaves and survives a power cut. Every
// other write survives a crash of the program (WAL, synchronous=NORMAL); a result lost in a power
// cut leaves its item InFlight, which is checked against the service, never resent blindly.
//
// One owner per operation: several processes (two windows, a second start) may open the same
// journal, but an operation is run only by the process that holds it: an OS file lock per
// operation (released by the kernel when its process dies, so a crashed owner's operation can be
// taken over at once) plus a fencing token in the database that every item write checks, so a
// process that lost its operation can no longer mark anything in flight.
class Journal
{
public:
    Journal();
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    // The default location: the app data folder's journal.sqlite.
    static QString defaultPath();

    bool open(const QString &path, QString *error = nullptr);
    bool isOpen() const { return !m_connection.isEmpty(); }

    // Whose operations these are (profile and account): new operations are recorded under it and
    // operations() lists only its own, so one account is never offered another's unfinished work.
    void setScope(const QString &scope) { m_scope = scope; }
    QString scope() const { return m_scope; }

    // A new operation, owned by this journal's process at once; assigns seq. 0 on failure (the
    // transaction is rolled back: nothing of it is recorded).
    qint64 createOperation(const QString &title, QList<BulkItem> &items);
    // Takes an existing operation for this process; false (with why) while another process
    // holds it. Read its items only after this succeeded, so that they are up to date.
    bool acquire(qint64 operationId, QString *why = nullptr);
    void release(qint64 operationId);
    bool owns(qint64 operationId) const { return m_locks.contains(operationId); }
    // Whether a live process other than this one holds the operation.
    bool isHeldElsewhere(qint64 operationId) const;

    // Item writes succeed only while this process owns the operation (fencing): false when the
    // write failed (disk full, I/O error) or the operation is owned by another process.
    bool updateItem(qint64 operationId, const BulkItem &item);
    bool setOperationState(qint64 operationId, OperationState state);

    QList<OperationRecord> operations(bool unfinishedOnly) const;
    std::optional<OperationRecord> operation(qint64 operationId) const;
    QList<BulkItem> items(qint64 operationId) const;
    bool removeOperation(qint64 operationId);

    QString lastError() const { return m_lastError; }

private:
    bool exec(const QString &sql);
    QString writeError(const QSqlError &error) const;
    bool addColumnIfMissing(const QString &table, const QString &column, const QString &definition);
    QString lockPath(qint64 operationId) const;
    bool lock(qint64 operationId, QString *why);

    QString m_connection;
    QString m_path;
    QString m_scope;
    QString m_owner; // this instance's fencing token
    std::map<qint64, std::unique_ptr<QLockFile>> m_locks;
    mutable QString m_lastError;
};

} // namespace fc
