// What exactly-once costs on this disk. Before a resubmit leaves, its InFlight mark is committed
// and synced (synchronous=FULL); every other journal write (results, marks of idempotent actions
// such as cancels) survives a crash of the program without a sync. Prints, for an operation of
// resubmits and one of cancels, the median and p99 time of the InFlight mark and of the result
// write, and the items per second the journal alone allows. The journal goes in the folder
// given (default: the system temp folder), so the disk measured is the one named.
//   bench_journal [folder] [items]
#include "ops/Journal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace fc;

namespace {

struct Times
{
    std::vector<qint64> mark;
    std::vector<qint64> result;
};

double percentileUs(std::vector<qint64> ns, int percent)
{
    std::sort(ns.begin(), ns.end());
    return static_cast<double>(ns[ns.size() * static_cast<std::size_t>(percent) / 100]) / 1000.0;
}

bool measure(Journal &journal, BulkAction action, int count, Times *times)
{
    QList<BulkItem> items;
    for (int i = 0; i < count; ++i) {
        BulkItem item;
        item.action = action;
        item.env = QStringLiteral("Default-00000000-0000-4000-8000-00000000c0de");
        item.flow = QStringLiteral("4f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
        item.run = QStringLiteral("08585%1CU00").arg(i, 16, 10, QLatin1Char('0'));
        items.append(item);
    }
    const qint64 op = journal.createOperation(QStringLiteral("bench"), items);
    if (!op)
        return false;
    QElapsedTimer clock;
    for (BulkItem &item : items) {
        item.state = ItemState::InFlight;
        clock.start();
        if (!journal.updateItem(op, item))
            return false;
        times->mark.push_back(clock.nsecsElapsed());
        item.state = ItemState::Succeeded;
        clock.start();
        if (!journal.updateItem(op, item))
            return false;
        times->result.push_back(clock.nsecsElapsed());
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir dir(args.size() > 1 ? args[1] + QStringLiteral("/bench-journal-XXXXXX") : QString());
    const int count = args.size() > 2 ? args[2].toInt() : 1000;
    if (!dir.isValid() || count <= 0)
        return 2;
    Journal journal;
    if (!journal.open(dir.filePath(QStringLiteral("journal.sqlite"))))
        return 3;
    for (BulkAction action : {BulkAction::ResubmitRun, BulkAction::CancelRun}) {
        Times times;
        if (!measure(journal, action, count, &times))
            return 4;
        qint64 total = 0;
        for (qint64 ns : times.mark)
            total += ns;
        for (qint64 ns : times.result)
            total += ns;
        const char *what = action == BulkAction::ResubmitRun ? "resubmit" : "cancel  ";
        std::printf(
            "journal %s: InFlight mark median %6.0f us, p99 %6.0f us; result median %4.0f us, p99 %5.0f us; "
            "at most %.0f items/s from the journal alone (%d items)\n",
            what, percentileUs(times.mark, 50), percentileUs(times.mark, 99), percentileUs(times.result, 50),
            percentileUs(times.result, 99), 1e9 * count / static_cast<double>(total), count);
    }
    return 0;
}
