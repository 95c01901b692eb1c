// parseRunPageFast (simdjson) against parseRunPage (QJsonDocument), the reference: the same
// answer field by field, or the same error, on real pages served by the emulator (a flow of
// 3,000 runs, in pages of 250), on hand-written edge cases, on malformed and truncated bodies,
// on a few thousand seeded mutations of a page, and from several threads at once.
#include "Emulator.h"
#include "HttpTestClient.h"
#include "api/FastRunParser.h"
#include "api/JsonParsers.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUrl>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
namespace json = fc::json;

namespace {

QString describe(const QString &s)
{
    return s.isNull() ? u"(null)"_s : u'"' + s + u'"';
}

// Empty when the two answers are the same in every field (strings also in being null or not).
QString difference(const fc::Result<fc::Page<fc::FlowRun>> &expected,
                   const fc::Result<fc::Page<fc::FlowRun>> &actual)
{
    if (expected.ok() != actual.ok())
        return u"reference %1, fast %2"_s.arg(expected.ok() ? u"ok"_s : expected.error().message,
                                              actual.ok() ? u"ok"_s : actual.error().message);
    if (!expected.ok()) {
        const fc::ApiError &e = expected.error(), &a = actual.error();
        if (a.kind != fc::ApiError::Kind::Parse)
            return u"the error is not of kind Parse"_s;
        if (e.kind != a.kind || e.message != a.message || e.code != a.code || e.operation != a.operation)
            return u"errors differ: %1 / %2"_s.arg(e.message, a.message);
        return {};
    }
    const auto same = [](const QString &x, const QString &y) { return x == y && x.isNull() == y.isNull(); };
    if (!same(expected->nextLink, actual->nextLink))
        return u"nextLink %1 / %2"_s.arg(describe(expected->nextLink), describe(actual->nextLink));
    if (expected->items.size() != actual->items.size())
        return u"%1 runs / %2 runs"_s.arg(expected->items.size()).arg(actual->items.size());
    for (qsizetype i = 0; i < expected->items.size(); ++i) {
        const fc::FlowRun &e = expected->items[i], &a = actual->items[i];
        const auto field = [i](const char *name, const QString &x, const QString &y) {
            return u"run %1: %2 %3 / %4"_s.arg(i).arg(QLatin1StringView(name), describe(x), describe(y));
        };
        if (!same(e.name, a.name))
            return field("name", e.name, a.name);
        if (e.startMs != a.startMs)
            return field("startMs", QString::number(e.startMs), QString::number(a.startMs));
        if (e.endMs != a.endMs)
            return field("endMs", QString::number(e.endMs), QString::number(a.endMs));
        if (e.status != a.status)
            return field("status", fc::runStatusName(e.status), fc::runStatusName(a.status));
        if (!same(e.code, a.code))
            return field("code", e.code, a.code);
        if (!same(e.triggerName, a.triggerName))
            return field("triggerName", e.triggerName, a.triggerName);
        if (!same(e.correlationId, a.correlationId))
            return field("correlationId", e.correlationId, a.correlationId);
        if (!same(e.originRun, a.originRun))
            return field("originRun", e.originRun, a.originRun);
    }
    return {};
}

QString difference(const QByteArray &body)
{
    return difference(json::parseRunPage(body), json::parseRunPageFast(body));
}

QByteArray page(const QByteArray &runs, const QByteArray &tail = R"(,"nextLink":"https://x/next?s=1")")
{
    return R"({"value":[)" + runs + "]" + tail + "}";
}

QByteArray runWith(const QByteArray &properties)
{
    return R"({"name":"r1","properties":{)" + properties + "}}";
}

} // namespace

class TestFastRunParser : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<fc::emu::Emulator> m_emu;
    QList<QByteArray> m_pages; // the 3,000-run flow, 250 a page

private slots:
    void initTestCase();
    void emulatorPages();
    void emulatorPagesReshaped();
    void edgeCases_data();
    void edgeCases();
    void times_data();
    void times();
    void malformed_data();
    void malformed();
    void truncated();
    void mutations();
    void threads();
};

