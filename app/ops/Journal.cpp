#include "Journal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace fc {

Journal::Journal() = default;

Journal::~Journal()
{
    m_locks.clear(); // unlocks: the operations may be taken over by another process
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString Journal::writeError(const QSqlError &error) const
{
    // SQLite's words ("disk I/O error Unable to fetch row") name no file and no cause a person
    // can act on; they stay at the end for whoever reads a report.
    return QCoreApplication::translate("fc::Journal",
                                       "%1 could not be written; is the disk full or read-only? (%2)")
        .arg(QDir::toNativeSeparators(m_path), error.text());
}

QString Journal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/journal.sqlite"_s;
}

bool Journal::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(sql)) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

bool Journal::addColumnIfMissing(const QString &table, const QString &column, const QString &definition)
{
    QSqlQuery columns(QSqlDatabase::database(m_connection));
    bool has = false;
    if (!columns.exec(u"PRAGMA table_info("_s + table + u')')) {
        m_lastError = columns.lastError().text();
        return false;
    }
    while (columns.next())
        has = has || columns.value(1).toString() == column;
    columns.finish(); // a statement still reading would lock the table against ALTER
    return has || exec(u"ALTER TABLE "_s + table + u" ADD COLUMN "_s + column + u' ' + definition);
}

bool Journal::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_path = QFileInfo(path).absoluteFilePath();
    m_owner = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_connection = u"fc-journal-"_s + m_owner;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    // Another process writing the same journal holds its lock for a moment: wait for it rather
    // than fail the write (which would stop an operation).
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
        return false;
    }
    // WAL with synchronous=NORMAL: a committed write survives a crash of the program. The InFlight
    // mark of a resubmit is committed with synchronous=FULL (see updateItem), so it survives a
    // power cut too.
    const bool ok =
        exec(u"PRAGMA journal_mode=WAL"_s) && exec(u"PRAGMA synchronous=NORMAL"_s) &&
        exec(u"CREATE TABLE IF NOT EXISTS operations (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, "
             "created INTEGER, state INTEGER, scope TEXT NOT NULL DEFAULT '', owner TEXT)"_s) &&
        exec(u"CREATE TABLE IF NOT EXISTS items (op INTEGER, seq INTEGER, action INTEGER, env TEXT, "
             "flow TEXT, run TEXT, label TEXT, principal TEXT, ptype INTEGER, state INTEGER, message TEXT, "
             "sent INTEGER, attempts INTEGER, scope INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (op, seq))"_s) &&
        // Journals written by earlier versions gain the columns they lack.
        addColumnIfMissing(u"operations"_s, u"scope"_s, u"TEXT NOT NULL DEFAULT ''"_s) &&
        addColumnIfMissing(u"operations"_s, u"owner"_s, u"TEXT"_s) &&
        addColumnIfMissing(u"items"_s, u"scope"_s, u"INTEGER NOT NULL DEFAULT 0"_s);
    if (!ok && error)
        *error = m_lastError;
    return ok;
}

QString Journal::lockPath(qint64 operationId) const
{
    return m_path + u".op"_s + QString::number(operationId) + u".lock"_s;
}

bool Journal::lock(qint64 operationId, QString *why)
{
    if (m_locks.contains(operationId))
        return true;
    auto file = std::make_unique<QLockFile>(lockPath(operationId));
    // No age limit: an operation may run for hours. A lock whose process is gone is stale at once
    // (QLockFile checks the owner's pid, and on Unix the lock is also an flock() that the kernel
    // releases when the process dies).
    file->setStaleLockTime(0);
    if (!file->tryLock(0)) {
        if (why) {
            qint64 pid = 0;
            QString host, app;
            file->getLockInfo(&pid, &host, &app);
            *why = file->error() == QLockFile::LockFailedError
                       ? QCoreApplication::translate(
                             "fc::Journal", "It is being run by another FlowConsole window (process %1).")
                             .arg(pid)
                       : QCoreApplication::translate("fc::Journal", "Its lock file %1 cannot be written.")
                             .arg(QDir::toNativeSeparators(lockPath(operationId)));
        }
        return false;
    }
    m_locks.emplace(operationId, std::move(file));
    return true;
}

