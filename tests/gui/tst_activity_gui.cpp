// Bulk operations in the console, offscreen against the in-process emulator: the sweeps'
// dry-run counts and their operations, the Activity panel's buttons, several flows through the
// engine, and an operation left unfinished in the journal, offered and resumed at start-up.

#include "ActivityPanel.h"
#include "BulkFlowActions.h"
#include "BulkTestSupport.h"
#include "ConsoleTestSupport.h"
#include "FlowActions.h"
#include "OperationNotifier.h"
#include "OperationsModel.h"
#include "RunSweepDialog.h"
#include "ops/BulkEngine.h"
#include "ops/Journal.h"
#include "ops/OperationManager.h"
#include "ops/RunCollector.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestActivityGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void unfinishedOperationIsOfferedAndResumed();
    void resubmitFailedRuns();
    void cancelAllRunningRuns();
    void pauseResumeCancelFromPanel();
    void retryFailedFromPanel();
    void severalFlowsGoThroughEngine();
    void quitWhileRunningAsks(); // last: it closes the window

private:
    MainWindow *window() const { return m_console->window(); }
    emu::Emulator *emulator() const { return m_console->emulator(); }
    NavigationModel *model() const { return window()->navigation(); }
    ActivityPanel *panel() const { return window()->activity(); }
    QSortFilterProxyModel *proxy() const
    {
        return qobject_cast<QSortFilterProxyModel *>(window()->tree()->model());
    }
    QJsonObject serverFlow(const QString &flow) const
    {
        return emulator()->flowJson(m_env, flow).value_or(QJsonObject()).value("properties"_L1).toObject();
    }
    QString ownedFlow(const QString &displayName) const;
    QStringList ownedFlowsInState(const QString &state) const;
    bool selectFlows(const QStringList &flows);
    QStringList runsWithStatus(const QString &flow, const QStringList &statuses) const;
    QPushButton *button(const QString &name) const { return panel()->findChild<QPushButton *>(name); }
    void screenshot(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Console> m_console;
    QString m_env;
    QString m_upn;
    QStringList m_resumeFlows; // flows of the journalled operation, in item order
};

void TestActivityGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings().clear();
    const QString journalPath = m_dir.filePath(u"journal.sqlite"_s);
    qputenv("FLOWCONSOLE_JOURNAL", journalPath.toUtf8());

    m_console = std::make_unique<Console>();
    QSignalSpy signedIn(m_console.get(), &Console::signedIn);
    window()->resize(1280, 860);
    window()->show();
    QVERIFY(m_console->openDemo()); // the emulator is up; the sign-in completes in the event loop
    m_env = emulator()->defaultEnvironmentName();
    m_upn = emulator()->demoUserUpn();

    // What a crash in the middle of "turn off 3 flows" leaves behind: one flow done, one sent
    // with no answer, one not sent yet.
    const QStringList started = ownedFlowsInState(u"Started"_s);
    QVERIFY(started.size() >= 6);
    m_resumeFlows = started.mid(started.size() - 3);
    {
        Journal journal;
        QVERIFY(journal.open(journalPath));
        // Operations belong to a profile and account: the demo profile, signed in as the demo user.
        journal.setScope(u"Demo/"_s + m_upn);
        QList<BulkItem> items;
        for (const QString &flow : std::as_const(m_resumeFlows)) {
            BulkItem item;
            item.action = BulkAction::TurnOffFlow;
            item.env = m_env;
            item.flow = flow;
            item.label = serverFlow(flow).value("displayName"_L1).toString();
            items.append(item);
        }
        const qint64 id = journal.createOperation(u"Turn off 3 flows"_s, items);
        QVERIFY(id > 0);
        items[0].state = ItemState::Succeeded;
        items[0].attempts = 1;
        items[1].state = ItemState::InFlight;
        items[1].attempts = 1;
        QVERIFY(journal.updateItem(id, items[0]));
        QVERIFY(journal.updateItem(id, items[1]));
    }

    QVERIFY(QTest::qWaitFor([&] { return signedIn.size() > 0; }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return model()->environmentsReady() && model()->rowCount() > 0; }, 20000));
    QVERIFY(test::waitForFlows(model(), m_env));
    window()->notifier()->setThresholdMs(0); // every operation counts as long here
}

