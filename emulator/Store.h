#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <list>
#include <memory>
#include <unordered_map>

namespace fc::emu {

// The emulator's state in SQLite: in memory, or in a file that survives a restart. Owns the
// connection and a cache of prepared statements; lives on the server thread only.
class Store
{
public:
    static constexpr int kDefaultStatementCacheSize = 64;

    explicit Store(QString dataFile, int statementCacheSize = kDefaultStatementCacheSize);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    bool open(QString *error);
    bool isSeeded();
    QSqlDatabase database() const;

    // A prepared statement, compiled once per SQL text and kept while it is among the most
    // recently used (a client can make as many texts as it likes, e.g. with $filter shapes).
    // Bind, exec, read, finish() it, then let it go out of use before asking for the same text
    // again; a statement still active is never evicted.
    QSqlQuery &prepared(const QString &sql);
    int cachedStatementCount() const { return int(m_statements.size()); }
    // Runs one statement with positional values; false and a warning on failure.
    bool run(const QString &sql, const QVariantList &values = {});
    // The first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, const QVariantList &values = {});

    QString meta(const QString &key);
    void setMeta(const QString &key, const QString &value);

    bool begin();
    bool commit();

    // Bumped on every change: cached GET answers are valid for one version.
    quint64 version() const { return m_version; }
    void touch() { ++m_version; }

private:
    bool createSchema(QString *error);

    QString m_dataFile;
    QString m_connectionName;
    using Statement = std::pair<QString, std::unique_ptr<QSqlQuery>>;
    std::list<Statement> m_lru; // most recently used first
    std::unordered_map<QString, std::list<Statement>::iterator> m_statements;
    int m_statementCacheSize;
    quint64 m_version = 1;
};

} // namespace fc::emu
