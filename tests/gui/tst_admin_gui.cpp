// The administrator's console (issue 12), offscreen against the demo: the admin rows appear only
// for an administrator, "Orphaned only" finds exactly the emulator's orphaned flows, one co-owner
// added to all of them rescues every one, and a restored flow is back with its owner.

#include "ConsoleTestSupport.h"

#include "AdminFlowsModel.h"
#include "AdminFlowsPage.h"
#include "RecycleBinModel.h"
#include "RecycleBinPage.h"
#include "ops/BulkEngine.h"

#include <QCheckBox>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {

bool hasAdminRow(NavigationModel *model)
{
    for (int e = 0; e < model->rowCount(); ++e) {
        const QModelIndex env = model->index(e, 0);
        for (int row = 0; row < model->rowCount(env); ++row) {
            if (NavigationModel::nodeKind(model->index(row, 0, env)) != NavigationModel::NodeKind::Flow)
                return true;
        }
    }
    return false;
}

void selectInTree(MainWindow *window, const QModelIndex &source)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(window->tree()->model());
    window->tree()->setCurrentIndex(proxy->mapFromSource(source));
}

} // namespace

class TestAdminGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QSettings().clear(); }

    void nonAdministratorSeesNoAdminEntry()
    {
        auto console = test::openDemoConsole(false);
        QVERIFY(console);
        ApiClient *client = console->session()->client();
        // The one probe is answered 403: no admin rows, and none later.
        QTRY_COMPARE_WITH_TIMEOUT(client->adminAccess(), ApiClient::AdminAccess::Denied, 20000);
        NavigationModel *model = console->window()->navigation();
        QVERIFY(test::waitForFlows(model, test::defaultEnvironment(model)));
        QVERIFY(!model->hasAdminEntries());
        QVERIFY(!hasAdminRow(model));
        // The environment's flow table never shows them either.
        QVERIFY(!model->adminIndex(test::defaultEnvironment(model), NavigationModel::NodeKind::AdminFlows)
                     .isValid());
    }

    void orphanedFilterThenRescueAll()
    {
        auto console = test::openDemoConsole(true);
        QVERIFY(console);
        MainWindow *window = console->window();
        emu::Emulator *emulator = console->emulator();
        ApiClient *client = console->session()->client();
        QTRY_COMPARE_WITH_TIMEOUT(client->adminAccess(), ApiClient::AdminAccess::Granted, 20000);
        NavigationModel *model = window->navigation();
        const QString env = test::defaultEnvironment(model);
        const QModelIndex all = model->adminIndex(env, NavigationModel::NodeKind::AdminFlows);
        QVERIFY(all.isValid());
        QCOMPARE(all.data().toString(), u"All flows (admin)"_s);

        selectInTree(window, all);
        auto *pages = window->findChild<QStackedWidget *>(u"pages"_s);
        QTRY_COMPARE(pages->currentWidget(), window->adminFlowsPage());
        AdminFlowsPage *page = window->adminFlowsPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0 && !page->model()->isBusy(), 30000);
        QCOMPARE(page->model()->rowCount(), emulator->flowNames(env).size());

        // Orphaned only: exactly the emulator's orphaned flows.
        page->orphanedOnly()->setChecked(true);
        QTableView *table = page->table();
        QStringList shown;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            shown << table->model()->index(row, 0).data(AdminFlowsModel::FlowNameRole).toString();
        shown.sort();
        const QStringList orphaned = emulator->orphanedFlowNames(env);
        QVERIFY(orphaned.size() >= 5);
        QCOMPARE(shown, orphaned);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(table->model()->index(row, AdminFlowsModel::OwnerCheckColumn).data().toString(),
                     u"No valid owner"_s);

        // Add one co-owner to all of them.
        page->selectAllVisible();
        QCOMPARE(page->selectedFlows().size(), orphaned.size());
        Principal megan;
        megan.id = emulator->userId(u"megan.bowen@contoso.example"_s);
        megan.displayName = u"Megan Bowen"_s;
        megan.type = PrincipalType::User;
        QVERIFY(!megan.id.isEmpty());
        BulkEngine *engine = page->addCoOwner(megan);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 30000);
        QCOMPARE(engine->counts().succeeded, orphaned.size());
        for (const QString &flow : orphaned)
            QCOMPARE(emulator->flowOwnerIds(env, flow).count(megan.id), 1);
        QVERIFY(emulator->orphanedFlowNames(env).isEmpty());
        // The page reads their owners again: none is left under "Orphaned only".
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->orphanedCount(), 0, 20000);
    }

    void restoreFromTheRecycleBin()
    {
        auto console = test::openDemoConsole(true);
        QVERIFY(console);
        MainWindow *window = console->window();
        emu::Emulator *emulator = console->emulator();
        QTRY_COMPARE_WITH_TIMEOUT(console->session()->client()->adminAccess(),
                                  ApiClient::AdminAccess::Granted, 20000);
        NavigationModel *model = window->navigation();
        const QString env = test::defaultEnvironment(model);
        const QModelIndex bin = model->adminIndex(env, NavigationModel::NodeKind::RecycleBin);
        QVERIFY(bin.isValid());
        selectInTree(window, bin);
        RecycleBinPage *page = window->recycleBinPage();
        auto *pages = window->findChild<QStackedWidget *>(u"pages"_s);
        QTRY_COMPARE(pages->currentWidget(), page);
        // In the recycle bin: deleted less than 21 days ago (the seed also has one deleted before).
        QStringList deleted;
        const qint64 cutoff =
            QDateTime::currentMSecsSinceEpoch() - qint64(RecycleBinModel::kKeepDays) * 86400000;
        for (const QString &name : emulator->softDeletedFlowNames(env)) {
            if (emulator->flowDeletion(env, name)->deletedMs >= cutoff)
                deleted << name;
        }
        QVERIFY(!deleted.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), deleted.size(), 20000);

        // A flow whose creator still has an account, so that it has someone's "My flows" to go back to.
        QHash<QString, QString> upnOf;
        for (const QString &upn : emulator->userPrincipalNames())
            upnOf.insert(emulator->userId(upn), upn);
        int pick = -1;
        for (int row = 0; row < page->table()->model()->rowCount() && pick < 0; ++row) {
            const QModelIndex source = qobject_cast<QSortFilterProxyModel *>(page->table()->model())
                                           ->mapToSource(page->table()->model()->index(row, 0));
            if (upnOf.contains(page->model()->flowAt(source.row()).creatorObjectId))
                pick = row;
        }
        QVERIFY(pick >= 0);
        page->table()->selectRow(pick);
        const QString flow =
            page->table()->model()->index(pick, 0).data(RecycleBinModel::FlowNameRole).toString();
        QVERIFY(deleted.contains(flow));
        const QString creatorUpn =
            upnOf.value(page->model()
                            ->flowAt(qobject_cast<QSortFilterProxyModel *>(page->table()->model())
                                         ->mapToSource(page->table()->model()->index(pick, 0))
                                         .row())
                            .creatorObjectId);
        QVERIFY(!emulator->flowsOwnedBy(creatorUpn, env).contains(flow));
        BulkEngine *engine = page->restoreSelected();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 20000);
        QCOMPARE(engine->counts().succeeded, 1);
        QVERIFY(!emulator->softDeletedFlowNames(env).contains(flow));
        QTRY_COMPARE(page->model()->rowCount(), deleted.size() - 1);
        // Back in its owner's "My flows".
        QVERIFY(emulator->flowsOwnedBy(creatorUpn, env).contains(flow));
    }
};

QTEST_MAIN(TestAdminGui)
#include "tst_admin_gui.moc"
