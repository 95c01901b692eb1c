#pragma once

#include "api/Result.h"

#include <QObject>

#include <functional>

namespace fc {

// Refresh tokens in the OS keychain (Secret Service, Keychain, Credential Manager) through
// QtKeychain, never in a file: the insecure fallback is off. Every job has a timeout, because a
// keychain that waits for a prompt nobody sees must not hang sign-in; its answer is an ApiError
// with code "Timeout" that names the cause, and the caller goes on with tokens in memory.
// Every call answers exactly once, on the context's thread, and never after the context died. A
// keychain that answers after the timeout is heard by no one: its answer is dropped (a timed-out
// write may still have been stored).
class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);

    static QString service() { return QStringLiteral("FlowConsole"); }
    static QString keyFor(const QString &profile, const QString &account);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    void write(const QString &key, const QString &secret, QObject *context,
               std::function<void(Result<Done>)> done);
    // An entry that does not exist answers an ApiError with code "EntryNotFound".
    void read(const QString &key, QObject *context, std::function<void(Result<QString>)> done);
    void remove(const QString &key, QObject *context, std::function<void(Result<Done>)> done);

private:
    int m_timeoutMs = 10000;
};

} // namespace fc