void TestActivityGui::cleanupTestCase()
{
    m_console.reset();
    qunsetenv("FLOWCONSOLE_JOURNAL");
}

void TestActivityGui::init()
{
    emulator()->setFaults({});
}

QString TestActivityGui::ownedFlow(const QString &displayName) const
{
    for (const QString &flow : emulator()->flowsOwnedBy(m_upn, m_env)) {
        if (serverFlow(flow).value("displayName"_L1).toString() == displayName)
            return flow;
    }
    return {};
}

QStringList TestActivityGui::ownedFlowsInState(const QString &state) const
{
    QStringList flows;
    for (const QString &flow : emulator()->flowsOwnedBy(m_upn, m_env)) {
        if (serverFlow(flow).value("state"_L1).toString() == state)
            flows.append(flow);
    }
    return flows;
}

QStringList TestActivityGui::runsWithStatus(const QString &flow, const QStringList &statuses) const
{
    QStringList runs;
    for (const QString &run : emulator()->runNames(m_env, flow)) {
        if (statuses.contains(emulator()->runStatus(m_env, flow, run)))
            runs.append(run);
    }
    return runs;
}

bool TestActivityGui::selectFlows(const QStringList &flows)
{
    const bool listed = QTest::qWaitFor(
        [&] {
            bool all = true;
            for (const QString &flow : flows)
                all = all && model()->flowIndex(m_env, flow).isValid();
            const QModelIndex env = model()->environmentIndex(m_env);
            if (!all && model()->canFetchMore(env))
                model()->fetchMore(env);
            return all;
        },
        20000);
    if (!listed)
        return false;
    window()->tree()->setFocus();
    QItemSelectionModel *selection = window()->tree()->selectionModel();
    for (qsizetype i = 0; i < flows.size(); ++i) {
        const QModelIndex index = proxy()->mapFromSource(model()->flowIndex(m_env, flows[i]));
        selection->setCurrentIndex(
            index, (i == 0 ? QItemSelectionModel::ClearAndSelect : QItemSelectionModel::Select) |
                       QItemSelectionModel::Rows);
    }
    return window()->selectedFlows().size() == flows.size();
}

void TestActivityGui::screenshot(const QString &name)
{
#ifdef FC_SCREENSHOT_DIR
    QCoreApplication::processEvents();
    window()->grab().save(QString(QStringLiteral(FC_SCREENSHOT_DIR) + u'/' + name + u".png"_s));
#else
    Q_UNUSED(name);
#endif
}

