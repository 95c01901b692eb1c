#pragma once

#include "api/Types.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace fc {

class ApiClient;

// Every property of one run (status, code, times, correlation, trigger with links to its inputs
// and outputs) and its actions with status and error, read with $expand=properties/actions.
// Cancel and Resubmit act on this run; the grid is told so that it shows the result.
class RunDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    RunDetailsDialog(ApiClient *client, const QString &environment, const QString &flow, const FlowRun &run,
                     QWidget *parent = nullptr);

    void reload();
    bool isLoading() const { return m_call != 0; }
    const FlowRunDetails &details() const { return m_details; }

signals:
    void runCancelled(const QString &run);
    void runResubmitted(const QString &run, qint64 sentMs);

private:
    QWidget *linkRow(QLineEdit *edit, const QString &what);
    void fill();
    void cancelRun();
    void resubmitRun();
    void setBusy(const QString &message);

    QPointer<ApiClient> m_client;
    QString m_env;
    QString m_flow;
    FlowRunDetails m_details;
    quint64 m_call = 0;
    QLabel *m_header;
    QLabel *m_status;
    QLabel *m_code;
    QLabel *m_start;
    QLabel *m_end;
    QLabel *m_duration;
    QLineEdit *m_correlation;
    QLabel *m_trigger;
    QLabel *m_origin;
    QLineEdit *m_inputs;
    QLineEdit *m_outputs;
    QTreeWidget *m_actions;
    QLabel *m_message;
    QPushButton *m_cancel;
    QPushButton *m_resubmit;
    QPushButton *m_refresh;
};

} // namespace fc
