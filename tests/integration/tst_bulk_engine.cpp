#include "BulkTestSupport.h"
#include "EmulatorSession.h"

#include "ops/BulkEngine.h"
#include "ops/Journal.h"

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;
using namespace fc;
using fc::test::await;

// The bulk engine against the emulator: throttling, dropped connections, pause/resume/cancel,
// and a process killed in the middle and resumed from its journal.
class TestBulkEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resubmitStormLosesNothingAndDuplicatesNothing();
    void cancelsSkipFinishedRuns();
    void pauseResumeAndCancel();
    void killedProcessResumesWithoutRepeating();

private:
    QString newFlow(const QString &title);
    QStringList startRuns(const QString &flow, int count);
    QHash<QString, int> resubmitsPerOrigin(const QString &flow);
    QList<BulkItem> items(BulkAction action, const QString &flow, const QStringList &runs);
    bool runToEnd(BulkEngine &engine, int timeoutMs);

    std::unique_ptr<emu::Emulator> m_emulator;
    std::unique_ptr<Session> m_session;
    QString m_env;
};

void TestBulkEngine::initTestCase()
{
    emu::EmulatorOptions options;
    options.seed = u"empty"_s;
    options.runDurationMs = 10 * 60 * 1000;
    auto started = test::startEmulatorSession(options);
    QVERIFY(started);
    m_emulator = std::move(started->emulator); // declared first: outlives the session
    m_session = std::move(started->session);
    RetryPolicy policy;
    policy.baseBackoff = std::chrono::milliseconds(20);
    policy.maxRetryAfter = std::chrono::milliseconds(50); // the emulator's fault 429s ask for 1 s
    m_session->client()->transport()->setRetryPolicy(policy);
    m_env = m_emulator->defaultEnvironmentName();
    QVERIFY(!m_env.isEmpty());
}

QString TestBulkEngine::newFlow(const QString &title)
{
    return test::createFlow(*m_session, m_env, title);
}

QStringList TestBulkEngine::startRuns(const QString &flow, int count)
{
    return test::startRuns(*m_emulator, m_env, flow, count);
}

QHash<QString, int> TestBulkEngine::resubmitsPerOrigin(const QString &flow)
{
    return test::resubmitsPerOrigin(*m_session, m_env, flow);
}

QList<BulkItem> TestBulkEngine::items(BulkAction action, const QString &flow, const QStringList &runs)
{
    return test::bulkItems(action, m_env, flow, runs);
}

bool TestBulkEngine::runToEnd(BulkEngine &engine, int timeoutMs)
{
    QSignalSpy finished(&engine, &BulkEngine::finished);
    engine.start();
    return finished.wait(timeoutMs) || finished.size() > 0;
}

void TestBulkEngine::resubmitStormLosesNothingAndDuplicatesNothing()
{
    const QString flow = newFlow(u"Bulk storm"_s);
    QVERIFY(!flow.isEmpty());
    const QStringList runs = startRuns(flow, 1000);
    QTemporaryDir dir;
    Journal journal;
    QVERIFY(journal.open(dir.filePath(u"journal.sqlite"_s)));

    emu::Faults faults;
    faults.throttleRate = 0.10;
    faults.dropRate = 0.02;
    m_emulator->setFaults(faults);
    BulkEngine engine(m_session->client(), &journal, u"Resubmit 1000"_s,
                      items(BulkAction::ResubmitRun, flow, runs));
    const bool ended = runToEnd(engine, 240000);
    m_emulator->setFaults({});
    QVERIFY(ended);

    const ItemCounts counts = engine.counts();
    qInfo("storm: %d succeeded, %d failed (reported), %d skipped in %lld ms; window now %d", counts.succeeded,
          counts.failed, counts.skipped, engine.elapsedMs(), engine.limiter().window());
    QCOMPARE(counts.done(), 1000);
    // The running counts agree with the items themselves.
    int succeeded = 0, failed = 0;
    for (const BulkItem &item : engine.items()) {
        succeeded += item.state == ItemState::Succeeded ? 1 : 0;
        failed += item.state == ItemState::Failed ? 1 : 0;
    }
    QCOMPARE(counts.succeeded, succeeded);
    QCOMPARE(counts.failed, failed);
    QCOMPARE(counts.pending + counts.inFlight + counts.unknown, 0);
    QHash<QString, int> perOrigin = resubmitsPerOrigin(flow);
    for (const BulkItem &item : engine.items()) {
        const int made = perOrigin.value(item.run);
        if (item.state == ItemState::Succeeded)
            QVERIFY2(made == 1, qPrintable(item.run + u": "_s + QString::number(made) + u" runs"_s));
        else
            QVERIFY2(made == 0 && !item.message.isEmpty(), qPrintable(item.run + u": "_s + item.message));
    }
    // Whatever was reported as not processed goes through on a retry, still exactly once.
    if (counts.failed > 0) {
        QSignalSpy finished(&engine, &BulkEngine::finished);
        engine.retryFailed();
        QVERIFY(finished.wait(60000));
        perOrigin = resubmitsPerOrigin(flow);
    }
    QCOMPARE(engine.counts().succeeded, 1000);
    for (const QString &run : runs)
        QCOMPARE(perOrigin.value(run), 1);
    // The journal agrees with the engine.
    const auto record = journal.operation(engine.operationId());
    QVERIFY(record);
    QCOMPARE(record->state, OperationState::Finished);
    QCOMPARE(record->counts.succeeded, 1000);
}

