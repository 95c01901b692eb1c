#include "RunStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace fc {

RunStore::~RunStore()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString RunStore::pathFor(const QString &profile, const QString &account)
{
    // A hash: profile and account names may hold characters a file name cannot.
    const QByteArray key =
        QCryptographicHash::hash(QString(profile + u'\n' + account).toUtf8(), QCryptographicHash::Sha256)
            .toHex();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/runs/"_s +
           QString::fromLatin1(key.left(32)) + u".sqlite"_s;
}

bool RunStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool RunStore::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_path = QFileInfo(path).absoluteFilePath();
    m_connection = u"fc-runstore-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    // Two windows of one profile share the file: wait for the other's write rather than fail.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=3000"_s);
    const bool ok =
        db.open() && exec(u"PRAGMA journal_mode=WAL"_s) && exec(u"PRAGMA synchronous=NORMAL"_s) &&
        exec(u"CREATE TABLE IF NOT EXISTS runs (env TEXT NOT NULL, flow TEXT NOT NULL, name TEXT NOT NULL, "
             "start_ms INTEGER, end_ms INTEGER, status INTEGER, code TEXT, trigger TEXT, correlation TEXT, "
             "origin TEXT, PRIMARY KEY (env, flow, name)) WITHOUT ROWID"_s) &&
        exec(u"CREATE INDEX IF NOT EXISTS runs_by_start ON runs (env, flow, start_ms)"_s) &&
        exec(
            u"CREATE TABLE IF NOT EXISTS flows (env TEXT NOT NULL, flow TEXT NOT NULL, covered_from INTEGER, "
            "complete INTEGER NOT NULL DEFAULT 0, opened INTEGER, PRIMARY KEY (env, flow))"_s);
    if (!ok) {
        if (m_lastError.isEmpty())
            m_lastError = db.lastError().text();
        if (error)
            *error = m_lastError;
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
    }
    return ok;
}

std::optional<RunStore::History> RunStore::load(const QString &env, const QString &flow)
{
    if (!isOpen())
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery meta(db);
    meta.prepare(u"SELECT covered_from, complete FROM flows WHERE env = ? AND flow = ?"_s);
    meta.addBindValue(env);
    meta.addBindValue(flow);
    if (!meta.exec() || !meta.next())
        return std::nullopt;
    History history;
    history.coveredFromMs = meta.value(0).toLongLong();
    history.complete = meta.value(1).toInt() != 0;
    meta.finish();

    QSqlQuery q(db);
    q.setForwardOnly(true);
    // In key order, not ORDER BY start_ms: run names sort newest first (reverse ticks), so the key
    // order is already the order wanted, read without the index walk and a look-up per run that
    // ORDER BY start_ms costs (88 ms against 14 ms for 100,000 runs); checked below, sorted if not.
    q.prepare(u"SELECT name, start_ms, end_ms, status, code, trigger, correlation, origin FROM runs "
              "WHERE env = ? AND flow = ?"_s);
    q.addBindValue(env);
    q.addBindValue(flow);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    QString lastTrigger; // shared strings: most runs of a flow name the same trigger and code
    QString lastCode;
    while (q.next()) {
        FlowRun run;
        run.name = q.value(0).toString();
        run.startMs = q.value(1).toLongLong();
        run.endMs = q.value(2).toLongLong();
        run.status = static_cast<RunStatus>(q.value(3).toInt());
        QString code = q.value(4).toString();
        run.code = code == lastCode ? lastCode : (lastCode = code);
        QString trigger = q.value(5).toString();
        run.triggerName = trigger == lastTrigger ? lastTrigger : (lastTrigger = trigger);
        run.correlationId = q.value(6).toString();
        const QString origin = q.value(7).toString();
        run.originRun = origin.isEmpty() ? run.name : origin;
        history.runs.push_back(std::move(run));
    }
    const auto newerFirst = [](const FlowRun &a, const FlowRun &b) { return a.startMs > b.startMs; };
    if (!std::is_sorted(history.runs.cbegin(), history.runs.cend(), newerFirst))
        std::stable_sort(history.runs.begin(), history.runs.end(), newerFirst);
    QSqlQuery touch(db);
    touch.prepare(u"UPDATE flows SET opened = ? WHERE env = ? AND flow = ?"_s);
    touch.addBindValue(QDateTime::currentMSecsSinceEpoch());
    touch.addBindValue(env);
    touch.addBindValue(flow);
    touch.exec();
    return history;
}

