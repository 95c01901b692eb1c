#pragma once

#include "Result.h"
#include "Route.h"

#include <QObject>

#include <functional>

namespace fc {

// Hands the client an access token for a host. After a 401 the caller names the token the
// server rejected: the provider refreshes only if that is still its current token, so a burst of
// 401s from calls sent with the same old token leads to exactly one refresh, which answers all.
class TokenProvider
{
public:
    virtual ~TokenProvider() = default;
    using Callback = std::function<void(Result<QString>)>;
    virtual void requestToken(Host host, const QString &rejectedToken, QObject *context,
                              Callback callback) = 0;
};

} // namespace fc
