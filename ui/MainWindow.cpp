#include "MainWindow.h"
#include "RunOperationPanel.h"
#include "RunsTab.h"

#include "ActivityPanel.h"
#include "AdminFlowsModel.h"
#include "AdminFlowsPage.h"
#include "BulkFlowActions.h"
#include "EnvironmentPage.h"
#include "FlowActions.h"
#include "FlowPage.h"
#include "MessageBar.h"
#include "Messages.h"
#include "NavigationModel.h"
#include "NavigationProxy.h"
#include "OperationNotifier.h"
#include "RecycleBinPage.h"
#include "RunHistoryDialog.h"
#include "RunsModel.h"
#include "ShortcutArbiter.h"
#include "Theme.h"
#include "WelcomePage.h"
#include "api/ApiClient.h"
#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"
#include "store/RunStore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

MainWindow::MainWindow(ApiClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_model(new NavigationModel(client, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("FlowConsole"));
    setWindowIcon(QIcon(u":/icons/flowconsole.svg"_s));

    m_filterModel = new NavigationProxy(this);
    m_filterModel->setSourceModel(m_model);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 0, 4);
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"treeFilter"_s);
    m_filter->setPlaceholderText(tr("Filter environments and flows (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::applyTreeFilter);
    // Escape in the filter box clears it (and gives the tree back its selection).
    auto *clearFilter = new QAction(m_filter);
    clearFilter->setShortcut(Qt::Key_Escape);
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    connect(clearFilter, &QAction::triggered, m_filter, &QLineEdit::clear);
    m_filter->addAction(clearFilter);
    m_noMatch = new QLabel;
    m_noMatch->setObjectName(u"treeFilterNoMatch"_s);
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();
    m_tree = new QTreeView;
    m_tree->setObjectName(u"navigationTree"_s);
    m_tree->setAccessibleName(tr("Environments and flows"));
    m_tree->setHeaderHidden(true);
    m_tree->setModel(m_filterModel);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    for (int c = 1; c < NavigationModel::ColumnCount; ++c)
        m_tree->setColumnHidden(c, true);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_noMatch);
    leftLayout->addWidget(m_tree);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    m_pages->setAccessibleName(tr("Selected item"));
    m_welcome = new WelcomePage;
    m_blank = new QLabel(tr("Select an environment or a flow."));
    m_blank->setObjectName(u"blankPage"_s);
    static_cast<QLabel *>(m_blank)->setAlignment(Qt::AlignCenter);
    m_envPage = new EnvironmentPage(client, m_model);
    m_flowPage = new FlowPage(client);
    m_flowPage->setEnvironmentNames([this](const QString &name) { return environmentDisplayName(name); });
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_blank);
    m_pages->addWidget(m_envPage);
    m_pages->addWidget(m_flowPage);
    connect(m_welcome, &WelcomePage::signInRequested, this, &MainWindow::profilesRequested);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 900});
    m_messageBar = new MessageBar;
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_messageBar);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_actions = new FlowActions(client, m_model, this);
    m_actions->setSelectionProvider([this] { return selectedFlows(); });
    m_actions->setEnvironmentProvider([this] { return currentEnvironment(); });
    m_operations = new OperationManager(client, this);
    m_actions->setOperationManager(m_operations);
    m_bulkActions = new BulkFlowActions(client, m_operations, this);
    m_bulkActions->setSelectionProvider([this] { return selectedFlows(); });
    connect(m_actions, &FlowActions::enabledUpdated, m_bulkActions, &BulkFlowActions::updateEnabled);
    // The administrator's pages, shown from the rows the tree gains when the account holds an
    // admin role (the service said so: see probeAdminAccess).
    m_adminPage = new AdminFlowsPage(client, m_operations);
    m_binPage = new RecycleBinPage(client, m_operations);
    m_pages->addWidget(m_adminPage);
    m_pages->addWidget(m_binPage);
    connect(m_adminPage, &AdminFlowsPage::statusMessage, this,
            [this](const QString &message) { showMessage(message, 8000); });
    connect(m_binPage, &RecycleBinPage::statusMessage, this,
            [this](const QString &message) { showMessage(message, 8000); });
    connect(m_adminPage, &AdminFlowsPage::openFlowRequested, this, &MainWindow::openAdminFlow);
    connect(m_adminPage, &AdminFlowsPage::flowsChanged, this,
            [this](const QString &env) { m_model->refreshFlows(env); });
    connect(m_binPage, &RecycleBinPage::flowsRestored, this, [this](const QString &env) {
        m_model->refreshFlows(env);
        if (m_adminPage->environmentName() == env)
            m_adminPage->model()->load(env);
    });
    connect(m_client, &ApiClient::adminAccessChanged, this, [this](ApiClient::AdminAccess access) {
        m_model->setAdminEntries(access == ApiClient::AdminAccess::Granted);
    });
    connect(m_model, &NavigationModel::environmentsLoaded, this, &MainWindow::probeAdminAccess);

    m_activity = new ActivityPanel(m_operations, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activity);
    m_activity->hide(); // until there is work to show, or the user asks
    m_notifier = new OperationNotifier(m_operations, this);
    // A sweep (or any operation) that changed runs of the flow shown refreshes its grid.
    connect(m_operations, &OperationManager::operationFinished, this, [this](BulkEngine *engine) {
        RunsModel *runs = m_flowPage->runsTab()->model();
        for (const BulkItem &item : engine->items()) {
            if (item.flow == runs->flow() && item.env == runs->environment() && !item.run.isEmpty()) {
                runs->refreshActive();
                runs->fetchNewRuns(QDateTime::currentMSecsSinceEpoch() - engine->elapsedMs() - 60000);
                return;
            }
        }
    });
    connect(m_operations, &OperationManager::heldElsewhere, this, [this](int count) {
        showMessage(tr("%n unfinished operation(s) are being run by another FlowConsole window; they "
                       "are not offered here, so that nothing is sent twice.",
                       nullptr, count),
                    20000);
    });
    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(u"flowContextMenu"_s);
    m_actions->fillContextMenu(m_contextMenu);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_bulkActions->resubmitFailed());
    m_contextMenu->addAction(m_bulkActions->cancelAllRunning());

    buildMenus();
    buildStatusBar();

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (m_applyingFilter)
                    return;
                m_filterAnchor = m_filterModel->mapToSource(current);
                onCurrentChanged();
            });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_lastFlowView = m_tree;
        m_actions->updateEnabled();
    });
    connect(m_envPage, &EnvironmentPage::flowSelectionChanged, this, [this] {
        m_lastFlowView = m_envPage->flowTable();
        m_actions->updateEnabled();
    });
    connect(m_envPage, &EnvironmentPage::flowActivated, this,
            [this](const QModelIndex &source) { selectSource(source); });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        m_lastFlowView = m_tree;
        m_actions->updateEnabled();
        m_contextMenu->popup(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_envPage, &EnvironmentPage::contextMenuRequested, this, [this](const QPoint &global) {
        m_lastFlowView = m_envPage->flowTable();
        m_actions->updateEnabled();
        m_contextMenu->popup(global);
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (NavigationModel::isFlow(m_filterModel->mapToSource(index)) && m_actions->edit()->isEnabled())
            m_actions->edit()->trigger();
    });

    connect(m_model, &NavigationModel::environmentsLoaded, this, &MainWindow::selectPending);
    connect(m_model, &NavigationModel::flowsPageLoaded, this, &MainWindow::selectPending);
    connect(m_model, &NavigationModel::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        refreshCurrentPage();
        m_actions->updateEnabled();
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_signedIn)
            m_pages->setCurrentWidget(m_blank);
    });
    connect(m_actions, &FlowActions::refreshRequested, this, &MainWindow::refresh);
    connect(m_actions, &FlowActions::statusMessage, this,
            [this](const QString &message, int timeout) { showMessage(message, timeout); });
    connect(m_actions, &FlowActions::progress, this, &MainWindow::onProgress);
    connect(m_actions, &FlowActions::flowSaved, this,
            [this](const Flow &flow) { selectSource(m_model->flowIndex(flow.environment, flow.name)); });
    // Run now: the flow's grid shows the new run (a minute back for the service's clock).
    connect(m_actions, &FlowActions::runStarted, this,
            [this](const QString &env, const QString &flow, const QString &, qint64 sentMs) {
                RunsModel *runs = m_flowPage->runsTab()->model();
                if (runs->environment() == env && runs->flow() == flow)
                    runs->fetchNewRuns(sentMs - 60000);
            });
    connect(m_flowPage, &FlowPage::operationStarted, m_operations, &OperationManager::track);
    connect(m_flowPage, &FlowPage::statusMessage, this,
            [this](const QString &message) { showMessage(message, 5000); });
    connect(m_client->transport(), &HttpTransport::callsInFlightChanged, this, [this](int count) {
        m_inFlightLabel->setText(count ? tr("%n request(s) in flight", nullptr, count) : QString());
    });

    // Last: every action of the window exists now.
    (new ShortcutArbiter(this))->collect();

    resize(1200, 760);
    restoreState();
    showSignedOut({});
}

