#include "RunLedger.h"

#include "Store.h"
#include "Util.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
// .NET ticks (100 ns since 0001-01-01) at the Unix epoch.
constexpr qint64 kEpochTicks = 621355968000000000LL;
} // namespace

RunRow RunRow::fromStored(const QString &name, const QString &trigger, qint64 startMs, qint64 endMs,
                          const QString &status, qint64 dueMs, const QString &finalStatus,
                          const QString &correlation, qint64 now, const QString &origin)
{
    RunRow r{name, trigger, startMs, endMs, status, correlation, origin};
    if (status == "Running"_L1 && dueMs > 0 && dueMs <= now) {
        r.status = finalStatus;
        r.endMs = dueMs;
    }
    return r;
}

RunLedger::RunLedger(Store &store) : m_store(store) {}

QString RunLedger::nameFor(qint64 startMs)
{
    qint64 ticks = kEpochTicks + startMs * 10000;
    if (ticks <= m_lastTicks)
        ticks = m_lastTicks + 1;
    m_lastTicks = std::max(m_lastTicks, ticks);
    const qint64 reverse = std::numeric_limits<qint64>::max() - ticks;
    const quint64 middle = m_random() % 1000000000ULL;
    const quint64 unit = 10 + m_random() % 90;
    return QString(QString::number(reverse).rightJustified(20, u'0') +
                   QString::number(middle).rightJustified(9, u'0') + u"CU"_s + QString::number(unit));
}

QString RunLedger::nameAt(qint64 startMs)
{
    const qint64 reverse =
        std::numeric_limits<qint64>::max() - (kEpochTicks + startMs * 10000 + qint64(m_random() % 10000));
    const quint64 middle = m_random() % 1000000000ULL;
    const quint64 unit = 10 + m_random() % 90;
    return QString(QString::number(reverse).rightJustified(20, u'0') +
                   QString::number(middle).rightJustified(9, u'0') + u"CU"_s + QString::number(unit));
}

QString RunLedger::start(const QString &env, const QString &flow, const QString &trigger, qint64 durationMs,
                         double failureRatio, const QString &origin)
{
    const qint64 now = nowMs();
    const QString name = nameFor(now);
    const bool fails = double(m_random() % 10000) / 10000.0 < failureRatio;
    m_store.run(
        u"INSERT INTO runs(env, flow, name, trigger_name, start_ms, end_ms, status, due_ms, final_status,"
        " correlation, origin) VALUES(?, ?, ?, ?, ?, NULL, 'Running', ?, ?, ?, ?)"_s,
        {env, flow, name, trigger, now, now + durationMs, fails ? u"Failed"_s : u"Succeeded"_s, newGuid(),
         origin.isEmpty() ? QVariant() : QVariant(origin)});
    m_store.touch(); // what was worked out from the runs before (cached answers, window spans) is stale
    return name;
}

QString RunLedger::effectiveStatusSql()
{
    return u"(CASE WHEN status='Running' AND due_ms IS NOT NULL AND due_ms<=:now THEN final_status ELSE status END)"_s;
}

bool RunLedger::isFinal(const QString &status)
{
    return status == "Succeeded"_L1 || status == "Failed"_L1 || status == "Cancelled"_L1;
}

} // namespace fc::emu
