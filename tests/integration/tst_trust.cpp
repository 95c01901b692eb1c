// Exactly once, attacked: two processes on one journal, a journal that cannot grow, Cancel in
// the middle, and a process that ends with requests in flight. Every test counts, on the
// emulator, the new runs each source run got (properties.trigger.originHistoryName): a
// duplicate is a source run with two.

#include "BulkTestSupport.h"
#include "EmulatorSession.h"

#include "ops/BulkEngine.h"
#include "ops/Journal.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;
using namespace fc;
using fc::test::await;

class TestTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void secondProcessCannotRunAnOwnedOperation();
    void journalThatCannotGrowStopsBeforeSending();
    void cancelStartsNothingMore();
    void inFlightAtQuitAreUnknownAndChecked();

private:
    QStringList startRuns(const QString &flow, int count);
    QHash<QString, int> resubmitsPerOrigin(const QString &flow);
    QList<BulkItem> resubmits(const QString &flow, const QStringList &runs);
    QStringList childArgs(const QString &journalPath) const;
    QProcess *startChild(const QStringList &args, qint64 settleMs = -1, const QString &shellPrefix = {});
    static QByteArray lastLine(QProcess &process, const QByteArray &prefix);
    // Items per state as the journal holds them now.
    static QHash<ItemState, int> journalStates(const QString &path);

    std::unique_ptr<emu::Emulator> m_emulator;
    std::unique_ptr<Session> m_session;
    QString m_env;
    QTemporaryDir m_dir;
};

void TestTrust::initTestCase()
{
    emu::EmulatorOptions options;
    options.seed = u"empty"_s;
    options.runDurationMs = 10 * 60 * 1000;
    auto started = test::startEmulatorSession(options);
    QVERIFY(started);
    m_emulator = std::move(started->emulator); // declared first: outlives the session
    m_session = std::move(started->session);
    m_env = m_emulator->defaultEnvironmentName();
    QVERIFY(m_dir.isValid());
}

void TestTrust::init()
{
    m_emulator->setFaults({});
}

QStringList TestTrust::startRuns(const QString &flow, int count)
{
    return test::startRuns(*m_emulator, m_env, flow, count);
}

QHash<QString, int> TestTrust::resubmitsPerOrigin(const QString &flow)
{
    return test::resubmitsPerOrigin(*m_session, m_env, flow);
}

QList<BulkItem> TestTrust::resubmits(const QString &flow, const QStringList &runs)
{
    return test::bulkItems(BulkAction::ResubmitRun, m_env, flow, runs);
}

QStringList TestTrust::childArgs(const QString &journalPath) const
{
    return {m_emulator->baseUrl().toString(), m_emulator->tenantId(), m_emulator->demoUserUpn(), journalPath};
}

QProcess *TestTrust::startChild(const QStringList &args, qint64 settleMs, const QString &shellPrefix)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (settleMs >= 0)
        env.insert(u"FC_VERIFY_SETTLE_MS"_s, QString::number(settleMs));
    process->setProcessEnvironment(env);
    if (shellPrefix.isEmpty()) {
        process->start(QStringLiteral(FC_BULK_CHILD), args);
    } else {
        // sh -c '<prefix>; exec child "$@"' child args...: the prefix (ulimit) applies to the child only.
        process->start(u"/bin/sh"_s, QStringList{u"-c"_s, shellPrefix + u"; exec \"$0\" \"$@\""_s,
                                                 QStringLiteral(FC_BULK_CHILD)} +
                                         args);
    }
    return process;
}

QByteArray TestTrust::lastLine(QProcess &process, const QByteArray &prefix)
{
    QByteArray last;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (line.startsWith(prefix))
            last = line;
    }
    return last;
}

QHash<ItemState, int> TestTrust::journalStates(const QString &path)
{
    QHash<ItemState, int> states;
    Journal journal;
    if (!journal.open(path))
        return states;
    for (const OperationRecord &op : journal.operations(false)) {
        for (const BulkItem &item : journal.items(op.id))
            ++states[item.state];
    }
    return states;
}