void TestFastRunParser::initTestCase()
{
    fc::emu::EmulatorOptions options;
    options.seed = u"large:3000"_s;
    m_emu = std::make_unique<fc::emu::Emulator>(options);
    QVERIFY(m_emu->start());
    fc::test::HttpTestClient http(m_emu->baseUrl());
    http.setBearer(m_emu->accessToken(m_emu->demoUserUpn()));
    const QString env = m_emu->environmentNames().last();
    QString flow;
    for (const QString &f : m_emu->flowNames(env))
        if (m_emu->runCount(env, f) == 3000)
            flow = f;
    QVERIFY(!flow.isEmpty());
    const auto enc = [](const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); };
    QString next =
        u"/providers/Microsoft.ProcessSimple/environments/%1/flows/%2/runs?api-version=2016-11-01&$top=250"_s
            .arg(enc(env), enc(flow));
    while (!next.isEmpty()) {
        const fc::test::HttpResult answer = http.get(next);
        QCOMPARE(answer.status, 200);
        m_pages.append(answer.body);
        next = answer.json().value("nextLink"_L1).toString();
        QVERIFY(m_pages.size() <= 12);
    }
    QCOMPARE(m_pages.size(), 12);
}

void TestFastRunParser::emulatorPages()
{
    QSet<int> statuses;
    qsizetype runs = 0, withEnd = 0, withCode = 0;
    for (const QByteArray &body : std::as_const(m_pages)) {
        const QString d = difference(body);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        const auto fast = json::parseRunPageFast(body);
        QVERIFY(fast.ok());
        QCOMPARE(fast->items.size(), 250);
        for (const fc::FlowRun &r : fast->items) {
            QVERIFY(!r.name.isEmpty());
            QVERIFY(r.startMs > 1'600'000'000'000LL);
            QVERIFY(!r.triggerName.isEmpty());
            QVERIFY(!r.correlationId.isEmpty());
            QVERIFY(!r.originRun.isEmpty());
            statuses.insert(int(r.status));
            withEnd += r.endMs > 0;
            withCode += !r.code.isEmpty();
        }
        runs += fast->items.size();
    }
    QCOMPARE(runs, 3000);
    // Not a vacuous comparison: the pages have end times, codes, several statuses.
    QVERIFY(withEnd > 0);
    QVERIFY(withCode > 0);
    QVERIFY(statuses.size() >= 2);
    QVERIFY(!json::parseRunPageFast(m_pages.first())->nextLink.isEmpty());
    QVERIFY(json::parseRunPageFast(m_pages.last())->nextLink.isEmpty());
}

// The same pages indented, with @odata.nextLink for nextLink, and their runs reversed.
void TestFastRunParser::emulatorPagesReshaped()
{
    for (const QByteArray &body : std::as_const(m_pages)) {
        QJsonObject root = QJsonDocument::fromJson(body).object();
        const QString d1 = difference(QJsonDocument(root).toJson(QJsonDocument::Indented));
        QVERIFY2(d1.isEmpty(), qPrintable(d1));
        root.insert(u"@odata.nextLink"_s, root.take(u"nextLink"_s));
        QJsonArray reversed;
        const QJsonArray runs = root.value("value"_L1).toArray();
        for (qsizetype i = runs.size() - 1; i >= 0; --i)
            reversed.append(runs[i]);
        root.insert(u"value"_s, reversed);
        const QString d2 = difference(QJsonDocument(root).toJson(QJsonDocument::Compact));
        QVERIFY2(d2.isEmpty(), qPrintable(d2));
    }
}

