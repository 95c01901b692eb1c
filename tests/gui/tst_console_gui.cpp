// The console against the in-process emulator over real HTTP, offscreen: what a user does with
// the tree, the pages, the actions and the editor, checked on the emulator's side.

#include "CodeEditor.h"
#include "ConflictDialog.h"
#include "ConnectionListModel.h"
#include "ConsoleTestSupport.h"
#include "EnvironmentPage.h"
#include "FlowActions.h"
#include "FlowEditorDialog.h"
#include "FlowPage.h"
#include "MessageBar.h"
#include "RunsModel.h"
#include "RunsTab.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCollator>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestConsoleGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void openDemoExpandAndSelect();
    void filterNarrowsTree();
    void editNameAndDefinition();
    void createFlow();
    void deleteFlow();
    void turnOffAndOn();
    void serverFaultKeepsEditorText();
    void serverChangeIsDetected();
    void unsavedEditsAreNotThrownAway();
    void noShortcutIsAmbiguous();
    void longMessagesAreNotCutOff();
    void connectionsNameTheirConnectorProblemAndFlows();
    void treeIsSortedAndKeepsTheSelection();

private:
    MainWindow *window() const { return m_console->window(); }
    emu::Emulator *emulator() const { return m_console->emulator(); }
    NavigationModel *model() const { return window()->navigation(); }
    QSortFilterProxyModel *proxy() const
    {
        return qobject_cast<QSortFilterProxyModel *>(window()->tree()->model());
    }
    bool selectFlow(const QString &flow);
    void selectEnvironment();
    FlowEditorDialog *openEditor(QAction *action);
    QJsonObject serverFlow(const QString &flow) const;

    std::unique_ptr<Console> m_console;
    QString m_env;
    QString m_upn;
};

namespace {
// Every Qt warning the console prints while the suite runs; the offscreen platform's own notes
// are not the console's.
QStringList qtWarnings;
QtMessageHandler previousHandler = nullptr;
void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && !message.contains("propagateSizeHints"_L1) &&
        !message.contains("XDG_RUNTIME_DIR"_L1))
        qtWarnings.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}
} // namespace

void TestConsoleGui::initTestCase()
{
    QSettings().clear();
    previousHandler = qInstallMessageHandler(recordWarnings);
    m_console = test::openDemoConsole();
    QVERIFY(m_console);
    QVERIFY(m_console->isDemo());
    QVERIFY(window()->windowTitle().contains(u"Demo"_s));
    m_env = emulator()->defaultEnvironmentName();
    m_upn = emulator()->demoUserUpn();
    QVERIFY(test::waitForFlows(model(), m_env));
}

void TestConsoleGui::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    // The console prints no Qt warning in the whole suite (a wrong connect, an ambiguous shortcut ...).
    QVERIFY2(qtWarnings.isEmpty(), qPrintable(qtWarnings.join(u'\n')));
    m_console.reset();
}

void TestConsoleGui::init()
{
    emulator()->setFaults({});
}

QJsonObject TestConsoleGui::serverFlow(const QString &flow) const
{
    return emulator()->flowJson(m_env, flow).value_or(QJsonObject()).value("properties"_L1).toObject();
}

bool TestConsoleGui::selectFlow(const QString &flow)
{
    // Page through the environment until the flow is listed, as a user scrolling would.
    const bool listed = QTest::qWaitFor(
        [&] {
            if (model()->flowIndex(m_env, flow).isValid())
                return true;
            const QModelIndex env = model()->environmentIndex(m_env);
            if (model()->canFetchMore(env))
                model()->fetchMore(env);
            return false;
        },
        20000);
    if (!listed)
        return false;
    const QModelIndex index = proxy()->mapFromSource(model()->flowIndex(m_env, flow));
    window()->tree()->setFocus();
    window()->tree()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
    return window()->selectedFlows().size() == 1 && window()->selectedFlows().first().name == flow;
}

void TestConsoleGui::selectEnvironment()
{
    const QModelIndex index = proxy()->mapFromSource(model()->environmentIndex(m_env));
    window()->tree()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
}

