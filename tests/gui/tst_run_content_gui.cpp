// Run contents and Run now in the console (issue 13), on the demo, offscreen: the run details
// dialog lists the trigger and the actions in the order they ran and shows the trigger's outputs
// and an action's outputs as indented JSON, read through their content links; a failed action's
// error is there in full. Run now… on a flow with a manual trigger refuses a body that is not
// JSON (keeping it), then starts exactly one run, which the run grid shows.

#include "CodeEditor.h"
#include "ConsoleTestSupport.h"
#include "FlowActions.h"
#include "FlowPage.h"
#include "RunContentView.h"
#include "RunDetailsDialog.h"
#include "RunNowDialog.h"
#include "RunsModel.h"
#include "RunsTab.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestRunContentGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void detailsShowTriggerOutputsAndActionsInOrder();
    void failedActionErrorIsReadableInFull();
    void runNowStartsExactlyOneRun();

private:
    MainWindow *window() const { return m_console->window(); }
    emu::Emulator *emulator() const { return m_console->emulator(); }
    ApiClient *client() const { return m_console->session()->client(); }
    bool selectFlow(const QString &flow);
    QJsonObject definition(const QString &flow) const;
    RunDetailsDialog *openDetails(const QString &flow, const QString &run);

    std::unique_ptr<Console> m_console;
    QString m_env;
    QString m_upn;
};

void TestRunContentGui::initTestCase()
{
    QSettings().clear();
    m_console = test::openDemoConsole();
    QVERIFY(m_console);
    m_env = emulator()->defaultEnvironmentName();
    m_upn = emulator()->demoUserUpn();
    QVERIFY(test::waitForFlows(window()->navigation(), m_env));
}

void TestRunContentGui::cleanupTestCase()
{
    m_console.reset();
}

bool TestRunContentGui::selectFlow(const QString &flow)
{
    NavigationModel *model = window()->navigation();
    const bool listed = QTest::qWaitFor(
        [&] {
            if (model->flowIndex(m_env, flow).isValid())
                return true;
            const QModelIndex env = model->environmentIndex(m_env);
            if (model->canFetchMore(env))
                model->fetchMore(env);
            return false;
        },
        20000);
    if (!listed)
        return false;
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(window()->tree()->model());
    const QModelIndex index = proxy->mapFromSource(model->flowIndex(m_env, flow));
    window()->tree()->setFocus();
    window()->tree()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
    return window()->selectedFlows().size() == 1 && window()->selectedFlows().first().name == flow;
}

QJsonObject TestRunContentGui::definition(const QString &flow) const
{
    return emulator()
        ->flowJson(m_env, flow)
        .value_or(QJsonObject())
        .value("properties"_L1)
        .toObject()
        .value("definition"_L1)
        .toObject();
}

RunDetailsDialog *TestRunContentGui::openDetails(const QString &flow, const QString &run)
{
    FlowRun row;
    row.name = run;
    auto *dialog = new RunDetailsDialog(client(), m_env, flow, row, window());
    dialog->show();
    if (!QTest::qWaitFor([dialog] { return !dialog->isLoading(); }, 20000))
        return nullptr;
    return dialog;
}