void TestActivityGui::unfinishedOperationIsOfferedAndResumed()
{
    OperationManager *manager = window()->operations();
    QTRY_COMPARE(manager->unfinished().size(), 1);
    BulkEngine *engine = manager->unfinished().first();
    QVERIFY(panel()->isVisible());
    auto *bar = panel()->findChild<QWidget *>(u"resumeBar"_s);
    QVERIFY(bar && bar->isVisible());
    const QModelIndex row = panel()->model()->indexOf(engine);
    QCOMPARE(row.siblingAtColumn(OperationsModel::StateColumn).data().toString(), u"Interrupted"_s);
    QCOMPARE(panel()->model()->rowCount(row), 3);
    // Nothing was sent before the user said so.
    for (const QString &flow : std::as_const(m_resumeFlows))
        QCOMPARE(serverFlow(flow).value("state"_L1).toString(), u"Started"_s);
    screenshot(u"activity-resume"_s);

    QSignalSpy finished(engine, &BulkEngine::finished);
    panel()->findChild<QPushButton *>(u"resumeUnfinishedButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 20000);
    QCOMPARE(engine->state(), OperationState::Finished);
    QVERIFY(!bar->isVisible());
    QCOMPARE(engine->counts().succeeded, 3);
    // The item done before the "crash" was not done again; the other two were.
    QCOMPARE(engine->items().at(0).attempts, 1);
    QCOMPARE(serverFlow(m_resumeFlows[0]).value("state"_L1).toString(), u"Started"_s);
    QCOMPARE(serverFlow(m_resumeFlows[1]).value("state"_L1).toString(), u"Stopped"_s);
    QCOMPARE(serverFlow(m_resumeFlows[2]).value("state"_L1).toString(), u"Stopped"_s);
    QVERIFY(manager->journal()->operations(true).isEmpty());
}

void TestActivityGui::resubmitFailedRuns()
{
    // A flow turned off days ago: its failed runs do not change under the test.
    const QString flow = ownedFlow(u"Onboard new hire"_s);
    QVERIFY(!flow.isEmpty());
    const QStringList failed = runsWithStatus(flow, {u"Failed"_s});
    QVERIFY(!failed.isEmpty());
    const int runsBefore = emulator()->runCount(m_env, flow);
    QVERIFY(selectFlows({flow}));

    QAction *action = window()->bulkActions()->resubmitFailed();
    QVERIFY(action->isEnabled());
    action->trigger();
    RunSweepDialog *dialog = window()->bulkActions()->dialog();
    QVERIFY(dialog && dialog->isVisible());
    // It opens on the run grid's default range (28 days), not on a day that shows 0 runs.
    QCOMPARE(dialog->findChild<QComboBox *>(u"sweepRange"_s)->currentIndex(),
             int(RunSweepDialog::Last28Days));
    QSignalSpy counted(dialog, &RunSweepDialog::counted);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMetaObject::invokeMethod(
        dialog, [dialog, now] { dialog->setCustomRange(now - 60LL * 86400000, now + 3600000); },
        Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty() && !dialog->isCounting(), 20000);
    QCOMPARE(counted.last().at(0).toInt(), failed.size());
    QCOMPARE(dialog->matchingRuns(), failed.size());
    auto *counts = dialog->findChild<QTreeWidget *>(u"sweepCounts"_s);
    QCOMPARE(counts->topLevelItem(0)->text(1), QLocale().toString(failed.size()));
    auto *confirm = dialog->findChild<QPushButton *>(u"confirmSweepButton"_s);
    QVERIFY(confirm->isEnabled());
    QVERIFY(confirm->text().contains(QString::number(failed.size())));
#ifdef FC_SCREENSHOT_DIR
    dialog->grab().save(QStringLiteral(FC_SCREENSHOT_DIR "/activity-sweep-dialog.png"));
#endif

    // A preset narrows the count: nothing of a flow stopped days ago started in the last hour.
    QMetaObject::invokeMethod(
        dialog, [dialog] { dialog->setRange(RunSweepDialog::LastHour); }, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(counted.size() == 2 && !dialog->isCounting(), 20000);
    QCOMPARE(dialog->matchingRuns(), 0);
    QVERIFY(!confirm->isEnabled());
    QMetaObject::invokeMethod(
        dialog, [dialog, now] { dialog->setCustomRange(now - 60LL * 86400000, now + 3600000); },
        Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(counted.size() == 3 && !dialog->isCounting(), 20000);
    QCOMPARE(dialog->matchingRuns(), failed.size());

    OperationManager *manager = window()->operations();
    QSignalSpy added(manager, &OperationManager::operationAdded);
    QSignalSpy notified(window()->notifier(), &OperationNotifier::notified);
    QMetaObject::invokeMethod(confirm, &QPushButton::click, Qt::QueuedConnection);
    QTRY_COMPARE(added.size(), 1);
    QTRY_VERIFY(!window()->bulkActions()->dialog());
    auto *engine = added.first().at(0).value<BulkEngine *>();
    QVERIFY(engine);
    QCOMPARE(engine->items().size(), failed.size());
    QCOMPARE(panel()->currentOperation(), engine);
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 30000);
    QCOMPARE(engine->counts().succeeded, failed.size());
    const QModelIndex row = panel()->model()->indexOf(engine);
    QCOMPARE(row.siblingAtColumn(OperationsModel::StateColumn).data().toString(), u"Finished"_s);
    QTRY_COMPARE(row.siblingAtColumn(OperationsModel::SucceededColumn).data().toString(),
                 QLocale().toString(failed.size()));
    QTRY_COMPARE(notified.size(), 1);
    QTRY_VERIFY(!button(u"cancelOperationButton"_s)->isEnabled());
    QVERIFY(!button(u"resumeOperationButton"_s)->isEnabled());
    QVERIFY(button(u"clearOperationsButton"_s)->isEnabled());
    screenshot(u"activity-resubmit"_s);

    // Exactly one new run per failed run, each naming the run it came from.
    QCOMPARE(emulator()->runCount(m_env, flow), runsBefore + failed.size());
    RunCollector collector(m_console->session()->client(), {{m_env, flow, {}}}, {}, now - 60000, 0);
    QSignalSpy collected(&collector, &RunCollector::finished);
    collector.start();
    QTRY_VERIFY_WITH_TIMEOUT(!collected.isEmpty(), 20000);
    QStringList origins;
    for (const RunCollector::Found &found : collector.runs()) {
        if (!found.run.originRun.isEmpty() && found.run.originRun != found.run.name)
            origins.append(found.run.originRun);
    }
    origins.sort();
    QStringList expected = failed;
    expected.sort();
    QCOMPARE(origins, expected);
}

void TestActivityGui::cancelAllRunningRuns()
{
    // A suspended flow has no runs of its own going: only those started here are running.
    const QString flow = ownedFlow(u"Escalate failed backups"_s);
    QVERIFY(!flow.isEmpty());
    QVERIFY(runsWithStatus(flow, {u"Running"_s, u"Waiting"_s}).isEmpty());
    QStringList started;
    for (int i = 0; i < 6; ++i)
        started.append(emulator()->startRun(m_env, flow));
    QVERIFY(selectFlows({flow}));
    QAction *action = window()->bulkActions()->cancelAllRunning();
    QVERIFY(action->isEnabled());
    action->trigger();
    RunSweepDialog *dialog = window()->bulkActions()->dialog();
    QVERIFY(dialog);
    QSignalSpy counted(dialog, &RunSweepDialog::counted);
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty(), 20000);
    QCOMPARE(dialog->matchingRuns(), started.size());
    QVERIFY(dialog->findChild<QLabel *>(u"sweepStatus"_s)->text().contains(QString::number(started.size())));

    QSignalSpy added(window()->operations(), &OperationManager::operationAdded);
    auto *confirm = dialog->findChild<QPushButton *>(u"confirmSweepButton"_s);
    QMetaObject::invokeMethod(confirm, &QPushButton::click, Qt::QueuedConnection);
    QTRY_COMPARE(added.size(), 1);
    auto *engine = added.first().at(0).value<BulkEngine *>();
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 20000);
    QCOMPARE(engine->counts().succeeded, started.size());
    for (const QString &run : std::as_const(started))
        QCOMPARE(emulator()->runStatus(m_env, flow, run), u"Cancelled"_s);
}

