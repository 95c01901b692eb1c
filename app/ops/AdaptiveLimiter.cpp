#include "AdaptiveLimiter.h"

#include <algorithm>

namespace fc {

AdaptiveLimiter::AdaptiveLimiter(int initial, int minimum, int maximum)
    : m_window(std::clamp(initial, minimum, maximum))
    , m_minimum(minimum)
    , m_maximum(maximum)
{}

void AdaptiveLimiter::setMaximum(int maximum)
{
    m_maximum = std::max(m_minimum, maximum);
    m_window = std::min(m_window, m_maximum);
}

void AdaptiveLimiter::onSuccess()
{
    // One more slot per window's worth of successes: linear growth per round trip.
    if (++m_successes >= m_window) {
        m_successes = 0;
        m_window = std::min(m_maximum, m_window + 1);
    }
}

void AdaptiveLimiter::onThrottled(qint64 nowMs, qint64 waitMs)
{
    // Several 429s of one burst arrive together; halve once per burst, not once per answer.
    if (nowMs - m_lastDecreaseMs > 1000) {
        m_window = std::max(m_minimum, m_window / 2);
        m_lastDecreaseMs = nowMs;
    }
    m_successes = 0;
    if (waitMs > 0)
        m_blockedUntilMs = std::max(m_blockedUntilMs, nowMs + waitMs);
}

} // namespace fc