// Finding 1: a second process (another window, a second start) resuming an operation that a
// live process runs sent 18 of 60 resubmits twice. Now it is refused; once the owner dies, a
// third process takes the operation over and completes it, every run resubmitted once.
void TestTrust::secondProcessCannotRunAnOwnedOperation()
{
    const QString flow = test::createFlow(*m_session, m_env, u"Two windows"_s);
    QVERIFY(!flow.isEmpty());
    const QStringList runs = startRuns(flow, 300);
    const QString journalPath = m_dir.filePath(u"two-processes.sqlite"_s);
    {
        // An unfinished operation, as a crash leaves one: every process is offered it.
        Journal journal;
        QVERIFY(journal.open(journalPath));
        QList<BulkItem> items = resubmits(flow, runs);
        QVERIFY(journal.createOperation(u"Resubmit 300 runs"_s, items) > 0);
    }
    emu::Faults slow;
    slow.latencyMs = 60; // 300 resubmits take seconds: the owner is alive while the others try
    m_emulator->setFaults(slow);

    std::unique_ptr<QProcess> first(startChild(QStringList{u"resume"_s} + childArgs(journalPath), 200));
    QVERIFY(first->waitForStarted());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QByteArray out = first->peek(1 << 20);
            return out.contains("progress 10\n") || first->state() == QProcess::NotRunning;
        },
        30000));
    QCOMPARE(first->state(), QProcess::Running);

    std::unique_ptr<QProcess> second(startChild(QStringList{u"resume"_s} + childArgs(journalPath), 200));
    QVERIFY(second->waitForFinished(30000));
    QCOMPARE(second->exitCode(), 9);
    const QByteArray refused = lastLine(*second, "held-elsewhere");
    QVERIFY2(refused.contains("another FlowConsole window"), refused.constData());
    QCOMPARE(first->state(), QProcess::Running);

    first->kill(); // SIGKILL: its lock is released by the kernel, its in-flight items stay InFlight
    QVERIFY(first->waitForFinished());
    const QHash<ItemState, int> afterKill = journalStates(journalPath);
    QVERIFY(afterKill.value(ItemState::Succeeded) >= 10);
    QVERIFY(afterKill.value(ItemState::Pending) > 0);

    std::unique_ptr<QProcess> third(startChild(QStringList{u"resume"_s} + childArgs(journalPath), 200));
    QVERIFY(third->waitForFinished(120000));
    m_emulator->setFaults({});
    QCOMPARE(lastLine(*third, "finished"), QByteArray("finished 300 0"));

    const QHash<QString, int> perOrigin = resubmitsPerOrigin(flow);
    int duplicates = 0;
    for (const QString &run : runs)
        duplicates += std::max(0, perOrigin.value(run) - 1);
    qInfo("two processes on one journal: %d of %d resubmitted, %d duplicates", int(perOrigin.size()),
          int(runs.size()), duplicates);
    QCOMPARE(duplicates, 0);
    QCOMPARE(perOrigin.size(), runs.size());
}

