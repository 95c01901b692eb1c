#pragma once

#include "api/Types.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace fc {

// How run statuses and durations look in the grid, the strip and the details: translated text,
// a colour and a small drawn icon (shape and colour, so the status never rests on colour alone).
class RunDisplay
{
    Q_DECLARE_TR_FUNCTIONS(RunDisplay)
public:
    static QString statusText(RunStatus status);
    static QColor statusColor(RunStatus status);
    static QIcon statusIcon(RunStatus status);
    // "850 ms", "12 s", "3 min 20 s", "2 h 5 min", "3 d 4 h"; empty for a negative span.
    static QString durationText(qint64 ms);
    // Every status a run can have, in the order the strip and the filter list them.
    static QList<RunStatus> allStatuses();
};

} // namespace fc