void TestBulkEngine::cancelsSkipFinishedRuns()
{
    const QString flow = newFlow(u"Bulk cancel"_s);
    const QStringList running = startRuns(flow, 40);
    const QStringList finished = startRuns(flow, 5);
    for (const QString &run : finished) {
        auto done = await<Done>([&](auto cb) { m_session->client()->cancelRun(m_env, flow, run, this, cb); });
        QVERIFY(done && done->ok());
    }
    BulkEngine engine(m_session->client(), nullptr, u"Cancel"_s,
                      items(BulkAction::CancelRun, flow, QStringList(running) + finished));
    QVERIFY(runToEnd(engine, 60000));
    QCOMPARE(engine.counts().succeeded, 40);
    QCOMPARE(engine.counts().skipped, 5);
    for (const QString &run : running)
        QCOMPARE(m_emulator->runStatus(m_env, flow, run), u"Cancelled"_s);
}

void TestBulkEngine::pauseResumeAndCancel()
{
    const QString flow = newFlow(u"Bulk pause"_s);
    const QStringList runs = startRuns(flow, 300);
    emu::Faults slow;
    slow.latencyMs = 20;
    m_emulator->setFaults(slow);
    BulkEngine engine(m_session->client(), nullptr, u"Cancel slowly"_s,
                      items(BulkAction::CancelRun, flow, runs));
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(engine.counts().done() >= 20, 20000);

    engine.pause();
    QCOMPARE(engine.state(), OperationState::Paused);
    QTRY_COMPARE_WITH_TIMEOUT(engine.inFlight(), 0, 10000);
    const int pausedAt = engine.counts().done();
    QTest::qWait(300); // nothing may start while paused
    QCOMPARE(engine.counts().done(), pausedAt);

    engine.resume();
    QTRY_VERIFY_WITH_TIMEOUT(engine.counts().done() >= pausedAt + 20, 20000);

    QSignalSpy finished(&engine, &BulkEngine::finished);
    engine.cancel();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    m_emulator->setFaults({});
    const ItemCounts counts = engine.counts();
    QCOMPARE(engine.state(), OperationState::Cancelled);
    QCOMPARE(counts.inFlight, 0);
    QVERIFY(counts.pending > 0);
    QCOMPARE(counts.succeeded + counts.pending, 300);
    int cancelledOnServer = 0;
    for (const QString &run : runs)
        cancelledOnServer += m_emulator->runStatus(m_env, flow, run) == u"Cancelled"_s ? 1 : 0;
    QCOMPARE(cancelledOnServer, counts.succeeded);
}

void TestBulkEngine::killedProcessResumesWithoutRepeating()
{
    const QString flow = newFlow(u"Bulk crash"_s);
    const QStringList runs = startRuns(flow, 1000);
    QTemporaryDir dir;
    const QString journalPath = dir.filePath(u"journal.sqlite"_s);
    const QString runsFile = dir.filePath(u"runs.txt"_s);
    QFile file(runsFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(runs.join(u'\n').toUtf8());
    file.close();

    emu::Faults slow;
    slow.latencyMs = 5; // keeps requests in flight when the process dies
    m_emulator->setFaults(slow);
    const QStringList common = {m_emulator->baseUrl().toString(), m_emulator->tenantId(),
                                m_emulator->demoUserUpn(), journalPath};
    QProcess child;
    child.start(QStringLiteral(FC_BULK_CHILD),
                QStringList{u"start"_s} + common + QStringList{m_env, flow, runsFile});
    QVERIFY(child.waitForStarted());
    int done = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("progress "))
                    done = line.mid(9).toInt();
            }
            return done >= 300 || child.state() == QProcess::NotRunning;
        },
        60000));
    QVERIFY2(done >= 300 && done < 1000, qPrintable(QString::number(done)));
    child.kill(); // SIGKILL: no chance to tidy up
    QVERIFY(child.waitForFinished());

    {
        Journal journal;
        QVERIFY(journal.open(journalPath));
        const auto open = journal.operations(true);
        QCOMPARE(open.size(), 1);
        QVERIFY(open[0].counts.done() >= 300);
        QVERIFY(open[0].counts.done() < 1000);
    }

    QProcess resumed;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FC_VERIFY_SETTLE_MS"_s, u"200"_s);
    resumed.setProcessEnvironment(env);
    resumed.start(QStringLiteral(FC_BULK_CHILD), QStringList{u"resume"_s} + common);
    QVERIFY(resumed.waitForStarted());
    QVERIFY(resumed.waitForFinished(120000));
    m_emulator->setFaults({});
    const QList<QByteArray> lines = resumed.readAllStandardOutput().split('\n');
    QByteArray last;
    for (const QByteArray &line : lines) {
        if (line.startsWith("finished"))
            last = line;
    }
    QCOMPARE(last, QByteArray("finished 1000 0"));

    const QHash<QString, int> perOrigin = resubmitsPerOrigin(flow);
    QCOMPARE(perOrigin.size(), runs.size());
    for (const QString &run : runs)
        QVERIFY2(perOrigin.value(run) == 1,
                 qPrintable(run + u": "_s + QString::number(perOrigin.value(run))));
}

QTEST_GUILESS_MAIN(TestBulkEngine)
#include "tst_bulk_engine.moc"