bool Journal::acquire(qint64 operationId, QString *why)
{
    if (!lock(operationId, why))
        return false;
    // The fencing token: from now on only this instance's item writes go through.
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"UPDATE operations SET owner = ? WHERE id = ?"_s);
    query.addBindValue(m_owner);
    query.addBindValue(operationId);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_lastError = query.lastError().text();
        if (why)
            *why =
                m_lastError.isEmpty()
                    ? QCoreApplication::translate("fc::Journal", "The operation is no longer in the journal.")
                    : m_lastError;
        release(operationId);
        return false;
    }
    return true;
}

void Journal::release(qint64 operationId)
{
    m_locks.erase(operationId); // QLockFile's destructor unlocks and removes the file
}

bool Journal::isHeldElsewhere(qint64 operationId) const
{
    if (m_locks.contains(operationId))
        return false;
    QLockFile probe(lockPath(operationId));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return false;
    }
    return probe.error() == QLockFile::LockFailedError;
}

qint64 Journal::createOperation(const QString &title, QList<BulkItem> &items)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_lastError = writeError(db.lastError());
        return 0;
    }
    const auto fail = [&](const QSqlQuery &query) {
        m_lastError = writeError(query.lastError());
        db.rollback();
        return qint64{0};
    };
    QSqlQuery op(db);
    op.prepare(
        u"INSERT INTO operations (title, created, state, scope, owner) VALUES (?, ?, ?, COALESCE(?, ''), ?)"_s);
    op.addBindValue(title);
    op.addBindValue(QDateTime::currentMSecsSinceEpoch());
    op.addBindValue(static_cast<int>(OperationState::Running));
    op.addBindValue(m_scope);
    op.addBindValue(m_owner);
    if (!op.exec())
        return fail(op);
    const qint64 id = op.lastInsertId().toLongLong();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO items (op, seq, action, env, flow, run, label, principal, ptype, state, "
                   "message, sent, attempts, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (qsizetype i = 0; i < items.size(); ++i) {
        BulkItem &item = items[i];
        item.seq = i;
        const QVariantList values = {id,
                                     item.seq,
                                     static_cast<int>(item.action),
                                     item.env,
                                     item.flow,
                                     item.run,
                                     item.label,
                                     item.principalId,
                                     static_cast<int>(item.principalType),
                                     static_cast<int>(item.state),
                                     item.message,
                                     item.sentAtMs,
                                     item.attempts,
                                     static_cast<int>(item.scope)};
        for (int v = 0; v < values.size(); ++v)
            insert.bindValue(v, values[v]);
        if (!insert.exec())
            return fail(insert);
    }
    // Owned before anyone else can see it: another process reading the journal after the commit
    // finds it locked.
    QString why;
    if (!lock(id, &why)) {
        m_lastError = why;
        db.rollback();
        return 0;
    }
    if (!db.commit()) {
        m_lastError = writeError(db.lastError());
        db.rollback();
        release(id);
        return 0;
    }
    return id;
}

bool Journal::updateItem(qint64 operationId, const BulkItem &item)
{
    // Only the mark that a non-idempotent request (a resubmit) is about to leave must survive a
    // power cut: it is what stops the request from being sent twice. That commit is synced to the
    // disk (synchronous=FULL, a few milliseconds); every other write only needs to survive a crash
    // of the program (synchronous=NORMAL in WAL mode, tens of microseconds). A result lost in a
    // power cut leaves the item InFlight, and it is checked, not resent.
    const bool durable = item.state == ItemState::InFlight && !isIdempotent(item.action);
    if (durable && !exec(u"PRAGMA synchronous=FULL"_s)) {
        m_lastError = writeError(QSqlDatabase::database(m_connection).lastError());
        return false;
    }
    const auto back = qScopeGuard([this, durable] {
        if (durable)
            exec(u"PRAGMA synchronous=NORMAL"_s);
    });
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"UPDATE items SET state = ?, message = ?, sent = ?, attempts = ? WHERE op = ? AND seq = ? "
                  "AND EXISTS (SELECT 1 FROM operations WHERE id = ? AND owner = ?)"_s);
    query.addBindValue(static_cast<int>(item.state));
    query.addBindValue(item.message);
    query.addBindValue(item.sentAtMs);
    query.addBindValue(item.attempts);
    query.addBindValue(operationId);
    query.addBindValue(item.seq);
    query.addBindValue(operationId);
    query.addBindValue(m_owner);
    if (!query.exec()) {
        m_lastError = writeError(query.lastError());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        m_lastError =
            QCoreApplication::translate("fc::Journal", "the operation is now run by another process");
        return false;
    }
    return true;
}

