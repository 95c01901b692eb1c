#pragma once

#include "BulkTypes.h"

#include <QList>
#include <QString>

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

    qint64 createOperation(const QString &title, QList<BulkItem> &items); // assigns seq; 0 on failure
    bool updateItem(qint64 operationId, const BulkItem &item);
    bool setOperationState(qint64 operationId, OperationState state);

    QList<OperationRecord> operations(bool unfinishedOnly) const;
    std::optional<OperationRecord> operation(qint64 operationId) const;
    QList<BulkItem> items(qint64 operationId) const;
    bool removeOperation(qint64 operationId);

    QString lastError() const { return m_lastError; }

private:
    bool exec(const QString &sql);
    QString m_connection;
    QString m_scope;
    mutable QString m_lastError;
};

} // namespace fc
