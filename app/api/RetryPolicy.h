#pragma once

#include "ApiError.h"

#include <chrono>
#include <optional>

namespace fc {

// When and after how long a failed call is sent again. Pure, so it is tested without a network.
struct RetryPolicy
{
    int maxThrottleRetries = 8;  // 429 / 503 answers honoured with Retry-After
    int maxTransientRetries = 3; // other 5xx and network errors, idempotent calls only
    std::chrono::milliseconds baseBackoff{500};
    std::chrono::milliseconds maxBackoff{30000};
    std::chrono::milliseconds maxRetryAfter{120000}; // a longer Retry-After is capped to this

    // The wait a Retry-After of this many seconds asks for, capped.
    std::chrono::milliseconds cappedRetryAfter(int seconds) const;

    // The delay before attempt number `attempt` (1 = the first retry), or nullopt when the call
    // must not be sent again. `jitter` is a value in [0, 1) drawn by the caller.
    std::optional<std::chrono::milliseconds> retryDelay(const ApiError &error, bool idempotent, int attempt,
                                                        double jitter) const;
};

} // namespace fc
