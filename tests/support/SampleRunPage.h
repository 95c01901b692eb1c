#pragma once

// A page of runs in the live service's shape (as the emulator serves it), for the parser
// benchmarks: count runs from offset, the four final and running statuses in turn.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace fc::test {

inline QByteArray runPage(int count, int offset)
{
    using namespace Qt::Literals::StringLiterals;
    QJsonArray runs;
    const QStringList statuses = {u"Succeeded"_s, u"Failed"_s, u"Running"_s, u"Cancelled"_s};
    for (int i = 0; i < count; ++i) {
        const qint64 start = 1767225600000LL + (offset + i) * 61000LL;
        const QString name =
            u"0858513231636241"_s + QString::number(1000000000000LL + offset + i) + u"CU43"_s;
        runs.append(QJsonObject{
            {u"name"_s, name},
            {u"id"_s,
             QString(u"/providers/Microsoft.ProcessSimple/environments/Default-1/flows/f/runs/"_s + name)},
            {u"type"_s, u"Microsoft.ProcessSimple/environments/flows/runs"_s},
            {u"properties"_s,
             QJsonObject{
                 {u"startTime"_s, QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODateWithMs)},
                 {u"endTime"_s,
                  QDateTime::fromMSecsSinceEpoch(start + 4321, Qt::UTC).toString(Qt::ISODateWithMs)},
                 {u"status"_s, statuses[i % statuses.size()]},
                 {u"code"_s, u"OK"_s},
                 {u"correlation"_s,
                  QJsonObject{{u"clientTrackingId"_s, u"08585132316362410016778943264CU43"_s}}},
                 {u"trigger"_s, QJsonObject{{u"name"_s, u"manual"_s}, {u"status"_s, u"Succeeded"_s}}}}}});
    }
    return QJsonDocument(QJsonObject{{u"value"_s, runs}, {u"nextLink"_s, u"https://x/next?skiptoken=abc"_s}})
        .toJson(QJsonDocument::Compact);
}

} // namespace fc::test
