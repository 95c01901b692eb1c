#include "ConnectorListModel.h"

namespace fc {

ConnectorListModel::ConnectorListModel(ApiClient *client, QObject *parent)
    : PagedTableModel<Connector>(client, parent)
{}

ApiClient::CallId ConnectorListModel::callPage(const QString &nextLink, Callback callback)
{
    return client()->listConnectors(environment(), this, std::move(callback), nextLink);
}

int ConnectorListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Connector &c = item(index);
    if (role == KeyRole)
        return c.name;
    if (role == SortRole && index.column() == CustomColumn)
        return c.isCustom;
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.displayName.isEmpty() ? c.name : c.displayName;
    case PublisherColumn:
        return c.publisher;
    case TierColumn:
        return c.tier;
    case CustomColumn:
        return c.isCustom ? tr("Custom") : tr("Built-in");
    default:
        return {};
    }
}

QVariant ConnectorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PublisherColumn:
        return tr("Publisher");
    case TierColumn:
        return tr("Tier");
    case CustomColumn:
        return tr("Kind");
    default:
        return {};
    }
}

} // namespace fc
