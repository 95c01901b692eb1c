#pragma once

#include <QDateTime>
#include <QString>

namespace fc::csv {

// One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break.
inline QString field(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QString(u'"' + quoted + u'"');
}

// A time as ISO 8601 UTC with milliseconds; empty for 0.
inline QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

} // namespace fc::csv
