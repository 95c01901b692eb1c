#include "ConnectionListModel.h"

#include "Formatting.h"

namespace fc {

ConnectionListModel::ConnectionListModel(ApiClient *client, QObject *parent)
    : PagedTableModel<Connection>(client, parent)
{}

ApiClient::CallId ConnectionListModel::callPage(const QString &nextLink, Callback callback)
{
    return client()->listConnections(environment(), this, std::move(callback), nextLink);
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Connection &c = item(index);
    if (role == KeyRole)
        return c.name;
    if (role == SortRole && index.column() == CreatedColumn)
        return c.createdMs;
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.displayName.isEmpty() ? c.name : c.displayName;
    case ConnectorColumn:
        return apiShortName(c.apiId);
    case StatusColumn:
        return c.status;
    case CreatedColumn:
        return formatTime(c.createdMs);
    default:
        return {};
    }
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ConnectorColumn:
        return tr("Connector");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace fc
