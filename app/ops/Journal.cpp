#include "Journal.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
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
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
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

bool Journal::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_connection = u"fc-journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
        return false;
    }
    // WAL with synchronous=NORMAL: a committed transaction survives a crash of the program (not
    // a power cut), at a fraction of a millisecond per write.
    const bool ok =
        exec(u"PRAGMA journal_mode=WAL"_s) && exec(u"PRAGMA synchronous=NORMAL"_s) &&
        exec(u"CREATE TABLE IF NOT EXISTS operations (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, "
             "created INTEGER, state INTEGER, scope TEXT NOT NULL DEFAULT '')"_s) &&
        exec(u"CREATE TABLE IF NOT EXISTS items (op INTEGER, seq INTEGER, action INTEGER, env TEXT, "
             "flow TEXT, run TEXT, label TEXT, principal TEXT, ptype INTEGER, state INTEGER, message TEXT, "
             "sent INTEGER, attempts INTEGER, PRIMARY KEY (op, seq))"_s);
    // Journals written before operations had a scope gain the column (empty scope).
    if (ok) {
        QSqlQuery columns(QSqlDatabase::database(m_connection));
        bool hasScope = false;
        if (columns.exec(u"PRAGMA table_info(operations)"_s)) {
            while (columns.next())
                hasScope = hasScope || columns.value(1).toString() == "scope"_L1;
        }
        columns.finish(); // a statement still reading would lock the table against ALTER
        if (!hasScope)
            exec(u"ALTER TABLE operations ADD COLUMN scope TEXT NOT NULL DEFAULT ''"_s);
    }
    if (!ok && error)
        *error = m_lastError;
    return ok;
}

qint64 Journal::createOperation(const QString &title, QList<BulkItem> &items)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery op(db);
    op.prepare(u"INSERT INTO operations (title, created, state, scope) VALUES (?, ?, ?, COALESCE(?, ''))"_s);
    op.addBindValue(title);
    op.addBindValue(QDateTime::currentMSecsSinceEpoch());
    op.addBindValue(static_cast<int>(OperationState::Running));
    op.addBindValue(m_scope);
    if (!op.exec()) {
        m_lastError = op.lastError().text();
        db.rollback();
        return 0;
    }
    const qint64 id = op.lastInsertId().toLongLong();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
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
                                     item.attempts};
        for (int v = 0; v < values.size(); ++v)
            insert.bindValue(v, values[v]);
        if (!insert.exec()) {
            m_lastError = insert.lastError().text();
            db.rollback();
            return 0;
        }
    }
    db.commit();
    return id;
}

bool Journal::updateItem(qint64 operationId, const BulkItem &item)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        u"UPDATE items SET state = ?, message = ?, sent = ?, attempts = ? WHERE op = ? AND seq = ?"_s);
    query.addBindValue(static_cast<int>(item.state));
    query.addBindValue(item.message);
    query.addBindValue(item.sentAtMs);
    query.addBindValue(item.attempts);
    query.addBindValue(operationId);
    query.addBindValue(item.seq);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

bool Journal::setOperationState(qint64 operationId, OperationState state)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"UPDATE operations SET state = ? WHERE id = ?"_s);
    query.addBindValue(static_cast<int>(state));
    query.addBindValue(operationId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
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
        u"SELECT seq, action, env, flow, run, label, principal, ptype, state, message, sent, attempts "
        "FROM items WHERE op = ? ORDER BY seq"_s);
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
        items.append(item);
    }
    return items;
}

bool Journal::removeOperation(qint64 operationId)
{
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
    return db.commit();
}

} // namespace fc
