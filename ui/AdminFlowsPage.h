#pragma once

#include "api/Types.h"
#include "ops/BulkTypes.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace fc {

class AdminFlowsFilter;
class AdminFlowsModel;
class ApiClient;
class BulkEngine;
class OperationManager;

// "All flows (admin)": every flow of an environment with its owners, a "No valid owner" badge,
// "Orphaned only", CSV export, and bulk work through the admin scope, journalled like every
// bulk operation: add a co-owner, turn on, turn off, delete. Owners… and Open work on flows the
// administrator does not own.
class AdminFlowsPage : public QWidget
{
    Q_OBJECT
public:
    AdminFlowsPage(ApiClient *client, OperationManager *operations, QWidget *parent = nullptr);
    ~AdminFlowsPage() override;

    // Shows an environment; lists it when it is another one than before (or when asked again).
    void setEnvironment(const Environment &environment, bool reload = false);
    QString environmentName() const { return m_env.name; }
    AdminFlowsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QCheckBox *orphanedOnly() const { return m_orphanedOnly; }
    QLineEdit *filterEdit() const { return m_filter; }
    QList<Flow> selectedFlows() const;
    void selectAllVisible();

    // Starts "Add co-owner" for the selected flows with this principal (what the dialog does).
    BulkEngine *addCoOwner(const Principal &principal);

signals:
    void statusMessage(const QString &message);
    // Open a flow the administrator may not own: the window opens it through the admin scope.
    void openFlowRequested(const fc::Flow &flow);
    void flowsChanged(const QString &environment); // deleted or changed: the tree reloads them

private:
    void updateProgress();
    void updateButtons();
    void chooseCoOwner();
    void runBulk(BulkAction action, const QString &title);
    void confirmDelete();
    void openOwners();
    void exportCsv();
    void showError(const QString &text);
    void track(BulkEngine *engine, BulkAction action);

    ApiClient *m_client;
    OperationManager *m_operations;
    Environment m_env;
    AdminFlowsModel *m_model;
    AdminFlowsFilter *m_proxy;
    QLabel *m_title;
    QLineEdit *m_filter;
    QCheckBox *m_orphanedOnly;
    QLabel *m_counts;
    QLabel *m_error;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_stop;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QPushButton *m_addCoOwner;
    QPushButton *m_owners;
    QPushButton *m_turnOn;
    QPushButton *m_turnOff;
    QPushButton *m_delete;
    QTableView *m_table;
};

} // namespace fc
