#pragma once

#include "api/Types.h"
#include "ops/BulkTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace fc {

class ApiClient;
class NavigationModel;
class OperationManager;
struct ApiError;

// The actions on flows (toolbar, menus, context menus) and what they do. The window tells it
// which flows are selected and which environment is current; actions are enabled only where
// they apply. Each action re-reads the selection when it runs, so that an asynchronous
// confirmation never acts on a stale list.
class FlowActions : public QObject
{
    Q_OBJECT
public:
    using SelectionProvider = std::function<QList<Flow>()>;
    using EnvironmentProvider = std::function<QString()>;

    FlowActions(ApiClient *client, NavigationModel *model, QWidget *window);

    void setSelectionProvider(SelectionProvider provider) { m_selection = std::move(provider); }
    void setEnvironmentProvider(EnvironmentProvider provider) { m_environment = std::move(provider); }
    // Turning on, off or deleting several flows then runs as one bulk operation (Activity panel).
    void setOperationManager(OperationManager *operations) { m_operations = operations; }
    // Re-evaluates which actions apply; called when the selection or a flow's state changes.
    void updateEnabled();
    void setSignedIn(bool signedIn);

    QAction *newFlow() const { return m_new; }
    QAction *edit() const { return m_edit; }
    QAction *remove() const { return m_delete; }
    QAction *turnOn() const { return m_turnOn; }
    QAction *turnOff() const { return m_turnOff; }
    QAction *copyTriggerUrl() const { return m_copyUrl; }
    // Run now…: a manual or HTTP request trigger's run, with a typed JSON body (RunNowDialog).
    QAction *runNow() const { return m_runNow; }
    QAction *exportDefinition() const { return m_export; }
    QAction *importFlow() const { return m_import; }
    QAction *refresh() const { return m_refresh; }

    void addTo(QToolBar *toolBar) const;
    void addTo(QMenu *menu) const;
    void fillContextMenu(QMenu *menu) const;

    // Opens the editor on a flow (or a new flow in the current environment when flow is null).
    void openEditor(const Flow *flow);

signals:
    void statusMessage(const QString &message, int timeoutMs = 5000);
    void progress(const QString &label, int done, int total); // total 0: finished
    void refreshRequested();
    void flowSaved(const fc::Flow &flow);
    void enabledUpdated(); // after updateEnabled(), for actions kept elsewhere
    // Run now started a run (sentMs by this computer's clock): the flow's run grid fetches it.
    void runStarted(const QString &env, const QString &flow, const QString &run, qint64 sentMs);

private:
    void deleteSelected();
    void setStateOfSelected(bool on);
    void copyUrl();
    void runSelectedNow();
    void exportSelected();
    void importFromFile();
    // Runs one call per flow, one after another, reporting progress; failures are collected and
    // shown once at the end.
    using Step = std::function<void(const Flow &flow, std::function<void(const ApiError *)> done)>;
    void runBatch(const QString &label, const QList<Flow> &flows, Step step,
                  std::function<void(const Flow &)> onSuccess);
    // The same through the bulk engine, for several flows: adaptive concurrency, journalled.
    void runOperation(const QString &title, BulkAction action, const QList<Flow> &flows,
                      std::function<void(const BulkItem &)> onSuccess);

    QPointer<ApiClient> m_client;
    NavigationModel *m_model;
    OperationManager *m_operations = nullptr;
    QWidget *m_window;
    SelectionProvider m_selection;
    EnvironmentProvider m_environment;
    bool m_signedIn = false;
    bool m_batchRunning = false;

    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_turnOn = nullptr;
    QAction *m_turnOff = nullptr;
    QAction *m_copyUrl = nullptr;
    QAction *m_runNow = nullptr;
    QAction *m_export = nullptr;
    QAction *m_import = nullptr;
    QAction *m_refresh = nullptr;
};

} // namespace fc