void TestFastRunParser::edgeCases_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("runs");

    // Missing, null and wrongly typed properties give the defaults.
    QTest::newRow("empty list") << QByteArray(R"({"value":[]})") << 0;
    QTest::newRow("empty run") << page("{}") << 1;
    QTest::newRow("name only") << page(R"({"name":"r1"})") << 1;
    QTest::newRow("null properties") << page(R"({"name":"r1","properties":null})") << 1;
    QTest::newRow("nulls")
        << page(runWith(
               R"("startTime":null,"endTime":null,"status":null,"code":null,"trigger":null,"correlation":null)"))
        << 1;
    QTest::newRow("null name") << page(R"({"name":null,"properties":{"status":"Failed"}})") << 1;
    QTest::newRow("nested nulls")
        << page(runWith(
               R"("trigger":{"name":null,"originHistoryName":null},"correlation":{"clientTrackingId":null})"))
        << 1;
    QTest::newRow("wrong types") << page(
                                        R"({"name":5,"properties":{"startTime":1769019540000,"endTime":true,)"
                                        R"("status":3,"code":[],"trigger":"manual","correlation":[1]}})")
                                 << 1;
    QTest::newRow("properties a list") << page(R"({"name":"r1","properties":[{"status":"Failed"}]})") << 1;
    QTest::newRow("empty strings")
        << page(R"({"name":"","properties":{"startTime":"","endTime":"","status":"",)"
                R"("code":"","trigger":{"name":"","originHistoryName":""},)"
                R"("correlation":{"clientTrackingId":""}}})")
        << 1;
    QTest::newRow("all fields")
        << page(runWith(
               R"("startTime":"2026-01-21T18:19:00.1234567Z","endTime":"2026-01-21T18:19:04.9999999Z",)"
               R"("status":"Succeeded","code":"OK","trigger":{"name":"manual","originHistoryName":"r0"},)"
               R"("correlation":{"clientTrackingId":"0858"})"))
        << 1;
    // Status names: case, both spellings of cancelled, unknown ones, a long s (U+017F, which
    // Qt's case-insensitive comparison folds to s).
    QByteArray statuses;
    for (const char *s : {"Running", "Waiting", "Succeeded", "Failed", "Cancelled", "Suspended", "Canceling",
                          "succeeded", "FAILED", "Canceled", "canceled", "Paused", "Unknown", "",
                          "\\u017Fucceeded", "Succeeded ", "Succeede"})
        statuses += (statuses.isEmpty() ? "" : ",") + runWith(R"("status":")" + QByteArray(s) + '"');
    QTest::newRow("statuses") << page(statuses) << 17;
    // Unicode: escapes, a surrogate pair, NUL, raw UTF-8, an escaped key, escaped shared values.
    QTest::newRow("unicode")
        << page(R"({"n\u0061me":"\u00e9t\u00C9 \ud83d\ude00 a\u0000b \"q\" \\ \/ \b\f\n\r\t",)"
                R"("properties":{"code":"\u004FK","status":"Succ\u0065eded",)"
                R"("trigger":{"name":"manu\u0061l","originHistoryName":"été ✓ 😀"},)"
                R"("correlation":{"clientTrackingId":"\u4e2d\u6587"}}})")
        << 1;
    QTest::newRow("raw noncharacters") << page("{\"name\":\"\xef\xbf\xbf\xef\xb7\x90\x7f\"}") << 1;
    // Duplicate keys: the last one wins, whatever its type.
    QTest::newRow("duplicate name") << page(R"({"name":"a","name":"b"})") << 1;
    QTest::newRow("duplicate name, last null") << page(R"({"name":"a","name":null})") << 1;
    QTest::newRow("duplicate properties")
        << page(R"({"name":"a","properties":{"status":"Failed"},"properties":{"code":"X"}})") << 1;
    QTest::newRow("duplicate properties, last null")
        << page(R"({"name":"a","properties":{"status":"Failed"},"properties":null})") << 1;
    QTest::newRow("duplicate status")
        << page(runWith(R"("status":"Failed","status":"Running","status":7)")) << 1;
    QTest::newRow("duplicate value")
        << QByteArray(R"({"value":[{"name":"a"}],"nextLink":"n","value":[{"name":"b"},{"name":"c"}]})") << 2;
    QTest::newRow("duplicate trigger")
        << page(
               runWith(R"("trigger":{"name":"a","name":"b","originHistoryName":"o"},"trigger":{"name":"c"})"))
        << 1;
    // Items that are not objects are skipped.
    QTest::newRow("not objects") << page(R"(1,"x",null,[],{"name":"a"},true,[{"name":"b"}],2.5,{"name":"c"})")
                                 << 2;
    // nextLink: absent, null, empty, not a string, @odata.nextLink instead or as well.
    QTest::newRow("no nextLink") << page(R"({"name":"a"})", "") << 1;
    QTest::newRow("null nextLink") << page(R"({"name":"a"})", R"(,"nextLink":null)") << 1;
    QTest::newRow("empty nextLink") << page(R"({"name":"a"})", R"(,"nextLink":"")") << 1;
    QTest::newRow("numeric nextLink") << page(R"({"name":"a"})", R"(,"nextLink":5)") << 1;
    QTest::newRow("odata nextLink") << page(R"({"name":"a"})", R"(,"@odata.nextLink":"https://o")") << 1;
    QTest::newRow("both nextLinks") << page(R"({"name":"a"})",
                                            R"(,"nextLink":"https://n","@odata.nextLink":"https://o")")
                                    << 1;
    QTest::newRow("empty nextLink, odata")
        << page(R"({"name":"a"})", R"(,"nextLink":"","@odata.nextLink":"https://o")") << 1;
    QTest::newRow("null nextLink, odata")
        << page(R"({"name":"a"})", R"(,"nextLink":null,"@odata.nextLink":"https://o")") << 1;
    QTest::newRow("empty odata nextLink")
        << page(R"({"name":"a"})", R"(,"nextLink":"","@odata.nextLink":"")") << 1;
    QTest::newRow("escaped nextLink")
        << page(R"({"name":"a"})", R"(,"nextLink":"https:\/\/x\/n?a=1\u0026b=2")") << 1;
    // Other members, numbers of every kind, nesting, whitespace: skipped, but validated.
    QTest::newRow("extra members")
        << QByteArray(R"({"@odata.context":"x","value":[{"name":"a","id":"/r/a",)"
                      R"("properties":{"n":[1,-2,3.5e10,1E+2,-0.5,18446744073709551615,)"
                      R"(-9223372036854775808,true,false,null,{"a":{"b":[[]]}}]}}],"count":3})")
        << 1;
    QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"value\" : [ { \"name\" : \"a\" } ] } \n") << 1;
    QByteArray deep = "[";
    for (int i = 0; i < 1020; ++i)
        deep = "[" + deep + "]";
    deep += "]";
    // The page, its list and the run are 3 levels, x 1,021 more: QJsonDocument's limit is 1,024.
    QTest::newRow("1024 deep") << page(R"({"name":"a","x":)" + deep + "}") << 1;
}

void TestFastRunParser::edgeCases()
{
    QFETCH(QByteArray, body);
    QFETCH(int, runs);
    const auto fast = json::parseRunPageFast(body);
    QVERIFY2(fast.ok(), qPrintable(fast.error().message));
    QCOMPARE(fast->items.size(), runs);
    const QString d = difference(body);
    QVERIFY2(d.isEmpty(), qPrintable(d));
}

void TestFastRunParser::times_data()
{
    QTest::addColumn<QByteArray>("text");
    int row = 0;
    for (const char *t : {"2026-01-21T18:19:00.1234567Z",
                          "2026-01-21T18:19:00Z",
                          "2026-01-21T18:19:00.1Z",
                          "2026-01-21T18:19:00.12Z",
                          "2026-01-21T18:19:00.123Z",
                          "2026-01-21T18:19:00.123456789Z",
                          "2026-01-21T18:19:00.1234567890Z",
                          "2026-01-21T18:19:00.Z",
                          "2026-01-21 18:19:00.5Z",
                          "2026-01-21T18:19:00,5Z",
                          "2026-01-21T18:19:00.12a4567Z",
                          "2026-01-21T20:19:00+02:00",
                          "2026-01-21T18:19:00.1234567+00:00",
                          "2026-01-21T18:19:00",
                          "2026-01-21T23:59:60Z",
                          "2026-02-30T00:00:00Z",
                          "2026-13-01T00:00:00Z",
                          "2026-00-10T00:00:00Z",
                          "2026-01-21T24:00:00Z",
                          "2026-01-21T18:60:00Z",
                          "0001-01-01T00:00:00Z",
                          "1969-12-31T23:59:59.999Z",
                          "9999-12-31T23:59:59.9999999Z",
                          "2024-02-29T12:00:00Z",
                          "2026-01-21",
                          "garbage",
                          "",
                          "Z",
                          "2026-01-21T18:19:00.123Z ",
                          " 2026-01-21T18:19:00Z",
                          "2026-01-21T18:19:00zZ",
                          "2026-01-21t18:19:00Z",
                          "\\uff12026-01-21T18:19:00Z", // a fullwidth digit
                          "2026-01-21T18:19:00.\\u0661\\u0662\\u0663Z",
                          "2026-01-21T18:19:00.123\\u00e9Z",
                          "20260-01-21T18:19:00Z",
                          "-2026-01-21T18:19:00Z"})
        QTest::addRow("%d: %s", row++, t) << QByteArray(t);
}

void TestFastRunParser::times()
{
    QFETCH(QByteArray, text);
    const QByteArray body = page(runWith(R"("startTime":")" + text + R"(","endTime":")" + text + '"') + "," +
                                 runWith(R"("endTime":")" + text + '"'));
    const auto fast = json::parseRunPageFast(body);
    QVERIFY2(fast.ok(), qPrintable(fast.error().message));
    QCOMPARE(fast->items.size(), 2);
    const QString d = difference(body);
    QVERIFY2(d.isEmpty(), qPrintable(d));
}

void TestFastRunParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("accepted"); // by parseRunPage, the reference
    const QByteArray ok = page(R"({"name":"a"})");
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("spaces") << QByteArray("   ") << false;
    QTest::newRow("open brace") << QByteArray("{") << false;
    QTest::newRow("list") << QByteArray(R"([{"value":[]}])") << false;
    QTest::newRow("number") << QByteArray("42") << false;
    QTest::newRow("string") << QByteArray(R"("value")") << false;
    QTest::newRow("null") << QByteArray("null") << false;
    QTest::newRow("no value") << QByteArray(R"({"nextLink":"x"})") << false;
    QTest::newRow("value an object") << QByteArray(R"({"value":{"name":"a"}})") << false;
    QTest::newRow("value null") << QByteArray(R"({"value":null})") << false;
    QTest::newRow("value a string") << QByteArray(R"({"value":"[]"})") << false;
    QTest::newRow("value twice, last not a list") << QByteArray(R"({"value":[],"value":1})") << false;
    QTest::newRow("garbage after") << ok + "x" << false;
    QTest::newRow("two documents") << ok + ok << false;
    QTest::newRow("NUL after") << ok + QByteArray(1, '\0') << false;
    QTest::newRow("trailing comma") << page(R"({"name":"a"},)") << false;
    QTest::newRow("missing colon") << page(R"({"name" "a"})") << false;
    QTest::newRow("single quotes") << page(R"({'name':'a'})") << false;
    QTest::newRow("unquoted key") << page(R"({name:"a"})") << false;
    QTest::newRow("bad literal") << page(R"({"name":"a","x":tru})") << false;
    QTest::newRow("bad number") << page(R"({"name":"a","x":-})") << false;
    QTest::newRow("leading zero") << page(R"({"name":"a","x":01})") << false;
    QTest::newRow("infinite") << page(R"({"name":"a","x":1e400})") << false;
    QTest::newRow("underflow") << page(R"({"name":"a","x":1e-400})") << false; // simdjson reads 0
    QTest::newRow("long underflow") << page(R"({"name":"a","x":0.)" + QByteArray(400, '0') + "1}") << false;
    QTest::newRow("invalid UTF-8") << page("{\"name\":\"\xff\"}") << false;
    QTest::newRow("overlong UTF-8") << page("{\"name\":\"\xc0\xaf\"}") << false;
    QTest::newRow("UTF-8 surrogate") << page("{\"name\":\"\xed\xa0\x80\"}") << false;
    QTest::newRow("unterminated string") << QByteArray(R"({"value":[{"name":"a)") << false;
    QByteArray tooDeep = "[";
    for (int i = 0; i < 1021; ++i)
        tooDeep = "[" + tooDeep + "]";
    tooDeep += "]";
    QTest::newRow("1025 deep") << page(R"({"name":"a","x":)" + tooDeep + "}") << false;
    // Where QJsonDocument is more lenient than simdjson: still the reference's answer.
    QTest::newRow("byte order mark") << "\xef\xbb\xbf" + ok << true;
    QTest::newRow("lone surrogate") << page(R"({"name":"\ud800x"})") << true;
    QTest::newRow("unknown escape") << page(R"({"name":"a\qb"})") << true;
    QTest::newRow("raw control character") << page("{\"name\":\"a\x01\tb\"}") << true;
    QTest::newRow("leading dot") << page(R"({"name":"a","x":.5})") << true;
    QTest::newRow("trailing dot") << page(R"({"name":"a","x":1.})") << true;
    QTest::newRow("big integer") << page(R"({"name":"a","x":123456789012345678901234567890})") << true;
    QTest::newRow("float zero") << page(R"({"name":"a","x":0.0,"y":-0,"z":0e5})") << true;
}

void TestFastRunParser::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, accepted);
    QCOMPARE(json::parseRunPage(body).ok(), accepted);
    const auto fast = json::parseRunPageFast(body);
    QCOMPARE(fast.ok(), accepted);
    if (!accepted)
        QVERIFY(!fast.error().message.isEmpty());
    const QString d = difference(body);
    QVERIFY2(d.isEmpty(), qPrintable(d));
}

