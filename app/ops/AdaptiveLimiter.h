#pragma once

#include <QtGlobal>

namespace fc {

// How many actions of a bulk operation may be in flight: additive increase while calls succeed,
// multiplicative decrease on throttling (the AIMD rule TCP uses), within [minimum, maximum].
// After a 429 it also says until when nothing new may start. Pure: tested without a network.
class AdaptiveLimiter
{
public:
    AdaptiveLimiter(int initial = 4, int minimum = 1, int maximum = 12);

    int window() const { return m_window; }
    int maximum() const { return m_maximum; }
    void setMaximum(int maximum);

    void onSuccess();
    // waitMs: how long the server asked to wait (0 when it did not say).
    void onThrottled(qint64 nowMs, qint64 waitMs);
    qint64 blockedUntilMs() const { return m_blockedUntilMs; }
    bool mayStart(int inFlight, qint64 nowMs) const
    {
        return inFlight < m_window && nowMs >= m_blockedUntilMs;
    }

private:
    int m_window;
    int m_minimum;
    int m_maximum;
    int m_successes = 0;
    qint64 m_blockedUntilMs = 0;
    qint64 m_lastDecreaseMs = -1000000;
};

} // namespace fc
