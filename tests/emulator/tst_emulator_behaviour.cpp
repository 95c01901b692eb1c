// What makes the emulator behave like a service: keyset paging while runs arrive, run
// filters, throttling, each fault, the control endpoint and persistence across a restart.
#include "EmulatorTestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace fc::test;

class TstEmulatorBehaviour : public QObject
{
    Q_OBJECT

private:
    fc::emu::Emulator *m_emu = nullptr;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_loadEnv;
    QString m_loadFlow; // 1,000 runs
    QString m_env;
    QString m_flow;

private Q_SLOTS:
    void initTestCase()
    {
        fc::emu::EmulatorOptions options;
        options.seed = u"large:1000"_s;
        options.control = true;
        options.runDurationMs = 100;
        m_emu = new fc::emu::Emulator(options, this);
        QVERIFY(m_emu->start());
        m_http = std::make_unique<HttpTestClient>(m_emu->baseUrl());
        m_http->setBearer(m_emu->accessToken(m_emu->demoUserUpn()));
        m_loadEnv = m_emu->environmentNames().last();
        for (const QString &f : m_emu->flowNames(m_loadEnv))
            if (m_emu->runCount(m_loadEnv, f) == 1000)
                m_loadFlow = f;
        QVERIFY(!m_loadFlow.isEmpty());
        m_env = m_emu->defaultEnvironmentName();
        m_flow = m_emu->firstOwnedFlow(m_emu->demoUserUpn());
    }

    void init() { m_emu->setFaults({}); }