// Every prefix of a small page, and a prefix every 97 bytes of a real one.
void TestFastRunParser::truncated()
{
    const QByteArray small =
        page(runWith(R"("startTime":"2026-01-21T18:19:00.1234567Z","status":"Succeeded",)"
                     R"("trigger":{"name":"manual"},"correlation":{"clientTrackingId":"c"})"));
    for (qsizetype n = 0; n < small.size(); ++n) {
        const QByteArray body = small.left(n);
        QVERIFY2(!json::parseRunPageFast(body).ok(), body.constData());
        const QString d = difference(body);
        QVERIFY2(d.isEmpty(), qPrintable(QString::fromLatin1(body) + u": "_s + d));
    }
    const QByteArray &real = m_pages.first();
    for (qsizetype n = 0; n < real.size(); n += 97) {
        const QString d = difference(real.left(n));
        QVERIFY2(d.isEmpty(), qPrintable(QString::number(n) + u": "_s + d));
    }
}

// A poor man's differential fuzzer, deterministic: 5,000 mutations of a small page (bytes
// replaced, removed, duplicated; JSON tokens inserted).
void TestFastRunParser::mutations()
{
    const QByteArray base = page(
        R"({"name":"r1","id":"/x/r1","properties":{"startTime":"2026-01-21T18:19:00.1234567Z",)"
        R"("endTime":"2026-01-21T18:19:04.5Z","status":"Failed","code":"ActionFailed","error":{"code":"E","n":1.5},)"
        R"("trigger":{"name":"manual","originHistoryName":"r0"},"correlation":{"clientTrackingId":"c\u00e9"}}},)"
        R"({"name":"r2","properties":{"status":"Running","startTime":"2026-01-21T18:20:00Z"}})");
    const QList<QByteArray> tokens = {
        "{",          "}",       "[",     "]",  ",",   ":",       "\"", "\\",   "null",         "true",
        "0",          "-1e-400", "1e400", ".5", "\\u", "\\ud800", " ",  "\xc3", "\xef\xbb\xbf", "\"name\":",
        "\"value\":", "Z",       "."};
    QRandomGenerator rng(1313);
    int accepted = 0;
    for (int i = 0; i < 5000; ++i) {
        QByteArray body = base;
        const int edits = 1 + int(rng.bounded(3));
        for (int e = 0; e < edits && !body.isEmpty(); ++e) {
            const qsizetype at = rng.bounded(int(body.size()));
            switch (rng.bounded(4)) {
            case 0:
                body[at] = char(rng.bounded(256));
                break;
            case 1:
                body.remove(at, 1 + rng.bounded(8));
                break;
            case 2:
                body.insert(at, body.mid(rng.bounded(int(body.size())), 1 + rng.bounded(16)));
                break;
            default:
                body.insert(at, tokens[rng.bounded(int(tokens.size()))]);
                break;
            }
        }
        const QString d = difference(body);
        QVERIFY2(d.isEmpty(),
                 qPrintable(QString::fromLatin1(body.toPercentEncoding(" {}[],:\"")) + u": "_s + d));
        accepted += json::parseRunPage(body).ok();
    }
    QVERIFY(accepted > 100); // some mutations are still pages, and were compared run by run
}

// Four threads at once, each with its own parser: the same answers as on this thread.
void TestFastRunParser::threads()
{
    std::atomic<int> differences{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < 4; ++t) {
        workers.emplace_back([this, t, &differences] {
            for (int round = 0; round < 10; ++round)
                for (qsizetype p = t; p < m_pages.size(); p += 2)
                    if (!difference(m_pages[p]).isEmpty())
                        ++differences;
        });
    }
    for (std::thread &w : workers)
        w.join();
    QCOMPARE(differences.load(), 0);
}

QTEST_GUILESS_MAIN(TestFastRunParser)
#include "tst_fast_run_parser.moc"