void TestRunContentGui::detailsShowTriggerOutputsAndActionsInOrder()
{
    // A finished run with several actions whose names are not in the order they ran: the service
    // lists them by name, the dialog by start time.
    QString flow, run;
    for (const QString &f : emulator()->flowsOwnedBy(m_upn, m_env)) {
        const QJsonObject actions = definition(f).value("actions"_L1).toObject();
        if (actions.size() < 2)
            continue;
        for (const QString &r : emulator()->runNames(m_env, f)) {
            if (emulator()->runStatus(m_env, f, r) != "Succeeded"_L1)
                continue;
            auto raw = test::awaitCall<FlowRunDetails>(
                [&](auto cb) { client()->getRun(m_env, f, r, true, client(), cb); });
            if (!raw || !raw->ok() || raw->value().triggerOutputsLink.isEmpty())
                continue;
            const QList<RunAction> &listed = raw->value().actions;
            const bool unordered =
                !std::is_sorted(listed.cbegin(), listed.cend(),
                                [](const RunAction &a, const RunAction &b) { return a.startMs < b.startMs; });
            if (unordered) {
                flow = f;
                run = r;
            }
            break;
        }
        if (!flow.isEmpty())
            break;
    }
    QVERIFY2(!flow.isEmpty(), "no demo run lists its actions out of the order they ran");

    RunDetailsDialog *dialog = openDetails(flow, run);
    QVERIFY(dialog);
    QTreeWidget *view = dialog->actionsView();
    const QList<RunAction> &actions = dialog->details().actions;
    QCOMPARE(view->topLevelItemCount(), actions.size() + 1); // the trigger first
    QCOMPARE(view->topLevelItem(0)->text(1), u"Trigger"_s);
    qint64 previous = 0;
    for (int i = 1; i < view->topLevelItemCount(); ++i) {
        const RunAction &a = actions.at(i - 1);
        QCOMPARE(view->topLevelItem(i)->text(0), a.name);
        if (a.startMs > 0) {
            QVERIFY2(a.startMs >= previous, qPrintable(a.name));
            previous = a.startMs;
            QVERIFY(!view->topLevelItem(i)->text(5).isEmpty()); // its duration
        }
    }

    // The trigger's outputs, read through its link and indented.
    dialog->selectTrigger();
    RunContentView *content = dialog->contentView();
    content->setCurrentPart(RunContentView::Outputs);
    QTRY_VERIFY_WITH_TIMEOUT(!content->isLoading() && !content->text(RunContentView::Outputs).isEmpty(),
                             20000);
    const QByteArray expected = [&] {
        QByteArray b;
        auto fetched = test::awaitCall<QByteArray>([&](auto cb) {
            client()->fetchContent(QUrl(dialog->details().triggerOutputsLink), client(), cb);
        });
        if (fetched && fetched->ok())
            b = fetched->value();
        return b;
    }();
    QVERIFY(!expected.isEmpty());
    QCOMPARE(content->document(RunContentView::Outputs), expected);
    const QString shown = content->text(RunContentView::Outputs);
    QCOMPARE(shown, QString::fromUtf8(QJsonDocument::fromJson(expected).toJson(QJsonDocument::Indented)));
    QVERIFY(shown.contains("\"body\""_L1));
    QVERIFY(shown.contains("\n    \""_L1)); // indented, not one long line
    QVERIFY(content->findChild<QPushButton *>(u"saveOutputsButton"_s)->isEnabled());

    // An action's outputs the same way.
    QString withOutputs;
    for (const RunAction &a : actions) {
        if (!a.outputsLink.isEmpty()) {
            withOutputs = a.name;
            break;
        }
    }
    QVERIFY(!withOutputs.isEmpty());
    QVERIFY(dialog->selectAction(withOutputs));
    QCOMPARE(content->subject(), withOutputs);
    QTRY_VERIFY_WITH_TIMEOUT(!content->isLoading() && !content->text(RunContentView::Outputs).isEmpty(),
                             20000);
    QVERIFY(content->note(RunContentView::Outputs).contains(withOutputs));
    dialog->close();
}

void TestRunContentGui::failedActionErrorIsReadableInFull()
{
    QString flow, run;
    for (const QString &f : emulator()->flowsOwnedBy(m_upn, m_env)) {
        for (const QString &r : emulator()->runNames(m_env, f)) {
            if (emulator()->runStatus(m_env, f, r) != "Failed"_L1)
                continue;
            auto raw = test::awaitCall<FlowRunDetails>(
                [&](auto cb) { client()->getRun(m_env, f, r, true, client(), cb); });
            const bool actionFailed =
                raw && raw->ok() &&
                std::any_of(raw->value().actions.cbegin(), raw->value().actions.cend(),
                            [](const RunAction &a) { return !a.errorMessage.isEmpty(); });
            if (actionFailed) {
                flow = f;
                run = r;
            }
            break;
        }
        if (!flow.isEmpty())
            break;
    }
    QVERIFY(!flow.isEmpty());
    RunDetailsDialog *dialog = openDetails(flow, run);
    QVERIFY(dialog);
    // The first failed action is selected at once, and its whole error is on screen, wrapped.
    QTreeWidgetItem *current = dialog->actionsView()->currentItem();
    QVERIFY(current);
    const int index = current->data(0, Qt::UserRole).toInt();
    QVERIFY(index >= 0);
    const RunAction &failed = dialog->details().actions.at(index);
    QVERIFY(!failed.errorMessage.isEmpty());
    auto *error = dialog->findChild<QLabel *>(u"actionErrorText"_s);
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY(error->wordWrap());
    QVERIFY(error->text().contains(failed.errorMessage));
    dialog->close();
}

