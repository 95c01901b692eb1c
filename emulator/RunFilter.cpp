#include "RunFilter.h"

#include "RunLedger.h"
#include "Util.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

RunFilter RunFilter::parse(const QString &text, int maxClauses)
{
    RunFilter f;
    static const QRegularExpression andSplit(u"\\s+and\\s+"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression clause(u"^\\s*(\\w+)\\s+(eq|ne|ge|gt|le|lt)\\s+('[^']*'|[^\\s']+)\\s*$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const QStringList parts = text.split(andSplit, Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        f.m_error = u"The $filter is empty."_s;
        return f;
    }
    if (maxClauses > 0 && parts.size() > maxClauses) {
        f.m_error = QString(u"The $filter has "_s + QString::number(parts.size()) +
                            u" clauses joined with 'and'; at most "_s + QString::number(maxClauses) +
                            u" are supported."_s);
        return f;
    }
    int n = 0;
    for (const QString &part : parts) {
        const auto m = clause.match(part);
        if (!m.hasMatch()) {
            f.m_error = QString(u"The $filter part '"_s + part.trimmed() +
                                u"' is not supported; use status eq '…' and startTime ge|lt <ISO 8601>."_s);
            return f;
        }
        const QString property = m.captured(1).toLower();
        const QString op = m.captured(2).toLower();
        QString value = m.captured(3).trimmed();
        const QString placeholder = u":f"_s + QString::number(n++);
        if (property == "status"_L1) {
            if (op != "eq"_L1 && op != "ne"_L1) {
                f.m_error = QString(u"The $filter part '"_s + part.trimmed() +
                                    u"' is not supported: status takes eq or ne."_s);
                return f;
            }
            if (value.size() < 2 || !value.startsWith(u'\'') || !value.endsWith(u'\'')) {
                f.m_error = QString(u"The $filter part '"_s + part.trimmed() + u"' needs a quoted status."_s);
                return f;
            }
            value = value.mid(1, value.size() - 2);
            // Statuses compare case-insensitively, as clients vary their case too.
            f.m_sql += QString(u" AND "_s + RunLedger::effectiveStatusSql() +
                               (op == "eq"_L1 ? u" = "_s : u" <> "_s) + placeholder + u" COLLATE NOCASE"_s);
            f.m_binds.insert(placeholder, value);
        } else if (property == "starttime"_L1) {
            if (op == "eq"_L1 || op == "ne"_L1) {
                f.m_error = QString(u"The $filter part '"_s + part.trimmed() +
                                    u"' is not supported: startTime takes ge, gt, le or lt."_s);
                return f;
            }
            if (value.startsWith(u'\'') && value.endsWith(u'\'') && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            const auto ms = parseIsoTime(value);
            if (!ms) {
                f.m_error = QString(u"The $filter part '"_s + part.trimmed() +
                                    u"' has a time that is not ISO 8601."_s);
                return f;
            }
            const QString sqlOp = op == "ge"_L1   ? u">="_s
                                  : op == "gt"_L1 ? u">"_s
                                  : op == "le"_L1 ? u"<="_s
                                                  : u"<"_s;
            const QString sql = u" AND start_ms "_s + sqlOp + u' ' + placeholder;
            f.m_sql += sql;
            f.m_binds.insert(placeholder, *ms);
            f.m_startSql += sql;
            f.m_startBinds.insert(placeholder, *ms);
        } else {
            f.m_error =
                QString(u"The $filter part '"_s + part.trimmed() + u"' is not supported: the property '"_s +
                        m.captured(1) + u"' cannot be filtered on; use status or startTime."_s);
            return f;
        }
    }
    return f;
}

} // namespace fc::emu
