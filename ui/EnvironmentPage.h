#pragma once

#include "api/Types.h"

#include <QModelIndex>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTimer;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;

namespace fc {

class ApiClient;
class ConnectionListModel;
class ConnectorListModel;
class NavigationModel;

// The page of one environment: its details, its flows as a sortable table (the navigation
// model's rows, rooted at the environment), and its connections and connectors, which load
// when their tab is first shown.
class EnvironmentPage : public QWidget
{
    Q_OBJECT
public:
    EnvironmentPage(ApiClient *client, NavigationModel *navigation, QWidget *parent = nullptr);

    void setEnvironment(const Environment &environment);
    QString environmentName() const { return m_environment.name; }
    QTableView *flowTable() const { return m_flows; }
    // The flow rows of the table's selection, as indexes of the navigation model.
    QModelIndexList selectedFlows() const;
    void refreshLists();
    ConnectionListModel *connectionModel() const { return m_connectionModel; }
    QTableView *connectionTable() const { return m_connections; }

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    void flowActivated(const QModelIndex &navigationIndex);
    void flowSelectionChanged();
    void contextMenuRequested(const QPoint &globalPos);

private:
    void loadVisibleTab();
    // "Used by": the flows listed under the environment, by the connections they reference.
    void updateConnectionUsage();
    void showSelectedConnection();
    static QTableView *makeTable(const QString &objectName, const QString &accessibleName);

    ApiClient *m_client;
    NavigationModel *m_navigation;
    Environment m_environment;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_flows = nullptr;
    QTableView *m_connections = nullptr;
    QWidget *m_connectionsTab = nullptr;
    QLabel *m_connectionDetails = nullptr;
    QLabel *m_usageNote = nullptr;
    QPushButton *m_listAllFlows = nullptr;
    QTimer *m_usageTimer = nullptr;
    bool m_listingAllFlows = false;
    QTableView *m_connectors = nullptr;
    QSortFilterProxyModel *m_flowProxy = nullptr;
    ConnectionListModel *m_connectionModel = nullptr;
    ConnectorListModel *m_connectorModel = nullptr;
};

} // namespace fc
