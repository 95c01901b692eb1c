// Opens the demo under a real X server (xvfb-run) and saves screenshots of the main window,
// an environment page and the flow editor into the build directory.

#include "AdminFlowsModel.h"
#include "AdminFlowsPage.h"
#include "ConnectionListModel.h"
#include "ConsoleTestSupport.h"
#include "EnvironmentPage.h"
#include "FlowActions.h"
#include "FlowEditorDialog.h"
#include "FlowPage.h"
#include "InsightTab.h"
#include "MessageBar.h"
#include "RunsModel.h"
#include "RunsTab.h"
#include "Theme.h"
#include "Translations.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestScreenshot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QSettings().clear();
        installTranslations(QLocale(QLocale::English)); // as main() does: "2 flows", not "2 flow(s)"
    }

    // What a first start looks like (no profile, no --demo), and the dialogs it leads to.
    void firstStart()
    {
        const QString dir = QStringLiteral(FC_SCREENSHOT_DIR);
        Console console;
        console.window()->resize(1280, 800);
        console.window()->show();
        console.start(false, {});
        QVERIFY(QTest::qWaitForWindowExposed(console.window()));
        QVERIFY(console.window()->grab().save(dir + u"/screenshot-welcome.png"_s));
        console.showProfiles();
        QWidget *profiles = nullptr;
        QTRY_VERIFY((profiles = console.window()->findChild<QDialog *>(u"profilesDialog"_s)));
        QVERIFY(QTest::qWaitForWindowExposed(profiles));
        QVERIFY(profiles->grab().save(dir + u"/screenshot-profiles.png"_s));
        profiles->close();
    }

    void screenshots()
    {
        auto console = test::openDemoConsole();
        QVERIFY(console);
        MainWindow *window = console->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        NavigationModel *model = window->navigation();
        const QString env = test::defaultEnvironment(model);
        QVERIFY(test::waitForFlows(model, env));
        const QString dir = QStringLiteral(FC_SCREENSHOT_DIR);

        // The environment page, with its flow table.
        auto *pages = window->findChild<QStackedWidget *>(u"pages"_s);
        QTRY_COMPARE(pages->currentWidget()->objectName(), u"environmentPage"_s);
        QTest::qWait(0);
        QVERIFY(window->grab().save(dir + u"/screenshot-environment.png"_s));
        // The default environment's connections: connector names, the one in Error explained, Used by.
        window->tree()->setCurrentIndex(static_cast<QSortFilterProxyModel *>(window->tree()->model())
                                            ->mapFromSource(model->environmentIndex(env)));
        auto *envPage = window->findChild<EnvironmentPage *>();
        auto *envTabs = envPage->findChild<QTabWidget *>(u"environmentTabs"_s);
        QStringList loadErrors;
        QObject::connect(envPage->connectionModel(), &PagedModelBase::loadFailed, envPage,
                         [&loadErrors](const ApiError &e) { loadErrors << e.toString(); });
        envTabs->setCurrentIndex(1);
        QTRY_VERIFY2(envPage->connectionModel()->rowCount() > 0,
                     qPrintable(envTabs->tabText(1) + u" env="_s + envPage->connectionModel()->environment() +
                                u" page="_s + envPage->environmentName() + u" want="_s + env +
                                loadErrors.join(u' ')));
        QTableView *connections = envPage->connectionTable();
        for (int row = 0; row < connections->model()->rowCount(); ++row) {
            if (connections->model()->index(row, ConnectionListModel::StatusColumn).data().toString() ==
                u"Error"_s)
                connections->setCurrentIndex(connections->model()->index(row, 0));
        }
        QTest::qWait(300);
        QVERIFY(window->grab().save(dir + u"/screenshot-connections.png"_s));
        envTabs->setCurrentIndex(0);

        // A flow page: select the first flow that is on, Details tab.
        QModelIndex flowIndex;
        const QModelIndex envIndex = model->environmentIndex(env);
        for (int row = 0; row < model->rowCount(envIndex); ++row) {
            const QModelIndex idx = model->index(row, 0, envIndex);
            if (model->flowAt(idx)->state == FlowState::Started) {
                flowIndex = idx;
                break;
            }
        }
        if (!flowIndex.isValid())
            flowIndex = model->index(0, 0, envIndex);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(window->tree()->model());
        window->tree()->setCurrentIndex(proxy->mapFromSource(flowIndex));
        QTRY_COMPARE(pages->currentWidget()->objectName(), u"flowPage"_s);
        auto *flowPage = window->findChild<FlowPage *>();
        QTRY_VERIFY(!flowPage->flow().definition.isEmpty());
        QTest::qWait(0);
        QVERIFY(window->grab().save(dir + u"/screenshot.png"_s));
        flowPage->tabs()->setCurrentIndex(1);
        QVERIFY(window->grab().save(dir + u"/screenshot-definition.png"_s));

        // The editor on that flow.
        window->actions()->edit()->trigger();
        FlowEditorDialog *editor = nullptr;
        QTRY_VERIFY((editor = window->findChild<FlowEditorDialog *>()));
        QTRY_VERIFY(editor->findChild<QWidget *>(u"saveButton"_s)->isEnabled());
        QVERIFY(editor->grab().save(dir + u"/screenshot-editor.png"_s));
        editor->reject();

        // View → Theme → Dark: applied at once, remembered, and the definition follows.
        const QPalette before = QApplication::palette();
        QAction *dark = window->findChild<QAction *>(u"themeAction%1"_s.arg(int(theme::Mode::Dark)));
        QVERIFY(dark);
        dark->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Base).lightness() < 80);
        QTRY_VERIFY(window->palette().color(QPalette::Window).lightness() < 80);
        QCOMPARE(QSettings().value("appearance/theme"_L1).toString(), u"dark"_s);
        QTest::qWait(0);
        QVERIFY(window->grab().save(dir + u"/screenshot-dark-definition.png"_s));
        flowPage->tabs()->setCurrentIndex(2);
        RunsModel *runs = flowPage->runsTab()->model();
        QTRY_VERIFY_WITH_TIMEOUT(runs->isLoaded() && !runs->isLoading(), 20000);
        QTest::qWait(0);
        QVERIFY(window->grab().save(dir + u"/screenshot-dark-runs.png"_s));
        // A long warning in the message bar, readable in the dark theme too.
        window->showWarning(
            tr("The system keychain could not be used: the Secret Service is not running. You stay "
               "signed in until FlowConsole closes, but will have to sign in again next time."));
        QTest::qWait(0);
        QVERIFY(window->grab().save(dir + u"/screenshot-dark-message.png"_s));
        window->messageBar()->hide();
        window->findChild<QAction *>(u"themeAction%1"_s.arg(int(theme::Mode::System)))->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Base), before.color(QPalette::Base));
        QCOMPARE(QSettings().value("appearance/theme"_L1).toString(), u"system"_s);
    }

    // A flow's Insight tab (issue 13): the demo flow with the most failed runs, every run loaded; and the
    // same in the dark theme.
    void insight()
    {
        auto console = test::openDemoConsole();
        QVERIFY(console);
        MainWindow *window = console->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        NavigationModel *model = window->navigation();
        const QString env = test::defaultEnvironment(model);
        QVERIFY(test::waitForFlows(model, env));
        QModelIndex flowIndex;
        int most = 0;
        const QModelIndex envIndex = model->environmentIndex(env);
        for (int row = 0; row < model->rowCount(envIndex); ++row) {
            const QModelIndex idx = model->index(row, 0, envIndex);
            const QString flow = model->flowAt(idx)->name;
            int n = 0; // failed runs: the failure codes have something to show
            for (const QString &run : console->emulator()->runNames(env, flow))
                n += console->emulator()->runStatus(env, flow, run) == "Failed"_L1 ? 1 : 0;
            if (n > most) {
                most = n;
                flowIndex = idx;
            }
        }
        QVERIFY(flowIndex.isValid());
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(window->tree()->model());
        window->tree()->setCurrentIndex(proxy->mapFromSource(flowIndex));
        auto *flowPage = window->findChild<FlowPage *>();
        QTRY_VERIFY(flowPage && flowPage->isVisible());
        QTRY_VERIFY(!flowPage->flow().definition.isEmpty());
        flowPage->tabs()->setCurrentWidget(flowPage->insightTab());
        RunsModel *runs = flowPage->runsTab()->model();
        QTRY_VERIFY_WITH_TIMEOUT(runs->isLoaded() && !runs->isLoading(), 20000);
        flowPage->runsTab()->loadAll();
        QTRY_VERIFY_WITH_TIMEOUT(runs->isComplete() && !runs->isLoadingAll(), 60000);
        QTRY_VERIFY(flowPage->insightTab()->isUpToDate());
        flowPage->insightTab()->refresh(); // the axes laid out for the window's final size
        QTest::qWait(0);
        const QString dir = QStringLiteral(FC_SCREENSHOT_DIR);
        QVERIFY(window->grab().save(dir + u"/screenshot-insight.png"_s));
        window->findChild<QAction *>(u"themeAction%1"_s.arg(int(theme::Mode::Dark)))->trigger();
        QTRY_VERIFY(window->palette().color(QPalette::Window).lightness() < 80);
        flowPage->insightTab()->refresh();
        QTest::qWait(0);
        QVERIFY(window->grab().save(dir + u"/screenshot-dark-insight.png"_s));
        window->findChild<QAction *>(u"themeAction%1"_s.arg(int(theme::Mode::System)))->trigger();
    }

    // The administrator's view of the default environment with "Orphaned only" on.
    void administrator()
    {
        auto console = test::openDemoConsole(true);
        QVERIFY(console);
        MainWindow *window = console->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        NavigationModel *model = window->navigation();
        QTRY_VERIFY_WITH_TIMEOUT(model->hasAdminEntries(), 20000);
        const QString env = test::defaultEnvironment(model);
        QVERIFY(test::waitForFlows(model, env));
        const QModelIndex all = model->adminIndex(env, NavigationModel::NodeKind::AdminFlows);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(window->tree()->model());
        window->tree()->expand(proxy->mapFromSource(model->environmentIndex(env)));
        window->tree()->setCurrentIndex(proxy->mapFromSource(all));
        AdminFlowsPage *page = window->adminFlowsPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0 && !page->model()->isBusy(), 30000);
        page->orphanedOnly()->setChecked(true);
        QVERIFY(page->table()->model()->rowCount() > 0);
        page->table()->selectRow(0);
        QTest::qWait(0);
        QVERIFY(window->grab().save(QStringLiteral(FC_SCREENSHOT_DIR) + u"/screenshot-admin-orphaned.png"_s));
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
