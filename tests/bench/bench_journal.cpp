// What exactly-once costs on this disk: the journal writes an item's InFlight mark, synced
// (SQLite WAL, synchronous=FULL), before each request leaves, and its result after. Prints the
// median and p99 time of one such write, and the writes per second a bulk operation can reach
// from the journal alone. The journal goes in the folder given (default: the system temp
// folder), so the disk measured is the one named.
//   bench_journal [folder] [items]
#include "ops/Journal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace fc;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir dir(args.size() > 1 ? args[1] + QStringLiteral("/bench-journal-XXXXXX") : QString());
    const int count = args.size() > 2 ? args[2].toInt() : 2000;
    if (!dir.isValid() || count <= 0)
        return 2;
    Journal journal;
    if (!journal.open(dir.filePath(QStringLiteral("journal.sqlite"))))
        return 3;
    QList<BulkItem> items;
    for (int i = 0; i < count; ++i) {
        BulkItem item;
        item.action = BulkAction::ResubmitRun;
        item.env = QStringLiteral("Default-00000000-0000-4000-8000-00000000c0de");
        item.flow = QStringLiteral("4f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
        item.run = QStringLiteral("08585%1CU00").arg(i, 16, 10, QLatin1Char('0'));
        items.append(item);
    }
    QElapsedTimer clock;
    clock.start();
    const qint64 op = journal.createOperation(QStringLiteral("bench"), items);
    const qint64 createMs = clock.elapsed();
    if (!op)
        return 4;
    std::vector<qint64> ns;
    ns.reserve(static_cast<std::size_t>(count) * 2);
    for (BulkItem &item : items) {
        for (ItemState state : {ItemState::InFlight, ItemState::Succeeded}) {
            item.state = state;
            clock.restart();
            if (!journal.updateItem(op, item))
                return 5;
            ns.push_back(clock.nsecsElapsed());
        }
    }
    std::sort(ns.begin(), ns.end());
    const double median = static_cast<double>(ns[ns.size() / 2]) / 1000.0;
    const double p99 = static_cast<double>(ns[ns.size() * 99 / 100]) / 1000.0;
    qint64 total = 0;
    for (qint64 n : ns)
        total += n;
    std::printf("journal: created an operation of %d items in %lld ms\n", count,
                static_cast<long long>(createMs));
    std::printf("journal: one synced item write: median %.0f us, p99 %.0f us (%zu writes)\n", median, p99,
                ns.size());
    std::printf("journal: at most %.0f items per second from the journal alone (two writes per item)\n",
                1e9 / (2.0 * static_cast<double>(total) / static_cast<double>(ns.size())));
    return 0;
}
