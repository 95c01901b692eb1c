// OperationsModel under QAbstractItemModelTester, fed by an OperationManager whose engines talk
// to the in-process emulator: operations inserted, item updates folded, tracked engines that go
// away, finished ones cleared, and unfinished ones read back from a journal and discarded.

#include "EmulatorSession.h"
#include "OperationsModel.h"
#include "ops/BulkEngine.h"
#include "ops/Journal.h"
#include "ops/OperationManager.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestOperationsModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void operationRowsAndItems();
    void trackedEngineGoesAway();
    void unfinishedReadBackAndDiscarded();

private:
    QList<BulkItem> cancelItems(int count);
    ApiClient *client() const { return m_s->session->client(); }

    QTemporaryDir m_dir;
    std::unique_ptr<test::EmulatorSession> m_s;
    std::unique_ptr<OperationManager> m_manager;
    std::unique_ptr<OperationsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester; // lives exactly as long as the model
    QString m_env;
    QString m_flow;
};

void TestOperationsModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_s = test::startEmulatorSession(u"demo"_s);
    QVERIFY(m_s);
    m_env = m_s->emulator->defaultEnvironmentName();
    m_flow = m_s->emulator->firstOwnedFlow(m_s->emulator->demoUserUpn(), m_env);
    QVERIFY(!m_flow.isEmpty());
    m_manager = std::make_unique<OperationManager>(client());
    QVERIFY(m_manager->openJournal(m_dir.filePath(u"journal.sqlite"_s)));
    m_model = std::make_unique<OperationsModel>(m_manager.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestOperationsModel::cleanupTestCase()
{
    m_tester.reset();
    m_model.reset();
    m_manager.reset();
    m_s.reset();
}

QList<BulkItem> TestOperationsModel::cancelItems(int count)
{
    QList<BulkItem> items;
    for (int i = 0; i < count; ++i) {
        BulkItem item;
        item.action = BulkAction::CancelRun;
        item.env = m_env;
        item.flow = m_flow;
        item.run = m_s->emulator->startRun(m_env, m_flow);
        item.label = u"run %1"_s.arg(i);
        items.append(item);
    }
    return items;
}

void TestOperationsModel::operationRowsAndItems()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    BulkEngine *engine = m_manager->start(u"Cancel 60 runs"_s, cancelItems(60));
    QVERIFY(engine);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex row = m_model->index(0, 0);
    QCOMPARE(m_model->operationAt(row), engine);
    QCOMPARE(m_model->rowCount(row), 60);
    QCOMPARE(row.data().toString(), u"Cancel 60 runs"_s);
    QCOMPARE(m_model->index(0, OperationsModel::ActionColumn).data().toString(),
             bulkActionDisplayName(BulkAction::CancelRun));
    QCOMPARE(m_model->index(5, OperationsModel::NameColumn, row).data().toString(), u"run 5"_s);
    QCOMPARE(m_model->operationAt(m_model->index(5, 0, row)), engine);
    QCOMPARE(OperationsModel::itemRow(m_model->index(5, 0, row)), 5);
    QCOMPARE(OperationsModel::itemRow(row), -1);

    QSignalSpy finished(engine, &BulkEngine::finished);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    QTRY_COMPARE(m_model->index(0, OperationsModel::SucceededColumn).data().toString(),
                 QLocale().toString(60));
    QCOMPARE(m_model->index(0, OperationsModel::StateColumn).data().toString(), u"Finished"_s);
    QCOMPARE(m_model->index(0, OperationsModel::ProgressColumn).data(OperationsModel::ProgressRole).toInt(),
             100);
    QVERIFY(!m_model->index(0, OperationsModel::NameColumn).data(OperationsModel::ProgressRole).isValid());
    QCOMPARE(m_model->index(59, OperationsModel::StateColumn, row).data().toString(),
             itemStateName(ItemState::Succeeded));
    // 60 items each sent and answered: far fewer than 120 announcements.
    QVERIFY2(changed.size() < 60, qPrintable(QString::number(changed.size())));

    // Cleared: gone from the model and from the journal.
    m_manager->clearFinished();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_manager->journal()->operations(false).isEmpty());
}

void TestOperationsModel::trackedEngineGoesAway()
{
    auto *engine = new BulkEngine(client(), nullptr, u"From the run grid"_s, cancelItems(3));
    m_manager->track(engine);
    m_manager->track(engine); // once only
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_manager->owns(engine)); // adopted: shown until cleared, even after the grid moves on
    QSignalSpy finished(engine, &BulkEngine::finished);
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    delete engine; // deleted anyway (a reset, a shutdown): it leaves the model
    QCOMPARE(m_model->rowCount(), 0);
}

void TestOperationsModel::unfinishedReadBackAndDiscarded()
{
    // A second manager on the same journal file plays the console after a restart.
    {
        Journal journal;
        QVERIFY(journal.open(m_dir.filePath(u"restart.sqlite"_s)));
        QList<BulkItem> items = cancelItems(4);
        QVERIFY(journal.createOperation(u"Left behind"_s, items) > 0);
    }
    OperationManager restarted(client());
    QVERIFY(restarted.openJournal(m_dir.filePath(u"restart.sqlite"_s)));
    OperationsModel model(&restarted);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy found(&restarted, &OperationManager::unfinishedFound);
    QCOMPARE(restarted.loadUnfinished(), 1);
    QCOMPARE(restarted.loadUnfinished(), 0); // once per session
    QCOMPARE(found.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 4);
    QCOMPARE(model.index(0, OperationsModel::StateColumn).data().toString(), u"Interrupted"_s);
    QCOMPARE(model.index(0, OperationsModel::PendingColumn).data().toString(), QLocale().toString(4));
    restarted.discardUnfinished();
    QTRY_COMPARE(model.rowCount(), 0);
    QVERIFY(restarted.journal()->operations(false).isEmpty());
}

QTEST_MAIN(TestOperationsModel)
#include "tst_operations_model.moc"