FlowEditorDialog *TestConsoleGui::openEditor(QAction *action)
{
    if (!action->isEnabled())
        return nullptr;
    action->trigger();
    FlowEditorDialog *editor = nullptr;
    (void)QTest::qWaitFor([&] { return (editor = window()->findChild<FlowEditorDialog *>()) != nullptr; },
                          5000);
    if (!editor)
        return nullptr;
    auto *save = editor->findChild<QAbstractButton *>(u"saveButton"_s);
    (void)QTest::qWaitFor([&] { return save->isEnabled(); }, 20000);
    return save->isEnabled() ? editor : nullptr;
}

void TestConsoleGui::openDemoExpandAndSelect()
{
    QTreeView *tree = window()->tree();
    const QModelIndex env = proxy()->mapFromSource(model()->environmentIndex(m_env));
    tree->expand(env);
    QVERIFY(tree->isExpanded(env));
    QTRY_VERIFY(proxy()->rowCount(env) > 0);

    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).first();
    QVERIFY(selectFlow(flow));
    auto *pages = window()->findChild<QStackedWidget *>(u"pages"_s);
    QCOMPARE(pages->currentWidget()->objectName(), u"flowPage"_s);
    auto *page = window()->findChild<FlowPage *>();
    QCOMPARE(page->flow().name, flow);
    // The page takes in the whole flow, definition included.
    QTRY_VERIFY(!page->flow().definition.isEmpty());
    auto *title = window()->findChild<QLabel *>(u"flowTitle"_s);
    QCOMPARE(title->text(), serverFlow(flow).value("displayName"_L1).toString());
    QVERIFY(window()->actions()->edit()->isEnabled());
    QVERIFY(window()->actions()->remove()->isEnabled());
    // The Environment property names the environment; its GUID is in the tooltip.
    auto *properties = window()->findChild<QTreeWidget *>(u"flowPropertiesTree"_s);
    const auto found = properties->findItems(u"Environment"_s, Qt::MatchExactly, 0);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(1), model()->environmentAt(model()->environmentIndex(m_env))->displayName);
    QCOMPARE(found.first()->toolTip(1), m_env);

    // Selecting the environment shows its page, with its flows in the table.
    selectEnvironment();
    QCOMPARE(pages->currentWidget()->objectName(), u"environmentPage"_s);
    QVERIFY(!window()->actions()->edit()->isEnabled());
    QVERIFY(window()->actions()->newFlow()->isEnabled());
}

void TestConsoleGui::filterNarrowsTree()
{
    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).first();
    const QString name = serverFlow(flow).value("displayName"_L1).toString();
    auto *filter = window()->findChild<QLineEdit *>(u"treeFilter"_s);
    QTest::keyClicks(filter, name);
    const QModelIndex env = proxy()->mapFromSource(model()->environmentIndex(m_env));
    QVERIFY(env.isValid());
    QVERIFY(proxy()->rowCount(env) >= 1);
    QVERIFY(proxy()->rowCount(env) < model()->rowCount(model()->environmentIndex(m_env)));
    for (int row = 0; row < proxy()->rowCount(env); ++row)
        QVERIFY(proxy()->index(row, 0, env).data().toString().contains(name, Qt::CaseInsensitive));
    filter->clear();
    QCOMPARE(proxy()->rowCount(env), model()->rowCount(model()->environmentIndex(m_env)));
}

void TestConsoleGui::editNameAndDefinition()
{
    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).first();
    QVERIFY(selectFlow(flow));
    QPointer<FlowEditorDialog> editor = openEditor(window()->actions()->edit());
    QVERIFY(editor);

    auto *name = editor->findChild<QLineEdit *>(u"displayNameEdit"_s);
    name->clear();
    QTest::keyClicks(name, u"Renamed by the GUI test"_s);
    auto *definition = editor->findChild<QPlainTextEdit *>(u"definitionEditor"_s);
    QJsonObject def = QJsonDocument::fromJson(definition->toPlainText().toUtf8()).object();
    QJsonObject actions = def.value("actions"_L1).toObject();
    actions.insert("Added_by_test"_L1, QJsonObject{{"type"_L1, "Compose"_L1}, {"inputs"_L1, "gui"_L1}});
    def.insert("actions"_L1, actions);
    definition->setPlainText(QString::fromUtf8(QJsonDocument(def).toJson()));

    QTest::mouseClick(editor->findChild<QAbstractButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);

    const QJsonObject held = serverFlow(flow);
    QCOMPARE(held.value("displayName"_L1).toString(), u"Renamed by the GUI test"_s);
    QVERIFY(
        held.value("definition"_L1).toObject().value("actions"_L1).toObject().contains("Added_by_test"_L1));
    // The tree follows.
    QTRY_COMPARE(model()->flowIndex(m_env, flow).data().toString(), u"Renamed by the GUI test"_s);
}