MainWindow::~MainWindow()
{
    // Who outlives whom: the session, its client and the client's transport outlive this window
    // (the Console destroys the window first). A connection lives until the receiver's ~QObject,
    // which runs after ~MainWindow and ~QWidget; by then the window's children are being destroyed,
    // and a child that dies cancels its calls on the transport, which emits signals. Anything still
    // connected from the long-lived objects to this window or one of its children would run on an
    // object half gone. So: first cut every connection from them into this window's tree, then
    // destroy the children that hold calls while this is still a whole MainWindow.
    QList<QObject *> receivers = findChildren<QObject *>();
    receivers.prepend(this);
    for (QObject *receiver : std::as_const(receivers)) {
        disconnect(m_client->transport(), nullptr, receiver, nullptr);
        disconnect(m_client, nullptr, receiver, nullptr);
        // The window's own reactions (selection, pages, status bar) have nothing left to do.
        if (receiver != this)
            disconnect(receiver, nullptr, this, nullptr);
    }
    // Operations first: their engines record in the journal as they stop. Then the pages and the
    // tree's model, whose calls are cancelled as they go.
    delete m_operations;
    m_operations = nullptr;
    delete m_flowPage;
    m_flowPage = nullptr;
    delete m_adminPage;
    m_adminPage = nullptr;
    delete m_binPage;
    m_binPage = nullptr;
    delete m_envPage;
    m_envPage = nullptr;
    delete m_filterModel;
    m_filterModel = nullptr;
    delete m_model;
    m_model = nullptr;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *profiles = file->addAction(tr("&Profiles…"));
    profiles->setObjectName(u"actionProfiles"_s);
    connect(profiles, &QAction::triggered, this, &MainWindow::profilesRequested);
    m_signIn = file->addAction(tr("&Sign in…"));
    m_signIn->setObjectName(u"actionSignIn"_s);
    connect(m_signIn, &QAction::triggered, this, &MainWindow::signInRequested);
    m_signOut = file->addAction(tr("Sign &out"));
    m_signOut->setObjectName(u"actionSignOut"_s);
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    file->addSeparator();
    file->addAction(m_actions->importFlow());
    file->addAction(m_actions->exportDefinition());
    file->addSeparator();
    QAction *history = file->addAction(tr("Stored run &history…"));
    history->setObjectName(u"runHistoryAction"_s);
    connect(history, &QAction::triggered, this, [this] {
        auto *dialog = new RunHistoryDialog(m_runStore.get(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &RunHistoryDialog::cleared, this,
                [this] { m_flowPage->runsTab()->model()->reload(); });
        dialog->open();
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Filter"));
    find->setObjectName(u"actionFilter"_s);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    QMenu *flow = menuBar()->addMenu(tr("F&low"));
    m_actions->addTo(flow);
    // Share… acts on the one selected flow.
    QAction *share = flow->addAction(tr("&Share…"), this, [this] {
        const QList<Flow> flows = selectedFlows();
        if (flows.size() == 1)
            m_flowPage->openOwners(flows.first());
    });
    share->setObjectName(u"shareSelectedFlowAction"_s);
    share->setEnabled(false);
    connect(m_actions, &FlowActions::enabledUpdated, share,
            [this, share] { share->setEnabled(selectedFlows().size() == 1); });
    m_contextMenu->addAction(share);
    flow->addSeparator();
    flow->addAction(m_bulkActions->resubmitFailed());
    flow->addAction(m_bulkActions->cancelAllRunning());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions->refresh());
    QAction *activity = m_activity->toggleViewAction();
    activity->setObjectName(u"actionActivity"_s);
    activity->setText(tr("&Activity"));
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    view->addAction(activity);
    QMenu *themes = view->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const std::pair<QString, theme::Mode> modes[] = {{tr("&System"), theme::Mode::System},
                                                     {tr("&Light"), theme::Mode::Light},
                                                     {tr("&Dark"), theme::Mode::Dark}};
    for (const auto &[label, mode] : modes) {
        QAction *action = themes->addAction(label);
        action->setObjectName(u"themeAction%1"_s.arg(static_cast<int>(mode)));
        action->setCheckable(true);
        action->setChecked(theme::current() == mode);
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [mode] {
            theme::apply(mode);
            theme::save(mode);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About FlowConsole"));
    connect(about, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About FlowConsole"),
                                    tr("<b>FlowConsole %1</b><p>A desktop console for the Power Automate "
                                       "Management API: environments, cloud flows, their runs, owners, "
                                       "connections and connectors, with a local emulator of the service.</p>"
                                       "<p>Built with Qt %2 (running on Qt %3).<br>"
                                       "Released under the MIT licence.</p>"
                                       "<p>Bulk operations are journalled: nothing is sent twice, even after "
                                       "a crash.</p>"
                                       "<p><a href=\"https://learn.microsoft.com/power-automate/\">Power "
                                       "Automate documentation</a> · <a "
                                       "href=\"https://opensource.org/license/mit\">The MIT licence</a></p>")
                                        .arg(QApplication::applicationVersion(),
                                             QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                                    QMessageBox::Ok, this);
        box->setObjectName(u"aboutBox"_s);
        box->setTextInteractionFlags(Qt::TextBrowserInteraction); // the links open in the browser
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    QToolBar *toolBar = addToolBar(tr("Flows"));
    toolBar->setObjectName(u"flowToolBar"_s);
    toolBar->setAccessibleName(tr("Flow actions"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->addTo(toolBar);
    toolBar->addSeparator();
    toolBar->addAction(m_bulkActions->resubmitFailed());
}

void MainWindow::buildStatusBar()
{
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"statusProgress"_s);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setMaximumWidth(180);
    m_progress->setMaximumHeight(statusBar()->fontMetrics().height() + 4);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_inFlightLabel = new QLabel;
    m_inFlightLabel->setObjectName(u"inFlightLabel"_s);
    m_inFlightLabel->setAccessibleName(tr("Requests in flight"));
    m_accountLabel = new QLabel;
    m_accountLabel->setObjectName(u"accountLabel"_s);
    m_accountLabel->setAccessibleName(tr("Signed-in account"));
    m_profileLabel = new QLabel;
    m_profileLabel->setObjectName(u"profileLabel"_s);
    m_profileLabel->setAccessibleName(tr("Profile"));
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_inFlightLabel);
    statusBar()->addPermanentWidget(m_accountLabel);
    statusBar()->addPermanentWidget(m_profileLabel);
    connect(m_model, &NavigationModel::busyChanged, this, [this](bool busy) {
        // An indeterminate bar while pages load; batch actions show a determinate one.
        if (busy) {
            m_progress->setRange(0, 0);
            m_progress->show();
        } else if (m_progress->maximum() == 0) {
            m_progress->hide();
        }
    });
}

void MainWindow::onProgress(const QString &label, int done, int total)
{
    if (total == 0) {
        m_progress->hide();
        return;
    }
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->show();
    showMessage(tr("%1 %2 of %3…").arg(label).arg(done + 1).arg(total));
}

void MainWindow::showSignedIn(const QString &account, const QString &profileName, bool demo)
{
    m_signedIn = true;
    m_splitter->widget(0)->show();
    setWindowTitle(demo ? tr("FlowConsole — Demo") : tr("FlowConsole — %1").arg(profileName));
    m_accountLabel->setText(account);
    m_profileLabel->setText(demo ? tr("Demo") : profileName);
    m_signOut->setEnabled(true);
    m_actions->setSignedIn(true);
    m_bulkActions->setSignedIn(true);
    openOperationsJournal(demo, profileName + u'/' + account);
    openRunStore(demo, profileName, account);
    m_pages->setCurrentWidget(m_blank);
    statusBar()->clearMessage();
    QSettings settings;
    m_pendingEnv = settings.value("mainWindow/lastEnvironment"_L1).toString();
    m_pendingFlow = settings.value("mainWindow/lastFlow"_L1).toString();
    m_model->reload();
}

void MainWindow::showSignedOut(const QString &message)
{
    m_signedIn = false;
    // Nothing of the account that left stays on screen: its operations, its last panel.
    m_operations->releaseAll();
    m_flowPage->runsTab()->operationPanel()->hide();
    m_flowPage->runsTab()->model()->setRunStore(nullptr);
    m_runStore.reset();
    // An empty tree beside the welcome page only raises questions.
    m_splitter->widget(0)->hide();
    m_model->clear();
    setWindowTitle(tr("FlowConsole"));
    m_accountLabel->setText(tr("Not signed in"));
    m_profileLabel->clear();
    m_signOut->setEnabled(false);
    m_actions->setSignedIn(false);
    m_bulkActions->setSignedIn(false);
    m_welcome->setMessage(message);
    m_welcome->setBusy(false);
    m_pages->setCurrentWidget(m_welcome);
}

void MainWindow::openOperationsJournal(bool demo, const QString &scope)
{
    // The demo's service lives in memory and starts afresh each time: what its operations did
    // cannot be resumed later, so they are journalled only when a journal is named explicitly.
    if (demo && qEnvironmentVariableIsEmpty("FLOWCONSOLE_JOURNAL"))
        return;
    QString error;
    if (!m_operations->openJournal(OperationManager::journalPath(), &error)) {
        showMessage(
            tr("The operations journal could not be opened (%1); bulk operations will not survive a restart.")
                .arg(error),
            15000);
        return;
    }
    m_operations->setScope(scope);
    // Cancels and resubmits from the run grid are journalled like every other bulk operation.
    m_flowPage->runsTab()->operationPanel()->setJournal(m_operations->journal());
    // Only now: an unfinished operation needs a signed-in client to be resumed.
    m_operations->loadUnfinished();
}

void MainWindow::openRunStore(bool demo, const QString &profileName, const QString &account)
{
    RunsModel *runs = m_flowPage->runsTab()->model();
    runs->setRunStore(nullptr);
    m_runStore.reset();
    // The demo's service starts afresh each time: its runs are not worth keeping, unless a store
    // is named explicitly (tests).
    const QString path = qEnvironmentVariable("FLOWCONSOLE_RUNSTORE");
    if (demo && path.isEmpty())
        return;
    auto store = std::make_unique<RunStore>();
    QString error;
    if (!store->open(path.isEmpty() ? RunStore::pathFor(profileName, account) : path, &error)) {
        showMessage(
            tr("The run history store could not be opened (%1); runs are read from the service each time.")
                .arg(error),
            15000);
        return;
    }
    store->enforceLimit(qint64(RunHistoryDialog::limitMb()) * 1024 * 1024);
    m_runStore = std::move(store);
    runs->setRunStore(m_runStore.get());
}

void MainWindow::setSigningIn(const QString &message)
{
    m_welcome->setMessage(message);
    m_welcome->setBusy(true);
    showMessage(message);
}

void MainWindow::refresh()
{
    if (!m_signedIn)
        return;
    // Come back to where the user was once the rows are in again.
    m_pendingEnv = currentEnvironment();
    const QModelIndex current = m_filterModel->mapToSource(m_tree->currentIndex());
    const Flow *flow = m_model->flowAt(current);
    m_pendingFlow = flow ? flow->name : QString();
    m_model->reload();
    m_envPage->refreshLists();
}

void MainWindow::applyTreeFilter(const QString &text)
{
    // What the user was on survives the filter (even while it is filtered out), and so does the
    // shape of the tree: clearing the filter gives back the same expanded environments.
    if (m_filterText.isEmpty() && !text.isEmpty()) {
        m_expandedBeforeFilter.clear();
        for (int row = 0; row < m_filterModel->rowCount(); ++row) {
            const QModelIndex env = m_filterModel->index(row, 0);
            if (m_tree->isExpanded(env))
                m_expandedBeforeFilter.insert(env.data(NavigationModel::EnvironmentNameRole).toString());
        }
    }
    m_filterText = text;
    {
        // Rows the filter hides take the current index with them, and the view moves it to a
        // neighbour: that is not the user's choice, and neither the page nor the anchor follow.
        const QScopedValueRollback<bool> filtering(m_applyingFilter, true);
        m_filterModel->setFilterFixedString(text);
    }
    if (!text.isEmpty()) {
        m_tree->expandAll();
    } else {
        for (int row = 0; row < m_filterModel->rowCount(); ++row) {
            const QModelIndex env = m_filterModel->index(row, 0);
            m_tree->setExpanded(env, m_expandedBeforeFilter.contains(
                                         env.data(NavigationModel::EnvironmentNameRole).toString()));
        }
    }
    const QModelIndex anchor = m_filterModel->mapFromSource(m_filterAnchor);
    if (anchor.isValid()) {
        if (anchor.parent().isValid())
            m_tree->expand(anchor.parent());
        const bool selected = m_tree->selectionModel()->isSelected(anchor);
        m_tree->selectionModel()->setCurrentIndex(anchor, selected ? QItemSelectionModel::NoUpdate
                                                                   : QItemSelectionModel::ClearAndSelect |
                                                                         QItemSelectionModel::Rows);
        m_tree->scrollTo(anchor);
    }
    m_noMatch->setText(tr("No environment or loaded flow matches “%1”.").arg(text));
    m_noMatch->setVisible(!text.isEmpty() && m_filterModel->rowCount() == 0);
}

void MainWindow::selectPending()
{
    // Only what was asked for (the last flow at start-up, a saved flow) is selected: loading the
    // flows of another environment the user expands never moves the selection.
    if (m_pendingEnv.isEmpty() && m_tree->currentIndex().isValid()) {
        checkReady();
        return;
    }
    if (m_pendingEnv.isEmpty() && m_model->rowCount() > 0) {
        // First start: open the default environment (or the first one).
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const Environment *env = m_model->environmentAt(m_model->index(row, 0));
            if (env->isDefault || m_pendingEnv.isEmpty())
                m_pendingEnv = env->name;
            if (env->isDefault)
                break;
        }
    }
    if (!m_pendingEnv.isEmpty()) {
        const QModelIndex env = m_model->environmentIndex(m_pendingEnv);
        if (!env.isValid()) {
            if (!m_model->canFetchMore({}))
                m_pendingEnv.clear(); // gone
            else
                m_model->fetchMore({});
            checkReady();
            return;
        }
        m_tree->expand(m_filterModel->mapFromSource(env));
        if (m_pendingFlow.isEmpty()) {
            selectSource(env);
            m_pendingEnv.clear();
        } else {
            const QModelIndex flow = m_model->flowIndex(m_pendingEnv, m_pendingFlow);
            if (flow.isValid()) {
                selectSource(flow);
                m_pendingEnv.clear();
                m_pendingFlow.clear();
            } else if (m_model->canFetchMore(env)) {
                m_model->fetchMore(env);
            } else if (m_model->flowsComplete(m_pendingEnv)) {
                selectSource(env); // the flow is gone; show its environment
                m_pendingEnv.clear();
                m_pendingFlow.clear();
            }
        }
    }
    checkReady();
}

void MainWindow::selectSource(const QModelIndex &sourceIndex)
{
    const QModelIndex index = m_filterModel->mapFromSource(sourceIndex);
    if (!index.isValid())
        return;
    m_tree->scrollTo(index);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

void MainWindow::onCurrentChanged()
{
    const QModelIndex source = m_filterModel->mapToSource(m_tree->currentIndex());
    showPageFor(source);
    if (const Environment *env = m_model->environmentAt(source)) {
        QSettings settings;
        settings.setValue("mainWindow/lastEnvironment"_L1, env->name);
        const Flow *flow = m_model->flowAt(source);
        settings.setValue("mainWindow/lastFlow"_L1, flow ? flow->name : QString());
    }
    m_actions->updateEnabled();
}

void MainWindow::showPageFor(const QModelIndex &source)
{
    if (!m_signedIn)
        return;
    if (const Flow *flow = m_model->flowAt(source)) {
        const bool other = flow->name != m_flowPage->flow().name;
        m_flowPage->setFlow(*flow);
        m_pages->setCurrentWidget(m_flowPage);
        if (other || flow->definition.isEmpty())
            loadFullFlow(*flow);
        return;
    }
    if (const Environment *env = m_model->environmentAt(source)) {
        switch (NavigationModel::nodeKind(source)) {
        case NavigationModel::NodeKind::AdminFlows:
            m_adminPage->setEnvironment(*env);
            m_pages->setCurrentWidget(m_adminPage);
            return;
        case NavigationModel::NodeKind::RecycleBin:
            m_binPage->setEnvironment(*env);
            m_pages->setCurrentWidget(m_binPage);
            return;
        default:
            m_envPage->setEnvironment(*env);
            m_pages->setCurrentWidget(m_envPage);
            return;
        }
    }
    m_pages->setCurrentWidget(m_blank);
}

// Whether the account may administer: the service is asked once per sign-in, with one page of
// the admin list of the default environment. A 403 (ApiClient remembers it) means no, and no
// admin call is sent again; an answer means yes, and the tree gains the administrator's rows.
void MainWindow::probeAdminAccess()
{
    if (!m_signedIn || m_adminProbe || m_client->adminAccess() != ApiClient::AdminAccess::Unknown ||
        m_client->dialect() != Dialect::Live || m_model->rowCount() == 0)
        return;
    QString env = m_model->environmentAt(m_model->index(0, 0))->name;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->environmentAt(m_model->index(row, 0))->isDefault)
            env = m_model->environmentAt(m_model->index(row, 0))->name;
    }
    m_adminProbe = m_client->listAllFlows(env, false, this, [this](Result<Page<Flow>>) { m_adminProbe = 0; });
}

QWidget *MainWindow::openAdminFlow(const Flow &flow)
{
    const QModelIndex own = m_model->flowIndex(flow.environment, flow.name);
    if (own.isValid()) {
        selectSource(own);
        return m_flowPage;
    }
    ApiClient *admin = m_client->adminScope();
    auto *window = new QWidget(this, Qt::Window);
    window->setObjectName(u"adminFlowWindow"_s);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("%1 — FlowConsole (administrator)").arg(flow.displayName));
    auto *page = new FlowPage(admin);
    page->setEnvironmentNames([this](const QString &name) { return environmentDisplayName(name); });
    auto *layout = new QVBoxLayout(window);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(page);
    page->setFlow(flow);
    connect(page, &FlowPage::operationStarted, m_operations, &OperationManager::track);
    connect(page, &FlowPage::statusMessage, this,
            [this](const QString &message) { showMessage(message, 5000); });
    admin->getFlow(
        flow.environment, flow.name, page, [this, page, name = flow.displayName](Result<Flow> full) {
            if (full)
                page->setFlow(full.value());
            else if (full.error().kind != ApiError::Kind::Cancelled)
                showMessage(describeFailure(tr("Could not load '%1'").arg(name), full.error()), 8000);
        });
    auto *close = new QAction(window);
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, window, &QWidget::close);
    window->addAction(close);
    window->resize(1000, 700);
    window->show();
    return window;
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    // The status bar shows one line and cuts what does not fit; a longer message goes to the
    // message bar above the pages, where it wraps.
    const int room = statusBar()->width() - 4 * statusBar()->fontMetrics().averageCharWidth();
    if (statusBar()->fontMetrics().horizontalAdvance(text) <= room) {
        statusBar()->showMessage(text, timeoutMs);
        return;
    }
    statusBar()->clearMessage();
    m_messageBar->showMessage(text, MessageBar::Kind::Information, timeoutMs);
}

void MainWindow::showWarning(const QString &text)
{
    m_messageBar->showMessage(text, MessageBar::Kind::Warning);
}

QString MainWindow::environmentDisplayName(const QString &environment) const
{
    const Environment *env = m_model->environmentAt(m_model->environmentIndex(environment));
    return env ? env->displayName : QString();
}

// Lists carry no definition; the flow page asks for the whole flow and the row takes it in.
void MainWindow::loadFullFlow(const Flow &flow)
{
    if (m_fullFlowCall)
        m_client->cancel(m_fullFlowCall);
    m_fullFlowCall = m_client->getFlow(
        flow.environment, flow.name, this, [this, name = flow.displayName](Result<Flow> full) {
            m_fullFlowCall = 0;
            if (!full) {
                if (full.error().kind != ApiError::Kind::Cancelled)
                    showMessage(describeFailure(tr("Could not load '%1'").arg(name), full.error()), 8000);
                return;
            }
            m_model->upsertFlow(full.value());
        });
}

void MainWindow::refreshCurrentPage()
{
    if (m_pages->currentWidget() != m_flowPage)
        return;
    const QModelIndex source = m_filterModel->mapToSource(m_tree->currentIndex());
    if (const Flow *flow = m_model->flowAt(source))
        m_flowPage->setFlow(*flow);
}

QList<Flow> MainWindow::selectedFlows() const
{
    QList<Flow> flows;
    if (!m_signedIn)
        return flows;
    if (m_lastFlowView == m_envPage->flowTable() && m_pages->currentWidget() == m_envPage) {
        const QModelIndexList rows = m_envPage->selectedFlows();
        for (const QModelIndex &row : rows) {
            if (const Flow *flow = m_model->flowAt(row))
                flows.append(*flow);
        }
        return flows;
    }
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        if (const Flow *flow = m_model->flowAt(m_filterModel->mapToSource(row)))
            flows.append(*flow);
    }
    return flows;
}

