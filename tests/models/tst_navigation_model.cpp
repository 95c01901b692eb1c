// NavigationModel against the in-process emulator over real HTTP, under a
// QAbstractItemModelTester that lives as long as the model: loading, paging, refresh, edits.

#include "EmulatorSession.h"
#include "NavigationModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestNavigationModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void loadsEnvironments();
    void pagesFlowsLazily();
    void refreshReloadsFlows();
    void upsertAndRemove();
    void reloadResets();
    void sortableAsTable();
    void ownersShownByName();

private:
    QString loadTestEnvironment() const;

    std::unique_ptr<test::EmulatorSession> m_emu;
    std::unique_ptr<NavigationModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestNavigationModel::initTestCase()
{
    // large:N adds an environment of 120 flows: three pages of 50.
    m_emu = test::startEmulatorSession(u"large:10"_s);
    QVERIFY(m_emu);
}

void TestNavigationModel::cleanupTestCase()
{
    m_emu.reset();
}

void TestNavigationModel::init()
{
    m_model = std::make_unique<NavigationModel>(m_emu->session->client());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(m_model.get(), &NavigationModel::environmentsLoaded);
    m_model->reload();
    QVERIFY(loaded.wait(20000));
}

void TestNavigationModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QString TestNavigationModel::loadTestEnvironment() const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Environment *env = m_model->environmentAt(m_model->index(row, 0));
        if (m_emu->emulator->flowNames(env->name).size() == 120)
            return env->name;
    }
    return {};
}

void TestNavigationModel::loadsEnvironments()
{
    const QStringList expected = m_emu->emulator->environmentNames();
    QCOMPARE(m_model->rowCount(), expected.size());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        QVERIFY(!NavigationModel::isFlow(index));
        QVERIFY(expected.contains(index.data(NavigationModel::EnvironmentNameRole).toString()));
        QVERIFY(!index.data().toString().isEmpty());
        // Before (or while) its flows load, an environment shows an expander.
        QVERIFY(m_model->hasChildren(index));
    }
    QVERIFY(!m_model->canFetchMore({}));
}

// The model tester itself walks the tree and fetches more as rows arrive, so this test does not
// assume who asked for a page: it checks that pages of at most 50 arrive one insert each, that
// canFetchMore is false while one is in flight, and that all 120 flows end up listed once.
void TestNavigationModel::pagesFlowsLazily()
{
    const QString env = loadTestEnvironment();
    QVERIFY(!env.isEmpty());
    const QModelIndex envIndex = m_model->environmentIndex(env);
    QList<int> insertSizes;
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &parent, int first, int last) {
                if (parent == envIndex)
                    insertSizes.append(last - first + 1);
            });
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (m_model->isLoadingFlows(env))
                return !m_model->canFetchMore(envIndex) && false;
            if (m_model->canFetchMore(envIndex)) {
                m_model->fetchMore(envIndex);
                return false;
            }
            return m_model->flowsComplete(env);
        },
        30000));
    QCOMPARE(m_model->rowCount(envIndex), 120);
    QCOMPARE(insertSizes, (QList<int>{50, 50, 20}));
    QVERIFY(!m_model->canFetchMore(envIndex));

    // Every flow is there once, with its state icon and its environment.
    QSet<QString> names;
    for (int row = 0; row < 120; ++row) {
        const QModelIndex flow = m_model->index(row, 0, envIndex);
        QVERIFY(NavigationModel::isFlow(flow));
        QCOMPARE(flow.parent(), envIndex);
        QCOMPARE(flow.data(NavigationModel::EnvironmentNameRole).toString(), env);
        QVERIFY(!flow.data(Qt::DecorationRole).value<QIcon>().isNull());
        names.insert(flow.data(NavigationModel::FlowNameRole).toString());
    }
    const QStringList expected = m_emu->emulator->flowNames(env);
    QCOMPARE(names, QSet<QString>(expected.begin(), expected.end()));
}

void TestNavigationModel::refreshReloadsFlows()
{
    const QString env = loadTestEnvironment();
    const QModelIndex envIndex = m_model->environmentIndex(env);
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (m_model->canFetchMore(envIndex))
                m_model->fetchMore(envIndex);
            return m_model->rowCount(envIndex) >= 50 && !m_model->isLoadingFlows(env);
        },
        20000));

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->refreshFlows(env);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(envIndex), 0);
    QVERIFY(m_model->isLoadingFlows(env));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount(envIndex) >= 50, 20000);
}

