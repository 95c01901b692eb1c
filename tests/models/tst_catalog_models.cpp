// The connection and connector tables against the in-process emulator, each under a
// QAbstractItemModelTester that lives as long as the model: first page, paging state, refresh,
// change of environment.

#include "ConnectionListModel.h"
#include "ConnectorListModel.h"
#include "EmulatorSession.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestCatalogModels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_emu = test::startEmulatorSession(u"demo"_s);
        QVERIFY(m_emu);
    }
    void cleanupTestCase() { m_emu.reset(); }
    void connections();
    void connectors();

private:
    template <typename Model>
    void exercise(Model &model, int keyColumn);

    std::unique_ptr<test::EmulatorSession> m_emu;
};

template <typename Model>
void TestCatalogModels::exercise(Model &model, int keyColumn)
{
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));

    const QString env = m_emu->emulator->defaultEnvironmentName();
    QSignalSpy page(&model, &PagedModelBase::pageLoaded);
    model.setEnvironment(env);
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({})); // not while a page is in flight
    QVERIFY(page.wait(20000));
    QVERIFY(model.isLoaded());
    const int rows = model.rowCount();
    QVERIFY(rows > 0);
    for (int row = 0; row < rows; ++row) {
        QVERIFY(!model.index(row, keyColumn).data().toString().isEmpty());
        QVERIFY(!model.index(row, 0).data(PagedModelBase::KeyRole).toString().isEmpty());
    }
    // Everything fits in one page here; the cursor is exhausted.
    QVERIFY(!model.canFetchMore({}));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(page.wait(20000));
    QCOMPARE(model.rowCount(), rows);

    // Another environment replaces the rows.
    const QStringList envs = m_emu->emulator->environmentNames();
    QVERIFY(envs.size() > 1);
    model.setEnvironment(envs.last());
    QVERIFY(page.wait(20000));
    QCOMPARE(model.environment(), envs.last());
}

void TestCatalogModels::connections()
{
    ConnectionListModel model(m_emu->session->client());
    QCOMPARE(model.columnCount(), int(ConnectionListModel::ColumnCount));
    exercise(model, ConnectionListModel::ConnectorColumn);
}

void TestCatalogModels::connectors()
{
    ConnectorListModel model(m_emu->session->client());
    exercise(model, ConnectorListModel::NameColumn);
    bool anyCustom = false;
    // After exercise the model shows the last environment; look at the default one's catalog.
    QSignalSpy page(&model, &PagedModelBase::pageLoaded);
    model.setEnvironment(m_emu->emulator->defaultEnvironmentName());
    QVERIFY(page.wait(20000));
    for (int row = 0; row < model.rowCount(); ++row)
        anyCustom =
            anyCustom ||
            model.index(row, ConnectorListModel::CustomColumn).data(PagedModelBase::SortRole).toBool();
    QVERIFY(!model.index(0, ConnectorListModel::TierColumn).data().toString().isEmpty());
    Q_UNUSED(anyCustom); // the demo seed may or may not hold a custom connector
}

QTEST_GUILESS_MAIN(TestCatalogModels)
#include "tst_catalog_models.moc"