bool Journal::setOperationState(qint64 operationId, OperationState state)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"UPDATE operations SET state = ? WHERE id = ? AND owner = ?"_s);
    query.addBindValue(static_cast<int>(state));
    query.addBindValue(operationId);
    query.addBindValue(m_owner);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

QList<OperationRecord> Journal::operations(bool unfinishedOnly) const
{
    QList<OperationRecord> records;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    QString sql = u"SELECT o.id, o.title, o.created, o.state, COUNT(i.seq), "
                  "SUM(i.state = 0), SUM(i.state = 1), SUM(i.state = 2), SUM(i.state = 3), SUM(i.state = 4), "
                  "SUM(i.state = 5) FROM operations o LEFT JOIN items i ON i.op = o.id "_s;
    sql += u"WHERE o.scope = COALESCE(?, '') "_s;
    if (unfinishedOnly)
        sql += u"AND o.state IN (0, 1, 4) "_s;
    sql += u"GROUP BY o.id ORDER BY o.id"_s;
    query.prepare(sql);
    query.addBindValue(m_scope);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return records;
    }
    while (query.next()) {
        OperationRecord r;
        r.id = query.value(0).toLongLong();
        r.title = query.value(1).toString();
        r.createdMs = query.value(2).toLongLong();
        r.state = static_cast<OperationState>(query.value(3).toInt());
        r.counts.total = query.value(4).toInt();
        r.counts.pending = query.value(5).toInt();
        r.counts.inFlight = query.value(6).toInt();
        r.counts.succeeded = query.value(7).toInt();
        r.counts.failed = query.value(8).toInt();
        r.counts.skipped = query.value(9).toInt();
        r.counts.unknown = query.value(10).toInt();
        records.append(r);
    }
    return records;
}

std::optional<OperationRecord> Journal::operation(qint64 operationId) const
{
    for (const OperationRecord &r : operations(false)) {
        if (r.id == operationId)
            return r;
    }
    return std::nullopt;
}

QList<BulkItem> Journal::items(qint64 operationId) const
{
    QList<BulkItem> items;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        u"SELECT seq, action, env, flow, run, label, principal, ptype, state, message, sent, attempts, "
        "scope FROM items WHERE op = ? ORDER BY seq"_s);
    query.addBindValue(operationId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return items;
    }
    while (query.next()) {
        BulkItem item;
        item.seq = query.value(0).toLongLong();
        item.action = static_cast<BulkAction>(query.value(1).toInt());
        item.env = query.value(2).toString();
        item.flow = query.value(3).toString();
        item.run = query.value(4).toString();
        item.label = query.value(5).toString();
        item.principalId = query.value(6).toString();
        item.principalType = static_cast<PrincipalType>(query.value(7).toInt());
        item.state = static_cast<ItemState>(query.value(8).toInt());
        item.message = query.value(9).toString();
        item.sentAtMs = query.value(10).toLongLong();
        item.attempts = query.value(11).toInt();
        item.scope = query.value(12).toInt() == static_cast<int>(Scope::Admin) ? Scope::Admin : Scope::User;
        items.append(item);
    }
    return items;
}

bool Journal::removeOperation(qint64 operationId)
{
    if (isHeldElsewhere(operationId)) {
        m_lastError =
            QCoreApplication::translate("fc::Journal", "It is being run by another FlowConsole window.");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(u"DELETE FROM items WHERE op = ?"_s);
    query.addBindValue(operationId);
    bool ok = query.exec();
    query.prepare(u"DELETE FROM operations WHERE id = ?"_s);
    query.addBindValue(operationId);
    ok = ok && query.exec();
    if (!ok) {
        m_lastError = query.lastError().text();
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        return false;
    }
    release(operationId);
    return true;
}

} // namespace fc
