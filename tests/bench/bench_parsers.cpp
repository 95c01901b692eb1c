// Benchmark (label bench): parsing a 250-run page, in microseconds, with parseRunPage
// (QJsonDocument) and parseRunPageFast (simdjson), warm, on the same page; and the heap bytes each
// parsed run keeps (glibc's mallinfo2 before and after keeping 100,000 parsed runs).
// The last line, history-bench parse_us=N, is the fast parser's median (issue 13: at most 200).
#include "SampleRunPage.h"
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

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    const QByteArray page = fc::test::runPage(250, 0);
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
        pages.push_back(fc::test::runPage(250, p * 250));
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
