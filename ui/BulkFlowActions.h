#pragma once

#include "RunSweepDialog.h"
#include "api/Types.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;

namespace fc {

class ApiClient;
class OperationManager;

// The flow actions that sweep many runs: "Cancel all running runs" and "Resubmit failed runs…"
// of the flows selected in the tree. Each counts first (RunSweepDialog), then, once the user
// confirms, hands one operation to the OperationManager, whose progress shows in the Activity
// panel.
class BulkFlowActions : public QObject
{
    Q_OBJECT
public:
    using SelectionProvider = std::function<QList<Flow>()>;

    BulkFlowActions(ApiClient *client, OperationManager *operations, QWidget *window);

    void setSelectionProvider(SelectionProvider provider) { m_selection = std::move(provider); }
    void setSignedIn(bool signedIn);
    void updateEnabled();

    QAction *cancelAllRunning() const { return m_cancelRunning; }
    QAction *resubmitFailed() const { return m_resubmitFailed; }
    // The dialog opened by the last action (tests drive it).
    RunSweepDialog *dialog() const { return m_dialog; }

private:
    void openSweep(RunSweepDialog::Mode mode);

    QPointer<ApiClient> m_client;
    OperationManager *m_operations;
    QWidget *m_window;
    SelectionProvider m_selection;
    bool m_signedIn = false;
    QAction *m_cancelRunning;
    QAction *m_resubmitFailed;
    QPointer<RunSweepDialog> m_dialog;
};

} // namespace fc
