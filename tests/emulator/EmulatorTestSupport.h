#pragma once

#include "Emulator.h"
#include "HttpTestClient.h"

#include <QUrl>

// Paths of the emulator tests, with every variable segment percent-encoded.
namespace fc::test {

inline QString enc(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

inline QString envPath(const QString &env)
{
    return QStringLiteral("/providers/Microsoft.ProcessSimple/environments/") + enc(env);
}

inline QString flowPath(const QString &env, const QString &flow)
{
    return envPath(env) + QStringLiteral("/flows/") + enc(flow);
}

inline QString runPath(const QString &env, const QString &flow, const QString &run)
{
    return flowPath(env, flow) + QStringLiteral("/runs/") + enc(run);
}

} // namespace fc::test