QString MainWindow::currentEnvironment() const
{
    if (!m_signedIn)
        return {};
    const Environment *env = m_model->environmentAt(m_filterModel->mapToSource(m_tree->currentIndex()));
    return env ? env->name : QString();
}

void MainWindow::onLoadFailed(const ApiError &error)
{
    showMessage(describeFailure(tr("Could not load the list"), error), 10000);
    m_pendingEnv.clear();
    m_pendingFlow.clear();
    checkReady();
}

void MainWindow::armReadySignal()
{
    m_readyArmed = true;
    m_tree->viewport()->installEventFilter(this);
    checkReady();
}

void MainWindow::checkReady()
{
    if (!m_readyArmed || m_readyEmitted || !m_model->environmentsReady())
        return;
    // Filled: the environments are in, and so is the first page of the one being opened.
    if (!m_pendingEnv.isEmpty())
        return;
    const QString env = currentEnvironment();
    if (!env.isEmpty() && m_model->isLoadingFlows(env))
        return;
    m_readyArmed = false;
    m_readyEmitted = true;
    // Any paint from now on shows the filled tree.
    m_tree->viewport()->setProperty("fcReadyPending", true);
    m_tree->viewport()->update();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Paint &&
        m_tree->viewport()->property("fcReadyPending").toBool()) {
        m_tree->viewport()->setProperty("fcReadyPending", false);
        m_tree->viewport()->removeEventFilter(this);
        // Report after this paint has been handled and flushed.
        QTimer::singleShot(0, this, &MainWindow::treeReady);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value("mainWindow/geometry"_L1).toByteArray());
    fitToScreen();
    QMainWindow::restoreState(settings.value("mainWindow/docks"_L1).toByteArray());
    m_splitter->restoreState(settings.value("mainWindow/splitter"_L1).toByteArray());
    m_envPage->restoreHeaderState(settings.value("mainWindow/flowTableHeader"_L1).toByteArray());
    m_flowPage->setCurrentTab(settings.value("mainWindow/flowTab"_L1, 0).toInt());
}