    void pagingWhileRunsArrive()
    {
        QSet<QString> seen;
        int pages = 0;
        QString next = flowPath(m_loadEnv, m_loadFlow) + u"/runs?api-version=2016-11-01&$top=100"_s;
        QString previousLast;
        while (!next.isEmpty()) {
            const auto page = m_http->get(next);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &v : page.value()) {
                const QString name = v.toObject().value("name"_L1).toString();
                QVERIFY2(!seen.contains(name), qPrintable(name));
                QVERIFY(previousLast.isEmpty() || name > previousLast); // newest first, stable
                previousLast = name;
                seen.insert(name);
            }
            next = page.json().value("nextLink"_L1).toString();
            QVERIFY(next.isEmpty() || next.startsWith(m_emu->baseUrl().toString()));
            ++pages;
            m_emu->startRun(m_loadEnv, m_loadFlow); // a new run arrives between pages
            m_emu->startRun(m_loadEnv, m_loadFlow);
        }
        QCOMPARE(seen.size(), 1000);
        QCOMPARE(pages, 10);
        QCOMPARE(m_emu->runCount(m_loadEnv, m_loadFlow), 1020);
        // The default page is 50, the largest 250.
        QCOMPARE(m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs"_s).value().size(), 50);
        QCOMPARE(m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs?$top=5000"_s).value().size(), 250);
        QCOMPARE(m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs?$top=0"_s).status, 400);
        QCOMPARE(m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs?$skiptoken=!!"_s).status, 400);
    }

    void flowPaging()
    {
        QSet<QString> seen;
        QString next = envPath(m_loadEnv) + u"/flows?$top=50"_s;
        while (!next.isEmpty()) {
            const auto page = m_http->get(next);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &v : page.value())
                seen.insert(v.toObject().value("name"_L1).toString());
            next = page.json().value("nextLink"_L1).toString();
        }
        QCOMPARE(seen.size(), 120);
    }

    void runFilters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("status");
        QTest::newRow("status") << u"status eq 'Failed'"_s << u"Failed"_s;
        QTest::newRow("Status case") << u"Status eq 'Succeeded'"_s << u"Succeeded"_s;
        QTest::newRow("with times")
            << u"status eq 'Failed' and startTime ge 2000-01-01T00:00:00Z and startTime lt 2100-01-01T00:00:00Z"_s
            << u"Failed"_s;
    }
    void runFilters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, status);
        const auto r =
            m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs?$top=250&$filter="_s + enc(filter));
        QCOMPARE(r.status, 200);
        QVERIFY(r.value().size() > 0);
        for (const QJsonValue &v : r.value())
            QCOMPARE(v.toObject().value("properties"_L1).toObject().value("status"_L1).toString(), status);
    }

    void runTimeFilter()
    {
        const QString future = u"startTime ge 2100-01-01T00:00:00Z"_s;
        QCOMPARE(
            m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs?$filter="_s + enc(future)).value().size(),
            0);
        const QString past = u"startTime lt 2000-01-01T00:00:00Z"_s;
        QCOMPARE(
            m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs?$filter="_s + enc(past)).value().size(), 0);
    }

    // Each time window lists exactly the runs that started in it, whatever the page size, with a
    // run exactly on each boundary; windows holding no run answer an empty page at once.
    void timeWindowsListExactlyTheirRuns()
    {
        const QString runs = flowPath(m_loadEnv, m_loadFlow) + u"/runs?$top=250"_s;
        QList<QPair<qint64, QString>> all; // start, name
        for (QString next = runs; !next.isEmpty();) {
            const auto page = m_http->get(next);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &v : page.value()) {
                const QJsonObject run = v.toObject();
                const QDateTime start = QDateTime::fromString(
                    run.value("properties"_L1).toObject().value("startTime"_L1).toString(),
                    Qt::ISODateWithMs);
                QVERIFY(start.isValid());
                all.append({start.toMSecsSinceEpoch(), run.value("name"_L1).toString()});
            }
            next = page.json().value("nextLink"_L1).toString();
        }
        QVERIFY(all.size() >= 1000);
        std::sort(all.begin(), all.end());
        const auto iso = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        };
        const auto listed = [&](const QString &filter, int top) {
            QSet<QString> names;
            int pages = 0;
            for (QString next = flowPath(m_loadEnv, m_loadFlow) + u"/runs?$top="_s + QString::number(top) +
                                u"&$filter="_s + enc(filter);
                 !next.isEmpty(); ++pages) {
                const auto page = m_http->get(next);
                if (page.status != 200 || pages > 100)
                    return QSet<QString>{u"failed: "_s + QString::fromUtf8(page.body)};
                for (const QJsonValue &v : page.value())
                    names.insert(v.toObject().value("name"_L1).toString());
                next = page.json().value("nextLink"_L1).toString();
            }
            return names;
        };
        const auto expected = [&](qint64 from, qint64 to, bool fromIncluded, bool toIncluded) {
            QSet<QString> names;
            for (const auto &[start, name] : std::as_const(all))
                if ((fromIncluded ? start >= from : start > from) && (toIncluded ? start <= to : start < to))
                    names.insert(name);
            return names;
        };
        // Boundaries on runs' own start times: the oldest, four inside, the newest.
        const QList<qint64> cuts{all.first().first, all.at(all.size() / 5).first,
                                 all.at(all.size() / 2).first, all.at(all.size() * 3 / 4).first,
                                 all.last().first};
        QSet<QString> union_;
        for (int i = 0; i + 1 < cuts.size(); ++i) {
            const bool last = i + 2 == cuts.size();
            const QString filter = u"startTime ge "_s + iso(cuts[i]) +
                                   (last ? u" and startTime le "_s : u" and startTime lt "_s) +
                                   iso(cuts[i + 1]);
            const QSet<QString> want = expected(cuts[i], cuts[i + 1], true, last);
            QVERIFY(!want.isEmpty());
            QCOMPARE(listed(filter, 37), want);
            QVERIFY(!union_.intersects(want));
            union_ += want;
        }
        QCOMPARE(union_.size(), all.size()); // the windows together: every run, once
        // gt and le, and with a status clause.
        const QString gtLe = u"startTime gt "_s + iso(cuts[1]) + u" and startTime le "_s + iso(cuts[2]);
        QCOMPARE(listed(gtLe, 50), expected(cuts[1], cuts[2], false, true));
        QSet<QString> failed;
        for (const QString &name : listed(u"status eq 'Failed'"_s, 250))
            failed.insert(name);
        QCOMPARE(listed(u"status eq 'Failed' and "_s + gtLe, 50),
                 expected(cuts[1], cuts[2], false, true) & failed);
        // A window with no run in it.
        const QString none = u"startTime gt "_s + iso(cuts[2]) + u" and startTime lt "_s + iso(cuts[2] + 1);
        const auto empty = m_http->get(runs + u"&$filter="_s + enc(none));
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.value().size(), 0);
        QVERIFY(!empty.json().contains("nextLink"_L1));
    }

    void unsupportedFilters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("part");
        QTest::newRow("property") << u"status eq 'Failed' and endTime ge 2020-01-01T00:00:00Z"_s
                                  << u"endTime ge"_s;
        QTest::newRow("or") << u"status eq 'Failed' or status eq 'Cancelled'"_s << u"or"_s;
        QTest::newRow("bad time") << u"startTime ge yesterday"_s << u"startTime ge yesterday"_s;
        QTest::newRow("status op") << u"status ge 'Failed'"_s << u"status ge"_s;
    }
    void unsupportedFilters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, part);
        const auto r = m_http->get(flowPath(m_loadEnv, m_loadFlow) + u"/runs?$filter="_s + enc(filter));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"InvalidRequestContent"_s);
        QVERIFY2(r.json().value("error"_L1).toObject().value("message"_L1).toString().contains(part),
                 r.body.constData());
    }

    void throttling()
    {
        m_emu->setRatePerMinute(3);
        auto cleanup = qScopeGuard([this] { m_emu->setRatePerMinute(0); });
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->get(envPath(m_env)).status, 200);
        const auto limited = m_http->get(envPath(m_env));
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
        QCOMPARE(limited.errorCode(), u"TooManyRequests"_s);
        QVERIFY(limited.json()
                    .value("error"_L1)
                    .toObject()
                    .value("message"_L1)
                    .toString()
                    .startsWith("Rate limit is exceeded. Try again in "_L1));
        // Buckets are per user: another user is not limited.
        HttpTestClient other(m_emu->baseUrl());
        other.setBearer(m_emu->accessToken(u"nestor.wilke@contoso.example"_s));
        QCOMPARE(other.get(envPath(m_env)).status, 200);
    }

    void faultLatency()
    {
        fc::emu::Faults f;
        f.latencyMs = 300;
        m_emu->setFaults(f);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_http->get(envPath(m_env)).status, 200);
        QVERIFY(timer.elapsed() >= 300);
    }

    void faultServerErrors()
    {
        fc::emu::Faults f;
        f.serverErrorRate = 1;
        m_emu->setFaults(f);
        const auto r = m_http->get(envPath(m_env));
        QVERIFY(r.status == 500 || r.status == 503);
        QVERIFY(!r.errorCode().isEmpty());
    }

    void faultThrottleBurst()
    {
        fc::emu::Faults f;
        f.throttleBurst = 2;
        m_emu->setFaults(f);
        QCOMPARE(m_http->get(envPath(m_env)).status, 429);
        QCOMPARE(m_http->get(envPath(m_env)).status, 429);
        QCOMPARE(m_http->get(envPath(m_env)).status, 200);
    }

    void faultDrop()
    {
        fc::emu::Faults f;
        f.dropRate = 1;
        m_emu->setFaults(f);
        const auto r = m_http->get(envPath(m_env));
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
    }

    void faultMalformed()
    {
        fc::emu::Faults f;
        f.malformedRate = 1;
        m_emu->setFaults(f);
        const auto r = m_http->get(envPath(m_env) + u"/flows"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.isJson());
    }

    void faultTruncated()
    {
        fc::emu::Faults f;
        f.truncateRate = 1;
        m_emu->setFaults(f);
        const auto r = m_http->get(envPath(m_env) + u"/flows"_s);
        QVERIFY(r.error != QNetworkReply::NoError || !r.isJson());
    }

    void faultStall()
    {
        fc::emu::Faults f;
        f.stall = true;
        m_emu->setFaults(f);
        HttpTestClient impatient(m_emu->baseUrl());
        impatient.setBearer(m_emu->accessToken(m_emu->demoUserUpn()));
        impatient.setTimeoutMs(400);
        const auto r = impatient.get(envPath(m_env));
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        m_emu->setFaults({});
        QCOMPARE(m_http->get(envPath(m_env)).status, 200); // other connections are fine again
    }

    void controlEndpoint()
    {
        HttpTestClient control(m_emu->baseUrl());
        const auto set = control.post(u"/_emulator/faults"_s, QJsonObject{{u"throttleBurst"_s, 1}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json().value("throttleBurst"_L1).toInt(), 1);
        QCOMPARE(m_emu->faults().throttleBurst, 1);
        QCOMPARE(m_http->get(envPath(m_env)).status, 429);
        QCOMPARE(control.post(u"/_emulator/faults"_s, QJsonObject{{u"bogus"_s, 1}}).status, 400);
        // Switches are true or false, numbers numbers.
        const auto noCache = control.post(u"/_emulator/faults"_s, QJsonObject{{u"noAnswerCache"_s, true}});
        QCOMPARE(noCache.status, 200);
        QVERIFY(noCache.json().value("noAnswerCache"_L1).toBool());
        QVERIFY(m_emu->faults().noAnswerCache);
        const auto notAFlag = control.post(u"/_emulator/faults"_s, QJsonObject{{u"noAnswerCache"_s, 1}});
        QCOMPARE(notAFlag.status, 400);
        QVERIFY(notAFlag.body.contains("must be true or false"));
        QCOMPARE(control.post(u"/_emulator/faults"_s, QJsonObject{{u"latencyMs"_s, true}}).status, 400);
        QCOMPARE(m_http->get(envPath(m_env)).status, 200); // answered, not from a cache
        QCOMPARE(control.send("DELETE", u"/_emulator/faults"_s).status, 200);
        QCOMPARE(control.get(u"/_emulator/faults"_s).json().value("throttleBurst"_L1).toInt(), 0);

        fc::emu::EmulatorOptions options;
        options.seed = u"empty"_s;
        fc::emu::Emulator closed(options); // without --control the endpoint does not exist
        QVERIFY(closed.start());
        QCOMPARE(HttpTestClient(closed.baseUrl()).get(u"/_emulator/faults"_s).status, 404);
    }

    void persistence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        fc::emu::EmulatorOptions options;
        options.dataFile = dir.filePath(u"state.sqlite"_s);
        QString created;
        int flows = 0;
        {
            fc::emu::Emulator first(options);
            QVERIFY(first.start());
            HttpTestClient http(first.baseUrl());
            http.setBearer(first.accessToken(first.demoUserUpn()));
            const auto r = http.post(
                envPath(u"~default"_s) + u"/flows"_s,
                QJsonObject{{u"properties"_s, QJsonObject{{u"displayName"_s, u"Survives a restart"_s}}}});
            QCOMPARE(r.status, 201);
            created = r.json().value("name"_L1).toString();
            flows = int(first.flowNames(first.defaultEnvironmentName()).size());
        }
        fc::emu::Emulator second(options);
        QVERIFY(second.start());
        QCOMPARE(second.flowNames(second.defaultEnvironmentName()).size(), flows);
        HttpTestClient http(second.baseUrl());
        http.setBearer(second.accessToken(second.demoUserUpn()));
        const auto r = http.get(flowPath(second.defaultEnvironmentName(), created));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("properties"_L1).toObject().value("displayName"_L1).toString(),
                 u"Survives a restart"_s);
    }
};

QTEST_GUILESS_MAIN(TstEmulatorBehaviour)
#include "tst_emulator_behaviour.moc"
