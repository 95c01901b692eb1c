#pragma once

#include "PagedTableModel.h"

namespace fc {

// The connections of one environment: name, connector, status, created.
class ConnectionListModel : public PagedTableModel<Connection>
{
    Q_OBJECT
public:
    enum Column { NameColumn, ConnectorColumn, StatusColumn, CreatedColumn, ColumnCount };

    explicit ConnectionListModel(ApiClient *client, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    ApiClient::CallId callPage(const QString &nextLink, Callback callback) override;
};

} // namespace fc
