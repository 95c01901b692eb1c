#pragma once

#include <QByteArray>
#include <QString>

#include <random>

namespace fc::emu {

class Store;

// A run as stored. A run that was Running ends lazily: when read after due_ms it shows its
// final status, so 100,000 runs need no timers.
struct RunRow
{
    QString name;
    QString trigger;
    qint64 startMs = 0;
    qint64 endMs = 0; // 0: not ended
    QString status;
    QString correlation;
    QString origin; // a resubmitted run: the run it came from (Logic Apps' originHistoryName)

    static RunRow fromStored(const QString &name, const QString &trigger, qint64 startMs, qint64 endMs,
                             const QString &status, qint64 dueMs, const QString &finalStatus,
                             const QString &correlation, qint64 now, const QString &origin = {});
};

// Creates runs and names them the way the live service does: reverse ticks first, so that
// name order is newest first and a keyset page never shifts when new runs arrive.
class RunLedger
{
public:
    explicit RunLedger(Store &store);

    QString nameFor(qint64 startMs); // unique, even for many runs in the same millisecond
    QString nameAt(qint64 startMs);  // for seeding past runs in any order
    // Starts a Running run that ends after durationMs as Succeeded or Failed.
    QString start(const QString &env, const QString &flow, const QString &trigger, qint64 durationMs,
                  double failureRatio, const QString &origin = {});
    // The SQL for a run's status as of :now (a bound value).
    static QString effectiveStatusSql();
    static bool isFinal(const QString &status);

private:
    Store &m_store;
    qint64 m_lastTicks = 0;
    std::mt19937_64 m_random{0xF10C0DE};
};

} // namespace fc::emu
