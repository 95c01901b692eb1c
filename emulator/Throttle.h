#pragma once

#include <QHash>
#include <QString>

namespace fc::emu {

// A token bucket per caller: ratePerMinute calls, refilled continuously; 0 switches it off.
class Throttle
{
public:
    void setRatePerMinute(int rate);
    int ratePerMinute() const { return m_rate; }
    // True when the call may go ahead; otherwise *retryAfterSeconds says when one token is back.
    bool take(const QString &key, qint64 nowMs, int *retryAfterSeconds);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    int m_rate = 0;
    QHash<QString, Bucket> m_buckets;
};

} // namespace fc::emu
