#pragma once

#include "Result.h"
#include "Route.h"

#include <QObject>

#include <functional>

namespace fc {

// Hands the client an access token for a host. forceRefresh is set after a 401: the provider
// then refreshes once, however many calls ask at the same time, and answers them all.
class TokenProvider
{
public:
    virtual ~TokenProvider() = default;
    using Callback = std::function<void(Result<QString>)>;
    virtual void requestToken(Host host, bool forceRefresh, QObject *context, Callback callback) = 0;
};

} // namespace fc