void TestNavigationModel::upsertAndRemove()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    const QModelIndex envIndex = m_model->environmentIndex(env);
    QSignalSpy page(m_model.get(), &NavigationModel::flowsPageLoaded);
    m_model->fetchMore(envIndex);
    QVERIFY(page.wait(20000));
    const int count = m_model->rowCount(envIndex);
    QVERIFY(count > 0);

    Flow flow = *m_model->flowAt(m_model->index(0, 0, envIndex));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    flow.displayName = u"Changed here"_s;
    m_model->upsertFlow(flow);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(0, 0, envIndex).data().toString(), u"Changed here"_s);
    QCOMPARE(m_model->rowCount(envIndex), count);

    m_model->setFlowState(env, flow.name, FlowState::Stopped);
    QCOMPARE(m_model->index(0, NavigationModel::StateColumn, envIndex).data().toString(),
             NavigationModel::stateText(FlowState::Stopped));

    Flow created = flow;
    created.name = u"00000000-1111-2222-3333-444444444444"_s;
    m_model->upsertFlow(created);
    QCOMPARE(m_model->rowCount(envIndex), count + 1);
    QVERIFY(m_model->flowIndex(env, created.name).isValid());
    m_model->removeFlow(env, created.name);
    QCOMPARE(m_model->rowCount(envIndex), count);
    QVERIFY(!m_model->flowIndex(env, created.name).isValid());
}

void TestNavigationModel::reloadResets()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    QSignalSpy page(m_model.get(), &NavigationModel::flowsPageLoaded);
    m_model->fetchMore(m_model->environmentIndex(env));
    QVERIFY(page.wait(20000));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy loaded(m_model.get(), &NavigationModel::environmentsLoaded);
    m_model->reload();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_model->rowCount(), m_emu->emulator->environmentNames().size());
    QCOMPARE(m_model->rowCount(m_model->environmentIndex(env)), 0);
}

void TestNavigationModel::sortableAsTable()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    QSignalSpy page(m_model.get(), &NavigationModel::flowsPageLoaded);
    m_model->fetchMore(m_model->environmentIndex(env));
    QVERIFY(page.wait(20000));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSortRole(NavigationModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(NavigationModel::ModifiedColumn, Qt::DescendingOrder);
    const QModelIndex root = proxy.mapFromSource(m_model->environmentIndex(env));
    QVERIFY(proxy.rowCount(root) > 1);
    for (int row = 1; row < proxy.rowCount(root); ++row) {
        QVERIFY(proxy.index(row - 1, NavigationModel::ModifiedColumn, root)
                    .data(NavigationModel::SortRole)
                    .toLongLong() >= proxy.index(row, NavigationModel::ModifiedColumn, root)
                                         .data(NavigationModel::SortRole)
                                         .toLongLong());
    }
}

// The API names a flow's creator by object id; the model shows the directory's name once known.
void TestNavigationModel::ownersShownByName()
{
    const QString env = m_emu->emulator->defaultEnvironmentName();
    const QModelIndex envIndex = m_model->environmentIndex(env);
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (m_model->canFetchMore(envIndex))
                m_model->fetchMore(envIndex);
            return m_model->flowsComplete(env);
        },
        20000));
    QVERIFY(m_model->rowCount(envIndex) > 0);
    const QString adele = m_emu->emulator->userId(m_emu->emulator->demoUserUpn());
    QModelIndex owned;
    for (int row = 0; row < m_model->rowCount(envIndex) && !owned.isValid(); ++row) {
        const QModelIndex cell = m_model->index(row, NavigationModel::OwnerColumn, envIndex);
        const QJsonObject creator =
            m_emu->emulator
                ->flowJson(env, cell.siblingAtColumn(0).data(NavigationModel::FlowNameRole).toString())
                .value_or(QJsonObject())
                .value(u"properties"_s)
                .toObject()
                .value(u"creator"_s)
                .toObject();
        if (creator.value(u"objectId"_s).toString() == adele)
            owned = cell;
    }
    QVERIFY2(owned.isValid(), "a demo flow created by the demo user");
    (void)owned.data(); // asks the directory
    QTRY_COMPARE_WITH_TIMEOUT(owned.data().toString(), u"Adele Vance"_s, 10000);
}

QTEST_MAIN(TestNavigationModel)
#include "tst_navigation_model.moc"