void TestConsoleGui::createFlow()
{
    selectEnvironment();
    const qsizetype before = emulator()->flowNames(m_env).size();
    QPointer<FlowEditorDialog> editor = openEditor(window()->actions()->newFlow());
    QVERIFY(editor);
    QVERIFY(editor->isCreating());
    auto *name = editor->findChild<QLineEdit *>(u"displayNameEdit"_s);
    name->clear();
    QTest::keyClicks(name, u"Created by the GUI test"_s);
    QTest::mouseClick(editor->findChild<QAbstractButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);

    const QStringList flows = emulator()->flowNames(m_env);
    QCOMPARE(flows.size(), before + 1);
    QString created;
    for (const QString &f : flows) {
        if (serverFlow(f).value("displayName"_L1).toString() == "Created by the GUI test"_L1)
            created = f;
    }
    QVERIFY(!created.isEmpty());
    // The new flow is in the tree and selected.
    QTRY_VERIFY(model()->flowIndex(m_env, created).isValid());
    QTRY_COMPARE(window()->selectedFlows().value(0).name, created);
}

void TestConsoleGui::deleteFlow()
{
    // Delete a flow this test creates, so the others stay for the next tests.
    auto result = test::awaitCall<Flow>([&](auto done) {
        FlowDraft draft = FlowEditorDialog::newFlowTemplate();
        draft.displayName = u"To be deleted"_s;
        m_console->session()->client()->createFlow(m_env, creationProperties(draft), this, done);
    });
    QVERIFY(result && result->ok());
    const QString flow = result->value().name;
    model()->upsertFlow(result->value());
    QVERIFY(selectFlow(flow));

    // The confirmation is modal (exec); answer it from the event loop it runs.
    QString confirmation;
    auto *answer = new QTimer(this);
    answer->setInterval(20);
    connect(answer, &QTimer::timeout, this, [&confirmation, answer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        confirmation = box->informativeText();
        box->button(QMessageBox::Yes)->click();
        answer->stop();
    });
    answer->start();
    window()->actions()->remove()->trigger();
    delete answer;
    QVERIFY(confirmation.contains(u"To be deleted"_s)); // the confirmation names the flow
    QTRY_VERIFY_WITH_TIMEOUT(!emulator()->flowNames(m_env).contains(flow), 20000);
    QTRY_VERIFY(!model()->flowIndex(m_env, flow).isValid());
}

void TestConsoleGui::turnOffAndOn()
{
    QString flow;
    for (const QString &f : emulator()->flowsOwnedBy(m_upn, m_env)) {
        if (serverFlow(f).value("state"_L1).toString() == "Started"_L1) {
            flow = f;
            break;
        }
    }
    QVERIFY(!flow.isEmpty());
    QVERIFY(selectFlow(flow));
    QVERIFY(window()->actions()->turnOff()->isEnabled());
    QVERIFY(!window()->actions()->turnOn()->isEnabled());
    window()->actions()->turnOff()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(serverFlow(flow).value("state"_L1).toString(), u"Stopped"_s, 20000);
    QTRY_VERIFY(window()->actions()->turnOn()->isEnabled());
    QVERIFY(!window()->actions()->turnOff()->isEnabled());
    window()->actions()->turnOn()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(serverFlow(flow).value("state"_L1).toString(), u"Started"_s, 20000);
    QTRY_VERIFY(window()->actions()->turnOff()->isEnabled());
}