void TestActivityGui::pauseResumeCancelFromPanel()
{
    const QString flow = ownedFlow(u"Escalate failed backups"_s);
    const QList<BulkItem> items =
        test::bulkItems(BulkAction::CancelRun, m_env, flow, test::startRuns(*emulator(), m_env, flow, 40));
    emu::Faults slow;
    slow.latencyMs = 100;
    emulator()->setFaults(slow);
    BulkEngine *engine = window()->operations()->start(u"Cancel 40 runs"_s, items);
    engine->limiter().setMaximum(2); // before it starts (from the event loop): a known pace
    panel()->selectOperation(engine);
    QCOMPARE(panel()->currentOperation(), engine);
    QPushButton *pause = button(u"pauseOperationButton"_s);
    QPushButton *resume = button(u"resumeOperationButton"_s);
    QPushButton *cancel = button(u"cancelOperationButton"_s);

    QVERIFY(!flow.isEmpty());
    QTRY_VERIFY(engine->counts().done() >= 2);
    QTRY_VERIFY(pause->isEnabled());
    QVERIFY(!resume->isEnabled());
    pause->click();
    QCOMPARE(engine->state(), OperationState::Paused);
    QTRY_COMPARE(engine->inFlight(), 0); // calls already sent are answered and recorded
    QTRY_VERIFY(resume->isEnabled());
    QVERIFY(!pause->isEnabled());
    const int doneWhilePaused = engine->counts().done();
    QVERIFY(doneWhilePaused < 40);
    QCOMPARE(
        panel()->model()->indexOf(engine).siblingAtColumn(OperationsModel::StateColumn).data().toString(),
        u"Paused"_s);

    resume->click();
    QCOMPARE(engine->state(), OperationState::Running);
    QTRY_VERIFY(engine->counts().done() >= doneWhilePaused + 2);
    QTRY_VERIFY(cancel->isEnabled());
    QSignalSpy finished(engine, &BulkEngine::finished);
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    QCOMPARE(engine->state(), OperationState::Cancelled);
    const ItemCounts c = engine->counts();
    QVERIFY(c.pending > 0);
    QCOMPARE(c.done() + c.pending, 40);
    // What was not sent was not done: those runs are still going.
    int stillRunning = 0;
    for (const BulkItem &item : engine->items()) {
        const QString status = emulator()->runStatus(m_env, flow, item.run);
        if (item.state == ItemState::Pending)
            stillRunning += status == "Running"_L1 ? 1 : 0;
        else
            QCOMPARE(status, u"Cancelled"_s);
    }
    QCOMPARE(stillRunning, c.pending);
    QTRY_VERIFY(!cancel->isEnabled());
    QVERIFY(button(u"clearOperationsButton"_s)->isEnabled());
    panel()->view()->expand(panel()->model()->indexOf(engine));
    screenshot(u"activity-cancelled"_s);
}

