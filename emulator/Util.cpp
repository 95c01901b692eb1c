#include "Util.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

namespace {

// Howard Hinnant's civil_from_days: QDateTime formatting is far too slow for 250-run pages.
void civilFromDays(qint64 z, int &y, int &m, int &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

void appendDigits(char *&p, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    p += width;
}

} // namespace

void appendIsoTime(QByteArray &out, qint64 ms)
{
    qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    int y = 0, m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buf[32];
    char *p = buf;
    appendDigits(p, y, 4);
    *p++ = '-';
    appendDigits(p, m, 2);
    *p++ = '-';
    appendDigits(p, d, 2);
    *p++ = 'T';
    appendDigits(p, rest / 3600000, 2);
    *p++ = ':';
    appendDigits(p, (rest / 60000) % 60, 2);
    *p++ = ':';
    appendDigits(p, (rest / 1000) % 60, 2);
    *p++ = '.';
    appendDigits(p, (rest % 1000) * 10000, 7);
    *p++ = 'Z';
    out.append(buf, p - buf);
}

QString isoTime(qint64 ms)
{
    QByteArray out;
    appendIsoTime(out, ms);
    return QString::fromLatin1(out);
}

std::optional<qint64> parseIsoTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime && !text.endsWith(u'Z') && !text.contains(u'+'))
        t.setTimeSpec(Qt::UTC); // a time without zone is UTC, as OData reads it
    return t.toMSecsSinceEpoch();
}

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString stableGuid(const QString &key)
{
    static const QUuid ns(u"6c1f5b1e-3a52-4b8e-9f0d-f1c0de000000"_s);
    return QUuid::createUuidV5(ns, key).toString(QUuid::WithoutBraces);
}

QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return base64Url(raw);
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &data, bool *ok)
{
    auto result = QByteArray::fromBase64Encoding(data, QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = result.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
    return result.decoded;
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

} // namespace fc::emu
