#include "ops/AdaptiveLimiter.h"
#include "ops/Journal.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestBulkBasics : public QObject
{
    Q_OBJECT

private slots:
    void limiterGrowsOnSuccess();
    void limiterHalvesOncePerBurst();
    void limiterHonoursRetryAfter();
    void journalRoundTrip();
    void journalSurvivesReopen();
    void journalKeepsAccountsApart();
};

void TestBulkBasics::limiterGrowsOnSuccess()
{
    AdaptiveLimiter limiter(2, 1, 5);
    QCOMPARE(limiter.window(), 2);
    limiter.onSuccess();
    QCOMPARE(limiter.window(), 2);
    limiter.onSuccess(); // a window's worth of successes: one more slot
    QCOMPARE(limiter.window(), 3);
    for (int i = 0; i < 100; ++i)
        limiter.onSuccess();
    QCOMPARE(limiter.window(), 5); // capped
    QVERIFY(limiter.mayStart(4, 0));
    QVERIFY(!limiter.mayStart(5, 0));
}

void TestBulkBasics::limiterHalvesOncePerBurst()
{
    AdaptiveLimiter limiter(8, 1, 16);
    limiter.onThrottled(10000, -1);
    QCOMPARE(limiter.window(), 4);
    limiter.onThrottled(10200, -1); // same burst
    QCOMPARE(limiter.window(), 4);
    limiter.onThrottled(12000, -1);
    QCOMPARE(limiter.window(), 2);
    limiter.onThrottled(14000, -1);
    limiter.onThrottled(16000, -1);
    QCOMPARE(limiter.window(), 1); // never below the minimum
}

void TestBulkBasics::limiterHonoursRetryAfter()
{
    AdaptiveLimiter limiter(4, 1, 8);
    limiter.onThrottled(1000, 3000);
    QCOMPARE(limiter.blockedUntilMs(), qint64(4000));
    QVERIFY(!limiter.mayStart(0, 3999));
    QVERIFY(limiter.mayStart(0, 4000));
}

static QList<BulkItem> sampleItems()
{
    QList<BulkItem> items;
    for (int i = 0; i < 3; ++i) {
        BulkItem item;
        item.action = i == 2 ? BulkAction::AddOwner : BulkAction::ResubmitRun;
        item.env = u"env"_s;
        item.flow = u"flow é/%"_s;
        item.run = u"run"_s + QString::number(i);
        item.label = u"Daily report"_s;
        item.principalId = i == 2 ? u"g1"_s : QString();
        item.principalType = i == 2 ? PrincipalType::Group : PrincipalType::User;
        items.append(item);
    }
    return items;
}

void TestBulkBasics::journalRoundTrip()
{
    QTemporaryDir dir;
    Journal journal;
    QVERIFY(journal.open(dir.filePath(u"j.sqlite"_s)));
    QList<BulkItem> items = sampleItems();
    const qint64 id = journal.createOperation(u"Resubmit 3 runs"_s, items);
    QVERIFY2(id > 0, qPrintable(journal.lastError()));
    QCOMPARE(items[2].seq, qint64(2));

    items[0].state = ItemState::Succeeded;
    items[1].state = ItemState::InFlight;
    items[1].sentAtMs = 12345;
    items[1].attempts = 1;
    QVERIFY(journal.updateItem(id, items[0]));
    QVERIFY(journal.updateItem(id, items[1]));

    const QList<BulkItem> back = journal.items(id);
    QCOMPARE(back.size(), 3);
    QCOMPARE(back[0].state, ItemState::Succeeded);
    QCOMPARE(back[1].state, ItemState::InFlight);
    QCOMPARE(back[1].sentAtMs, qint64(12345));
    QCOMPARE(back[1].flow, u"flow é/%"_s);
    QCOMPARE(back[2].action, BulkAction::AddOwner);
    QCOMPARE(back[2].principalType, PrincipalType::Group);

    const auto record = journal.operation(id);
    QVERIFY(record);
    QCOMPARE(record->counts.total, 3);
    QCOMPARE(record->counts.succeeded, 1);
    QCOMPARE(record->counts.inFlight, 1);
    QCOMPARE(record->counts.pending, 1);
    QCOMPARE(journal.operations(true).size(), 1);
    QVERIFY(journal.setOperationState(id, OperationState::Finished));
    QCOMPARE(journal.operations(true).size(), 0);
    QVERIFY(journal.removeOperation(id));
    QVERIFY(!journal.operation(id));
}

void TestBulkBasics::journalSurvivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/folder/j.sqlite"_s);
    qint64 id = 0;
    {
        Journal journal;
        QVERIFY(journal.open(path));
        QList<BulkItem> items = sampleItems();
        id = journal.createOperation(u"op"_s, items);
        items[0].state = ItemState::Failed;
        items[0].message = u"HTTP 404 [FlowNotFound]"_s;
        QVERIFY(journal.updateItem(id, items[0]));
    }
    Journal again;
    QVERIFY(again.open(path));
    const QList<OperationRecord> open = again.operations(true);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open[0].title, u"op"_s);
    QCOMPARE(again.items(id)[0].message, u"HTTP 404 [FlowNotFound]"_s);
}

void TestBulkBasics::journalKeepsAccountsApart()
{
    QTemporaryDir dir;
    Journal journal;
    QVERIFY(journal.open(dir.filePath(u"j.sqlite"_s)));
    journal.setScope(u"Contoso/adele@contoso.com"_s);
    QList<BulkItem> items = sampleItems();
    QVERIFY(journal.createOperation(u"Adele's"_s, items) > 0);
    journal.setScope(u"Fabrikam/jamie@fabrikam.com"_s);
    QVERIFY(journal.operations(true).isEmpty());
    QVERIFY(journal.createOperation(u"Jamie's"_s, items) > 0);
    QCOMPARE(journal.operations(true).size(), 1);
    QCOMPARE(journal.operations(true)[0].title, u"Jamie's"_s);
    journal.setScope(u"Contoso/adele@contoso.com"_s);
    QCOMPARE(journal.operations(false).size(), 1);
    QCOMPARE(journal.operations(false)[0].title, u"Adele's"_s);
}

QTEST_GUILESS_MAIN(TestBulkBasics)
#include "tst_bulk_basics.moc"
