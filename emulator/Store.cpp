#include "Store.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QStringList>

#include <algorithm>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
QAtomicInteger<int> g_connectionCounter;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS users(id TEXT PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    " display_name TEXT NOT NULL, mail TEXT, job_title TEXT, is_admin INTEGER NOT NULL DEFAULT 0, ord "
    "INTEGER, account_enabled INTEGER NOT NULL DEFAULT 1, deleted_ms INTEGER)",
    "CREATE TABLE IF NOT EXISTS groups(id TEXT PRIMARY KEY, display_name TEXT NOT NULL, mail TEXT, "
    "description TEXT)",
    // user -> every principal it acts as: itself and its groups
    "CREATE TABLE IF NOT EXISTS memberships(user_id TEXT, principal_id TEXT, PRIMARY KEY(user_id, "
    "principal_id))"
    " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS environments(name TEXT PRIMARY KEY, display_name TEXT, description TEXT,"
    " location TEXT, sku TEXT, type TEXT, is_default INTEGER, created_ms INTEGER, modified_ms INTEGER,"
    " everyone INTEGER, ord INTEGER)",
    "CREATE TABLE IF NOT EXISTS env_access(env TEXT, principal_id TEXT, PRIMARY KEY(env, principal_id)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS flows(env TEXT NOT NULL, name TEXT NOT NULL, display_name TEXT, state TEXT,"
    " definition TEXT, conn_refs TEXT, summary TEXT, created_ms INTEGER, modified TEXT, creator TEXT,"
    " failure_ratio REAL, template TEXT, callable TEXT, deleted_ms INTEGER, deleted_by TEXT, UNIQUE(env, "
    "name))",
    "CREATE INDEX IF NOT EXISTS flows_by_name ON flows(name)",
    "CREATE TABLE IF NOT EXISTS flow_owners(env TEXT, flow TEXT, principal_id TEXT, principal_type TEXT,"
    " role TEXT, added_ms INTEGER, PRIMARY KEY(env, flow, principal_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS owners_by_principal ON flow_owners(principal_id, env, flow)",
    // Run names sort newest first, so the primary key is also the paging order.
    "CREATE TABLE IF NOT EXISTS runs(env TEXT, flow TEXT, name TEXT, trigger_name TEXT, start_ms INTEGER,"
    " end_ms INTEGER, status TEXT, due_ms INTEGER, final_status TEXT, correlation TEXT, origin TEXT,"
    " PRIMARY KEY(env, flow, name)) WITHOUT ROWID",
    // A time-window listing (startTime ge/lt) finds the names its window spans here, so that its
    // walk in name order starts and stops at the window instead of scanning the flow's history.
    "CREATE INDEX IF NOT EXISTS runs_by_start ON runs(env, flow, start_ms, name)",
    "CREATE TABLE IF NOT EXISTS connectors(name TEXT PRIMARY KEY, display_name TEXT, description TEXT,"
    " publisher TEXT, tier TEXT, icon_uri TEXT, is_custom INTEGER, ord INTEGER, env TEXT)",
    "CREATE TABLE IF NOT EXISTS connections(env TEXT, name TEXT, api TEXT, display_name TEXT, created_ms "
    "INTEGER,"
    " modified_ms INTEGER, status TEXT, created_by TEXT, PRIMARY KEY(env, name)) WITHOUT ROWID",
};

// Columns added since the first schema: a --data file written by an older emulator gets those
// it lacks when it is opened.
const char *const kAddedColumns[] = {
    "ALTER TABLE users ADD COLUMN account_enabled INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE users ADD COLUMN deleted_ms INTEGER", // a deleted user: gone from the directory
    "ALTER TABLE flows ADD COLUMN deleted_ms INTEGER", // a soft-deleted flow, kept 21 days
    "ALTER TABLE flows ADD COLUMN deleted_by TEXT",    // who deleted it (object ID)
    "ALTER TABLE connectors ADD COLUMN env TEXT",      // a custom connector's environment; NULL: shared
};
} // namespace

Store::Store(QString dataFile, int statementCacheSize)
    : m_dataFile(std::move(dataFile))
    , m_statementCacheSize(std::max(1, statementCacheSize))
{
    m_connectionName = u"fc-emulator-"_s + QString::number(++g_connectionCounter);
}

Store::~Store()
{
    m_statements.clear();
    m_lru.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Store::open(QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_dataFile.isEmpty() ? u":memory:"_s : m_dataFile);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery pragma(db);
    // A file database survives a restart; WAL + NORMAL keeps writes fast without risking it.
    if (!m_dataFile.isEmpty()) {
        pragma.exec(u"PRAGMA journal_mode=WAL"_s);
        pragma.exec(u"PRAGMA synchronous=NORMAL"_s);
    }
    pragma.exec(u"PRAGMA foreign_keys=OFF"_s);
    pragma.exec(u"PRAGMA temp_store=MEMORY"_s);
    pragma.exec(u"PRAGMA cache_size=-32000"_s);
    return createSchema(error);
}

bool Store::createSchema(QString *error)
{
    QSqlQuery q(database());
    for (const char *sql : kSchema) {
        if (!q.exec(QString::fromLatin1(sql))) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    QSqlQuery columns(database());
    for (const char *sql : kAddedColumns) {
        const QString text = QString::fromLatin1(sql);
        const QString table = text.section(u' ', 2, 2);
        const QString column = text.section(u' ', 5, 5);
        bool present = false;
        columns.exec(u"PRAGMA table_info("_s + table + u')');
        while (columns.next())
            present = present || columns.value(1).toString() == column;
        if (!present && !q.exec(text)) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

bool Store::isSeeded()
{
    return meta(u"seed"_s).size() > 0;
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery &Store::prepared(const QString &sql)
{
    const auto found = m_statements.find(sql);
    if (found != m_statements.end()) {
        m_lru.splice(m_lru.begin(), m_lru, found->second);
        QSqlQuery &query = *found->second->second;
        query.finish();
        return query;
    }
    auto query = std::make_unique<QSqlQuery>(database());
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        qWarning("emulator: cannot prepare SQL: %s", qPrintable(query->lastError().text()));
    m_lru.emplace_front(sql, std::move(query));
    m_statements.emplace(sql, m_lru.begin());
    // Evict the least recently used statements beyond the cache size, skipping any a caller
    // is still reading (it holds a reference to it).
    for (auto it = std::prev(m_lru.end());
         int(m_statements.size()) > m_statementCacheSize && it != m_lru.begin();) {
        const auto victim = it--;
        if (victim->second->isActive())
            continue;
        m_statements.erase(victim->first);
        m_lru.erase(victim);
    }
    return *m_lru.front().second;
}

bool Store::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = prepared(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(static_cast<int>(i), values.at(i));
    const bool ok = q.exec();
    if (!ok)
        qWarning("emulator: SQL failed: %s", qPrintable(q.lastError().text()));
    q.finish();
    ++m_version;
    return ok;
}

QVariant Store::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = prepared(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(static_cast<int>(i), values.at(i));
    QVariant result;
    if (q.exec() && q.next())
        result = q.value(0);
    q.finish();
    return result;
}

QString Store::meta(const QString &key)
{
    return scalar(u"SELECT value FROM meta WHERE key=?"_s, {key}).toString();
}

void Store::setMeta(const QString &key, const QString &value)
{
    run(u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"_s, {key, value});
}

bool Store::begin()
{
    return database().transaction();
}

bool Store::commit()
{
    ++m_version;
    return database().commit();
}

} // namespace fc::emu
