#pragma once

#include <QString>
#include <QVariantMap>

namespace fc::emu {

// The OData $filter the live service accepts on runs: status eq '…', startTime ge|gt|le|lt
// <ISO 8601>, joined with 'and'; property names in any case. Anything else is refused with
// the part that is not supported.
class RunFilter
{
public:
    // At most maxClauses 'and' clauses (0: any number): SQLite refuses expressions past a depth.
    static RunFilter parse(const QString &text, int maxClauses = 0);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString sql() const { return m_sql; }            // " AND …" with named placeholders
    QVariantMap bindings() const { return m_binds; } // placeholder -> value
    // The startTime clauses alone (" AND start_ms …"; empty when there are none) and their values.
    QString startTimeSql() const { return m_startSql; }
    QVariantMap startTimeBindings() const { return m_startBinds; }

private:
    QString m_error;
    QString m_sql;
    QVariantMap m_binds;
    QString m_startSql;
    QVariantMap m_startBinds;
};

} // namespace fc::emu
