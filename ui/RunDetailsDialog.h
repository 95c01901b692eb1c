#pragma once

#include "api/Types.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace fc {

class ApiClient;
class RunContentView;

// Every property of one run (status, code, times, correlation, trigger) and its actions in the
// order they ran, with durations and errors, read with $expand=properties/actions. Selecting the
// trigger or an action shows its error in full and what it received and gave (RunContentView:
// the documents behind its content links, read without the bearer token).
// Cancel and Resubmit act on this run; the grid is told so that it shows the result.
class RunDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    RunDetailsDialog(ApiClient *client, const QString &environment, const QString &flow, const FlowRun &run,
                     QWidget *parent = nullptr);

    void reload();
    bool isLoading() const { return m_call != 0; }
    // The run as read; its actions sorted by start time, as the list shows them.
    const FlowRunDetails &details() const { return m_details; }
    RunContentView *contentView() const { return m_content; }
    QTreeWidget *actionsView() const { return m_actions; }
    // Selects the trigger (row 0) or an action by name.
    void selectTrigger();
    bool selectAction(const QString &name);

signals:
    void runCancelled(const QString &run);
    void runResubmitted(const QString &run, qint64 sentMs);

private:
    void fill();
    QString triggerStatusText() const;
    void showSelected();
    void cancelRun();
    void resubmitRun();
    void setBusy(const QString &message);

    QPointer<ApiClient> m_client;
    QString m_env;
    QString m_flow;
    FlowRunDetails m_details;
    quint64 m_call = 0;
    bool m_loaded = false; // the run was read at least once (until then no links are known)
    QLabel *m_header;
    QLabel *m_status;
    QLabel *m_code;
    QLabel *m_start;
    QLabel *m_end;
    QLabel *m_duration;
    QLineEdit *m_correlation;
    QLabel *m_trigger;
    QLabel *m_origin;
    QTreeWidget *m_actions;
    QLabel *m_actionError;
    RunContentView *m_content;
    QLabel *m_message;
    QPushButton *m_cancel;
    QPushButton *m_resubmit;
    QPushButton *m_refresh;
};

} // namespace fc