void TestRunContentGui::runNowStartsExactlyOneRun()
{
    // A flow of the demo user with a manual trigger that has a schema, turned on.
    QString flow;
    QJsonObject properties;
    for (const QString &f : emulator()->flowsOwnedBy(m_upn, m_env)) {
        const QJsonObject json = emulator()->flowJson(m_env, f).value_or(QJsonObject());
        const QJsonObject triggers = definition(f).value("triggers"_L1).toObject();
        const QJsonObject trigger = triggers.begin().value().toObject();
        if (json.value("properties"_L1).toObject().value("state"_L1).toString() != "Started"_L1 ||
            trigger.value("type"_L1).toString() != "Request"_L1)
            continue;
        properties = trigger.value("inputs"_L1)
                         .toObject()
                         .value("schema"_L1)
                         .toObject()
                         .value("properties"_L1)
                         .toObject();
        if (!properties.isEmpty()) {
            flow = f;
            break;
        }
    }
    QVERIFY(!flow.isEmpty());
    QVERIFY(selectFlow(flow));
    window()->flowPage()->setCurrentTab(2); // Runs
    RunsModel *runs = window()->flowPage()->runsTab()->model();
    QTRY_VERIFY_WITH_TIMEOUT(runs->flow() == flow && runs->isLoaded() && !runs->isLoading(), 20000);
    const int before = emulator()->runCount(m_env, flow);

    auto *action = window()->findChild<QAction *>(u"actionRunNow"_s);
    QVERIFY(action);
    QTRY_VERIFY(action->isEnabled());
    action->trigger();
    RunNowDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<RunNowDialog *>()) != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isPrefilled(), 20000);
    const QJsonObject sample = QJsonDocument::fromJson(dialog->editor()->toPlainText().toUtf8()).object();
    QCOMPARE(sample.keys(), properties.keys()); // one entry per property of the schema

    // Not JSON: refused with a clear message, nothing sent, the text kept.
    const QString broken = u"{\n  \"text\": \"hello\",\n  oops\n}"_s;
    dialog->editor()->setPlainText(broken);
    dialog->runButton()->click();
    QVERIFY2(dialog->message().contains("not valid JSON"_L1), qPrintable(dialog->message()));
    QVERIFY(dialog->message().contains("line 3"_L1));
    QCOMPARE(dialog->editor()->toPlainText(), broken);
    QVERIFY(dialog->isVisible());
    QCOMPARE(emulator()->runCount(m_env, flow), before);

    // A body that is JSON: one run, and the grid shows it.
    QJsonObject body;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        body.insert(it.key(), it.value().toObject().value("type"_L1).toString() == "number"_L1
                                  ? QJsonValue(7)
                                  : QJsonValue(u"x"_s));
    dialog->editor()->setPlainText(QString::fromUtf8(QJsonDocument(body).toJson()));
    QPointer<RunNowDialog> guard(dialog);
    dialog->runButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(emulator()->runCount(m_env, flow), before + 1, 20000);
    QTRY_VERIFY(!guard); // closed once the run started
    const QString started = emulator()->runNames(m_env, flow).value(0);
    QVERIFY(!started.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(runs->findRow(started) >= 0, 20000);
    QCOMPARE(emulator()->runCount(m_env, flow), before + 1); // exactly one
}

QTEST_MAIN(TestRunContentGui)
#include "tst_run_content_gui.moc"