void TestConsoleGui::serverFaultKeepsEditorText()
{
    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).last();
    QVERIFY(selectFlow(flow));
    QPointer<FlowEditorDialog> editor = openEditor(window()->actions()->edit());
    QVERIFY(editor);
    auto *name = editor->findChild<QLineEdit *>(u"displayNameEdit"_s);
    auto *definition = editor->findChild<QPlainTextEdit *>(u"definitionEditor"_s);
    name->setText(u"Typed before the fault"_s);
    definition->setPlainText(definition->toPlainText().replace(u"\"actions\""_s, u"\"actions\" "_s));
    const QString typedDefinition = definition->toPlainText();
    const QString before = serverFlow(flow).value("displayName"_L1).toString();

    emu::Faults faults;
    faults.serverErrorRate = 1.0;
    emulator()->setFaults(faults);
    QTest::mouseClick(editor->findChild<QAbstractButton *>(u"saveButton"_s), Qt::LeftButton);
    QMessageBox *error = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((error = editor->findChild<QMessageBox *>(u"errorMessage"_s)), 30000);
    emulator()->setFaults({});
    QVERIFY(!error->text().isEmpty());
    QVERIFY(editor->isVisible());
    QCOMPARE(name->text(), u"Typed before the fault"_s);
    QCOMPARE(definition->toPlainText(), typedDefinition);
    QCOMPARE(serverFlow(flow).value("displayName"_L1).toString(), before);
    error->close();

    // With the service back, the same dialog saves what was typed.
    QTRY_VERIFY(editor->findChild<QAbstractButton *>(u"saveButton"_s)->isEnabled());
    QTest::mouseClick(editor->findChild<QAbstractButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);
    QCOMPARE(serverFlow(flow).value("displayName"_L1).toString(), u"Typed before the fault"_s);
}

void TestConsoleGui::serverChangeIsDetected()
{
    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).first();
    QVERIFY(selectFlow(flow));
    QPointer<FlowEditorDialog> editor = openEditor(window()->actions()->edit());
    QVERIFY(editor);
    auto *name = editor->findChild<QLineEdit *>(u"displayNameEdit"_s);
    name->setText(u"Mine"_s);

    // Someone else saves the flow meanwhile.
    const QString modifiedBefore = serverFlow(flow).value("lastModifiedTime"_L1).toString();
    QTRY_VERIFY(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) > modifiedBefore);
    auto other = test::awaitCall<Flow>([&](auto done) {
        m_console->session()->client()->updateFlow(m_env, flow, {{"displayName"_L1, "Theirs"_L1}}, this,
                                                   done);
    });
    QVERIFY(other && other->ok());

    QTest::mouseClick(editor->findChild<QAbstractButton *>(u"saveButton"_s), Qt::LeftButton);
    ConflictDialog *conflict = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((conflict = editor->findChild<ConflictDialog *>()), 20000);
    QVERIFY(conflict->findChild<QPlainTextEdit *>(u"conflictMine"_s)->toPlainText().contains(u"Mine"_s));
    QVERIFY(conflict->findChild<QPlainTextEdit *>(u"conflictServer"_s)->toPlainText().contains(u"Theirs"_s));
    // The lines that differ are marked on both sides: the name's line, and nothing that is equal.
    auto *mineEditor = conflict->findChild<CodeEditor *>(u"conflictMine"_s);
    auto *serverEditor = conflict->findChild<CodeEditor *>(u"conflictServer"_s);
    QVERIFY(!mineEditor->markedLines().isEmpty());
    QVERIFY(!serverEditor->markedLines().isEmpty());
    const QStringList mineLines = mineEditor->toPlainText().split(u'\n');
    const QStringList serverLines = serverEditor->toPlainText().split(u'\n');
    bool nameMarked = false;
    for (int line : mineEditor->markedLines()) {
        nameMarked = nameMarked || mineLines.at(line).contains(u"Mine"_s);
        QVERIFY(!serverLines.contains(mineLines.at(line)));
    }
    QVERIFY(nameMarked);
    QVERIFY(conflict->findChild<QLabel *>(u"conflictSummary"_s)->text().contains(u"differ"_s));
    // Nothing was overwritten while the user decides.
    QCOMPARE(serverFlow(flow).value("displayName"_L1).toString(), u"Theirs"_s);

    conflict->findChild<QAbstractButton *>(u"keepMineButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);
    QCOMPARE(serverFlow(flow).value("displayName"_L1).toString(), u"Mine"_s);
}