// Finding 2: with a journal that cannot grow, all resubmits were sent while the journal said
// they were pending, and a later resume sent 47 duplicates. Now the first failed write stops
// the operation: every resubmit the service got is recorded in flight or done, the process says
// why, and a resume after space is freed sends the rest once.
void TestTrust::journalThatCannotGrowStopsBeforeSending()
{
    const QString flow = test::createFlow(*m_session, m_env, u"Full disk"_s);
    QVERIFY(!flow.isEmpty());
    const QStringList runs = startRuns(flow, 60);
    const QString journalPath = m_dir.filePath(u"full-disk.sqlite"_s);
    const QString runsFile = m_dir.filePath(u"full-disk-runs.txt"_s);
    QFile file(runsFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(runs.join(u'\n').toUtf8());
    file.close();

    // 192 KiB per file: the shared-memory index (32 KiB), the tables, the operation and its 60 items
    // fit; a few item updates later (4 KiB each in the write-ahead log) a write fails with EFBIG,
    // as on a full disk. The child ignores SIGXFSZ so that the write fails instead of killing it.
    std::unique_ptr<QProcess> limited(
        startChild(QStringList{u"start"_s} + childArgs(journalPath) + QStringList{m_env, flow, runsFile}, 200,
                   u"ulimit -f 192"_s));
    QVERIFY(limited->waitForFinished(60000));
    const QByteArray stopped = lastLine(*limited, "stopped");
    QVERIFY2(limited->exitCode() == 8, stopped.constData());
    QVERIFY2(stopped.contains("could not be written") && stopped.contains("nothing was sent twice"),
             stopped.constData());

    // Nothing unrecorded was sent: each resubmit the service got is InFlight or Succeeded in the journal.
    const QHash<ItemState, int> states = journalStates(journalPath);
    const int recordedSent = states.value(ItemState::InFlight) + states.value(ItemState::Succeeded);
    QHash<QString, int> perOrigin = resubmitsPerOrigin(flow);
    int sent = 0;
    for (int n : std::as_const(perOrigin))
        sent += n;
    qInfo("journal that cannot grow: %d resubmits sent, %d recorded as sent, %d pending", sent, recordedSent,
          states.value(ItemState::Pending));
    QVERIFY(sent < runs.size()); // it stopped
    QVERIFY2(sent <= recordedSent, qPrintable(u"%1 sent, %2 recorded"_s.arg(sent).arg(recordedSent)));

    // Space again: the resume checks what was in flight and sends the rest, once each.
    std::unique_ptr<QProcess> resumed(startChild(QStringList{u"resume"_s} + childArgs(journalPath), 0));
    QVERIFY(resumed->waitForFinished(60000));
    QCOMPARE(lastLine(*resumed, "finished"), QByteArray("finished 60 0"));
    perOrigin = resubmitsPerOrigin(flow);
    QCOMPARE(perOrigin.size(), runs.size());
    for (const QString &run : runs)
        QVERIFY2(perOrigin.value(run) == 1,
                 qPrintable(run + u": "_s + QString::number(perOrigin.value(run))));
}

// Finding 3b: Cancel let 10 more resubmits start after it was pressed (requests the engine had
// queued behind the transport's per-host limit). Now nothing leaves after Cancel.
void TestTrust::cancelStartsNothingMore()
{
    const QString flow = test::createFlow(*m_session, m_env, u"Cancel in the middle"_s);
    QVERIFY(!flow.isEmpty());
    const QStringList runs = startRuns(flow, 80);
    emu::Faults slow;
    slow.latencyMs = 150;
    m_emulator->setFaults(slow);
    HttpTransport *transport = m_session->client()->transport();
    BulkEngine engine(m_session->client(), nullptr, u"Resubmit 80 runs"_s, resubmits(flow, runs));
    // The engine starts more than the transport sends at once: the rest waits in its queue.
    transport->setMaxConcurrentPerHost(2);
    QSignalSpy finished(&engine, &BulkEngine::finished);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(engine.counts().succeeded >= 4 && engine.inFlight() > 2, 20000);
    const quint64 sentAtCancel = transport->requestsSent();
    engine.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    m_emulator->setFaults({});
    transport->setMaxConcurrentPerHost(6);
    const quint64 sentAfterCancel = transport->requestsSent() - sentAtCancel;
    qInfo("cancel: %llu requests left after Cancel; %d succeeded, %d pending", sentAfterCancel,
          engine.counts().succeeded, engine.counts().pending);
    QCOMPARE(sentAfterCancel, quint64(0));
    QCOMPARE(engine.counts().unknown + engine.counts().failed, 0);
    const QHash<QString, int> perOrigin = resubmitsPerOrigin(flow);
    QCOMPARE(perOrigin.size(), engine.counts().succeeded);
    QCOMPARE(engine.counts().succeeded + engine.counts().pending, runs.size());
}

// Finding 3a: requests in flight when the process ended were shown as Failed after a restart, so
// "Retry failed" could send them twice. Now they are Unknown, and resuming checks them against
// the service before anything is sent again: every run resubmitted exactly once.
void TestTrust::inFlightAtQuitAreUnknownAndChecked()
{
    const QString flow = test::createFlow(*m_session, m_env, u"Quit in the middle"_s);
    QVERIFY(!flow.isEmpty());
    const QStringList runs = startRuns(flow, 30);
    const QString journalPath = m_dir.filePath(u"quit.sqlite"_s);
    emu::Faults slow;
    slow.latencyMs = 300;
    m_emulator->setFaults(slow);
    int inFlightAtQuit = 0;
    {
        Journal journal;
        QVERIFY(journal.open(journalPath));
        auto engine = std::make_unique<BulkEngine>(m_session->client(), &journal, u"Resubmit 30 runs"_s,
                                                   resubmits(flow, runs));
        engine->limiter().setMaximum(4);
        engine->start();
        QTRY_VERIFY_WITH_TIMEOUT(engine->counts().succeeded >= 4 && engine->inFlight() > 0, 20000);
        engine->pause(); // what quitting does: nothing new leaves ...
        engine.reset();  // ... and the process ends with answers still on their way
    }
    const QHash<ItemState, int> states = journalStates(journalPath);
    inFlightAtQuit = states.value(ItemState::InFlight);
    QVERIFY(inFlightAtQuit > 0);

    Journal journal;
    QVERIFY(journal.open(journalPath));
    const QList<OperationRecord> open = journal.operations(true);
    QCOMPARE(open.size(), 1);
    QVERIFY(journal.acquire(open[0].id));
    BulkEngine resumed(m_session->client(), &journal, open[0].id, open[0].title, journal.items(open[0].id));
    QCOMPARE(resumed.counts().unknown, inFlightAtQuit);
    QCOMPARE(resumed.counts().failed, 0);
    m_emulator->setFaults({});
    resumed.setVerifySettleMs(1000); // longer than the emulator's 300 ms: what was sent has landed
    QSignalSpy finished(&resumed, &BulkEngine::finished);
    resumed.resume();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QCOMPARE(resumed.counts().succeeded, runs.size());
    const QHash<QString, int> perOrigin = resubmitsPerOrigin(flow);
    QCOMPARE(perOrigin.size(), runs.size());
    for (const QString &run : runs)
        QVERIFY2(perOrigin.value(run) == 1,
                 qPrintable(run + u": "_s + QString::number(perOrigin.value(run))));
}

QTEST_GUILESS_MAIN(TestTrust)
#include "tst_trust.moc"
