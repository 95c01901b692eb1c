// Benchmark (label bench): parsing a 250-run page, in microseconds, with parseRunPage
// (QJsonDocument) and parseRunPageFast (simdjson), warm, on the same page; and the heap bytes each
// parsed run keeps (glibc's mallinfo2 before and after keeping 100,000 parsed runs).
// The last line, history-bench parse_us=N, is the fast parser's median (issue 13: at most 200).
#include "api/FastRunParser.h"
#include "api/JsonParsers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <malloc.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

static QByteArray runPage(int count, int offset)
{
    // The live service's shape, as the emulator serves it.
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

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    const QByteArray page = runPage(250, 0);
    // Warm up, then time many parses and take the median of batches.
    const auto medianUs = [&page](auto parse) {
        for (int i = 0; i < 20; ++i)
            (void)parse(page);
        std::vector<double> perPageUs;
        for (int batch = 0; batch < 15; ++batch) {
            QElapsedTimer timer;
            timer.start();
            const int iterations = 40;
            for (int i = 0; i < iterations; ++i) {
                auto result = parse(page);
                if (!result || result->items.size() != 250)
                    return -1.0;
            }
            perPageUs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1000.0 / iterations);
        }
        std::sort(perPageUs.begin(), perPageUs.end());
        return perPageUs[perPageUs.size() / 2];
    };
    const double qtUs = medianUs(fc::json::parseRunPage);
    const double fastUs = medianUs(fc::json::parseRunPageFast);
    if (qtUs < 0 || fastUs < 0)
        return 1;
    // The same runs, or the figures mean nothing.
    const auto reference = fc::json::parseRunPage(page), fast = fc::json::parseRunPageFast(page);
    for (qsizetype i = 0; i < reference->items.size(); ++i) {
        const fc::FlowRun &a = reference->items[i], &b = fast->items[i];
        if (a.name != b.name || a.startMs != b.startMs || a.endMs != b.endMs || a.status != b.status ||
            a.code != b.code || a.triggerName != b.triggerName || a.correlationId != b.correlationId ||
            a.originRun != b.originRun) {
            out << "parseRunPageFast differs from parseRunPage at run " << i << "\n";
            return 1;
        }
    }
    out << "parse 250-run page (" << page.size() << " bytes of JSON), median of 15 batches of 40, warm:\n";
    out << "  parseRunPage (QJsonDocument): " << qtUs << " us\n";
    out << "  parseRunPageFast (simdjson):  " << fastUs << " us (" << qtUs / fastUs << " times faster)\n";

    // Memory: keep 100,000 runs parsed from 400 distinct pages.
    std::vector<QByteArray> pages;
    for (int p = 0; p < 400; ++p)
        pages.push_back(runPage(250, p * 250));
    const auto heapInUse = [] {
        const auto info = mallinfo2();
        return info.uordblks + info.hblkhd; // small chunks plus mmap'd blocks
    };
    malloc_trim(0);
    const auto before = heapInUse();
    QList<fc::FlowRun> kept;
    kept.reserve(100000);
    const auto afterReserve = heapInUse();
    for (const QByteArray &p : pages) {
        auto result = fc::json::parseRunPage(p);
        kept.append(result->items);
    }
    malloc_trim(0);
    const auto after = heapInUse();
    out << "memory per kept run: " << static_cast<double>(after - before) / kept.size() << " bytes in all ("
        << sizeof(fc::FlowRun) << " bytes of struct in the list, "
        << static_cast<double>(after - afterReserve) / kept.size() << " bytes of strings on the heap)\n";
    out << "history-bench parse_us=" << fastUs << "\n";
    out << "1 passed, 0 failed\n";
    return 0;
}