// Issue 14, item 1: Esc or Cancel after changing the name and definition discarded everything.
void TestConsoleGui::unsavedEditsAreNotThrownAway()
{
    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).first();
    QVERIFY(selectFlow(flow));
    const QString before = serverFlow(flow).value("displayName"_L1).toString();
    QPointer<FlowEditorDialog> editor = openEditor(window()->actions()->edit());
    QVERIFY(editor);
    const auto question = [&] { return editor->findChild<QMessageBox *>(u"unsavedChangesQuestion"_s); };

    // Unchanged: Esc closes at once.
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(editor.isNull());

    editor = openEditor(window()->actions()->edit());
    QVERIFY(editor);
    auto *name = editor->findChild<QLineEdit *>(u"displayNameEdit"_s);
    name->setText(u"Typed and nearly lost"_s);

    // Esc asks; Keep editing keeps every character.
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(question() && question()->isVisible());
    QVERIFY(editor->isVisible());
    question()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!question());
    QVERIFY(editor->isVisible());
    QCOMPARE(name->text(), u"Typed and nearly lost"_s);

    // Cancel asks too; Discard closes without saving.
    editor->findChild<QAbstractButton *>(u"cancelButton"_s)->click();
    QTRY_VERIFY(question() && question()->isVisible());
    question()->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(editor.isNull());
    QCOMPARE(serverFlow(flow).value("displayName"_L1).toString(), before);

    // Ctrl+S saves.
    editor = openEditor(window()->actions()->edit());
    QVERIFY(editor);
    name = editor->findChild<QLineEdit *>(u"displayNameEdit"_s);
    name->setFocus();
    name->setText(u"Saved with Ctrl+S"_s);
    QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);
    QCOMPARE(serverFlow(flow).value("displayName"_L1).toString(), u"Saved with Ctrl+S"_s);
}

namespace {
QStringList ambiguityWarnings;
void recordAmbiguity(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg && message.contains("Ambiguous shortcut"_L1))
        ambiguityWarnings.append(message);
}

// The keys Qt would consider for a key press with the focus on `focus`, per key, the actions
// that claim it.
QHash<QKeySequence, QStringList> shortcutsInScope(QWidget *window, QWidget *focus)
{
    QHash<QKeySequence, QStringList> claims;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty())
            continue;
        bool inScope = false;
        for (QObject *object : action->associatedObjects()) {
            auto *widget = qobject_cast<QWidget *>(object);
            if (!widget || widget->window() != window)
                continue;
            switch (action->shortcutContext()) {
            case Qt::WindowShortcut:
            case Qt::ApplicationShortcut:
                inScope = true;
                break;
            case Qt::WidgetWithChildrenShortcut:
                inScope = inScope || widget == focus || widget->isAncestorOf(focus);
                break;
            case Qt::WidgetShortcut:
                inScope = inScope || widget == focus;
                break;
            }
        }
        if (inScope) {
            for (const QKeySequence &key : action->shortcuts())
                claims[key].append(action->text().remove(u'&'));
        }
    }
    return claims;
}
} // namespace

// Issue 14, item 3: Ctrl+E, Ctrl+F, F5 and Ctrl+Shift+R did nothing in the run grid ("QAction::event:
// Ambiguous shortcut overload"). Every action of the window is walked with the focus in each
// part of it: no key may be claimed twice; and F5 in the grid really reloads it.
// The status bar shows what fits on its line; a longer message (the keychain's, a failure with
// its reason) goes to the message bar, whole and wrapped, and never widens the window.
void TestConsoleGui::longMessagesAreNotCutOff()
{
    const int width = window()->width();
    window()->showMessage(u"Saved."_s, 5000);
    QCOMPARE(window()->statusBar()->currentMessage(), u"Saved."_s);
    QVERIFY(window()->messageBar()->isHidden());
    QString longText;
    while (window()->statusBar()->fontMetrics().horizontalAdvance(longText) < 3 * width)
        longText += u"The keychain could not be used, so the sign-in is kept in memory only. "_s;
    window()->showWarning(longText);
    QVERIFY(window()->messageBar()->isVisible());
    QCOMPARE(window()->messageBar()->text(), longText);
    QApplication::processEvents();
    QCOMPARE(window()->width(), width);
    auto *text = window()->messageBar()->findChild<QLabel *>(u"messageBarText"_s);
    QVERIFY(text->wordWrap());
    QVERIFY(text->height() > text->fontMetrics().height()); // more than one line
    QTest::mouseClick(window()->messageBar()->findChild<QToolButton *>(u"messageBarClose"_s), Qt::LeftButton);
    QVERIFY(window()->messageBar()->isHidden());
    window()->showMessage(longText, 5000);
    QVERIFY(window()->messageBar()->isVisible());
    QVERIFY(window()->statusBar()->currentMessage().isEmpty());
    window()->messageBar()->hide();
}

