#include "Throttle.h"

#include <algorithm>
#include <cmath>

namespace fc::emu {

void Throttle::setRatePerMinute(int rate)
{
    m_rate = std::max(0, rate);
    m_buckets.clear();
}

bool Throttle::take(const QString &key, qint64 nowMs, int *retryAfterSeconds)
{
    if (m_rate <= 0)
        return true;
    const double perMs = double(m_rate) / 60000.0;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_rate), nowMs});
    it->tokens = std::min(double(m_rate), it->tokens + double(nowMs - it->updatedMs) * perMs);
    it->updatedMs = nowMs;
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return true;
    }
    *retryAfterSeconds = std::max(1, int(std::ceil((1.0 - it->tokens) / perMs / 1000.0)));
    return false;
}

} // namespace fc::emu
