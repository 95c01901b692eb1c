// libFuzzer target over the runs list's OData $filter (RunFilter), as any client can send it.
//
// Input: the $filter text (UTF-8), as Request::parseForm hands it over, decoded.
// Oracles: parsing gives the same answer twice; an accepted filter's SQL is only the parser's own
// fragments and placeholders, one bound value per placeholder (no text of the client's in the
// SQL); and the real handler, GET …/runs?$filter= against an in-memory store holding runs,
// answers 200 with strict JSON for every filter the parser accepts within the emulator's clause
// limit, and 400 InvalidRequestContent with the parser's message for every other one.
#include "EmulatorWorld.h"
#include "RunFilter.h"

#include <QRegularExpression>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;

namespace {

struct FilterWorld
{
    fc::fuzz::EmulatorWorld world;
    QString flow;
    QString runsPath;

    FilterWorld()
    {
        flow = world.createDefaultFlow();
        runsPath = world.flowPath(flow) + u"/runs"_s;
        // Runs that ended (due in the past) and runs still going, so that every status compares.
        for (int i = 0; i < 6; ++i)
            world.runs().start(world.environment(), flow, u"manual"_s, i % 2 == 0 ? 0 : 3600000,
                               i < 3 ? 1 : 0);
    }
};

FilterWorld &filterWorld()
{
    static FilterWorld w;
    return w;
}

void checkSql(const fc::emu::RunFilter &f, const QByteArray &input)
{
    static const QRegularExpression clause(
        u"^ AND (?:\\Q"_s + fc::emu::RunLedger::effectiveStatusSql() +
        u"\\E (?:=|<>) (:f\\d+) COLLATE NOCASE|start_ms (?:>=|>|<=|<) (:f\\d+))"_s);
    QString sql = f.sql();
    QStringList placeholders;
    while (!sql.isEmpty()) {
        const auto m = clause.match(sql);
        if (!m.hasMatch())
            fc::fuzz::fail("the filter's SQL holds more than the parser's fragments",
                           "input: " + input + "\nsql: " + f.sql().toUtf8());
        placeholders << (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
        sql.remove(0, m.capturedLength(0));
    }
    const QVariantMap binds = f.bindings();
    if (placeholders.isEmpty() || placeholders.size() != binds.size())
        fc::fuzz::fail("the filter's placeholders and bound values differ",
                       "input: " + input + "\nsql: " + f.sql().toUtf8());
    for (const QString &p : std::as_const(placeholders)) {
        if (!binds.contains(p))
            fc::fuzz::fail("a placeholder of the filter has no value", "input: " + input);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    filterWorld();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(input);
    const int maxClauses = fc::emu::EmulatorOptions{}.maxFilterClauses;

    const fc::emu::RunFilter f = fc::emu::RunFilter::parse(text, maxClauses);
    const fc::emu::RunFilter again = fc::emu::RunFilter::parse(text, maxClauses);
    if (f.isValid() != again.isValid() || f.error() != again.error() || f.sql() != again.sql() ||
        f.bindings() != again.bindings())
        fc::fuzz::fail("parsing the same filter twice gives two answers", input);
    if (f.isValid())
        checkSql(f, input);
    // Without the clause limit the parser takes as much or more.
    const fc::emu::RunFilter unlimited = fc::emu::RunFilter::parse(text, 0);
    if (f.isValid() && (!unlimited.isValid() || unlimited.sql() != f.sql()))
        fc::fuzz::fail("the clause limit changes an accepted filter", input);

    FilterWorld &w = filterWorld();
    const fc::emu::Response r = w.world.call("GET", w.runsPath, {{u"$filter"_s, text}});
    if (f.isValid()) {
        if (r.status != 200)
            fc::fuzz::fail("an accepted filter is not answered 200",
                           "input: " + input + "\nanswer: " + r.body);
        if (!fc::fuzz::isJsonObject(r.body))
            fc::fuzz::fail("the runs page is not strict JSON", "input: " + input + "\nanswer: " + r.body);
    } else {
        const QJsonObject error = QJsonDocument::fromJson(r.body).object().value("error"_L1).toObject();
        if (r.status != 400 || error.value("code"_L1).toString() != "InvalidRequestContent"_L1 ||
            error.value("message"_L1).toString() != f.error())
            fc::fuzz::fail("a refused filter is not answered 400 with the parser's message",
                           "input: " + input + "\nanswer: " + r.body);
    }
    return 0;
}
