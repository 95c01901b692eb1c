#pragma once

#include "api/Types.h"

#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QSet>

#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QProgressBar;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace fc {

class MessageBar;

class ActivityPanel;
class AdminFlowsPage;
class RecycleBinPage;
class RunStore;
class ApiClient;
class BulkFlowActions;
class EnvironmentPage;
class FlowActions;
class FlowPage;
class NavigationModel;
class OperationManager;
class OperationNotifier;
class WelcomePage;
struct ApiError;

// The console's main window: the environment and flow tree on the left, the selected item's
// page on the right, flow actions in the toolbar, menus and context menus, and a status bar
// with the account, the profile and the requests in flight. Sessions are the Console's
// business; the window only shows one.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ApiClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    NavigationModel *navigation() const { return m_model; }
    // A message for the user: in the status bar when it fits on one line, else in the message
    // bar above the pages (wrapped, never cut off).
    void showMessage(const QString &text, int timeoutMs = 0);
    // Something the user should act on (the keychain cannot be used): in the message bar until closed.
    void showWarning(const QString &text);
    MessageBar *messageBar() const { return m_messageBar; }
    FlowActions *actions() const { return m_actions; }
    BulkFlowActions *bulkActions() const { return m_bulkActions; }
    OperationManager *operations() const { return m_operations; }
    ActivityPanel *activity() const { return m_activity; }
    FlowPage *flowPage() const { return m_flowPage; }
    OperationNotifier *notifier() const { return m_notifier; }
    QTreeView *tree() const { return m_tree; }
    WelcomePage *welcomePage() const { return m_welcome; }
    AdminFlowsPage *adminFlowsPage() const { return m_adminPage; }
    RecycleBinPage *recycleBinPage() const { return m_binPage; }
    // A flow from the administrator's list: selected in the tree when the user owns it, otherwise
    // opened in a window of its own that reaches it through the admin scope.
    QWidget *openAdminFlow(const Flow &flow);

    // Shows the console for a signed-in account and loads the tree.
    void showSignedIn(const QString &account, const QString &profileName, bool demo);
    // Shows the welcome page, with why.
    void showSignedOut(const QString &message);
    void setSigningIn(const QString &message);

    // The flows the user selected, in the view they last used (tree or environment table).
    QList<Flow> selectedFlows() const;
    QString currentEnvironment() const;

    // Emits treeReady() once, after the first paint of a filled tree (for the start-up benchmark).
    void armReadySignal();

signals:
    void signInRequested();
    void profilesRequested();
    void signOutRequested();
    void demoRequested();
    void treeReady();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void restoreState();
    void fitToScreen();
    void saveState() const;
    void onCurrentChanged();
    void showPageFor(const QModelIndex &sourceIndex);
    void loadFullFlow(const Flow &flow);
    QString environmentDisplayName(const QString &environment) const;
    void refreshCurrentPage();
    void refresh();
    void selectPending();
    void selectSource(const QModelIndex &sourceIndex);
    void checkReady();
    void onLoadFailed(const ApiError &error);
    void onProgress(const QString &label, int done, int total);
    void openOperationsJournal(bool demo, const QString &scope);
    void askToQuit(int activeOperations);
    void applyTreeFilter(const QString &text);
    void probeAdminAccess();
    void openRunStore(bool demo, const QString &profileName, const QString &account);

    ApiClient *m_client;
    NavigationModel *m_model;
    QSortFilterProxyModel *m_filterModel = nullptr;
    FlowActions *m_actions = nullptr;
    OperationManager *m_operations = nullptr;
    BulkFlowActions *m_bulkActions = nullptr;
    ActivityPanel *m_activity = nullptr;
    OperationNotifier *m_notifier = nullptr;
    QPointer<QMessageBox> m_quitQuestion;
    bool m_quitConfirmed = false;
    MessageBar *m_messageBar = nullptr;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_noMatch = nullptr;
    QString m_filterText;
    bool m_applyingFilter = false;
    QPersistentModelIndex m_filterAnchor; // the item the user was on when the filter changed
    QSet<QString> m_expandedBeforeFilter;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    QWidget *m_blank = nullptr;
    EnvironmentPage *m_envPage = nullptr;
    FlowPage *m_flowPage = nullptr;
    AdminFlowsPage *m_adminPage = nullptr;
    RecycleBinPage *m_binPage = nullptr;
    quint64 m_adminProbe = 0;
    std::unique_ptr<RunStore> m_runStore; // the signed-in account's run history on disk
    QMenu *m_contextMenu = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_signIn = nullptr;
    QLabel *m_accountLabel = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_inFlightLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPointer<QWidget> m_lastFlowView;

    bool m_signedIn = false;
    QString m_pendingEnv; // selection to restore once it is loaded
    QString m_pendingFlow;
    bool m_readyArmed = false;
    bool m_readyEmitted = false;
    quint64 m_fullFlowCall = 0;
};

} // namespace fc