// Connections (issue 14, item 10): the connector by its display name, a connection in Error with
// an icon and the service's reason, and the flows that use each connection.
void TestConsoleGui::connectionsNameTheirConnectorProblemAndFlows()
{
    selectEnvironment();
    auto *page = window()->findChild<EnvironmentPage *>();
    QVERIFY(page);
    auto *tabs = page->findChild<QTabWidget *>(u"environmentTabs"_s);
    tabs->setCurrentIndex(1);
    ConnectionListModel *connections = page->connectionModel();
    QTRY_VERIFY(connections->rowCount() > 0);
    // Every flow listed, so that "Used by" is complete.
    const QModelIndex env = model()->environmentIndex(m_env);
    auto *listAll = page->findChild<QPushButton *>(u"listEveryFlowButton"_s);
    if (!model()->flowsComplete(m_env))
        listAll->click();
    QTRY_VERIFY(model()->flowsComplete(m_env));
    QTRY_VERIFY(listAll->isHidden());

    int errors = 0;
    int used = 0;
    for (int row = 0; row < connections->rowCount(); ++row) {
        const Connection &c = connections->items().at(row);
        const QString connector =
            connections->index(row, ConnectionListModel::ConnectorColumn).data().toString();
        QTRY_VERIFY2(!connections->index(row, ConnectionListModel::ConnectorColumn)
                          .data()
                          .toString()
                          .startsWith(u"shared_"_s),
                     qPrintable(connector));
        if (c.status == u"Error"_s) {
            ++errors;
            QVERIFY(!c.errorMessage.isEmpty());
            const QModelIndex status = connections->index(row, ConnectionListModel::StatusColumn);
            QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
            QVERIFY(status.data(Qt::ToolTipRole).toString().contains(c.errorMessage));
        }
        // The flows whose connection references name this connection, from the listed flows.
        QStringList expected;
        for (int f = 0; f < model()->rowCount(env); ++f) {
            const Flow *flow = model()->flowAt(model()->index(f, 0, env));
            if (!flow)
                continue;
            for (const ConnectionReference &ref : flow->connectionReferences) {
                if (ref.connectionName == c.name && !expected.contains(flow->displayName))
                    expected << flow->displayName;
            }
        }
        expected.sort(Qt::CaseInsensitive);
        QCOMPARE(connections->usedBy(c.name), expected);
        used += expected.isEmpty() ? 0 : 1;
    }
    QCOMPARE(errors, 1); // the demo's Teams connection
    QVERIFY(used >= 3);

    // Selecting the connection in Error explains it below the table.
    QTableView *table = page->connectionTable();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, ConnectionListModel::StatusColumn).data().toString() == u"Error"_s)
            table->setCurrentIndex(table->model()->index(row, 0));
    }
    auto *details = page->findChild<QLabel *>(u"connectionDetails"_s);
    QVERIFY(details->isVisible());
    QVERIFY(details->text().contains(u"Fix connection"_s));
    QVERIFY(details->text().contains(u"Used by"_s));
    tabs->setCurrentIndex(0);
}