void MainWindow::fitToScreen()
{
    // The first size (and one restored from a bigger screen, or at a larger scale factor) never
    // spills off the screen the window opens on.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize size = this->size().boundedTo(available.size() * 0.9);
    if (size != this->size())
        resize(size);
    if (!available.contains(frameGeometry()))
        move(available.center() - rect().center());
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue("mainWindow/geometry"_L1, saveGeometry());
    settings.setValue("mainWindow/docks"_L1, QMainWindow::saveState());
    // Hidden while signed out; its sizes then say nothing about where the user wants the split.
    if (m_splitter->widget(0)->isVisible())
        settings.setValue("mainWindow/splitter"_L1, m_splitter->saveState());
    settings.setValue("mainWindow/flowTableHeader"_L1, m_envPage->saveHeaderState());
    settings.setValue("mainWindow/flowTab"_L1, m_flowPage->currentTab());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int active = m_operations->activeCount();
    if (active > 0 && !m_quitConfirmed) {
        // Quitting in the middle of a bulk operation is a decision, not a slip of Ctrl+Q.
        event->ignore();
        askToQuit(active);
        return;
    }
    // Nothing new leaves from here on; answers that are still on their way are lost with the
    // process, and those items are checked (never simply resent) when the operation resumes.
    m_operations->pauseAll();
    saveState();
    event->accept();
}

void MainWindow::askToQuit(int activeOperations)
{
    if (m_quitQuestion) {
        m_quitQuestion->raise();
        m_quitQuestion->activateWindow();
        return;
    }
    const bool journalled = m_operations->journal() != nullptr;
    const QString text =
        tr("%n bulk operation(s) still running.", nullptr, activeOperations) + u"\n\n"_s +
        (journalled
             ? tr("If you quit now, nothing more is sent. The items not done yet are kept and can be "
                  "resumed the next time you sign in; requests already on their way are checked "
                  "against the service before anything is sent again.")
             : tr("If you quit now, nothing more is sent, and the items not done yet are not kept: the "
                  "demo service does not outlive the console."));
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Quit FlowConsole?"), text, QMessageBox::NoButton, this);
    box->setObjectName(u"quitWhileRunningQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *keep = box->addButton(tr("&Keep running"), QMessageBox::RejectRole);
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::DestructiveRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, quit] {
        if (box->clickedButton() != quit)
            return;
        m_quitConfirmed = true;
        // From the event loop: the question is still closing.
        QTimer::singleShot(0, this, &QWidget::close);
    });
    m_quitQuestion = box;
    box->open();
}

} // namespace fc
