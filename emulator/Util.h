#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace fc::emu {

// Small helpers shared by the emulator's parts: clock, time text, identifiers, base64url.
qint64 nowMs();
// ISO 8601 UTC with seven fractional digits, as the live service writes times.
QString isoTime(qint64 ms);
void appendIsoTime(QByteArray &out, qint64 ms);
std::optional<qint64> parseIsoTime(const QString &text);

QString newGuid();                      // random
QString stableGuid(const QString &key); // the same key gives the same GUID on every start
QByteArray randomToken(int bytes);      // base64url of random bytes

QByteArray base64Url(const QByteArray &data);
QByteArray fromBase64Url(const QByteArray &data, bool *ok = nullptr);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &message);

} // namespace fc::emu
