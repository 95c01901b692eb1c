#pragma once

// Test support for bulk operations against the emulator: runs to act on, the items of an
// operation, and the count every exactly-once test ends with — how many new runs each source
// run got (a resubmitted run names its source in properties.trigger.originHistoryName).

#include "SignedInSession.h"

#include "ops/BulkTypes.h"

#include <QHash>
#include <QStringList>

namespace fc::test {

// Starts `count` runs of the flow on the emulator and returns their names.
inline QStringList startRuns(emu::Emulator &emulator, const QString &env, const QString &flow, int count)
{
    QStringList runs;
    for (int i = 0; i < count; ++i)
        runs.append(emulator.startRun(env, flow));
    return runs;
}

// One item per run; the run's name is its label.
inline QList<BulkItem> bulkItems(BulkAction action, const QString &env, const QString &flow,
                                 const QStringList &runs)
{
    QList<BulkItem> items;
    for (const QString &run : runs) {
        BulkItem item;
        item.action = action;
        item.env = env;
        item.flow = flow;
        item.run = run;
        item.label = run;
        items.append(item);
    }
    return items;
}

// For each run that was resubmitted, how many new runs name it as their origin (a duplicate is a
// count above one). Empty when the runs could not be listed.
inline QHash<QString, int> resubmitsPerOrigin(Session &session, const QString &env, const QString &flow)
{
    QHash<QString, int> perOrigin;
    QString next;
    do {
        RunQuery query;
        query.top = 250;
        auto page = await<Page<FlowRun>>(
            [&](auto cb) { session.client()->listRuns(env, flow, query, &session, cb, next); });
        if (!page || !page->ok())
            return {};
        for (const FlowRun &run : page->value().items) {
            if (!run.originRun.isEmpty() && run.originRun != run.name)
                ++perOrigin[run.originRun];
        }
        next = page->value().nextLink;
    } while (!next.isEmpty());
    return perOrigin;
}

} // namespace fc::test
