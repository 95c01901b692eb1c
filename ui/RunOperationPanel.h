#pragma once

#include "api/Types.h"
#include "ops/BulkTypes.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace fc {

class Journal;

class ApiClient;
class BulkEngine;
class RunsModel;

// The strip under the run grid that runs one cancel or resubmit of many runs: bounded,
// adaptive concurrency (BulkEngine, no journal), progress as it goes, results fed into the
// grid (cancelled rows re-read, new runs of a resubmit inserted), failures listed with their
// reasons and a "Retry failed" button.
class RunOperationPanel : public QFrame
{
    Q_OBJECT
public:
    RunOperationPanel(ApiClient *client, RunsModel *model, QWidget *parent = nullptr);

    // Starts an operation on these runs of the model's flow; false while another one runs.
    bool start(BulkAction action, const QList<FlowRun> &runs);
    bool isBusy() const;
    BulkEngine *operation() const { return m_engine; }
    // The most calls in flight at once (tests use 1 to make the order of calls known).
    void setMaxConcurrency(int maximum) { m_maxConcurrency = maximum; }
    // Where operations are journalled so that a crash in the middle loses nothing (may be null).
    void setJournal(Journal *journal) { m_journal = journal; }
    void retryFailed();

signals:
    void busyChanged(bool busy);
    void statusMessage(const QString &message);
    void operationStarted(fc::BulkEngine *engine); // for the Activity panel

private:
    void onItemChanged(int index);
    void updateSummary();
    void fillFailures();

    QPointer<ApiClient> m_client;
    RunsModel *m_model;
    BulkEngine *m_engine = nullptr;
    BulkAction m_action = BulkAction::CancelRun;
    qint64 m_startedMs = 0;
    int m_maxConcurrency = 0;
    Journal *m_journal = nullptr;
    QTimer *m_newRunsTimer;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QTreeWidget *m_failures;
    QPushButton *m_retry;
    QPushButton *m_stop;
    QPushButton *m_close;
};

} // namespace fc
