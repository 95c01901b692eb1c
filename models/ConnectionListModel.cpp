#include "ConnectionListModel.h"

#include "Formatting.h"
#include "RunDisplay.h"

namespace fc {

using namespace Qt::Literals::StringLiterals;

ConnectionListModel::ConnectionListModel(ApiClient *client, QObject *parent)
    : PagedTableModel<Connection>(client, parent)
{
    connect(this, &PagedModelBase::pageLoaded, this, &ConnectionListModel::resolveConnectorNames);
}

ApiClient::CallId ConnectionListModel::callPage(const QString &nextLink, Callback callback)
{
    return client()->listConnections(environment(), this, std::move(callback), nextLink);
}

// The list names a connector only by its API id (…/apis/shared_approvals). Each connector in
// use is asked for once; an environment uses a few dozen at most.
void ConnectionListModel::resolveConnectorNames()
{
    if (!client())
        return;
    for (const Connection &c : items()) {
        const QString api = apiShortName(c.apiId);
        if (api.isEmpty() || m_asked.contains(api))
            continue;
        m_asked.insert(api);
        client()->getConnector(environment(), api, this, [this, api](Result<Connector> connector) {
            if (!connector) {
                if (connector.error().kind != ApiError::Kind::Cancelled)
                    m_asked.remove(api); // asked again with the next page or refresh
                return;
            }
            if (connector->displayName.isEmpty())
                return;
            m_connectorNames.insert(api, connector->displayName);
            if (rowCount() > 0)
                emit dataChanged(index(0, ConnectorColumn), index(rowCount() - 1, ConnectorColumn));
            emit connectorNamesResolved();
        });
    }
}

QString ConnectionListModel::connectorName(const Connection &connection) const
{
    const QString api = apiShortName(connection.apiId);
    const QString known = m_connectorNames.value(api);
    if (!known.isEmpty())
        return known;
    return connection.connectorDisplayName.isEmpty() ? api : connection.connectorDisplayName;
}

QString ConnectionListModel::problemText(const Connection &connection)
{
    if (connection.status.compare("Error"_L1, Qt::CaseInsensitive) != 0)
        return {};
    const QString why = connection.errorMessage.isEmpty()
                            ? tr("the service reports an error but gives no reason.")
                            : connection.errorMessage;
    return tr("This connection cannot be used: %1 Flows that use it fail until its owner signs in to it "
              "again (in Power Automate: Data → Connections → Fix connection).")
        .arg(why);
}

void ConnectionListModel::setUsage(const QHash<QString, QStringList> &flowsByConnection, bool complete)
{
    m_usage = flowsByConnection;
    m_usageComplete = complete;
    if (rowCount() > 0)
        emit dataChanged(index(0, UsedByColumn), index(rowCount() - 1, UsedByColumn));
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString statusText(const QString &status)
{
    if (status.compare("Connected"_L1, Qt::CaseInsensitive) == 0)
        return ConnectionListModel::tr("Connected");
    if (status.compare("Error"_L1, Qt::CaseInsensitive) == 0)
        return ConnectionListModel::tr("Error");
    return status;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Connection &c = item(index);
    if (role == KeyRole)
        return c.name;
    const bool error = c.status.compare("Error"_L1, Qt::CaseInsensitive) == 0;
    if (role == Qt::DecorationRole && index.column() == StatusColumn)
        return RunDisplay::statusIcon(error ? RunStatus::Failed : RunStatus::Succeeded);
    if (role == SortRole && index.column() == CreatedColumn)
        return c.createdMs;
    if (role == SortRole && index.column() == UsedByColumn)
        return m_usage.value(c.name).size();
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ConnectorColumn:
            return c.apiId;
        case StatusColumn:
            return error ? problemText(c) : statusText(c.status);
        case UsedByColumn: {
            const QStringList flows = m_usage.value(c.name);
            return flows.isEmpty() ? QVariant() : QVariant(flows.join(u'\n'));
        }
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.displayName.isEmpty() ? c.name : c.displayName;
    case ConnectorColumn:
        return connectorName(c);
    case StatusColumn:
        return statusText(c.status);
    case UsedByColumn: {
        const QStringList flows = m_usage.value(c.name);
        if (flows.isEmpty())
            return m_usageComplete ? tr("No flow") : tr("None of the flows listed");
        return flows.size() == 1 ? flows.first() : tr("%n flow(s)", nullptr, int(flows.size()));
    }
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
    case UsedByColumn:
        return tr("Used by");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace fc