void TestConsoleGui::noShortcutIsAmbiguous()
{
    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).first();
    QVERIFY(selectFlow(flow));
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    window()->flowPage()->setCurrentTab(2); // Runs
    RunsTab *runs = window()->flowPage()->runsTab();
    QTRY_VERIFY(runs->model()->isLoaded());

    const QList<QWidget *> places = {window()->tree(), runs->view(),
                                     window()->findChild<QWidget *>(u"treeFilter"_s)};
    for (QWidget *place : places) {
        QVERIFY(place);
        place->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), place);
        const QHash<QKeySequence, QStringList> claims = shortcutsInScope(window(), place);
        for (auto it = claims.cbegin(); it != claims.cend(); ++it) {
            QVERIFY2(it.value().size() == 1,
                     qPrintable(u"%1 in %2: %3"_s.arg(it.key().toString(), place->objectName(),
                                                      it.value().join(u", "_s))));
        }
    }

    ambiguityWarnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(recordAmbiguity);
    runs->view()->setFocus(Qt::OtherFocusReason);
    QSignalSpy reloaded(runs->model(), &QAbstractItemModel::modelReset);
    QTest::keyClick(runs->view(), Qt::Key_F5);
    QTest::keyClick(runs->view(), Qt::Key_F, Qt::ControlModifier);
    qInstallMessageHandler(previous);
    QVERIFY2(ambiguityWarnings.isEmpty(), qPrintable(ambiguityWarnings.join(u'\n')));
    QVERIFY(!reloaded.isEmpty());                             // F5 in the grid reloads the grid
    QVERIFY(runs->isAncestorOf(QApplication::focusWidget())); // Ctrl+F went to the grid's own filter

    // In the tree, the same keys are the window's again.
    window()->tree()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(window()->tree(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), window()->findChild<QLineEdit *>(u"treeFilter"_s));
}

// Issue 14, items 4 and 5: the tree was in GUID order; expanding another environment moved the
// selection; clearing the filter collapsed the tree and lost it; a filter that matched nothing
// said nothing; Escape did not clear it.
void TestConsoleGui::treeIsSortedAndKeepsTheSelection()
{
    QTreeView *tree = window()->tree();
    QAbstractItemModel *view = tree->model();
    // Default environment first, then by name; flows by name.
    QVERIFY(view->rowCount() >= 2);
    QVERIFY(model()->environmentAt(proxy()->mapToSource(view->index(0, 0)))->isDefault);
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    for (int row = 2; row < view->rowCount(); ++row)
        QVERIFY(collator.compare(view->index(row - 1, 0).data().toString(),
                                 view->index(row, 0).data().toString()) <= 0);
    const QModelIndex envRow = proxy()->mapFromSource(model()->environmentIndex(m_env));
    QTRY_VERIFY(view->rowCount(envRow) > 2);
    for (int row = 1; row < view->rowCount(envRow); ++row)
        QVERIFY(collator.compare(view->index(row - 1, 0, envRow).data().toString(),
                                 view->index(row, 0, envRow).data().toString()) <= 0);

    const QString flow = emulator()->flowsOwnedBy(m_upn, m_env).first();
    QVERIFY(selectFlow(flow));
    // Expanding (and so loading) another environment leaves the selection where it is.
    for (int row = 0; row < view->rowCount(); ++row) {
        const QModelIndex other = view->index(row, 0);
        if (other == envRow)
            continue;
        tree->expand(other);
        const QModelIndex source = proxy()->mapToSource(other);
        if (model()->canFetchMore(source))
            model()->fetchMore(source);
    }
    QTRY_VERIFY([&] {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->isLoadingFlows(model()->environmentAt(model()->index(row, 0))->name))
                return false;
        }
        return true;
    }());
    QCOMPARE(window()->selectedFlows().size(), 1);
    QCOMPARE(window()->selectedFlows().first().name, flow);

    // A filter that matches nothing says so; Escape clears it and gives the selection back.
    auto *filter = window()->findChild<QLineEdit *>(u"treeFilter"_s);
    auto *noMatch = window()->findChild<QLabel *>(u"treeFilterNoMatch"_s);
    filter->setFocus();
    QTest::keyClicks(filter, u"no flow is called this"_s);
    QTRY_VERIFY(noMatch->isVisible());
    QVERIFY(noMatch->text().contains("no flow is called this"_L1));
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QVERIFY(!noMatch->isVisible());
    QCOMPARE(window()->selectedFlows().size(), 1);
    QCOMPARE(window()->selectedFlows().first().name, flow);
    QVERIFY(tree->isExpanded(proxy()->mapFromSource(model()->environmentIndex(m_env))));
}

QTEST_MAIN(TestConsoleGui)
#include "tst_console_gui.moc"
