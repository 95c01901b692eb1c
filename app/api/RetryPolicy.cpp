#include "RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace fc {

std::optional<std::chrono::milliseconds> RetryPolicy::retryDelay(const ApiError &error, bool idempotent,
                                                                 int attempt, double jitter) const
{
    using std::chrono::milliseconds;
    const auto backoff = [&] {
        // Exponential with "full jitter": a random delay between half and all of the cap.
        const double cap =
            std::min<double>(static_cast<double>(maxBackoff.count()),
                             static_cast<double>(baseBackoff.count()) * std::pow(2.0, attempt - 1));
        return milliseconds(static_cast<qint64>(cap * (0.5 + 0.5 * jitter)));
    };

    if (error.kind == ApiError::Kind::Http) {
        const bool throttled = error.httpStatus == 429 || (error.httpStatus == 503 && idempotent);
        if (throttled) {
            // A 429 means the request was not processed, so even a resubmit may be sent again.
            if (attempt > maxThrottleRetries)
                return std::nullopt;
            if (error.retryAfterSeconds >= 0) {
                // A little jitter keeps many queued calls from waking in the same millisecond.
                const auto wait = cappedRetryAfter(error.retryAfterSeconds);
                return wait + milliseconds(
                                  static_cast<qint64>(jitter * std::min<double>(250.0, wait.count() / 4.0)));
            }
            return backoff();
        }
        if (error.httpStatus >= 500 && idempotent && attempt <= maxTransientRetries)
            return backoff();
        return std::nullopt;
    }
    if ((error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout) && idempotent &&
        attempt <= maxTransientRetries)
        return backoff();
    return std::nullopt;
}

std::chrono::milliseconds RetryPolicy::cappedRetryAfter(int seconds) const
{
    return std::min(std::chrono::milliseconds(std::max(0, seconds) * 1000LL), maxRetryAfter);
}

} // namespace fc