void TestActivityGui::retryFailedFromPanel()
{
    const QString flow = ownedFlow(u"Escalate failed backups"_s);
    QList<BulkItem> items(2);
    for (BulkItem &item : items) {
        item.action = BulkAction::CancelRun;
        item.env = m_env;
        item.flow = flow;
    }
    items[0].run = emulator()->startRun(m_env, flow);
    items[1].run = u"08584000000000000000000000000CU00"_s; // no such run: fails
    BulkEngine *engine = window()->operations()->start(u"Cancel 2 runs"_s, items);
    panel()->selectOperation(engine);
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 20000);
    QCOMPARE(engine->counts().failed, 1);
    QVERIFY(!engine->items().at(1).message.isEmpty());
    const QModelIndex row = panel()->model()->indexOf(engine);
    QTRY_COMPARE(row.siblingAtColumn(OperationsModel::FailedColumn).data().toString(), u"1"_s);
    QCOMPARE(panel()->model()->index(1, OperationsModel::MessageColumn, row).data().toString(),
             engine->items().at(1).message);
    QPushButton *retry = button(u"retryOperationButton"_s);
    QTRY_VERIFY(retry->isEnabled());
    retry->click();
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 20000);
    // Only the failed item was sent again; the cancelled run was left alone.
    QCOMPARE(engine->items().at(1).attempts, 2);
    QCOMPARE(engine->items().at(0).attempts, 1);
    QCOMPARE(engine->counts().failed, 1);
}

