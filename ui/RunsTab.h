#pragma once

#include "api/Types.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace fc {

class ApiClient;
class BulkEngine;
class RunOperationPanel;
class RunsFilterProxy;
class RunsModel;

// The Runs tab of a flow page: the run grid with server-side status and time filters, a text
// filter over the loaded rows, a strip counting runs by status, "Load all" with progress,
// auto-refresh of running runs (paused while hidden), and Cancel / Resubmit / Export on an
// extended selection. Double-click or Enter opens the run's details.
class RunsTab : public QWidget
{
    Q_OBJECT
public:
    explicit RunsTab(ApiClient *client, QWidget *parent = nullptr);

    void setFlow(const QString &environment, const QString &flow);
    RunsModel *model() const { return m_model; }
    RunsFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    RunOperationPanel *operationPanel() const { return m_panel; }

    // Server-side filters, as the controls set them (empty: every status).
    void setStatusFilter(const QList<RunStatus> &statuses);
    QList<RunStatus> statusFilter() const;
    // The selected runs, read from the view now (source rows through the proxy).
    QList<FlowRun> selectedRuns() const;
    // Writes the selected (or all loaded) runs to a CSV file; the error text on failure.
    bool exportCsv(const QString &path, bool selectedOnly, QString *error = nullptr);

    // The Insight tab's ways in: read the flow's runs now (they are otherwise read when this tab
    // is first shown), "Load all", and show only the failed runs with one failure code (a chip
    // in the filter bar says so and clears it).
    void ensureLoaded() { applyPendingFlow(); }
    // The time filter in words: "started in the last 28 days".
    QString rangeText() const;
    void loadAll();
    void showFailureCode(const QString &code);
    void clearFailureCode();
    QToolButton *failureCodeChip() const { return m_codeChip; }

    QAction *cancelAction() const { return m_cancel; }
    QAction *resubmitAction() const { return m_resubmit; }
    QAction *detailsAction() const { return m_details; }

signals:
    void statusMessage(const QString &message);
    void operationStarted(fc::BulkEngine *engine); // cancel/resubmit of the selection, for the Activity panel

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyPendingFlow();
    QString m_pendingEnv;
    QString m_pendingFlow;
    bool m_hasPending = false;

private:
    QWidget *buildFilterBar();
    QWidget *buildStrip();
    void createActions();
    void applyServerFilter();
    void updateStatusButton();
    void updateStrip();
    void updateActions();
    void scheduleUpdateActions();
    void confirmCancel();
    void confirmResubmit();
    void chooseExportFile(bool selectedOnly);
    void openDetails(const QModelIndex &proxyIndex);

    ApiClient *m_client;
    RunsModel *m_model;
    RunsFilterProxy *m_proxy;
    QTableView *m_view = nullptr;
    RunOperationPanel *m_panel = nullptr;

    QToolButton *m_statusButton = nullptr;
    QMenu *m_statusMenu = nullptr;
    QComboBox *m_range = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLineEdit *m_text = nullptr;
    QToolButton *m_codeChip = nullptr;
    QComboBox *m_interval = nullptr;
    QLabel *m_strip = nullptr;
    QLabel *m_loaded = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_loadAll = nullptr;
    QPushButton *m_stopLoad = nullptr;
    QProgressBar *m_loadProgress = nullptr;

    QAction *m_cancel = nullptr;
    QAction *m_resubmit = nullptr;
    QAction *m_details = nullptr;
    QAction *m_exportSelected = nullptr;
    QAction *m_exportAll = nullptr;
    QAction *m_reload = nullptr;
    bool m_updatePending = false;
    QString m_loadError;        // what failed, in plain words
    QString m_loadErrorDetails; // the technical account, as a tooltip
};

} // namespace fc