bool RunStore::save(const QString &env, const QString &flow, const QList<FlowRun> &runs)
{
    if (!isOpen())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        return false;
    }
    QSqlQuery meta(db);
    meta.prepare(
        u"INSERT OR IGNORE INTO flows (env, flow, covered_from, complete, opened) VALUES (?, ?, 0, 0, ?)"_s);
    meta.addBindValue(env);
    meta.addBindValue(flow);
    meta.addBindValue(QDateTime::currentMSecsSinceEpoch());
    bool ok = meta.exec();
    QSqlQuery q(db);
    q.prepare(u"INSERT OR REPLACE INTO runs (env, flow, name, start_ms, end_ms, status, code, trigger, "
              "correlation, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const FlowRun &run : runs) {
        if (!ok)
            break;
        q.bindValue(0, env);
        q.bindValue(1, flow);
        q.bindValue(2, run.name);
        q.bindValue(3, run.startMs);
        q.bindValue(4, run.endMs);
        q.bindValue(5, static_cast<int>(run.status));
        q.bindValue(6, run.code);
        q.bindValue(7, run.triggerName);
        q.bindValue(8, run.correlationId);
        q.bindValue(9, run.originRun == run.name ? QString() : run.originRun);
        ok = q.exec();
    }
    if (!ok) {
        m_lastError = q.lastError().isValid() ? q.lastError().text() : meta.lastError().text();
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool RunStore::setCoverage(const QString &env, const QString &flow, qint64 coveredFromMs, bool complete)
{
    if (!isOpen())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT INTO flows (env, flow, covered_from, complete, opened) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT (env, flow) DO UPDATE SET covered_from = excluded.covered_from, "
              "complete = excluded.complete"_s);
    q.addBindValue(env);
    q.addBindValue(flow);
    q.addBindValue(coveredFromMs);
    q.addBindValue(complete ? 1 : 0);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<std::pair<qint64, bool>> RunStore::coverage(const QString &env, const QString &flow)
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT covered_from, complete FROM flows WHERE env = ? AND flow = ?"_s);
    q.addBindValue(env);
    q.addBindValue(flow);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return std::pair{q.value(0).toLongLong(), q.value(1).toInt() != 0};
}

qint64 RunStore::sizeBytes() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(u"SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"_s) && q.next())
        return q.value(0).toLongLong();
    return QFileInfo(m_path).size();
}

qint64 RunStore::runCount() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(u"SELECT COUNT(*) FROM runs"_s) && q.next() ? q.value(0).toLongLong() : 0;
}

bool RunStore::enforceLimit(qint64 limitBytes)
{
    if (!isOpen() || limitBytes <= 0)
        return isOpen();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // A run takes ~150 bytes on disk; trim in steps, the least recently opened flow's oldest runs
    // first, and give the room back to the file system each time (VACUUM).
    for (int round = 0; round < 64 && sizeBytes() > limitBytes; ++round) {
        if (runCount() == 0)
            break;
        const qint64 excess = sizeBytes() - limitBytes;
        const qint64 drop = std::max<qint64>(1000, excess / 150);
        {
            // Every statement is finished before VACUUM, which refuses to run beside one.
            QSqlQuery pick(db);
            if (!pick.exec(u"SELECT env, flow FROM flows ORDER BY opened ASC LIMIT 1"_s) || !pick.next())
                break;
            const QString env = pick.value(0).toString();
            const QString flow = pick.value(1).toString();
            pick.finish();
            QSqlQuery del(db);
            del.prepare(
                u"DELETE FROM runs WHERE env = ? AND flow = ? AND name IN (SELECT name FROM runs WHERE "
                "env = ? AND flow = ? ORDER BY start_ms ASC LIMIT ?)"_s);
            del.addBindValue(env);
            del.addBindValue(flow);
            del.addBindValue(env);
            del.addBindValue(flow);
            del.addBindValue(drop);
            if (!del.exec()) {
                m_lastError = del.lastError().text();
                return false;
            }
            QSqlQuery left(db);
            left.prepare(u"SELECT MIN(start_ms), COUNT(*) FROM runs WHERE env = ? AND flow = ?"_s);
            left.addBindValue(env);
            left.addBindValue(flow);
            const bool some = left.exec() && left.next() && left.value(1).toLongLong() > 0;
            const qint64 oldest = some ? left.value(0).toLongLong() : 0;
            left.finish();
            QSqlQuery cover(db);
            if (some) {
                // What is left is whole only from its oldest run on.
                cover.prepare(
                    u"UPDATE flows SET complete = 0, covered_from = MAX(covered_from, ?) WHERE env = ? "
                    "AND flow = ?"_s);
                cover.addBindValue(oldest + 1);
            } else {
                cover.prepare(u"DELETE FROM flows WHERE env = ? AND flow = ?"_s);
            }
            cover.addBindValue(env);
            cover.addBindValue(flow);
            cover.exec();
        }
        if (!exec(u"VACUUM"_s))
            return false;
    }
    return true;
}

bool RunStore::clear()
{
    if (!isOpen())
        return false;
    return exec(u"DELETE FROM runs"_s) && exec(u"DELETE FROM flows"_s) && exec(u"VACUUM"_s);
}

} // namespace fc
