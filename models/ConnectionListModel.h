#pragma once

#include "PagedTableModel.h"

#include <QHash>
#include <QSet>

namespace fc {

// The connections of one environment: name, connector (by its display name), status (an icon
// and the service's reason for a connection in Error), the flows that use it, created.
class ConnectionListModel : public PagedTableModel<Connection>
{
    Q_OBJECT
public:
    enum Column { NameColumn, ConnectorColumn, StatusColumn, UsedByColumn, CreatedColumn, ColumnCount };

    explicit ConnectionListModel(ApiClient *client, QObject *parent = nullptr);

    // Which flows use which connection (connection name → flow display names), from the flows'
    // connection references. The page gives what it knows; rows it does not know read "—".
    void setUsage(const QHash<QString, QStringList> &flowsByConnection, bool complete);
    QStringList usedBy(const QString &connectionName) const { return m_usage.value(connectionName); }
    // The connector's display name once the service told it (getConnector), else the
    // connection's own hint, else the API's short name.
    QString connectorName(const Connection &connection) const;
    // Why a connection in Error cannot be used and what to do, in one or two sentences.
    static QString problemText(const Connection &connection);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void connectorNamesResolved();

protected:
    ApiClient::CallId callPage(const QString &nextLink, Callback callback) override;

private:
    void resolveConnectorNames();

    QHash<QString, QString> m_connectorNames; // API short name → display name
    QSet<QString> m_asked;                    // API short names looked up (or being looked up)
    QHash<QString, QStringList> m_usage;
    bool m_usageComplete = false;
};

} // namespace fc
