#pragma once

#include "PagedTableModel.h"

namespace fc {

// The connectors an environment offers: name, publisher, tier, and whether it is custom.
class ConnectorListModel : public PagedTableModel<Connector>
{
    Q_OBJECT
public:
    enum Column { NameColumn, PublisherColumn, TierColumn, CustomColumn, ColumnCount };

    explicit ConnectorListModel(ApiClient *client, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    ApiClient::CallId callPage(const QString &nextLink, Callback callback) override;
};

} // namespace fc