void TestActivityGui::severalFlowsGoThroughEngine()
{
    const QStringList started = ownedFlowsInState(u"Started"_s);
    QVERIFY(started.size() >= 2);
    const QStringList flows = started.mid(0, 2);
    QVERIFY(selectFlows(flows));
    QSignalSpy added(window()->operations(), &OperationManager::operationAdded);
    QVERIFY(window()->actions()->turnOff()->isEnabled());
    window()->actions()->turnOff()->trigger();
    QTRY_COMPARE(added.size(), 1);
    auto *engine = added.first().at(0).value<BulkEngine *>();
    QCOMPARE(engine->items().size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 20000);
    for (const QString &flow : flows) {
        QCOMPARE(serverFlow(flow).value("state"_L1).toString(), u"Stopped"_s);
        QTRY_COMPARE(model()->flowAt(model()->flowIndex(m_env, flow))->state, FlowState::Stopped);
    }
    // And back on, the same way.
    QVERIFY(selectFlows(flows));
    QTRY_VERIFY(window()->actions()->turnOn()->isEnabled());
    window()->actions()->turnOn()->trigger();
    QTRY_COMPARE(added.size(), 2);
    engine = added.last().at(0).value<BulkEngine *>();
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), OperationState::Finished, 20000);
    for (const QString &flow : flows)
        QCOMPARE(serverFlow(flow).value("state"_L1).toString(), u"Started"_s);

    // Clearing finished operations empties the panel and the journal's record of them.
    button(u"clearOperationsButton"_s)->click();
    QTRY_COMPARE(panel()->model()->rowCount(), 0);
    QVERIFY(window()->operations()->journal()->operations(false).isEmpty());
    QVERIFY(panel()->findChild<QLabel *>(u"activityEmpty"_s)->isVisible());
}

// Finding 3: Ctrl+Q in the middle of a 2,033-run resubmit quit at once, without asking.
void TestActivityGui::quitWhileRunningAsks()
{
    const QString flow = ownedFlow(u"Escalate failed backups"_s);
    QVERIFY(!flow.isEmpty());
    const QList<BulkItem> items =
        test::bulkItems(BulkAction::CancelRun, m_env, flow, test::startRuns(*emulator(), m_env, flow, 30));
    emu::Faults slow;
    slow.latencyMs = 150;
    emulator()->setFaults(slow);
    BulkEngine *engine = window()->operations()->start(u"Cancel 30 runs"_s, items);
    engine->limiter().setMaximum(1);
    QTRY_VERIFY(engine->counts().done() >= 1);

    const auto question = [this] {
        return window()->findChild<QMessageBox *>(u"quitWhileRunningQuestion"_s);
    };
    const auto button = [](QMessageBox *box, const QString &text) -> QAbstractButton * {
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(u'&') == text)
                return b;
        }
        return nullptr;
    };

    // Ctrl+Q (the Quit action) asks instead of quitting; Keep running is the default.
    QAction *quit = nullptr;
    for (QAction *action : window()->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Quit) && action->text() == "&Quit"_L1)
            quit = action;
    }
    QVERIFY(quit);
    quit->trigger();
    QTRY_VERIFY(question() && question()->isVisible());
    QVERIFY(window()->isVisible());
    QVERIFY(question()->text().contains("resumed the next time"_L1));
    QCOMPARE(question()->defaultButton(), button(question(), u"Keep running"_s));
    screenshot(u"quit-while-running"_s);
#ifdef FC_SCREENSHOT_DIR
    question()->grab().save(QString(QStringLiteral(FC_SCREENSHOT_DIR) + u"/quit-question.png"_s));
#endif
    button(question(), u"Keep running"_s)->click();
    QTRY_VERIFY(!question());
    QVERIFY(window()->isVisible());
    QCOMPARE(engine->state(), OperationState::Running);

    // Quit: nothing more is sent; what is not done stays in the journal for next time.
    quit->trigger();
    QTRY_VERIFY(question() && question()->isVisible());
    button(question(), u"Quit"_s)->click();
    QTRY_VERIFY(!window()->isVisible());
    QCOMPARE(engine->state(), OperationState::Paused);
    QTRY_COMPARE(engine->inFlight(), 0);
    const ItemCounts c = engine->counts();
    QVERIFY(c.pending > 0);
    emulator()->setFaults({});
    Journal journal;
    QVERIFY(journal.open(QString::fromLocal8Bit(qgetenv("FLOWCONSOLE_JOURNAL"))));
    journal.setScope(u"Demo/"_s + m_upn);
    const auto record = journal.operation(engine->operationId());
    QVERIFY(record.has_value());
    QCOMPARE(record->state, OperationState::Paused); // offered again at the next sign-in
    QCOMPARE(record->counts.pending, c.pending);
}

QTEST_MAIN(TestActivityGui)
#include "tst_activity_gui.moc"
