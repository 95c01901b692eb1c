#pragma once

#include "api/Types.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace fc {

class ApiClient;
class BulkEngine;
class OperationManager;
class RecycleBinModel;

// "Recycle bin (admin)": an environment's flows deleted in the last 21 days, when, by whom they
// were created and how long they can still be restored; Restore (one or many) as a journalled
// bulk operation. A restored flow comes back turned off, in its owners' lists.
class RecycleBinPage : public QWidget
{
    Q_OBJECT
public:
    RecycleBinPage(ApiClient *client, OperationManager *operations, QWidget *parent = nullptr);
    ~RecycleBinPage() override;

    void setEnvironment(const Environment &environment, bool reload = false);
    QString environmentName() const { return m_env.name; }
    RecycleBinModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    BulkEngine *restoreSelected();

signals:
    void statusMessage(const QString &message);
    void flowsRestored(const QString &environment);

private:
    void updateState();

    OperationManager *m_operations;
    Environment m_env;
    RecycleBinModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_error;
    QPushButton *m_restore;
    QPushButton *m_refresh;
    QTableView *m_table;
};

} // namespace fc
